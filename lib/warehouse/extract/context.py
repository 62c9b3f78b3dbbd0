"""Subject, year, qualifier and topic of a number, read from its clause, sentence and the text before it."""
from __future__ import annotations

import re

from lib.warehouse.extract.document import CLAUSE_END, SENTENCE_END, bounds

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


def qualifier(text: str, start: int, end: int) -> str | None:
    """`超过` `约` `不足` before the number, `以上` `多` `左右` after it."""
    found = None
    for pattern, sign in _QUALIFIERS:
        if pattern.search(text[max(0, start - 4):start]):
            found = sign
            break
    if re.match(r"\s*(?:以上|多)", text[end:end + 3]):
        found = ">"
    elif re.match(r"\s*左右", text[end:end + 3]):
        found = "~"
    return found


def entity(text: str, pos: int, unit: str) -> tuple[str | None, bool]:
    """Nearest subject: in the number's clause, else the first subject of earlier clauses of the sentence,
    else the first subject of the two previous sentences."""
    c_start, _ = bounds(text, pos, CLAUSE_END)
    s_start, _ = bounds(text, pos, SENTENCE_END)

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
        p_start, _ = bounds(text, clause_end - 1, CLAUSE_END)
        p_start = max(p_start, s_start)
        hits = found(text[p_start:clause_end], unit == "rank")
        if hits:
            companies = [h for h in hits if h[2]]
            return (companies[0] if companies else hits[0])[1], False
        clause_end = p_start - 1
    back = s_start - 1
    if back > 0:
        p_start, _ = bounds(text, back - 1, SENTENCE_END)
        hits = found(text[p_start:back], True)
        if hits:
            return hits[0][1], False
    # No subject in the text: these are Chinese domestic documents, so China is assumed, and flagged.
    return "CHN", True


def year(text: str, pos: int, s_start: int) -> str | None:
    before = text[s_start:pos]
    candidates = [(m.end(), f"{m['a']}-{m['b']}", m) for m in _YEAR_PERIOD.finditer(before)]
    period_spans = [m.span() for _, _, m in candidates]
    candidates += [(m.end(), m["a"], m) for m in _YEAR.finditer(before)
                   if not any(a <= m.start() < b for a, b in period_spans)]
    candidates += [(m.end(), _plan_period(m["n"]), m) for m in _PLAN.finditer(before)]
    if candidates:
        _, found, _ = max(candidates, key=lambda c: c[0])
        years = [m["a"] for m in _YEAR.finditer(before)]
        if "-" not in found and len(set(years)) >= 2 and re.search(r"(?:增幅|增长|增速)[^，,。]{0,4}$",
                                                                    before[-10:]):
            return f"{years[0]}-{years[-1]}"  # growth between the two years the sentence names
        if "-" in found:
            lead = before[-6:]
            first, last = found.split("-")
            if re.search(r"(?:从|由)\s*$", lead):
                return first
            if re.search(r"(?:至|到)[\s?]*$", lead):
                return last
        return found
    c_start, c_end = bounds(text, pos, CLAUSE_END)
    after = _YEAR.search(text, pos, c_end)
    if after:
        return after["a"]
    # The year often opens the previous sentence of the same passage ("2017年,…。苹果公司市值…").
    p_start, _ = bounds(text, max(s_start - 2, 0), SENTENCE_END)
    previous = [m["a"] for m in _YEAR.finditer(text, p_start, max(s_start - 1, p_start))]
    return previous[-1] if previous and s_start > 0 else None


def _plan_period(numeral: str) -> str:
    """'四' (the 14th plan, 十四五) -> '2021-2025'."""
    start = 2021 + 5 * (_PLAN_NUMBER[numeral] - 14)
    return f"{start}-{start + 4}"


def topic(context: str) -> str:
    for name, words in TOPIC_KEYWORDS:
        if any(word in context for word in words):
            return name
    return "other"
