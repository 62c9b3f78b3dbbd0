"""Year rules written from the wrong readings of fresh13 (issue 13, year22): each rule is a usage seen in more than one
text (a read split, a seed, or real text of the pages corpus named in the rule's comment), and each case reads a real
labelled line."""
from __future__ import annotations

import pytest

from tests.warehouse.test_extract_labels import unseen_mentions
from tests.warehouse.test_extract_years import years

CASES = [
    # The figures of a list of criteria (…应满足以下条件: …不超过10年; …超过(含)10亿美元) are bounds, not dated amounts.
    ("cn_unicorn_gei_2023", 5, "10年", None),  # 独角兽企业应满足以下条件:成立年限不超过10年;…
    ("cn_unicorn_gei_2023", 5, "10亿美元", None),  # …最近一轮融资的投后估值超过(含)10亿美元
    ("cn_unicorn_gei_2023", 6, "5亿美元", None),  # 超级独角兽企业应满足条件为:…累计融资额超过(含)5亿美元
    # A time counted back (N年前) that opens the figure's clause or qualifies it (N年前的X) dates it N years before the
    # statement's year; not the base of a ratio (是10年前的5.8倍), and not past a word of the present (現時, 现在).
    ("cn_us_tech_2022", 7, "20個", "1992"),  # 30年前,20個中國留學生中只有1個回歸中國 (a text of 2022)
    ("cn_us_tech_2022", 7, "1個", "1992"),
    ("cn_us_tech_2022", 7, "5個", "2022"),  # ,現時則每5個便有4個決定返回中國
    ("cn_hightech_decade_2021", 1, "第34位", "2012"),  # 排名从10年前的第34位提升到现在的第12位 (a text of 2022)
    ("cn_hightech_decade_2021", 1, "第12位", "2022"),
    ("cn_innovation_decade_2021", 5, "5.8倍", "2021"),  # 2021年,全國技術合同成交額…是10年前的5.8倍
    # An open period (自YYYY年以来) the paragraph gives no end before its sentence runs to the latest year the paragraph
    # states after the figure, else to the document's year; not 自YYYY年起 (a change begun then).
    ("cn_digital_economy_2021", 1, "15.9%", "2012-2021"),  # 2012年以来…年均增速高达15.9%,…2021年,數字經濟規模達到…
    ("sg_startups_2022", 5, "500家", "2019-2023"),  # 当局自2019年以来已帮助近500家新加坡企业… (a text of 2023)
    # An era named without a year (二十一世紀初) keeps the report's or the document's year from its figures.
    ("cn_us_tech_2022", 9, "2700億美元", None),  # 二十一世紀初,美國的R&D支出是全球之冠,有2700億美元 (a text of 2022)
    ("cn_us_tech_2022", 9, "1800億美元", None),  # 歐盟則排第二,有1800億美元
    # A multiple stated right after a change between two dated values (由A年的X增至B年的Y,增长了N倍) is of B; a rate of
    # growth so stated stays the period's (增幅约170% in seed 003, labelled 2018-2022).
    ("cn_highly_cited_2023", 5, "2.6倍", "2023"),  # 由2018年的538人次增至2023年的1,406人次,增长了2.6倍
    ("cn_hightech_decade_2021", 2, "翻了一番", "2021"),  # 从2012年的9.95万亿元,增长到2021年的19.91万亿元,规模翻了一番
    # A year that starts the span of a record (創2008年…開始追蹤台灣出口以來的最小水準) is not the figure's; the figure takes
    # the time its paragraph opened on after its source (…的數據顯示，去年前11月，…), as a year so opening would give.
    ("tw_kr_exports_2025", 2, "616億美元", "2025"),  # 兩國出口額差距為616億美元，創2008年韓國貿易協會開始追蹤…以來的最小水準
    ("tw_kr_exports_2025", 2, "6410億美元", "2025"),
    # 下月 (next month), like 明年, dates a coming event by the year it falls in.
    ("hk_startups_2019", 4, "54個", "2020"),  # 投資推廣署將於下月10日至15日舉行…,就預計來自54個國家 (a text of 2020)
    ("hk_startups_2019", 4, "1.7萬名", "2020"),
    ("tw_semicon_2018", 5, "8%", "2019"),  # 明年台灣半導體產值將再成長約 8%
    # A release named by its year dates the figures of its sentence, whatever period the text's lead is on.
    ("tw_key_figures_2025", 6, "69個", "2025"),  # IMD發布2025世界數位競爭力調查評比，在全球69個主要經濟體中 (lead on 2024)
    ("tw_key_figures_2025", 6, "第十", "2025"),  # 台灣總體排名第十，較2024年下滑一名
    ("cn_hurun_unicorn_2024", 1, "1453家", "2024"),  # 发布《2024全球独角兽榜》…全球独角兽企业数量达到1453家
    # A level its clause says was held (…左右徘徊) holds over the 过去N年 its section opens on, as a yearly figure does.
    ("cn_highly_cited_2023", 5, "8%", "2018-2023"),  # 过去6年(2018~2023年)…英国在8%、德澳在5%、加拿大在3%左右徘徊
    ("cn_highly_cited_2023", 5, "3%", "2018-2023"),
    ("cn_patents_2025", 5, "七成", "2025"),  # 截至2025年底,…比重保持在七成左右: no span opens its section
    # A year in the base of a comparison, after the words describing that base (比…疫情暴发前的2019年), is not the figure's.
    ("sg_startups_2022", 8, "四成", "2022"),  # 去年…筹募了近110亿美元…,比冠病疫情暴发前的2019年高出四成以上 (a text of 2023)
    ("sg_startups_2022", 8, "64%", "2022"),  # ,更占了整个东南亚地区投资总额的64%
    # A year of the Taiwanese calendar written digit by digit (一一四年) is a year, and 和一一三年相較 the base.
    ("tw_export_orders_2025", 2, "七四七億美元", "2025"),  # 和一一三年相較增加七四七億美元 (a text of 2026-01 on 一一四年)
    ("tw_export_orders_2025", 1, "二九一六·二億美元", "2025"),  # 電子產品一一四年外銷訂單金額二九一六·二億美元
    # 当时 / 当年 / 同年 point back to the time named last before them, a comparison's base included.
    ("cn_us_tech_2022", 5, "36萬人次", "2000"),  # 2000年,美國…超過50萬人次,為全球之冠。中國當時只有36萬人次
    ("hk_services_trade_2022", 2, "28.1%", "2021"),  # 高於2021年錄得的1350億元…(相等於當年服務輸入總額的28.1%)
    ("hk_services_trade_2022", 2, "31.4%", "2022"),  # 2022年…1554億元,相等於同年服務輸入總額的31.4%
    ("hk_rd_2018", 1, "0.86%", "2018"),  # 2018年達到244.97億港元,較上年度上升10%,占當年本地生產總值的0.86%
    # 过去一年 is the statement's reference year (GUIDE convention 11): the period the text reports on when it names one,
    # else the year just ended.
    ("cn_hurun_unicorn_2024", 3, "171家", "2024"),  # 榜单显示,过去一年,全球共有171家新独角兽 (the 2024 list, 2024-04-09)
    ("cn_hurun_unicorn_2024", 4, "18家", "2024"),  # 过去一年,中国有18家独角兽上市
    ("hk_rd_outlook_2018", 4, "六成", "2017"),  # 香港工業總會在去年…調查…,發現六成企業表示在過去一年增加了研發開支
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_year_rules_on_fresh13_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year the rule gives."""
    assert years(name, line, quote) == [year]


def test_a_year_named_by_last_year_in_the_paragraph_is_not_from_elsewhere():
    """616億美元 takes 去年 (2025 in a text of 2026) from its paragraph's first sentence: no year_from_elsewhere."""
    (m,) = [m for m in unseen_mentions("tw_kr_exports_2025") if m.line_no == 2 and m.quote == "616億美元"]
    assert "year_from_elsewhere" not in m.flags


def test_a_year_of_the_taiwanese_calendar_in_numerals_is_no_figure():
    """一一四年 / 一一三年 (2025, 2024) are years, not counts of 114 and 113, and the figures they date are not flagged
    as dated from elsewhere."""
    mentions = [m for m in unseen_mentions("tw_export_orders_2025") if m.line_no in (1, 2)]
    assert not [m.quote for m in mentions if m.quote in ("一一四年", "一一三年")]
    assert not [m.quote for m in mentions if "year_from_elsewhere" in m.flags]
