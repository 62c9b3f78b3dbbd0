"""The subject of a figure: the economy, place, group or firm its clause, sentence or list names."""
from __future__ import annotations

import contextvars
import re

from lib.contract import economy_order
from lib.warehouse.extract.context import _FIGURE, _FIGURE_TOKEN, cn_or_digits
from lib.warehouse.extract.document import CLAUSE_END, SENTENCE_END, bounds, paragraph_start
from lib.warehouse.extract.writer import (CITY_WORDS, COMPANY_WORDS, COUNTRY_NAMES, CURRENCY_HOME, ECONOMY_WORDS,
                                          HOME, HOME_CUES, _MAINLAND_WRITER)

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
# (离, "from", is a preposition as 从 is: 虽然离最大市值公司还有几十亿令吉的差距, my_klse_market_cap_2016 line 6.)
_NOT_IN_NAME = re.compile(r"^[家个座只位名项]|[的等在对向从离据由与和及其该此这那些述各每所被把将是占]|整个|全部|所有"
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
                and re.fullmatch(r"(?:[（(][^（()）]{1,16}[）)])?\s*(?:[一二三四五六七八九十\d]+国)?(?:[、和及与]|以及)",
                                 span[hits[-1][3]:m.start()])
                and not re.fullmatch(r"\s*[（(]\s*(?:约|近)?", span[m.end():])):
            # A trade partner (我省对欧盟进出口, 对美国和日本分别增长, 自美国进口), the base of a comparison (分别是
            # 印度、英国…的3.4倍、4.8倍, 相当于美国2013年…的80%, 不到美国的1/2) or the other side of a gap (与全球第一的
            # 美国差距越来越大), and the economies listed with it (仅次于美国与韩国): the figure is the other one's.
            # Comparators listed with their own figures in brackets are all comparators (GUIDE 8: in A比B高X, X is A's):
            # 中国数字经济占GDP的比例为30.3%,…分别比美国(58.3%)、日本(46.4%)和英国(58.6%)低28%、16.1%、28.3% and 分别比
            # 美国(6.1%)、日本(17.0%)和英国(11.5%)高出12.8%、1.9%、7.4% (cn_digital_economy_2016 line 8, two sentences):
            # China's gaps, not Britain's; each bracketed figure stays its own economy's. 以及 joins partners as 及
            # does (我對中國以及香港的出口比重: tw_cn_export_share_2025 line 1, 我對中國大陸及香港之出口比重 in 經濟日報's
            # report of it), as it joins the firms of a list (…以及群创光电四十四件: _LISTED_BARE).
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
# A ranked item written as a label, the rank, a colon and who holds it (全球第一:美國,超過一半營收都是美國企業貢獻:
# tw_semicon_global_2024 line 5, 數位時代; 我国集成电路进口国家/地区排名 … 第1名:韩国 on a line of its own: cn_ic_trade_2025
# lines 9-21): the rank is the one named after the colon.
_RANK_LABEL = re.compile(r"(?:第?[一二三四五六七八九十\d]+(?:大|位|名)?|首位)\s*[:：]\s*(?P<e>" + _SUBJECT_RE.pattern + ")")
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
# The pair may be named right before that word by one character for each side, compounded (美新两国2017年贸易总额541亿
# 美元: sg_trade_partners_2018 line 2, 南洋商报; 马新两国: my_sg_sez_2023 line 6, 亚视新闻; 中新双边贸易额: sg_cn_trade_2013
# line 2, 新华网; 台韓兩國: tw_kr_exports_2025 line 4, 自由時報; 2013年中马双边贸易额突破千亿美元: ctcfl.org 2023-04-06):
# those two are the sides, not the last two the text named.
# 新 and 马 stand for Singapore and Malaysia only in such a compound.
_PAIR_ABBREVIATION = _ABBREVIATION | {"新": "SGP", "马": "MYS"}
_ABBREVIATED_PAIR = re.compile(r"(?<![" + "".join(_PAIR_ABBREVIATION) + r"])(?P<a>[" + "".join(_PAIR_ABBREVIATION) + r"])(?P<b>["
                               + "".join(_PAIR_ABBREVIATION) + r"])(?:" + _PAIR.pattern + ")")


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
    # A clause does not run past its paragraph (a heading without punctuation is one: lib/.../document.py), at
    # either end: the line 第1名:韩国 ends no clause, so 进口数量647亿个 on the line after it would read as 韩国进口数量
    # (cn_ic_trade_2025 lines 9-10: China's imports from Korea), and a heading (字節跳動成為全球最大獨角獸) would open
    # the clause of 價值10億美元以上的非上市公司 below it (cn_hurun_2021 lines 3-4: the world's list).
    c_end = min([p for p in (paragraph_starts or []) if p > pos] + [c_end])
    c_start = max(paragraph_start(paragraph_starts, pos), c_start)
    s_start, s_end = bounds(text, pos, SENTENCE_END)
    others: list[str] = []
    in_clause = _subjects(text[c_start:pos], unit == "rank", home, others, tail=text[pos:pos + 6], rest=text[pos:c_end])
    if in_clause and c_start > s_start and _picks_partners(text[c_start:pos],
                                                           text[max(bounds(text, c_start - 2, CLAUSE_END)[0],
                                                                    s_start):c_start], home):
        others += [h[1] for h in in_clause if not h[2]]
        in_clause = [h for h in in_clause if h[2]]
    if unit == "rank" and (label := _RANK_LABEL.match(text, pos)):
        return _by("clause", subject_code(label["e"], home), False)
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
    if (abbreviated := _ABBREVIATED_PAIR.search(text, c_start, pos)) and abbreviated["a"] != abbreviated["b"]:
        return _by("pair", "+".join(economy_order([_PAIR_ABBREVIATION[abbreviated[k]] for k in "ab"])), False)
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
            _cites_report(text[p_start:clause_end], home) or _CAUSE_CLAUSE.match(text, p_start, clause_end)
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
            if (_SOURCE_CLAUSE.search(clause) or _cites_report(clause, home) or _CAUSE_CLAUSE.match(clause)) \
                    and clause is not clauses[-1] \
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
# So does a clause that ends on the title of the report someone publishes (瑞士洛桑管理學院(IMD)今日公布「2022年 IMD 世界競爭力
# 年報」(IMD World Competitiveness Yearbook),臺灣在63個受評比國家中…: tw_imd_competitiveness_2022 line 1, 國發會; 瑞士洛桑管理學院
# IMD 12月9日發布「2021年 IMD 世界人才排名報告…」,台灣今年一口氣進步4名,排名世界第16: tw_imd_talent_2021 line 1, 經濟日報):
# the publisher, and the country it sits in, are the source, not whose figures follow. Not when an economy's own body
# publishes (国务院发布《新一代人工智能发展规划》，提出到2030年…产业规模超过1万亿元: seed 000 line 575, China's plan): the
# economy named right before the verb is the subject, unless 在 makes it the place of publication (胡潤研究院在廣州發布).
_PUBLISHES = re.compile(r"(?P<verb>发布|公布|发表)了?\s*[「《“][^」》”]*[」》”]\s*(?:[（(][^（()）]*[）)]\s*)*[，,；;：:]?\s*$")


def _cites_report(clause: str, home: str) -> re.Match | None:
    """The publishing of a titled report in `clause`, when no economy named right before the verb publishes it."""
    if not (published := _PUBLISHES.search(clause)):
        return None
    for h in _subjects(clause[:published.start()], False, home):
        if re.fullmatch(r"\s*(?:今日|今天|日前|近日|昨日|昨天|\d{1,2}月\d{1,2}日)?\s*", clause[h[3]:published.start()]) \
                and not clause[:h[0]].endswith("在"):
            return None
    return published


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
