"""What a text declares of itself (issue 13, mac24): the currency it names for what follows (…(澳門元,下同)) and the
statistics office it reports (統計暨普查局, 政府統計處, 主計總處, 国家统计局), read on real lines of read splits; each
rule's reason and second text are in lib/warehouse/extract/writer.py and __init__.py."""
from __future__ import annotations

import pytest

from lib.warehouse.extract import writer
from lib.warehouse.extract.document import matching_text, read_document
from tests.warehouse.test_extract_labels import READ_SPLITS, UNSEEN, unseen_mentions


def _line(name: str, line: int) -> list:
    return [m for m in unseen_mentions(name, READ_SPLITS) if m.line_no == line]


def _text(name: str, line: int | None = None) -> str:
    doc = read_document(UNSEEN / "texts" / f"{name}.txt")
    text = matching_text(doc.text, doc.line_starts)
    return text if line is None else text.splitlines()[line - 1]


@pytest.mark.parametrize("name,line,quote,unit", [
    # 9.2億元(澳門元,下同)…再出口(7.9億元): a bare 元 after a declared currency is in that currency.
    ("mo_trade_2018m7", 1, "7.9億元", "MOP"),
    ("mo_trade_2018m7", 2, "509.0億元", "MOP"),
    ("mo_industry_2015", 1, "59.7億元", "MOP"),
    # 7,648億(港元,下同)…至5,781億元 (hk_services_2016:2).
    ("hk_services_2016", 2, "5,781億元", "HKD"),
])
def test_declared_currency_below(name, line, quote, unit):
    assert [m.unit for m in _line(name, line) if m.quote == quote] == [unit]


@pytest.mark.parametrize("name,home", [
    # 統計暨普查局資料顯示…9.2億元(澳門元,下同): Macau's office and pataca, though 中國內地 and 上海 are named as partners.
    ("mo_trade_2018m7", "MAC"),
    ("mo_industry_2015", "MAC"),
    ("hk_services_2016", "HKG"),
    ("tw_dgbas_2025", "TWN"),
    ("cn_profits_2025q3", "CHN"),
])
def test_declared_home(name, home):
    text = _text(name)
    assert home in writer.declared_homes(text)
    assert writer.home_economy(text, writer.is_traditional(read_document(UNSEEN / "texts" / f"{name}.txt").text,
                                                             text)) == home


def test_declared_currency_names_its_economy():
    # The first line of mo_trade_2018m7 declares both the office and the currency.
    assert writer.declared_homes(_text("mo_trade_2018m7", 1)) == ["MAC", "MAC"]


@pytest.mark.parametrize("line,quote,subject", [
    # 往上海(1,632萬元)則減少82.6%: 往 opening a clause names a destination; the exports are Macau's.
    (3, "1,632萬元", "MAC"),
    (3, "82.6%", "MAC"),
    (3, "44.3億元", "MAC"),
    # 由中國內地(174.5億元)與歐洲聯盟(128.1億元)進口的貨值: origins of imports, each with its amount in brackets.
    (4, "174.5億元", "MAC"),
    (4, "128.1億元", "MAC"),
    (4, "21.2%", "MAC"),
])
def test_flows_to_and_from_partners(line, quote, subject):
    # (The economy only: the sentence's place, 泛珠三角九省 after 輸往, is still carried as a place of the subject.)
    assert [m.entity.split(":")[0] for m in _line("mo_trade_2018m7", line) if m.quote == quote] == [subject]
