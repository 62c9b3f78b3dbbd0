"""R&D page: WDI R&D intensity, spending and researchers, document 003's figure 7 rebuilt, and the documents' figures."""
import pandas as pd
import streamlit as st

from lib.contract import measure as headline
from lib.queries import rd
from lib.ui import citations, figures, findings, page, state
from lib.ui.i18n import MISSING, economy_name, field, format_rows, format_value, t, with_display_units

WDI_SERIES = (rd.INTENSITY, *rd.GERD.values(), rd.RESEARCHERS)


# ---------------------------------------------------------------- sections, built once per selection (page.memo)
@page.memo
def year_bounds() -> tuple[int, int]:
    return rd.year_span(WDI_SERIES)


def unit_text(name: str, price: str, lang: str) -> str:
    """The unit words of a measure for subtitles: % of GDP, current US$, PPP $ per person."""
    if name == "intensity":
        return t("rd.unit.intensity", lang)
    if name == "per_capita":
        return t("rd.unit.per_capita", lang, price=t(f"rd.unit.{price}", lang))
    return t(f"rd.unit.{price}", lang)


def wdi_source(frame: pd.DataFrame, name: str, price: str, lang: str) -> str:
    notes = frame[f"note_{lang}"].dropna().unique() if f"note_{lang}" in frame else ()
    return citations.series(rd.WDI_SOURCE, rd.measure_inputs(name, price), lang, notes, joiner=" ÷ ")


def table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows drawn as a person reads them: economy names, formatted values with their unit, blanks for no note,
    under headers in the page language (the mention_id becomes a link to the sentence)."""
    def shown(column: str, unit_column: str) -> list[str]:
        units = frame[unit_column] if unit_column in frame else frame["unit"]
        return [format_value(v, u, lang) for v, u in zip(frame[column], units)]
    if "value_from" in frame:  # compound growth: the levels it runs between, in the levels' unit
        frame = frame.assign(value_from=shown("value_from", "level_unit"), value_to=shown("value_to", "level_unit"))
    out = frame.assign(name=[economy_name(c, lang) for c in frame["economy"]], shown=format_rows(frame, lang))
    if "doc_id" in out:  # a document's name, not its file (seeds/003_90f3….txt)
        out["document"] = [citations.document_name(row, lang) for _, row in out.iterrows()]
    if f"note_{lang}" in out:
        out[f"note_{lang}"] = out[f"note_{lang}"].fillna("")
    headers = {"name": t("rd.col.economy", lang), "year": t("rd.col.year", lang), "period": t("rd.col.period", lang),
               "shown": t("rd.col.value", lang), "year_from": t("rd.col.from", lang), "year_to": t("rd.col.to", lang),
               "value_from": t("rd.col.value_from", lang), "value_to": t("rd.col.value_to", lang),
               "quote": t("rd.col.quote", lang), "document": t("rd.col.document", lang),
               "line_no": t("rd.col.line", lang), f"note_{lang}": t("rd.col.note", lang), "mention_id": "mention_id"}
    return out[[c for c in headers if c in out]].rename(columns=headers)


def shown(make_figure, frame: pd.DataFrame, name: str, source: str, lang: str, present: bool,
          **kwargs) -> tuple[str, object]:
    """The block drawing frame with figures.<make_figure> and page.chart, or saying the selection has no data."""
    if frame.empty:
        return "info", t("chart.no_data", lang)
    fig = make_figure(frame, source=source, lang=lang, present=present, **kwargs)
    return "chart", dict(fig=fig, data=table(frame, lang), name=name, source=source, lang=lang,
                         indicators=tuple(frame.get("indicator_id", ())), sources=tuple(frame.get("source_id", ())),
                         values=frame)


@page.memo
def wdi_blocks(measure: str, price: str, growth: str, economies: tuple[str, ...], year_from: int, year_to: int,
               lang: str, present: bool) -> list[tuple[str, object]]:
    """The WDI charts: the measure, its growth, researchers."""
    # Growth of a share of GDP mixes R&D and GDP growth, so with the share selected growth is of total spending.
    growth_measure = "absolute" if measure == "intensity" else measure
    levels = with_display_units(rd.measure(measure, price, economies, year_from, year_to))
    growth_levels = with_display_units(rd.measure(growth_measure, price, economies, year_from, year_to))
    growth_data = rd.year_on_year(growth_levels) if growth == "yoy" else rd.cagr(growth_levels)
    researchers = rd.series(rd.RESEARCHERS, economies, year_from, year_to)
    blocks = [shown(figures.lines, levels, f"rd_{measure}_{price}", wdi_source(levels, measure, price, lang), lang,
                    present, title=findings.title(t(f"rd.chart.{measure}.title", lang), levels, lang),
                    subtitle=t("rd.subtitle", lang, unit=unit_text(measure, price, lang), first=year_from,
                               last=year_to))]
    if measure == "intensity":
        blocks.append(("caption", t("rd.growth.of_total", lang)))
    growth_name = t(f"rd.chart.{growth_measure}.title", lang)
    growth_title = findings.stating(f"rd.chart.{growth}.finding", growth_data, "percent", lang,
                                    t(f"rd.chart.{growth}.title", lang, measure=growth_name), measure=growth_name)
    growth_subtitle = t(f"rd.chart.{growth}.subtitle", lang, measure=growth_name,
                        unit=unit_text(growth_measure, price, lang), first=year_from, last=year_to)
    if price == "usd":  # growth in current US$ moves with exchange rates (the EU's -13 % in 2015 is the euro's fall)
        growth_subtitle += t("rd.growth.fx", lang)
    elif growth == "cagr":
        growth_subtitle += t("rd.growth.unit", lang, unit=unit_text(growth_measure, price, lang))
    growth_source = wdi_source(growth_levels, growth_measure, price, lang)
    if growth == "yoy":
        blocks.append(shown(figures.lines, growth_data, f"rd_growth_yoy_{growth_measure}_{price}", growth_source,
                            lang, present, title=growth_title, subtitle=growth_subtitle))
    else:
        blocks.append(shown(figures.bars, growth_data, f"rd_growth_cagr_{growth_measure}_{price}", growth_source,
                            lang, present, title=growth_title, subtitle=growth_subtitle, x="economy", labels=True))
    blocks.append(shown(figures.lines, researchers, "rd_researchers",
                        citations.series(rd.WDI_SOURCE, (rd.RESEARCHERS,), lang), lang, present,
                        title=findings.title(t("rd.chart.researchers.title", lang), researchers, lang),
                        subtitle=t("rd.subtitle", lang, unit=t("rd.unit.researchers", lang), first=year_from,
                                   last=year_to)))
    return blocks


@page.memo
def figure7_blocks(price: str, year_from: int, lang: str, present: bool) -> list[tuple[str, object]]:
    """Document 003's figure 7 rebuilt from WDI, the period it covers marked, and how it was computed."""
    fig7 = rd.figure7_period()
    fig7_data = with_display_units(rd.series(rd.GERD[price], rd.FIGURE7_ECONOMIES, fig7.get("year_from", year_from),
                                             year_bounds()[1]))
    if not (fig7 and len(fig7_data)):
        return [("warning", t("rd.fig7.missing", lang))]
    first, last = int(fig7_data["year"].min()), int(fig7_data["year"].max())
    fig7_source = t("rd.fig7.source", lang, dataset=wdi_source(fig7_data, "absolute", price, lang),
                    method_line=fig7["method_line"], line=fig7["line_no"])
    fig = figures.lines(fig7_data, title=findings.stating("rd.fig7.finding", fig7_data, "", lang, t("rd.fig7.title", lang)),
                        source=fig7_source, lang=lang, present=present,
                        subtitle=t("rd.fig7.subtitle", lang, unit=t(f"rd.unit.{price}", lang), first=first, last=last,
                                   doc_first=fig7["year_from"], doc_last=fig7["year_to"]))
    fig = figures.mark_period(fig, fig7["year_from"], fig7["year_to"], t("rd.fig7.band", lang))
    return [("chart", dict(fig=fig, data=table(fig7_data, lang), name=f"rd_fig7_{price}", source=fig7_source,
                           lang=lang, indicators=tuple(fig7_data["indicator_id"]), values=fig7_data,
                           sources=tuple(fig7_data["source_id"]))),
            ("caption", t("rd.fig7.explain", lang, method_line=fig7["method_line"], method=fig7["method_text"],
                          line=fig7["line_no"], caption=fig7["text"], last=last))]


@page.memo
def caveats(lang: str) -> tuple[str, str, str]:
    """WDI's notes, definition and licence ("$" pairs would turn into LaTeX in Markdown: the notes name US$ and PPP $)."""
    wdi = rd.source(rd.WDI_SOURCE)
    return (f"**{t('rd.caveats.notes', lang)}** {wdi.get(f'notes_{lang}', '')}".replace("$", r"\$"),
            f"**{t('rd.caveats.definition', lang)}** {wdi.get(f'definition_{lang}', '')}".replace("$", r"\$"),
            t("rd.caveats.licence", lang, vintage=field(wdi, "vintage", lang), licence=field(wdi, "licence", lang),
              url=wdi["url"]).replace("$", r"\$"))


@page.memo
def statement_blocks(lang: str, present: bool) -> tuple[list[tuple[str, object]], pd.DataFrame | None]:
    """A small chart wherever a document states one figure for two economies (clusters, AI citation rates), and
    the table of every statement (None without statements)."""
    statements = rd.document_statements()
    if statements.empty:
        return [], None
    blocks = []
    for group in rd.compared_statements(statements):
        first_row = group.iloc[0]
        doc_source = citations.document(first_row["doc_id"], first_row[f"title_{lang}"], group["line_no"], lang,
                                        quotes=group["quote"])
        blocks.append(shown(figures.bars, group, f"rd_doc_{first_row['indicator_id']}", doc_source, lang, present,
                            x="economy", labels=True,
                            title=findings.stating("rd.docs.compare.finding", group, first_row["unit"], lang,
                                                   first_row[f"name_{lang}"], measure=first_row[f"name_{lang}"]),
                            subtitle=t("rd.docs.compare.subtitle", lang, unit=t(f"unit.{first_row['unit']}", lang),
                                       period=first_row["period"])))
    listed = statements.assign(
        indicator=statements[f"name_{lang}"],
        economy_name=[economy_name(c, lang) for c in statements["economy"]],
        shown=format_rows(statements, lang),
        period=statements["period"].fillna(MISSING),
        document=[f"{d} {title}" for d, title in zip(statements["doc_id"], statements[f"title_{lang}"])])
    listed = (listed[["indicator", "economy_name", "shown", "period", "quote", "context", "document", "line_no",
                      "mention_id"]]
              .rename(columns={"indicator": t("rd.col.indicator", lang), "economy_name": t("rd.col.economy", lang),
                               "shown": t("rd.col.value", lang), "period": t("rd.col.period", lang),
                               "quote": t("rd.col.quote", lang), "context": t("rd.col.sentence", lang),
                               "document": t("rd.col.document", lang), "line_no": t("rd.col.line", lang)}))
    return blocks, listed


@page.memo
def fields_lines(lang: str) -> tuple[tuple[str, str], ...]:
    """Document 003's passage on fields, line by line: (text, "line N")."""
    return tuple((row.text.strip(), t("rd.fields.line", lang, line=row.line_no))
                 for row in rd.fields_passage().itertuples())


ctx = page.setup("rd")
lang = ctx.lang

# ---------------------------------------------------------------- selection (all of it in the URL)
YEARS = state.year_range(*year_bounds())
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
price = state.get(PRICE)

# ---------------------------------------------------------------- WDI charts
# The first chart is on the first screen; the others below it are drawn when their section is opened (page.more).
wdi = wdi_blocks(state.get(MEASURE), price, state.get(GROWTH), ctx.economies, year_from, year_to, lang, ctx.present)
page.show(wdi[:1])
with page.more("rd_wdi", ctx.t("rd.more.wdi")):
    page.show(wdi[1:])

# ---------------------------------------------------------------- document 003's figure 7
with page.more("rd_fig7", ctx.t("rd.fig7.header")):
    page.show(figure7_blocks(price, year_from, lang, ctx.present))

with st.expander(ctx.t("rd.caveats.header"), expanded=True, icon=":material/info:"):
    notes, definition, licence = caveats(lang)
    st.markdown(notes)
    st.markdown(definition)
    st.caption(licence)

# ---------------------------------------------------------------- the documents' statements
with page.more("rd_docs", ctx.t("rd.docs.header")) as opened:
    st.caption(ctx.t("rd.docs.intro"))
    compared, listed = statement_blocks(lang, ctx.present)
    if listed is None:
        st.info(ctx.t("rd.docs.none"))
    else:
        page.show(compared)
        page.table(listed, lang, key="rd_statements")

    if opened:  # document 003's passage on fields: a box per line, sent once the section is open
        _, first_line, last_line = rd.FIELDS_PASSAGE
        st.markdown(f"**{ctx.t('rd.fields.header', first=first_line, last=last_line)}**")
        st.caption(ctx.t("rd.fields.note"))
        for text, line in fields_lines(lang):
            with st.container(border=True):
                st.text(text)
                st.caption(line)
