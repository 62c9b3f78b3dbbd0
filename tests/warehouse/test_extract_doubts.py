"""The reasons to doubt a year or subject (lib/warehouse/extract/doubts.py), each on a real line of a read split: set
where the reading went wrong on text no rule was written from, not set on a right reading of the same kind."""
from __future__ import annotations

from tests.warehouse.test_extract_labels import unseen_mentions


def _at(name: str, line: int, quote: str):
    return next(m for m in unseen_mentions(name) if m.line_no == line and m.quote == quote)


def test_a_subject_carried_past_several_named_ones_is_flagged():
    """經濟部表示,我國伺服器直接外銷占比達九成以上,出口以美國為大宗,占比由2017年8.1%揚升至去年73% (tw_servers_2024 line 4,
    fresh11): Taiwan's share, carried from an earlier clause of a sentence that names Taiwan and the US."""
    m = _at("tw_servers_2024", 4, "8.1%")
    assert m.subject_source == "sentence" and "subject_from_other_clause" in m.flags


def test_a_subject_the_clause_reads_itself_is_not_flagged():
    """月內輸往德國及日本的出口貨量顯著下跌24.2%及22% (hk_trade_2009 line 3, fresh3): several economies in the sentence,
    but the reporter of a partner breakdown is read from the clause's own construction (輸往), not carried."""
    m = _at("hk_trade_2009", 3, "24.2%")
    assert m.entity == "HKG" and "subject_from_other_clause" not in m.flags


def test_a_year_from_another_paragraph_is_flagged():
    """近20年,中國吸收外資在全球FDI總量中年均比例為7.6% (tw_unctad_fdi_2013 line 7, fresh11): no year in its paragraph
    and not the document's (2014): the 2013 came from the paragraphs before. The figure is the twenty years' (the span
    rule of context.run_period reads 1994-2013 now), whose end year still comes from there."""
    m = _at("tw_unctad_fdi_2013", 7, "7.6%")
    assert m.year == "1994-2013" and "year_from_elsewhere" in m.flags


def test_a_part_of_the_reports_year_is_not_flagged():
    """資料顯示,12月份,食品價格同比上漲17.4% (cn_cpi_2019 line 2, fresh8): a month without its year is the release's
    period, stated once: the year is right and not flagged."""
    m = _at("cn_cpi_2019", 2, "17.4%")
    assert m.year == "2019" and "year_from_elsewhere" not in m.flags
