"""The Documents page: every document with counts equal to the warehouse, one indicator across documents drawn
point by point with document and line, the conflicts with their kind; adding and removing a document through the
page's write side, in a private documents folder and warehouse."""
from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from lib.paths import ROOT
from lib.ui import uploads
from tests.helpers import run_page

UNSEEN = ROOT / "tests" / "labels" / "unseen" / "texts"
# A short report as staff would receive it: 5G users at the end of 2022 printed with their magnitude (亿), which
# seed 000 line 480 printed as 5.61×109 after losing the superscript.
REPORT_2022 = "2022年通信业统计公报（摘要）\n截至2022年底，我国5G移动电话用户达5.61亿户，5G基站数达231.2万个。\n"


def hidden(element) -> set[str]:
    """The columns of an st.dataframe that are in its data (and CSV) but not shown on screen."""
    return {c for c, config in json.loads(element.proto.columns or "{}").items() if config.get("hidden")}


def test_lists_every_document_with_counts_from_the_warehouse(db):
    at = run_page("pages/documents.py", "en")
    table = at.dataframe[0].value
    assert len(table) == db.execute("SELECT count(*) FROM documents").fetchone()[0]
    figures = dict(db.execute("""SELECT d.location, count(*) FROM mentions m JOIN documents d USING (doc_id)
                                 GROUP BY d.location""").fetchall())
    shown = dict(zip(table["File location"], table["Figures"]))
    assert shown == {name: figures.get(name, 0) for name in shown}
    bound = dict(db.execute("""SELECT d.location, count(*) FROM observations o JOIN mentions m USING (mention_id)
                               JOIN documents d USING (doc_id) GROUP BY d.location""").fetchall())
    assert {n: b for n, b in zip(table["File location"], table["Bound"]) if b} == bound


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_documents_are_named_by_their_titles_labelled_and_their_files_kept_off_screen(db, lang):
    element = run_page("pages/documents.py", lang).dataframe[0]
    table = element.value
    printed, english = {"en": ("Title (as printed)", "English title"), "zh": ("标题（原文）", "英文标题")}[lang]
    rows = db.execute("SELECT doc_id, title_zh, title_en, location FROM documents ORDER BY doc_id").fetchall()
    by_id = {r[0]: r for r in rows}
    for doc_id, title, title_en in zip(table[{"en": "Id", "zh": "编号"}[lang]], table[printed], table[english]):
        _, zh, en, _ = by_id[doc_id]
        assert title == (zh or en) and title_en == ("" if en in (None, zh) else en)
    # Seed 003 is a Chinese text: its title is shown as printed, under a header that says so.
    assert "我国数字产业化高质量发展现状、问题及对策研究" in set(table[printed])
    location = {"en": "File location", "zh": "文件位置"}[lang]
    assert location in hidden(element) and set(table[location]) == {r[3] for r in rows}
    # The Chinese page names documents as printed, the English title in the CSV only; the English page shows both.
    assert printed not in hidden(element) and (english in hidden(element)) == (lang == "zh")


def test_chinese_page_names_its_sections(db):
    at = run_page("pages/documents.py", "zh")
    assert at.title[0].value == "文件库"
    headers = [h.value for h in at.subheader] + [e.label for e in at.expander]  # sections below: page.more
    assert "全部文件" in headers and "同一指标在不同文件中的数值" in headers and "文件之间的冲突" in headers


def test_series_draws_each_statement_with_its_document_and_line(db):
    at = run_page("pages/documents.py", "en", ind="fiveg_base_stations")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    points = [(x, hover) for trace in spec["data"] for x, hover in zip(trace["x"], trace["customdata"])]
    rows = db.execute("""SELECT o.year, m.doc_id, d.title_en, d.location, m.line_no, m.quote FROM observations o
                         JOIN mentions m USING (mention_id) JOIN documents d USING (doc_id)
                         WHERE o.indicator_id = 'fiveg_base_stations'""").fetchall()
    assert len(points) == len(rows) >= 3  # 000 line 480, 001 lines 47 and 61
    for year, doc_id, title, location, line_no, quote in rows:
        # The document by number and (the start of) its title, then the line: not its file name with a hash.
        named = [hover for x, hover in points if x == year and f"document {doc_id} “{title[:20]}" in hover
                 and f", line {line_no}" in hover and quote in hover]
        assert named and not any(location in hover or location.split("/")[-1] in hover for hover in named)
    # The source line inside the figure names each document (wrapped lines joined again).
    source = next(a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "source").replace("<br>", " ")
    assert all(f"document {doc_id} “{title[:20]}" in source for _, doc_id, title, *_ in rows) and "seeds/" not in source
    # The location stays one click away: the chart's table (and its CSV) has a column of it.
    table = run_page("pages/documents.py", "en", ind="fiveg_base_stations", open_data=True).dataframe
    locations = {v for f in table if "File location" in f.value.columns for v in f.value["File location"]}
    assert {r[3] for r in rows} <= locations


def test_closed_series_section_keeps_its_anchor_and_the_chosen_indicator():
    """A fresh visit sends the series' anchor (a link to the chart opens its section) but not its picker and legend;
    opened, the picker shows the indicator the URL chose."""
    at = run_page("pages/documents.py", "en", more="", ind="fiveg_base_stations")
    assert not at.selectbox and not at.get("plotly_chart")
    assert any('id="chart-documents_fiveg_base_stations"' in h.proto.body for h in at.get("html"))
    at.query_params["more"] = "documents_series"
    at.run()
    assert not at.exception and at.selectbox[0].value == "fiveg_base_stations" and at.get("plotly_chart")


@pytest.fixture()
def private(tmp_path, monkeypatch):
    """A private documents folder and warehouse, so adding and removing never touch the project's."""
    folder = tmp_path / "documents"
    folder.mkdir()
    monkeypatch.setenv("INDICATORS_DOCUMENTS", str(folder))
    monkeypatch.setenv("INDICATORS_DB", str(tmp_path / "warehouse.duckdb"))
    from lib.warehouse import build

    build.build()
    return folder


def test_add_then_remove_a_document_through_the_page(private, tmp_path):
    report = shutil.copy(UNSEEN / "cn_5g_2025.txt", tmp_path / "5g.txt")
    outcome = uploads.add([("通信业 2025.txt", open(report, "rb").read()), ("公报 2022.txt", REPORT_2022.encode("gbk"))],
                          {"publisher": "工业和信息化部"})
    assert outcome.problems == [] and sorted(outcome.added) == ["公报 2022.txt", "通信业 2025.txt"]
    assert (private / "通信业 2025.yaml").read_text(encoding="utf-8").strip() == "publisher: 工业和信息化部"
    at = run_page("pages/documents.py", "en", ind="fiveg_users")
    table = at.dataframe[0].value
    row = table[table["File location"].str.endswith("/公报 2022.txt")].iloc[0]
    assert row["Encoding"] == "gb18030" and row["Origin"] == "added" and row["Bound"] == 2
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    symbols = {s for trace in spec["data"] for s in trace["marker"]["symbol"]}
    assert symbols == {"circle", "circle-open"}  # 000's hand-checked figure and the two documents' rule bindings
    conflicts = at.dataframe[1].value
    defect = conflicts[conflicts["Kind"] == "likely defect"]
    note = defect["Note"].iloc[0]
    assert len(defect) == 1 and "line 480, prints" in note and "most likely 561,000,000 (" in note, note
    assert "000-" not in note and "e+" not in note  # no mention id, no float notation
    outcome = uploads.remove("公报 2022.txt")
    assert outcome.removed == ["公报 2022.txt"] and not (private / "公报 2022.txt").exists()
    at = run_page("pages/documents.py", "zh")
    assert not any(place.endswith("公报 2022.txt") for place in at.dataframe[0].value["文件位置"])


def test_a_bad_upload_is_named_and_changes_nothing(private):
    from lib.paths import warehouse_path

    before = warehouse_path().read_bytes()
    outcome = uploads.add([("scan.pdf", b"%PDF-1.4\n%%EOF\n"), ("../../etc/passwd.txt", b"root"),
                           ("empty.txt", b"")], {})
    named = {p.file for p in outcome.problems}
    assert named == {"scan.pdf", "../../etc/passwd.txt", "empty.txt"} and outcome.added == []
    assert list(private.iterdir()) == [] and warehouse_path().read_bytes() == before
    at = run_page("pages/documents.py", "en")
    assert len(at.dataframe[0].value) == 5


def test_the_same_document_twice_is_refused_by_content(private):
    data = REPORT_2022.encode("utf-8")
    assert uploads.add([("a.txt", data)], {}).added == ["a.txt"]
    outcome = uploads.add([("b.txt", data)], {})
    assert outcome.added == [] and "same content as a.txt" in str(outcome.problems[0])
    with duckdb.connect(str(private.parent / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT file_name FROM documents WHERE origin = 'added'").fetchall() == [("a.txt",)]


def test_conflicts_show_each_figure_as_its_document_prints_it(db, seed_lines):
    """Seed 000 line 480 prints 2.312×106个 (its superscript lost) and 001 line 47 prints 231万个: the conflict shows
    those, in the order of the conflict's values, and names the documents, not their files."""
    at = run_page("pages/documents.py", "en")
    conflicts = at.dataframe[1].value
    mention_ids = db.execute("SELECT mention_ids FROM conflicts WHERE indicator_id = 'fiveg_base_stations'").fetchone()[0]
    printed = []
    for mention_id in mention_ids.split(","):
        raw, file_name, line_no = db.execute("SELECT raw, file_name, line_no FROM mentions WHERE mention_id = ?",
                                             [mention_id]).fetchone()
        assert raw in seed_lines[file_name][line_no - 1]
        printed.append(raw)
    assert printed == ["2.312×106个", "231万个"]
    row = conflicts[conflicts["Values stated"] == "; ".join(printed)]
    assert len(row) == 1 and "e+06" not in " ".join(conflicts["Values stated"])
    assert row["Documents"].iloc[0].startswith("document 000 “") and ".txt" not in row["Documents"].iloc[0]
