"""Unicorns page: the document's counts beside a recount of the company lists, founding years, valuations,
top companies, a company search, and the document's market values of leading firms."""
import pandas as pd
import streamlit as st

from lib.ui import citations, figures, findings, page, state
from lib.ui.document_figures import stated_over_time
from lib.ui.i18n import economy_name, economy_or_code, format_rows, format_value, has, plural, t
from lib.ui.tables import readable
from lib.contract import source
from lib.queries import unicorns as q

# The document's own source (Crunchbase board) first: it is the default and the one the explanation is about.
DOCUMENT_LIST = source("unicorn_list")
# Display choices, not data: how many companies per economy the ranking shows, how many search hits the table shows.
TOP_N = 10
SEARCH_ROWS = 200
# Code columns of the company tables shown as economy names in the page language (the list's own country string
# is English): the economy a company counts for and its own country.
COUNTRY_CODES = ("economy", "country_code")
# The document's figure 5 counts companies founded "2014年以来" (003 line 159); figure 6 spans 2007-2024 (line 164).
DOCUMENT_SINCE = 2014
DOCUMENT_FIG6_START = 2007
QUALIFIER_WORD = {"~": "about", ">": "more", "+": "more"}
MEASURE_INDICATOR = {"count": "unicorn_count", "share": "unicorn_share"}

MEASURE = state.choice("measure", ("count", "share"))
SEARCH = state.text("q", max_len=100)


# ---------------------------------------------------------------- sections, built once per selection (page.memo)
def document_source(rows: pd.DataFrame, lang: str) -> str:
    """`document 003 “title”, line 89: “758家” “283家” …` for the document rows drawn."""
    first = rows.iloc[0]
    return citations.document(first["doc_id"], first[f"title_{lang}"], rows["line_no"], lang, quotes=rows["quote"])


@page.memo
def company_lists() -> pd.DataFrame:
    return q.company_lists().set_index("source_id")


@page.memo
def list_about(list_id: str, lang: str) -> dict:
    """The chosen list's name, citation, source line and notes."""
    about = company_lists().loc[list_id]
    citation = citations.dataset(list_id, lang)
    return {"name": t(f"unicorns.list.{list_id}", lang), "citation": citation, "companies": int(about["companies"]),
            "source": t("unicorns.source.list", lang, dataset=citation),
            "caption": t("unicorns.list.about", lang, dataset=citation, companies=int(about["companies"])),
            "definition": about[f"definition_{lang}"], "notes": about[f"notes_{lang}"]}


@page.memo
def document_figures(measure: str, lang: str) -> tuple[pd.DataFrame, str, str]:
    """The documents' figures of `measure`, the document they come from and its date ("Crunchbase, 10 Sep 2024")."""
    stated = q.document_unicorn_figures()
    stated = stated[stated["indicator_id"] == MEASURE_INDICATOR[measure]]
    doc_id = stated["doc_id"].iloc[0] if len(stated) else ""
    # The shortest of the figures' notes is the plain statement of source and date ("Crunchbase, 10 Sep 2024").
    doc_period = min(stated[f"note_{lang}"].dropna(), key=len, default="").rstrip("。.") if len(stated) else ""
    return stated, doc_id, doc_period


@page.memo
def counts_view(list_id: str, measure: str, economies: tuple[str, ...], lang: str, present: bool) -> dict:
    """The documents' counts (or shares) next to the list's recount, as a chart."""
    indicator, unit = MEASURE_INDICATOR[measure], {"count": "count", "share": "percent"}[measure]
    about = list_about(list_id, lang)
    stated, doc_id, doc_period = document_figures(measure, lang)
    economies = tuple(figures.economy_order([*economies, *stated["economy"]]))
    recount = q.counts_by_economy(list_id, economies)
    recount = recount.assign(value=recount["companies"] if measure == "count" else recount["share"])
    document_label = t("unicorns.series.document", lang, doc_id=doc_id)
    list_label = t("unicorns.series.list", lang, list=about["name"])
    comparison = pd.concat([
        stated.assign(series=document_label,
                      source=[document_source(stated[stated.index == i], lang) for i in stated.index]),
        recount.assign(series=list_label, source=about["source"], unit=unit),
    ], ignore_index=True)
    comparison = comparison[comparison["economy"].isin(economies)]
    comparison["order"] = comparison["economy"].map({code: i for i, code in enumerate(economies)})
    comparison = comparison.sort_values(["order", "series"],
                                        key=lambda c: c if c.name == "order" else c != document_label)
    comparison["label"] = [economy_name(code, lang) for code in comparison["economy"]]
    comparison["stated"] = format_rows(comparison, lang, unit)
    sources = "; ".join([document_source(stated, lang)] * bool(len(stated)) + [about["source"]])
    fig = figures.category_bars(
        comparison, x="label", series="series", hatch=True, text="stated", unit=unit, lang=lang, present=present,
        title=findings.stating(f"unicorns.counts.finding.{measure}", recount, unit, lang,
                               t(f"unicorns.counts.title.{measure}", lang)),
        subtitle=t("unicorns.counts.subtitle", lang, unit=t(f"unicorns.counts.unit.{measure}", lang), doc_id=doc_id,
                   doc_period=doc_period, list=about["name"]),
        source=sources)
    data = readable(comparison, lang, {
        "series": t("unicorns.col.series", lang), "label": t("unicorns.col.economy", lang),
        "stated": t("unicorns.col.value", lang), "source": t("unicorns.col.source", lang),
        "quote": t("unicorns.col.quote", lang), "mention_id": "mention_id"})
    return {"chart": dict(fig=fig, data=data, name=f"unicorn_{measure}_{list_id}", source=sources, lang=lang,
                          indicators=[indicator], sources=[list_id], values=comparison),
            "documented": bool(len(stated))}


@page.memo
def explanation(list_id: str, measure: str, lang: str) -> tuple[str, object]:
    """Why the numbers differ, every figure computed from the list: the bullet list, and the companies without an
    economy (None when there are none)."""
    about = list_about(list_id, lang)
    _, doc_id, doc_period = document_figures(measure, lang)
    blank = q.companies_without_economy(list_id)
    lines = [] if list_id == DOCUMENT_LIST else [t("unicorns.explain.other_list", lang, doc_id=doc_id,
                                                    doc_period=doc_period, list=about["name"])]
    keys = {"match": "unicorns.explain.match", "blank": "unicorns.explain.chn", "eu_no_irl": "unicorns.explain.eu",
            "eu": "unicorns.explain.eu_other", "differs": "unicorns.explain.differs"}
    for row in q.reconciliation(list_id).itertuples():
        lines.append(t(keys[row.reason], lang, economy=economy_name(row.economy, lang), doc=row.doc, data=row.data,
                       diff=row.diff, blank=row.blank, irl=row.irl, without_irl=row.data - row.irl))
    lines.append(t("unicorns.explain.hkg", lang, hkg=q.economy_count(list_id, "HKG")))
    lines.append(t("unicorns.explain.share", lang, total=about["companies"]))
    if not len(blank):
        return "\n".join(f"- {line}" for line in lines), None
    blank = blank.assign(found_in=[", ".join(t(f"unicorns.list.{s}", lang) for s in str(f).split(", ")) if f else ""
                                   for f in blank["found_in"].fillna("")],
                         # The other lists' economies named in the page language, as the other tables name them.
                         country_elsewhere=[t("finding.list", lang).join(economy_or_code(c, lang)
                                                                         for c in str(codes).split(","))
                                            if isinstance(codes, str) else "" for codes in blank["country_elsewhere"]])
    return "\n".join(f"- {line}" for line in lines), (readable(blank, lang, {
        "company": t("unicorns.col.company_listed", lang), "printed_country": t("unicorns.col.printed_country", lang),
        "valuation_usd": t("unicorns.col.valuation", lang), "country_elsewhere": t("unicorns.col.country_elsewhere", lang),
        "found_in": t("unicorns.col.found_in", lang), "line_no": t("unicorns.col.line", lang)},
        units={"valuation_usd": "USD"}))


@page.memo
def founding_list(economies: tuple[str, ...], lang: str) -> dict | None:
    """The list with the most founding years (only one has them) and the span of its years; None without one."""
    lists = company_lists()
    with_founded = lists[lists["with_founded"] > 0]
    if with_founded.empty:
        return None
    founded_id = with_founded["with_founded"].idxmax()
    years = q.founding_years(founded_id, economies)
    return {"id": founded_id, "name": t(f"unicorns.list.{founded_id}", lang),
            "source": t("unicorns.founded.source", lang, dataset=citations.dataset(founded_id, lang)),
            "first": int(years["year"].min()), "last": int(years["year"].max())}


@page.memo
def founded_since_view(since: int, economies: tuple[str, ...], lang: str, present: bool) -> dict:
    founded = founding_list(economies, lang)
    order = {code: i for i, code in enumerate(figures.economy_order(economies))}
    share = q.founded_since_share(founded["id"], since, economies).assign(unit="percent")
    share = share.rename(columns={"share": "value"}).assign(source=founded["source"])
    share = share.assign(label=[economy_name(c, lang) for c in share["economy"]],
                         stated=[format_value(v, "percent", lang) for v in share["value"]])
    share = share.sort_values("economy", key=lambda c: c.map(order), kind="stable")
    fig = figures.category_bars(share, x="label", text="stated", unit="percent", lang=lang, present=present,
                                title=findings.stating("unicorns.founded.since_finding", share, "percent", lang,
                                                       t("unicorns.founded.since_title", lang, since=since),
                                                       since=since),
                                subtitle=t("unicorns.founded.since_subtitle", lang, list=founded["name"]),
                                source=founded["source"])
    data = readable(share, lang, {
        "label": t("unicorns.col.economy", lang), "companies": t("unicorns.founded.col.companies", lang),
        "founded_since": t("unicorns.founded.col.since", lang, since=since), "stated": t("unicorns.col.value", lang)})
    return dict(fig=fig, data=data, name=f"unicorn_founded_since_{since}", source=founded["source"], lang=lang,
                sources=[founded["id"]], values=share)


def peak_years(counts: pd.DataFrame) -> pd.DataFrame:
    """Per economy the founding year with the most companies (the earliest of equal ones), as `value`."""
    ranked = counts.sort_values(["economy", "value", "year"], ascending=[True, False, True])
    return ranked.drop_duplicates("economy").assign(value=lambda f: f["year"]).drop(columns="year")


@page.memo
def founding_years_view(start: int, end: int, economies: tuple[str, ...], lang: str, present: bool) -> dict:
    founded = founding_list(economies, lang)
    years = q.founding_years(founded["id"], economies)
    shown = years[years["year"].between(start, end)].rename(columns={"companies": "value"})
    shown = shown.assign(unit="count", source=founded["source"])
    fig = figures.bars(shown, x="year", unit="count", lang=lang, present=present,
                       title=findings.stating("unicorns.founded.years_finding", peak_years(shown), "year", lang,
                                              t("unicorns.founded.years_title", lang)),
                       subtitle=t("unicorns.founded.years_subtitle", lang, start=start, end=end, list=founded["name"]),
                       source=founded["source"])
    data = readable(shown, lang, {"economy": t("unicorns.col.economy", lang), "year": t("unicorns.col.founded", lang),
                                  "value": t("unicorns.founded.col.count", lang)})
    return dict(fig=fig, data=data, name="unicorn_founding_years", source=founded["source"], lang=lang,
                sources=[founded["id"]], values=shown)


@page.memo
def document_says(lang: str) -> tuple[str, ...]:
    """The documents' lines on when unicorns were founded, quoted with document and line."""
    said = q.document_lines_about("独角兽", ("成立", "堆积柱形图"))
    return tuple(f"> {row.text}  \n— {t('unicorns.line_ref', lang, doc_id=row.doc_id, line=row.line_no)}"
                 for row in said.itertuples())


@page.memo
def valuation_views(list_id: str, economies: tuple[str, ...], lang: str, present: bool) -> tuple[dict, dict]:
    """The box plot of every valuation and the bars of the most valuable companies."""
    about = list_about(list_id, lang)
    order = {code: i for i, code in enumerate(figures.economy_order(economies))}
    values = q.valuations(list_id, economies).rename(columns={"valuation_usd": "value"})
    values = values.assign(unit="USD", source=about["source"])
    _, axis_unit = figures.axis_scale(values["value"].tolist(), "USD", lang)
    fig = figures.boxes(values, unit="USD", log=True, label="company", lang=lang, present=present,
                        title=findings.stating("unicorns.valuation.finding",
                                               values.groupby("economy", as_index=False)["value"].median(), "USD",
                                               lang, t("unicorns.valuation.title", lang)),
                        subtitle=t("unicorns.valuation.subtitle", lang, unit=axis_unit, list=about["name"]),
                        source=about["source"])
    boxes = dict(fig=fig, data=readable(values, lang, {
        "economy": t("unicorns.col.economy", lang), "company": t("unicorns.col.company_listed", lang),
        "country_code": t("unicorns.col.country", lang), "value": t("unicorns.col.valuation", lang)},
        units={"value": "USD"}, economies=COUNTRY_CODES), name=f"unicorn_valuations_{list_id}", source=about["source"], lang=lang,
                 sources=[list_id], values=values)

    top = q.top_companies(list_id, economies, TOP_N).rename(columns={"valuation_usd": "value"})
    top = top.sort_values("economy", key=lambda c: c.map(order), kind="stable")
    top = top.assign(unit="USD", source=about["source"], group=[economy_name(c, lang) for c in top["economy"]],
                     key=top["economy"] + ":" + top["company"],
                     stated=[f"{name} · {format_value(v, 'USD', lang)}"
                             for name, v in zip(top["company"], top["value"])])
    fig = figures.category_bars(top, x="key", series="group", text="stated", unit="USD", horizontal=True, lang=lang,
                                present=present,
                                title=findings.stating("unicorns.top.finding",
                                                       top.groupby("economy", as_index=False)["value"].max(), "USD",
                                                       lang, t("unicorns.top.title", lang, n=TOP_N)),
                                subtitle=t("unicorns.top.subtitle", lang, unit=axis_unit, list=about["name"]),
                                source=about["source"])
    bars = dict(fig=fig, data=readable(top, lang, {
        "economy": t("unicorns.col.economy", lang), "rank": t("unicorns.col.rank", lang),
        "company": t("unicorns.col.company_listed", lang), "value": t("unicorns.col.valuation", lang),
        "country_code": t("unicorns.col.country", lang), "city": t("unicorns.col.city", lang),
        "industry": t("unicorns.col.industry", lang), "date_joined": t("unicorns.col.joined", lang),
        "year_founded": t("unicorns.col.founded", lang)}, units={"value": "USD"}, economies=COUNTRY_CODES),
                name=f"unicorn_top_{list_id}", source=about["source"], lang=lang, sources=[list_id], values=top)
    return boxes, bars


@page.memo
def search_view(list_id: str, search: str, lang: str) -> tuple[str, object]:
    """What the company search found: the caption saying how many, and the table."""
    # A country searched by its name in either language (the table shows it in the page's): its companies too.
    named = tuple(code for code in q.listed_economies() if has(f"economy.{code}") and search.strip().casefold()
                  in {economy_name(code, "zh").casefold(), economy_name(code, "en").casefold()})
    found = q.search_companies(list_id, search, SEARCH_ROWS, named)
    matches = int(found["matches"].iloc[0]) if len(found) else 0
    caption = (plural("unicorns.search.found", lang, matches, list=list_about(list_id, lang)["name"], matches=matches,
                 shown=len(found)) if matches else t("unicorns.search.none", lang))
    return caption, (readable(found, lang, {
        "company": t("unicorns.col.company_listed", lang), "country_code": t("unicorns.col.country", lang),
        "city": t("unicorns.col.city", lang), "industry": t("unicorns.col.industry", lang),
        "valuation_usd": t("unicorns.col.valuation", lang),
        "date_joined": t("unicorns.col.joined", lang), "year_founded": t("unicorns.col.founded", lang),
        "company_link": t("unicorns.col.link", lang), "line_no": t("unicorns.col.line", lang)},
        units={"valuation_usd": "USD"}, economies=COUNTRY_CODES))


@page.memo
def market_view(lang: str, present: bool) -> dict | None:
    """The documents' market values of leading firms as a chart; None when the documents state none."""
    market = q.market_values()
    if market.empty:
        return None
    market = market.assign(
        year=market["year"].astype(int),
        company=[t(f"unicorns.company.{e}", lang) for e in market["entity"]],
        group=[economy_name(c, lang) for c in market["economy"]],
        stated=[(t(f"unicorns.qualifier.{QUALIFIER_WORD[qual]}", lang) + "<br>" if qual in QUALIFIER_WORD else "")
                + text for qual, text in zip(market["qualifier"], format_rows(market, lang))])
    market = market.assign(label=[t("unicorns.market.label", lang, year=y, company=c)
                                  for y, c in zip(market["year"], market["company"])])
    market_source = document_source(market, lang)
    fig = figures.category_bars(market, x="label", series="group", text="stated", unit="USD", lang=lang,
                                present=present,
                                title=findings.stating("unicorns.market.finding",
                                                       market.groupby(["economy", "year"], as_index=False)["value"]
                                                       .max(), "USD", lang, t("unicorns.market.title", lang)),
                                subtitle=t("unicorns.market.subtitle", lang,
                                           unit=figures.axis_scale(market["value"].tolist(), "USD", lang)[1]),
                                source=market_source)
    fig = figures.two_line_ticks(fig)
    data = readable(market.assign(stated=market["stated"].str.replace("<br>", " ")), lang, {
        "company": t("unicorns.col.company", lang), "economy": t("unicorns.col.economy", lang),
        "year": t("unicorns.market.col.year", lang), "stated": t("unicorns.market.col.value", lang),
        "quote": t("unicorns.col.quote", lang), "line_no": t("unicorns.col.line", lang), "mention_id": "mention_id"})
    return dict(fig=fig, data=data, name="leading_firm_market_value", source=market_source, lang=lang,
                indicators=["market_cap"], values=market.drop(columns="entity"))


ctx = page.setup("unicorns")
lang, economies, present = ctx.lang, ctx.economies, ctx.present

# ---------------------------------------------------------------- selection
lists = company_lists()
LIST = state.choice("list", [DOCUMENT_LIST] * (DOCUMENT_LIST in lists.index) + [s for s in lists.index if s != DOCUMENT_LIST])
st.segmented_control(ctx.t("unicorns.list.label"), LIST.choices, required=True, help=ctx.t("unicorns.list.help"),
                     format_func=lambda s: ctx.t(f"unicorns.list.{s}"), **state.widget_kwargs(LIST))
list_id = state.get(LIST)
about = list_about(list_id, lang)
st.caption(about["caption"])
with st.expander(ctx.t("unicorns.list.notes"), icon=":material/info:"):
    st.markdown(about["definition"])
    st.markdown(about["notes"])

# ---------------------------------------------------------------- counts: document vs recount
st.subheader(ctx.t("unicorns.counts.header"))
st.segmented_control(ctx.t("unicorns.measure.label"), MEASURE.choices, required=True,
                     format_func=lambda m: ctx.t(f"unicorns.measure.{m}"), **state.widget_kwargs(MEASURE))
measure = state.get(MEASURE)
counts = counts_view(list_id, measure, economies, lang, present)
page.chart(**counts["chart"])
if not counts["documented"]:
    st.info(ctx.t("unicorns.no_document"))
# The US and Chinese counts every document states, dated by the figure (hollow: bound by a rule), beside the recount.
over_time = stated_over_time("unicorn_count", ("CHN", "USA"), list_id, about["name"], ctx.t("unicorns.over_time"),
                             lang, present, "unicorns.over_time.finding") if measure == "count" else None
if over_time:
    page.chart(**over_time)
    st.caption(ctx.t("unicorns.over_time.legend"))

# Why the numbers differ: every figure below is computed from the list; the wording says what it means.
with st.container(border=True):
    st.markdown(f"**{ctx.t('unicorns.explain.header')}**")
    reasons, blank = explanation(list_id, measure, lang)
    st.markdown(reasons)
if blank is not None:  # the grid of those companies is sent once its section is opened (page.more)
    with page.more("unicorns_blank", ctx.t("unicorns.blank.header"), icon=":material/help:"):
        page.table(blank, lang)

# ---------------------------------------------------------------- founding years (only one list has them)
# The sections below the first screen are drawn when opened (page.more): each chart costs the browser to draw.
founded = founding_list(economies, lang)
with page.more("unicorns_founded", ctx.t("unicorns.founded.header")):
    if founded is None:
        st.info(ctx.t("unicorns.founded.none"))
    else:
        first_year, last_year = founded["first"], founded["last"]
        SINCE = state.Param("since", "year", DOCUMENT_SINCE, lo=first_year, hi=last_year)
        FROM = state.Param("from", "year", max(DOCUMENT_FIG6_START, first_year), lo=first_year, hi=last_year)
        TO = state.Param("to", "year", last_year, lo=first_year, hi=last_year)

        st.caption(ctx.t("unicorns.founded.only_list", list=founded["name"]))
        st.number_input(ctx.t("unicorns.founded.since_label"), min_value=first_year, max_value=last_year, step=1,
                        help=ctx.t("unicorns.founded.since_help"), **state.widget_kwargs(SINCE))
        page.chart(**founded_since_view(state.get(SINCE), economies, lang, present))

        st.slider(ctx.t("unicorns.founded.range_label"), first_year, last_year, **state.range_kwargs((FROM, TO)))
        start, end = sorted((state.get(FROM), state.get(TO)))
        page.chart(**founding_years_view(start, end, economies, lang, present))
said = document_says(lang) if founded is not None else None
if said:  # after the section: expanders do not nest
    with st.expander(ctx.t("unicorns.founded.document_says"), icon=":material/format_quote:"):
        for quoted in said:
            st.markdown(quoted)

# ---------------------------------------------------------------- valuations and the most valuable companies
with page.more("unicorns_valuation", ctx.t("unicorns.valuation.header")):
    boxes, bars = valuation_views(list_id, economies, lang, present)
    page.chart(**boxes)
    if list_id == DOCUMENT_LIST:
        st.caption(ctx.t("unicorns.valuation.rounded"))
    page.chart(**bars)

# ---------------------------------------------------------------- company search (user text: bound, never parsed)
@st.fragment
def company_search() -> None:
    """The search reruns on its own: typing a company name does not redraw the charts above."""
    st.text_input(ctx.t("unicorns.search.label"), max_chars=SEARCH.max_len,
                  placeholder=ctx.t("unicorns.search.placeholder"),
                  help=ctx.t("unicorns.search.help", max_len=SEARCH.max_len), **state.widget_kwargs(SEARCH))
    page.text_notice(SEARCH, lang)
    caption, found = search_view(list_id, state.get(SEARCH), lang)
    st.caption(caption)
    page.table(found, lang, key="company_search")
    st.caption(ctx.t("chart.source", source=about["citation"]))


# The search and its grid of the whole list are built when the section is opened (a grid costs the browser as much
# as a chart); the search term in the URL opens it.
with page.more("unicorns_search", ctx.t("unicorns.search.header"), icon=":material/search:",
               opened=bool(state.get(SEARCH))) as opened:
    if opened:
        company_search()
if not opened:  # a search the URL gave that cleaning emptied: said in sight, not inside the closed section
    page.text_notice(SEARCH, lang)

# ---------------------------------------------------------------- the document's market values of leading firms
with page.more("unicorns_market", ctx.t("unicorns.market.header")):
    market = market_view(lang, present)
    if market is None:
        st.info(ctx.t("unicorns.market.none"))
    else:
        st.caption(ctx.t("unicorns.market.intro"))
        page.chart(**market)
