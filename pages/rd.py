"""R&D page: WDI R&D intensity, spending and researchers, document 003's figure 7 rebuilt, and the documents' figures."""
import pandas as pd
import streamlit as st

from lib.contract import measure as headline
from lib.queries import rd
from lib.ui import citations, figures, findings, page, state
from lib.ui.i18n import MISSING, economy_name, format_value, with_display_units

ctx = page.setup("rd")
lang = ctx.lang

# ---------------------------------------------------------------- selection (all of it in the URL)
YEARS = state.year_range(*rd.year_span((rd.INTENSITY, *rd.GERD.values(), rd.RESEARCHERS)))
MEASURE = state.choice("measure", ("intensity", "absolute", "per_capita"))
# The default price basis is the headline measure's (data/catalog/measures.yaml), as on the Overview.
PRICE = state.choice("price", tuple(rd.GERD), default=headline("gerd_ppp")["price"])
GROWTH = state.choice("growth", ("yoy", "cagr"))

# Two controls a row: at 1100 px with the sidebar open a third column cut their option labels.
measure_col, price_col = st.columns([3, 2])
growth_col, years_col = st.columns([1, 1])
years_col.slider(ctx.t("rd.controls.years"), YEARS[0].lo, YEARS[0].hi, **state.range_kwargs(YEARS))
measure_col.segmented_control(ctx.t("rd.controls.measure"), MEASURE.choices, required=True,
                              help=ctx.t("rd.controls.measure.help"), format_func=lambda m: ctx.t(f"rd.measure.{m}"),
                              **state.widget_kwargs(MEASURE))
price_col.segmented_control(ctx.t("rd.controls.price"), PRICE.choices, required=True,
                            help=ctx.t("rd.controls.price.help"), format_func=lambda p: ctx.t(f"rd.price.{p}"),
                            **state.widget_kwargs(PRICE))
growth_col.segmented_control(ctx.t("rd.controls.growth"), GROWTH.choices, required=True,
                             format_func=lambda g: ctx.t(f"rd.growth.{g}"), **state.widget_kwargs(GROWTH))
year_from, year_to = state.get_years(YEARS[0].lo, YEARS[0].hi)
measure, price, growth = state.get(MEASURE), state.get(PRICE), state.get(GROWTH)
# Growth of a share of GDP mixes R&D and GDP growth, so with the share selected growth is of total spending.
growth_measure = "absolute" if measure == "intensity" else measure

# ---------------------------------------------------------------- data
wdi = rd.source(rd.WDI_SOURCE)
levels = with_display_units(rd.measure(measure, price, ctx.economies, year_from, year_to))
growth_levels = with_display_units(rd.measure(growth_measure, price, ctx.economies, year_from, year_to))
growth_data = rd.year_on_year(growth_levels) if growth == "yoy" else rd.cagr(growth_levels)
researchers = rd.series(rd.RESEARCHERS, ctx.economies, year_from, year_to)
fig7 = rd.figure7_period()
fig7_data = with_display_units(rd.series(rd.GERD[price], rd.FIGURE7_ECONOMIES, fig7.get("year_from", year_from),
                                         YEARS[0].hi))
statements = rd.document_statements()
comparisons = rd.compared_statements(statements)
fields = rd.fields_passage()


def unit_text(name: str) -> str:
    """The unit words of a measure for subtitles: % of GDP, current US$, PPP $ per person."""
    if name == "intensity":
        return ctx.t("rd.unit.intensity")
    if name == "per_capita":
        return ctx.t("rd.unit.per_capita", price=ctx.t(f"rd.unit.{price}"))
    return ctx.t(f"rd.unit.{price}")


def wdi_source(frame: pd.DataFrame, name: str) -> str:
    notes = frame[f"note_{lang}"].dropna().unique() if f"note_{lang}" in frame else ()
    return citations.series(rd.WDI_SOURCE, rd.measure_inputs(name, price), lang, notes, joiner=" ÷ ")


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows drawn as a person reads them: economy names, formatted values with their unit, blanks for no note,
    under headers in the page language (the mention_id becomes a link to the sentence)."""
    def shown(column: str, unit_column: str = "unit") -> list[str]:
        units = frame[unit_column] if unit_column in frame else frame["unit"]
        return [format_value(v, u, lang) for v, u in zip(frame[column], units)]
    if "value_from" in frame:  # compound growth: the levels it runs between, in the levels' unit
        frame = frame.assign(value_from=shown("value_from", "level_unit"), value_to=shown("value_to", "level_unit"))
    out = frame.assign(name=[economy_name(c, lang) for c in frame["economy"]], shown=shown("value"))
    if f"note_{lang}" in out:
        out[f"note_{lang}"] = out[f"note_{lang}"].fillna("")
    headers = {"name": ctx.t("rd.col.economy"), "year": ctx.t("rd.col.year"), "period": ctx.t("rd.col.period"),
               "shown": ctx.t("rd.col.value"), "year_from": ctx.t("rd.col.from"), "year_to": ctx.t("rd.col.to"),
               "value_from": ctx.t("rd.col.value_from"), "value_to": ctx.t("rd.col.value_to"),
               "quote": ctx.t("rd.col.quote"), "file_name": ctx.t("rd.col.document"), "line_no": ctx.t("rd.col.line"),
               f"note_{lang}": ctx.t("rd.col.note"), "mention_id": "mention_id"}
    return out[[c for c in headers if c in out]].rename(columns=headers)


def show(make_figure, frame: pd.DataFrame, name: str, source: str, **kwargs) -> None:
    """Draw frame with figures.<make_figure> and page.chart, or say that the selection has no data."""
    if frame.empty:
        st.info(ctx.t("chart.no_data"))
        return
    fig = make_figure(frame, source=source, lang=lang, present=ctx.present, **kwargs)
    page.chart(fig, table(frame), name=name, source=source, lang=lang, indicators=frame.get("indicator_id", ()),
               sources=frame.get("source_id", ()))


# ---------------------------------------------------------------- WDI charts
show(figures.lines, levels, f"rd_{measure}_{price}", wdi_source(levels, measure),
     title=findings.title(ctx.t(f"rd.chart.{measure}.title"), levels, lang),
     subtitle=ctx.t("rd.subtitle", unit=unit_text(measure), first=year_from, last=year_to))

if measure == "intensity":
    st.caption(ctx.t("rd.growth.of_total"))
growth_title = ctx.t(f"rd.chart.{growth}.title", measure=ctx.t(f"rd.chart.{growth_measure}.title"))
growth_subtitle = ctx.t(f"rd.chart.{growth}.subtitle", unit=unit_text(growth_measure), first=year_from, last=year_to)
if price == "usd":  # growth in current US$ moves with exchange rates (the EU's -13 % in 2015 is the euro's fall)
    growth_subtitle += ctx.t("rd.growth.fx")
elif growth == "cagr":
    growth_subtitle += ctx.t("rd.growth.unit", unit=unit_text(growth_measure))
if growth == "yoy":
    show(figures.lines, growth_data, f"rd_growth_yoy_{growth_measure}_{price}",
         wdi_source(growth_levels, growth_measure), title=growth_title, subtitle=growth_subtitle)
else:
    show(figures.bars, growth_data, f"rd_growth_cagr_{growth_measure}_{price}",
         wdi_source(growth_levels, growth_measure), title=growth_title, subtitle=growth_subtitle, x="economy",
         labels=True)

show(figures.lines, researchers, "rd_researchers",
     citations.series(rd.WDI_SOURCE, (rd.RESEARCHERS,), lang), title=findings.title(ctx.t("rd.chart.researchers.title"), researchers, lang),
     subtitle=ctx.t("rd.subtitle", unit=ctx.t("rd.unit.researchers"), first=year_from, last=year_to))

# ---------------------------------------------------------------- document 003's figure 7
st.subheader(ctx.t("rd.fig7.header"))
if fig7 and len(fig7_data):
    first, last = int(fig7_data["year"].min()), int(fig7_data["year"].max())
    fig7_source = ctx.t("rd.fig7.source", dataset=wdi_source(fig7_data, "absolute"),
                        method_line=fig7["method_line"], line=fig7["line_no"])
    fig = figures.lines(fig7_data, title=ctx.t("rd.fig7.title"), source=fig7_source, lang=lang, present=ctx.present,
                        subtitle=ctx.t("rd.fig7.subtitle", unit=ctx.t(f"rd.unit.{price}"), first=first, last=last,
                                       doc_first=fig7["year_from"], doc_last=fig7["year_to"]))
    fig = figures.mark_period(fig, fig7["year_from"], fig7["year_to"], ctx.t("rd.fig7.band"))
    page.chart(fig, table(fig7_data), name=f"rd_fig7_{price}", source=fig7_source, lang=lang,
               indicators=fig7_data["indicator_id"], sources=fig7_data["source_id"])
    st.caption(ctx.t("rd.fig7.explain", method_line=fig7["method_line"], method=fig7["method_text"],
                     line=fig7["line_no"], caption=fig7["text"], last=last))
else:
    st.warning(ctx.t("rd.fig7.missing"))

with st.expander(ctx.t("rd.caveats.header"), expanded=True, icon=":material/info:"):
    # "$" pairs would turn into LaTeX in Markdown: the notes name US$ and PPP $.
    st.markdown(f"**{ctx.t('rd.caveats.notes')}** {wdi.get(f'notes_{lang}', '')}".replace("$", r"\$"))
    st.markdown(f"**{ctx.t('rd.caveats.definition')}** {wdi.get(f'definition_{lang}', '')}".replace("$", r"\$"))
    st.caption(ctx.t("rd.caveats.licence", **wdi).replace("$", r"\$"))

# ---------------------------------------------------------------- the documents' statements
st.subheader(ctx.t("rd.docs.header"))
st.caption(ctx.t("rd.docs.intro"))
if statements.empty:
    st.info(ctx.t("rd.docs.none"))
else:
    # A small chart wherever a document states one figure for two economies (clusters, AI citation rates).
    for group in comparisons:
        first_row = group.iloc[0]
        doc_source = citations.document(first_row["doc_id"], first_row[f"title_{lang}"], group["line_no"], lang,
                                        quotes=group["quote"])
        show(figures.bars, group, f"rd_doc_{first_row['indicator_id']}", doc_source, x="economy", labels=True,
             title=first_row[f"name_{lang}"],
             subtitle=ctx.t("rd.docs.compare.subtitle", unit=ctx.t(f"unit.{first_row['unit']}"),
                            period=first_row["period"]))
    listed = statements.assign(
        indicator=statements[f"name_{lang}"],
        economy_name=[economy_name(c, lang) for c in statements["economy"]],
        shown=[format_value(v, u, lang, high=None if pd.isna(h) else h)
               for v, u, h in zip(statements["value"], statements["unit"], statements["value_high"])],
        period=statements["period"].fillna(MISSING),
        document=[f"{d} {title}" for d, title in zip(statements["doc_id"], statements[f"title_{lang}"])])
    page.table(listed[["indicator", "economy_name", "shown", "period", "quote", "context", "document", "line_no",
                       "mention_id"]]
               .rename(columns={"indicator": ctx.t("rd.col.indicator"), "economy_name": ctx.t("rd.col.economy"),
                                "shown": ctx.t("rd.col.value"), "period": ctx.t("rd.col.period"),
                                "quote": ctx.t("rd.col.quote"), "context": ctx.t("rd.col.sentence"),
                                "document": ctx.t("rd.col.document"), "line_no": ctx.t("rd.col.line")}),
               lang, key="rd_statements")

_, first_line, last_line = rd.FIELDS_PASSAGE
st.markdown(f"**{ctx.t('rd.fields.header', first=first_line, last=last_line)}**")
st.caption(ctx.t("rd.fields.note"))
for row in fields.itertuples():
    with st.container(border=True):
        st.text(row.text.strip())
        st.caption(ctx.t("rd.fields.line", line=row.line_no))
