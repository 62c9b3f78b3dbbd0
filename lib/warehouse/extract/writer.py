"""The writer's home economy and the places, currencies and offices that name it."""
from __future__ import annotations

import functools
import re

from lib.contract import REGIONS
from lib.warehouse.extract.document import SENTENCE_END

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


# Any economy's name, for the partners listed before the one sets_apart asks about: a flow from 我国 (or 我, as Taiwan's
# releases write it) to several partners sets the writer apart from each (我對中國以及香港的出口比重, 我對中國與香港出口:
# tw_cn_export_share_2025 line 1; 我國對中國與香港的出口: tw_exports_2025m10; 我國對中國及香港出口: 自由時報 2008-12-09).
_ANY_ECONOMY = "(?:" + "|".join(sorted((re.escape(w) for w, c in ECONOMY_WORDS if c != HOME), key=len, reverse=True)) + ")"


@functools.lru_cache(maxsize=64)  # asked for every figure that may be the writer's (doubts._home_contradicted)
def sets_apart(text: str, code: str) -> bool:
    """Whether `text` sets 我国/本国 apart from `code` by name, so that its writer is not there: 我國與中國在本月7日均公布,
    我國對中國與香港的出口 (tw_exports_2025m10), 我國對中國及香港出口減少三十八.五% (自由時報 2008-12-09), 我國對中國的出口中
    (經濟部 via smartcpa.tw 2021-05-09): Taiwanese texts that name 中国 more often than Taiwan."""
    names = "|".join(sorted((w for w, c in ECONOMY_WORDS if c.split(":")[0] == code), key=len, reverse=True))
    return bool(names) and re.search(rf"(?:(?:我国|本国)(?:与|和|及|对|、|跟)|我对)(?:{_ANY_ECONOMY}(?:以及|与|和|及|、))*"
                                     rf"(?:{names})|(?:{names})(?:与|和|及|、|跟)(?:我国|本国)", text) is not None


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
