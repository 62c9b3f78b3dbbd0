"""Tables a person reads: chosen columns under headers in the page language, economy names instead of codes,
values formatted with their unit, blanks instead of None, no internal ids (a mention_id stays: it becomes a link)."""
from __future__ import annotations

import pandas as pd

from lib.ui.i18n import economy_name, format_value, has


def readable(frame: pd.DataFrame, lang: str, headers: dict[str, str], *, units: dict[str, str] | None = None,
             economies: tuple[str, ...] = ("economy",)) -> pd.DataFrame:
    """`frame`'s columns named in `headers` (in that order, missing ones skipped), renamed to the headers.

    units: column -> unit to format it in (`USD`, `percent`, ...) or the name of a column holding each row's unit.
    economies: columns of economy codes, shown as names. Empty cells are blank, whole numbers stay whole."""
    out = frame.copy()
    for column, unit in (units or {}).items():
        if column in out:
            row_units = out[unit] if unit in out else [unit] * len(out)
            out[column] = [format_value(v, u, lang) if pd.notna(v) else "" for v, u in zip(out[column], row_units)]
    for column in economies:
        if column in out:
            # Codes outside the house vocabulary (the lists' AUS, SGP, ...) stay codes: the country column names them.
            out[column] = [economy_name(c, lang) if isinstance(c, str) and has(f"economy.{c}") else c or ""
                           for c in out[column]]
    kept = [c for c in headers if c in out]
    out = out[kept].rename(columns={c: headers[c] for c in kept if c != "mention_id"})
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column]) and out[column].isna().any():
            # A blank, not "None" or "<NA>": the numbers of the other rows are shown as text beside it.
            whole = out[column].dropna().mod(1).eq(0).all()
            out[column] = [("" if pd.isna(v) else str(int(v)) if whole else str(v)) for v in out[column]]
        elif pd.api.types.is_float_dtype(out[column]) and out[column].mod(1).eq(0).all():
            out[column] = out[column].astype("Int64")
        elif pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = [v.strftime("%Y-%m-%d") if pd.notna(v) else "" for v in out[column]]
        elif not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].astype(object).where(out[column].notna(), "")
    return out
