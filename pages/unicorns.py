"""Unicorns page: the document's counts beside a recount of the company lists, founding years, valuations,
top companies, a company search, and the document's market values of leading firms."""
import pandas as pd
import streamlit as st

from lib.ui import citations, figures, page, state
from lib.ui.i18n import economy_name, format_value
from lib.ui.tables import readable
from lib.contract import source
from lib.queries import unicorns as q

# The document's own source (Crunchbase board) first: it is the default and the one the explanation is about.
DOCUMENT_LIST = source("unicorn_list")
# Display choices, not data: how many companies per economy the ranking shows, how many search hits the table shows.
TOP_N = 10
SEARCH_ROWS = 200
# The document's figure 5 counts companies founded "2014年以来" (003 line 159); figure 6 spans 2007-2024 (line 164).
DOCUMENT_SINCE = 2014
DOCUMENT_FIG6_START = 2007
QUALIFIER_WORD = {"~": "about", ">": "more", "+": "more"}

MEASURE = state.choice("measure", ("count", "share"))
SEARCH = state.text("q", max_len=100)

ctx = page.setup("unicorns")
lang, t = ctx.lang, ctx.t
order = {code: i for i, code in enumerate(figures.economy_order(ctx.economies))}

# ---------------------------------------------------------------- selection
lists = q.company_lists().set_index("source_id")
LIST = state.choice("list", [DOCUMENT_LIST] * (DOCUMENT_LIST in lists.index) + [s for s in lists.index if s != DOCUMENT_LIST])
st.segmented_control(t("unicorns.list.label"), LIST.choices, required=True, help=t("unicorns.list.help"),
                     format_func=lambda s: t(f"unicorns.list.{s}"), **state.widget_kwargs(LIST))
list_id = state.get(LIST)
about = lists.loc[list_id]
list_name = t(f"unicorns.list.{list_id}")
list_citation = citations.dataset(list_id, lang)
list_source = t("unicorns.source.list", dataset=list_citation)
st.caption(t("unicorns.list.about", dataset=list_citation, companies=int(about["companies"])))
with st.expander(t("unicorns.list.notes"), icon=":material/info:"):
    st.markdown(about[f"definition_{lang}"])
    st.markdown(about[f"notes_{lang}"])


def document_source(rows: pd.DataFrame) -> str:
    """`document 003 “title”, line 89: “758家” “283家” …` for the document rows drawn."""
    first = rows.iloc[0]
    return citations.document(first["doc_id"], first[f"title_{lang}"], rows["line_no"], lang, quotes=rows["quote"])


# ---------------------------------------------------------------- counts: document vs recount
st.subheader(t("unicorns.counts.header"))
st.segmented_control(t("unicorns.measure.label"), MEASURE.choices, required=True,
                     format_func=lambda m: t(f"unicorns.measure.{m}"), **state.widget_kwargs(MEASURE))
measure = state.get(MEASURE)
indicator = {"count": "unicorn_count", "share": "unicorn_share"}[measure]
unit = {"count": "count", "share": "percent"}[measure]
stated = q.document_unicorn_figures()
stated = stated[stated["indicator_id"] == indicator]
economies = tuple(figures.economy_order([*ctx.economies, *stated["economy"]]))
recount = q.counts_by_economy(list_id, economies)
recount = recount.assign(value=recount["companies"] if measure == "count" else recount["share"])

doc_id = stated["doc_id"].iloc[0] if len(stated) else ""
# The shortest of the figures' notes is the plain statement of source and date ("Crunchbase, 10 Sep 2024").
doc_period = min(stated[f"note_{lang}"].dropna(), key=len, default="").rstrip("。.") if len(stated) else ""
document_label = t("unicorns.series.document", doc_id=doc_id)
list_label = t("unicorns.series.list", list=list_name)
comparison = pd.concat([
    stated.assign(series=document_label, source=[document_source(stated[stated.index == i]) for i in stated.index]),
    recount.assign(series=list_label, source=list_source, unit=unit),
], ignore_index=True)
comparison = comparison[comparison["economy"].isin(economies)]
comparison["order"] = comparison["economy"].map({code: i for i, code in enumerate(economies)})
comparison = comparison.sort_values(["order", "series"], key=lambda c: c if c.name == "order" else c != document_label)
comparison["label"] = [economy_name(code, lang) for code in comparison["economy"]]
comparison["stated"] = [format_value(v, unit, lang) for v in comparison["value"]]
sources = "; ".join([document_source(stated)] * bool(len(stated)) + [list_source])
fig = figures.category_bars(
    comparison, x="label", series="series", hatch=True, text="stated", unit=unit, lang=lang, present=ctx.present,
    title=t(f"unicorns.counts.title.{measure}"),
    subtitle=t("unicorns.counts.subtitle", unit=t(f"unicorns.counts.unit.{measure}"), doc_id=doc_id,
               doc_period=doc_period, list=list_name),
    source=sources)
page.chart(fig, readable(comparison, lang, {
    "series": t("unicorns.col.series"), "label": t("unicorns.col.economy"), "stated": t("unicorns.col.value"),
    "source": t("unicorns.col.source"), "quote": t("unicorns.col.quote"), "mention_id": "mention_id"}),
    name=f"unicorn_{measure}_{list_id}", source=sources, lang=lang, indicators=[indicator], sources=[list_id])
if not len(stated):
    st.info(t("unicorns.no_document"))

# Why the numbers differ: every figure below is computed from the list; the wording says what it means.
with st.container(border=True):
    st.markdown(f"**{t('unicorns.explain.header')}**")
    blank = q.companies_without_economy(list_id)
    lines = [] if list_id == DOCUMENT_LIST else [t("unicorns.explain.other_list", doc_id=doc_id,
                                                    doc_period=doc_period, list=list_name)]
    keys = {"match": "unicorns.explain.match", "blank": "unicorns.explain.chn", "eu_no_irl": "unicorns.explain.eu",
            "eu": "unicorns.explain.eu_other", "differs": "unicorns.explain.differs"}
    for row in q.reconciliation(list_id).itertuples():
        lines.append(t(keys[row.reason], economy=economy_name(row.economy, lang), doc=row.doc, data=row.data,
                       diff=row.diff, blank=row.blank, irl=row.irl, without_irl=row.data - row.irl))
    lines.append(t("unicorns.explain.hkg", hkg=q.economy_count(list_id, "HKG")))
    lines.append(t("unicorns.explain.share", total=int(about["companies"])))
    st.markdown("\n".join(f"- {line}" for line in lines))
    if len(blank):
        st.markdown(f"*{t('unicorns.blank.header')}*")
        blank = blank.assign(found_in=[", ".join(t(f"unicorns.list.{s}") for s in str(f).split(", ")) if f else ""
                                       for f in blank["found_in"].fillna("")])
        st.dataframe(readable(blank, lang, {
            "company": t("unicorns.col.company"), "printed_country": t("unicorns.col.printed_country"),
            "valuation_usd": t("unicorns.col.valuation"), "country_elsewhere": t("unicorns.col.country_elsewhere"),
            "found_in": t("unicorns.col.found_in"), "line_no": t("unicorns.col.line")}, units={"valuation_usd": "USD"}),
            hide_index=True)

# ---------------------------------------------------------------- founding years (only one list has them)
st.subheader(t("unicorns.founded.header"))
with_founded = lists[lists["with_founded"] > 0]
if with_founded.empty:
    st.info(t("unicorns.founded.none"))
else:
    founded_id = with_founded["with_founded"].idxmax()
    founded_about = lists.loc[founded_id]
    founded_name = t(f"unicorns.list.{founded_id}")
    founded_source = t("unicorns.founded.source", dataset=citations.dataset(founded_id, lang))
    st.caption(t("unicorns.founded.only_list", list=founded_name))
    years = q.founding_years(founded_id, ctx.economies)
    first_year, last_year = int(years["year"].min()), int(years["year"].max())
    SINCE = state.Param("since", "year", DOCUMENT_SINCE, lo=first_year, hi=last_year)
    FROM = state.Param("from", "year", max(DOCUMENT_FIG6_START, first_year), lo=first_year, hi=last_year)
    TO = state.Param("to", "year", last_year, lo=first_year, hi=last_year)

    st.number_input(t("unicorns.founded.since_label"), min_value=first_year, max_value=last_year, step=1,
                    help=t("unicorns.founded.since_help"), **state.widget_kwargs(SINCE))
    since = state.get(SINCE)
    share = q.founded_since_share(founded_id, since, ctx.economies).assign(unit="percent")
    share = share.rename(columns={"share": "value"}).assign(source=founded_source)
    share = share.assign(label=[economy_name(c, lang) for c in share["economy"]],
                         stated=[format_value(v, "percent", lang) for v in share["value"]])
    share = share.sort_values("economy", key=lambda c: c.map(order), kind="stable")
    fig = figures.category_bars(share, x="label", text="stated", unit="percent", lang=lang, present=ctx.present,
                                title=t("unicorns.founded.since_title", since=since),
                                subtitle=t("unicorns.founded.since_subtitle", list=founded_name),
                                source=founded_source)
    page.chart(fig, readable(share, lang, {
        "label": t("unicorns.col.economy"), "companies": t("unicorns.founded.col.companies"),
        "founded_since": t("unicorns.founded.col.since", since=since), "stated": t("unicorns.col.value")}),
               name=f"unicorn_founded_since_{since}", source=founded_source, lang=lang, sources=[founded_id])

    st.slider(t("unicorns.founded.range_label"), first_year, last_year, **state.range_kwargs((FROM, TO)))
    start, end = sorted((state.get(FROM), state.get(TO)))
    shown = years[years["year"].between(start, end)].rename(columns={"companies": "value"})
    shown = shown.assign(unit="count", source=founded_source)
    fig = figures.bars(shown, x="year", unit="count", lang=lang, present=ctx.present,
                       title=t("unicorns.founded.years_title"),
                       subtitle=t("unicorns.founded.years_subtitle", start=start, end=end, list=founded_name),
                       source=founded_source)
    page.chart(fig, readable(shown, lang, {"economy": t("unicorns.col.economy"), "year": t("unicorns.col.founded"),
                                           "value": t("unicorns.founded.col.count")}),
               name="unicorn_founding_years", source=founded_source, lang=lang, sources=[founded_id])
    said = q.document_lines_about("独角兽", ("成立", "堆积柱形图"))
    if len(said):
        with st.expander(t("unicorns.founded.document_says"), icon=":material/format_quote:"):
            for row in said.itertuples():
                st.markdown(f"> {row.text}  \n— {t('unicorns.line_ref', doc_id=row.doc_id, line=row.line_no)}")

# ---------------------------------------------------------------- valuations and the most valuable companies
st.subheader(t("unicorns.valuation.header"))
values = q.valuations(list_id, ctx.economies).rename(columns={"valuation_usd": "value"})
values = values.assign(unit="USD", source=list_source)
factor, axis_unit = figures.axis_scale(values["value"].tolist(), "USD", lang)
fig = figures.boxes(values, unit="USD", log=True, label="company", lang=lang, present=ctx.present,
                    title=t("unicorns.valuation.title"),
                    subtitle=t("unicorns.valuation.subtitle", unit=axis_unit, list=list_name), source=list_source)
page.chart(fig, readable(values, lang, {"economy": t("unicorns.col.economy"), "company": t("unicorns.col.company"),
                                        "country": t("unicorns.col.country"), "value": t("unicorns.col.valuation")},
                         units={"value": "USD"}),
           name=f"unicorn_valuations_{list_id}", source=list_source, lang=lang, sources=[list_id])
if list_id == DOCUMENT_LIST:
    st.caption(t("unicorns.valuation.rounded"))

top = q.top_companies(list_id, ctx.economies, TOP_N).rename(columns={"valuation_usd": "value"})
top = top.sort_values("economy", key=lambda c: c.map(order), kind="stable")
top = top.assign(unit="USD", source=list_source, group=[economy_name(c, lang) for c in top["economy"]],
                 key=top["economy"] + ":" + top["company"],
                 stated=[f"{name} · {format_value(v, 'USD', lang)}" for name, v in zip(top["company"], top["value"])])
fig = figures.category_bars(top, x="key", series="group", text="stated", unit="USD", horizontal=True, lang=lang,
                            present=ctx.present, title=t("unicorns.top.title", n=TOP_N),
                            subtitle=t("unicorns.top.subtitle", unit=axis_unit, list=list_name), source=list_source)
page.chart(fig, readable(top, lang, {
    "economy": t("unicorns.col.economy"), "rank": t("unicorns.col.rank"), "company": t("unicorns.col.company"),
    "value": t("unicorns.col.valuation"), "country": t("unicorns.col.country"), "city": t("unicorns.col.city"),
    "industry": t("unicorns.col.industry"), "date_joined": t("unicorns.col.joined"),
    "year_founded": t("unicorns.col.founded")}, units={"value": "USD"}),
           name=f"unicorn_top_{list_id}", source=list_source, lang=lang, sources=[list_id])

# ---------------------------------------------------------------- company search (user text: bound, never parsed)
@st.fragment
def company_search() -> None:
    """The search reruns on its own: typing a company name does not redraw the charts above."""
    st.subheader(t("unicorns.search.header"))
    st.text_input(t("unicorns.search.label"), max_chars=SEARCH.max_len, placeholder=t("unicorns.search.placeholder"),
                  help=t("unicorns.search.help", max_len=SEARCH.max_len), **state.widget_kwargs(SEARCH))
    page.text_notice(SEARCH, lang)
    search = state.get(SEARCH)
    found = q.search_companies(list_id, search, SEARCH_ROWS)
    matches = int(found["matches"].iloc[0]) if len(found) else 0
    st.caption(t("unicorns.search.found", list=list_name, matches=matches, shown=len(found)) if matches
               else t("unicorns.search.none"))
    st.dataframe(readable(found, lang, {
        "company": t("unicorns.col.company"), "country": t("unicorns.col.country"),
        "city": t("unicorns.col.city"), "industry": t("unicorns.col.industry"),
        "valuation_usd": t("unicorns.col.valuation"),
        "date_joined": t("unicorns.col.joined"), "year_founded": t("unicorns.col.founded"),
        "company_link": t("unicorns.col.link"), "line_no": t("unicorns.col.line")}, units={"valuation_usd": "USD"}),
        hide_index=True, column_config={t("unicorns.col.link"): st.column_config.LinkColumn()})
    st.caption(t("chart.source", source=list_citation))


company_search()

# ---------------------------------------------------------------- the document's market values of leading firms
st.subheader(t("unicorns.market.header"))
market = q.market_values()
if market.empty:
    st.info(t("unicorns.market.none"))
else:
    st.caption(t("unicorns.market.intro"))
    market = market.assign(
        year=market["year"].astype(int),
        company=[t(f"unicorns.company.{e}") for e in market["entity"]],
        group=[economy_name(c, lang) for c in market["economy"]],
        stated=[(t(f"unicorns.qualifier.{QUALIFIER_WORD[qual]}") + "<br>" if qual in QUALIFIER_WORD else "")
                + format_value(v, u, lang) for qual, v, u in zip(market["qualifier"], market["value"], market["unit"])])
    market = market.assign(label=[t("unicorns.market.label", year=y, company=c)
                                  for y, c in zip(market["year"], market["company"])])
    market_source = document_source(market)
    fig = figures.category_bars(market, x="label", series="group", text="stated", unit="USD", lang=lang,
                                present=ctx.present, title=t("unicorns.market.title"),
                                subtitle=t("unicorns.market.subtitle",
                                           unit=figures.axis_scale(market["value"].tolist(), "USD", lang)[1]),
                                source=market_source)
    fig = figures.two_line_ticks(fig)
    page.chart(fig, readable(market.assign(stated=market["stated"].str.replace("<br>", " ")), lang, {
        "company": t("unicorns.col.company"), "economy": t("unicorns.col.economy"), "year": t("unicorns.market.col.year"),
        "stated": t("unicorns.market.col.value"), "quote": t("unicorns.col.quote"), "line_no": t("unicorns.col.line"),
        "mention_id": "mention_id"}), name="leading_firm_market_value", source=market_source, lang=lang,
               indicators=["market_cap"])
