"""Number forms first met on fresh15 (issue 13), each read on a real line of a read split; each rule's reason and its
second text are in lib/warehouse/extract/numbers.py."""
from __future__ import annotations

import pytest

from tests.warehouse.test_extract_forms_fresh13 import assert_read_as


@pytest.mark.parametrize("name,line,quote,value,value_high,unit", [
    # 蝉联榜首 (holds the top again): rank 1 with no list named between.
    ("ch_gii_2025", 2, "榜首", 1, None, "rank"),
    ("tw_patent_2025q3", 1, "榜首", 1, None, "rank"),
    # 冠军 after a verb of placing (晋身, 稳坐) is the top place.
    ("my_sg_sez_2023", 8, "冠军", 1, None, "rank"),
    ("tw_patent_2025q3", 1, "冠軍", 1, None, "rank"),
    # 3大策略, 7大基金: one digit and 大 before a noun count a set.
    ("tw_startup_funding_2024", 4, "3大", 3, None, "count"),
    ("tw_startup_funding_2024", 5, "7大", 7, None, "count"),
    ("tw_biotech_2024", 6, "3大", 3, None, "count"),
    # 十余载: 载 after a numeral is a year, a length as 十余年 is.
    ("ch_gii_2025", 2, "十余载", 10, None, "count"),
])
def test_forms_on_fresh15_lines(name, line, quote, value, value_high, unit):
    assert_read_as(name, line, quote, value, value_high, unit)


def test_a_hidden_champion_is_a_name():
    from tests.helpers import seed_mentions
    assert not [m for m in seed_mentions()["003"] if m.quote == "冠军"]
