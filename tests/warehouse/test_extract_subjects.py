"""Subject rules (issue 13) checked on real lines of the unseen texts: each rule states how Chinese attributes a
figure and fixed misses in at least two texts (or is a plain definition), so each has a line from two texts here."""
from __future__ import annotations

from lib.warehouse.extract import extract_document, writer
from lib.warehouse.extract.document import matching_text
from lib.warehouse.extract.subjects import listed_names
from tests.warehouse.test_extract_labels import UNSEEN, unseen_mentions


def line_mentions(name: str, line: int) -> list:
    """The mentions on one line of an unseen text, dated and titled as tests/warehouse/test_extract_labels does."""
    return [m for m in unseen_mentions(name) if m.line_no == line]


def subjects(name: str, line: int, *quotes: str) -> list[str]:
    """The economy (a place's economy) or firm of each figure quoted, in text order."""
    got = [m for m in line_mentions(name, line) if m.quote in quotes]
    return [(m.entity or "").split(":")[0] for m in got]


def test_a_trade_partner_after_a_preposition_of_direction_is_not_the_subject():
    """輸往德國及日本的出口貨量 (Hong Kong's exports to Germany and Japan), 从中国进口商品 (the EU's imports from
    China), 對美國出口占總出口比率 (Taiwan's exports to the US): the figures are the reporter's."""
    assert subjects("hk_trade_2009", 3, "24.2%", "22%", "16.3%", "13.4%", "6.6%") == ["HKG"] * 5
    assert subjects("hk_trade_2009", 4, "3.4%", "0.3%") == ["HKG"] * 2
    assert subjects("cn_eu_trade_2020", 2, "3835亿欧元", "2025亿欧元") == ["EUU"] * 2
    assert subjects("tw_exports_2025", 4, "30.9％", "26.6％") == ["TWN"] * 2


def test_a_cause_clause_gives_no_subject():
    """隨著全球供應鏈重組，對美國出口占…30.9％ (the world is the background, not whose share it is); 加上美國聯儲局
    9月起啟動減息，樓市氣氛轉趨正面。住宅樓價第二季回升1% (Hong Kong's house prices, not the US's)."""
    assert subjects("tw_exports_2025", 4, "30.9％", "26年") == ["TWN"] * 2
    assert subjects("hk_economy_2025", 2, "1%", "2%") == ["HKG"] * 2
    # 考量美國關稅政策不確定因素太高，…第三季商品出口增幅較預測高出七．三九個百分點 (considering the US tariffs:
    # the grounds, not whose exports): Taiwan's.
    assert subjects("tw_gdp_2025q3", 5, "七．三九個百分點", "九十一．六億美元") == ["TWN"] * 2


def test_an_economy_after_the_copula_is_the_predicate():
    """中国继续是新加坡第一大贸易伙伴 (China's rank), 新加坡继续为中国外派劳务第二大目的国 (Singapore's);
    中国是欧盟第一大进口来源国和第三大出口目的地，欧盟则是中国第二大…: each rank is the economy before 是."""
    assert subjects("cn_sg_trade_2018", 1, "第一大") == ["CHN"] * 3
    assert subjects("cn_sg_trade_2018", 5, "第二大") == ["SGP"]
    assert subjects("cn_eu_trade_50y", 6, "第一大", "第三大") == ["CHN", "CHN", "EUU"]


def test_a_topic_noun_before_the_copula_leaves_the_economy_after_it_the_subject():
    """Seed 003 line 135: 专利是我国2018—2023年数字技术发展中的关键变量。从2018年的7.5万件增长至…: China's patents,
    read from the sentence (not assumed)."""
    from tests.helpers import seed_mentions
    got = [(m.entity, m.flags) for m in seed_mentions()["003"] if m.line_no == 135 and m.quote == "7.5万件"]
    assert got == [("CHN", [])]


def test_the_base_of_a_comparison_and_a_comparator_are_not_the_subject():
    """分別是印度、英國、德國和以色列的3.4倍…8.5倍 and 不到美國的1/2 are China's multiples and shares of the others';
    比美國少32.3個百分點 is China's (A比B少X: X is A's); 緊隨


    比美國少32.3個百分點 is China's shortfall against the US (the gap's own figures are the pair's: below); 緊隨
    美國(488家) is a comparator whose own count follows it (cn_unicorn_2021). 達到歐盟28個國家總投入的102% and
    相當于美國2013年科研投入總額的80% are China's (cn_oecd_rd_2014); 僅次於美國與韓國，全球排名第 3 is Taiwan's rank
    (tw_semicon_2018). 作为全国最大的…口岸 is no comparison (cn_nev_exports_2023)."""
    assert subjects("cn_unicorn_2021", 1, "3.4倍", "4.8倍", "7.2倍", "8.5倍", "488家") == ["USA"] + ["CHN"] * 4
    assert set(subjects("cn_unicorn_2021", 2, "1/2", "32.3個")) == {"CHN"}
    # …but a gap stated as one figure (與…美國差距…由52家增加至309家) is the pair's (label convention 8 of 2026-12-01).
    assert set(subjects("cn_unicorn_2021", 2, "52家", "309家", "10153.8億美元")) == {"CHN+USA"}


    assert subjects("cn_oecd_rd_2014", 2, "102%", "80%") == ["CHN", "CHN"]
    assert subjects("tw_semicon_2018", 4, "第 3") == ["TWN"]
    assert subjects("cn_nev_exports_2023", 2, "6.3万辆") == ["CHN"]


def test_a_kind_of_firm_is_no_name_and_a_name_is_the_head_after_de_or_zhi():
    """百貨公司貨品(下跌3.3%) names department-store goods, not a firm: Hong Kong's retail sales (hk_retail_2015);
    a bank is a firm (微众银行首次进入全球十大, cn_unicorn_2022); the name is the head after 之/的 (政府膀臂之淡马锡控股,
    my_sg_reserves_2020; 总部深圳的微众银行…。去年实现营业收入近270亿元: the bank's, not Shenzhen's)."""
    assert set(subjects("hk_retail_2015", 4, "3.3%", "5.6%", "9.5%")) == {"HKG"}
    assert subjects("cn_unicorn_2022", 1, "十大") == ["微众银行"]
    assert subjects("my_sg_reserves_2020", 5, "1.2兆令吉") == ["淡马锡控股"]
    assert subjects("cn_unicorn_2022", 6, "270亿元", "68亿元") == ["微众银行"] * 2


def test_cities_abroad_stand_for_their_economy():
    """旧金山/纽约/伦敦 are American and British cities, and 深圳和班加罗尔分别以33家位列第六 is one figure of two
    economies' cities (cn_unicorn_2022 line 4)."""
    assert subjects("cn_unicorn_2022", 4, "176家", "120家", "39家", "33家", "第六") == \
        ["USA", "USA", "GBR", "CHN+IND", "CHN+IND"]


def test_a_figure_of_both_sides_is_the_pairs():
    """两国双边货物贸易额 (cn_sg_trade_2018, after 中国…新加坡), 中国同欧盟贸易…，双边货物贸易额…，双方…互为第二大
    (cn_eu_trade_50y), and 中国和欧盟是…，也是推动多极化的两大力量、支持全球化的两大市场 (全球化 is globalisation): the
    pair's, in house order. A member the figure's clause names as partner leaves the group (欧盟与中国进出口贸易…，
    其中从中国进口…: the EU's, cn_eu_trade_2020)."""
    assert subjects("cn_sg_trade_2018", 2, "828.8亿美元", "4.6%") == ["CHN+SGP"] * 2
    assert subjects("cn_sg_trade_2018", 3, "1350.2亿新元") == ["CHN+SGP"]
    assert subjects("cn_eu_trade_50y", 3, "8000亿美元", "第二大") == ["CHN+EUU"] * 2
    assert subjects("cn_eu_trade_50y", 1, "两大") == ["CHN+EUU"] * 3
    assert subjects("cn_eu_trade_2020", 2, "3835亿欧元") == ["EUU"]


def test_respectively_reaches_a_list_in_the_clause_before():
    """位列前三的是韓國、以色列和日本,分別為4.29%,4.11%和3.58% (cn_oecd_rd_2014): one figure each, in order."""
    assert subjects("cn_oecd_rd_2014", 4, "4.29%", "4.11%", "3.58%") == ["KOR", "ISR", "JPN"]


def test_a_member_after_qizhong_is_not_the_group():
    """Seed 003 line 97: 中国、美国、法国数字服务出口份额一直比较稳定,其中,中国自2018年以来,…份额始终处于8%~9%: China's
    (a topic before an open period 自2018年以来 is the main clause's subject); dev tw_gdp_2025q4 line 2: 台積電二○二○年
    宣布赴美投資建廠後，… stays a time clause whose firm is not the subject."""
    from tests.helpers import seed_mentions
    assert [m.entity for m in seed_mentions()["003"] if m.line_no == 97 and m.quote == "8%~9%"] == ["CHN"]
    assert set(subjects("tw_gdp_2025q4", 2, "百分之六", "百分之四點八")) == {"TWN"}


def test_the_world_as_the_field_of_a_comparison_is_not_the_subject():
    """我国是全世界唯一拥有…41个工业大类 (cn_miit_2020q3), 人民币汇率在全球主要货币中表现相对稳健 / 粮食产量1.37万亿斤
    (cn_gov_report_2023, heading lines that run on), 全球排名第 3,占整體 GDP 逾 15% (tw_semicon_2018): China's and
    Taiwan's figures, the world only the field."""
    assert subjects("cn_miit_2020q3", 1, "41个", "207个", "666个") == ["CHN"] * 3
    assert subjects("cn_gov_report_2023", 9, "1.37万亿斤", "74亿斤") == ["CHN"] * 2  # 斤 is a unit (half a kg)
    assert subjects("tw_semicon_2018", 4, "15%") == ["TWN"]


def test_sentences_of_figures_without_a_subject_continue_the_topic_before_them():
    """微众银行成立于2014年…。去年实现营业收入近270亿元…。估值增长200亿元,至2200亿元人民币,排名较上一年上升3位
    (cn_unicorn_2022 line 6): the bank's; seed 001 line 45: 2022年，我国软件业务收入…。其中…。信息技术服务收入70128亿元
    is China's, read from the text (not assumed)."""
    assert subjects("cn_unicorn_2022", 6, "200亿元", "2200亿元", "3位") == ["微众银行"] * 3
    from tests.helpers import seed_mentions
    got = [(m.entity, "subject_assumed" in m.flags) for m in seed_mentions()["001"]
           if m.line_no == 45 and m.quote == "70128亿元"]
    assert got == [("CHN", False)]


def test_a_cleft_after_a_top_n_lists_who_they_are():
    """位列前三的是韓國、以色列和日本,分別為… (cn_oecd_rd_2014 line 4): the top three are those three together, as
    前五的企业分别是上汽、东风… (dev2 cn_auto_2013h1 line 4) lists its five."""
    assert subjects("cn_oecd_rd_2014", 4, "前三") == ["KOR+ISR+JPN"]
    assert subjects("cn_auto_2013h1", 4, "前五")[0] == "上汽+东风+一汽+长安+北汽"


def test_a_subject_from_a_sentence_naming_several_is_flagged():
    """A figure whose sentence names no subject takes the first of the sentence before; when that one names several
    (中国…美国…), the reading is a choice the text does not settle: flagged ambiguous_subject, entity kept."""
    from tests.helpers import seed_mentions
    got = [(m.entity, m.flags) for m in seed_mentions()["004"] if m.line_no == 673 and m.quote == "七大"]
    assert got and got[0][0].startswith("CHN") and "ambiguous_subject" in got[0][1]
    assert all("ambiguous_subject" not in m.flags for m in line_mentions("hk_trade_2009", 3))


def test_a_central_bank_and_kinds_of_banks_are_no_firms(tmp_path):
    """A release of 2015-02-04 (wallstreetcn.com/livenews/232683): the central bank speaks for China, and 城市商业银行/
    农村商业银行 are kinds of bank, so every cut is China's (the text's own economy), none a firm's."""
    path = tmp_path / "pboc.txt"
    path.write_text("中国人民银行决定,自2015年2月5日起下调金融机构人民币存款准备金率0.5个百分点,至19.5%。 对小微企业贷款"
                    "占比达到定向降准标准的城市商业银行、非县域农村商业银行额外降低人民币存款准备金率0.5个百分点。\n",
                    encoding="utf-8")
    got = {(m.quote, m.entity) for m in extract_document(path, "pbc", date="2015-02-04")}
    assert got == {("0.5个百分点", "CHN"), ("19.5%", "CHN")}


# Real Eurostat reports (pages not in any labelled sample, read while checking that the rules carry over):
# 人民日报 2016-04-02 (china.zjol.com.cn/gjxw/201604/t20160402_1032384.shtml), 商务部 2013
# (tex.org.cn/news/xingyeyanjiu/23/110524.html), 中國商務新聞網 2022 (www.hjqzw.com/news/203.html, in Traditional).
EUROSTAT = {
    "eu2015": "数据显示,2015年,美国以6190亿欧元的货物贸易额占据第一位,这占欧盟货物贸易总量的18%;欧盟和中国之间的货物贸易额"
              "为5210亿欧元,占欧盟贸易总量的15%。\n在出口目的地方面,数据显示,美国、中国和瑞士为欧盟三大出口目的地,分别占欧盟"
              "向非欧盟国家出口总额的21%、10%和8%。\n",
    "eu2013": "一是从自华进口看,荷兰当月自华进口额同比(下同)勉强实现正增长,增幅仅为0.7%;英国、德国、意大利、法国、西班牙自华"
              "进口额均出现下跌,跌幅分别为10.8%、8.2%、5.2%、4.7%和0.7%。二是从对华出口看,英国、西班牙、荷兰、德国当月对华"
              "出口额实现较大幅度增长,增幅分别为41.2%、33.5%、19.5%和13.8%;意大利当月对华出口亦实现6.5%的增长。\n",
    "eu2022": "中國保持歐盟第一大貿易伙伴、第一大進口來源地、第三大出口市場,在歐盟相應貿易體量中占比分別為15.6%、21.1%、"
              "9.2%。\n",
}


def _read(tmp_path, name: str, text: str, date: str) -> list[tuple[str, str]]:
    """(quote, subject) of each figure of a real passage, as the extractor reads a document of that date."""
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return [(m.quote, m.entity) for m in extract_document(path, name[:3], date=date)]


def _eurostat(tmp_path, name):
    return _read(tmp_path, name, EUROSTAT[name], "2016-04-01")


def test_the_whole_of_a_share_the_field_and_the_frame_of_a_rank_are_no_subjects(tmp_path):
    """中國保持歐盟第一大貿易伙伴 (the list the rank is in): the EU is not the rank's subject, China is. But the shares
    of the EU's totals held by its partners (美国、中国和瑞士为欧盟三大出口目的地,分别占欧盟…出口总额的21%、10%和8%,
    这占欧盟货物贸易总量的18%, 在歐盟相應貿易體量中占比分別為15.6%…) are the EU's trade by partner, the reporter's
    (label convention 8 of 2026-12-01, as 香港服務輸出…目的地 in hk_services_2016); 欧盟和中国之间的货物贸易额 is
    the pair's."""
    got = _eurostat(tmp_path, "eu2015")
    assert ("18%", "EUU") in got and ("21%", "EUU") in got and ("10%", "EUU") in got and ("8%", "EUU") in got
    assert ("5210亿欧元", "EUU+CHN") in got and ("第一位", "USA") in got
    assert _eurostat(tmp_path, "eu2022") == [("第一大", "CHN"), ("第一大", "CHN"), ("第三大", "CHN"), ("15.6%", "EUU"),
                                             ("21.1%", "EUU"), ("9.2%", "EUU")]


def test_respectively_after_a_measure_and_up_to_a_semicolon(tmp_path):
    """英国、德国、意大利、法国、西班牙自华进口额均出现下跌,跌幅分别为10.8%…0.7%: one figure each (跌幅 names the
    measure); the list of 41.2%…13.8% ends at its semicolon, before 意大利's own 6.5%."""
    got = _eurostat(tmp_path, "eu2013")
    assert [e for q, e in got][1:] == ["GBR", "DEU", "ITA", "FRA", "ESP", "GBR", "ESP", "NLD", "DEU", "ITA"]


def test_more_economies_are_named():
    """这位来自哈萨克斯坦的客商…计划…进口500辆 (cn_nev_exports_2023 line 3): Kazakhstan's plan."""
    assert subjects("cn_nev_exports_2023", 3, "500辆") == ["KAZ"]


# Real Taiwanese reports of the Ministry of Finance's export figures (udn.com/news/story/7238/9255654, 2026-01-09;
# udn.com/news/story/7238/8994702, 2025-09-10), outside the labelled samples.
TAIWAN = {
    "tw_markets": "財政部統計處長蔡美娜說明，114年對美國出口1982.7億美元、年增78.0%，出口值與增幅雙創新高；對中國與香港出口"
                  "1704.8億美元、年增13.2%，終止連續3年跌勢，回穩態勢逐漸明朗；對東協出口1189.8億美元、年增35.6%。\n",
    "tw_korea": "財政部統計處長蔡美娜說，過去四年間，平均每一年的出口都比南韓大概少了約兩千億美元，換算每一個月比南韓少了"
                "約一七一億美元。\n",
    # udn.com/news/story/7238/9255739 (2026-01-09), the same year's release as written by another paper.
    "tw_surplus": "統計也顯示，台灣對美出口所占比重已超過大陸及香港，為26年來首見。此外，美國今年也首度取代陸港成為最大出超國"
                  "為1501.16億美元，亦為史上僅見。\n",
}


def _taiwan(tmp_path, name):
    return _read(tmp_path, name, TAIWAN[name], "2026-01-09")


def test_taiwans_own_words_place_a_traditional_text_in_taiwan(tmp_path):
    """A Taiwanese text names 中國 more often than 台灣, but writes 東協 (ASEAN) and a year of its own calendar (114年):
    its exports by market are Taiwan's (TWN), not China's."""
    assert {e for _, e in _taiwan(tmp_path, "tw_markets")} == {"TWN"}


def test_overtaking_and_being_behind_compare(tmp_path):
    """比南韓少了約兩千億美元 compares with Korea (Taiwan's shortfall), after 蔡美娜說 (a speaker, no subject)."""
    assert {e for _, e in _taiwan(tmp_path, "tw_korea")} == {"TWN"}


# Real Hong Kong and Taiwanese trade reports outside the labelled samples: bastillepost.com (Hong Kong, 10月出口貨量,
# article 9688050), econ.taiwan.cn (2013-04-27, Hong Kong's March trade), 103.249.53.35 (2011-04-12, Taiwan's Q1).
TRADE = {
    "hk_oct": "政府統計處今日(25日)公布對外商品貿易統計數字,今年10月與去年同期比較,香港的商品整體出口貨量及進口貨量分別上升"
              "21.4%及17.7%。\n今年10月與去年同期比較,輸往亞洲的整體出口貨值上升22.7%,其中韓國達49.9%、其次台灣為48.5%。至於輸往內地的整體"
              "出口貨值亦上升21.5%。\n進口方面,今年10月與去年同期比較,來自內地、韓國、台灣及菲律賓的進口貨值亦錄得雙位數字"
              "升幅,其中台灣達35.9%。然而,來自馬來西亞的進口貨值則跌1.3%。\n",
    "hk_march": "香港特區政府統計處今天發表的對外商品貿易統計數字顯示,2013年3月份香港整體出口和進口貨值均出現強勁增長。\n3月"
                "香港往中國內地的整體出口貨值為1636億元,佔總數的56%;從中國內地進口商品貨值總額為1595億元,佔總數的47%。\n",
    "tw_q1": "臺灣“財政部”11日公佈最新進出口數據統計顯示,今年第一季臺灣出口值738.3億美元,對大陸及香港出口301.9億美元,"
             "均創歷年各季新高。\n三是3月對大陸及香港、東協六國及歐洲出口均創歷年單月新高,第一季除對日本出口僅增6.3%外,"
             "其餘均達2位數以上成長。\n",
}


def test_origins_destinations_and_the_members_picked_out_of_them_are_partners(tmp_path):
    """輸往亞洲…，其中韓國達49.9%、其次台灣為48.5% and 來自內地、韓國、台灣及菲律賓的進口…，其中台灣達35.9% pick partners
    out of a list of destinations or origins; 往中國內地的整體出口 and 從中國內地進口 name the mainland as partner; 對大陸及
    香港、東協六國及歐洲出口 lists partners (大陸 is the mainland, 東協 ASEAN). Every figure is the reporter's: Hong Kong's
    (内地 and 按年 are Hong Kong's words in Traditional) or Taiwan's."""
    assert {e for _, e in _read(tmp_path, "hk_oct", TRADE["hk_oct"], "2021-11-25")} == {"HKG"}
    assert {e for _, e in _read(tmp_path, "hk_march", TRADE["hk_march"], "2013-04-27")} == {"HKG"}
    assert {e for _, e in _read(tmp_path, "tw_q1", TRADE["tw_q1"], "2011-04-12")} == {"TWN"}


def test_respectively_pairs_each_series_of_figures_with_the_subjects(tmp_path):
    """分别 over two subjects with two series, counts and then ranks (德国和法国分别以15家和12家位列第五和第六): each
    series pairs one to one, 第五 is Germany's and 第六 France's. Before, the ranks were counted after the counts and
    the extractor raised IndexError on such a sentence (found on a page of 2020 unicorn figures, 2026-12-02)."""
    text = "全球独角兽企业共586家。欧洲方面，德国和法国分别以15家和12家位列第五和第六。\n"
    got = _read(tmp_path, "ranks", text, "2020-08-04")
    assert [e for _, e in got[1:]] == ["DEU", "FRA", "DEU", "FRA"], got


def test_the_world_carries_to_the_next_sentence_when_it_alone_is_named():
    """全球独角兽企业总价值4.3兆美元,79%的独角兽企业销售软体和服务…。21%销售实体产品 (cn_hurun_2023 line 3) and 金融科技是
    全球独角兽的主要行业。有168家独角兽;其次是电子商务127家… (cn_unicorn_2022 line 5): the world is the topic the next
    sentence's figures continue; 随着全球数字化的纵深演进 (background) and a sentence naming an economy besides do not
    carry it (seed 004 line 621 stays China's)."""
    assert subjects("cn_hurun_2023", 3, "21%") == ["WLD"]
    assert subjects("cn_unicorn_2022", 2, "44岁", "三分之一") == ["WLD"] * 2
    assert subjects("cn_unicorn_2022", 5, "168家", "97家", "52家") == ["WLD"] * 3
    from tests.helpers import seed_mentions
    assert [m.entity for m in seed_mentions()["004"] if m.line_no == 621 and m.quote == "千吨"] == ["CHN"]


def test_an_unlisted_top_n_of_a_world_ranking_is_the_worlds_and_a_count_placed_by_origin_is_the_origins():
    """排名前十的独角兽占全球独角兽企业总价值的17.6%,其中5家来自中国 (cn_unicorn_2022 line 6) and 前十強經濟體數字服務總
    出口占全球數字服務出口的66% (cn_digital_trade_2024 line 3): what the world's top N hold is the world's; five of them
    come from China (来自中国) and are China's. 中国城市入围全球榜单前十 (cn_hurun_2023 line 5) stays China's."""
    assert subjects("cn_unicorn_2022", 6, "前十", "17.6%", "5家") == ["WLD", "WLD", "CHN"]
    assert subjects("cn_digital_trade_2024", 3, "66%", "65.6%", "65.7%") == ["WLD"] * 3
    assert subjects("cn_hurun_2023", 5, "前十") == ["CHN"]


def test_the_size_of_a_gap_between_two_economies_is_the_pairs():
    """盡管中國穩居全球第二,但與全球第一的美國差距越來越大,數量差距由2015年52家增加至2021年的309家,估值差距…達10153.8億美元
    (cn_unicorn_2021 line 2): a gap is between China and the US, so its size is the pair's (CONVENTIONS 8)."""
    assert subjects("cn_unicorn_2021", 2, "52家", "309家", "10153.8億美元") == ["CHN+USA"] * 3


def test_respectively_reaches_names_the_word_lists_do_not_know():
    """排名前三的企业分别是字节跳动、SpaceX公司、蚂蚁集团,价值分别为1.38兆元人民币、9450亿元人民币、8300亿元人民币 (cn_hurun_2023
    line 4): each value is its firm's, a Latin name (SpaceX公司) and one after 、 included; 占整个创业公司大池子的5‰ and
    1878 家独角兽公司 (cn_unicorn_us_2024 line 3) name no firm."""
    assert subjects("cn_hurun_2023", 4, "1.38兆元", "9450亿元", "8300亿元") == ["ByteDance", "SpaceX公司", "蚂蚁集团"]
    assert all("公司" not in (m.entity or "") for m in line_mentions("cn_unicorn_us_2024", 3))


def test_a_top_n_listed_in_order_is_its_members():
    """全球數字服務出口排名前10的經濟體依次為美國、英國、…法國和盧森堡 (cn_digital_trade_2024 line 3): 依次為 lists the top
    ten in order, as 分别是 does."""
    assert subjects("cn_digital_trade_2024", 3, "前10")[0] == "USA+GBR+IRL+DEU+IND+CHN+SGP+NLD+FRA+LUX"


def test_a_comparators_figure_in_brackets_after_the_noun_compared_is_the_comparators():
    """歐洲數字服務出口…增長10.1%,高于全球平均水平(8.3%) (cn_digital_trade_2024 line 5): the bracketed figure is the
    world average, as 緊隨美國(488家) is the US count (cn_unicorn_2021 line 1); the growth stays Europe's."""
    assert subjects("cn_digital_trade_2024", 5, "10.1%", "8.3%") == ["XEU", "WLD"]
    assert subjects("cn_unicorn_2021", 1, "488家") == ["USA"]


def test_a_superlatives_cleft_names_its_subject_after_the_copula():
    """全球拥有独角兽企业数量最多的国家是美国,有 763 家;中国位居第二,有 637 家 (cn_unicorn_us_2024 line 6): the country
    with the most is the US, whose count follows; the world is the field of the superlative."""
    assert subjects("cn_unicorn_us_2024", 6, "763 家", "637 家") == ["USA", "CHN"]


def test_a_year_after_yu_with_zhihou_is_a_condition_not_a_time_clause():
    """列出了全球成立于2000年之后,价值10亿美元以上的非上市公司 (cn_unicorn_2022 line 1; the same list without the comma in
    cn_hurun_2023 line 1): "founded after 2000" says which firms are counted; the world listing them is the subject."""
    assert subjects("cn_unicorn_2022", 1, "10亿美元") == ["WLD"]
    assert subjects("cn_hurun_2023", 1, "10亿美元") == ["WLD"]


def test_the_surplus_with_the_source_of_a_surplus_is_the_reporters(tmp_path):
    """美國更是取代陸港，成為最大出超來源，達到1501億美元 (tw_exports_2025 line 3), and 美國…成為最大出超國為1501.16億美元
    in the same clause (udn.com's report of the release): Taiwan's surplus with the US."""
    assert subjects("tw_exports_2025", 3, "1501億美元") == ["TWN"]
    assert dict(_taiwan(tmp_path, "tw_surplus"))["1501.16億美元"] == "TWN"


def test_a_count_closing_a_list_of_firms_with_deng_is_the_owners():
    """擁有字節跳動、小紅書、大疆創新、商湯科技、縱目科技等11家超級獨角獸企業 (cn_unicorn_2021 line 1): the firms are examples;
    the 11 super-unicorns are China's."""
    assert subjects("cn_unicorn_2021", 1, "11家") == ["CHN"]


def test_a_rank_modifying_the_economy_after_it_is_that_economys():
    """盡管中國穩居全球第二,但與全球第一的美國差距越來越大 (cn_unicorn_2021 line 2): first is the US's rank, second China's."""
    assert subjects("cn_unicorn_2021", 2, "第一") == ["USA"]


def test_a_span_of_years_opening_a_sentence_takes_the_main_clause_past_a_cause():
    """…两大文明。” [1]50年来,随着中国改革开放的持续深入和欧洲一体化的推进,中欧经贸合作取得举世瞩目的… (cn_eu_trade_50y
    line 1): the fifty years are China and the EU's, the main clause's subject; the cause clause is background, the
    closing quote and the reference mark are no part of the span."""
    assert subjects("cn_eu_trade_50y", 1, "50年") == ["CHN+EUU"]


def test_together_after_a_list_is_the_lists():
    """全球數字服務出口仍主要集中在歐洲、亞洲和北美三大區域,共占據全球數字服務出口的94%,相比2023年(93.7%)…
    (cn_digital_trade_2024 line 5): 共 (together) sums over the three regions just listed."""
    assert subjects("cn_digital_trade_2024", 5, "94%", "93.7%", "93.5%") == ["XEU+XAS+XNA"] * 3


def test_economies_after_an_emphatic_copula_and_ranked_by_a_verb_are_the_subject():
    """亞洲四小龍過往出口規模都是南韓、香港居前兩名 (tw_exports_2025 line 5): Korea and Hong Kong held the top two; the four
    tigers before 是 are the field."""
    assert subjects("tw_exports_2025", 5, "前兩名") == ["KOR+HKG"]


def test_a_paragraphs_opening_topic_carries_past_commentary_that_restates_the_noun():
    """從發展態勢來看,2019年以來,全球傳統貨物貿易…。而數字服務貿易憑借…展現出強大韌性與潛力。2024年數字服務貿易規模較2019年
    增長64.7%,規模達4.64萬億美元 (cn_digital_trade_2024 line 2): the world, which the paragraph opened on."""
    assert subjects("cn_digital_trade_2024", 2, "64.7%", "4.64萬億美元") == ["WLD"] * 2


def test_a_share_or_amount_of_a_partner_in_a_breakdown_of_trade_is_the_reporters():
    """Label convention 8: trade by destination or origin belongs to the reporter. 中國大陸及美國是香港服務輸出中的兩個
    最主要目的地,分別佔…服務輸出總額的40.1%及14.2%,其後是英國(8.2%) (Hong Kong's services exports by destination; the
    import line names no reporter, so the text's economy); 主要訂單來源地區，以美國二八四．五億美元居冠…中國及香港
    一二四．五億美元、年增十七．六％ (Taiwan's export orders by source, and the headline 美國訂單逾284億美元);
    中新双边贸易额占新加坡贸易总额的11.8%,马来西亚以11.6%位列第二…为9.9% (Singapore's total owns the shares);
    马来西亚对第二大贸易伙伴新加坡的出口额和进口额…下降12.5%和9.1%, 中国和马来西亚双边贸易额占去其中17%, 新加坡
    则占12.4% (Malaysia's). The count of partners (兩個) stays theirs."""
    assert subjects("hk_services_2016", 9, "40.1%", "14.2%", "8.2%", "4.2%", "4.0%") == ["HKG"] * 5
    assert subjects("hk_services_2016", 10, "38.5%", "11.4%", "8.0%", "5.8%", "4.2%") == ["HKG"] * 5
    assert subjects("hk_services_2016", 9, "兩個") == ["CHN+USA"]
    assert subjects("tw_export_orders_2025m11", 6, "二八四．五億美元", "一二四．五億美元", "十七．六％",
                    "二十九．九億美元") == ["TWN"] * 4
    assert subjects("tw_export_orders_2025m11", 5, "284億美元") == ["TWN"]
    assert subjects("sg_cn_trade_2013", 2, "11.8%", "11.6%", "9.9%") == ["SGP"] * 3
    assert subjects("my_cn_trade_2019", 4, "12.5%", "9.1%") == ["MYS"] * 2
    assert subjects("my_cn_trade_2019", 2, "17%", "12.4%") == ["MYS"] * 2


def test_the_rank_of_a_partner_is_the_partners():
    """马来西亚第二大贸易伙伴新加坡 (Malaysia's second largest partner, Singapore) and the cleft 排在第三位的是欧盟
    (in third place is the EU): the rank places the partner, so it is the partner's."""
    assert subjects("my_cn_trade_2019", 2, "第二大") == ["SGP"]
    assert subjects("my_cn_trade_2019", 4, "第二大") == ["SGP"]
    assert subjects("sg_cn_trade_2013", 2, "第三位") == ["EUU"]


def test_a_share_of_the_world_stays_the_parts():
    """全球數字服務出口仍主要集中在歐洲、亞洲和北美三大區域,共占據全球數字服務出口的94%, and 歐洲數字服務出口在全球
    占比最高的情況下,增長10.1% (cn_digital_trade_2024): the world owns the total, so the shares and the growth stay
    the parts' (no reporter takes them)."""
    assert subjects("cn_digital_trade_2024", 5, "94%", "10.1%") == ["XEU+XAS+XNA", "XEU"]



def test_the_world_before_a_share_word_is_the_whole_not_the_holder():
    """全球比例 and 全球比重 name the whole a share is of, as 全球占比 and 全球份额 do: 美国知识和技术密集工业产出的全球
    比例从38%降低到32% (cn_nsf_indicators_2020 line 5) is the US's share of the world, as 墨西哥出口值占全球比重23%
    (tw_servers_2024 line 8) is Mexico's and 美国…的全球占比为14.65% (stutimes.com 2026-01-11) the US's."""
    assert subjects("cn_nsf_indicators_2020", 5, "38%", "32%") == ["USA", "USA"]
    assert subjects("tw_servers_2024", 8, "23%") == ["MEX"]


def test_the_world_a_subject_enters_is_not_the_subject():
    """The world after 进入 is where the subject goes, not who it is: 有146家专精特新中小企业进入全球独角兽榜,占当年中国
    独角兽企业数量的43% (cn_little_giants_2024 line 3: China's firms and share), 近500家新加坡企业进入全球重要的创新中心
    (sg_startups_2022 line 5: Singapore's firms)."""
    assert subjects("cn_little_giants_2024", 3, "146家", "43%") == ["CHN", "CHN"]
    assert subjects("sg_startups_2022", 5, "500家") == ["SGP"]

def test_an_economy_overtaken_is_no_side_of_a_bilateral_figure():
    """2013年中国超过马来西亚,成为新加坡最大贸易伙伴,双边贸易额达到1152亿新元 (sg_cn_trade_2013): Malaysia is the one
    China overtook, a comparator; 双边 is China's and Singapore's trade."""
    assert subjects("sg_cn_trade_2013", 1, "1152亿新元", "914.3亿美元", "11%") == ["CHN+SGP"] * 3


def test_zhongguo_dalu_is_how_writers_outside_the_mainland_name_it():
    """tw_patent_2023 (the Simplified edition of a Taipei paper) line 1: 我国新申请专利案件数降为7.2万件,年减3.2% is
    Taiwan's (经济部统计处; line 2 names 中国大陆 among the foreign applicants, as sg_cn_trade_2013 line 5 writes
    除中国大陆和台湾地区以外 from Singapore): 中国大陆 is no mainland writer's word, so 我国 is Taiwan."""
    assert subjects("tw_patent_2023", 1, "7.2万件", "3.2%") == ["TWN"] * 2
    from pathlib import Path
    from lib.warehouse.extract import writer
    from lib.warehouse.extract.document import matching_text
    texts = Path(__file__).parents[1] / "labels" / "unseen" / "texts"
    for name, home in (("tw_patent_2023", "TWN"), ("sg_cn_trade_2013", "SGP")):
        assert writer.home_economy(matching_text((texts / f"{name}.txt").read_text(encoding="utf-8"), [0])) == home


def test_qizhong_is_one_word_and_opens_no_pair():
    """cn_unicorn_2020 line 3: 其中美國以233家排名第一,略高於中國的227家 is the US's count and rank (其中 = among them),
    not the pair 中美 read across the word boundary."""
    assert subjects("cn_unicorn_2020", 3, "233家", "第一") == ["USA", "USA"]


def test_a_subject_before_a_time_clause_opened_with_zi_and_a_year_is_the_main_clauses():
    """tw_rd_2023 line 2: 台灣自2017年超越日本後，持續保持在第3名，2023年占4%，較2014年增加1個百分點 are Taiwan's (not
    Korea's, named in the clause before), as 其中，中国自2018年以来，… keeps China in seed 003."""
    assert subjects("tw_rd_2023", 2, "第3名", "4%", "1個百分點") == ["TWN"] * 3


def test_the_oecd_members_average_after_a_comparator_is_the_groups():
    """cn_oecd_rd_2014 line 3 仍低于經合組織國家的平均水平2.37% (占比 before it is a noun, not 占 + the whole), tw_rd_2023
    line 1 高於經濟合作暨發展組織（OECD）成員國平均 2.7% and line 2 超越OECD成員國平均2.7%: the average is the OECD members'
    (XOE), a comparator's own figure, while 中國科研投入 and 我國…升至4% stay the subject's."""
    assert subjects("cn_oecd_rd_2014", 3, "2.37%") == ["XOE"]
    assert subjects("tw_rd_2023", 1, "4%", "2.7%") == ["TWN", "XOE"]
    assert subjects("tw_rd_2023", 2, "2.7%") == ["XOE"]


def test_a_source_of_something_other_than_trade_is_no_trade_partner():
    """cn_pct_2021 line 2: 亞洲作為專利國際申請的最大來源地…,占2021年申請總量的54.1% is Asia's share of the world's PCT
    filings (label convention 8 gives the reporter only a trade partner's share), as 38.5% after it is."""
    assert subjects("cn_pct_2021", 2, "54.1%", "38.5%") == ["XAS", "XAS"]


def test_a_firm_is_the_head_after_de_however_long_the_modifier():
    """cn_unicorn_2020 line 5: 具體公司而言 (as for specific firms: 具体 names no firm), 在前不久剛宣佈即將在港股和科創板上市的
    螞蟻集團以1萬億估值蟬聯第一: Ant Group's valuation and rank, as 总部深圳的微众银行 is the bank in cn_unicorn_2022."""
    assert subjects("cn_unicorn_2020", 5, "1萬億", "第一") == ["蚂蚁集团"] * 2


def test_the_top_n_framing_a_field_of_a_world_list_is_the_worlds():
    """cn_unicorn_2020 line 6 在全球前十名的獨角獸企業中,中國佔據6席 and cn_hurun_2023 line 1 …《2023全球独角兽榜》…。此外,
    前十名中,中国占有五席: the top ten is the world list's (WLD); the seats in it are China's. 价值10亿美元以上的非上市公司
    names a kind of firm, none by name."""
    assert subjects("cn_unicorn_2020", 6, "前十名", "6席") == ["WLD", "CHN"]
    assert subjects("cn_hurun_2023", 1, "前十名") == ["WLD"]


def test_the_members_on_a_world_list_are_the_worlds():
    """cn_unicorn_2020 line 7 上榜獨角獸的平均年齡為9歲,33家成立不到3年 (the list is 全球獨角獸榜單, line 2), as cn_unicorn_2022
    line 2 以上上榜独角兽企业总价值达27.9万亿元 is the world's: not the writer's economy assumed."""
    assert subjects("cn_unicorn_2020", 7, "9歲", "33家") == ["WLD", "WLD"]
    assert subjects("cn_unicorn_2022", 2, "27.9万亿元") == ["WLD"]


def test_a_university_named_after_its_province_is_no_province():
    """cn_pct_2021 line 1: 浙江大學(306件)位列2021年全球教育機構申請量排名第二 ranks the university (as seed 000 line 613
    names 浙江大学 among research institutions), not the province of Zhejiang."""
    assert subjects("cn_pct_2021", 1, "306件", "第二") == ["浙江大学"] * 2


def test_a_kind_of_firm_by_size_listing_or_time_is_no_name():
    """tw_ipo_market_2018 line 4 其中,中大型公司IPO家數減少更加明顯 and line 5 新上市公司平均集資只有NT$4.6 億,新上櫃公司…: kinds
    of Taiwanese firms, not firms named 中大型公司 or 新上市公司; the figures are Taiwan's."""
    assert subjects("tw_ipo_market_2018", 5, "4.6 億", "2.7 億") == ["TWN", "TWN"]
    assert "中大型公司" not in {m.entity for m in line_mentions("tw_ipo_market_2018", 4)}


def test_a_company_introduced_with_its_stock_code_is_named_so_after():
    """my_klse_market_cap_2016: 马银行(MAYBANK,1155,主要板金融) and 国家能源(TENAGA,5347,主要板贸服) on line 2 introduce listed
    companies; line 3 特别是马银行,…市值为810亿3594万令吉 and line 7 公司国家能源今年最高上探14.90令吉 are theirs, not Malaysia's
    (tw_semicon_2018 writes 台積電(2330) the same way, a company the word lists know)."""
    assert subjects("my_klse_market_cap_2016", 3, "810亿3594万令吉") == ["马银行"]
    assert subjects("my_klse_market_cap_2016", 7, "14.90令吉") == ["国家能源"]


def test_the_members_of_a_ranking_listed_with_their_figures_in_brackets():
    """tw_ipo_market_2018 line 6: 資本額前5名依序為:致和證券(NT$22.4億)、高端疫苗(NT$15.53億)、… (依序 is Taiwan's 依次): the
    top five are the five firms (致和證券 keeps the 和 of its name), each bracketed figure its firm's, as cn_pct_2021 line 3
    pairs 美國(59570件申請,+1.9%) and cn_hurun_2023 line 5 深圳(33家,第六位)."""
    got = subjects("tw_ipo_market_2018", 6, "前5名", "22.4億", "15.53億", "3.97億")
    assert got == ["致和证券+高端疫苗+是方电讯+健椿工业+万达光电", "致和证券", "高端疫苗", "万达光电"]


def test_a_semicolon_closes_a_member_of_a_series_and_its_topic():
    """tw_vc_pulse_2025q2 line 3: 歐洲同季募資146億美元、交易1,733筆,亦較第1季略減；亞洲市場則仍處於低檔,交易數為2,022筆,募資
    128億美元: Asia's deals and funds; 交易 restated does not reach back past the semicolon to Europe."""
    assert subjects("tw_vc_pulse_2025q2", 3, "146億美元", "2,022筆", "128億美元") == ["XEU", "XAS", "XAS"]


def test_the_americas_south_america_and_oceania_are_regions():
    """cn_mva_top50_2024 line 5 北美洲4席,南美洲4席,非洲2席,大洋洲僅有1席 and tw_vc_pulse_2025q2 line 3 美洲地區完成3,425筆交易、
    募資727億美元: each continent's seats and funds (not North America's for South America, not Africa's for Oceania)."""
    assert subjects("cn_mva_top50_2024", 5, "4席", "2席", "1席") == ["XNA", "XSA", "XAF", "XOC"]
    assert subjects("tw_vc_pulse_2025q2", 3, "727億美元") == ["XAM"]


def test_a_colon_opening_a_list_closes_the_topic_before_it():
    """cn_mva_top50_2024 lines 6-7: 全球製造業前5強為: / 1、中國4.6614兆美元,佔全球製造業增加值的27.25%,近十分之三: China's
    share; 製造業 restated does not reach back past the colon to the top five (WLD)."""
    assert subjects("cn_mva_top50_2024", 7, "27.25%", "十分之三") == ["CHN", "CHN"]


def test_a_release_naming_no_economy_but_its_own_is_about_it_throughout():
    """hk_retail_2015 (a 政府統計處 release naming only Hong Kong) and cn_county_communique_2015 (a county communiqué): a
    figure whose paragraph names no subject is the home economy's, without subject_assumed; tw_rd_2024 names 台積電 and
    other firms only, so its home figures also lose the flag, while cn_pct_2021 (China, the US, Japan…) keeps it."""
    for name in ("hk_retail_2015", "cn_county_communique_2015"):
        assert not [m for m in unseen_mentions(name) if "subject_assumed" in m.flags], name
    assert [m for m in unseen_mentions("cn_pct_2021") if "subject_assumed" in m.flags]


def test_a_firm_named_before_the_money_it_raised_or_its_valuation():
    """tw_vc_pulse_2025q2 line 4 美國AI新創Scale AI募得143億美元，Anduril Industries獲得25億美元，…葡萄牙Tekever也吸引5億美元
    資金。…上汽出行亦獲1.78億美元 and line 5 美國Plaid募資5.75億美元: firms the lists do not know, named before the verb of
    raising money, each its own amount (not the country before it, not the firm named before); cn_unicorn_2022 line 6
    抖音以1.3万亿元的估值: the firm named before 以 and its valuation."""
    got = subjects("tw_vc_pulse_2025q2", 4, "143億美元", "25億美元", "9億美元", "6.83億", "1.77億美元", "5億美元",
                   "3億美元", "1.78億美元")
    assert got == ["Scale AI", "Anduril Industries", "Anysphere", "Helsing", "Quantum Systems", "Tekever",
                   "Zelos Tech", "上汽出行"]
    assert subjects("tw_vc_pulse_2025q2", 5, "5.75億美元", "1.75億美元") == ["Plaid", "Scalable Capital"]
    assert subjects("tw_vc_pulse_2025q2", 2, "400億美元") == ["OpenAI"]
    assert subjects("cn_unicorn_2022", 6, "1.3万亿元") == ["抖音"]


def test_a_firms_rank_before_its_name_and_the_latter_after_it():
    """my_klse_market_cap_2016 line 9 联昌集团上榜挤掉去年排行第10的数码电讯(DIGI,6947,主要板基建),后者市值从去年的419亿8500万令吉
    滑落至375亿5325万令吉: 第10 modifies 数码电讯 (as 第一的美国 does the US), and 后者 ("the latter") is 数码电讯 again, not
    the clause's topic 联昌集团."""
    assert subjects("my_klse_market_cap_2016", 9, "第10", "419亿8500万令吉", "375亿5325万令吉") == ["数码电讯"] * 3


def test_namely_names_in_order_those_the_ranks_are_of():
    """my_klse_market_cap_2016 line 2 将马股第2大和第3大市值公司,即国家能源(TENAGA,5347,主要板贸服)和大众银行(PBBANK,1295,主要板
    金融): 即 ("namely") lists the firms the ranks describe, in order."""
    assert subjects("my_klse_market_cap_2016", 2, "第2大", "第3大") == ["国家能源", "大众银行"]


def test_a_firm_named_by_its_listing():
    """cn_ipo_review_2025 line 3 而7月在上交所上市的华电新能源,以181.7亿元人民币,在全球十大IPO项目中排名第五: what is listed on a
    market (上市的X) is a firm, whatever its name ends in; its amount and rank (not China's). Line 6 合计募资超过1,700亿港元:
    an adverb before the verb of raising money is no firm (the A-share firms counted, China's); cn_5g_2021 line 5
    上市的新机型款式218种: a noun directly before its figure is what is counted, not a firm."""
    assert subjects("cn_ipo_review_2025", 3, "181.7亿元", "第五") == ["华电新能源"] * 2
    assert subjects("cn_ipo_review_2025", 3, "十大")[-1] == "华电新能源"  # (the line's second 十大)
    assert subjects("cn_ipo_review_2025", 6, "1,700亿港元") == ["CHN"]
    assert subjects("cn_5g_2021", 5, "218種") == ["CHN"]


def test_a_stock_exchange_stands_for_its_economy():
    """cn_ipo_review_2025 line 1 今年港交所以2800亿港元(折合360亿美元)的融资额,跃居全球交易所榜首,远超排名第二的纽交所(205亿美元):
    港交所 (the Hong Kong exchange) is Hong Kong's, 纽交所 (New York's) the US's, as the labels take a market."""
    assert subjects("cn_ipo_review_2025", 1, "2800亿港元", "360亿美元", "榜首", "第二", "205亿美元") == \
        ["HKG", "HKG", "HKG", "USA", "USA"]


def test_the_firms_left_of_a_list_after_one_is_singled_out():
    """cn_ipo_review_2025 line 3 宁德时代、紫金国际、三一重工和赛力斯的港股IPO项目均跻身今年全球十大IPO项目,其中宁德时代…以410亿港元
    融资额稳居第一,之后三家公司融资额分别达287亿港元、154亿港元和143亿港元: the three firms are the list less 宁德时代, in order."""
    assert subjects("cn_ipo_review_2025", 3, "287亿港元", "154亿港元", "143亿港元") == ["紫金国际", "三一重工", "赛力斯"]


def test_a_unit_named_under_its_group_is_the_subject():
    """tw_ipo_market_2018 line 7 鴻海集團旗下富士康工業互聯網(FII)在上證正式掛牌,光是一家資本額就高達RMB¥177.25 億(NT$821.2 億): the
    unit listed under 旗下 (with its abbreviation in brackets) is the firm whose capital it is, not 鴻海 (Foxconn)."""
    assert subjects("tw_ipo_market_2018", 7, "177.25 億", "821.2 億") == ["富士康工业互联网"] * 2


def test_a_common_noun_before_a_verb_of_raising_money_is_no_firm():
    """The guard on the rule above: a clause opened by a common noun for firms or deals (公司募得, 独角兽企业获得) names no
    firm; a proper name before the verb (上汽出行亦获1.78亿美元, tw_vc_pulse_2025q2 line 4) does."""
    from lib.warehouse.extract.subjects import _named_subjects
    assert _named_subjects("公司募得", "CHN", "10亿美元") == []
    assert _named_subjects("独角兽企业获得", "CHN", "5亿美元") == []
    assert [h[1] for h in _named_subjects("上汽出行亦获", "CHN", "1.78亿美元")] == ["上汽出行"]


def sources(name: str, line: int, *quotes: str) -> list[str]:
    """How the subject of each figure quoted was found (Mention.subject_source), in text order."""
    return [m.subject_source for m in line_mentions(name, line) if m.quote in quotes]


def test_each_subject_records_how_it_was_found():
    """bench/subject_sources.py weighs subjects by how they were found, so each mention says it: 美國以233家排名第一
    (cn_unicorn_2020:3, named in its clause); 美國數字服務貿易規模在繼續穩居全球首位的前提下,在2024年實現兩位數增長(10.1%)
    (cn_digital_trade_2024:4, named in an earlier clause of the sentence); 2024年數字服務貿易規模較2019年增長64.7%,規模達
    4.64萬億美元 (cn_digital_trade_2024:2, the world carried from the sentence before); 英國和印度分別以24家和21家
    (cn_unicorn_2020:3, paired in order); 双边货物贸易额从不足30亿美元增至近8000亿美元 (cn_eu_trade_50y:3, the pair);
    5月商品整體出口貨量按年跌12.6% (hk_trade_2009:1, the writer's home economy); 排名前10的經濟體依次為美國、…
    (cn_digital_trade_2024:3, named by the figure's own words)."""
    assert sources("cn_unicorn_2020", 3, "233家") == ["clause"]
    assert sources("cn_digital_trade_2024", 4, "10.1%") == ["sentence"]
    assert sources("cn_digital_trade_2024", 2, "4.64萬億美元") == ["topic"]
    assert sources("cn_unicorn_2020", 3, "24家", "21家") == ["list", "list"]
    assert sources("cn_eu_trade_50y", 3, "8000亿美元") == ["pair"]
    assert sources("hk_trade_2009", 1, "12.6%") == ["home"]
    assert sources("cn_digital_trade_2024", 3, "前10")[0] == "number"


def test_a_member_of_a_list_in_order_owns_the_figure_written_after_its_name():
    """tw_patent_2025q3:3 前十大企業依序為台積電二八三件、友達光電九十一件、南亞科八十七件、…、鴻海七十六件、聯發科七十件、…
    以及群創光電四十四件 and :4 其後依序為日本東京威力二一七件、南韓三星電子一九七件、美國高通一五五件、南韓韓領一五二件、…:
    each count is the firm's named just before it (not the last firm the word lists know, nor the country written before
    the firm), as 依序為:致和證券(NT$22.4億)、高端疫苗(NT$15.53億) are with brackets (tw_ipo_market_2018:6)."""
    assert subjects("tw_patent_2025q3", 3, "二八三件", "九十一件", "七十件", "四十四件") == [
        "TSMC", "友达光电", "MediaTek", "群创光电"]
    assert subjects("tw_patent_2025q3", 4, "二一七件", "一九七件", "一五五件", "一五二件") == [
        "东京威力", "Samsung", "Qualcomm", "韩领"]
    assert subjects("tw_ipo_market_2018", 6, "22.4億", "15.53億") == ["致和证券", "高端疫苗"]


def test_comparators_listed_with_their_own_figures_in_brackets_are_all_comparators():
    """cn_digital_economy_2016:8 中國數字經濟占GDP的比例為30.3%,…數字經濟同比增速達18.9%,分別比美國(6.1%)、日本(17.0%)和
    英國(11.5%)高出12.8%、1.9%、7.4%: GUIDE 8 (in A比B高X, X is A's): the margins are China's, not Britain's (the last
    comparator listed); each bracketed figure stays its own economy's."""
    assert subjects("cn_digital_economy_2016", 8, "12.8%", "1.9%", "7.4%") == ["CHN"] * 3
    assert subjects("cn_digital_economy_2016", 8, "6.1%", "17.0%", "11.5%") == ["USA", "JPN", "GBR"]
    assert subjects("cn_digital_economy_2016", 8, "58.3%", "46.4%", "58.6%") == ["USA", "JPN", "GBR"]


def test_a_pinyin_gloss_after_a_character_is_not_text():
    """hk_services_trade_2022:7 中國(guó)內(nèi)地及美國(guó)亦是服務(wù)輸入中的兩個(gè)最主要來(lái)源地,分別佔(zhàn)2022年服務(wù)輸入總額的
    39.8%及15.3%,其後是英國(guó)(7.0%)、新加坡(7.0%)及日本(4.6%): with the glosses a mirror site's converter added dropped,
    來源地 and 佔…總額 read as words and the shares by source are Hong Kong's imports (GUIDE 8: the reporter's)."""
    assert subjects("hk_services_trade_2022", 7, "39.8%", "15.3%", "7.0%", "4.6%") == ["HKG"] * 5
    assert subjects("hk_services_trade_2022", 7, "兩個") == ["CHN+USA"]


def test_a_top_n_listed_with_each_members_figure_is_the_members():
    """tw_patent_2025q3:3 前十大企業依序為台積電二八三件、友達光電九十一件、…、聯電五十二件以及群創光電四十四件: the top ten are
    the ten firms named, without the counts written after each name."""
    got = [m.entity for m in line_mentions("tw_patent_2025q3", 3) if m.quote == "前十大"]
    assert got == ["台积电+友达光电+南亚科+英业达+台达电+鸿海+联发科+瑞昱+联电+群创光电"]


def test_a_firm_that_opens_its_clause_owns_the_count_it_ranks_by():
    """tw_patent_2025q3:4 外國發明專利申請人方面，美國應用材料以三〇二件奪冠 and :1 由美國應用材料以三〇二件、連二年蟬聯榜首: the
    count is the firm's (應用材料, the US is where it is from), as 台積電以二八三件 (:1) and 中國華為技術有限公司以6952件
    (cn_pct_2021:1) are the firms' the word lists know."""
    assert subjects("tw_patent_2025q3", 4, "三〇二件") == ["应用材料"]
    assert subjects("tw_patent_2025q3", 1, "二八三件", "三〇二件") == ["TSMC", "应用材料"]


def test_a_firm_before_its_valuation_is_the_one_valued():
    """cn_hurun_2021:7 …菜鳥網絡,菜鳥網絡估值增長450億,達到2,200億元,位列全球第九; :6 總部洛杉磯的SpaceX估值增長4,000億,
    達到6,400億元; :2 埃隆·馬斯克的SpaceX估值達到6,400億元: the firm before 估值 is the one valued, as the firm before 以…估值
    is (抖音以1.3萬億元的估值: cn_unicorn_2022:6), known to the word lists or not; the city of its seat is no subject."""
    assert subjects("cn_hurun_2021", 7, "450億", "2,200億元") == ["菜鸟网络"] * 2
    assert subjects("cn_hurun_2021", 6, "4,000億") == ["SpaceX"]
    assert subjects("cn_hurun_2021", 2, "6,400億元") == ["SpaceX"]


def test_aozhou_is_australia():
    """cn_hurun_2021:4 前十企業…有4家來自美國,3家來自中國,澳洲、英國和瑞典各1家: 澳洲 is Australia as Taiwan, Hong Kong and
    Malaysia write it (澳大利亞 on the mainland), a plain name."""
    assert subjects("cn_hurun_2021", 4, "1家") == ["AUS+GBR+SWE"]


def test_a_comparator_named_after_its_title_or_rank_is_compared_with():
    """cn_digital_economy_2016:4 …穩居全球第二位,領先排名第三位的日本(22935億美元)11074億美元,…僅達到美國數字經濟總量(108318億美元)
    的31.4%: China's lead and share, not Japan's; cn_mva_top50_2024:7 中國4.6614兆美元,…遠超原製造業霸主美國,…比第2至第4名的
    美國、日本和德國總和還多,…自2010年超越美國以來,已經連續16年穩居世界第一: China's run and rank."""
    assert subjects("cn_digital_economy_2016", 4, "11074億美元", "31.4%") == ["CHN", "CHN"]
    assert subjects("cn_mva_top50_2024", 7, "16年", "第一") == ["CHN", "CHN"]


def test_a_class_of_economies_is_the_subject_written_as_named():
    """tw_unctad_fdi_2013:4 開發中經濟體在2013年全球FDI流動中,…達7780億美元,占總流量的54% and cn_mva_top50_2024:5 其中發達國家
    22個,…開發中國家佔比一半,25個: the class is whose figure it is (as the labels write a group without codes), and the 中國
    inside 開發中國家 is not China. A class before 之首 or 中 is the field: 位居36个中高收入经济体之首 (cn_gii_2022:1) is China's
    rank, 在開發中國家吸收外資中,年均占比則為21.5% (tw_unctad_fdi_2013:7) China's share."""
    assert subjects("tw_unctad_fdi_2013", 4, "7780億美元", "54%") == ["开发中经济体"] * 2
    assert subjects("cn_mva_top50_2024", 5, "22個", "一半", "25個") == ["发达国家", "开发中国家", "开发中国家"]
    assert subjects("cn_gii_2022", 1, "之首") == ["CHN"]
    assert subjects("tw_unctad_fdi_2013", 7, "21.5%") == ["CHN"]


def test_the_top_n_of_a_world_ranking_framing_a_field_is_the_worlds():
    """tw_unctad_fdi_2013:5 在FDI流入量的全球前20位排名中,開發中和轉型經濟體占了一半: the top 20 of the world ranking (WLD), as
    在全球前十名的獨角獸企業中 is (cn_unicorn_2020:6)."""
    assert subjects("tw_unctad_fdi_2013", 5, "前20位") == ["WLD"]
    assert subjects("cn_unicorn_2020", 6, "前十名") == ["WLD"]


def test_what_opens_a_clause_before_a_firm_or_asks_which_is_no_name():
    """cn_hurun_unicorn_2024:7 而蚂蚁集团和菜鸟网络成为价值下降最多的独角兽: 而 opens the clause, the firm is 蚂蚁集团;
    sg_startups_2022:8 去年本地科技起步公司筹募了近110亿美元: 去年 is a time word and 本地 the writer's own economy (SGP);
    tw_semicon_global_2024:3-4 哪国公司领先前茅? asks which, so the world market after it stays the world's; :6 公司设在美国的
    半导体公司 is a class of firms, no name, and the economy that places it is the subject; hk_startups_2021:4 初创公司 too."""
    assert subjects("cn_hurun_unicorn_2024", 7, "2800多亿")[0] != "而蚂蚁集团"
    assert subjects("sg_startups_2022", 8, "110亿美元", "64%") == ["SGP", "SGP"]
    assert subjects("tw_semicon_global_2024", 4, "6,305億美元", "11.2%") == ["WLD", "WLD"]
    assert subjects("tw_semicon_global_2024", 6, "50.4%") == ["USA"]
    assert subjects("hk_startups_2021", 4, "7%") == ["HKG"]


def test_a_firm_in_latin_letters_is_named_as_its_clauses_topic_or_after_its_class():
    """cn_hurun_unicorn_2024:7 OpenAI价值增长最快,增长近5700亿元…; SpaceX价值增长第二快,增长近3100亿元,达到1.28万亿元 (as 总部洛杉矶的SpaceX
    估值增长4,000亿,达到6,400亿元 in cn_hurun_2021:6): the firm before its value and the verb is the topic; :4 美国最大的独角兽IPO是配送公司
    Instacart,目前价值只有独角兽估值的一半: the name after its class (as AI新創Scale AI募得143億美元, tw_vc_pulse_2025q2:2)."""
    assert subjects("cn_hurun_unicorn_2024", 7, "5700亿元", "7100亿元", "3100亿元", "1.28万亿元") == \
        ["OpenAI", "OpenAI", "SpaceX", "SpaceX"]
    assert subjects("cn_hurun_unicorn_2024", 4, "一半") == ["Instacart"]
    assert set(subjects("cn_hurun_2021", 6, "4,000億", "6,400億元")) == {"SpaceX"}


def test_firms_listed_after_a_known_firm_are_firms_and_respectively_pairs_them():
    """cn_hurun_unicorn_2024:7 而蚂蚁集团和菜鸟网络成为价值下降最多的独角兽,分别下降2800多亿和近1200亿: 菜鸟网络, listed after 蚂蚁集团,
    is a firm too, and 分别 gives each its fall; cn_unicorn_2021 其中字节跳动、大疆创新分别是…: 大疆创新 is listed the same way."""
    from lib.warehouse.extract.subjects import _listed_firms, _subjects
    assert subjects("cn_hurun_unicorn_2024", 7, "2800多亿", "1200亿") == ["蚂蚁集团", "菜鸟网络"]
    span = "其中字节跳动、大疆创新分别是人工智能领域和硬件领域全球估值最高的企业"
    assert _listed_firms(span, _subjects(span, False, "CHN")) == ["ByteDance", "大疆创新"]


def test_an_economy_before_a_class_of_firms_is_the_subject_not_the_world_market():
    """tw_semicon_global_2024:10 2024年,美國IDM公司營業額约全球市场的45%: the US firms' share of the world market is the US's;
    :6 公司設在美國的半導體公司…占全球半導體市場營收的50.4% too; tw_rd_2020:2 我國企業研發經費…2018年占73.6%: Taiwan's."""
    assert subjects("tw_semicon_global_2024", 10, "45%") == ["USA"]
    assert subjects("tw_semicon_global_2024", 6, "50.4%") == ["USA"]
    assert subjects("tw_rd_2020", 2, "73.6%") == ["TWN"]


def test_export_orders_by_the_region_they_come_from_are_the_receivers():
    """tw_export_orders_2025:2 統計處公布一一四年外銷訂單主要接單地區，其中，來自美國之外銷訂單金額達二六八三·四億美元，…；其次為
    來自東協國家之外銷訂單…；排名第三為中國大陸及香港，一一四年外銷訂單金額達一三七八億美元，…增加一一○億美元，增幅八·七%: the
    orders from each region are Taiwan's (GUIDE 8: trade by origin is the reporter's), and a clause that only continues
    the series of figures before it (增幅八·七%) takes the reporter as that one does."""
    assert subjects("tw_export_orders_2025", 2, "二六八三·四億美元", "卅六·一%", "一三九五·四億美元", "四十一·二%",
                    "一三七八億美元", "一一○億美元", "八·七%") == ["TWN"] * 7
    # 美國訂單逾284億美元居冠 (tw_export_orders_2025m11, the same release's wording by partner name) stays Taiwan's.
    assert subjects("tw_export_orders_2025m11", 6, "二八四．五億美元") == ["TWN"]


def test_foreign_nationals_counted_by_nationality_are_the_hosts():
    """tw_foreign_phd_2020:1 日、美、中、韓、印度、馬來西亞、德國與香港等8國共計1,557位外籍博士, 外國籍博士人數最多者仍為「日本」,
    共計423人: Taiwan's foreign PhDs by nationality; hk_startups_2021:4 …28%為非本地人士。他們分別來自中國內地(20.5%)、美國
    (14.4%): founders of Hong Kong start-ups by origin. The economies named are the people's nationalities, a category of
    the host's statistic."""
    assert subjects("tw_foreign_phd_2020", 1, "1,557位", "423人", "77人", "54.5%", "38.4%", "17.3%") == ["TWN"] * 6
    assert subjects("hk_startups_2021", 4, "20.5%", "14.4%", "11.1%", "7.1%", "6.8%") == ["HKG"] * 5


def test_an_adversity_the_figures_stand_against_gives_no_subject():
    """tw_key_figures_2025:4 儘管面臨美國對等關稅、新台幣匯率升值衝擊，機械業前九月出口值232.59億美元 (after the heading
    機械業今年出口可望年增5%, joined without punctuation): the US tariffs are what Taiwan's machinery exports stand
    against, not whose exports they are (面對美國關稅壁壘打擊，我國全年接單仍創下7000多億美元佳績 in 中國時報 2026-01-20)."""
    assert subjects("tw_key_figures_2025", 4, "232.59億美元", "6.6%", "5%") == ["TWN"] * 3
    # 考量美國關稅政策不確定因素太高 (the cause clauses the rule extends) stays Taiwan's.
    assert subjects("tw_gdp_2025q3", 5, "七．三九個百分點") == ["TWN"]


def test_a_flow_between_one_character_names_is_the_first_ones():
    """tw_us_surplus_2025:2 二〇二四年美國對台灣入超七三九億美元…；而二〇二五年前十月，美對台入超已逾一一〇〇億美元: the US's
    deficit with Taiwan, written in full and then by the one-character names (台對美出超 in 台視 2026-01-09 likewise
    Taiwan's); 對美出超 without its own side stays the writer's (line 1)."""
    assert subjects("tw_us_surplus_2025", 2, "七三九億美元", "一一〇〇億美元") == ["USA", "USA"]
    assert subjects("tw_us_surplus_2025", 1, "一五〇一．二億美元") == ["TWN"]


def test_countries_people_come_from_are_no_subject():
    """hk_startups_2019:4 投資推廣署將於下月…舉行第五屆StartmeupHK 創業節,就預計來自54個國家及逾1.7萬名人士參加: an event in
    Hong Kong, whose participants come from 54 countries, not a world figure; cn_highly_cited_2023:3 來自67多個國家和地區的
    6,849名科學家 stays the world list's, from the sentence before it."""
    assert subjects("hk_startups_2019", 4, "54個", "1.7萬名") == ["HKG", "HKG"]
    assert subjects("cn_highly_cited_2023", 3, "6,849名") == ["WLD"]


def test_a_flow_or_nationality_breakdown_is_settled_not_assumed():
    """The writer's economy found for a flow whose clause names only its partner (來自美國之外銷訂單金額達二六八三·四億美元,
    tw_export_orders_2025:2; 對中國大陸與香港出口占比則由2017年的41.4%下滑, tw_servers_2024:5) or for foreign nationals by
    nationality (tw_foreign_phd_2020:1) is the reporter of the breakdown: no subject_assumed, no subject_home_contradicted."""
    for name, line, quote in (("tw_export_orders_2025", 2, "二六八三·四億美元"), ("tw_servers_2024", 5, "41.4%"),
                              ("tw_foreign_phd_2020", 1, "423人")):
        (m,) = [m for m in line_mentions(name, line) if m.quote == quote]
        assert not {"subject_assumed", "subject_home_contradicted"} & set(m.flags), (name, m.flags)


def test_a_share_of_an_economys_own_trade_is_that_economys():
    """tw_us_cn_imports_2025:2 中國仍占美國年度進口的5分之1 (China's share of the US's imports: the US reports it, GUIDE 8);
    tw_kr_exports_2025:5 半導體產業佔台灣總出口30% (a category's share of Taiwan's exports), not TSMC's, named as an example
    in the sentence before; sg_cn_trade_2013:2 中新双边贸易额占新加坡贸易总额的11.8% stays Singapore's."""
    assert subjects("tw_us_cn_imports_2025", 2, "5分之1") == ["USA"]
    assert subjects("tw_kr_exports_2025", 5, "30%") == ["TWN"]
    assert subjects("sg_cn_trade_2013", 2, "11.8%") == ["SGP"]


def test_shares_listed_for_the_writers_top_markets_are_the_writers():
    """tw_exports_2025m10:2 美國、中國加香港與東協為我國的前三大出口市場，今年前十月的出口占比，依序為29.5%、27.0%與19.1%:
    the markets are Taiwan's partners (前三大出口市場 of 我國, as 第一大出口市場 is) and the shares listed after 依序為 continue
    the clause naming them (as 各研發類型占全國研發經費之比率,分別為9.2%、23.2%及67.5% does in tw_rd_2013:4): Taiwan's."""
    assert subjects("tw_exports_2025m10", 2, "29.5%", "27.0%", "19.1%") == ["TWN"] * 3


def test_a_partners_share_in_an_economys_trade_is_that_economys():
    """tw_us_cn_imports_2025:2 中國在美國整體進口市場的占比，已從2024年的13.4%降至2025年的9%: China's share of the US's imports,
    which the US reports (GUIDE 8), as 中國仍占美國年度進口的5分之1 after it; the clause naming the share opens the change."""
    assert subjects("tw_us_cn_imports_2025", 2, "13.4%", "9%", "5分之1") == ["USA"] * 3


def test_firms_a_text_lists_before_their_class_are_firms_where_it_names_them_again():
    """中華電信、遠傳、台灣大哥大等三大業者 names three firms: 其中遠傳最高四十一．七％，其次是中華電信卅八．四％，台灣大哥大則僅卅七％
    are each its firm's (not Taiwan's by the 台灣 in 台灣大哥大); the list's own figure (三大業者…資費至少要一三九九元) is the
    class's, labelled by its economy. The same list reads 輝達、高通、博通、超微等IC設計公司 and 中來、晶科、一道等頭部企業 as firms."""
    assert subjects("tw_5g_subsidy_2025", 4, "四十一．七％", "卅八．四％", "卅七％") == ["远传", "中华电信", "台湾大哥大"]
    assert subjects("tw_5g_subsidy_2025", 3, "一三九九元") == ["TWN"]
    for name, line, firms in (("tw_semicon_global_2024", 8, {"辉达", "博通", "超微"}),
                              ("cn_industry_chain_2024", 2, {"晶科", "一道"})):
        text = matching_text((UNSEEN / "texts" / f"{name}.txt").read_text(encoding="utf-8").splitlines()[line - 1], [0])
        assert firms <= set(listed_names(text)), name


def test_a_members_own_figure_in_brackets_does_not_end_the_list():
    """美国(530家)和中国(375家)集聚了超七成独角兽企业: the share is the pair's, each count in brackets its member's; so is
    印度(54家)、英国(35家)…和巴西(12家)九国独角兽企业数量在10家以上 the nine's (the usage of cn_digital_economy_2016
    line 8, 分别比美国(58.3%)、日本(46.4%)和英国(58.6%)低…, and mo_industry_2015 line 1, 消耗总额(59.7亿元)与员工支出…)."""
    assert subjects("cn_unicorn_gei_2023", 12, "530家", "375家", "七成") == ["USA", "CHN", "USA+CHN"]
    assert subjects("cn_unicorn_gei_2023", 12, "九国", "10家") == ["IND+GBR+DEU+FRA+ISR+CAN+KOR+SGP+BRA"] * 2


def test_a_comparators_own_figure_given_to_its_firms_is_that_economys():
    """中國企業…53345項,較日本企業的49702項多,但低於美國企業的56142項 (hk_pct_huawei_2018:3): the figure after the comparator's
    firms and 的 is the comparator's own, as 略高於中國的227家 is (cn_unicorn_2020:3); the subject's own figure stays China's."""
    assert subjects("hk_pct_huawei_2018", 3, "53345項", "49702項", "56142項") == ["CHN", "JPN", "USA"]
    assert subjects("cn_unicorn_2020", 3, "227家") == ["CHN"]


def test_a_country_written_before_a_listed_firm_is_where_it_is_from():
    """其次依序是美國應材(794件)、南韓三星電子(747件)、美國高通(695件) (tw_wipo_tipo_patents_2023:3): in a list announced 依序,
    the figure in brackets is its member's, the country before the firm only where it is from (as 其次依序為南韓三星電子（741件）、
    美國高通（570件） reads on ettoday 2026-02-26); economies listed the same way stay economies (cn_pct_2021:3)."""
    assert subjects("tw_wipo_tipo_patents_2023", 3, "794件", "747件", "695件") == ["应材", "Samsung", "Qualcomm"]
    assert subjects("cn_pct_2021", 3, "59570件") == ["USA"]


def test_a_market_named_by_its_economy_is_a_destination_of_the_writers_exports(tmp_path):
    """出口表現亦顯著提升…。其中，以東南亞市場成長最為顯著，年增率高達125.48%，其次為日本市場，年增46.73%，美國市場則為11.75%
    (tw_startup_whitepaper_2025:2): the markets picked out of Taiwan's start-ups' exports are destinations, the rates Taiwan's;
    so are 其中以美國市場最亮眼，10月單月211.4億美元 in 經濟日報's report of Taiwan's exports (udn.com story 9125560)."""
    assert subjects("tw_startup_whitepaper_2025", 2, "125.48%", "46.73%", "11.75%") == ["TWN"] * 3
    udn = "10月出口表現強勁，五大主要市場同步走升，其中以美國市場最亮眼，10月單月211.4億美元，年增144.3％，均創下歷年單月新高。"
    assert {e for q, e in _read(tmp_path, "tw_udn_exports", udn, "2025-11-07") if q.startswith(("211", "144"))} == {"TWN"}


def test_each_firm_of_a_list_written_name_figure_owns_its_bracketed_figure():
    """三菱電機(2812項)、英特爾(Intel)(2499項)、高通公司(2404項)和中興通訊(2080件)則分列第二至第五 (hk_pct_huawei_2018:1): a list of
    firms (英特爾 and 高通 known) with each figure in brackets after its name: each is its member's, a name the word lists do
    not know written as named, as in 致和證券(NT$22.4億)、高端疫苗(NT$15.53億) (tw_ipo_market_2018:6, announced 依序為). A
    known name keeps its reading (浙江大學(306件): cn_pct_2021:1)."""
    assert subjects("hk_pct_huawei_2018", 1, "2812項", "2499項", "2404項", "2080件") == \
        ["三菱电机", "Intel", "Qualcomm", "中兴通讯"]
    assert subjects("tw_ipo_market_2018", 6, "22.4億") == ["致和证券"]
    assert subjects("cn_pct_2021", 1, "306件") == ["浙江大学"]


def test_a_flow_from_the_writer_to_several_partners_is_the_writers(tmp_path):
    """我對中國以及香港的出口比重降至26.61% (tw_cn_export_share_2025:1, nownews) and 我對中國大陸及香港之出口比重降至26.61% (經濟日報's
    report of the same release, udn.com story 9258498): 我 (Taiwan's releases write it bare) sets itself apart from every
    partner its flow is listed to, so the text is not Hong Kong's, and the flow's figures are the writer's, Taiwan's."""
    # (the last 1,704.8億美元, set against 我對東協出口 in the next clause, is left out)
    assert subjects("tw_cn_export_share_2025", 1, "26.61%", "6,407.5億美元", "1,704.8億美元")[:4] == ["TWN"] * 4
    udn = ("財政部統計，2025年我對中國大陸及香港之出口比重降至26.61%新低點。根據財政部發布2025年全年出口6,407.5億美元，較上年增"
           "34.9%；其中，我對中國大陸與香港出口1,704.8億美元，年增13.2%。")
    assert {e for _, e in _read(tmp_path, "tw_udn_export_share", udn, "2026-01-11")} == {"TWN"}


def test_a_pair_named_by_one_character_each_before_two_countries_is_that_pair(tmp_path):
    """美新两国2017年贸易总额541亿美元 (sg_trade_partners_2018:2, 南洋商报): 美 and 新 compounded before 两国 name the two sides,
    not the last two economies the text named (Malaysia, overtaken, and Singapore); so do 中马 before 双边 in 2013年中马双边贸易额
    突破千亿美元大关 (ctcfl.org 2023-04-06)."""
    assert subjects("sg_trade_partners_2018", 2, "541亿美元", "697亿美元") == ["USA+SGP"] * 2
    ctcfl = "中马作为传统友好邻邦,两国关系一直保持良好发展势头。2013年中马双边贸易额突破千亿美元大关。"
    assert _read(tmp_path, "my_ctcfl_trade", ctcfl, "2023-04-06") == [("千亿美元", "CHN+MYS")]


def test_a_rank_written_as_a_label_before_a_colon_is_the_one_named_after_it():
    """全球第一:美國,超過一半營收都是美國企業貢獻 (tw_semicon_global_2024:5, 數位時代) and 第1名:韩国 on a line of its own under
    我国集成电路进口国家/地区排名图 (cn_ic_trade_2025:9): the rank is held by the one named after the colon, not by the
    writer's economy nor the reporter of the ranking."""
    assert subjects("tw_semicon_global_2024", 5, "第一") == ["USA"]
    assert [subjects("cn_ic_trade_2025", line, rank)[0] for line, rank in ((9, "第1名"), (12, "第2名"), (21, "第5名"))] \
        == ["KOR", "USA", "MYS"]


def test_a_clause_does_not_reach_back_past_its_paragraph():
    """第1名:韩国 / 进口数量647亿个,进口金额6680亿元,占比22.01% (cn_ic_trade_2025:9-10): the label line ends its paragraph, so
    the imports on the line after it are China's (the reporter of the ranking), not 韩国进口数量; 字節跳動成為全球最大獨角獸 /
    本次榜單列出了…價值10億美元以上的非上市公司 (cn_hurun_2021:3-4): the heading is no part of the clause below it."""
    assert subjects("cn_ic_trade_2025", 10, "647亿个", "6680亿元", "22.01%") == ["CHN"] * 3
    assert subjects("cn_ic_trade_2025", 13, "697亿个") == ["CHN"]
    assert subjects("cn_hurun_2021", 4, "10億美元") == ["WLD"]


def test_a_clause_publishing_a_report_by_its_title_is_a_source():
    """瑞士洛桑管理學院 IMD 12月9日發布「2021年 IMD 世界人才排名報告…」,台灣今年一口氣進步4名,排名世界第16 (tw_imd_talent_2021:1)
    and 胡潤研究院在廣州發布《2021全球獨角獸榜》,…兩個國家獨角獸總數佔全球的74% (cn_hurun_2021:1): the publisher and where it
    publishes are the source; the figures are Taiwan's and the two countries'. So across sentences (tw_imd_competitiveness_2022:1)."""
    assert subjects("tw_imd_talent_2021", 1, "第16") == ["TWN"]
    assert subjects("cn_hurun_2021", 1, "74%") == ["USA+CHN"]
    assert subjects("tw_imd_competitiveness_2022", 1, "第1") == ["TWN"]
