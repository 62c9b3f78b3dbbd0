"""Year rules written from the causes of the year misses on fresh10 (issue 13): each rule is a structure of Chinese
news and report writing seen in more than one text; each case reads a real labelled line and names the convention."""
from __future__ import annotations

import pytest

from lib.warehouse.extract.years import lead_paragraph
from lib.warehouse.extract.document import matching_text, read_document
from tests.warehouse.test_extract_labels import UNSEEN
from tests.warehouse.test_extract_years import years

CASES = [
    # A report that opens on paragraphs of definition with no figure and no time (製造業增加值是指…) states its period in
    # the first paragraph that names one (按現價美元計算的2024年各國、地區製造業增加值排行前50強,如下表1、圖1:): the
    # figures nothing nearer dates are of that period.
    ("cn_mva_top50_2024", 4, "15.7264兆美元", "2024"),  # 前50強製造業增加值為15.7264兆美元
    ("cn_mva_top50_2024", 5, "21席", "2024"),  # 前50強中,歐洲整體實力最強佔據21席
    # A year after 自 with an event and 以来/后 (自2015年6月國泰君安證券上市以來的最大IPO) starts an open period told after
    # the figure: it does not date the figure; the sentence's own year (2018 年最受關注) does.
    ("tw_ipo_market_2018", 7, "177.25 億", "2018"),  # RMB¥177.25 億
    ("tw_ipo_market_2018", 7, "821.2 億", "2018"),  # (NT$821.2 億)
    # …and a time adverb after the figure's clause (曾長期是…, 已經連續16年…) governs its own clause, not the figure
    # stated before it: 日本8670億美元,佔比5.07%,曾長期是亞洲製造業的領頭雁 is the ranking's year.
    ("cn_mva_top50_2024", 9, "8670億美元", "2024"),
    ("cn_mva_top50_2024", 7, "4.6614兆美元", "2024"),  # 1、中國4.6614兆美元,…自2010年超越美國以來,已經連續16年…
    # The base of a comparison named by last year (较去年底8.40令吉闭市价, 从去年的387亿1382万令吉…回升至…): the value
    # written right after it is last year's, as after 较2015年的; the change keeps the statement's year.
    ("my_klse_market_cap_2016", 3, "8.40令吉", "2015"),  # 闭市收报8.20令吉,较去年底8.40令吉闭市价的跌幅…
    ("my_klse_market_cap_2016", 7, "13.32令吉", "2015"),  # 相比去年底13.32令吉闭市价
    ("my_klse_market_cap_2016", 8, "387亿1382万令吉", "2015"),  # 今年市值则从去年的387亿1382万令吉明显回升至…
    ("my_klse_market_cap_2016", 8, "399亿9641万令吉", "2016"),
    ("tw_gdp_2025q4", 3, "百分之七點九一", "2025"),  # 較去年十一月預測數百分之七點九一 (a text of 2026)
    # A bound that cuts a class (資本額小於NT$10億的公司, 年龄不足45岁的青年才俊, 百亿俱乐部) holds at no time: no year.
    ("tw_ipo_market_2018", 4, "10億", None),  # 資本額小於NT$10億的公司,從165家降到137家
    ("tw_ipo_market_2018", 4, "100億", None),  # 資本額NT$100億以上,從14 家降到6 家 (the first 100億 is NT$10至100億's end)
    ("cn_talent_report_2020", 6, "45岁", None),  # 超过60%的完成人为年龄不足45岁的青年才俊
    ("my_klse_market_cap_2016", 11, "百亿", None),  # 34股晋百亿俱乐部 (a subheading)
    ("my_klse_market_cap_2016", 12, "百亿", None),  # 今年马股共34只股项市值进入百亿俱乐部
    # A part of a year after a year its sentence named (2018年更不妙,上半年IPO只有15家) is that year's part, not the lead's
    # period (the column opens on Amazon's listing in 1997).
    ("tw_ipo_market_2018", 6, "15家", "2018"),
    ("tw_ipo_market_2018", 6, "88.79 億", "2018"),  # 全部資本額只有NT$88.79 億
    # 自2010年超越美國以來,已經連續16年穩居世界第一: an open period from the event (as 自2010年以来), not the start year
    # 2010; the run in it (連續16年) and the rank it qualifies are of the run's last year, the ranking's 2024 (label
    # convention 2; years._run_since, tests/warehouse/test_extract_year_late.py).
    ("cn_mva_top50_2024", 7, "16年", "2024"),
    ("cn_mva_top50_2024", 7, "第一", "2024"),
    # A subheading restates a figure of the section it heads, as a headline does its story's: R&D人员全时当量年均增速超7%
    # (line 2) over 《报告》显示,"十三五"期间,我国R&D人员全时当量快速增长,年均增速超7%,… (line 4).
    ("cn_talent_report_2020", 2, "7%", "2016-2020"),
    # An ellipsis closing a list of findings (…高被引科学家升至世界第二……8月27日,《报告》在京发布) ends the list's sentence:
    # the release day after it does not date the findings, and the lead gives them no year (GUIDE: empty).
    ("cn_talent_report_2020", 1, "63.6%", None),
    ("cn_talent_report_2020", 1, "第二", None),
    # 自YYYY年<event>后 opens a period as 自YYYY年以来 does: beside the sentence's own year it does not date the figure
    # (fresh7: …2023年以色列占6.3%居首,南韓占5.0%、位居第2,台灣自2017年超越日本後,持續保持在第3名,2023年占4%).
    ("tw_rd_2023", 2, "第3名", "2023"),
    ("cn_mva_top50_2024", 9, "第三", "2006"),  # 自2006年被中國超越後從世界第二退居第三: its own clause, the change then
    # A year after 自 with an event, told after the figure in its own clause (更高於第22名之後所有國家地區的總和!自2010年
    # 超越美國以來): the start of an open period, not the figure's year.
    ("cn_mva_top50_2024", 7, "第22名", "2024"),
    # A range of the measure a class is cut on, before the noun (資本額NT$10至100億公司): a class, no year.
    ("tw_ipo_market_2018", 4, "10至100億", None),
    # A place within a span (为近五年内第二高,仅次于2021年) ranks the statement's own value: the statement's year.
    ("cn_ipo_review_2025", 2, "第二", "2025"),
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_year_rules_on_fresh10_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year the rule gives."""
    got = years(name, line, quote)
    if year is None:  # a class bound: some mention of the quote on the line is undated (not every one)
        assert None in got, got
        return
    assert got and set(got) == {year}, got


def _paragraphs(name: str) -> list[str]:
    doc = read_document(UNSEEN / "texts" / f"{name}.txt")
    text = matching_text(doc.text, doc.line_starts)
    starts = doc.line_starts + [len(text)]
    return [text[a:b] for a, b in zip(starts, starts[1:])]


def test_the_lead_follows_paragraphs_of_background():
    """cn_services_trade_2021 (fresh7) opens on a paragraph of background (纵观全球针对数字贸易的研究可以发现,…) and
    leads on its second (根据商务部统计数据,2021年,我国服务贸易持续快速增长,…); cn_mva_top50_2024 on its third, after two
    definitions. A first paragraph with a figure or a time stays the lead (cn_talent_report_2020: 超7%…8月27日)."""
    assert lead_paragraph(_paragraphs("cn_services_trade_2021")) == 1
    assert lead_paragraph(_paragraphs("cn_mva_top50_2024")) == 2
    assert lead_paragraph(_paragraphs("cn_talent_report_2020")) == 0
