"""Every page in a real Chromium, in zh, en and presentation mode: charts drawn, no error box, no outside request,
the sidebar listing the translated page titles; and the export pack downloaded from a page and opened."""

import csv
import io
import json
import re
import zipfile

import pytest

from lib import serve as bench
from lib.ui import figures
from lib.ui.i18n import t
from lib.ui.page import PRESENT_EXIT_KEY, PRESENTATION_HIDDEN_INPUTS
from lib.paths import ROOT
from lib.ui import state
from lib.ui.chart_view import HEAD_CLASS, TABLE_KEY
from lib.ui.state import PAGES

SHOTS = ROOT / "artifacts" / "screenshots"
EXPORTS = ROOT / "artifacts" / "export"
SWITCHES = f".{HEAD_CLASS} .chart-views"  # each chart's Chart/Table switch (lib/ui/chart_view.py)
# zh: as a fresh visit opens a page (sections of secondary charts closed, lib/ui/page.py `more`); en: with every
# section open (?more=all, the whole page a report writer screenshots); present: presentation mode (all drawn).
VARIANTS = {"zh": {"lang": "zh"}, "en": {"lang": "en", "more": "all"}, "present": {"lang": "en", "present": "1"}}
# What Streamlit's pages/ folder mode lists instead of the titles: the script names, "_" shown as a space.
FILE_NAMES = {"app", *(page_id.replace("_", " ") for page_id in PAGES)}
# Streamlit logs this (since 1.x no longer on the page) when a widget gets a default and a Session State value.
DUPLICATE_STATE = "created with a default value but also had its value set via the Session State API"


def url_of(server, page_id: str, **params: str) -> str:
    """The page's address as the app links to it: the first page is the app's root (st.navigation serves the default
    page there only; /overview answers "page not found")."""
    return bench.page_url(server.url, "" if page_id == PAGES[0] else page_id, **params)


def load(page, url: str) -> bench.Visit:
    try:
        return bench.visit(page, url)
    except TimeoutError as exc:
        # Seen once on a machine loaded far beyond its cores: the script finished but the browser kept placeholders.
        # One fresh navigation tells such a stall from a page that never draws (which fails again here).
        print(f"\nretrying once after: {exc}")
        return bench.visit(page, url)


def screenshot_whole_page(page, path) -> None:
    """Streamlit scrolls inside its main block, so a full-page screenshot shows one screen; grow the window to the
    content's height for the picture, then put it back."""
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, 16000))})
    page.wait_for_timeout(600)  # Plotly and Streamlit re-lay out after the resize
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def nav_titles(page) -> list[str]:
    return [text.strip() for text in page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()]


def assert_translated_nav(page, lang: str) -> None:
    titles = nav_titles(page)
    assert titles == [t(f"page.{page_id}.title", lang) for page_id in PAGES], f"sidebar lists {titles}"
    assert not FILE_NAMES & set(titles), f"sidebar lists file names: {sorted(FILE_NAMES & set(titles))}"


def test_deep_link_to_a_fresh_server_lists_translated_titles(browser):
    """The first visit of a new server goes straight to a page (a shared link): the sidebar still lists the titles
    in the link's language, not the script names, and the page itself is the one linked."""
    srv = bench.start_server("app.py")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        load(page, bench.page_url(srv.url, "unicorns", lang="en"))
        assert_translated_nav(page, "en")
        assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == t("page.unicorns.title", "en")
        assert page.locator('[role="dialog"]').count() == 0, "a 'page not found' dialog is shown"
    finally:
        context.close()
        srv.stop()


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("page_id", PAGES)
def test_page_in_browser(server, page, page_id, variant):
    url = url_of(server, page_id, **VARIANTS[variant])
    result = load(page, url)
    print(f"\n{page_id} [{variant}]: {result.charts} charts drawn {result.seconds:.2f} s after navigation")

    SHOTS.mkdir(parents=True, exist_ok=True)
    screenshot_whole_page(page, SHOTS / f"{page_id}_{variant}.png")

    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, f"{url}: exception shown: {exceptions.first.inner_text()[:500]}"
    errors = page.locator('[data-testid="stAlertContentError"]')
    assert errors.count() == 0, f"{url}: error shown: {errors.first.inner_text()[:500]}"
    dialogs = page.locator('[role="dialog"]')
    assert dialogs.count() == 0, f"{url}: dialog shown: {dialogs.first.inner_text()[:200]}"  # e.g. page not found
    assert DUPLICATE_STATE not in server.log.read_text(errors="replace"), f"{url}: widget default warning logged"

    outside = [u for u in page.requests if not bench.is_local(u)]
    assert not outside, f"{url}: requests left the machine: {outside[:10]}"
    assert any(u.startswith(server.url) for u in page.requests)  # the log really saw the page's own requests

    sidebar = page.locator('[data-testid="stSidebar"]')
    if variant == "present":
        assert sidebar.count() == 0 or not sidebar.first.is_visible(), "presentation mode still shows the sidebar"
        assert page.locator('[data-testid="stHeader"]:visible').count() == 0
    else:
        assert sidebar.first.is_visible()
        assert_translated_nav(page, VARIANTS[variant]["lang"])

    # Each drawn chart carries its source line inside the figure (so a screenshot still cites its source).
    source_word = t("chart.source", VARIANTS[variant]["lang"], source="").strip()
    for i in range(result.charts):
        text = "".join(page.locator('[data-testid="stPlotlyChart"]').nth(i).locator(".main-svg").all_text_contents())
        assert source_word in text, f"{url}: chart {i} has no source line"


# What each chart drew, as Plotly holds it in the page: the traces, titles, annotation texts, size and font.
_DRAWN_JS = """() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')).map(g => ({
  data: g.data, title: g.layout.title.text, subtitle: (g.layout.title.subtitle || {}).text || '',
  annotations: (g.layout.annotations || []).map(a => a.text), width: g.layout.width, font: g.layout.font.size}))"""


def drawn_charts(page) -> list[dict]:
    return json.loads(json.dumps(page.evaluate(_DRAWN_JS)))  # typed arrays become plain JSON, as in both views


def unwrapped(text: str) -> str:
    """Text without the line breaks that the figure inserts to fit its width (which differs between modes)."""
    return re.sub(r"\s+", "", text.replace("<br>", ""))


def visible_inputs(page) -> dict[str, int]:
    counts = {}
    for testid in PRESENTATION_HIDDEN_INPUTS:
        found = page.locator(f'[data-testid="stMain"] [data-testid="{testid}"]:visible')
        n = sum(1 for i in range(found.count())
                if not found.nth(i).evaluate(f"e => !!e.closest('.st-key-{PRESENT_EXIT_KEY}')"))
        if n:
            counts[testid] = n
    return counts


# What presentation mode must not show beside the charts (issue 16): cards, text, captions, tables, notes.
NOT_PRESENTED = ("stMetric", "stMarkdown", "stCaptionContainer", "stDataFrame", "stTable", "stExpander", "stAlert",
                 "stTabs")


@pytest.mark.parametrize("page_id, lang", [("unicorns", "zh"), ("four_chains", "en"), ("overview", "zh")])
def test_presentation_mode_hides_every_control_and_draws_the_same_charts(server, page, page_id, lang):
    """Issue 6: with ?present=1 no input widget or Chart/Table switch is visible, yet the charts are those of the
    same link without it (the selection still comes from the URL), only larger and at the report size, each with
    its source line. Issue 16: nothing else either (no cards, text, captions or tables): the title and the charts."""
    normal_url = url_of(server, page_id, lang=lang, more="all")  # every section open: all the page's charts
    present_url = url_of(server, page_id, lang=lang, present="1")
    charts = load(page, normal_url).charts
    normal = drawn_charts(page)
    assert page.locator(f"{SWITCHES}:visible").count() == charts > 0, "the normal view shows each chart's switch"

    assert load(page, present_url).charts == charts > 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    screenshot_whole_page(page, SHOTS / f"{page_id}_present_{lang}.png")
    assert visible_inputs(page) == {}, f"{present_url}: inputs still shown"
    assert page.locator(f"{SWITCHES}:visible").count() == 0
    assert page.get_by_role("button", name=t("sidebar.present.exit", lang)).is_visible(), "there is a way out"
    shown = {testid: page.locator(f'[data-testid="stMain"] [data-testid="{testid}"]:visible').count()
             for testid in NOT_PRESENTED}
    shown["overview cards"] = page.locator('[data-testid="stMain"] .overview-cards:visible').count()  # st.html
    assert not any(shown.values()), f"{present_url}: more than charts shown: {shown}"

    present = drawn_charts(page)
    source_word = t("chart.source", lang, source="").strip()
    for i, (before, now) in enumerate(zip(normal, present, strict=True)):
        # Labels, titles and subtitles are wrapped for the width they are drawn at: compare them without line breaks.
        assert unwrapped(json.dumps(now["data"])) == unwrapped(json.dumps(before["data"])), f"chart {i}: different data"
        assert unwrapped(now["title"] + now["subtitle"]) == unwrapped(before["title"] + before["subtitle"]), f"chart {i}"
        assert [unwrapped(a) for a in now["annotations"]] == [unwrapped(a) for a in before["annotations"]]
        assert any(a.startswith(source_word) for a in now["annotations"]), f"chart {i} has no source line"
        assert now["width"] == figures.PRESENTATION.width and now["font"] == figures.PRESENTATION.font > before["font"]


@pytest.mark.parametrize("page_id, lang", [("digital_services", "en"), ("four_chains", "zh")])
def test_export_pack_downloads_from_the_page(server, page, page_id, lang):
    """Click the sidebar's export button, download the ZIP and open it: a PNG and an SVG per chart drawn, and a
    PowerPoint with one slide per chart whose notes carry the source line."""
    from pptx import Presentation

    charts = load(page, url_of(server, page_id, lang=lang, more="all")).charts  # every section open (page.more)
    assert charts > 0
    page.get_by_role("button", name=t("export.button", lang)).click()
    download_button = page.get_by_role("button", name=t("export.download", lang))
    download_button.wait_for(timeout=180_000)  # Kaleido renders every chart first
    with page.expect_download(timeout=60_000) as info:
        download_button.click()
    download = info.value
    assert download.suggested_filename == f"{page_id}.zip"
    EXPORTS.mkdir(parents=True, exist_ok=True)
    target = EXPORTS / f"{page_id}_{lang}.zip"
    download.save_as(target)

    zf = zipfile.ZipFile(io.BytesIO(target.read_bytes()))
    names = zf.namelist()
    pngs = sorted(n for n in names if n.endswith(".png"))
    svgs = sorted(n for n in names if n.endswith(".svg"))
    assert len(pngs) == charts, f"{len(pngs)} PNGs for {charts} charts drawn: {names}"
    assert [n[:-4] for n in svgs] == [n[:-4] for n in pngs]
    assert all(n.endswith(f"_{lang}.png") for n in pngs), pngs  # file names carry the language
    assert [n for n in names if n.endswith(".pptx")] == [f"{page_id}.pptx"]
    assert sorted(n[:-4] for n in names if n.endswith(".csv")) == [n[:-4] for n in pngs]  # each chart's data
    for name in pngs:
        assert zf.read(name)[:8] == b"\x89PNG\r\n\x1a\n"
        (EXPORTS / f"{page_id}_{name}").write_bytes(zf.read(name))  # kept to look at

    slides = list(Presentation(io.BytesIO(zf.read(f"{page_id}.pptx"))).slides)
    assert len(slides) == charts
    source_word = t("chart.source", lang, source="").strip()
    for slide in slides:
        assert source_word in slide.notes_slide.notes_text_frame.text
        assert any(shape.shape_type == 13 for shape in slide.shapes)  # the chart's picture
    assert not [u for u in page.requests if not bench.is_local(u)]


# Per drawn chart: texts that stick out of the figure (cut off in a screenshot), whether the legend's top edge
# rises over the subtitle's bottom edge, and by how many px Plotly's automargin widened the left margin the server
# sent (lib/ui/margins.py). Hover labels do not count (they are drawn only on hover).
_FIT_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].map(p => {
  const box = p.getBoundingClientRect();
  const edge = s => { const e = p.querySelector(s); return e ? e.getBoundingClientRect() : null; };
  const out = [...p.querySelectorAll('.main-svg text')]
    .filter(e => e.textContent.trim() && !e.closest('.hoverlayer'))
    .map(e => ({text: e.textContent.slice(0, 50), b: e.getBoundingClientRect()}))
    .filter(o => o.b.width > 0 && (o.b.left < box.left - 1 || o.b.right > box.right + 1))
    .map(o => `${o.text} [${Math.round(o.b.left - box.left)}..${Math.round(o.b.right - box.left)} of ${Math.round(box.width)}]`);
  const sub = edge('.gtitle-subtitle'), legend = edge('.legend');
  return {title: (p.querySelector('.gtitle') || {}).textContent || '', out,
          legendOverSubtitle: !!(sub && legend && legend.top < sub.bottom - 1),
          widenedLeft: Math.round(p._fullLayout._size.l) - p.layout.margin.l};
})"""


@pytest.mark.parametrize("width, lang, present", [(1100, "zh", False), (700, "en", False), (1100, "zh", True)])
@pytest.mark.parametrize("page_id", PAGES)
def test_charts_fit_a_narrow_window(browser, server, page_id, width, lang, present):
    """In a laptop window with the sidebar open (1100 px), a narrow one (700 px) and presentation mode in a laptop
    window (its 1200 px charts shrunk to the 940 px column), no chart's title, labels or source line is cut off at
    the figure's edge and no legend covers its subtitle: what a screenshot would lose. And the left margin the
    server estimated holds the y tick labels and axis title, so Plotly's automargin does not lay the chart out a
    second time to widen it."""
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        load(page, url_of(server, page_id, lang=lang, **({"present": "1"} if present else {"more": "all"})))
        page.wait_for_timeout(500)  # Plotly lays the figures out again once the page has settled
        charts = page.evaluate(_FIT_JS)
        assert charts or page_id in ("explorer", "sources")
        for chart in charts:
            assert not chart["out"], f"{page_id} at {width} px: {chart['title']}: text cut off: {chart['out']}"
            assert not chart["legendOverSubtitle"], f"{page_id} at {width} px: {chart['title']}: legend over subtitle"
            assert chart["widenedLeft"] <= 0, (f"{page_id} at {width} px: {chart['title']}: Plotly widened the left "
                                               f"margin by {chart['widenedLeft']} px (lib/ui/margins.py fell short)")
    finally:
        context.close()


def _in_view(page, anchor: str) -> dict:
    """Where the chart (or table) after `anchor` sits in the window: the top of its anchor and of the first chart or
    table drawn below it, in px from the window's top."""
    return page.evaluate("""(id) => {
      const a = document.getElementById(id);
      if (!a) return {anchor: null};
      const top = a.getBoundingClientRect().top;
      const below = [...document.querySelectorAll('[data-testid="stPlotlyChart"], [data-testid="stDataFrame"]')]
        .map(e => e.getBoundingClientRect()).filter(r => r.top >= top - 1).sort((x, y) => x.top - y.top)[0];
      return {anchor: top, content: below ? below.top : null, height: window.innerHeight};
    }""", anchor)


def _lands(page, anchor: str) -> dict:
    """Wait (up to 30 s) until the content after `anchor` starts in the upper half of the window."""
    for _ in range(150):
        where = _in_view(page, anchor)
        if where.get("content") is not None and 0 <= where["anchor"] and where["content"] < where["height"] / 2:
            return where
        page.wait_for_timeout(200)
    return where


def test_show_table_changes_the_url_and_a_link_lands_on_its_chart(server, page):
    """Issue 16.7: the Chart/Table switch writes the URL (the table is built only then, with its CSV), and the
    chart's own link, opened afresh, lands on that chart with the table open; a link with an anchor from a Chinese
    page lands on its chart too."""
    chart = "rd_researchers"  # in a section of secondary charts (page.more): opened by the URL here
    load(page, url_of(server, "rd", lang="en", more="rd_wdi"))
    head = page.locator(f'.{HEAD_CLASS}[data-name="{chart}"]')
    assert page.locator(f".st-key-{TABLE_KEY}{chart}").count() == 0, "built before anyone asked for it"
    page.evaluate("() => { window.__sameDocument = true; }")
    head.get_by_role("link", name=t("chart.view.table", "en"), exact=True).click()
    page.wait_for_url(re.compile(rf"[?&]table={chart}(&|#|$)"), timeout=30000)
    table = page.locator(f".st-key-{TABLE_KEY}{chart}")
    table.locator('[data-testid="stDataFrame"]').wait_for(timeout=30000)
    # The switch's link is followed by a rerun in the same session, not a reload (a reload costs about 2.5 times the
    # CPU: README, Benchmark), and the keyboard's focus is back on the switch, on the view now open.
    page.wait_for_function("() => document.activeElement && document.activeElement.dataset.view === 'table' && "
                           "document.activeElement.hasAttribute('aria-current')", timeout=30000)
    assert page.evaluate("() => window.__sameDocument === true"), "the page was reloaded"
    assert t("chart.download", "en") in table.locator('[data-testid="stDownloadButton"]').inner_text()
    # Its CSV holds the numbers drawn, as the export pack's does (issue 16: not the rounded text of the table):
    # China's researchers per million in the latest year equal the warehouse's.
    with page.expect_download(timeout=60000) as download:
        table.locator('[data-testid="stDownloadButton"] button').click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    china = [r for r in rows if r[t("export.col.economy_code", "en")] == "CHN"]
    latest = max(china, key=lambda r: int(r[t("export.col.year", "en")]))
    import duckdb
    from lib.paths import warehouse_path
    with duckdb.connect(str(warehouse_path()), read_only=True) as con:
        (stored,) = con.execute("SELECT value FROM observations WHERE indicator_id = 'researchers_per_million' "
                                "AND economy = 'CHN' AND year = ? AND mention_id IS NULL AND source_id LIKE 'wdi%'",
                                [int(latest[t("export.col.year", "en")])]).fetchone()
    assert float(latest[t("export.col.value", "en")]) == pytest.approx(stored)

    href = head.get_by_role("link", name=t("chart.link", "en")).get_attribute("href")
    assert f"table={chart}" in href and href.endswith(f"#{state.chart_anchor(chart)}"), href
    fresh = page.context.new_page()
    fresh.goto(f"{server.url}/rd{href}")
    where = _lands(fresh, state.chart_anchor(chart))
    assert where.get("content") is not None and where["content"] < where["height"] / 2, where
    # The grid is drawn after the page lands on its anchor: wait for it (a bare is_visible() raced the draw under load).
    fresh.locator(f".st-key-{TABLE_KEY}{chart} [data-testid=\"stDataFrame\"]").wait_for(state="visible", timeout=30000)

    # The default language written out, as a person may paste it; no `more`: the landing opens the chart's section.
    link = state.chart_link("rd", chart, lang="zh")
    fresh.goto(f"{server.url}/{link.removeprefix('./')}")
    where = _lands(fresh, state.chart_anchor(chart))
    assert where.get("content") is not None and where["content"] < where["height"] / 2, (link, where)
    assert where["anchor"] > 0 or where["content"] > 0, "on the chart, not at the page's top"

    # The fact explorer's "See the chart" names a statement (#mention-ID): it lands on the chart drawing it.
    marker = fresh.locator("span[data-mentions]").first
    chart_anchor, mention = marker.get_attribute("data-chart"), marker.get_attribute("data-mentions").split()[-1]
    fresh.goto(f"{server.url}/rd?lang=en#{mention}")
    where = _lands(fresh, chart_anchor)
    assert where.get("content") is not None and where["content"] < where["height"] / 2, (mention, where)
    fresh.close()

    # By keyboard: Enter on the switch's Chart link closes the table, in the same page, and the focus stays there.
    head.get_by_role("link", name=t("chart.view.chart", "en"), exact=True).press("Enter")
    table.wait_for(state="detached", timeout=30000)
    page.wait_for_function("() => document.activeElement && document.activeElement.dataset.view === 'chart' && "
                           "document.activeElement.hasAttribute('aria-current')", timeout=30000)
    assert f"table={chart}" not in page.url and page.evaluate("() => window.__sameDocument === true"), page.url


# Metrics, controls, buttons, multiselect chips and tabs whose text is cut (an ellipsis or clipped overflow), in the
# page and in the sidebar: the headline numbers a writer copies, the option labels of the controls, the chosen
# economies. An element counts as cut when it or a descendant holding text is wider inside than its box and clips
# it (overflow not visible, or text-overflow: ellipsis).
_CUT_JS = """() => {
  const kinds = ['stMetricValue', 'stMetricLabel', 'stWidgetLabel', 'stButtonGroup', 'stSelectbox', 'stMultiSelect',
                 'stSlider', 'stCheckbox', 'stNumberInput', 'stTextInput', 'stButton', 'stDownloadButton',
                 'stFormSubmitButton', 'stPageLink', 'stTabs', 'stFileUploader', 'stExpander'];
  // The overview's cards are one HTML element a row (pages/overview.py card_row): their labels and values too.
  const selectors = [...kinds.map(kind => `[data-testid="${kind}"]`), '.overview-cards .metric-label',
                     '.overview-cards .metric-value'];
  const clips = e => { const s = getComputedStyle(e); return s.overflowX !== 'visible' || s.textOverflow === 'ellipsis'; };
  const cut = [];
  for (const kind of selectors) {
    for (const el of document.querySelectorAll(`[data-testid="stMain"] ${kind}, [data-testid="stSidebar"] ${kind}`)) {
      if (!el.getBoundingClientRect().width) continue;
      const clipped = [el, ...el.querySelectorAll('*')].find(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1
        && e.textContent.trim() && clips(e));
      if (clipped) cut.push(`${kind}: ${clipped.textContent.trim().slice(0, 60)} (${clipped.scrollWidth} > ${clipped.clientWidth})`);
    }
  }
  return cut;
}"""


@pytest.mark.parametrize("width", [1100, 1400])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_id", PAGES)
def test_metrics_and_controls_are_not_cut_off(browser, server, page_id, lang, width):
    """At 1100 px and 1400 px with the sidebar open, in both languages, no metric's value or label, no control's
    label or option, no button, multiselect chip or tab is cut off, in the page or the sidebar (issue 16: "US$915.…",
    "Per persor", "购买力平伱", the sidebar's "European Union (E…" chip, the explorer's "Ex…" button)."""
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        load(page, url_of(server, page_id, lang=lang, more="all"))  # the sections' controls too (page.more)
        page.wait_for_timeout(500)
        assert page.locator('[data-testid="stSidebar"]').first.is_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{page_id}_{lang}_{width}.png"))  # the first screen, to look at
        cut = page.evaluate(_CUT_JS)
        assert not cut, f"{page_id} ({lang}) at {width} px: {cut}"
    finally:
        context.close()


def test_sources_builds_the_open_tab_and_a_click_opens_another_into_the_url(server, page):
    """Sources sends only the tab in the URL (pages/sources.py); clicking another tab shows its content and puts it
    into the address, and Back returns to the previous tab."""
    load(page, url_of(server, "sources", lang="en"))
    assert page.locator('[data-testid="stExpander"]').count() == 0  # the datasets' boxes are not built yet
    page.get_by_role("tab", name=t("sources.tab.datasets", "en")).click()
    page.wait_for_selector('[data-testid="stExpander"]', timeout=60_000)
    assert "view=datasets" in page.url
    page.get_by_role("tab", name=t("sources.tab.method", "en")).click()
    page.wait_for_selector('[data-testid="stCode"]', timeout=60_000)
    assert "view=method" in page.url and page.locator('[data-testid="stExpander"]').count() == 0
    page.go_back()
    page.wait_for_selector('[data-testid="stExpander"]', timeout=60_000)
    selected = page.locator('[role="tab"][aria-selected="true"]').inner_text()
    assert selected == t("sources.tab.datasets", "en") and "view=datasets" in page.url


def test_a_section_of_secondary_charts_opens_on_click_into_the_url(server, page):
    """Issue 15: a fresh visit draws the charts of the first screen; the sections below hold the others, each chart
    drawn once its section is opened, which puts the section into the address (?more=) so a copied link reopens it."""
    first = load(page, url_of(server, "unicorns", lang="en")).charts
    sections = page.locator('[data-testid="stMain"] [class*="st-key-_more_"]')
    assert sections.count() >= 3 and page.locator(f"{SWITCHES}").count() == first
    section = sections.filter(has_text=t("unicorns.valuation.header", "en"))
    section.locator("summary").click()
    page.wait_for_url(re.compile(r"[?&]more=unicorns_valuation(&|$)"), timeout=30000)
    assert load(page, page.url).charts == first + 2  # the box plot and the most valuable companies
    everything = load(page, url_of(server, "unicorns", lang="en", more="all")).charts
    assert everything > first + 2
