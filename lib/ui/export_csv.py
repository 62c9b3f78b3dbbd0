"""The export pack's CSV files: each chart's values as numbers (not the rounded text on screen), one row per value
with its economy, year, unit and source in columns of their own; a chart without such values gives its data table."""
from __future__ import annotations

import pandas as pd

from lib.ui.downloads import csv_bytes, frame_csv
from lib.ui.i18n import economy_or_code, has, t, unit_label

# The columns of a chart's values written to its CSV, in this order, each under export.col.<name>: what the value
# is (economy, series, company, indicator, year or period), the number and its unit, and where it comes from.
COLUMNS = ("economy", "economy_code", "series", "definition", "company", "entity", "indicator_id", "year", "period",
           "value", "value_high", "unit", "location", "line_no", "quote", "source")
# Wide frames (the scorecard, the overview's standing) hold one value column per economy: value_chn, value_usa, ...
WIDE = ("CHN", "USA", "EUU", "WLD")


def _long(values: pd.DataFrame) -> pd.DataFrame:
    """One row per economy and value: a wide frame's value_<code> columns stacked into economy and value."""
    wide = [c for c in (f"value_{code.lower()}" for code in WIDE) if c in values]
    if "value" in values or not wide:
        return values
    keep = [c for c in values.columns if not c.startswith(("value_", "raw_", "ratio_", "hover_"))]
    long = values[keep + wide].melt(id_vars=keep, value_vars=wide, var_name="economy", value_name="value")
    long["economy"] = long["economy"].str.removeprefix("value_").str.upper()
    return long.dropna(subset=["value"])


def values_frame(values: pd.DataFrame, source: str, lang: str) -> pd.DataFrame:
    """A chart's values as the pack's CSV holds them: raw numbers in base units (7.15e10, not 715亿美元), the unit
    named in words, economies by name (and code), a document's figure with its file location, line and quote, and
    every row's source (its own where the data carry one, else the chart's source line)."""
    out = _long(values).copy()
    if "economy" in out:
        codes = out["economy"]
        out["economy"] = [economy_or_code(c, lang) for c in codes]
        out["economy_code"] = codes
    if "unit" in out:
        out["unit"] = [unit_label(u, lang) if isinstance(u, str) and has(f"unit.{u}") else u for u in out["unit"]]
    own = out["source"] if "source" in out else pd.Series([None] * len(out), index=out.index)
    out["source"] = [s if isinstance(s, str) and s else source for s in own]
    kept = [c for c in COLUMNS if c in out]
    return out[kept].rename(columns={c: t(f"export.col.{c}", lang) for c in kept}).reset_index(drop=True)


def chart_csv(values, data: pd.DataFrame, source: str, lang: str) -> bytes:
    """One chart's CSV, the same from the export pack and from its own Download CSV button: its values as numbers
    when the chart passed them, else its data table (UTF-8 with BOM for Excel)."""
    if isinstance(values, pd.DataFrame):
        return frame_csv(values_frame(values, source, lang))
    return csv_bytes(data, source, lang)


def chart_csvs(items) -> dict[str, bytes]:
    """{chart name: CSV bytes} for every export item with values or a data table."""
    return {item.name: chart_csv(item.values, item.data, item.source, item.lang) for item in items
            if isinstance(item.values, pd.DataFrame) or isinstance(item.data, pd.DataFrame)}
