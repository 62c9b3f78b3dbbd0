"""The warehouse build: contract views, traceability, conflicts, idempotence, atomic replace and bad inputs."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from lib import contract
from lib.warehouse import build
from lib.errors import BuildError
from lib.paths import CATALOG_DIR, EXTERNAL_DIR, SEEDS_DIR

CONTRACT = {
    "documents": {"doc_id", "file_name", "title_zh", "title_en", "publisher", "published"},
    "mentions": {"mention_id", "file_name", "line_no", "quote", "value", "value_high", "unit", "year", "entity",
                 "flags"},
    "indicators": {"indicator_id", "topic", "name_en", "name_zh", "unit", "definition_en", "definition_zh"},
    "observations": {"indicator_id", "economy", "year", "value", "unit", "source_id", "mention_id"},
    "sources": {"source_id", "kind", "title", "publisher", "vintage", "licence", "location"},
    "chain_gaps": {"gap_id", "file_name", "line_no", "chain", "industry", "quote", "summary_en", "summary_zh"},
    "conflicts": {"indicator_id", "economy", "year", "mention_ids", "values"},
}
UNITS = set(contract.UNITS)
ECONOMIES = {"CHN", "USA", "EUU", "GBR", "IRL", "IND", "DEU", "FRA", "JPN", "KOR", "WLD"}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    report = build.build(target)
    print(f"\nbuild took {report['seconds']} s: {report['rows']}")
    return target


@pytest.fixture(scope="module")
def con(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        yield connection


@pytest.fixture()
def inputs(tmp_path) -> dict[str, Path]:
    """A private copy of every build input, for corrupting."""
    dirs = {"seeds_dir": tmp_path / "seeds", "catalog_dir": tmp_path / "catalog", "external_dir": tmp_path / "external"}
    shutil.copytree(SEEDS_DIR, dirs["seeds_dir"])
    shutil.copytree(CATALOG_DIR, dirs["catalog_dir"])
    shutil.copytree(EXTERNAL_DIR, dirs["external_dir"])
    return dirs


def test_contract_views_and_columns(con):
    views = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                       "WHERE table_type = 'VIEW'").fetchall()}
    for view, columns in CONTRACT.items():
        assert view in views
        have = {r[0] for r in con.execute(f"DESCRIBE {view}").fetchall()}
        assert columns <= have, f"{view} lacks {columns - have}"


def test_vocabularies(con):
    assert {r[0] for r in con.execute("SELECT DISTINCT unit FROM mentions").fetchall()} <= UNITS
    assert {r[0] for r in con.execute("SELECT DISTINCT unit FROM observations").fetchall()} <= UNITS
    assert {r[0] for r in con.execute("SELECT DISTINCT economy FROM observations").fetchall()} <= ECONOMIES
    assert {r[0] for r in con.execute("SELECT DISTINCT chain FROM chain_gaps").fetchall()} <= {
        "innovation", "industrial", "capital", "talent", "cross-chain"}


def test_every_mention_quote_is_on_its_line(con):
    lines = {p.name: p.read_text(encoding="utf-8").split("\n") for p in SEEDS_DIR.glob("*.txt")}
    rows = con.execute("SELECT file_name, line_no, quote FROM mentions").fetchall()
    assert len(rows) > 200
    for file_name, line_no, quote in rows:
        assert quote and quote in lines[file_name][line_no - 1], (file_name, line_no, quote)


def test_every_observation_has_a_source_and_document_rows_a_mention(con):
    orphans = con.execute("SELECT count(*) FROM observations o LEFT JOIN sources s USING (source_id) "
                          "WHERE s.source_id IS NULL").fetchone()[0]
    assert orphans == 0
    doc_rows = con.execute("""
        SELECT o.value, o.unit, m.value, m.unit, m.file_name, m.line_no, m.quote FROM observations o
        JOIN sources s USING (source_id) LEFT JOIN mentions m USING (mention_id) WHERE s.kind = 'document'""").fetchall()
    assert len(doc_rows) >= 40
    lines = {p.name: p.read_text(encoding="utf-8").split("\n") for p in SEEDS_DIR.glob("*.txt")}
    for obs_value, obs_unit, m_value, m_unit, file_name, line_no, quote in doc_rows:
        assert file_name is not None, "document observation without a mention"
        assert quote in lines[file_name][line_no - 1]
        assert obs_value == pytest.approx(m_value) and obs_unit == m_unit


def test_document_figures_compare_china_with_us_and_eu(con):
    """003 line 89 (read by hand): US 758, China 283, UK 64, EU 119 unicorns."""
    rows = dict(con.execute("""SELECT o.economy, o.value FROM observations o JOIN mentions m USING (mention_id)
                               WHERE indicator_id = 'unicorn_count' AND m.file_name LIKE '003%'""").fetchall())
    assert rows == {"USA": 758, "CHN": 283, "GBR": 64, "EUU": 119}


def test_conflicts_list_statements_that_differ(con):
    rows = con.execute("SELECT indicator_id, economy, year, mention_ids, \"values\" FROM conflicts").fetchall()
    assert rows, "the documents state several figures differently (e.g. 数控化率 57.2% in 000 vs 58.6% in 001)"
    for _, _, _, mention_ids, values in rows:
        ids = mention_ids.split(",")
        assert len(ids) >= 2
        found = con.execute("SELECT count(*) FROM mentions WHERE list_contains(?, mention_id)", [ids]).fetchone()[0]
        assert found == len(ids)
        assert len(set(values.split("; "))) >= 2


def test_external_series_present(con):
    latest = con.execute("""SELECT economy, max(year) FROM observations WHERE indicator_id = 'rd_intensity'
                            AND mention_id IS NULL GROUP BY economy""").fetchall()
    assert {"CHN", "USA", "EUU"} <= {e for e, _ in latest}


def test_build_is_idempotent(warehouse, tmp_path):
    again = tmp_path / "again.duckdb"
    build.build(again)
    tables = ["mentions", "observations", "chain_gaps", "conflicts", "unicorns"]
    with duckdb.connect(str(warehouse), read_only=True) as a, duckdb.connect(str(again), read_only=True) as b:
        for table in tables:
            assert a.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() == \
                b.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def test_is_stale(warehouse, monkeypatch):
    monkeypatch.setenv("INDICATORS_DB", str(warehouse))
    assert not build.is_stale(warehouse)
    assert build.is_stale(warehouse.with_name("missing.duckdb"))


def _assert_failed_build_keeps_previous(inputs, tmp_path, match: str):
    target = tmp_path / "keep.duckdb"
    build.build(target)
    before = target.read_bytes()
    with pytest.raises(BuildError, match=match) as err:
        build.build(target, **inputs)
    assert target.read_bytes() == before, "a failed build must leave the previous warehouse untouched"
    assert not list(tmp_path.glob("keep.duckdb.tmp*"))
    return str(err.value)


def test_missing_document(inputs, tmp_path):
    (inputs["seeds_dir"] / "001_adbaeacbb867bbc6.txt").unlink()
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "001_adbaeacbb867bbc6.txt")
    assert "missing" in message


def test_renamed_document(inputs, tmp_path):
    seed = inputs["seeds_dir"] / "002_732c510093841962.txt"
    seed.rename(seed.with_name("002_renamed.txt"))
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "002_")
    assert "002_renamed.txt" in message and "not listed" in message


def test_gbk_document(inputs, tmp_path):
    seed = inputs["seeds_dir"] / "003_90f338935dca3c3f.txt"
    seed.write_bytes(seed.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    _assert_failed_build_keeps_previous(inputs, tmp_path, "003_90f338935dca3c3f.txt")


def test_truncated_document(inputs, tmp_path):
    seed = inputs["seeds_dir"] / "004_ca950087f10e2d76.txt"
    seed.write_bytes(seed.read_bytes()[:20000])
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "004_ca950087f10e2d76.txt")
    assert "truncated" in message


def test_catalog_entry_whose_quote_is_gone_lists_every_broken_entry(inputs, tmp_path):
    figures = inputs["catalog_dir"] / "document_figures.yaml"
    text = figures.read_text(encoding="utf-8")
    assert "758家" in text and "283家" in text
    figures.write_text(text.replace("758家", "759家").replace("283家", "284家"), encoding="utf-8")
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "document_figures.yaml")
    assert "759家" in message and "284家" in message, "every broken entry is listed, not only the first"
    assert "line" in message


def test_malformed_catalog_yaml(inputs, tmp_path):
    path = inputs["catalog_dir"] / "document_indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- indicator_id: [unclosed\n", encoding="utf-8")
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "document_indicators.yaml")
    assert "line" in message


def test_external_csv_with_missing_column_and_text_value(inputs, tmp_path):
    csv_path = inputs["external_dir"] / "worldbank" / "wdi_rd_gdp.csv"
    lines = csv_path.read_text(encoding="utf-8").split("\n")
    lines[5] = lines[5].replace(lines[5].split(",")[5], "n/a", 1)
    csv_path.write_text("\n".join(lines), encoding="utf-8")
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "wdi_rd_gdp.csv")
    assert "6" in message  # the CSV line of the bad value
    shutil.copy(EXTERNAL_DIR / "worldbank" / "wdi_rd_gdp.csv", csv_path)
    ict = inputs["external_dir"] / "digital_services" / "wto_dds_exports.csv"
    header, *rest = ict.read_text(encoding="utf-8").split("\n")
    ict.write_text("\n".join([header.replace("value", "amount", 1)] + rest), encoding="utf-8")
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "wto_dds_exports.csv")
    assert "value" in message


def test_unwritable_target_names_the_folder(tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(BuildError, match="cannot write"):
        build.build(blocker / "warehouse.duckdb")


def test_disk_full_keeps_previous_warehouse(tmp_path, monkeypatch):
    import errno
    import os

    target = tmp_path / "full.duckdb"
    build.build(target)
    before = target.read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(build.os, "replace", full)
    with pytest.raises(BuildError, match="No space left"):
        build.build(target)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("full.duckdb.tmp*"))


def test_duplicate_row_in_external_csv_keeps_previous_warehouse(inputs, tmp_path):
    csv_path = inputs["external_dir"] / "worldbank" / "wdi_rd_gdp.csv"
    lines = csv_path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    csv_path.write_text("\n".join(lines + [lines[3]]) + "\n", encoding="utf-8")
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "wdi_rd_gdp.csv")
    assert "duplicate" in message
    assert f"line {len(lines) + 1}" in message and "first on line 4" in message


def test_duplicate_indicator_id_in_catalog_is_named(inputs, tmp_path):
    path = inputs["catalog_dir"] / "document_indicators.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("- indicator_id:")
    entry = text[first:text.index("- indicator_id:", first + 1)]
    path.write_text(text + "\n" + entry.replace("name_en: ", "name_en: Another ", 1), encoding="utf-8")
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "document_indicators.yaml")
    assert "duplicate" in message or "twice" in message


def test_duplicate_key_in_a_catalog_entry_is_named(inputs, tmp_path):
    path = inputs["catalog_dir"] / "document_figures.yaml"
    text = path.read_text(encoding="utf-8")
    note = next(line for line in text.splitlines() if line.startswith("  note_en: "))
    path.write_text(text.replace(note, note + "\n  note_en: a second note for the same figure", 1), encoding="utf-8")
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "document_figures.yaml")
    assert "note_en" in message and "line" in message


def test_shared_indicator_id_with_another_unit_is_named(inputs, tmp_path):
    # unicorn_count is shared on purpose by the document and dataset catalogs; a different unit must be refused.
    path = inputs["catalog_dir"] / "document_indicators.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- indicator_id: unicorn_count")
    entry_end = text.index("- indicator_id:", start + 1)
    path.write_text(text[:start] + text[start:entry_end].replace("unit: count", "unit: percent", 1) + text[entry_end:],
                    encoding="utf-8")
    message = _assert_failed_build_keeps_previous(inputs, tmp_path, "document_indicators.yaml")
    assert "unicorn_count" in message and "external.yaml" in message
