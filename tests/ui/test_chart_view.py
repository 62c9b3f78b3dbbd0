"""The Chart/Table switch of every chart: its view in the URL (?table=), an anchor per chart, links that land on a
chart with its view open, and a note for table requests that name no chart on the page."""
from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from lib.paths import ROOT
from lib.ui import state
from lib.ui.chart_view import TABLE_KEY, VIEW_KEY
from lib.ui.i18n import t
from tests.helpers import run_page

CHART = "rd_researchers"  # R&D page: researchers per million people, whatever the selections


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _table_views(at: AppTest) -> dict:
    """chart name -> the block shown in place of that chart (its table, source line and CSV); a page's own tables
    are not counted."""
    found = {}

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            block_id = getattr(child.proto, "id", "") if child.proto is not None else ""
            if isinstance(block_id, str) and f"-{TABLE_KEY}" in block_id:
                found[block_id.split(f"-{TABLE_KEY}", 1)[1]] = child
            walk(child)
    walk(at.main)
    return found


def _tables_of_charts(at: AppTest) -> list:
    return [d for block in _table_views(at).values() for d in block.dataframe]


def _anchors(at: AppTest) -> list[str]:
    return [h.proto.anchor for h in at.subheader if h.proto.anchor.startswith("chart-")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_url_naming_a_chart_opens_its_table_with_source_and_csv(lang):
    drawn = run_page("pages/rd.py", lang)
    names = [k.removeprefix(VIEW_KEY) for k in drawn.session_state.keys() if k.startswith(VIEW_KEY)]
    assert CHART in names and len(_charts(drawn)) == len(names)
    assert not _tables_of_charts(drawn), "no table is built before one is asked for"
    anchors = _anchors(drawn)  # one per chart, and one per page table of statements (rd_statements)
    assert {state.chart_anchor(n) for n in names} <= set(anchors) and len(set(anchors)) == len(anchors)

    at = run_page("pages/rd.py", lang, table=CHART)
    titles = [c["layout"]["title"]["text"] for c in _charts(at)]
    assert len(titles) == len(names) - 1, "the chart asked for as a table is not drawn"
    assert not any(t("rd.chart.researchers.title", lang) in title for title in titles)
    assert at.segmented_control(key=VIEW_KEY + CHART).value == "table"
    view = _table_views(at)
    assert list(view) == [CHART] and len(view[CHART].dataframe) == 1
    table = view[CHART].dataframe[0].value
    assert t("rd.col.economy", lang) in table.columns and t("rd.col.value", lang) in table.columns
    economies = {t(f"economy.{code}", lang) for code in state.MAIN_ECONOMIES}
    assert set(table[t("rd.col.economy", lang)]) == economies  # names in the page language, no codes
    source_word = t("chart.source", lang, source="").strip()
    assert any(c.value.startswith(source_word) and "WDI" in c.value for c in view[CHART].caption)
    assert [b.proto.label for b in view[CHART].download_button] == [t("chart.download", lang)]


def test_using_the_switch_writes_the_url_and_back():
    at = run_page("pages/rd.py", "en")
    at.segmented_control(key=VIEW_KEY + CHART).set_value("table").run()
    assert at.query_params[state.TABLES.name] == CHART
    assert len(_tables_of_charts(at)) == 1
    at.segmented_control(key=VIEW_KEY + CHART).set_value("chart").run()
    assert state.TABLES.name not in at.query_params and not _tables_of_charts(at)


def test_two_tables_open_at_once_stay_in_the_url_in_page_order():
    names = [k.removeprefix(VIEW_KEY) for k in run_page("pages/rd.py", "en").session_state.keys()
             if k.startswith(VIEW_KEY)]
    second = next(n for n in names if n != CHART)
    at = run_page("pages/rd.py", "en", table=f"{CHART},{second}")
    assert len(_tables_of_charts(at)) == 2
    at.segmented_control(key=VIEW_KEY + second).set_value("chart").run()
    assert at.query_params[state.TABLES.name] == CHART and len(_tables_of_charts(at)) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unknown_or_hostile_table_names_fall_back_to_charts_with_a_note(lang):
    """Through app.py, as a browser opens a link: the overview draws its chart, and says which names it ignored."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.query_params["table"] = "no_such_chart,<script>alert(1)</script>,overview_standing"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    notes = [i.value for i in at.info if "no_such_chart" in i.value]
    assert len(notes) == 1, [i.value for i in at.info]
    assert notes[0].startswith(t("chart.table.unknown", lang, names="").split("{")[0][:6])
    assert "`<script>alert(1)</script>`" in notes[0], "a URL value is shown as code, never as markup"
    assert "overview_standing" not in notes[0], "a chart on the page is no unknown name"
    assert len(_tables_of_charts(at)) == 1, "the known name opened its table"


def test_links_land_on_a_chart_with_its_view():
    link = state.chart_link("rd", CHART, "table", lang="en")
    assert link == f"./rd?lang=en&table={CHART}#chart-{CHART}"
    assert state.chart_link("overview", "overview_standing") == "./#chart-overview_standing"
    assert state.chart_anchor("a:b.c d") == "chart-a-b-c-d"  # only characters a fragment needs no escaping for


@pytest.mark.parametrize("raw, parsed", [
    ("a,b,,a", ("a", "b")), (["x", "y,z"], ("x", "y", "z")), ("<b>,ok", ("ok",)), ("x" * 8000, ()), ("", ()),
])
def test_table_parameter_parsing(raw, parsed):
    assert state.parse_value(state.TABLES, raw) == parsed


def test_see_the_chart_in_the_explorer_lands_on_a_chart_that_draws_the_statement():
    """Document statements the topic pages' charts draw: the fact explorer's "See the chart" link for each opens a
    page that draws it, with the statement's anchor, which that page's marker resolves to the chart."""
    drawn_on: dict[str, set[str]] = {}  # mention anchor -> pages with a chart drawing it
    for page_id in ("rd", "unicorns", "digital_services", "four_chains"):
        at = run_page(f"pages/{page_id}.py", "en")
        found = set()
        for node in _all(at.main):
            if node.type == "html" and node.proto.body.startswith("<span hidden data-chart="):
                assert re.search(r'data-chart="chart-[A-Za-z0-9_-]+"', node.proto.body)
                found.update(re.search(r'data-mentions="([^"]*)"', node.proto.body).group(1).split())
        assert found, f"{page_id}: no chart draws a document statement"
        for anchor in found:
            drawn_on.setdefault(anchor, set()).add(page_id)
    sample = sorted(drawn_on)[:: max(1, len(drawn_on) // 12)]  # a dozen, across the pages
    for anchor in sample:
        mention_id = anchor.removeprefix("mention-")
        explorer = run_page("pages/explorer.py", "en", mention=mention_id)
        card = next(h.proto.body for h in explorer.main.html if f"mention={mention_id}" in h.proto.body)
        target = re.search(r'href="\./(\w+)\?lang=en#([^"]+)"', card)
        assert target, f"{mention_id}: no 'See the chart' link"
        assert target.group(2) == anchor and target.group(1) in drawn_on[anchor], (mention_id, target.groups())


def _all(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _all(child)
