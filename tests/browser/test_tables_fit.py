"""What a screenshot at 1100 px keeps: every table on every page (each chart's Table view and the tables inside
expanders opened) fits its column without scrolling sideways, in zh and en; and the gap map's column labels stay
under its title and subtitle however many lines the title takes (issue 16's leftovers)."""

import pytest

from lib import serve as bench
from lib.ui import figures
from lib.ui.chart_view import HEAD_CLASS
from lib.ui.state import PAGES
from tests.browser.test_browser import load, url_of

# Each page as first opened, plus the Sources tabs that hold tables (only the tab in the URL is built).
VIEWS = [(page_id, {}) for page_id in PAGES] + [("sources", {"view": v}) for v in ("datasets", "method", "download")]
# Pages that show a table once their charts are switched to tables (else the check would check nothing); each
# Sources tab above holds one, its first tab none.
WITH_TABLES = {"overview", "rd", "unicorns", "digital_services", "four_chains", "documents"}

_CHART_NAMES_JS = f"""() => [...document.querySelectorAll('.{HEAD_CLASS}')].map(e => e.dataset.name)"""
# Every data grid (its scroller holds the columns) and every HTML table in the page body: how wide its content is
# against the room it has. A grid not yet drawn has no scroller and is skipped.
_WIDTHS_JS = """() => {
  const found = [];
  for (const grid of document.querySelectorAll('[data-testid="stMain"] [data-testid="stDataFrame"]')) {
    const scroller = grid.querySelector('.dvn-scroller');
    if (!scroller || !grid.getBoundingClientRect().width) continue;
    const head = [...grid.querySelectorAll('[role="columnheader"]')].map(h => h.textContent).join(' | ');
    found.push({kind: 'grid', content: scroller.scrollWidth, room: scroller.clientWidth, head: head.slice(0, 80)});
  }
  for (const table of document.querySelectorAll('[data-testid="stMain"] table')) {
    if (!table.getBoundingClientRect().width || table.closest('[data-testid="stDataFrame"]')) continue;
    found.push({kind: 'table', content: table.scrollWidth, room: table.parentElement.clientWidth,
                head: table.querySelector('tr') ? table.querySelector('tr').textContent.slice(0, 80) : ''});
  }
  return found;
}"""


def open_every_expander(page) -> None:
    page.evaluate("""() => document.querySelectorAll(
        '[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary').forEach(s => s.click())""")
    page.wait_for_timeout(2000)  # the grids inside are drawn once shown


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page_id, params", VIEWS, ids=[p + "".join(f"-{v}" for v in q.values()) for p, q in VIEWS])
def test_every_table_fits_its_column_at_1100_px(browser, server, page_id, params, lang):
    """A 1100 px window with the sidebar open leaves a 638 px column: the documents list was 1787 px wide in it,
    the R&D statements 1587, the four-chains gaps 1399. Every chart is switched to its table through the URL."""
    context = browser.new_context(viewport={"width": 1100, "height": 1000})
    try:
        page = context.new_page()
        url = url_of(server, page_id, lang=lang, more="all", **params)  # every section of charts open (page.more)
        load(page, url)
        names = page.evaluate(_CHART_NAMES_JS)
        if names:
            load(page, url_of(server, page_id, lang=lang, more="all", table=",".join(names), **params))
        open_every_expander(page)
        tables = page.evaluate(_WIDTHS_JS)
        if page_id in WITH_TABLES or params:
            assert tables, f"{page_id} {params}: no table found (the check would check nothing)"
        wide = [t for t in tables if t["content"] > t["room"] + 1]
        assert not wide, f"{page_id} {params} ({lang}): tables wider than their column: {wide}"
    finally:
        context.close()


# The heatmap drawn by Streamlit's own Plotly (a test page: the four-chains page's title is what the data say).
_HEADING_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const box = s => [...plot.querySelectorAll(s)].map(e => e.getBoundingClientRect());
  return {lines: Math.max(1, plot.querySelectorAll('.gtitle tspan.line').length),
          subtitleBottom: Math.max(...box('.gtitle-subtitle').map(b => b.bottom)),
          titleBottom: Math.max(...box('.gtitle').map(b => b.bottom)),
          labelsTop: Math.min(...box('.xtick text').map(b => b.top)),
          labels: box('.xtick text').length};
}"""


@pytest.fixture(scope="module")
def heatmap_server():
    srv = bench.start_server("tests/browser/heatmap_titles_app.py")
    yield srv
    srv.stop()


@pytest.mark.parametrize("present", [False, True])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("lines", [1, 2, 3])
def test_gap_map_column_labels_sit_under_a_title_of_any_height(browser, heatmap_server, lines, lang, present):
    """The gap map's chain names over its columns sit below the subtitle whether the title takes one, two or three
    lines (figures.title_lines), in a 1100 px window and in presentation mode: they were placed for two lines, and a
    third ran the subtitle into them."""
    context = browser.new_context(viewport={"width": 1100, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{heatmap_server.url}/?lines={lines}&lang={lang}" + ("&present=1" if present else ""))
        page.wait_for_selector(".js-plotly-plot .xtick text", timeout=bench.PAGE_TIMEOUT * 1000)
        page.wait_for_timeout(500)
        drawn = page.evaluate(_HEADING_JS)
        assert drawn["lines"] == lines and drawn["labels"] == 5, drawn
        assert drawn["labelsTop"] >= drawn["subtitleBottom"] + 2, f"column labels over the subtitle: {drawn}"
        assert drawn["labelsTop"] >= drawn["titleBottom"] + 2, drawn
    finally:
        context.close()
