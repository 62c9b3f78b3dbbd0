"""Overview page: where China stands against the US and the EU on every headline measure, then cards with each
economy's latest value, year and source, and links to the topic pages."""
import pandas as pd
import streamlit as st

from lib.queries import overview as ov
from lib.queries import rd
from lib.ui import chain_figures, citations, figures, page, state
from lib.ui.i18n import economy_name, economy_short, format_value, number, with_display_units

ctx = page.setup("overview")
lang, economies = ctx.lang, ctx.economies

# ---------------------------------------------------------------- data
standing = ov.standing()
headlines = with_display_units(ov.latest(economies))
# One lookup instead of a DataFrame filter per card: (key, economy) -> row.
latest = {(row["key"], row["economy"]): row for row in headlines.to_dict("records")}
# The documents' own figures shown under a card: (key, economy) -> rows with quote, document and line.
stated: dict[tuple[str, str], list[dict]] = {}
for key, indicator_id in (("unicorns", "unicorn_count"), ("digital_share", ov.DOCUMENT_DIGITAL_SHARE)):
    for row in ov.document_figures(indicator_id, economies).to_dict("records"):
        stated.setdefault((key, row["economy"]), []).append(row)
gaps, gap_documents = ov.gaps_per_chain()


def cite(keys: tuple[str, ...]) -> str:
    """Source line of a card: the dataset, its series and the notes on the rows shown (e.g. EU sums)."""
    rows = headlines[headlines["key"].isin(keys)]
    if rows.empty:
        return ""
    notes = rows[f"note_{lang}"].dropna().unique()
    return ctx.t("overview.source", source=citations.series(rows["source_id"].iloc[0],
                                                            tuple(dict.fromkeys(rows["indicator_id"])), lang, notes))


# ---------------------------------------------------------------- where China stands (the first screen)
st.caption(ctx.t("overview.intro"))
compared = standing[standing["ratio_usa"].notna() | standing["ratio_euu"].notna()]
if compared.empty:
    st.info(ctx.t("overview.standing.too_few"))
else:
    compared = with_display_units(compared.assign(economy="CHN"))
    names = [ctx.t(f"overview.axis.{key}") for key in compared["key"]]
    # The EU's export share counts trade between its members: the row says so, where a screenshot keeps it.
    names = [ctx.t("overview.axis.digital_share_eu") if key == "digital_share" else name
             for key, name in zip(compared["key"], names)]
    rows = compared.assign(
        name=names, label=[ctx.t("overview.standing.label", name=n, year=y) for n, y in zip(names, compared["year"])],
        citation=[citations.dataset(s, lang, short=True) for s in compared["source_id"]])
    rows = chain_figures.ratio_hover(rows, lang)
    standing_source = citations.join(rows["citation"], lang)
    fig = chain_figures.scorecard_figure(
        rows, source=standing_source, lang=lang, present=ctx.present,
        title=ctx.t("overview.standing.title", n=len(rows), ahead_usa=int((rows["ratio_usa"] > 1).sum()),
                    ahead_euu=int((rows["ratio_euu"] > 1).sum())),
        subtitle=ctx.t("overview.standing.subtitle"))
    table = pd.DataFrame({
        ctx.t("overview.col.measure"): rows["name"], ctx.t("overview.col.year"): rows["year"],
        **{economy_name(code, lang): [format_value(v, u, lang) for v, u in zip(rows[f"value_{code.lower()}"], rows["unit"])]
           for code in ("CHN", "USA", "EUU")},
        ctx.t("chains.col.ratio_usa"): [chain_figures.ratio_text(v, lang) for v in rows["ratio_usa"]],
        ctx.t("chains.col.ratio_euu"): [chain_figures.ratio_text(v, lang) for v in rows["ratio_euu"]],
        ctx.t("rd.col.source"): rows["citation"]})
    page.chart(fig, table, name="overview_standing", source=standing_source, lang=lang,
               indicators=rows["indicator_id"], sources=rows["source_id"])
    st.caption(ctx.t("overview.standing.note"))


# ---------------------------------------------------------------- cards
def cards(key: str, **fmt) -> None:
    """One metric per economy labelled with its year, and the documents' own figure under it where they state one.
    Money values share one scale, named in the heading with the unit, so the value itself stays short."""
    rows = headlines[headlines["key"] == key]
    factor, unit = 1.0, str(rows["unit"].iloc[0]) if len(rows) else ""
    if len(rows) and unit not in ("percent", "count"):
        factor, unit = figures.axis_scale(rows["value"].tolist(), unit, lang)
    st.markdown(f"**{ctx.t(f'overview.card.{key}', unit=unit, **fmt)}**")
    for column, code in zip(st.columns(len(economies)), economies):
        row = latest.get((key, code))
        with column:
            if row is None:
                st.metric(economy_short(code, lang), ctx.t("overview.none"), border=True)
                continue
            shown = format_value(row["value"], row["unit"], lang) if factor == 1.0 else number(row["value"] / factor,
                                                                                                 lang)
            st.metric(ctx.t("overview.card.label", economy=economy_short(code, lang), year=int(row["year"])), shown,
                      border=True)
            for doc in stated.get((key, code), []):
                value = format_value(doc["value"], doc["unit"], lang,
                                     high=None if pd.isna(doc["value_high"]) else doc["value_high"])
                st.caption(ctx.t("overview.document_states", doc_id=doc["doc_id"], line=doc["line_no"],
                                 period=doc["period"], value=value, quote=doc["quote"]))


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
    st.caption(cite(("rd_intensity", "gerd_ppp", "researchers")))

with theme("unicorns"):
    cards("unicorns", snapshot=ov.list_snapshot(ov.UNICORN_SOURCE))
    if any(key == "unicorns" for key, _ in stated):
        st.caption(ctx.t("overview.card.unicorns_recount"))
    st.caption(cite(("unicorns",)))

with theme("digital_services"):
    cards("digital_share")
    if "EUU" in economies:
        st.caption(ctx.t("overview.card.digital_eu"))
    if any(key == "digital_share" for key, _ in stated):
        st.caption(ctx.t("overview.card.digital_claim"))
    digital = headlines[headlines["key"] == "digital_share"]
    if len(digital):
        st.caption(ctx.t("overview.card.digital_definition",
                         definition=rd.indicator(digital["indicator_id"].iloc[0]).get(f"definition_{lang}", "")))
    st.caption(cite(("digital_share",)))

with theme("four_chains"):
    for column, (chain, count) in zip(st.columns(len(gaps)), gaps.items()):
        column.metric(ctx.t(f"overview.chain.{chain}"), int(count), border=True)
    st.caption(ctx.t("overview.card.chains", docs=", ".join(gap_documents["doc_id"])))
