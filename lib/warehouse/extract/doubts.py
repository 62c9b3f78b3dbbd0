"""Why a year or subject the extractor found may be wrong: the reasons a reader should check it (issue 13).

Each reason is a fact about where the reading came from that, on text no rule was written from, went with wrong
readings far more often than the rest (bench.label_flags; the figures are in the commit that added each). A
reading without such a reason is the one an analyst may quote: the reasons name the cause, not a score."""
from __future__ import annotations

import re

from lib.warehouse.extract import context

# The words that date a figure relative to the text's own time (去年, 今年, 目前): its year is the document's.
_RELATIVE = re.compile(r"去年|今年|上年|同年|当年|前年|明年|本年|上一年|目前|现在|近年")
# A part of a year named without its year (全年, 年末, 12月份, 第三季度): the period the report or the paragraph states
# once and its sections continue (a communiqué's 全年粮食总产量…, a monthly release's 12月份,食品价格…).
_PART_OF_YEAR = re.compile(r"全年|年末|年底|年初|上半年|下半年|前三季|[一二三四五六七八九十\d]+月|[一二三四1-4]季|季度")


def _named(span: str, home: str) -> set[str]:
    """The economies (a city as its economy) and firms the word lists find in `span`; the world and a class of
    economies (context.CLASS_WORDS) are no one."""
    codes = set()
    for m in context._SUBJECT_RE.finditer(span):
        code = context._SUBJECT_OF[m.group()][0]
        code = home if code == context.HOME else context._PLACE_OF.get(m.group(), code).split(":")[0]
        codes.add(code)
    return codes - {"WLD"} - context._CLASSES  # (nor is a class of economies: 开发中国家)


def _writes_year(span: str, year: str) -> bool:
    """Whether `span` writes `year` (2013, or 102年 in a Taiwanese text)."""
    if re.search(rf"(?<!\d){year}(?!\d)", span):
        return True
    return context.TAIWAN.get() and any(str(1911 + int(m["n"])) == year for m in context._ROC_BARE.finditer(span))


def reading_doubts(text: str, pos: int, c_start: int, s_start: int, s_end: int, p_start: int, entity: str | None,
                   source: str, year: str | None, date: str | None, home: str) -> list[str]:
    """Flags for the figure at `pos` (its clause starts at c_start, its sentence runs s_start..s_end, its paragraph
    starts at p_start) read as `entity` (found as `source` says: context.Subject) in `year`:
    - subject_from_other_clause: the subject was carried from an earlier clause or sentence ("sentence", "topic"),
      the sentence names two or more economies or firms, and the figure's clause up to the figure names none of
      them: with several to choose from the carry often takes the wrong one (經濟部表示,我國伺服器直接外銷占比達九成以上,
      出口以美國為大宗,占比由2017年8.1%揚升至去年73%: Taiwan's share, read as the US's).
    - year_from_elsewhere: the year is written neither in the figure's paragraph up to its sentence's end, nor by a
      word dating it from the text's own time (今年, 去年, 目前) or a part of a year (全年, 12月份), and is not the year of
      the document's date: it came from another paragraph or the report's period, which the figure often does not
      share (近20年,中國吸收外資在全球FDI總量中年均比例為7.6%, read as 2013 from the paragraph before)."""
    flags = []
    c_start = max(c_start, s_start)
    sentence = text[s_start:s_end]
    parts = {p.split(":")[0] for p in (entity or "").split("+") if p}
    own = _named(text[c_start:pos], home)
    if entity and source in ("sentence", "topic") and len(_named(sentence, home)) >= 2 and not parts & own \
            and not any(p in text[c_start:pos] for p in parts):
        flags.append("subject_from_other_clause")
    if year and year[:4] != (date or "")[:4] and not _writes_year(text[min(p_start, s_start):s_end], year[:4]) \
            and not _RELATIVE.search(sentence) and not _PART_OF_YEAR.search(sentence):
        flags.append("year_from_elsewhere")
    return flags
