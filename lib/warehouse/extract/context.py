"""Subject, year, qualifier and topic of a number, read from its clause, sentence and the text before it."""
from __future__ import annotations

import contextvars
import functools
import re

from lib.contract import REGIONS, economy_order
from lib.warehouse.extract.document import CLAUSE_END, SENTENCE_END, bounds, paragraph_start

# Words naming an economy. 我国/国内/全国/本国 name the writer's own economy (HOME below), CHN unless the text
# shows it was written elsewhere. Longer words win where two overlap (印度尼西亚 over 印度).
HOME = "HOME"
ECONOMY_WORDS = [
    ("中国", "CHN"), ("我国", HOME), ("我省", HOME), ("本省", HOME), ("我市", HOME), ("国内", HOME), ("全国", HOME), ("本国", HOME), ("国务院", "CHN"),
    ("工业和信息化部", "CHN"), ("工信部", "CHN"), ("内地", "CHN"), ("中国大陆", "CHN"), ("中国内地", "CHN"), ("大陆", "CHN"),
    ("欧洲大陆", "XEU"), ("美洲大陆", "XNA"), ("非洲大陆", "XAF"), ("美国", "USA"), ("欧盟", "EUU"),
    ("英国", "GBR"), ("爱尔兰", "IRL"), ("印度", "IND"), ("德国", "DEU"), ("法国", "FRA"), ("日本", "JPN"),
    ("韩国", "KOR"), ("南韩", "KOR"), ("西班牙", "ESP"), ("葡萄牙", "PRT"), ("比利时", "BEL"), ("奥地利", "AUT"),
    ("波兰", "POL"), ("希腊", "GRC"), ("丹麦", "DNK"), ("挪威", "NOR"), ("捷克", "CZE"), ("匈牙利", "HUN"),
    ("罗马尼亚", "ROU"), ("乌克兰", "UKR"), ("土耳其", "TUR"), ("新西兰", "NZL"), ("墨西哥", "MEX"), ("阿根廷", "ARG"),
    ("智利", "CHL"), ("秘鲁", "PER"), ("南非", "ZAF"), ("埃及", "EGY"), ("尼日利亚", "NGA"), ("沙特", "SAU"),
    ("阿联酋", "ARE"), ("菲律宾", "PHL"), ("柬埔寨", "KHM"), ("缅甸", "MMR"), ("老挝", "LAO"), ("巴基斯坦", "PAK"),
    ("孟加拉", "BGD"), ("哈萨克斯坦", "KAZ"), ("乌兹别克斯坦", "UZB"), ("伊朗", "IRN"), ("卢森堡", "LUX"), ("加拿大", "CAN"), ("芬兰", "FIN"), ("俄罗斯", "RUS"), ("巴西", "BRA"), ("澳大利亚", "AUS"), ("澳洲", "AUS"),
    ("意大利", "ITA"), ("荷兰", "NLD"), ("瑞士", "CHE"), ("瑞典", "SWE"), ("以色列", "ISR"), ("越南", "VNM"),
    ("印度尼西亚", "IDN"), ("印尼", "IDN"), ("泰国", "THA"), ("新加坡", "SGP"), ("星国", "SGP"), ("马来西亚", "MYS"), ("大马", "MYS"),
    ("香港", "HKG"), ("港府", "HKG"), ("本港", "HKG"), ("财政司", "HKG"), ("立法会", "HKG"),
    # 本澳 is Macau's 本港 (共同驱动本澳经济保持强劲复苏步伐: a Macau government release, gcs.gov.mo N23KQGhG7h).
    ("澳门", "MAC"), ("本澳", "MAC"), ("台湾", "TWN"), ("主计总处", "TWN"), ("全港", "HKG"),
    # 特区政府 is the writer's own government in Hong Kong (报告显示,特区政府大力支持: hk_rd_2018) and in Macau as well
    # (因特区政府推出的「生活补贴计划」: gcs.gov.mo N23KQGhG7h; 特區政府公共財政收入六百一十一‧三億元: 中新社 2013-06-10 on
    # chengpou.com.mo), named with its place where another writes it (香港特區政府: hk_cyberport_2023).
    ("特区政府", HOME), ("香港特区政府", "HKG"), ("澳门特区政府", "MAC"),
    # A stock exchange, named by the short form Chinese writes (港交所, 纽交所, 上交所, 深交所), stands for its market's
    # economy as 国务院 or 主计总处 does: 今年港交所以2800亿港元…的融资额,跃居全球交易所榜首,远超排名第二的纽交所(205亿美元)
    # (cn_ipo_review_2025 line 1: Hong Kong's and the US's figures; the labels' convention for a market).
    ("港交所", "HKG"), ("纽交所", "USA"), ("上交所", "CHN"), ("深交所", "CHN"),
    ("全球", "WLD"), ("世界", "WLD"), ("全世界", "WLD"), ("国际上", "WLD"),
    # Regions and groupings (lib/contract.py REGIONS), not places of the writer's economy. 欧洲联盟 is the EU;
    # 一带一路 alone names the initiative, its 沿线/共建 countries the grouping.
    ("欧洲联盟", "EUU"), ("欧洲", "XEU"), ("亚洲", "XAS"), ("东亚", "XEA"), ("东南亚", "XSE"), ("北美", "XNA"),
    ("拉美", "XLA"), ("拉丁美洲", "XLA"), ("非洲", "XAF"),
    # 美洲 (the Americas: tw_vc_pulse_2025q2 美洲地区完成3,425笔交易), 北美洲, 南美洲 and 大洋洲 (cn_mva_top50_2024 line 5:
    # 北美洲4席,南美洲4席,非洲2席,大洋洲仅有1席) are continents as 亚洲 and 非洲 are.
    ("美洲", "XAM"), ("北美洲", "XNA"), ("南美洲", "XSA"), ("南美", "XSA"), ("大洋洲", "XOC"), ("中东", "XME"), ("东盟", "XAN"), ("东协", "XAN"),
    ("一带一路沿线", "XBR"), ("一带一路”沿线", "XBR"), ("一带一路共建", "XBR"), ("一带一路”共建", "XBR"),
    # The OECD's members as a group (an average of theirs is a figure of the group, not of any one economy):
    # 经合组织国家的平均水平2.37% (cn_oecd_rd_2014 line 3), 经济合作暨发展组织（OECD）成员国平均 2.7% (tw_rd_2023
    # line 1), OECD成员国平均2.7% (line 2). Chinese writes the full name with the abbreviation in brackets after it
    # or either alone; the organisation alone (经合组织说) is a source, not a subject.
    *[(name + abbr + tail, "XOE") for name in ("经济合作与发展组织", "经济合作暨发展组织", "经合组织", "OECD")
      for abbr in ("", "（OECD）", "(OECD)") if not (name == "OECD" and abbr) for tail in ("成员国", "国家")],
    # Groups written as one word: the two economies together.
    ("中美两国", "CHN+USA"), ("中日韩", "CHN+JPN+KOR"), ("中美", "CHN+USA"), ("美中", "USA+CHN"), ("中欧", "CHN+EUU"),
    ("美欧", "USA+EUU"),
]
# Provinces and large cities stand for their economy (a figure about 深圳 is a Chinese figure).
CITY_WORDS = [(w, "CHN") for w in (
    "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃",
    "青海", "宁夏", "新疆", "深圳", "广州", "杭州", "南京", "武汉", "成都", "西安", "苏州", "全省", "全市", "全县",
    "全区", "全州")] + [
    ("台北", "TWN"), ("高雄", "TWN"), ("吉隆坡", "MYS"), ("槟城", "MYS")] + [
    # Cities abroad that Chinese writing names as seats of firms and markets, with their economy.
    ("旧金山", "USA"), ("硅谷", "USA"), ("纽约", "USA"), ("洛杉矶", "USA"), ("波士顿", "USA"), ("西雅图", "USA"),
    ("伦敦", "GBR"), ("巴黎", "FRA"), ("柏林", "DEU"), ("慕尼黑", "DEU"), ("东京", "JPN"), ("大阪", "JPN"),
    ("首尔", "KOR"), ("班加罗尔", "IND"), ("孟买", "IND"), ("新德里", "IND"), ("特拉维夫", "ISR"), ("多伦多", "CAN"),
    ("悉尼", "AUS"), ("斯德哥尔摩", "SWE"), ("阿姆斯特丹", "NLD"), ("苏黎世", "CHE")]
# Currencies tell where a text was written when it names no place (a Malaysian text counts in 令吉). 台币 counts
# 新台币 too; 澳门元, 澳门币 and MOP are Macau's pataca (億澳門元/ 108 MOP: investhere.ipim.gov.mo; MOP 澳門元 in the
# statistics bureau's 统计月刊, dsec.gov.mo).
CURRENCY_HOME = [("令吉", "MYS"), ("马币", "MYS"), ("港元", "HKG"), ("港币", "HKG"), ("台币", "TWN"),
                 ("新元", "SGP"), ("新币", "SGP"), ("澳门元", "MAC"), ("澳门币", "MAC"), ("MOP", "MAC")]
# Companies often named in Chinese writing on technology and industry (the name as Chinese writes it first).
COMPANY_WORDS = [
    ("苹果公司", "Apple"), ("腾讯", "Tencent"), ("阿里巴巴", "Alibaba"), ("微软", "Microsoft"),
    ("英伟达", "Nvidia"), ("华为", "Huawei"), ("台积电", "TSMC"), ("鸿海", "Foxconn"), ("联发科", "MediaTek"),
    ("三星", "Samsung"), ("比亚迪", "BYD"), ("宁德时代", "CATL"), ("特斯拉", "Tesla"), ("小米", "Xiaomi"),
    ("中芯国际", "SMIC"), ("百度", "Baidu"), ("字节跳动", "ByteDance"), ("京东", "JD.com"), ("美团", "Meituan"),
    ("英特尔", "Intel"), ("高通", "Qualcomm"), ("谷歌", "Google"), ("亚马逊", "Amazon"), ("波音", "Boeing"),
    ("空客", "Airbus"), ("中国移动", "China Mobile"), ("中国电信", "China Telecom"), ("中国联通", "China Unicom"),
]
COUNTRY_NAMES = {word: code for word, code in ECONOMY_WORDS
                 if code not in ("WLD", HOME) + REGIONS and "+" not in code}
HOME_CURRENCY = {"HKG": "HKD", "TWN": "TWD", "MYS": "MYR", "SGP": "SGD", "MAC": "MOP", "CHN": "CNY"}
_MAINLAND = ("中国", "内地", "大陆", "国务院", "人民币")
# Institutions and the currency only a mainland writer names as its own (for a Traditional text, see home_economy).
_MAINLAND_WRITER = ("国务院", "国家统计局", "工业和信息化部", "工信部", "国家发展改革委", "发改委", "人民币", "中共中央")
# The mainland's provinces and cities by name (not 全省, 全市: any writer's own province or city).
_MAINLAND_PLACES = tuple(w for w, c in CITY_WORDS if c == "CHN" and not w.startswith("全"))


# Institutions, markets and firms that place a text in one of the economies writing Chinese.
# 经济部 is Taiwan's ministry (the mainland's is 商务部), 民国 its calendar (民国114年 = 2025).
HOME_CUES = [("行政院", "TWN"), ("立法院", "TWN"), ("国发会", "TWN"), ("经济部", "TWN"), ("民国", "TWN"),
             ("金管会", "TWN"), ("台股", "TWN"), ("台积电", "TWN"), ("鸿海", "TWN"), ("联发科", "TWN"),
             ("港股", "HKG"), ("恒指", "HKG"), ("施政报告", "HKG"), ("政府统计处", "HKG"), ("国行", "MYS"),
             ("狮城", "SGP"),
             # Macau's statistics bureau (统计暨普查局资料显示: gcs.gov.mo N23KQGhG7h; 编辑:统计暨普查局, its 统计月刊).
             ("统计暨普查局", "MAC"),
             # Taiwan's own words: 东协 (ASEAN; the mainland and Hong Kong say 东盟), 陆港 (the mainland and Hong
             # Kong as one market), 台韩, 主计处.
             ("东协", "TWN"), ("陆港", "TWN"), ("台韩", "TWN"), ("主计处", "TWN")]
# What a text declares of itself: the currency its amounts are in (9.2亿元(澳门元,下同): mo_trade_2018m7, 7,648亿(港元,
# 下同): hk_services_2016, 增长近5700亿元人民币(下同): cn_hurun_unicorn_2024) and the statistics office it reports (统计暨普查局
# 资料显示: mo_trade_2018m7, mo_industry_2015; 政府统计处: the hk_ releases; 主计总处: tw_gdp_2025q3, tw_dgbas_2025; 国家统计局
# and a mainland place's 统计局: the mainland communiqués). Each declaration speaks for the whole text, so it weighs as
# once more than the word itself (home_economy): a place may be named as a partner or a comparator, but the currency
# the amounts are in and the office whose statistics they are belong to the writer.
_DECLARED_CURRENCY = re.compile(r"(?P<a>人民币|港元|港币|澳门元|澳门币|新台币|令吉)\s*[（(]\s*下同"
                                r"|[（(]\s*(?P<b>人民币|港元|港币|澳门元|澳门币|新台币|令吉)\s*[,，.、]\s*下同")
_DECLARED_HOME = dict(CURRENCY_HOME + [("人民币", "CHN"), ("新台币", "TWN")])
_OFFICES = [("统计暨普查局", "MAC"), ("政府统计处", "HKG"), ("主计总处", "TWN"), ("主计处", "TWN"), ("国家统计局", "CHN")]
_PLACE_OFFICE = re.compile(rf"(?:{'|'.join(_MAINLAND_PLACES)})[省市区县]?统计局")  # a mainland place's statistics bureau


def declared_homes(text: str) -> list[str]:
    """The economy of each currency a text declares for what follows and of each statistics office it names."""
    homes = [_DECLARED_HOME[m["a"] or m["b"]] for m in _DECLARED_CURRENCY.finditer(text)]
    homes += [code for word, code in _OFFICES if word in text]
    if "国家统计局" not in text and _PLACE_OFFICE.search(text):
        homes.append("CHN")
    return homes


# A year of the Republic of China calendar written without 民国 (114年 = 2025, 92年以来): only Taiwan counts so.
_ROC_YEAR = re.compile(r"(?<![\d.])(?:[89]\d|1[01]\d)\s*年(?![\d代])")


# The economies outside the mainland that write Chinese, in the order that breaks a tie (Taiwan when none is named).
_WRITERS_ABROAD = ("TWN", "HKG", "MAC", "MYS", "SGP")
# The words that name one of them (place, institution, firm or currency): writer_counts, own_sentence_homes.
_WRITER_CUES = [(w, c) for w, c in ECONOMY_WORDS + CITY_WORDS + CURRENCY_HOME + HOME_CUES if c in _WRITERS_ABROAD]


@functools.lru_cache(maxsize=64)  # asked for every figure that may be the writer's (doubts._home_contradicted)
def sets_apart(text: str, code: str) -> bool:
    """Whether `text` sets 我国/本国 apart from `code` by name, so that its writer is not there: 我國與中國在本月7日均公布,
    我國對中國與香港的出口 (tw_exports_2025m10), 我國對中國及香港出口減少三十八.五% (自由時報 2008-12-09), 我國對中國的出口中
    (經濟部 via smartcpa.tw 2021-05-09): Taiwanese texts that name 中国 more often than Taiwan."""
    names = "|".join(sorted((w for w, c in ECONOMY_WORDS if c.split(":")[0] == code), key=len, reverse=True))
    return bool(names) and re.search(rf"(?:我国|本国)(?:与|和|及|对|、|跟)(?:{names})|(?:{names})(?:与|和|及|、|跟)"
                                     rf"(?:我国|本国)", text) is not None


def home_economy(text: str, traditional: bool = False) -> str:
    """The economy a text is written from: Chinese is written in mainland China, Hong Kong, Macau, Taiwan,
    Singapore and Malaysia, and 我国/全国/国内 mean the writer's own. CHN unless one of the others is named (by
    place, institution, firm or currency) more often than the mainland.

    Every economy that writes Chinese is weighed the same way in either script: a Traditional text from Malaysia
    (大马统计局指出,我国的…进口量按年增长98.5%,达2亿2750万令吉: 星洲日报 2022-06-28 in Traditional;
    my_penang_trade_2022) is Malaysian as a Simplified one is. The script only moves the mainland's count and
    the guess for a text that names no one: mainland reports are often reposted in Traditional (a 国家统计局
    communiqué on a Hong Kong or Shenzhen portal), so a Traditional text is from the economy it names most
    (Taiwan when it names none, flagged as assumed wherever it is used) unless it names the mainland by words
    only a mainland writer uses of it more often: 中国 (a Taiwanese or Hong Kong writer says 中国大陆, 大陆 or
    内地), the State Council and the national statistics bureau, 人民币 and mainland provinces and cities.
    我国/国内/全国 are left out there: a Taiwanese text says 我国 and 国内 of Taiwan. A text that sets 我国 apart
    from an economy by name (我国对中国…出口) is not from there, however often it names it (sets_apart)."""
    counts = writer_counts(text)
    declared = declared_homes(text)
    for code in declared:
        if code in counts:
            counts[code] += 1
    if traditional:
        counts["TWN"] = counts.get("TWN", 0) + len(_ROC_YEAR.findall(text))
        # Hong Kong's own word in Traditional: 内地 (a Taiwanese writer says 大陆). Not 按年 (year on year): Macau
        # (本地生产总值按年实质增长116.1%: gcs.gov.mo N23KQGhG7h) and Malaysia (进口量按年增长98.5%: 星洲日报
        # 2022-06-28; 大马九月出口按年劲增24.7%: 9shares.my) write it as Hong Kong does.
        counts["HKG"] = counts.get("HKG", 0) + text.count("内地") - text.count("中国内地")
    best = max((c for c in _WRITERS_ABROAD if not sets_apart(text, c)), key=lambda c: counts.get(c, 0))
    if sets_apart(text, "CHN"):
        return best
    if traditional:
        mainland = text.count("中国") - text.count("中国大陆") - text.count("中国台湾") + \
            sum(text.count(word) for word in _MAINLAND_WRITER) + \
            sum(text.count(word) for word in _MAINLAND_PLACES)
        mainland += declared.count("CHN")
        return _own_or_mainland(text) if mainland > counts.get(best, 0) else best
    # 中国大陆 is what writers outside the mainland call it (Singapore: sg_cn_trade_2013 除中国大陆和台湾地区以外;
    # Taiwan, in the Simplified edition of a Taipei paper: tw_patent_2023 日本、美国、中国大陆及南韩; Hong Kong in
    # Traditional: hk_trade_2009, hk_services_2016); a mainland writer says 中国, 我国 or 国内. So it counts for
    # neither 中国 nor 大陆 here, as it does not in a Traditional text above.
    mainland = mainland_count(text) + declared.count("CHN")
    return best if counts.get(best, 0) > mainland else _own_or_mainland(text)


def _own_or_mainland(text: str) -> str:
    """CHN for a text that names the mainland more often than any economy abroad, unless its 我国 stands beside one
    economy abroad (own_sentence_homes): then it is from there, though it names China more often."""
    own = own_sentence_homes(text)
    return next(iter(own)) if len(own) == 1 else "CHN"


# 我国/本国 followed straight by a place is the mainland's way of naming a part of China (对我国香港…增长13.2%:
# cn_jiangsu_trade_2014), not the writer's own economy beside it.
_OWN_WORD = re.compile(r"(?:我国|本国)(?!香港|台湾|澳门)")


@functools.lru_cache(maxsize=8)  # once per document, not once per figure (doubts._home_contradicted)
def own_sentence_homes(text: str) -> frozenset[str]:
    """The economies abroad that the sentences saying 我国/本国 name beside it, when they name no mainland word: such a
    sentence says whose 我国 is, however often the rest of the text names China (电子商务对我国国内生产总值的贡献,
    占6.1%达746亿令吉: my_ecommerce_2016, a Malaysian paper on Alibaba that names 中国 eight times; 半导体已成为台湾的
    护国神山,出口占我国总出口比高达34.8%: tw_us_cn_techwar_2024, a Taiwanese paper on the US and China). An economy
    the text sets 我国 apart from (sets_apart) is not the writer's. Only for a text otherwise read as the mainland's:
    a text already placed abroad may set its 我国 beside another (我国人才总被新加坡吸引: my_penang_trade_2022)."""
    mainland = _MAINLAND + _MAINLAND_WRITER + _MAINLAND_PLACES
    homes = set()
    for sentence in re.split(rf"[{SENTENCE_END}\n]", text):
        if _OWN_WORD.search(sentence) and not any(w in sentence for w in mainland):
            homes |= {c for w, c in _WRITER_CUES if w in sentence}
    return frozenset(c for c in homes if not sets_apart(text, c))


def writer_counts(text: str) -> dict[str, int]:
    """How often `text` names each economy outside the mainland that writes Chinese, by place, institution, firm or
    currency (home_economy's evidence)."""
    counts = dict.fromkeys(_WRITERS_ABROAD, 0)
    for word, code in _WRITER_CUES:
        counts[code] += text.count(word)
    return counts


def mainland_count(text: str) -> int:
    """How often a Simplified `text` names the mainland as a mainland writer does (中国大陆 is what writers elsewhere
    say, so it counts against)."""
    return sum(text.count(word) for word in _MAINLAND) - 2 * text.count("中国大陆")


def is_traditional(printed: str, simplified: str) -> bool:
    """True when at least 5% of the Chinese characters change from Traditional to Simplified (a Simplified
    text changes almost none; a Traditional one a fifth or more)."""
    cjk = [(a, b) for a, b in zip(printed, simplified) if "\u4e00" <= a <= "\u9fff"]
    return bool(cjk) and sum(a != b for a, b in cjk) >= 0.05 * len(cjk)


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


# Classes of economies by development or income (开发中经济体在2013年全球FDI流动中…达7780亿美元,占总流量的54%: tw_unctad_fdi_2013
# line 4; 其中发达国家22个,…开发中国家占比一半,25个: cn_mva_top50_2024 line 5) are the subject of what is said of them,
# written as named (the labels' convention for a group without codes). As words they also keep the 中国 inside 发展中国家
# and 开发中国家 from being read as China. Not an economy the text could be written from, nor one that makes the writer's
# own economy an assumption (_names_others).
CLASS_WORDS = [(w, w) for w in (
    "发展中国家", "发展中经济体", "开发中国家", "开发中经济体", "发达国家", "发达经济体", "转型经济体", "新兴经济体",
    "新兴市场国家", "新兴市场经济体", "最不发达国家", "中高收入经济体", "高收入经济体", "中低收入经济体", "低收入经济体")]
_SUBJECT_WORDS = sorted([(w, c, False) for w, c in ECONOMY_WORDS + CITY_WORDS + CLASS_WORDS] +
                        [(w, c, True) for w, c in COMPANY_WORDS], key=lambda x: -len(x[0]))
# 其中/之中/当中 (among them) are words: the 中 ending them opens no 中美/中欧/中国 (其中美国以233家排名第一 is the US
# alone, cn_unicorn_2020 line 3; not the pair 中美), so a word starting with 中 must not follow 其/之/当.
_SUBJECT_RE = re.compile("|".join(("(?<![其之当])" if w.startswith("中") else "") + re.escape(w)
                                  for w, _, _ in _SUBJECT_WORDS))
_SUBJECT_OF = {w: (c, company) for w, c, company in _SUBJECT_WORDS}
_CLASSES = {c for _, c in CLASS_WORDS}
# A province, city or county is written `CHN:青海`: its economy first, then the place, so that a local figure is
# never read as the national one (全县工业增加值 is the county's, not China's).
_PLACE_OF = {w: f"{c}:{w}" for w, c in CITY_WORDS}


def subject_code(word: str, home: str) -> str:
    """The subject a word of the lists names: the writer's economy for 我国/全国 (HOME), a city as its place (CHN:深圳),
    a word the lists do not know as itself."""
    code = _SUBJECT_OF.get(word, (word,))[0]
    return home if code == HOME else _PLACE_OF.get(word, code)
# `与16个国家签署…`: countries named as partners (与/同/和 N个国家) are not the subject; N个国家 otherwise scopes a
# statement over many countries, which makes it a world figure (涵盖96个国家的243家运营商).
# A region or economy just before N个国家 names whose countries they are (欧盟28个国家, cn_oecd_rd_2014). 来自 before
# it gives where people come from, not whose figure it is: 预计来自54个国家及逾1.7万名人士参加 (an event held in Hong Kong,
# hk_startups_2019 line 4), 来自67多个国家和地区的6,849名科学家 (the world list's, cn_highly_cited_2023 line 3).
_ECONOMY_BEFORE = re.compile("(?:" + _SUBJECT_RE.pattern + r"|来自)\s*$")
_MANY_COUNTRIES = re.compile(r"(?<![与同和跟\d])\d+\s*个国家(?!级)")
# The top N of a ranking as a noun (前十强经济体, 排名前十的独角兽, 前10名), not its place in it (位居前三 after a subject).
_TOP_GROUP = re.compile(r"(?<![居列围入身至持在进])前\s*(?:\d{1,2}|[二两三四五六七八九十]{1,2})\s*(?:强|名|位)?"
                        r"(?=的|经济体|国家|企业|公司|独角兽|城市|中)")


# Places not in CITY_WORDS, by the suffix Chinese writes after a place name: provinces (省), counties (县),
# autonomous regions and prefectures, and cities (市, not the 市 of 市场/城市/上市/股市/市值). Written
# `ECONOMY:place` with the economy the text is written from (a county in a mainland text is CHN:丹寨县).
_PLACE_SUFFIX = re.compile(r"自治区|自治州|省(?![钱时力去略])|县|(?<![城上股超门都夜集菜黑])市(?![场值民面况政委道价容貌])")
_NOT_IN_PLACE = set("的在和与及全本该各每所有其这那些地级城超年月日惟但而且并近来了是为将已也都对据统计从到至比较省县市州区")
# Companies named with the suffix of a firm (公司, 集团, 控股, 银行; 汽车 after a two-character brand) at the
# start of a clause, where Chinese puts the subject: 长安汽车出口…, 淡马锡控股的…. Generic heads (该公司,
# 上市公司, 科技公司, 新能源汽车) are not names.
# A name may be written in Latin letters (SpaceX公司). After 的 it is the head of a noun phrase however long the
# modifier before it (总部深圳的微众银行, cn_unicorn_2022; 在前不久刚宣布即将在港股和科创板上市的蚂蚁集团以1万亿估值蝉联第一,
# cn_unicorn_2020): the firm is what the clause is about.
_COMPANY = re.compile(r"(?:^|(?<=[，,；;。：:（(“\s的])|(?<=其中)|(?<=而)|(?<=但))"
                      r"(?P<name>(?:[\u4e00-\u9fff]{2,12}?|[A-Za-z][A-Za-z&.\-]{1,15})(?:有限公司|公司|集团|控股|银行)"
                      r"|[\u4e00-\u9fff]{2}汽车)")
# A head naming a kind of firm or bank (百货公司 = department stores, 商业银行, 世界银行 is no firm) is no name, nor
# one that sorts firms by size, listing or time (中大型公司, 新上市公司/新上柜公司, 近期亮点公司: tw_ipo_market_2018;
# 具体公司而言: cn_unicorn_2020; 非上市公司: cn_hurun_2023).
_GENERIC = re.compile(r"^(?:该|本|这|其|各|多家|一些|部分|具体|个别|近期|上市|非上市|新上市|上柜|新上柜|中大型|科技|互联网|头部|龙头|大型|中小|国有|民营|外资|跨国|子|母|"
                      r"控股|电动|燃油|智能|乘用|商用|国产|进口|出口|新能源|传统|整车|全球|我国|国内|全国|世界|百货|商业|"
                      r"中央|人民|投资|开发|贸易|保险|证券|航空|物流|零售|金融|电信|能源|石油|电力|城市|农村|非县域|"
                      r"政策性|中资|地方|村镇|股份制|"
                      # A class of firms by their trade or stage (公司设在美国的半导体公司: tw_semicon_global_2024 line 6;
                      # 66%的初创公司创办人: hk_startups_2021 line 4; 本地科技起步公司: sg_startups_2022 lines 1, 8): no name.
                      r"半导体|芯片|晶圆|代工|设计|初创|新创|起步|创业|独角兽)")

# A firm's name is a proper noun: a head with a particle, measure word, preposition or demonstrative is a noun
# phrase about firms (据波音公司 is a source, 上述两家公司 / 其控股 refer back, 对外投资公司 describes).
# So is one opening on a measure word (1878 家独角兽公司) or holding 占/整个/全部/所有 (占整个创业公司大池子).
_NOT_IN_NAME = re.compile(r"^[家个座只位名项]|[的等在对向从据由与和及其该此这那些述各每所被把将是占]|整个|全部|所有"
                          r"|[\d一二两三四五六七八九十百千多几数]+[家个]"
                          # a question word asks which firm (全球半导体市场营收排名,哪国公司领先前茅?: tw_semicon_global_2024
                          # line 3; 全球五百强第一名是哪家公司?: a heading on kuaiyichina.com), it names none
                          r"|哪|什么")
# What opens a clause before a firm's name is no part of it: a conjunction (而蚂蚁集团和菜鸟网络成为价值下降最多的独角兽:
# cn_hurun_unicorn_2024 line 7; 而…的蚂蚁集团: cn_unicorn_2020) or a time word (去年本地科技起步公司筹募了近110亿美元:
# sg_startups_2022 line 8).
_NAME_LEAD = re.compile(r"^(?:而|但|且|并|去年|今年|前年|上年|本年|明年)+")
# 本地/本港/本澳 before a class of firms points at the writer's own economy (本地起步公司, 本地科技起步公司: sg_startups_2022
# lines 1, 8), as 本地 before other nouns does in writing from Hong Kong (本地企业, 本地研发开支: hk_rd_outlook_2018
# lines 2-5; 本地生产总值: hk_gdp_2015): the firms of home, whose figure is home's.
_LOCAL_FIRMS = re.compile(r"^(?:本地区|本地|本港|本澳)")


# A listed company is introduced with its ticker and stock code in brackets (马银行(MAYBANK,1155,主要板金融), 国家能源
# (TENAGA,5347,主要板贸服), 联昌集团(CIMB,1023,…): my_klse_market_cap_2016; 台積電(2330): tw_semicon_2018), and named
# without them after that. The name is the end of the run of characters before the bracket: its longest tail that
# the text uses again on its own after a particle (国内龙头马银行 -> 马银行, 即国家能源 -> 国家能源), else that tail.
_TICKER = re.compile(r"(?P<run>[\u4e00-\u9fff]{2,12})[（(]\s*(?:[A-Z][A-Z0-9.&]{1,11}\s*[,，]\s*\d{4,6}|"
                     r"(?!(?:19|20)\d{2}\b)\d{4,6}(?:\.[A-Z]{2})?\s*[）)])")
LISTED: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("listed", default=())


# A text also names firms in a list it closes with 等 and the class of firm they are, often with their number (中华电信、远传、
# 台湾大哥大等三大业者, 中华电信、远传电信、台湾大哥大、亚太电信、台湾之星等五大电信业者: tw_5g_subsidy_2025 lines 3, 7;
# 辉达、高通、博通、超微等IC设计公司: tw_semicon_global_2024 line 8; 中来、晶科、一道等头部企业: cn_industry_chain_2024 line 2;
# 华为、中兴等好多企业: cn_5g_2021 line 4): each item is a firm wherever the text names it again (远传最高四十一．七％). A
# first item must open its clause or follow 包括/如, else the run before it is no part of the list (先后引入中来); nor
# are fields (生物科技等是催生独角兽企业的热门行业: cn_unicorn_2022 line 2, a verb between 等 and the firms).
_FIRM_LIST = re.compile(r"(?:^|(?<=[，,；;：:（(“\s、]))(?P<list>[\u4e00-\u9fffA-Za-z]{2,8}"
                        r"(?:、[\u4e00-\u9fffA-Za-z]{2,8})+)等 *(?:[二两三四五六七八九十\d]+\s*[大家])?"
                        r"[^，,；;。、的是为\n]{0,6}?(?:企业|公司|业者|厂商)")
# The verb or time word that opens the clause before the first item is no part of its name (拥有字节跳动、…等: cn_unicorn_2021;
# 包括华为、中兴等好多企业: cn_5g_2021; 当时中华电信、…等五大电信业者: tw_5g_subsidy_2025 line 7).
_LIST_LEAD = re.compile(r"^(?:拥有|包括|包含|当时|其中|例如|比如|诸如|如|像)")


def _listed_firms_of(m: re.Match) -> list[str]:
    """The items of a list of firms (_FIRM_LIST) that can be names: none that the word lists know as an economy or firm,
    a class of firms or a place."""
    return [name for name in _LIST_LEAD.sub("", m["list"]).split("、")
            if not (name in _SUBJECT_OF or _GENERIC.match(name) or _NOT_IN_NAME.search(name)
                    or re.search(r"(?:企业|公司|业者|厂商|国|省|市|地区)$", name))]


def listed_names(text: str) -> tuple[str, ...]:
    """The names of the companies a text introduces with a stock code or in a list of firms, longest first."""
    names = {name for m in _FIRM_LIST.finditer(text) for name in _listed_firms_of(m)}
    for m in _TICKER.finditer(text):
        run = re.split(r"[的和与及即是在、]", m["run"])[-1]
        again = [run[i:] for i in range(len(run) - 2, -1, -1) if len(run) - i <= 6
                 and re.search(re.escape(run[i:]) + r"(?![（(])", text)]
        name = again[-1] if again else run
        if len(name) >= 2 and name not in _SUBJECT_OF and not _GENERIC.match(name):
            names.add(name)
    return tuple(sorted(names, key=len, reverse=True))


# A firm the word lists do not know, named by what is said of it: reports on venture capital, listings and unicorns
# name the firm, then the verb of raising money and the amount raised (美國AI新創Scale AI募得143億美元, Anduril
# Industries獲得25億美元, 葡萄牙Tekever也吸引5億美元資金, 上汽出行亦獲1.78億美元: tw_vc_pulse_2025q2 lines 2, 4, 5), or the
# firm, 以 and its valuation or the money it raised (抖音以1.3萬億元的估值保住了全球價值最高的獨角獸頭銜: cn_unicorn_2022
# line 6; 蚂蚁集团以1万亿估值蝉联第一: cn_unicorn_2020 line 5; 宁德时代香港IPO以410亿港元融资额稳居第一:
# cn_ipo_review_2025 line 3). Whatever stands there is the one that raised or is valued, so a name in Latin letters
# (any run of words, 5G and AI excepted) or one that opens its clause is a firm, written as named. Several firms
# listed before the verb (Safe Superintelligence與Thinking Machines Lab各籌得20億美元) are each named.
_LATIN_NAME = r"[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*)*"
_RAISES = (r"\s*(?:则|也|亦|还|各|分别|共|仅|于[^，,；;。]{0,6})?\s*(?:募得|募资|募集|筹得|筹资|获得|获|吸引|融资)了?"
           r"\s*(?:约|近|逾|超过)?\s*[\d一二三四五六七八九十]")
_VALUED = (r"以\s*(?:约|近)?\s*[\d一二三四五六七八九十][^，,；;。（(]{0,10}?(?:估值|融资额|募资额|筹资额|市值)"
           # The same firm with its valuation as the topic noun after it (菜鸟网络估值增长450亿,达到2,200亿元; SpaceX估值
           # 达到6,400亿元; 字节跳动估值达到2.3万亿元: cn_hurun_2021 lines 2, 6, 7): the one valued.
           r"|估值(?:达到|增长|增加|上升|为|达)\s*(?:约|近)?\s*[\d一二三四五六七八九十]")
# A firm is also named by its listing: 在上交所上市的华电新能源,以181.7亿元人民币…排名第五 (cn_ipo_review_2025 line 3), 即将在港股和
# 科创板上市的蚂蚁集团以1万亿估值蝉联第一 (cn_unicorn_2020 line 5): what is listed (上市/挂牌/上柜) on a market is a firm,
# the head after 的, whatever its name ends in (能源 and 国际 end other nouns too, so the ending alone does not say).
_LISTED_HEAD = re.compile(r"(?:上市|挂牌|上柜)的(?P<name>[\u4e00-\u9fff]{2,8}?)(?=[，,；;。（(]|以|$)")
# A unit of a group is named after 旗下 ("under the banner of") with its own abbreviation in brackets: 鸿海集团旗下富士康工业
# 互联网(FII)在上证正式挂牌,光是一家资本额就高达RMB¥177.25亿 (tw_ipo_market_2018 line 7): the unit is the firm the clause is
# about, the group before 旗下 only says whose it is (as a place before 的 does).
_UNIT_OF = re.compile(r"旗下(?P<name>[\u4e00-\u9fff]{2,12})(?=\s*[（(][A-Z][A-Za-z]{1,7}[）)])")
# Adverbs and time words that open a clause before the verb of raising money are no name (合计募资超过1,700亿港元:
# cn_ipo_review_2025 line 6; 同季募资146亿美元).
# Nor is a common noun for firms, deals or a field (公司募资, 该季交易, 独角兽企业获得, 项目融资, 市场募资): not one firm's name.
_NO_NAME = re.compile(r"合计|共计|总计|累计|合共|一共|总共|平均|同比|全年|今年|去年|本季|同季|当季|再次|再度|先后|成功|共同|已经"
                      r"|^(?:公司|企业|集团|银行|基金)$|(?:企业|项目|交易|市场|行业|产业|领域|板块|新创|初创|独角兽)$")
_FUNDED = re.compile(rf"(?<![A-Za-z0-9])(?P<latin>{_LATIN_NAME})(?=(?:\s*[与和及、]\s*{_LATIN_NAME})*(?:{_RAISES}|{_VALUED}))"
                     rf"|(?:^|(?<=[，,；;。]))\s*(?:其中|而|但)?\s*(?P<name>[\u4e00-\u9fff]{{2,6}}?)(?={_RAISES}|{_VALUED})")

# A firm the word lists do not know, written in Latin letters, is also named as the topic of its clause, before the noun
# of its value and the verb (OpenAI价值增长最快,增长近5700亿元…; SpaceX价值增长第二快: cn_hurun_unicorn_2024 line 7; as in 总部洛杉矶的
# SpaceX估值增长4,000亿: cn_hurun_2021 line 6, which _VALUED reads), or in apposition after the class of firm it is (配送公司Instacart: cn_hurun_unicorn_2024
# line 4; AI新創Scale AI, 物流新創Zelos Tech: tw_vc_pulse_2025q2 line 2). A proper noun has a small letter (OpenAI, not
# R&D or IDM, which are terms).
_LATIN_FIRM = re.compile(rf"(?:^|(?<=[，,；;。：:、\s]))(?:而|但|其中)?\s*(?P<topic>{_LATIN_NAME})(?=(?:价值|估值|市值)"
                         r"(?:增长|增加|上升|下降|减少|达到|达|为))"
                         rf"|(?<=公司|企业|新创|初创)(?P<named>{_LATIN_NAME})")


def _named_subjects(span: str, home: str, rest: str = "") -> list[tuple[int, str, bool, int]]:
    """Places and companies the fixed word lists do not know, named by their suffix or by a stock code, or before a
    verb of raising money (`rest`: the figure's clause after `span`, where the amount stands)."""
    found = []
    for m in _FIRM_LIST.finditer(span):
        # The list itself names the firms as a class (三大业者): a figure of the class is their economy's, as the labels
        # have it (中华电信、远传、台湾大哥大等三大业者…资费至少要一三九九元: TWN, tw_5g_subsidy_2025 lines 3, 7), not of
        # the firms in it nor of a place inside a name (台湾 in 台湾大哥大). Marked, then left out of the subjects.
        if len(_listed_firms_of(m)) == len(_LIST_LEAD.sub("", m["list"]).split("、")):
            found.append((m.start("list"), _FIRM_CLASS, False, m.end("list")))
    for name in LISTED.get():
        for m in re.finditer(re.escape(name), span):
            if not any(a <= m.start() < b for a, _, _, b in found):
                found.append((m.start(), name, True, m.end()))
    for m in _PLACE_SUFFIX.finditer(span):
        # The name runs back from its suffix over at most four characters, stopping at a word that cannot be
        # part of a place name (2023年丹寨县 -> 丹寨县; 惟近年市道 -> nothing).
        start = m.start()
        while start > max(0, m.start() - 4) and "\u4e00" <= span[start - 1] <= "\u9fff" \
                and span[start - 1] not in _NOT_IN_PLACE:
            start -= 1
        if m.start() - start >= 2 and span[start] not in "省县市一二三四五六七八九十百千":
            found.append((start, f"{home}:{span[start:m.end()]}", False, m.end()))
    for m in _COMPANY.finditer(span):
        name, start = m["name"], m.start("name")
        if (cut := max(name.rfind("的"), name.rfind("之"))) >= 0:
            # The name is the head after 的/之 (总部深圳的微众银行, 政府膀臂之淡马锡控股: the bank, the holding).
            name, start = name[cut + 1:], start + cut + 1
        if lead := _NAME_LEAD.match(name):
            name, start = name[lead.end():], start + lead.end()
        if local := _LOCAL_FIRMS.match(name):
            found.append((start, home, False, start + local.end()))
            continue
        head = re.sub(r"(?:有限公司|公司|集团|控股|银行|汽车)$", "", name)
        if len(head) < 2 or re.search(r"(?:人民|中央|储备)银行$", name):
            continue  # a central bank (中国人民银行, 美国联邦储备银行) speaks for its economy; no firm
        known = [w for w in _SUBJECT_RE.findall(name)]
        if _GENERIC.match(name) or _NOT_IN_NAME.search(head) or head in _SUBJECT_OF \
                or any(_SUBJECT_OF[w][1] for w in known) or (name.endswith("汽车") and known):
            continue  # generic (中国公司 = Chinese firms), or a firm the list knows (类似英伟达公司 is 英伟达)
        found.append((start, name, True, m.end("name")))
    for m in _UNIT_OF.finditer(span):
        if not (_SUBJECT_RE.search(m["name"]) or _NOT_IN_NAME.search(m["name"])):
            found.append((m.start("name"), m["name"], True, m.end("name")))
    for m in _LISTED_HEAD.finditer(span + rest):  # (the name ends its clause or stands before 以, not before a figure)
        name = m["name"]
        if not (m.end("name") > len(span) or any(a <= m.start("name") < b for a, _, _, b in found) or _SUBJECT_RE.search(name)
                or _GENERIC.match(name) or _NOT_IN_NAME.search(name)):
            found.append((m.start("name"), name, True, m.end("name")))
    for m in _LATIN_FIRM.finditer(span):
        group = "topic" if m["topic"] else "named"
        if re.search(r"[a-z]", m[group]) and not any(a <= m.start(group) < b for a, _, _, b in found):
            found.append((m.start(group), m[group], True, m.end(group)))
    for m in _FUNDED.finditer(span + rest):
        name = m["latin"] or m["name"]
        start = m.start("latin") if m["latin"] else m.start("name")
        if start + len(name) > len(span) or any(a <= start < b for a, _, _, b in found) or re.fullmatch(r"[A-Z0-9]{1,5}", name) \
                or _SUBJECT_RE.search(name) or _GENERIC.match(name) or _NOT_IN_NAME.search(name) or _NO_NAME.search(name):
            continue  # an acronym (IPO, AI), a place or firm the lists know (中国仅募得), a noun phrase or an adverb
        found.append((start, name, True, start + len(name)))
    return found


# The copula (是/为/成为, with 继续/仍/则/也 before it) makes what follows the predicate, unless a 的 before it makes
# a cleft (位列前三的是韩国…: the economy after 的是 is the subject); 认为/作为/因为/约为/分别为 are other words.
# Fixes 8 subject misses in 3 texts: cn_sg_trade_2018 3 (中国继续是新加坡第一大贸易伙伴, 新加坡继续为中国…第二大
# 目的国), cn_eu_trade_50y 2 (中国是欧盟第一大进口来源国…, 欧盟则是中国第二大…), cn_unicorn_2021 3 (…，是全球獨角獸
# 企業重要誕生地；總估值…: China's, not the world's).
_COPULA = re.compile(r"(?:(?:继续|仍然|仍|则|也|还|已经|已)?成为|(?:继续|仍然|仍|则|也|还|已经|已|^|(?<=[^的认作因约仅别])"
                     r")(?:是|为))$")
# Economies listed after an emphatic 是 and ranked by the verb after them (是南韩、香港居前两名), and a superlative's
# cleft before the copula (…最多的国家是美国): the economies after 是 are the subject.
_RANKED_AFTER = re.compile(r"(?:\s*[、和与及]\s*[^，,；;。、和与及]{1,6})*\s*(?:居|位居|位列|排名|排在)")
_SUPERLATIVE_CLEFT = re.compile(r"最[\u4e00-\u9fff]{1,3}的(?:国家|经济体|地区|城市|企业|公司)?$")


# Trade by destination and origin: Chinese names the partner after a preposition of direction (对/向/自 X, 输往/
# 运往/销往/出口到 X, 从 X 进口), and the figure stays the reporter's (香港輸往德國及日本的出口貨量, hk_trade_2009;
# 欧盟…从中国进口商品, cn_eu_trade_2020; 對美國出口占總出口比率, tw_exports_2025). 来自 X is not one: 5家来自中国
# are China's.
_DESTINATION = "输往|运往|销往|出口到|出口至"  # the verbs of shipping to a destination, read by both rules below
_PARTNER_BEFORE = re.compile(rf"(?:对|向|(?<!来)自|{_DESTINATION}|出口往)(?:我国)?$")
# 来自内地、韩国…的进口货值 and 从中国内地进口 (origin, over a list of partners), 香港往中国内地的整体出口 (destination).
# Export orders by the region they come from are the receiving economy's as imports are (來自美國之外銷訂單金額達
# 二六八三·四億美元, tw_export_orders_2025 line 2; 9月來自美國訂單252.9億美元, 經濟日報 2025-10-22: Taiwan's orders).
# Macau's releases name the origin with 由 or 产自 and open a clause on a destination with 往 alone (往上海(1,632万元)则
# 减少82.6%: mo_trade_2018m7:3; 而往上海(2,131万元)的大幅减少87.4%: gov.mo/zh-hans/news/224088); a list of partners may
# follow the first (由中国内地…与欧洲联盟…进口). Each partner may carry its amount in brackets (由中国内地(174.5亿元)与欧洲联盟(128.1亿元)进口: the DSEC releases,
# mo_trade_2018m7:4 and gov.mo/zh-hans/news/224088; 产自欧洲联盟(143.6亿元)及中国内地(110.1亿元)的进口货值: gov.mo 888693).
_AMOUNT_NOTE = r"(?:[（(][^（()）]{1,12}[）)])?"
_PARTNER_LIST = (rf"{_AMOUNT_NOTE}(?:[、和及与][^，,；;。、和及与（(]{{1,6}}{_AMOUNT_NOTE})*"
                 r"[^，,；;。]{0,4}?")  # more partners listed, then the verb
_IMPORT_AFTER = re.compile(_PARTNER_LIST + "(?:进口|输入|购入|采购|(?:外销)?订单)")
_EXPORT_AFTER = re.compile(_PARTNER_LIST + "(?:出口|输出)")


# 在全球主要货币中 (among the world's major currencies): the world names the field a comparison is made in, as
# 全球排名第3 (a world ranking) and 全世界唯一 (the only one in the world) do; the subject is named elsewhere.
_AMONG = re.compile(r"[^，,；;。]{1,12}?(?:之中|中)")
# A rank right after an economy (欧盟第一大, 全球前三): the economy is the list the rank is in.
_RANK_AFTER = re.compile(r"\s*的?\s*(?:第[一二三四五六七八九十\d]+|最大|前[一二两三四五六七八九十\d]+)")


# A clause that picks members out of the list before it, and the words of trade by destination or origin.
_DETAIL = re.compile(r"\s*(?:其中|尤其是|特别是|其次)")
_TRADE_DIRECTION = re.compile(rf"{_DESTINATION}|进口自|来自[^，,；;。]{{1,12}}进口")


def _picks_partners(clause: str, previous: str, home: str) -> bool:
    """输往亚洲的整体出口货值上升22.7%，其中韩国达49.9%、其次台湾为48.5%: a clause that picks members (其中/尤其是/
    其次) out of the destinations or origins of the clause before names partners as that one does; its figures are
    the reporter's."""
    if not _DETAIL.match(clause):
        return False
    partners: list[str] = []
    _subjects(previous, False, home, partners)
    return bool(partners) or bool(_TRADE_DIRECTION.search(previous))


# A party named in a clause that is not its subject: a trade partner, a comparator, the base of a comparison.
_OTHER = "other party"
_FIRM_CLASS = "firms as a class"  # a list of firms closed by 等N大业者 (_named_subjects)
# The base of a comparison: an economy after a verb of comparing (是/为/相当于/达到/不到/不足/仅为), with the noun
# compared and 的 before the figure (是印度的3.4倍, 相当于美国2013年科研投入总额的80%, 达到欧盟28个国家总投入的
# 102%): the figure is a multiple or share of the base's, and belongs to the economy named before the verb.
# Fixes 13 misses in 3 texts with the comparators and gaps below (cn_unicorn_2021 11, cn_oecd_rd_2014 2,
# tw_semicon_2018 1 via 仅次于美国与韩国).
# 作为/认为/因为 are other words; the base's 的 stands just before the figure (or before the list's earlier figures).
_BASE_BEFORE = re.compile(r"(?:(?<![的认作因成])是|(?<![的认作因成])为|相当于|达到|不到|不足|只有|仅为|约为|分别是|分别为"
                          r"|分别相当于)$")
_BASE_AFTER = re.compile(r"(?:[、和与及][^，,；;。、的]{1,8})*[^，,；;。]{0,20}?的\s*(?:约|近)?"
                         r"(?:[\d.]+\s*[^\d，,；;。、和及]{0,3}(?:[、和及]\s*|$))*$")
# The other side of a gap or comparison (与美国差距越来越大, 同美国相比): the gap is the subject's to it.
_GAP_AFTER = re.compile(r"\s*的?\s*(?:差距|相比|相较|相差|比较)")
# The other side of a gap named with 与/同/跟/和 before 差距 (与全球第一的美国差距越来越大): the gap's figures are the pair's.
_GAP_SIDE = re.compile(r"(?:与|同|跟|和)[^，,；;。与同跟和]{0,8}?(?P<e>" + _SUBJECT_RE.pattern + r")\s*(?:之间)?的?\s*差距")


# A comparator (超过美国, 比美国) or a cited source (根据英国《经济学家》). A comparator's name may come after a title or
# rank the writer gives it (领先排名第三位的日本(22935億美元)11074億美元, 與排名第一位的美國的差距: cn_digital_economy_2016
# line 4; 遠超原製造業霸主美國, 比第2至第4名的美國、日本和德國總和還多: cn_mva_top50_2024 line 7): the economy after the title is
# compared with all the same, and the figure is the subject's (GUIDE 8: in A比B高X, X is A's). A number after the verb
# is a quantity it qualifies, not a title (超过一半的中国企业, 不到三成的美国公司: of the economy's firms).
_COMPARED = re.compile(r"(?:超过|超越|超车|超|高于|低于|不及|不如|领先|接近|仅次于|紧随|紧跟|赶超|追上|赶上|落后于|落后|比|较)"
                       r"(?P<title>[^，,；;。、和与及（()）]{0,8}?)$|(?:根据|据)$")
# A title holds no number but a rank's (第三位, 第2至第4名).
_QUANTITY_IN_TITLE = re.compile(r"(?<![第\d一二两三四五六七八九十百千])[\d一二两三四五六七八九十百千半]")


# A flow between two economies written by their one-character names (美對台入超, tw_us_surplus_2025 line 2: the US's
# deficit with Taiwan; 台對美出超金額創新高, 台視 2026-01-09: Taiwan's surplus with the US): the side before 对 owns it
# (GUIDE 8: the reporter's), as 美国对台湾入超 written in full is read. Only at the start of a phrase (after punctuation),
# where the character cannot end a longer word (欧美对华, 其中美…) or a date (22日对美出口).
_ABBREVIATION = {"美": "USA", "台": "TWN", "中": "CHN", "华": "CHN", "陆": "CHN", "日": "JPN", "韩": "KOR", "港": "HKG",
                 "欧": "EUU", "英": "GBR", "德": "DEU", "法": "FRA", "俄": "RUS", "印": "IND", "星": "SGP"}
_ABBREVIATED_FLOW = re.compile(r"(?<![\u4e00-\u9fff\d])(?P<a>[" + "".join(_ABBREVIATION) + r"])\s*对\s*[" + "".join(_ABBREVIATION)
                               + r"](?:出超|入超|顺差|逆差|出口|进口|投资|贸易)")


# A verb of entering before the world: the world is where the subject goes (a list, a market, a tier), not the subject:
# 近500家新加坡企业进入全球重要的创新中心 (sg_startups_2022 line 5: Singapore's firms), 有146家专精特新中小企业进入全球
# 独角兽榜 (cn_little_giants_2024 line 3: China's firms); 中国城市入围全球榜单前十 (cn_hurun_2023 line 5).
_ENTERED = re.compile(r"(?:进入|入围)了?$")


def _subjects(span: str, skip_world: bool, home: str, others: list[str] | None = None, tail: str = "",
              rest: str = "") -> list[tuple[int, str, bool]]:
    """(offset, code, is_company) of the subjects named in `span`, leaving out comparators, cited sources,
    titles in 《》 and world words that only qualify a share (全球占比, 占全球) or a rank (全球第一)."""
    hits = []
    named = _named_subjects(span, home, rest)
    for m in _SUBJECT_RE.finditer(span):
        word = m.group()
        code, company = _SUBJECT_OF[word]
        if any(a <= m.start() < b for a, _, _, b in named):
            continue  # inside a longer name: 新加坡 in 新加坡政府投资公司, 青海 in 青海省
        if word in _PLACE_OF and span.startswith("大学", m.end()):
            # 浙江大学 is a university named after its province, not Zhejiang: seed 000 line 613 lists it among
            # research institutions (以中国科学技术大学、浙江大学、清华大学等为代表的研究机构), cn_pct_2021 line 1 ranks it
            # among applicants (浙江大學(306件)位列…全球教育機構申請量排名第二). Its figures are the university's, written
            # as named, as a firm's are (the fresh7 labels: companies and universities as written).
            hits.append((m.start(), word + "大学", True, m.end() + 2))
            continue

        if span.rfind("《", 0, m.start()) > span.rfind("》", 0, m.start()):
            continue  # inside a title: 《全球数据安全倡议》 names a document
        if code == HOME:
            code = home
        code = _PLACE_OF.get(word, code)
        # 占全球, and 占2003年至2013年全球…的三分之一: the world after 占 in its clause is the whole a share is of.
        if code == "WLD" and (skip_world or re.search(r"占(?!比)[^，,；;。]{0,12}$", span[max(0, m.start() - 13):m.start()])
                              or span.startswith(("第", "前", "最", "领先", "范围", "占", "份额", "市场份额", "化",
                                                  "排名", "唯一", "比例", "比重"), m.end())  # 全球化 is globalisation
                              or _AMONG.match(span, m.end()) and re.search(r"在$", span[:m.start()])
                              or _ENTERED.search(span[max(0, m.start() - 3):m.start()])):
            continue
        if code != "WLD" and (re.search(r"占(?!比)[^，,；;。]{0,12}$", span[max(0, m.start() - 13):m.start()])
                              or _AMONG.match(span, m.end()) and re.search(r"在$", span[:m.start()])
                              or hits and hits[-1][1] != _OTHER and _RANK_AFTER.match(span + tail, m.end())):
            # As for the world: the whole a share is of (占欧盟…出口总额的21%), the field of a comparison (在欧盟相应
            # 贸易体量中占比…), the frame of a rank after the subject (中国保持欧盟第一大贸易伙伴): not the subject.
            hits.append((m.start(), _OTHER, False, m.end()))
            continue
        if re.search(r"最[\u4e00-\u9fff]{1,3}的$", span[max(0, m.start() - 6):m.start()]):
            continue  # the field a superlative ranks in (表现最佳的亚洲货币), not the subject
        if code in _CLASSES and re.match(r"之首|之冠|之中|中", span[m.end():] + tail):
            hits.append((m.start(), _OTHER, False, m.end()))
            continue  # the field of a rank or share (位居36个中高收入经济体之首: China is first among them)
        if word == "国内" and span.startswith("生产总值", m.end()):
            continue  # 国内生产总值 is GDP, not "China"
        if (compared := _COMPARED.search(span, max(0, m.start() - 12), m.start())) \
                and not re.search(r"是|为|" + _SUBJECT_RE.pattern, compared["title"] or "") \
                and not _QUANTITY_IN_TITLE.search(compared["title"] or "") and not re.fullmatch(
                         r"(?:(?:" + _FIRMS_OF.pattern + r")?的|[^，,；;。（(的]{0,6}[（(])\s*(?:约|近)?", span[m.end():]) and not (
                re.fullmatch(r"\s*的?\s*平均(?:水平|值|数)?\s*(?:约|近|为)?\s*", span[m.end():])
                and not re.match(r"[\d.]+\s*个?(?:百分|倍)", tail)):
            # (高于经合组织国家的平均水平2.37%, 超越OECD成员国平均2.7%: the comparator's average is its own figure, as
            # 超过中国的2.24% is; 高于全国平均水平1.5个百分点 is the subject's margin over it.)
            # A comparator (超过美国, 产量接近美国, 紧随美国, 比美国少32.3个百分点) or a cited source (根据英国《经济学家》), not
            # the subject; but a comparator's own figure (超过中国的2.24%, 仅次于美国的27%, 紧随美国(488家), and in
            # brackets after the noun compared: 高于全球平均水平(8.3%)) is that economy's. So is one given to the
            # comparator's firms (較日本企業的49702項多,但低於美國企業的56142項: hk_pct_huawei_2018 line 3), the economy's
            # firms as _FIRMS_OF reads them (美国IDM公司, 我国企业: the economy's).
            hits.append((m.start(), _OTHER, False, m.end()))
            continue
        if _PARTNER_BEFORE.search(span[max(0, m.start() - 4):m.start()]) or (
                re.search(r"(?:从|由|来自|产自)(?:[^，,；;。]{1,24}[、和及与])?$", span[:m.start()])
                and _IMPORT_AFTER.match(span + rest, m.end())
        ) or (re.search(r"往$", span[max(0, m.start() - 1):m.start()]) and _EXPORT_AFTER.match(span, m.end())) or (
                re.fullmatch(r"\s*(?:而|亦|则|另)?往", span[:m.start()])) or (
                _BASE_BEFORE.search(span[max(0, m.start() - 6):m.start()]) and _BASE_AFTER.match(span, m.end())) or (
                re.search(r"(?:与|同|跟|和)[^，,；;。与同跟和]{0,8}$", span[max(0, m.start() - 9):m.start()])
                and _GAP_AFTER.match(span, m.end())) or (
                hits and hits[-1][1] == _OTHER
                and re.fullmatch(r"(?:[（(][^（()）]{1,16}[）)])?\s*(?:[一二三四五六七八九十\d]+国)?[、和及与]",
                                 span[hits[-1][3]:m.start()])
                and not re.fullmatch(r"\s*[（(]\s*(?:约|近)?", span[m.end():])):
            # A trade partner (我省对欧盟进出口, 对美国和日本分别增长, 自美国进口), the base of a comparison (分别是
            # 印度、英国…的3.4倍、4.8倍, 相当于美国2013年…的80%, 不到美国的1/2) or the other side of a gap (与全球第一的
            # 美国差距越来越大), and the economies listed with it (仅次于美国与韩国): the figure is the other one's.
            # Comparators listed with their own figures in brackets are all comparators (GUIDE 8: in A比B高X, X is A's):
            # 中国数字经济占GDP的比例为30.3%,…分别比美国(58.3%)、日本(46.4%)和英国(58.6%)低28%、16.1%、28.3% and 分别比
            # 美国(6.1%)、日本(17.0%)和英国(11.5%)高出12.8%、1.9%、7.4% (cn_digital_economy_2016 line 8, two sentences):
            # China's gaps, not Britain's; each bracketed figure stays its own economy's.
            hits.append((m.start(), _OTHER, False, m.end()))
            continue
        if (copula := _COPULA.search(span[max(0, m.start() - 5):m.start()])) and _SUPERLATIVE_CLEFT.search(
                span, 0, m.start() - len(copula.group())):
            # 全球拥有独角兽企业数量最多的国家是美国,有763家: a superlative's cleft ("the country with the most … is the
            # US") names its subject after 是; the world before it is the field the superlative ranks in.
            hits = [h for h in hits if h[1] != "WLD"]
        elif copula and _RANKED_AFTER.match(span + tail, m.end()):
            # 亚洲四小龙过往出口规模都是南韩、香港居前两名: 是 stresses an embedded clause ("it was Korea and Hong Kong
            # that held the top two"), whose economies, ranked by the verb after them, are the subject; what came
            # before 是 is the field.
            hits = []
        elif re.search(r"(?:是|为|相当于)$", span[max(0, m.start() - 3):m.start()]) and span[m.end():] in ("的", ""):
            continue  # the base of a multiple or share (是美国的两倍): the subject is named before it
        elif (copula := _COPULA.search(span[max(0, m.start() - 5):m.start()])) and span[m.end():] and (
                hits or not span[:m.start() - len(copula.group())].strip()):
            # After the copula the economy is part of the predicate (中国继续是新加坡第一大贸易伙伴, 欧盟则是中国
            # 第二大…, ，是全球独角兽企业重要诞生地): the subject is the one before 是/为, named or carried. A topic
            # noun before it (专利是我国…发展中的关键变量) leaves the economy after it the figures' owner.
            continue
        hits.append((m.start(), code, company, m.end()))
    for m in _ABBREVIATED_FLOW.finditer(span):
        # 美對台入超已逾一一〇〇億美元: the side before 对 owns the flow, the one after it is the partner.
        if not any(a <= m.start() < b for a, _, _, b in hits):
            hits.append((m.start(), _ABBREVIATION[m["a"]], False, m.end("a")))
    if others is not None:  # the economies named as partner, comparator or base, for the caller
        others += [_SUBJECT_OF[span[a:b]][0] for a, c, _, b in hits if c == _OTHER and span[a:b] in _SUBJECT_OF]
    hits = [h for h in hits if h[1] != _OTHER]
    hits += [h for h in named if h[1] != _FIRM_CLASS and not any(a <= h[0] < b and h[3] - h[0] < b - a
                                                                for a, _, _, b in named)]
    for m in _TOP_GROUP.finditer(span):
        # 排名前十的独角兽占全球独角兽企业总价值的17.6%, 前十强经济体数字服务总出口占全球数字服务出口的66%: the top N of a
        # world ranking, not listed, are the world's leaders and what they hold is a figure of the world's structure
        # (how concentrated it is), the world's. Only when the clause names the world (as the whole or the list) and
        # no economy before the top N (中国城市入围全球榜单前十: China's cities); 前十名中 (among the top ten) is a field.
        if not skip_world and re.search(r"全球|世界", span + tail) and not span.startswith("中", m.end()) \
                and not any(h[0] < m.start() and h[1] not in ("WLD", _OTHER) for h in hits):
            hits.append((m.start(), "WLD", False, m.end()))
    for m in _MANY_COUNTRIES.finditer(span):
        if not skip_world and not _ECONOMY_BEFORE.search(span, 0, m.start()):  # 欧盟28个国家 are the EU
            hits.append((m.start(), "WLD", False, m.end()))
    # The group a unit is named under (鸿海集团旗下富士康工业互联网) is not the subject when the unit is.
    hits = [h for h in hits if not (h[2] and re.match(r"(?:集团|公司|控股)?旗下", span[h[3]:])
                                    and any(f[2] and f[0] == span.find("旗下", h[3]) + 2 for f in hits))]
    firms = [h for h in hits if h[2]]
    # A place that modifies a firm named after it in one noun phrase (总部深圳的微众银行, 美国的苹果公司) is where the
    # firm is, not the subject: the firm is the head.
    hits = [h for h in hits if h[2] or not any(re.fullmatch(r"[^，,；;。、和与及]{0,6}的", span[h[3]:f[0]])
                                               for f in firms if f[0] >= h[3])]
    return sorted(hits)


# Trade broken down by partner (label convention 8 of 2026-12-01): a release on one economy's trade, exports,
# imports, services exported or imported, or export orders lists its partners with a share or amount each
# (中国大陆及美国是香港服务输出中的两个最主要目的地,分别占…服务输出总额的40.1%及14.2%,其后是英国(8.2%);
# 主要订单来源地区,以美国284.5亿美元居冠…其次是东协135.8亿美元; 中新双边贸易额占新加坡贸易总额的11.8%,马来西亚以
# 11.6%位列第二; 马来西亚对第二大贸易伙伴新加坡的出口额…下降12.5%). Chinese names the partner as the topic of each
# item, but the share or amount is the reporter's statistic (its exports to, imports from, orders from the partner):
# the partner goes in the note. The reporter is the economy that owns the total (占新加坡贸易总额 -> SGP), else the
# one named with the trade the partners are listed in (香港服务输出中的目的地, 马来西亚对外出口, 马来西亚第二大贸易伙伴),
# else, when the total or the list has no owner (占2016年服务输出总额, 订单来源地区), the economy the text is written
# from. A share of the world (占全球X%) stays the part's and a bilateral amount (双边贸易额X) the pair's.
# Fixes 30 subject misses in 4 texts of fresh8 (hk_services_2016 13, tw_export_orders_2025m11 9, my_cn_trade_2019 5,
# sg_cn_trade_2013 3); the partner's rank (_PARTNER_RANK) 3 more. A count of partners (两个最主要目的地) is theirs.
_TRADE_NOUN = r"(?:对外)?(?:服务|货物|商品)?(?:贸易|进出口|出口|进口|输出|输入|外销订单|订单)"
# The total may also be written as the owner's trade itself (占美國年度進口的5分之1: the US's imports, China their
# partner, tw_us_cn_imports_2025 line 2; 半導體產業佔台灣總出口30%: a category's share of Taiwan's exports, tw_kr_exports_2025
# line 5; 美國占台灣總出口比重上升到30.9%, 聯合報 2026-01-09): the owner named right after 占 reports it.
_OWNED_TOTAL = re.compile(r"占(?:去)?\s*(?P<e>" + _SUBJECT_RE.pattern + r")?[^，,；;。]{0,10}?" + _TRADE_NOUN
                          + r"[^，,；;。]{0,4}?总(?:额|值|量)"
                          r"|占(?:去)?\s*(?P<f>" + _SUBJECT_RE.pattern + r")[^，,；;。的]{0,4}?(?:总|整体|全部)?" + _TRADE_NOUN
                          + r"|在\s*(?P<g>" + _SUBJECT_RE.pattern + r")[^，,；;。的]{0,4}?(?:总|整体|全部)?" + _TRADE_NOUN
                          + r"[^，,；;。]{0,4}?的?(?:占比|比重|份额)")
# A clause naming a share (…的占比，) opens the change of that share in the clause after it: 中國在美國整體進口市場的占比，
# 已從2024年的13.4%降至2025年的9% (tw_us_cn_imports_2025 line 2), 美國在我國總出口中的占比上升至34.2% (經濟日報, udn.com
# story 9125560) and 東協…在台灣總出口占比也上升到18.6% (聯合報 2026-01-09) in one clause: the owner after 在 reports it.
_SHARE_BEFORE = re.compile(r"(?:占比|比重|份额)\s*[，,]\s*$")
_REPORTER = re.compile(r"(?P<e>" + _SUBJECT_RE.pattern + r")(?:[^，,；;。是为]{0,12}?" + _TRADE_NOUN
                       + r"(?:总额|总值|中的|中)[^，,；;。]{0,8}?(?:目的地|来源地|来源|市场|伙伴)"
                       r"|[^，,；;。]{0,12}?对外(?:贸易|出口|进口)"
                       r"|\s*(?:对|同|与)?\s*的?(?:第[一二三四五六七八九十\d]+|最|前[二两三四五六七八九十\d]+)大"
                       r"(?:贸易伙伴|出口市场|进口来源))")  # (我国的前三大出口市场: tw_exports_2025m10 line 2)
# A list or total with no owner named: 目的地/来源地 of the text's own trade, 占…服务输出总额, and orders named by their
# source (美国订单: a writer's 订单 are those its own economy receives; 主要接单地区, the regions its orders come from:
# 統計處公布一一四年外銷訂單主要接單地區, tw_export_orders_2025 line 2; 五大主要接單地區金額, 經濟日報 2026-03-05).
_UNOWNED_LIST = re.compile(r"(?:目的地|来源地|订单来源|接单地区)|(?:" + _SUBJECT_RE.pattern + r")(?:外销)?订单"
                           r"|占(?:去)?[^，,；;。]{0,10}?" + _TRADE_NOUN + r"[^，,；;。]{0,4}?总(?:额|值|量)")
# The figure's clause is an item of the breakdown: it speaks of trade or a share, or ranks the next partner, or
# only names partners before the figure (日本29.9亿美元, 英国(8.2%)), or only 为/达 (…的是欧盟,为9.9%: the clause
# before says what it is).
_BREAKDOWN_ITEM = re.compile(_TRADE_NOUN + r"|占|份额|比重|其后|其次|随后|位列|排在|居冠|居首")
_PARTNERS_ONLY = re.compile(r"\s*(?:[其以]|其后是|其次是)?\s*(?:(?:" + _SUBJECT_RE.pattern + r")\s*[、和及与]?\s*)+[（(]?\s*"
                            r"(?:[^，,；;。]{1,16}?[、\s](?:年增|年减|增长|增加|下降|减少|同比|按年)[^，,；;。]{0,3})?")
# A list after 依序为/分别为 continues the clause before it as 为 does (今年前十月的出口占比，依序為29.5%、27.0%與19.1%:
# tw_exports_2025m10 line 2; 各研發類型占全國研發經費之比率,分別為9.2%、23.2%及67.5%: tw_rd_2013 line 4), its later
# figures too.
# A market named by its economy (以東南亞市場成長最為顯著…其次為日本市場…美國市場則為11.75%, of 新創企業出口: tw_startup_whitepaper_2025
# line 2; 10月出口表現強勁，五大主要市場同步走升，其中以美國市場最亮眼，10月單月211.4億美元: 經濟日報, udn.com story 9125560) in a
# sentence about trade is a destination of the writer's exports: a partner, as a destination after 输往 is.
_MARKET = re.compile(r"(?P<e>" + _SUBJECT_RE.pattern + r")\s*市场")
_CONTINUED = re.compile(r"\s*(?:(?:依序|依次|分别)?(?:为|是)|达|约)?\s*(?:[\d.]+\s*%\s*[、和与及]\s*)*")
_WORLD = re.compile(r"全球|世界|国际")


def _trade_reporter(text: str, pos: int, s_start: int, c_start: int, c_end: int, code: str | None,
                    home: str) -> str | None:
    """The reporter whose trade by partner the figure at `pos` is part of (see above), when `code` (the subject
    found otherwise) is a partner; else None."""
    if not code or code == "WLD" or ":" in code:
        return None
    sentence, clause = text[s_start:pos], text[c_start:c_end]
    if (_CONTINUED.fullmatch(text, c_start, pos) or _SHARE_BEFORE.search(text, s_start, c_start)) \
            and c_start - 1 > s_start:
        clause = text[bounds(text, c_start - 2, CLAUSE_END)[0]:c_end]
    markets = {_SUBJECT_OF[m["e"]][0] for m in _MARKET.finditer(text, s_start, pos)}
    if _WORLD.search(clause) or not (_BREAKDOWN_ITEM.search(clause) or code in markets
                                             or _PARTNERS_ONLY.fullmatch(text, c_start, pos)):
        return None  # a share of the world (中国占全球X%) is the part's
    # (markets picked out with 其中 of the trade the sentence before states: 出口表現亦顯著提升…。其中，以東南亞市場…)
    scope = bounds(text, s_start - 2, SENTENCE_END)[0] if code in markets and _DETAIL.match(text, s_start) else s_start
    if not re.search(_TRADE_NOUN, text[scope:c_end]):
        # Only trade has partners: 亚洲作为专利国际申请的最大来源地…，占2021年申请总量的54.1% (cn_pct_2021 line 2) is Asia's
        # share of the world's patent filings, a source of filings, not a trade partner of the writer's economy.
        return None
    share = re.search(r"占|份额|比重", clause)
    if re.search(r"双边|两国|双方|两地|之间", clause) and not share:
        return None  # a bilateral amount (双边贸易额达到1152亿新元, 欧盟和中国之间的货物贸易额为X) is the pair's
    reporter = None
    for m in _OWNED_TOTAL.finditer(sentence):
        if owner := m["e"] or m["f"] or m["g"]:
            reporter = _SUBJECT_OF[owner][0]
    if reporter is None and (named := [m for e in _SUBJECT_RE.finditer(sentence)
                                       if (m := _REPORTER.match(sentence, e.start()))]):
        reporter = _SUBJECT_OF[named[-1]["e"]][0]  # the last one named (亚洲是香港服务输出中…的目的地: 香港)
    if reporter is None and (_UNOWNED_LIST.search(sentence) or code in markets):
        reporter = home
    if reporter is None:
        return None
    reporter = home if reporter == HOME else reporter
    if reporter == "WLD" or reporter == code or reporter in code.split("+") and not share:
        return None  # (a pair with the reporter, without a share of a total, is a bilateral amount too)
    return reporter


_TIME_ENDS = ("以后", "之后", "以来", "后", "时")
# A rank modifying the economy after it: 第一的美国, 第二大的日本, 首位的中国.
_RANK_OF_NOUN = re.compile(r"(?:第?[一二三四五六七八九十\d]+(?:大|位|名)?|首位)\s*的\s*(?P<e>" + _SUBJECT_RE.pattern + ")")
_RANK_OF = re.compile(r"(?:第?[一二三四五六七八九十\d]+(?:大|位|名)?|首位)\s*的\s*")
# 即 (namely) after a clause of ranks or figures names, in order, those they are of.
_NAMELY = re.compile(r"\s*即\s*[:：]?\s*")
# 后者 (the latter) and 前者 (the former) open a clause about the last or the first of those the sentence has just named.
_LATTER = re.compile(r"\s*(?:而|但|其中)?\s*(?P<w>后者|前者)")
# A partner named as the source of the reporter's surplus or deficit (最大出超来源, 最大出超国, 顺差来源国).
_SURPLUS_SOURCE = re.compile(r"(?:出超|入超|顺差|逆差)(?:来源|国)")
# A count's members placed by origin or seat right after it (5家来自中国, 33家位于深圳, 12家总部在北京).
_ORIGIN_AFTER = re.compile(r"[^，,；;。]{0,8}?(?:来自|位于|总部位于|总部设在|总部在)")
# Words for both sides of a relation (两国, 双方, 双边, 两地): the figure is the pair's.
_PAIR = re.compile(r"两国|双方|双边|两地")


# A comparator overtaken or passed (超过/超越/取代/领先/仅次于 X): it is compared with, not a party to what follows.
_OVERTAKEN = re.compile(r"(?:超过|超越|取代|领先|仅次于|高于|低于)$")


def _last_pair(text: str, end: int, home: str) -> str | None:
    """The two economies the text names last before `end` (within 400 characters), in house order (CHN, USA, EUU,
    …): `CHN+SGP`; None when it names fewer than two."""
    last: dict[str, int] = {}
    for m in _SUBJECT_RE.finditer(text, max(0, end - 400), end):
        code, company = _SUBJECT_OF[m.group()]
        code = home if code == HOME else code
        if _OVERTAKEN.search(text, max(0, m.start() - 3), m.start()):
            continue  # 中国超过马来西亚,成为新加坡最大贸易伙伴,双边贸易额…: the one overtaken is no side of the relation
        if not company and code != "WLD" and "+" not in code:
            last[code] = m.start()
    pair = economy_order(sorted(last, key=last.get)[-2:])
    return "+".join(pair) if len(pair) == 2 else None


# Firms or economies listed at the opening of a clause (宁德时代、紫金国际、三一重工和赛力斯的港股IPO项目…), and a count of
# firms that a 分别 series is about (之后三家公司融资额分别达…).
_NAME_LIST = re.compile(r"(?:^|(?<=[，,；;：:]))\s*(?P<list>[\u4e00-\u9fffA-Za-z]{2,6}(?:\s*、\s*[\u4e00-\u9fffA-Za-z]{2,6})+"
                        r"\s*(?:和|及|与)\s*[\u4e00-\u9fffA-Za-z]{2,6}?)(?=的|均|都|等|[，,])")
_FIRM_COUNT = re.compile(r"(?P<n>[\d两二三四五六七八九十]+)\s*家(?:公司|企业)[^，,；;。]*?分别")


def _remaining_members(text: str, pos: int, s_start: int, c_start: int, c_end: int) -> str | None:
    """宁德时代、紫金国际、三一重工和赛力斯的港股IPO项目均跻身…,其中宁德时代香港IPO以410亿港元融资额稳居第一,之后三家公司融资额
    分别达287亿港元、154亿港元和143亿港元 (cn_ipo_review_2025 line 3): N firms whose figures 分别 distributes, named by their
    count only, are those the sentence listed, less the ones it has since given figures of their own (其中宁德时代…), in
    the order listed; only when the count, the members left and the figures agree."""
    count = _FIRM_COUNT.search(text, c_start, pos)
    if not count or (n := cn_or_digits(count["n"].replace("两", "二"))) is None:
        return None
    for listed in _NAME_LIST.finditer(text, s_start, c_start):
        names = [x.strip() for x in re.split(r"、|和|及|与", listed["list"])]
        left = [x for x in names if x not in text[listed.end():c_start]]
        place = _place_in_series(text, text.rfind("分别", c_start, pos), pos, c_end, n)
        if len(left) == n and n < len(names) and place is not None:
            return _SUBJECT_OF.get(left[place], (left[place],))[0]
    return None


# Firms listed together after one the lists or suffixes know are firms as well, written as named: 而蚂蚁集团和菜鸟网络成为价值
# 下降最多的独角兽,分别下降2800多亿和近1200亿 (cn_hurun_unicorn_2024 line 7); 其中字节跳动、大疆创新分别是人工智能领域和硬件领域全球
# 估值最高的企业 (cn_unicorn_2021). A listed name runs to the next joiner or to the verb of the clause.
_NEXT_FIRM = re.compile(r"\s*[、和与及]\s*(?P<name>[\u4e00-\u9fffA-Za-z]{2,8}?)(?=\s*[、和与及]|成为|是|为|分别|以|均|都|各|的"
                        r"|价值|估值|市值)")


def _listed_firms(span: str, hits: list[tuple]) -> list[str]:
    """The firm that opens `span` and the names listed right after it, or [] when no firm opens it."""
    if not hits or not hits[0][2] or not re.fullmatch(r"\s*(?:而|但|其中)?\s*", span[:hits[0][0]]):
        return []
    names, end = [hits[0][1]], hits[0][3]
    while (m := _NEXT_FIRM.match(span, end)) and not (_GENERIC.match(m["name"]) or _NOT_IN_NAME.search(m["name"])):
        names.append(m["name"])
        end = m.end()
    return names if len(names) > 1 else []


def _respectively(text: str, pos: int, s_start: int, home: str) -> str | None:
    """位列前三的是韩国、以色列和日本，分别为4.29%，4.11%和3.58%: the n-th figure after a 分别 earlier in the sentence
    is the n-th of the group the clause before 分别 opens with, also when the figures stand in clauses of their
    own; None when there is no such 分别, no group, or the figures do not match its members one to one."""
    respectively = text.rfind("分别", s_start, pos)
    if respectively == -1:
        return None
    start = bounds(text, respectively, CLAUSE_END)[0]
    if start <= s_start:
        return None
    previous = bounds(text, start - 2, CLAUSE_END)[0]
    span = text[max(previous, s_start):start - 1]
    hits = _subjects(span, False, home)
    group = _leading_group(span, hits) if hits else None
    members = group.split("+") if group else _listed_firms(span, hits)
    end = bounds(text, pos, "；;。！？")[1]  # (a list of figures ends at a semicolon)
    if (listed := _LISTED.search(span)) and (len(members) < 2 or
                                             _place_in_series(text, respectively, pos, end, len(members)) is None):
        # 排名前三的企业分别是字节跳动、SpaceX公司、蚂蚁集团,价值分别为…: the names listed after 分别是/依次为/的是 are the
        # members, whether or not the word lists know them (a firm as written, an economy by its code).
        names = [x.strip() for x in re.split(r"、|和|及|与", listed["names"])]
        if all(0 < len(x) <= 12 and not re.search(r"\d", x) for x in names):  # names, not figures
            members = [_PLACE_OF.get(x, _SUBJECT_OF.get(x, (x,))[0]).replace(HOME, home) for x in names]
    if len(members) < 2 or _subjects(text[start:respectively], False, home):
        return None  # (a measure may stand before 分别: 跌幅分别为…)
    n = _place_in_series(text, respectively, pos, end, len(members))
    return None if n is None else members[n]


# A rank written 第N, one series of a 分别 sentence (以24家和21家排在第三和第四) beside its amounts.
_RANK_TOKEN = re.compile(r"第[0-9一二三四五六七八九十]+")


def _place_in_series(text: str, start: int, pos: int, end: int, members: int) -> int | None:
    """The place of the figure at `pos` in the series that 分别 (at `start`) distributes over `members` subjects,
    or None. 分别 pairs the n-th figure with the n-th subject, one series of figures at a time: 英国和印度分别以
    24家和21家排在第三和第四 holds two series, the counts (24家 英国's, 21家 印度's) and the ranks (第三 英国's, 第四
    印度's). Each series must match the subjects one to one; a figure outside a matching series is not paired."""
    for token in (_RANK_TOKEN, _FIGURE_TOKEN):
        series = list(token.finditer(text, start, end))
        if len(series) != members or not any(m.start() <= pos < m.end() + 1 for m in series):
            continue
        return sum(m.end() <= pos for m in series)
    return None



# An item of such a list written NAME(figure): the name after the list's opening word or the item before it, then the
# bracket and a currency prefix (NT$, US$, RMB¥) before the figure. Taiwan writes 依序 for 依次 (in order).
_LISTED_ITEM = re.compile(r"(?:(?:分别|依次|依序)(?:是|为)|的是)\s*[:：]?\s*(?:[^，,；;。（()）、]{2,10}[（(][^（()）]{1,24}[）)]\s*、\s*)*"
                          r"(?P<name>[\u4e00-\u9fff]{2,10})\s*[（(]\s*(?:[A-Z]{0,3}[$¥])?\s*")


# The same list with each member's figure written straight after its name, no bracket: 本国发明专利申请当中,前十大企业依序
# 为台积电二八三件、友达光电九十一件、…以及群创光电四十四件, 外国发明专利申请人…其后依序为日本东京威力二一七件、南韩三星电子一九七件、
# … (tw_patent_2025q3 lines 3 and 4). As with the brackets (tw_ipo_market_2018 line 6, cn_pct_2021 line 3), a list
# announced 依序/依次 ("in order") pairs each member with the figure after it: the figure is that member's (GUIDE 8: the
# company whose quantity it is, written as named), not the last firm the word lists know earlier in the list. A country
# written before a firm (日本东京威力, 美国高通) says where the firm is from (the GUIDE's labels drop it, FRESH9_A).
_BARE_FIGURE = r"(?:\d[\d,.]*|[一二三四五六七八九十〇○零两百千]+)\s*(?:件|家|个|篇|项)"
_LISTED_BARE = re.compile(r"(?:依次|依序)(?:是|为)\s*[:：]?\s*(?:[\u4e00-\u9fff]{2,10}?" + _BARE_FIGURE
                          + r"\s*(?:、|以及|及|和)\s*)*(?P<name>[\u4e00-\u9fff]{2,10}?)$")

# A firm that opens its clause and ranks by its count with 以 (台积电以二八三件的发明专利再度登顶, 由美国应用材料以三〇二件、
# 连二年蝉联榜首: tw_patent_2025q3 line 1; 中国华为技术有限公司以6952件…连续五年位居榜首: cn_pct_2021 line 1): the count is
# the firm's, also when the word lists do not know it (美国应用材料: the firm 应用材料, the country where it is from).
_RANKED_BY = re.compile(r"\s*(?:由|而|其中)?\s*(?P<name>[\u4e00-\u9fff]{3,10}?)以")


# A list of firms each written NAME(figure), the figure in brackets straight after the name (an English name in brackets
# between: 英特爾(Intel)(2499項)): each figure is its member's, also a name the word lists do not know, when the list
# names a firm they know (三菱電機(2812項)、英特爾(Intel)(2499項)、高通公司(2404項)和中興通訊(2080件): hk_pct_huawei_2018
# line 1; 日本東京威力（773件）躍居第2，其次依序為南韓三星電子（741件）、南韓韓領（675件）: ettoday 2026-02-26), as
# economies listed so are (美国(530家)和中国(375家): _ASIDE).
_FIRM_ITEM = re.compile(r"(?:(?<=[、和与及])|(?<![\u4e00-\u9fffA-Za-z0-9]))\s*(?P<name>(?![和与及])[\u4e00-\u9fff]{2,10}?)\s*(?:[（(][A-Za-z][^（()）]{0,20}[）)])?"
                        r"\s*[（(]\s*$")


def _firm_as_named(name: str, home: str) -> str:
    """A firm named in a list or before its count: the code of one the word lists know (三星电子 -> Samsung, by its
    short name), else the name as written, without the country written before it (日本东京威力 -> 东京威力)."""
    if (lead := _SUBJECT_RE.match(name)) and not _SUBJECT_OF[lead.group()][1] and len(name) - lead.end() >= 2:
        name = name[lead.end():]  # the country says where the firm is from
    if (firm := _SUBJECT_RE.match(name)) and _SUBJECT_OF[firm.group()][1]:
        name = firm.group()
    return subject_code(name, home)

# A list introduced as the members of what the clause names: 分别是/分别为/依次为/的是 A、B和C, to the clause's end.
_LISTED = re.compile(r"(?:分别是|分别为|依次是|依次为|的是)(?P<names>[^，,；;。]+)$")


def _leading_group(span: str, hits: list[tuple]) -> str | None:
    """The group a clause opens with (中国和欧盟是全面战略伙伴, 中国同欧盟贸易…): its subject is all of them."""
    lead = [hits[0]]
    for prev, nxt in zip(hits, hits[1:]):
        if not re.fullmatch(r"\s*[、和与及同跟]\s*", span[prev[3]:nxt[0]]):
            break
        lead.append(nxt)
    return _group(span, lead) if len(lead) > 1 else None


# A member's own figure in brackets after it does not end a list (美国(530家)和中国(375家)集聚了超七成独角兽企业:
# cn_unicorn_gei_2023 line 12; 日本(1700亿美元,9%)和德国(1150亿美元,6%): cn_nsf_gerd_2015 line 11).
_ASIDE = r"(?:\s*[（(][^（()），,；;。]{0,24}[）)])"


def _group(span: str, hits: list[tuple]) -> str | None:
    """Subjects listed with 、/和/与/及 between them (a company's 公司/集团 suffix allowed) form a group: `CHN+USA`."""
    codes = [hits[-1][1]]
    # (A figure inside such a bracket is its member's own: 美国(530家), not the list's.)
    aside = "" if re.search(r"[（(][^（()）]*$", span) else _ASIDE + "?"
    for prev, nxt in zip(reversed(hits[:-1]), reversed(hits[1:])):
        if not re.fullmatch(r"[\u4e00-\u9fff]{0,12}?" + aside + r"\s*[、和与及同跟]\s*", span[prev[3]:nxt[0]]):
            break
        codes.insert(0, prev[1])
    codes = list(dict.fromkeys(codes))
    economies = list(dict.fromkeys(c.split(":")[0] for c in codes))
    if len(economies) > 1 and any(":" in c for c in codes):
        codes = economies  # places of several economies (深圳和班加罗尔) are the group of their economies: CHN+IND
    return "+".join(codes) if len(codes) > 1 else None


# A gap between two economies stated as one figure (与全球第一的美国差距…由52家增加至309家, 双方差距逐渐缩小，近5年来…)
# describes neither alone: it is the pair's, the two economies the sentence names before it, in that order (label
# convention 8 of 2026-12-01: 中美差距X -> CHN+USA). The gap is between them when 与/同/跟/和 brings in the other
# before 差距, or 双方/两国/两岸 says so; it reaches the figure's clause and the clause just after the one naming it
# when that clause opens on the gap's value or span.
_GAP_BETWEEN = re.compile(r"(?:(?:与|同|跟|和)[^，,；;。]{0,10}|双方|两国|两岸)差距")


def gap_pair(text: str, pos: int) -> str | None:
    """`CHN+USA` when the figure at `pos` states the gap between the two economies its sentence names; else None."""
    s_start, _ = bounds(text, pos, SENTENCE_END)
    c_start, _ = bounds(text, pos, CLAUSE_END)
    in_clause = "差距" in text[c_start:pos]
    # The clause after the gap's carries it on only when it opens on its value or its span (…估值差距由…增加至1万亿
    # 美元以上，达10153.8亿美元; 双方差距逐渐缩小，近5年来…), not on a new statement (…，研发投入增长10%).
    carried = c_start - 2 > s_start and "差距" in text[bounds(text, c_start - 2, CLAUSE_END)[0]:c_start] and \
        re.match(r"\s*(?:达|为|至|到|增至|扩大到|缩小到|近|过去|这)", text[c_start:pos])
    if not (in_clause or carried) or not _GAP_BETWEEN.search(text, s_start, pos):
        return None
    names = sorted(COUNTRY_NAMES, key=len, reverse=True)
    found: list[tuple[int, str]] = []
    taken = [False] * (pos - s_start)
    for name in names:
        for m in re.finditer(re.escape(name), text[s_start:pos]):
            if not any(taken[m.start():m.end()]):
                taken[m.start():m.end()] = [True] * len(name)
                found.append((m.start(), COUNTRY_NAMES[name]))
    codes = list(dict.fromkeys(code for _, code in sorted(found)))
    return "+".join(codes) if len(codes) == 2 else None


# How a subject was found, returned with it as the third item: "clause" named in the figure's own clause; "sentence"
# named in an earlier clause of its sentence; "topic" carried from an earlier sentence of the paragraph (or the list the
# text named); "list" paired in order (分别, 依次, 即); "pair" the two economies named last (两国, 双方); "reporter" the
# reporter of a partner breakdown; "home" the economy the text is written from. Read by bench/subject_sources.py.
Subject = tuple[str | None, bool | str, str]


def _by(source: str, code: str | None, flag: bool | str) -> Subject:
    """A subject, its flag and how it was found."""
    return code, flag, source


def entity(text: str, pos: int, unit: str, home: str = "CHN",
           paragraph_starts: list[int] | None = None) -> Subject:
    """The subject of the figure at `pos` (see _nearest_subject), the reporter when it is a partner's share or
    amount in a breakdown of the reporter's trade (_trade_reporter), and a partner's own rank (第二大贸易伙伴新加坡)."""
    c_start, c_end = bounds(text, pos, CLAUSE_END)
    if unit == "rank" and (partner := _PARTNER_RANK.match(text, pos, c_end)):
        # 马来西亚第二大贸易伙伴新加坡: a rank before the partner noun and an economy places that economy among the
        # reporter's partners ("Malaysia's second largest trading partner, Singapore"): the rank is the partner's.
        return _by("clause", subject_code(partner["e"], home), False)
    code, assumed, source = _nearest_subject(text, pos, unit, home, paragraph_starts)
    # A count (两个最主要目的地) counts partners: it is theirs; an amount written as a bare count (8999亿) is trade.
    amount = unit != "count" or re.match(r"[^，,；;。]{0,8}?[亿万]", text[pos:c_end])
    if unit != "rank" and amount and (reporter := _trade_reporter(text, pos, bounds(text, pos, SENTENCE_END)[0],
                                                                  c_start, c_end, code, home)):
        return _by("reporter", reporter, False)
    if unit != "rank" and _among_foreign_nationals(text, pos, code, home, paragraph_starts):
        return _by("reporter", home, False)
    if source == "home" and unit != "rank" and re.search(_TRADE_NOUN, text[c_start:c_end]):
        others: list[str] = []
        if _subjects(text[c_start:pos], False, home, others) == [] and others:
            # A flow whose clause names no subject but its partner or the economy it is compared with is the writer's
            # economy's, which reports its trade by partner (GUIDE 8), not a subject assumed for want of one: 來自美國之
            # 外銷訂單金額達二六八三·四億美元 (tw_export_orders_2025 line 2), 對美國出口占總出口比率…30.9％ (tw_exports_2025
            # line 4), 對中國大陸與香港出口占比則由2017年的41.4%下滑 (tw_servers_2024 line 5), 出口都比南韓大概少了約兩千億
            # 美元 (tw_exports_2025m8 line 3): all Taiwan's, as labelled. (A rank in such a breakdown, 排名第三為中國大陸
            # 及香港, is the partner's: left assumed.)
            return _by("reporter", home, False)
    return code, assumed, source


# People of foreign nationality or origin in the writer's economy (外籍博士, 外國籍博士, 非本地人士, 泰國籍勞工), counted
# by where they come from: the economies named are their nationalities, a category of the host's own statistic, as a
# trade partner is (GUIDE 8). 日、美、中、韓…等8國共計1,557位外籍博士, 外國籍博士人數最多者仍為「日本」,共計423人
# (tw_foreign_phd_2020 line 1: Taiwan's foreign PhDs); 28%為非本地人士。他們分別來自中國內地(20.5%)、美國(14.4%)
# (hk_startups_2021 line 4: founders of Hong Kong start-ups); 產業外籍勞工…按國籍別觀察,以泰國籍7萬4,080人最多
# (statdb.mol.gov.tw, 97年), 國籍別分別是越南籍7萬603人、印尼籍3萬1,987人 (xifu.com.tw 2022): Taiwan's migrant workers.
# The sentence of the figure and the one before it in its paragraph (他們 refers back) must name such people.
_ECONOMY_CODES = {c for _, c in ECONOMY_WORDS + CITY_WORDS if c not in (HOME, "WLD") and "+" not in c}
_FOREIGN_NATIONALS = re.compile(r"外籍|外国籍|非本地(?:人|居民|学生|雇员|员工)")


def _among_foreign_nationals(text: str, pos: int, code: str | None, home: str,
                             paragraph_starts: list[int] | None) -> bool:
    """Whether the figure at `pos`, read as the economy `code`, counts foreign nationals in the writer's economy by
    their nationality (see above)."""
    parts = {p.split(":")[0] for p in (code or "").split("+")}
    if not parts <= _ECONOMY_CODES or home in parts:
        return False  # (a firm is no nationality; nor is the world: 來自54個國家)
    s_start, s_end = bounds(text, pos, SENTENCE_END)
    paragraph = paragraph_start(paragraph_starts, s_start)
    before = bounds(text, s_start - 2, SENTENCE_END)[0] if s_start - 2 >= paragraph else s_start
    return bool(_FOREIGN_NATIONALS.search(text, max(before, paragraph), s_end))


# The top N of a ranking as the field a count is made in: 前十名中, 前十名的独角兽企业中, 在FDI流入量的全球前20位排名中
# (tw_unctad_fdi_2013 line 5).
_TOP_FIELD = re.compile(r"前\s*(?:\d{1,2}|[二两三四五六七八九十]{1,2})\s*(?:名|强|位)?\s*(?:排名|排行|榜单)?\s*(?:的[^，,；;。]{0,10}?)?中")


# A rank right before a partner noun and the partner's name (第二大贸易伙伴新加坡, 最大出口市场美国).
# So is a rank in a cleft naming the partner after 的是 (排在第三位的是欧盟: "in third place is the EU").
_PARTNER_RANK = re.compile(r"[^，,；;。的]{0,4}?(?:(?:贸易伙伴|出口市场|进口来源地?|出口目的地)(?:国)?|位?的是)\s*(?P<e>"
                           + _SUBJECT_RE.pattern + ")")


# A class of firms right after the economy that owns them (美国IDM公司, 我国企业, 我国厂商).
_FIRMS_OF = re.compile(r"[A-Za-z\u4e00-\u9fff]{0,6}?(?:公司|企业|厂商)")


def _nearest_subject(text: str, pos: int, unit: str, home: str = "CHN",
                     paragraph_starts: list[int] | None = None) -> Subject:
    """Nearest subject: in the number's clause (a listed group together), else the first subject of earlier
    clauses of the sentence, else the first subject of the previous sentence of the same paragraph; when the
    text names none, the economy the text is written from, flagged as assumed (True). "group" when the
    figure belongs to several listed companies and the first stands for them."""
    c_start, c_end = bounds(text, pos, CLAUSE_END)
    # A clause does not run past its paragraph (a heading without punctuation is one: lib/.../document.py).
    c_end = min([p for p in (paragraph_starts or []) if p > pos] + [c_end])
    s_start, s_end = bounds(text, pos, SENTENCE_END)
    others: list[str] = []
    in_clause = _subjects(text[c_start:pos], unit == "rank", home, others, tail=text[pos:pos + 6], rest=text[pos:c_end])
    if in_clause and c_start > s_start and _picks_partners(text[c_start:pos],
                                                           text[max(bounds(text, c_start - 2, CLAUSE_END)[0],
                                                                    s_start):c_start], home):
        others += [h[1] for h in in_clause if not h[2]]
        in_clause = [h for h in in_clause if h[2]]
    if unit == "rank" and (modified := _RANK_OF_NOUN.match(text, pos, c_end)):
        # 与全球第一的美国差距越来越大: a rank before 的 and an economy modifies it ("the world's number one, the US").
        return _by("clause", subject_code(modified["e"], home), False)
    if unit == "rank" and (of := _RANK_OF.match(text, pos, c_end)) and (
            firm := [h for h in _named_subjects(text[of.end():c_end], home) if h[0] == 0 and h[2]]):
        # 挤掉去年排行第10的数码电讯(DIGI,6947,主要板基建) (my_klse_market_cap_2016 line 9): a firm's rank before 的 and its
        # name, as an economy's is (第一的美国 above): the rank is the firm's, not the clause's subject's (联昌集团).
        return _by("clause", firm[0][1], False)
    if (namely := _NAMELY.match(text, c_end)) and c_end < s_end and re.fullmatch(r"[^，,；;。]*?[\u4e00-\u9fff]\s*[，,]",
                                                                              text[pos:c_end]):
        # 将马股第2大和第3大市值公司,即国家能源(TENAGA,…)和大众银行(PBBANK,…) (my_klse_market_cap_2016 line 2): 即 ("namely")
        # after a clause ending on the noun its ranks describe names the ones they are of, in order (the stock codes in
        # brackets aside); the n-th rank is the n-th name's.
        after = re.sub(r"[（(][^（()）]*[）)]", "", text[namely.end():s_end])
        names = re.split(r"\s*[、和与及]\s*", re.split(r"[，,；;。]", after)[0])
        n = _place_in_series(text, c_start, pos, c_end, len(names)) if len(names) >= 2 else None
        if n is not None and all(2 <= len(x) <= 8 and not re.search(r"\d", x) for x in names):
            return _by("list", subject_code(names[n], home), False)
    if not in_clause and (latter := _LATTER.match(text, c_start, pos)) and c_start > s_start:
        # 联昌集团上榜挤掉去年排行第10的数码电讯(…),后者市值从去年的419亿8500万令吉滑落至375亿5325万令吉 (my_klse_market_cap_2016
        # line 9): 后者 is the last one the sentence named before it (数码电讯), 前者 the first, not the clause's topic.
        named = _subjects(text[s_start:c_start], False, home)
        if len(named) >= 2:
            return _by("sentence", named[-1 if latter["w"] == "后者" else 0][1], False)
    if unit == "rank" and not in_clause and _TOP_FIELD.match(text, pos, c_end) and re.search(
            r"全球|世界", text[bounds(text, s_start - 2, SENTENCE_END)[0] if s_start > 1 else s_start:pos]):
        # 在全球前十名的独角兽企业中，中国占据6席 (cn_unicorn_2020 line 6), 《2023全球独角兽榜》…。此外，前十名中，中国占有五席
        # (cn_hurun_2023 line 1): the top N framing a field ("among the top ten") is the top of the world list the
        # sentence or the one before names, not a rank of the economy counted in it.
        return _by("sentence", "WLD", False)
    if unit == "count" and re.search(r"等\s*$", text[c_start:pos]):
        # 拥有字节跳动、小红书、大疆创新…等11家超级独角兽企业: firms listed before 等 and a count are examples of what
        # is counted; the count is the owner's (the subject named or carried), not the first firm's.
        in_clause = [h for h in in_clause if not h[2]]
    if (bare := _LISTED_BARE.search(text, c_start, pos)) and re.match(_BARE_FIGURE, text[pos:pos + 12]):
        # 依序为台积电二八三件、友达光电九十一件 (tw_patent_2025q3 line 3): the member named just before the figure (above).
        return _by("clause", _firm_as_named(bare["name"], home), False)
    if (by := _RANKED_BY.fullmatch(text, c_start, pos)) and re.match(_BARE_FIGURE, text[pos:pos + 12]) \
            and _SUBJECT_OF.get(by["name"], (None, True))[1] \
            and not (_GENERIC.match(by["name"]) or _NOT_IN_NAME.search(by["name"]) or _NO_NAME.search(by["name"])) \
            and (_SUBJECT_RE.match(by["name"]) or not _SUBJECT_RE.search(by["name"])):
        # 外国发明专利申请人方面，美国应用材料以三〇二件夺冠 (tw_patent_2025q3 lines 1, 4): see _RANKED_BY.
        return _by("clause", _firm_as_named(by["name"], home), False)
    if (item := _LISTED_ITEM.search(text, s_start, pos)) and item.end() == pos \
            and all(c_start + h[0] >= item.start() for h in in_clause):
        # 资本额前5名依序为:致和证券(NT$22.4亿)、高端疫苗(NT$15.53亿)、… (tw_ipo_market_2018 line 6): in a list announced
        # as the members of a ranking, the figure in brackets after a name is that member's, as 美国(59570件申请,+1.9%)、
        # 日本(50260件申请,-0.6%) are (cn_pct_2021 line 3) and 深圳(33家,第六位) is (cn_hurun_2023 line 5); a name the
        # word lists do not know is written as named. A country written before a firm in the list says where it is from
        # (其次依序是美國應材(794件)、南韓三星電子(747件): tw_wipo_tipo_patents_2023 line 3; 其次依序為南韓三星電子（741件）、
        # 南韓韓領（675件）、美國高通（570件）: ettoday 2026-02-26 on the same office's figures), as in the list without
        # brackets (_BARE_FIGURE): the economies named inside the list are no subject of the clause.
        return _by("clause", _firm_as_named(item["name"], home), False)
    if (member := _FIRM_ITEM.search(text, c_start, pos)) and not _SUBJECT_RE.fullmatch(member["name"]) \
            and not (_GENERIC.match(member["name"]) or _NOT_IN_NAME.search(member["name"])) \
            and not any(c_start + h[3] > member.start("name") for h in in_clause) \
            and any(h[2] for h in _subjects(text[c_start:c_end], False, home)):
        # 三菱電機(2812項)、英特爾(Intel)(2499項)、高通公司(2404項)和中興通訊(2080件)則分列第二至第五 (hk_pct_huawei_2018
        # line 1): see _FIRM_ITEM. (A name the clause already knows, 英特爾 or 浙江大學(306件), is read as above.)
        return _by("clause", _firm_as_named(member["name"], home), False)
    if in_clause:
        companies = [h for h in in_clause if h[2]]
        group = _group(text[c_start:pos], companies or in_clause)
        respectively = text.rfind("分别", c_start, pos)
        listed = group.split("+") if group else []
        last_subject = (companies or in_clause)[-1][3] + c_start
        n = _place_in_series(text, respectively, pos, c_end, len(listed)) if respectively != -1 else None
        if group and n is not None and not re.search(r"[、和与及]", text[last_subject:respectively]):
            # 中国和美国的研发投入分别为3.3万亿元和7000亿美元: the n-th figure after 分别 is the n-th subject's.
            # 分别 distributes over the list just before it: when that is a list of measures (中国与新加坡的进口
            # 和出口分别为X和Y), or the figures do not match the subjects one to one, it is not the subjects'.
            return _by("list", listed[n], False)
        if group and companies:
            # Companies listed together (苹果公司、微软公司、英伟达公司等突破3万亿美元): the figure is the group's.
            # The catalog binds one company per figure, so the first listed stands for the group, flagged.
            return _by("clause", group.split("+")[0], "group")
        if group:
            return _by("clause", group, False)
        if companies:
            return _by("clause", companies[-1][1], False)
        if in_clause[-1][1] == "WLD" and not (lead := in_clause[0])[2] and lead[1] != "WLD" and \
                _FIRMS_OF.match(text, c_start + lead[3], pos):
            # 美国IDM公司营业额约全球市场的45% (tw_semicon_global_2024 line 10), 我国企业研发经费…占73.6% (tw_rd_2020): an economy
            # before a class of firms says whose firms they are, and is the clause's subject; the world after it is the
            # market their share is of.
            return _by("clause", lead[1], False)
        if unit != "rank" and _SURPLUS_SOURCE.search(text, c_start, pos) and ":" not in in_clause[-1][1]:
            # 美国…成为最大出超国为1501亿美元: the reporter's surplus with its partner (as below)
            return _by("clause", home, False)
        return _by("clause", in_clause[-1][1], False)
    if not in_clause and (member := _remaining_members(text, pos, s_start, c_start, s_end)):
        return _by("sentence", member, False)
    if listed := _respectively(text, pos, s_start, home):
        return _by("list", listed, False)
    if _PAIR.search(text, c_start, pos) and (pair := _last_pair(text, c_start, home)):
        # 两国双边货物贸易额, 双方互为第二大贸易伙伴: the figure of both sides is the pair's, the two economies the
        # text named last (cn_sg_trade_2018: 中国…新加坡 -> CHN+SGP; cn_eu_trade_50y: 中国同欧盟 -> CHN+EUU).
        return _by("pair", pair, False)
    # A clause that opens the sentence with a length of time only (过去30年几年来，中国…; 近5年来，…) is an adverbial
    # of the clause after it: the subject is the one that clause names first.
    # A closing quote or a reference mark ([1]) left from the sentence before is no part of it; a cause clause
    # after the span (50年来,随着中国改革开放…,中欧经贸合作…) is background, so the main clause after it names the subject.
    if c_start == s_start and re.fullmatch(r"(?:过去|近|长达)?\s*\d{1,3}\s*多?年[几多余]?年?(?:以来|来|间)?",
                                           re.sub(r"^[\s”」\"]*(?:\[\d{1,3}\])?", "", text[c_start:c_end]).strip(" ，,")):
        following, start = [], c_end
        while start < s_end and not following:
            end = bounds(text, start, CLAUSE_END)[1]
            if not _CAUSE_CLAUSE.match(text, start, end):
                following = _subjects(text[start:end], False, home)
            start = end
        if following:
            return _by("sentence", following[0][1], False)
    # 其中5家来自中国, 33家位于深圳: a count followed by where its members come from or sit (来自/位于/总部在 X) counts
    # X's members, whatever the clause before was about (the top ten of a world list: five of them are China's).
    origin = _ORIGIN_AFTER.match(text, pos, c_end)
    if origin and (where := _subjects(text[origin.end():c_end], False, home)) and where[0][0] == 0:
        return _by("clause", where[0][1], False)
    # A world word later in the clause (10万卡…国际上已有多家部署) sets the scope when nothing earlier does.
    after = [h for h in _subjects(text[pos:c_end], False, home)
             if h[1] == "WLD" and not (h[0] == 0 and re.search(r"(?:[与同和跟]|来自)$", text[max(0, pos - 2):pos]))]
    # Earlier clauses of the sentence, nearest first; a clause's subject is its first entity.
    clause_end = c_start - 1
    carried = []
    # The earlier clauses of the sentence in the figure's paragraph: a heading without punctuation before it is no
    # clause of its own (機械業今年出口可望年增5% / 儘管面臨美國對等關稅…衝擊，機械業前九月出口值232.59億美元:
    # tw_key_figures_2025 lines 3-4, where the cause clause opens the paragraph).
    floor = max(paragraph_start(paragraph_starts, c_start), s_start)
    while clause_end > s_start:
        p_start, _ = bounds(text, clause_end - 1, CLAUSE_END)
        p_start = max(p_start, s_start, floor if clause_end > floor else s_start)
        hits = _subjects(text[p_start:clause_end], unit == "rank", home)
        # 成立于2000年之后 (founded after 2000) is a condition on what is counted, not a time clause: a year after 于.
        condition = re.search(r"于\s*(?:19|20)\d{2}\s*年\s*(?:以后|之后|后)\s*$", text[p_start:clause_end])
        aside = not condition and re.search(r"(?:" + "|".join(_TIME_ENDS) + r")\s*$", text[p_start:clause_end]) or \
            re.search(r"(?:预测|显示|指出|认为|表示|称|说|估计|统计|报告)\s*$", text[p_start:clause_end]) or \
            _CAUSE_CLAUSE.match(text, p_start, clause_end)
        if aside:
            # A time clause (台积电宣布赴美投资后，…): its subject is not the main clause's; who reports
            # (波音公司…预测，…) is a source, not what the figure describes. A topic before an open period
            # (其中，中国自2018年以来，…份额始终处于8%~9%, seed 003) is the main clause's subject, and so is one before
            # a time clause it opens with 自/从 and a year (台湾自2017年超越日本后，持续保持在第3名，2023年占4%: tw_rd_2023
            # line 2): the subject stands first and the time adverbial after it, inside its own clause.
            clause = text[p_start:clause_end]
            hits = [h for h in hits if aside.re is not _CAUSE_CLAUSE
                    and re.fullmatch(r"\s*(?:(?:自|从)?\s*(?:19|20)\d{2}\s*年\s*以来|(?:自|从)\s*(?:19|20)\d{2}\s*年"
                                     r"[^，,；;。]{0,12}?(?:以后|之后|后|以来))\s*", clause[h[3]:])]
        if hits:
            companies = [h for h in hits if h[2]]
            lead = _leading_group(text[p_start:clause_end], hits)
            carried.append((lead or (companies[0] if companies else hits[0])[1], text[p_start:clause_end]))
        elif clause_end == c_start - 1 and not aside and _FIGURE.search(text[p_start:clause_end]):
            # The clause just before states a figure with no subject of its own (出口达1881亿美元，较预测数1723亿
            # 美元多出158亿美元): this clause continues its series, with the subject that one carries.
            code, assumed, source = entity(text, clause_end, unit, home, paragraph_starts)
            # the clause before's subject is carried here: named in this sentence, unless it was carried further itself
            return _by("sentence" if source in ("clause", "list") else source, code, assumed)
        clause_end = p_start - 1
    if carried and re.match(r"\s*(?:共同|共|合计|合共|一共|总共)", text[c_start:pos]):
        # 全球数字服务出口仍主要集中在欧洲、亚洲和北美三大区域,共占据全球数字服务出口的94%: 共 (together) sums over
        # the several the clause before has just listed, so the figure is that group's, not its clause's topic.
        clause = carried[0][1]
        hits = _subjects(clause, False, home)
        if hits and re.fullmatch(r"[^，,；;。、和与及]{0,8}", clause[hits[-1][3]:]) and (group := _group(clause, hits)):
            return _by("sentence", group, False)  # the list ends its clause (欧洲、亚洲和北美三大区域)
    if carried:
        # The nearest clause with a subject gives it, unless a farther one names what the figure's clause
        # measures (台湾出口产品中，…，美国并未课税，…商品出口达1881亿美元: 出口 is Taiwan's): Chinese keeps a
        # topic over comma clauses and restates its noun, while an interposed clause about another actor
        # does not take the figure.
        nouns = _content_bigrams(text[c_start:pos])
        if nouns and not nouns & _content_bigrams(carried[0][1]):
            for code, clause in carried[1:]:
                if "+" in code and "其中" in text[text.rfind(clause, s_start, c_start):c_start]:
                    break  # 中国、美国、法国…，其中，中国…: after 其中 the figure is a member's, not the group's
                if re.search(r"[；;：:]", text[text.rfind(clause, s_start, c_start) + len(clause):c_start]):
                    # 欧洲同季募资146亿美元、交易1,733笔…；亚洲市场则仍处于低档，交易数为2,022笔 (tw_vc_pulse_2025q2 line 3):
                    # a semicolon closes one member of a series and the next opens on its own topic, which holds; so
                    # does a colon opening a list (全球制造业前5强为: 1、中国4.6614兆美元,占全球制造业增加值的27.25%: China's
                    # share, cn_mva_top50_2024 line 7, not the top five's).
                    break
                if nouns & _content_bigrams(clause):
                    return _by("sentence", code, False)
        code = carried[0][0]
        if unit != "rank" and _SURPLUS_SOURCE.search(text, s_start, pos) and ":" not in code and "+" not in code:
            # 美国更是取代陆港，成为最大出超来源，达到1501亿美元: an economy named as the source of a surplus or deficit is
            # the reporter's trade partner, and the amount is the reporter's surplus with it (CONVENTIONS 8: trade by
            # partner belongs to the reporter); its rank (最大) stays the partner's.
            return _by("sentence", home, False)
        if "+" in code and others and (rest := [c for c in code.split("+") if c not in others]):
            # 欧盟与中国进出口贸易…，其中从中国进口…: a member the figure's clause names as partner is not its subject.
            code = "+".join(rest)
        return _by("sentence", _gap_pair(text, s_start, pos, c_start, c_end, code, home), False)
    if after:
        return _by("clause", after[0][1], False)
    back = s_start - 1
    paragraph = paragraph_start(paragraph_starts, s_start)
    opening_only = False
    while back > paragraph:
        p_start, _ = bounds(text, back - 1, SENTENCE_END)
        if opening_only and p_start > paragraph:
            back = p_start - 1  # past a sentence of commentary only the paragraph's opening sentence sets the topic
            continue
        # The previous sentence's first subject, leaving out a clause that only cites a source (美国国家科学基金会…
        # 发布的《…》显示，中国已成为…: the report is American, the statement is about China).
        clauses = re.split(r"(?<=[，,；;：:])", text[max(p_start, paragraph):back])
        # The world carries as an economy does when the sentence is about it alone: 全球/世界 before a noun
        # (全球独角兽企业总价值4.3兆美元,79%的…。21%销售实体产品; 金融科技是全球独角兽的主要行业。有168家…) keeps the
        # world as topic for the figures after it, as Chinese keeps any topic over sentences that name none. Not
        # when the sentence also names an economy (全球声明的5G标准专利…其中我国…: the economy is what follows is
        # about), not inside a cause (随着全球数字化的纵深演进: background), and not 国际上, an adverb
        # ("internationally"), not a noun phrase's scope.
        rest = {h[1] for h in _subjects(text[max(p_start, paragraph):back], True, home)}
        for i, clause in enumerate(clauses):
            if (_SOURCE_CLAUSE.search(clause) or _CAUSE_CLAUSE.match(clause)) and clause is not clauses[-1] \
                    or i and _picks_partners(clause, clauses[i - 1], home):
                continue
            hits = [h for h in _subjects(clause, bool(rest), home) if h[1] != "WLD" or
                    clause[h[0]:h[3]] != "国际上" and not _CAUSE_CLAUSE.search(clause, 0, h[0])]
            if hits:
                return _by("topic", hits[0][1], ("ambiguous" if len(rest) > 1 else False))
        if _FIGURE.search(text, max(p_start, paragraph), back) is None:
            if opening_only or not _content_bigrams(text[max(p_start, paragraph):back]) & \
                    _content_bigrams(text[s_start:pos]):
                break
            # 从发展态势来看,2019年以来,全球传统货物贸易…。而数字服务贸易凭借…展现出强大韧性。2024年数字服务贸易规模…增长
            # 64.7%: a sentence of commentary without figures or subject that restates the figure's noun (数字服务贸易)
            # keeps the paragraph's topic, which its opening sentence set: that one gives the subject, nothing between.
            opening_only = True
        # A sentence that states figures without naming whose continues the topic of the sentence before it
        # (微众银行成立于2014年…。去年实现营业收入近270亿元…。估值增长200亿元…): go back while that holds.
        back = p_start - 1
    if re.search(r"上榜|榜单上|入榜|在榜", text[s_start:pos]) and (lists := list(_LIST_NAMED.finditer(text, 0, s_start))) \
            and lists[-1]["scope"]:
        # 上榜独角兽的平均年龄为9岁，33家成立不到3年 (cn_unicorn_2020 line 7, after 胡润研究院送出了全球独角兽榜单 on line 2;
        # cn_unicorn_2022: 全球共有1312家企业上榜…以上上榜独角兽企业总价值): the members "on the list" are those of the list
        # the text named last, and a world list's are the world's.
        return _by("topic", "WLD", False)
    # The writer's own economy is assumed (flagged) only where the text names another one that could be meant: a
    # release naming no economy but its own (a Hong Kong statistics release, a county communiqué) is about it
    # throughout (home right for 309 of 309 such figures in the read splits and seeds; 170 of 189 elsewhere).
    return _by("home", home, _names_others(text, home))


_OTHERS: dict[tuple[int, str], tuple[str, bool]] = {}


def _names_others(text: str, home: str) -> bool:
    """Whether `text` names an economy other than `home` and the world, or none at all (once per text)."""
    key = (id(text), home)
    if _OTHERS.get(key, ("",))[0] is not text:
        if len(_OTHERS) > 16:
            _OTHERS.clear()
        codes = {c.split(":")[0] for _, c, _, _ in _subjects(text, False, home)}
        # (A text that names no economy at all has its home guessed from its script: that stays assumed.)
        named = home in codes or any(w in text for w, c in HOME_CUES + CURRENCY_HOME if c == home) or \
            home == "CHN" and any(w in text for w in _MAINLAND_WRITER)  # (政府统计处 names Hong Kong's release)
        _OTHERS[key] = (text, not named or any(c not in (home, "WLD") and "+" not in c and c not in _CLASSES
                                               for c in codes))
    return _OTHERS[key][1]


# A ranking list named in the text (全球独角兽榜单, 《2023全球独角兽榜》, 胡润全球富豪榜), with the world as its scope.
_LIST_NAMED = re.compile(r"(?P<scope>全球|世界)?[^，,；;。《》全世]{0,12}?榜")


def _gap_pair(text: str, s_start: int, pos: int, c_start: int, c_end: int, code: str, home: str) -> str:
    """中国稳居全球第二,但与全球第一的美国差距越来越大,数量差距由2015年52家增加至2021年的309家: a gap (差距) is between
    two parties, so its size is a figure of the pair, as 中美差距 is (CONVENTIONS 8: the group `CHN+USA`), when the
    figure's clause speaks of the gap and the sentence names the other side with 与/同/跟/和 before 差距; else `code`."""
    if not re.search(r"差距|差额", text[c_start:c_end]) or "+" in code or ":" in code or code == "WLD" \
            or not (side := _GAP_SIDE.search(text, s_start, pos)) or _SUBJECT_OF[side["e"]][1]:
        return code
    other = subject_code(side["e"], home)
    return code if other in (code, "WLD") or ":" in other else "+".join(economy_order([code, other]))


# A clause that names who reports (…显示，/ 据…统计，): its subject is a source, not what follows is about.
_SOURCE_CLAUSE = re.compile(r"(?:预测|显示|指出|认为|表示|称|说|估计|统计|报告|表明)\s*[，,；;：:]$|^\s*(?:据|根据)")


# A clause opened by a cause or circumstance (随着全球供应链重组，…; 加上美国联储局启动减息，…) is an adverbial of the
# main clause: what it names is the background, not the subject of the figures after it (tw_exports_2025 line 4,
# hk_economy_2025 line 2: 3 + 3 figures taken as the world's and the US's). 考量/考虑到 (considering) gives the
# grounds a statement is made on, as 鉴于 does (考量美国关税政策不确定因素太高，…出口增幅较预测高出7.39个百分点:
# Taiwan's exports, tw_gdp_2025q3 line 5). So does an adversity the figures stand against (尽管面临…冲击, 面对…打击,
# 在…冲击下): 儘管面臨美國對等關稅、新台幣匯率升值衝擊，機械業前九月出口值232.59億美元 (tw_key_figures_2025 line 4:
# Taiwan's machinery exports); 面對美國關稅壁壘打擊，我國全年接單仍創下7000多億美元佳績 (中國時報 via Yahoo 2026-01-20);
# 在美國關稅政策衝擊下，國內「產業Ｍ型化」更加明顯 (自由時報 2025-10-27).
_CAUSE_CLAUSE = re.compile(r"\s*(?:随[着著]|伴随[着著]?|由于|因为|加上|加之|得益于|受益于|受惠于|鉴于|考量|考虑到"
                           r"|受[^，,；;。]{1,16}影响"
                           r"|(?:尽管|虽然|虽)?(?:面临|面对)[^，,；;。]{1,20}?(?:冲击|打击|挑战|压力)"
                           r"|在[^，,；;。]{1,16}?(?:冲击|打击)下)")


# One figure each, for counting the figures of a 分别 list.
_FIGURE_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|百分之[零〇一二三四五六七八九十百点]+|[一二三四五六七八九十百千]+(?:亿|万|倍|成)")
# A figure in a clause (not a year): an amount, a share, a multiple; in Chinese numerals with zeros and a decimal dot
# as Taiwanese papers print them (增加一一○億美元，增幅八·七%, tw_export_orders_2025 line 2; 年增三十九．五％, 自由時報
# 2025-12-24).
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万亿|亿|万|%|美元|元|倍)|百分之"
                     r"|[一二三四五六七八九十百千][〇○零一二三四五六七八九十百千·．点]*(?:亿|万|倍)"
                     r"|[〇○零一二三四五六七八九十廿卅百][〇○零一二三四五六七八九十廿卅百·．点]*\s*%")
_FUNCTION_CHARS = set("的了达为是在和与及占比较约近超过从由至到将已也都并年月日其中个")


# Words of change, comparison and totalling come with any actor's figure (中国出口增长5%，美国进口增长3%), so
# sharing them shows no continuity of topic: only a restated noun (出口, 投资) does.
_ANY_FIGURE_WORDS = {"增长", "增加", "下降", "减少", "同比", "环比", "比重", "占比", "分别", "合计", "共计", "总计",
                     "累计", "实现", "完成", "达到", "超过", "突破", "提高", "上升", "回落", "下滑", "首次", "规模"}


def _content_bigrams(span: str) -> set[str]:
    """Pairs of adjacent Chinese characters that carry content (出口, 投资), for matching a restated noun."""
    return {span[i:i + 2] for i in range(len(span) - 1)
            if all("\u4e00" <= ch <= "\u9fff" and ch not in _FUNCTION_CHARS for ch in span[i:i + 2])
            and span[i:i + 2] not in _ANY_FIGURE_WORDS}


_CAGR = re.compile(r"(?P<n>\d{1,2}|[二两三四五六七八九十]{1,2})\s*年\s*(?:的)?(?:复合增长率|年均复合增长率|CAGR|年均增速|年均增长率)")


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


def topic(context: str) -> str:
    for name, words in TOPIC_KEYWORDS:
        if any(word in context for word in words):
            return name
    return "other"
