"""The "four chains" tables: gaps and countermeasures of documents 000, 003 and 004, classified by chain and industry.

Each document's problem/challenge and countermeasure sections are found by their headings, joined (lines stripped,
joined with '') and cut into clauses ending in `。` or `；`. A clause in a problem section is a gap when it contains a
gap keyword; a clause in a countermeasure section is a measure (in 004's key directions, only one that names a chain
term). Chain and industry come from keyword rules over the clause and its headings; the rule that decided is kept in
the `rule` column. A clause that addresses no chain, in its own words or its headings, is left out. Summaries are written by hand in
data/catalog/chain_summaries.yaml and joined on (file, line_no, first 12 characters of the quote).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from lib.contract import ALL_INDUSTRIES, CHAINS
from lib.errors import BuildError, Problem
from lib.paths import CATALOG_DIR, SEEDS_DIR


# Which sections to read: (kind, words the heading contains). Each must match exactly one heading, so an edited
# document stops the build instead of silently yielding nothing. Kind "direction" is a measure section whose
# clauses count only when they name a chain term (the 004 key directions are mostly about products).
# Kind "status" is a current-situation section: mostly achievements, so a clause there is a gap only when it states
# a shortfall in its own words (STATUS_GAP_RE), not merely when it mentions a problem or a challenge.
SECTIONS: dict[str, list[tuple[str, str]]] = {
    "000": [("status", "三、我国新一代信息技术产业的发展现状"), ("gap", "（二）面临的挑战"),
            ("measure", "高质量发展的对策建议")],
    "003": [("status", "三、我国数字产业化发展现状"), ("gap", "面临的主要问题"), ("measure", "高质量发展的重点任务"),
            ("measure", "高质量发展的对策建议")],
    "004": [("gap", "高质量发展存在的主要问题"), ("gap", "（三）战略性新兴产业高质量发展面临的挑战"),
            ("direction", "（三）重点发展方向"), ("measure", "六、对策建议")],
}
# 000 and 003 are about the IT industry; 004 covers all strategic emerging industries.
DEFAULT_INDUSTRY = {"000": "new-generation IT", "003": "new-generation IT", "004": ALL_INDUSTRIES}

# A clause states a gap when it contains one of these (weakness, shortfall, dependency, risk, challenge).
GAP_WORDS = (
    "短板", "不足", "较弱", "薄弱", "弱化", "缺乏", "缺少", "缺失", "缺口", "受制于人", "依赖", "差距", "滞后", "不够",
    "短缺", "欠缺", "难", "风险", "垄断", "落后", "不完善", "不均衡", "失衡", "匮乏", "未能", "尚未", "未构建", "限制",
    "受限", "脆弱", "脱节", "不高", "较低", "偏低", "偏少", "较少", "不畅", "不能满足", "无法", "制约", "障碍",
    "挑战", "卡脖子", "有待", "亟待", "亟需", "仍需", "还需", "不明显", "流失", "萎缩", "下滑", "下降", "不成熟",
    "问题", "孤立", "零碎", "没有较好",
    # defects, lagging and decline stated as such (缺陷 a defect, 跟跑 following others, 大而不强 big but not strong,
    # 缩水 shrinking, 无一 not one, 过时 out of date, 不平衡 unbalanced, 需要较长时间 slower than the others)
    "缺陷", "跟跑", "大而不强", "缩水", "无一", "过时", "不平衡", "需要较长时间",
    # threats and shocks a challenge section names (攻击 attacks, 出乎预料/始料未及 unforeseen)
    "攻击", "出乎预料", "始料未及",
    # pressure from outside and demands the text calls harder to meet (challenge sections)
    "加剧", "严峻", "重构", "区域化", "本土化", "脱钩", "遏制", "打压", "封锁", "更高的要求", "更高要求",
    # resources concentrated in one place: the imbalance the text names as a problem
    "主要集中在",
)
# 降低 at the end of a clause says something fell (…的数量与规模都在降低); with an object it is a goal (降低成本).
GAP_RE = re.compile("|".join(sorted(GAP_WORDS, key=len, reverse=True)) + "|降低(?=[。；]|$)")
# Not gaps: "the gap was not yet significant" describes a past state; 不足 before a number is "less than"
# (占比从不足5%到超过20%), a quantity, not a shortfall.
NOT_GAP_RE = re.compile(r"差距(?:尚|并)?不(?:显著|大)|不足(?=\s*\d)")
# Words that name a problem in general. In a status section they are mostly the object of an achievement
# (治理…出现的问题, 应对挑战), so there they do not make a clause a gap.
GENERAL_PROBLEM_WORDS = ("问题", "挑战", "风险", "难")
# A conclusion that opens with 因此 and only prescribes (因此，亟需攻关…) draws the remedy from the gap stated
# before it; the gap is that earlier clause.
PRESCRIPTION_RE = re.compile("^(?:因此|所以|为此)")
PRESCRIPTIVE_WORDS = ("亟需", "亟待", "还需", "仍需", "有待")
# A comparison that praises the other economy after 而 (…中国的独角兽企业主要在2019年之前成立，而美国近些年保持
# 高位发展) states China's gap without a gap word: one side names China, the other a foreign economy doing well.
CHINA_RE = re.compile("我国|中国|国内")
FOREIGN_RE = re.compile("美国|欧盟|国外|国际|发达国家|日本|德国|英国")
FOREIGN_STRENGTH_RE = re.compile("迅速|保持高位|大量|领先|领跑|较高|遥遥")
# Or it gives the same measure for another economy and for China, China's figure the lower (来自美国的…论文的平均引用率
# 为44.99，来自我国论文的平均引用率为31.88): "the same measure" is the same three characters before 为/达.
FIGURE_OF_RE = re.compile(r"(?P<who>我国|中国|美国|欧盟|国外|日本|德国|英国)[^，,；。]*?(?P<measure>[^\d\s，,；。]{3})"
                          r"(?:为|达到|达)\s*(?P<value>\d+(?:\.\d+)?)")

# Chain keywords. Matched longest first without overlap, so 创新人才 counts once, for talent.
CHAIN_WORDS: dict[str, tuple[str, ...]] = {
    # Papers and patents are research output; a level compared with the world's leaders (与世界领先水平仍有一些差距)
    # is a technology level.
    "innovation": ("创新链", "基础研究", "研发", "科研", "科技", "技术", "创新", "原创", "论文", "专利", "领先水平",
                   "先进水平"),
    # Firms, their output and their market make up the industrial chain (企业, 厂家, 产值, 市值, 市场规模).
    "industrial": ("产业链", "供应链", "产业基础", "工业基础", "产业集群", "集群", "配套", "零部件", "元器件",
                   "产业化", "制造", "产能", "企业", "厂家", "产值", "市值", "市场规模", "实体经济"),
    # Money for research counts as capital (研发投入, 研发支出: the reading convention of tests/labels), and so
    # do the market's valuation of firms (市盈率) and venture money (风险投资).
    "capital": ("资金链", "资金", "资本", "金融", "融资", "投资", "投入", "基金", "债券", "财政", "研发投入",
                "研发支出", "研发资金", "科研投入", "市盈率", "风险投资"),
    # People (科学家, 专家) and what teaching uses (教材, 课程) belong to talent as much as 人才 and 教育 do.
    "talent": ("人才链", "人才", "创新人才", "科技人才", "科技创新人才", "育人", "教育", "学科", "高校", "产教融合",
               "科教融合", "科学家", "专家", "教材", "课程"),
}
CHAIN_OF_WORD = {word: chain for chain, words in CHAIN_WORDS.items() for word in words}
# Generic words that modify anything (技术人才, 创新发展, 科技领军企业): they count half toward a clause's main chain
# and never decide a further gap of the clause on their own.
WEAK_WORDS = {"技术": 0.5, "创新": 0.5, "科技": 0.5}
# A keyword naming a field (金融领域的业务软件, 敏感技术领域) says where, not which chain the gap is on.
FIELD_AFTER_RE = re.compile("^(?:领域|行业)")
# A part that prescribes (需要继续加大研发投入，构建自主生态…) runs to the end of its clause; its words say what should
# be done, not what is lacking, so they do not decide the chain while the rest of the clause names one.
PRESCRIPTION_PART_RE = re.compile("^(?:需要|需|应当|应该|应|要|亟需|必须|因此)")
CHAIN_RE = re.compile("|".join(sorted(CHAIN_OF_WORD, key=len, reverse=True)))
# Blanked before chain matching: industry and topic names that contain a keyword (信息技术 holds 技术, 数字产业化
# is 003's subject) and research institutes, which appear as actors in talent and industry clauses alike.
CHAIN_MASK_RE = re.compile("信息技术|能源新技术|数字产业化|产业数字化|科研院所|科研机构")

# Explicit chain names. A clause is cross-chain when it is about the link between chains: it names the four chains
# together; or a list of two different chains (创新链与产业链, 产业链、创新链) is the subject of a linking word that
# follows it, or the object of one just before it (连接创新链与产业链); or, within one phrase, two sides of 与/和
# belong to different chains and a linking word follows (应用基础研究与产业化脱节, 资金链与产业发展的衔接,
# 人才培养与创新链、产业链应用的结构适配度). A side that names a chain (资金链) or 产业 counts for that chain.
CHAIN_NAMES = {"创新链": "innovation", "产业链": "industrial", "供应链": "industrial", "资金链": "capital",
               "人才链": "talent"}
_NAME = "(?:创新链|产业链|供应链|资金链|人才链)"
CHAIN_LIST_RE = re.compile(_NAME + "(?:(?:与|和|、|及|以及)" + _NAME + ")+")
CHAIN_NAME_RE = re.compile(_NAME)
_LINK = "融合|衔接|连接|协同|结合|脱节|联动|贯通|融通|一体|对接|适配|匹配"
LINK_RE = re.compile(_LINK)
LINK_BEFORE_RE = re.compile(f"(?:{_LINK})$")
FOUR_CHAINS = "四链"
# One phrase "A 与 B … link": A and B are read up to the nearest comma or enumeration mark.
PAIR_LINK_RE = re.compile(f"(?P<a>[^，,；。、]+)(?:与|和)(?P<b>[^，,；。]*?)(?P<link>{_LINK})")
# 产业 or 行业 alone (产业发展, 具体行业业务流程) stands for the industrial chain only as a side of such a pair.
PAIR_INDUSTRY_RE = re.compile("产业(?!链)|行业")
# Technology landing in industry or results turned into production name the passage from the innovation chain to
# the industrial chain: the link between them (行业应用落地难度大, 难以快速转化为实际生产力).
LANDING_RE = re.compile("落地|转化为[^，,；。]*生产力")
# A clause can state several gaps, one per part between commas or colons (…创办企业的较少，对原始创新进行大额度
# 风险投资也较少，导致实干型高端人才缺乏). A part's gap is about the chain keyword nearest its gap word: the one
# before it (X不足, X较少: the subject precedes), or after it for the words that take their object after them
# (缺乏X, 依赖X, 制约X).
PART_RE = re.compile(r"[^，,：:]+")
CONSEQUENCE_RE = re.compile("^(?:导致|限制了|制约了|阻碍了|影响了|使得|造成)")
OBJECT_AFTER_WORDS = ("缺乏", "缺少", "欠缺", "依赖", "限制", "制约", "受限", "亟需", "亟待", "还需", "仍需", "有待")
# In a key-direction section a clause is a measure only if it names one of these.
DIRECTION_RE = re.compile("四链|创新链|产业链|供应链|资金链|人才链|研发|基础研究|人才|资金|融资|资本|金融")

INDUSTRY_WORDS: dict[str, tuple[str, ...]] = {
    "NEV & intelligent vehicles": ("新能源汽车", "智能网联汽车", "智能汽车", "电动汽车"),
    "new energy": ("新能源", "能源新技术", "氢能", "风电", "光伏"),
    "new-generation IT": ("新一代信息技术", "信息技术", "芯片", "集成电路", "软件", "5G", "人工智能", "操作系统"),
    "biotech": ("生物",),
    "high-end equipment": ("高端装备", "航空", "航天", "海洋装备", "船", "工业母机", "机床", "医疗装备", "机器人"),
    "new materials": ("新材料", "半导体材料"),
    "energy-saving & environmental": ("节能环保",),
    "emerging services": ("新兴服务", "VR", "AR", "XR", "虚拟现实", "AIGC", "智慧城市"),
}
INDUSTRY_OF_WORD = {word: ind for ind, words in INDUSTRY_WORDS.items() for word in words}
INDUSTRY_RE = re.compile("|".join(sorted(INDUSTRY_OF_WORD, key=len, reverse=True)))
# A clause that names strategic emerging industries as what it is about speaks of them all, whatever examples it
# gives ("…工业软件等核心工业基础能力薄弱，制约战略性新兴产业国际竞争能力提升").
SEI_SUBJECT_RE = re.compile("战略性新兴产业(?!中)")
# A clause listing this many industries is about strategic emerging industries in general.
MANY_INDUSTRIES = 3

# Heading markers: 一、 (level 1), （一） (level 2), "1. " (level 3). Item markers inside the body are not headings.
HEADING_RE = re.compile(r"^(?:(?P<l1>[一二三四五六七八九十]+、|利益冲突声明|参考文献|致谢)"
                        r"|(?P<l2>[（(][一二三四五六七八九十]+[）)])|(?P<l3>\d{1,2}\.\s))")
ITEM_RE = re.compile(r"^(?:[（(]\d{1,2}[）)]|[①-⑳]|[一二三四五六七八九十]是)")
LEADING_MARKER_RE = re.compile(r"^\s*(?:[（(]\d{1,2}[）)]|[①-⑳])?\s*")
CAPTION_RE = re.compile(r"^(?:(?:图|表)\s*\d+\s+[^。]*|注\s*[:：].*)$")
CLAUSE_RE = re.compile(r"[^。；]*(?:[。；][”’）)」]*|$)")
SENTENCE_END_RE = re.compile(r"[。；！？][”’）)」]*(?:\^?\[[\d,，\-–]+\])?\s*$")
# A heading's first line this long may run on; a run-on line this short ends it (two-column PDFs wrap headings).
HEADING_FULL_LINE = 18
HEADING_MAX_EXTRA_LINES = 2

SUMMARY_KEY_CHARS = 12


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Chunk:
    """Body lines between two headings (or captions): the unit clauses are cut from."""

    headings: list[Heading]
    lines: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Clause:
    doc_id: str
    file_name: str
    kind: str
    line_no: int
    line_end: int
    quote: str
    headings: list[Heading]


def _heading_level(text: str) -> int | None:
    match = HEADING_RE.match(text)
    if not match:
        return None
    return 1 if match["l1"] else 2 if match["l2"] else 3


def _parse(lines: list[str]) -> list[Chunk]:
    """Split a document into chunks of body lines, each with the path of headings above it."""
    path: list[Heading] = []
    chunks = [Chunk([])]
    i = 0
    while i < len(lines):
        text = lines[i].strip()
        level = _heading_level(text) if text else None
        if level is not None:
            text, i = _heading_text(lines, i)
            path = [h for h in path if h.level < level] + [Heading(level, text)]
            chunks.append(Chunk(list(path)))
        elif text and CAPTION_RE.match(text):
            # A figure caption set between two paragraphs ends the first; one set inside a sentence (two-column
            # PDFs float figures anywhere) is skipped, and the sentence runs on after it.
            if not chunks[-1].lines or SENTENCE_END_RE.search(chunks[-1].lines[-1][1]):
                chunks.append(Chunk(list(path)))
        elif text:
            chunks[-1].lines.append((i + 1, text))
        i += 1
    return [c for c in chunks if c.lines]


def _heading_text(lines: list[str], start: int) -> tuple[str, int]:
    """The heading starting at index `start`, with its wrapped continuation lines; returns (text, last index).

    Two-column PDFs wrap a long heading over two or three lines. The heading runs on when its first line is full and
    a later line, within two, is short and has no sentence end; anything that looks like a heading or item ends it.
    """
    first = lines[start].strip()
    if len(first) < HEADING_FULL_LINE:
        return first, start
    taken: list[str] = []
    for j in range(start + 1, len(lines)):
        text = lines[j].strip()
        if not text:
            continue
        if len(taken) == HEADING_MAX_EXTRA_LINES or _heading_level(text) or ITEM_RE.match(text) or "。" in text \
                or "；" in text:
            break
        taken.append(text)
        if len(text) < HEADING_FULL_LINE:
            return first + "".join(taken), j
    return first, start


def _sections(doc_id: str, file_name: str, chunks: list[Chunk]) -> tuple[list[tuple[str, Chunk]], list[Problem]]:
    """The chunks under each configured section heading, with the section's kind."""
    headings = {id(h): h for c in chunks for h in c.headings}.values()
    picked, problems = [], []
    for kind, words in SECTIONS[doc_id]:
        matches = [h for h in headings if words in h.text]
        if len(matches) != 1:
            problems.append(Problem(
                file_name, f"expected one heading containing '{words}', found {len(matches)}",
                "the document changed: update SECTIONS in lib/warehouse/chains.py to its new headings",
            ))
            continue
        top = matches[0]
        for chunk in chunks:
            if any(h is top for h in chunk.headings):
                picked.append((kind, chunk))
    return picked, problems


def _clauses(doc_id: str, file_name: str, kind: str, chunk: Chunk) -> list[Clause]:
    text = "".join(t for _, t in chunk.lines)
    line_of = [line_no for line_no, t in chunk.lines for _ in t]
    out = []
    for match in CLAUSE_RE.finditer(text):
        raw = match.group()
        lead = len(LEADING_MARKER_RE.match(raw).group())
        quote = raw[lead:].rstrip()
        if not quote:
            continue
        start = match.start() + lead
        out.append(Clause(doc_id, file_name, kind, line_of[start], line_of[start + len(quote) - 1], quote,
                          chunk.headings))
    return out


def _chain_hits(text: str) -> list[tuple[str, str]]:
    """(chain, keyword) for each chain keyword in the text, in order."""
    masked = CHAIN_MASK_RE.sub(lambda m: "□" * len(m.group()), text)
    return [(CHAIN_OF_WORD[m.group()], m.group()) for m in CHAIN_RE.finditer(masked)]


def _cross_reason(text: str) -> str | None:
    if FOUR_CHAINS in text:
        return "names the four chains (四链)"
    for chain_list in CHAIN_LIST_RE.finditer(text):
        if len({CHAIN_NAMES[n] for n in CHAIN_NAME_RE.findall(chain_list.group())}) < 2:
            continue
        before = text[:chain_list.start()]
        link_before = LINK_BEFORE_RE.search(before)
        if link_before:
            return f"{link_before.group()} {chain_list.group()}"
        link_after = LINK_RE.search(text, chain_list.end())
        if link_after and not before.endswith(("与", "和")):
            return f"{chain_list.group()} … {link_after.group()}"
    for pair in PAIR_LINK_RE.finditer(text):
        sides = [_side_chains(pair[side]) for side in ("a", "b")]
        if sides[0] and sides[1] and sides[0] != sides[1] and not sides[0] & sides[1]:
            return f"{pair['a'][-8:]}与{pair['b']}{pair['link']}"
    return None


def _side_chains(text: str) -> set[str]:
    """The chains one side of an 'A 与 B' pair stands for."""
    chains = {chain for chain, _ in _chain_hits(text)}
    if not chains and PAIR_INDUSTRY_RE.search(text):
        chains = {"industrial"}
    return chains


def _main_chain(hits: list[tuple[str, str]]) -> tuple[str, str]:
    """The chain with the most keyword weight (ties: the one named first) and a note of the hits."""
    counts: dict[str, list[str]] = {}
    for chain, word in hits:
        counts.setdefault(chain, []).append(word)
    weight = {c: sum(WEAK_WORDS.get(w, 1) for w in words) for c, words in counts.items()}
    main = max(counts, key=weight.get)  # dicts keep first-seen order, so max keeps the first of a tie
    note = ", ".join(f"{c}: " + "/".join(dict.fromkeys(words)) + f"×{len(words)}" for c, words in counts.items())
    return main, note


def _stated_part(text: str) -> str:
    """The clause up to its first prescribing part (PRESCRIPTION_PART_RE), when that part is not the start."""
    offset = 0
    for part in PART_RE.finditer(text):
        if part.start() > 0 and PRESCRIPTION_PART_RE.match(part.group().strip()):
            return text[:part.start()]
        offset = part.end()
    return text


def classify_chain(text: str, heading: tuple[str, list[str]] | None = None,
                   gap: bool = False) -> tuple[str, list[str], str]:
    """(chain, chains named, rule) for a text; the heading's (chain, chains) decide when the text names none.
    For a gap, a prescribing tail does not decide the chain (_stated_part)."""
    heading_chain, heading_chains = heading or (None, [])
    hits = _chain_hits(text)
    named = [c for c in CHAINS if any(h == c for h, _ in hits)]
    if FOUR_CHAINS in text:
        named = list(CHAINS[:4])
    cross = _cross_reason(text)
    if cross:
        return "cross-chain", named, f"cross-chain: {cross}"
    landing = LANDING_RE.search(text)
    if landing:
        return "cross-chain", named, f"cross-chain: research reaching industry ({landing.group()})"
    explicit = {CHAIN_NAMES[n] for n in CHAIN_NAME_RE.findall(text)}
    if heading_chain == "cross-chain" and len(explicit) >= 2:
        return "cross-chain", named, "cross-chain: names two chains under a chain-fusion heading"
    if gap and _stated_part(text) != text and (_chain_hits(_stated_part(text)) or heading_chain):
        hits = _chain_hits(_stated_part(text))  # the gap's own words, or else the heading, not the remedy's
    if hits:
        main, note = _main_chain(hits)
        return main, named, f"{main}: most keywords ({note})"
    if heading_chain:
        return heading_chain, heading_chains, f"{heading_chain}: no chain keyword, from the heading"
    return "", [], ""


def classify_industry(text: str) -> tuple[str | None, str]:
    """The industry a text names, or None; several industries mean all strategic emerging industries."""
    found = list(dict.fromkeys(INDUSTRY_OF_WORD[m.group()] for m in INDUSTRY_RE.finditer(text)))
    if not found:
        return None, ""
    words = "/".join(dict.fromkeys(m.group() for m in INDUSTRY_RE.finditer(text)))
    if len(found) >= MANY_INDUSTRIES:
        return ALL_INDUSTRIES, f"names {len(found)} industries ({words})"
    return found[0], f"names {words}"


def _heading_chain(headings: list[Heading]) -> tuple[str, list[str]] | None:
    """(chain, chains) of the innermost heading that names one: the clause's context."""
    for heading in reversed(headings):
        chain, chains, _ = classify_chain(heading.text)
        if chain:
            return chain, chains
    return None


def _industry(clause: Clause) -> tuple[str, str]:
    # An industry heading (the key directions are grouped by industry) beats the clause's own words.
    for heading in reversed(clause.headings):
        industry, why = classify_industry(heading.text)
        if industry:
            return industry, f"industry from heading: {why}"
    industry, why = classify_industry(clause.quote)
    if industry and SEI_SUBJECT_RE.search(clause.quote):
        # "核心芯片等难题依然是战略性新兴产业面临的短板": the products are examples of a general statement.
        return ALL_INDUSTRIES, f"industry: the clause states it of strategic emerging industries ({why})"
    if industry:
        return industry, f"industry: {why}"
    return DEFAULT_INDUSTRY[clause.doc_id], "industry: document default"


def _gap_words(text: str, status: bool = False) -> list[re.Match]:
    """The gap words of a text; in a status section without the general problem words."""
    words = list(GAP_RE.finditer(NOT_GAP_RE.sub(lambda m: "□" * len(m.group()), text)))
    return [w for w in words if not (status and w.group() in GENERAL_PROBLEM_WORDS)]


def _comparison(text: str) -> str | None:
    """'China … 而 <foreign economy doing well>' (either order): a gap stated by comparison, or None."""
    for contrast in re.finditer("(?<![从进因然反继])而(?!且|言)", text):
        before, after = text[:contrast.start()], text[contrast.end():]
        for china_side, other_side in ((before, after), (after, before)):
            strength = FOREIGN_STRENGTH_RE.search(other_side)
            if CHINA_RE.search(china_side) and FOREIGN_RE.search(other_side) and strength:
                return f"China compared with {FOREIGN_RE.search(other_side).group()} ({strength.group()})"
    figures = list(FIGURE_OF_RE.finditer(text))
    for china in (f for f in figures if CHINA_RE.fullmatch(f["who"])):
        for other in (f for f in figures if not CHINA_RE.fullmatch(f["who"])):
            if other["measure"] == china["measure"] and float(china["value"]) < float(other["value"]):
                return f"China's {china['measure']} {china['value']} below {other['who']}'s {other['value']}"
    return None


def _gap_reason(clause: Clause) -> str | None:
    """Why a clause of a problem or status section states a gap, or None when it does not."""
    words = _gap_words(clause.quote, status=clause.kind == "status")
    if words and PRESCRIPTION_RE.match(clause.quote) and all(w.group() in PRESCRIPTIVE_WORDS for w in words):
        return None
    if words:
        return f"gap word {words[0].group()}" + (" (status section)" if clause.kind == "status" else "")
    comparison = _comparison(clause.quote)
    return f"comparison: {comparison}" if comparison else None


def _part_chain(part: str) -> tuple[str, str] | None:
    """(chain, keyword) a part's gap is about (see PART_RE), or None when no specific keyword says it: the part's
    topic, its first keyword before the gap word (人才在高校、科研院所、企业等机构间的流动不畅: 人才), or for a word
    taking its object after it the head of that object, the last keyword after it (缺乏对…技术持续攻关的资金支持:
    资金). Generic words and field names do not count."""
    if len(set(CHAIN_NAME_RE.findall(part))) >= 2 or LINK_RE.search(part):
        return None  # a part about the link between chains is the cross-chain row's, not a gap of its own
    # A part that states an effect (限制了产业链形成合力的能力) is a gap only through a further gap word of its own
    # (导致实干型高端人才缺乏).
    consequence = CONSEQUENCE_RE.match(part.strip())
    if consequence:
        part = part.strip()[consequence.end():]
    masked = CHAIN_MASK_RE.sub(lambda m: "□" * len(m.group()), part)
    all_hits = list(CHAIN_RE.finditer(masked))
    # A gap word inside a keyword (风险 in 风险投资) is part of that keyword.
    words = [w for w in _gap_words(part) if not any(h.start() <= w.start() < h.end() for h in all_hits)]
    if not words:
        return None
    hits = [h for h in all_hits if h.group() not in WEAK_WORDS and not FIELD_AFTER_RE.match(masked[h.end():])]
    gap = words[0]
    after = [h for h in hits if h.start() >= gap.end()]
    if gap.group() in OBJECT_AFTER_WORDS and after:
        chosen = after[-1:]
    else:  # the subject before the word; also for 缺乏 and the like at the end, used as a predicate (人才缺乏)
        chosen = [h for h in hits if h.end() <= gap.start()][:1]
    if not chosen:
        return None
    return CHAIN_OF_WORD[chosen[0].group()], chosen[0].group()


def _gap_statements(text: str) -> list[str]:
    """The parts of a clause (PART_RE), each further cut after every 、-item that states a gap by itself
    (创新链存在短板、产业链支撑不足); items without a gap word stay with the statement they belong to
    (人才在高校、科研院所、企业等机构间的流动不畅), and so do the items after a word taking its object after it
    (缺乏体系化、规模化的专业人才队伍)."""
    statements = []
    for part in PART_RE.findall(text):
        current = ""
        for item in part.split("、"):
            current += ("、" if current else "") + item
            words = _gap_words(item)
            if words and words[-1].group() not in OBJECT_AFTER_WORDS:
                statements.append(current)
                current = ""
        if current:
            if statements and not _gap_words(current):
                statements[-1] += "、" + current
            else:
                statements.append(current)
    return statements


def _other_gaps(quote: str, chain: str) -> list[tuple[str, str]]:
    """(chain, rule) of each further gap a clause states on another chain than its main one, in order."""
    if chain == "cross-chain" and FOUR_CHAINS in quote:
        return []  # a clause about the four chains together is one gap, about their link
    found: dict[str, str] = {}
    for part in _gap_statements(_stated_part(quote)):
        decided = _part_chain(part)
        if decided and decided[0] != chain and decided[0] not in found:
            found[decided[0]] = f"{decided[0]}: a second gap in the clause, '{part.strip()[:24]}' (about {decided[1]})"
    return list(found.items())


def _rows(clause: Clause) -> list[dict]:
    """The table rows for a clause: none when it is neither a gap nor a measure, one per chain it has a gap on."""
    if clause.kind == "measure":
        prefix = "measure"
    elif clause.kind == "direction":
        found = DIRECTION_RE.search(clause.quote)
        if not found:
            return []
        prefix = f"key direction naming {found.group()}"
    else:
        prefix = _gap_reason(clause)
        if not prefix:
            return []
    chain, chains, chain_rule = classify_chain(clause.quote, _heading_chain(clause.headings),
                                               gap=clause.kind in ("gap", "status"))
    if not chain:
        return []  # addresses no chain in its words or its headings
    industry, industry_rule = _industry(clause)
    decided = [(chain, chain_rule)]
    if clause.kind in ("gap", "status"):
        decided += _other_gaps(clause.quote, chain)
    return [{
        "id": f"{clause.doc_id}-L{clause.line_no:04d}", "doc_id": clause.doc_id, "file_name": clause.file_name,
        "line_no": clause.line_no, "line_end": clause.line_end, "section": clause.headings[-1].text, "chain": c,
        "chains": ",".join(chains), "industry": industry, "quote": clause.quote,
        "kind": "gap" if clause.kind == "status" else clause.kind, "rule": f"{prefix}; {rule}; {industry_rule}",
    } for c, rule in decided]


def _doc_file(seeds_dir: Path, doc_id: str) -> Path:
    found = sorted(seeds_dir.glob(f"{doc_id}_*.txt"))
    if len(found) != 1:
        raise BuildError(Problem(str(seeds_dir), f"expected one file {doc_id}_*.txt, found {len(found)}",
                                 "restore the seed documents from ../shared/seeds"))
    return found[0]


def classified_clauses(seeds_dir: Path = SEEDS_DIR) -> list[dict]:
    """Every gap and measure row, without summaries."""
    rows, problems = [], []
    for doc_id in SECTIONS:
        path = _doc_file(seeds_dir, doc_id)
        lines = path.read_text(encoding="utf-8").split("\n")
        picked, missing = _sections(doc_id, path.name, _parse(lines))
        problems += missing
        for kind, chunk in picked:
            rows += [r for c in _clauses(doc_id, path.name, kind, chunk) for r in _rows(c)]
    if problems:
        raise BuildError(problems)
    _disambiguate_ids(rows)
    return rows


def _disambiguate_ids(rows: list[dict]) -> None:
    """Several clauses can start on one line (003 has one paragraph per line): number the later ones."""
    seen: dict[str, int] = {}
    for row in rows:
        seen[row["id"]] = seen.get(row["id"], 0) + 1
        if seen[row["id"]] > 1:
            row["id"] += f"-{seen[row['id']]}"


def _summary_key(file_name: str, line_no: int, quote: str) -> tuple[str, int, str]:
    return file_name, line_no, quote[:SUMMARY_KEY_CHARS]


def load_summaries(path: Path) -> tuple[dict[tuple[str, int, str], dict], list[Problem]]:
    """Summaries keyed by (file, line, start), each with the YAML line it is written on, and any malformed entries."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(Problem(str(path), f"cannot read the summaries: {exc}",
                                 "fix the YAML (one mapping of file name to a list of entries)")) from exc
    if root is None or not isinstance(root, yaml.MappingNode):
        raise BuildError(Problem(str(path), "the summaries file is not a mapping of file name to entries",
                                 "see the comment at its top for the format"))
    summaries, problems = {}, []
    for file_node, entries in root.value:
        for entry in getattr(entries, "value", []):
            yaml_line = entry.start_mark.line + 1
            if not isinstance(entry, yaml.MappingNode):
                problems.append(Problem(str(path), "an entry is not a mapping", "write line, start, en and zh", yaml_line))
                continue
            fields = {k.value: v.value for k, v in entry.value if isinstance(v, yaml.ScalarNode)}
            missing = [k for k in ("line", "start", "en", "zh") if not str(fields.get(k, "")).strip()]
            if missing or not str(fields["line"]).isdigit():
                problems.append(Problem(str(path), f"entry lacks {', '.join(missing) or 'a numeric line'}",
                                        "every entry needs line (number), start, en and zh", yaml_line))
                continue
            key = (file_node.value, int(fields["line"]), fields["start"])
            if key in summaries:
                problems.append(Problem(str(path), f"a second entry for {key[0]} line {key[1]} '{key[2]}'",
                                        "delete one of the two", yaml_line))
            summaries[key] = {"en": fields["en"].strip(), "zh": fields["zh"].strip(), "yaml_line": yaml_line}
    return summaries, problems


def _join_summaries(rows: list[dict], summaries_path: Path) -> None:
    summaries, problems = load_summaries(summaries_path)
    used, unsummarised = set(), set()
    for row in rows:
        key = _summary_key(row["file_name"], row["line_no"], row["quote"])
        found = summaries.get(key)
        if found is None and key in unsummarised:
            continue  # a further row of a clause already reported: one summary serves all rows of a clause
        if found is None:
            unsummarised.add(key)
            problems.append(Problem(
                str(summaries_path), f"no summary for {row['kind']} {row['id']} ({row['file_name']} line "
                f"{row['line_no']}: '{row['quote'][:40]}')",
                f"add under {row['file_name']}: an entry with line: {row['line_no']}, start: {key[2]}, en and zh"))
            continue
        used.add(key)
        row["summary_en"], row["summary_zh"] = found["en"], found["zh"]
    for key, found in summaries.items():
        if key not in used:
            problems.append(Problem(
                str(summaries_path), f"entry {key[0]} line {key[1]} '{key[2]}' matches no gap or measure",
                "the document or the rules changed: re-key it to the clause it summarises (line and first "
                f"{SUMMARY_KEY_CHARS} characters of the quote) or delete it", found["yaml_line"]))
    if problems:
        raise BuildError(problems)


GAP_COLUMNS = ["gap_id", "doc_id", "file_name", "line_no", "line_end", "section", "chain", "industry", "quote",
               "summary_en", "summary_zh", "rule"]
MEASURE_COLUMNS = ["measure_id", "doc_id", "file_name", "line_no", "line_end", "section", "chain", "chains",
                   "industry", "quote", "summary_en", "summary_zh", "rule"]


def build_chain_tables(seeds_dir: Path = SEEDS_DIR,
                       summaries_path: Path = CATALOG_DIR / "chain_summaries.yaml") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(chain_gaps, chain_measures) DataFrames; raises BuildError when a summary is missing or stale."""
    rows = classified_clauses(seeds_dir)
    _join_summaries(rows, summaries_path)
    gaps = pd.DataFrame([r for r in rows if r["kind"] == "gap"]).rename(columns={"id": "gap_id"})
    measures = pd.DataFrame([r for r in rows if r["kind"] != "gap"]).rename(columns={"id": "measure_id"})
    return gaps.reindex(columns=GAP_COLUMNS), measures.reindex(columns=MEASURE_COLUMNS)
