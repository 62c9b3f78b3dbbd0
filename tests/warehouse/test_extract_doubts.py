"""The reasons to doubt a year or subject (lib/warehouse/extract/doubts.py), each on a real line of a read split: set
where the reading went wrong on text no rule was written from, not set on a right reading of the same kind."""
from __future__ import annotations

from lib.warehouse.extract.doubts import reading_doubts
from lib.warehouse.extract.document import CLAUSE_END, bounds, matching_text
from tests.warehouse.test_extract_labels import UNSEEN, unseen_mentions


def _text(name: str) -> str:
    """An unseen text as one string, read as the extractor matches it (one line start)."""
    return matching_text((UNSEEN / "texts" / f"{name}.txt").read_text(encoding="utf-8"), [0])


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


def test_the_sentences_topic_carried_to_a_clause_naming_no_one_is_not_flagged():
    """我国研发人员总量在2013年超过美国,已连续6年稳居世界第一位 (cn_rd_talent_2018 line 1, fresh12): the US is named, but
    the clause 已连续6年 names no one and continues the sentence's topic, China (right)."""
    m = _at("cn_rd_talent_2018", 1, "6年")
    assert m.entity == "CHN" and m.subject_source == "sentence" and "subject_from_other_clause" not in m.flags


def test_a_year_from_another_paragraph_is_flagged():
    """近20年,中國吸收外資在全球FDI總量中年均比例為7.6% (tw_unctad_fdi_2013 line 7, fresh11): no year in its paragraph
    and not the document's (2014): the 2013 came from the paragraphs before. The figure is the twenty years' (the span
    rule of years.run_period reads 1994-2013 now), whose end year still comes from there."""
    m = _at("tw_unctad_fdi_2013", 7, "7.6%")
    assert m.year == "1994-2013" and "year_from_elsewhere" in m.flags


def test_a_part_of_the_reports_year_is_not_flagged():
    """資料顯示,12月份,食品價格同比上漲17.4% (cn_cpi_2019 line 2, fresh8): a month without its year is the release's
    period, stated once: the year is right and not flagged."""
    m = _at("cn_cpi_2019", 2, "17.4%")
    assert m.year == "2019" and "year_from_elsewhere" not in m.flags


def test_a_subject_on_one_side_of_a_partner_flow_is_flagged():
    """美国对华实际投入外资金额28.76亿美元 (cn_fdi_2013q3 line 5, fresh11): a ministry's inflow by source, China's, read
    as the US's; 对华 names the flow's other side."""
    m = _at("cn_fdi_2013q3", 5, "28.76億美元")
    assert m.entity == "USA" and "subject_in_partner_flow" in m.flags


def test_the_writers_own_economy_in_a_partner_flow_is_not_flagged():
    """前4月,我省对欧盟进出口增长7.3% (cn_jiangsu_trade_2014 line 2, dev2): the flow is the writer's own province's,
    read as such."""
    m = _at("cn_jiangsu_trade_2014", 2, "7.3%")
    assert m.entity == "CHN" and "subject_in_partner_flow" not in m.flags


def _doubts_as_read(name: str, line: int, quote: str, entity: str | None = None, year: str | None = None,
                    date: str | None = None) -> list[str]:
    """The reasons reading_doubts gives the figure `quote` of a real line (its sentence taken alone) if it were read as
    `entity` in `year`: how the extractor read it while the text was clean, where it reads it right now."""
    m = _at(name, line, quote)
    text = matching_text(m.context, [0])
    pos = text.index(matching_text(quote, [0]))
    return reading_doubts(text, pos, bounds(text, pos, CLAUSE_END)[0], 0, len(text), 0, entity, "clause", year, date,
                          "CHN")


def test_an_economy_before_a_firms_latin_name_is_flagged():
    """美国AI新创Scale AI募得143亿美元 (tw_vc_pulse_2025q2 line 4, fresh10): read as the US's when the text was clean
    (eecc340); the figure is the firm's."""
    assert "subject_before_firm" in _doubts_as_read("tw_vc_pulse_2025q2", 4, "143億美元", "USA")
    assert "subject_before_firm" not in _at("tw_vc_pulse_2025q2", 4, "143億美元").flags  # read as Scale AI now


def test_an_acronym_after_an_economy_is_no_firm():
    """其中,中国AI独角兽由2家增至9家 (tw_unicorn_500_2025 line 3, fresh11): AI is no firm; China's count, right."""
    m = _at("tw_unicorn_500_2025", 3, "9家")
    assert m.entity == "CHN" and "subject_before_firm" not in m.flags


def test_a_year_written_as_a_base_before_the_change_is_flagged():
    """占比由2017年8.1%揚升至去年73% (tw_servers_2024 line 4, fresh11): 73% is last year's (2023), read as 2017, the
    base the change starts from."""
    m = _at("tw_servers_2024", 4, "73%")
    assert m.year == "2017" and "year_from_base" in m.flags


def test_the_bases_own_figure_is_not_flagged():
    """The same clause's 由2017年8.1%: the base's own value, right as 2017."""
    m = _at("tw_servers_2024", 4, "8.1%")
    assert m.year == "2017" and "year_from_base" not in m.flags


def test_a_year_written_only_as_a_spans_start_is_flagged():
    """服务贸易逆差下降69.5%至2112.8亿元,…为2011年以来的最低值 (cn_services_trade_2021 line 2, fresh7, dated 2022-08-26):
    read as 2011 while the text was clean (eecc340); 2011 starts the span the record is set in, the figure is 2021's."""
    assert "year_from_span_start" in _doubts_as_read("cn_services_trade_2021", 2, "69.5%", "CHN", "2011", "2022-08-26")
    m = _at("cn_services_trade_2021", 2, "69.5%")
    assert m.year == "2021" and "year_from_span_start" not in m.flags  # read right now, from the paragraph's 2021


def test_another_year_right_before_the_figure_is_flagged():
    """較2015年錄得的2,346億元無形貿易盈餘總額 (hk_services_2016 line 2, fresh8, dated 2018-02-15): 2015's surplus, read as
    2016's before year20's rule for a base after 錄得的 (6a68b69); read right now, so no longer flagged."""
    assert "year_written_before_figure" in _doubts_as_read("hk_services_2016", 2, "2,346億元", "HKG", "2016", "2018-02-15")
    m = _at("hk_services_2016", 2, "2,346億元")
    assert m.year == "2015" and "year_written_before_figure" not in m.flags


def test_the_statements_own_year_right_before_the_figure_is_not_flagged():
    """增加到2021年的2.3萬億元 (cn_innovation_decade_2021 line 4, fresh11): the year written before the figure is the one
    read."""
    m = _at("cn_innovation_decade_2021", 4, "2.3萬億元")
    assert m.year == "2021" and "year_written_before_figure" not in m.flags


def test_the_writers_own_economy_the_text_sets_apart_is_flagged():
    """我國與中國在本月7日均公布…，我國10月的出口205.2億美元 (tw_exports_2025m10 line 1, fresh12): a Taiwanese text whose
    我國 was read as the mainland's; the text sets 我國 apart from 中國, so the writer is not there."""
    from lib.warehouse.extract import doubts
    text = _text("tw_exports_2025m10")
    assert doubts._home_contradicted(text, "CHN") and not doubts._home_contradicted(text, "TWN")
    # Read from Taiwan since writer.home_economy takes the same hint (sets_apart): Taiwan's, unflagged.
    m = _at("tw_exports_2025m10", 1, "205.2億美元")
    assert m.entity == "TWN" and "subject_home_contradicted" not in m.flags


def test_the_writers_own_economy_another_one_outnumbers_is_flagged():
    """檳城…位居全國榜首 (my_penang_trade_2022 line 6, fresh12): a Malaysian text in Traditional (馬來西亞, 大馬, 令吉),
    once read from Taiwan; Taiwan is never named, Malaysia often, so Taiwan is contradicted. Read from Malaysia
    (writer.home_economy weighs every writer in either script), the figure is Malaysia's and unflagged."""
    from lib.warehouse.extract import doubts
    text = _text("my_penang_trade_2022")
    assert doubts._home_contradicted(text, "TWN") and not doubts._home_contradicted(text, "MYS")
    m = _at("my_penang_trade_2022", 6, "榜首")
    assert m.entity == "MYS" and "subject_home_contradicted" not in m.flags


def test_the_writers_own_economy_the_text_agrees_with_is_not_flagged():
    """我國2018年研發經費占GDP比率3.36%,…中國大陸2.19% (tw_rd_2020 line 2, fresh12): Taiwan's, in a text from Taiwan;
    the mainland's 2.19% is named in its own clause."""
    m = _at("tw_rd_2020", 2, "3.36%")
    assert m.entity == "TWN" and "subject_home_contradicted" not in m.flags
    m = _at("tw_rd_2020", 2, "2.19%")
    assert m.entity == "CHN" and "subject_home_contradicted" not in m.flags


def test_a_subject_named_only_in_a_cause_is_flagged_not_a_figure_inside_it():
    """112年前3季受全球通膨及升息影響,…減幅明顯收斂至年減1.3% (tw_ic_output_2023 line 1, fresh12): Taiwan's output, read
    as the world's, which the sentence names only as the cause. 由於部分中國商品一度面臨高達三位數關稅
    (tw_us_cn_imports_2025 line 2, fresh12): the figure is the cause's own, China's, and is not flagged."""
    flagged, inside = _at("tw_ic_output_2023", 1, "1.3%"), _at("tw_us_cn_imports_2025", 2, "三位數")
    assert (flagged.entity, inside.entity) == ("WLD", "CHN")
    assert "subject_from_cause" in flagged.flags and "subject_from_cause" not in inside.flags


def test_a_flow_whose_own_side_is_written_is_not_flagged():
    """美國自中國進口金額,在2025年降至3080億美元 (tw_us_cn_imports_2025 line 3, fresh12) and 中国对新加坡非金融类直接投资
    35.5亿美元 (cn_sg_trade_2018 line 4, fresh): the sentence writes the flow's own side, whose figure it is (right)."""
    m = _at("tw_us_cn_imports_2025", 3, "3080億美元")
    assert m.entity == "USA" and "subject_in_partner_flow" not in m.flags
    m = _at("cn_sg_trade_2018", 4, "35.5亿美元")
    assert m.entity == "CHN" and "subject_in_partner_flow" not in m.flags
