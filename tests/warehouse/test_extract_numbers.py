"""The number rules (lib/warehouse/extract/numbers.py) on real lines of the unseen texts (tests/labels/unseen) and
the seeds: each form of writing a number is read with its value and unit, and forms that are no figure stay out."""
from __future__ import annotations

import pytest

from lib.paths import SEEDS_DIR
from lib.warehouse.extract import extract_document
from tests.warehouse.test_extract_labels import NUMBER_READ_SPLITS, READ_SPLITS, unseen_mentions


def _line(name: str, line: int) -> list:
    """The mentions the extractor reads on one line of an unseen text, dated by its sidecar as the build does."""
    return [m for m in unseen_mentions(name) if m.line_no == line]


def _read(name, line, quote):
    return [(m.value, m.value_high, m.unit) for m in _line(name, line) if m.quote.replace(" ", "") == quote]


@pytest.mark.parametrize("name,line,quote,value,unit", [
    # Lengths of time: 满/逾/连 before N年 (at least, over, running), an anniversary (N周年), a list that prints
    # its span word once (15年与4年以来), days (九十天), half a year (半年, 一年半), 连十三红 (13 months of rise).
    ("tw_semicon_2018", 1, "60年", 60, "count"),
    ("tw_semicon_2018", 1, "40年", 40, "count"),
    ("tw_exports_2025", 4, "3年", 3, "count"),
    ("cn_eu_trade_50y", 1, "50周年", 50, "count"),
    ("tw_exports_2025", 3, "15年", 15, "count"),
    ("tw_exports_2025", 3, "4年", 4, "count"),
    ("tw_tsmc_2025q4", 2, "九十天", 90, "count"),
    ("hk_economy_2025", 1, "一年半", 1.5, "count"),
    ("my_sg_reserves_2020", 1, "半年", 0.5, "count"),
    ("cn_unicorn_2022", 2, "半年", 0.5, "count"),
    ("tw_exports_2024m11", 1, "十三", 13, "count"),
    ("cn_unicorn_us_2024", 4, "13年", 13, "count"),  # 自诞生以来的 13 年里: 里 (within) after N年, like 间
    # A structure ratio printed with the ratio sign ∶ mixed with `:` (5.5:50.6∶43.9) still gives each share.
    ("cn_yunhe_communique_2022", 4, "50.6", 50.6, "percent"),
    ("cn_yunhe_communique_2022", 4, "43.9", 43.9, "percent"),
    # A unit printed once after a list belongs to each number of it: the percentage points of 0.15、-5.64、1.34个百分点
    # and the yuan of 9.76万亿和10.34万亿元; a number against 100 (性别比为105.23:100) is a ratio.
    ("cn_yunhe_communique_2022", 4, "0.15", 0.15, "percent"),
    ("cn_yunhe_communique_2022", 4, "-5.64", -5.64, "percent"),
    ("cn_customs_2023h1", 6, "9.76万亿", 9.76e12, "CNY"),
    ("cn_yunhe_communique_2022", 3, "105.23", 105.23, "other"),
    # Units: 斤 is half a kilogram; hectares, 亩, cubic metres and ages are `other`; trains count by 列.
    ("cn_gov_report_2023", 9, "1.37万亿斤", 6.85e8, "t"),
    ("cn_gov_report_2023", 16, "1.3万亿斤", 6.5e8, "t"),
    ("cn_county_communique_2015", 6, "12981公顷", 12981, "other"),
    ("cn_county_communique_2015", 8, "19800亩", 19800, "other"),
    ("cn_county_communique_2015", 8, "1868立方米", 1868, "other"),
    ("cn_unicorn_2022", 2, "44岁", 44, "other"),
    ("cn_eu_trade_2020", 4, "12406列", 12406, "count"),
    # A digit before 千亿 multiplies it; 成 after a digit is tenths as after a numeral.
    ("tw_exports_2025", 1, "6千億美元", 6e11, "USD"),
    ("tw_semicon_2018", 4, "7成", 70, "percent"),
    # Points after 成 in digits as in numerals (8成1 = 81%); the small percent sign ﹪ of Big5-era Taiwanese texts;
    # a length bounded by 不到 (成立不到3年: an age, no date).
    ("tw_rd_2023", 3, "8成1", 81, "percent"),
    ("tw_patent_2004", 2, "9.68﹪", 9.68, "percent"),
    ("tw_patent_2004", 3, "-26.36﹪", -26.36, "percent"),
    ("cn_unicorn_2020", 7, "3年", 3, "count"),
    ("cn_unicorn_2020", 7, "2年", 2, "count"),
    # An ordinal coordinated with a place just read is a place (分別以24家和21家排在第三和第四).
    ("cn_unicorn_2020", 3, "第四", 4, "rank"),
])
def test_forms_on_unseen_lines(name, line, quote, value, unit):
    got = _read(name, line, quote)
    assert len(got) == 1 and got[0][0] == pytest.approx(value) and got[0][2] == unit, got


@pytest.mark.parametrize("name,line,quote,value,value_high,unit", [
    # Ranks: a place reached (升至第五, 上升3位至第8) or held in history (历史第2); a top N of a ranking (前十大,
    # 全球十大…榜单).
    ("cn_unicorn_2022", 4, "第五", 5, None, "rank"),
    ("cn_unicorn_2022", 6, "第8", 8, None, "rank"),
    ("tw_exports_2025", 1, "第2", 2, None, "rank"),
    ("tw_exports_2025", 5, "第3", 3, None, "rank"),  # 星國第3，台灣墊底: an economy's place ending its clause
    ("cn_eu_trade_2020", 3, "前十大", 10, None, "rank"),
    ("cn_unicorn_2022", 1, "十大", 10, None, "rank"),
    # fresh4 (cn_hurun_2023, cn_digital_trade_2024, cn_unicorn_us_2024): a place held again (蝉联第一) or tied
    # (并列第八位), 第N位/第N名 closing its phrase ((33家,第六位), 前两名与第三名往后), one 第…位 for a list of
    # places (第三、四位), the top ten written 前十强; 五席 (five of the top ten seats) is a count.
    ("cn_hurun_2023", 1, "第一", 1, None, "rank"),
    ("cn_hurun_2023", 5, "第六位", 6, None, "rank"),
    ("cn_hurun_2023", 5, "第八位", 8, None, "rank"),
    ("cn_hurun_2023", 5, "第三", 3, None, "rank"),
    ("cn_hurun_2023", 5, "四位", 4, None, "rank"),
    ("cn_unicorn_us_2024", 6, "第三名", 3, None, "rank"),
    ("cn_hurun_2023", 1, "五席", 5, None, "count"),
    ("tw_gdp_2010", 2, "兩周年", 2, None, "count"),
    # Taiwanese 冠 for 首: 居冠 and 之冠 are first place (label convention 1, as 居首 and 之首).
    ("tw_export_orders_2025m11", 6, "冠", 1, None, "rank"),  # quoted from 冠, as 首 in 居首
    ("tw_gdp_2025q3", 1, "之冠", 1, None, "rank"),
    # A range between two percentages joined by 至 (漲幅在7.3%至20.4%之間, 1%至3%的增長).
    ("cn_cpi_2019", 2, "7.3%至20.4%", 7.3, 20.4, "percent"),
    ("sg_cn_trade_2013", 6, "1%至3%", 1, 3, "percent"),  # 就職兩周年: an anniversary in numerals, as 50周年 in digits
    # Chinese numerals: ranges with 至/到, mixed magnitudes, a bare magnitude passed, a vague amount with a magnitude.
    ("tw_tsmc_2025q4", 4, "三四六億至三五八億美元", 3.46e10, 3.58e10, "USD"),
    ("tw_tsmc_2025q4", 4, "一兆一一二三億元", 1.1123e12, None, "TWD"),
    ("tw_tsmc_2025q4", 5, "百分之一到二", 1, 2, "percent"),
    ("cn_nev_exports_2023", 1, "万亿元", 1e12, None, "CNY"),
    ("cn_eu_trade_2020", 4, "万列", 1e4, None, "count"),
    ("tw_semicon_2018", 8, "十億人", 1e9, None, "count"),
    ("cn_5g_2021", 5, "千億", 1e11, None, "CNY"),
    # 个 shared with the 百分点 printed once after a list; a structure ratio adding to 100; a price per GB.
    ("cn_miit_2020q3", 3, "2.6个", 2.6, None, "percent"),
    ("cn_unicorn_2021", 2, "32.3個", 32.3, None, "percent"),
    ("cn_county_communique_2015", 4, "26.84", 26.84, None, "percent"),
    ("cn_county_communique_2015", 4, "47.44", 47.44, None, "percent"),
    ("cn_5g_2021", 5, "4.4元", 4.4, None, "CNY"),
    # Issue 13 (fresh10, read 2026-12-02). Mixed magnitudes whose smaller part carries a thousands comma
    # (新台幣1兆1,372億元, tw_ic_2025q3:1) are summed like 42亿2657万 (GUIDE).
    ("tw_ic_2025q3", 1, "1兆1,372億元", 1.1372e12, None, "TWD"),
    ("tw_ic_2025q3", 2, "6兆4,825億元", 6.4825e12, None, "TWD"),
    # Measure words of the capital markets: 筆 (deals), 檔 (listed stocks, Taiwan), 股 (stocks, shares).
    ("tw_vc_pulse_2025q2", 1, "7,356筆", 7356, None, "count"),
    ("tw_ipo_market_2018", 2, "100檔", 100, None, "count"),
    ("my_klse_market_cap_2016", 11, "34股", 34, None, "count"),
    # A round N大 is the top N of a ranking (10大出口市场, 重返十大) without 榜 after it.
    ("sg_cn_trade_2013", 5, "10大", 10, None, "rank"),
    ("my_klse_market_cap_2016", 10, "10大", 10, None, "rank"),
    ("my_klse_market_cap_2016", 5, "十大", 10, None, "rank"),
    # 第N大 before a noun in digits, as in numerals (第2大和第3大市值公司).
    ("my_klse_market_cap_2016", 2, "第2大", 2, None, "rank"),
    ("my_klse_market_cap_2016", 2, "第3大", 3, None, "rank"),
    # 榜首 closing a long name of the list it heads, after a verb of position (跃居全球交易所榜首).
    ("cn_ipo_review_2025", 1, "榜首", 1, None, "rank"),
    ("cn_mva_top50_2024", 8, "榜首", 1, None, "rank"),
    # A range of places (第2至第4名, 第5名至第22名): low and high, and no place of its own for either end.
    ("cn_mva_top50_2024", 7, "第2至第4名", 2, 4, "rank"),
    ("cn_mva_top50_2024", 7, "第5名至第22名", 5, 22, "rank"),
    # A range in digits joined by 至 with the magnitude printed once, after the high end (NT$10至100億).
    ("tw_ipo_market_2018", 4, "10至100億", 1e9, 1e10, "TWD"),
    # Money without its currency after 金额 (總金額只有NT$148.1億(減少107.6億)) is in the writer's own currency.
    ("tw_ipo_market_2018", 5, "107.6億", 1.076e10, None, "TWD"),
    # 元 named as 人民币 after it stays the renminbi in a text whose home is Hong Kong (以181.7亿元人民币).
    ("cn_ipo_review_2025", 3, "181.7亿元", 1.817e10, None, "CNY"),
    # Person-years (R&D staff in full-time equivalents) are work, not people: `other`.
    ("cn_talent_report_2020", 4, "387.8万人年", 3.878e6, None, "other"),
    # 第二高 (the second highest) is a place, as 第二大 is.
    ("cn_ipo_review_2025", 2, "第二", 2, None, "rank"),
    # An exchange rate quoted 新台幣兌美元32.1元 is an amount in New Taiwan dollars, not in US dollars.
    ("tw_ic_2025q3", 1, "32.1元", 32.1, None, "TWD"),
    # 林吉特 is the mainland press's name of the ringgit (1美元约合4.09林吉特, fresh8).
    ("my_cn_trade_2019", 2, "4.09林吉特", 4.09, None, "MYR"),
    ("my_cn_trade_2019", 2, "16751亿林吉特", 1.6751e12, None, "MYR"),
    # A valuation without its currency (以5600億估值, fresh7) is money in the writer's currency.
    ("cn_unicorn_2020", 5, "5600億", 5.6e11, None, "CNY"),
    # A currency named in brackets after the amount, "and likewise below" (7,648億(港元,下同), fresh8).
    ("hk_services_2016", 2, "7,648億", 7.648e11, None, "HKD"),
    ("cn_services_trade_2021", 2, "52982.7亿元", 5.29827e12, None, "CNY"),
])
def test_ranks_numerals_and_lists_on_unseen_lines(name, line, quote, value, value_high, unit):
    got = _read(name, line, quote)
    assert len(got) == 1, got
    assert got[0][0] == pytest.approx(value) and got[0][2] == unit, got
    assert got[0][1] == (pytest.approx(value_high) if value_high else None), got


def test_forms_that_stay_out():
    """四大 before a noun stays a count (004:665); 数十年 (003) has no magnitude and no figure; a clock-like pair
    that does not add up to 100 states no shares."""
    seed4 = extract_document(next(SEEDS_DIR.glob("004_*.txt")), "004")
    assert [m.unit for m in seed4 if m.line_no == 665 and m.quote == "四大"] == ["count"]
    seed3 = extract_document(next(SEEDS_DIR.glob("003_*.txt")), "003")
    assert not [m for m in seed3 if m.quote.endswith("十年") and "approximate" in m.flags]
    assert not [m for m in seed3 + seed4 if "ratio_share" in m.flags]
    # 零部件 (parts) is a word, not zero counted by 部 (004:555 汽车零部件, and four more lines of 004).
    assert [m.line_no for m in seed4 if m.quote.startswith("零")] == []
    assert "零部件" in next(SEEDS_DIR.glob("004_*.txt")).read_text(encoding="utf-8").split("\n")[554]
    # 百年 in set phrases names an era or a goal (002:103 百年未有之大变局, 002:117 第二个百年奋斗目标), and 千兆城市
    # (002:177) is a gigabit network's name: none is a figure.
    seed2 = extract_document(next(SEEDS_DIR.glob("002_*.txt")), "002")
    assert [(m.line_no, m.quote) for m in seed2 if m.quote in ("百年", "千兆")] == []
    assert not [m for m in unseen_mentions("cn_eu_trade_50y") if m.line_no == 1 and m.quote == "百年"]


def test_idioms_and_period_names_are_no_lengths_of_time():
    """my_sg_reserves_2020 line 4: 一年半载 is "a year or so"; my_ringgit_2024 line 3: 上半年 names the first half."""
    assert not [m for m in _line("my_sg_reserves_2020", 4) if "年" in m.quote and m.value in (0.5, 1.5)]
    assert not [m for m in _line("my_ringgit_2024", 3) if m.quote.endswith("半年")]


def test_seed_figures_are_unchanged_by_the_new_forms():
    """The seeds print none of these forms as figures: 未来5年 (003, a horizon) stays out."""
    seed = next(SEEDS_DIR.glob("003_*.txt"))
    assert not [m for m in extract_document(seed, "003") if m.quote == "5年" and m.line_no == 235]


def _sentence(tmp_path, line: str) -> list:
    (tmp_path / "s.txt").write_text(line, encoding="utf-8")
    return [(m.quote, m.value, m.value_high, m.unit) for m in extract_document(tmp_path / "s.txt", "s")]


@pytest.mark.parametrize("line,quote,value,value_high,unit", [
    # Forms of the statistical communiqués and the Taiwanese and Hong Kong press that the labelled texts do not
    # print, in their usual wording (the national communiqués give birth rates in ‰, some reposts 千分之N; HK counts
    # deals in 宗; ports count 标箱/TEU; a fall may be printed with its sign; Taiwan writes 六成二 for 62%).
    ("全年出生人口1000万人，出生率为7.5‰；自然增长率比上年下降0.2个千分点。", "7.5‰", 7.5, None, "other"),
    ("全年出生人口1000万人，出生率为7.5‰；自然增长率比上年下降0.2个千分点。", "0.2个千分点", 0.2, None, "other"),
    ("去年共出生1600万人，出生率為千分之12.13。", "千分之12.13", 1.213, None, "percent"),
    ("全年住宅销售面积1.2万平方米，建成区面积35平方公里。", "1.2万平方米", 12000, None, "other"),
    ("全年住宅销售面积1.2万平方米，建成区面积35平方公里。", "35平方公里", 35, None, "other"),
    ("全年港口集装箱吞吐量3000万TEU，同比增长3.1%。", "3000万TEU", 3e7, None, "count"),
    ("全年港口集装箱吞吐量2.5亿标箱。", "2.5亿标箱", 2.5e8, None, "count"),
    ("上月共录得1,234宗住宅买卖。", "1,234宗", 1234, None, "count"),
    ("第一季经济增长-3.19%，降幅收窄。", "-3.19%", -3.19, None, "percent"),
    ("预计全年增速在8%–9%之间。", "8%–9%", 8, 9, "percent"),
    ("营收年增两成，毛利率六成二，创新高。", "两成", 20, None, "percent"),
    ("营收年增两成，毛利率六成二，创新高。", "六成二", 62, None, "percent"),
    # Units printed after the magnitude (2萬4337美元 = 24,337: how the Taiwanese press prints a per-head income), only
    # before a unit: 1万 followed by a year stays one figure and a date.
    ("去年平均每人所得為2萬4337美元。", "2萬4337美元", 24337, None, "USD"),
    ("全市户籍人口3万1200人。", "3万1200人", 31200, None, "count"),
    ("全年專利申請9萬7,411件。", "9萬7,411件", 97411, None, "count"),
    ("新增岗位达1万2025年起逐年增加。", "1万", 10000, None, "count"),
    # An indicator's abbreviation glued to its amount (人均GDP8.94万元) is no model name; 万分之 is a fraction.
    ("全年人均GDP8.94万元，比上年增长5.0%。", "8.94万元", 89400, None, "CNY"),
    ("不良贷款率下降万分之三。", "万分之三", 0.03, None, "percent"),
    # A middle dot or a full-width point between numerals is a decimal point (label convention 9), as 點 is.
    ("全年經濟成長率百分之五·四，出口一千零二十．五億美元。", "百分之五·四", 5.4, None, "percent"),
    ("全年經濟成長率百分之五·四，出口一千零二十．五億美元。", "一千零二十．五億美元", 1.0205e11, None, "USD"),
    # Ranks and numerals the labelled texts do not print (none of them on a labelled line): 居全国之首 and 名列榜首
    # are first place (convention 1), 排第二 is 排名第二; 三万九千二百一十八元 and 三万二千亿美元 are compound
    # numerals read whole; 增长了一倍 is a multiple as printed (convention 7).
    ("该省外贸规模居全国之首。", "之首", 1, None, "rank"),
    ("该省城镇化率位居除直辖市外各省份之首。", "之首", 1, None, "rank"),
    ("该企业营收名列榜首，利润排第二。", "榜首", 1, None, "rank"),
    ("该企业营收名列榜首，利润排第二。", "第二", 2, None, "rank"),
    ("居民人均可支配收入三万九千二百一十八元，外汇储备三万二千亿美元。", "三万九千二百一十八元", 39218, None, "CNY"),
    ("居民人均可支配收入三万九千二百一十八元，外汇储备三万二千亿美元。", "三万二千亿美元", 3.2e12, None, "USD"),
    ("全年利润增长了一倍。", "一倍", 1, None, "times"),
    # 十分之一 is a fraction (十分 alone is "very": 十分重要 stays out); 破兆元 passes a threshold as 突破万亿元 does.
    ("研发人员占十分之一，这一点十分重要。", "十分之一", 10, None, "percent"),
    ("去年出口破兆元，創歷年新高。", "兆元", 1e12, None, "TWD"),
    # Hong Kong and Taiwanese shares: 四成半 = 45%, 逾半 = more than half, 四分一 = 四分之一.
    ("四成半企業錄得盈利，逾半企業表示訂單增加。", "四成半", 45, None, "percent"),
    ("四成半企業錄得盈利，逾半企業表示訂單增加。", "逾半", 50, None, "percent"),
    ("內地旅客約佔四分一。", "四分一", 25, None, "percent"),
    # 一半 / 过半 in a share are half (convention 9): 50 percent.
    ("受访企业中过半表示订单增加，一半以上计划扩产。", "过半", 50, None, "percent"),
    ("受访企业中过半表示订单增加，一半以上计划扩产。", "一半", 50, None, "percent"),
])
def test_forms_the_samples_do_not_print(tmp_path, line, quote, value, value_high, unit):
    got = [g for g in _sentence(tmp_path, line) if g[0] == quote]
    assert len(got) == 1 and got[0][1] == pytest.approx(value) and got[0][3] == unit, _sentence(tmp_path, line)
    assert got[0][2] == (pytest.approx(value_high) if value_high else None)


def test_the_first_months_of_a_year_name_a_period():
    """马来西亚2019年前11个月对外贸易总额 (my_cn_trade_2019:2), 訪港旅客數字在首10個月按年增加12% (hk_economy_2025:3): the
    first N months name a period (January to November), as 前三季度 does; no count of months is read."""
    assert [m.quote for m in _line("my_cn_trade_2019", 2) if m.quote.startswith("11")] == []
    assert [m.quote for m in _line("hk_economy_2025", 3) if m.quote.startswith("10")] == []


def test_people_before_a_word_of_years_are_people(tmp_path):
    """人年 is person-years only as a unit: 1221万人年末 is people, then "at year-end". 第二高峰 (a second peak) is
    no place."""
    assert not [g for g in _sentence(tmp_path, "疫情出现第二高峰，多地停工。") if g[3] == "rank"]
    assert ("1221万人", 1.221e7, None, "count") in _sentence(tmp_path, "全年城镇新增就业1221万人年末登记失业率为4.1%。")


def test_dashes_between_numbers_without_a_unit_are_periods_and_codes(tmp_path):
    """2012-2022年 and 1-4月 are periods, COVID-19 a name, 010-12345678 a phone number: no figure and no sign."""
    assert _sentence(tmp_path, "2012-2022年，1-4月出口增长，受COVID-19影响，电话010-12345678。") == []
    assert _sentence(tmp_path, "英伟达H100芯片，R16版本，iPhone15手机，5G基站。") == []  # model names stay out


def test_top_ten_written_qiang_and_ordinals_before_a_noun(tmp_path):
    """cn_digital_trade_2024 line 3: 全球數字服務貿易前十強 (the top ten) is a place in a ranking, each time; 第三位
    before a noun (第三位嘉宾, the third guest) orders people and is no place; 第一次 is no figure (convention 1)."""
    assert [(m.value, m.unit) for m in _line("cn_digital_trade_2024", 3) if m.quote == "前十強"] == [(10, "rank")] * 2
    assert _sentence(tmp_path, "第三位嘉宾发言后，他第一次来到上海。") == []
    # Idioms hold numerals that are no figures: 一成不变 (unchanged), 四分五裂 (torn apart), 十分一致 (fully
    # agreed), 千家万户 (every household).
    assert _sentence(tmp_path, "政策一成不变，组织四分五裂，意见十分一致，惠及千家万户。") == []
    # 第三方 (a third party), 第一书记 (a title) and a plan's name (第十四个五年规划) are no places or lengths.
    assert _sentence(tmp_path, "全球第三方支付规模扩大，全国第一书记培训，落实第十四个五年规划。") == []
    # 居民…之首要 (the foremost task) is no place; 安排第二批 arranges a batch.
    assert _sentence(tmp_path, "居民消费居扩大内需之首要位置，安排第二批资金。") == []


def test_a_former_place_is_read_with_its_own_year(tmp_path):
    """为/是第N closing its clause is a place ("was fourth"), and a place stated for an earlier time keeps that time
    (label convention 5 of 2026-12-01): no labelled line prints the form, so it is stated in the usual wording."""
    (tmp_path / "r.txt").write_text("2023年该国研发投入居全球第二，2020年为第四。", encoding="utf-8")
    got = [(m.quote, m.value, m.unit, m.year) for m in extract_document(tmp_path / "r.txt", "r")]
    assert got == [("第二", 2, "rank", "2023"), ("第四", 4, "rank", "2020")]


def test_a_party_congress_is_no_top_ten(tmp_path):
    """党的十大以来 names the tenth party congress, as 二十大 does: no top ten is read."""
    assert not [g for g in _sentence(tmp_path, "党的十大以来，全国工业总产值增长三倍。") if g[3] == "rank"]


def test_the_ends_of_a_range_of_places_are_not_places_again():
    """cn_mva_top50_2024:7 比第2至第4名的美國、日本和德國總和還多: one range of places, no 第4名 of its own."""
    assert [m.quote for m in _line("cn_mva_top50_2024", 7) if m.quote in ("第4名", "第5名")] == []


def _number_line(name: str, line: int, quote: str) -> list:
    """(value, value_high, unit) of the figures quoted `quote` on one line of a text whose numbers may be read (the
    read splits and NUMBER_READ_SPLITS, opened for number forms only)."""
    return [(m.value, m.value_high, m.unit) for m in unseen_mentions(name, (*READ_SPLITS, *NUMBER_READ_SPLITS))
            if m.line_no == line and m.quote.replace(" ", "") == quote]


@pytest.mark.parametrize("name,line,quote,value,value_high,unit", [
    # A fraction with its denominator in digits (5分之1), as 三分之一 in numerals.
    ("tw_us_cn_imports_2025", 2, "5分之1", 20, None, "percent"),
    # A run of quarters in digits (連續14季), as 連續N年.
    ("tw_ic_output_2023", 3, "14季", 14, None, "count"),
    # 間 counts firms in Hong Kong and Taiwan (香港約450-850間); 台幣 is 新台幣 (765萬台幣, not 765萬 machines).
    ("tw_startup_ecosystem_2018", 2, "450-850間", 450, 850, "count"),
    ("tw_startup_ecosystem_2018", 2, "765萬台幣", 7.65e6, None, "TWD"),
    # A rate stated by its count of digits: 個位數 1-9, 雙位數/两位数 at least 10 (a fall too, and with 以上 between
    # it and 增长), 三位數 at least 100.
    ("tw_ic_output_2023", 3, "個位數", 1, 9, "percent"),
    ("tw_ic_output_2023", 1, "雙位數", 10, None, "percent"),
    ("cn_industry_chain_2023", 1, "两位数", 10, None, "percent"),
    ("tw_us_cn_imports_2025", 2, "三位數", 100, None, "percent"),
    # N大 before 重点 (the key sectors a policy names) is a count, not a top N.
    ("cn_industry_chain_2023", 1, "十大", 10, None, "count"),
    # A whole number per ten thousand people or per hundred million yuan is a rate (`other`), and so is the target or
    # the comparison of that rate in the clause after it; a total in a clause of its own stays a count.
    ("cn_patents_2025", 1, "16件", 16, None, "other"),
    ("cn_patents_2025", 1, "12件", 12, None, "other"),
    ("cn_rd_talent_2018", 4, "70件", 70, None, "other"),
    ("cn_rd_talent_2018", 4, "19件", 19, None, "other"),
    ("cn_patents_anhui_2018", 2, "31241件", 31241, None, "count"),
])
def test_number_forms_of_fresh12_lines(name, line, quote, value, value_high, unit):
    got = _number_line(name, line, quote)
    assert len(got) == 1 and got[0][0] == pytest.approx(value) and got[0][2] == unit, got
    assert got[0][1] == (pytest.approx(value_high) if value_high else None)


@pytest.mark.parametrize("line,quote,value,value_high,unit", [
    # The same forms on the public pages the rules cite (search tool, pages corpus).
    ("今年的調查結果顯示,本地初創企業總數再創新高,達3,755間,較二○二○年增加12%。", "3,755間", 3755, None, "count"),  # 香港01
    ("2024年臺灣新創募資金額為33.4億美元,突破千億台幣大關。", "千億台幣", 1e11, None, "TWD"),  # 自由時報 2025-08-15
    ("對美出口年跌25％,呈現連續七個月兩位數下滑。", "兩位數", 10, None, "percent"),  # Yahoo奇摩新聞 2025-11-08
    ("大力推动重点领域突破发展,主要聚焦十大重点领域。", "十大", 10, None, "count"),  # 国务院 2015-06-03
    ("截至今年6月,我国每万人口高价值发明专利拥有量已达到15.3件,提前实现“十四五”规划预期的12件目标。", "12件", 12,
     None, "other"),  # 国新办 2025-07-17
])
def test_number_forms_on_cited_pages(tmp_path, line, quote, value, value_high, unit):
    got = [g for g in _sentence(tmp_path, line) if g[0] == quote]
    assert len(got) == 1 and got[0][1] == pytest.approx(value) and got[0][3] == unit, _sentence(tmp_path, line)


def test_ordinals_of_sectors_are_no_list_of_places():
    """第二、第三产业 (cn_county_communique_2015:4) names the sectors: no 位 or 名 closes it, and no place is read."""
    assert not [m for m in _line("cn_county_communique_2015", 4) if m.unit == "rank"]


def test_a_list_of_ordinals_closed_once_by_wei_gives_each_a_place():
    """分別位居世界第二、第一和第二位 (cn_rd_talent_2018:3, three indexes each with its place): 第 before each member,
    位 printed once after the last; the line's later 排名世界第二位 is a place of its own."""
    ranks = [(m.quote, m.value) for m in unseen_mentions("cn_rd_talent_2018", (*READ_SPLITS, *NUMBER_READ_SPLITS))
             if m.line_no == 3 and m.unit == "rank"]
    assert ranks == [("第二", 2), ("第一", 1), ("第二位", 2), ("第二位", 2)], ranks
