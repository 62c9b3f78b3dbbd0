"""Entry point (`streamlit run app.py`): builds the warehouse when it is missing or stale, then runs the chosen page."""
import os
import threading

import streamlit as st

from lib.ui import chart_view, state
from lib.ui.page import require_strings
from lib.errors import BuildError, WarehouseError, without_paths
from lib.ui.i18n import t
from lib.queries import check_warehouse

from lib.paths import build_inputs, warehouse_path
from lib.warehouse import owner
from lib.warehouse.fresh import is_stale


@st.cache_resource(show_spinner=False)
def _build_lock() -> threading.Lock:
    # One build at a time for the whole server, however many browser sessions start together.
    return threading.Lock()


@st.cache_resource(show_spinner=False)
def _verified() -> set:
    # Signatures (see _signature) of warehouse and inputs found fresh, ours and usable by this server process.
    return set()


def _signature(path) -> tuple | None:
    """Inode, size, modification and change time of the warehouse and of every build input: a new session whose
    files all match a verified signature skips the check, which opens the file twice and hashes every input (about
    170 ms, most of a first page view's server time). A rebuilt, replaced or edited file changes its ctime at least."""
    try:
        return tuple((str(f), s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns)
                     for f in (path, *build_inputs()) for s in (os.stat(f),))
    except OSError:
        return None


def _usable() -> bool:
    try:
        check_warehouse()  # also catches what is_stale cannot see: a truncated file, a dropped view
    except WarehouseError:
        return False
    return True


def _show_warehouse_error(exc: WarehouseError, lang: str) -> None:
    st.error(f"**{t('warehouse.problem', lang)}**  \n{t(f'warehouse.{exc.reason}', lang, **exc.values)}")
    st.code(exc.command, language="bash")
    st.stop()


def _left_alone(path, reason: str, values: dict, lang: str) -> None:
    """A page saying which file was not touched and why; the pages do not run (they would read that file)."""
    st.error(f"**{t('owner.problem', lang)}**  \n{t(f'owner.{reason}', lang, **values)}")
    st.markdown(t("owner.fix", lang))
    st.code(without_paths(str(path)), language=None)
    st.stop()


def _show_build_failure(exc: Exception, lang: str) -> None:
    """Every kind of build failure on one pattern: what failed, the located problems (or the error), what to do."""
    st.error(t("build.failed", lang))
    text = str(exc) if isinstance(exc, BuildError) else f"{type(exc).__name__}: {exc}"
    st.code(without_paths(text), language=None, wrap_lines=True)
    if not _usable():  # no earlier build to fall back on
        st.markdown(t("build.failed.fix", lang))
        st.code("python -m lib.build", language="bash")
        st.stop()
    st.warning(t("build.failed.old", lang))


def _ensure_warehouse(lang: str) -> None:
    """Build the warehouse once per session if it is missing, unusable or older than its inputs; explain a
    failed build. A file the build did not write is never replaced."""
    if st.session_state.get("_warehouse_checked"):
        return
    try:
        path = warehouse_path()
    except WarehouseError as exc:
        _show_warehouse_error(exc, lang)
    before = _signature(path)
    if before is not None and before in _verified():
        st.session_state["_warehouse_checked"] = True
        return
    with _build_lock():
        # Before anything opens the file: a device or a pipe must not even be read.
        refused = owner.refusal(path)
        if refused:
            _left_alone(path, *refused, lang)
        built = fresh = True
        if is_stale(path) or not _usable():
            from lib.warehouse import build  # the build's code only when it runs (about 8 MB)

            try:
                with st.spinner(t("build.running", lang)):
                    build.build(path)
            except Exception as exc:  # noqa: BLE001 - a build bug must still reach the page in the same form
                fresh = False
                _show_build_failure(exc, lang)
        else:
            built = False
        after = _signature(path)
        if fresh and after is not None and (built or after == before):  # nothing changed while it was checked
            _verified().add(after)
    st.session_state["_warehouse_checked"] = True


require_strings()
lang = state.get(state.LANG)
# Navigation first: if the build below fails, the sidebar still lists the pages by their titles.
navigation = st.navigation([
    st.Page(f"pages/{page_id}.py", title=t(f"page.{page_id}.title", lang), url_path=page_id, default=i == 0)
    for i, page_id in enumerate(state.PAGES)
])
st.set_page_config(page_title=t("app.title", lang), layout="wide")
_ensure_warehouse(lang)
with chart_view.page_run(lang):  # then notes the URL's ?table= entries that name no chart here
    navigation.run()
