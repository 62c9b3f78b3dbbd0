"""Year rules written from the wrong readings of fresh15 (issue 13, year24): each rule is a usage seen in more than one
text (a read split, a seed, or real text of the pages corpus named in the rule's comment), and each case reads a real
labelled line."""
from __future__ import annotations

import pytest

from tests.warehouse.test_extract_years import years

CASES = [
    # A sentence opening on 去年 without a comma sets the paragraph's time as 去年， does, before the period a report's
    # edition names (《2019年世界投資報告》 in a text of 2019-06); also 今年港股IPO项目数… (cn_ipo_review_2025:2).
    ("hk_unctad_fdi_2018", 3, "2520億美元", "2018"),  # 去年流入發達經濟體的FDI總額,減少27%,…;美國FDI流入量…降至2520億美元
    ("hk_unctad_fdi_2018", 4, "54%", "2018"),  # 去年流入發展中經濟體的FDI增長2%。同時,佔全球FDI總額的比重升至54%
    # A decade named with its century is that decade, for the figures its sentence states after it.
    ("cn_us_eu_jp_rd_2022", 3, "70%", "1990-1999"),  # 上个世纪90年代,日本曾风头无两,其GDP一度超过美国的70% (a text of 2023)
    ("cn_us_eu_jp_rd_2022", 3, "17%", "1990-1999"),  # …全球GDP份额超过17%
    # A target its clause sets without a year (目标是…, …的目标) stays undated, as a horizon (未来) does.
    ("tw_startup_funding_2024", 2, "1500億元", None),  # 目標是新創投資金額每年達1500億元 (a text of 2025)
    ("tw_startup_funding_2024", 4, "1500億元", None),  # 要進一步達到1500億元的目標
    # 党的十八大以来 ("since the 18th Party Congress", 2012) opens a period as 2012年以来 does.
    ("cn_industry_75y_2024", 5, "8.7%", "2012-2023"),  # 黨的十八大以來,我國規模以上裝備制造業增加值年均增長8.7%
    ("cn_industry_75y_2024", 5, "10.3%", "2012-2023"),  # …規模以上高技術制造業增加值年均增長10.3%
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_year_rules_on_fresh15_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year the rule gives."""
    assert years(name, line, quote) == [year]


def test_congress_name_is_no_number():
    """十八大 in 黨的十八大以來 is a name (GUIDE): it dates the figures after it and is no mention of its own."""
    from tests.warehouse.test_extract_labels import unseen_mentions
    assert not [m.quote for m in unseen_mentions("cn_industry_75y_2024") if m.line_no == 5 and "十八" in m.quote]
