"""Year rules written from the causes of the year misses on fresh4 (and the remaining ones of the earlier read
splits): each case reads a real labelled line of an unseen text and names the convention of Chinese writing the rule
in lib/warehouse/extract/ follows."""
from __future__ import annotations

import pytest

from tests.warehouse.test_extract_years import TEXTS, years

CASES = [
    # A news item on a list or report just released, named with the year it covers (written without 年, or in the
    # lead's second sentence): the figures it relays are that year's.
    ("cn_hurun_2023", 2, "1361家", "2023"),  # 胡润研究院18日发布《2023全球独角兽榜》…。…全球有1361家独角兽企业
    ("cn_hurun_2023", 5, "33家", "2023"),
    ("cn_unicorn_us_2024", 6, "763 家", "2024"),  # IT 桔子发布的《2024 年中美独角兽公司发展分析报告》…
    # …but not a year written after the name: the edition of 《數字貿易發展與合作報告2025》 is no period of its figures.
    # A valuation bound that defines the class of firms a list counts is a criterion: no year.
    ("cn_hurun_2023", 1, "10亿美元", None),  # 列出全球成立于2000年之后、价值10亿美元以上的非上市公司
    ("cn_unicorn_2022", 1, "10亿美元", None),
    ("cn_unicorn_us_2024", 9, "50 亿美元", None),  # 美国在超 50 亿美元高估值的独角兽数量上是中国的近 2 倍
    # A value in brackets right after a year is that year's; years listed after the base of a comparison
    # (相比2023年(65.6%)和2022年(65.7%)) are bases too, so the main figure keeps the paragraph's year (從國別看,2024年,…).
    ("cn_digital_trade_2024", 3, "65.6%", "2023"),
    ("cn_digital_trade_2024", 3, "66%", "2024"),
    ("cn_digital_trade_2024", 5, "93.7%", "2023"),  # 相比2023年(93.7%)和2022年(93.5%)進一步上升
    ("cn_digital_trade_2024", 5, "93.5%", "2022"),
    # A month after 今年/去年 in its sentence, with no other time word between, is a month of that year: not the
    # period of the lead (主計總處昨公布…去年的家庭收支調查, a text of 2025-08-15).
    ("tw_dgbas_2025", 2, "一點三五個百分點", "2025"),  # 主計總處上修今年經濟成長率至…，較五月預測大幅增加一點三五個百分點
    ("tw_dgbas_2025", 2, "五八九二億美元", "2025"),
    # …but 去年8月以來 is a date of its own, and 較1-8月 after it is this year's (a text of 2025-10-27).
    ("cn_profits_2025q3", 1, "2.3個百分點", "2025"),
    # The base of a comparison (与2020年相比) is not one end of a growth period: 两年平均增长 is the two years up to the
    # sentence's year (初步核算,2022年,…比上年下降4.1%;与2020年相比,两年平均增长2.5%).
    ("cn_yunhe_communique_2022", 4, "2.5%", "2021-2022"),
    # The base's own value, written after it with 的, is the base year's (hk_gdp_2015: 二零一五年全年合計,該行業的淨產值
    # 同樣實質上升6.0%,較二零一四年的4.8%升幅略快).
    ("hk_gdp_2015", 6, "4.8%", "2014"),
    ("hk_gdp_2015", 6, "6.0%", "2015"),
    # 与之相比 opens a sentence set against the one before it: the same time (…在2024年實現兩位數增長(10.1%)…。
    # 與之相比,東盟10國數字服務貿易平均增速為5%).
    ("cn_digital_trade_2024", 4, "5%", "2024"),
    # The start value of a change written with a qualifier (从不足30亿美元增至近8000亿美元) is the value at an earlier,
    # unstated time, as 从30亿美元 is: no year.
    ("cn_eu_trade_50y", 3, "30亿美元", None),
    # Durations by the GUIDE's conventions 2 and 3: a span counted back from the statement (N年以来, 创N年新高,
    # 六季以来, 一年半以来, 过去30年几年来) is the N years or months ending in its reference year, counted inclusively;
    # a run of months or quarters (連升兩季, 連續26個月) and an anniversary (建交50周年) are the statement's year.
    ("tw_gdp_2010", 1, "31年", "1980-2010"),  # 今年第一季GDP…創下31年以來單季最高紀錄
    ("cn_eu_trade_50y", 3, "50年", "1976-2025"),  # 50年来,中国同欧盟贸易快速增长 (a text of 2025)
    ("hk_economy_2025", 1, "一年半", "2024-2025"),  # 第三季GDP…是超過一年半以來表現最好的一季
    ("tw_gdp_2025q4", 5, "六季", "2024-2025"),  # (去年第四季)民間消費…是六季以來最高
    ("hk_economy_2025", 2, "兩季", "2025"),  # 住宅樓價第二季回升1%後,第三季再升2%,連升兩季
    ("cn_eu_trade_50y", 1, "50周年", "2025"),  # 2025年5月6日,…庆祝中国和欧盟建交50周年
    ("tw_exports_2025", 3, "15年", "2011-2025"),  # …分別是15年與4年以來最大增速: 以來 is both spans'
    ("tw_exports_2025", 3, "4年", "2022-2025"),
    # A run the statement ends had its last year just before the statement's (對陸港終止連3年跌勢轉為上升13.2%).
    ("tw_exports_2025", 4, "3年", "2024"),
    # A yearly figure (年均, 连年) whose clause names no span holds over the 过去N年 its section opened with (过去五年极不
    # 寻常…。 then the list of results); 工业增加值突破40万亿元 in the same list, with no per-year word, stays 2022's.
    ("cn_gov_report_2023", 18, "1270多万人", "2018-2022"),  # 城镇新增就业年均1270多万人
    ("cn_gov_report_2023", 16, "1.3万亿斤", "2018-2022"),  # 粮食产量连年稳定在1.3万亿斤以上
    ("cn_gov_report_2023", 17, "40万亿元", "2022"),
    # 过去N年 counts back inclusively from the statement's reference year: the report's year when the text names one,
    # else the text's own (a press conference of 2020-10: 过去五年间 is 2016-2020; the 2023 work report: 2018-2022).
    ("cn_miit_2020q3", 3, "五年", "2016-2020"),
    ("cn_gov_report_2023", 12, "五年", "2018-2022"),
    # A period word opening a sentence after a viewpoint clause (从省内看,1至8月,…) sets the paragraph's time as it
    # does at the start, with the year it was stated with before (2024年1至8月 in the lead paragraph), not the lead's
    # background year: 从全国看,浙江数字经济核心制造业营收居全国第三 is 2024's.
    ("cn_zhejiang_digital_2024", 2, "第三", "2024"),
    # The year of a base after 相当于 is the base's: 中國2014年科研投入總額…,相當于美國2013年科研投入總額的80% is 2014's.
    ("cn_oecd_rd_2014", 2, "80%", "2014"),
]


@pytest.mark.parametrize("name,line,quote,year", CASES)
def test_year_causes_on_real_lines(name, line, quote, year):
    """Every mention of `quote` on the line gets the year the rule gives."""
    got = years(name, line, quote)
    assert got and set(got) == {year}, got


def test_an_edition_year_after_a_reports_name_is_not_its_period():
    """《數字貿易發展與合作報告2025》 (cn_digital_trade_2024 line 1) is the 2025 edition of a report on 2024: the
    report period is not read from it."""
    from lib.warehouse.extract import matching_text
    from lib.warehouse.extract.years import report_period
    first = (TEXTS / "cn_digital_trade_2024.txt").read_text(encoding="utf-8").split("\n")[0]
    assert "《數字貿易發展與合作報告2025》" in first
    assert report_period(None, matching_text(first, [0]), "2025-09-12") is None


# Real pages from the search tool's pages corpus that no split labels (the lines verbatim, with their dateline): the
# rules below were found by running the extractor on them, and no labelled line holds their case yet.
TW_ORDERS_2025M9 = ("https://ec.ltn.com.tw/article/breakingnews/5219022", "2025-10-21",
                    "〔記者廖家寧／台北報導〕經濟部統計處今（21日）公布9月外銷訂單702.2億美元，創歷年單月新高，月增17%，"
                    "年增30.5%，寫連續8個月正成長；今年前3季接單金額為5243.7億美元，年增22.3%，也就是說，今年剩下的3個月"
                    "只要每月平均接單額達到499.1億美元，就能超越2021年的歷史最高紀錄。\n"
                    "今年全年外銷訂單接單額能否創歷史新高？黃偉傑指出，歷史最高紀錄是2021年的6741億美元，今年前3季接單額已達"
                    "5243.7億美元。\n"
                    "9月外銷訂單海外生產比52.1%，較上年同月微幅上升0.5個百分點。")

CN_INDUSTRY_2008M10 = ("http://www.sz-shandao.com/gnyw/2008-11/14/content_128175.htm", "2008-11-14",
                       "據新華社北京11月13日電\n"
                       "國家統計局13日發布的數字顯示,10月份,全國規模以上工業企業(年主營業務收入500萬元以上的企業)增加值同比增長"
                       "8.2%,比上年同期回落9.7個百分點。\n"
                       "工業企業產品銷售率為97.4%,同比下降0.78個百分點。工業企業共實現出口交貨值7089億元,同比增長6.8%。")

CN_DIGITAL_PAPER_2023 = ("http://www.handmsg.com/page/2023/0519/21854366.shtml", "2023-05-19",
                         "中國信息通信研究院發布的《中國數字經濟發展報告(2022年)》顯示,2021年我國數字經濟規模已達到45.5萬億元,"
                         "占GDP比重達到39.8,同比名義增長16.2%,比同期GDP名義增速高3.4個百分點。")

CN_DIGITAL_2017_2021 = ("http://m.fzxysj.com/xwzx/hg/202207/t20220706_6282353.html", "2022-07-06",
                        "“從2017年到2021年,我國數字經濟規模從27萬億元增長到超45萬億元,穩居世界第二。”")

CN_DIGITAL_2021 = ("https://hk.outputnews.com/2022/huanqiu/news_2022_07_11_317468", "2022-07-11",
                   "*【環球網綜合報道】*7月11日訊,中國信息通信研究院近日發佈《中國數字經濟發展白皮書(2022年)》。白皮書顯示,"
                   "2012年以來我國數字經濟年均增速高達15.9%,顯著高於同期GDP平均增速。在寬帶中國,5G及工業互聯網推動下,"
                   "2021年,數字經濟規模達到45.5萬億元,同比名義增長16.2%。")

MY_BOP_2016Q1 = ("https://boron.orientaldaily.com.my/news/business/2016/05/13/140637", "2016-05-13",
                 "(吉隆坡13日讯)大马统计局今天公布2016年首季的国际收支平衡,经常账项目盈馀为50亿令吉,金融账项净流入58亿令吉,"
                 "而国际外汇储备金则下滑至276亿令吉。\n"
                 "根据统计局的最新数据显示,经常账项盈馀按季下滑55亿令吉,主要是因为商品账项盈馀从2015年末季的311亿令吉,"
                 "减少至235亿令吉,和服务账项的赤字增加至68亿令吉。\n"
                 "按年比较,金融账项从去年同期的净流出298亿令吉,转为今年首季的净流入,主要因为投资组合从去年同期的净流出79亿令吉,"
                 "变成净流入131亿令吉。\n"
                 "除此之外,国行国际外汇储备金,在首季下滑276亿令吉,至3815亿令吉,比2015年末季的4091亿令吉低。")

TW_GDP_2018 = ("https://cna.com.tw/news/firstnews/201802130204.aspx", "2018-02-13",
               "(中央社記者陳政偉台北13日電)主計總處發布最新國民所得統計,上修107年全年經濟成長率預測2.42%,主計長朱澤民表示,"
               "內需增溫將是今年經濟成長推升主力,目前經濟正踏穩腳步,對今年成長樂觀期待。\n"
               "行政院主計總處今天召開國民所得統計評審會,公布106年第4季初步統計經濟成長率為3.28%,與1月概估數持平;"
               "較106年11月預測數2.3%增加0.98個百分點。")

SG_GDP_2019Q1 = ("http://world.xinhua08.com/a/20190412/1816392.shtml", "2019-04-12",
                 "新华财经新加坡4月12日电(记者李晓渝)新加坡贸工部12日公布的预估数据显示,今年第一季度新加坡经济同比增长1.3%,"
                 "增速低于去年第四季度的1.9%。\n"
                 "本次公布的数据是主要依据今年前两个月数据得出的预估值。数据显示,经季节性调整按环比折年率计算,新加坡经济今年第一"
                 "季度增长2%,增幅高于去年第四季度的1.4%。\n"
                 "按行业来看,今年第一季度制造业同比萎缩1.9%,而上一季度同比增长5.1%;建筑业同比增长1.4%,结束了连续十个季度的"
                 "萎缩态势;服务业同比增长2.1%,高于去年第四季度1.8%的增幅。")

CN_H1_2016 = ("http://news.fjsen.com/2016-07/15/content_18180321_all.htm", "2016-07-15",
              "上半年国民经济运行总体平稳、稳中有进\n"
              "全国夏粮总产量13926万吨,比上年减少162万吨,下降1.2%。夏粮总产量略低于最高年份2015年,为历史第二高产年。")


def page_mentions(page: tuple[str, str, str], tmp_path, dated: bool = True) -> list:
    """The mentions of a real page's lines, read with the page's date (or, `dated=False`, without one)."""
    from lib.warehouse.extract import extract_document
    path = tmp_path / "page.txt"
    path.write_text(page[2] + "\n", encoding="utf-8")
    return extract_document(path, "pg_", date=page[1] if dated else None)


def page_years(page: tuple[str, str, str], tmp_path) -> dict[str, str | None]:
    return {m.raw: m.year for m in page_mentions(page, tmp_path)}


def test_a_lead_reports_on_the_period_it_names_first(tmp_path):
    """A lead that names its period first (公布9月外銷訂單…) reports on it; 2021年 after it names a record, and neither
    the report's period nor the year of the figures before it in the sentence (月增17%, 年增30.5%)."""
    got = page_years(TW_ORDERS_2025M9, tmp_path)
    assert (got["702.2億美元"], got["17%"], got["30.5%"], got["22.3%"]) == ("2025",) * 4


def test_a_dateline_on_its_own_line_is_not_the_lead(tmp_path):
    """據新華社北京11月13日電 on a line of its own names the dispatch's day: the lead is the next line, whose 10月份 is
    the period the release reports on, so the figures of the next paragraph, which name no time, are 2008's."""
    got = page_years(CN_INDUSTRY_2008M10, tmp_path)
    assert (got["97.4%"], got["7089億元"]) == ("2008", "2008")


def test_a_year_after_a_documents_name_is_its_edition_not_the_figures_time(tmp_path):
    """《中國數字經濟發展報告(2022年)》顯示,2021年…同比名義增長16.2%: the edition's 2022 is no end of a growth period
    (it gave the reversed 2022-2021); the growth is 2021's."""
    got = page_years(CN_DIGITAL_PAPER_2023, tmp_path)
    assert (got["45.5萬億元"], got["16.2%"], got["3.4個百分點"]) == ("2021",) * 3


def test_a_year_that_opens_a_documents_name_dates_its_figures():
    """Seed 004 line 607: 《2023年全球创新指数》数据显示，我国科技集群数量达到24个，第一次超过了美国（21个）: the index's
    year opens its name and dates the figures it gives."""
    from tests.helpers import seed_mentions
    got = {m.quote: m.year for m in seed_mentions()["004"] if m.line_no == 607}
    assert (got["24个"], got["21个"]) == ("2023", "2023")


def test_the_ends_of_a_change_keep_their_years_behind_a_qualifier(tmp_path):
    """從2017年到2021年,…從27萬億元增長到超45萬億元: 超 between 到 and the value leaves it the end value (2021), not
    the whole period."""
    got = page_years(CN_DIGITAL_2017_2021, tmp_path)
    assert (got["27萬億元"], got["45萬億元"]) == ("2017", "2021")


def test_an_open_period_in_the_figures_own_clause_is_not_its_start_year(tmp_path):
    """2012年以來我國數字經濟年均增速高達15.9%: an average since 2012 is not 2012's; with no earlier year to end it in
    the paragraph it runs to the latest year the paragraph states after it (2021年,…: 2012-2021, as the blind labels of
    fresh13 date this text, cn_digital_economy_2021:1; it was left undated before 2026-12-02 16:27), while 2021年,…
    45.5萬億元 keeps its year."""
    got = {m.raw: m for m in page_mentions(CN_DIGITAL_2021, tmp_path)}
    assert got["15.9%"].year == "2012-2021" and "year_unknown" not in got["15.9%"].flags
    assert got["45.5萬億元"].year == "2021"


def test_the_value_a_change_reaches_from_a_dated_start_is_the_reports(tmp_path):
    """从2015年末季的311亿令吉,减少至235亿令吉 and 从去年同期的净流出79亿令吉,变成净流入131亿令吉: only the start is dated,
    so the value reached is the quarter the release reports on (2016年首季); 55亿 before a clause that starts a change
    in 2015 is that quarter's too, and the base 比2015年末季的4091亿令吉 is 2015's."""
    got = page_years(MY_BOP_2016Q1, tmp_path)
    assert (got["311亿令吉"], got["235亿令吉"], got["55亿令吉"]) == ("2015", "2016", "2016")
    assert (got["79亿令吉"], got["131亿令吉"], got["4091亿令吉"], got["3815亿令吉"]) == ("2015", "2016", "2015", "2016")


def test_a_taiwanese_year_without_minguo_is_a_year_of_its_calendar(tmp_path):
    """A Taiwanese text writes 民國 years without 民國 (公布106年第4季初步統計經濟成長率為3.28%): 106年 is 2017, 107年
    2018; a mainland text's 106年 would be read as nothing."""
    got = page_years(TW_GDP_2018, tmp_path)
    assert (got["2.42%"], got["3.28%"], got["0.98個百分點"]) == ("2018", "2017", "2017")


def test_a_lead_reports_on_the_first_period_it_names_and_this_years_quarter_is_this_years(tmp_path):
    """今年第一季度…增长1.3%,增速低于去年第四季度的1.9%: the lead reports on the first period it names (2019's first
    quarter, not last year's fourth), and 今年第一季度 is this year's quarter wherever it stands."""
    got = [(m.raw, m.year) for m in page_mentions(SG_GDP_2019Q1, tmp_path) if m.line_no < 3]
    assert [y for raw, y in got if raw in ("1.3%", "1.9%", "2%", "1.4%")] == ["2019", "2018", "2019", "2018"]


def test_the_previous_quarter_is_the_one_before_the_quarter_its_sentence_names(tmp_path):
    """今年第一季度制造业同比萎缩1.9%,而上一季度同比增长5.1%: 上一季度 is the quarter before 2019's first, 2018's fourth
    (it was read as 一季度, the first); it dates only its own clause (建筑业同比增长1.4% stays 2019's)."""
    got = [(m.raw, m.year) for m in page_mentions(SG_GDP_2019Q1, tmp_path) if m.line_no == 3]
    assert got[:3] == [("1.9%", "2019"), ("5.1%", "2018"), ("1.4%", "2019")]
    # 結束了連續十個季度的萎縮態勢: the run the first quarter of 2019 ends had its last quarter in 2018.
    assert ("十个", "2018") in got


def test_a_year_after_a_verb_of_comparing_is_the_other_side(tmp_path):
    """夏粮总产量略低于最高年份2015年,为历史第二高产年: 2015 is the record the harvest is compared with; the rank is the
    year the release reports on (上半年 in its headline, a text of 2016-07)."""
    got = page_years(CN_H1_2016, tmp_path)
    assert (got["13926万吨"], got["第二"]) == ("2016", "2016")


def test_without_its_date_a_relative_period_is_not_replaced_by_another_year(tmp_path):
    """Read without its date, 今年前3季接單額已達5243.7億美元 and 9月…較上年同月…0.5個百分點 have no year (flagged: the date
    would give one), not the 2021 the sentence or the paragraph before names for a record; 6741億美元 keeps 2021."""
    got = {(m.line_no, m.raw): m for m in page_mentions(TW_ORDERS_2025M9, tmp_path, dated=False)}
    assert got[(2, "6741億美元")].year == "2021"
    for key in ((2, "5243.7億美元"), (3, "0.5個百分點")):
        assert got[key].year is None and "year_needs_date" in got[key].flags, key


# A CNA story as a portal carries it, with no date of the portal's own: the only date is the editor's stamp at the
# end, 1141107 = 民國114年11月7日 (https://tw.news.yahoo.com/財部-10月對美出口年增1-4倍-穩居第-大市場-103223521.html).
TW_CNA_EXPORTS_2025M10 = ("https://tw.news.yahoo.com/103223521.html", "",
                          "（中央社記者呂晏慈台北7日電）財政部今天表示，10月對美出口猛爆式成長，出口金額達211.4億美元，"
                          "年增1.4倍，美國占總出口比重增至34.2%。\n"
                          "蔡美娜補充，前10月對陸港出口占比為27%，為近24年來同期最低點，同時對美出口占比為29.5%，穩居"
                          "第一大市場，也為近35年來同期最高值。（編輯：楊凱翔）1141107")


def test_a_cna_editors_stamp_dates_the_story(tmp_path):
    """CNA closes every story with （編輯：name）and the day in the Republic calendar run together: 10月 and 前10月 are
    2025's, and 近24年來 counts back from 2025; without the stamp nothing dates them and they stay flagged."""
    got = {m.raw: m.year for m in page_mentions(TW_CNA_EXPORTS_2025M10, tmp_path, dated=False)}
    assert (got["211.4億美元"], got["27%"], got["24年"]) == ("2025", "2025", "2002-2025")
    url, date, text = TW_CNA_EXPORTS_2025M10
    unstamped = page_mentions((url, date, text.replace("（編輯：楊凱翔）", "")), tmp_path, dated=False)
    assert all(m.year is None and "year_needs_date" in m.flags for m in unstamped if m.raw in ("211.4億美元", "27%"))


# A portal's page that prints its posting time under the headline and has no other date
# (http://zhinengpai.8966911.cn/article/20201124/32975.html, posted 2020-11-24).
CN_INTERNET_REPORT_2020 = ("http://zhinengpai.8966911.cn/article/20201124/32975.html", "",
                           "中国数字经济占GDP比重达36.2%\n"
                           "业界 | 2020-11-24 11:46:03\n"
                           "《中国互联网发展报告2020》显示,截至2020年5月底,中国光纤网络全面覆盖城乡,光纤用户占比达93.1%,"
                           "位居世界第一。5G基站建设数量至今年9月已超过48万个。")


def test_a_posting_time_near_the_top_dates_the_page(tmp_path):
    """业界 | 2020-11-24 11:46:03 under the headline is when the page was posted: 至今年9月 is 2020's. A date without a
    time of day (截至2020年5月底) is a date the story reports, not the page's: without the posting line 48万个 stays
    undated and flagged."""
    got = {m.raw: m.year for m in page_mentions(CN_INTERNET_REPORT_2020, tmp_path, dated=False)}
    assert (got["48万个"], got["93.1%"]) == ("2020", "2020")
    url, date, text = CN_INTERNET_REPORT_2020
    unposted = page_mentions((url, date, text.replace("业界 | 2020-11-24 11:46:03\n", "")), tmp_path, dated=False)
    assert [(m.year, "year_needs_date" in m.flags) for m in unposted if m.raw == "48万个"] == [(None, True)]


# Headlines that restate the lead's figure without its year (guangxilong.com/c/0G1D2CR022.html, a relay of the
# 2022-07 report; cn.bg3.co, the 《中国独角兽企业发展追踪报告》 of 2024-09-08).
CN_DIGITAL_ECONOMY_2021 = ("http://guangxilong.com/c/0G1D2CR022.html", "2022-07",
                           "数字经济|中国数字经济规模快速增长 占GDP比重近四成\n"
                           "上周五 , 中国信息通信研究院发布报告称 , 2021年中国数字经济规模达到45.5万亿元 , 同比名义增长16.2% , "
                           "占GDP比重达到39.8% 。")
CN_UNICORN_VALUE_2023 = ("https://cn.bg3.co/a/du-jiao-shou-qi-ye-fa-zhan-zui-xin-shu-ju-chu-lu.html", "",
                         "独角兽企业发展最新数据出炉 中国独角兽企业总估值超1.2万亿美元\n"
                         "9月8日举行的独角兽创新发展论坛发布了《中国独角兽企业发展追踪报告》。2016—2023年中国独角兽企业"
                         "总估值由近5000亿美元持续攀升至超1.2万亿美元,其中,在2020年首破1万亿美元。")


def test_a_headline_figure_has_the_year_of_the_figure_it_restates(tmp_path):
    """A headline names the figure its story reports: 近四成 rounds the lead's 39.8% of 2021 (same words before it,
    占GDP比重) and 超1.2万亿美元 is the body's 2023 value. A headline figure the body does not restate stays undated."""
    assert page_years(CN_DIGITAL_ECONOMY_2021, tmp_path)["四成"] == "2021"
    got = {m.raw: m for m in page_mentions(CN_UNICORN_VALUE_2023, tmp_path, dated=False) if m.line_no == 1}
    assert got["1.2万亿美元"].year == "2023" and "year_unknown" not in got["1.2万亿美元"].flags
    url, date, text = CN_DIGITAL_ECONOMY_2021
    other = page_mentions((url, date, text.replace("近四成", "近五成")), tmp_path)
    assert [m.year for m in other if m.line_no == 1] == [None]


# A Hong Kong release relayed without a date (https://std.stheadline.com/realtime/article/480237/, no date printed).
HK_EXPORTS_JUNE = ("https://std.stheadline.com/realtime/article/480237/", "",
                   "政府統計處公布,本港6月商品轉口貨量按年上升9.2%,出口貨量亦上升1.2%。兩者合計,商品整體出口貨量上升9.1%,"
                   "進口貨量則上升8.2%。\n"
                   "經季節性調整後,第二季商品整體出口貨量按季上升1.0%。其中轉口貨量按季上升1.1%。")


def test_a_sentence_continuing_a_relatively_dated_one_says_it_needs_the_date(tmp_path):
    """兩者合計 and 其中 continue the time the paragraph's first sentence states (6月, 第二季): without the text's date
    their figures stay undated, flagged year_needs_date like the first sentence's, since the date would date them."""
    got = {m.raw: m for m in page_mentions(HK_EXPORTS_JUNE, tmp_path, dated=False)}
    for raw in ("9.2%", "9.1%", "1.0%", "1.1%"):
        assert got[raw].year is None and "year_needs_date" in got[raw].flags, raw


def test_the_base_of_a_yu_xiang_bi_frame_is_its_years_value(tmp_path):
    """與二○二二年的出口高點四七九四點二億美元相比 (https://udn.com/news/story/7238/9061161, a text of 2025-10): the value
    the 與…相比 frame compares with is 2022's, as 較2014年的4.8% is 2014's; 現在 dates only the gap (二六七億美元)."""
    page = ("https://udn.com/news/story/7238/9061161", "2025-10-10",
            "財政部統計處處長蔡美娜說，現在與二○二二年的出口高點四七九四點二億美元相比，只差二六七億美元。")
    got = page_years(page, tmp_path)
    assert (got["四七九四點二億美元"], got["二六七億美元"]) == ("2022", "2025")


def test_a_relative_time_word_opening_a_later_clause_dates_what_follows(tmp_path):
    """台大2012年至2014年…都在百件以上,…但去年申請量大減至38件,…全年排名慘跌至第18名,今年前3季申請量30件,排名第12
    (https://cna.com.tw/news/afe/201610250403.aspx, 2016-10-25): the nearest time word before a figure dates it, 去年
    and 今年 as a stated year would; 2024年1~7月 is still one period (the month belongs to its year)."""
    page = ("https://cna.com.tw/news/afe/201610250403.aspx", "2016-10-25",
            "智慧局以台大為例,台大2012年至2014年發明專利申請量都在百件以上,且排名大專院校申請量第一或二名,但去年申請量大減"
            "至38件,去年第4季申請量更僅剩8件,全年排名慘跌至第18名,今年前3季申請量30件,排名第12。")
    got = page_years(page, tmp_path)
    assert (got["百件"], got["第18名"], got["第12"]) == ("2012-2014", "2015", "2016")
    other = ("https://wantrich.chinatimes.com/news/20240916900489-420501", "2024-09-16",
             "發明專利2023年占比首度突破7成,2024年1~7月則略降至69.4%,新型及設計占比則分別為20.3%、10.3%。")
    assert page_years(other, tmp_path)["20.3%"] == "2024"


def test_mu_qian_opening_a_later_clause_is_the_texts_present(tmp_path):
    """…2022年突破3萬億元,目前研究與試驗發展(R&D)經費總量僅次于美國,位居世界第二位 (http://m.xbqs.cn/20/11984.html,
    經濟日報北京10月3日訊 on the 2023 communiqué released 2024-10-02): 目前 moves the sentence to the text's present, as
    去年 or 今年 would; 2022 dates only its own clause. Without the text's date the rank is undated and flagged."""
    page = ("http://m.xbqs.cn/20/11984.html", "2024-10-03",
            "統計師張啟龍表示,我國研究與試驗發展(R&D)經費總量于2012年突破1萬億元,2019年突破2萬億元,2022年突破3萬億元,"
            "目前研究與試驗發展(R&D)經費總量僅次于美國,位居世界第二位。")
    got = page_years(page, tmp_path)
    assert (got["3萬億元"], got["第二位"]) == ("2022", "2024")
    undated = {m.raw: m for m in page_mentions(page, tmp_path, dated=False)}
    assert undated["第二位"].year is None and "year_needs_date" in undated["第二位"].flags
