"""The Chart/Table switch of every chart: which view is open lives in the URL (`?table=name,...`), and an anchor per
chart (`#chart-name`) lets a link land on that chart with that view open.

lib/ui/page.py `chart` calls `show` for every chart; app.py runs each page inside `page_run`, which says under the
first chart which requested tables name no chart on the page (a URL is user input: nothing is ignored unseen).
"""
from __future__ import annotations

import contextlib
import functools
import html
from collections.abc import Callable, Iterator
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from lib.ui import i18n, state, tables
from lib.ui.export_csv import chart_csv

VIEWS = ("chart", "table")
VIEW_KEY = "_view_"  # session-state key prefix of each chart's switch (the chart's name follows)
TABLE_KEY = "_chart_table_"  # key prefix of the container holding a chart's table view
_RUN = "_chart_view_run"  # this run's charts and the slot for the note, while app.py's page_run is active
# No "<" inside the style or the script: the browser's sanitiser drops a script whose text holds one.
HEAD_HTML = """<style>
/* The anchor is a heading without text: it takes no room, and a link landing on it keeps the switch in sight
   below Streamlit's fixed header. */
[class*="st-key-_chart_head_"] [data-testid="stHeading"] {width: 0; min-width: 0; margin: 0; padding: 0;}
[class*="st-key-_chart_head_"] [data-testid="stHeading"] h3 {padding: 0; margin: 0; scroll-margin-top: 4rem;}
[class*="st-key-_chart_head_"] [data-testid="stHeaderActionElements"] {display: none;}
a.chart-link {font-size: 0.85rem; white-space: nowrap;}
</style>
<script>
/* Land on the chart a link names (#chart-...). Streamlit scrolls to a heading's anchor when the heading mounts, but
   the page below it may not have arrived yet, so the scroll stops short: scroll again once the script has finished
   and the page height has held for 0.4 s, unless the reader has scrolled or clicked meanwhile. Once per URL.
   A #mention-ID link (a document statement) lands on the chart whose data holds that statement. */
(() => {
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (!/^(chart|mention)-/.test(wanted) || window.__chartLanding === location.href) return;
  window.__chartLanding = location.href;
  let moved = false, clickedAt = 0;
  for (const name of ["wheel", "touchstart", "keydown", "mousedown"])
    window.addEventListener(name, () => { moved = true; }, {once: true, capture: true});
  const start = Date.now();
  let height = -1, heldSince = start;
  const tick = () => {
    if (moved || Date.now() - start > 30000) return;
    const main = document.querySelector('[data-testid="stMain"]');
    const app = document.querySelector('[data-testid="stApp"]');
    const now = main ? main.scrollHeight : 0;
    if (now !== height) { height = now; heldSince = Date.now(); }
    // A statement lands on the first chart drawing it (its marker lists the statements: see _mention_targets).
    const marker = wanted.startsWith("mention-") &&
      [...document.querySelectorAll("span[data-mentions]")].find(s => s.dataset.mentions.split(" ").includes(wanted));
    const target = document.getElementById(marker ? marker.dataset.chart : wanted);
    // A chart in a closed section (lib/ui/page.py `more`) has its anchor only: open the section, which draws it.
    // Clicked once the script is idle, and again if a click was lost (still closed 3 s later).
    const closed = target && target.closest("details:not([open])");
    if (closed) {
      if (app && app.getAttribute("data-test-script-state") === "notRunning" && Date.now() - clickedAt > 3000) {
        clickedAt = Date.now();
        closed.querySelector("summary").click();
      }
      setTimeout(tick, 100);
      return;
    }
    if (target && app && app.getAttribute("data-test-script-state") === "notRunning" && Date.now() - heldSince > 400) {
      target.scrollIntoView({block: "start"});
      return;
    }
    setTimeout(tick, 100);
  };
  tick();
})();
</script>"""


def view(name: str) -> str:
    """The view of chart `name` the URL asks for: "table" when it is listed in `?table=`, else "chart"."""
    return "table" if name in state.get(state.TABLES) else "chart"


def _switch(name: str, key: str) -> None:
    """The switch was used: put the chart's view into the URL (opening the table changes the link)."""
    open_tables = [n for n in state.get(state.TABLES) if n != name]
    if st.session_state.get(key) == "table":
        open_tables.append(name)
    state.set(state.TABLES, tuple(open_tables))


def link_here(name: str, absolute: bool = False) -> str:
    """A link to this page as it is now (every parameter in the URL, so the same view), landing on chart `name`.
    absolute: with the address the browser shows (for the export pack's notes, read outside the app)."""
    query = urlencode({k: st.query_params.get_all(k)[-1] for k in st.query_params}, safe=",")
    relative = (f"?{query}" if query else "") + f"#{state.chart_anchor(name)}"
    base = (st.context.url or "").split("?")[0].split("#")[0] if absolute else ""
    return base + relative


def _once(name: str) -> None:
    """Before the first chart of a run, the style and the landing script (fixed text, no input) and the slot of the
    note about unknown tables; counts `name` as on the page."""
    run = st.session_state.get(_RUN)
    if run is None or run["slot"] is None:
        st.html(HEAD_HTML, unsafe_allow_javascript=True)
    if run is not None:
        if run["slot"] is None:  # the note about unknown tables goes above the first chart
            run["slot"] = st.empty()
        run["drawn"].append(name)


def anchor_only(name: str, data: pd.DataFrame, chart: bool = True) -> None:
    """A chart (or keyed table: chart=False) of a closed section (lib/ui/page.py `more`): its anchor and statement
    markers without the chart, so a link to it (#chart-..., #mention-...) finds it, and the landing script opens
    the section."""
    if chart:
        _once(name)
    st.html(f'<span hidden id="{state.chart_anchor(name)}"></span>', width="content")
    tables.mark_mentions(state.chart_anchor(name), data)


def _head(name: str, data: pd.DataFrame, lang: str, present: bool) -> str:
    """The anchor, the switch and a link to this chart; returns the view to draw."""
    _once(name)
    current = "chart" if present else view(name)  # presentation mode shows charts only
    key = VIEW_KEY + name
    st.session_state[key] = current  # the URL drives the switch, as state.widget_kwargs does for other widgets
    with st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center", gap="small",
                      key=f"_chart_head_{name}"):
        st.subheader("", anchor=state.chart_anchor(name), width="content")
        tables.mark_mentions(state.chart_anchor(name), data)
        if present:  # the anchor stays so a link still lands here
            return current
        st.segmented_control(i18n.t("chart.view", lang), VIEWS, required=True, key=key, on_change=_switch,
                             args=(name, key), format_func=lambda v: i18n.t(f"chart.view.{v}", lang),
                             label_visibility="collapsed")
        # HTML, not markdown: the address repeats the URL's values (%-escaped), never read as markdown.
        st.html(f'<a class="chart-link" href="{html.escape(link_here(name))}" target="_self" '
                f'title="{html.escape(i18n.t("chart.link.help", lang))}">{html.escape(i18n.t("chart.link", lang))}</a>',
                width="content")
    return current


def show(name: str, data: pd.DataFrame, *, source: str, lang: str, filename: str, present: bool,
         draw: Callable[[], None], values: pd.DataFrame | None = None) -> None:
    """Above the chart its anchor and Chart/Table switch; then `draw()` (the figure), or the data drawn as a table
    with its source line and a CSV download (the chart's values as numbers when given, as in the export pack; the
    table's text otherwise). The table is built only when asked for: a data grid for every chart on every run was
    a fifth of a page's time, for tables rarely looked at."""
    if _head(name, data, lang, present) == "chart":
        draw()
        return
    with st.container(key=f"{TABLE_KEY}{name}"):
        tables.show(data, lang, download=False)  # the CSV below is the chart's own
        st.caption(i18n.t("chart.source", lang, source=source))
        st.download_button(i18n.t("chart.download", lang), data=functools.partial(chart_csv, values, data, source, lang),
                           file_name=f"{filename}.csv", mime="text/csv", on_click="ignore", key=f"csv_{name}",
                           icon=":material/download:")


@contextlib.contextmanager
def page_run(lang: str) -> Iterator[None]:
    """Run a page (app.py: `with chart_view.page_run(lang): navigation.run()`), then say which of the URL's
    `?table=` entries name no chart the page drew: those are ignored, with a note instead of silence."""
    run = st.session_state[_RUN] = {"drawn": [], "slot": None}
    try:
        yield
        unknown = [tok for tok in state.requested(state.TABLES) if tok not in run["drawn"]]
        if unknown:
            note = i18n.t("chart.table.unknown", lang, names=", ".join(state.shown(tok[:60]) for tok in unknown[:5]))
            (run["slot"] or st.container()).info(note, icon=":material/table_chart:")
    finally:
        st.session_state.pop(_RUN, None)
