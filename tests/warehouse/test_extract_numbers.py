"""The number rules (lib/warehouse/extract/numbers.py) on real lines of the unseen texts (tests/labels/unseen) and
the seeds: each form of writing a number is read with its value and unit, and forms that are no figure stay out."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lib.paths import SEEDS_DIR
from lib.warehouse.extract import extract_document, reference_date

TEXTS = Path(__file__).parents[1] / "labels" / "unseen" / "texts"
# Splits rules may be read from (issue 13, seventh session): a later clean split is the lead's alone.
READABLE = ("dev", "dev2", "heldout", "fresh", "fresh3")


def _line(name: str, line: int) -> list:
    """The mentions the extractor reads on one line of an unseen text, dated by its sidecar as the build does."""
    meta = yaml.safe_load((TEXTS / f"{name}.yaml").read_text(encoding="utf-8"))
    assert meta["split"] in READABLE, f"{name} is in a split kept for the final measurement"
    return [m for m in extract_document(TEXTS / f"{name}.txt", name[:3], date=reference_date(meta["published"]))
            if m.line_no == line]


def _read(name, line, quote):
    return [(m.value, m.value_high, m.unit) for m in _line(name, line) if m.quote.replace(" ", "") == quote]


@pytest.mark.parametrize("name,line,quote,value,unit", [
    # Lengths of time: 满/逾/连 before N年 (at least, over, running), an anniversary (N周年), a list that prints
    # its span word once (15年与4年以来), days (九十天), half a year (半年, 一年半), 连十三红 (13 months of rise).
    ("tw_semicon_2018", 1, "60年", 60, "count"),
    ("tw_semicon_2018", 1, "40年", 40, "count"),
    ("tw_exports_2025", 4, "3年", 3, "count"),
    ("cn_eu_trade_50y", 1, "50周年", 50, "count"),
    ("tw_exports_2025", 3, "15年", 15, "count"),
    ("tw_exports_2025", 3, "4年", 4, "count"),
    ("tw_tsmc_2025q4", 2, "九十天", 90, "count"),
    ("hk_economy_2025", 1, "一年半", 1.5, "count"),
    ("my_sg_reserves_2020", 1, "半年", 0.5, "count"),
    ("cn_unicorn_2022", 2, "半年", 0.5, "count"),
    ("tw_exports_2024m11", 1, "十三", 13, "count"),
    # Units: 斤 is half a kilogram; hectares, 亩, cubic metres and ages are `other`; trains count by 列.
    ("cn_gov_report_2023", 9, "1.37万亿斤", 6.85e8, "t"),
    ("cn_gov_report_2023", 16, "1.3万亿斤", 6.5e8, "t"),
    ("cn_county_communique_2015", 6, "12981公顷", 12981, "other"),
    ("cn_county_communique_2015", 8, "19800亩", 19800, "other"),
    ("cn_county_communique_2015", 8, "1868立方米", 1868, "other"),
    ("cn_unicorn_2022", 2, "44岁", 44, "other"),
    ("cn_eu_trade_2020", 4, "12406列", 12406, "count"),
    # A digit before 千亿 multiplies it; 成 after a digit is tenths as after a numeral.
    ("tw_exports_2025", 1, "6千億美元", 6e11, "USD"),
    ("tw_semicon_2018", 4, "7成", 70, "percent"),
])
def test_forms_on_unseen_lines(name, line, quote, value, unit):
    got = _read(name, line, quote)
    assert len(got) == 1 and got[0][0] == pytest.approx(value) and got[0][2] == unit, got


def test_idioms_and_period_names_are_no_lengths_of_time():
    """my_sg_reserves_2020 line 4: 一年半载 is "a year or so"; my_ringgit_2024 line 3: 上半年 names the first half."""
    assert not [m for m in _line("my_sg_reserves_2020", 4) if "年" in m.quote and m.value in (0.5, 1.5)]
    assert not [m for m in _line("my_ringgit_2024", 3) if m.quote.endswith("半年")]


def test_seed_figures_are_unchanged_by_the_new_forms():
    """The seeds print none of these forms as figures: 未来5年 (003, a horizon) stays out."""
    seed = next(SEEDS_DIR.glob("003_*.txt"))
    assert not [m for m in extract_document(seed, "003") if m.quote == "5年" and m.line_no == 235]
