"""The extractor: finds every quantitative statement in a document, with its line, quote, value and unit.

Split by concern: `document` reads and indexes a file (lines joined into one text stream, each character mapped
back to its line; a Simplified, normalised copy for matching), `numbers` runs the pattern passes, `context`
settles subject, year, qualifier and topic.

How it reads a document (the defects it survives are listed in seeds/README.md):
- The lines are joined (each stripped, blank lines dropped) into one text stream, so a number whose digits and
  unit sit on two lines of a two-column PDF (`突破5000` / `亿美元`, `3.41×` / `104 MW`) is read whole; every
  match is mapped back to the 1-based line where its digits start, and the quote is the part on that line.
- Patterns run over a copy in Simplified characters with ASCII digits (OpenCC t2s, one character for one), so
  Traditional text and full-width digits read alike while the quote stays as printed.
- Numbers in every form: digits with 万/亿/万亿/兆 and mixed magnitudes (42亿2657万), thousands separators,
  Chinese numerals via cn2an (百分之十二点六八, 八成, 三分之一, 两倍, 翻番, 二千五百亿美元, 三类), ranks, durations,
  bracketed counts in lists; currencies of the Chinese-writing economies.
- Superscripts lost in PDF extraction (`2.312×106`) are read as powers of ten and flagged `lost_superscript`.
- Stray `?` characters inside numbers (`提升到?96%`, `3.6?亿张`) are skipped and flagged `stray_char`.
- Dates of events, reference markers, section/figure numbers, titles in 《》, technology names
  (`5G`, `R16`, `4K`) and author affiliations are not indicators and are never reported.
Each mention gets the subject it describes (economy code, company, or a group `CHN+USA`) and the year or period
it refers to (clause, sentence, the paragraph's reference date, the document's date for 目前/去年); what the
rules cannot settle is flagged (`subject_assumed`, `year_unknown`, `currency_assumed`) rather than guessed, and a
reading taken from where wrong readings come from says so (`subject_from_other_clause`, `year_from_elsewhere`,
`subject_in_partner_flow`, `subject_before_firm`, `subject_home_contradicted`, `subject_from_cause`, `year_from_base`, `year_from_span_start`,
`year_written_before_figure`: doubts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lib.contract import DOCUMENT_CURRENCIES, MONEY_UNITS
from lib.warehouse.extract import context, subjects, writer, years
from lib.warehouse.extract.writer import COMPANY_WORDS, COUNTRY_NAMES, ECONOMY_WORDS, HOME_CURRENCY  # noqa: F401
from lib.warehouse.extract.doubts import reading_doubts
from lib.warehouse.extract.document import (CLAUSE_END, SENTENCE_END, Document, bounds, paragraph_start,  # noqa: F401
                                            document_date, matching_text, read_document)
from lib.warehouse.extract.numbers import CURRENCY_WORDS, UNITS, Hit, Scanner  # noqa: F401 (public)


# A currency printed just before its number (人民币140兆元, 新台币40万元, 人民币1.8万; US$, HK$, NT$ in Latin).
_CURRENCY_WORD = re.compile("|".join(w for w in CURRENCY_WORDS if w != "元"))
_LATIN_CURRENCY = {"US$": "USD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD"}
_RATE_BASE = re.compile(r"(?P<cur>" + _CURRENCY_WORD.pattern + r")")
_CURRENCY_BEFORE = re.compile(r"(?P<cur>" + _CURRENCY_WORD.pattern + r"|(?<![A-Z])(?:"
                              + "|".join(map(re.escape, _LATIN_CURRENCY)) + r"))\s*$")
# 金额 (an amount of money: 總金額只有NT$148.1億(減少107.6億), tw_ipo_market_2018; 總成交金額近79兆... 日均值達4,245億,
# 工商時報 2024-10-14; 外销订单金额, 出口金额 in the Taiwanese trade releases of fresh, fresh3 and fresh8) names money
# as 销售额 does; so does 估值 (a valuation: 以5600億估值蟬聯全球第二大獨角獸, cn_unicorn_2020; 比特大陆估值下降500亿,至300亿
# in 新浪VR's report of the 2020 Hurun list; 螞蟻金服以4000億以上的估值位列榜首, 胡润 2018 index).
# 增长近5700亿元人民币(下同) … 分别下降2800多亿和近1200亿 (cn_hurun_unicorn_2024:7), 7,648億(港元,下同)…上升0.7%至5,781億元
# (hk_services_2016:2), 39.14兆元（人民幣，下同） (tw_unicorn_500_2025:1): 下同 ("the same below") names the currency of
# the amounts after it, so a bare 亿/万 amount further on is in that currency.
_BRACKETED_BELOW = r"[（(]\s*(?P<b>" + _CURRENCY_WORD.pattern + r")\s*[,，.、]\s*下同"  # (港元,下同)
_SAME_BELOW = re.compile(r"(?P<a>" + _CURRENCY_WORD.pattern + r")\s*[（(]\s*下同|" + _BRACKETED_BELOW)
_NAMED_AFTER = re.compile(r"\s*" + _BRACKETED_BELOW)


@lru_cache(maxsize=8)
def _currencies_below(text: str) -> tuple[tuple[int, str], ...]:
    """(position, currency) of each 下同 that names a currency, in text order."""
    return tuple((m.start(), UNITS[m["a"] or m["b"]][0]) for m in _SAME_BELOW.finditer(text))


def _currency_below(text: str, pos: int) -> str | None:
    """The currency that the last 下同 before `pos` declares for the amounts below it, if any."""
    below = [cur for at, cur in _currencies_below(text) if at < pos]
    return below[-1] if below else None


# The flags that say a subject is uncertain, and why; and those that say a year is. The one list of them:
# lib/warehouse/build.py (READING_FLAGS) and bench/label_flags.py read these.
SUBJECT_FLAGS = ("subject_assumed", "ambiguous_subject", "group_subject", "subject_from_other_clause",
                 "subject_in_partner_flow", "subject_before_firm", "subject_home_contradicted", "subject_from_cause")
YEAR_FLAGS = ("year_unknown", "year_needs_date", "year_from_elsewhere", "year_from_base", "year_from_span_start",
              "year_written_before_figure")
_MONEY_WORDS = re.compile(r"收入|支出|开支|赤字|盈余|预算|投资|储备|市值|营收|税|资金|融资|贸易|出口|进口|产值|销售额|利润|金额|估值")


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
    # How the subject was found (subjects.Subject): "clause", "sentence", "topic", "list", "pair", "reporter",
    # "home", or "number" when the figure's own words name it; internal, not stored in the warehouse.
    subject_source: str = ""


def _per_magnitude(text: str, start: int, end: int, s_start: int) -> bool:
    """A count stated per ten thousand people or per hundred million yuan is a rate, whole or not, as the plan's
    indicators state them (每万人口高价值发明专利拥有量达到16件,超额完成…规划提出的12件的预期目标: cn_patents_2025; 每萬人口
    高價值發明專利擁有量已達到15.3件,提前實現…12件目標: 国新办 2025-07-17, itxo2.xn6.net/html/66d899925.html; 平均每億元
    研發經費產生…70件,比1991年提高19件: cn_rd_talent_2018). The rate is named in the figure's own clause, or in an earlier
    clause of its sentence that this clause compares or sets a target for; a clause with a subject of its own (…拥有量
    8.15件,合芜蚌示范区共拥有有效发明专利31241件: cn_patents_anhui_2018) counts things again."""
    per = r"每\s*[十百千万亿]+\s*(?:人|户|元)"
    c_start, c_end = bounds(text, start, CLAUSE_END)
    if re.search(per, text[c_start:start]):
        return True
    return bool(re.search(per, text[s_start:c_start]) and (re.match(r"\s*(?:比|较|超额|高于|低于)", text[c_start:start])
                                                            or "目标" in text[end:c_end]))


def _mention(doc: Document, text: str, doc_id: str, hit: Hit, date: str | None, home: str,
             report: str | None = None) -> Mention:
    """A hit placed on its line (the quote is the part of the match on the line where the digits start),
    with its sentence, qualifier, subject, year and topic."""
    start, end, flags = hit.start, hit.end, list(hit.flags)
    line_no = doc.origin_line[hit.digits_at]
    line_end = doc.origin_line[end - 1]
    q_start = start
    while doc.origin_line[q_start] != line_no:
        q_start += 1
    q_end = q_start
    while q_end < end and doc.origin_line[q_end] == line_no:
        q_end += 1
    col_a, col_b = doc.origin_col[q_start], doc.origin_col[q_end - 1] + 1
    quote = doc.lines[line_no - 1][col_a:col_b]
    if line_end != line_no:
        flags.append("spans_lines")
    s_start, s_end = bounds(text, start, SENTENCE_END)
    sentence = doc.text[s_start:s_end]
    qualifier = hit.qualifier or context.qualifier(text, start, end)
    entity, ambiguous, source = hit.entity or None, False, "number"
    if hit.entity == "":
        flags.append("ambiguous_subject")  # the top N firms, not named: no economy or place is their subject
    elif entity is None:
        entity, ambiguous, source = subjects.entity(text, start, hit.unit, home, doc.paragraph_starts)
    if entity and (pair := subjects.gap_pair(text, start)):
        entity, ambiguous, source = pair, False, "pair"  # 与美国的差距, 双方差距: the pair's figure (label convention 8)
    if ambiguous:
        flags.append({"group": "group_subject", "ambiguous": "ambiguous_subject"}.get(ambiguous, "subject_assumed"))
    unit, printed = hit.unit, hit.measure or ""  # (the unit as the text prints it)
    prefix = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    if prefix and text[prefix.start() - 1:prefix.start()] == "兑":
        # 新台币兑美元32.1元 (tw_ic_2025q3:1): a rate quoted against the currency after 兑 is an amount of the currency
        # before it, as the Taiwanese papers print the daily fix (新台幣兌美元今天以31.13元開盤…以31.18元作收: 鉅亨網
        # 2025-11-17); with no currency before 兑 the amount's own reading stands.
        prefix = _CURRENCY_BEFORE.search(text, max(0, prefix.start() - 7), prefix.start() - 1)
    if not prefix and printed.endswith("元") and re.match(r"\s*兑", text[end:end + 2]):
        # 韓元平均1418元兌1美元 (tw_kr_exports_2025:6), 新台币美元汇率今(18)日开盘仍强升2.56角,以32.45元兑1美元开出 (a
        # Taiwanese report in Simplified characters, cn.bg3.co), 新台幣匯率…終場升值5分,以32.63元兌1美元作收 (自由時報
        # 2016-05-31): a rate quoted against one unit of another currency is an amount of the currency its sentence
        # names first, the one being priced.
        prefix = _RATE_BASE.search(text, s_start, start)
    # 7,648億(港元,下同) (hk_services_2016:2), 53732.0億元(人民币.下同) (cn_profits_2025q3:1), 52982.7亿元(人民币,下同)
    # (cn_services_trade_2021:2): the currency named in brackets after an amount, for it and those below, is its own.
    named = _NAMED_AFTER.match(text[end:end + 14])
    if named and (unit == "count" and "no_unit" in flags or printed.endswith("元")):
        unit = UNITS[named["b"]][0]
        flags = [f for f in flags if f != "no_unit"]
    elif prefix and (unit == "count" and "no_unit" in flags or unit == "CNY" and printed.endswith("元")
                     and not _CURRENCY_WORD.search(printed)):
        # 新台币40万元, 人民币1.8万, 港币10亿元: a currency written before the number is the figure's currency;
        # the trailing 元 is then only that currency's unit word, and a bare 万/亿 is an amount in it.
        unit = _LATIN_CURRENCY.get(prefix["cur"]) or UNITS[prefix["cur"]][0]
        flags = [f for f in flags if f != "no_unit"]
    elif unit == "count" and "no_unit" in flags and re.search(r"[亿万兆]", printed) \
            and (below := _currency_below(text, start)):
        unit = below
        flags = [f for f in flags if f != "no_unit"]
    elif unit == "count" and "no_unit" in flags and re.search(r"[亿万兆]", printed) \
            and _MONEY_WORDS.search(text[s_start:end + 2]):
        # Money is often written without its currency (收入高294亿, 赤字1,004亿): the writer's own is meant.
        unit = HOME_CURRENCY[home] if home in HOME_CURRENCY else unit
        flags.append("currency_assumed")
    elif unit == "count" and not re.search(r"[亿万兆]", printed) and (
            hit.value != int(hit.value) and re.search(r"每[百千万十]?(?:人|户|像素|平方|公里|千米|台|个|家|件|篇|名)", text[s_start:start])
            or _per_magnitude(text, start, end, s_start)):
        # 每万人拥有5G基站34.4个, 平均每像素接收到的光子数低至0.44: things are counted whole, so a fractional count
        # per people or per anything is a rate (`other`). An average the catalog defines as a count (平均引用率为
        # 44.99, citations per paper: data/catalog/document_indicators.yaml ai_paper_citation_rate) stays a count:
        # a rate named by 率 without 每 is what the text calls it, and the chart draws it as a count.
        # A whole number per ten thousand people or per hundred million yuan is a rate too (_per_magnitude).
        unit = "other"
    elif unit == "CNY" and printed.endswith("元") and not _CURRENCY_WORD.search(printed) \
            and not re.match(r"\s*人民币", text[end:end + 4]) \
            and (below := _currency_below(text, start)):
        # 9.2亿元(澳门元,下同)…再出口(7.9亿元) (mo_trade_2018m7:1), 7,648亿(港元,下同)…至5,781亿元 (hk_services_2016:2):
        # a bare 元 after a currency declared for what follows is that currency's unit word.
        unit = below
    elif unit == "CNY" and home != "CHN" and printed.endswith("元") and home in HOME_CURRENCY \
            and not re.match(r"\s*人民币", text[end:end + 4]):
        # 元 outside the mainland is the local dollar (港元, 新台币), unless the currency is named after it: 以181.7亿元
        # 人民币 (cn_ipo_review_2025, a text on Hong Kong's market), 230亿元人民币国债将在港发行 (新华社香港电 2012).
        unit = HOME_CURRENCY[home]
    year = years.year(text, start, s_start, doc.paragraph_starts, date, report)
    run = years.run_period(text, start, end, year, date)
    if unit in MONEY_UNITS + DOCUMENT_CURRENCIES and (
            re.search(r"(?:价值|估值|市值)\s*(?:在|为)?\s*$", text[max(0, start - 5):start])
            and re.match(r"\s*(?:及|或)?(?:以上|以下)", text[end:end + 4])
            or re.search(r"超过?\s*$", text[max(0, start - 3):start])
            and re.match(r"\s*高?(?:估值|市值)的", text[end:end + 6])) or years.class_bound(text, start, end, hit.value_high is not None) \
            or years.in_criteria(text, s_start, start):
        # 价值10亿美元以上的非上市公司 (what a unicorn is), 超50亿美元高估值的独角兽: a valuation bound that defines the class
        # of firms a list counts is a criterion, not an amount anything had at some time: no year. So is any bound
        # that cuts a class (資本額小於NT$10億的公司, 年龄不足45岁的青年才俊, 百亿俱乐部: years.class_bound), and any
        # figure of a list of criteria (应满足以下条件: …: years.in_criteria).
        year = None
    elif span := years.duration_year(text, start, end, hit.value, hit.measure, year, date):
        year = span  # a span counted back (31年以来), a run of months (连续26个月), an anniversary (50周年)
    elif re.search(r"长达\s*\S{1,3}\s*年之?久?的?$", text[bounds(text, start, CLAUSE_END)[0]:start]):
        # 享受长达20年的双位数增长: a figure held over a span whose years the clause does not give; a year named
        # elsewhere in the sentence (2001年加入WTO) is an event, not the span.
        year = None
    elif run and not (unit == "rank" and year and "-" not in year):
        # 连续3年 / 近5年来 and what they qualify: the span of years up to the statement's year. Not a place within the
        # span (平均融资额翻倍增长,为近五年内第二高,仅次于2021年): it ranks the statement's own value among the span's
        # years, so it keeps the statement's year (GUIDE convention 3 gives the span to the span and to figures that
        # total or average over it, not to a rank). cn_ipo_review_2025; 新华社 2023-09-18 (xtnichuang.com/content/
        # 202309/19/c_270076.html): 2022年我国R&D经费投入强度为2.54%,比上年提高0.11个百分点,提升幅度为近10年来第二高.
        year = run
    elif year and "-" not in year and (framed := years.framed_span(text, start, doc.paragraph_starts, date, report)):
        year = framed  # 过去五年…。…城镇新增就业年均1270多万人: a yearly average over the span the section opened with
    elif hit.measure in ("年", "季") and re.search(r"长达\s*$", text[max(0, start - 4):start]):
        # 享受长达20年的双位数成长: a length the clause gives no years for (2001年 in its sentence is an event). Any
        # other length of time (两年的努力, 50周年, 连升两季, 半年内) is dated by the statement it belongs to (label
        # convention 3 of 2026-12-01), as the sentence's year already is.
        year = None
    later = re.search(r"(?:到|至)\s*(?P<y>(?:19|20)\d{2})\s*年", text[end:bounds(text, start, SENTENCE_END)[1]])
    if year and "-" not in year and unit == "percent" and later and later["y"] > year \
            and re.match(r"\s*(?:左右)?\s*的?\s*(?:年均)?(?:增速|增长率|增幅|速度)", text[end:end + 10]):
        # 预计2030年…达到140.1亿美元，并以30%左右的增速上涨，到2035年…达到489.7亿美元: a growth rate between a level
        # dated before it and one dated after it is the rate of the span between them.
        year = f"{year}-{later['y']}"
    if year is None:
        flags.append("year_unknown")  # nothing in the text dates it: said, not guessed from another sentence
        # 十一月/今年/目前 with no document date: the reason, and what to add. A news paragraph states its time once,
        # in its first sentence, and the sentences after it continue that time (本港6月商品轉口貨量按年上升9.2%…。
        # 兩者合計,商品整體出口貨量上升9.1%; 今年第三季度…微升0.1%。其中转口量上升0.3%): the date would date them too.
        para = paragraph_start(doc.paragraph_starts, start)
        if not date and years.dated_relatively(text[min(para, s_start):s_end]):
            flags.append("year_needs_date")
    # Where the subject or the year came from, when that is where wrong readings come from (extract/doubts.py).
    p_start = paragraph_start(doc.paragraph_starts, start)
    p_next = min([p for p in doc.paragraph_starts if p > start] + [s_end])
    doubts = reading_doubts(text, start, bounds(text, start, CLAUSE_END)[0], max(s_start, p_start), p_next, p_start,
                            entity, source, year, date, home)
    flags += [f for f in doubts if not (f in SUBJECT_FLAGS and set(flags) & set(SUBJECT_FLAGS))]
    topic = context.topic(sentence)
    if topic == "other":
        topic = context.topic(doc.text[bounds(text, max(s_start - 2, 0), SENTENCE_END)[0]:s_end])
    return Mention(doc_id, doc.file_name, line_no, line_end, col_a, col_b, quote, doc.text[start:end], hit.value,
                   hit.value_high, unit, hit.measure, qualifier, year, entity, topic, sentence, flags,
                   subject_source=source)


# The words before a figure that name what it measures, without the verb or qualifier that joins them (占GDP比重达到,
# 占GDP比重近 -> 占GDP比重).
_LEAD_IN = re.compile(r"(?:达到|达|为|是|至|近|约|超过|超|逾|突破|高达|增至)*\s*$")


def _headline_years(doc: Document, mentions: list[Mention]) -> None:
    """A news headline restates the figure its story reports, without the year the lead gives it (中国数字经济规模快速增长
    占GDP比重近四成 over 2021年中国数字经济规模达到45.5万亿元,…占GDP比重达到39.8%; 中国独角兽企业总估值超1.2万亿美元 over
    2016—2023年…总估值由近5000亿美元持续攀升至超1.2万亿美元): an undated figure of the first line, when that line is a
    headline (no full stop), takes the year of the body's figure it restates: the same value in the same unit, or a
    rounded value (近四成 for 39.8%, within an eighth) after the same words. Only when the body's restatements agree on
    one year; a headline figure the body does not restate stays undated."""
    def heading(line_no: int) -> bool:
        line = doc.lines[line_no - 1]
        return not re.search(r"[。！？!?]" if line_no == 1 else r"[。！？!?；;：:]", line) and len(line) <= 40

    def lead_in(m: Mention) -> str:
        before = doc.lines[m.line_no - 1][:m.char_start]
        return before[:_LEAD_IN.search(before).start()][-4:]

    if doc.lines and heading(1):
        _restated_years([m for m in mentions if m.line_no == 1 and m.year is None],
                        [m for m in mentions if m.line_no > 1], lead_in)
    # A subheading (a heading line inside the text: R&D人员全时当量年均增速超7% over the paragraph that says 年均增速超7%,
    # 从2016年的…增长到2020年的…) restates a figure of the section it heads, up to the next heading. Reports and news
    # features head their sections so (cn_talent_report_2020 line 2; my_klse_market_cap_2016 line 11, 34股晋百亿俱乐部
    # over 今年马股共34只股项…; cn_us_rd_2016 line 2, 研发支出增长迅速 研发强度十年翻一番 over its paragraph).
    last = len(doc.lines)
    for no in range(2, last + 1):
        heads = [m for m in mentions if m.line_no == no and m.year is None]
        if heads and heading(no):
            end = next((k for k in range(no + 1, last + 1) if heading(k)), last + 1)
            _restated_years(heads, [m for m in mentions if no < m.line_no < end], lead_in)


def _restated_years(heads: list[Mention], body: list[Mention], lead_in) -> None:
    """Give each undated heading figure the one year of the body's figures that restate it (see _headline_years)."""
    for head in heads:
        years = {m.year for m in body if m.year and m.unit == head.unit and (
            m.value == head.value or lead_in(m) and lead_in(m) == lead_in(head)
            and abs(m.value - head.value) <= abs(head.value) / 8)}
        if len(years) == 1:
            head.year = years.pop()
            head.flags = [f for f in head.flags if f not in ("year_unknown", "year_needs_date")]


def extract_mentions(doc: Document, doc_id: str, date: str | None = None, title: str | None = None
                     ) -> list[Mention]:
    """Every quantitative statement of an indexed document, in line order, with ids `doc-line-n`."""
    text = matching_text(doc.text, doc.line_starts)
    date = document_date(text) or date
    home = writer.home_economy(text, writer.is_traditional(doc.text, text))
    starts = doc.line_starts + [len(text)]
    # A wire story may print its dateline on a line of its own (据新华社北京11月13日电): the lead is the line after it.
    first = 1 if len(doc.line_starts) > 1 and years.DATELINE.fullmatch(text[:starts[1]]) else 0
    first = years.lead_paragraph([text[a:b] for a, b in zip(starts, starts[1:])], first)
    first_line = text[starts[first]:starts[first + 1]]
    taiwan = years.TAIWAN.set(home == "TWN")  # 106年 is a year of the Taiwanese calendar (years._ROC_BARE)
    listed = subjects.LISTED.set(subjects.listed_names(text))  # companies introduced with a stock code
    try:
        report = years.report_period(matching_text(title, [0]) if title else None, first_line, date,
                                       text[starts[first]:starts[min(first + 2, len(starts) - 1)]])
        mentions = [_mention(doc, text, doc_id, hit, date, home, report)
                    for hit in Scanner(doc, text, COUNTRY_NAMES).run()]
    finally:
        years.TAIWAN.reset(taiwan)
        subjects.LISTED.reset(listed)
    mentions.sort(key=lambda m: (m.line_no, m.char_start))
    _headline_years(doc, mentions)
    counters: dict[int, int] = {}
    for m in mentions:
        counters[m.line_no] = counters.get(m.line_no, 0) + 1
        m.mention_id = f"{doc_id}-{m.line_no:04d}-{counters[m.line_no]}"
    return mentions


def reference_date(published: object, inferred: object = None) -> str | None:
    """The date the extractor resolves 目前/今年/去年 against, from a document's `published` metadata
    (documents.yaml, a sidecar .yaml, or inferred from the text): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, else None.
    A year inferred only as the latest year the text names is no date (到2030年 would make 目前 2030), so it is
    not passed; a year the metadata states is (今年 in a text dated 2025 is 2025)."""
    m = re.match(r"((?:19|20)\d{2})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(published).strip())  # None/NaN/NA: no match
    if not m:
        return None
    if not m[2] and "published" in str(inferred or "").split(","):
        return None
    return m[1] + (f"-{int(m[2]):02d}" if m[2] else "") + (f"-{int(m[3]):02d}" if m[2] and m[3] else "")


def extract_document(path: Path, doc_id: str | None = None, date: str | None = None, title: str | None = None
                     ) -> list[Mention]:
    """Every quantitative statement of one document, in line order (lib/warehouse/plausibility.py flags them).
    `date` (YYYY or YYYY-MM[-DD]) is the document's own dateline when its metadata gives one; a date printed in
    the text (收稿日期, 发布日期) wins. `title` (its metadata's, when the text does not print it) may state the
    period the document reports on (2015年国民经济和社会发展统计公报)."""
    return extract_mentions(read_document(path), doc_id or path.name[:3], date, title)
