"""Year rules written from the wrong readings of the four late splits read together (fresh7, fresh9, fresh10, fresh11;
issue 13, year20): each rule is a mechanism seen in more than one text, and each case reads a real labelled line."""
from __future__ import annotations

import pytest

from lib.warehouse.extract.years import report_period
from tests.warehouse.test_extract_years import years

CASES = [
    # A run counted from a stated start (自YYYY年起/以来 … 连续N年) lasts up to the statement: the run and what it
    # qualifies after it are of the statement's reference year (label convention 2), not undated.
    ("tw_unctad_fdi_2013", 7, "22年", "2013"),  # 自1992年起,中國已連續22年成為吸收外資最多的開發中國家 (report on 2013)
    ("tw_unctad_fdi_2013", 8, "2年", "2013"),  # 扭轉自2012年以來新設立企業數連續2年下降的局面
    ("tw_patent_2025q3", 3, "十年", "2025"),  # 台積電自二〇一五年第三季起已連續十年蟬聯第一
    ("tw_patent_2025q3", 3, "第一", "2025"),
    ("cn_mva_top50_2024", 7, "16年", "2024"),  # 自2010年超越美國以來,已經連續16年穩居世界第一 (the 2024 ranking)
    ("cn_mva_top50_2024", 7, "第一", "2024"),
    # A run with no stated start, written with 已 (已经连续16年位居全球首位), ends in the year of the report it continues
    # (heldout; labelled 2023 by convention 10 since 2026-12-02, empty before): see test_extract_year_c10.py.
    ("cn_nev_exports_2023", 9, "16年", "2023"),
    # The start of an open period in the lead (自2019年启动全球规模商用至今2年多; 自2013年首次超過日本躍居全球第二位以來) is
    # not the period the text reports on: an undated figure later in the text does not take it. The lead's next
    # sentence (截至2021年底,…) states the period (labelled 2021 by convention 10 since 2026-12-02, empty before; see
    # test_extract_year_c10.py).
    ("cn_5g_users_2021", 5, "98%", "2021"),  # 中国的5G已经实现覆盖…超过98%的县城城区和80%的乡镇镇区
    ("cn_5g_users_2021", 5, "80%", "2021"),
    ("cn_digital_economy_2016", 8, "30.3%", None),  # 中國數字經濟占GDP的比例為30.3% (not 2013; label 2016)
    ("cn_digital_economy_2016", 3, "第二", "2016"),  # (一)中國數字經濟總體規模穩居全球第二: its section's 2016
    # A change stated with no time of its own after its sentence has set a change between two times (a dated change, or
    # two periods side by side): its start value is of the first time, its end value of the second.
    ("cn_innovation_decade_2021", 4, "1.91%", "2012"),  # …從2012年的1.03萬億元增長到2021年的2.79萬億元,研發投入強度從1.91%
    ("cn_innovation_decade_2021", 4, "2.44%", "2021"),  # 增長到2.44%
    ("tw_ipo_market_2018", 4, "268家", "2002-2009"),  # 比較2002至2009年與2010至2017年兩段時期,IPO家數從268家降到208家
    ("tw_ipo_market_2018", 4, "208家", "2010-2017"),
    ("tw_ipo_market_2018", 4, "165家", "2002-2009"),  # 其中,…資本額小於NT$10億的公司,從165家降到137家 (the same two)
    ("tw_ipo_market_2018", 4, "137家", "2010-2017"),
    # …but not a start value named by what it is (估值差距由最小值1306億美元增加至1萬億美元以上: the minimum, at no stated time).
    ("cn_unicorn_2021", 2, "1萬億美元", "2021"),
    # The base of a comparison with its value after 录得的 ("recorded") or 之 (the written 的) is the base year's value.
    ("hk_services_2016", 2, "2,346億元", "2015"),  # 較2015年錄得的2,346億元無形貿易盈餘總額…為低
    ("hk_services_trade_2022", 2, "1350億元", "2021"),  # 高於2021年錄得的1350億元無形貿易盈餘總額
    ("tw_rd_2013", 3, "3.06%", "2012"),  # 高於101年之3.06%
    ("hk_services_2016", 2, "1,867億元", "2016"),  # the statement's own value keeps its year
    # A time after a verb of comparing or reversing (超越去年全年, 扭轉2012年下跌趨勢) is the other side: it dates no figure
    # in a later clause; a run the statement reverses (扭轉…連續2年下降的局面) ended the year before the statement's.
    ("tw_servers_2024", 1, "153.9%", "2024"),  # 前七月…產值達4,267億元,超越去年全年,年增153.9% (a text of 2024-10)
    ("tw_unctad_fdi_2013", 2, "9%", "2013"),  # 2013年全球FDI扭轉2012年下跌趨勢,重現成長,流入量成長9%,達1.45兆美元
    ("tw_unctad_fdi_2013", 2, "1.45兆美元", "2013"),
    ("tw_unctad_fdi_2013", 8, "711.4億美元", "2014"),  # 今年以來…,扭轉自2012年以來…的局面,實際使用外資711.4億美元
    # A span counted back that opens the sentence as its own clause governs the totals and averages of the sentence.
    ("tw_unctad_fdi_2013", 7, "7.6%", "1994-2013"),  # 近20年,中國吸收外資在全球FDI總量中年均比例為7.6% (report on 2013)
    ("tw_unctad_fdi_2013", 7, "21.5%", "1994-2013"),  # ;在開發中國家吸收外資中,年均占比則為21.5%
    ("cn_hightech_decade_2021", 1, "40多个", "2013-2022"),  # 10年来,…布局建设了上海光源等40多个重大科技基础设施
    ("cn_eu_trade_50y", 3, "30亿美元", None),  # 50年来,…贸易额从不足30亿美元增至…: a start value, no total (label: empty)
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_year_rules_on_late_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year the rule gives."""
    assert years(name, line, quote) == [year]


def test_an_open_start_in_the_lead_is_no_report_period():
    """The lead of cn_5g_users_2021 (数据显示,自2019年启动全球规模商用至今2年多,…) names no period it reports on; a lead
    that opens on its year (2025年，我国通信业…) does."""
    assert report_period(None, "数据显示,自2019年启动全球规模商用至今2年多,5G在网络覆盖、终端、用户规模等方面发展迅速。",
                           "2022-03-02") is None
    assert report_period(None, "2025年，我国通信业运行平稳。", "2026-01-29") == "2025"
