"""Sections of secondary charts drawn only when opened (lib/ui/page.py `more`, issue 15): the first screen draws its
charts, a closed section sends none of its figures or grids yet keeps every chart's anchor and registers every chart
for the export pack; the URL (`?more=`) opens sections, `more=all` all of them, and presentation mode draws all."""
from __future__ import annotations

import json
import re

import pytest

from lib.ui import page
from tests import helpers

PAGES = ("rd", "unicorns", "digital_services", "documents")


def _anchors(at) -> set[str]:
    """Every chart's anchor on the page: the drawn charts' heads, the keyed tables' headings and the closed
    sections' hidden anchors."""
    tables = {h.proto.anchor for h in at.subheader if h.proto.anchor.startswith("chart-")}
    anchor = re.compile(r'<(?:span hidden|div class="chart-head") id="(chart-[^"]+)"')
    found = (anchor.match(h.proto.body) for h in at.get("html"))
    return tables | {m.group(1) for m in found if m}


def _titles(at) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_id", PAGES)
def test_closed_sections_draw_nothing_but_keep_anchors_and_export(page_id, lang):
    closed = helpers.run_page(f"pages/{page_id}.py", lang, more="")
    opened = helpers.run_page(f"pages/{page_id}.py", lang, more=page.MORE_ALL)
    everything = len(opened.get("plotly_chart"))
    assert len(closed.get("plotly_chart")) < everything
    # The charts drawn first are the same charts as the open page's first ones.
    assert _titles(closed) == _titles(opened)[:len(closed.get("plotly_chart"))]
    assert len(closed.dataframe) < len(opened.dataframe)  # the sections' grids wait too
    assert _anchors(closed) == _anchors(opened) and len(_anchors(opened)) >= everything
    # The export pack gets every chart, open or not (registered on the run, drawn or not).
    key = f"_export_items_{page_id}"
    assert [i.name for i in closed.session_state[key]] == [i.name for i in opened.session_state[key]]
    assert len(opened.session_state[key]) == everything


@pytest.mark.parametrize("page_id", PAGES)
def test_the_url_opens_one_section_and_presentation_mode_draws_all(page_id):
    opened = helpers.run_page(f"pages/{page_id}.py", "en", more=page.MORE_ALL)
    closed = helpers.run_page(f"pages/{page_id}.py", "en", more="")
    sections = closed.session_state[page._SECTIONS]
    assert len(sections) >= 2
    # The first section holding charts, opened by the URL alone, draws them (and no more than the whole page).
    for name in sections:
        one = helpers.run_page(f"pages/{page_id}.py", "en", more=name)
        if len(one.get("plotly_chart")) > len(closed.get("plotly_chart")):
            break
    assert len(closed.get("plotly_chart")) < len(one.get("plotly_chart")) <= len(opened.get("plotly_chart"))
    present = helpers.run_page(f"pages/{page_id}.py", "en", more="", present="1")
    assert _titles(present) and len(_titles(present)) == len(_titles(opened))
    assert len(present.expander) == len(closed.expander) - len(sections)  # the sections are plain there


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_four_chains_sends_the_industrial_statements_grid_when_its_section_is_opened(lang):
    """Four chains' first screen: the scorecard and the gap map; the documents' statements on industrial capability
    (a grid) wait in their section until it is opened, and then show the statements with their quotes."""
    closed = helpers.run_page("pages/four_chains.py", lang, more="")
    opened = helpers.run_page("pages/four_chains.py", lang, more="chains_industrial")
    assert "chains_industrial" in closed.session_state[page._SECTIONS]
    assert len(opened.dataframe) == len(closed.dataframe) + 1
    grid = opened.dataframe[0].value
    assert len(grid) > 0 and grid.shape[1] >= 3
    assert len(opened.get("plotly_chart")) == len(closed.get("plotly_chart")) == 2
