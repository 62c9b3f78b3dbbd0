"""Overview page: where China stands against the US and the EU on every headline measure, then cards with each
economy's latest value, year and source, and links to the topic pages."""
import html

import pandas as pd
import streamlit as st

from lib.queries import overview as ov
from lib.queries import rd
from lib.ui import chain_figures, citations, figures, page, state
from lib.ui.i18n import economy_name, economy_short, format_value, number, t, with_display_units

CARD_SOURCES = {"rd": ("rd_intensity", "gerd_ppp", "researchers"), "unicorns": ("unicorns",),
                "digital_share": ("digital_share",)}
# A row of cards (a heading, then one bordered metric per economy with the documents' figures under it) is one HTML
# element drawn as Streamlit draws a heading, columns, st.metric(border=True) and captions in this theme: 49 of the
# page's 99 elements were these, each paying Streamlit's per-element React, CSS-in-JS and markdown in the browser and
# its protobuf and send on the server (README, Benchmark). No "<" inside the style: the browser's sanitiser would
# drop it.
CARDS_CLASS = "overview-cards"
CARDS_STYLE = f"""<style>
.overview-cards .cards-heading {{margin: 0 0 1rem;}}
.overview-cards .cards-row {{display: grid; grid-template-columns: repeat(var(--cards), minmax(0, 1fr)); gap: 1rem;}}
.overview-cards .card {{display: flex; flex-direction: column; gap: 1rem;}}
.overview-cards .metric {{border: 1px solid {figures.BORDER_COLOR}; border-radius: 0.5rem; padding: calc(1rem - 1px);}}
.overview-cards .metric-label {{display: flex; align-items: center; min-height: 1.5rem; font-size: 0.875rem;
  line-height: normal;}}
.overview-cards .metric-value {{font-size: 2.25rem; line-height: normal; padding-bottom: 0.25rem;
  overflow-wrap: anywhere;}}
.overview-cards .card-note {{font-size: 0.875rem; line-height: 1.6; opacity: 0.6; overflow-wrap: anywhere;}}
</style>"""


# ---------------------------------------------------------------- sections, built once per selection (page.memo)
def ahead(count: int, lang: str) -> str:
    """How many measures China is ahead on, in the title's words: `none` / 没有一项 for 0, not `0` / 有0项."""
    return t("overview.standing.ahead.zero" if count == 0 else "overview.standing.ahead", lang, n=count)


@page.memo
def standing_view(lang: str, present: bool) -> dict | None:
    """China ÷ US and China ÷ EU on every headline measure, as a chart (None with too few measures compared)."""
    standing = ov.standing()
    compared = standing[standing["ratio_usa"].notna() | standing["ratio_euu"].notna()]
    if compared.empty:
        return None
    compared = with_display_units(compared.assign(economy="CHN"))
    names = [t(f"overview.axis.{key}", lang) for key in compared["key"]]
    # The EU's export share counts trade between its members: the row says so, where a screenshot keeps it.
    names = [t("overview.axis.digital_share_eu", lang) if key == "digital_share" else name
             for key, name in zip(compared["key"], names)]
    rows = compared.assign(
        name=names, label=[t("overview.standing.label", lang, name=n, year=y) for n, y in zip(names, compared["year"])],
        citation=[citations.dataset(s, lang, short=True) for s in compared["source_id"]])
    rows = chain_figures.ratio_hover(rows, lang)
    standing_source = citations.join(rows["citation"], lang)
    fig = chain_figures.scorecard_figure(
        rows, source=standing_source, lang=lang, present=present,
        title=t("overview.standing.title", lang, n=len(rows), ahead_usa=ahead(int((rows["ratio_usa"] > 1).sum()), lang),
                ahead_euu=ahead(int((rows["ratio_euu"] > 1).sum()), lang)),
        subtitle=t("overview.standing.subtitle", lang))
    table = pd.DataFrame({
        t("overview.col.measure", lang): rows["name"], t("overview.col.year", lang): rows["year"],
        **{economy_name(code, lang): [format_value(v, u, lang) for v, u in zip(rows[f"value_{code.lower()}"],
                                                                               rows["unit"])]
           for code in ("CHN", "USA", "EUU")},
        t("chains.col.ratio_usa", lang): [chain_figures.ratio_text(v, lang) for v in rows["ratio_usa"]],
        t("chains.col.ratio_euu", lang): [chain_figures.ratio_text(v, lang) for v in rows["ratio_euu"]],
        t("rd.col.source", lang): rows["citation"]})
    return dict(fig=fig, data=table, name="overview_standing", source=standing_source, lang=lang,
                indicators=tuple(rows["indicator_id"]), sources=tuple(rows["source_id"]),
                values=rows.drop(columns="economy").assign(series=rows["name"], source=rows["citation"]))


@page.memo
def cards_view(economies: tuple[str, ...], lang: str) -> dict:
    """Every card: its heading and, per economy, (metric label, value, the documents' figures as captions); the
    source lines; and which cards show a document's own figure."""
    headlines = with_display_units(ov.latest(economies))
    # One lookup instead of a DataFrame filter per card: (key, economy) -> row.
    latest = {(row["key"], row["economy"]): row for row in headlines.to_dict("records")}
    # The documents' own figures shown under a card: (key, economy) -> rows with quote, document and line.
    stated: dict[tuple[str, str], list[dict]] = {}
    for key, indicator_id in (("unicorns", "unicorn_count"), ("digital_share", ov.DOCUMENT_DIGITAL_SHARE)):
        for row in ov.document_figures(indicator_id, economies).to_dict("records"):
            stated.setdefault((key, row["economy"]), []).append(row)

    def card(key: str, **fmt) -> tuple[str, list[tuple[str, str, list[str]]]]:
        # Money values share one scale, named in the heading with the unit, so the value itself stays short.
        rows = headlines[headlines["key"] == key]
        factor, unit = 1.0, str(rows["unit"].iloc[0]) if len(rows) else ""
        if len(rows) and unit not in ("percent", "count"):
            factor, unit = figures.axis_scale(rows["value"].tolist(), unit, lang)
        cells = []
        for code in economies:
            row = latest.get((key, code))
            if row is None:
                cells.append((economy_short(code, lang), t("overview.none", lang), []))
                continue
            shown = format_value(row["value"], row["unit"], lang) if factor == 1.0 else number(
                row["value"] / factor, lang, row["unit"], scaled=True)  # the scale word is in the heading
            notes = [t("overview.document_states", lang, doc_id=doc["doc_id"], line=doc["line_no"],
                       period=doc["period"], quote=doc["quote"],
                       value=format_value(doc["value"], doc["unit"], lang, high=doc["value_high"], stated=doc["raw"]))
                     for doc in stated.get((key, code), [])]
            cells.append((t("overview.card.label", lang, economy=economy_short(code, lang), year=int(row["year"])),
                          shown, notes))
        return t(f"overview.card.{key}", lang, unit=unit, **fmt), cells

    def cite(keys: tuple[str, ...]) -> str:
        """Source line of a card: the dataset, its series and the notes on the rows shown (e.g. EU sums)."""
        rows = headlines[headlines["key"].isin(keys)]
        if rows.empty:
            return ""
        notes = rows[f"note_{lang}"].dropna().unique()
        return t("overview.source", lang, source=citations.series(rows["source_id"].iloc[0],
                                                                  tuple(dict.fromkeys(rows["indicator_id"])), lang,
                                                                  notes))

    digital = headlines[headlines["key"] == "digital_share"]
    return {
        "cards": {key: card(key, **({"snapshot": ov.list_snapshot(ov.UNICORN_SOURCE)} if key == "unicorns" else {}))
                  for key in ("rd_intensity", "gerd_ppp", "researchers", "unicorns", "digital_share")},
        "cite": {name: cite(keys) for name, keys in CARD_SOURCES.items()},
        "stated": {key for key, _ in stated},
        "definition": t("overview.card.digital_definition", lang,
                        definition=rd.indicator(digital["indicator_id"].iloc[0]).get(f"definition_{lang}", ""))
        if len(digital) else None,
    }


@page.memo
def chains_view(lang: str) -> tuple[tuple[tuple[str, int], ...], str]:
    """Gaps per chain as (label, count), and the documents they come from."""
    gaps, gap_documents = ov.gaps_per_chain()
    return (tuple((t(f"overview.chain.{chain}", lang), int(count)) for chain, count in gaps.items()),
            t("overview.card.chains", lang, docs=", ".join(gap_documents["doc_id"])))


ctx = page.setup("overview")
lang, economies = ctx.lang, ctx.economies

# ---------------------------------------------------------------- where China stands (the first screen)
st.caption(ctx.t("overview.intro"))
standing_chart = standing_view(lang, ctx.present)
if standing_chart is None:
    st.info(ctx.t("overview.standing.too_few"))
else:
    page.chart(**standing_chart)
    st.caption(ctx.t("overview.standing.note"))


# ---------------------------------------------------------------- cards
view = cards_view(economies, lang)


def card_row(heading: str, cells: list[tuple[str, str, list[str]]]) -> None:
    """A heading (none if empty) and one metric per cell (label, value), with the documents' figures under it."""
    cards_html = "".join(
        f'<div class="card"><div class="metric"><div class="metric-label">{html.escape(label)}</div>'
        f'<div class="metric-value">{html.escape(value)}</div></div>'
        + "".join(f'<div class="card-note">{html.escape(text)}</div>' for text in notes) + "</div>"
        for label, value, notes in cells)
    head = f'<p class="cards-heading"><strong>{html.escape(heading)}</strong></p>' if heading else ""
    st.html(f'{CARDS_STYLE}<div class="{CARDS_CLASS}">{head}'
            f'<div class="cards-row" style="--cards: {len(cells)}">{cards_html}</div></div>')


def cards(key: str) -> None:
    """One metric per economy labelled with its year, and the documents' own figure under it where they state one."""
    card_row(*view["cards"][key])


def theme(page_id: str):
    """A bordered card for one theme, headed by its name and a link to its page (carrying language and economies)."""
    box = st.container(border=True)
    left, right = box.columns([3, 1])
    left.subheader(ctx.t(f"overview.theme.{page_id}"))
    right.markdown(f"[{ctx.t('overview.open', page=ctx.t(f'page.{page_id}.title'))}]({state.link(page_id)})")
    return box


with theme("rd"):
    cards("rd_intensity")
    cards("gerd_ppp")
    cards("researchers")
    st.caption(view["cite"]["rd"])

with theme("unicorns"):
    cards("unicorns")
    if "unicorns" in view["stated"]:
        st.caption(ctx.t("overview.card.unicorns_recount"))
    st.caption(view["cite"]["unicorns"])

with theme("digital_services"):
    cards("digital_share")
    if "EUU" in economies:
        st.caption(ctx.t("overview.card.digital_eu"))
    if "digital_share" in view["stated"]:
        st.caption(ctx.t("overview.card.digital_claim"))
    if view["definition"] is not None:
        st.caption(view["definition"])
    st.caption(view["cite"]["digital_share"])

with theme("four_chains"):
    chain_gaps, chain_documents = chains_view(lang)
    card_row("", [(label, str(count), []) for label, count in chain_gaps])
    st.caption(chain_documents)
