"""Every table on every page, in Chinese and English, as a person reads it: no None/nan cells, no economy codes,
internal ids, hashes or raw large integers, and a link cell that always says where it leads."""
from __future__ import annotations

import ast
import json
import re

import pytest

from lib.paths import ROOT
from lib.ui import state
from lib.contract import UNITS
from lib.ui.i18n import ECONOMIES, t
from lib.ui.tables import BUDGET, CELL_PAD, LINK_TEXT, text_px
from tests.helpers import run_page



def _sources_tabs() -> tuple[str, ...]:
    """The tabs of pages/sources.py (its TABS), read from the script: a page cannot be imported."""
    tree = ast.parse((ROOT / "pages" / "sources.py").read_text(encoding="utf-8"))
    return next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                and any(getattr(target, "id", "") == "TABS" for target in node.targets))

MISSING = re.compile(r"^(?:None|nan|NaN|<NA>|NaT|null)$|\bNone\b|\bnan\b|<NA>")
INTERNAL_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")  # wdi_2026_07, unicorn_count, cbinsights_2024
HASH = re.compile(r"^[0-9a-f]{16,}$")
RAW_INTEGER = re.compile(r"^-?\d{7,}(?:\.0)?$")  # 220000000000: a value not formatted with its unit
MENTION_IDS = re.compile(r"^\d{3}-\d{4}-\d+(?:\s*,\s*\d{3}-\d{4}-\d+)*$")  # 000-0490-1,001-0047-2
PARAMS = {"explorer": {"q": "5G"}, "documents": {"ind": "fiveg_base_stations"}}


def _names_kept(lang: str) -> set[str]:
    """Columns whose cells are the real names a person types elsewhere: the warehouse views (the download's CSVs)."""
    return {t("sources.col.view", lang)}


def _problems(frame, lang: str) -> list[str]:
    found = []
    link = t("chart.explorer", lang)
    for column in frame.columns:
        if column in _names_kept(lang):
            continue
        if INTERNAL_ID.match(str(column)) or str(column).endswith("_id"):
            found.append(f"internal column name {column!r}")
        for value in frame[column].astype(object):
            text = "" if value is None else str(value)
            if column == link:
                shown = re.search(LINK_TEXT, text)
                if not (text.startswith("./") and shown and shown.group(1)):
                    found.append(f"link cell without text: {text!r}")
                continue
            if value is None or MISSING.search(text):
                found.append(f"{column}: missing value printed as {text!r}")
            elif text in ECONOMIES or (text in UNITS and text != t(f"unit.{text}", lang)):  # "count" is a word
                found.append(f"{column}: code {text!r}")
            elif INTERNAL_ID.match(text) or HASH.match(text) or RAW_INTEGER.match(text) or MENTION_IDS.match(text):
                found.append(f"{column}: internal or raw value {text!r}")
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_id", state.PAGES)
def test_every_table_reads_as_a_person_reads_it(page_id, lang):
    # Sources builds only the tab in its URL (`view`): every tab is opened in turn.
    views = [{"view": view} for view in _sources_tabs()] if page_id == "sources" else [{}]
    frames = []
    for view in views:
        at = run_page(f"pages/{page_id}.py", lang, open_data=True, **PARAMS.get(page_id, {}), **view)
        frames += [df.value for df in at.dataframe] + [tb.value for tb in at.table]
    if page_id not in ("explorer", "documents"):
        assert frames, f"{page_id}: no table shown (else this checks nothing)"
    problems = sorted({p for frame in frames for p in _problems(frame, lang)})
    assert not problems, f"{page_id} {lang}: {problems[:15]}"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_id", ["rd", "unicorns", "digital_services", "four_chains", "documents"])
def test_every_grid_is_sized_for_the_narrowest_column(page_id, lang):
    """Each grid's columns on screen add up to at most tables.BUDGET px (the 1100 px window's column, less a box's
    padding), none is given less than its longest word unless the table has too many columns, and a grid whose
    text is cut to fit gets rows tall enough to wrap (the browser test measures the drawn grids:
    tests/browser/test_tables_fit.py)."""
    at = run_page(f"pages/{page_id}.py", lang, open_data=True, **PARAMS.get(page_id, {}))
    assert at.dataframe, f"{page_id}: no grid shown (else this checks nothing)"
    for grid in at.dataframe:
        config = json.loads(grid.proto.columns or "{}")
        shown = {c: v["width"] for c, v in config.items() if c != "_index" and not v.get("hidden")}
        assert set(shown) <= set(map(str, grid.value.columns)) and all(isinstance(w, int) for w in shown.values())
        assert sum(shown.values()) <= BUDGET, f"{page_id} {lang}: {shown}"
        frame = grid.value.astype(str)
        natural = {c: max(text_px(v) for v in frame[c]) + CELL_PAD for c in shown if c in frame}
        if any(shown[c] < natural[c] for c in natural):  # a cell is narrower than its text: it wraps
            assert grid.proto.row_height > 64, f"{page_id} {lang}: cut without wrapping: {shown}"
