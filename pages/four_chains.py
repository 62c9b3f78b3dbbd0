"""Four chains page: China's scorecard against the US and EU per chain, the chain x industry gap map, gaps to measures."""
from html import escape

import pandas as pd
import streamlit as st

from lib.queries import chains as q
from lib.ui import chain_figures as charts
from lib.ui import citations, export, page, state
from lib.ui.i18n import economy_name, format_value, with_display_units

ctx = page.setup("four_chains")
lang = ctx.lang


def chain_name(chain: str) -> str:
    return ctx.t(f"chains.chain.{chain}")


def citation(row) -> str:
    if row.origin == "document":
        return citations.document(row.source_id.removeprefix("doc-"), "", row.line_no, lang)
    return citations.dataset(row.source_id, lang, short=True)


# ---------------------------------------------------------------- 1. scorecard
st.header(ctx.t("chains.scorecard.header"))
intro = ctx.t("chains.scorecard.intro")  # presentation mode has no controls to point at
st.caption(intro if ctx.present else f"{intro} {ctx.t('chains.scorecard.howto')}")
card = with_display_units(q.scorecard())
signal = [row.name_zh if lang == "zh" else row.name_en for row in card.itertuples()]
card = card.assign(
    chain_label=[chain_name(c) for c in card["chain"]], signal=signal,
    label=[f"{chain_name(c)} · {s} ({y})" for c, s, y in zip(card["chain"], signal, card["year"])],
    citation=[citation(row) for row in card.itertuples()])


def note(row) -> str:
    notes = []
    if pd.notna(row.entity_chn) and pd.notna(row.entity_usa):  # missing is NaN, which is truthy
        notes.append(ctx.t("chains.company_note", chn=row.entity_chn, usa=row.entity_usa))
    if pd.notna(row.qualifier):
        notes.append(ctx.t("chains.qualifier"))
    if pd.notna(row.share_of_world):
        notes.append(ctx.t("chains.scorecard.share_world", share=format_value(row.share_of_world, "percent", lang)))
    return "; ".join(notes)


card = charts.ratio_hover(card, lang).assign(note=[note(r) for r in card.itertuples()])
compared = card[card["ratio_usa"].notna() | card["ratio_euu"].notna()]
scorecard_source = citations.join(compared["citation"], lang)
table = pd.DataFrame({
    ctx.t("chains.col.chain"): card["chain_label"], ctx.t("chains.col.signal"): card["signal"],
    ctx.t("chains.col.year"): card["year"],
    **{economy_name(code, lang): [format_value(v, u, lang) for v, u in zip(card[f"value_{code.lower()}"], card["unit"])]
       for code in ("CHN", "USA", "EUU", "WLD")},
    **{ctx.t(f"chains.col.ratio_{code}"): ["" if pd.isna(v) else charts.ratio_text(v, lang) for v in card[f"ratio_{code}"]]
       for code in ("usa", "euu")},
    ctx.t("chains.col.note"): card["note"], ctx.t("chains.col.citation"): card["citation"],
    ctx.t("chains.col.quote"): card["quote"].fillna(""), "mention_id": card["mention_id"],
})
behind = {code: (int((compared[f"ratio_{code}"] < 1).sum()), int(compared[f"ratio_{code}"].notna().sum()))
          for code in ("usa", "euu")}
finding = ctx.t("chains.scorecard.finding", behind_usa=behind["usa"][0], n_usa=behind["usa"][1],
                behind_euu=behind["euu"][0], n_euu=behind["euu"][1])
page.chart(charts.scorecard_figure(compared, source=scorecard_source, lang=lang, present=ctx.present, title=finding),
           table,
           name="chain_scorecard", source=scorecard_source, lang=lang, indicators=compared["indicator_id"])

alone = card[card["ratio_usa"].isna() & card["ratio_euu"].isna()]
if len(alone):
    st.markdown(ctx.t("chains.scorecard.no_comparison"))
    st.markdown("\n".join(
        f"- **{r.chain_label}** · {r.signal} ({r.year}): {format_value(r.value_chn, r.unit, lang)}"
        f"{'; ' + r.note if r.note else ''} — {r.citation}: “{r.quote}”" for r in alone.itertuples()))
no_eu = [c for c in q.CHAINS[:4] if card.loc[card["chain"] == c, "ratio_euu"].isna().all()]
for chain in no_eu:
    st.caption(ctx.t("chains.scorecard.chain_missing", chain=chain_name(chain)))

with st.expander(ctx.t("chains.scorecard.industrial_text"), icon=":material/memory:"):
    statements = q.industrial_statements()
    st.dataframe(pd.DataFrame({
        ctx.t("chains.col.topic"): [ctx.t(f"chains.topic.{x}") for x in statements["topic"]],
        ctx.t("chains.col.document"): statements["doc_id"], ctx.t("chains.col.line"): statements["line_no"],
        ctx.t("chains.col.quote"): statements["quote"],
        ctx.t("chains.col.summary"): statements[f"summary_{lang}"]}), hide_index=True)

# ---------------------------------------------------------------- 2. gap map
st.header(ctx.t("chains.gapmap.header"))
intro = ctx.t("chains.gapmap.intro")  # presentation mode has no controls to point at
st.caption(intro if ctx.present else f"{intro} {ctx.t('chains.gapmap.howto')}")
documents = q.documents_with_gaps()
DOCS = state.multi("docs", tuple(documents["doc_id"]), default=tuple(documents["doc_id"]))
CHAIN = state.choice("chain", q.CHAINS)
INDUSTRY = state.choice("industry", ("all",) + q.INDUSTRIES)
titles = dict(zip(documents["doc_id"], documents[f"title_{lang}"]))
# The pills carry the document ids only: a long English title was cut off at 1100 px; the titles follow below.
st.pills(ctx.t("chains.gapmap.documents"), list(documents["doc_id"]), selection_mode="multi",
         format_func=lambda d: ctx.t("chains.gapmap.document", doc=d), **state.widget_kwargs(DOCS))
st.caption(citations.join([f"{ctx.t('chains.gapmap.document', doc=d)}：{titles[d]}" if lang == "zh"
                           else f"{ctx.t('chains.gapmap.document', doc=d)}: {titles[d]}" for d in titles], lang))
docs = state.get(DOCS)
if not docs:
    st.info(ctx.t("chains.gapmap.none"))
    st.stop()

matrix = charts.gap_matrix(q.gap_counts(docs), q.CHAINS, q.INDUSTRIES)
gapmap_source = "; ".join(f"{d} {titles[d]}" for d in docs)
heatmap = charts.heatmap_figure(matrix, title=ctx.t("chains.gapmap.title"),
                                subtitle=ctx.t("chains.gapmap.subtitle", docs=", ".join(docs)),
                                source=gapmap_source, lang=lang, present=ctx.present)
counts_table = matrix.rename(index=chain_name, columns=lambda i: ctx.t(f"chains.industry.{i}")).reset_index(
    names=ctx.t("chains.col.chain"))
page.chart(heatmap, counts_table, name="chain_gap_map", source=gapmap_source, lang=lang,
           notes=ctx.t("chains.gapmap.notes"))

# The gap map as a report-size PNG and every gap with its citation as CSV, next to the map (not 18,000 px down).
@st.cache_data(show_spinner=False, max_entries=32)
def gap_map_png(docs: tuple[str, ...], lang: str) -> bytes:
    # Kaleido takes seconds: made only when the button is clicked, once per document selection and language.
    return export.png(charts.heatmap_figure(
        charts.gap_matrix(q.gap_counts(docs), q.CHAINS, q.INDUSTRIES), title=ctx.t("chains.gapmap.title"),
        subtitle=ctx.t("chains.gapmap.subtitle", docs=", ".join(docs)),
        source="; ".join(f"{d} {titles[d]}" for d in docs), lang=lang, present=True))


all_gaps = q.gaps(docs)
png_col, csv_col = st.columns(2)
unavailable = export.unavailable()
if unavailable:
    png_col.warning(ctx.t("chains.export.failed", reason=unavailable))
else:
    png_col.download_button(ctx.t("chains.export.png"), data=lambda: gap_map_png(docs, lang),
                            file_name=f"chain_gap_map_{'-'.join(docs)}_{lang}.png", mime="image/png",
                            on_click="ignore", icon=":material/image:")
csv_col.download_button(ctx.t("chains.export.csv"), data=charts.gap_csv(all_gaps, lang),
                        file_name=f"chain_gaps_{'-'.join(docs)}_{lang}.csv", mime="text/csv", on_click="ignore",
                        icon=":material/download:")


left, right = st.columns(2)
left.selectbox(ctx.t("chains.gapmap.chain"), q.CHAINS, format_func=chain_name, **state.widget_kwargs(CHAIN))
right.selectbox(ctx.t("chains.gapmap.industry"), ("all",) + q.INDUSTRIES,
                format_func=lambda i: ctx.t(f"chains.industry.{i}"), **state.widget_kwargs(INDUSTRY))
chain, industry = state.get(CHAIN), state.get(INDUSTRY)
selected = q.gaps(docs, chain, None if industry == "all" else industry)


def gap_table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        ctx.t("chains.col.industry"): [ctx.t(f"chains.industry.{i}") for i in frame["industry"]],
        ctx.t("chains.col.summary"): frame[f"summary_{lang}"], ctx.t("chains.col.quote"): frame["quote"],
        ctx.t("chains.col.document"): frame["doc_id"],
        ctx.t("chains.col.line"): [f"{a}" if a == b else f"{a}–{b}" for a, b in zip(frame["line_no"], frame["line_end"])],
        ctx.t("chains.col.section"): frame["section"]})


st.subheader(ctx.t("chains.gapmap.list", n=len(selected)))
if selected.empty:
    st.info(ctx.t("chains.gapmap.empty"))
else:
    st.dataframe(gap_table(selected), hide_index=True)

# ---------------------------------------------------------------- 3. gaps to measures
st.header(ctx.t("chains.measures.header"))
st.caption(ctx.t("chains.measures.intro"))
chain_gaps = q.gaps(docs, chain)
chain_measures = q.measures(docs, chain)
gaps_col, measures_col = st.columns(2)
# Long lists scroll inside a box of fixed height: the page was ~20,000 px long with them spelled out.
gaps_col, measures_col = (column.container(height=640) for column in (gaps_col, measures_col))
with gaps_col:
    st.subheader(ctx.t("chains.measures.gaps", chain=chain_name(chain), n=len(chain_gaps)))
    for row in chain_gaps.itertuples():
        st.markdown(f"- {getattr(row, f'summary_{lang}')}  \n  <small>{row.doc_id} · "
                    f"{ctx.t('chains.col.line')} {row.line_no}: “{escape(row.quote)}”</small>", unsafe_allow_html=True)
with measures_col:
    st.subheader(ctx.t("chains.measures.list", n=len(chain_measures)))
    if chain_measures.empty:
        st.info(ctx.t("chains.measures.empty"))
    for row in chain_measures.itertuples():
        others = ", ".join(chain_name(c) for c in (row.chains or "").split(",") if c and c != chain)
        st.markdown(f"- {getattr(row, f'summary_{lang}')}"
                    f"{' (' + others + ')' if others else ''}  \n  <small>{row.doc_id} · "
                    f"{ctx.t('chains.col.line')} {row.line_no}: “{escape(row.quote)}”</small>", unsafe_allow_html=True)
