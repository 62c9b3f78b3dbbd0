"""The R&D page on the real warehouse: series drawn equal WDI rows for the selected economies and years, figure 7
rebuilt over the document's own years, growth rates recomputed here, document statements quoted at their lines."""
from __future__ import annotations

import json
import math
import re

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from tests import helpers as apptest

from lib.paths import ROOT, SEEDS_DIR
from lib.ui.i18n import t

PAGE = "pages/rd.py"
WDI = "wdi_2026_07"


@pytest.fixture(scope="module")
def page_en():
    return apptest.run_page(PAGE, "en")


def names(lang: str) -> dict[str, str]:
    """Economy display name -> code, from the i18n file (not from the page's code)."""
    entries = yaml.safe_load((ROOT / "data/i18n/common.yaml").read_text(encoding="utf-8"))
    return {v[lang]: k.removeprefix("economy.") for k, v in entries.items() if k.startswith("economy.")}


def chart(at: AppTest, title: str) -> dict:
    """The one chart titled `title`, or `title: finding` (a title states what the chart shows),
    or whose title starts with `title` followed by a space."""
    def plain(spec: dict) -> str:  # long titles are wrapped to fit a narrow window: a break stands for a space
        return re.sub("<[^>]+>", "", spec["layout"]["title"]["text"].replace("<br>", " "))
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    found = [s for s in specs if plain(s) == title or plain(s).startswith((f"{title}: ", f"{title} "))]
    assert len(found) == 1, [s["layout"]["title"]["text"] for s in specs]
    return found[0]


def drawn(spec: dict, lang: str = "en") -> dict[str, dict[int, float]]:
    """economy code -> {year: value as drawn}."""
    codes = names(lang)
    return {codes[t["name"]]: dict(zip(t["x"], t["y"])) for t in spec["data"]}


def wdi(db, indicator: str, economies, lo: int, hi: int) -> dict[str, dict[int, float]]:
    rows = db.execute("""SELECT economy, year, value FROM observations WHERE indicator_id = ? AND source_id = ?
                         AND year BETWEEN ? AND ? AND economy IN (SELECT unnest(?::VARCHAR[]))""",
                      [indicator, WDI, lo, hi, list(economies)]).fetchall()
    out: dict[str, dict[int, float]] = {}
    for economy, year, value in rows:
        out.setdefault(economy, {})[year] = value
    return out


def seed_line(file_name: str, line_no: int) -> str:
    return (SEEDS_DIR / file_name).read_text(encoding="utf-8").splitlines()[line_no - 1]


def test_intensity_chart_draws_exactly_the_selected_economies_and_years(db):
    at = apptest.run_page(PAGE, "en", econ="CHN,USA,JPN", **{"from": "2005", "to": "2015"})
    lines = drawn(chart(at, "R&D intensity"))
    assert set(lines) == {"CHN", "USA", "JPN"}
    expected = wdi(db, "rd_intensity", ("CHN", "USA", "JPN"), 2005, 2015)
    for economy, series in lines.items():
        assert sorted(series) == list(range(2005, 2016))
        assert series == pytest.approx(expected[economy], rel=1e-12)


def test_default_view_is_china_us_eu_over_all_wdi_years(page_en, db):
    lines = drawn(chart(page_en, "R&D intensity"))
    assert list(lines) == ["CHN", "USA", "EUU"]  # legend order: China, the US, the EU
    first, last = db.execute("SELECT min(year), max(year) FROM observations WHERE indicator_id = 'rd_intensity' "
                             "AND source_id = ? AND economy = 'CHN'", [WDI]).fetchone()
    assert min(lines["CHN"]) == first and max(lines["CHN"]) == last


def test_per_person_spending_is_gerd_divided_by_population(db):
    at = apptest.run_page(PAGE, "en", measure="per_capita", price="ppp", **{"from": "2018", "to": "2022"})
    lines = drawn(chart(at, "R&D spending per person"))
    gerd = wdi(db, "gerd_ppp", ("CHN", "USA", "EUU"), 2018, 2022)
    population = wdi(db, "population", ("CHN", "USA", "EUU"), 2018, 2022)
    for economy, series in lines.items():
        assert series == pytest.approx({y: gerd[economy][y] / population[economy][y] for y in series}, rel=1e-9)


def test_cagr_over_the_selected_range(db):
    at = apptest.run_page(PAGE, "en", measure="absolute", price="usd", growth="cagr", **{"from": "2014", "to": "2022"})
    bars = chart(at, "R&D spending (GERD), compound annual growth")
    gerd = wdi(db, "gerd_usd", ("CHN", "USA", "EUU"), 2014, 2022)
    codes = names("en")
    for trace in bars["data"]:
        series = gerd[codes[trace["name"]]]
        assert trace["y"][0] == pytest.approx(((series[2022] / series[2014]) ** (1 / 8) - 1) * 100, rel=1e-9)


def test_figure7_rebuilds_the_documents_years_and_economies(page_en, db):
    spec = chart(page_en, "China's R&D spending in")
    # The document's caption (003 line 193) names the three economies and the years.
    caption = seed_line("003_90f338935dca3c3f.txt", 193)
    assert caption.startswith("图7") and "中国、美国、欧盟 2014—2022" in caption
    lines = drawn(spec)
    assert list(lines) == ["CHN", "USA", "EUU"]
    latest = db.execute("SELECT max(year) FROM observations WHERE indicator_id = 'gerd_ppp' AND source_id = ?",
                        [WDI]).fetchone()[0]
    # By default at PPP, as the Overview (data/catalog/measures.yaml): international dollars, never "US$".
    expected = wdi(db, "gerd_ppp", ("CHN", "USA", "EUU"), 2014, latest)
    assert spec["layout"]["yaxis"]["title"]["text"] == "international $ billion"
    for economy, series in lines.items():
        assert sorted(series) == list(range(2014, latest + 1))  # 2014-2022 and the extension
        assert {y: v * 1e9 for y, v in series.items()} == pytest.approx(expected[economy], rel=1e-9)
    band = [s for s in spec["layout"]["shapes"] if s["type"] == "rect"]
    assert [(b["x0"], b["x1"]) for b in band] == [(2013.5, 2022.5)]


def test_level_charts_state_where_china_stands_in_the_latest_common_year(page_en, db):
    spec = chart(page_en, "R&D intensity")
    values = wdi(db, "rd_intensity", ("CHN", "USA", "EUU"), 1990, 2100)
    year = max(y for y in values["CHN"] if y in values["USA"] and y in values["EUU"])
    side = {code: "above" if values["CHN"][year] > values[code][year] else "below" for code in ("USA", "EUU")}
    title = re.sub("<[^>]+>", "", spec["layout"]["title"]["text"].replace("<br>", " "))
    assert title.endswith(f"in {year}")
    assert f"{side['EUU']} the EU" in title and f"{side['USA']} the US" in title or \
        f"{side['USA']} the US and the EU" in title or f"{side['EUU']} the US and the EU" in title


def test_growth_in_current_us_dollars_says_it_includes_exchange_rates():
    for growth in ("yoy", "cagr"):
        at = apptest.run_page(PAGE, "en", measure="absolute", price="usd", growth=growth)
        # The title states the growth drawn (rd.chart.<growth>.finding): found by its words before the values.
        title = t(f"rd.chart.{growth}.finding", "en", measure=t("rd.chart.absolute.title", "en"), year="{year}",
                  values="").split(" {year}")[0].rstrip(": ")
        assert "exchange-rate" in chart(at, title)["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
        ppp = apptest.run_page(PAGE, "en", measure="absolute", price="ppp", growth=growth)
        assert "exchange-rate" not in chart(ppp, title)["layout"]["title"]["subtitle"]["text"]


def test_document_statements_are_quoted_from_their_lines(page_en, db):
    table = next(df.value for df in page_en.dataframe if "Sentence" in df.value.columns)
    assert len(table) == db.execute("""
        SELECT count(*) FROM observations o JOIN mentions m USING (mention_id) JOIN indicators i USING (indicator_id)
        WHERE i.topic IN ('rd', 'innovation_output') OR m.topic = 'innovation_output'""").fetchone()[0]
    files = dict(db.execute("SELECT doc_id, file_name FROM documents").fetchall())
    for row in table.itertuples():
        doc_id = row.Document.split()[0]
        assert row.Quote in seed_line(files[doc_id], row.Line)
    # The figures the brief names, with the lines the documents state them on.
    stated = {(row.Quote, row.Document.split()[0], row.Line) for row in table.itertuples()}
    assert {("44.99", "000", 571), ("31.88", "000", 571), ("24个", "004", 607), ("21个", "004", 607),
            ("7.5万件", "003", 135), ("20.2万件", "003", 135), ("40%", "003", 133), ("20%", "003", 133)} <= stated


def test_two_economy_statements_are_charted_with_the_documents_values(page_en):
    clusters = chart(page_en, "Science and technology clusters among the world's top 100")
    assert {t["name"]: t["y"][0] for t in clusters["data"]} == {"China": 24, "United States": 21}
    assert "line 607" in clusters["layout"]["annotations"][-1]["text"]
    citations = chart(page_en, "Average citations of high-level AI papers")
    assert {t["name"]: t["y"][0] for t in citations["data"]} == {"China": 31.88, "United States": 44.99}


def test_field_passage_is_the_documents_text(page_en):
    shown = [t.value for t in page_en.text]
    assert shown and all(any(text == seed_line("003_90f338935dca3c3f.txt", n).strip() for n in range(135, 140))
                         for text in shown)


def test_wdi_caveats_are_shown(page_en, db):
    notes = db.execute("SELECT notes_en FROM sources WHERE source_id = ?", [WDI]).fetchone()[0]
    assert any(notes.replace("$", r"\$") in m.value for m in page_en.markdown)


def test_selections_go_into_the_url(page_en):
    at = apptest.run_page(PAGE, "en")
    at.slider[0].set_range(2000, 2010).run()
    at.get("segmented_control")[0].set_value("per_capita").run()
    assert (at.query_params["from"], at.query_params["to"], at.query_params["measure"]) == ("2000", "2010", "per_capita")
    assert not at.exception
    lines = drawn(chart(at, "R&D spending per person"))
    assert all(sorted(series) == list(range(2000, 2011)) for series in lines.values())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_runs_through_app(lang):
    at = apptest.run_through_app("pages/rd.py", lang)
    # A fresh visit draws the first screen's chart; the sections below are drawn when opened (page.more), and the
    # export pack has all six charts (tests/pages/test_more_sections.py).
    assert len(at.get("plotly_chart")) == 1
    assert len(at.session_state["_export_items_rd"]) == 6
    codes = names(lang)
    assert all(t["name"] in codes for t in json.loads(at.get("plotly_chart")[0].proto.spec)["data"])


def test_values_drawn_are_finite(page_en):
    for element in page_en.get("plotly_chart"):
        for trace in json.loads(element.proto.spec)["data"]:
            assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in trace["y"])
