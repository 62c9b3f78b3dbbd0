"""One definition per headline measure everywhere: the Overview's first chart, the topic pages' defaults and the
four-chains scorecard draw the same indicator from the same dataset (data/catalog/measures.yaml), checked on the
values they draw against the warehouse; and Chinese pages (every page, its tables and its export pack's slide
notes) carry Chinese source lines, no English dataset name, publisher, vintage or licence, and no "None"."""
from __future__ import annotations

import html
import json
import re

import pytest

from tests import helpers as apptest

from lib.contract import measure, measures
from lib.ui import export
from lib.ui.i18n import t

ENGLISH_WORDS = re.compile(r"\b(the|of|and|via|line|document|series|source|vintage|release|derived|companies|list|"
                           r"snapshot|about|edition|downloaded|updated)\b", re.IGNORECASE)
TOPIC_PAGES = ("overview", "rd", "unicorns", "digital_services", "four_chains")
PAGES = (*TOPIC_PAGES, "explorer", "sources", "documents")
HIDDEN = re.compile(r"<(style|script)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)
MISSING_WORDS = re.compile(r"\bNone\b|\bnan\b|<NA>|\bNaT\b", re.IGNORECASE)


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


def shown_texts(node) -> list[str]:
    """Every text an AppTest element tree shows: Markdown, captions, HTML, labels, metrics, table cells and the
    charts' titles, annotations (the source line) and trace names."""
    texts = []
    kind = type(node).__name__
    for attr in ("value", "label", "body"):
        value = getattr(node, attr, None)
        if isinstance(value, str):  # HTML as a reader sees it: no style, script or tags
            texts.append(html.unescape(HIDDEN.sub(" ", value)) if kind == "Html" else value)
    if kind == "Dataframe":
        # The fact-explorer link column (page.table) is empty where a row has no sentence: a link cell, not text.
        texts.append(node.value.drop(columns=[t("chart.explorer", "zh")], errors="ignore").astype(str).to_string())
    if kind == "PlotlyChart":
        layout = json.loads(node.proto.spec)["layout"]
        texts += [layout.get("title", {}).get("text", ""), layout.get("title", {}).get("subtitle", {}).get("text", "")]
        texts += [a.get("text", "") for a in layout.get("annotations", [])]
    children = getattr(node, "children", None)
    for child in (children.values() if isinstance(children, dict) else ()):
        texts += shown_texts(child)
    return texts


@pytest.fixture(scope="module")
def english_facts(db) -> list[str]:
    """The English words of every dataset's facts (name, publisher, vintage, licence, citation) and of the documents'
    publishers where the Chinese differs: none of them may show on a Chinese page."""
    rows = db.execute("""SELECT title, title_zh, publisher, publisher_zh, vintage, vintage_zh, licence, licence_zh,
                                cite_en, cite_zh, cite_short_en, cite_short_zh FROM sources WHERE kind = 'dataset'""")
    facts = {en for row in rows.fetchall() for en, zh in zip(row[::2], row[1::2]) if en != zh}
    facts |= {en for en, zh in db.execute("SELECT publisher, publisher_zh FROM documents").fetchall() if en != zh}
    return sorted(facts)


@pytest.mark.parametrize("page", PAGES)
def test_chinese_pages_cite_in_chinese_and_never_print_none(page, english_facts):
    at = apptest.run_page(f"pages/{page}.py", "zh")
    for spec in specs(at):
        source = next(a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "source")
        assert source.startswith("来源："), source
        assert not ENGLISH_WORDS.search(flat(source)), source
    texts = shown_texts(at._tree)
    at = apptest.run_page(f"pages/{page}.py", "zh", open_data=True)  # every chart's Table view, with its source line
    texts += shown_texts(at._tree)
    notes = [export.slide_notes(item) for item in at.session_state[f"_export_items_{page}"]] \
        if f"_export_items_{page}" in at.session_state else []
    assert notes or page in ("explorer", "sources", "documents"), "no export pack registered"
    for text in texts + notes:
        assert not MISSING_WORDS.search(str(text)), text[:300]
        leaked = [fact for fact in english_facts if fact in text]
        assert not leaked, (leaked, text[:300])
    for note in notes:
        source = next(line for line in note.splitlines() if line.startswith("来源"))
        assert not ENGLISH_WORDS.search(source), source
    captions = [c.value for c in at.caption if c.value.startswith(("来源", "Source"))]
    assert all(c.startswith("来源") for c in captions), captions
