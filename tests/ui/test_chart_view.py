"""The head of every chart: the Chart/Table switch (two links to this page with ?table= changed), an anchor per
chart, links that land on a chart with its view open, and a note for table requests that name no chart on the page."""
from __future__ import annotations

import html
import json
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from lib.paths import ROOT
from lib.ui import state
from lib.ui.chart_view import HEAD_CLASS, TABLE_KEY
from lib.ui.i18n import t
from tests.helpers import chart_names, run_page

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
    """The ids a #chart-... link can land on: each chart's head, each keyed table of statements' heading."""
    heads = [re.match(rf'<div class="{HEAD_CLASS}" id="([^"]*)"', h.proto.body) for h in at.get("html")]
    return [found.group(1) for found in heads if found] + \
        [h.proto.anchor for h in at.subheader if h.proto.anchor.startswith("chart-")]


def _head(at: AppTest, name: str) -> str:
    return next(h.proto.body for h in at.get("html") if h.proto.body.startswith(f'<div class="{HEAD_CLASS}"')
                and f'data-name="{name}"' in h.proto.body)


def _switch(at: AppTest, name: str) -> dict[str, str]:
    """The switch of chart `name`: view -> the address its link opens; "open" -> the view marked as open."""
    body = _head(at, name)
    links = re.findall(r'<a class="chart-view" data-view="(\w+)" href="([^"]*)" target="_self"( aria-current)?', body)
    assert [view for view, _, _ in links] == ["chart", "table"], body
    assert '<span class="chart-views" role="group" aria-label="' in body, "one labelled group for a screen reader"
    (open_view,) = [view for view, _, current in links if current]
    return {view: html.unescape(href) for view, href, _ in links} | {"open": open_view}


def _follow(at: AppTest, href: str) -> AppTest:
    """Open `href` (?query#anchor, this page) in the same session, as the head's script does with a click."""
    assert href.startswith("?") and "#chart-" in href, href
    for key in list(at.query_params):
        del at.query_params[key]
    for key, value in parse_qsl(urlsplit(href).query):
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_url_naming_a_chart_opens_its_table_with_source_and_csv(lang):
    drawn = run_page("pages/rd.py", lang)
    names = chart_names(drawn)
    assert CHART in names and len(_charts(drawn)) == len(names)
    assert not _tables_of_charts(drawn), "no table is built before one is asked for"
    anchors = _anchors(drawn)  # one per chart, and one per page table of statements (rd_statements)
    assert {state.chart_anchor(n) for n in names} <= set(anchors) and len(set(anchors)) == len(anchors)

    at = run_page("pages/rd.py", lang, table=CHART)
    titles = [c["layout"]["title"]["text"] for c in _charts(at)]
    assert len(titles) == len(names) - 1, "the chart asked for as a table is not drawn"
    assert not any(t("rd.chart.researchers.title", lang) in title for title in titles)
    assert _switch(at, CHART)["open"] == "table"
    view = _table_views(at)
    assert list(view) == [CHART] and len(view[CHART].dataframe) == 1
    table = view[CHART].dataframe[0].value
    assert t("rd.col.economy", lang) in table.columns and t("rd.col.value", lang) in table.columns
    economies = {t(f"economy.{code}", lang) for code in state.MAIN_ECONOMIES}
    assert set(table[t("rd.col.economy", lang)]) == economies  # names in the page language, no codes
    source_word = t("chart.source", lang, source="").strip()
    assert any(c.value.startswith(source_word) and "WDI" in c.value for c in view[CHART].caption)
    assert [b.proto.label for b in view[CHART].download_button] == [t("chart.download", lang)]


def test_the_switch_links_write_the_url_and_back():
    """Each view is a link to this page with ?table= changed, landing on the chart: following it (the head's script
    does so without a reload) opens the table, and the Chart link of the table view closes it again."""
    at = run_page("pages/rd.py", "en")
    switch = _switch(at, CHART)
    assert switch["open"] == "chart"
    assert switch["table"] == f"?lang=en&more=all&table={CHART}#{state.chart_anchor(CHART)}"
    _follow(at, switch["table"])
    assert at.query_params[state.TABLES.name] == CHART
    assert len(_tables_of_charts(at)) == 1 and _switch(at, CHART)["open"] == "table"
    assert _switch(at, CHART)["chart"] == f"?lang=en&more=all#{state.chart_anchor(CHART)}"
    _follow(at, _switch(at, CHART)["chart"])
    assert state.TABLES.name not in at.query_params and not _tables_of_charts(at)


def test_two_tables_open_at_once_stay_in_the_url():
    second = next(n for n in chart_names(run_page("pages/rd.py", "en")) if n != CHART)
    at = run_page("pages/rd.py", "en", table=f"{CHART},{second}")
    assert len(_tables_of_charts(at)) == 2
    _follow(at, _switch(at, second)["chart"])
    assert at.query_params[state.TABLES.name] == CHART and len(_tables_of_charts(at)) == 1
    # Opening another table adds it to the ones open; every link on the page carries them.
    third = next(n for n in chart_names(at) if n not in (CHART, second))
    assert f"table={CHART},{third}#" in _switch(at, third)["table"]


def test_the_head_is_one_element_in_both_languages():
    """The head is one HTML element holding the anchor, the switch and the link (a widget and a heading in a row of
    their own cost a fifth of a rerun's server CPU), its words in the page's language."""
    for lang in ("zh", "en"):
        at = run_page("pages/unicorns.py", lang)
        names = chart_names(at)
        assert names and not [h for h in at.subheader if h.proto.anchor.startswith("chart-")]
        for name in names:
            body = _head(at, name)
            assert f'id="{state.chart_anchor(name)}"' in body
            for key in ("chart.view.chart", "chart.view.table", "chart.link"):
                assert f">{html.escape(t(key, lang))}</a>" in body, (lang, key)
            assert f'aria-label="{html.escape(t("chart.view", lang))}"' in body
    present = run_page("pages/unicorns.py", "en", present="1")
    assert chart_names(present) and all("chart-view" not in _head(present, n) for n in chart_names(present)), \
        "presentation mode keeps the anchor only"


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
        for node in _all(at.main):  # a marker of its own (a keyed table) or in a chart's head
            if node.type == "html":
                for marker in re.finditer(r'<span hidden data-chart="([^"]*)" data-mentions="([^"]*)"', node.proto.body):
                    assert re.fullmatch(r"chart-[A-Za-z0-9_-]+", marker.group(1))
                    found.update(marker.group(2).split())
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
