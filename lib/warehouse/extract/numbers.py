"""The number pattern passes: ranks, ordered lists, durations, slash lists and quantities with their units."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lib.warehouse.extract.document import Document

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


@dataclass
class Hit:
    """One number found in the text stream: its span, reading and what the pattern already knows."""

    start: int
    end: int
    value: float
    value_high: float | None
    unit: str
    measure: str | None
    flags: list[str]
    digits_at: int
    qualifier: str | None = None
    entity: str | None = None


def number(text: str) -> float:
    return float(text.replace(" ", "").replace(",", ""))


def cn_number(text: str) -> int | None:
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


class Scanner:
    """Runs the pattern passes in order over one document's normalised text; earlier passes claim their spans."""

    def __init__(self, doc: Document, text: str, country_names: dict[str, str]):
        self.doc = doc
        self.text = text
        self.country_names = country_names
        self.taken: list[tuple[int, int]] = []
        self.hits: list[Hit] = []

    def run(self) -> list[Hit]:
        self._ranks()
        self._order_ranks()
        self._durations()
        self._slash_lists()
        self._quantities()
        return self.hits

    def _free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

    def _add(self, start: int, end: int, value: float, value_high: float | None, unit: str, measure: str | None,
             flags: list[str], digits_at: int, qualifier: str | None = None, entity: str | None = None) -> None:
        if not self.doc.body[digits_at]:
            return
        self.taken.append((start, end))
        self.hits.append(Hit(start, end, value, value_high, unit, measure, flags, digits_at, qualifier, entity))

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
            value = cn_number(m.group("n"))
            if value is not None and self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), float(value), None, "rank", m.group("w"), [], m.start())
        for m in _TOP_N.finditer(text):
            if not m.group("w") and not _RANK_CONTEXT.search(text[max(0, m.start() - 8):m.start()]):
                continue
            value = cn_number(m.group("n"))
            if value is not None and self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), float(value), None, "rank", m.group("w"), ["top_n"], m.start(),
                          qualifier="top")

    def _order_ranks(self) -> None:
        """`前六位的国家分别是爱尔兰、印度、中国…`: the order of the list is the rank."""
        text = self.text
        for m in re.finditer(r"前(?P<n>[一二三四五六七八九十\d]{1,2})位[^。]{0,20}?分别(?:是|为)", text):
            n = cn_number(m.group("n"))
            stop = text.find("。", m.end())
            names = text[m.end():stop if stop != -1 else len(text)].split("、")
            if n is None or len(names) != n:
                continue
            pos = m.end()
            for rank, name in enumerate(names, start=1):
                clean = name.strip()
                code = self.country_names.get(clean)
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
                self._add(start, m.end() if group == "b" else end, number(m.group(group)) * mult, None, unit,
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
            value = number(m.group("num") + (m.group("grp") or ""))
            if m.group("exp"):
                value *= 10 ** int(m.group("exp"))
                flags.append("lost_superscript")
            value_high = number(m.group("num2")) if m.group("range") else None
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
