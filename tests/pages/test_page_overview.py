"""The Overview page on the real warehouse: the first chart's ratios are China ÷ US and ÷ EU recomputed from the
observations of each headline measure (data/catalog/measures.yaml), card values and years are the latest observations,
the documents' figures under the cards are quoted from their lines, links keep the view."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from tests import helpers as apptest

from lib.contract import measure, measures
from lib.ui import state
from lib.ui.i18n import DECIMALS, display_unit, economy_name, economy_short, format_value, t

PAGE = "pages/overview.py"
# The cards in page order: each headline measure's one definition (indicator and dataset) from measures.yaml.
CARD_KEYS = ("rd_intensity", "gerd_ppp", "researchers", "unicorns", "digital_share")
CARDS = tuple((measure(k)["indicator_id"], measure(k)["source_id"]) for k in CARD_KEYS)
CHAINS = ("innovation", "industrial", "capital", "talent", "cross-chain")
THEME_PAGES = ("rd", "unicorns", "digital_services", "four_chains")
# Money cards print the number only; the heading names the unit and scale: 1e9 in English, 1e8 (亿) in Chinese.
MONEY_SCALE = {"en": 1e9, "zh": 1e8}


@pytest.fixture(scope="module")
def pages():
    return {lang: apptest.run_page(PAGE, lang) for lang in ("en", "zh")}


def latest(db, indicator_id: str, source_id: str | None, economy: str) -> tuple[int, float, str, str] | None:
    """(year, value, unit, source_id) of the economy's most recent dataset observation, or None."""
    return db.execute("""
        SELECT year, value, unit, source_id FROM observations
        WHERE indicator_id = ? AND economy = ? AND mention_id IS NULL AND value IS NOT NULL
          AND source_id = coalesce(?, source_id)
        ORDER BY year DESC LIMIT 1""", [indicator_id, economy, source_id]).fetchone()


def standing_spec(at: AppTest) -> dict:
    found = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert len(found) == 1, "the overview draws exactly one chart: where China stands"
    return found[0]


metrics = apptest.metrics


def notes(at: AppTest) -> list[str]:
    """The documents' figures printed under the cards, in card order."""
    return [note for _, _, found in apptest.cards(at) for note in found]


def expected_cards(db, economies: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    cards = []
    for indicator_id, source_id in CARDS:
        for code in economies:
            row = latest(db, indicator_id, source_id, code)
            if row is None:
                cards.append((economy_short(code, lang), t("overview.none", lang)))
                continue
            year, value, unit, _ = row
            label = t("overview.card.label", lang, economy=economy_short(code, lang), year=year)
            cards.append((label, format_value(value, unit, lang) if unit in ("percent", "count")
                          else pytest.approx(value / MONEY_SCALE[lang], abs=0.05)))
    return cards


def as_numbers(shown: list[tuple[str, str]], expected: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """The shown cards with the money values read as numbers, to compare with expected_cards."""
    return [(label, float(value.replace(",", "")) if not isinstance(want, str) else value)
            for (label, value), (_, want) in zip(shown, expected)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cards_show_each_economys_latest_observation_and_its_year(pages, db, lang):
    shown = metrics(pages[lang])
    cards = expected_cards(db, state.ECON.default, lang)
    assert as_numbers(shown[:len(cards)], cards) == cards
    # The money card's heading names the price basis and unit: PPP values are international dollars, not US$.
    assert t("overview.card.gerd_ppp", lang, unit=("international $ billion" if lang == "en" else "亿国际元")) \
        in apptest.card_headings(pages[lang])
    # China's R&D intensity card, spelled out: the latest WDI year and its value.
    year, value, _, _ = latest(db, "rd_intensity", None, "CHN")
    assert shown[0][0] == t("overview.card.label", lang, economy=economy_name("CHN", lang), year=year)
    # with the decimals of every share (i18n.DECIMALS)
    assert shown[0][1] == f"{round(value, DECIMALS['percent']):.{DECIMALS['percent']}f}%"


def test_economies_from_the_url_change_the_cards_and_links(db):
    chosen = ("CHN", "USA", "JPN")
    at = apptest.run_page(PAGE, "en", econ=",".join(chosen))
    cards = expected_cards(db, chosen, "en")
    assert as_numbers(metrics(at)[:len(cards)], cards) == cards
    assert not any(economy_short("EUU", "en") in label for label, _ in metrics(at))
    assert theme_links(at) == {page: {"lang": "en", "econ": chosen} for page in THEME_PAGES}


def theme_links(at: AppTest) -> dict[str, dict]:
    """{page id: the selection its link restores}, read from the markdown links of the theme cards."""
    links = {}
    for markdown in at.markdown:
        for target in re.findall(r"\]\((\./[^)]*)\)", markdown.value):
            parts = urlsplit(target)
            query = {key: values for key, values in parse_qs(parts.query).items()}
            selection = state.parse(query)
            links[parts.path.removeprefix("./") or state.PAGES[0]] = {"lang": selection["lang"],
                                                                      "econ": selection["econ"]}
    return links


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_theme_links_to_its_page_keeping_language_and_economies(pages, lang):
    assert theme_links(pages[lang]) == {page: {"lang": lang, "econ": state.ECON.default} for page in THEME_PAGES}
    link = next(m.value for m in pages[lang].markdown if "(./rd" in m.value)
    assert t("page.rd.title", lang) in link


def test_documents_unicorn_counts_sit_under_the_cards_with_file_line_and_quote(pages, db, seed_lines):
    stated = db.execute("""
        SELECT o.economy, o.value, o.period, m.quote, m.file_name, m.line_no, d.doc_id
        FROM observations o JOIN mentions m USING (mention_id) JOIN documents d ON d.file_name = m.file_name
        WHERE o.indicator_id = 'unicorn_count' AND o.entity IS NULL""").fetchall()
    by_economy = {row[0]: row for row in stated}
    # Document 003's own figures as printed on its line 89.
    assert {code: by_economy[code][1] for code in ("USA", "CHN", "EUU")} == {"USA": 758, "CHN": 283, "EUU": 119}
    expected = []
    for code in state.ECON.default:  # in card order: China, US, EU
        _, value, period, quote, file_name, line_no, doc_id = by_economy[code]
        assert file_name.startswith(f"{doc_id}_") and line_no == 89
        assert quote in seed_lines[file_name][line_no - 1], f"{quote!r} not on {file_name}:{line_no}"
        expected.append(t("overview.document_states", "en", doc_id=doc_id, line=line_no, period=period,
                          value=format_value(value, "count", "en"), quote=quote))
    captions = [note for note in notes(pages["en"]) if note in expected]
    assert captions == expected  # each once, in card order
    assert [c.split(": ")[1].split(" ")[0] for c in captions] == ["283", "758", "119"]


def test_documents_digital_share_claim_is_quoted_under_chinas_card(pages, db, seed_lines):
    value, high, period, quote, raw, file_name, line_no, doc_id = db.execute("""
        SELECT o.value, o.value_high, o.period, m.quote, m.raw, m.file_name, m.line_no, d.doc_id
        FROM observations o JOIN mentions m USING (mention_id) JOIN documents d ON d.file_name = m.file_name
        WHERE o.indicator_id = 'dds_share' AND o.economy = 'CHN'""").fetchone()
    assert quote in seed_lines[file_name][line_no - 1]
    shown = format_value(value, "percent", "zh", high=high, stated=raw)
    assert shown == "8%–9%"  # as the document prints it (8%~9%), not 8.0%–9.0%
    text = [c.value for c in pages["zh"].caption] + notes(pages["zh"])
    assert t("overview.document_states", "zh", doc_id=doc_id, line=line_no, period=period, value=shown,
             quote=quote) in text
    assert t("overview.card.digital_claim", "zh") in text


def test_four_chains_card_counts_equal_chain_gaps(pages, db):
    counts = dict(db.execute("SELECT chain, count(*) FROM chain_gaps GROUP BY chain").fetchall())
    for lang, at in pages.items():
        shown = metrics(at)[-len(CHAINS):]
        assert shown == [(t(f"overview.chain.{chain}", lang), str(counts.get(chain, 0))) for chain in CHAINS]
    assert sum(counts.values()) == db.execute("SELECT count(*) FROM chain_gaps").fetchone()[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_data_card_names_its_dataset_in_the_page_language(pages, lang, db):
    captions = "\n".join(c.value for c in pages[lang].caption)
    for _, source_id in CARDS:
        cite = db.execute(f"SELECT cite_{lang} FROM sources WHERE source_id = ?", [source_id]).fetchone()[0]
        assert cite in captions, source_id


def common_year_values(db, indicator_id: str, source_id: str) -> tuple[int, dict[str, float]]:
    """The latest year China, the US and the EU all have a value, and their values, straight from observations."""
    rows = db.execute("""
        SELECT year, economy, value FROM observations
        WHERE indicator_id = ? AND source_id = ? AND mention_id IS NULL AND economy IN ('CHN', 'USA', 'EUU')""",
                      [indicator_id, source_id]).fetchall()
    by_year: dict[int, dict[str, float]] = {}
    for year, economy, value in rows:
        by_year.setdefault(year, {})[economy] = value
    year = max(y for y, values in by_year.items() if len(values) == 3)
    return year, by_year[year]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_first_chart_is_china_over_us_and_eu_on_every_headline_measure(pages, db, lang):
    spec = standing_spec(pages[lang])
    usa, euu = spec["data"]
    assert usa["name"] == t("chains.scorecard.vs", lang, economy=economy_name("USA", lang))
    assert euu["name"] == t("chains.scorecard.vs", lang, economy=economy_name("EUU", lang))
    assert len(usa["x"]) == len(measures())
    for i, m in enumerate(measures()):
        year, values = common_year_values(db, m["indicator_id"], m["source_id"])
        assert f"{year}" in usa["y"][i].replace("<br>", "")
        assert usa["x"][i] == pytest.approx(values["CHN"] / values["USA"])
        assert euu["x"][i] == pytest.approx(values["CHN"] / values["EUU"])
        # The value labels sit away from the parity line: left of a dot below 1, right of one above.
        assert usa["textposition"][i].endswith("left" if usa["x"][i] < 1 else "right")
    # The title states the finding the dots show.
    ahead_usa, ahead_euu = sum(x > 1 for x in usa["x"]), sum(x > 1 for x in euu["x"])
    title = spec["layout"]["title"]["text"].replace("<br>", "" if lang == "zh" else " ")
    words = {0: t("overview.standing.ahead.zero", lang)}  # "none" / 没有一项, never "on 0" / 有0项
    said = [words.get(n, t("overview.standing.ahead", lang, n=n)) for n in (ahead_usa, ahead_euu)]
    assert title == "<b>" + t("overview.standing.title", lang, n=len(usa["x"]), ahead_usa=said[0],
                              ahead_euu=said[1]) + "</b>"
    assert "on 0 " not in title + " " and "有0项" not in title
    # Log-axis ticks written in full (0.1, 0.2, 0.5, 1, 2, ...), one decade's 1-2-5 steps.
    ticks = spec["layout"]["xaxis"]["ticktext"]
    assert "1" in ticks and all(re.fullmatch(r"\d+(\.\d+)?", tick) for tick in ticks)


def test_the_eu_row_of_the_export_share_says_it_counts_trade_between_members(pages):
    labels = [y.replace("<br>", "") for y in standing_spec(pages["en"])["data"][0]["y"]]
    assert any(t("overview.axis.digital_share_eu", "en").replace(" ", "") in label.replace(" ", "")
               for label in labels)


def test_standing_table_has_formatted_values_names_and_no_ids(db):
    tables = apptest.run_page(PAGE, "zh", open_data=True)  # the chart's Table view
    table = next(df.value for df in tables.dataframe if t("overview.col.measure", "zh") in df.value.columns)
    assert list(table.columns)[:2] == [t("overview.col.measure", "zh"), t("overview.col.year", "zh")]
    text = table.astype(str).to_string()
    assert "None" not in text and "wdi_2026_07" not in text and "CHN" not in text
    year, values = common_year_values(db, "gerd_ppp", measure("gerd_ppp")["source_id"])
    assert format_value(values["CHN"], display_unit("USD", "gerd_ppp"), "zh") in text  # 国际元, not 美元


def test_chart_needs_no_sidebar_economies_and_cards_keep_the_world(db):
    at = apptest.run_page(PAGE, "en", econ="CHN,USA,EUU,WLD")
    year, value, unit, _ = latest(db, "rd_intensity", None, "WLD")
    assert (t("overview.card.label", "en", economy=economy_short("WLD", "en"), year=year),
            format_value(value, unit, "en")) in metrics(at)
    assert standing_spec(at)["data"][0]["x"] == standing_spec(apptest.run_page(PAGE, "en", econ="CHN"))["data"][0]["x"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_runs_through_app(lang):
    at = apptest.run_through_app(PAGE, lang)
    assert len(metrics(at)) == len(CARDS) * len(state.ECON.default) + len(CHAINS)
    assert standing_spec(at)["layout"]["title"]["text"].startswith("<b>")
    assert at.title[0].value == t("page.overview.title", lang)
