"""Entry point (`streamlit run app.py`): builds the warehouse when it is missing or stale, then runs the chosen page."""
import threading

import streamlit as st

from lib.ui import state
from lib.ui.page import require_strings
from lib.errors import BuildError, WarehouseError, without_paths
from lib.ui.i18n import t
from lib.queries import check_warehouse

from lib.warehouse import build


@st.cache_resource(show_spinner=False)
def _build_lock() -> threading.Lock:
    # One build at a time for the whole server, however many browser sessions start together.
    return threading.Lock()


def _usable() -> bool:
    try:
        check_warehouse()  # also catches what is_stale cannot see: a truncated file, a dropped view
    except WarehouseError:
        return False
    return True


def _ensure_warehouse(lang: str) -> None:
    """Build the warehouse once per session if it is missing, unusable or older than its inputs; explain a
    failed build."""
    if st.session_state.get("_warehouse_checked"):
        return
    with _build_lock():
        if build.is_stale() or not _usable():
            try:
                with st.spinner(t("build.running", lang)):
                    build.build()
            except BuildError as exc:
                st.error(t("build.failed", lang))
                st.code(without_paths(str(exc)), language=None, wrap_lines=True)
                if not _usable():  # no earlier build to fall back on
                    st.markdown(t("build.failed.fix", lang))
                    st.code("python -m lib.build", language="bash")
                    st.stop()
                st.warning(t("build.failed.old", lang))
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
navigation.run()
