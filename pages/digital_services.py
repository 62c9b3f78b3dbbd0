"""Digital services exports: shares of world exports under three public definitions, tested against document 003's
claims (line 97: the 2022 top six, China at 8%~9% since 2018, Ireland passing India in 2018)."""
import pandas as pd
import streamlit as st

from lib.queries import digital
from lib.ui import citations, figures, findings, page, state
from lib.ui.i18n import economy_name, format_value
from lib.ui.tables import readable

ctx = page.setup("digital_services")
lang = ctx.lang
DEF = state.choice("def", tuple(digital.DEFINITIONS), default=digital.DEFAULT)
TOP6 = state.Param("top6", "flag", False)
YEARS = state.year_range(*digital.year_span())

datasets = digital.definitions().set_index("definition")
claim = digital.claimed_share()
claimed_top = digital.claimed_top()
claimed_overtake = digital.claimed_overtake()
band = claim.iloc[0] if len(claim) else None


def short(key: str) -> str:
    return ctx.t(f"digital.short.{key}")


def cite(row) -> str:
    return citations.document(row["doc_id"], row[f"title_{lang}"], row["line_no"], lang)


def source_line(keys, *, shares: bool, with_claim: bool, economies=()) -> str:
    """Publisher, series and vintage of each dataset drawn, how shares and the EU were computed, and the claim."""
    parts = [ctx.t("digital.source.dataset", name=datasets.at[k, f"exports_name_{lang}"],
                   dataset=citations.dataset(datasets.at[k, "source_id"], lang)) for k in keys]
    if shares:
        parts.append(ctx.t("digital.source.shares"))
    if "EUU" in economies and any(datasets.at[k, "eu_is_sum"] for k in keys):
        parts.append(ctx.t("digital.source.eu_sum"))
    if with_claim and band is not None:
        parts.append(ctx.t("digital.source.claim", cite=cite(band)))
    return citations.join(parts, lang)


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """The data drawn as a person reads it: definition and economy names, values with their unit (a stated range as
    8%–9%), blanks for no note, and the sentence's link for the paper's rows."""
    highs = frame["value_high"] if "value_high" in frame else [None] * len(frame)
    shown = frame.assign(value=[format_value(v, u, lang, high=None if pd.isna(h) else h)
                                for v, u, h in zip(frame["value"], frame["unit"], highs)])
    if "definition" in shown:
        shown["definition"] = [short(k) for k in shown["definition"]]
    if f"note_{lang}" in shown:
        shown["note"] = shown[f"note_{lang}"]
    columns = ("definition", "economy", "year", "period", "value", "exports_usd", "world_usd", "note", "quote")
    headers = {c: ctx.t(f"digital.col.{c}") for c in columns} | {"mention_id": "mention_id"}
    return readable(shown, lang, headers, units={"exports_usd": "USD", "world_usd": "USD"})


def eu_named(fig, frame: pd.DataFrame):
    """fig with the EU named for what its series counts (the EU-27 including trade between members) and the years
    whose EU sum lacks a member ringed, with the members named, in the chart itself."""
    if "EUU" not in set(frame["economy"]):
        return fig
    fig = figures.rename_economy(fig, "EUU", ctx.t("digital.eu.legend"))
    eu = frame[frame["economy"] == "EUU"].assign(missing=lambda f: digital.missing_members(f["note_en"]))
    short_of = eu[eu["missing"] != ""]
    if short_of.empty:
        return fig
    factor, _ = figures.axis_scale(frame["value"].tolist(), str(frame["unit"].iloc[0]), lang)
    return figures.mark_points(fig, short_of["year"].tolist(), (short_of["value"] / factor).tolist(),
                               label=ctx.t("digital.eu.incomplete"), economy="EUU",
                               hover=[ctx.t("digital.eu.incomplete.hover", year=y, members=m)
                                      for y, m in zip(short_of["year"], short_of["missing"])])


def draw_claim(fig, year_from: int, year_to: int):
    """fig with the paper's 8%~9% band over the years it covers (within the selected years), labelled with quote
    and line (a marked copy; fig itself unchanged when there is nothing to mark)."""
    if band is None:
        return fig
    start, end = max(int(band["first_year"]), year_from), min(int(band["last_year"]), year_to)
    if start <= end:
        label = ctx.t("digital.band.label", line=band["line_no"], start=band["first_year"], quote=band["quote"])
        return figures.mark_range(fig, band["value"], band["value_high"], label, start=start, end=end,
                                  economy=band["economy"])
    return fig


# --- selection
definition = st.segmented_control(ctx.t("digital.def.label"), tuple(digital.DEFINITIONS), required=True,
                                    format_func=lambda k: ctx.t(f"digital.def.{k}"), help=ctx.t("digital.def.help"),
                                    **state.widget_kwargs(DEF)) or state.get(DEF)
middle, right = st.columns([3, 2], vertical_alignment="bottom")
year_from, year_to = middle.slider(ctx.t("digital.years"), YEARS[0].lo, YEARS[0].hi, **state.range_kwargs(YEARS))
add_top = right.toggle(ctx.t("digital.top6"), help=ctx.t("digital.top6.help"), **state.widget_kwargs(TOP6))
economies = tuple(figures.economy_order([*ctx.economies, *(claimed_top["economy"] if add_top else [])]))

# --- China, the US and the EU under the chosen definition: the first screen
eu_text = ctx.t("digital.eu.sum" if datasets.at[definition, "eu_is_sum"] else "digital.eu.aggregate")
if not economies:
    st.info(ctx.t("digital.no_economies"))
else:
    shares = digital.shares(definition, economies, year_from, year_to)
    if shares.empty:
        st.info(ctx.t("chart.no_data"))
    else:
        source = source_line([definition], shares=True, with_claim="CHN" in set(shares["economy"]),
                             economies=economies)
        fig = figures.lines(shares, title=findings.title(datasets.at[definition, f"share_name_{lang}"], shares, lang),
                            lang=lang,
                            subtitle=ctx.t("digital.shares.subtitle", start=shares["year"].min(), end=shares["year"].max(),
                                           eu=eu_text),
                            source=source, present=ctx.present)
        if band is not None and band["economy"] in set(shares["economy"]):
            fig = draw_claim(fig, year_from, year_to)
        fig = eu_named(fig, shares)
        page.chart(fig, table(shares), name=f"share_of_world_{definition}", source=source, lang=lang,
                   sources=shares["source_id"])

    levels = digital.exports(definition, economies, year_from, year_to)
    if not levels.empty:
        source = source_line([definition], shares=False, with_claim=False, economies=economies)
        fig = figures.lines(levels, title=findings.title(datasets.at[definition, f"exports_name_{lang}"], levels, lang),
                            lang=lang,
                            subtitle=ctx.t("digital.levels.subtitle", start=levels["year"].min(), end=levels["year"].max(),
                                           eu=eu_text),
                            source=source, present=ctx.present)
        fig = eu_named(fig, levels)
        page.chart(fig, table(levels), name=f"exports_{definition}", source=source, lang=lang,
                   sources=levels["source_id"])

# --- what the paper says, and the headline test of its share claim
st.subheader(ctx.t("digital.claims.title"))
st.caption(ctx.t("digital.claims.intro"))
statements = pd.concat([claimed_top, claimed_overtake, claim]).drop_duplicates("context")
for _, row in statements.iterrows():
    st.markdown(f"> {row['context']}  \n> — {cite(row)}")

if band is not None:
    first, last = int(band["first_year"]), int(band["last_year"])
    claimed_text = format_value(band["value"], band["unit"], lang, high=band["value_high"])
    china = digital.share_across_definitions(band["economy"], first, last)
    st.markdown(ctx.t("digital.metric.intro", economy=economy_name(band["economy"], lang), start=first, end=last,
                      claim=claimed_text, cite=cite(band)))
    for column, key in zip(st.columns(len(datasets)), datasets.index):
        values = china[china["definition"] == key]["value"]
        column.metric(short(key), format_value(values.min(), "percent", lang, high=values.max()) if len(values) else "–",
                      help=ctx.t(f"digital.def.{key}"))


if band is not None:
    across = digital.share_across_definitions(band["economy"], year_from, year_to)
    source = source_line(datasets.index, shares=True, with_claim=True)
    fig = figures.series_lines(
        across, series="definition", labels={k: short(k) for k in datasets.index}, source=source, lang=lang,
        title=ctx.t("digital.china.title"), present=ctx.present,
        subtitle=ctx.t("digital.china.subtitle", start=across["year"].min(), end=across["year"].max(),
                       claim_start=band["first_year"], claim_end=band["last_year"]))
    fig = draw_claim(fig, year_from, year_to)
    claim_rows = claim.assign(definition="claim")[["definition", "economy", "period", "value", "value_high", "unit",
                                                   "quote", "source_id", "mention_id"]]
    page.chart(fig, table(pd.concat([across, claim_rows], ignore_index=True)), name="china_share_definitions",
               source=source, lang=lang, sources=across["source_id"])


# --- the paper's top six against each definition's ranking
if len(claimed_top):
    year = int(claimed_top["year"].max())
    listed = claimed_top[claimed_top["year"] == year].sort_values("value")
    ranked = digital.ranking(year)
    st.subheader(ctx.t("digital.ranking.title", year=year))
    countries = figures.economy_order(ranked["economy"].unique())
    st.caption(ctx.t("digital.ranking.intro", n=len(countries),
                     names=", ".join(economy_name(c, lang) for c in countries)))
    against = digital.ranking_against(listed, ranked)
    for check in digital.ranking_summary(against).itertuples():
        st.markdown(ctx.t("digital.ranking.summary", definition=short(check.definition), same=check.same,
                          inside=check.inside, n=check.n, leader=economy_name(check.leader, lang)))
    against["cell"] = [economy_name(e, lang) if pd.isna(s) else
                       ctx.t("digital.ranking.cell", name=economy_name(e, lang), share=f"{s:.1f}%")
                       for e, s in zip(against["economy"], against["share"])]
    columns = {"claim": ctx.t("digital.ranking.paper", line=listed["line_no"].iloc[0])} | {
        k: short(k) for k in datasets.index}
    grid, status = (against.pivot(index="rank", columns="definition", values=v).reindex(columns=list(columns))
                    .rename(columns=columns).rename_axis(columns=None).fillna("") for v in ("cell", "status"))
    colours = {"same": "background-color: #CDEBC5", "inside": "background-color: #FBEFB8", "": ""}
    styled = grid.rename_axis(ctx.t("digital.ranking.rank")).reset_index().style.apply(
        lambda frame: status.reset_index(drop=True).map(colours.get).reindex(columns=frame.columns, fill_value=""),
        axis=None)
    st.dataframe(styled, hide_index=True, key="ranking")
    st.caption(ctx.t("chart.source", source=source_line(datasets.index, shares=True, with_claim=False)
                     + "; " + ctx.t("digital.source.claim", cite=cite(listed.iloc[0]))))

# --- when Ireland passed India, per definition
if len(claimed_overtake):
    said = claimed_overtake.iloc[0]
    leader, follower = digital.OVERTAKE
    st.subheader(ctx.t("digital.overtake.title"))
    st.caption(ctx.t("digital.overtake.intro", sentence=said["context"], cite=cite(said), year=said["year"]))
    rows = []
    for r in digital.overtaking(leader, follower).itertuples():
        if pd.isna(r.year):
            when = ctx.t("digital.overtake.never")
        elif r.year == r.first_year:
            when = ctx.t("digital.overtake.since_start", year=int(r.year))
        else:
            when = str(int(r.year))
        rows.append({
            ctx.t("digital.overtake.definition"): short(r.definition),
            ctx.t("digital.overtake.year"): when,
            ctx.t("digital.overtake.leader", name=economy_name(leader, lang)): format_value(r.leader_usd, "USD", lang),
            ctx.t("digital.overtake.follower", name=economy_name(follower, lang)):
                format_value(r.follower_usd, "USD", lang),
            ctx.t("digital.overtake.paper"): str(int(said["year"])),
            ctx.t("digital.overtake.agrees"): ctx.t("digital.yes" if r.year == said["year"] else "digital.no"),
            ctx.t("digital.overtake.data_years"): f"{int(r.first_year)}–{int(r.last_year)}",
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="overtake")
    st.caption(ctx.t("chart.source", source=source_line(datasets.index, shares=False, with_claim=False)
                     + "; " + ctx.t("digital.source.claim", cite=cite(said))))

# --- why the public series and the paper differ
st.subheader(ctx.t("digital.why.title"))
if band is not None:
    year = int(claimed_top["year"].max()) if len(claimed_top) else last
    world = digital.exports("wdi", ("WLD",), year, year)["value"].tolist() + [None]
    world_dds = digital.exports("unctad", ("WLD",), year, year)["value"].tolist() + [None]
    ranges = "; ".join(
        f"{short(k)} {format_value(v.min(), 'percent', lang, high=v.max())}"
        for k, v in ((k, china[china['definition'] == k]['value']) for k in datasets.index) if len(v))
    st.markdown(ctx.t("digital.why.body", year=year, world_wdi=format_value(world[0], "USD", lang),
                      world_unctad=format_value(world_dds[0], "USD", lang), start=first, end=last, ranges=ranges,
                      claim=claimed_text,
                      vintages="; ".join(f"{short(k)}: {datasets.at[k, 'vintage']}" for k in datasets.index)))

with st.expander(ctx.t("digital.datasets.title"), icon=":material/database:"):
    for key, row in datasets.iterrows():
        st.markdown(f"**{ctx.t(f'digital.def.{key}')}** · `{row['exports_id']}`  \n"
                    f"{ctx.t('digital.datasets.definition')}: {row[f'definition_{lang}']}  \n"
                    f"{ctx.t('digital.datasets.notes')}: {row[f'notes_{lang}']}  \n"
                    f"{ctx.t('digital.datasets.publisher')}: {row['publisher']} · "
                    f"{ctx.t('digital.datasets.vintage')}: {row['vintage']} · "
                    f"{ctx.t('digital.datasets.licence')}: {row['licence']}  \n"
                    f"{ctx.t('digital.datasets.location')}: {row['location']}" + (f" · {row['url']}" if row["url"] else ""))
