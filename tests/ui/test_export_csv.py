"""The export pack's CSVs: every chart of a real page run carries its data table into the pack, with the source line
on every row, readable by Excel (UTF-8 with BOM)."""
from __future__ import annotations

import csv
import io

from tests import helpers as apptest

from lib.ui.export_csv import chart_csvs
from lib.ui.i18n import t


def test_every_chart_of_a_page_gives_its_table_as_csv_with_the_source_on_each_row():
    at = apptest.run_page("pages/rd.py", "zh")
    items = at.session_state["_export_items_rd"]
    assert len(items) == len(at.get("plotly_chart")) > 0
    files = chart_csvs(items)
    assert list(files) == [item.name for item in items]
    for item in items:
        raw = files[item.name]
        assert raw.startswith("\ufeff".encode("utf-8"))
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
        assert len(rows) == len(item.data) > 0
        assert {row[t("chart.source_column", "zh")] for row in rows} == {item.source}
