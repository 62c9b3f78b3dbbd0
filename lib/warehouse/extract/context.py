"""Shared pieces of reading a figure's context: its qualifier, its topic, the figure patterns and small numerals."""
from __future__ import annotations

import re


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

# 不超过 / 不高于 (not above: 必須不超過1.3, tw_key_figures_2025:8; PUE值不高于1.35, 财联社 2024-11-15) bound from above.
_QUALIFIERS = [
    (re.compile(r"(?<!不)(?:超过|超|逾|突破|高于|多于)\s*$"), ">"),
    (re.compile(r"(?:约为|约|近|接近|大约|左右)\s*$"), "~"),
    (re.compile(r"(?:不足|低于|少于|不到|不超过|不高于|不多于)\s*$"), "<"),
]


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


# One figure each, for counting the figures of a 分别 list.
_FIGURE_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|百分之[零〇一二三四五六七八九十百点]+|[一二三四五六七八九十百千]+(?:亿|万|倍|成)")
# A figure in a clause (not a year): an amount, a share, a multiple; in Chinese numerals with zeros and a decimal dot
# as Taiwanese papers print them (增加一一○億美元，增幅八·七%, tw_export_orders_2025 line 2; 年增三十九．五％, 自由時報
# 2025-12-24).
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万亿|亿|万|%|美元|元|倍)|百分之"
                     r"|[一二三四五六七八九十百千][〇○零一二三四五六七八九十百千·．点]*(?:亿|万|倍)"
                     r"|[〇○零一二三四五六七八九十廿卅百][〇○零一二三四五六七八九十廿卅百·．点]*\s*%")


def cn_or_digits(text: str) -> int | None:
    """`5`, `五`, `十一` or `二十五` as an int (the small numbers of a span of years or months, or a month)."""
    if text.isdigit():
        return int(text)
    digits = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if "十" not in text:
        return digits.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if (tens and tens not in digits) or (units and units not in digits):
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)


def topic(context: str) -> str:
    for name, words in TOPIC_KEYWORDS:
        if any(word in context for word in words):
            return name
    return "other"
