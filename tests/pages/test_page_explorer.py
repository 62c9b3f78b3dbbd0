"""Fact explorer page: search (Chinese and English), each filter, context lines, conflicts, quotes against the
documents, deep links, exports, and hostile search text, checked against the warehouse and the seed files."""
from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from tests import helpers as apptest

from lib.queries import facts
from lib.ui import downloads, facts_view
from lib.ui.i18n import t

PAGE = "pages/explorer.py"
# In a card: "<title> (2024-01), line 128" (en), its file seeds/000_….txt the tooltip, and the number in <mark>.
# The card names the document by title and line; its file (seeds/…) is the tooltip of that text.
CARD_WHERE = re.compile(r'<span title="seeds/([\w.\-]+)">[^<]*line (\d+)</span>')
MARK = re.compile(r"<mark>(.*?)</mark>")
MENTION_LINK = re.compile(r"mention=([A-Za-z0-9_.:\-]+)")




def run_page(lang: str = "en", **params) -> AppTest:
    return apptest.run_page(PAGE, lang, **params)


def boxes(bodies) -> list[str]:
    """The cards in st.html bodies (a page of results or the conflicts is one st.html, lib/ui/facts_view.py)."""
    return [box for body in bodies for box in body.split(f'<div class="{facts_view.CARD_CLASS}">')[1:]]


def cards(at: AppTest, tab: int = 0) -> list[str]:
    """The result cards of a tab (each holding a <mark> and a link to the figure)."""
    return [c for c in boxes(h.proto.body for h in at.tabs[tab].get("html")) if "<mark>" in c and "mention=" in c]


def shown_count(at: AppTest) -> tuple[int, int]:
    text = next(m.value for m in at.markdown if re.fullmatch(r"\d+ of \d+ figures", m.value))
    shown, total = re.findall(r"\d+", text)
    return int(shown), int(total)


def card_mentions(at: AppTest) -> list[str]:
    return [MENTION_LINK.findall(body)[-1] for body in cards(at)]


def count(con, where: str = "TRUE", params=()) -> int:
    return con.execute(f"SELECT count(*) FROM mentions WHERE {where}", list(params)).fetchone()[0]


# What the explorer shows of each mention, written here from the contract's views: a catalogued figure (a row of
# cited_figures) its indicators' period and subjects (company, else economy), any other the extractor's year and
# entity.
SHOWN = """
    SELECT m.mention_id,
           CASE WHEN c.mention_id IS NULL THEN m.year ELSE c.period END AS year,
           CASE WHEN c.mention_id IS NULL THEN [m.entity] ELSE c.subjects END AS subjects
    FROM mentions m
    LEFT JOIN (SELECT mention_id, min(period) AS period, list(DISTINCT coalesce(entity, economy)) AS subjects
               FROM cited_figures GROUP BY mention_id) c USING (mention_id)"""


def shown(con, where: str, params=()) -> set[str]:
    return {r[0] for r in con.execute(f"SELECT mention_id FROM ({SHOWN}) WHERE {where}", list(params)).fetchall()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_runs_alone_and_lists_every_mention(con, lang):
    at = run_page(lang)
    assert len(at.tabs) == 2
    assert len(cards(at)) == min(facts.PAGE_SIZE, count(con))
    if lang == "en":
        assert shown_count(at) == (count(con), count(con))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_runs_through_the_app(lang):
    at = apptest.run_through_app("pages/explorer.py", lang)
    assert len(cards(at)) == facts.PAGE_SIZE


def test_chinese_search_finds_every_unicorn_mention(con):
    expected = {r[0] for r in con.execute(
        "SELECT mention_id FROM mentions WHERE contains(quote, '独角兽') OR contains(context, '独角兽')").fetchall()}
    expected |= {r[0] for r in con.execute(
        """SELECT o.mention_id FROM observations o JOIN indicators i USING (indicator_id)
           WHERE o.mention_id IS NOT NULL AND contains(i.name_zh, '独角兽')""").fetchall()}
    assert expected, "the documents speak of unicorns"
    at = run_page(q="独角兽")
    assert shown_count(at)[0] == len(expected)
    assert set(card_mentions(at)) <= expected


def test_english_search_matches_indicator_names(con):
    name, ids = con.execute(
        """SELECT i.name_en, list(DISTINCT o.mention_id) FROM observations o JOIN indicators i USING (indicator_id)
           WHERE o.mention_id IS NOT NULL AND i.name_en = '5G base stations in service' GROUP BY i.name_en"""
    ).fetchone()
    at = run_page(q=name.upper())  # case does not matter
    assert set(ids) <= set(card_mentions(at))
    # The English name is not in the Chinese text: without the catalogue join nothing would match.
    assert count(con, "contains(lower(context), lower(?))", [name]) == 0


def test_subject_filter_keeps_the_figures_shown_with_that_subject(con):
    # The subject shown, and filtered on, is the catalogue's where the figure is catalogued: 000:332's 96
    # countries are the world's (the extractor reads UK), 002:97's partner countries China's (it reads world).
    world = shown(con, "list_contains(subjects, 'WLD')")
    assert {"000-0332-1", "003-0217-1"} <= world and "002-0097-1" not in world
    at = run_page(entity="WLD")
    assert shown_count(at) == (len(world), count(con))
    assert set(card_mentions(at)) <= world
    companies = shown(con, "list_contains(subjects, 'microsoft')")
    assert companies == {"003-0188-4"}  # 苹果、微软和英伟达…均超过3万亿美元: one figure, three subjects
    assert card_mentions(run_page(entity="microsoft")) == ["003-0188-4"]


@pytest.mark.parametrize("param, column", [("doc", "doc_id"), ("topic", "topic"), ("unit", "unit")])
def test_each_filter_narrows_to_exactly_its_mentions(con, param, column):
    value, expected = con.execute(
        f"SELECT {column}, count(*) FROM mentions WHERE {column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    at = run_page(**{param: value})
    assert shown_count(at) == (expected, count(con))
    assert expected < count(con)
    ids = card_mentions(at)
    assert ids and all(con.execute(f"SELECT {column} FROM mentions WHERE mention_id = ?", [m]).fetchone()[0] == value
                       for m in ids)


def test_flag_filter_keeps_mentions_carrying_the_flag(con):
    expected = count(con, "contains(flags, 'lost_superscript')")
    at = run_page(flag="lost_superscript")
    assert shown_count(at)[0] == expected > 0
    for body in cards(at):
        assert "Lost superscript" in body


def test_year_filter_includes_periods_covering_the_year(con):
    exact = shown(con, "year = '2020'")
    covering = shown(con, "year LIKE '____-____' AND left(year, 4) <= '2020' AND right(year, 4) >= '2020'")
    at = run_page(year="2020")
    assert shown_count(at)[0] == len(exact | covering)
    assert set(card_mentions(at)) <= exact | covering
    assert covering, "the documents state periods such as 2016-2020"


def test_filters_combine(con):
    expected = count(con, "doc_id = '003' AND unit = 'percent'")
    at = run_page(doc="003", unit="percent")
    assert shown_count(at)[0] == expected


def test_every_displayed_quote_is_in_its_document_at_its_line(con, seed_lines):
    at = run_page()
    pages = -(-count(con) // facts.PAGE_SIZE)
    checked = 0
    for number in range(1, pages + 1):
        if number > 1:
            at.number_input[0].set_value(number).run()
        for body in cards(at):
            file_name, line_no = CARD_WHERE.search(body).groups()
            marked = html.unescape(MARK.search(body).group(1))
            assert marked in seed_lines[file_name][int(line_no) - 1], (file_name, line_no, marked)
            checked += 1
    assert checked == count(con)


def test_mention_link_shows_one_figure_with_its_context_lines(con, seed_lines):
    mention_id, file_name, line_no, quote = con.execute(
        "SELECT mention_id, file_name, line_no, quote FROM mentions WHERE contains(flags, 'implausible') LIMIT 1"
    ).fetchone()
    at = run_page(mention=mention_id)
    assert card_mentions(at) == [mention_id]
    assert cards(at)[0].count("<details open>") == 1  # its context lines shown open
    context = next(h.proto.body for h in at.get("html") if "min-width:3.2em" in h.proto.body)
    numbers = [int(n) for n in re.findall(r'user-select:none">(\d+)</span>', context)]
    assert line_no in numbers and len(numbers) > 1
    plain = context.replace("<mark>", "").replace("</mark>", "")
    for number in numbers:  # each context line is the document's line of that number
        assert f">{number}</span>{html.escape(seed_lines[file_name][number - 1])}</div>" in plain
    body = cards(at)[0]
    assert "Implausible" in body and html.escape(quote) in body


def test_unknown_mention_falls_back_to_every_figure(con):
    at = run_page(mention="999-0000-9")  # fails on any exception
    assert any("999-0000-9" in w.value for w in at.warning)


def test_chart_links_lead_to_the_page_of_the_topic(con):
    mention_id = con.execute(
        """SELECT m.mention_id FROM mentions m JOIN observations o USING (mention_id)
           JOIN indicators i ON i.indicator_id = o.indicator_id WHERE i.topic = 'unicorns' LIMIT 1""").fetchone()
    if mention_id is None:
        mention_id = con.execute("SELECT mention_id FROM mentions WHERE topic = 'unicorns' LIMIT 1").fetchone()
    at = run_page(mention=mention_id[0])
    # The link lands on whichever chart of the page draws the statement (lib/ui/chart_view.py resolves the anchor).
    assert f'href="./unicorns?lang=en#mention-{mention_id[0]}"' in cards(at)[0]


def test_conflicts_tab_shows_every_statement_with_document_and_date(con, seed_lines):
    conflicts = con.execute("SELECT indicator_id, mention_ids, kind FROM conflicts").fetchall()
    at = run_page()
    headers = [box for box in boxes(h.proto.body for h in at.tabs[1].get("html")) if "spread" in box]
    assert len(headers) == len(conflicts)
    bodies = " ".join(h.proto.body for h in at.get("html"))
    for indicator_id, mention_ids, kind in conflicts:
        assert ("Rounding" if kind == "rounding" else "Disagreement") in " ".join(headers)
        for mention_id in mention_ids.split(","):
            file_name, line_no, quote, published = con.execute(
                """SELECT m.file_name, m.line_no, m.quote, d.published FROM mentions m JOIN documents d USING (doc_id)
                   WHERE mention_id = ?""", [mention_id]).fetchone()
            assert f'<span title="seeds/{file_name}">' in bodies and f"({published}), line {line_no}</span>" in bodies
            assert quote in seed_lines[file_name][line_no - 1]


def test_hostile_search_text_is_plain_text(con):
    before = count(con)
    at = run_page(q="'; DROP TABLE mentions; --")  # searched literally: nothing matches, nothing is dropped
    assert shown_count(at) == (0, before)
    at = run_page()
    at.text_input(key="_url_q").input("<img src=x onerror=alert(1)>").run()
    assert not at.exception
    # lib/ui/state.py takes < and > out of search text and the page says so under the box (issue 17.6: it used to
    # clear the box silently and show every figure); what is left is searched literally and finds nothing.
    assert at.text_input(key="_url_q").value == "img src=x onerror=alert(1)" and shown_count(at) == (0, before)
    assert any("were removed" in i.value for i in at.info)
    assert all("<img" not in h.proto.body for h in at.get("html"))
    assert count(con) == before
    # The query layer takes such text as a literal string too, and the renderer escapes document text.
    assert facts.mentions(facts.MentionFilter(text="<img src=x onerror=alert(1)>")).empty
    assert facts_view.mark("<b>1</b>", 3, 4) == "&lt;b&gt;<mark>1</mark>&lt;/b&gt;"


def test_search_words_are_literal_not_patterns(con):
    """The search reads one precomputed column (explorer_mentions.search_text) with the words as bound parameters:
    % and _ are characters to find, not LIKE wildcards, and a quote cannot end the SQL string."""
    names = con.execute("""SELECT DISTINCT o.mention_id, lower(i.name_en || ' ' || i.name_zh) FROM observations o
                           JOIN indicators i USING (indicator_id) WHERE o.mention_id IS NOT NULL""").fetchall()
    texts = {m: f"{q} {c}".lower() for m, q, c in con.execute("SELECT mention_id, quote, context FROM mentions")
             .fetchall()}
    for name_of, text in names:
        texts[name_of] += " " + text
    for word in ("%", "_", "'", "5g基站"):
        expected = {m for m, text in texts.items() if word in text}
        found = set(facts.mentions(facts.MentionFilter(text=word))["mention_id"])
        assert found == expected, word
    assert 0 < len(set(facts.mentions(facts.MentionFilter(text="%"))["mention_id"])) < count(con)


def test_exports_carry_citations_found_in_the_documents(seed_lines):
    results = facts.mentions(facts.MentionFilter(docs=("003",)))
    export = facts_view.export_frame(results, "zh")
    assert len(export) == len(results)
    for file_name, line_no, quote, citation in zip(export["file"], export["line"], export["quote"], export["citation"]):
        assert quote in seed_lines[file_name.removeprefix("seeds/")][line_no - 1]
        assert citation.startswith(f"{file_name}:{line_no}")
    workbook = zipfile.ZipFile(io.BytesIO(downloads.excel_bytes(export, "figures")))
    strings = workbook.read("xl/sharedStrings.xml").decode("utf-8")
    assert html.escape(export["quote"].iloc[0], quote=False) in strings


@pytest.fixture
def widget_state_warnings():
    """Messages Streamlit logs when a widget gets a default of its own and a Session State value (it logs the first
    one per process only, so the flag is reset)."""
    import logging

    from streamlit.elements.lib import policies

    class Collect(logging.Handler):
        def __init__(self):
            super().__init__()
            self.messages: list[str] = []

        def emit(self, record):
            self.messages.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger(policies.__name__)
    logger.addHandler(handler)
    policies._shown_default_value_warning = False
    yield handler.messages
    logger.removeHandler(handler)


@pytest.mark.parametrize("page", ["explorer", "overview", "rd", "unicorns", "digital_services", "four_chains",
                                  "sources"])
def test_every_page_runs_clean(widget_state_warnings, page):
    """Every page, with the explorer's filters set from the URL and after a rerun (a page switch keeps the widget
    keys): no 'default value' warning on the page or in the log, and no missing value printed as "nan"."""
    params = {"doc": facts.options()["docs"][0], "q": "5G", "econ": "CHN,USA"} if page == "explorer" else {}
    at = apptest.run_page(f"pages/{page}.py", "zh", open_data=True, **params)  # chart data tables open too
    at.run()
    assert not at.exception
    shown = [w.value for w in at.warning if "default value" in str(w.value)]
    assert not shown, shown
    logged = [m for m in widget_state_warnings if "default value" in m]
    assert not logged, logged
    texts = [str(e.value) for kind in ("markdown", "caption", "info", "warning") for e in at.get(kind)]
    texts += [h.proto.body for h in at.get("html")]
    assert not [text for text in texts if re.search(r"\bnan\b", text)], "a missing value is printed as nan"


@pytest.mark.parametrize("page_id", ["rd", "unicorns", "digital_services", "four_chains"])
def test_document_rows_of_chart_tables_link_to_their_sentence_in_the_explorer(con, page_id):
    """Every table row a document states carries a link to the explorer on that mention; the mention's quote is the
    row's quote, and the link opens the explorer on exactly that figure."""
    from urllib.parse import parse_qs, urlsplit

    at = apptest.run_page(f"pages/{page_id}.py", "en", open_data=True)
    linked = [df.value for df in at.dataframe if "Fact explorer" in df.value.columns]
    assert linked, f"{page_id}: no table links to the explorer"
    checked = 0
    for frame in linked:
        for _, row in frame.iterrows():
            link = row["Fact explorer"]
            target = urlsplit(link)
            if target.path == "./sources":  # a dataset row: its link leads to the datasets' descriptions
                assert parse_qs(target.query)["view"] == ["datasets"]
                continue
            params = {k: v[0] for k, v in parse_qs(target.query).items()}
            assert target.path == "./explorer" and params["lang"] == "en"
            quote = con.execute("SELECT quote FROM mentions WHERE mention_id = ?", [params["mention"]]).fetchone()
            assert quote, f"{page_id}: link to unknown mention {params['mention']}"
            cells = [str(v) for v in row.values if isinstance(v, str)]
            assert any(quote[0] in cell for cell in cells), f"{page_id}: {quote[0]!r} not in the row {cells}"
            checked += 1
    assert checked
    assert card_mentions(run_page(mention=params["mention"])) == [params["mention"]]


def test_explorer_and_charts_agree_on_every_catalogued_figure(con):
    """Charts plot observations; every observation bound to a mention shows in the explorer with the same value,
    unit, period and subjects, and its card (zh and en) says them and names the indicator, never the extractor's
    reading; a figure charted as implausible carries the warning."""
    charted = con.execute("""
        SELECT mention_id, list(DISTINCT value), list(DISTINCT value_high), list(DISTINCT unit),
               list(DISTINCT coalesce(period, '')), list(DISTINCT coalesce(entity, economy)), bool_or(implausible)
        FROM observations WHERE mention_id IS NOT NULL GROUP BY mention_id ORDER BY mention_id""").fetchall()
    results = facts.mentions().set_index("mention_id", drop=False)
    lines = facts.mention_lines([c[0] for c in charted]).set_index("mention_id")["text"]
    assert len(charted) > 150
    for mention_id, values, highs, units, periods, subjects, implausible in charted:
        assert len(values) == len(highs) == len(units) == len(periods) == 1, f"{mention_id}: two answers charted"
        row = results.loc[mention_id]
        assert row["catalogued"], mention_id
        year = row["year"] if isinstance(row["year"], str) else ""
        assert (row["value"], row["unit"], year) == (values[0], units[0], periods[0]), mention_id
        assert set(row["entity"].split(facts.SUBJECT_SEPARATOR)) == set(subjects), mention_id
        for lang in ("zh", "en"):
            card = facts_view.card_html(row, lines[mention_id], lang)
            assert html.escape(facts_view.value_text(row, lang)) in card, (mention_id, lang)
            assert periods[0] in card and html.escape(facts_view.entity_label(row["entity"], lang)) in card
            assert t("explorer.extracted", lang) not in card
            assert (html.escape(t("explorer.flag.implausible", lang)) in card) == bool(implausible), mention_id


@pytest.mark.parametrize("mention_id, year, subject_en", [
    ("000-0412-2", "2012", "China"),  # 从2.5万亿元: the 2012 start value, not 2022
    ("000-0332-1", "2022", "World"),  # 96 countries: the world's, not the UK's
    ("002-0097-1", "2020", "China"),  # 16 partner countries: China's, not the world's
    ("003-0188-4", "2024", "Apple, Microsoft, Nvidia"),  # not Nvidia alone
    ("003-0188-3", "2017", "Alibaba, Tencent"),
    ("004-0907-1", "2023", "China"),  # 目前…56个: not 2017 from the sentence before
])
def test_cards_show_the_catalogued_year_and_subject(mention_id, year, subject_en):
    card = cards(run_page(mention=mention_id))[0]
    assert f" · {subject_en} · {year} · Indicator: " in card


def test_uncatalogued_figures_say_they_are_the_extractors_reading(con):
    mention_id = con.execute("""SELECT mention_id FROM mentions WHERE mention_id NOT IN
                                (SELECT mention_id FROM cited_figures) ORDER BY mention_id LIMIT 1""").fetchone()[0]
    assert t("explorer.extracted", "en") in cards(run_page(mention=mention_id))[0]
    assert t("explorer.extracted", "zh") in cards(run_page("zh", mention=mention_id))[0]


def test_implausible_figures_carry_the_reason_that_fits_them(con):
    # 003:42 占GDP的比重达到18.7%: marked implausible in the catalogue (charts), so in the explorer too, with its note.
    note_zh = con.execute("SELECT note_zh FROM observations WHERE mention_id = '003-0042-2'").fetchone()
    iot = cards(run_page("zh", mention="000-0484-1"))[0]  # 物联网终端用户数达1.845×1010户
    assert "人均超过7个物联网终端" in iot and "用户数超过中国人口" not in iot  # the IoT rule's reason, not the 5G one
    gdp = cards(run_page("zh", mention="003-0042-2"))[0]
    assert "18.7%" in gdp and t("explorer.flag.implausible", "zh") in gdp
    if note_zh and note_zh[0]:
        assert html.escape(note_zh[0][:20]) in gdp
