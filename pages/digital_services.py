"""Digital services exports: shares of world exports under three public definitions, tested against document 003's
claims (line 97: the 2022 top six, China at 8%~9% since 2018, Ireland passing India in 2018)."""
import pandas as pd
import streamlit as st

from lib.queries import digital
from lib.ui import citations, figures, findings, page, state
from lib.ui.i18n import economy_name, field, format_rows, format_value, t
from lib.ui.tables import readable

DEF = state.choice("def", tuple(digital.DEFINITIONS), default=digital.DEFAULT)
TOP6 = state.Param("top6", "flag", False)


# ---------------------------------------------------------------- sections, built once per selection (page.memo)
@page.memo
def datasets() -> pd.DataFrame:
    return digital.definitions().set_index("definition")


@page.memo
def claims() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series | None]:
    """Document 003's claims: the share band, the top six, the overtaking, and the band's row (None without it)."""
    claim = digital.claimed_share()
    return claim, digital.claimed_top(), digital.claimed_overtake(), claim.iloc[0] if len(claim) else None


@page.memo
def year_bounds() -> tuple[int, int]:
    return digital.year_span()


def short(key: str, lang: str) -> str:
    return t(f"digital.short.{key}", lang)


def cite(row, lang: str) -> str:
    return citations.document(row["doc_id"], row[f"title_{lang}"], row["line_no"], lang)


def source_line(keys, lang: str, *, shares: bool, with_claim: bool, economies=()) -> str:
    """Publisher, series and vintage of each dataset drawn, how shares and the EU were computed, and the claim."""
    about, band = datasets(), claims()[3]
    parts = [t("digital.source.dataset", lang, name=about.at[k, f"exports_name_{lang}"],
               dataset=citations.dataset(about.at[k, "source_id"], lang)) for k in keys]
    if shares:
        parts.append(t("digital.source.shares", lang))
    if "EUU" in economies and any(about.at[k, "eu_is_sum"] for k in keys):
        parts.append(t("digital.source.eu_sum", lang))
    if with_claim and band is not None:
        parts.append(t("digital.source.claim", lang, cite=cite(band, lang)))
    return citations.join(parts, lang)


def table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data drawn as a person reads it: definition and economy names, values with their unit (a stated range as
    8%–9%), blanks for no note, and the sentence's link for the paper's rows."""
    shown = frame.assign(value=format_rows(frame, lang))
    if "definition" in shown:
        shown["definition"] = [short(k, lang) for k in shown["definition"]]
    if f"note_{lang}" in shown:
        shown["note"] = shown[f"note_{lang}"]
    columns = ("definition", "economy", "year", "period", "value", "exports_usd", "world_usd", "note", "quote")
    headers = {c: t(f"digital.col.{c}", lang) for c in columns} | {"mention_id": "mention_id"}
    return readable(shown, lang, headers, units={"exports_usd": "USD", "world_usd": "USD"})


def eu_named(fig, frame: pd.DataFrame, lang: str):
    """fig with the EU named for what its series counts (the EU-27 including trade between members) and the years
    whose EU sum lacks a member ringed, with the members named, in the chart itself."""
    if "EUU" not in set(frame["economy"]):
        return fig
    fig = figures.rename_economy(fig, "EUU", t("digital.eu.legend", lang))
    eu = frame[frame["economy"] == "EUU"].assign(missing=lambda f: digital.missing_members(f["note_en"]))
    short_of = eu[eu["missing"] != ""]
    if short_of.empty:
        return fig
    factor, _ = figures.axis_scale(frame["value"].tolist(), str(frame["unit"].iloc[0]), lang)
    return figures.mark_points(fig, short_of["year"].tolist(), (short_of["value"] / factor).tolist(),
                               label=t("digital.eu.incomplete", lang), economy="EUU",
                               hover=[t("digital.eu.incomplete.hover", lang, year=y, members=m)
                                      for y, m in zip(short_of["year"], short_of["missing"])])


def draw_claim(fig, year_from: int, year_to: int, lang: str):
    """fig with the paper's 8%~9% band over the years it covers (within the selected years), labelled with quote
    and line (a marked copy; fig itself unchanged when there is nothing to mark)."""
    band = claims()[3]
    if band is None:
        return fig
    start, end = max(int(band["first_year"]), year_from), min(int(band["last_year"]), year_to)
    if start <= end:
        label = t("digital.band.label", lang, line=band["line_no"], start=band["first_year"], quote=band["quote"])
        return figures.mark_range(fig, band["value"], band["value_high"], label, start=start, end=end,
                                  economy=band["economy"])
    return fig


@page.memo
def first_screen(definition: str, economies: tuple[str, ...], year_from: int, year_to: int, lang: str,
                 present: bool) -> list[tuple[str, object]]:
    """China, the US and the EU under the chosen definition: shares of world exports, then exports."""
    if not economies:
        return [("info", t("digital.no_economies", lang))]
    about, band = datasets(), claims()[3]
    eu_text = t("digital.eu.sum" if about.at[definition, "eu_is_sum"] else "digital.eu.aggregate", lang)
    blocks = []
    shares = digital.shares(definition, economies, year_from, year_to)
    if shares.empty:
        blocks.append(("info", t("chart.no_data", lang)))
    else:
        source = source_line([definition], lang, shares=True, with_claim="CHN" in set(shares["economy"]),
                             economies=economies)
        fig = figures.lines(shares, title=findings.title(about.at[definition, f"share_name_{lang}"], shares, lang),
                            lang=lang,
                            subtitle=t("digital.shares.subtitle", lang, start=shares["year"].min(),
                                       end=shares["year"].max(), eu=eu_text),
                            source=source, present=present)
        if band is not None and band["economy"] in set(shares["economy"]):
            fig = draw_claim(fig, year_from, year_to, lang)
        fig = eu_named(fig, shares, lang)
        blocks.append(("chart", dict(fig=fig, data=table(shares, lang), name=f"share_of_world_{definition}",
                                     source=source, lang=lang, sources=tuple(shares["source_id"]), values=shares)))

    levels = digital.exports(definition, economies, year_from, year_to)
    if not levels.empty:
        source = source_line([definition], lang, shares=False, with_claim=False, economies=economies)
        fig = figures.lines(levels, title=findings.title(about.at[definition, f"exports_name_{lang}"], levels, lang),
                            lang=lang,
                            subtitle=t("digital.levels.subtitle", lang, start=levels["year"].min(),
                                       end=levels["year"].max(), eu=eu_text),
                            source=source, present=present)
        fig = eu_named(fig, levels, lang)
        blocks.append(("chart", dict(fig=fig, data=table(levels, lang), name=f"exports_{definition}", source=source,
                                     lang=lang, sources=tuple(levels["source_id"]), values=levels)))
    return blocks


@page.memo
def claim_blocks(lang: str) -> tuple[list[tuple[str, object]], tuple[tuple[str, str, str], ...]]:
    """What the paper says (quoted sentences) and, per definition, China's share over the years of its claim as
    metrics (label, value, help)."""
    claim, claimed_top, claimed_overtake, band = claims()
    statements = pd.concat([claimed_top, claimed_overtake, claim]).drop_duplicates("context")
    blocks = [("markdown", f"> {row['context']}  \n> — {cite(row, lang)}") for _, row in statements.iterrows()]
    if band is None:
        return blocks, ()
    first, last = int(band["first_year"]), int(band["last_year"])
    china = digital.share_across_definitions(band["economy"], first, last)
    blocks.append(("markdown", t("digital.metric.intro", lang, economy=economy_name(band["economy"], lang),
                                 start=first, end=last, claim=claim_text(lang), cite=cite(band, lang))))
    metrics = []
    for key in datasets().index:
        values = china[china["definition"] == key]["value"]
        metrics.append((short(key, lang), format_value(values.min(), "percent", lang, high=values.max())
                        if len(values) else "–", t(f"digital.def.{key}", lang)))
    return blocks, tuple(metrics)


def claim_text(lang: str) -> str:
    band = claims()[3]
    return format_value(band["value"], band["unit"], lang, high=band["value_high"], stated=band.get("raw"))


def china_finding(across: pd.DataFrame, band: pd.Series, lang: str) -> str:
    """The lowest and highest share China has on any definition in the claim's years, against the claim."""
    first, last = int(band["first_year"]), int(band["last_year"])
    within = across[across["year"].between(first, last)]["value"]
    if within.empty:
        return t("digital.china.title", lang)
    return t("digital.china.finding", lang, start=first, end=last, low=format_value(within.min(), "percent", lang),
             high=format_value(within.max(), "percent", lang), claim=claim_text(lang))


@page.memo
def definitions_chart(year_from: int, year_to: int, lang: str, present: bool) -> list[tuple[str, object]]:
    """China's share under every definition, with the paper's band."""
    claim, _, _, band = claims()
    if band is None:
        return []
    keys = datasets().index
    across = digital.share_across_definitions(band["economy"], year_from, year_to)
    source = source_line(keys, lang, shares=True, with_claim=True)
    fig = figures.series_lines(
        across, series="definition", labels={k: short(k, lang) for k in keys}, source=source, lang=lang,
        title=china_finding(across, band, lang), present=present,
        subtitle=t("digital.china.subtitle", lang, start=across["year"].min(), end=across["year"].max(),
                   claim_start=band["first_year"], claim_end=band["last_year"]))
    fig = draw_claim(fig, year_from, year_to, lang)
    claim_rows = claim.assign(definition="claim")[["definition", "economy", "period", "value", "value_high", "unit",
                                                   "quote", "source_id", "mention_id"]]
    drawn = pd.concat([across, claim_rows], ignore_index=True)
    return [("chart", dict(fig=fig, data=table(drawn, lang), name="china_share_definitions", source=source, lang=lang,
                           sources=tuple(across["source_id"]), values=drawn))]


@page.memo
def ranking_blocks(lang: str) -> tuple[list[tuple[str, object]], pd.DataFrame, pd.DataFrame, str] | None:
    """The paper's top six against each definition's ranking: the text above the grid, the grid, the background of
    each cell by agreement, and the source line; None without the paper's top six."""
    claimed_top = claims()[1]
    if not len(claimed_top):
        return None
    keys = datasets().index
    year = int(claimed_top["year"].max())
    listed = claimed_top[claimed_top["year"] == year].sort_values("value")
    ranked = digital.ranking(year)
    countries = figures.economy_order(ranked["economy"].unique())
    blocks = [("subheader", t("digital.ranking.title", lang, year=year)),
              ("caption", t("digital.ranking.intro", lang, n=len(countries),
                            names=", ".join(economy_name(c, lang) for c in countries)))]
    against = digital.ranking_against(listed, ranked)
    for check in digital.ranking_summary(against).itertuples():
        blocks.append(("markdown", t("digital.ranking.summary", lang, definition=short(check.definition, lang),
                                     same=check.same, inside=check.inside, n=check.n,
                                     leader=economy_name(check.leader, lang))))
    against = against.assign(cell=[economy_name(e, lang) if pd.isna(s) else
                                   t("digital.ranking.cell", lang, name=economy_name(e, lang), share=format_value(s, "percent", lang))
                                   for e, s in zip(against["economy"], against["share"])])
    columns = {"claim": t("digital.ranking.paper", lang, line=listed["line_no"].iloc[0])} | {
        k: short(k, lang) for k in keys}
    grid, status = (against.pivot(index="rank", columns="definition", values=v).reindex(columns=list(columns))
                    .rename(columns=columns).rename_axis(columns=None).fillna("") for v in ("cell", "status"))
    colours = {"same": "background-color: #CDEBC5", "inside": "background-color: #FBEFB8", "": ""}
    grid = grid.rename_axis(t("digital.ranking.rank", lang)).reset_index()
    status = status.reset_index(drop=True).map(colours.get).reindex(columns=grid.columns, fill_value="")
    caption = t("chart.source", lang, source=source_line(keys, lang, shares=True, with_claim=False)
                + "; " + t("digital.source.claim", lang, cite=cite(listed.iloc[0], lang)))
    return blocks, grid, status, caption


@page.memo
def overtake_blocks(lang: str) -> list[tuple[str, object]]:
    """When Ireland passed India, per definition, next to the paper's year."""
    claimed_overtake = claims()[2]
    if not len(claimed_overtake):
        return []
    said = claimed_overtake.iloc[0]
    leader, follower = digital.OVERTAKE
    blocks = [("subheader", t("digital.overtake.title", lang)),
              ("caption", t("digital.overtake.intro", lang, sentence=said["context"], cite=cite(said, lang),
                            year=said["year"]))]
    rows = []
    for r in digital.overtaking(leader, follower).itertuples():
        if pd.isna(r.year):
            when = t("digital.overtake.never", lang)
        elif r.year == r.first_year:
            when = t("digital.overtake.since_start", lang, year=int(r.year))
        else:
            when = str(int(r.year))
        rows.append({
            t("digital.overtake.definition", lang): short(r.definition, lang),
            t("digital.overtake.year", lang): when,
            t("digital.overtake.leader", lang, name=economy_name(leader, lang)): format_value(r.leader_usd, "USD", lang),
            t("digital.overtake.follower", lang, name=economy_name(follower, lang)):
                format_value(r.follower_usd, "USD", lang),
            t("digital.overtake.paper", lang): str(int(said["year"])),
            t("digital.overtake.agrees", lang): t("digital.yes" if r.year == said["year"] else "digital.no", lang),
            t("digital.overtake.data_years", lang): f"{int(r.first_year)}–{int(r.last_year)}",
        })
    blocks.append(("table", dict(data=pd.DataFrame(rows), lang=lang, key="overtake")))
    blocks.append(("caption", t("chart.source", lang, source=source_line(datasets().index, lang, shares=False,
                                                                           with_claim=False)
                                + "; " + t("digital.source.claim", lang, cite=cite(said, lang)))))
    return blocks


@page.memo
def why_text(lang: str) -> str | None:
    """Why the public series and the paper differ: world totals, China's share ranges, vintages."""
    _, claimed_top, _, band = claims()
    if band is None:
        return None
    keys = datasets().index
    first, last = int(band["first_year"]), int(band["last_year"])
    china = digital.share_across_definitions(band["economy"], first, last)
    year = int(claimed_top["year"].max()) if len(claimed_top) else last
    world = digital.exports("wdi", ("WLD",), year, year)["value"].tolist() + [None]
    world_dds = digital.exports("unctad", ("WLD",), year, year)["value"].tolist() + [None]
    ranges = "; ".join(
        f"{short(k, lang)} {format_value(v.min(), 'percent', lang, high=v.max())}"
        for k, v in ((k, china[china['definition'] == k]['value']) for k in keys) if len(v))
    return t("digital.why.body", lang, year=year, world_wdi=format_value(world[0], "USD", lang),
             world_unctad=format_value(world_dds[0], "USD", lang), start=first, end=last, ranges=ranges,
             claim=claim_text(lang),
             vintages=citations.join((t("digital.why.vintage", lang, name=short(k, lang),
                                        cite=citations.dataset(datasets().at[k, "source_id"], lang)) for k in keys), lang))


@page.memo
def dataset_notes(lang: str) -> tuple[str, ...]:
    """Each definition's dataset: id, definition, notes, publisher, vintage, licence, location."""
    return tuple(f"**{t(f'digital.def.{key}', lang)}** · `{row['exports_id']}`  \n"
                 f"{t('digital.datasets.definition', lang)}: {row[f'definition_{lang}']}  \n"
                 f"{t('digital.datasets.notes', lang)}: {row[f'notes_{lang}']}  \n"
                 f"{t('digital.datasets.publisher', lang)}: {field(row, 'publisher', lang)} · "
                 f"{t('digital.datasets.vintage', lang)}: {field(row, 'vintage', lang)} · "
                 f"{t('digital.datasets.licence', lang)}: {field(row, 'licence', lang)}  \n"
                 f"{t('digital.datasets.location', lang)}: {row['location']}" + (f" · {row['url']}" if row["url"] else "")
                 for key, row in datasets().iterrows())


@page.memo
def top_economies() -> tuple[str, ...]:
    return tuple(claims()[1]["economy"])


ctx = page.setup("digital_services")
lang = ctx.lang
YEARS = state.year_range(*year_bounds())

# --- selection
definition = st.segmented_control(ctx.t("digital.def.label"), tuple(digital.DEFINITIONS), required=True,
                                    format_func=lambda k: ctx.t(f"digital.def.{k}"), help=ctx.t("digital.def.help"),
                                    **state.widget_kwargs(DEF)) or state.get(DEF)
middle, right = st.columns([3, 2], vertical_alignment="bottom")
year_from, year_to = middle.slider(ctx.t("digital.years"), YEARS[0].lo, YEARS[0].hi, **state.range_kwargs(YEARS))
add_top = right.toggle(ctx.t("digital.top6"), help=ctx.t("digital.top6.help"), **state.widget_kwargs(TOP6))
economies = tuple(figures.economy_order([*ctx.economies, *(top_economies() if add_top else [])]))

# --- China, the US and the EU under the chosen definition: the first screen
page.show(first_screen(definition, economies, year_from, year_to, lang, ctx.present))

# --- what the paper says, and the headline test of its share claim: below the first screen, drawn once opened
with page.more("digital_claims", ctx.t("digital.claims.title"), icon=":material/format_quote:") as opened:
    st.caption(ctx.t("digital.claims.intro"))
    said, metrics = claim_blocks(lang)
    page.show(said)
    if metrics and opened:
        for column, (label, value, help_text) in zip(st.columns(len(metrics)), metrics):
            column.metric(label, value, help=help_text)
    page.show(definitions_chart(year_from, year_to, lang, ctx.present))

# --- the paper's top six against each definition's ranking; when Ireland passed India, per definition
with page.more("digital_ranking", ctx.t("digital.more.ranking"), icon=":material/leaderboard:"):
    ranking = ranking_blocks(lang)
    if ranking is not None:
        above, grid, colours, source = ranking
        page.show(above)
        page.table(grid, lang, colours=colours, key="ranking")
        st.caption(source)
    page.show(overtake_blocks(lang))

# --- why the public series and the paper differ
st.subheader(ctx.t("digital.why.title"))
why = why_text(lang)
if why is not None:
    st.markdown(why)

with st.expander(ctx.t("digital.datasets.title"), icon=":material/database:"):
    for notes in dataset_notes(lang):
        st.markdown(notes)
