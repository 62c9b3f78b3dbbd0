"""The export pack's CSVs: every chart of a real page run gives a CSV of the numbers it draws (raw values in base
units, not the rounded text on screen) with economy, year, unit and source in columns of their own, readable by Excel
(UTF-8 with BOM); a value read back from the CSV equals the warehouse's."""
from __future__ import annotations

import csv
import io

import pytest

from tests import helpers as apptest

from lib.ui import export
from lib.ui.export_csv import chart_csvs
from lib.ui.i18n import economy_name, t, unit_label


@pytest.fixture(scope="module")
def rd_zh():
    at = apptest.run_page("pages/rd.py", "zh")
    return at, at.session_state["_export_items_rd"]


def rows_of(raw: bytes) -> list[dict]:
    assert raw.startswith("\ufeff".encode("utf-8"))
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def col(name: str) -> str:
    return t(f"export.col.{name}", "zh")


def test_every_chart_of_a_page_gives_its_values_as_csv_with_a_source_on_each_row(rd_zh):
    at, items = rd_zh
    assert len(items) == len(at.get("plotly_chart")) > 0
    files = chart_csvs(items)
    assert list(files) == [item.name for item in items]
    for item in items:
        rows = rows_of(files[item.name])
        assert rows and all(row[col("source")] for row in rows)
        assert {col("economy"), col("year"), col("value"), col("unit")} <= set(rows[0])
        for row in rows:
            float(row[col("value")])  # a number, never 2.6% or 9154.6亿国际元


def test_a_dataset_value_read_from_the_pack_equals_the_warehouse(rd_zh, db):
    _, items = rd_zh
    item = next(i for i in items if i.name.startswith("rd_intensity"))
    rows = rows_of(chart_csvs([item])[item.name])
    china = [r for r in rows if r[col("economy")] == economy_name("CHN", "zh")]
    latest = max(china, key=lambda r: int(r[col("year")]))
    stored = db.execute("SELECT value, unit, source_id FROM observations WHERE indicator_id = ? AND economy = 'CHN' "
                        "AND year = ?", [latest[col("indicator_id")], int(latest[col("year")])]).fetchone()
    assert float(latest[col("value")]) == pytest.approx(stored[0], rel=1e-12)  # unrounded: 2.5772…, not 2.6
    assert latest[col("unit")] == unit_label(stored[1], "zh") and latest[col("economy_code")] == "CHN"
    assert latest[col("source")] == item.source


def test_a_document_figure_in_the_pack_is_the_number_the_seed_line_prints(rd_zh, db, seed_lines):
    """Seed 000 line 571: 平均引用率为44.99 … 31.88: the CSV holds 44.99 and 31.88 with file location, line and quote,
    and the slide notes name the file."""
    _, items = rd_zh
    item = next(i for i in items if i.name.startswith("rd_doc_ai_paper_citation_rate"))
    rows = rows_of(chart_csvs([item])[item.name])
    stated = db.execute("""SELECT o.economy, o.value, d.location, m.line_no, m.quote FROM observations o
                           JOIN mentions m USING (mention_id) JOIN documents d USING (doc_id)
                           WHERE o.indicator_id = 'ai_paper_citation_rate'""").fetchall()
    assert {(e, v) for e, v, *_ in stated} == {("USA", 44.99), ("CHN", 31.88)}
    for economy, value, location, line_no, quote in stated:
        assert quote in seed_lines[location.split("/")[-1]][line_no - 1]
        (row,) = [r for r in rows if r[col("economy_code")] == economy]
        assert (float(row[col("value")]), row[col("location")], int(row[col("line_no")]), row[col("quote")]) == (
            value, location, line_no, quote)
    assert "seeds/000_1437cd39a0a6ded1.txt: 571" in export.slide_notes(item)
