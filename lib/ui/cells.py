"""Cells fit for a spreadsheet: text that Excel or LibreOffice would evaluate as a formula is made inert (OWASP).

Every CSV and Excel file a user downloads passes its frame through `safe_cells` where the file is written: a company
name or a document sentence such as `=HYPERLINK("http://…","x")` must reach the spreadsheet as text, never as a
live formula."""
from __future__ import annotations

import re

import pandas as pd

# OWASP "CSV injection": a cell starting with one of these is read as a formula (or a DDE call) by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A signed plain number written as text ("-12.5", "+3e6") stays as it is: a spreadsheet reads it as that number.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_text(value: str) -> str:
    """`value`, with a leading apostrophe when a spreadsheet would otherwise evaluate it."""
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _safe_cell(value):
    return safe_text(value) if isinstance(value, str) else value


def safe_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells and column names cannot become formulas; numbers, booleans, dates and
    missing values keep their type and value."""
    out = frame.rename(columns=_safe_cell)
    for position, column in enumerate(out.columns):
        series = out.iloc[:, position]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_datetime64_any_dtype(series):
            continue
        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(object)
        out.isetitem(position, series.map(_safe_cell))
    return out
