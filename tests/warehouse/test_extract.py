"""The extractor on real lines of the seeds: value, unit, year, entity and flags, and what it must not report."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lib.errors import BuildError
from lib.warehouse.extract import extract_document
from lib.paths import SEEDS_DIR
from tests.helpers import mention_on, seed_mentions

DOC = {p.name[:3]: p for p in SEEDS_DIR.glob("*.txt")}
find = mention_on


@pytest.fixture(scope="module")
def mentions():
    return seed_mentions()


# (doc, line, text in quote, value, value_high, unit, year, entity): read off the documents by hand.
CASES = [
    ("003", 89, "758家", 758, None, "count", "2024", "USA"),
    ("003", 89, "283家", 283, None, "count", "2024", "CHN"),
    ("003", 89, "18.2%", 18.2, None, "percent", "2024", "CHN"),
    ("003", 89, "119家", 119, None, "count", "2024", "EUU"),
    ("003", 97, "8%~9%", 8, 9, "percent", "2018-2022", "CHN"),  # 自2018年以来, to the 2013—2022 of the paragraph
    ("003", 42, "10.09万亿元", 10.09e12, None, "CNY", "2023", "CHN"),
    ("003", 38, "41.4万亿美元", 41.4e12, None, "USD", "2022", "WLD"),
    ("003", 135, "7.5万件", 7.5e4, None, "count", "2018", "CHN"),
    ("003", 135, "20.2万件", 20.2e4, None, "count", "2022", "CHN"),
    ("003", 188, "8608.8 亿美元", 8608.8e8, None, "USD", "2017", "Apple"),
    ("003", 129, "900 GB/s", 900 * 8e9, None, "bit/s", None, "Nvidia"),
    ("003", 186, "2~3 种", 2, 3, "count", None, "CHN"),
    ("000", 418, "50.2万亿元", 50.2e12, None, "CNY", "2022", "CHN"),
    ("000", 420, "41.5%", 41.5, None, "percent", "2022", "CHN"),
    ("000", 480, "2.312×106个", 2.312e6, None, "count", "2022", "CHN"),
    ("000", 478, "6×107 km", 6e7 * 1e3, None, "m", "2022", "CHN"),
    ("000", 436, "8.1 ZB", 8.1e21, None, "byte", "2022", "CHN"),
    ("000", 195, "715亿美元", 715e8, None, "USD", "2021", "WLD"),
    ("000", 199, "201亿美元", 201e8, None, "USD", "2021", "CHN"),
    ("000", 571, "44.99", 44.99, None, "count", "2011-2020", "USA"),
    ("000", 571, "31.88", 31.88, None, "count", "2011-2020", "CHN"),
    ("000", 360, "1亿英镑", 1e8, None, "GBP", "2022", "GBR"),
    ("004", 607, "24个", 24, None, "count", "2023", "CHN"),
    ("004", 607, "21个", 21, None, "count", "2023", "USA"),
    ("004", 597, "705.8万辆", 705.8e4, None, "count", "2022", "CHN"),
    ("004", 514, "42 595架", 42595, None, "count", "2023-2042", "WLD"),  # 2023—2042年新增需求将达到: the period
    ("004", 585, "1.2×108 kW", 1.2e8 * 1e3, None, "W", "2022", "CHN"),
    ("001", 45, "108126亿元", 108126e8, None, "CNY", "2022", "CHN"),
    ("001", 47, "231万个", 231e4, None, "count", "2022", "CHN"),
    ("001", 94, "87GW", 87e9, None, "W", "2022", "CHN"),
    ("001", 61, "1万个", 1e4, None, "count", "2021-2025", "CHN"),  # 计划“十四五”期间建1万个以上的5G工厂
    ("002", 91, "第29位", 29, None, "rank", "2015", "CHN"),
    ("002", 91, "第14位", 14, None, "rank", "2020", "CHN"),
    ("002", 89, "52.6%", 52.6, None, "percent", "2015", "CHN"),
]


@pytest.mark.parametrize("doc_id,line_no,text,value,value_high,unit,year,entity", CASES)
def test_value_unit_year_entity(mentions, doc_id, line_no, text, value, value_high, unit, year, entity):
    m = find(mentions, doc_id, line_no, text)
    assert m.value == pytest.approx(value, rel=1e-9)
    assert m.value_high == (pytest.approx(value_high) if value_high is not None else None)
    assert (m.unit, m.year, m.entity) == (unit, year, entity)


def test_number_split_across_lines_is_read_whole(mentions):
    # 000:152 `突破5000` and 000:154 `亿美元`.
    m = find(mentions, "000", 152, "5000")
    assert (m.value, m.unit, m.line_end) == (5000e8, "USD", 154)
    assert "spans_lines" in m.flags
    # 004:581 `3.41×` and 004:583 `104 MW`: superscript lost and split.
    m = find(mentions, "004", 581, "3.41×")
    assert m.value == pytest.approx(3.41e4 * 1e6) and m.unit == "W"
    assert {"lost_superscript", "spans_lines"} <= set(m.flags)


def test_stray_question_marks_are_skipped_and_flagged(mentions):
    m = find(mentions, "002", 89, "96%")
    assert m.value == 96 and "stray_char" in m.flags and m.year == "2020"
    m = find(mentions, "002", 95, "3.6?亿张")
    assert m.value == pytest.approx(3.6e8) and "stray_char" in m.flags


def test_ranks_in_digits_and_chinese_numerals(mentions):
    assert find(mentions, "000", 434, "第二位").value == 2
    assert find(mentions, "004", 599, "第1").value == 1
    order = [m for m in mentions["003"] if m.line_no == 97 and "order_rank" in m.flags]
    assert [(m.entity, m.value) for m in order] == [("IRL", 1), ("IND", 2), ("CHN", 3), ("USA", 4), ("DEU", 5),
                                                    ("FRA", 6)]


def test_not_indicators(mentions):
    """Dates, reference markers, section/figure numbers, titles, tech names and affiliations never appear."""
    quotes = {(m.file_name[:3], m.line_no): m.quote for m in mentions["003"] + mentions["000"] + mentions["004"]}
    for key in [("003", 7), ("003", 13), ("003", 24), ("003", 28), ("003", 117), ("003", 285), ("004", 46),
                ("004", 24), ("000", 350)]:
        assert key not in quotes, f"{key} is not a quantitative statement but gave {quotes[key]!r}"
    line_119 = [m.quote for m in mentions["003"] if m.line_no == 119]
    assert line_119 == [], "policy titles and dates of events are not indicators"
    assert not any(m.quote.startswith(("5", "6")) and m.unit == "count" and m.value in (5, 6)
                   for m in mentions["000"] if "5G" in m.context and m.raw in ("5", "6"))


def test_quotes_are_verbatim_substrings_of_their_lines(mentions):
    for doc_id, path in DOC.items():
        lines = path.read_text(encoding="utf-8").split("\n")
        for m in mentions[doc_id]:
            assert lines[m.line_no - 1][m.char_start:m.char_end] == m.quote


def test_gbk_document_is_rejected_with_file_and_line(tmp_path: Path):
    bad = tmp_path / "003_90f338935dca3c3f.txt"
    bad.write_bytes(DOC["003"].read_text(encoding="utf-8").encode("gbk", errors="replace"))
    with pytest.raises(BuildError) as err:
        extract_document(bad)
    assert "003_90f338935dca3c3f.txt" in str(err.value) and "line" in str(err.value) and "UTF-8" in str(err.value)


def test_missing_document_is_named(tmp_path: Path):
    with pytest.raises(BuildError, match="missing"):
        extract_document(tmp_path / "000_1437cd39a0a6ded1.txt")


def test_document_truncated_inside_a_character_is_named(tmp_path: Path):
    cut = tmp_path / "003_90f338935dca3c3f.txt"
    shutil.copy(DOC["003"], cut)
    data = cut.read_bytes()
    cut.write_bytes(data[: data.index("独角兽".encode()) + 2])  # cut inside the first character
    with pytest.raises(BuildError, match="truncated"):
        extract_document(cut, "003")


# --- the document's date reaches the extractor ------------------------------------------------------------------
def test_reference_date_from_metadata():
    from lib.warehouse.extract import reference_date
    assert reference_date("2024-9-24") == "2024-09" + "-24"
    assert reference_date("2025") == "2025"  # a stated year resolves 今年/目前 to that year
    assert reference_date("2025", "title,published") is None  # only the latest year the text names: no date
    assert reference_date("2024-01", "published") == "2024-01"  # a dateline found in the text is a date
    assert reference_date(None) is None and reference_date(float("nan")) is None


def test_build_passes_each_documents_date_as_the_measurement_does(tmp_path: Path):
    """The warehouse's mentions of a seed and of an added text with a sidecar are what the extractor gives with
    that document's `published` date (the measurement in test_extract_labels passes it the same way); the added
    text's 今年/目前/第三季 figures are dated only because the date is passed."""
    import duckdb

    from lib.paths import ROOT
    from lib.warehouse import build
    from lib.warehouse.extract import reference_date
    from tests.helpers import seed_mentions

    texts = ROOT / "tests" / "labels" / "unseen" / "texts"
    folder = tmp_path / "documents"
    folder.mkdir()
    shutil.copy(texts / "my_ringgit_2024.txt", folder / "my_ringgit_2024.txt")
    shutil.copy(texts / "my_ringgit_2024.yaml", folder / "my_ringgit_2024.yaml")
    target = tmp_path / "wh.duckdb"
    build.build(target, documents_dir=folder, cache_dir=tmp_path / "cache")
    with duckdb.connect(str(target), read_only=True) as con:
        rows = con.execute("SELECT m.file_name, m.line_no, m.quote, m.year FROM mentions m").fetchall()
    got = {(f, line, q): y for f, line, q, y in rows}
    added = extract_document(folder / "my_ringgit_2024.txt", "my", date=reference_date("2024-09-24"))
    undated = extract_document(folder / "my_ringgit_2024.txt", "my")
    assert {("my_ringgit_2024.txt", m.line_no, m.quote): m.year for m in added}.items() <= got.items()
    # 今年上半年的经济成长…达5.9% (line 3), 目前…通货膨胀率只有1.9% (line 5): the text prints no year.
    assert got[("my_ringgit_2024.txt", 3, "5.9%")] == "2024" and got[("my_ringgit_2024.txt", 5, "1.9%")] == "2024"
    assert {m.quote: m.year for m in undated}["1.9%"] is None
    seeds = seed_mentions()
    for doc_id, mentions in seeds.items():
        for m in mentions:
            assert got[(m.file_name, m.line_no, m.quote)] == m.year, (doc_id, m.line_no, m.quote)
