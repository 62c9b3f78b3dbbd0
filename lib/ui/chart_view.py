"""The head of every chart: its anchor (`#chart-name`, so a link lands on that chart with its view open), the
Chart/Table switch (which view is open lives in the URL, `?table=name,...`) and a link to the chart, all one HTML
element: the switch is two links to this page with `?table=` changed, which the script below follows without a
reload. A widget switch in a row of its own elements cost a fifth of a page rerun's server CPU (README, Benchmark).

lib/ui/page.py `chart` calls `show` for every chart; app.py runs each page inside `page_run`, which says under the
first chart which requested tables name no chart on the page (a URL is user input: nothing is ignored unseen).
"""
from __future__ import annotations

import contextlib
import functools
import html
from collections.abc import Callable, Iterator

import pandas as pd
import streamlit as st

from lib.ui import i18n, state, tables
from lib.ui.export_csv import chart_csv

VIEWS = ("chart", "table")
HEAD_CLASS = "chart-head"  # the class of each chart's head; its data-name is the chart's name
TABLE_KEY = "_chart_table_"  # key prefix of the container holding a chart's table view
_RUN = "_chart_view_run"  # this run's charts and the slot for the note, while app.py's page_run is active
# No "<" inside the style or the script: the browser's sanitiser drops a script whose text holds one.
HEAD_HTML = """<style>
/* A chart's head is its anchor: a link landing on it keeps the switch in sight below Streamlit's fixed header. */
.chart-head {display: flex; justify-content: flex-end; align-items: center; gap: 0.75rem; scroll-margin-top: 4rem;}
/* The switch looks like Streamlit's segmented control in this theme (its primary colour, borders and sizes). */
.chart-views {display: inline-flex; border: 1px solid rgb(220, 216, 212); border-radius: 0.5rem; overflow: hidden;}
.chart-views a {padding: 0.3rem 0.75rem; font-size: 0.875rem; line-height: 1.4; color: inherit; text-decoration: none;}
.chart-views a + a {border-left: 1px solid rgb(220, 216, 212);}
.chart-views a:hover {color: rgb(197, 57, 72);}
.chart-views a[aria-current] {color: rgb(197, 57, 72); background: rgba(197, 57, 72, 0.1);
  box-shadow: inset 0 0 0 1px rgb(197, 57, 72);}
.chart-views a:focus-visible {outline: 2px solid rgb(197, 57, 72); outline-offset: -2px;}
a.chart-link {font-size: 0.85rem; white-space: nowrap;}
</style>
<script>
/* The Chart/Table switch: a click on a.chart-view puts its URL (this page, `?table=` changed) in the address bar and
   tells Streamlit as the Back button does; its popstate handler reruns the page with that query string, in the same
   session, without reloading the page. Focus returns to the switch once it is drawn again, for the keyboard. Should
   no rerun start within 3 s (a Streamlit that no longer reruns on popstate), the page is reloaded at the new URL.
   Links and reloads keep the view, since it is in the URL; without this script the link reloads the page. */
(() => {
  if (window.__chartViews) return;
  window.__chartViews = true;
  document.addEventListener("click", event => {
    const link = event.target.closest ? event.target.closest("a.chart-view") : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (link.hasAttribute("aria-current")) return;
    const head = link.closest(".chart-head").id, view = link.dataset.view, start = Date.now();
    history.pushState(null, "", link.href);
    window.dispatchEvent(new PopStateEvent("popstate"));
    let ran = false;
    const refocus = () => {
      const again = document.querySelector(`#${head} a.chart-view[data-view="${view}"][aria-current]`);
      const app = document.querySelector('[data-testid="stApp"]');
      ran = ran || (app && app.getAttribute("data-test-script-state") === "running");
      if (again) again.focus({preventScroll: true});
      else if (!ran && Date.now() - start > 3000) location.reload();
      else if (Date.now() - start > 30000) return;
      else setTimeout(refocus, 100);
    };
    refocus();
  });
})();
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


def link_here(name: str, absolute: bool = False, params: dict[str, str] | None = None) -> str:
    """A link to this page as it is now (every parameter in the URL, so the same view), landing on chart `name`.
    absolute: with the address the browser shows (for the export pack's notes, read outside the app); params: the
    URL's parameters (`state.current()`) when read already."""
    query = state.here(params)
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
    anchor = state.chart_anchor(name)
    st.html(f'<span hidden id="{anchor}"></span>{tables.mentions_marker(anchor, data)}', width="content")


def _switch(name: str, current: str, lang: str, params: dict[str, str]) -> str:
    """The Chart/Table switch: a link per view to this page (its URL parameters `params`) with `?table=` changed,
    landing on the chart; the open view is marked aria-current. The script of HEAD_HTML follows the links without a
    reload."""
    others = tuple(n for n in state.get(state.TABLES) if n != name)
    links = []
    for wanted in VIEWS:
        query = state.here(params, **{state.TABLES.name: others + (name,) if wanted == "table" else others})
        href = html.escape(f"?{query}#{state.chart_anchor(name)}")
        marked = ' aria-current="true"' if wanted == current else ""
        links.append(f'<a class="chart-view" data-view="{wanted}" href="{href}" target="_self"{marked}>'
                     f'{html.escape(i18n.t(f"chart.view.{wanted}", lang))}</a>')
    label = html.escape(i18n.t("chart.view", lang))
    return f'<span class="chart-views" role="group" aria-label="{label}">{"".join(links)}</span>'


def _head(name: str, data: pd.DataFrame, lang: str, present: bool) -> str:
    """The chart's head, one element: its anchor, the switch and a link to this chart; returns the view to draw."""
    _once(name)
    current = "chart" if present else view(name)  # presentation mode shows charts only
    anchor = state.chart_anchor(name)
    parts = [tables.mentions_marker(anchor, data)]
    if not present:  # the anchor alone stays there, so a link still lands here
        # The addresses repeat the URL's values (%-escaped), escaped again for HTML: never read as markup.
        help_text, text = (html.escape(i18n.t(key, lang)) for key in ("chart.link.help", "chart.link"))
        params = state.current()
        parts += [_switch(name, current, lang, params),
                  f'<a class="chart-link" href="{html.escape(link_here(name, params=params))}" target="_self" '
                  f'title="{help_text}">{text}</a>']
    st.html(f'<div class="{HEAD_CLASS}" id="{anchor}" data-name="{html.escape(name)}">{"".join(parts)}</div>')
    return current


def show(name: str, data: pd.DataFrame, *, source: str, lang: str, filename: str, present: bool,
         draw: Callable[[], None], values: pd.DataFrame | None = None) -> None:
    """Above the chart its head (anchor, Chart/Table switch, link); then `draw()` (the figure), or the data drawn as
    a table with its source line and a CSV download (the chart's values as numbers when given, as in the export pack;
    the table's text otherwise). The table is built only when asked for: a data grid for every chart on every run was
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
