"""Label convention 10 (tests/labels/GUIDE.md, 2026-12-02) in the extractor: a figure with no time of its own that
continues the report a text states the period of takes that period; 近年/近年来 describing the current state take the
document's date, as 目前 does. Each case reads a real labelled line (issue 13, year21)."""
from __future__ import annotations

import pytest

from tests.warehouse.test_extract_years import years

CASES = [
    # A run written with 已 (已经连续16年) lasts up to the statement, as one without it does (convention 2): in a report on
    # 2023's trade, the run and what its sentence states are 2023's (heldout; labels 2023 by convention 10).
    ("cn_nev_exports_2023", 9, "16年", "2023"),  # 我国光伏组件产量已经连续16年位居全球首位,
    ("cn_nev_exports_2023", 9, "首位", "2023"),
    ("cn_nev_exports_2023", 9, "80%", "2023"),  # …产量产能的全球占比均达80%以上。
    # The result of an effort of N years (经过八年持续努力) holds over years the text does not give (label: empty).
    ("cn_gov_report_2023", 20, "832个", None),
    # A lead sentence dated only by the start of an open period (自2019年启动全球规模商用至今2年多) tells how long something
    # has lasted: the news and its period are in the next sentence (截至2021年底,…), and the report's figures take it
    # (fresh11; labels 2021).
    ("cn_5g_users_2021", 5, "98%", "2021"),  # 中国的5G已经实现覆盖全国所有地级市城区、超过98%的县城城区和80%的乡镇镇区
    ("cn_5g_users_2021", 5, "80%", "2021"),
    # 近年来 describing the state now: the document's date (fresh11; labels 2023 and 2024).
    ("cn_ai_industry_2023", 1, "5000亿元", "2023"),  # 近年来,中国人工智能产业蓬勃发展,核心产业规模达到5000亿元人民币,
    ("cn_ai_industry_2023", 1, "4400家", "2023"),  # 企业数量超过4400家 (a text of 2023-10-16)
    ("cn_ai_industry_2023", 4, "第一", "2023"),  # 近年来,我国人工智能产业…已进入全球第一梯队。
    ("tw_servers_2024", 6, "七成", "2024"),  # 墨西哥…近年在美國進口市占率維持七成上下,排名居首 (2024-10-16)
    ("tw_servers_2024", 6, "首", "2024"),
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_convention_10_on_real_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year convention 10 gives."""
    assert years(name, line, quote) == [year]


def test_a_count_of_what_happened_over_recent_years_keeps_no_year():
    """近年来，我国约有70所高校和科研机构相继开设了人工智能学院 (seed 000 line 553, label empty): 相继 ("one after
    another") counts openings over the recent years, which hold over a span of unstated length (convention 3), not
    the present; the seed's reading is unchanged."""
    from tests.helpers import seed_mentions
    got = [m for m in seed_mentions()["000"] if m.line_no == 553 and m.quote == "70所"]
    assert [m.year for m in got] == [None]


def test_an_open_start_in_the_taiwanese_calendar_is_no_report_period():
    """1.積體電路業產值位居我國製造業各細行業之首:… 產值自101年起連續11年正成長 (tw_ic_output_2023 line 1, fresh12, text
    of 2024): the lead's 自101年起 starts a run up to now; read as the report's period it gave the heading's 之首 2012.
    Undated now, and flagged year_unknown (the label, 2023, is the 112年 the note reports on further on)."""
    from tests.warehouse.test_extract_labels import unseen_mentions
    heading = next(m for m in unseen_mentions("tw_ic_output_2023") if m.line_no == 1 and m.quote == "之首")
    assert heading.year is None and "year_unknown" in heading.flags
