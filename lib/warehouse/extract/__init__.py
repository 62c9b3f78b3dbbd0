"""The extractor: finds every quantitative statement in the seed documents, with its line, quote, value and unit.

How it reads a document (the defects it survives are listed in seeds/README.md):
- The lines are joined (each stripped, blank lines dropped) into one text stream, so a number whose digits and
  unit sit on two lines of a two-column PDF (`突破5000` / `亿美元`, `3.41×` / `104 MW`) is read whole; every
  match is mapped back to the 1-based line where its digits start, and the quote is the part on that line.
- Superscripts lost in PDF extraction (`2.312×106`) are read as powers of ten and flagged `lost_superscript`.
- Stray `?` characters inside numbers (`提升到?96%`, `3.6?亿张`) are skipped and flagged `stray_char`.
- Dates of events, durations, reference markers, section/figure numbers, titles in 《》, technology names
  (`5G`, `R16`, `4K`) and author affiliations are not indicators and are never reported.
Each mention gets the entity it describes (economy code or company) and the year or period of its sentence
by nearest-subject rules; what the rules cannot settle is flagged rather than guessed silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lib.errors import BuildError, Problem

# Canonical unit and multiplier for each printed unit (DESIGN.md: values in base units).
UNITS: dict[str, tuple[str, float]] = {
    "%": ("percent", 1.0),
    "个百分点": ("percent", 1.0),
    "美元": ("USD", 1.0),
    "英镑": ("GBP", 1.0),
    "欧元": ("EUR", 1.0),
    "元": ("CNY", 1.0),
    "km": ("m", 1e3),
    "ZB": ("byte", 1e21),
    "GW": ("W", 1e9),
    "MW": ("W", 1e6),
    "kW": ("W", 1e3),
    "Tbps": ("bit/s", 1e12),
    "GB/s": ("bit/s", 8e9),
}
# Measure words of counts. Longer words first so that `标准机架` wins over `架`.
MEASURE_WORDS = [
    "标准机架", "比特", "家", "个", "件", "户", "台", "辆", "种", "所", "项", "架", "张", "人", "名", "篇",
    "座", "款", "套", "颗", "条", "位", "卡", "部", "批",
]
MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4}
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

ECONOMY_WORDS = [
    ("中国", "CHN"), ("我国", "CHN"), ("国内", "CHN"), ("全国", "CHN"), ("国务院", "CHN"),
    ("工业和信息化部", "CHN"), ("工信部", "CHN"), ("美国", "USA"), ("欧盟", "EUU"),
    ("英国", "GBR"), ("爱尔兰", "IRL"), ("印度", "IND"), ("德国", "DEU"), ("法国", "FRA"), ("日本", "JPN"),
    ("韩国", "KOR"), ("加拿大", "CAN"), ("芬兰", "FIN"), ("全球", "WLD"), ("世界", "WLD"),
]
COMPANY_WORDS = [
    ("苹果公司", "Apple"), ("腾讯", "Tencent"), ("阿里巴巴", "Alibaba"), ("微软", "Microsoft"),
    ("英伟达", "Nvidia"), ("华为", "Huawei"),
]
COUNTRY_NAMES = {word: code for word, code in ECONOMY_WORDS if code != "WLD"}

TOPIC_KEYWORDS = [
    ("unicorns", ("独角兽",)),
    ("market_value", ("市值",)),
    ("digital_services", ("服务出口", "数字服务")),
    ("innovation_output", ("专利", "论文", "科技集群", "自然指数", "创新指数", "引用率")),
    ("rd", ("研发", "研究与开发")),
    ("ai", ("人工智能", "AI")),
    ("quantum", ("量子",)),
    ("infrastructure", ("基站", "光纤", "数据中心", "机架", "算力", "宽带", "物联网", "5G", "网络")),
    ("digital_economy", ("数字经济", "数字产业化", "电子商务", "数据产量")),
    ("ict_industry", ("软件", "电子信息", "信息技术", "集成电路", "工业互联网")),
    ("strategic_industries", ("新能源", "光伏", "锂", "生物", "医疗", "新材料", "战略性新兴产业", "风电",
                              "飞机", "量子计算市场", "增强现实")),
]

# Lines that are metadata, not body text (matched at the start of the stripped line).
META_PREFIXES = (
    "收稿日期", "通讯作者", "资助项目", "本刊网址", "中图分类号", "关键词", "利益冲突", "本文作者在此声明",
    "(1.", "（1.", "Received", "Corresponding", "Funding",
)
REFERENCE_HEADINGS = ("参考文献",)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUM = r"\d+(?:\.\d+)?"
_SKIP_AFTER = re.compile(r"\s*(?:年|月|日|世纪|级|代|号|期|版|周年|kg)")
_QUANTITY = re.compile(
    r"(?P<num>" + _NUM + r")(?P<grp>(?: \d{3})+(?=[\u4e00-\u9fff]))?"
    r"(?:\s*×\s*10(?P<exp>\d{1,2}))?"
    r"(?P<range>\s*(?P<rpct>%)?\s*[~～]\s*(?P<num2>" + _NUM + r"))?"
    r"(?P<frac>/(?P<den>\d+)(?![\d.]))?"
    r"(?P<q1>[\s?]*(?:多|余))?"
    r"(?P<mag>[\s?]*(?:万亿|亿|万))?"
    r"(?P<q2>多|余)?"
    r"(?P<unit>[\s?]*(?:%|个百分点|美元|英镑|欧元|元|km|ZB|GW|MW|kW|Tbps|GB/s|"
    + "|".join(MEASURE_WORDS) + r"))?"
)
_SLASH_LIST = re.compile(r"(?P<a>" + _NUM + r")/(?P<b>" + _NUM + r")\s*(?P<unit>Tbps|GW|MW|kW|km)")
_RANK_DIGIT = re.compile(r"第\s*(?P<n>\d+)\s*(?P<w>位|名)?")
_RANK_CN = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,3})(?P<w>位|名|大)?(?!次|代|个|批|层|步|产业|、)")
_TOP_N = re.compile(r"前(?P<n>[一二三四五六七八九十]{1,2}|\d{1,2})(?P<w>位|名)?")
_RANK_CONTEXT = re.compile(r"(?:世界|全球|排名|位居|居|位列|跃居|保持|界)[\s\u4e00-\u9fff]{0,3}$")
_QUALIFIERS = [
    (re.compile(r"(?:超过|超|逾|突破|高于|多于)\s*$"), ">"),
    (re.compile(r"(?:约为|约|近|接近|大约|左右)\s*$"), "~"),
    (re.compile(r"(?:不足|低于|少于|不到)\s*$"), "<"),
]
_YEAR_PERIOD = re.compile(r"(?P<a>(?:19|20)\d{2})[\s?]*年?\s*[—–\-~～至到]\s*(?P<b>(?:19|20)\d{2})[\s?]*年")
_YEAR = re.compile(r"(?P<a>(?:19|20)\d{2})[\s?]*年(?!代)")
# Five-year plans name their period: "十四五" is 2021-2025, each plan five years (regular since the 3rd, 1966).
_PLAN = re.compile(r"“?十(?P<n>[一二三四五六七八九])五”?(?:规划|期间|时期|末)?")
_PLAN_NUMBER = {c: i + 11 for i, c in enumerate("一二三四五六七八九")}
_SENTENCE_END = "。！？"
_CLAUSE_END = "，,；;。：:！？"


@dataclass
class Mention:
    """One quantitative statement as the documents print it."""

    doc_id: str
    file_name: str
    line_no: int
    line_end: int
    char_start: int
    char_end: int
    quote: str
    raw: str
    value: float
    value_high: float | None
    unit: str
    measure: str | None
    qualifier: str | None
    year: str | None
    entity: str | None
    topic: str
    context: str
    flags: list[str] = field(default_factory=list)
    mention_id: str = ""
    implausible_reason: str | None = None


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
    return _index(Document(path.name, text.split("\n")))


def _is_body(stripped: str, in_references: bool) -> bool:
    if in_references or not _CJK.search(stripped):
        return False
    if stripped.startswith(META_PREFIXES) or re.fullmatch(r"\d+", stripped):
        return False
    return True


def _index(doc: Document) -> Document:
    parts: list[str] = []
    in_refs = False
    for no, line in enumerate(doc.lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(REFERENCE_HEADINGS):
            in_refs = True
        lead = len(line) - len(line.lstrip())
        body = _is_body(stripped, in_refs)
        parts.append(stripped)
        doc.origin_line.extend([no] * len(stripped))
        doc.origin_col.extend(range(lead, lead + len(stripped)))
        doc.body.extend([body] * len(stripped))
        # A paragraph-level line that ends a sentence keeps its boundary; others run on (two-column PDFs).
    doc.text = "".join(parts)
    return doc


def _normalise(text: str) -> str:
    """Full-width digits and signs to ASCII, one char for one char, so offsets stay valid."""
    table = {ord("０") + i: ord("0") + i for i in range(10)}
    table.update({ord("％"): ord("%"), ord("～"): ord("~"), ord("．"): ord(".")})
    return text.translate(table)


def _number(text: str) -> float:
    return float(text.replace(" ", "").replace(",", ""))


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if len(text) == 1:
        return CN_DIGITS.get(text)
    if text.startswith("十"):
        return 10 + CN_DIGITS.get(text[1], 0)
    if text.endswith("十"):
        return CN_DIGITS.get(text[0], 0) * 10
    if len(text) == 3 and text[1] == "十":
        return CN_DIGITS.get(text[0], 0) * 10 + CN_DIGITS.get(text[2], 0)
    return None


def _bounds(text: str, pos: int, ends: str) -> tuple[int, int]:
    start = max((text.rfind(ch, 0, pos) for ch in ends), default=-1) + 1
    end_candidates = [i for i in (text.find(ch, pos) for ch in ends) if i != -1]
    return start, (min(end_candidates) + 1 if end_candidates else len(text))


def _excluded(text: str, start: int, end: int) -> bool:
    """Digits that are not a quantity: references, titles, figure/section numbers, tech names, dates."""
    before = text[max(0, start - 12):start]
    after = text[end:end + 3]
    unit_follows = re.match(r"\s*(?:km|ZB|GW|MW|kW|Tbps|GB/s)", text[end:end + 6])
    if re.search(r"[A-Za-z\-]$", before) or (re.match(r"[A-Za-z]", after) and not unit_follows):
        return True  # 5G, R16, 4K, H100, web3.0, Hexa-X, AI4S
    if before.endswith(("图", "表", "图 ", "表 ", "图4(", "^")):
        return True
    if re.search(r"[\[［][^\]］]*$", before) and re.match(r"[\d,，~\-–—\s]*[\]］]", text[start:start + 12]):
        return True  # reference markers [10], ^[4-7], [11,12]
    if before.count("《") > before.count("》") and "》" in text[end:end + 30]:
        return True  # years and numbers inside document titles
    if re.search(r"[“\"]$", before) and re.match(r"[”\"]", after):
        return True  # quoted slogans such as “100”到“1”
    if re.search(r"[（(]$", before) and re.match(r"[）)]", after):
        return True  # list numbers (1) (2)
    if re.match(r"\.\s*[\u4e00-\u9fff]", after) and (start == 0 or text[start - 1] in "。；：:" + "）)"):
        return True  # section numbers "1. 独角兽企业情况"
    return False


class _Extractor:
    """Runs the patterns over one document's text stream and builds Mentions."""

    def __init__(self, doc: Document, doc_id: str):
        self.doc = doc
        self.doc_id = doc_id
        self.text = _normalise(doc.text)
        self.taken: list[tuple[int, int]] = []
        self.mentions: list[Mention] = []

    def run(self) -> list[Mention]:
        self._ranks()
        self._order_ranks()
        self._durations()
        self._slash_lists()
        self._quantities()
        self.mentions.sort(key=lambda m: (m.line_no, m.char_start))
        counters: dict[int, int] = {}
        for m in self.mentions:
            counters[m.line_no] = counters.get(m.line_no, 0) + 1
            m.mention_id = f"{self.doc_id}-{m.line_no:04d}-{counters[m.line_no]}"
        return self.mentions

    # --- patterns -----------------------------------------------------------------------------------------
    def _free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

    def _ranks(self) -> None:
        text = self.text
        for m in _RANK_DIGIT.finditer(text):
            has_word = bool(m.group("w"))
            if not has_word and not _RANK_CONTEXT.search(text[max(0, m.start() - 8):m.start()]):
                continue
            if _SKIP_AFTER.match(text, m.end("n")) or _excluded(text, m.start("n"), m.end("n")):
                continue
            self._add(m.start(), m.end(), float(m.group("n")), None, "rank", m.group("w"), [], m.start("n"))
        for m in _RANK_CN.finditer(text):
            if not _RANK_CONTEXT.search(text[max(0, m.start() - 8):m.start()]):
                continue
            value = _cn_number(m.group("n"))
            if value is not None and self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), float(value), None, "rank", m.group("w"), [], m.start())
        for m in _TOP_N.finditer(text):
            if not m.group("w") and not _RANK_CONTEXT.search(text[max(0, m.start() - 8):m.start()]):
                continue
            value = _cn_number(m.group("n"))
            if value is not None and self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), float(value), None, "rank", m.group("w"), ["top_n"], m.start(),
                          qualifier="top")

    def _order_ranks(self) -> None:
        """`前六位的国家分别是爱尔兰、印度、中国…`: the order of the list is the rank."""
        text = self.text
        for m in re.finditer(r"前(?P<n>[一二三四五六七八九十\d]{1,2})位[^。]{0,20}?分别(?:是|为)", text):
            n = _cn_number(m.group("n"))
            stop = text.find("。", m.end())
            names = text[m.end():stop if stop != -1 else len(text)].split("、")
            if n is None or len(names) != n:
                continue
            pos = m.end()
            for rank, name in enumerate(names, start=1):
                clean = name.strip()
                code = COUNTRY_NAMES.get(clean)
                start = text.find(clean, pos)
                pos = start + len(clean)
                if code is None:
                    continue
                self._add(start, pos, float(rank), None, "rank", None, ["order_rank"], start, entity=code)

    def _durations(self) -> None:
        """`连续8年保持全球第一`: a run of years is a quantity (count of years), unlike a date."""
        for m in re.finditer(r"连续\s*(?P<n>\d+)\s*年", self.text):
            self._add(m.start("n"), m.end(), float(m.group("n")), None, "count", "年", [], m.start("n"))

    def _slash_lists(self) -> None:
        for m in _SLASH_LIST.finditer(self.text):
            unit, mult = UNITS[m.group("unit")]
            for group in ("a", "b"):
                start, end = m.span(group)
                self._add(start, m.end() if group == "b" else end, _number(m.group(group)) * mult, None, unit,
                          m.group("unit"), [], start)
            self.taken.append(m.span())

    def _quantities(self) -> None:
        text = self.text
        for m in _QUANTITY.finditer(text):
            start, end = m.span()
            num_end = m.end("num")
            if not self._free(start, num_end) or not self.doc.body[start]:
                continue
            if _SKIP_AFTER.match(text, num_end) and not m.group("exp"):
                continue
            if _excluded(text, start, num_end):
                continue
            unit_text = (m.group("unit") or "").replace("?", "").strip()
            mag_text = (m.group("mag") or "").replace("?", "").strip()
            flags: list[str] = []
            value = _number(m.group("num") + (m.group("grp") or ""))
            if m.group("exp"):
                value *= 10 ** int(m.group("exp"))
                flags.append("lost_superscript")
            value_high = _number(m.group("num2")) if m.group("range") else None
            if m.group("frac"):
                if unit_text or mag_text:
                    continue
                value = value / float(m.group("den")) * 100
                unit_text = "%"
                flags.append("fraction")
            mult = MAGNITUDES.get(mag_text, 1.0)
            if unit_text in UNITS:
                unit, unit_mult = UNITS[unit_text]
            elif unit_text:
                unit, unit_mult = "count", 1.0
            elif mag_text:
                unit, unit_mult = "count", 1.0
                flags.append("no_unit")
            else:
                # A bare number counts only when a verb introduces it ("平均引用率为44.99", "低至 0.44").
                if not re.search(r"(?:为|达|至|到|低至|约)\s*$", text[max(0, start - 3):start]):
                    continue
                if "." not in m.group("num") and re.fullmatch(r"(?:19|20)\d{2}", m.group("num")):
                    continue
                unit, unit_mult = "count", 1.0
                flags.append("no_unit")
            value *= mult * unit_mult
            if value_high is not None:
                value_high *= mult * unit_mult
            if "?" in text[start:end] or text[max(0, start - 1):start] == "?":
                flags.append("stray_char")
            qualifier = "+" if (m.group("q1") or m.group("q2")) else None
            # Trim trailing spaces and stray ? from the matched span so the quote ends on the unit.
            while end > num_end and text[end - 1] in " ?":
                end -= 1
            self._add(start, end, value, value_high, unit, (mag_text + unit_text) or None, flags, start,
                      qualifier=qualifier)

    # --- building a mention -----------------------------------------------------------------------------------
    def _add(self, start: int, end: int, value: float, value_high: float | None, unit: str, measure: str | None,
             flags: list[str], digits_at: int, qualifier: str | None = None, entity: str | None = None) -> None:
        doc, text = self.doc, self.text
        if not doc.body[digits_at]:
            return
        self.taken.append((start, end))
        line_no = doc.origin_line[digits_at]
        line_end = doc.origin_line[end - 1]
        # The quote is the part of the match on the line where the digits start.
        q_start = start
        while doc.origin_line[q_start] != line_no:
            q_start += 1
        q_end = q_start
        while q_end < end and doc.origin_line[q_end] == line_no:
            q_end += 1
        col_a, col_b = doc.origin_col[q_start], doc.origin_col[q_end - 1] + 1
        quote = doc.lines[line_no - 1][col_a:col_b]
        if line_end != line_no:
            flags = flags + ["spans_lines"]
        s_start, s_end = _bounds(text, start, _SENTENCE_END)
        context = doc.text[s_start:s_end]
        if qualifier is None:
            for pattern, sign in _QUALIFIERS:
                if pattern.search(text[max(0, start - 4):start]):
                    qualifier = sign
                    break
            if re.match(r"\s*(?:以上|多)", text[end:end + 3]):
                qualifier = ">"
            elif re.match(r"\s*左右", text[end:end + 3]):
                qualifier = "~"
        ambiguous = False
        if entity is None:
            entity, ambiguous = self._entity(start, unit)
        if ambiguous:
            flags = flags + (["subject_assumed"] if entity == "CHN" else ["ambiguous_subject"])
        year = self._year(start, s_start)
        topic = _topic(context)
        if topic == "other":
            topic = _topic(doc.text[_bounds(text, max(s_start - 2, 0), _SENTENCE_END)[0]:s_end])
        raw = doc.text[start:end]
        mention = Mention(self.doc_id, doc.file_name, line_no, line_end, col_a, col_b, quote, raw, value,
                          value_high, unit, measure, qualifier, year, entity, topic, context, flags)
        self.mentions.append(mention)

    def _entity(self, pos: int, unit: str) -> tuple[str | None, bool]:
        """Nearest subject: in the number's clause, else the first subject of earlier clauses of the sentence,
        else the first subject of the two previous sentences."""
        text = self.text
        c_start, _ = _bounds(text, pos, _CLAUSE_END)
        s_start, _ = _bounds(text, pos, _SENTENCE_END)

        def found(span: str, skip_world: bool) -> list[tuple[int, str, bool]]:
            hits = []
            for word, code in COMPANY_WORDS:
                hits += [(m.start(), code, True) for m in re.finditer(word, span)]
            for word, code in ECONOMY_WORDS:
                for m in re.finditer(word, span):
                    if code == "WLD" and (skip_world or re.search(r"占$", span[max(0, m.start() - 2):m.start()])
                                          or span.startswith(("第", "前", "最", "领先", "范围"), m.end())):
                        continue
                    if word == "国内" and span.startswith("生产总值", m.end()):
                        continue  # 国内生产总值 is GDP, not "China"
                    if re.search(r"(?:超过|超|高于|低于|不及|领先|根据|据)$", span[max(0, m.start() - 2):m.start()]):
                        continue  # a comparator ("超过美国") or a cited source ("根据英国《经济学家》"), not the subject
                    hits.append((m.start(), code, False))
            return sorted(hits)

        in_clause = found(text[c_start:pos], unit == "rank")
        if in_clause:
            companies = [h for h in in_clause if h[2]]
            if companies:
                return companies[-1][1], len({h[1] for h in companies}) > 1
            return in_clause[-1][1], False
        # Earlier clauses of the sentence, nearest first; a clause's subject is its first entity.
        clause_end = c_start - 1
        while clause_end > s_start:
            p_start, _ = _bounds(text, clause_end - 1, _CLAUSE_END)
            p_start = max(p_start, s_start)
            hits = found(text[p_start:clause_end], unit == "rank")
            if hits:
                companies = [h for h in hits if h[2]]
                return (companies[0] if companies else hits[0])[1], False
            clause_end = p_start - 1
        back = s_start - 1
        for _ in range(1):
            if back <= 0:
                break
            p_start, _ = _bounds(text, back - 1, _SENTENCE_END)
            hits = found(text[p_start:back], True)
            if hits:
                return hits[0][1], False
            back = p_start - 1
        # No subject in the text: these are Chinese domestic documents, so China is assumed, and flagged.
        return "CHN", True

    def _year(self, pos: int, s_start: int) -> str | None:
        text = self.text
        before = text[s_start:pos]
        candidates = [(m.end(), f"{m['a']}-{m['b']}", m) for m in _YEAR_PERIOD.finditer(before)]
        period_spans = [m.span() for _, _, m in candidates]
        candidates += [(m.end(), m["a"], m) for m in _YEAR.finditer(before)
                       if not any(a <= m.start() < b for a, b in period_spans)]
        candidates += [(m.end(), _plan_period(m["n"]), m) for m in _PLAN.finditer(before)]
        if candidates:
            _, year, _ = max(candidates, key=lambda c: c[0])
            years = [m["a"] for m in _YEAR.finditer(before)]
            if "-" not in year and len(set(years)) >= 2 and re.search(r"(?:增幅|增长|增速)[^，,。]{0,4}$",
                                                                       before[-10:]):
                return f"{years[0]}-{years[-1]}"  # growth between the two years the sentence names
            if "-" in year:
                lead = before[-6:]
                first, last = year.split("-")
                if re.search(r"(?:从|由)\s*$", lead):
                    return first
                if re.search(r"(?:至|到)[\s?]*$", lead):
                    return last
            return year
        c_start, c_end = _bounds(text, pos, _CLAUSE_END)
        after = _YEAR.search(text, pos, c_end)
        if after:
            return after["a"]
        # The year often opens the previous sentence of the same passage ("2017年,…。苹果公司市值…").
        p_start, _ = _bounds(text, max(s_start - 2, 0), _SENTENCE_END)
        previous = [m["a"] for m in _YEAR.finditer(text, p_start, max(s_start - 1, p_start))]
        return previous[-1] if previous and s_start > 0 else None


def _plan_period(numeral: str) -> str:
    """'四' (the 14th plan, 十四五) -> '2021-2025'."""
    start = 2021 + 5 * (_PLAN_NUMBER[numeral] - 14)
    return f"{start}-{start + 4}"


def _topic(context: str) -> str:
    for topic, words in TOPIC_KEYWORDS:
        if any(word in context for word in words):
            return topic
    return "other"


def flag_implausible(mentions: list[Mention], rules: list[dict]) -> None:
    """Flag values beyond the sanity bounds of data/catalog/plausibility.yaml (kept, never corrected)."""
    for m in mentions:
        for rule in rules:
            if m.unit != rule["unit"] or not any(word in m.context for word in rule["context_any"]):
                continue
            window = m.context[max(0, m.context.find(m.raw) - 15):m.context.find(m.raw) + len(m.raw)]
            if not any(word in window for word in rule.get("near_any", rule["context_any"])):
                continue
            if max(m.value, m.value_high or m.value) > float(rule["max"]):
                m.flags.append("implausible")
                m.implausible_reason = rule["reason_en"]
                break


def extract_document(path: Path, doc_id: str | None = None, rules: list[dict] | None = None) -> list[Mention]:
    """Every quantitative statement of one document, in line order."""
    doc = read_document(path)
    mentions = _Extractor(doc, doc_id or path.name[:3]).run()
    flag_implausible(mentions, rules or [])
    return mentions
