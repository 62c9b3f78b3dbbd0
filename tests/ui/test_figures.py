"""The figure builder on real World Bank data: colours, order, fonts, background, source line, export config."""
from __future__ import annotations

import io
import json
import shutil

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.ui import figures, i18n
from lib.ui.downloads import csv_bytes
from lib.paths import EXTERNAL_DIR

WDI = EXTERNAL_DIR / "worldbank" / "wdi_rd_gdp.csv"
SOURCE = ("World Bank, World Development Indicators (accessed via datasets/world-development-indicators, "
          "July 2026 vintage), indicator GB.XPD.RSDV.GD.ZS from the UNESCO Institute for Statistics; CC BY 4.0")


def _wdi(code: str, unit: str) -> pd.DataFrame:
    frame = pd.read_csv(WDI)
    frame = frame[frame["indicator_code"] == code]
    return frame.rename(columns={"economy_code": "economy"})[["economy", "year", "value"]].assign(unit=unit)


@pytest.fixture(scope="module")
def rd_intensity() -> pd.DataFrame:
    data = _wdi("GB.XPD.RSDV.GD.ZS", "percent")
    # Shuffled on purpose: the builder, not the data, decides the order of economies.
    return data[data["economy"].isin(["EUU", "USA", "CHN"]) & (data["year"] >= 2000)].sample(frac=1, random_state=1)


def _line(data: pd.DataFrame, lang: str = "en", present: bool = False, source: str = SOURCE) -> go.Figure:
    return figures.lines(data, title="R&D intensity", subtitle="R&D expenditure, % of GDP, 2000–2023",
                         source=source, lang=lang, present=present)


def _source_annotation(fig: go.Figure):
    found = [a for a in fig.layout.annotations if a.name == "source"]
    assert len(found) == 1
    return found[0]


def test_fixed_colours_and_order_china_us_eu(rd_intensity):
    fig = _line(rd_intensity, lang="zh")
    assert [t.name for t in fig.data] == ["中国", "美国", "欧盟"]
    assert [t.line.color for t in fig.data] == ["#C8102E", "#1F4E9C", "#D9A400"]
    others = figures.economy_order(["WLD", "IRL", "JPN", "KOR", "DEU", "GBR", "IND", "FRA", "EUU"])
    assert others[0] == "EUU" and others[-1] == "WLD"
    assert len({figures.color(c) for c in i18n.ECONOMIES}) == len(i18n.ECONOMIES)


def test_drawn_values_are_the_data(rd_intensity):
    fig = _line(rd_intensity)
    china = rd_intensity[rd_intensity["economy"] == "CHN"].sort_values("year")
    assert list(fig.data[0].x) == china["year"].tolist()
    assert list(fig.data[0].y) == china["value"].tolist()
    assert fig.data[0].customdata[-1] == i18n.format_value(china["value"].iloc[-1], "percent", "en")


def test_money_is_drawn_in_a_readable_scale_with_the_scale_on_the_axis():
    gdp = _wdi("NY.GDP.MKTP.CD", "USD")
    gdp = gdp[gdp["economy"].isin(["CHN", "USA", "EUU"]) & (gdp["year"] == 2022)]
    fig = figures.bars(gdp, title="GDP", subtitle="current US$, 2022", source="World Bank WDI", lang="zh",
                       x="economy")
    factor, axis_title = figures.axis_scale(gdp["value"].tolist(), "USD", "zh")
    assert axis_title == "万亿美元" and fig.layout.yaxis.title.text == axis_title
    drawn = {t.name: t.y[0] * factor for t in fig.data}
    expected = dict(zip([i18n.economy_name(c, "zh") for c in gdp["economy"]], gdp["value"]))
    assert drawn == pytest.approx(expected)
    assert list(fig.data[0].x) == ["中国"] and fig.layout.showlegend is False


def test_font_stack_renders_chinese_and_background_is_white_whatever_the_theme(rd_intensity):
    fig = _line(rd_intensity)
    assert fig.layout.font.family == "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
    background = fig.layout.template.layout
    assert (background.paper_bgcolor, background.plot_bgcolor) == ("white", "white")
    assert fig.layout.paper_bgcolor in (None, "white") and fig.layout.plot_bgcolor in (None, "white")
    spec = json.loads(fig.to_json())  # what st.plotly_chart sends: the style travels with the figure
    assert spec["layout"]["template"]["layout"]["paper_bgcolor"] == "white"


def test_title_subtitle_and_legend_sit_at_the_top(rd_intensity):
    fig = _line(rd_intensity)
    assert "R&D intensity" in fig.layout.title.text
    assert fig.layout.title.subtitle.text == "R&D expenditure, % of GDP, 2000–2023"
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.yanchor == "bottom"
    assert fig.layout.legend.y >= 1  # above the plot area, so it never covers data


@pytest.mark.parametrize("present", [False, True])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_source_line_is_inside_the_figure_with_room_below_the_axis(rd_intensity, present, lang):
    long_source = " ".join([SOURCE] * 3)
    fig = _line(rd_intensity, lang=lang, present=present, source=long_source)
    note = _source_annotation(fig)
    assert (note.xref, note.yref, note.y, note.yanchor) == ("paper", "paper", 0, "top")
    assert note.text.replace("<br>", " ").replace("  ", " ").endswith(long_source.split()[-1])
    lines = note.text.split("<br>")
    assert len(lines) >= 3  # long text wraps instead of running off the right edge
    needed = -note.yshift + len(lines) * note.font.size * 1.3
    assert needed <= fig.layout.margin.b
    assert note.font.size >= 11  # legible when a screenshot is pasted into a report


def test_presentation_mode_is_report_sized_with_larger_fonts(rd_intensity):
    normal, present = _line(rd_intensity), _line(rd_intensity, present=True)
    assert (present.layout.width, present.layout.height) == (figures.PRESENTATION.width, figures.PRESENTATION.height)
    assert present.layout.width / present.layout.height == pytest.approx(16 / 9, rel=0.01)
    assert present.layout.font.size > normal.layout.font.size
    assert normal.layout.width is None  # stretches to the page


def test_style_works_on_any_figure_and_replaces_an_earlier_source_line():
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], name="a"))
    fig.add_annotation(text="a note the page added", x=1, y=3)
    figures.style(fig, title="T", subtitle="S", source="first", lang="en", kind="other")
    figures.style(fig, title="T", subtitle="S", source="second", lang="en", kind="other")
    texts = [a.text for a in fig.layout.annotations]
    assert texts == ["a note the page added", "Source: second"]


def test_plotly_config_exports_a_sharp_png_with_a_meaningful_name(rd_intensity):
    name = figures.export_name("rd_intensity", rd_intensity, "en")
    assert name == "rd_intensity_CHN-USA-EUU_2000-2023_en"
    config = figures.plotly_config(name)
    assert config["displaylogo"] is False
    assert config["toImageButtonOptions"]["scale"] >= 2
    assert config["toImageButtonOptions"]["format"] == "png"
    assert config["toImageButtonOptions"]["filename"] == name
    assert not config.get("showLink") and not config.get("showSendToCloud")


def test_csv_download_opens_in_excel_with_chinese_and_carries_the_source(rd_intensity):
    payload = csv_bytes(rd_intensity.assign(name="中国"), "世界银行", "zh")
    assert payload.startswith("\ufeff".encode())
    back = pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig")
    assert set(back["来源"]) == {"世界银行"} and set(back["name"]) == {"中国"}
    assert len(back) == len(rd_intensity)


def test_wrap_breaks_chinese_anywhere_and_latin_at_spaces():
    assert figures.wrap("abc def ghi", 7) == ["abc def", "ghi"]
    assert figures.wrap("研发经费投入强度", 6) == ["研发经", "费投入", "强度"]


def test_wrap_keeps_closing_punctuation_off_the_start_of_a_line():
    assert figures.wrap("跨链（多链融合）", 14) == ["跨链（多链融合）"]  # not "跨链（多链融合" + "）"
    assert figures.wrap("研发投入，强度", 8) == ["研发投入，", "强度"]


def test_wrap_never_splits_a_bracketed_year():
    assert figures.wrap("研发经费（购买力平价）（2023年）", 26) == ["研发经费（购买力平价）", "（2023年）"]
    assert figures.wrap("R&D spending (PPP) (2023)", 20) == ["R&D spending (PPP)", "(2023)"]


def test_bar_labels_get_room_beyond_the_bars():
    """Labels printed beyond bars are not clipped to the plot: the value axis leaves them room, so a negative bar's
    label stays off the tick labels and the longest horizontal bar's label inside the narrowest window."""
    data = pd.DataFrame({"economy": ["CHN", "USA", "EUU"], "year": 2020, "value": [-3.0, 6.0, 2.5], "unit": "percent"})
    fig = figures.bars(data, title="t", subtitle="s", source=SOURCE, lang="en", x="economy", labels=True)
    low, high = fig.layout.yaxis.range
    assert low <= -3.0 - 0.1 * 9 and high >= 6.0 + 0.1 * 9
    firms = pd.DataFrame({"economy": ["CHN", "CHN", "USA"], "name": ["ByteDance", "Ant Group", "SpaceX"],
                          "value": [2.2e11, 1.5e11, 1.25e11], "unit": "USD"})
    firms["label"] = [f"{n} • {i18n.format_value(v, 'USD', 'en')}" for n, v in zip(firms["name"], firms["value"])]
    fig = figures.category_bars(firms, x="name", text="label", horizontal=True, title="t", subtitle="s",
                                source=SOURCE, lang="en", unit="USD")
    plot_px, font = figures.NARROWEST_PLOT_WIDTH, fig.layout.font.size
    for trace in fig.data:
        for value, label in zip(trace.x, trace.text):
            end_px = value / fig.layout.xaxis.range[1] * plot_px + figures.display_width(label) * font * 0.6
            assert end_px <= plot_px, (label, end_px)


@pytest.mark.parametrize("names,rows", [
    (["China", "United States", "European Union (EU-27)"], 1),
    (["中国", "美国", "欧盟（27国）"], 1),
    (["Stated in document 003 (Crunchbase, 10 Sep 2024)", "Crunchbase list (2024-09), counted by country",
      "CB Insights list (2024-09), counted by country"], 3),
])
def test_legend_rows_are_counted_for_the_narrowest_window(names, rows):
    """The top margin holds the legend rows of a 600 px window; more rows than reserved would cover the subtitle."""
    assert figures._legend_rows(names, figures.NORMAL) == rows
    layout = figures.house_layout(names=names, title="t", subtitle="s", source="x", lang="en")
    one_row = figures.house_layout(names=["a", "b"], title="t", subtitle="s", source="x", lang="en")["margin"]["t"]
    assert layout["margin"]["t"] >= one_row + (rows - 1) * figures.NORMAL.font * 1.6


@pytest.mark.skipif(shutil.which("chromium") is None, reason="kaleido needs Chromium to render")
def test_rendered_png_shows_the_source_line_without_clipping(rd_intensity):
    pytest.importorskip("PIL")
    import numpy as np
    from PIL import Image

    fig = _line(rd_intensity, lang="zh", present=True, source=" ".join([SOURCE] * 2))
    pixels = np.asarray(Image.open(io.BytesIO(fig.to_image(format="png", scale=1))).convert("L"))
    ink_rows = np.where((pixels < 180).any(axis=1))[0]
    bottom_margin_top = fig.layout.height - fig.layout.margin.b
    below_plot = ink_rows[ink_rows > bottom_margin_top + 30]  # past the tick labels: the source lines
    assert len(below_plot) > 0
    assert ink_rows.max() < fig.layout.height - 3  # the last line ends inside the picture


def _two_years(rd_intensity: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    data = rd_intensity[rd_intensity["year"].isin(years)].sort_values(["year", "economy"])
    return data.assign(label=[i18n.economy_name(c, "en") for c in data["economy"]], series=data["year"].astype(str))


def test_hatched_series_share_each_category_without_empty_slots(rd_intensity):
    """Two years side by side per economy (the second hatched): the grey legend swatches must not take a bar slot
    of their own, which would push the real bars to one side of their category."""
    data = _two_years(rd_intensity, (2010, 2020))
    fig = figures.category_bars(data, x="label", series="series", hatch=True, title="R&D intensity",
                                subtitle="% of GDP", source=SOURCE, lang="en", unit="percent")
    assert fig.layout.barmode == "group"
    drawn = [t for t in fig.data if t.x[0] is not None]
    swatches = [t for t in fig.data if t.x[0] is None]
    assert [t.name for t in drawn] == [t.name for t in swatches] == ["2010", "2020"]
    assert len({t.offsetgroup for t in fig.data}) == len(drawn)  # two slots per category, not four
    assert [t.offsetgroup for t in swatches] == [t.offsetgroup for t in drawn]
    # One bar per category: no grouping, so no offset groups that would halve each bar.
    single = data.drop_duplicates("label")
    fig = figures.category_bars(single, x="label", series="series", hatch=True, title="R&D intensity",
                                subtitle="% of GDP", source=SOURCE, lang="en", unit="percent")
    assert fig.layout.barmode == "relative" and {t.offsetgroup for t in fig.data} == {None}


def test_counts_get_no_bare_axis_title_but_scaled_counts_keep_their_scale():
    researchers = _wdi("SP.POP.SCIE.RD.P6", "count")
    researchers = researchers[researchers["economy"].isin(["CHN", "USA", "EUU"])]
    fig = figures.lines(researchers, title="Researchers", subtitle="per million people", source=SOURCE, lang="zh")
    assert not fig.layout.yaxis.title.text
    population = _wdi("SP.POP.TOTL", "count")
    population = population[population["economy"].isin(["CHN", "USA", "EUU"])]
    assert figures.axis_scale(population["value"].tolist(), "count", "zh")[1]  # e.g. 亿个: the scale word matters


def test_a_claim_band_late_in_the_series_labels_from_its_right_end(rd_intensity):
    early = figures.mark_range(_line(rd_intensity), 1.5, 2.0, "claim", start=2001, end=2005, economy="CHN")
    late = figures.mark_range(_line(rd_intensity), 1.5, 2.0, "claim", start=2018, end=2022, economy="CHN")
    first = next(a for a in early.layout.annotations if a.name == "claim")
    last = next(a for a in late.layout.annotations if a.name == "claim")
    assert (first.x, first.xanchor) == (2001, "left")
    assert (last.x, last.xanchor) == (2022, "right")  # ends where the band ends instead of running off the chart


def test_series_that_are_economies_come_in_house_order(rd_intensity):
    data = rd_intensity[rd_intensity["year"] == 2020].sort_values("economy", ascending=False)  # USA, EUU, CHN
    data = data.assign(label=data["economy"], series=[i18n.economy_name(c, "en") for c in data["economy"]])
    fig = figures.category_bars(data, x="label", series="series", title="R&D intensity", subtitle="% of GDP",
                                source=SOURCE, lang="en", unit="percent")
    assert [t.name for t in fig.data] == ["China", "United States", "European Union (EU-27)"]


def test_builders_share_figures_and_marks_leave_the_shared_one_alone(rd_intensity):
    # A rerun with the same data reuses the built figure; marking it must not add a band to the one others reuse.
    first = _line(rd_intensity)
    assert _line(rd_intensity) is first
    before = first.to_plotly_json()
    marked = figures.mark_range(first, 1.5, 2.0, "claim", start=2018, end=2022, economy="CHN")
    period = figures.mark_period(first, 2014, 2022, "003")
    assert marked is not first and period is not first
    assert first.to_plotly_json() == before
    assert len(marked.layout.shapes) == 1 and len(period.layout.shapes) == 1
    changed = rd_intensity.assign(value=rd_intensity["value"] * 2)
    assert _line(changed) is not first  # other data, another figure


def test_frame_digest_tells_frames_apart_by_value_dtype_order_and_index():
    from lib.queries import frame_digest

    frame = pd.DataFrame({"economy": ["CHN", "USA"], "value": [2.4, 3.5]})
    assert frame_digest(frame) == frame_digest(frame.copy())
    changed = [frame.assign(value=[2.4, 3.6]), frame.astype({"value": "float32"}), frame[["value", "economy"]],
               frame.set_axis([1, 0]), frame.iloc[:1]]
    assert len({frame_digest(f) for f in [frame, *changed]}) == len(changed) + 1
