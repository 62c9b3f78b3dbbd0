"""The page frame every page calls first (config, shared sidebar, title, warehouse check) and `chart` to show a figure."""
from __future__ import annotations

import contextlib
import dis
import functools
import hashlib
import json
import os
import threading
import types
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.ui import chart_view, figures, i18n, state, tables
from lib.errors import WarehouseError
from lib.paths import DATA_DIR
from lib.queries import check_warehouse

# Presentation mode shows the page title and the charts (each with its source line inside the figure) only: no
# sidebar, header, toolbar or menus, none of the pages' own inputs (their values still come from the URL, so the
# charts are those of the same link without `present`), and no cards, text, tables or captions, on every page.
# Streamlit's data-testid of every input widget; segmented controls and pills are stButtonGroup, toggles stCheckbox.
PRESENTATION_HIDDEN_INPUTS = (
    "stSlider", "stButtonGroup", "stSelectbox", "stMultiSelect", "stTextInput", "stTextArea", "stNumberInput",
    "stDateInput", "stTimeInput", "stCheckbox", "stRadio", "stColorPicker", "stFileUploader", "stCameraInput",
    "stAudioInput", "stChatInput", "stDownloadButton", "stButton", "stFormSubmitButton",
)
PRESENT_EXIT_KEY = "_present_exit"  # the one button left, to get out of presentation mode
MORE = state.identifiers("more")  # the sections of secondary charts opened on this page (`more`), in the URL
_UNDRAWN = "_page_undrawn"  # session key: set while a closed section's charts run (registered, not drawn)


def _presentation_css() -> str:
    inputs = [f'[data-testid="{testid}"]' for testid in PRESENTATION_HIDDEN_INPUTS]
    # Hide the element's container too, or its empty slot keeps the page's spacing; the exit button stays.
    hidden = ",\n".join(f'[data-testid="stElementContainer"]:has({w}):not(.st-key-{PRESENT_EXIT_KEY}), '
                         f'[data-testid="stElementContainer"]:not(.st-key-{PRESENT_EXIT_KEY}) {w}' for w in inputs)
    # Everything in the page body that holds no chart goes: an element (text, card, table, caption, input) unless it
    # is the title or the exit button, and a layout block (columns, bordered cards, expander, tabs) unless a chart
    # is inside it. A chart's anchor stays (it takes no room), so a link still lands on the chart.
    chart = '[data-testid="stPlotlyChart"]'
    anchor = f'.{chart_view.HEAD_CLASS}'
    return f"""<style>
[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stStatusWidget"], [data-testid="stMainMenu"] {{display: none !important;}}
{hidden} {{display: none !important;}}
[data-testid="stMain"] [data-testid="stElementContainer"]:not(:has({chart})):not(:has(h1)):not(.st-key-{PRESENT_EXIT_KEY}):not(:has({anchor})),
[data-testid="stMain"] [data-testid="stLayoutWrapper"]:not(:has({chart})):not(:has({anchor})),
[data-testid="stMain"] [data-testid="stTabs"]:not(:has({chart})),
[data-testid="stMain"] [data-testid="stExpander"]:not(:has({chart})) {{display: none !important;}}
[data-testid="stMainBlockContainer"] {{padding-top: 1.5rem;}}
.st-key-{PRESENT_EXIT_KEY} {{position: fixed; top: 0.4rem; right: 1rem; z-index: 100; width: auto !important;
  opacity: 0.35;}}
.st-key-{PRESENT_EXIT_KEY}:hover {{opacity: 1;}}
@media print {{.st-key-{PRESENT_EXIT_KEY} {{display: none !important;}}}}
</style>"""


@dataclass(frozen=True)
class PageContext:
    """What a page needs from the frame: its id, the language and the selections shared by all pages."""

    page_id: str
    lang: str
    economies: tuple[str, ...]
    present: bool

    def t(self, key: str, **fmt) -> str:
        return i18n.t(key, self.lang, **fmt)


def setup(page_id: str, *, needs_warehouse: bool = True) -> PageContext:
    """Configure the page, render the shared sidebar (or hide it in presentation mode), show the page title and
    stop with a clear message if the warehouse is missing, corrupt or outdated."""
    require_strings()
    _leave_pages_folder_mode()
    ctx = PageContext(page_id, state.get(state.LANG), state.get(state.ECON), state.get(state.PRESENT))
    st.set_page_config(page_title=f"{ctx.t(f'page.{page_id}.title')} · {ctx.t('app.title')}", layout="wide",
                       initial_sidebar_state="collapsed" if ctx.present else "auto")
    state.keep_sticky()  # a page switch clears the URL; put the session's language and selections back
    st.session_state[_SECTIONS] = []  # this run's sections of secondary charts (`more`)
    if ctx.present:
        st.html(_presentation_css())
        st.button(ctx.t("sidebar.present.exit"), type="tertiary", on_click=state.set, args=(state.PRESENT, False),
                  key=PRESENT_EXIT_KEY)
        st.session_state["_export_current"] = ""  # no export button, so nothing to register
    else:
        _sidebar(ctx)
        _export_button(ctx)
    st.title(ctx.t(f"page.{page_id}.title"))
    st.caption(ctx.t(f"page.{page_id}.subtitle"))
    if needs_warehouse:
        _require_warehouse(ctx)
    return ctx


def require_strings() -> None:
    """Stop with the file and line of a broken data/i18n/*.yaml instead of Streamlit's redacted error."""
    try:
        i18n.check()
    except ValueError as exc:
        st.error(f"data/i18n/{exc}")
        st.stop()


def _leave_pages_folder_mode() -> None:
    """Rerun through app.py when Streamlit ran this page as an old-style `pages/` folder page.

    Because a `pages/` folder sits next to app.py, a fresh server starts in Streamlit's folder mode: until some run
    has called st.navigation, a deep link such as /rd runs pages/rd.py directly, skipping app.py, and the sidebar lists
    the file names ("app", "rd", ...) instead of the translated titles. Streamlit keeps that mode in a process-wide
    flag that its own st.navigation clears; clear it here and rerun, so this run and every later one go through app.py.
    The rerun keeps the page: folder mode and app.py derive the page's id from the same url_path."""
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def _sidebar(ctx: PageContext) -> None:
    with st.sidebar:
        st.segmented_control(ctx.t("sidebar.language"), i18n.LANGS, required=True,
                             format_func=lambda lang: ctx.t(f"lang.{lang}"), **state.widget_kwargs(state.LANG))
        # Short names (EU-27): a chip of the 300 px sidebar cuts "European Union (EU-27)"; the help gives it in full.
        st.multiselect(ctx.t("sidebar.economies"), i18n.ECONOMIES, help=ctx.t("sidebar.economies.help"),
                       format_func=lambda code: i18n.economy_short(code, ctx.lang), **state.widget_kwargs(state.ECON))
        st.toggle(ctx.t("sidebar.present"), help=ctx.t("sidebar.present.help"), **state.widget_kwargs(state.PRESENT))


def _export_button(ctx: PageContext) -> None:
    """The sidebar's export-pack button. Charts register themselves as they are drawn (see `chart`); a click
    reruns the page, and the pack is built from the charts of the previous, complete run of this page, so Kaleido
    only starts on click, never at page load."""
    key = f"_export_items_{ctx.page_id}"
    previous = st.session_state.get(key, [])
    st.session_state[key] = []
    st.session_state["_export_current"] = key
    with st.sidebar:
        if not st.button(i18n.t("export.button", ctx.lang), icon=":material/folder_zip:", key="_export_pack"):
            return
        from lib.ui import export  # python-pptx and Kaleido load only when someone exports

        if not previous:
            st.info(i18n.t("export.empty", ctx.lang))
            return
        queue = st.empty()  # one image export at a time per server: say how many are ahead while this one waits
        try:
            with st.spinner(i18n.t("export.running", ctx.lang)):
                data = export.pack(previous, ctx.page_id,
                                   lambda ahead: queue.info(i18n.t("export.waiting", ctx.lang, n=ahead)))
        except export.ExportUnavailable as exc:
            st.error(f"{i18n.t('export.unavailable', ctx.lang)}  \n{exc}")
            return
        except export.ExportFailed as exc:
            queue.empty()
            st.error(f"{i18n.t('export.failed', ctx.lang)}  \n{exc}")
            return
        queue.empty()
        st.download_button(i18n.t("export.download", ctx.lang), data=data, file_name=f"{ctx.page_id}.zip",
                           mime="application/zip", on_click="ignore", icon=":material/download:")


def file_uploader(label: str, *, key: str, browse: str, instructions: str, **kwargs):
    """st.file_uploader whose button and drop-zone line say `browse` and `instructions` (the page's language)
    instead of Streamlit's English "Upload" and "50MB per file • TXT, ...": Streamlit 1.67 has no parameter or
    locale for them (streamlit/streamlit#13500). The English text is drawn at size 0 and ours after it, by the
    uploader's own data-testids; should a later Streamlit change those, the English shows again and
    tests/browser/test_documents_upload.py fails."""
    def css_text(text: str) -> str:  # a CSS string: no quote, backslash or line break can end it early
        return text.replace("\\", " ").replace("<", " ").replace('"', "\u201d").replace("\n", " ")

    zone = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    button, hint = f'{zone} button [data-testid="stMarkdownContainer"] p', \
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span'
    st.html(f"""<style>
{button}, {hint} {{font-size: 0;}}
{button}::after {{content: "{css_text(browse)}"; font-size: 14px;}}
{hint}::after {{content: "{css_text(instructions)}"; font-size: 14px;}}
</style>""")
    return st.file_uploader(label, key=key, **kwargs)


def text_notice(param: state.Param, lang: str) -> None:
    """Under a search box: say what was removed from or cut off the search text (from the URL or as typed)."""
    changes = state.text_changes(param)
    if changes:
        st.info(" ".join(i18n.t(f"search.{change}", lang, n=param.max_len) for change in changes),
                icon=":material/edit_note:")


def warehouse_version() -> tuple[str, int, int]:
    """The warehouse file as configured, its inode and modification time: a rebuild (which replaces the file)
    changes them. One stat, following links; lib.paths.warehouse_path resolves every link (four lstat calls, about
    a millisecond here) and is called where the file is opened, not on every section of every rerun."""
    configured = os.path.expanduser(os.environ.get("INDICATORS_DB") or str(DATA_DIR / "warehouse.duckdb"))
    try:
        found = os.stat(configured)
    except OSError:  # missing, or a symlink loop: check_warehouse says what is wrong
        return configured, 0, 0
    return configured, found.st_ino, found.st_mtime_ns


@st.cache_resource(show_spinner=False)
def _memo_store() -> dict:
    # The memoised sections (see `memo`) of this process, by builder: a Streamlit resource, so "Clear cache" and
    # st.cache_resource.clear() clear them with the rest.
    return {}


def _run_state() -> tuple[tuple[str, int, int], dict]:
    """(warehouse_version(), _memo_store()) once per script run (a rerun or a fragment's run), not once per memoised
    section: a stat releases the GIL, and getting it back while other sessions run costs up to a switch interval
    (5 ms); a cached resource's lookup costs hashing."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    run = getattr(ctx, "parallel_coordinator", None)  # a new object at the start of every run
    if run is None:
        return warehouse_version(), _memo_store()
    seen = getattr(ctx, "_page_run_state", None)
    if seen is not None and seen[0] is run:
        return seen[1]
    state_ = (warehouse_version(), _memo_store())
    ctx._page_run_state = (run, state_)
    return state_


_CHECKED: set[tuple[str, int, int]] = set()  # warehouse versions that passed check_warehouse in this process


def _require_warehouse(ctx: PageContext) -> None:
    version = _run_state()[0]
    if version in _CHECKED:  # the views of a file version do not change; only a new file needs checking again
        return
    try:
        check_warehouse()
        if version[2]:
            _CHECKED.add(version)
    except WarehouseError as exc:
        st.error(f"**{ctx.t('warehouse.problem')}**  \n{ctx.t(f'warehouse.{exc.reason}', **exc.values)}")
        st.markdown(ctx.t("warehouse.fix"))
        st.code(exc.command, language="bash")
        st.stop()


_PER_RUN = (str, int, float, bool, tuple, frozenset, type(None))  # values a builder may take as arguments


def _run_specific_globals(fn: Callable) -> list[str]:
    """Names of module globals `fn` reads whose values may differ between runs of its page (a page script runs
    afresh each time: `lang`, `ctx`, `t = ctx.t`, a frame). A memoised builder must take those as arguments.
    Modules, classes, plain functions and UPPER_CASE constants are the same on every run."""
    codes, names = [fn.__code__], set()
    while codes:
        code = codes.pop()
        names.update(i.argval for i in dis.get_instructions(code) if i.opname in ("LOAD_GLOBAL", "LOAD_NAME"))
        codes.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
    bad = []
    for name in sorted(names & set(fn.__globals__)):
        value = fn.__globals__[name]
        if name.isupper() or isinstance(value, (types.ModuleType, type)):
            continue
        if isinstance(value, types.FunctionType) and value.__name__ != "<lambda>":
            continue
        bad.append(name)
    return bad


_MEMO_LOCK = threading.Lock()
_CHECKED_CODE: set[tuple] = set()  # builders whose globals were checked (see _run_specific_globals)


def memo(fn: Callable | None = None, *, maxsize: int = 64) -> Callable:
    """Memoise a page section's builder: the queries, reshaping, figures and readable tables of one section, as a
    function of plain values (language, economies, the section's URL state) returning what the page then shows.

    A page script runs from the top on every rerun, and its sections' pandas work and table formatting were most
    of a warm run. The key is the builder (file, name, code), its arguments and the warehouse file version, so a
    rebuild recomputes; a page's new run finds the entries of the previous one although its functions are new
    objects. Results are shared between sessions: callers must not change them. Arguments must be str, numbers,
    bools, tuples or None, and the builder may read no per-run global (checked: TypeError names it)."""
    if fn is None:
        return functools.partial(memo, maxsize=maxsize)
    code = fn.__code__
    identity = (code.co_filename, fn.__qualname__, hashlib.blake2b(code.co_code, digest_size=8).digest())
    if identity not in _CHECKED_CODE:  # first sight of this code: check it once
        bad = _run_specific_globals(fn)
        if bad:
            raise TypeError(f"{code.co_filename}: {fn.__qualname__} reads {', '.join(bad)} from its page's run; "
                            "pass them as arguments so the memo key holds them")
        _CHECKED_CODE.add(identity)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        for value in (*args, *kwargs.values()):
            if not isinstance(value, _PER_RUN):
                raise TypeError(f"{fn.__qualname__}: argument {value!r:.60} is a {type(value).__name__}; a memoised "
                                "builder takes plain values (str, numbers, bools, tuples, None)")
        version, store = _run_state()
        key = (version, args, tuple(sorted(kwargs.items())))
        with _MEMO_LOCK:
            cache = store.setdefault(identity, OrderedDict())
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        value = fn(*args, **kwargs)
        with _MEMO_LOCK:
            cache[key] = value
            while len(cache) > maxsize:
                cache.popitem(last=False)
        return value
    return wrapper


def arrow(frame: pd.DataFrame):
    """`frame` as the Arrow table st.dataframe would make of it (same conversion, same bytes on the wire): a
    memoised builder returns this, so a rerun does not convert the same frame again (5 ms for 200 rows)."""
    from streamlit import dataframe_util

    return dataframe_util.convert_pandas_df_to_arrow_table(frame)


def show(blocks: Iterable[tuple[str, object]]) -> None:
    """Draw what a memoised builder returned, in order: ("chart", `chart`'s keyword arguments), ("table", `table`'s
    keyword arguments) or (the name of a Streamlit text element such as "caption", "info" or
    "warning", its text)."""
    for kind, what in blocks:
        if kind == "chart":
            chart(**what)
        elif kind == "table":
            table(**what)
        else:
            getattr(st, kind)(what)


def table(data: pd.DataFrame, lang: str, **kwargs) -> None:
    """A table a person reads, with links to the fact explorer (lib/ui/tables.py `show`). In a closed `more` no grid,
    only the anchor of a keyed table of statements, so a link to one of them still lands (and opens the section)."""
    if st.session_state.get(_UNDRAWN):
        key = kwargs.get("key")
        if key and "mention_id" in data.columns:
            chart_view.anchor_only(str(key), data, chart=False)
        return
    tables.show(data, lang, **kwargs)


MORE_ALL = "all"  # ?more=all opens every section (a whole page at once, e.g. for a screenshot)
_SECTIONS = "_page_more_sections"  # session key: the sections of the page's last run, in order


def _more_toggled(name: str, key: str) -> None:
    """A section was opened or closed: put it into the URL (`more`), so the address reproduces it."""
    given = state.get(MORE)
    opened = st.session_state.get(_SECTIONS, []) if MORE_ALL in given else given
    state.set(MORE, tuple([n for n in opened if n != name] + [name] * bool(st.session_state.get(key))))


def open_more(name: str) -> None:
    """Open the section `name` (page.more) from a callback, e.g. when the reader chooses what it lists: into the
    URL's `more`, as opening it by hand would."""
    given = state.get(MORE)
    if name not in given and MORE_ALL not in given:
        state.set(MORE, (*given, name))


@contextlib.contextmanager
def more(name: str, label: str, *, icon: str = ":material/bar_chart:", opened: bool = False) -> Iterator[bool]:
    """A section of secondary charts below the first screen, drawn only when the reader opens it: an expander
    whose state lives in the URL (`?more=name,...`, so a copied link reopens it). Yields whether it is open.

    Closed, the charts inside still run: `chart` registers each for the export pack and leaves its anchor (a link
    to it opens the section, lib/ui/chart_view.py), but sends no figure, and `table` sends no grid. Each Plotly
    chart costs the browser about 0.1-0.25 s of a reference page's CPU to draw (`bench.trace`), most of it for
    charts nobody has scrolled to yet. In presentation mode every section is open and drawn as a plain container.
    opened: open whatever the URL's `more` says (a section whose own input in the URL asks for it, such as a search).
    Text outside `chart` and `table` is still sent when closed (hidden in the expander): guard costly parts with the
    yielded flag."""
    if state.get(state.PRESENT):
        with st.container():
            yield True
        return
    opened = opened or name in state.get(MORE) or MORE_ALL in state.get(MORE)
    seen = st.session_state.setdefault(_SECTIONS, [])
    if name not in seen:
        seen.append(name)
    key = f"_more_{name}"
    st.session_state[key] = opened  # the URL drives the expander, as state.widget_kwargs does for widgets
    with st.expander(label, key=key, on_change=_more_toggled, args=(name, key), icon=icon):
        if opened:
            yield True
            return
        st.session_state[_UNDRAWN] = True
        try:
            yield False
        finally:
            st.session_state.pop(_UNDRAWN, None)


def _ids(given: Iterable[str], data: pd.DataFrame, column: str) -> tuple[str, ...]:
    found = data[column].dropna().astype(str).tolist() if column in data else []
    return tuple(dict.fromkeys([*(str(i) for i in given if isinstance(i, str) and i), *found]))


def plotly_chart(fig: go.Figure, *, config: dict, key: str, width: str = "stretch") -> None:
    """st.plotly_chart(fig, theme=None) without serialising the figure again on every rerun.

    st.plotly_chart copies the whole figure (to_dict) and encodes it to JSON on every call: a fifth of a page's
    server time. Figures from the builders are shared between reruns and sessions (`figures.shared`), so their
    JSON is made once (`figures.spec_json`) and this sends it in the same element st.plotly_chart would build. If
    this Streamlit's internals differ from 1.67's, it falls back to st.plotly_chart."""
    try:
        from streamlit.elements.lib.form_utils import current_form_id
        from streamlit.elements.lib.layout_utils import LayoutConfig
        from streamlit.elements.lib.utils import compute_and_register_element_id
        from streamlit.proto.PlotlyChart_pb2 import PlotlyChart
    except ImportError:  # pragma: no cover - another Streamlit version
        st.plotly_chart(fig, config=config, theme=None, key=key, width=width)
        return
    dg = st._main  # what st.plotly_chart is bound to; _enqueue writes into the active `with` container
    proto = PlotlyChart(theme="", form_id=current_form_id(dg), spec=figures.spec_json(fig), config=json.dumps(config))
    # The same identity st.plotly_chart computes, so a changed figure remounts and an unchanged one is kept.
    proto.id = compute_and_register_element_id("plotly_chart", user_key=key, key_as_main_identity=False, dg=dg,
                                               plotly_spec=proto.spec, plotly_config=proto.config,
                                               selection_mode=("points", "box", "lasso"), is_selection_activated=False,
                                               theme=None, width=width, height="content", alt=None)
    if width == "content":  # the figure's own width, as st.plotly_chart resolves it (700 px: Plotly's default)
        width = int(fig.layout.width or 700)
    dg._enqueue("plotly_chart", proto, layout_config=LayoutConfig(width=width, height=int(fig.layout.height or 450)))


def chart(fig: go.Figure, data: pd.DataFrame, *, name: str, source: str, lang: str, indicators: Iterable[str] = (),
          sources: Iterable[str] = (), notes: str = "", values: pd.DataFrame | None = None) -> None:
    """Show a styled figure with the export config, and one click away the exact data drawn plus a CSV download.

    name: a stable id of the chart on its page (e.g. "rd_intensity"); it names the PNG and CSV files.
    indicators, sources: ids of the indicators and datasets drawn, whose definitions the export pack writes into the
    slide notes; columns named indicator_id and source_id in `data` count too. notes: how the chart's numbers were
    made, for the slide notes of a chart that no indicator defines (e.g. counts of classified sentences).
    values: the numbers drawn (economy, year, value, unit, ... as the figure builder read them), which the export
    pack writes as the chart's CSV instead of the rounded text of `data`.
    """
    filename = figures.export_name(name, data, lang)
    pack_key = st.session_state.get("_export_current")  # "" or absent: no export pack on this run
    items = st.session_state.get(pack_key) if pack_key else None
    if items is not None:  # registered for the export pack; rendered only when someone asks for it
        from lib.ui.export import Item

        items.append(Item(filename, fig, source, lang, _ids(indicators, data, "indicator_id"),
                          _ids(sources, data, "source_id"), notes, data, values,
                          chart_view.link_here(name, absolute=True)))
    if st.session_state.get(_UNDRAWN):  # in a closed `more`: the anchor only, so a link still finds the chart
        chart_view.anchor_only(name, data)
        return
    present = state.get(state.PRESENT)
    # The chart's anchor and Chart/Table switch (its view in the URL), then the figure or its data table.
    chart_view.show(name, data, source=source, lang=lang, filename=filename, present=present, values=values,
                    draw=lambda: plotly_chart(fig, config=figures.plotly_config(filename), key=f"chart_{name}",
                                              width="content" if present else "stretch"))
