"""One definition per headline measure everywhere: the Overview's first chart, the topic pages' defaults and the
four-chains scorecard draw the same indicator from the same dataset (data/catalog/measures.yaml), checked on the
values they draw against the warehouse; and Chinese pages carry Chinese source lines and no "None"."""
from __future__ import annotations

import json
import re

import pytest

from tests import helpers as apptest

from lib.contract import measure, measures
from lib.ui.i18n import t

ENGLISH_WORDS = re.compile(r"\b(the|of|and|via|line|document|series|source|vintage|release|derived|companies|list|"
                           r"snapshot|about|edition|downloaded|updated)\b", re.IGNORECASE)
TOPIC_PAGES = ("overview", "rd", "unicorns", "digital_services", "four_chains")


def specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def flat(label: str) -> str:
    return re.sub(r"\s+", " ", label.replace("<br>", " ")).strip()


def common_year_ratios(db, indicator_id: str, source_id: str) -> tuple[float, float]:
    """China ÷ US and China ÷ EU in the latest year all three have, from the observations."""
    year = db.execute("""
        SELECT max(year) FROM (SELECT year FROM observations
            WHERE indicator_id = ? AND source_id = ? AND mention_id IS NULL AND economy IN ('CHN', 'USA', 'EUU')
            GROUP BY year HAVING count(DISTINCT economy) = 3)""", [indicator_id, source_id]).fetchone()[0]
    values = dict(db.execute("""SELECT economy, value FROM observations WHERE indicator_id = ? AND source_id = ?
                                AND mention_id IS NULL AND year = ?""", [indicator_id, source_id, year]).fetchall())
    return values["CHN"] / values["USA"], values["CHN"] / values["EUU"]


@pytest.fixture(scope="module")
def drawn():
    """{page: its charts} in English, default view."""
    return {page: specs(apptest.run_page(f"pages/{page}.py", "en")) for page in ("overview", "four_chains")}


def test_overview_and_scorecard_draw_every_headline_measure_from_its_one_definition(drawn, db):
    overview_usa, overview_euu = drawn["overview"][0]["data"]
    scorecard_usa, scorecard_euu = drawn["four_chains"][0]["data"]
    # Each trace holds only the signals with a value for its economy (document signals have no EU figure).
    usa, euu = (dict(zip(map(flat, trace["y"]), trace["x"])) for trace in (scorecard_usa, scorecard_euu))
    scorecard = {label: (usa[label], euu.get(label)) for label in usa}
    for i, m in enumerate(measures()):
        expected = common_year_ratios(db, m["indicator_id"], m["source_id"])
        assert (overview_usa["x"][i], overview_euu["x"][i]) == pytest.approx(expected), m["key"]
        name = db.execute("SELECT name_en FROM indicators WHERE indicator_id = ?", [m["indicator_id"]]).fetchone()[0]
        on_scorecard = [ratios for label, ratios in scorecard.items() if flat(name) in label]
        assert on_scorecard == [pytest.approx(expected)], (m["key"], name)


def test_topic_pages_default_to_the_headline_definition(db):
    # R&D: total spending by default at the headline price basis (PPP), the values of gerd_ppp.
    gerd = measure("gerd_ppp")
    assert gerd["price"] == "ppp"
    rd = specs(apptest.run_page("pages/rd.py", "en", measure="absolute"))[0]
    china = next(trace for trace in rd["data"] if trace["name"] == "China")
    stored = dict(db.execute("""SELECT year, value FROM observations WHERE indicator_id = ? AND source_id = ?
                                AND economy = 'CHN' AND mention_id IS NULL""",
                             [gerd["indicator_id"], gerd["source_id"]]).fetchall())
    assert rd["layout"]["yaxis"]["title"]["text"] == "international $ billion"
    assert {x: y * 1e9 for x, y in zip(china["x"], china["y"])} == pytest.approx({x: stored[x] for x in china["x"]})
    # Digital services: the first chart is the headline series' share of world exports.
    share = measure("digital_share")
    digital = specs(apptest.run_page("pages/digital_services.py", "en"))[0]
    china = next(trace for trace in digital["data"] if trace["name"] == "China")
    stored = dict(db.execute("""SELECT year, value FROM observations WHERE indicator_id = ? AND source_id = ?
                                AND economy = 'CHN' AND mention_id IS NULL""",
                             [share["indicator_id"], share["source_id"]]).fetchall())
    assert dict(zip(china["x"], china["y"])) == pytest.approx({x: stored[x] for x in china["x"]})


@pytest.mark.parametrize("page", TOPIC_PAGES)
def test_chinese_pages_cite_in_chinese_and_never_print_none(page):
    at = apptest.run_page(f"pages/{page}.py", "zh")
    for spec in specs(at):
        source = next(a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "source")
        assert source.startswith("来源："), source
        assert not ENGLISH_WORDS.search(flat(source)), source
    texts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [m.value for m in at.metric]
    at = apptest.run_page(f"pages/{page}.py", "zh", open_data=True)  # every chart's Table view, with its source line
    texts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    # The fact-explorer link column (page.table) is empty where a row has no sentence: a link cell, not text.
    link = t("chart.explorer", "zh")
    texts += [df.value.drop(columns=[link], errors="ignore").astype(str).to_string() for df in at.dataframe]
    for text in texts:
        assert not re.search(r"\bNone\b|\bnan\b|<NA>|\bNaT\b", str(text), re.IGNORECASE), text[:300]
    captions = [c.value for c in at.caption if c.value.startswith(("来源", "Source"))]
    assert all(c.startswith("来源") for c in captions), captions
