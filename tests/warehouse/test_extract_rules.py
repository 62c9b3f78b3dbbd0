"""The year and subject rules of the extractor on sentences written in the conventions of Chinese statistical,
news and company writing (each rule's reason is in lib/warehouse/extract/writer.py, subjects.py and years.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lib.warehouse.extract import extract_document, writer
from lib.warehouse.extract.document import matching_text
from tests.warehouse.test_extract_labels import unseen_mentions

TEXTS = {


    # A communiqué posted years after its year: its title names the year it reports on.
    "communique.txt": ("凯里市2018年国民经济和社会发展统计公报", "2023-03-21",
                       "全年地区生产总值50.2亿元，比上年增长10.5%。\n"
                       "年末全市常住人口30.1万人。\n"
                       "上半年社会消费品零售总额12亿元。\n"
                       "全市粮食产量比2010年增长12%。"),
    # A news item sets its period in the lead; a later paragraph's undated figure is the lead's.
    "news.txt": (None, "2026-01-29",
                 "据新华社电 2025年，我国通信业保持平稳增长，电信业务收入1.75万亿元。\n"
                 "我国5G标准必要专利声明量全球占比达42%。\n"
                 "未来五年，5G用户有望突破20亿户。\n"
                 "疫情前，赤字曾达1,000亿元。"),
    "fiscal.txt": (None, "2026-02-26",
                   "非经营帐目在2026/27及2027/28年度的赤字预测下调至900亿，但2028/29及其后年度的赤字将维持在"
                   "1,000亿以上水平。"),
    "firms.txt": (None, "2024-11-24",
                  "据海关统计，长安汽车全年出口汽车24.9万辆。\n"
                  "淡马锡控股的投资组合净值达3810亿新元。\n"
                  "凯里市全年接待游客500万人次。\n"
                  "中国公司的市值合计达8万亿美元。"),
    # Months without a year: the latest that ended by the text's date.
    "months.txt": (None, "2026-01-15", "12月份，出口同比增长5.3%。\n1-11月，进口总额达2.1万亿元。\n本季营收预估为320亿美元。\n上月出口增长3.1%。"),
    # Traditional characters with no place named: written in Taiwan, Hong Kong or Macau, not the mainland.
    "trad.txt": (None, "2026-01-15", "本季營收預估為320億美元，毛利率將達百分之六十三。"),
}


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules")
    out = {}
    for name, (title, date, text) in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
        out[name] = {m.quote: m for m in extract_document(folder / name, name[:2], date=date, title=title)}
    return out


@pytest.mark.parametrize("name,quote,year", [
    ("communique.txt", "50.2亿元", "2018"),  # 全年 under the 2018 communiqué, not the page's 2023
    ("communique.txt", "10.5%", "2018"),  # 比上年增长: the new value's year
    ("communique.txt", "30.1万人", "2018"),  # 年末
    ("communique.txt", "12亿元", "2018"),  # 上半年 of the report, not the first half before the posting date
    ("communique.txt", "12%", "2018"),  # 比2010年: the base of the comparison, not the figure's year
    ("news.txt", "1.75万亿元", "2025"),
    ("news.txt", "42%", "2025"),  # a later paragraph with nothing of its own: the lead's period
    ("news.txt", "20亿户", None),  # a horizon (未来五年) is not the report's period
    ("news.txt", "1,000亿元", None),  # 疫情前: another, unstated time
    ("months.txt", "5.3%", "2025"),  # December, in a text of January 2026
    ("months.txt", "2.1万亿元", "2025"),  # January-November
    ("months.txt", "320亿美元", "2026"),  # 本季: the quarter the text is written in
    ("months.txt", "3.1%", "2025"),  # 上月 in January: December
    ("fiscal.txt", "900亿", "2026-2028"),  # 下调至 a level for the two listed fiscal years (no 从 start)
    ("fiscal.txt", "1,000亿", "2028-2029"),  # 2028/29 without 年: a fiscal year all the same
])
def test_year(read, name, quote, year):
    assert read[name][quote].year == year


@pytest.mark.parametrize("name,quote,entity", [
    ("firms.txt", "24.9万辆", "长安汽车"),  # a firm (brand + 汽车) opening the clause is its subject
    ("firms.txt", "3810亿新元", "淡马锡控股"),
    ("firms.txt", "500万人次", "CHN:凯里市"),  # a city by its suffix, in the economy the text is from
    ("communique.txt", "30.1万人", "CHN:全市"),
    ("trad.txt", "320億美元", "TWN"),
])
def test_subject(read, name, quote, entity):
    assert read[name][quote].entity == entity


def test_generic_firms_are_no_names(read):
    assert read["firms.txt"]["8万亿美元"].entity == "CHN"  # 中国公司: Chinese firms, not a firm named 中国公司
    assert "subject_assumed" in read["trad.txt"]["320億美元"].flags  # assumed, and said so


def test_a_fiscal_year_is_no_fraction(read):
    assert not [q for q in read["fiscal.txt"] if "/" in q]  # 2026/27 is a year, not 2026 ÷ 27


def test_a_place_name_does_not_run_into_the_words_before_it(read, tmp_path):
    (tmp_path / "hk.txt").write_text("惟近年市道淡靜，政府賣地收入連續第三年維持在百多萬水平。", encoding="utf-8")
    assert all(":" not in (m.entity or "") for m in extract_document(tmp_path / "hk.txt", "hk"))  # 市道 is no city


def test_respectively_pairs_each_figure_with_its_subject(tmp_path):
    path = tmp_path / "pairs.txt"
    path.write_text("2023年，中国和美国的研发投入分别为3.3万亿元和7000亿美元。\n"
                    "苹果公司和微软的市值分别为3万亿美元、2.8万亿美元。\n"
                    "贵州省黔东南州雷山县粮食产量5万吨。\n台积电第四季营收达8000亿元。", encoding="utf-8")
    got = {m.quote: m.entity for m in extract_document(path, "pa")}
    assert (got["3.3万亿元"], got["7000亿美元"]) == ("CHN", "USA")
    assert (got["3万亿美元"], got["2.8万亿美元"]) == ("Apple", "Microsoft")
    assert got["5万吨"] == "CHN:雷山县"  # the county, not the prefecture and province written before it
    assert "四季" not in got  # 第四季 names a quarter; it is no count of four


def _traditional_copy(path, tmp_path):
    """A mainland text as a reposting page prints it: every character in Traditional (OpenCC s2t)."""
    import opencc
    copy = tmp_path / path.name
    copy.write_text(opencc.OpenCC("s2t").convert(path.read_text(encoding="utf-8")), encoding="utf-8")
    return copy


def test_a_mainland_text_reposted_in_traditional_stays_mainland(tmp_path):
    """Script says where a page was printed, not what it is about: seed 000 in Traditional characters is still
    a mainland report (我国 is China, 万亿元 is yuan), while the Taiwanese and Hong Kong dev texts keep theirs."""
    from lib.paths import SEEDS_DIR
    seed = next(SEEDS_DIR.glob("000_*.txt"))
    mentions = extract_document(_traditional_copy(seed, tmp_path), "000")
    on_406 = [(m.quote, m.unit, m.entity) for m in mentions if m.line_no == 406 and m.quote.endswith("萬億元")]
    assert on_406 == [("7萬億元", "CNY", "CHN"), ("14.1萬億元", "CNY", "CHN")]
    texts = Path(__file__).parents[1] / "labels" / "unseen" / "texts"
    for name, home in (("tw_gdp_2025q4", "TWN"), ("hk_budget_2026", "HKG")):
        text = matching_text((texts / f"{name}.txt").read_text(encoding="utf-8"), [0])
        assert writer.home_economy(text, traditional=True) == home, name


def test_a_traditional_text_is_from_whichever_writer_it_names_most():
    """Malaysia and Singapore write Traditional too: my_penang_trade_2022 (fresh12; 馬來西亞, 大馬, 檳城, 令吉, never
    Taiwan) is Malaysian, so line 5's figures with no subject of their own (兩者貢獻國內生產總值的 95%;…840 億令吉) are
    Malaysia's; they were read as Taiwan's when only Taiwan, Hong Kong and Macau were weighed for Traditional."""
    texts = Path(__file__).parents[1] / "labels" / "unseen" / "texts"
    text = matching_text((texts / "my_penang_trade_2022.txt").read_text(encoding="utf-8"), [0])
    assert writer.home_economy(text, traditional=True) == "MYS"
    on_5 = {m.quote: (m.entity, m.unit) for m in unseen_mentions("my_penang_trade_2022") if m.line_no == 5}
    assert on_5["95%"] == ("MYS", "percent") and on_5["840 億令吉"] == ("MYS", "MYR")


def test_a_text_that_sets_its_own_economy_apart_from_the_mainland_is_not_from_there():
    """我國與中國在本月7日均公布…，我國10月的出口205.2億美元 and 我國對中國與香港的出口 (tw_exports_2025m10 lines 1-2,
    fresh12) name 中國 more often than Taiwan; 我國 set apart from 中國 says the writer is not on the mainland (as 我國對中國及
    香港出口 does in 自由時報 2008-12-09), so the text is Taiwanese and line 1's exports are Taiwan's."""
    texts = Path(__file__).parents[1] / "labels" / "unseen" / "texts"
    text = matching_text((texts / "tw_exports_2025m10.txt").read_text(encoding="utf-8"), [0])
    assert writer.sets_apart(text, "CHN") and writer.home_economy(text, traditional=True) == "TWN"
    on_1 = {m.quote: m.entity for m in unseen_mentions("tw_exports_2025m10") if m.line_no == 1}
    assert on_1["205.2億美元"] == "TWN"



def test_our_economy_beside_an_economy_abroad_is_the_writers_own():
    """我国 is the writer's own economy, whichever it is: a sentence that says 我国 beside one economy abroad and no
    mainland word says whose it is, though the text names China more often (电子商务对我国国内生产总值的贡献,占6.1%达
    746亿令吉: my_ecommerce_2016 line 6, a Malaysian paper on Alibaba; 半導體已成為臺灣的護國神山,出口占我國總出口比高達
    34.8%: tw_us_cn_techwar_2024 line 5, a Taiwanese paper on the US and China). 我国香港 (cn_jiangsu_trade_2014 line 2)
    is the mainland's way of naming Hong Kong, and a mainland report keeps its 我国."""
    texts = Path(__file__).parents[1] / "labels" / "unseen" / "texts"
    for name, home, line, quote in (("my_ecommerce_2016", "MYS", 6, "746亿令吉"),
                                    ("tw_us_cn_techwar_2024", "TWN", 5, "34.8%")):
        printed = (texts / f"{name}.txt").read_text(encoding="utf-8")
        text = matching_text(printed, [0])
        assert writer.home_economy(text, writer.is_traditional(printed, text)) == home, name
        on_line = {m.quote: m.entity for m in unseen_mentions(name) if m.line_no == line}
        assert on_line[quote] == home, name
    jiangsu = matching_text((texts / "cn_jiangsu_trade_2014.txt").read_text(encoding="utf-8"), [0])
    assert writer.own_sentence_homes(jiangsu) == set() and writer.home_economy(jiangsu) == "CHN"

def test_a_yearly_change_written_annian_names_no_writer():
    """按年 (year on year) is written in Hong Kong, Macau and Malaysia alike (出口连续第10个月按年上扬: my_trade_2021m6
    line 2; 本地生产总值按年实质增长116.1%: a Macau government release, gcs.gov.mo), so it counts for none of them:
    the release, printed in Traditional, is from Macau (本澳, 统计暨普查局), whose 按年 outnumber them."""
    import opencc
    release = ("统计暨普查局资料显示,2023年第3季本地生产总值按年实质增长116.1%,共同驱动本澳经济保持强劲复苏步伐。"
               "因特区政府推出的「生活补贴计划」措施完结,政府最终消费支出有所回落,按年录得23.6%的跌幅。"
               "本澳经济气氛回暖鼓励幸运博彩承批公司加大投资力度,带动私人建筑投资录得61.5%之按年增幅。")
    printed = opencc.OpenCC("s2t").convert(release)
    assert writer.home_economy(matching_text(printed, [0]), traditional=True) == "MAC"
    assert writer.home_economy(release) == "MAC"


def test_the_sar_government_is_the_writers_own(tmp_path):
    """特区政府 is the writer's government in Hong Kong (报告显示,特區政府大力支持研發活動,如投入约100億港元: hk_rd_2018
    line 4) and in Macau (因特区政府推出的「生活补贴计划」措施完结,…按年录得23.6%的跌幅: gcs.gov.mo, a Macau release)."""
    assert next(m.entity for m in unseen_mentions("hk_rd_2018") if m.line_no == 4 and m.quote == "100億港元") == "HKG"
    page = tmp_path / "mo.txt"
    page.write_text("统计暨普查局资料显示,2023年第3季本地生产总值按年实质增长116.1%,共同驱动本澳经济保持强劲复苏步伐。\n"
                    "因特区政府推出的「生活补贴计划」措施完结,政府最终消费支出有所回落,按年录得23.6%的跌幅。\n",
                    encoding="utf-8")
    assert [(m.quote, m.entity) for m in extract_document(page, "mo_")] == [("116.1%", "MAC"), ("23.6%", "MAC")]


def test_macau_pataca_is_a_currency(tmp_path):
    """澳门元 (澳門元, 澳门币) is MOP, as 港元 is HKD: 澳門名義本地生產總值(GDP)為3794.78億澳門元 (a report of Macau's statistics
    bureau's GDP release, hbzqbyyxgs.com/news/699873); 本地生产总值(亿澳门元) in 广东统计年鉴 2016's table of Macau."""
    page = tmp_path / "mo.txt"
    page.write_text("2023年按當年市場價格計算,澳門名義本地生產總值(GDP)為3794.78億澳門元,同比增長92.3%。\n",
                    encoding="utf-8")
    got = {m.quote: (m.value, m.unit, m.entity) for m in extract_document(page, "mo_")}
    assert got["3794.78億澳門元"] == (3.79478e11, "MOP", "MAC")
    # 澳門幣 as well, and 元 in a text written from Macau is its pataca (香港商報 2022-03-31, hkcd.com).
    page.write_text("澳門當局本月11日宣布,本年度現金分享由4月1日起依次發放,其中每名永久居民發放1萬(澳門幣,下同),每名非永久"
                    "居民發放6000元。\n", encoding="utf-8")
    assert [(m.quote, m.unit) for m in extract_document(page, "mo_")] == [("1萬", "MOP"), ("6000元", "MOP")]


def test_respectively_distributes_over_the_list_just_before_it(tmp_path):
    """分别 pairs figures with the subjects only when the subjects are the list it follows (seed 001 line 59's
    产销分别完成 lists measures of one subject, China, as does 进口和出口分别 after two economies)."""
    (tmp_path / "r.txt").write_text(
        "我国新能源汽车市场规模全球领先，工信部数据显示，2022年全年新能源汽车产销分别完成了705.8万辆和688.7万辆。\n"
        "2018年，中国与新加坡的进口和出口分别为1000亿元和800亿元。", encoding="utf-8")
    got = {m.quote: m.entity for m in extract_document(tmp_path / "r.txt", "r")}
    assert (got["705.8万辆"], got["688.7万辆"]) == ("CHN", "CHN")
    assert got["1000亿元"] == got["800亿元"] == "CHN+SGP"  # the pair's trade, not China's imports, Singapore's exports


def test_a_noun_phrase_ending_in_gongsi_is_no_firm(tmp_path):
    """据波音公司 names a source, 上述两家公司 refers back: neither is a firm named by its suffix."""
    (tmp_path / "f.txt").write_text("2023年，我国企业海外营收增长，上述两家公司合计营收达500亿元。", encoding="utf-8")
    got = {m.quote: m.entity for m in extract_document(tmp_path / "f.txt", "f")}
    assert got["500亿元"] == "CHN"


@pytest.mark.parametrize("sentence,quote,value,unit", [
    # The GUIDE's word forms that the extractor did not read.
    ("我国数字经济规模占GDP比重近半。", "近半", 50, "percent"),  # nearly half (not 近半年, a time)
    ("第2季出口增速翻倍为34.1％。", "翻倍", 2, "times"),  # doubled, as 翻番
    ("出口较上年翻了一番。", "翻了一番", 2, "times"),
    ("中国是新加坡第一大贸易伙伴。", "第一大", 1, "rank"),  # 第N大 + noun: the N-th largest, a rank anywhere
    ("新加坡是中国第二大外资来源国。", "第二大", 2, "rank"),  # was read as a count 二大
    ("韩国与香港位列前两名。", "前两名", 2, "rank"),
    ("享受長達20年的雙位數成長。", "雙位數", 10, "percent"),  # dev2 tw_cn_growth_2025 line 2: Taiwan's 两位数增长
    # Chinese numerals with decimals before a magnitude, as Taiwan's papers print amounts (was read as 九億 only).
    ("全年出口總值三千五百二十點六億美元。", "三千五百二十點六億美元", 352.06e9, "USD"),
    ("外汇储备增加一千零二十点五亿美元。", "一千零二十点五亿美元", 102.05e9, "USD"),
])
def test_word_forms(tmp_path, sentence, quote, value, unit):
    (tmp_path / "w.txt").write_text(sentence, encoding="utf-8")
    got = {m.quote: (m.value, m.unit) for m in extract_document(tmp_path / "w.txt", "w")}
    assert got.get(quote) == (value, unit), got


def test_a_clock_time_is_no_decimal_numeral(tmp_path):
    (tmp_path / "c.txt").write_text("會議於下午兩點三十分開始，出口三千億美元。", encoding="utf-8")
    assert [m.quote for m in extract_document(tmp_path / "c.txt", "c")] == ["三千億美元"]


def test_index_levels_and_rates_per_people_are_no_counts(tmp_path):
    """Dev sentences (cn_digital_index_2022 line 3, cn_5g_2025 line 1): an index level written bare is points,
    a fractional count per 10,000 people a rate; both `other`, as the labels read them."""
    (tmp_path / "u.txt").write_text(
        "2013-2021年,中国数字经济发展指数由1000上升至5610.60,8年间增长了4.61倍。\n"
        "截至12月底，我国5G基站数达483.8万个，平均每万人拥有5G基站34.4个。", encoding="utf-8")
    got = {m.quote: m.unit for m in extract_document(tmp_path / "u.txt", "u")}
    assert (got["1000"], got["5610.60"], got["34.4个"]) == ("other", "other", "other")
    assert (got["4.61倍"], got["483.8万个"]) == ("times", "count")


@pytest.mark.parametrize("name,line,quote,year,entity", [
    # A mainland communiqué reported in Traditional from Hong Kong: CHN and 2025, not Taiwan; 创2023年11月以来新高
    # dates the record's baseline, not the figures (nor the report's period).
    ("cn_profits_2025q3", 1, "21.6%", "2025", "CHN"),
    ("cn_profits_2025q3", 1, "53732.0億元", "2025", "CHN"),
    # 其中 details the sentence before, dated by 1-4月 of the text's year; 对欧盟/对美国和日本 name partners.
    ("cn_jiangsu_trade_2014", 1, "1026.6亿美元", "2014", "CHN"),
    ("cn_jiangsu_trade_2014", 2, "7.3%", "2014", "CHN"),
    ("cn_jiangsu_trade_2014", 2, "0.9%", "2014", "CHN"),
    ("cn_jiangsu_trade_2014", 2, "13.2%", "2014", "CHN"),
])
def test_dev2_sentences(name, line, quote, year, entity):
    import yaml
    texts = Path(__file__).parents[1] / "labels" / "unseen" / "texts"
    meta = yaml.safe_load((texts / f"{name}.yaml").read_text(encoding="utf-8"))
    got = [m for m in extract_document(texts / f"{name}.txt", name[:3], date=str(meta["published"]))
           if m.line_no == line and m.quote == quote]
    assert [(m.year, m.entity.split(":")[0]) for m in got] == [(year, entity)]
    if quote.endswith("元") and "美元" not in quote:
        assert got[0].unit == "CNY"


def _unseen_line(name: str, line: int) -> list:
    """The mentions the extractor reads on one line of a dev or dev2 text (tests/labels/unseen), dated as the build
    dates a document: by its sidecar's `published`."""
    return [m for m in unseen_mentions(name, ("dev", "dev2")) if m.line_no == line]


@pytest.mark.parametrize("name,line,quote,value,unit,year,entity", [
    # A span counted back from the statement (创15年新高, 过去30年几年来, 近5年来; text of 2025) is the span of calendar
    # years ending in the statement's year (GUIDE convention 3); a length of time not counted back (长达20年, in a
    # sentence with no reference year) has no year. 过去30年几年来 opens its sentence as a time adverbial: the subject
    # is the clause's after it (中国). 双方差距…近5年来 describes both economies: the pair (GUIDE convention 8).
    ("tw_cn_growth_2025", 1, "15年", 15, "count", "2011-2025", "TWN"),
    ("tw_cn_growth_2025", 1, "30年", 30, "count", "1996-2025", "CHN"),
    ("tw_cn_growth_2025", 1, "5年", 5, "count", "2021-2025", "CHN"),
    ("tw_cn_growth_2025", 2, "20年", 20, "count", None, "CHN"),
    ("tw_cn_growth_2025", 3, "5年", 5, "count", "2021-2025", "TWN+CHN"),
    # 保5 / 破八 name a growth rate by its bare number: a percent.
    ("tw_cn_growth_2025", 1, "5", 5, "percent", "2025", "CHN"),
    ("tw_cn_growth_2025", 4, "5", 5, "percent", None, "CHN"),
    ("tw_gdp_2025q4", 1, "八", 8, "percent", "2025", "TWN"),
    # A currency written before the number: 新台幣40萬元 is in New Taiwan dollars, 人民幣1.8萬 in yuan.
    ("cn_communique_2025", 1, "40萬元", 400000, "TWD", "2025", "CHN"),
    ("cn_communique_2025", 5, "1.8萬", 18000, "CNY", "2025", "CHN"),
])
def test_unseen_dev_lines(name, line, quote, value, unit, year, entity):
    got = [m for m in _unseen_line(name, line) if m.quote == quote]
    assert [(m.value, m.unit, m.year, m.entity) for m in got] == [(value, unit, year, entity)], got


def test_an_ordinal_is_no_count():
    """tw_cn_growth_2025 line 4: 习近平第一个任期…第二个任期 names terms; 第二个 is no count of two (连续第三年,
    hk_budget_2026 line 4, still counts the years of a run)."""
    assert not [m for m in _unseen_line("tw_cn_growth_2025", 4) if "二" in m.quote]
    assert [m.value for m in _unseen_line("hk_budget_2026", 4) if m.quote == "三年"] == [3]


def test_regions_are_subjects_of_their_own():
    """dev2 cn_us_rd_2016 line 5: Europe's and East and Southeast Asia's shares of world R&D are the regions' (they
    were read as the US and as the US and EU); dev my_ringgit_2024 line 2: 表现最佳的亚洲货币 names the field a
    superlative ranks in, not the subject (the ringgit's gain stays Malaysia's)."""
    got = [(m.quote, m.entity) for m in _unseen_line("cn_us_rd_2016", 5) if m.quote.endswith("%")]
    assert got == [("35%", "USA"), ("27%", "USA"), ("27%", "XEU"), ("22%", "XEU"), ("25%", "XEA+XSE"),
                   ("37%", "XEA+XSE")]
    assert [m.entity for m in _unseen_line("my_ringgit_2024", 2) if m.quote == "12%"] == ["MYS"]


def test_numbers_in_a_title_are_no_figures():
    """Seed 003 line 56 《2030数字指南针:欧洲数字十年之路》 (after two other titles) and line 203
    《促进新一代人工智能产业发展三年行动计划（2018—2020年）》: the title's 十年 and 三年 are names, not durations."""
    from tests.helpers import seed_mentions
    quotes = {(m.line_no, m.quote) for m in seed_mentions()["003"]}
    assert (56, "十年") not in quotes and (203, "三年") not in quotes


@pytest.mark.parametrize("name,line,quote,entity", [
    # A sentence that cites its source (美国国家科学基金会…《美国科学与工程指标》显示，中国已成为…) gives the next
    # sentence its subject from the statement, not from the source: China's world ranks are China's.
    ("cn_us_rd_2016", 1, "第二位", "CHN"),
    ("cn_us_rd_2016", 1, "第一", "CHN"),
    # A heading (研发强度十年翻一番, a line without punctuation) is a paragraph: it does not take 全球 from the next line;
    # 科技论文产量接近美国 compares with the US, it is not the US's.
    ("cn_us_rd_2016", 2, "翻一番", "CHN"),
    ("cn_us_rd_2016", 9, "翻一番", "CHN"),
    # A comparator's own figure is that economy's: 超过中國的2.24％, 仅次于美国的27%.
    ("tw_cn_growth_2025", 3, "2.24％", "CHN"),
    ("cn_us_rd_2016", 4, "27%", "USA"),
])
def test_sources_headings_and_comparators(name, line, quote, entity):
    got = {m.entity for m in _unseen_line(name, line) if m.quote == quote}
    assert got == {entity}, got


@pytest.mark.parametrize("name,line,quote,value,unit,year,entity", [
    # The top N listed after 分别是 are the figure's subject together, not a place inside a firm's name (上海大众).
    ("cn_auto_2013h1", 4, "前五", 5, "rank", "2013", "上汽+东风+一汽+长安+北汽"),
    # Chinese prints a unit once after a list: 分别加快了8.75和9.41个百分点.
    ("cn_auto_2013h1", 1, "8.75", 8.75, "percent", "2013", "CHN"),
    # 上半年…结束了去年的下降趋势: 去年的 modifies a noun; the figure is the first half's.
    ("cn_auto_2013h1", 3, "356.67万辆", 3566700, "count", "2013", "CHN"),
    # 7类 is a count; a paragraph opened by 前4月， dates its later sentences (从产品看，机电产品下降1.7%).
    ("cn_jiangsu_trade_2014", 2, "7类", 7, "count", "2014", "CHN"),
    ("cn_jiangsu_trade_2014", 2, "1.7%", 1.7, "percent", "2014", "CHN"),
    # 从X下降到Y and 同期…从X增长到Y take the period the sentence before names (2003年至2013年).
    ("cn_us_rd_2016", 5, "35%", 35, "percent", "2003", "USA"),
    ("cn_us_rd_2016", 5, "22%", 22, "percent", "2013", "XEU"),
    ("cn_us_rd_2016", 5, "37%", 37, "percent", "2013", "XEA+XSE"),
    # 约占2003年至2013年全球…的三分之一: the world after 占 is the whole, China the subject.
    ("cn_us_rd_2016", 5, "三分之一", 100 / 3, "percent", "2003-2013", "CHN"),
    # 2012年中国研发资金的5%… opens the paragraph's time without a comma; 另一方面，… keeps it.
    ("cn_us_rd_2016", 7, "84%", 84, "percent", "2012", "CHN"),
    ("cn_us_rd_2016", 8, "75%", 75, "percent", "2013", "CHN+JPN+KOR"),  # 中日韩三国
    ("cn_us_rd_2016", 4, "第四", 4, "rank", None, "DEU"),  # 德国第四，: a rank after an economy, ending its clause
    # 二度被台湾超越: occurrences; 享受长达20年的双位数成长 holds over an unstated span (2001年 is an event).
    ("tw_cn_growth_2025", 1, "二度", 2, "count", "2021-2025", "CHN"),
    ("tw_cn_growth_2025", 2, "雙位數", 10, "percent", None, "CHN"),
    # 从2013年企业研发占各国研发总支出的比例看，…。美国研发支出中61%…: the viewpoint's year frames the comparison.
    ("cn_us_rd_2016", 8, "61%", 61, "percent", "2013", "USA"),
    # 高于“十四五”信息通信行业发展规划建设目标8.4个: the plan is named as a document, the figure is 截至2025年底's.
    ("cn_5g_2025", 1, "8.4个", 8.4, "other", "2025", "CHN"),
])
def test_lists_periods_and_ranks_on_dev2_lines(name, line, quote, value, unit, year, entity):
    got = [(m.value, m.unit, m.year, m.entity) for m in _unseen_line(name, line) if m.quote == quote]
    assert got[:1] == [(pytest.approx(value), unit, year, entity)], got


def test_seed_lists_and_open_periods():
    """Seed 003 line 97: 前六位的国家分别是爱尔兰、印度、中国、美国、德国和法国 is those six together; seed 004 line 899:
    2016年以来 (no 自) is an open period running to the paragraph's 截至2022年年底; seed 002 line 91: 2019年以来 up to
    the 十三五 review's 2020."""
    from tests.helpers import seed_mentions
    seeds = seed_mentions()
    assert [m.entity for m in seeds["003"] if m.line_no == 97 and m.quote == "前六位"] == ["IRL+IND+CHN+USA+DEU+FRA"]
    assert {m.year for m in seeds["004"] if m.line_no == 899 and m.quote in ("36个", "26家")} == {"2016-2022"}
    assert [m.year for m in seeds["002"] if m.line_no == 91 and m.quote == "第一"] == ["2019-2020"]
    # 004 line 494: 预计2030年…140.1亿美元，并以30%左右的增速平缓上涨，到2035年…489.7亿美元: the rate of the span.
    assert [m.year for m in seeds["004"] if m.line_no == 494 and m.quote == "30%"] == ["2030-2035"]


def test_a_fractional_count_per_anything_is_a_rate():
    """Seed 000 line 666 平均每像素接收到的光子数低至 0.44 is photons per pixel (`other`), as 每万人…34.4个 is; line 571's
    平均引用率为44.99 stays a count, the catalog's citations per paper (ai_paper_citation_rate)."""
    from tests.helpers import seed_mentions
    units = {m.quote: m.unit for m in seed_mentions()["000"] if m.line_no in (571, 666)}
    assert (units["0.44"], units["44.99"], units["31.88"]) == ("other", "count", "count")


def test_a_gap_between_two_economies_is_the_pairs():
    """fresh cn_unicorn_2021 line 2: 盡管中國穩居全球第二，但與全球第一的美國差距越來越大，數量差距由2015年52家增加至2021年
    的309家，估值差距…達10153.8億美元: each gap is the pair's, CHN+USA (label convention 8); 全球第一, before the gap,
    stays a single economy's."""
    got = {m.quote: m.entity for m in unseen_mentions("cn_unicorn_2021", ("fresh",)) if m.line_no == 2}
    assert (got["52家"], got["309家"], got["10153.8億美元"]) == ("CHN+USA",) * 3, got
    assert "+" not in (got["第一"] or "")
