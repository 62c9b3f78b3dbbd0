"""The year rules of the extractor on real lines of the unseen texts (tests/labels/unseen; the splits that have been
read while writing rules) and of the seeds: each case is a convention of how Chinese texts date their figures,
named with the rule in lib/warehouse/extract/years.py."""
from __future__ import annotations

import pytest

from lib.warehouse.extract import extract_document
from tests.warehouse.test_extract_labels import UNSEEN, unseen_mentions

TEXTS = UNSEEN / "texts"


def years(name: str, line: int, quote: str) -> list[str | None]:
    """The years given to every mention of `quote` on `line`, in text order."""
    return [m.year for m in unseen_mentions(name) if m.line_no == line and m.quote == quote]


CASES = [
    # Months in numerals (十一月, 一至十一月, 前十一月) without a year: the latest such month by the text's date.
    ("tw_exports_2024m11", 1, "四百一十點九億美元", "2024"),  # 財政部九日公布十一月總出口…
    ("tw_exports_2024m11", 3, "千億美元", "2024"),  # 累計一至十一月對美國出口額
    ("tw_exports_2024m11", 3, "四千三百一十五億美元", "2024"),  # 累計前十一月出口
    # 首10個月 is 前10个月 (Hong Kong and Taiwan usage).
    ("hk_economy_2025", 3, "12%", "2025"),
    ("hk_economy_2025", 3, "4100萬人次", "2025"),
    # 今天 is the text's own day.
    ("tw_semicon_2018", 6, "264元", "2018"),
    ("tw_semicon_2018", 6, "6.84 兆元", "2018"),
    # 月内/期内/全季 refer back to the period named before them, across sentences and paragraphs.
    ("hk_trade_2009", 1, "11.8%", "2009"),  # …公布,5月商品整體出口貨量…。月內轉口貨量跌11.8%
    ("hk_trade_2009", 3, "16.3%", "2009"),  # 月內輸往德國…,輸往美國…分別跌16.3%: 今年5月 of the line before
    ("hk_trade_2009", 6, "1.7%", "2009"),  # 期內…。商品轉口價格升1.8%,港產品出口價格升1.7%: 今年首5個月
    ("tw_tsmc_2025q4", 3, "百分之七十七", "2025"),  # 全季晶圓銷售金額: 去年第四季 of the paragraph before
    # A release that names its period only relatively in its lead or title reports on that period: a figure that
    # nothing nearer dates is that period's (the lead resolved against the document's date).
    ("cn_guangdong_2015q3", 7, "27410元", "2015"),  # lead: 今年前三季度广东GDP增长7.9%
    ("hk_trade_2009", 4, "3.4%", "2009"),  # lead: 5月商品整體出口貨量按年跌12.6%
    ("tw_exports_2025", 4, "30.9％", "2025"),  # title: 台去年出口破6千億美元 (a text of 2026-01-09)
    # …but not a sentence about another time: an era (主政時期, 任期), 過往, or a hypothetical (只要…).
    ("tw_cn_growth_2025", 4, "9.7％", None),
    ("tw_exports_2025", 5, "前兩名", None),
    ("tw_tsmc_2025q4", 5, "百分之一到二", None),  # the hypothetical of 只要生產力提升百分之一到二
    # A run (连续N个月) is dated by its last month, the statement's (GUIDE convention 2); a span counted back
    # (近N个月来) is the span of years its months cover, counted back from the month the sentence names (convention 3).
    ("tw_exports_2025", 1, "26個", "2025"),  # 民國114年12月…為連續26個月正成長
    ("tw_exports_2024m11", 4, "十三個", "2024"),  # 十一月出口值…連續十三個月正成長
    # A length counted back from the statement (N年以来, 创N年新高, N季以来最高) is the span of calendar years ending in
    # the statement's year (convention 3); one suffix serves a list (15年與4年以來最大增速).
    ("my_ringgit_2024", 2, "50年", "1975-2024"),  # 单季涨幅为50年以来最高 (text of 2024)
    ("tw_exports_2025", 3, "15年", "2011-2025"),  # 分別是15年與4年以來最大增速
    ("tw_exports_2025", 3, "4年", "2022-2025"),
    ("tw_gdp_2010", 1, "31年", "1980-2010"),  # 今年第一季GDP…創下31年以來單季最高紀錄
    ("tw_gdp_2025q4", 5, "六季", "2024-2025"),  # 第四季民間消費…是六季以來最高
    ("hk_economy_2025", 1, "一年半", "2024-2025"),  # 第三季GDP…是超過一年半以來表現最好的一季
    # Any other length of time is dated by its statement (convention 3): 經過两年的努力 (text of 2024), an age up to
    # now (積體電路發明至今滿 60 年: 至今 is the text's present, convention 4); 長達20年 has no year of its own.
    ("my_ringgit_2024", 1, "两年", "2024"),
    ("tw_semicon_2018", 1, "60 年", "2018"),
    ("tw_cn_growth_2025", 2, "20年", None),
    ("tw_exports_2024m11", 6, "二十五個", "2022-2024"),  # 電子零組件十一月…近二十五個月來最佳表現
    # A period stated once with its year (2024年1至8月) and then abbreviated (1至8月, 前8个月) is the same period,
    # although the lead's first sentence gives last year's figure (2023年浙江数字经济增加值…).
    ("cn_zhejiang_digital_2024", 2, "2508.9亿元", "2024"),  # 从省内看,1至8月,…
    ("cn_zhejiang_digital_2024", 4, "8099.6亿元", "2024"),  # 前8个月,…
    # 2024年1至8月, opening a sentence sets the paragraph's time, as 2024年, does.
    ("cn_zhejiang_digital_2024", 5, "88.5%", "2024"),
    # A list of results under 2022年是…。 (one item per line, no full stop) is not one sentence with the
    # paragraph after the list (过去五年极不寻常。): the items stay in the year the text reports on.
    ("cn_gov_report_2023", 2, "3%", "2022"),  # 全年国内生产总值增长3%
    ("cn_gov_report_2023", 7, "2.8%", "2022"),  # 财政赤字率控制在2.8%,中央财政收支符合预算、支出略有结余
    ("cn_gov_report_2023", 9, "74亿斤", "2022"),  # 粮食产量1.37万亿斤,增产74亿斤
    # 当中 is 其中 ("of which"): the sentence details the one before it (…分别在2月18日、…5月26日…提呈四个预算案).
    ("my_sg_reserves_2020", 1, "520亿", "2020"),
    # 此次 (this time) is the text's own occasion, as 目前 is its present.
    ("my_sg_reserves_2020", 4, "520亿", "2020"),
    # 这两年 (these two years) is 近两年: the span up to the text's year (a press conference of 2021).
    ("cn_5g_2021", 5, "兩年", "2020-2021"),
    # The sentence's time word nearest before the figure dates it, not a later 明年 (今年…將達新台幣2.6兆元…明年…).
    ("tw_semicon_2018", 5, "2.6 兆元", "2018"),
    ("tw_semicon_2018", 5, "6%", "2018"),
    ("tw_semicon_2018", 5, "8%", "2019"),  # …國際半導體產業協會(SEMI)預估,明年台灣半導體產值將再成長約 8%
    # Next to a year of its own, 自YYYY年以来 is the range of a record, not the figure's time (nor a growth period).
    ("cn_oecd_rd_2014", 3, "9%", "2014"),  # 2014年也是中國自1996年以來科研投入增長最慢的一年,增幅為9%
    # The Nth year of a run (連續第三年) is one year, the statement's; a span of years (三年) has none of its own.
    ("hk_economy_2025", 1, "三年", "2025"),  # 這將是疫情後GDP連續第三年保持增長勢頭
    # N年 opening a clause before an average or a change: the N years up to the statement's year.
    ("cn_gov_report_2023", 14, "5.2%", "2018-2022"),  # 国内生产总值增加到121万亿元,五年年均增长5.2%,
    ("cn_gov_report_2023", 14, "121万亿元", "2022"),  # …the level reached at the end
    ("cn_gov_report_2023", 15, "70万亿元", "2013-2022"),  # 十年增加近70万亿元、年均增长6.2%。
    ("cn_gov_report_2023", 15, "6.2%", "2013-2022"),
    # 近年来 in a concession (盡管近年來…持續增長,但…) does not take the main clause after 但 out of the report's year.
    ("cn_unicorn_2021", 2, "32.3個", "2021"),  # …但中國獨角獸企業…占全球比重分別比美國少32.3個和32.6個百分點
    # 此前 (before this) is another, unstated time, as 之前 is: not the report's year.
    ("cn_eu_trade_2020", 2, "第一大", None),  # 此前,美國是歐盟第一大貿易夥伴。
    # The result of an effort of N years with no year in the sentence: not the report's year; a run, with 已 or
    # without, keeps the year reported on (cn_nev_exports_2023 line 9, labelled 2023 by convention 10 since 2026-12-02:
    # test_extract_year_c10.py).
    ("cn_gov_report_2023", 20, "832个", None),  # 经过八年持续努力, …全国832个贫困县全部摘帽
    ("cn_communique_2025", 1, "5.1%", "2025"),  # 此外人均GDP年增5.1%，…連續3年超過1.3萬美元。
    # Two different cut-offs in the paragraph before (截至2020年3月31日…; …截至2019年3月31日…) date their own
    # holders; neither reaches a paragraph about a third (新加坡政府投資公司…已逾1000億美元).
    ("my_sg_reserves_2020", 6, "1000亿美元", None),
    # A change told after the figure (由2015年…增加至2021年…) runs up to the state the figure describes: its end year.
    ("cn_unicorn_2021", 2, "第二", "2021"),  # 盡管中國穩居全球第二,但與全球第一的美國差距越來越大,數量差距由2015年…至2021年…
    # A speaker's quoted words keep their own time, not the report's year (习近平主席指出:“…两大力量…”).
    ("cn_eu_trade_50y", 1, "两大", None),  # all three: 两大力量, 两大市场, 两大文明
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_year_rules_on_real_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year the rule gives."""
    got = years(name, line, quote)
    assert got and set(got) == {year}, got


def test_a_pdf_line_that_breaks_mid_sentence_runs_on():
    """Seed 001 breaks a sentence over lines 59 and 61 (…连续8年保 / 进的5G网络…): its long lines do not all end a
    sentence, so its lines run on and 60万个 keeps the subject of its sentence (我国…), not an assumed one."""
    from tests.helpers import seed_mentions
    got = [m for m in seed_mentions()["001"] if m.line_no == 61 and m.quote == "60万个"]
    assert [(m.entity, "subject_assumed" in m.flags) for m in got] == [("CHN", False)]




def test_a_figure_dated_only_relatively_says_it_needs_the_documents_date():
    """tw_exports_2024m11 dates every figure by 十一月 alone. With its date (2024) they are 2024's; read without a
    date, they have no year, flagged year_unknown and year_needs_date (the reason, and what the user can add),
    never a year taken from another sentence."""
    path = TEXTS / "tw_exports_2024m11.txt"
    undated = [m for m in extract_document(path, "tw_") if m.line_no == 2]
    assert undated and all(m.year is None and {"year_unknown", "year_needs_date"} <= set(m.flags) for m in undated)
    dated = [m for m in extract_document(path, "tw_", date="2024") if m.line_no == 2]
    assert {m.year for m in dated} == {"2024"} and not any("year_needs_date" in m.flags for m in dated)


def test_every_unseen_text_reads_without_its_date():
    """A document added without a .yaml has no date: every rule that resolves a relative time must then give no year
    instead of failing (cn_gov_report_2023 without its date once stopped the build in the nearest-time-word rule)."""
    for path in sorted(TEXTS.glob("*.txt")):
        mentions = extract_document(path, path.stem[:3])
        assert mentions, path.name
        assert all(m.year is not None or "year_unknown" in m.flags for m in mentions), path.name


def test_an_roc_year_dates_a_taiwanese_figure_without_the_documents_date():
    """民國114年 is 2025 (Taiwan's calendar counts from 1912): tw_exports_2025 line 1 read without its date still dates
    民國114年12月出口額為624.8億美元, and the run of 26 months (連續26個月) is dated by that December, its last month."""
    got = {m.quote: m.year for m in extract_document(TEXTS / "tw_exports_2025.txt", "tw_") if m.line_no == 1}
    assert (got["624.8億美元"], got["26個"]) == ("2025", "2025")
