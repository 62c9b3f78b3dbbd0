"""Why a year or subject the extractor found may be wrong: the reasons a reader should check it (issue 13).

Each reason is a fact about where the reading came from that, on text no rule was written from, went with wrong
readings far more often than the rest (bench.label_flags; the figures are in the commit that added each). A
reading without such a reason is the one an analyst may quote: the reasons name the cause, not a score."""
from __future__ import annotations

import functools
import re

from lib.warehouse.extract import context, subjects, writer, years

# The words that date a figure relative to the text's own time (去年, 今年, 目前): its year is the document's.
_RELATIVE = re.compile(r"去年|今年|上年|同年|当年|前年|明年|本年|上一年|目前|现在|近年")
# A part of a year named without its year (全年, 年末, 12月份, 第三季度): the period the report or the paragraph states
# once and its sections continue (a communiqué's 全年粮食总产量…, a monthly release's 12月份,食品价格…).
_PART_OF_YEAR = re.compile(r"全年|年末|年底|年初|上半年|下半年|前三季|[一二三四五六七八九十\d]+月|[一二三四1-4]季|季度")
# A year written as the base of a comparison or the start of a span (较92年, 比92年, 自2010年, 由2017年), with a change
# after it before the figure: the figure is often the later period's (較92年的65,742件增加6,363件, tw_patent_2004, fresh7;
# 自2010年超越美國以來,已經連續16年穩居世界第一, cn_mva_top50_2024, fresh10; 台灣自2017年超越日本後,持續保持在第3名,
# tw_rd_2023, fresh7; 占比由2017年8.1%揚升至去年73%, tw_servers_2024, fresh11).
_BASE_YEAR_BEFORE = re.compile(r"(?:较|比|自|从|由|相比|相较)\s*$")
_CHANGE = re.compile(r"增加|减少|增长|下降|下跌|上升|扬升|下滑|回升|滑落|成长|降|升|增|减|以来|后|超越|超过")
# The figure itself after 由/从/自 is the base's own value (由52.6%提升到96%, 占比从不足5%): dated by the base's year.
_FIGURE_AS_BASE = re.compile(r"(?:由|从|自)[^，,；;。]{0,4}$")
# A year written only as the start of a span up to now (为2011年以来的最低值, cn_services_trade_2021, fresh7; 自2010年超越
# 美國以來, cn_mva_top50_2024, fresh10; 成為上海A股自2015年6月國泰君安證券上市以來的最大IPO, tw_ipo_market_2018, fresh10):
# it dates the record the figure is compared with, not the figure.
_SINCE_AFTER = re.compile(r"[^，,；;。]{0,12}?以来")
# Another year written right before the figure, the figure being that year's value: 较2015年录得的2,346億元
# (hk_services_2016, fresh8), 高于2021年录得的1350亿元 (hk_services_trade_2022, fresh9), 高於101年之3.06% (tw_rd_2013,
# fresh9), 較去年底8.40令吉閉市價 and 今年市值則從去年的387億1382萬令吉 (my_klse_market_cap_2016, fresh10).
_YEAR_JUST_BEFORE = re.compile(r"(?:(?<!\d)(?P<y>(?:19|20)\d{2}|\d{2,3})\s*年|(?P<r>去年|上年|前年))(?:底|末|同期|同月|全年)?"
                               r"(?:录得)?(?:的|之)?\s*$")
# A flow between two economies named in the sentence before the figure: 对华投资, 对美出超, 出口美国, 美国进口. A
# ministry reports such flows by partner, and the figure is the reporting economy's (商务部: 日本对华投资增长55.5%,
# hk01 2025-10-25, and 日本实际对华直接投资额为21.4亿美元, 共同社 2015-08-19: China's inflow from Japan; 財政部: 累計前八月
# 對美出超853.6億美元, 聯合報 2025-09-10, and 對美國出超1501.2億美元, 自由時報 2026-01-10: Taiwan's surplus with the US).
# The text is matched in Simplified. A one-character name (华, 美) must touch the flow (对华投资, 对美出超, 对华实际投入):
# 对中小企业投资 names no partner. A flow whose own side the sentence writes (中国对新加坡直接投资, 欧盟自美国进口, 美国自中国
# 进口金额) is that side's, read as such: only a flow into China (对华) or one without its own side is the writer's report
# (_reported_by_writer; the flows with their own side written were read right: cn_sg_trade_2018, cn_eu_trade_2020,
# tw_us_cn_imports_2025).
_PARTNER_SIDE = "|".join([*subjects._ABBREVIATION, "澳"])  # (澳, Australia or Macau, names a partner, never an owner)
_FLOW = r"投资|出口|进口|出超|入超|顺差|逆差|贸易|实际投入|外销"
_PARTNER_FLOW = re.compile(rf"对\s*(?:(?:{_PARTNER_SIDE})(?:实际|直接)?|(?:{subjects._SUBJECT_RE.pattern})[^，,；;。]{{0,6}}?)"
                           rf"(?:{_FLOW})|(?:出口|外销|输往|销往|运往)(?:到|至|往)?\s*(?:{subjects._SUBJECT_RE.pattern})"
                           rf"|(?:{subjects._SUBJECT_RE.pattern})\s*的?进口")
# A cause the sentence gives for a change (受全球通膨及升息影响, 由于…, 因为…, 在全球经济复苏带动下): it names what drove
# the figure, not whose the figure is (tw_ic_output_2023: 112年前3季受全球通膨及升息影响,…产值呈双位数减幅下滑,…年减1.3%,
# Taiwan's output read as the world's; 中央社 2019-11-19: 国内制造业第3季产值受原物料价格走低及全球景气影响,…年减7.01%;
# ETtoday 2015-11-19: 基本金属业因全球钢市供给过剩,…产值年减27.55%).
_CAUSE = re.compile(r"受到?[^，,；;。]{1,24}?(?:影响|冲击|拖累|带动)|(?:由于|因为)[^，,；;。]{1,24}|在[^，,；;。]{1,24}?带动下")
# A firm named by a Latin name after its economy, which the word lists do not know: 美国AI新创Scale AI募得143亿美元,
# 德国Helsing与Quantum Systems分别募得 (tw_vc_pulse_2025q2, fresh10), 总部洛杉矶的SpaceX估值增长4,000亿 (cn_hurun_2021,
# fresh9). The Latin name holds a small letter: an acronym (AI, GDP, IPO, FDI) is no firm.
_FIRM_AFTER = re.compile(rf"(?P<e>{subjects._SUBJECT_RE.pattern})[\u4e00-\u9fffA-Z]{{0,12}}?(?<![A-Za-z])"
                         r"(?P<f>[A-Z][A-Za-z0-9&.\-]*[a-z][A-Za-z0-9&.\-]*)")

# The writer's own economy, named without its name (我国, 全国, 国内, 本港): read as the economy the text is written from.
_OWN = re.compile(r"我国|本国|国内|全国|本港|本地")


@functools.lru_cache(maxsize=64)
def _writer_cues(text: str) -> dict[str, int]:
    """How often `text` names each economy that writes Chinese, counted as writer.home_economy counts them in a
    Simplified text: the mainland by 中国, 内地, 大陆, 国务院, 人民币."""
    return {**writer.writer_counts(text), "CHN": writer.mainland_count(text)}


def _home_contradicted(text: str, code: str) -> bool:
    """Whether `text` says its writer is not in `code`: it sets 我国 apart from that economy by name (我国与中国,
    我国对中国与香港的出口: tw_exports_2025m10, a Taiwanese text), or names another economy that writes Chinese more
    often than that one (马来西亚, 大马, 令吉 16 times and Taiwan never in my_penang_trade_2022, read from Taiwan while
    home_economy weighed only Taiwan, Hong Kong and Macau for Traditional; 经济部, 台湾 more than 中国 in
    tw_patent_2023, read from the mainland at eecc340)."""
    if writer.sets_apart(text, code):
        return True
    if code in writer.own_sentence_homes(text):
        return False  # its 我国 stands beside `code` (746亿令吉 with 我国: my_ecommerce_2016), as home_economy reads it
    counts = _writer_cues(text)
    return code in counts and any(n > counts[code] for c, n in counts.items() if c != code
                                  and not writer.sets_apart(text, c))  # (that writer is not there either)


def _reported_by_writer(flow: re.Match, before: str, home: str) -> bool:
    """Whether the `flow` found in `before` (the sentence up to the figure) is one its writer reports by partner: a
    flow into China (对华: 日本对华投资, 美国对华实际投入, in 商务部's figures), or one whose own side the sentence has not
    named before it (前八月对美出超, 以出口美国为最大宗: the writer's own). A flow the sentence gives its own side
    (中国对新加坡直接投资, 欧盟自美国进口, 美国自中国进口金额) is that side's, which the extractor reads."""
    if flow.group().startswith("对华"):
        return True
    if not flow.group().startswith(("对", "出口", "外销", "输往", "销往", "运往")):
        return False  # 美国进口, 自中国进口: the importer is written (or the partner follows 自/从)
    return not _named(before[:flow.start()], home)


def _codes(span: str, home: str) -> set[str]:
    """The subjects the word lists find in `span`: economies (a city as its economy), firms, the world, classes."""
    return {subjects.subject_code(m.group(), home).split(":")[0] for m in subjects._SUBJECT_RE.finditer(span)}


def _named(span: str, home: str) -> set[str]:
    """The economies (a city as its economy) and firms the word lists find in `span`; the world and a class of
    economies (subjects.CLASS_WORDS) are no one."""
    return _codes(span, home) - {"WLD"} - subjects._CLASSES  # (nor is a class of economies: 开发中国家)


def _first_named(span: str, home: str) -> str | None:
    """The first economy or firm `span` names (the sentence's topic, which its clauses without a subject continue)."""
    return next((code for m in subjects._SUBJECT_RE.finditer(span) for code in _named(m.group(), home)), None)


def _only_in_cause(before: str, clause_at: int, code: str, home: str) -> bool:
    """Whether `before` (the sentence up to the figure, whose clause starts at `clause_at`) names `code` only in
    causes that end before the figure's clause (受全球通膨及升息影响, 由于…, 在…带动下)."""
    spans = [m.span() for m in _CAUSE.finditer(before) if m.end() <= clause_at]
    if not spans:
        return False
    inside = "".join(before[a:b] for a, b in spans)
    cuts = [0] + [i for span in spans for i in span] + [len(before)]
    outside = "".join(before[cuts[i]:cuts[i + 1]] for i in range(0, len(cuts), 2))
    return code in _codes(inside, home) and code not in _codes(outside, home)


def _writes_year(span: str, year: str) -> bool:
    """Whether `span` writes `year` (2013, or 102年 in a Taiwanese text)."""
    if re.search(rf"(?<!\d){year}(?!\d)", span):
        return True
    return years.TAIWAN.get() and any(str(1911 + int(m["n"])) == year for m in years._ROC_BARE.finditer(span))


def _writings(span: str, year: str) -> list[re.Match]:
    """Where `span` writes `year` before 年 (2013年, or 102年 in a Taiwanese text)."""
    roc = str(int(year) - 1911) if years.TAIWAN.get() else None
    return [m for m in re.finditer(r"(?<!\d)(\d{2,4})(?=\s*年)", span) if m[1] in (year, roc)]


def _from_base_year(before: str, year: str) -> bool:
    """Whether the last writing of `year` in `before` (the sentence up to the figure) follows 较/比/自/从/由 and a change
    stands between it and the figure that is not itself a base's value."""
    found = _writings(before, year)
    if not found or _FIGURE_AS_BASE.search(before[-6:]):
        return False
    last = found[-1]
    return bool(_BASE_YEAR_BEFORE.search(before[max(0, last.start() - 3):last.start()])) \
        and bool(_CHANGE.search(before[last.end():]))


def _year_just_before(clause: str, date: str | None) -> str | None:
    """The year `clause` (up to the figure) writes right before it (2015年录得的, 101年之, 去年底), if any."""
    m = _YEAR_JUST_BEFORE.search(clause)
    if not m:
        return None
    if m["r"]:
        return str(int(date[:4]) + years._RELATIVE_SHIFT[m["r"]]) if date else None
    if len(m["y"]) == 4:
        return m["y"]
    return str(1911 + int(m["y"])) if years.TAIWAN.get() and 80 <= int(m["y"]) <= 130 else None


def _counted_back(sentence: str, year: str, date: str | None) -> bool:
    """Whether `sentence` dates `year` by counting back from the document's year (30年前 in a text of 2022: 1992)."""
    return bool(date) and any(year == str(int(date[:4]) - (context.cn_or_digits(m["n"]) or 0))
                              for m in years._YEARS_AGO.finditer(sentence))


def _named_by_word(paragraph: str, year: str, date: str | None) -> bool:
    """Whether `paragraph` names `year` by a word counted from the document's year (去年, 前年, 明年; not 上年, the base
    of 比上年增长, which names no time of the figure's)."""
    return bool(date) and any(year == str(int(date[:4]) + shift) for word, shift in years._RELATIVE_SHIFT.items()
                              if word != "上年" and word in paragraph)


def reading_doubts(text: str, pos: int, c_start: int, s_start: int, s_end: int, p_start: int, entity: str | None,
                   source: str, year: str | None, date: str | None, home: str) -> list[str]:
    """Flags for the figure at `pos` (its clause starts at c_start, its sentence runs s_start..s_end, its paragraph
    starts at p_start) read as `entity` (found as `source` says: subjects.Subject) in `year`:
    - subject_from_other_clause: the subject was carried from an earlier clause or sentence ("sentence", "topic"),
      the sentence names two or more economies or firms, and the figure's clause up to the figure does not name it:
      with several to choose from the carry often takes the wrong one (經濟部表示,我國伺服器直接外銷占比達九成以上,
      出口以美國為大宗,占比由2017年8.1%揚升至去年73%: Taiwan's share, read as the US's). Not where the clause names
      no one and the subject is the first the sentence names: its topic, which clauses without a subject continue
      (我国研发人员总量在2013年超过美国,已连续6年稳居世界第一位, cn_rd_talent_2018; 槟城不仅在去年以3450亿令吉的…
      出口额位居全国榜首,还创造了1010亿令吉的贸易顺差, my_penang_trade_2022).
    - year_from_elsewhere: the year is written neither in the figure's paragraph up to its sentence's end, nor by a
      word dating it from the text's own time (今年, 去年, 目前) or a part of a year (全年, 12月份), and is not the year of
      the document's date: it came from another paragraph or the report's period, which the figure often does not
      share (近20年,中國吸收外資在全球FDI總量中年均比例為7.6%, read as 2013 from the paragraph before).
    - year_from_base: the year read is written after 较/比/自/从/由 (a comparison's base, a span's start) with a change
      between it and the figure, and is not the year of the document's date: the figure is often the later period's
      (较92年的65,742件增加6,363件: 2004's increase, read as 2003's).
    - year_from_span_start: the sentence writes the year read only as the start of a span up to now (2011年以来),
      and it is not the year of the document's date: it dates the record the figure is measured against, not the
      figure (逆差下降69.5%…为2011年以来的最低值: 2021's figures, read as 2011's).
    - year_written_before_figure: the clause writes another year right before the figure (较2015年录得的, 高於101年之,
      较去年底): the figure is that year's value, often read as the statement's (较2015年录得的2,346億元, read as 2016).
    - subject_in_partner_flow: the sentence names a flow to or from a partner before the figure (对华投资, 對美出超,
      出口美国) without its own side (or into China: 对华) and the subject is not the writer's own economy: the
      reporter of such a flow is often the one the text does not name (美国对华实际投入外资金额28.76亿美元: China's
      inflow, read as the US's).
    - subject_before_firm: the subject is an economy the clause names just before a firm's Latin name the word lists
      do not know (美国AI新创Scale AI募得143亿美元): the figure is often the firm's.
    - subject_from_cause: the sentence names the subject, before the figure, only in a cause that ends before the
      figure's clause (受全球通膨及升息影响, 由于…, 在…带动下): a cause drove the figure and is not whose it is
      (112年前3季受全球通膨及升息影响,…年减1.3%: Taiwan's output, read as the world's).
    - subject_home_contradicted: the subject is the writer's own economy, read from 我国/全国/国内 (or assumed; the
      figure's clause does not name it), and the text itself says the writer is elsewhere: it sets 我国 apart from
      that economy (我国与中国) or names another economy that writes Chinese more often (我国10月的出口205.2亿美元 in a
      text saying 我国与中国: Taiwan's, read as China's)."""
    flags = []
    c_start = max(c_start, s_start)
    sentence = text[s_start:s_end]
    parts = {p.split(":")[0] for p in (entity or "").split("+") if p}
    own = _named(text[c_start:pos], home)
    if entity and source in ("sentence", "topic") and len(_named(sentence, home)) >= 2 and not parts & own \
            and not any(p in text[c_start:pos] for p in parts) \
            and (_codes(text[c_start:pos], home) or len(parts) > 1
                 or _first_named(text[s_start:pos], home) not in parts):
        flags.append("subject_from_other_clause")
    if entity and not parts <= {home} and any(_reported_by_writer(m, text[s_start:pos], home)
                                              for m in _PARTNER_FLOW.finditer(text[s_start:pos])):
        flags.append("subject_in_partner_flow")
    if entity and any(not subjects._SUBJECT_RE.fullmatch(m["f"]) and _named(m["e"], home) & parts
                      for m in _FIRM_AFTER.finditer(text[c_start:pos])):
        flags.append("subject_before_firm")
    if entity and "+" not in entity and _only_in_cause(text[s_start:pos], c_start - s_start, next(iter(parts)), home):
        flags.append("subject_from_cause")
    if entity and "+" not in entity and (source == "home" or _OWN.search(text[s_start:pos])) \
            and next(iter(parts)) not in _codes(_OWN.sub("", text[c_start:pos]), home) \
            and _home_contradicted(text, next(iter(parts))):
        flags.append("subject_home_contradicted")
    if year and year[:4] != (date or "")[:4] and not _writes_year(text[min(p_start, s_start):s_end], year[:4]) \
            and not _RELATIVE.search(sentence) and not _PART_OF_YEAR.search(sentence) \
            and not _counted_back(sentence, year, date) and not _named_by_word(text[min(p_start, s_start):s_end], year, date):
        flags.append("year_from_elsewhere")
    if year and re.fullmatch(r"\d{4}", year) and year != (date or "")[:4] and _from_base_year(text[s_start:pos], year):
        flags.append("year_from_base")
    if year and (written := _year_just_before(text[c_start:pos], date)) and written not in year.split("-"):
        flags.append("year_written_before_figure")
    if year and re.fullmatch(r"\d{4}", year) and year != (date or "")[:4] and (found := _writings(sentence, year)) \
            and all(_SINCE_AFTER.match(sentence, m.end()) for m in found):
        flags.append("year_from_span_start")
    return flags
