"""The year or period of a figure, read from its clause, sentence, paragraph and the text's lead."""
from __future__ import annotations

import contextvars
import re

from lib.warehouse.extract.context import _FIGURE, _FIGURE_TOKEN, cn_or_digits
from lib.warehouse.extract.document import CLAUSE_END, SENTENCE_END, bounds, paragraph_start

_YEAR_PERIOD = re.compile(r"(?P<a>(?:19|20)\d{2})[\s?]*年?\s*[—–\-~～至到]\s*(?P<b>(?:19|20)\d{2})[\s?]*年")
_YEAR = re.compile(r"(?P<a>(?:19|20)\d{2})[\s?]*年(?!代)")
# Five-year plans name their period: "十四五" is 2021-2025, each plan five years (regular since the 3rd, 1966).
_PLAN = re.compile(r"“?十(?P<n>[一二三四五六七八九])五”?(?:规划|期间|时期|末)?")
_PLAN_NUMBER = {c: i + 11 for i, c in enumerate("一二三四五六七八九")}


_CAGR = re.compile(r"(?P<n>\d{1,2}|[二两三四五六七八九十]{1,2})\s*年\s*(?:的)?(?:复合增长率|年均复合增长率|CAGR|年均增速|年均增长率)")


# Relative time words: they name the document's own time (目前 = when it was written), so they resolve to the
# year of the document's date when the document gives one, and to nothing when it does not. 近年来 ("in recent
# years") names no year: a span of unstated length, so it is left to the sentence's own year or to none.
# A month and day without a year (截至9月13日) is a date of the text's own year.
# 比上年/较去年 name the base of a comparison, not the figure's time (比上年增长5% is this year's growth).
# 过去N年 is the N years before the text's year; a quarter or half-year without a year is the latest one that
# has ended by the text's date (第四季 in a text of January is last year's). Months are also written in numerals
# (十一月, 一至十一月, 前十一月: Taiwanese and Hong Kong releases), 首N个月 is 前N个月 (首10個月), and 今天/昨天 are
# the text's own day (台积电今天股价收在264元); 12月当月 is that month itself (当月, "that month", refers to the month
# named: 12月当月,我国服务进出口总额6197.3亿元 in an article of 2022-08 on 2021; 中新社 2015-12-08: 中国进口疲态在11月继续
# 好转,当月进口9100亿元), not the month of writing; 此次/这次/本次 its own occasion (此次借用520亿救急). 至今 ("up to
# now": 积体电路发明至今满60年) is the text's present like 目前 (label convention 4 of 2026-12-01).
_RELATIVE = re.compile(r"过去(?P<span>\d{1,2}|[一二两三四五六七八九十])年(?![几多余])|目前|当前|现阶段|现在|如今|(?<!初)至今|今年|近期|本年"
                       r"|今早|今日|今天|昨天|昨日|此次|这次|本次|(?<![比较与同])(?:去年|上年|前年)|明年|来年|(?<![\d年])\d{1,2}\s*月\s*\d{1,2}\s*日"
                       r"|(?P<pq>(?:上|前)一?个?季度?)|(?<!年)(?<![上前])(?:第?(?P<q>[一二三四1-4首])季度?|(?P<h>上|下)半年|前三季度)|上个?月|下个?月"
                       r"|本季度?|本月|当月|年初以来|年初至今"
                       r"|(?<![\d年.〇○零一二三四五六七八九十两])(?:[1一]\s*[-—~至到]\s*)?(?P<mo>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月"
                       r"(?:份|末|底|当月)?(?![\d日])|(?:前|首)(?P<mn>\d{1,2}|[一二两三四五六七八九十]{1,2})个?月")
_RELATIVE_SHIFT = {"去年": -1, "上年": -1, "前年": -2, "明年": 1, "来年": 1}
_YEAR_WORDS = ("今年", "本年", *_RELATIVE_SHIFT)  # the relative words that name a whole year
_PART_OF_YEAR = re.compile(r"\s*(?:第?[一二三四1-4首]季|[上下]半年|前三季|[\d一二三四五六七八九十]{1,3}\s*月)")
# 近年来/近几年/多年来 open a statement about recent years of unstated length: the year an earlier sentence of
# the paragraph set (2021年，…) does not reach past it.
_VAGUE_SPAN = re.compile(r"近年|近些年|近几年|近来|多年来")
# The recent years (not 多年来, a long run whose start is not said) that describe the present state: see year().
_RECENT = re.compile(r"近年|近些年|近几年|近来")
_OVER_THE_YEARS = re.compile(r"年均|平均|累计|共计|合计|总计|新增|连年|逐年|每年|相继|先后|陆续")
# …but only the clause it stands in and those after it: a concession (尽管近年来…持续增长，但…不到美国的1/2) keeps
# its time to itself, and the main clause after 但/却/然而/不过 states the present.
_TURN = re.compile(r"[，,；;]\s*(?:但是|但|却|然而|不过)")
# Times other than the text's present: 以往/过往/过去/曾/疫情前 (a figure from an earlier, unstated time); an era
# named by who governed (江泽民、胡锦涛主政时期, 第一个任期); and a hypothetical (只要生产力提升百分之一到二, 如果…,
# 假如…), which holds at no time. None of them is the period the document reports on.
# So does an era named without a year (二十一世紀初,美國的R&D支出是全球之冠,有2700億美元 in cn_us_tech_2022; 改革开放前,中国GDP
# 占美国比重…位于7%-10%之间, duocaiyimin.com 2017-04-19): its figures are of that era, which no year in the text fixes.
_OTHER_TIME = re.compile(r"以往|过往|以前|之前|此前|过去|曾经|曾|疫情前|当时|昔日|往年|主政|任期|只要|如果|假如|倘若"
                         r"|世纪(?:初|末|中叶|[\d一二三四五六七八九十]{1,3}年代)|改革开放前")
# A decade named with its century (上个世纪90年代,日本曾风头无两,其GDP一度超过美国的70% in cn_us_eu_jp_rd_2022:3, a text
# of 2023; 20世纪80年代，微软公司和英特尔公司达成合作 in seed 003 line 166; 上世纪80年代, 二十世纪九十年代) is that decade,
# 1990-1999, for the figures its sentence states after it. An era without its century (二十一世纪初, 90年代) or a
# part of a decade (上世纪90年代末) stays an era no year fixes (_OTHER_TIME).
_CENTURY_DECADE = re.compile(r"(?:(?P<last>上个?世纪)|(?P<c>19|20|十九|二十)\s*世纪)\s*(?P<d>[1-9]0|[一二三四五六七八九]十)"
                             r"\s*年代(?![初末中])")


def _century_start(decade: re.Match, date: str | None) -> int:
    """The first year of the century a _CENTURY_DECADE match names (上个世纪 in a text of 2023: 1900)."""
    if decade["last"]:
        return (int(date[:4]) // 100 - 1) * 100 if date else 1900
    return (cn_or_digits(decade["c"]) - 1) * 100


# A speaker's words quoted after a verb of saying (习近平主席指出:“中国和欧盟是…两大力量、…两大市场…”) keep their
# own time: the figures of a quotation are not the period the document reports on.
_SPEECH = re.compile(r"(?:指出|表示|说|称|强调|认为|介绍)\s*[:：]\s*“[^”]*$")
# The result of an effort of N years (经过八年持续努力，近1亿农村贫困人口实现脱贫) holds over years the sentence does
# not give when it names no year: its figures are not the report period's. A run (连续3年超过1.3万美元 in a communiqué;
# 已经连续16年位居全球首位, 已连续两年保持世界首位) ends in the year the statement is about, with 已 or without (label
# conventions 2 and 10: the report's period, in cn_nev_exports_2023 a report on 2023's trade).
_UNSTATED_RUN = re.compile(r"(?:经过|历经)\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*年(?![\d度])")
# A future horizon (`未来5年`, `今后`) does not inherit the year of the sentence's past figures. Nor does a target its
# clause sets without a year (目标是新创投资金额每年达1500亿元 in tw_startup_funding_2024:2, 要进一步达到1500亿元的目标 in its
# line 4): GUIDE convention, targets without a year stay empty (so the yearless target of hk_rd_outlook_2018:4). A target
# a plan or a year dates keeps it (…规划提出的12件的预期目标 in cn_patents_2025:1, 规划建设目标8.4个 in cn_5g_2025:1).
_FUTURE = re.compile(r"未来|今后|目标(?:是|为)|的(?:预期)?目标")
# A stated reference date opens a paragraph's figures (截至2022年底, 2022年，…): it reaches the later sentences.
_REFERENCE = re.compile(r"(?:截至|截止)\s*(?:日期)?\s*(?:为|是)?\s*(?P<a>(?:19|20)\d{2})\s*年")
# A year with a part of it (2024年1至8月，/ 2015年上半年，) opens the time the same way.
_OPENING = re.compile(r"(?:^|[，,；;])\s*(?:[（(]?\s*\S{0,6}[）)]\s*)?(?:在|于)?(?P<a>(?:19|20)\d{2})\s*年(?:底|末|年底"
                      r"|(?:[1一]\s*[-—~至到]\s*)?\d{1,2}\s*月(?:份|末|底)?|前\d{1,2}个?月|[上下]半年|前三季度|第?[一二三四1-4]季度)?\s*[，,]")
# `自2018年起` / `自2018年以来`: an open period; its start year belongs to the value introduced by 从/由. After 自 an
# event may stand between the year and 以来 (自2010年超越美國以來,已經連續16年穩居世界第一 in cn_mva_top50_2024;
# 自2015年6月國泰君安證券上市以來 in tw_ipo_market_2018): the period opens with the event all the same; so does
# 自…后 (台灣自2017年超越日本後,持續保持在第3名,2023年占4% in tw_rd_2023: the rank is 2023's, the sentence's own year;
# 自2006年被中國超越後從世界第二退居第三 in cn_mva_top50_2024). In the figure's own clause the change after 后 happened
# then (退居第三 in 2006), so there 自…后 stays a plain year.
_SINCE = re.compile(r"(?P<pre>自)?\s*(?P<a>(?:19|20)\d{2})\s*年\s*(?:(?(pre)[^，,。；;年]{0,16}?)(?:起|以来|开始)"
                    r"|(?(pre)[^，,。；;年\d]{1,16}?(?:之后|以后|后)|(?!)))")
# 自2010年超越美國以來, 自2006年被中國超越後, 自2015年6月國泰君安證券上市以來: a year after 自 with an event and 以来/后
# dates the start of an open period (the event), not a figure stated before it in the sentence (中國4.6614兆美元,…
# 自2010年超越美國以來,已經連續16年穩居世界第一 in a 2024 ranking; RMB¥177.25億…成為上海A股自2015年6月…上市以來的最大
# IPO in a column of 2018).
_EVENT_SINCE = re.compile(r".{0,3}?自\s*(?:19|20)\d{2}\s*年[^，,。；;]{0,16}?(?:以来|后|之后|起)")
# Mainland writing dates an open period by a Party congress: 党的十八大以来 is "since the 18th Congress", November 2012
# (黨的十八大以來,我國規模以上裝備制造業增加值年均增長8.7% in cn_industry_75y_2024, labelled 2012-2023; 党的十八大以来,
# 党中央高度重视发展数字经济 in cn_digital_index_2022; 黨的十八大以來,我國經濟社會發展取得新成就 opening a report of 2017 on
# 2013-2016 in news.cctv.cn/2017/06/23/ARTIVxLI0sK1LQGmWehAW40G170623.shtml). For dating, the anchor reads as the
# 2012年以来 it means, written over it in place (both are seven characters, so positions hold); the congress name itself
# stays no number.
_CONGRESS_SINCE = re.compile(r"党的(十八|十九|二十)大以来")
_CONGRESS_YEAR = {"十八": "2012", "十九": "2017", "二十": "2022"}


def _anchored(text: str) -> str:
    """`text` with each 党的十八大以来 written as the 2012年以来 it dates (same length)."""
    if "大以来" not in text:
        return text
    return _CONGRESS_SINCE.sub(lambda m: f"{_CONGRESS_YEAR[m[1]]}年以来", text)


# A fiscal or school year written 2025/26 is the period 2025-2026.
# Fiscal years listed or spanned (2026/27及2027/28年度, 2026/27年度至2030/31年度) are one period, first to last.
_SPLIT_YEAR = re.compile(r"(?P<a>(?:19|20)\d{2})/(?P<b>\d{2})(?:\s*年度?)?"
                         r"(?:\s*(?:及|和|、|至|到)\s*(?:19|20)\d{2}/(?P<c>\d{2})(?:\s*年度?)?)*")


# `比2010年增长5%`, `较2019年`, `与2020年相比`: the year after 比/较/与 is the base of a comparison; the growth is
# the figure's own (later) year, as 比上年 is (GUIDE: growth gets the year of the new value).
_COMPARE = "比|较|相比|比起|相较"  # the words that introduce the base of a comparison
_BASE = re.compile(r"(?:" + _COMPARE + r"|与|同)\s*$")

# …and so are the years listed after it (相比2023年(93.7%)和2022年(93.5%)进一步上升: both are bases).
_BASE_LIST = re.compile(r"(?:" + _COMPARE + r")\s*(?:19|20)\d{2}\s*年(?:[（(][^（()）]{0,12}[）)])?\s*(?:和|及|、|与|或)\s*$")
# The base of a ratio after 相当于 (相当于美国2013年科研投入总额的80%): the figure is the subject's, at its own time.
# …and after the words that describe it (比冠病疫情暴发前的2019年高出四成以上 in sg_startups_2022: 2022's rise; so 恢復至
# 疫情前(2019年)的76%, 中新社 2023-02-16, is of the statement's time).
# …and a year the comparison closes on after it (和一一三年相較增加七四七億美元 in tw_export_orders_2025: 2025's increase over
# 2024; 与2019年同期相比 opening a sentence, _BASE_OPENING).
_BASE_AFTER_YEAR = re.compile(r"\s*(?:同期|全年)?\s*(?:相比|相较|比较)")
_DESCRIBED_BASE = re.compile(r"(?:比|较|相比|相较)[^，,。；;\d]{1,12}的\s*$")
_RATIO_BASE = re.compile(r"相当于\s*[\u4e00-\u9fff]{0,6}$")
# A year after a verb of comparing in its clause (略低于最高年份2015年, 超越2021年的纪录, 高于2019年水平) is the other
# side of the comparison: the figure is the statement's own, not that year's. So is a year whose trend the statement
# reverses or ends (2013年全球FDI扭轉2012年下跌趨勢,重現成長,流入量成長9% in tw_unctad_fdi_2013), and a relative time after
# such a verb (前七月台灣伺服器產值達4,267億元,超越去年全年,年增153.9% in tw_servers_2024: not last year's growth).
_COMPARATOR = re.compile(r"(?:低于|高于|超过|超越|不及|逊于|仅次于|接近|追平|打破|扭转|结束)[^，,。；;\d]{0,8}$")
# A figure in brackets right after a year (2023年(65.6%), 2022年（93.5%）) is that year's value: Chinese writes a
# series of past values as year and bracketed value.
_YEAR_BRACKET = re.compile(r"(?P<a>(?:19|20)\d{2})\s*年(?:底|末)?\s*[（(]\s*(?:约|近|为|达)?\s*$")
# The value of the base itself, written after it with 的 (较2014年的4.8%升幅略快, 比2019年同期的X): that year's. After
# 是/为/相当于 the figure is a ratio to the base (是2017年的5倍) and keeps the subject's year; those are not matched.
# The name of a count or amount may stand for 的 (比92年申請案件數65,907件,增加6,743件 in tw_patent_2004; 較106年11月預測數
# 2.3%增加0.98個百分點 in a CNA release of 2018): the value after it is the base's all the same. So may 之, the written 的
# (高於101年之3.06% in tw_rd_2013), and 录得的, "recorded" (較2015年錄得的2,346億元無形貿易盈餘總額 in hk_services_2016, 高於2021年
# 錄得的1350億元 in hk_services_trade_2022: the Hong Kong statistics department's releases name a base's value so).
_BASE_VALUE = re.compile(r"(?:" + _COMPARE + r"|高于|低于|快于|慢于)\s*(?P<a>(?:19|20)\d{2})\s*年"
                         r"(?:同期|全年|底|末|年末|末季|第?[一二三四1-4]季度?|[上下]半年|\d{1,2}月份?)?"
                         r"(?:录得的|的|之|[\u4e00-\u9fff]{0,4}[数额值量])\s*(?:约|近)?\s*$")
_BASE_VALUE_ROC = re.compile(_BASE_VALUE.pattern.replace(r"(?P<a>(?:19|20)\d{2})", r"(?<![\d.])(?P<n>[89]\d|1[01]\d)"))
# The same base named by last year rather than its number (较去年底8.40令吉闭市价, 相比去年底13.32令吉闭市价, 今年市值则从
# 去年的387亿1382万令吉明显回升至…; 比上年末的…): the value written right after 去年底/上年同期 (or after 去年的) is last year's,
# the year before the text's date; the change it is compared with keeps the statement's year. Market round-ups
# compare a closing price with 去年底 (my_klse_market_cap_2016), and a Taiwanese release its estimate with last
# year's forecast (tw_gdp_2025q4: 較去年十一月預測數百分之七點九一增加四點七七個百分點, a text of 2026: 7.91% is 2025's).
_BASE_VALUE_RELATIVE = re.compile(r"(?:" + _COMPARE + r"|从|由)\s*(?P<w>去年|上年|前年)(?:[\d一二三四五六七八九十]{1,3}\s*月份?)?"
                                  r"(?:(?:同期|全年|年底|年末|底|末)的?|的|[\u4e00-\u9fff]{0,4}[数额值量])\s*(?:约|近)?\s*$")
# The same base in the frame 与/和/同/跟 … 相比 (现在与2022年的出口高点4794.2亿美元相比，只差267亿美元): the value the
# frame compares with, written after its year with 的 and the name of what it measures, is that year's, whatever time
# word opens the sentence (现在 dates the gap, not the base). Only when 相比/相较/比较 closes the frame right after it.
_BASE_FRAME = re.compile(r"(?:与|和|同|跟)\s*(?P<a>(?:19|20)\d{2})\s*年(?:同期|全年|底|末)?的[\u4e00-\u9fff]{0,6}?"
                         r"(?:约|近)?\s*$")
_BASE_FRAME_END = re.compile(r"[^，,。；;：:]{0,16}?(?:相比|相较|比较)")
# The value a change reaches or the amount it moves by, after its start value (…变成净流入131亿, …扩大900万).
_CHANGE_VERB = re.compile(r"(?:变成|变为|转为)[\u4e00-\u9fff]{0,4}$|(?:增加|减少|扩大|收窄|缩小|缩减|上升|下降|提高|降低)了?\s*$")
# The dated start of a change (从2015年末季的…, 由去年同期的…): read with _TO for the value the change reaches.
_FROM_DATE = re.compile(r"(?:从|由)\s*(?:(?P<y>(?:19|20)\d{2})\s*年|(?P<w>去年|上年|前年))")

# The two ends of a change (从X增长到Y), with the qualifier Chinese writes between the preposition and the value
# (从不足30亿美元增至近8000亿美元, 从27万亿元增长到超45万亿元): X is the start value, Y the end value.
_QUALIFIED = r"\s*(?:不足|不到|近|约|超过|超|逾|突破)?[\s?]*$"
_FROM = re.compile(r"(?:从|由)" + _QUALIFIED)
_TO = re.compile(r"(?<!达)(?:至|到)" + _QUALIFIED)

# A change from one year's value to another's (由2015年52家增加至2021年的309家), the end set off by a comma as well
# (从2018年的1.06万亿元,到2023年的2.38万亿元 in cn_cross_border_ecom_2024h1; 从2012年的9.95万亿元,增长到2021年的19.91万亿元
# in cn_hightech_decade_2021).
_MULTIPLE = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*倍")
_CHANGE_AFTER = re.compile(r"(?:由|从)\s*(?:19|20)\d{2}\s*年[^，,。；;]{0,20}?(?:[，,]\s*[\u4e00-\u9fff]{0,4}?)?(?:至|到)"
                           r"\s*(?P<b>(?:19|20)\d{2})\s*年")

# Taiwan's calendar counts years from 1912 (民国元年): 民国114年 is 2025, 民国113年 2024.
_ROC = re.compile(r"民国\s*(?P<n>\d{1,3})\s*年")
# A Taiwanese text writes the same years without 民国 (公布106年第4季…, 114年整体表现): in a text written from Taiwan
# (set by extract_mentions while it reads one) a year 80-119 before 年 is one, unless it is a length of time
# (100年来, 80年间, 90多年) or part of a longer number.
_ROC_BARE = re.compile(r"(?<![\d.])(?P<n>[89]\d|1[01]\d)\s*年(?![\d代来间内后前多余之半])(?!以来|以后|以前)")
TAIWAN = contextvars.ContextVar("taiwan", default=False)


def _in_edition(span: str, at: int) -> bool:
    """True when `at` is inside a title in 《》 after its first words: a year written after a document's name
    (《中国数字经济发展报告(2022年)》显示,2021年…; 《数字贸易发展与合作报告2025》) names its edition, which reports
    on an earlier year, not the time of the figures. A year that opens the title (《2023年全球创新指数》数据显示，…
    达到24个) names the period the document covers, and dates them."""
    opening = span.rfind("《", 0, at)
    return opening > span.rfind("》", 0, at) and bool(span[opening + 1:at].strip())


def _candidates(span: str) -> list[tuple[int, str]]:
    """(end offset, year or period) of every dating expression in `span`; a year that sets a condition
    (2017年后成立, 2019年以前) describes what is counted, not when."""
    periods = [(m.end(), f"{m['a']}-{m['b']}", m.span()) for m in _YEAR_PERIOD.finditer(span)]
    periods += [(m.end(), f"{m['a']}-{m['a'][:2]}{m['c'] or m['b']}", m.span()) for m in _SPLIT_YEAR.finditer(span)
                if "年" in m.group() or m["c"] or int(m["b"]) == (int(m["a"]) + 1) % 100]
    roc = [(m.end(), str(1911 + int(m["n"])), m.span()) for m in _ROC.finditer(span) if 0 < int(m["n"]) < 200]
    if TAIWAN.get():
        roc += [(m.end(), str(1911 + int(m["n"])), m.span()) for m in _ROC_BARE.finditer(span)
                if not any(a <= m.start() < b for _, _, (a, b) in periods + roc)]
    # A year of the Taiwanese calendar after 比/较 is the base of a comparison as a year written 2003年 is (較92年的65,742
    # 件增加6,363件 in tw_patent_2004; 較106年11月預測數2.3%增加0.98個百分點 in a CNA release of 2018): not the figure's time.
    periods += [p for p in roc if not any(a <= p[2][0] < b for _, _, (a, b) in periods)
                and not _BASE.search(span[max(0, p[2][0] - 4):p[2][0]])
                and not _BASE_AFTER_YEAR.match(span, p[0])
                and not _COMPARATOR.search(span[max(0, p[2][0] - 12):p[2][0]])]
    spans_roc = [sp for _, _, sp in roc]
    periods = [p for p in periods if not _in_edition(span, p[2][0])]
    spans = [sp for _, _, sp in periods]
    found = [(end, y) for end, y, _ in periods]
    found += [(m.end(), m["a"]) for m in _YEAR.finditer(span) if not any(a <= m.start() < b for a, b in spans + spans_roc)
              and not re.match(r"\s*(?:后|以后|之后|以前|之前|前)", span[m.end():m.end() + 3])
              # 创2023年11月以来新高: a month with 以来 is the start of the span a record is measured over,
              # not the figure's own time (and not a report's period).
              and not re.match(r"\s*\d{1,2}\s*月份?\s*(?:以来|来)", span[m.end():m.end() + 8])
              # …and so is a year with 以来 before a record (为2011年以来的最低值; 自1996年以来…增长最慢的一年), also when
              # the event it starts is told between (創2008年韓國貿易協會開始追蹤台灣出口以來的最小水準 in tw_kr_exports_2025;
              # 成為上海A股自2015年6月…上市以來的最大IPO in tw_ipo_market_2018).
              and not re.match(r"\s*(?:以来|来|[^，,。；;\d]{1,20}?以来)[^，,。；;\d]{0,8}?(?:最[高低大小快慢好差]|新[高低])",
                               span[m.end():m.end() + 36])
              and not _BASE.search(span[max(0, m.start() - 4):m.start()])
              and not _BASE_AFTER_YEAR.match(span, m.end())
              and not _DESCRIBED_BASE.search(span[max(0, m.start() - 16):m.start()])
              and not _BASE_LIST.search(span[max(0, m.start() - 30):m.start()])
              and not _RATIO_BASE.search(span[max(0, m.start() - 10):m.start()])
              and not _COMPARATOR.search(span[max(0, m.start() - 12):m.start()])
              and not _in_edition(span, m.start())]
    # A plan named as the document it is (“十四五”信息通信行业发展规划建设目标) is a title, not the figure's period;
    # 十四五期间/时期/末 and the plan alone are periods.
    found += [(m.end(), _plan_period(m["n"])) for m in _PLAN.finditer(span)
              if not re.match(r"[^，,；;。期时末]{2,12}规划", span[m.end():])]
    return sorted(found)


def _end_month(m: re.Match) -> int:
    """The last month of the period a _RELATIVE match names (上半年 6, 第三季度 9, 1-8月 8, 前8个月 8), else 0."""
    ends = {"一": 3, "1": 3, "首": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}  # 首季 = Q1
    end_month = ends.get(m["q"] or "", 6 if m["h"] == "上" else 12 if m["h"] else 9 if "前三季度" in m.group() else 0)
    if m["mo"] or m["mn"]:
        end_month = cn_or_digits(m["mo"] or m["mn"]) or 0
    return end_month if 1 <= end_month <= 12 else 0


# A period stated with its year (2024年1至8月): what a later mention of the same period without a year repeats.
_STATED_PERIOD = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?=\S)")


def _relative(span: str, date: str | None, report: str | None = None, earlier: str = "") -> str | None:
    words = list(_RELATIVE.finditer(span))
    if not words:
        return None
    # 去年的下降趋势 ("last year's downward trend") names another time's state as a modifier; the figure is dated
    # by a time word that is not a modifier of a noun (上半年…结束了去年的下降趋势，销售量达到…: the first half).
    own = [w for w in words if not span.startswith("的", w.end())
           and not (w["pq"] and re.search(r"[，,；;]", span[w.end():]))  # 而上一季度…5.1%；建筑业…: its clause only
           and not _COMPARATOR.search(span, max(0, w.start() - 12), w.start())]  # 超越去年全年: the other side
    m = (own or words)[-1]
    end_month = _end_month(m)
    tail = earlier[max(earlier.rfind(ch) for ch in SENTENCE_END) + 1:]
    preceding = [(tail, w) for w in _RELATIVE.finditer(tail)] + [(span, w) for w in words if w.start() < m.start()]
    preceding = [w for text, w in preceding if not text.startswith("的", w.end()) and (
        not _PART_OF_YEAR.match(text, w.end())  # 去年8月以来: a date of its own…
        or text is span and re.fullmatch(r"\s*第?", span[w.end():m.start()]))]  # …but 今年第一季度 is that year's
    if end_month and preceding and preceding[-1].group() in _YEAR_WORDS and date:
        # 今年…，较五月预测…: a month or quarter whose sentence names 今年/去年/明年 just before it (no other time word
        # between) is a part of that year, as in 今年五月 or 去年第四季, not the latest such month before the text's
        # date (nor the lead's period). After 去年8月以来…；较1-8月 the nearer 8月 leaves 1-8月 to the usual reading.
        return str(int(date[:4]) + _RELATIVE_SHIFT.get(preceding[-1].group(), 0))
    if m["pq"]:
        # 上季/上一季度/前一季 (the previous quarter): the quarter before the one the sentence names before it (今年第一
        # 季度…,而上一季度同比增长5.1%: last year's fourth), else before the latest quarter ended by the text's date.
        before = tail + span[:m.start()]
        named = [w for w in _RELATIVE.finditer(before) if w["q"]]
        if named:
            found = _relative(before[:named[-1].end()], date, report, earlier[:len(earlier) - len(tail)])
            return str(int(found) - 1) if found and found.isdigit() and _end_month(named[-1]) == 3 else found
        if not date:
            return None
        latest = int(date[:4]) * 4 + (int(date[5:7]) if len(date) >= 7 else 12) // 3 - 1  # the latest ended quarter
        return str((latest - 1) // 4)
    if end_month and (named := _candidates(tail + span[:m.start()])) and "-" not in named[-1][1] \
            and not _RELATIVE.search(tail + span[:m.start()], named[-1][0]):
        # 2018年更不妙,上半年IPO只有15家: a part of a year (上半年, 第三季, 1至8月) whose sentence has named a year before
        # it, with no other time word between, is that year's part, as in 2018年上半年 (not the period of the lead,
        # nor the latest half-year by the text's date). tw_ipo_market_2018 (whose lead tells of 1997); 北京商报 of
        # 2023-05-09 (iongco87.cn/zixun/ent/2023/0509/167628.html): 2023年第一季度,超市业态营业收入呈现下降的趋势,
        # 第二季度仍有一定的不确定性, the second quarter of 2023.
        return named[-1][1]
    if end_month and earlier:
        # Chinese states a period in full once and then abbreviates it: 2024年1至8月，浙江… then 1至8月 / 前8个月
        # in later paragraphs is the same 2024 period (not the lead's 2023 background figure, nor one year back).
        stated = [y["y"] for y in _STATED_PERIOD.finditer(earlier)
                  if (p := _RELATIVE.match(earlier[y.end():y.end() + 12])) and _end_month(p) == end_month]
        if stated:
            return stated[-1]
    if report and (m["q"] or m["h"] or m["mo"] or m["mn"] or "前三季度" in m.group() or m.group() in ("本年",)):
        return report  # 上半年/一季度 in a report on 2015 are 2015's, whenever the page was posted
    if not date:
        return None
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 12
    if m["span"]:
        # 过去N年 counts back inclusively from the statement's reference year (GUIDE convention 3): the year the text
        # reports on when it names one (过去五年 in the 2023 work report on 2022: 2018-2022), else the text's own
        # year (过去五年间 at a press conference of 2020: 2016-2020). 过去一年 is the year just ended.
        # 过去一年 is the statement's reference year itself (GUIDE convention 11 of 2026-12-02): the year the text reports
        # on when it names one (过去一年,全球共有171家新独角兽 in cn_hurun_unicorn_2024, on the 2024 list: 2024), else the
        # year just ended (seed 001:15, a text of 2023-03 on 2022; hk_rd_outlook_2018:4, a survey of 2017).
        n = cn_or_digits(m["span"]) if m["span"] != "一" else 1
        end = int(report) if report and report.isdigit() else year
        return f"{end - n + 1}-{end}" if n and n > 1 else str(end if report and report.isdigit() else year - 1)
    if m.group() in ("上月", "上个月"):
        return str(year - 1 if month == 1 else year)  # last month: December of last year in a January text
    if m.group() in ("下月", "下个月"):
        # Next month, as 明年 is next year (…預估,明年台灣半導體產值將再成長約8% in tw_semicon_2018: 2019): a coming
        # event is of the year it falls in (投資推廣署將於下月10日至15日舉行…創業節 in hk_startups_2019, a text of 2020:
        # 2020), January of next year only in a text dated December.
        return str(year + 1 if month == 12 and len(date) >= 7 else year)
    if end_month:
        # A quarter, a month or the months from January (10月份, 1-10月, 前10个月) without a year: the latest that
        # has ended by the text's date.
        return str(year - 1 if end_month > month else year)
    return str(year + _RELATIVE_SHIFT.get(m.group(), 0))


# A run counted from a stated start (自1992年起,中國已連續22年成為…; 自2010年超越美國以來,已經連續16年穩居世界第一; 台積電自
# 二〇一五年第三季起已連續十年蟬聯第一; 扭轉自2012年以來新設立企業數連續2年下降的局面): the run lasts up to the time of the
# statement, so the run and what it qualifies after it are dated by the run's last year, the statement's reference year
# (label convention 2 of 2026-12-01), as a run stated without its start is (連續3年超過1.3萬美元 in a 2025 communiqué).
_RUN_SINCE = re.compile(r"连续\s*第?\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*年(?![\d度])")


def _run_since(text: str, since_end: int, pos: int, c_start: int, date: str | None, report: str | None) -> str | None:
    """The reference year of a run (连续N年) that follows an open period's start (ending at `since_end`) in the figure's
    clause and is the figure or stands before it: the single year the text reports on, else the document's year;
    None when there is no such run."""
    run = _RUN_SINCE.search(text, max(since_end, c_start), pos + 8)
    if not run or run.start() > pos:
        return None
    return report if report and "-" not in report else date[:4] if date else None


# The two times a sentence sets a change between: a dated change (从2012年的1.03万亿元增长到2021年的2.79万亿元) or two
# periods set side by side (比较2002至2009年与2010至2017年两段时期).
_TIME_TEXT = r"(?:19|20)\d{2}(?:\s*年?\s*[—–\-~～至到]\s*(?:19|20)\d{2})?\s*年"
_TWO_TIMES = re.compile(rf"(?:从|由)\s*(?P<a>{_TIME_TEXT})[^，,。；;]{{0,20}}?(?:到|至)\s*(?P<b>{_TIME_TEXT})"
                        rf"|(?P<c>{_TIME_TEXT})\s*(?:与|和|及|、)\s*(?P<d>{_TIME_TEXT})\s*(?:两段|两个)?(?:时期|期间|阶段)")
_DETAILS = re.compile(r"\s*(?:其中|当中)")


def _change_ends(text: str, s_start: int, c_start: int, c_end: int, pos: int) -> str | None:
    """The time of a value that starts (从/由 X) or ends (到/至 Y) a change stated with no time of its own, after its
    sentence (or the sentence its 其中 details) has set a change between two times: X is of the first, Y of the second.
    Chinese states the times once and lets parallel changes run between them (我国全社会研发投入从2012年的1.03万亿元增长到
    2021年的2.79万亿元,研发投入强度从1.91%增长到2.44% in cn_innovation_decade_2021; 比较2002至2009年与2010至2017年两段
    时期,IPO家数从268家降到208家。其中…,从165家降到137家 in tw_ipo_market_2018). None otherwise."""
    lead = text[max(s_start, pos - 8):pos]
    if _candidates(text[c_start:c_end]) or _RELATIVE.search(text, c_start, c_end):
        return None
    if _FROM.search(lead) and re.search(r"到|至", text[pos:c_end]):
        side = 0
    elif _TO.search(lead) and re.search(r"从|由", text[c_start:pos]):
        side = 1
    else:
        return None
    span = text[s_start:c_start]
    if _DETAILS.match(span) and not _candidates(span):
        span = text[bounds(text, max(s_start - 2, 0), SENTENCE_END)[0]:s_start]
    times = list(_TWO_TIMES.finditer(span))
    if not times or _candidates(span[times[-1].end():]) or _RELATIVE.search(span, times[-1].end()):
        return None
    pair = [times[-1][g] for g in ("ab" if times[-1]["a"] else "cd")]
    return _candidates(pair[side])[-1][1]


# A time counted back from the statement (30年前,20個中國留學生中只有1個回歸中國 in cn_us_tech_2022, a text of 2022: 1992;
# 我国全球创新指数排名从10年前的第34位提升到现在的第12位 in cn_hightech_decade_2021, of 2022: 2012) dates the figures it
# governs: N years before the statement's year. Not the base of a ratio or comparison (是10年前的5.8倍, 比10年前增长: the
# statement's own figure), nor a time left vague (不到10年前, 约10年前, 十多年前).
_NOW = re.compile(r"现时|现今|当今|而今|当下")
_YEARS_AGO = re.compile(r"(?<!不到)(?<![是为比较近约逾超])(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*年前(?![后])")


def _years_ago(text: str, s_start: int, pos: int, date: str | None, report: str | None) -> str | None:
    """The year N年前 names when it is the last time the figure's sentence gives before the figure, and opens the
    figure's clause or qualifies it (N年前的X); None otherwise."""
    ago = None
    for ago in _YEARS_AGO.finditer(text, s_start, pos):
        pass
    if not ago or _candidates(text[ago.end():pos]) or _RELATIVE.search(text, ago.end(), pos) \
            or _NOW.search(text, ago.end(), pos):  # 30年前,20個…只有1個回歸中國,現時則每5個便有4個: 5 and 4 are now
        return None
    if not (re.match(r"\s*的\s*$", text[ago.end():pos]) or re.match(r"\s*[，,]", text[ago.end():ago.end() + 2])):
        return None
    stated = _candidates(text[s_start:ago.start()])
    base = stated[-1][1] if stated else report if report and "-" not in report else date[:4] if date else None
    n = cn_or_digits(ago["n"])
    return str(int(base) - n) if n and base and "-" not in base else None


# 当时 / 当年 / 同年 ("at that time", "that year") point back to the time named last before them, the base of a comparison
# included (高於2021年錄得的1350億元…(相等於當年服務輸入總額的28.1%) in hk_services_trade_2022: 2021; 2000年,美國…超過50萬人次
# …。中國當時只有36萬人次 in cn_us_tech_2022: 2000). Not 按当年价格 (at current prices).
_THAT_TIME = re.compile(r"当时|当年(?!价格|度)|同年")


# N年间 opening a clause after a sentence has stated two years N apart (2015年…19180億美元,…在2000年僅為7220億美元,15年間…
# 年均增長率為6.7% in cn_nsf_gerd_2015; 从2018年的1.06万亿元,到2023年的2.38万亿元,5年间, in cn_cross_border_ecom_2024h1) is the
# span between them: the clause's length and rates are of that period (GUIDE: a period's growth gets the period).
_SPAN_BETWEEN = re.compile(r"\s*(?P<n>\d{1,2}|[二两三四五六七八九十]{1,2})\s*年间")


def _span_between(text: str, s_start: int, c_start: int, pos: int) -> str | None:
    """The period A-B when the figure's clause opens on N年间 and the sentence before it names exactly the years A and B,
    B - A = N; else None."""
    span = _SPAN_BETWEEN.match(text, c_start)
    if not span or pos < span.start("n"):
        return None
    stated = sorted({int(m["a"]) for m in _YEAR.finditer(text, s_start, c_start)})
    if len(stated) == 2 and stated[1] - stated[0] == cn_or_digits(span["n"]):
        return f"{stated[0]}-{stated[1]}"
    return None


def _that_time(text: str, s_start: int, pos: int, date: str | None, report: str | None) -> str | None:
    """The year 当时/当年/同年 before the figure in its sentence points back to, when no other time stands between it and
    the figure: the last year written before it in the sentence, else the time the sentence before names."""
    that = None
    for that in _THAT_TIME.finditer(text, s_start, pos):
        pass
    if not that or _candidates(text[that.end():pos]) or _RELATIVE.search(text, that.end(), pos):
        return None
    years = [m["a"] for m in _YEAR.finditer(text, s_start, that.start())]
    if years:
        return years[-1]
    return None if _RELATIVE.search(text, s_start, that.start()) else _named_before(text, s_start, date, report, limit=1)


def _open_period(text: str, start: str, s_start: int, paragraph_starts: list[int] | None) -> str | None:
    """An open period (自2012年以来) from `start` to the latest year the paragraph states before `s_start`; None when
    it states none."""
    p_start = paragraph_start(paragraph_starts, s_start)
    ends = [y[-4:] for _, y in _candidates(text[p_start:s_start]) if y[-4:] > start]
    return f"{start}-{max(ends)}" if ends else None


def _open_to_now(text: str, start: str, pos: int, paragraph_starts: list[int] | None, date: str | None) -> str | None:
    """An open period (自2019年以来) that the paragraph gives no end before its sentence: it runs up to the time of the
    statement, the latest year the paragraph states after the figure (2012年以来我国数字经济年均增速高达15.9%,…。…2021年,
    数字经济规模达到45.5万亿元 in cn_digital_economy_2021: 2012-2021), else the document's year (当局自2019年以来已帮助近500家
    新加坡企业… in sg_startups_2022, a text of 2023: 2019-2023; 中国自2018年以来,…份额始终处于8%~9% in seed 003, which
    states 2022 before it: 2018-2022, _open_period), as 目前 is (GUIDE conventions 3 and 4). None without a date.
    Only for 以来 ("since"): 自2018年起快速上升 ("from 2018 on", seed 003 line 143; 自2019年起超越中國大陸躍居第二 in
    tw_servers_2024) tells of a change begun then, and the labels leave its figures to the start or undated."""
    if not date:
        return None
    p_end = min([p for p in (paragraph_starts or []) if p > pos] + [len(text)])
    ends = [y[-4:] for _, y in _candidates(text[pos:p_end]) if start < y[-4:] <= date[:4]]
    end = max(ends) if ends else date[:4]
    return f"{start}-{end}" if end > start else None


def year(text: str, pos: int, s_start: int, paragraph_starts: list[int] | None = None,
         date: str | None = None, report: str | None = None) -> str | None:
    """The year or period a figure refers to: its clause, then its sentence, then the paragraph's stated
    reference date, then the document's date for 目前/今年/去年; a period's start value (从/由 X) gets the
    start year and its end value (至/到 Y) the end year. None when nothing in the text fixes it."""
    text = _anchored(text)
    c_start, c_end = bounds(text, pos, CLAUSE_END)
    # A sentence (and a clause) does not run past its paragraph: a heading or a list line without a full stop
    # (全年国内生产总值增长3%) is not one sentence with the lines before it or the paragraph after it (过去五年极不寻常。).
    s_start = max(paragraph_start(paragraph_starts, pos), s_start)
    s_end = min([p for p in (paragraph_starts or []) if p > pos] + [bounds(text, pos, SENTENCE_END)[1]])
    # An ellipsis (……) closing a list of findings ends it as a full stop would (…本科及以上学历占比63.6%、高被引科学家
    # 升至世界第二……8月27日,《报告》在京发布 in cn_talent_report_2020; …算力总规模位居世界第二,我国建成了…5G网络……我国
    # 许多新一代信息技术优势产业… in seed 001): the news sentence after it, and the day it names, do not date the list.
    if (ellipsis := text.rfind("……", s_start, pos)) != -1:
        s_start = ellipsis + 2
    if (ellipsis := text.find("……", pos, s_end)) != -1:
        s_end = ellipsis
    c_start, c_end = max(c_start, s_start), min(c_end, s_end)
    before = text[s_start:pos]
    lead = before[-8:]
    clause = text[c_start:c_end]
    since = list(_SINCE.finditer(before))
    if bracket := _YEAR_BRACKET.search(text, max(s_start, pos - 12), pos) or \
            _BASE_VALUE.search(text, max(s_start, pos - 16), pos):
        return bracket["a"]
    if TAIWAN.get() and (base := _BASE_VALUE_ROC.search(text, max(s_start, pos - 16), pos)):
        return str(1911 + int(base["n"]))  # 較92年的65,742 件: the base's own value, in the Taiwanese calendar
    if (base := _BASE_VALUE_RELATIVE.search(text, max(s_start, pos - 16), pos)) and date:
        return str(int(date[:4]) + _RELATIVE_SHIFT[base["w"]])
    if (frame := _BASE_FRAME.search(text, max(s_start, pos - 20), pos)) and \
            _BASE_FRAME_END.match(text, pos, s_end):
        return frame["a"]
    if between := _span_between(text, s_start, c_start, pos):
        return between
    if ends := _change_ends(text, s_start, c_start, c_end, pos):
        return ends
    start = list(_FROM_DATE.finditer(before))
    if start and (_TO.search(lead) or _CHANGE_VERB.search(lead)) and _FIGURE.search(before, start[-1].end()) \
            and not _candidates(before[start[-1].end():]) and not _RELATIVE.search(before, start[-1].end()):
        # 从2015年末季的311亿令吉减少至235亿令吉, 从去年同期的净流出79亿令吉变成净流入131亿令吉: when only the start of a
        # change is dated, the value it reaches is the statement's own, the period the text reports on (a later one),
        # not the start's; with no such period it is left undated.
        begun = start[-1]["y"] or _relative(start[-1]["w"], date)
        return report if report and begun and report > begun else None
    if ago := _years_ago(text, s_start, pos, date, report):
        return ago
    if that := _that_time(text, s_start, pos, date, report):
        return that
    found = None
    own = _candidates(text[c_start:pos])
    if own:
        found = own[-1][1]
        if since and {y for _, y in own} == {since[-1]["a"]} and since[-1].start() >= c_start - s_start \
                and not since[-1].group().endswith("后") \
                and not re.search(r"(?:从|由)\s*\D{0,3}$", lead):
            # 2012年以来我国数字经济年均增速高达15.9%: an open period in the figure's own clause is not its start year
            # alone; it runs to the latest year the paragraph has stated, else it is left undated, as for a sentence.
            return _open_period(text, found, s_start, paragraph_starts) \
                or _run_since(text, s_start + since[-1].end(), pos, c_start, date, report) \
                or (_open_to_now(text, found, pos, paragraph_starts, date) if since[-1].group().endswith("以来") else None)
    else:
        # A double dash (——) opens an aside: a year after it is not the figure's.
        after = [c for c in _candidates(text[pos:c_end].split("——")[0])
                 if not _EVENT_SINCE.match(text, pos + c[0] - len(c[1]) - 1 - 3)]  # …之總和!自2010年超越美國以來
        if after:
            found = after[0][1]
    if found is None and _RELATIVE.search(text[c_start:c_end]):
        found = _relative(text[c_start:c_end], date, report, text[:c_start])
        if found:
            return found
        if not date and any(_names_period(text[c_start:c_end], m) for m in _RELATIVE.finditer(text[c_start:c_end])):
            # 今年前3季接单额已达5243.7亿美元 in a text without a date: its own clause names its period, which only the
            # date resolves; a year elsewhere in the sentence (历史最高纪录是2021年的…) is not it.
            return None
    if found is None and _ANAPHORIC.search(text[s_start:pos]) and not _candidates(before):
        found = _named_before(text, s_start, date, report)  # 月内转口货量跌11.8%: the month named before
        if found:
            return found
    if found is None and _COMPARED_BACK.match(text, s_start) and not _candidates(before) \
            and not _RELATIVE.search(text[s_start:s_end]):
        # 与之相比 / 相比之下 ("compared with that") opens a sentence set against the statement just before it: the
        # same time, as its pronoun refers back (…在2024年实现两位数增长(10.1%)…。与之相比,东盟10国…平均增速为5%).
        found = _named_before(text, s_start, date, report, limit=1)
        if found:
            return found
    if found is None and s_start > 1 and _BASE_OPENING.match(text, s_start) and not _candidates(text[s_start:s_end]) \
            and not _RELATIVE.search(text[s_start:s_end]):
        # A sentence opening on the base of its comparison (与2019年同期相比,服务进出口下降2.2%,两年平均下降1.1%) compares
        # the time just spoken of with that base: it is dated as the statement before it (…2021年,我国服务贸易…。), across
        # a paragraph's end, as 与之相比 is; so in a clause (2022年,…;与2020年相比,两年平均增长2.5% keeps 2022).
        found = year(text, s_start - 2, bounds(text, s_start - 2, SENTENCE_END)[0], paragraph_starts, date, report)
        if found:
            return found
    if found is None and not _FUTURE.search(clause) and re.match(r"\s*(?:其中|当中)", text[s_start:s_start + 4]) \
            and not _candidates(before):
        # A sentence opening on 其中 or 当中 ("of which") details the one before it and shares its dating.
        before_sentence = text[bounds(text, max(s_start - 2, 0), SENTENCE_END)[0]:s_start]
        previous = _candidates(before_sentence)
        if previous:
            found = previous[-1][1]
        elif _RELATIVE.search(before_sentence):
            # 1-4月,我省完成外贸进出口…。其中出口…: dated by a month or 今年 rather than a year, all the same.
            found = _relative(before_sentence, date, report, text[:s_start])
            if found:
                return found
    if found is None and not _FUTURE.search(clause):
        sentence = _candidates(before)
        opened = {m["a"] for m in since}
        if opened and {y for _, y in sentence} - opened:
            # 2014年也是中国自1996年以来科研投入增长最慢的一年,增幅为9%: next to a year of its own, 自YYYY年以来 is the
            # range a record is measured over, not the figure's time (nor one end of a growth period).
            sentence = [c for c in sentence if c[1] not in opened]
        last = max((c[0] for c in sentence), default=len(before))
        nearer = [m for m in _RELATIVE.finditer(before, last) if (_names_period(before, m) or m.group() in _PRESENT)
                  and re.search(r"[，,；;]", before[last:m.start()]) and not re.search(r"\d{2,4}\s*年", before[m.end():])
                  and not _COMPARATOR.search(before, max(0, m.start() - 12), m.start())]
        if nearer:
            # The time word nearest before the figure dates it, a relative one (去年, 今年前3季) as a stated year does:
            # Chinese moves a sentence on in time by naming the new period once (台大2012年至2014年…都在百件以上,…但
            # 去年申請量大減至38件,去年第4季…僅剩8件,全年排名慘跌至第18名,今年前3季申請量30件,排名第12: 第18名 is 去年's,
            # 第12 this year's, not 2012-2014). Without the text's date it is left undated, as the word's own clause is.
            # Only a word that opens a later clause: a part of a year written after the year (2024年1~7月, 2022年首10個月)
            # belongs to that year. And only when no year (a base: 與1月概估數持平;較106年11月預測數…增加0.98個百分點)
            # stands between the word and the figure.
            return _relative(before[nearer[-1].start():], date, report, text[:s_start + nearer[-1].start()])
        if sentence:
            found = sentence[-1][1]
            years = [m["a"] for m in _YEAR.finditer(before) if m["a"] not in opened
                     and not _in_edition(before, m.start())
                     and not _BASE.search(before[max(0, m.start() - 4):m.start()])]  # 与2020年相比: the base
            if "-" not in found and len(set(years)) >= 2 and years[0] < years[-1] \
                    and re.search(r"(?:增幅|增长|增速)[^，,。]{0,4}$", before[-10:]):
                change = list(_CHANGE_AFTER.finditer(before))
                if change and change[-1]["b"] == years[-1] and not _candidates(before[change[-1].end():]) \
                        and _MULTIPLE.match(text, pos):
                    # 由2018年的538人次增至2023年的1,406人次,增长了2.6倍 (cn_highly_cited_2023): a multiple stated right
                    # after a change between two dated values is the new value over the old, of the new value's year
                    # (GUIDE: growth over a period gets the year of the new value), as 从2012年的9.95万亿元,增长到
                    # 2021年的19.91万亿元,规模翻了一番 is 2021's (cn_hightech_decade_2021). A rate of growth stays the
                    # period's (从2018年的7.5万件增长至2022年的20.2万件,增幅约170%: 2018-2022 in seed 003).
                    return years[-1]
                return f"{years[0]}-{years[-1]}"  # growth between the two years the sentence names
            if since and "-" not in found and found == since[-1]["a"]:
                # The sentence is dated only by `自YYYY年起` (an open period): its start value gets YYYY; the
                # others run to the latest year the paragraph states, or stay undated when it states none.
                if re.search(r"(?:从|由)\s*\D{0,3}$", lead):
                    return found
                return _open_period(text, found, s_start, paragraph_starts) \
                    or _run_since(text, s_start + since[-1].end(), pos, c_start, date, report) \
                    or (_open_to_now(text, found, pos, paragraph_starts, date) if since[-1].group().endswith("以来") else None)
        elif (later := [c for c in _candidates(text[c_end:s_end].split("——")[0])
                        if "-" not in c[1]
                        and not re.search(r"(?:从|由)\s*(?:19|20)\d{2}\s*年$", text[c_end:c_end + c[0]])
                        and not _EVENT_SINCE.match(text, c_end + c[0] - len(c[1]) - 1 - 3)]) \
                and not _FUTURE.search(text[c_end:c_end + 12]) \
                and not re.search(r"到|至|预计|将", text[c_end:c_end + 8]) \
                and not any(_names_period(before, m) for m in _RELATIVE.finditer(before)):
            # The sentence's year stated after the figure (…世界第二,2020年…); not when a period word before the
            # figure has set the sentence's time (9月外销订单…，年增30.5%，…就能超越2021年的历史最高纪录), nor the
            # start of a change told after it (按季下滑55亿令吉,主要是因为…从2015年末季的311亿令吉减少至…).
            found = later[0][1]
            change = _CHANGE_AFTER.search(text, c_end, s_end)
            if change and not _candidates(text[c_end:change.start()]):
                # 稳居全球第二，但…差距越来越大，数量差距由2015年52家增加至2021年的309家: a change told after the figure
                # runs up to the state the figure describes, so the figure is of its end year, not its start.
                found = change["b"]
        elif (_SAME_PERIOD.match(text, s_start) or re.search(r"从|由", text[c_start:pos])
              and re.search(r"到|至", text[c_start:c_end])) \
                and (period := _previous_period(text, s_start, paragraph_starts or [0])):
            # 美国从35%下降到27%, or 同期，…从25%增长到37%, with no year of their own after a sentence that names
            # the period (约占2003年至2013年…): a change from one value to another runs over that period.
            found = period
        elif _RELATIVE.search(text[s_start:s_end]):
            # The sentence's time word nearest before the figure dates it (今年…将达2.6兆元…，…明年…将再成长约8%: 今年),
            # else the first after it.
            first_after = _RELATIVE.search(text[pos:s_end])
            span = text[s_start:pos] if _RELATIVE.search(text[s_start:pos]) else \
                text[pos:pos + first_after.end()] if first_after else text[s_start:s_end]  # a word across the figure
            found = _relative(span, date, report, text[:s_start])
        elif not _VAGUE_SPAN.search(_TURN.split(before)[-1]):  # 近年来，… sets the sentence's own (unstated) time
            found = _paragraph_year(text, s_start, paragraph_starts or [0], date, report)
            if found is None and _YEAR_UNDER_REPORT.search(clause):
                # 全年/年末 refer to the year under report: the last year an earlier sentence opened on.
                openings = [m["a"] for m in _OPENING.finditer(text, 0, s_start)]
                found = openings[-1] if openings else report
    if found is None:
        # A reference date anywhere in the sentence (近年来…超过30%，截至2022年年底…) dates what nothing nearer does.
        reference = list(_REFERENCE.finditer(text, s_start, s_end))
        if not reference:
            # The period the text reports on (its title or lead: 2015年统计公报, 2025年…): a figure nothing else
            # dates is the report's, as a news item sets its time once in the lead. Not for a horizon (未来),
            # a span of recent years (近年来), or a sentence naming another time (疫情前, 以往). Such an adverb governs
            # its own clause and the ones after it, not a figure stated before it (日本8670億美元,佔比5.07%,曾長期是…
            # in cn_mva_top50_2024; 11月对外贸易实现65亿林吉特顺差后,马来西亚从1997年11月以来已连续265个月… in
            # my_cn_trade_2019; …180億——…從以往依賴賣地收入… in hk_budget_2026), so only the text up to the end of
            # the figure's clause is read for it.
            sentence = text[s_start:s_end]
            if decade := _CENTURY_DECADE.search(before):
                first = _century_start(decade, date) + cn_or_digits(decade["d"])
                return f"{first}-{first + 9}"
            if release := _RELEASE_OF_YEAR.search(text, s_start, pos):
                # A release named by its year (IMD發布2025世界數位競爭力調查評比，在全球69個主要經濟體中，台灣總體排名第十 in
                # tw_key_figures_2025, a roundup whose lead is on 2024; 胡润研究院…发布《2024全球独角兽榜》…,全球独角兽企业数量
                # 达到1453家 in cn_hurun_unicorn_2024, and so the Hurun lists of 2021 and 2023): the figures its sentence
                # reports are that edition's, whatever period the text's lead is on.
                return release["y"]
            if report and not _FUTURE.search(sentence) and not _VAGUE_SPAN.search(_TURN.split(before)[-1]) \
                    and not _OTHER_TIME.search(text[s_start:c_end]) and not _UNSTATED_RUN.search(text[s_start:c_end]) \
                    and not _SPEECH.search(text[s_start:pos]):
                return report
            if date and _RECENT.search(_TURN.split(before)[-1]) and not _FUTURE.search(sentence) \
                    and not _OTHER_TIME.search(text[s_start:c_end]) and not _UNSTATED_RUN.search(text[s_start:c_end]) \
                    and not _SPEECH.search(text[s_start:pos]) and not _OVER_THE_YEARS.search(text, c_start, c_end):
                # 近年来…核心产业规模达到5000亿元…已进入全球第一梯队 (cn_ai_industry_2023), 近年在美國進口市占率維持七成
                # 上下,排名居首 (tw_servers_2024): recent years of unstated length describing the state now are the
                # text's present, dated as 目前 is, by the document's date (label convention 10, as convention 4).
                # Not a figure that totals, averages or counts what happened over those years (近年来，我国约有70所
                # 高校…相继开设了人工智能学院: seed 000 line 553; 年均, 累计, 新增): it holds over the span, and a span
                # of unstated length gives no year (convention 3).
                return date[:4]
            return None
        found = reference[-1]["a"]
    stated = _candidates(before)
    span = _CAGR.search(text, s_start + (stated[-1][0] if stated else 0), pos + 12)
    if span and "-" not in found:
        # `五年复合增长率` ending in 2026 is the period 2021-2026: growth over N years ends at the stated year.
        years = cn_or_digits(span["n"])
        if years:
            found = f"{int(found) - years}-{found}"
    if "-" in found:
        first, last = found.split("-")
        if _FROM.search(lead):
            return first
        if _TO.search(lead) and re.search(r"从|由", before):
            # 从X增至Y: the end value (达到 is "reach", a level of the whole period). Without a start (下调至
            # 1,000亿 in 2026/27及2027/28年度) the value is a level for the whole period.
            return last
    elif _FROM.search(lead) and re.search(r"(?:至|到)", text[pos:c_end]) and \
            not _candidates(text[c_start:pos]):
        return None  # `从X增长至Y` dated only by its end: X is the value at an earlier, unstated date
    return found


# A span of recent years: 近5年来 (the last five years), 过去十年. The figure that states the span, and a figure its
# clause qualifies after it (近5年来已二度被台湾超越), hold over the whole span, so their period is the span ending
# at the statement's year (the document's year when the text states none): 近5年来 in a text of 2025 is
# 2021-2025. 近年来/多年来 give no length and stay undated. A run (连续8年保持全球第1, 連續3年超過1.3萬美元) is not
# read this way: a run and what it qualifies are dated by its last year, the year the statement is about (label
# convention 2 of 2026-12-01, tests/labels/GUIDE.md; the seeds' labels and the catalog's bindings date runs so).
_RUN = re.compile(r"(?:近|过去|这)\s*(?P<n>\d{1,2}|[二两三四五六七八九十]{1,2})\s*个?年(?![几多余])(?:来|以来|间)?")

# A span of months counted back (近二十五个月来, 过去12个月) is dated like a span of years: the months up to the
# statement's month. A run of months (连续26个月正成长) is a run: dated by its last month, the statement's (label
# convention 2), so 连续/连 are no span here.
_MONTH_RUN = re.compile(r"[^近去]*(?:近|过去)\s*(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个月")
_MONTH = re.compile(r"(?<![\d〇○零一二三四五六七八九十])(?P<m>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?!份?以来)")

# N年 opening a clause before a verb of change or an average (五年年均增长5.2%; 十年增加近70万亿元、年均增长6.2%) is the
# duration the clause's figures accumulate over: the N years up to the statement's year, like 近N年.
_LEAD_SPAN = re.compile(r"\s*(?P<n>\d{1,2}|[二两三四五六七八九十]{1,2})\s*年(?=\s*(?:年均|平均|累计|共计|合计|增加|增长|提高|下降|减少))")


# The length of time a duration figure states (N年, N季, N个季度, N个月, 一年半), in months, with the text after it.
_DURATION_UNIT = re.compile(r"\s*(?P<u>个?月|个?季度?)?")
# A length of time measured back from the statement: N年以来/N年来 (30年来首度超车, 50年以来最高), N年之久, and a record
# over N years (创15年新高, 十五年来最高, 六季以来最高, 超过一年半以来表现最好). Chinese writes these for the span that
# ends at the time the sentence speaks of, so the span is the N calendar years (or the months of N quarters, N years)
# counted back inclusively from the statement's year (label convention 3 of 2026-12-01: 31年以来 in a statement about
# 2010 is 1980-2010). One suffix serves a list (15年与4年以来最大增速) and an approximate length (过去30年几年来, 30-odd
# years) counts back from its numeral. 间 (8年间, 10年间) is left out: it names a span between stated years as often
# as one counted back (the span between two stated years is read by _span_between).
_BACK_AFTER = re.compile(r"(?:\s*[与和及、]\s*(?:\d{1,3}|[一二两三四五六七八九十百]{1,3})\s*年)?"  # 15年与4年以来: both
                         r"(?:\s*(?:[几多余]\s*年?)?\s*(?:以来|来|之久)|\s*(?:[多余]\s*)?(?:年|季)?\s*的?"
                         r"(?:新高|新低|最高|最低|最大|最小|最佳|最好|最差|最快|最慢|高位|低位))")
# A run (连续N个月, 连N红, 连升两季, 连续11个季度): the GUIDE dates it by its last year, the statement's.
_RUN_BEFORE = re.compile(r"(?:连续|连[升跌涨增降]?)\s*$")


def duration_year(text: str, start: int, end: int, value: float, measure: str | None, found: str | None,
                  date: str | None) -> str | None:
    """The year of a figure that is itself a length of time, by the conventions the labels follow (GUIDE.md): a span
    counted back from the statement (31年以来, 创15年新高, 六季以来最高, 一年半以来) is the N years (or months) ending
    in the statement's reference year, counted inclusively (31年以来 in 2010 is 1980-2010); a run of months or
    quarters (连续26个月, 连升两季, 连续11个季度) and an anniversary (建交50周年) are the statement's year. The reference
    year is the one the statement's own time gives (`found`), else the document's. None when none of these holds
    (other durations keep the rules that read them: 近N年, 连续N年, 长达; 第N年 is an ordinal, no length). This is the
    one reading of a counted-back length (it took over counted_back, conv16's later pass, which measured the same)."""
    ref = (found or "")[-4:] or (date[:4] if date else "")
    if not ref or measure not in ("年", "季", "个"):
        return None
    unit = _DURATION_UNIT.match(text, end)
    kind = "年" if measure == "年" else "季" if measure == "季" or "季" in (unit["u"] or "") else \
        "月" if "月" in (unit["u"] or "") else None
    if kind is None:
        return None
    if text[start:end + 2].rstrip("年").endswith("周") or text[start:end].endswith("周年"):
        return ref  # 建交50周年: an anniversary is the year it falls in
    step = {"年": 12, "季": 3, "月": 1}[kind]
    month = 12
    if kind != "年":
        # Counted back from the statement's month or quarter (第三季…一年半以来), else the date's month, else December.
        s_start = bounds(text, start, SENTENCE_END)[0]
        named = [_end_month(m) for m in _RELATIVE.finditer(text, s_start, start) if _end_month(m)]
        month = named[-1] if named else int(date[5:7]) if date and len(date) >= 7 and ref == date[:4] else 12
    if re.search(r"(?:结束|终止|止住|中断|扭转)了?[^，,。；;]{0,16}?(?:连续|连)\s*$", text[max(0, start - 24):start]):
        # 对陆港终止连3年跌势, 结束了连续十个季度的萎缩态势, 扭轉自2012年以來新設立企業數連續2年下降的局面: a run that the
        # statement ends had its last year (month, quarter) just before the statement's.
        return str((int(ref) * 12 + month - 1 - step) // 12)
    if kind != "年" and _RUN_BEFORE.search(text, max(0, start - 3), start):
        return ref  # 连续26个月正成长: the run's last month, the statement's
    back = _BACK_AFTER.match(text, unit.end())
    if not back or re.search(r"(?:连续|连|第|长达)\s*$", text[max(0, start - 4):start]) or (
            re.search(r"(?:近|过去|这)\s*$", text[max(0, start - 3):start]) and not re.match(r"\s*[几多余]年", back.group())):
        return None  # 近5年来, 过去五年, 连续3年: read by run_period and _relative; 过去30年几年来 (30-odd) is read here
    months = round(value * step)
    first = (int(ref) * 12 + month - 1 - (months - 1)) // 12
    return f"{first}-{ref}" if first < int(ref) else ref


# A figure per year of a span (年均, 连年, 逐年, 每年) needs the span; a section that opens on 过去五年 (a government
# work report's review, then its list of results) sets it for the items after it.
_PER_YEAR = re.compile(r"年均|连年|逐年|平均每年|每年")
_FRAME = re.compile(r"\s*过去\s*(?:\d{1,2}|[一二两三四五六七八九十])年(?![几多余])")
# A level its clause says was held (英国在8%、德澳在5%、加拿大在3%左右徘徊 in cn_highly_cited_2023, whose paragraph opens on
# 过去6年(2018~2023年)) holds over the span as a yearly figure does: so 在2005至2016年一直徘徊在0.72%至0.79%之间
# (hk_rd_outlook_2018), 自2018年以来…份额始终处于8%~9% (seed 003, 2018-2022), 2008年至2018年同期…維持在2000億至3000億美元
# 之間 (tw_kr_exports_2025), all labelled with their span.
_HELD = re.compile(r"徘徊|稳定在|维持在|保持在|始终处于|一直处于")


def framed_span(text: str, pos: int, paragraph_starts: list[int], date: str | None, report: str | None,
                limit: int = 8) -> str | None:
    """The span a yearly or held figure (年均1270多万人, 连年稳定在1.3万亿斤以上, 在3%左右徘徊) holds over when its clause
    names none: the 过去N年 that opens one of the `limit` paragraphs before it, resolved as _relative does (过去五年 in a
    report of 2023-03 is 2018-2022); None when its clause has no per-year or holding word or no such paragraph opens
    the section."""
    c_start, c_end = bounds(text, pos, CLAUSE_END)
    if not _PER_YEAR.search(text, c_start, pos) and not _HELD.search(text, c_start, c_end):
        return None
    for p in reversed([p for p in paragraph_starts if p <= pos][-limit:]):
        if frame := _FRAME.match(text, p):
            found = _relative(frame.group(), date, report)
            return found if found and "-" in found else None
    return None


# A span counted back that opens a sentence as a clause of its own (近20年,中國吸收外資在全球FDI總量中年均比例為7.6% in
# tw_unctad_fdi_2013; 10年来,我国始终把基础研究…摆在突出位置,布局建设了上海光源等40多个重大科技基础设施 in
# cn_hightech_decade_2021) governs the sentence: a figure of it that totals or averages over the span (年均, 累计, 建设了…)
# holds over the span (label convention 3), when its own clause names no time.
_SPAN_OPENING = re.compile(r"\s*(?P<pre>近|过去|这)?\s*(?P<n>\d{1,2}|[二两三四五六七八九十]{1,2})\s*个?年(?P<post>来|以来|间)?\s*[，,]")
_SPAN_TOTAL = re.compile(r"年均|平均|累计|共计|合计|总计|建成|建设了|新增")


def run_period(text: str, pos: int, end: int, found: str | None, date: str | None) -> str | None:
    """The span of years a run before the figure in its clause (or the figure itself: 连续3年) covers, ending at the
    figure's year (`found`, a single year), or at the document's year when nothing else dates it; None when the
    clause holds no run or nothing gives its end."""
    c_start, _ = bounds(text, pos, CLAUSE_END)
    months = _MONTH_RUN.match(text, max(0, pos - 4), end + 2) if found and "-" not in found else None
    if months and months.start("n") == pos and (n := cn_or_digits(months["n"])):
        # 连续26个月正成长 (a release of December 2025): the months counted back from the month the sentence names
        # (else the date's month, else December) reach back into earlier years.
        s_start = bounds(text, pos, SENTENCE_END)[0]
        named = [cn_or_digits(m["m"]) for m in _MONTH.finditer(text, s_start, pos)]
        month = named[-1] if named and named[-1] else int(date[5:7]) if date and len(date) >= 7 else 12
        first = (int(found) * 12 + month - 1 - (n - 1)) // 12
        return f"{first}-{found}" if first < int(found) else None
    runs = [m for m in _RUN.finditer(text, c_start, end) if m.start("n") <= pos]
    lead = _LEAD_SPAN.match(text, c_start)
    if not runs and lead and lead.start("n") <= pos and found:
        runs = [lead]  # 五年年均增长5.2%, 十年增加近70万亿元: the N years up to the statement's year
    opening = _SPAN_OPENING.match(text, bounds(text, pos, SENTENCE_END)[0])
    c_end = bounds(text, pos, CLAUSE_END)[1]
    if not runs and opening and (opening["pre"] or opening["post"]) and found and "-" not in found \
            and _SPAN_TOTAL.search(text, c_start, pos) and not _candidates(text[c_start:c_end]) \
            and not _RELATIVE.search(text, c_start, c_end):
        runs = [opening]  # 近20年,…年均比例为7.6%: a total or average over the span the sentence opens on
    if not runs:
        return None
    n = cn_or_digits(runs[-1]["n"])
    if found and "-" in found:
        return found if n and int(found[-4:]) - int(found[:4]) + 1 == n else None
    last = int(found) if found else int(date[:4]) if date and runs[-1].group().startswith(("近", "这")) else None
    return f"{last - n + 1}-{last}" if n and n > 1 and last else None


# A bound that defines a class of things rather than an amount something had (资本額小於NT$10億的公司, 資本額NT$100億以上,
# 年龄不足45岁的青年才俊, 团队平均年龄不足45岁的项目, 价值10亿美元以上的非上市公司): the measure a class is cut on, a
# comparison word or 以上/以下 around the figure, and the noun it qualifies (的…, 公司) or 以上/以下 after it. A club named by
# its entry bar (百亿俱乐部, 千亿俱乐部, 万亿俱乐部: the firms or cities above it) is one too. Reports on listed firms
# (tw_ipo_market_2018: 資本額小於NT$10億的公司, NT$10至100億公司, NT$100億以上), on prize winners (cn_talent_report_2020:
# 年龄不足45岁的青年才俊) and on market capitalisation (my_klse_market_cap_2016: 34只股项市值进入百亿俱乐部) cut their counts
# so; lists of unicorns define themselves so (cn_hurun_2023, cn_unicorn_2022: 价值10亿美元以上的). The figure holds at no
# time: no year (tests/labels/GUIDE.md: empty when nothing in the text fixes it; the labels date no threshold).
_CLASS_MEASURE = r"(?:价值|估值|市值|资本额|资本|年龄|规模|营收)"
_CLASS_BEFORE = re.compile(_CLASS_MEASURE + r"\s*(?P<cmp>在|为|小于|低于|不足|不到|大于|高于|超过|超)?\s*"
                           r"(?:[A-Z]{0,3}\$|RMB¥|¥|人民币|新台币|港币)?\s*$")
_CLASS_AFTER = re.compile(r"\s*(?P<bound>(?:及|或)?(?:以上|以下|以内))?\s*(?P<noun>的|公司|企业)?")
_CLUB = re.compile(r"\s*俱乐部")


def class_bound(text: str, start: int, end: int, is_range: bool = False) -> bool:
    """True when the figure at text[start:end] is a bound that defines a class (see _CLASS_BEFORE), not a quantity;
    a range of the measure before the noun it qualifies is a class too (資本額NT$10至100億公司)."""
    if _CLUB.match(text, end):
        return True
    before = _CLASS_BEFORE.search(text, max(0, start - 10), start)
    after = _CLASS_AFTER.match(text, end)
    if not before or not (after["bound"] or after["noun"]):
        return False
    return bool(after["bound"] or before["cmp"] and before["cmp"] not in ("在", "为") or is_range and after["noun"])


# A list of criteria (独角兽企业应满足以下条件:成立年限不超过10年;…估值超过(含)10亿美元 in cn_unicorn_gei_2023; 独角兽企业
# 评判标准为:…成立时间不超过十年…估值超过(含)10亿美元, zhongchaincj.com 2023-05-19; 支持条件:…企业每年的科研投入经费不低于
# 年销售额的3-5%, shtic.com) sets the bounds a thing must meet, not amounts anything had at some time: its figures, up to
# the sentence's end, take no year (tests/labels/GUIDE.md convention 10: definitions and thresholds stay empty).
_CRITERIA = re.compile(r"(?:条件|标准|门槛|资格)\s*(?:为|是|如下)?\s*[:：]")


def in_criteria(text: str, s_start: int, start: int) -> bool:
    """True when the sentence before the figure at `start` opens a list of criteria (see _CRITERIA)."""
    return bool(_CRITERIA.search(text, s_start, start))


_YEAR_UNDER_REPORT = re.compile(r"全年|年末|年底|年内")
# A sentence that opens on its year without a comma (2012年中国研发资金的5%…) sets the time as 2012年， does; a
# year that opens a condition (2017年后, 2019年以来) does not.
_YEAR_START = re.compile(r"\s*(?:在|于)?(?P<a>(?:19|20)\d{2})\s*年(?!代|以来|以后|之后|后|以前|之前|前|起|开始|至|到|\d)")
# A sentence that opens on a relative time and a comma (前4月，…; 上半年，…) sets the paragraph's time too.
# A viewpoint clause may stand before it (从省内看,1至8月,浙江…: 从X看 frames what follows, it names no time).
# Also after the source the sentence opens on (韓國貿易協會與台灣財政部的數據顯示，去年前11月，韓國出口額… in
# tw_kr_exports_2025: the next sentence's 兩國出口額差距為616億美元 is of that time; 统计报告还指出,去年11月,… in
# my_cn_trade_2019).
_RELATIVE_START = re.compile(r"\s*(?:从[^，,。；;]{1,10}看\s*[，,]\s*|[^，,。；;]{0,30}?(?:显示|指出|表示)\s*[，,:：]\s*)?"
                             r"(?P<w>(?:" + _RELATIVE.pattern + r"))(?P<part>" + _PART_OF_YEAR.pattern + r"|前\d{1,2}\s*个?月)?\s*[，,]")
# A paragraph that opens on a whole year counted from the text's own (去年, 今年, 前年) without a comma sets its time
# as 去年， does, as _YEAR_START reads 2012年中国…: 去年流入發展中經濟體的FDI增長2%。同時,佔全球FDI總額的比重升至54%
# (hk_unctad_fdi_2018:4, a text of 2019-06: 2018, not the 2019 that the report's edition names; so its line 3);
# 今年港股IPO项目数同比增长43%…。这一数据对比显示,…平均融资额翻倍增长 (cn_ipo_review_2025:2). Only at the paragraph's
# head: mid-paragraph, 去年实现营业收入近270亿元 (cn_unicorn_2022:6) and 去年從京東拆分出來的京東健康 (cn_unicorn_2020:7)
# are asides in a paragraph on the list's year. Not a base or a modifier (去年同期, 去年的, 去年底).
_YEAR_WORD_START = re.compile(r"\s*(?P<w>去年|今年|前年)(?!同期|同月|的|底|末|以来|[，,])")
# The present (目前，…) describes the state of things when written, not a period later sentences report on.
_PRESENT = ("目前", "当前", "现阶段", "现在", "如今", "近期")
# 从2013年企业研发占各国研发总支出的比例看，…: a year in the viewpoint a paragraph opens with frames a comparison
# across economies, so a later sentence opening on another economy (美国研发支出中61%…) stays in that year.
_VIEWPOINT = re.compile(r"\s*从\s*(?P<a>(?:19|20)\d{2})\s*年[^，,。；;]{0,30}?(?:来)?看\s*[，,]")
# 同期 (the same period) opening a sentence refers to the period named just before.
_SAME_PERIOD = re.compile(r"\s*同期")
# A sentence that opens on an economy (我国…, 美国…) starts a new statement: the time set by earlier sentences
# (2022年，… / 截至…) no longer reaches it. 全国/国内 open on a scope (全国在用数据中心), not a new subject.
_NEW_SUBJECT = re.compile(r"\s*(?:我国|中国|美国|欧盟|英国|日本|德国|法国|韩国|印度|全球|世界)")


_BASE_OPENING = re.compile(r"\s*(?:与|和|同|跟)\s*(?:19|20)\d{2}\s*年(?:同期|全年)?\s*(?:相比|相较|比较)\s*[，,]")
_COMPARED_BACK = re.compile(r"\s*(?:与之相比|与此相比|与其相比|相比之下|相较之下|对比之下)")


# Words that refer back to the period named before them: 月内 ("within the month"), 期内 ("within the period"),
# 全季/当季 ("the whole quarter"), 该月/同月 ("that month"). Statistical releases name the period once (5月商品整体
# 出口…; 今年首5个月…) and then write 月内/期内 for it, across sentences and paragraphs; a quarterly report's 全季
# is the quarter its previous paragraph named (去年第四季…。…全季晶圆销售金额).
_ANAPHORIC = re.compile(r"月内|期内|全季|当季|该月|(?<!上年)(?<!去年)同月")  # 上年同月 is last year's month


def dated_relatively(sentence: str) -> bool:
    """True when a sentence dates its figures only relative to the document's own time (今年, 十一月, 目前, 月内),
    which needs the document's date to give a year."""
    return bool(_RELATIVE.search(sentence) or _ANAPHORIC.search(sentence))


def _named_before(text: str, s_start: int, date: str | None, report: str | None, limit: int = 8) -> str | None:
    """The year of the last dating expression (a year, or a relative time resolved as _relative does) in the
    sentences before `s_start`, going back across paragraphs at most `limit` sentences."""
    end = s_start
    for _ in range(limit):
        if end <= 1:
            break
        start = bounds(text, end - 2, SENTENCE_END)[0]
        sentence = text[start:end]
        stated = _candidates(sentence)
        if stated:
            return stated[-1][1]
        if _RELATIVE.search(sentence) and (found := _relative(sentence, date, report)):
            return found
        end = start
    return None


def _previous_period(text: str, s_start: int, paragraph_starts: list[int]) -> str | None:
    """The last period (YYYY-YYYY) the sentences of the paragraph before `s_start` name, going back at most two
    sentences (同期 after 美国从35%下降到27% still means the period named before that sentence)."""
    p_start = paragraph_start(paragraph_starts, s_start)
    start = s_start
    for _ in range(2):
        if start - 1 <= p_start:
            break
        start = max(bounds(text, start - 2, SENTENCE_END)[0], p_start)
        periods = [y for _, y in _candidates(text[start:s_start]) if "-" in y]
        if periods:
            return periods[-1]
    return None


def _paragraph_year(text: str, s_start: int, paragraph_starts: list[int], date: str | None = None,
                    report: str | None = None) -> str | None:
    """The reference date earlier sentences of the paragraph state: `截至2022年底` anywhere, or a year (or
    period) that opens a sentence (`2022年，…`): Chinese sets the time once and lets it govern what follows."""
    starts = [p for p in paragraph_starts if p <= s_start] or [0]
    p_start = starts[-1]
    found = None
    # A data cut-off stated in the paragraph just before (统计截止日期为2024年9月10日) still governs this one; but two
    # different cut-offs there (金管局…截至2020年3月31日…；淡马锡…截至2019年3月31日…) each date their own holder's
    # figure, and neither governs a paragraph about a third.
    if len(starts) > 1:
        cutoffs = {m["a"] for m in _REFERENCE.finditer(text, starts[-2], p_start)}
        found = cutoffs.pop() if len(cutoffs) == 1 else None
    pos = p_start
    frame = None
    while pos < s_start:
        end = min((i for i in (text.find(ch, pos, s_start) for ch in SENTENCE_END) if i != -1), default=s_start)
        sentence = text[pos:end]
        if _NEW_SUBJECT.match(sentence):
            found = frame
        opening = None
        for opening in _OPENING.finditer(sentence):
            pass
        opening = opening or _YEAR_PERIOD.match(sentence.lstrip()) or _YEAR_START.match(sentence)
        if opening:
            found = f"{opening['a']}-{opening['b']}" if opening.re is _YEAR_PERIOD else opening["a"]
        elif (relative := _RELATIVE_START.match(sentence)) and relative["w"] not in _PRESENT:
            # 前4月，我省…: the months of the text's year, or of the year that period was stated with before
            found = _relative(relative["w"], date, report, text[:pos]) or found
        elif pos == p_start and (relative := _YEAR_WORD_START.match(sentence)) and date:
            found = _relative(relative["w"], date) or found
        elif _ANAPHORIC.match(sentence.lstrip()):
            found = _named_before(text, pos, date, report) or found  # 期内…。商品转口价格…: the period named before
        for m in _REFERENCE.finditer(sentence):
            found = m["a"]
        if viewpoint := _VIEWPOINT.match(sentence):
            frame = found = viewpoint["a"]
        pos = end + 1
    return frame if _NEW_SUBJECT.match(text[s_start:s_start + 12]) else found


# The start of an open period (数据显示,自2019年启动全球规模商用至今2年多,5G…发展迅速; 近年來,中國數字經濟…自2013年首次超過
# 日本躍居全球第二位以來,領先優勢不斷加大): the lead tells how long something has lasted up to now, so its start year is
# not the period the text reports on (cn_5g_users_2021 reports on 2021, cn_digital_economy_2016 on 2016). A Taiwanese
# text writes the start in its own calendar (產值自101年起連續11年正成長,並自103年起超越… in tw_ic_output_2023, a note on
# 112年): the same open start, read as _ROC_BARE reads the year.
_OPEN_START = re.compile(r"自\s*(?P<a>(?:19|20)\d{2}|(?<![\d.])(?:[89]\d|1[01]\d))\s*年[^，,。；;]{0,16}?(?:以来|之后|以后|后|起|开始|至今)")


def report_period(title: str | None, first_line: str, date: str | None = None, opening: str = "") -> str | None:
    """The year a document reports on, when its title or its lead (the first sentence of its first line) states
    one: a statistical communiqué names its year in the title (2015年国民经济和社会发展统计公报), a news item
    in its lead (2025年，我国通信业…; 二〇二五年第四季经济成长率; 今个财政年度（2025/26年度）). A single year,
    or a fiscal year spanning two; a longer period (2013-2021年) or a plan (十四五) is not one reporting period.

    A release that names its period only relatively (今年前三季度广东GDP增长7.9%; 5月商品整体出口货量…; 财政部公布
    十一月总出口…; 台去年出口破6千亿美元) reports on that period, resolved against the document's date as _relative
    does. Only period words count: the present (目前) and the release day (今天, 7月16日) name no period.

    A lead may open on a sentence of background that names no time at all (全球吹起人工智慧（ＡＩ）狂潮，…推升我半導體及
    相關科技業研發動能。國科會最新統計指出，二○二四年我國…; 在全球创业生态中,独角兽公司…一直备受关注。IT 桔子发布的《2024
    年中美独角兽公司发展分析报告》…), or only how long something has lasted up to now (数据显示,自2019年启动全球规模商用至今
    2年多,5G…发展迅速。截至2021年底,… in cn_5g_users_2021; 我國5G商用牌照正式發放3年來,基站規模屢創新高…。工業和信息化部
    最新統計顯示,截至今年7月底… in m.huanyumedia.cn/c63468.html: an open start, _OPEN_START, is no period reported on):
    the news, and its period, is then in the next sentence, which is read as the lead (label convention 10: the lead's
    period dates the figures that continue the report).

    A news item on a ranking list released on the text's own day (今天胡潤研究院送出了全球獨角獸榜單, in the paragraph after
    an opening of background; 胡润研究院18日发布《2023全球独角兽榜》; 胡润研究院8月30日发布《2022年中全球独角兽榜》) relays a
    list that counts the state at its release and is named by that year: without a year in the title or lead, the list's
    figures are of the year of the document's date. `opening` is the lead paragraph and the one after it."""
    lead = _lead(first_line)
    if not _dated(_OPEN_START.sub("", lead)):
        lead = _lead(first_line, sentences=2)
    for span in (title, lead):
        opened = [m.span("a") for m in _OPEN_START.finditer(span or "")]
        found = [(end, y) for end, y in _candidates(span or "") if ("-" not in y or int(y[-4:]) - int(y[:4]) == 1)
                 and not any(a < end <= b + 3 for a, b in opened)]
        first = next((m for m in _RELATIVE.finditer(span or "") if _names_period(span, m)), None)
        if found and first and first.end() < found[0][0] and date \
                and (period := _relative(first.group(), date)) and "-" not in period:
            # A lead names the period it reports on first (公布9月外销订单702.2亿美元，…就能超越2021年的历史最高纪录):
            # a year named after it is a record or a comparison, not the report's period.
            return period
        if found:
            return found[0][1]
    named = _NAMED_BY_YEAR.match(title or "") or _RELEASED.search(first_line)
    if named:
        return named["y"]
    for span in (title, lead):
        periods = [m for m in _RELATIVE.finditer(span or "") if _names_period(span, m)]
        # The period the lead names first is the one it reports on (今年第一季度…增长1.3%,增速低于去年第四季度的1.9%).
        if periods and date and (found := _relative(periods[0].group(), date)) and "-" not in found:
            return found
    if date and _LIST_RELEASED_TODAY.search(opening):
        return date[:4]
    if date and _PRESENT_LEAD.search(_lead(first_line)):
        # A lead that names no period but the present (…政府補助數百億但目前用戶仍不到四成 in tw_5g_subsidy_2025)
        # reports on the state when written: the figures that continue it are of the document's year (label
        # conventions 4 and 10: 目前 is the document's date, the lead's time dates what continues the report).
        return date[:4]
    return None


_PRESENT_LEAD = re.compile(r"目前|当前|如今|现阶段")


def lead_paragraph(lines: list[str], first: int = 0, limit: int = 3) -> int:
    """The index of the paragraph that leads a document: `first`, unless it and the ones after it open on background
    that states no figure and no time (a definition: 製造業(Manufacturing industry),是所有與製造有關的企業機構的總體…;
    製造業增加值是指…), in which case the first of the next `limit` paragraphs that names a time (按現價美元計算的2024年
    各國、地區製造業增加值排行前50強,如下表1、圖1:). Reports and explainers define their subject before the news, as a news
    item may open on a sentence of background (report_period reads its next sentence then); the period they report on
    is in the first paragraph that has one. A paragraph with a figure but no time (a headline: 中国数字经济规模快速增长
    占GDP比重近四成) is already the lead."""
    at = first
    while at < min(len(lines) - 1, first + limit) and not _dated(lines[at]) and not _FIGURE_TOKEN.search(lines[at]):
        at += 1
    return at if _dated(lines[at]) else first


def _dated(span: str) -> bool:
    """True when `span` names a year, a period or a period word (not only the present or a day)."""
    return bool(_candidates(span)) or any(_names_period(span, m) for m in _RELATIVE.finditer(span))


def _lead(line: str, sentences: int = 1) -> str:
    """The first `sentences` sentences of a line."""
    end = 0
    for _ in range(sentences):
        end = min([i + 1 for i in (line.find(ch, end) for ch in SENTENCE_END) if i != -1] or [len(line)])
    return line[:end].rstrip(SENTENCE_END) if sentences == 1 else line[:end]


# A ranking list released on the text's own day (今天/今日, or the day of the month alone: 18日发布): see report_period.
_LIST_RELEASED_TODAY = re.compile(r"(?:今天|今日|(?<![\d月])\d{1,2}日)[^，,。；;《]{0,12}?(?:发布|公布|送出|揭晓|推出|发表)"
                                  r"了?[^，,。；;《]{0,10}?榜")


# A news item on a list or report just released (胡润研究院18日发布《2023全球独角兽榜》; IT桔子发布的《2024年中美
# 独角兽公司发展分析报告》) relays that document's figures. An annual list, index or report is named by the year it
# covers, written first and in headlines often without 年 (2023胡润全球独角兽榜, 2023全球创新指数), so a figure nothing
# nearer dates is that year's. The lead paragraph names the document (in its first sentence or the next); a year
# written after the name (《数字贸易发展与合作报告2025》, 报告（2023年）) is the edition's, which usually covers the year
# before, and is not read.
_RELEASED = re.compile(r"(?:发布|公布|发表|推出|出炉|揭晓|根据|据)[^，,；;。《]{0,4}《\s*(?P<y>(?:19|20)\d{2})(?!\d)(?!\s*年代)")
_RELEASE_OF_YEAR = re.compile(r"(?:发布|公布|发表|推出|出炉|揭晓)[^，,；;。《]{0,4}《?\s*(?P<y>(?:19|20)\d{2})(?!\d)(?!\s*年)"
                              r"(?=[\u4e00-\u9fff])")
_NAMED_BY_YEAR = re.compile(r"\s*(?P<y>(?:19|20)\d{2})(?=[\u4e00-\u9fff])(?!年)")


# A wire dateline (据新华社北京11月13日电, 中新社北京11月15日电, 本报讯): where it stands on a line of its own, it names
# the day of the dispatch, and the lead is the line after it.
DATELINE = re.compile(r"\s*[（(]?\s*(?:据)?[^，,。；;]{0,20}?(?:(?:社|报|网|台)[^，,。；;]{0,8}?|\d{1,2}\s*月\s*\d{1,2}\s*日\s*)"
                      r"(?:电|讯)\s*[）)]?\s*")


# Relative words that name a reporting period (a year, quarter or month), not the present or a day.
_PERIOD_WORDS = ("今年", "去年", "上年", "本年", "前三季度", "上月", "上个月", "本季", "本季度", "本月")


def _names_period(span: str, m: re.Match) -> bool:
    """True when a _RELATIVE match names a reporting period (not the present, a day, or a modifier: 去年的…)."""
    return not span.startswith("的", m.end()) and bool(m["q"] or m["h"] or m["mo"] or m["mn"]
                                                     or m.group() in _PERIOD_WORDS)


def _plan_period(numeral: str) -> str:
    """'四' (the 14th plan, 十四五) -> '2021-2025'."""
    start = 2021 + 5 * (_PLAN_NUMBER[numeral] - 14)
    return f"{start}-{start + 4}"
