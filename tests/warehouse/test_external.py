"""Tests of lib/warehouse/external.py against the real CSVs in data/external/, and of its errors on corrupted copies."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
import yaml

from lib.warehouse.catalog import ECONOMIES, UNITS
from lib.errors import BuildError
from lib.warehouse.external import load_external
from lib.paths import CATALOG_DIR, EXTERNAL_DIR

CATALOG = yaml.safe_load((CATALOG_DIR / "external.yaml").read_text(encoding="utf-8"))
SERIES = {s["indicator_id"]: s for s in CATALOG["series"]}
SOURCES = {s["source_id"]: s for s in CATALOG["sources"]}


def rows(rel: str) -> list[dict]:
    with open(EXTERNAL_DIR / rel, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def external():
    return load_external()


def observed(external, indicator_id, economy, year, source_id=None):
    obs = external["observations"]
    hit = obs[(obs.indicator_id == indicator_id) & (obs.economy == economy) & (obs.year == year)]
    if source_id:
        hit = hit[hit.source_id == source_id]
    assert len(hit) == 1, (indicator_id, economy, year, source_id, len(hit))
    return hit.iloc[0]


# --- values against the CSVs ---

def test_china_rd_intensity_2022_is_the_wdi_value(external):
    [row] = [r for r in rows("worldbank/wdi_rd_gdp.csv")
             if (r["economy_code"], r["indicator_code"], r["year"]) == ("CHN", "GB.XPD.RSDV.GD.ZS", "2022")]
    got = observed(external, "rd_intensity", "CHN", 2022)
    assert got.value == float(row["value"])
    assert got.unit == "percent" and got.source_id == "wdi_2026_07"


def listed(value) -> list:
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("rel", ["worldbank/wdi_rd_gdp.csv", "worldbank/wdi_rd_gdp_derived.csv",
                                 "worldbank/rd_gdp_crosscheck_other_sources.csv",
                                 "digital_services/wto_dds_exports.csv",
                                 "digital_services/wdi_ict_service_exports.csv",
                                 "digital_services/unctad_dds_exports.csv"])
def test_every_row_of_a_series_file_is_one_observation_with_its_scaled_value(external, rel):
    # (code, commit) -> the series and source that row must land in, from the catalog as written.
    target = {}
    for series in CATALOG["series"]:
        if series["read"].get("file") == rel:
            for code in listed(series["read"]["indicator_code"]):
                for source_id in listed(series["source_id"]):
                    target[code, SOURCES[source_id]["location"]["commit"]] = (series, source_id)
    obs = external["observations"].set_index(["indicator_id", "economy", "year", "source_id"])["value"].to_dict()
    file_rows = rows(rel)
    for r in file_rows:
        series, source_id = target[r["indicator_code"], r["source_commit"]]
        got = obs[(series["indicator_id"], r["economy_code"], int(r["year"]), source_id)]
        assert got == pytest.approx(float(r["value"]) * float(series["read"]["scale"]), rel=1e-12), r
    ids = {series["indicator_id"] for series, _ in target.values()}
    loaded = external["observations"].indicator_id.isin(ids)
    # Files with an EU sum gain one EUU row per year; nothing else is added or lost.
    eu_years = {int(r["year"]) for r in rows("digital_services/unctad_dds_exports_eu27_members.csv")}
    extra = len(eu_years) if any(series["read"].get("eu_sum_from") for series, _ in target.values()) else 0
    assert loaded.sum() == len(file_rows) + extra


def test_crosscheck_vintages_stay_apart_from_the_primary_series(external):
    obs, indicators = external["observations"], external["indicators"].set_index("indicator_id")
    older = [r for r in rows("worldbank/rd_gdp_crosscheck_other_sources.csv")
             if (r["economy_code"], r["indicator_code"], r["year"]) == ("CHN", "GB.XPD.RSDV.GD.ZS", "2021")]
    assert len(older) >= 2  # the previous WDI vintage and OWID both have it
    for r in older:
        source_id = next(s for s in SOURCES.values() if s["location"]["commit"] == r["source_commit"])["source_id"]
        assert observed(external, "rd_intensity_crosscheck", "CHN", 2021, source_id).value == float(r["value"])
    assert set(obs[obs.indicator_id == "rd_intensity"].source_id) == {"wdi_2026_07"}
    assert indicators.loc["rd_intensity_crosscheck", "family"] == "crosscheck"
    assert indicators.loc["rd_intensity", "family"] == "primary"


def test_unctad_eu_is_the_sum_of_the_members_and_says_who_is_missing(external):
    members = rows("digital_services/unctad_dds_exports_eu27_members.csv")
    for year in (2015, 2022):
        in_year = [r for r in members if r["year"] == str(year)]
        got = observed(external, "dds_exports_unctad", "EUU", year)
        assert got.value == pytest.approx(sum(float(r["value"]) for r in in_year) * 1e6, rel=1e-12)
        absent = sorted(set(CATALOG["eu27"]) - {r["economy_code"] for r in in_year})
        if absent:
            assert all(code in got.note for code in absent) and "understated" in got.note
        else:
            assert "missing" not in got.note
    assert "MLT" in observed(external, "dds_exports_unctad", "EUU", 2022).note


def test_shares_match_the_reference_file_for_every_row(external):
    which = {"UNCTAD DDS (Data360 UNCTAD_DE)": "dds_share_unctad", "WTO DDS dataset": "dds_share_wto",
             "World Bank WDI": "ict_share_wdi"}
    shares = external["observations"].set_index(["indicator_id", "economy", "year"])["value"]
    reference = rows("digital_services/shares_of_world_derived.csv")
    matched = 0
    for r in reference:
        key = (which[r["source_dataset"]], "EUU" if r["economy_code"] == "EU27_SUM" else r["economy_code"],
               int(r["year"]))
        if key in shares.index:
            assert abs(shares.loc[key] - float(r["share_of_world_pct"])) < 0.01, (key, shares.loc[key], r)
            matched += 1
    assert matched == len(reference)


def test_every_eu_share_exists_for_all_three_sources(external):
    obs = external["observations"]
    for indicator in ("dds_share_unctad", "dds_share_wto", "ict_share_wdi"):
        eu = obs[(obs.indicator_id == indicator) & (obs.economy == "EUU")]
        world = obs[(obs.indicator_id == indicator) & (obs.economy == "WLD")]
        assert len(eu) > 0 and world.empty  # the world is the denominator, not a row


def test_wdi_ict_shares_start_in_2005_as_the_source_advises(external):
    obs = external["observations"]
    years = obs[obs.indicator_id == "ict_share_wdi"].year
    assert years.min() == SERIES["ict_share_wdi"]["read"]["from_year"]
    assert obs[obs.indicator_id == "ict_exports_wdi"].year.min() < years.min()


# --- unicorns ---

def test_crunchbase_counts_equal_the_rows_of_the_list(external):
    listed = rows("unicorns/crunchbase_unicorn_board_2024-09.csv")
    usa = sum(r["country"] == "United States" for r in listed)
    china = sum(r["country"] == "China" for r in listed)
    assert observed(external, "unicorn_count", "USA", 2024, "crunchbase_2024_09").value == usa
    assert observed(external, "unicorn_count", "CHN", 2024, "crunchbase_2024_09").value == china
    assert observed(external, "unicorn_count", "WLD", 2024, "crunchbase_2024_09").value == len(listed)
    share = observed(external, "unicorn_share", "USA", 2024, "crunchbase_2024_09").value
    assert share == pytest.approx(usa / len(listed) * 100)


@pytest.mark.parametrize("source_id", ["crunchbase_2024_09", "cbinsights_2024_09", "cbinsights_2022_04"])
def test_eu_count_is_the_sum_of_member_countries(external, source_id):
    spec = next(s for s in CATALOG["unicorn_lists"] if s["source_id"] == source_id)
    listed = rows(spec["file"])
    column = spec["columns"]["country"]
    eu_names = {name for name, code in CATALOG["countries"].items() if code in CATALOG["eu27"]}
    year = int(listed[0]["snapshot_date"][:4])
    assert observed(external, "unicorn_count", "EUU", year, source_id).value == \
        sum(r[column] in eu_names for r in listed)
    companies = external["unicorns"]
    assert (companies.source_id == source_id).sum() == len(listed)


def test_hong_kong_is_kept_apart_from_china(external):
    companies = external["unicorns"]
    hk = companies[companies.country == "Hong Kong"]
    assert len(hk) > 0 and (hk.economy == "HKG").all()
    assert not companies[companies.economy == "CHN"].country.eq("Hong Kong").any()


def test_blank_countries_have_no_economy(external):
    listed = rows("unicorns/crunchbase_unicorn_board_2024-09.csv")
    blank = {r["company_link"] for r in listed if not r["country"].strip()}
    companies = external["unicorns"]
    cb = companies[companies.source_id == "crunchbase_2024_09"]
    assert set(cb[cb.economy.isna()].company_link) == blank and len(blank) > 0


def test_valuations_and_dates_are_parsed_from_the_printed_text(external):
    companies = external["unicorns"].set_index(["source_id", "line_no"])
    board = rows("unicorns/crunchbase_unicorn_board_2024-09.csv")
    for line, r in enumerate(board, start=2):
        printed = r["post_money_value"]
        if printed.endswith(("B", "M")):
            unit = 1e9 if printed.endswith("B") else 1e6
            assert companies.loc[("crunchbase_2024_09", line), "valuation_usd"] == float(printed[1:-1]) * unit
    cbi = rows("unicorns/cbinsights_unicorns_2024-09.csv")
    for line, r in enumerate(cbi, start=2):
        got = companies.loc[("cbinsights_2024_09", line)]
        assert got.valuation_usd == pytest.approx(float(r["Valuation ($B)"].strip(" $")) * 1e9)
        assert got.date_joined == dt.datetime.strptime(r["Date Joined"], "%m/%d/%y").date()
        assert 2000 < got.date_joined.year <= 2024


def test_a_printed_zero_valuation_is_left_empty(external):
    board = rows("unicorns/crunchbase_unicorn_board_2024-09.csv")
    zero_lines = [line for line, r in enumerate(board, start=2) if r["post_money_value"] == "$0"]
    companies = external["unicorns"]
    cb = companies[companies.source_id == "crunchbase_2024_09"].set_index("line_no")
    assert zero_lines and cb.loc[zero_lines, "valuation_usd"].isna().all()


def test_only_the_2022_list_has_founding_years(external):
    companies = external["unicorns"]
    founded = companies.groupby("source_id").year_founded.count()
    assert founded["cbinsights_2022_04"] == len(rows("unicorns/cbinsights_unicorns_2022-04_maven.csv"))
    assert founded["crunchbase_2024_09"] == 0 and founded["cbinsights_2024_09"] == 0


# --- the catalog and the table contract ---

def test_eu27_list_covers_the_27_member_codes_of_the_members_file():
    members = {r["economy_code"] for r in rows("digital_services/unctad_dds_exports_eu27_members.csv")}
    assert len(CATALOG["eu27"]) == 27 == len(set(CATALOG["eu27"]))
    assert set(CATALOG["eu27"]) == members


def test_catalog_locations_are_the_commits_the_csvs_record():
    for series in CATALOG["series"]:
        read = series["read"]
        if "file" not in read:
            continue
        codes = listed(read["indicator_code"])
        commits = {r["source_commit"] for r in rows(read["file"]) if r["indicator_code"] in codes}
        assert commits == {SOURCES[s]["location"]["commit"] for s in listed(series["source_id"])}, series
    source_texts = "".join(p.read_text(encoding="utf-8") for p in EXTERNAL_DIR.glob("*/SOURCE.md"))
    for source in CATALOG["sources"]:
        assert source["location"]["commit"] in source_texts, source["source_id"]
        assert source["location"]["repository"] in source_texts, source["source_id"]


def test_tables_follow_the_warehouse_contract(external):
    obs, indicators, sources = external["observations"], external["indicators"], external["sources"]
    assert set(obs.indicator_id) == set(indicators.indicator_id)
    assert set(obs.source_id) <= set(sources.source_id)
    assert set(obs.economy) <= set(ECONOMIES)
    assert set(obs.unit) <= set(UNITS) and set(indicators.unit) <= set(UNITS)
    assert obs.year.dtype == "int64" and obs.value.dtype == "float64" and obs.value.notna().all()
    assert obs.mention_id.isna().all()
    assert not obs.duplicated(["indicator_id", "economy", "year", "source_id"]).any()
    assert (indicators.origin == "dataset").all() and (sources.kind == "dataset").all()
    assert sources[["title", "licence", "location", "notes_en", "notes_zh"]].notna().all().all()
    derived = obs[obs.indicator_id.isin(["gerd_usd", "dds_share_wto"])]
    assert derived.note.str.startswith("derived: ").all() and derived.note_zh.notna().all()


# --- bad input: corrupted copies of the real files ---

@pytest.fixture
def copy_dir(tmp_path):
    """A writable copy of data/external (the originals are read-only)."""
    for path in EXTERNAL_DIR.glob("*/*.csv"):
        target = tmp_path / path.relative_to(EXTERNAL_DIR)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return tmp_path


def edit_lines(path: Path, change) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(change(lines)), encoding="utf-8")


def problems_of(directory: Path) -> list:
    with pytest.raises(BuildError) as caught:
        load_external(external_dir=directory)
    return caught.value.problems


def test_missing_column_names_file_and_column(copy_dir):
    path = copy_dir / "worldbank/wdi_rd_gdp.csv"
    edit_lines(path, lambda lines: [lines[0].replace(",value,", ",amount,")] + lines[1:])
    [problem] = problems_of(copy_dir)
    assert problem.file.endswith("worldbank/wdi_rd_gdp.csv") and problem.column == "value" and problem.line == 1


def set_cells(path: Path, column: str, text: str, line_numbers) -> None:
    """Overwrite one column on the given 1-based CSV lines (header = line 1), keeping proper CSV quoting."""
    with open(path, newline="", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    where = table[0].index(column)
    for no in line_numbers:
        table[no - 1][where] = text
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)


def test_text_in_a_number_column_names_every_bad_line(copy_dir):
    path = copy_dir / "digital_services/wto_dds_exports.csv"
    set_cells(path, "value", "n/a", (10, 57))
    problems = problems_of(copy_dir)
    assert [(p.line, p.column) for p in problems] == [(10, "value"), (57, "value")]
    assert all(p.file.endswith("wto_dds_exports.csv") and "'n/a' is not a number" in p.problem for p in problems)


def test_duplicate_key_names_both_lines(copy_dir):
    path = copy_dir / "digital_services/wdi_ict_service_exports.csv"
    edit_lines(path, lambda lines: lines + [lines[4]])
    [problem] = problems_of(copy_dir)
    total = len(path.read_text(encoding="utf-8").splitlines())
    assert problem.line == total and "duplicate" in problem.problem and "first on line 5" in problem.problem


def test_missing_file_is_named(copy_dir):
    (copy_dir / "unicorns/cbinsights_unicorns_2024-09.csv").unlink()
    [problem] = problems_of(copy_dir)
    assert problem.file.endswith("unicorns/cbinsights_unicorns_2024-09.csv") and "missing" in problem.problem


def test_bad_valuation_and_unknown_country_in_a_unicorn_list(copy_dir):
    path = copy_dir / "unicorns/cbinsights_unicorns_2022-04_maven.csv"
    edit_lines(path, lambda lines: [lines[0], lines[1].replace("$180B", "$lots"),
                                    lines[2].replace("United States", "Atlantis")] + lines[3:])
    problems = problems_of(copy_dir)
    assert [(p.line, p.column) for p in problems] == [(2, "Valuation"), (3, "Country")]
    assert "Atlantis" in problems[1].problem and "countries:" in problems[1].fix


def test_a_code_no_series_reads_is_not_dropped_silently(copy_dir):
    path = copy_dir / "worldbank/wdi_rd_gdp_derived.csv"
    edit_lines(path, lambda lines: lines + [lines[1].replace("DERIVED.GERD.CD", "DERIVED.SOMETHING.ELSE", 1)])
    [problem] = problems_of(copy_dir)
    assert problem.column == "indicator_code" and "DERIVED.SOMETHING.ELSE" in problem.problem


def test_a_row_from_an_unknown_commit_is_refused(copy_dir):
    set_cells(copy_dir / "worldbank/wdi_rd_gdp.csv", "source_commit", "0" * 40, (3,))
    [problem] = problems_of(copy_dir)
    assert (problem.line, problem.column) == (3, "source_commit") and "wdi_2026_07" in problem.problem


def test_problems_of_several_files_come_together(copy_dir):
    (copy_dir / "worldbank/wdi_rd_gdp.csv").unlink()
    edit_lines(copy_dir / "digital_services/wto_dds_exports.csv", lambda lines: lines + [lines[3]])
    files = {Path(p.file).name for p in problems_of(copy_dir)}
    assert files == {"wdi_rd_gdp.csv", "wto_dds_exports.csv"}


# --- inputs that raised raw exceptions before (issue 17.4): each is a located problem now ---

def test_an_empty_csv_is_named(copy_dir):
    (copy_dir / "digital_services/wto_dds_exports.csv").write_bytes(b"")
    [problem] = problems_of(copy_dir)
    assert problem.file.endswith("digital_services/wto_dds_exports.csv") and problem.line == 1
    assert "empty" in problem.problem and "Restore" in problem.fix


def test_a_latin1_csv_names_the_line_and_the_byte(copy_dir):
    path = copy_dir / "unicorns/cbinsights_unicorns_2024-09.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[6] = lines[6].replace(",", ",Société ", 1)  # a French name, saved by a Latin-1 editor
    path.write_bytes("".join(lines).encode("latin-1", errors="replace"))
    [problem] = problems_of(copy_dir)
    assert problem.file.endswith("cbinsights_unicorns_2024-09.csv") and problem.line == 7
    assert "0xE9" in problem.problem and "not UTF-8" in problem.problem and "UTF-8" in problem.fix


def test_rows_with_an_extra_or_a_missing_field_are_named(copy_dir):
    path = copy_dir / "worldbank/wdi_rd_gdp.csv"
    edit_lines(path, lambda lines: lines[:4] + [lines[4].rstrip("\n") + ",surplus\n", lines[5].rsplit(",", 1)[0]
                                                + "\n"] + lines[6:])
    problems = problems_of(copy_dir)
    assert [(p.line, p.problem) for p in problems] == [(5, "the row has 10 fields, the header has 9"),
                                                       (6, "the row has 8 fields, the header has 9")]
    assert all(p.file.endswith("worldbank/wdi_rd_gdp.csv") and "Quote" in p.fix for p in problems)


@pytest.mark.parametrize("text", ["1e309", "inf", "-Infinity"])
def test_a_value_beyond_any_number_is_refused(copy_dir, text):
    set_cells(copy_dir / "worldbank/wdi_rd_gdp.csv", "value", text, (4,))
    [problem] = problems_of(copy_dir)
    assert (problem.line, problem.column) == (4, "value") and f"'{text}' is not a finite number" in problem.problem


def _line_of(rel: str, copy_dir: Path, indicator_code: str) -> int:
    with open(copy_dir / rel, newline="", encoding="utf-8") as handle:
        return next(no for no, row in enumerate(csv.DictReader(handle), start=2) if row["indicator_code"] == indicator_code)


@pytest.mark.parametrize("text, rule", [("-0.5", "-0.5 is outside 0-100"), ("140", "140 is outside 0-100")])
def test_an_rd_share_outside_0_to_100_is_refused(copy_dir, text, rule):
    rel = "worldbank/wdi_rd_gdp.csv"
    line = _line_of(rel, copy_dir, SERIES["rd_intensity"]["read"]["indicator_code"])
    set_cells(copy_dir / rel, "value", text, (line,))
    [problem] = problems_of(copy_dir)
    assert (problem.line, problem.column) == (line, "value") and rule in problem.problem


@pytest.mark.parametrize("rel", ["digital_services/wto_dds_exports.csv",
                                 "digital_services/unctad_dds_exports_eu27_members.csv"])
def test_negative_money_is_refused(copy_dir, rel):
    set_cells(copy_dir / rel, "value", "-1250.5", (3,))
    [problem] = problems_of(copy_dir)
    assert problem.file.endswith(rel) and (problem.line, problem.column) == (3, "value")
    assert "-1250.5 is negative, and the series is an amount in USD" in problem.problem
