"""Reading a document: strict UTF-8, lines joined into one text stream, each character mapped back to its line."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from lib.errors import BuildError, Problem

# Lines that are metadata, not body text (matched at the start of the stripped line).
META_PREFIXES = (
    "收稿日期", "通讯作者", "资助项目", "本刊网址", "中图分类号", "关键词", "利益冲突", "本文作者在此声明",
    "(1.", "（1.", "Received", "Corresponding", "Funding",
)
REFERENCE_HEADINGS = ("参考文献",)
SENTENCE_END = "。！？"
CLAUSE_END = "，,；;。：:！？"

_CJK = re.compile(r"[\u4e00-\u9fff]")
# A pinyin gloss in brackets after a character (統(tǒng)計(jì)處, 佔(zhàn)2022年, 來(lái)源地): what some mirror sites' converters add
# to a page (hk_services_trade_2022, kept verbatim as stored: FRESH9_B; FRESH9_A saw other such copies). It is the
# character's reading, not text: dropped, so that 占…总额 and 来源地 read as the words they are. A gloss is lower-case
# Latin letters with at least one tone mark (ā á ǎ à …), right after a Chinese character; nothing else is touched.
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_PUNCTUATION = re.compile(r"[，,。；;：:、！？!?（）()“”\"]")


@dataclass
class Document:
    """A seed document as lines plus the joined text stream the patterns run over."""

    file_name: str
    lines: list[str]
    text: str = ""
    # For each char of `text`: the 1-based line it came from and its column in that line.
    origin_line: list[int] = field(default_factory=list)
    origin_col: list[int] = field(default_factory=list)
    body: list[bool] = field(default_factory=list)
    # Offsets in `text` where a paragraph starts: after a line that ends a sentence (PDF lines that break
    # mid-sentence run on), so a paragraph's stated reference date (截至2022年底) reaches its later sentences.
    paragraph_starts: list[int] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)  # offset in `text` of each non-blank line


def read_document(path: Path) -> Document:
    """Read a seed as strict UTF-8; a re-encoded or unreadable file stops the build naming the line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BuildError(Problem(str(path.name), "the document is missing",
                                 "Restore it from ../shared/seeds (seeds/ must hold all five documents)."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if exc.end >= len(data) - 1 and exc.reason == "unexpected end of data":
            raise BuildError(Problem(path.name, "the file ends in the middle of a character: it is truncated",
                                     "Restore the complete file from ../shared/seeds.", line=line))
        raise BuildError(Problem(path.name, f"not valid UTF-8 (byte {exc.start}); the file may be GBK-encoded",
                                 "Restore the original UTF-8 file from ../shared/seeds.", line=line))
    if not text.strip():
        raise BuildError(Problem(path.name, "the document is empty", "Restore it from ../shared/seeds."))
    return index_document(Document(path.name, _PINYIN_GLOSS.sub("", text).split("\n")))


def _is_body(stripped: str, in_references: bool) -> bool:
    if in_references or not _CJK.search(stripped):
        return False
    if stripped.startswith(META_PREFIXES) or re.fullmatch(r"\d+", stripped):
        return False
    return True


def index_document(doc: Document) -> Document:
    """Join the stripped non-blank lines into `doc.text` (two-column PDFs break sentences anywhere)."""
    parts: list[str] = []
    in_refs = False
    length, ended = 0, True
    # A text written one paragraph per line (a web page, a press release: all its long lines end a sentence) breaks a
    # line only where a paragraph, heading or list item ends, so a line ending without any punctuation (粮食产量
    # 1.37万亿斤,增产74亿斤) ends its paragraph there; a PDF's lines break anywhere and run on.
    long_lines = [s for s in (line.strip() for line in doc.lines) if len(s) > 30]
    per_line = bool(long_lines) and sum(s[-1] in SENTENCE_END + "”」）)" for s in long_lines) >= 0.95 * len(long_lines)
    for no, line in enumerate(doc.lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(REFERENCE_HEADINGS):
            in_refs = True
        lead = len(line) - len(line.lstrip())
        body = _is_body(stripped, in_refs)
        if ended:
            doc.paragraph_starts.append(length)
        # A heading (a short line with no punctuation after a finished sentence: 研发强度十年翻一番) is a paragraph
        # of its own: the line after it starts a new one, so the heading's words and the next paragraph's do
        # not read as one sentence.
        ended = stripped[-1] in SENTENCE_END or (ended and len(stripped) <= 30 and not _PUNCTUATION.search(stripped)) \
            or (per_line and not _PUNCTUATION.match(stripped[-1]))
        doc.line_starts.append(length)
        parts.append(stripped)
        length += len(stripped)
        doc.origin_line.extend([no] * len(stripped))
        doc.origin_col.extend(range(lead, lead + len(stripped)))
        doc.body.extend([body] * len(stripped))
    doc.text = "".join(parts)
    return doc


_WIDE = {ord("０") + i: ord("0") + i for i in range(10)}
_WIDE.update({ord("Ａ") + i: ord("A") + i for i in range(26)})
_WIDE.update({ord("ａ") + i: ord("a") + i for i in range(26)})
_WIDE.update({ord("％"): ord("%"), ord("～"): ord("~"), ord("．"): ord(".")})
# ﹪ (U+FE6A, SMALL PERCENT SIGN) is a compatibility form of % (NFKC maps it so); Taiwanese government texts set in
# Big5-era fonts print it (tw_patent_2004: 增加6,363件(9.68﹪)).
_WIDE[ord("﹪")] = ord("%")


def normalise(text: str) -> str:
    """Full-width digits, letters and signs to ASCII, one char for one char, so offsets stay valid."""
    return text.translate(_WIDE)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # Traditional -> Simplified; imported once, only when a document is matched
    return opencc.OpenCC("t2s")


def matching_text(text: str, line_starts: list[int]) -> str:
    """The text the patterns run over: normalised and in Simplified characters, offset for offset with `text`.

    OpenCC's t2s maps one character to one character for nearly all of Chinese; where a line's conversion
    changes its length (a phrase mapping), that line stays as printed, so every offset still maps back."""
    text = normalise(text)
    converted = _t2s().convert(text)
    if len(converted) != len(text):
        parts = []
        for a, b in zip(line_starts, line_starts[1:] + [len(text)]):
            piece = _t2s().convert(text[a:b])
            parts.append(piece if len(piece) == b - a else text[a:b])
        converted = "".join(parts)
    # A year written digit by digit in numerals (二〇二五年, and the Taiwanese calendar's 一一四年) has as many characters
    # as 2025年 / 114年: read it as digits.
    return _CN_YEAR.sub(lambda m: m.group().translate(_CN_DIGIT), converted)


# Years 1900-2099 digit by digit, standing alone (not inside a longer numeral such as 一八八一亿) and followed
# by 年 or by the dash or 至/到 of a period.
# Years of the Taiwanese calendar 100-119 (2011-2030) so written are printed by Taiwanese papers (經濟部統計處…公布一一四年
# 十二月及一一四年全年外銷訂單 in tw_export_orders_2025; 僅次於一百年的三○八二億美元…九十八年金融海嘯 in a 聯合報 story of
# 2013, havuymin.pixnet.net) only before 年; a quantity of 114 years is written 一百一十四年.
_CN_YEAR = re.compile(r"(?<![〇○零一二三四五六七八九十百千万亿])(?:(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2}"
                      r"(?![〇○零一二三四五六七八九十百千万亿])(?=\s*(?:年|至|到|—|-|~))"
                      r"|一[〇○零一][〇○零一二三四五六七八九](?![〇○零一二三四五六七八九十百千万亿])(?=\s*年))")
_CN_DIGIT = str.maketrans("〇○零一二三四五六七八九", "000123456789")


_DATELINE = re.compile(r"(?:收稿日期|发布日期|发布时间|日期)\s*[:：]?\s*(?P<y>(?:19|20)\d{2})\s*[-年./]\s*(?P<m>\d{1,2})")


# 中央社 (CNA, Taiwan's national news agency) closes every story with its editor and the release date in the
# Republic calendar, year, month and day run together: （编辑：杨凯翔）1141107 is 2025-11-07 (民国114年 = 1911 + 114).
# Portals and papers that carry CNA copy print the stamp as it is, often with no other date, so it is the text's
# own date (今天, 10月, 今年 resolve against it). Only at the very end of the text and only after an editor's name
# in brackets: a seven-digit figure anywhere else is never read as a date.
_CNA_STAMP = re.compile(r"[（(]\s*编辑\s*[:：][^（()）]{1,12}[）)]\s*(?P<y>1\d{2}|[89]\d)(?P<m>0[1-9]|1[0-2])"
                        r"(?P<d>0[1-9]|[12]\d|3[01])\s*$")


# A news web page prints the time it was posted under its headline, with the source (来源: 新华社 2022-07-09 07:56,
# 业界 | 2020-11-24 11:46:03): a full date with a time of day near the top is the page's own date. The time of day
# is what tells it from a date the story reports (截至2020年5月底, 2022-07-08 in a table), so it is required.
_POSTED = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>1[0-2]|0?[1-9])\s*[-/.月]\s*(?P<d>3[01]|[12]\d|0?[1-9])"
                     r"\s*日?\s+(?:[01]?\d|2[0-3])[:：][0-5]\d(?![\d])")
_POSTED_WITHIN = 400  # characters: the headline, its lead and the source line


def document_date(text: str) -> str | None:
    """The document's own date when its text prints one (收稿日期 / 发布日期 lines: `YYYY-MM`; a CNA editor's stamp
    at the end, or a posting time near the top: `YYYY-MM-DD`)."""
    m = _DATELINE.search(text)
    if m:
        return f"{m['y']}-{int(m['m']):02d}"
    stamp = _CNA_STAMP.search(text.rstrip())
    if stamp:
        return f"{int(stamp['y']) + 1911}-{stamp['m']}-{stamp['d']}"
    posted = _POSTED.search(text, 0, _POSTED_WITHIN)
    return f"{posted['y']}-{int(posted['m']):02d}-{int(posted['d']):02d}" if posted else None


_MARKS: dict[tuple[int, str], tuple[str, list[int]]] = {}


def _marks(text: str, ends: str) -> list[int]:
    """Sorted offsets of the marks in `text`, computed once per text (the last few texts are kept)."""
    entry = _MARKS.get((id(text), ends))
    if entry is None or entry[0] is not text:
        if len(_MARKS) > 16:
            _MARKS.clear()
        entry = (text, [i for i, ch in enumerate(text) if ch in ends])
        _MARKS[(id(text), ends)] = entry
    return entry[1]


def paragraph_start(paragraph_starts: list[int] | None, pos: int) -> int:
    """Where the paragraph holding `pos` starts (Document.paragraph_starts; 0 before the first, or with none)."""
    return max([p for p in paragraph_starts or () if p <= pos], default=0)


def bounds(text: str, pos: int, ends: str) -> tuple[int, int]:
    """Start and end (past the closing mark) of the sentence or clause around `pos`."""
    marks = _marks(text, ends)
    i = bisect_left(marks, pos)
    start = marks[i - 1] + 1 if i > 0 else 0
    return start, (marks[i] + 1 if i < len(marks) else len(text))
