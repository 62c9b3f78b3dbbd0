"""The year and subject rules of the extractor on sentences written in the conventions of Chinese statistical,
news and company writing (each rule's reason is in lib/warehouse/extract/context.py)."""
from __future__ import annotations

import pytest

from lib.warehouse.extract import extract_document

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
