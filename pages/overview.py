"""Overview page: headline cards per theme and economy, each with year, source and link, and a radar of the themes."""
import pandas as pd
import streamlit as st

from lib.ui import figures, page, state
from lib.ui.i18n import economy_name, format_value
from lib.queries import overview as ov
from lib.queries import rd

ctx = page.setup("overview")
lang, economies = ctx.lang, ctx.economies

# ---------------------------------------------------------------- data
headlines = ov.latest(economies)
# One lookup instead of a DataFrame filter per card: (key, economy) -> row.
latest = {(row["key"], row["economy"]): row for row in headlines.to_dict("records")}
# The documents' own figures shown under a card: (key, economy) -> rows with quote, document and line.
stated: dict[tuple[str, str], list[dict]] = {}
for key, indicator_id in (("unicorns", "unicorn_count"), ("digital_share", ov.DOCUMENT_DIGITAL_SHARE)):
    for row in ov.document_figures(indicator_id, economies).to_dict("records"):
        stated.setdefault((key, row["economy"]), []).append(row)
gaps, gap_documents = ov.gaps_per_chain()
radar = ov.radar(headlines)


def cite(keys: tuple[str, ...]) -> str:
    """Source line of a card: the dataset, its series and the notes on the rows shown (e.g. EU sums)."""
    rows = headlines[headlines["key"].isin(keys)]
    if rows.empty:
        return ""
    notes = rows[f"note_{lang}"].dropna().unique()
    indicator_ids = tuple(dict.fromkeys(rows["indicator_id"]))
    return ctx.t("overview.source", source=rd.citation(rows["source_id"].iloc[0], indicator_ids, lang, notes))


def cards(key: str, **fmt) -> None:
    """One metric per economy labelled with its year, and the documents' own figure under it where they state one."""
    st.markdown(f"**{ctx.t(f'overview.card.{key}', **fmt)}**")
    for column, code in zip(st.columns(len(economies)), economies):
        row = latest.get((key, code))
        with column:
            if row is None:
                st.metric(economy_name(code, lang), ctx.t("overview.none"), border=True)
                continue
            st.metric(ctx.t("overview.card.label", economy=economy_name(code, lang), year=int(row["year"])),
                      format_value(row["value"], row["unit"], lang), border=True)
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


# ---------------------------------------------------------------- cards
st.caption(ctx.t("overview.intro"))
with theme("rd"):
    cards("rd_intensity")
    cards("gerd_ppp")
    st.caption(cite(("rd_intensity", "gerd_ppp")))

with theme("unicorns"):
    cards("unicorns", snapshot=ov.list_snapshot(ov.UNICORN_SOURCE))
    if any(key == "unicorns" for key, _ in stated):
        st.caption(ctx.t("overview.card.unicorns_recount"))
    st.caption(cite(("unicorns",)))

with theme("digital_services"):
    cards("digital_share")
    if any(key == "digital_share" for key, _ in stated):
        st.caption(ctx.t("overview.card.digital_claim"))
    st.caption(ctx.t("overview.card.digital_definition",
                     definition=rd.indicator(ov.DIGITAL_SHARE).get(f"definition_{lang}", "")))
    st.caption(cite(("digital_share",)))

with theme("four_chains"):
    for column, (chain, count) in zip(st.columns(len(gaps)), gaps.items()):
        column.metric(ctx.t(f"chains.chain.{chain}"), int(count), border=True)
    st.caption(ctx.t("overview.card.chains", docs=", ".join(gap_documents["doc_id"])))

# ---------------------------------------------------------------- radar
st.subheader(ctx.t("overview.radar.header"))
if radar["economy"].nunique() < 2:
    st.info(ctx.t("overview.radar.too_few"))
else:
    # The EU's export share counts trade between its members: say so on the axis, where a screenshot keeps it.
    eu_shown = "EUU" in set(radar["economy"])
    names = {axis: ctx.t(f"overview.axis.{axis}") for axis in radar["axis"].unique()}
    labels = names | ({"digital_share": ctx.t("overview.axis.digital_share_eu")} if eu_shown else {})
    radar_source = " | ".join(rd.citation(source_id, (), lang, labels=[names[a] for a in group["axis"].unique()])
                              for source_id, group in radar.groupby("source_id", sort=False))
    first, last = int(radar["year"].min()), int(radar["year"].max())
    fig = figures.radar(radar.assign(axis=radar["axis"].map(labels)), title=ctx.t("overview.radar.title"),
                        subtitle=ctx.t("overview.radar.subtitle", years=first if first == last else f"{first}–{last}"),
                        source=radar_source, lang=lang, present=ctx.present)
    table = radar.assign(axis=[labels[a].replace("<br>", " ") for a in radar["axis"]],
                         name=[economy_name(c, lang) for c in radar["economy"]],
                         shown=[format_value(v, u, lang) for v, u in zip(radar["value"], radar["unit"])])
    headers = {"axis": ctx.t("overview.col.axis"), "economy": "economy", "name": ctx.t("rd.col.economy"),
               "year": "year", "value": ctx.t("rd.col.value"), "unit": ctx.t("rd.col.unit"),
               "shown": ctx.t("rd.col.shown"), "score": ctx.t("overview.col.score"), "source_id": ctx.t("rd.col.source")}
    page.chart(fig, table[list(headers)].rename(columns=headers), name="overview_radar", source=radar_source, lang=lang,
               indicators=radar["indicator_id"], sources=radar["source_id"])
    # Hover and the data table do not exist in a screenshot: presentation mode keeps only the caveats.
    note = ctx.t("overview.radar.note")
    st.caption(note if ctx.present else f"{ctx.t('overview.radar.howto')} {note}")
