"""Number forms first met on fresh13 (issue 13), each read on a real line of a read split; each rule's reason and its
second text are in lib/warehouse/extract/numbers.py and __init__.py."""
from __future__ import annotations

import pytest

from tests.warehouse.test_extract_labels import READ_SPLITS, unseen_mentions


def _line(name: str, line: int) -> list:
    return [m for m in unseen_mentions(name, READ_SPLITS) if m.line_no == line]


def assert_read_as(name: str, line: int, quote: str, value, value_high, unit: str) -> None:
    """`quote` on the line is read once, as value (value_high for a range) in unit."""
    got = [(m.value, m.value_high, m.unit) for m in _line(name, line) if m.quote == quote]
    assert got == [(pytest.approx(value), pytest.approx(value_high) if value_high else None, unit)], \
        [(m.quote, m.value, m.value_high, m.unit) for m in _line(name, line)]


@pytest.mark.parametrize("name,line,quote,value,value_high,unit", [
    # 两国出口差距维持在2000億至3000億美元之間: magnitudes on both ends, the currency once after the high end.
    ("tw_kr_exports_2025", 3, "2000億至3000億美元", 2e11, 3e11, "USD"),
    ("tw_kr_exports_2025", 3, "1400億至1900億美元", 1.4e11, 1.9e11, "USD"),
    # 新台幣從2024年前11月的32至33元兌1美元: a range with the unit once after the high end; value the low end.
    ("tw_kr_exports_2025", 6, "32至33元", 32, 33, "TWD"),
    ("tw_kr_exports_2025", 6, "30至31元", 30, 31, "TWD"),
    # 韓元平均1418元兌1美元: a rate quoted against a dollar is in the currency the sentence names first.
    ("tw_kr_exports_2025", 6, "1418元", 1418, None, "KRW"),
    # 增长近5700亿元人民币(下同) … 分别下降2800多亿和近1200亿: 下同 carries the currency to bare amounts below.
    ("cn_hurun_unicorn_2024", 7, "2800多亿", 2.8e11, None, "CNY"),
    ("cn_hurun_unicorn_2024", 7, "1200亿", 1.2e11, None, "CNY"),
    # 其餘3成4為外地人材: x成y with a digit y before any word (为 included) is x tenths and y hundredths.
    ("hk_startups_2019", 2, "3成4", 34, None, "percent"),
    # N国 closing a list of economies counts them; 东盟10國 (a group's name, cn_digital_trade_2024:4) does not.
    ("cn_highly_cited_2023", 5, "四国", 4, None, "count"),
    ("cn_unicorn_gei_2023", 12, "九国", 9, None, "count"),
    ("tw_foreign_phd_2020", 1, "8國", 8, None, "count"),
    # 美國學生只排25位: N位 right after a verb of ranking is a place without its 第.
    ("cn_us_tech_2022", 6, "25位", 25, None, "rank"),
    # 30年前,20個中國留學生中只有1個回歸中國: N年前 is a length counted back, as 近N年 is.
    ("cn_us_tech_2022", 7, "30年", 30, None, "count"),
    ("cn_innovation_decade_2021", 5, "10年", 10, None, "count"),
    # 为期10周的加速器计划: a length after 为期 (lasting), in weeks.
    ("sg_startups_2022", 7, "10周", 10, None, "count"),
    # 能源使用效率指標( PUE）必須不超過1.3或1.4: PUE is a ratio printed bare, whatever word bounds it.
    ("tw_key_figures_2025", 8, "1.3", 1.3, None, "other"),
    ("tw_key_figures_2025", 8, "1.4", 1.4, None, "other"),
    # 全球几乎每两天就诞生一家独角兽, 较2024年下滑一名: a lone 一 counted per period, or one place moved.
    ("cn_hurun_unicorn_2024", 2, "一家", 1, None, "count"),
    ("tw_key_figures_2025", 6, "一名", 1, None, "count"),
    # 比率由0.73%倍升至1.5%: Hong Kong's 倍升 is 翻倍, a doubling.
    ("hk_rd_outlook_2018", 4, "倍升", 2, None, "times"),
    # 畢業人數超過50萬人次,為全球之冠 / R&D支出是全球之冠: the first in the world, after 为/是 too.
    ("cn_us_tech_2022", 5, "之冠", 1, None, "rank"),
    ("cn_us_tech_2022", 9, "之冠", 1, None, "rank"),
    # 入选人次Top 6的国家(地区)保持不变: Top N is 前N, a place in a ranking's top N.
    ("cn_highly_cited_2023", 5, "Top 6", 6, None, "rank"),
])
def test_forms_on_fresh13_lines(name, line, quote, value, value_high, unit):
    assert_read_as(name, line, quote, value, value_high, unit)


def test_a_group_name_counts_no_economies():
    assert not [m for m in _line("cn_digital_trade_2024", 4) if "國" in m.quote]


def test_a_year_of_the_taiwanese_calendar_before_a_period_is_no_length():
    """tw_ic_output_2023 line 1: 112年前3季 is the first three quarters of ROC year 112 (2023), no 112 years ago."""
    assert not [m for m in _line("tw_ic_output_2023", 1) if m.quote.startswith("112")]


def test_not_above_bounds_from_above():
    """cn_unicorn_gei_2023 line 5: 成立年限不超过10年 is at most ten years, not more than ten."""
    assert [m.qualifier for m in _line("cn_unicorn_gei_2023", 5) if m.quote == "10年"] == ["<"]


def test_a_lone_one_is_still_an_article_elsewhere():
    """tw_exports_2025m8 line 3: 平均每一年的出口 (each single year) and 每一個月 count no one thing."""
    assert not [m for m in _line("tw_exports_2025m8", 3) if m.quote in ("一年", "一個")]


def test_top_per_mille_is_a_share():
    """cn_unicorn_us_2024 line 3: TOP 5‰的企业 is the top five per mille of start-ups, a share (`other`), no place."""
    assert [(m.quote, m.unit) for m in _line("cn_unicorn_us_2024", 3) if "5" in m.quote and "‰" in m.quote][:1] \
        == [("5‰", "other")]
    assert not [m for m in _line("cn_unicorn_us_2024", 3) if m.unit == "rank"]
