"""The left margin estimated on the server (lib/ui/margins.py) against what Plotly.js 3.8 drew in Chromium: the
tick labels, ranges and label widths below were read from the dashboard's charts as drawn (gd._fullLayout and the
labels' boxes, 1400 px window, Noto Sans CJK), not from this module."""
from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.ui import figures, margins
from lib.paths import EXTERNAL_DIR

WDI = EXTERNAL_DIR / "worldbank" / "wdi_rd_gdp.csv"


@pytest.mark.parametrize("low, high, length, tickformat, drawn", [
    # (range, plot height in px, format) -> the labels Plotly drew
    (0, 3.6709, 295, None, ["0", "0.5", "1", "1.5", "2", "2.5", "3", "3.5"]),
    (-2.0997, 33.944, 278, None, ["0", "5", "10", "15", "20", "25", "30"]),
    (0, 5197.36, 295, ",~r", ["0", "1,000", "2,000", "3,000", "4,000", "5,000"]),
    (0, 822.88, 260, ",~r", ["0", "200", "400", "600", "800"]),
    (0, 819.84, 295, ",~r", ["0", "100", "200", "300", "400", "500", "600", "700", "800"]),
    (0, 3.829, 221, ",~r", ["0", "1", "2", "3"]),
    (0, 10057.18, 298, ",~r", ["0", "2,000", "4,000", "6,000", "8,000", "10,000"]),
])
def test_tick_labels_are_the_ones_plotly_draws(low, high, length, tickformat, drawn):
    assert margins._linear_labels(low, high, length, tickformat) == drawn


def test_label_widths_are_noto_sans_cjks():
    # Widest label of each chart, px at 13 px as Chromium measured them.
    for text, px in (("3.5%", 30.0), ("1,000", 32.5), ("25", 14.4), ("0.5", 18.0), ("800", 21.7)):
        assert margins.text_px(text, 13) == pytest.approx(px, abs=0.3)


def _spec(traces: list[dict], **layout) -> dict:
    return {"data": traces, "layout": {"height": 480, "margin": {"l": 10, "r": 24, "t": 109, "b": 76},
                                       "font": {"size": 13}, "yaxis": {"automargin": True, "rangemode": "tozero"},
                                       **layout}}


def test_autorange_keeps_room_for_a_lines_end_label_and_for_bar_labels():
    # Digital services exports: a three-line end label at the EU's last value; Plotly drew 0..2.0724.
    lines = _spec([{"type": "scatter", "mode": "lines", "x": [2022, 2024], "y": [1.5, 1.872222513]}],
                  annotations=[{"yref": "y", "y": 1.872222513, "yanchor": "middle",
                                "text": "EU-27 incl.<br>trade between<br>members"}])
    lines["layout"]["margin"]["b"] = 76
    assert margins._auto_range(lines, {"rangemode": "tozero"}, 13, False)[1] == pytest.approx(2.0724, rel=0.005)
    # Unicorn counts with their numbers printed above the bars: 0..880.6 on a 223 px plot.
    bars = _spec([{"type": "bar", "x": ["a", "b"], "y": [283, 758], "text": ["283", "758"],
                   "textposition": "outside"}])
    bars["layout"]["margin"].update(t=151, b=106)
    assert margins._auto_range(bars, {"rangemode": "tozero"}, 13, False)[1] == pytest.approx(880.6, rel=0.005)


def test_rd_intensity_gets_the_margin_plotly_would_push_to(rd_frame):
    # Plotly drew this chart's labels 0%..3.5% (30.0 px) 1 px left of the plot and kept its 12 px pad beyond them.
    fig = figures.lines(rd_frame, title="R&D intensity", subtitle="% of GDP", source="WDI", lang="en")
    spec = json.loads(figures.spec_json(fig))
    assert spec["layout"]["margin"]["l"] == 43
    assert spec["layout"]["margin"]["r"] == fig.layout.margin.r  # the end labels' room is kept
    assert fig.layout.margin.l == 10  # the shared figure itself is left alone


def test_figures_it_cannot_read_keep_their_margins():
    heatmap = {"data": [{"type": "heatmap", "z": [[1, 2]]}], "layout": {"height": 480, "margin": {"l": 170, "r": 24}}}
    assert margins.fitted(heatmap) is None
    assert margins.fit(heatmap)["layout"]["margin"] == {"l": 170, "r": 24}
    # A wider margin given by the builder is never lowered.
    wide = _spec([{"type": "scatter", "x": [2020, 2021], "y": [1, 2]}])
    wide["layout"]["margin"]["l"] = 200
    assert margins.fit(wide)["layout"]["margin"]["l"] == 200


def test_a_single_year_has_its_neighbours_labelled_at_both_edges():
    # One year drawn: Plotly's range is that year +- 1, and "2025" sits on the right edge (half of it, 14.4 px, past it).
    spec = _spec([{"type": "scatter", "mode": "markers", "x": [2024], "y": [758], "marker": {"size": 11}}],
                 xaxis={"tickformat": "d", "dtick": 1})
    left, right = margins.fitted(spec)
    assert right == 27 and left >= 27


@pytest.fixture(scope="module")
def rd_frame() -> pd.DataFrame:
    frame = pd.read_csv(WDI)
    frame = frame[(frame["indicator_code"] == "GB.XPD.RSDV.GD.ZS") & frame["economy_code"].isin(["CHN", "USA", "EUU"])
                  & (frame["year"] >= 1996)]
    return frame.rename(columns={"economy_code": "economy"})[["economy", "year", "value"]].assign(unit="percent")
