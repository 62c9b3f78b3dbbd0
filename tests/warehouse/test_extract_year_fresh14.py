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
    # A multiple stated right after a change between two dated values is of the new value's year, the end set off by a
    # comma (从A年的X,到B年的Y) as well as not (由A年的X增至B年的Y: test_extract_year_fresh13).
    ("cn_cross_border_ecom_2024h1", 2, "1.2倍", "2023"),  # 从2018年的1.06万亿元,到2023年的2.38万亿元,5年间,…增长了1.2倍
    ("cn_hightech_decade_2021", 2, "翻了一番", "2021"),  # 从2012年的9.95万亿元,增长到2021年的19.91万亿元,规模翻了一番
    # N年间 opening a clause after a sentence has stated two years N apart is the span between them.
    ("cn_nsf_gerd_2015", 5, "15年", "2000-2015"),  # 2015年全球總研發投入…,這一數字在2000年僅為7220億美元,15年間…
    ("cn_nsf_gerd_2015", 5, "6.7%", "2000-2015"),  # …15年間全球研發的年均增長率為6.7%
    ("cn_cross_border_ecom_2024h1", 2, "5年", "2018-2023"),  # 从2018年的…,到2023年的…,5年间,
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_year_rules_on_fresh14_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year the rule gives."""
    assert years(name, line, quote) == [year]
