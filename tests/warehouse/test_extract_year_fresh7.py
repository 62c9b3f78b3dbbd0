"""Year rules written from the causes of the year misses on fresh7 (issue 13): each case reads a real labelled line of
an unseen text and names the convention of Chinese writing the rule in lib/warehouse/extract/ follows."""
from __future__ import annotations

import pytest

from tests.warehouse.test_extract_year_causes import TW_GDP_2018, page_years
from tests.warehouse.test_extract_years import years

CASES = [
    # A news item on a ranking list released on the text's own day, with no year in its title or lead (8月4日消息,…。
    # then 今天胡潤研究院送出了全球獨角獸榜單): the list's figures in the later paragraphs are of the document's year.
    ("cn_unicorn_2020", 3, "233家", "2020"),  # 報告顯示…其中美國以233家排名第一
    ("cn_unicorn_2020", 4, "93家", "2020"),  # 具體城市來看,北京以93家排名第一
    ("cn_unicorn_2020", 7, "33家", "2020"),  # 上榜獨角獸的平均年齡為9歲,33家成立不到3年
    # A lead opening on a sentence of background that names no time (全球吹起人工智慧（ＡＩ）狂潮，…。) states its news,
    # and the period it reports on, in the next sentence (國科會最新統計指出，二○二四年我國…).
    ("tw_rd_2024", 2, "八九八六億元", "2024"),  # 整體研發經費中，企業投入的研發經費達到八九八六億元
    ("tw_rd_2024", 5, "○點七個百分點", "2024"),  # …較上年增加○點七個百分點
    ("tw_rd_2024", 3, "十年", "2015-2024"),  # 綜觀過去十年: counted back from the year reported on (convention 3)
    # A year of the Taiwanese calendar after 比/較 is the base of a comparison, as 2003年 would be: the figures after it
    # keep the statement's year (93年專利…全年…72,105件,較92年的65,742 件增加6,363件…,本國人申請案43,038件); the base's own
    # value, written after it with 的, is the base year's.
    ("tw_patent_2004", 2, "6,363件", "2004"),
    ("tw_patent_2004", 2, "43,038件", "2004"),
    ("tw_patent_2004", 2, "24,333件", "2004"),  # 93年專利發證數66,415件,比92年大幅增加24,333件
    ("tw_patent_2004", 2, "65,742 件", "2003"),
    # …and so is the value after the base's measure noun standing for 的 (比92年申請案件數65,907件,增加6,743件).
    ("tw_patent_2004", 3, "65,907件", "2003"),
    ("tw_patent_2004", 3, "6,743件", "2004"),
    # A year with 以来 before a record (为2011年以来的最低值) is the start of the span the record is measured over, not the
    # figure's time: the figures keep the paragraph's year (根据商务部统计数据,2021年,…。…逆差下降69.5%至2112.8亿元,…).
    ("cn_services_trade_2021", 2, "2112.8亿元", "2021"),
    ("cn_services_trade_2021", 2, "4816.5亿元", "2021"),
    ("cn_oecd_rd_2014", 3, "9%", "2014"),  # 2014年也是中國自1996年以來科研投入增長最慢的一年,增幅為9%
    # A sentence opening on the base of its comparison (与2019年同期相比,…) is dated as the statement before it, across the
    # paragraph's end (…2021年,我国服务贸易…); its 两年平均 is the two years up to that year (convention 3).
    ("cn_services_trade_2021", 3, "2.2%", "2021"),  # 与2019年同期相比,服务进出口下降2.2%
    ("cn_services_trade_2021", 3, "20.4%", "2021"),
    ("cn_services_trade_2021", 3, "两年", "2020-2021"),  # 两年平均下降1.1%
    ("cn_services_trade_2021", 3, "1.1%", "2020-2021"),
    # 12月当月 is that month itself, the latest December by the text's date (2022-08-26), not the month of writing.
    ("cn_services_trade_2021", 3, "6197.3亿元", "2021"),  # 12月当月,我国服务进出口总额6197.3亿元,同比增长28.6%
    ("cn_services_trade_2021", 3, "28.6%", "2021"),
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_year_rules_on_fresh7_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year the rule gives."""
    got = years(name, line, quote)
    assert got and set(got) == {year}, got


def test_the_value_after_a_bases_measure_noun_is_the_bases(tmp_path):
    """較106年11月預測數2.3%增加0.98個百分點 (a CNA release of 2018): 2.3% is the forecast of 106年11月 (2017), the base;
    the change is the statement's (106年第4季, 2017)."""
    got = page_years(TW_GDP_2018, tmp_path)
    assert (got["2.3%"], got["0.98個百分點"]) == ("2017", "2017")
