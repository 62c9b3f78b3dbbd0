"""Overview page: headline cards per theme and economy, each with year, source and link, and a radar of the themes."""
import pandas as pd
import streamlit as st

from lib import figures, page, state
from lib.i18n import economy_name, format_value
from lib.queries import overview as ov
from lib.queries import rd

ctx = page.setup("overview")
lang, economies = ctx.lang, ctx.economies

# ---------------------------------------------------------------- data
intensity = ov.latest("rd_intensity", economies)
gerd = ov.latest("gerd_ppp", economies)
unicorns = ov.latest("unicorn_count", economies, ov.UNICORN_SOURCE)
unicorns_stated = ov.document_figures("unicorn_count", economies)
digital = ov.latest(ov.DIGITAL_SHARE, economies)
digital_stated = ov.document_figures(ov.DOCUMENT_DIGITAL_SHARE, economies)
gaps, gap_documents = ov.gaps_per_chain()
radar = ov.radar(economies)
digital_indicator = rd.indicator(ov.DIGITAL_SHARE)


def cite(frames: list[pd.DataFrame], indicator_ids: tuple[str, ...]) -> str:
    """Source line of a card: the dataset, its series and the notes on the rows shown (e.g. EU sums)."""
    rows = pd.concat([f for f in frames if len(f)])
    if rows.empty:
        return ""
    notes = rows[f"note_{lang}"].dropna().unique()
    return ctx.t("overview.source", source=rd.citation(rows["source_id"].iloc[0], indicator_ids, lang, notes))


def cards(label: str, frame: pd.DataFrame, stated: pd.DataFrame | None = None) -> None:
    """One metric per economy labelled with its year, and the documents' own figure under it where they state one."""
    st.markdown(f"**{label}**")
    for column, code in zip(st.columns(len(economies)), economies):
        row = frame[frame["economy"] == code]
        with column:
            if row.empty:
                st.metric(economy_name(code, lang), ctx.t("overview.none"), border=True)
                continue
            st.metric(ctx.t("overview.card.label", economy=economy_name(code, lang), year=int(row["year"].iloc[0])),
                      format_value(row["value"].iloc[0], row["unit"].iloc[0], lang), border=True)
            for doc in (stated[stated["economy"] == code] if stated is not None else pd.DataFrame()).itertuples():
                value = format_value(doc.value, doc.unit, lang, high=None if pd.isna(doc.value_high) else doc.value_high)
                st.caption(ctx.t("overview.document_states", doc_id=doc.doc_id, line=doc.line_no, value=value,
                                 quote=doc.quote))


def theme(title_key: str, page_id: str):
    """A bordered card for one theme, headed by its name and a link to its page (carrying language and economies)."""
    box = st.container(border=True)
    left, right = box.columns([3, 1])
    left.subheader(ctx.t(title_key))
    right.markdown(f"[{ctx.t('overview.open', page=ctx.t(f'page.{page_id}.title'))}]({state.link(page_id)})")
    return box


# ---------------------------------------------------------------- cards
st.caption(ctx.t("overview.intro"))
with theme("overview.theme.rd", "rd"):
    cards(ctx.t("overview.card.rd_intensity"), intensity)
    cards(ctx.t("overview.card.gerd_ppp"), gerd)
    st.caption(cite([intensity, gerd], ("rd_intensity", "gerd_ppp")))

with theme("overview.theme.unicorns", "unicorns"):
    cards(ctx.t("overview.card.unicorns", snapshot=ov.list_snapshot(ov.UNICORN_SOURCE)), unicorns, unicorns_stated)
    st.caption(cite([unicorns], ("unicorn_count",)))

with theme("overview.theme.digital", "digital_services"):
    cards(ctx.t("overview.card.digital_share"), digital, digital_stated)
    st.caption(ctx.t("overview.card.digital_definition", definition=digital_indicator.get(f"definition_{lang}", "")))
    st.caption(cite([digital], (ov.DIGITAL_SHARE,)))

with theme("overview.theme.chains", "four_chains"):
    for column, (chain, count) in zip(st.columns(len(gaps)), gaps.items()):
        column.metric(ctx.t(f"chains.chain.{chain}"), int(count), border=True)
    st.caption(ctx.t("overview.card.chains", docs=", ".join(gap_documents["doc_id"])))

# ---------------------------------------------------------------- radar
st.subheader(ctx.t("overview.radar.header"))
if radar.empty:
    st.info(ctx.t("chart.no_data"))
else:
    shown = radar.assign(axis=[ctx.t(f"overview.axis.{a}") for a in radar["axis"]])
    radar_source = " | ".join(
        rd.citation(source_id, (), lang, labels=[ctx.t(f"overview.axis.{a}") for a in group["axis"].unique()])
        for source_id, group in radar.groupby("source_id", sort=False))
    fig = figures.radar(shown, title=ctx.t("overview.radar.title"), subtitle=ctx.t("overview.radar.subtitle"),
                        source=radar_source, lang=lang, present=ctx.present)
    table = shown.assign(name=[economy_name(c, lang) for c in shown["economy"]],
                         shown=[format_value(v, u, lang) for v, u in zip(shown["value"], shown["unit"])])
    headers = {"axis": ctx.t("overview.col.axis"), "economy": "economy", "name": ctx.t("rd.col.economy"),
               "year": "year", "value": ctx.t("rd.col.value"), "unit": ctx.t("rd.col.unit"),
               "shown": ctx.t("rd.col.shown"), "score": ctx.t("overview.col.score"), "source_id": ctx.t("rd.col.source")}
    page.chart(fig, table[list(headers)].rename(columns=headers), name="overview_radar", source=radar_source, lang=lang)
    st.caption(ctx.t("overview.radar.note"))
