"""The reference page built up step by step towards the overview page, for `python -m bench.floor`: FLOOR_STEP names
the last step taken (every earlier one is taken too; bench/floor.py STEPS says what each adds)."""
import os

import plotly.graph_objects as go
import streamlit as st

from bench.floor import CARDS_MARK, DIGITAL_MARKS, FOUR_CHAINS_MARKS, STEPS
from lib.paths import ROOT
from lib.ui import chart_view, i18n, page, state
from lib.ui.i18n import t

STEP_NAME = os.environ.get("FLOOR_STEP", STEPS[0])
STEP = STEPS.index(STEP_NAME)
OVERVIEW = ROOT / "pages" / "overview.py"
FOUR_CHAINS = ROOT / "pages" / "four_chains.py"
DIGITAL = ROOT / "pages" / "digital_services.py"


def taken(step: str) -> bool:
    return STEP >= STEPS.index(step)


def overview(upto: str | None, path=OVERVIEW) -> None:
    """pages/overview.py (or `path`) as app.py runs it, or its code before `upto` only."""
    source = path.read_text(encoding="utf-8")
    if upto and upto not in source:
        raise RuntimeError(f"{path.name} has no line {upto!r}: bench/floor.py CARDS_MARK, FOUR_CHAINS_MARKS and "
                           "DIGITAL_MARKS must name lines of the page")
    with chart_view.page_run(state.get(state.LANG)):
        exec(compile(source.split(upto)[0] if upto else source, str(path), "exec"), {"__name__": "__page__"})


def body() -> None:
    if STEP_NAME in FOUR_CHAINS_MARKS:
        overview(FOUR_CHAINS_MARKS[STEP_NAME], FOUR_CHAINS)
        return
    if STEP_NAME in DIGITAL_MARKS:
        overview(DIGITAL_MARKS[STEP_NAME], DIGITAL)
        return
    if taken("chart"):
        overview(None if taken("cards") else CARDS_MARK)
        return
    lang = state.get(state.LANG)
    ctx = page.PageContext("overview", lang, state.get(state.ECON), False)
    st.set_page_config(page_title="Reference page", layout="wide")
    state.keep_sticky()
    with st.sidebar:  # page._sidebar's controls, one step each
        if taken("lang"):
            st.segmented_control(ctx.t("sidebar.language"), i18n.LANGS, required=True,
                                 format_func=lambda code: ctx.t(f"lang.{code}"), **state.widget_kwargs(state.LANG))
        if taken("econ"):
            st.multiselect(ctx.t("sidebar.economies"), i18n.ECONOMIES, help=ctx.t("sidebar.economies.help"),
                           format_func=lambda code: i18n.economy_short(code, lang), **state.widget_kwargs(state.ECON))
        if taken("toggle"):
            st.toggle(ctx.t("sidebar.present"), help=ctx.t("sidebar.present.help"),
                      **state.widget_kwargs(state.PRESENT))
    if taken("export"):
        page._export_button(ctx)
    if taken("header"):
        st.title(ctx.t("page.overview.title"))
        st.caption(ctx.t("page.overview.subtitle"))
        st.caption(ctx.t("overview.intro"))
    else:
        st.title("Reference page")
    # The reference's synthetic ramp.
    ref = go.Figure(go.Scatter(x=list(range(10)), y=list(range(10)), mode="lines"))
    if taken("head"):
        with chart_view.page_run(lang):
            chart_view.show("ref", page.pd.DataFrame(), source="", lang=lang, filename="ref", present=False,
                            draw=lambda: st.plotly_chart(ref, key="ref"))
    else:
        st.plotly_chart(ref, key="ref")


if taken("nav"):  # as app.py: the overview first, then the other pages by their titles
    lang_ = state.get(state.LANG)
    st.navigation([st.Page(body, title=t("page.overview.title", lang_), url_path="overview", default=True)] + [
        st.Page(str(ROOT / "pages" / f"{page_id}.py"), title=t(f"page.{page_id}.title", lang_), url_path=page_id)
        for page_id in state.PAGES[1:]]).run()
else:
    body()
