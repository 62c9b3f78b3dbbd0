"""Year rules written from the wrong readings of fresh14 and what was left on fresh13 (issue 13, year23): each rule is a
usage seen in more than one text (a read split, a seed, or real text of the pages corpus named in the rule's comment),
and each case reads a real labelled line."""
from __future__ import annotations

import pytest

from tests.warehouse.test_extract_years import years

CASES = [
    # A lead that names no period but the present (目前) reports on the state when written: the figures that continue it
    # are of the document's year.
    ("tw_5g_subsidy_2025", 1, "三大", "2025"),  # 政府補助數百億但目前用戶仍不到四成。…呼籲三大電信業者提出降價方案 (2025-09-13)
    ("tw_5g_subsidy_2025", 3, "一三九九元", "2025"),  # 三大業者5G吃到飽方案，資費至少要一三九九元，比4G價格翻倍
    ("tw_5g_subsidy_2025", 3, "翻倍", "2025"),
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_year_rules_on_fresh14_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year the rule gives."""
    assert years(name, line, quote) == [year]
