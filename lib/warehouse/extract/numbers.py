"""The number pattern passes: ranks, ordered lists, durations, slash lists and quantities with their units."""
from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from lib.contract import DOCUMENT_CURRENCIES, MONEY_UNITS
from lib.warehouse.extract.document import SENTENCE_END, Document, bounds

# Canonical unit and multiplier for each printed unit (DESIGN.md: values in base units).
UNITS: dict[str, tuple[str, float]] = {
    "%": ("percent", 1.0),
    "个百分点": ("percent", 1.0),
    "百分点": ("percent", 1.0),
    "人民币": ("CNY", 1.0),
    "美元": ("USD", 1.0),
    "英镑": ("GBP", 1.0),
    "欧元": ("EUR", 1.0),
    "日元": ("JPY", 1.0),
    "港元": ("HKD", 1.0),
    "港币": ("HKD", 1.0),
    "新台币": ("TWD", 1.0),
    # 台币 is 新台币 without 新 (平均约765萬台幣: tw_startup_ecosystem_2018; 突破千億台幣大關: 自由時報 2025-08-15,
    # ec.ltn.com.tw/article/breakingnews/5145444). Matched before the measure word 台 (machines) as the longer word.
    "台币": ("TWD", 1.0),
    "令吉": ("MYR", 1.0),
    "马币": ("MYR", 1.0),
    # 林吉特 is the mainland press's name of the ringgit (16751亿林吉特(1美元约合4.09林吉特): 中新社, my_cn_trade_2019;
    # 出口额…达896.3亿林吉特: 央视新闻 2021-02-26), as 令吉 is Malaysia's own.
    "林吉特": ("MYR", 1.0),
    # 澳门元 (澳門元) is Macau's pataca, MOP: 3794.78億澳門元 (a report of Macau's DSEC figures, hbzqbyyxgs.com/news/699873),
    # 本地生产总值(亿澳门元) (广东统计年鉴 2016, 澳门特别行政区主要社会经济指标), 億澳門元/ 108 MOP (investhere.ipim.gov.mo).
    "澳门元": ("MOP", 1.0),
    # 澳门币 (澳門幣) too: 每名永久居民發放1萬(澳門幣,下同) (香港商報 2022-03-31, hkcd.com), 澳門幣6,160,533千元之盈餘 (Macau's
    # 2004 budget execution report), 流通货币约30亿澳门币 (lipindaifa.com 2025-11-20).
    "澳门币": ("MOP", 1.0),
    "新元": ("SGD", 1.0),
    "新币": ("SGD", 1.0),
    "韩元": ("KRW", 1.0),
    "元": ("CNY", 1.0),
    "倍": ("times", 1.0),
    "公里": ("m", 1e3),
    "千米": ("m", 1e3),
    "吨": ("t", 1.0),
    "千克": ("t", 1e-3),
    "公斤": ("t", 1e-3),
    "千瓦时": ("Wh", 1e3),
    "度电": ("Wh", 1e3),
    "吉瓦": ("W", 1e9),
    "兆瓦": ("W", 1e6),
    "千瓦": ("W", 1e3),
    "km": ("m", 1e3),
    "ZB": ("byte", 1e21),
    "GW": ("W", 1e9),
    "MW": ("W", 1e6),
    "kW": ("W", 1e3),
    "Tbps": ("bit/s", 1e12),
    "GB/s": ("bit/s", 8e9),
    # 斤 (catty) is half a kilogram: official grain output is stated in 斤 (1.37万亿斤, 增产74亿斤).
    "斤": ("t", 5e-4),
    # Areas, volumes and ages have no unit of their own in the warehouse (GUIDE: `other`): 公顷, 亩 in farm
    # statistics, 立方米 of timber, 岁 of age. Read as such, they are not counts or money.
    "公顷": ("other", 1.0),
    "亩": ("other", 1.0),
    "立方米": ("other", 1.0),
    "岁": ("other", 1.0),
    # Per mille (‰, 千分点: birth and death rates) and areas (平方米, 平方公里) have no warehouse unit either:
    # `other`, the value as printed. Plain definitions of units met in statistical communiqués.
    "‰": ("other", 1.0),
    "个千分点": ("other", 1.0),
    "千分点": ("other", 1.0),
    "平方公里": ("other", 1.0),
    "平方米": ("other", 1.0),
    # 人年 (person-years) measures work, not people: R&D staff in full-time equivalents (387.8万人年:
    # cn_talent_report_2020; R&D人员折合全时当量 (万人年) in 广州统计年鉴 2022 table 17-8). GUIDE: no unit of its own, `other`.
    "人年": ("other", 1.0),
}
# Measure words of counts. Longer words first so that `标准机架` wins over `架`.
MEASURE_WORDS = [
    "标准机架", "比特", "家", "个", "件", "户", "台", "辆", "种", "所", "项", "架", "张", "人", "名", "篇",
    "座", "款", "套", "颗", "条", "位", "卡", "部", "批", "人次", "艘", "只", "头", "次", "处", "份", "场", "例",
    "类", "列",
    # 宗 counts cases and deals (Hong Kong: 1,234宗交易), 标箱/TEU count containers.
    "宗", "标箱", "TEU",
    # 席 counts seats, in a parliament or among a ranking's places (前十名中，中国占有五席: cn_hurun_2023); the
    # idiom 一席之地 has the lone 一, which is never read as a count.
    "席",
    # 笔 counts deals and transactions (完成7,356筆交易: tw_vc_pulse_2025q2; 交易件數僅6,238筆 in findit.org.tw's
    # venture-capital review of 2024 Q1); 档 counts listed stocks in Taiwan (新增100 檔上市櫃公司: tw_ipo_market_2018;
    # 4檔飆股, 18檔注意股 in ettoday.net); 股 counts stocks and shares (34股晋百亿俱乐部: my_klse_market_cap_2016;
    # 成交量为346万股 in 东方日报's market report of 2020-07-23).
    "笔", "档", "股",
    # 间 (間) counts firms and shops in Hong Kong and Taiwan as 家 does (香港约450-850間: tw_startup_ecosystem_2018;
    # 本港初創企業…達3,755間: 香港01 on 投資推廣署's 2021 survey; 初創企業數目…達3,184間: 文匯報 2020-06-05). After
    # number only: 之间, 期间, 年间 have none right before 间 (8年间 is read as a span first).
    "间",
]
# 兆 is 10^12 in Taiwan, Hong Kong and Southeast-Asian usage (mainland 兆 = 10^6 survives only in units: 兆瓦).
MAGNITUDES = {"万亿": 1e12, "兆": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "千万": 1e7, "百万": 1e6,
              "亿": 1e8, "万": 1e4}
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# Digits with thousands separators (1,004) or plain; a comma group is exactly three digits.
_NUM = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
# 人年 is no unit where 年 starts a word of its own (5万人年均收入, 1221万人年末: people, then "yearly", "year-end").
_UNIT_WORDS = "|".join(u + "(?![均末底初中内度])" if u == "人年" else u for u in sorted(UNITS, key=len, reverse=True))
_MEASURES = "|".join(sorted(MEASURE_WORDS, key=len, reverse=True))
_SKIP_AFTER = re.compile(r"\s*(?:年|月|日|世纪|级|代|号|期|版|周年|kg)")
_QUANTITY = re.compile(
    # A minus sign after a word or a space, not after a digit, % or a letter (2012-2022, 8%-9%, COVID-19):
    # 增长-3.19% is a fall, printed with its sign.
    r"(?:(?<![0-9A-Za-z%.])(?P<sign>[-−]))?"
    r"(?P<num>" + _NUM + r")(?P<grp>(?: \d{3})+(?=[\u4e00-\u9fff]))?"
    r"(?:\s*×\s*10(?P<exp>\d{1,2}))?"
    # Ranges: 2~3家, 8%~9%, and with a dash 8%–9%, 5%-6% (the dash range is checked when read: its second
    # number must carry the unit, so that 2012-2022年 and 1-4月 stay periods). 至/到 join a range only between
    # two percentages (7.3%至20.4%, 1%至3%: cn_cpi_2019, sg_cn_trade_2013), where neither can be a date.
    # So do they before a number with a magnitude, printed once after the high end as with ~ (NT$10至100億:
    # tw_ipo_market_2018; 預估11月外銷訂單667到687億美元: 中央社 2025-11-20), where no date has a magnitude, and
    # before a number with a currency or a measure word, printed once after the high end (新台幣從…32至33元兌1美元,
    # 升值至…30至31元: tw_kr_exports_2025:6; 匯價可能落在28至31元間: 自由時報
    # 2026-01-02, ec.ltn.com.tw/article/breakingnews/5297109), where no date has one either (1至8月, 2019至2023年 stay periods).
    r"(?P<range>\s*(?P<rpct>%)?\s*(?P<dash>[~～]|[–—-]|(?<=%)[至到](?=\s*(?:" + _NUM + r")\s*%)"
    r"|(?<=\d)[至到](?=\s*(?:" + _NUM + r")\s*(?:万亿|兆|亿|万|" + _UNIT_WORDS + "|" + _MEASURES + r")))\s*(?P<num2>"
    + _NUM + r"))?"
    r"(?P<frac>/(?P<den>\d+)(?![\d.]))?"
    r"(?P<q1>[\s?]*(?:多|余))?"
    # A digit before 千亿/百万… is a multiple of that magnitude (6千亿美元 = 6000亿, 3百万): a plain reading.
    r"(?P<mag>[\s?]*(?:万亿|兆(?!瓦|赫|字节|比特|位|帕)|[千百十]亿|[千百]万|亿|万))?"
    # Mixed magnitudes: 42亿2657万, 2兆2500亿 (the tail's magnitude is smaller; checked when read), and a tail of
    # units after the magnitude, 2萬4337美元 = 24,337 or 9萬7,411件 (how Taiwanese and Hong Kong papers print them;
    # only before a unit or measure word, so that 1万2025年 stays two). The smaller magnitude's digits may carry a
    # thousands comma as any number does (1兆1,372億元, 6兆4,825億元: tw_ic_2025q3; 3兆6,656億台湾元 in Taiwan
    # Today's report of the Ministry of Economic Affairs): GUIDE, mixed magnitudes summed.
    r"(?P<tail>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:亿|万)|(?:\d{1,3}(?:,\d{3})+|\d{1,12})(?![\d.,])(?=(?:" + _UNIT_WORDS + "|"
    + _MEASURES + r")))?"
    r"(?P<q2>多|余)?"
    r"(?P<unit>[\s?]*(?:" + _UNIT_WORDS + "|" + _MEASURES + r"))?"
)
_SLASH_LIST = re.compile(r"(?P<a>" + _NUM + r")/(?P<b>" + _NUM + r")\s*(?P<unit>Tbps|GW|MW|kW|km)")
# The list may run over several numbers, some printed with a minus sign (0.15、-5.64、1.34个百分点: contributions of
# the three sectors, cn_yunhe_communique_2022).
_LIST_UNIT = re.compile(r"\s*(?:和|、|与|及|或)\s*(?:[-−]?(?:" + _NUM + r")\s*(?:和|、|与|及|或)\s*){0,4}[-−]?(?:" + _NUM
                        + r")\s*(?P<unit>个百分点|百分点|%)")
# The printed names of the currencies (人民币, 美元, 港币, 元…), longest first: here and _CURRENCY_WORD (extract/__init__.py).
CURRENCY_WORDS = sorted((u for u, (c, _) in UNITS.items() if c in MONEY_UNITS + DOCUMENT_CURRENCIES), key=len, reverse=True)
_CURRENCY_UNITS = "|".join(CURRENCY_WORDS)
# 一季度、二季度分别达到9.76万亿和10.34万亿元 (cn_customs_2023h1): amounts with their magnitudes share the currency
# printed once, after the last of the list, as percentages share 百分点.
_LIST_MONEY = re.compile(r"\s*(?:和|、|与|及|或)\s*(?:" + _NUM + r")\s*(?:万亿|亿|万)\s*(?P<unit>" + _CURRENCY_UNITS + r")")
# 两国出口差距维持在2000億至3000億美元之間 (tw_kr_exports_2025:3), 營收規模將達7,800億至9,900億美元, 從…10億至40億
# 美元…至100億至250億美元 (貝恩's 2024 technology report, torrentbusiness.com/article/127098): a range whose
# ends each carry their magnitude, the currency printed once after the high end; the range is one figure, low and
# high (GUIDE: ranges), in that currency. Not after 从/由, where 至 joins a start and an end (从2000亿到3000亿美元).
_RANGE_MONEY = re.compile(r"\s*[至到~～]\s*(?P<num>" + _NUM + r")\s*(?P<mag>万亿|兆|亿|万)\s*(?P<unit>" + _CURRENCY_UNITS + r")")
# 三次产业结构比为25.72:26.84:47.44: a structure ratio whose parts add up to 100 states each part's share in percent.
# Communiqués also print the ratio sign ∶ (U+2236) for the colon, even mixed with `:` in one ratio (5.5:50.6∶43.9,
# cn_yunhe_communique_2022).
_RATIO = re.compile(r"(?<![\d.:∶])(?P<parts>\d+(?:\.\d+)?(?:[:∶]\d+(?:\.\d+)?){1,5})(?![\d:∶])")
# 第2至第4名, 第5名至第22名 (cn_mva_top50_2024:7), 依序位居下跌榜第2至第4位 (东方日报 2020-07-23): a range of places, the
# measure word printed once at its end or after each end; low and high like 8%~9% (GUIDE: ranges).
_RANK_RANGE = re.compile(r"第\s*(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:位|名)?\s*(?:至|到|~|－|-|—)\s*"
                         r"第\s*(?P<n2>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?P<w>位|名)")
# 第N大 before a noun (第2大和第3大市值公司: my_klse_market_cap_2016) is "the N-th largest" in digits as 第二大经济体 is
# in numerals (_RANK_CN): a place wherever it stands (GUIDE: ranks).
_RANK_DIGIT = re.compile(r"第\s*(?P<n>\d+)\s*(?P<w>位|名|大(?=[\u4e00-\u9fffA-Za-z]))?")
# 美國學生只排25位 (cn_us_tech_2022:6), 中国则下降2个位次,排名23位 (环球网 2014-05-22 on the IMD ranking, taiwan.cri.cn):
# N位/N名 right after a verb of ranking is the place without its 第. 安排/编排 (arrange) are other words.
_RANK_BARE = re.compile(r"(?:(?<![安编])排(?:名|在)?|名列|位列)\s*(?P<n>\d{1,3})\s*(?P<w>位|名)(?!次)")
# 第二高 / 第三低 (the second highest, the third lowest) place a value among others as 第二大 does: 为近五年内第二高
# (cn_ipo_review_2025:2), 為歷史第二高上市市值 (經濟日報 2025-09-05, udn.com 8986572); GUIDE: ranks. 第二高峰 and
# 第二低谷 (a second peak, a second trough) count events and stay out.
_NTH_HIGHEST = re.compile(r"[高低](?![峰潮谷])")
# 第三方 (a third party) and 第一书记 (a first secretary) are words, not places.
_RANK_CN = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,3})(?P<w>位|名|大)?(?!次|代|个|批|层|步|产业|、|方|书记)")
# 前十大 (the ten largest) is a top N like 前十名 (cn_eu_trade_2020 前十大货物贸易伙伴); so is 前十强 (the ten
# strongest: 全球数字服务贸易前十强, cn_digital_trade_2024), the usual name of a ranking's top N.
_TOP_N = re.compile(r"前(?P<n>[一二两三四五六七八九十]{1,2}|\d{1,2})(?P<w>位|名|大|强)?")
# 第三、四位 (third and fourth place): Chinese prints 第 and the measure word once for a list of ordinals, so each
# numeral of the list is a place (cn_hurun_2023: 北京和上海…排名…第三、四位).
_RANK_LIST = re.compile(r"第(?P<list>[一二三四五六七八九十]{1,3}(?:、[一二三四五六七八九十]{1,3})+)(?P<w>位|名)")
# 分别位居世界第二、第一和第二位 (cn_rd_talent_2018): a list of ordinals, each with its 第, joined by 、 and 和 and closed
# by the measure word printed once, gives a place to each member of the list it answers (分别), as 第三、四位 does.
# 第二、第三产业 (the sectors) is closed by no 位 or 名; 第三、第四位嘉宾 counts people in order, with a noun after 位.
_RANK_SERIES = re.compile(r"第[一二三四五六七八九十]{1,3}(?:[、和与及]第[一二三四五六七八九十]{1,3})+(?P<w>位|名)"
                          r"(?![\u4e00-\u9fff])")
# 全球十大独角兽榜单, 十大…名单: N大 naming a ranked list is a place in its top N, not a count of N things
# (cn_unicorn_2022 lines 1 and 6; 四大 before a noun stays a count: 004:665 四大).
_TOP_LIST = re.compile(r"(?<![一二三四五六七八九十\d])(?P<n>十|[一二三四五六七八九]十|\d{2,3})大(?=[^，,。；;]{0,10}?"
                       r"(?:榜单|名单|排行榜|榜))")
# A round N大 (十大, 百大, 10大, 50大: the ten, the hundred largest) names the top N of a ranking even without 榜 after
# it: 新加坡10大出口市场 (sg_cn_trade_2013), 2016年10大市值公司 and 联昌重返十大 (my_klse_market_cap_2016),
# 跻身今年全球十大IPO项目 (cn_ipo_review_2025). Sets of categories are counted with other numerals (三大门类, 四大船舶
# 产业集群, 十二大领域) and stay counts; 二十大 and 十九大 (party congresses) have a numeral before 十, and 党的十大 (the
# tenth congress) 党的 before it. So does N大 before 重点 (key): a policy names its set of key sectors so (首批十大重点
# 产业链: cn_industry_chain_2023; 《中国制造2025》…聚焦十大重点领域: 国务院 2015-06-03, and the 十大重点领域技术路线图 of
# 工信部, build.cn/Item/7006.aspx), and lists them; no ranking is meant.
# 大 starting a word of its own after the number (大会, 大学, 大型, 大幅, 大于, 大多, 大概, 大约, 大都, 大力, 大批, 大以来) is
# no top N and no set of N (_TOP_ROUND, _SET_COUNT).
_NOT_SET = r"会|学|师|型|幅|量|小|于|多|概|约|致|都|力|批|以来"
_TOP_ROUND = re.compile(r"(?<![一二三四五六七八九十百千万\d.第前])(?<!党的)(?P<n>十|百|[1-9]0{1,3})\s*大"
                        r"(?!" + _NOT_SET + r"|精神|报告|代表|重点)(?=[\u4e00-\u9fffA-Za-z，,。；;]|$)")
_SET_COUNT = re.compile(r"(?<![\d.第前])(?P<n>[1-9])\s*大(?=[\u4e00-\u9fff])(?!" + _NOT_SET + ")")
# Top 6 / TOP10 in Chinese text is 前六 / 前十 (入选人次Top 6的国家(地区)保持不变: cn_highly_cited_2023:5; 榜单top5分别是…:
# a novel on 7xzw.com). TOP 5‰ (the top five per mille: cn_unicorn_us_2024:3) is a share, not a place.
_TOP_LATIN = re.compile(r"(?<![A-Za-z])[Tt][Oo][Pp]\s*(?P<n>\d{1,3})(?![\d.%‰])")
_GROWTH = re.compile(r"增长率|成长率|增速|经济增长|经济成长")
# 升至第五, 上升3位至第8 (moved to a place), 历史第2 (second in history): a position reached or held, like 位居.
# Misses in cn_unicorn_2022 (第五, 第8) and tw_exports_2025 (历史第2长红).
# 蝉联第一 (holds first place again) and 并列第八位 (tied eighth) state a place held too (cn_hurun_2023).
# 排第二 / 排在第三 (ranks second) is 排名 shortened; 安排 and 编排 (arrange) are other words.
_RANK_CONTEXT = re.compile(r"(?:世界|全球|排名|位居|居|位列|跃居|保持|界|进入|跻身|入围|升至|降至|位至|历史|史上|蝉联|并列|(?<![安编])排)"
                           r"[\s\u4e00-\u9fff]{0,3}$")


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


def _in_title(text: str, start: int) -> bool:
    """The position is inside a title in 《》 (《欧洲数字十年之路》 names a document, not ten years)."""
    before = text[max(0, start - 30):start]
    return before.rfind("《") > before.rfind("》") and "》" in text[start:start + 30]


def _excluded(text: str, start: int, end: int) -> bool:
    """Digits that are not a quantity: references, titles, figure/section numbers, tech names, dates."""
    before = text[max(0, start - 12):start]
    after = text[end:end + 3]
    unit_follows = re.match(r"\s*(?:km|ZB|GW|MW|kW|Tbps|GB/s|TEU)", text[end:end + 6])
    per_unit = re.search(r"每\s*[A-Za-z]{1,4}$", before)  # 每GB4.4元: a price per gigabyte, not a name like 5G
    # 人均GDP8.94万元, CPI上涨后为102.5: an indicator's abbreviation in capitals glued to an amount in 万/亿/元/% is the
    # measure and its value, not a model name (H100, R16 carry one letter and no magnitude or currency).
    per_unit = per_unit or (re.search(r"(?<![A-Za-z])[A-Z]{2,5}$", before)
                            and re.match(r"[\d.,]*\s*(?:万|亿|兆|元|%|美元|港元|欧元|日元)", text[end:end + 6]))
    if (re.search(r"[A-Za-z\-]$", before) and not per_unit) or (re.match(r"[A-Za-z]", after) and not unit_follows):
        return True  # 5G, R16, 4K, H100, web3.0, Hexa-X, AI4S
    if before.endswith(("图", "表", "图 ", "表 ", "图4(", "^")):
        return True
    if re.search(r"[\[［][^\]］]*$", before) and re.match(r"[\d,，~\-–—\s]*[\]］]", text[start:start + 12]):
        return True  # reference markers [10], ^[4-7], [11,12]
    if _in_title(text, start):
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
        self.taken = bytearray(len(text))  # 1 where an earlier pass claimed the character
        self.hits: list[Hit] = []

    def run(self) -> list[Hit]:
        self._ranks()
        self._growth_targets()
        self._order_ranks()
        self._durations()
        self._economy_counts()
        self._slash_lists()
        self._ratio_shares()
        self._word_numbers()
        self._quantities()
        self._bracket_counts()
        return self.hits

    def _free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) == -1

    def _claim(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def _add(self, start: int, end: int, value: float, value_high: float | None, unit: str, measure: str | None,
             flags: list[str], digits_at: int, qualifier: str | None = None, entity: str | None = None) -> None:
        if not self.doc.body[digits_at]:
            return
        self._claim(start, end)
        self.hits.append(Hit(start, end, value, value_high, unit, measure, flags, digits_at, qualifier, entity))

    def _ranks(self) -> None:
        text = self.text
        for m in _RANK_RANGE.finditer(text):
            low, high = cn_number(m["n"]), cn_number(m["n2"])
            if low is not None and high is not None and low < high and not _excluded(text, m.start("n"), m.end("n")):
                self._add(m.start(), m.end(), float(low), float(high), "rank", m["w"], ["rank_range"], m.start())
        for m in _RANK_DIGIT.finditer(text):
            has_word = bool(m.group("w"))
            # 星国第3，台湾垫底 (tw_exports_2025): 第N right after an economy, ending its clause, is its place, as
            # for 第N in numerals below.
            placed = self._after_economy(m.start()) and re.match(r"\s*[，,；;。]", text[m.end():m.end() + 2])
            if not has_word and not placed and not _RANK_CONTEXT.search(text[max(0, m.start() - 8):m.start()]):
                continue
            if _SKIP_AFTER.match(text, m.end("n")) or _excluded(text, m.start("n"), m.end("n")) \
                    or not self._free(m.start(), m.end()):  # an end of a range of places read above
                continue
            self._add(m.start(), m.end(), float(m.group("n")), None, "rank", m.group("w"), [], m.start("n"))
        for m in _RANK_BARE.finditer(text):
            if self._free(m.start("n"), m.end()) and not _excluded(text, m.start("n"), m.end("n")):
                self._add(m.start("n"), m.end(), float(m["n"]), None, "rank", m["w"], [], m.start("n"))
        for m in _RANK_LIST.finditer(text):
            pos = m.start("list")
            for numeral in m["list"].split("、"):
                value = cn_number(numeral)
                a, b = pos, pos + len(numeral) + (len(m["w"]) if pos + len(numeral) == m.end("list") else 0)
                if value is not None and self._free(a, b):
                    self._add(a if a > m.start() + 1 else m.start(), b, float(value), None, "rank", m["w"], [], a)
                pos += len(numeral) + 1
        for m in _RANK_SERIES.finditer(text):
            for o in re.finditer(r"第(?P<n>[一二三四五六七八九十]{1,3})", m.group()):
                a, b = m.start() + o.start(), m.start() + o.end() + (len(m["w"]) if o.end() == m.start("w") - m.start() else 0)
                value = cn_number(o["n"])
                if value is not None and self._free(a, b):
                    self._add(a, b, float(value), None, "rank", m["w"] if b == m.end() else None, [], a)
        for m in _RANK_CN.finditer(text):
            # 第N大 before a noun (第一大贸易伙伴, 第二大经济体) is "the N-th largest": a rank wherever it stands;
            # so is 第N right after an economy, ending its clause (日本居第三位，…；德国第四，占6%), and 第N位/第N名
            # closing its phrase (深圳(33家,第六位), 前两名与第三名往后…): the place in a ranking, as 第3名 in digits;
            # so is 为/是第N closing its clause (2020年为第四。: "was fourth").
            # 第N位 before a noun (第三位嘉宾) counts people in order and is left out.
            # An ordinal coordinated with a place just read (排在第三和第四, 位居第二与第三) is a place too: 和/与/及
            # join two of the same kind, as 、 does in 第三、四位 (_RANK_LIST).
            joined = text[m.start() - 1:m.start()] in ("和", "与", "及") and any(
                h.unit == "rank" and h.end == m.start() - 1 for h in self.hits)
            if not joined and not _RANK_CONTEXT.search(text[max(0, m.start() - 8):m.start()]) \
                    and not (m["w"] == "大" and re.match(r"[\u4e00-\u9fff]", text[m.end():m.end() + 1])) \
                    and not (not m["w"] and _NTH_HIGHEST.match(text, m.end())) \
                    and not (text[m.start() - 1:m.start()] in ("为", "是") and re.match(r"[，,；;。]", text[m.end():m.end() + 1]))\
                    and not (m["w"] in ("位", "名") and not re.match(r"[\u4e00-\u9fff]", text[m.end():m.end() + 1])
                             or m["w"] == "名" and text[m.end():m.end() + 2] in ("往后", "以后", "之后")) \
                    and not (self._after_economy(m.start()) and re.match(r"[，,；;。]", text[m.end():m.end() + 1])):
                continue
            value = cn_number(m.group("n"))
            if value is not None and self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), float(value), None, "rank", m.group("w"), [], m.start())
        # 首位 / 居首 (first place) after a verb of ranking is rank 1; so are 之首 (居全国之首, "the head of the
        # country") and 榜首 (名列榜首, the top of the list): label convention 1 of 2026-12-01 names them ranks.
        # 之首 closes the name of what is headed, which may be long (位居…全国…的省域之首); 之首要 (the foremost
        # task) and 之首脑 (heads of state) are other words.
        # Taiwanese papers write 冠 for 首 (居冠 "ranks first", 亚洲四小龙之冠 "the first of the four tigers"):
        # tw_export_orders_2025m11, tw_gdp_2025q3.
        # 全球之冠 / 世界之冠 (the first in the world) is rank 1 after 为/是 too (畢業人數超過50萬人次,為全球之冠; 美國的R&D支出是
        # 全球之冠: cn_us_tech_2022:5,9), as the papers gloss it (企業反應能力、行動寬頻普及度,高居全球之冠(第1名): newtalk.tw
        # 2020-06-16 on the IMD yearbook); the scope word right after the verb keeps 为/是 to that reading.
        for m in re.finditer(r"(?:位居|居于|居|名列|排名|位列|排在|跃居|稳居|荣登|登上|问鼎)\s*(?:世界|全球|全国|亚洲|行业|各省|同类)?"
                             r"\s*(?P<w>首位|榜首|首|冠(?!军))|(?:(?:位居|居于|居|名列|位列|跃居|稳居)[^，,。；;]{0,24}?|(?:为|是)(?:全球|世界|全国|亚洲))(?P<head>之[首冠])"
                             r"(?![要先次批个届脑长军])"
                             # 榜首 (the top of the list) closes the name of the list it heads, which may be long:
                             # 跃居全球交易所榜首 (cn_ipo_review_2025), 霸佔全球製造業榜首 (cn_mva_top50_2024), 登上全球交易所
                             # IPO募资额榜首 (羊城晚报 2025), 排在全球新股融资的榜首位置 (财新网 2017-09-21).
                             # 蝉联榜首 (holds the top again: 連二年蟬聯榜首, tw_patent_2025q3:1; 瑞士已蝉联榜首十余载,
                             # ch_gii_2025:2) names it with no list between. 冠军 (champion) after such a verb is the top
                             # place as 榜首 is (穩坐本國申請人冠軍寶座: tw_patent_2025q3:1; 同样晋身全场冠军: my_sg_sez_2023:8);
                             # a 冠军 with no verb of placing before it (打造“隐形冠军”企业, seed 003) is a name.
                             r"|(?:位居|居于|名列|排名|位列|排在|跃居|稳居|荣登|登上|登顶|问鼎|霸占|重夺|夺得|占据|蝉联|稳坐|晋身)"
                             r"[^，,。；;！？“”\"]{0,14}?(?P<top>榜首|冠军)", text):
            head = "head" if m["head"] else "top" if m["top"] else None
            if head:
                if self._free(m.start(head), m.end()):
                    self._add(m.start(head), m.end(), 1.0, None, "rank", m[head], [], m.start(head))
                continue
            if self._free(m.start("w"), m.end()):
                self._add(m.start("w"), m.end(), 1.0, None, "rank", m["w"], [], m.start("w"))
        for m in [*_TOP_LIST.finditer(text), *_TOP_ROUND.finditer(text)]:
            value = 100 if m["n"] == "百" else cn_number(m["n"]) if not m["n"].isdigit() else int(m["n"])
            if value is not None and self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), float(value), None, "rank", "大", ["top_n"], m.start(), qualifier="top")
        for m in _TOP_LATIN.finditer(text):
            if self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), float(m["n"]), None, "rank", None, ["top_n"], m.start(), qualifier="top")
        for m in _TOP_N.finditer(text):
            if not m.group("w") and not _RANK_CONTEXT.search(text[max(0, m.start() - 8):m.start()]):
                continue
            value = cn_number(m.group("n"))
            if value is not None and self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), float(value), None, "rank", m.group("w"), ["top_n"], m.start(),
                          qualifier="top", entity=self._top_list(m.end(), value))

    def _after_economy(self, start: int) -> bool:
        return any(self.text.endswith(name, 0, start) for name in self.country_names)

    def _top_list(self, end: int, n: int) -> str | None:
        """Who the top N are: `前五的企业分别是上汽、东风、一汽、长安和北汽`, `前六位的国家分别是爱尔兰、印度…`. The
        N names listed after 分别是/为 are the figure's subject together (an economy by its code, a company as
        written), not a place in a company's name (上海大众). A top N of firms with no list names no one: ""."""
        text = self.text
        # 位列前三的是韩国、以色列和日本 (a cleft: "the top three are…") lists them as 分别是 does; the list ends with
        # its clause (…和日本,分别为4.29%…).
        # 依次为 ("in order, are") lists them as 分别是 does (出口排名前10的经济体依次为美国、英国…).
        # Taiwan writes 依序 for 依次; each name may carry its figure in brackets (依序为:致和证券(NT$22.4亿)、高端疫苗(…)).
        listed = re.match(r"[^。；;，,]{0,12}?(?:分别(?:是|为)|依次(?:是|为)|依序(?:是|为)|的是)\s*[:：]?(?P<names>[^。；;，,]*)",
                          text[end:])
        if listed:
            plain = re.sub(r"[（(][^（()）]*[）)]", "", listed["names"])
            names = [x.strip() for x in plain.split("、")]  # (致和证券: 和 inside a name, where 、 lists all n)
            if len(names) != n:
                names = [x.strip() for x in re.split(r"、|和|及|与", plain)]
            # Each member may carry its figure straight after its name, no bracket (前十大企业依序为台积电二八三件、友达光电
            # 九十一件、…以及群创光电四十四件: tw_patent_2025q3 line 3; subjects._LISTED_BARE): the names are the members.
            bare = r"(?:\d[\d,.]*|[一二三四五六七八九十〇○零两百千]+)\s*(?:件|家|个|篇|项)(?:以)?$"
            if len(names) == n and all(re.search(bare, x) for x in names):
                names = [re.sub(bare, "", x).strip() for x in names]
            if len(names) == n and all(0 < len(x) <= 8 for x in names):
                return "+".join(self.country_names.get(x, x) for x in names)
        if re.match(r"\s*(?:位|名)?的?(?:企业|公司|厂商|厂家|品牌|车企|集团)", text[end:end + 6]):
            return ""
        return None

    def _growth_targets(self) -> None:
        """`保5`, `破八`: a growth rate named by its bare whole number after 保 (hold at least) or 破 (break
        through), as Chinese and Taiwanese writing say of GDP growth (保八, 经济成长率破八). Read only in a sentence
        about growth, where the number can only be a rate in percent."""
        text = self.text
        for m in re.finditer(r"(?<![确担环])(?:保|破)[「“\"]?(?P<n>\d{1,2}|[一二三四五六七八九十])(?![\d.%万亿千百])"
                             r"(?=[」”\"，,。；;、]|$)", text):
            s_start, s_end = bounds(text, m.start(), SENTENCE_END)
            value = cn_number(m["n"])
            if value is None or not _GROWTH.search(text, s_start, s_end) or not self._free(*m.span("n")):
                continue
            self._add(m.start("n"), m.end("n"), float(value), None, "percent", None, ["growth_target"],
                      m.start("n"), qualifier=">")

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
        # A run of quarters is counted as one of years is (連續14季正成長: tw_ic_output_2023; 连续两季, 連續兩季出現正成長 in
        # words: hk_economy_2025, moneydj.com's review of 1999; label convention 2 names 連續N季).
        for m in re.finditer(r"连续\s*(?P<n>\d+)\s*(?P<w>年|季)", self.text):
            self._add(m.start("n"), m.end(), float(m.group("n")), None, "count", m["w"],
                      ["run_of_years"] if m["w"] == "年" else [], m.start("n"))
        # `50年以来最高`, `10年来`, `8年间`: a span of years measured back from the text's time. A planning
        # horizon (`未来5年`, `今后5年`) is no measured quantity.
        # 自诞生以来的 13 年里 (in the 13 years since): 里 after N年 is "within", a length as 间 is.
        for m in re.finditer(r"(?<![\d.])(?P<n>\d{1,3})\s*多?年(?:以来|来|间|里)", self.text):
            if re.search(r"(?:未来|今后)\s*$", self.text[max(0, m.start() - 3):m.start()]):
                continue
            if self._free(m.start(), m.end()):
                before = self.text[max(0, m.start() - 3):m.start()]
                recent = ["recent_years"] if re.search(r"(?:近|过去)\s*$", before) else []
                self._add(m.start("n"), m.end("n") + self.text[m.end("n"):m.end()].index("年") + 1,
                          float(m.group("n")), None, "count", "年", recent, m.start("n"))
        # A number of years is a length of time, not a date, when a word of extent comes before it (近5年, 过去30
        # 年, 长达20年, 历时, 时隔) or a record after it (创15年新高: the highest in 15 years): a year is never
        # written with one to three digits, so such a 年 always counts years.
        # 满/逾/连 (full, over, running: 至今满 60 年, 逾 40 年, 连3年跌势) are words of extent too: three
        # misses in two texts (tw_semicon_2018, tw_exports_2025); 连 is the short form of 连续.
        # 不到/不足/未满/超过 (less than, over: 成立不到3年, an age by GUIDE convention 3) bound a length; a date
        # takes no such bound, so N年 after them counts years (cn_unicorn_2020).
        # So is N年前 (N years ago: 30年前,20個中國留學生中只有1個回歸中國: cn_us_tech_2022:7; 从10年前的第34位: cn_hightech_decade
        # _2021:1; 是10年前的5.8倍: cn_innovation_decade_2021:5), a length counted back (label convention 3), unless 前
        # opens a period of the year (112年前3季: the first three quarters of ROC year 112, tw_ic_output_2023) or
        # N is a year of the Taiwanese calendar (100 and over).
        for m in re.finditer(r"(?P<lead>近|过去|长达|历时|时隔|长|满|逾|连|不到|不足|未满|超过)?\s*(?<![\d.])(?P<n>\d{1,3})\s*多?年"
                             r"(?P<rec>(?:来|以来)?(?:新高|新低|最高|最低|之久)|前(?![\d一二两三四五六七八九十半后个季月]))?",
                             self.text):
            if m["rec"] == "前" and int(m["n"]) > 99:
                continue
            if not (m["lead"] or m["rec"]) or not self._free(m.start("n"), m.end("n")) \
                    or re.match(r"\s*(?:代|级|度|期|月|底|末)", self.text[m.end():m.end() + 2]):
                continue
            flags = ["recent_years"] if m["lead"] in ("近", "过去") else []
            years = self.text[m.end("n"):m.end()]
            self._add(m.start("n"), m.end("n") + years.index("年") + 1, float(m.group("n")), None, "count", "年", flags,
                      m.start("n"), qualifier="+" if "多" in years else None)  # 10多年前: more than ten

        # 为期10周的加速器计划 (sg_startups_2022:7): 为期 ("lasting") introduces a length of time, in weeks as in months
        # (接受为期3个月的创业训练: 中国经济导报 on 中山-硅谷直通车加速计划, fensifuwu.com/technology/1407239; 为期3到6个月的
        # 短期项目: timesofisrael.com's Chinese blog on Israeli accelerators). 周 after a number is otherwise an anniversary
        # (周年) or an age (周岁), so only the length after 为期 is read.
        for m in re.finditer(r"为期\s*(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个?(?:周|星期)(?![年岁])", self.text):
            value = cn_number(m["n"])
            if value is not None and self._free(m.start("n"), m.end()):
                self._add(m.start("n"), m.end(), float(value), None, "count", "周", [], m.start("n"))
        # `建交50周年`: an anniversary counts years (周年 is never part of a date), and in `15年与4年以来` the span
        # word after the last of a list belongs to each: Chinese prints it once (cn_eu_trade_50y, tw_exports_2025).
        for m in re.finditer(r"(?<![\d.])(?P<n>\d{1,3})\s*周年|(?<![\d.])(?P<l>\d{1,3})\s*年(?=\s*(?:与|和|及|、)\s*"
                             r"\d{1,3}\s*多?年(?:以来|来|间))", self.text):
            group = "n" if m["n"] else "l"
            if self._free(m.start(), m.end()):
                self._add(m.start(group), m.end(), float(m[group]), None, "count", "年", [], m.start(group))

    def _economy_counts(self) -> None:
        """`英国、德国、澳大利亚、加拿大四国` (cn_highly_cited_2023:5), `…新加坡(12家)和巴西(12家)九国` (cn_unicorn_gei_2023:12),
        `日、美、中、韓、印度、馬來西亞、德國與香港等8國` (tw_foreign_phd_2020:1): N国 closing a list of economies counts the
        economies just listed. A group's name (欧盟28国, 东盟10国, 中亚五国, 中日韩三国) lists no one and is no count."""
        text = self.text
        for m in re.finditer(r"(?P<n>[一二两三四五六七八九十]{1,3}|(?<![\d.])\d{1,3})\s*国(?!家|际|内|外|集团)", text):
            before = re.sub(r"(?:[（(][^（()）]{0,12}[）)])+$", "", text[max(0, m.start() - 60):m.start()].removesuffix("等"))
            listed = any(before.endswith(name) for name in self.country_names) and "、" in before[-40:]
            value = cn_number(m["n"])
            if listed and value is not None and self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), float(value), None, "count", "国", [], m.start())

    def _ratio_shares(self) -> None:
        for m in _RATIO.finditer(self.text):
            parts = re.split(r"[:∶]", m["parts"])
            if len(parts) < 2 or abs(sum(float(x) for x in parts) - 100) > 0.5:
                continue  # a clock time (10:30) or a plain ratio (2:1) states no shares
            pos = m.start()
            for part in parts:
                self._add(pos, pos + len(part), float(part), None, "percent", None, ["ratio_share"], pos)
                pos += len(part) + 1

    def _slash_lists(self) -> None:
        for m in _SLASH_LIST.finditer(self.text):
            unit, mult = UNITS[m.group("unit")]
            for group in ("a", "b"):
                start, end = m.span(group)
                self._add(start, m.end() if group == "b" else end, number(m.group(group)) * mult, None, unit,
                          m.group("unit"), [], start)
            self._claim(*m.span())

    def _quantities(self) -> None:
        text = self.text
        # 3大策略, 7大基金: one digit and 大 before a noun count the members of a set, as 七大 does in numerals
        # (_amount): 經濟部也將推動3大策略 (tw_biotech_2024:1,6), 政府採3大策略, 目前已有7大基金
        # (tw_startup_funding_2024:4,5). 第2大 and 前3大 (places) and a round 10大 (a top N) are read by _ranks.
        for m in _SET_COUNT.finditer(text):
            if self._free(m.start(), m.end()) and self.doc.body[m.start()] and not _excluded(text, m.start(), m.end("n")):
                self._add(m.start(), m.end(), float(m["n"]), None, "count", "大", [], m.start())
        for m in _QUANTITY.finditer(text):
            start, end = m.span()
            num_end = m.end("num")
            if not self._free(start, num_end) or not self.doc.body[start]:
                continue
            if _SKIP_AFTER.match(text, num_end) and not m.group("exp"):
                continue
            if _excluded(text, start, num_end):
                continue
            if re.search(r"[前首]\s*$", text[max(0, start - 2):start]) and re.match(r"\s*个\s*月", text[num_end:num_end + 4]):
                # 前11个月, 首5個月: the first N months of the year name a period (Jan-Nov), as 前三季度 and 1-11月 do, not
                # a length of time (labellers' notes in my_cn_trade_2019, hk_trade_2009, cn_zhejiang_digital_2024).
                continue
            if m["range"] and m["dash"] not in "~～" and not m["unit"] and not (m["dash"] in "至到" and m["mag"]):
                continue  # a dash between numbers without a unit after the second names a period or a code
            unit_text = (m.group("unit") or "").replace("?", "").strip()
            mag_text = (m.group("mag") or "").replace("?", "").strip()
            flags: list[str] = []
            value = number(m.group("num") + (m.group("grp") or "")) * (-1 if m["sign"] else 1)
            if m.group("exp"):
                value *= 10 ** int(m.group("exp"))
                flags.append("lost_superscript")
            value_high = number(m.group("num2")) if m.group("range") else None
            if m.group("frac"):
                if unit_text or mag_text:
                    continue
                if re.fullmatch(r"(?:19|20)\d{2}", m.group("num")) and len(m.group("den")) == 2:
                    continue  # a fiscal or school year (2025/26年度), not a fraction
                value = value / float(m.group("den")) * 100
                unit_text = "%"
                flags.append("fraction")
            mult = MAGNITUDES.get(mag_text, 1.0)
            tail = m.group("tail")
            if tail and tail[-1].isdigit():
                # Units after the magnitude (2萬4337美元): fewer digits than the magnitude has zeros, and a unit or
                # measure word after them; else the digits are another number (1万 2025年 is not one figure).
                digits = tail.replace(",", "")  # 9萬7,411件: a thousands comma in the units
                if not mag_text or len(digits) > len(str(int(mult))) - 1:
                    continue
                value += int(digits) / mult
                mag_text += tail
            elif tail:
                tail_mult = MAGNITUDES[tail[-1]]
                if not mag_text or tail_mult >= mult:
                    continue  # `5亿3亿` is no number; the tail must be a smaller magnitude
                value += number(tail[:-1]) * tail_mult / mult
                mag_text += tail
            shared = _LIST_UNIT.match(text, m.end("unit")) if unit_text == "个" and not mag_text else None
            if shared and shared["unit"] != "%":
                # 提高2.6个、0.7个百分点 (cn_miit_2020q3), 少32.3个和32.6个百分点 (cn_unicorn_2021): 个 is the measure
                # word of 百分点, which Chinese prints once, after the last number of the list.
                unit, unit_mult = UNITS[shared["unit"]]
            elif unit_text in UNITS:
                unit, unit_mult = UNITS[unit_text]
            elif unit_text:
                unit, unit_mult = "count", 1.0
            elif mag_text and (money := _LIST_MONEY.match(text, m.end())):
                unit, unit_mult = UNITS[money["unit"]]
                unit_text = money["unit"]
            elif mag_text and (high := _RANGE_MONEY.match(text, m.end())) \
                    and number(high["num"]) * MAGNITUDES[high["mag"]] > value * mult \
                    and not re.search(r"(?:从|由)\s*$", text[max(0, start - 2):start]):
                unit, unit_mult = UNITS[high["unit"]]
                unit_text, end = high["unit"], high.end()
                value_high = number(high["num"]) * MAGNITUDES[high["mag"]] / mult
            elif mag_text:
                unit, unit_mult = "count", 1.0
                flags.append("no_unit")
            elif shared := _LIST_UNIT.match(text, m.end("num")):
                # 加快了8.75和9.41个百分点: Chinese prints the unit once, after the last number of a list; the
                # numbers before it share it.
                unit, unit_mult = UNITS.get(shared["unit"], ("count", 1.0))
                mag_text, unit_text = "", shared["unit"]
            else:
                clause = re.split(r"[，,；;。：:]", text[max(0, start - 40):start])[-1]
                # PUE (power usage effectiveness, the energy a data centre draws over what its IT load uses) is a
                # ratio printed bare after it, whatever word bounds it: 能源使用效率指標( PUE）必須不超過1.3或1.4
                # (tw_key_figures_2025:8); 对PUE值高于1.35的数据中心征收差别电价, 年均PUE值…降低至1.35以下 (财联社
                # 2024-11-15, chinastarmarket.cn/detail/1860079); 新建大型…数据中心的能耗效率(PUE)要普遍低于1.5
                # (shgreenbox.com/fwcl/38464).
                ratio = re.search(r"PUE", clause, re.I) and "." in m["num"]
                # A bare number counts only when a verb introduces it ("平均引用率为44.99", "低至 0.44").
                if not ratio and not re.search(r"(?:为|达|至|到|低至|约|由|从)\s*$", text[max(0, start - 3):start]):
                    continue
                if "." not in m.group("num") and re.fullmatch(r"(?:19|20)\d{2}", m.group("num")):
                    continue
                # Chinese counts things with a measure word (483.8万个, 26家); a bare number after an index or
                # a score is its level in points (指数由1000上升至5610.60), not a count. (Other bare numbers
                # stay counts: the catalog reads 引用率为44.99 as citations per paper.)
                # …and a number stated against 100 (男女性别比为105.23:100: males per 100 females) is a ratio, `other`.
                per_hundred = re.match(r"\s*[:∶]\s*100(?![\d.])", text[num_end:num_end + 8])
                unit, unit_mult = ("other" if re.search(r"指数|得分|评分|分值", clause) or per_hundred or ratio
                                   else "count"), 1.0
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

    def _word_numbers(self) -> None:
        """Numbers written in Chinese characters: percentages, shares, fractions, multiples, amounts, counts."""
        text = self.text
        for pattern, read in _WORD_FORMS:
            for m in pattern.finditer(text):
                if not self._free(m.start(), m.end()) or _inside_word(text, m.start()) or _in_title(text, m.start()):
                    continue
                vague = read is _amount and m.group()[:1] in "十百千万" and text[m.start() - 1:m.start()] in ("数", "几")
                if vague and not m["mag"]:
                    continue  # 数十年, 几百家: an order of magnitude said vaguely, not a figure
                if read in (_amount, _amount_range) and text[m.start() - 1:m.start()] == "第" \
                        and text[max(0, m.start() - 3):m.start() - 1] != "连续":
                    # 第四季, 第二个任期: an ordinal names one of a series (a quarter, a term), no count; 连续第三年
                    # (the third year running) does count the years of a run.
                    continue
                if re.match(r"[0-9.]", text[m.start() - 1:m.start()]) and m.group()[:1] in "十百千":
                    continue  # 6千亿美元: a digit before 千/百/十 multiplies it; the digits' reading holds it whole
                if read is _amount and _PERIOD_NAME.match(text, m.start()) \
                        and (text[m.end():m.end() + 1] == "度" or text[m.start() - 1:m.start()] in ("前", "首")):
                    # 前三季度, 二季度, 前三季: a quarter named (Q2, the first three quarters), a period like 上半年,
                    # not a length of time (cn_guangdong_2015q3, cn_customs_2023h1); 连升两季 and 六季以来 count.
                    continue
                if read is _amount and re.match(r"[一二三]次产业", text[m.start():m.end() + 2]):
                    continue  # 三次产业 (the primary, secondary and tertiary sectors) names the economy's parts
                if read is _amount and m.group().endswith("年") and re.match(r"(?:规划|计划|行动)", text[m.end():m.end() + 2]):
                    continue  # 第十四个五年规划, 三年行动计划: the name of a plan (its horizon is no measured length)
                got = read(m)
                if got is None:
                    continue
                value, unit, measure, qualifier, *more = got
                flags = list(more[0]) if more else []
                value_high = more[1] if len(more) > 1 else None
                if measure == "年" and text[max(0, m.start() - 2):m.start()] == "连续":
                    flags.append("run_of_years")  # 连续四年位居第一: the run ends in the sentence's year
                if vague:
                    # 数十亿人, 几千亿 (several billion, some hundred billion) with a magnitude: a real order of size,
                    # read as its lower bound (misses in tw_semicon_2018 and cn_5g_2021).
                    qualifier = ">"
                    flags.append("approximate")
                self._add(m.start(), m.end(), value, value_high, unit, measure, flags, m.start(),
                          qualifier=qualifier)

    def _bracket_counts(self) -> None:
        """`京津冀（11）、长三角（10）…`: a list of names each followed by a bracketed number gives each one's
        count (a single bracketed number after a name is more often a note or a year, so two are required)."""
        text = self.text
        for run in re.finditer(r"(?:[\u4e00-\u9fff]{1,12}[（(]\d{1,4}[）)][、，,和及]?){2,}", text):
            for m in re.finditer(r"[（(](?P<n>\d{1,4})[）)]", run.group()):
                a, b = run.start() + m.start("n"), run.start() + m.end("n")
                if self._free(a, b):
                    self._add(a, b, float(m.group("n")), None, "count", None, ["bracket_count"], a)


# --- numbers written in Chinese characters ---------------------------------------------------------------------
_CN = "零〇○一二两三四五六七八九十百千卅廿"
# A decimal point in words is 点 (點); some papers print a full-width ． (read as `.` after normalising) or a middle dot
# · between the numerals instead (五·四 = 5.4: label convention 9 of 2026-12-01). Only between numerals: 一·二八 as a
# date is never followed by a unit, which every word form needs.
_CN_NUM = "[" + _CN + "]+(?:[点.·][零〇○一二三四五六七八九]+)?"
# 天 counts days (以九十天的营业日计算, tw_tsmc_2025q4): a length of time like 年 and 季.
# 载 is a year in written Chinese after a numeral (瑞士已蝉联榜首十余载: ch_gii_2025:2; 勁跌82%三十載低: 信報
# 2024-02-20, hkej.com 3686420), a length of time as 年 is; 载人, 载体, 载荷, 载重, 载客, 载货 (carry) and 千载难逢 are other words.
_CN_MEASURES = "|".join(sorted(MEASURE_WORDS + ["类", "季", "个年度", "年", "天"], key=len, reverse=True)) \
    + "|载(?![人体荷重客货难])"  # 人次 over 人
_CN_ONLY_ONE = re.compile(r"[一壹]")
_PERIOD_NAME = re.compile(r"[一二三四]季")
# Words that hold a numeral without being a number (统一, 一些, 唯一, 万一, 十分, 百姓, 千万 as "by all means").
_WORDS_WITH_NUMERALS = ("统一", "唯一", "一些", "一样", "一起", "一体", "一流", "一系列", "一致", "进一步", "之一",
                        "万一", "十分", "百姓", "千万", "三中全会", "五中全会", "四中全会", "六中全会",
                        # idioms of "everyone, many": 千家万户 (every household), 成千上万, 千千万万, 万家灯火
                        "千家万户", "成千上万", "千千万万", "万家灯火")


def cn_value(numeral: str) -> float | None:
    """A number in Chinese numerals via cn2an (`一百五十八` 158, `十二点六八` 12.68, `一八八一` 1881).
    卅 (30) and 廿 (20) are written out first; a leading 十/百/千 means one of them (百万 = 一百万)."""
    numeral = numeral.replace("卅", "三十").replace("廿", "二十").replace("〇", "零").replace("○", "零")
    numeral = numeral.replace(".", "点").replace("·", "点")  # 五·四, 五．四 (normalised to 五.四) = 五点四
    if numeral[:1] in "十百千":
        numeral = "一" + numeral
    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _inside_word(text: str, start: int) -> bool:
    """The numeral at `start` belongs to a word such as 统一 or 之一."""
    for word in _WORDS_WITH_NUMERALS:
        at = text.find(word, max(0, start - len(word) + 1), start + len(word))
        if at != -1 and at <= start < at + len(word):
            # 十分之一 (one tenth) is a fraction: 十分 is "very" only when no 之 follows it.
            return not (word == "十分" and text.startswith("之", at + 2))
    return False
    return False


def _percent_of(m: re.Match) -> tuple | None:
    value = cn_value(m["n"])
    return (value, "percent", "百分之", None) if value is not None else None


def _points(m: re.Match) -> tuple | None:
    value = cn_value(m["n"])
    return (value, "percent", "个百分点", None) if value is not None else None


def _tenths(m: re.Match) -> tuple | None:
    points = 5.0 if m["m"] == "半" else cn_value(m["m"]) if m["m"] else 0
    return cn_value(m["n"]) * 10 + points, "percent", "成", None


def _fraction(m: re.Match) -> tuple | None:
    den, num = (1e4 if m["d"] == "万" else cn_value(m["d"])), cn_value(m["n"])  # 万分之三 = 3 in 10,000 (cn2an reads digits)
    return (num / den * 100, "percent", "分之", None) if den and num is not None else None


def _multiple(m: re.Match) -> tuple | None:
    value = cn_value(m["n"])
    # 一倍 after a verb of growth (增长了一倍, 增加一倍多: grew by one times) is a multiple as printed (label
    # convention 7, like 增长了1倍 in digits); elsewhere 一倍 is mostly adverbial (多一倍, 加倍).
    grew = re.search(r"(?:增长|增加|提高|提升|上升|扩大|翻)了?$", m.string[max(0, m.start() - 3):m.start()])
    if value is None or (m["n"] == "一" and not grew):
        return None
    return value, "times", "倍", None


def _doubling(m: re.Match) -> tuple | None:
    times = cn_value(m["n"]) if m["n"] else 1
    return 2.0 ** times, "times", "翻番", None


# 两位数增长 (double-digit growth) is growth of at least 10%; Taiwan writes it 雙位數成長 (双位数 after t2s). A rate is
# stated by its count of digits so whatever the count: 个位数 is 1 to 9 (減幅縮小至個位數: tw_ic_output_2023), 三位数 at
# least 100 (高達三位數關稅: tw_us_cn_imports_2025), and a fall as well as a rise (雙位數減幅下滑: tw_ic_output_2023;
# 對美出口…連續七個月兩位數下滑: Yahoo奇摩新聞 2025-11-08). The rate is named after it, or before it in its clause.
_DIGIT_COUNTS = {"个": (1.0, 9.0, None), "两": (10.0, None, ">"), "双": (10.0, None, ">"), "三": (100.0, None, ">")}
_RATE_WORDS = "增长|增速|增幅|成长|涨幅|减幅|降幅|跌幅|下滑|下跌|衰退|关税|税率"


def _digit_count(m: re.Match) -> tuple | None:
    text, start = m.string, m.start()
    clause = re.split(r"[，,。；;]", text[max(0, start - 20):start])[-1]
    if not (re.match(r"[^，,。；;]{0,6}?(?:" + _RATE_WORDS + ")", text[m.end():m.end() + 10])
            or re.search(_RATE_WORDS + "|增长率|成长率|年增率", clause)):
        return None
    low, high, qualifier = _DIGIT_COUNTS[m["n"]]
    return low, "percent", m.group(), qualifier, [], high


# A lone 一 is a figure where it is one of something counted: one per period (几乎每两天就诞生一家独角兽, 平均每周一家以上:
# cn_hurun_unicorn_2024:2,3; 平均每3.5天就会诞生一家新的中国独角兽: 吴晓波频道 2018-07, so.sh.cn; 中國每3.8天新增一家獨角獸企業:
# 中国日报网 2019-01-28) and a move of one place in a ranking (較2024年下滑一名: tw_key_figures_2025:6; 比去年进步一名, 各进步一名:
# dubaonews.com 2022 on the IMD ranking), a change of places like 上升15位 (a count).
_ONE_PER_PERIOD = re.compile(r"每\s*(?:[\d.]+|[两二三四五六七八九十半]+)?\s*个?(?:天|日|周|星期|月|小时|分钟)[^，,。；;每]{0,6}$")
_PLACES_MOVED = re.compile(r"(?:下滑|下降|上升|提升|进步|退步|滑落|前进|后退|跌落|攀升)了?$")


def _amount(m: re.Match) -> tuple | None:
    """`二千五百亿美元`, `千亿元`, `百万卡`, `三类`, `两种`, `四大`, `五年`: a numeral with a magnitude, a unit or
    a measure word. A lone 一 is the indefinite article (一个, 一种), not a count, and is skipped."""
    numeral, mag, unit_text = m["n"], m["mag"] or "", m["unit"] or ""
    if _CN_ONLY_ONE.fullmatch(numeral) and not mag:
        before = m.string[max(0, m.start() - 16):m.start()]
        if not (unit_text in MEASURE_WORDS and _ONE_PER_PERIOD.search(before)
                or unit_text in ("名", "位") and _PLACES_MOVED.search(before)):
            return None
    if numeral in ("零", "〇", "○"):
        return None  # 零 alone starts words (零部件, 零件 "parts", 零售 "retail"); no text counts zero things by a measure word
    after = m.string[m.end():m.end() + 2]
    if numeral == "百" and unit_text == "年" and (after in ("未有", "变局", "奋斗") or m.string[m.start() - 1:m.start()] == "个"):
        return None  # set phrases name an era or a goal, no length: 百年未有之大变局, 世界百年变局, 第二个百年奋斗目标
    if mag == "兆" and not unit_text and re.match(r"城市|光网|宽带|网络|以太", after):
        return None  # 千兆城市, 千兆光网: gigabit networks, a technology's name as 5G is (GUIDE: model names are no figures)
    if unit_text == "大" and len(numeral) > 1:
        return None  # 十八大, 二十大 name party congresses; `N大` counts (四大, 七大) use one numeral
    if unit_text == "年" and re.fullmatch(r"[零〇○一二三四五六七八九]{4}", numeral):
        return None  # a year written digit by digit (二〇二五年)
    if not unit_text and not mag:
        return None
    value = cn_value(numeral)
    if value is None:
        return None
    value *= MAGNITUDES.get(mag, 1.0)
    if m["tail"] and (m["tail"][-1] not in MAGNITUDES or MAGNITUDES[m["tail"][-1]] > MAGNITUDES[mag]) \
            and not m["more0"] and "点" not in numeral:
        # 三万九千二百一十八元 (39,218), 三万二千亿美元 (32,000亿): the numeral runs on after 万 without a magnitude
        # of its own, or a larger magnitude closes it and multiplies the whole (三万二千 亿). Chinese writes such
        # compound numerals whole; cn2an reads them (一万二 = 12,000 too, as said).
        whole = cn_value(numeral + mag + m["tail"])
        if whole is None:
            return None
        value, mag = whole, mag + m["tail"]
    elif m["tail"]:
        tail_value, tail_mag = cn_value(m["tail"][:-1]), MAGNITUDES.get(m["tail"][-1], 0)
        if tail_value is None or tail_mag >= MAGNITUDES[mag] or not tail_mag:
            return None
        value += tail_value * tail_mag
        mag += m["tail"]
    unit, mult = UNITS.get(unit_text, ("count", 1.0))
    more = m["more"] or (m["more0"] if mag else None)  # 百多万: a hundred-odd 万
    return value * mult, unit, (mag + unit_text) or None, "+" if more else None, [] if unit_text else ["no_unit"]


def _amount_range(m: re.Match) -> tuple | None:
    """`三四六亿至三五八亿美元`, `十至二十年`: two numerals joined by 至/到 with one unit after the second; a
    magnitude printed only once belongs to both."""
    low, high = cn_value(m["n"]), cn_value(m["n2"])
    if low is None or high is None or not (m["unit"] or m["mag2"]):
        return None
    low *= MAGNITUDES.get(m["mag"] or m["mag2"] or "", 1.0)
    high *= MAGNITUDES.get(m["mag2"] or m["mag"] or "", 1.0)
    if high <= low:
        return None
    unit, mult = UNITS.get(m["unit"] or "", ("count", 1.0))
    return (low * mult, unit, ((m["mag2"] or "") + (m["unit"] or "")) or None, None,
            [] if m["unit"] else ["no_unit"], high * mult)


def _half(m: re.Match) -> tuple | None:
    return 50.0, "percent", m.group(), {"过半": ">", "逾半": ">", "超半": ">", "近半": "~"}.get(m.group())


_CN_MAG = r"(?:万亿|兆(?!瓦)|亿|万)"
_WORD_FORMS = [
    # Ranges in words (tw_tsmc_2025q4: 百分之一到二, 三四六亿至三五八亿美元): the low and the high end, as
    # 8%~9% in digits; the unit or 百分之 printed once belongs to both.
    (re.compile(r"百分之(?P<n>" + _CN_NUM + r")(?:到|至|~)(?:百分之)?(?P<n2>" + _CN_NUM + r")"),
     lambda m: (cn_value(m["n"]), "percent", "百分之", None, [], cn_value(m["n2"]))
     if None not in (cn_value(m["n"]), cn_value(m["n2"])) else None),
    (re.compile(r"(?P<n>" + _CN_NUM + r")(?P<mag>" + _CN_MAG + r")?(?:到|至|~)(?P<n2>" + _CN_NUM + r")(?P<mag2>"
                + _CN_MAG + r")?(?P<unit>" + _UNIT_WORDS.replace("|倍", "") + "|" + _CN_MEASURES + r")?"),
     _amount_range),
    (re.compile(r"百分之(?P<n>" + _CN_NUM + r")"), _percent_of),
    # 千分之12.13 (per mille in words with digits, as reports of the population communiqué print it): a fraction
    # like 三分之一, whatever numeral follows 分之.
    # Taiwanese papers print the denominator in digits too (中國仍占美國年度進口的5分之1: tw_us_cn_imports_2025): the
    # same fraction.
    (re.compile(r"(?P<d>(?<![\d.])\d{1,3}|" + _CN_NUM + r"|万)分之(?P<n>" + _CN_NUM + r"|\d+(?:\.\d+)?)"), _fraction),
    (re.compile(r"(?P<n>" + _CN_NUM + r")个?百分点"), _points),
    # 八成 = 80%; 成 also starts words (成为, 成本, 成果 …), which the lookahead leaves out. Taiwanese papers
    # write the tenths in digits too (市占率逾 7 成): 成 is a share whatever numeral comes before it.
    # 两成 is two tenths like 二成; 六成二 (Taiwan) is 62%: a numeral after 成 adds points.
    # 四成半 (Hong Kong and Taiwan) is 45%: 半 after 成 is half a tenth. 一成不变 ("unchanged") is an idiom.
    # Where the tenths are in digits the points after 成 are too (8成1 = 81%, label convention of the fresh7 split:
    # x成y is x tenths and y hundredths whichever script prints them). A digit y is no word's start, so any word
    # may follow it that is not more of a number or a date (其餘3成4為外地人材: hk_startups_2019:2, beside 較18年增加
    # 2成1。 on the same line and 非製造業占8成1。 in tw_rd_2023:3).
    (re.compile(r"(?P<n>[一二两三四五六七八九]|(?<![\d.])\d(?:\.\d)?(?=\s*成))\s*成"
                r"(?:(?P<m>[一二三四五六七八九半](?=[，,。；;、）)\s的左右以上多企家人]|$)|(?<=\d成)\d(?![\d.%年月日号]))"
                r"|(?![为本果效功立熟长就员交型品分绩]|不变))"),
     _tenths),
    # 一年半 (one and a half years) and 半年 (half a year) are lengths of time: misses in hk_economy_2025,
    # my_sg_reserves_2020 and cn_unicorn_2022. 上半年/下半年 name a half of the year (a period, not a length),
    # 半年度 a half-year report, and 一年半载 is the idiom "a year or so".
    (re.compile(r"(?P<n>" + _CN_NUM + r")年半(?!载)|(?<![上下前后])半年(?![度载])"),
     lambda m: ((cn_value(m["n"]) if m["n"] else 0) + 0.5, "count", "年", None)),
    # 就职两周年 (the second anniversary): 周年 counts whole years since an event, as 建交50周年 does in digits
    # (tw_gdp_2010); it is never part of a date.
    (re.compile(r"(?P<n>" + _CN_NUM + r")周年"), lambda m: (cn_value(m["n"]), "count", "年", None)),
    # 连十三红 / 连三黑: Taiwanese business writing counts consecutive months of rise (红) or fall (黑) this way
    # (tw_exports_2024m11: 连十三红 = 13 months of export growth running).
    (re.compile(r"(?<=连)(?P<n>" + _CN_NUM + r"|\d{1,3})(?=[红黑])"),
     lambda m: (cn_value(m["n"]), "count", None, None, ["run"])),
    # 近半 (nearly half) is a share, not 近半年 / 近半个世纪 (a time).
    # 逾半/超半 (more than half: 逾半企业, Hong Kong and Taiwan) are 过半 written with 逾/超.
    (re.compile(r"一半|半数|过半|(?:近|逾|超)半(?![年个月天日世])"), _half),
    # 四分一 (Hong Kong: a quarter) is 四分之一 without 之; a numerator above the denominator (四分五裂, an idiom)
    # or 分 as a minute (八分一秒) is none.
    (re.compile(r"(?<![零〇○一二两三四五六七八九十百千万亿点分])(?P<d>[二三四五六七八九十])分(?P<n>[一二三四五六七八九])"
                r"(?=[的左以，,。；;、）)\s]|$)"),
     lambda m: ((cn_value(m["n"]) / cn_value(m["d"]) * 100, "percent", "分之", None)
                if cn_value(m["n"]) < cn_value(m["d"]) else None)),
    # 翻番/翻一番/翻了一番 and 翻倍 double; 翻两番 quadruples. Hong Kong writes 倍升 for 翻倍 (比率由0.73%倍升至1.5%:
    # hk_rd_outlook_2018:4 and a LegCo question of 2017 on the same target, irdrwklo.hk; 有信心科研佔比倍升: news.gov.hk
    # 2017-10-14); after a numeral (十倍升幅) 倍 is that multiple's.
    (re.compile(r"翻了?(?P<n>[一两二三]?)番|翻倍|(?<![\d.零〇○一二两三四五六七八九十百千])倍升"), _doubling),
    (re.compile(r"(?P<n>" + _CN_NUM + r")倍"), _multiple),
    # 二度被台湾超越, 三度夺冠: a numeral before 度 and a verb counts occurrences (twice, three times). 首度 (for the
    # first time) is an ordinal, like 第一次, and no count; 度 after digits is a unit (degrees, 度电).
    (re.compile(r"(?<![零下摄华温])(?P<n>[二两三四五六七八九十])度(?=[被超创夺登获进入突成回重])"),
     lambda m: (cn_value(m["n"]), "count", "度", None)),
    (re.compile(r"(?P<n>[个两双三])位数"), _digit_count),
    # The numeral may carry decimals (四百一十点九亿美元 = 410.9亿, Taiwan's 點 after t2s), as in 百分之十二点六八.
    # A magnitude alone is one of it when a threshold is passed: 突破万亿元大关 (cn_nev_exports_2023), 突破“万列”
    # 大关 (cn_eu_trade_2020), as 突破千亿美元 reads 千 as one thousand. Taiwanese and Hong Kong papers write 破 alone
    # and 兆 for 10^12 (出口破兆元, 票房破亿): the same threshold.
    (re.compile(r"(?:(?<=突破|跨越|超过|[^打识看突]破)|(?<=突破[“\"「]))(?P<mag>万亿|兆(?!瓦)|亿|万)(?P<unit>" + _UNIT_WORDS.replace("|倍", "")
                + "|" + "|".join(sorted(MEASURE_WORDS, key=len, reverse=True)) + r")"),
     lambda m: (MAGNITUDES[m["mag"]] * UNITS.get(m["unit"], ("count", 1.0))[1],
                UNITS.get(m["unit"], ("count", 1.0))[0], m["mag"] + m["unit"], None)),
    # Mixed magnitudes in words (一兆一一二三亿元 = 1兆 + 1123亿, tw_tsmc_2025q4) as in digits (2兆2500亿).
    (re.compile(r"(?P<n>" + _CN_NUM + r")(?P<more0>多|余)?(?P<mag>万亿|兆(?!瓦)|亿|万)?"
                r"(?(mag)(?P<tail>[零〇○一二三四五六七八九十百千]+(?:万亿|亿|万)?))?(?P<more>多|余)?"
                r"(?P<unit>" + _UNIT_WORDS.replace("|倍", "") + "|" + _CN_MEASURES + r"|大(?=[\u4e00-\u9fff]))?"),
     _amount),
]
