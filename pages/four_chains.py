"""Four chains page: China's scorecard against the US and EU per chain, the chain x industry gap map, gaps to measures."""
from html import escape

import pandas as pd
import streamlit as st

from lib.queries import chains as q
from lib.ui import chain_figures as charts
from lib.ui import citations, export, page, state
from lib.ui.i18n import economy_name, format_rows, format_value, t, with_display_units


# ---------------------------------------------------------------- sections, built once per selection (page.memo)
def chain_name(chain: str, lang: str) -> str:
    return t(f"chains.chain.{chain}", lang)


def citation(row, lang: str) -> str:
    if row.origin == "document":
        return citations.document(row.source_id.removeprefix("doc-"), "", row.line_no, lang)
    return citations.dataset(row.source_id, lang, short=True)


def note(row, lang: str) -> str:
    notes = []
    if pd.notna(row.entity_chn) and pd.notna(row.entity_usa):  # missing is NaN, which is truthy
        notes.append(t("chains.company_note", lang, chn=row.entity_chn, usa=row.entity_usa))
    if pd.notna(row.qualifier):
        notes.append(t("chains.qualifier", lang))
    if pd.notna(row.share_of_world):
        notes.append(t("chains.scorecard.share_world", lang, share=format_value(row.share_of_world, "percent", lang)))
    return "; ".join(notes)


@page.memo
def scorecard_view(lang: str, present: bool) -> tuple[dict, list[str], list[str], object]:
    """The scorecard chart, the signals compared with neither the US nor the EU (markdown), the chains without an
    EU comparison (captions), and the documents' statements on industrial capability (an Arrow table)."""
    card = with_display_units(q.scorecard())
    signal = [row.name_zh if lang == "zh" else row.name_en for row in card.itertuples()]
    card = card.assign(
        chain_label=[chain_name(c, lang) for c in card["chain"]], signal=signal,
        label=[f"{chain_name(c, lang)} · {s} ({y})" for c, s, y in zip(card["chain"], signal, card["year"])],
        citation=[citation(row, lang) for row in card.itertuples()])
    card = charts.ratio_hover(card, lang).assign(note=[note(r, lang) for r in card.itertuples()])
    compared = card[card["ratio_usa"].notna() | card["ratio_euu"].notna()]
    scorecard_source = citations.join(compared["citation"], lang)
    table = pd.DataFrame({
        t("chains.col.chain", lang): card["chain_label"], t("chains.col.signal", lang): card["signal"],
        t("chains.col.year", lang): card["year"],
        **{economy_name(code, lang): format_rows(card, lang, column=f"value_{code.lower()}", high=None,
                                                 raw=f"raw_{code.lower()}") for code in ("CHN", "USA", "EUU", "WLD")},
        **{t(f"chains.col.ratio_{code}", lang): ["" if pd.isna(v) else charts.ratio_text(v, lang)
                                                 for v in card[f"ratio_{code}"]]
           for code in ("usa", "euu")},
        t("chains.col.note", lang): card["note"], t("chains.col.citation", lang): card["citation"],
        t("chains.col.quote", lang): card["quote"].fillna(""), "mention_id": card["mention_id"],
    })
    behind = {code: (int((compared[f"ratio_{code}"] < 1).sum()), int(compared[f"ratio_{code}"].notna().sum()))
              for code in ("usa", "euu")}
    finding = t("chains.scorecard.finding", lang, behind_usa=behind["usa"][0], n_usa=behind["usa"][1],
                behind_euu=behind["euu"][0], n_euu=behind["euu"][1])
    chart = dict(fig=charts.scorecard_figure(compared, source=scorecard_source, lang=lang, present=present,
                                             title=finding),
                 data=table, name="chain_scorecard", source=scorecard_source, lang=lang,
                 values=card.assign(series=card["signal"], source=card["citation"]),
                 indicators=tuple(compared["indicator_id"]))
    alone = card[card["ratio_usa"].isna() & card["ratio_euu"].isna()]
    without = [] if not len(alone) else [t("chains.scorecard.no_comparison", lang), "\n".join(
        f"- **{r.chain_label}** · {r.signal} ({r.year}): {format_value(r.value_chn, r.unit, lang, stated=r.raw_chn)}"
        f"{'; ' + r.note if r.note else ''} — {r.citation}: “{r.quote}”" for r in alone.itertuples())]
    no_eu = [t("chains.scorecard.chain_missing", lang, chain=chain_name(c, lang)) for c in q.CHAINS[:4]
             if card.loc[card["chain"] == c, "ratio_euu"].isna().all()]
    statements = q.industrial_statements()
    industrial = pd.DataFrame({
        t("chains.col.topic", lang): [t(f"chains.topic.{x}", lang) for x in statements["topic"]],
        t("chains.col.document", lang): statements["doc_id"], t("chains.col.line", lang): statements["line_no"],
        t("chains.col.quote", lang): statements["quote"],
        t("chains.col.summary", lang): statements[f"summary_{lang}"]})
    return chart, without, no_eu, industrial


@page.memo
def documents_view(lang: str) -> tuple[tuple[str, ...], dict, str]:
    """The documents with gaps: their ids, titles, and the caption naming them."""
    documents = q.documents_with_gaps()
    titles = dict(zip(documents["doc_id"], documents[f"title_{lang}"]))
    caption = citations.join([f"{t('chains.gapmap.document', lang, doc=d)}：{titles[d]}" if lang == "zh"
                              else f"{t('chains.gapmap.document', lang, doc=d)}: {titles[d]}" for d in titles], lang)
    return tuple(documents["doc_id"]), titles, caption


def gapmap_title(matrix: pd.DataFrame, lang: str) -> str:
    """The two chains with the most gaps on the map (chains as rows, industries as columns)."""
    per_chain = matrix.sum(axis=1).sort_values(ascending=False, kind="stable")
    if len(per_chain) < 2 or per_chain.iloc[1] == 0:
        return t("chains.gapmap.title", lang)
    (first, n), (second, m) = per_chain.iloc[:2].items()
    return t("chains.gapmap.finding", lang, first=chain_name(first, lang), n=int(n), second=chain_name(second, lang),
             m=int(m))


@page.memo
def gapmap_view(docs: tuple[str, ...], lang: str, present: bool) -> dict:
    """The chain x industry gap map of the chosen documents."""
    titles = documents_view(lang)[1]
    matrix = charts.gap_matrix(q.gap_counts(docs), q.CHAINS, q.INDUSTRIES)
    gapmap_source = "; ".join(f"{d} {titles[d]}" for d in docs)
    heatmap = charts.heatmap_figure(matrix, title=gapmap_title(matrix, lang),
                                    subtitle=t("chains.gapmap.subtitle", lang, docs=", ".join(docs)),
                                    source=gapmap_source, lang=lang, present=present)
    counts_table = matrix.rename(index=lambda c: chain_name(c, lang),
                                 columns=lambda i: t(f"chains.industry.{i}", lang)).reset_index(
        names=t("chains.col.chain", lang))
    return dict(fig=heatmap, data=counts_table, name="chain_gap_map", source=gapmap_source, lang=lang,
                notes=t("chains.gapmap.notes", lang))


@page.memo
def gaps_csv(docs: tuple[str, ...], lang: str) -> bytes:
    """Every gap of the chosen documents with its citation, as CSV."""
    return charts.gap_csv(q.gaps(docs), lang)


@page.memo
def selected_gaps(docs: tuple[str, ...], chain: str, industry: str, lang: str) -> tuple[str, object]:
    """The heading saying how many gaps the chain and industry have, and their table (None without any)."""
    selected = q.gaps(docs, chain, None if industry == "all" else industry)
    heading = t("chains.gapmap.list", lang, n=len(selected))
    if selected.empty:
        return heading, None
    return heading, pd.DataFrame({
        t("chains.col.industry", lang): [t(f"chains.industry.{i}", lang) for i in selected["industry"]],
        t("chains.col.summary", lang): selected[f"summary_{lang}"], t("chains.col.quote", lang): selected["quote"],
        t("chains.col.document", lang): selected["doc_id"],
        t("chains.col.line", lang): [f"{a}" if a == b else f"{a}–{b}"
                                     for a, b in zip(selected["line_no"], selected["line_end"])],
        t("chains.col.section", lang): selected["section"]})


@page.memo
def gaps_and_measures(docs: tuple[str, ...], chain: str, lang: str) -> tuple[str, tuple[str, ...], str,
                                                                             tuple[str, ...]]:
    """The chain's gaps and the measures the documents propose for it: a heading and one markdown item each."""
    chain_gaps, chain_measures = q.gaps(docs, chain), q.measures(docs, chain)
    gaps = tuple(f"- {getattr(row, f'summary_{lang}')}  \n  <small>{row.doc_id} · "
                 f"{t('chains.col.line', lang)} {row.line_no}: “{escape(row.quote)}”</small>"
                 for row in chain_gaps.itertuples())
    measures = []
    for row in chain_measures.itertuples():
        others = ", ".join(chain_name(c, lang) for c in (row.chains or "").split(",") if c and c != chain)
        measures.append(f"- {getattr(row, f'summary_{lang}')}"
                        f"{' (' + others + ')' if others else ''}  \n  <small>{row.doc_id} · "
                        f"{t('chains.col.line', lang)} {row.line_no}: “{escape(row.quote)}”</small>")
    return (t("chains.measures.gaps", lang, chain=chain_name(chain, lang), n=len(chain_gaps)), gaps,
            t("chains.measures.list", lang, n=len(chain_measures)), tuple(measures))


ctx = page.setup("four_chains")
lang = ctx.lang

# ---------------------------------------------------------------- 1. scorecard
st.header(ctx.t("chains.scorecard.header"))
intro = ctx.t("chains.scorecard.intro")  # presentation mode has no controls to point at
st.caption(intro if ctx.present else f"{intro} {ctx.t('chains.scorecard.howto')}")
scorecard, without_comparison, no_eu, industrial = scorecard_view(lang, ctx.present)
page.chart(**scorecard)
for text in without_comparison:
    st.markdown(text)
for text in no_eu:
    st.caption(text)

# A section like those below (page.more): its grid is sent once the reader opens it, not with the first screen.
with page.more("chains_industrial", ctx.t("chains.scorecard.industrial_text"), icon=":material/memory:"):
    page.table(industrial, lang)

# ---------------------------------------------------------------- 2. gap map
st.header(ctx.t("chains.gapmap.header"))
intro = ctx.t("chains.gapmap.intro")  # presentation mode has no controls to point at
st.caption(intro if ctx.present else f"{intro} {ctx.t('chains.gapmap.howto')}")
doc_ids, titles, titles_caption = documents_view(lang)
DOCS = state.multi("docs", doc_ids, default=doc_ids)
CHAIN = state.choice("chain", q.CHAINS)
INDUSTRY = state.choice("industry", ("all",) + q.INDUSTRIES)
# The pills carry the document ids only: a long English title was cut off at 1100 px; the titles follow below.
st.pills(ctx.t("chains.gapmap.documents"), list(doc_ids), selection_mode="multi",
         format_func=lambda d: ctx.t("chains.gapmap.document", doc=d), **state.widget_kwargs(DOCS))
st.caption(titles_caption)
docs = state.get(DOCS)
if not docs:
    st.info(ctx.t("chains.gapmap.none"))
    st.stop()

page.chart(**gapmap_view(docs, lang, ctx.present))

# The gap map as a report-size PNG and every gap with its citation as CSV, next to the map (not 18,000 px down).
@st.cache_data(show_spinner=False, max_entries=32)
def gap_map_png(docs: tuple[str, ...], lang: str) -> bytes:
    # Kaleido takes seconds: made only when the button is clicked, once per document selection and language.
    matrix = charts.gap_matrix(q.gap_counts(docs), q.CHAINS, q.INDUSTRIES)
    return export.png(charts.heatmap_figure(
        matrix, title=gapmap_title(matrix, lang),
        subtitle=ctx.t("chains.gapmap.subtitle", docs=", ".join(docs)),
        source="; ".join(f"{d} {titles[d]}" for d in docs), lang=lang, present=True))


png_col, csv_col = st.columns(2)
unavailable = export.unavailable()
if unavailable:
    png_col.warning(ctx.t("chains.export.failed", reason=unavailable))
else:
    png_col.download_button(ctx.t("chains.export.png"), data=lambda: gap_map_png(docs, lang),
                            file_name=f"chain_gap_map_{'-'.join(docs)}_{lang}.png", mime="image/png",
                            on_click="ignore", icon=":material/image:")
csv_col.download_button(ctx.t("chains.export.csv"), data=gaps_csv(docs, lang),
                        file_name=f"chain_gaps_{'-'.join(docs)}_{lang}.csv", mime="text/csv", on_click="ignore",
                        icon=":material/download:")


def open_selected() -> None:
    """A chain or industry was chosen: the list of its gaps opens."""
    page.open_more("chains_selected")


left, right = st.columns(2)
left.selectbox(ctx.t("chains.gapmap.chain"), q.CHAINS, format_func=lambda c: chain_name(c, lang),
               **state.widget_kwargs(CHAIN, then=open_selected))
right.selectbox(ctx.t("chains.gapmap.industry"), ("all",) + q.INDUSTRIES,
                format_func=lambda i: ctx.t(f"chains.industry.{i}"),
                **state.widget_kwargs(INDUSTRY, then=open_selected))
chain, industry = state.get(CHAIN), state.get(INDUSTRY)

# The selected gaps in a section of their own (page.more), open once the reader chooses a chain or an industry (or
# a link names one): their data grid was a quarter of the reference page's CPU on load (bench.floor's four chains
# ladder), for a list below the first screen; the CSV above holds every gap.
heading, selected = selected_gaps(docs, chain, industry, lang)
with page.more("chains_selected", heading, icon=":material/table_rows:",
               opened=state.in_url(CHAIN) or state.in_url(INDUSTRY)):
    if selected is None:
        st.info(ctx.t("chains.gapmap.empty"))
    else:
        page.table(selected, lang)

# ---------------------------------------------------------------- 3. gaps to measures
# Below the first screens: the two long lists are sent once their section is opened (page.more).
with page.more("chains_measures", ctx.t("chains.measures.header"), icon=":material/checklist:") as opened:
    if opened:
        st.caption(ctx.t("chains.measures.intro"))
        gaps_heading, gap_items, measures_heading, measure_items = gaps_and_measures(docs, chain, lang)
        gaps_col, measures_col = st.columns(2)
        # Long lists scroll inside a box of fixed height: the page was ~20,000 px long with them spelled out.
        gaps_col, measures_col = (column.container(height=640) for column in (gaps_col, measures_col))
        # Each list is one markdown element: one element per item (about 130) was most of the page's drawing.
        with gaps_col:
            st.subheader(gaps_heading)
            if gap_items:
                st.markdown("\n".join(gap_items), unsafe_allow_html=True)
        with measures_col:
            st.subheader(measures_heading)
            if not measure_items:
                st.info(ctx.t("chains.measures.empty"))
            else:
                st.markdown("\n".join(measure_items), unsafe_allow_html=True)
