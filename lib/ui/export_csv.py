"""The export pack's CSV files: each chart's data table as the page offers it, the source line on every row."""
from __future__ import annotations

import pandas as pd

from lib.ui.downloads import csv_bytes


def chart_csvs(items) -> dict[str, bytes]:
    """{chart name: CSV bytes} for every export item that carries its data table (UTF-8 with BOM for Excel)."""
    return {item.name: csv_bytes(item.data, item.source, item.lang) for item in items
            if isinstance(item.data, pd.DataFrame)}
