"""The Unicorns page on the real warehouse: recounts equal COUNT(*) over unicorns, the document's figures equal its
observations at 003 line 89, founding years come from the 2022 list only, search text stays plain text, zh/en."""
from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests import helpers as apptest

from lib.ui.i18n import economy_name, t

PAGE = "pages/unicorns.py"
DOC_FILE = "003_90f338935dca3c3f.txt"


@pytest.fixture(scope="module")
def page_en():
    return apptest.run_page(PAGE, "en")


@pytest.fixture(scope="module")
def page_zh():
    return apptest.run_page(PAGE, "zh")


def specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


# Each chart's title states its finding (data/i18n/unicorns.yaml): the title key of the measure it falls back to,
# and the finding's key whose {placeholders} the data fill.
FINDINGS = {"unicorns.counts.title.count": "unicorns.counts.finding.count",
            "unicorns.counts.title.share": "unicorns.counts.finding.share",
            "unicorns.founded.years_title": "unicorns.founded.years_finding",
            "unicorns.founded.since_title": "unicorns.founded.since_finding",
            "unicorns.market.title": "unicorns.market.finding", "unicorns.over_time": "unicorns.over_time.finding"}


def chart(at: AppTest, title_key: str, lang: str, **fmt) -> dict:
    """The one chart whose title is its finding (FINDINGS; the given fmt filled in, the rest anything)."""
    from lib.ui.i18n import _catalog  # the template itself, to match whatever the data fill in

    template = _catalog()[FINDINGS[title_key]][lang]
    pattern = re.escape(template)
    for name, value in fmt.items():
        pattern = pattern.replace(re.escape("{" + name + "}"), re.escape(str(value)))
    pattern = re.sub(r"\\\{\w+\\\}", ".+", pattern)
    # Long titles are wrapped to fit a narrow window: compare without the line breaks.
    unwrapped = lambda text: text.replace("<br>", "" if lang == "zh" else " ")  # noqa: E731
    found = [spec for spec in specs(at) if re.fullmatch(f"<b>{pattern}</b>", unwrapped(spec["layout"]["title"]["text"]))]
    assert len(found) == 1, f"{pattern} not drawn once: {[s['layout']['title']['text'] for s in specs(at)]}"
    return found[0]


def bars_by_economy(trace: dict, lang: str) -> dict[str, float]:
    """{economy code: bar height} of a bar trace whose categories are economy names."""
    code_of = {economy_name(code, lang): code for code in ("CHN", "USA", "EUU", "GBR", "JPN", "KOR", "DEU", "IND",
                                                            "IRL", "FRA", "WLD")}
    return {code_of[label]: value for label, value in zip(trace["x"], trace["y"])}


def list_counts(db, source_id: str) -> dict[str, int]:
    """Companies per economy, EU = member states, straight from the company table."""
    counts = dict(db.execute("SELECT economy, count(*) FROM unicorns WHERE source_id = ? AND economy IS NOT NULL "
                             "GROUP BY economy", [source_id]).fetchall())
    counts["EUU"] = db.execute("SELECT count(*) FROM unicorns WHERE source_id = ? AND eu27", [source_id]).fetchone()[0]
    return counts


def document_figures(db, indicator: str) -> dict[str, float]:
    return dict(db.execute("""
        SELECT o.economy, o.value FROM observations o JOIN mentions m USING (mention_id)
        WHERE o.indicator_id = ? AND m.file_name = ? AND m.line_no = 89 AND contains(o.source_id, '003')""",
                           [indicator, DOC_FILE]).fetchall())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_counts_chart_recount_equals_count_over_unicorns(lang, page_en, page_zh, db):
    at = page_en if lang == "en" else page_zh
    spec = chart(at, "unicorns.counts.title.count", lang)
    names = {trace.get("name"): trace for trace in spec["data"] if trace.get("x") and trace["x"][0] is not None}
    recount = bars_by_economy(names[t("unicorns.series.list", lang, list=t("unicorns.list.crunchbase_2024_09", lang))],
                              lang)
    expected = list_counts(db, "crunchbase_2024_09")
    assert set(recount) >= {"CHN", "USA", "EUU", "GBR"}
    assert recount == {code: expected[code] for code in recount}
    # The source file's own headcounts (SOURCE.md): Crunchbase gives the US exactly the paper's 758.
    assert recount["USA"] == 758 and recount["CHN"] == 282 and recount["EUU"] == 128


def test_document_bars_equal_observations_quoted_at_003_line_89(page_en, db):
    spec = chart(page_en, "unicorns.counts.title.count", "en")
    doc_trace = next(tr for tr in spec["data"] if tr.get("name") == t("unicorns.series.document", "en", doc_id="003")
                     and tr["x"][0] is not None)
    stated = document_figures(db, "unicorn_count")
    assert bars_by_economy(doc_trace, "en") == stated
    # The paper's figures as printed on line 89.
    assert stated == {"USA": 758, "CHN": 283, "GBR": 64, "EUU": 119}
    line = db.execute("SELECT text FROM document_lines WHERE file_name = ? AND line_no = 89", [DOC_FILE]).fetchone()[0]
    for quote in db.execute("SELECT m.quote FROM observations o JOIN mentions m USING (mention_id) "
                            "WHERE o.indicator_id = 'unicorn_count' AND m.file_name = ?", [DOC_FILE]).fetchall():
        assert quote[0] in line
        assert quote[0] in spec["layout"]["annotations"][-1]["text"]  # cited in the source line inside the figure


def test_share_measure_and_list_from_the_url(db):
    at = apptest.run_page(PAGE, "en", measure="share", list="cbinsights_2024_09")
    spec = chart(at, "unicorns.counts.title.share", "en")
    by_name = {tr.get("name"): tr for tr in spec["data"] if tr.get("x") and tr["x"][0] is not None}
    recount = bars_by_economy(by_name[t("unicorns.series.list", "en", list="CB Insights 2024-09")], "en")
    total = db.execute("SELECT count(*) FROM unicorns WHERE source_id = 'cbinsights_2024_09'").fetchone()[0]
    counts = list_counts(db, "cbinsights_2024_09")
    assert recount == pytest.approx({code: counts[code] * 100 / total for code in recount})
    document = bars_by_economy(by_name[t("unicorns.series.document", "en", doc_id="003")], "en")
    assert document == document_figures(db, "unicorn_share") == {"USA": 48.9, "CHN": 18.2, "GBR": 4.1, "EUU": 7.7}


def test_explanation_states_the_differences_from_the_data(page_en):
    text = "\n".join(m.value for m in page_en.markdown)
    assert "China: document 283, list 282, a difference of 1. 10 companies" in text
    assert "leaving out Ireland (9) gives exactly 119" in text
    assert "Hong Kong (10 companies)" in text
    blank = next(df.value for df in page_en.dataframe if t("unicorns.col.country_elsewhere", "en") in df.value)
    assert len(blank) == 10 and "01.AI" in set(blank[t("unicorns.col.company_listed", "en")])


def test_founding_years_come_only_from_the_2022_list(db):
    # Whatever list is chosen, the founding charts use the one list that has founding years.
    at = apptest.run_page(PAGE, "en", list="crunchbase_2024_09", **{"from": "1990", "to": "2021"})
    spec = chart(at, "unicorns.founded.years_title", "en")
    assert "CB Insights 2022-04" in spec["layout"]["title"]["subtitle"]["text"]
    expected = db.execute("""
        SELECT economy, year_founded, count(*) FROM unicorns
        WHERE source_id = 'cbinsights_2022_04' AND economy IN ('CHN', 'USA') AND year_founded BETWEEN 1990 AND 2021
        GROUP BY ALL""").fetchall()
    drawn = {(code, int(x)): y for tr in spec["data"] for code in ("CHN", "USA")
             if tr["name"] == economy_name(code, "en") for x, y in zip(tr["x"], tr["y"])}
    assert drawn == {(economy, year): n for economy, year, n in expected}
    other_lists = "SELECT count(year_founded) FROM unicorns WHERE source_id <> 'cbinsights_2022_04'"
    assert db.execute(other_lists).fetchone()[0] == 0

    share = bars_by_economy(chart(at, "unicorns.founded.since_title", "en", since=2014)["data"][0], "en")
    founded = db.execute("""SELECT count(*) FILTER (WHERE year_founded >= 2014) * 100.0 / count(*) FROM unicorns
                            WHERE source_id = 'cbinsights_2022_04' AND economy = 'CHN'""").fetchone()[0]
    assert share["CHN"] == pytest.approx(founded)
    assert share["CHN"] == pytest.approx(94 / 173 * 100)  # SOURCE.md: China 94/173 founded 2014 or later


def test_market_values_are_the_documents_figures_at_line_188(page_zh, db):
    spec = chart(page_zh, "unicorns.market.title", "zh")
    drawn = sorted(y for tr in spec["data"] for y in tr["y"])
    stated = db.execute("SELECT o.value, m.line_no FROM observations o JOIN mentions m USING (mention_id) "
                        "WHERE o.indicator_id = 'market_cap' AND m.file_name = ?", [DOC_FILE]).fetchall()
    factor = 1e12  # the chart's axis is 万亿美元
    assert drawn == pytest.approx(sorted(value / factor for value, _ in stated))
    assert {line for _, line in stated} == {188}
    source_line = spec["layout"]["annotations"][-1]["text"]
    assert "第188行" in source_line and "8608.8 亿美元" in source_line


def search(at: AppTest, text: str) -> AppTest:
    at.text_input[0].input(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def company_table(at: AppTest, lang: str = "en"):
    return next(df.value for df in at.dataframe if t("unicorns.col.link", lang) in df.value.columns)


def test_search_is_plain_text(db):
    before = db.execute("SELECT count(*) FROM unicorns").fetchone()[0]
    at = apptest.run_page(PAGE, "en")
    assert "ByteDance" in set(company_table(search(at, "bytedance"))[t("unicorns.col.company_listed", "en")])
    # SQL-looking text is a literal string to look for: nothing matches and nothing runs.
    assert company_table(search(at, "%'; DROP TABLE x; --")).empty
    assert "No company matches" in " ".join(c.value for c in at.caption)
    assert company_table(search(at, "%")).empty  # % is not a wildcard
    # Markup is never rendered: the URL state takes < and > out and says so under the box (issue 17.6: it used to
    # drop the whole text silently); no element carries the markup.
    search(at, "<script>")
    assert any("were removed" in i.value for i in at.info)
    assert all("<script>" not in m.value for m in [*at.markdown, *at.caption, *at.info])
    at = apptest.run_page(PAGE, "en", q="<script>alert(1)</script>")
    assert any("were removed" in i.value for i in at.info)
    assert db.execute("SELECT count(*) FROM unicorns").fetchone()[0] == before


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_through_app(lang):
    at = apptest.run_through_app("pages/unicorns.py", lang)
    # counts, the counts every document states over the years, founded since, founding years, valuations, top
    # companies, market values: the first two drawn on a fresh visit, the others when their section is opened
    # (page.more), all seven in the export pack
    assert len(at.get("plotly_chart")) == 2
    assert len(at.session_state["_export_items_unicorns"]) == 7



def test_chinese_company_tables_name_countries_in_chinese_and_say_names_are_as_listed(db):
    """Every company table on the Chinese page (valuations, top companies, search) names each company's country in
    Chinese (the economy name of its code), never the list's English country; the company column says the names
    are the list's own (no Chinese name is sourced)."""
    at = apptest.run_page(PAGE, "zh", open_data=True)
    country, company = t("unicorns.col.country", "zh"), t("unicorns.col.company_listed", "zh")
    tables = [df.value for df in at.dataframe if country in df.value.columns]
    assert len(tables) == 3, [list(df.value.columns) for df in at.dataframe]
    codes = [c for (c,) in db.execute("SELECT DISTINCT economy FROM unicorns WHERE economy IS NOT NULL").fetchall()]
    chinese = {economy_name(c, "zh") for c in codes}
    english = {c for (c,) in db.execute("SELECT DISTINCT country FROM unicorns").fetchall()}
    for table in tables:
        assert company in table.columns
        shown = set(table[country]) - {""}
        assert shown and shown <= chinese, shown - chinese
        assert not shown & english
    # Companies without a country: the economies the other lists give them, in Chinese too.
    elsewhere = t("unicorns.col.country_elsewhere", "zh")
    (blank,) = [df.value for df in at.dataframe if elsewhere in df.value.columns]
    named = {name for cell in blank[elsewhere] if cell for name in cell.split(t("finding.list", "zh"))}
    assert named and named <= chinese, named - chinese
    china = next(table for table in tables if economy_name("CHN", "zh") in set(table[country]))
    listed = {c for (c,) in db.execute("SELECT company FROM unicorns WHERE economy = 'CHN'").fetchall()}
    assert set(china.loc[china[country] == economy_name("CHN", "zh"), company]) <= listed


def test_the_counts_over_time_say_how_many_statements_and_documents_in_words_that_agree(page_en, page_zh, db):
    """Seed 003 line 89 is the one document stating the CHN and US counts (758家, 283家): "2 statements in 1
    document", never "1 documents"; the Chinese subtitle counts them with its measure words."""
    statements, documents = db.execute("""
        SELECT count(*), count(DISTINCT m.file_name) FROM observations o JOIN mentions m USING (mention_id)
        WHERE o.indicator_id = 'unicorn_count' AND o.economy IN ('CHN', 'USA') AND o.year IS NOT NULL""").fetchone()
    assert (statements, documents) == (2, 1)
    en = chart(page_en, "unicorns.over_time", "en")["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    zh = chart(page_zh, "unicorns.over_time", "zh")["layout"]["title"]["subtitle"]["text"].replace("<br>", "")
    assert "2 statements in 1 document," in en and "1 documents" not in en
    assert "1个文件中的2处表述" in zh


def test_a_country_is_found_by_its_chinese_name_as_the_table_shows_it(db):
    """The Chinese table names countries in Chinese, so searching 德国 finds the list's German companies, exactly those
    the English name finds."""
    from lib.contract import source

    list_id = source("unicorn_list")  # the list the page opens with
    german = {c for (c,) in db.execute("SELECT company FROM unicorns WHERE source_id = ? AND economy = 'DEU'",
                                       [list_id]).fetchall()}
    at = search(apptest.run_page(PAGE, "zh"), economy_name("DEU", "zh"))
    found = company_table(at, "zh")
    assert set(found[t("unicorns.col.company_listed", "zh")]) == german
    assert set(found[t("unicorns.col.country", "zh")]) == {economy_name("DEU", "zh")}
    at = search(apptest.run_page(PAGE, "en"), "Germany")
    assert set(company_table(at)[t("unicorns.col.company_listed", "en")]) == german
