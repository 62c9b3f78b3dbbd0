"""The Overview page on the real warehouse: card values and years are the latest observations, the documents' figures
under the cards are quoted from their lines, the radar's scores are recomputed from raw values, links keep the view."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from tests import helpers as apptest

from lib.ui import state
from lib.ui.i18n import economy_name, format_value, t

PAGE = "pages/overview.py"
UNICORN_LIST = "crunchbase_2024_09"  # the list document 003 cites (line 89: "Crunchbase ... 2024-09-10")
# The headline cards, in page order: (indicator, source or None where the indicator has one source).
CARDS = (("rd_intensity", None), ("gerd_ppp", None), ("unicorn_count", UNICORN_LIST), ("ict_share_wdi", None))
# The radar's themes: (axis string key, indicator, source).
AXES = (("rd_intensity", "rd_intensity", None), ("gerd_ppp", "gerd_ppp", None),
        ("researchers", "researchers_per_million", None), ("unicorns", "unicorn_count", UNICORN_LIST),
        ("digital_share", "ict_share_wdi", None))
CHAINS = ("innovation", "industrial", "capital", "talent", "cross-chain")
THEME_PAGES = ("rd", "unicorns", "digital_services", "four_chains")


def run_page(lang: str = "en", **params) -> AppTest:
    return apptest.run_page(PAGE, lang, **params)


@pytest.fixture(scope="module")
def pages():
    return {lang: run_page(lang, open_data=True) for lang in ("en", "zh")}


def latest(db, indicator_id: str, source_id: str | None, economy: str) -> tuple[int, float, str, str] | None:
    """(year, value, unit, source_id) of the economy's most recent dataset observation, or None."""
    return db.execute("""
        SELECT year, value, unit, source_id FROM observations
        WHERE indicator_id = ? AND economy = ? AND mention_id IS NULL AND value IS NOT NULL
          AND source_id = coalesce(?, source_id)
        ORDER BY year DESC LIMIT 1""", [indicator_id, economy, source_id]).fetchone()


def radar_spec(at: AppTest) -> dict:
    found = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert len(found) == 1, "the overview draws exactly one chart, the radar"
    return found[0]


def metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


def expected_cards(db, economies: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    cards = []
    for indicator_id, source_id in CARDS:
        for code in economies:
            row = latest(db, indicator_id, source_id, code)
            if row is None:
                cards.append((economy_name(code, lang), t("overview.none", lang)))
            else:
                year, value, unit, _ = row
                cards.append((t("overview.card.label", lang, economy=economy_name(code, lang), year=year),
                              format_value(value, unit, lang)))
    return cards


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cards_show_each_economys_latest_observation_and_its_year(pages, db, lang):
    shown = metrics(pages[lang])
    cards = expected_cards(db, state.ECON.default, lang)
    assert shown[:len(cards)] == cards
    # China's R&D intensity card, spelled out: the latest WDI year and its value.
    year, value, _, _ = latest(db, "rd_intensity", None, "CHN")
    assert shown[0][0] == t("overview.card.label", lang, economy=economy_name("CHN", lang), year=year)
    assert float(shown[0][1].rstrip("%")) == pytest.approx(value, abs=0.005)


def test_economies_from_the_url_change_the_cards_radar_and_links(db):
    chosen = ("CHN", "USA", "JPN")
    at = run_page("en", econ=",".join(chosen))
    cards = expected_cards(db, chosen, "en")
    assert metrics(at)[:len(cards)] == cards
    assert not any(economy_name("EUU", "en") in label for label, _ in metrics(at))
    names = [trace["name"] for trace in radar_spec(at)["data"]]
    assert names == [economy_name(code, "en") for code in chosen]
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
    captions = [c.value for c in pages["en"].caption if c.value in expected]
    assert captions == expected  # each once, in card order
    assert [c.split(": ")[1].split(" ")[0] for c in captions] == ["283", "758", "119"]


def test_documents_digital_share_claim_is_quoted_under_chinas_card(pages, db, seed_lines):
    value, high, period, quote, file_name, line_no, doc_id = db.execute("""
        SELECT o.value, o.value_high, o.period, m.quote, m.file_name, m.line_no, d.doc_id
        FROM observations o JOIN mentions m USING (mention_id) JOIN documents d ON d.file_name = m.file_name
        WHERE o.indicator_id = 'dds_share' AND o.economy = 'CHN'""").fetchone()
    assert quote in seed_lines[file_name][line_no - 1]
    shown = format_value(value, "percent", "zh", high=high)
    text = [c.value for c in pages["zh"].caption]
    assert t("overview.document_states", "zh", doc_id=doc_id, line=line_no, period=period, value=shown,
             quote=quote) in text
    assert t("overview.card.digital_claim", "zh") in text


def test_four_chains_card_counts_equal_chain_gaps(pages, db):
    counts = dict(db.execute("SELECT chain, count(*) FROM chain_gaps GROUP BY chain").fetchall())
    for lang, at in pages.items():
        shown = metrics(at)[-len(CHAINS):]
        assert shown == [(t(f"chains.chain.{chain}", lang), str(counts.get(chain, 0))) for chain in CHAINS]
    assert sum(counts.values()) == db.execute("SELECT count(*) FROM chain_gaps").fetchone()[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_data_card_names_its_dataset_and_vintage(pages, db, lang):
    captions = "\n".join(c.value for c in pages[lang].caption)
    for indicator_id, source_id in CARDS:
        used = {latest(db, indicator_id, source_id, code)[3] for code in state.ECON.default}
        for source in used:
            publisher, vintage = db.execute("SELECT publisher, vintage FROM sources WHERE source_id = ?",
                                            [source]).fetchone()
            assert publisher in captions and vintage in captions, (indicator_id, source)


def radar_rows(db, economies: tuple[str, ...]) -> dict[str, dict[str, tuple]]:
    """{axis key: {economy: (year, value, unit, source_id)}} straight from the observations."""
    rows = {}
    for key, indicator_id, source_id in AXES:
        found = {code: latest(db, indicator_id, source_id, code) for code in economies}
        rows[key] = {code: row for code, row in found.items() if row is not None}
    return rows


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_radar_scores_are_share_of_the_leader_recomputed_from_raw_values(pages, db, lang):
    spec = radar_spec(pages[lang])
    subtitle = spec["layout"]["title"]["subtitle"]["text"]
    # The subtitle states the normalisation this test recomputes: value ÷ the largest shown × 100.
    assert "÷" in subtitle and "× 100" in subtitle and "100 =" in subtitle
    economies = state.ECON.default
    rows = radar_rows(db, economies)
    years = [row[0] for by_code in rows.values() for row in by_code.values()]
    assert f"{min(years)}–{max(years)}" in subtitle
    labels = [t(f"overview.axis.{key}", lang) for key, *_ in AXES]
    labels[-1] = t("overview.axis.digital_share_eu", lang)  # the EU is drawn: its intra-EU trade is named
    assert [trace["name"] for trace in spec["data"]] == [economy_name(code, lang) for code in economies]
    for trace, code in zip(spec["data"], economies):
        assert trace["theta"] == [*labels, labels[0]]
        scores, hover = [], []
        for key, *_ in AXES:
            year, value, unit, _ = rows[key][code]
            top = max(row[1] for row in rows[key].values())
            scores.append(value / top * 100)
            hover.append(f"{format_value(value, unit, lang)} ({year})")
        assert trace["r"] == pytest.approx([*scores, scores[0]])
        assert trace["customdata"] == [*hover, hover[0]]
    # Each axis has its leader at 100.
    for i in range(len(AXES)):
        assert max(trace["r"][i] for trace in spec["data"]) == pytest.approx(100)


def test_radar_table_holds_raw_values_years_and_sources(pages, db):
    table = next(df.value for df in pages["en"].dataframe if t("overview.col.score", "en") in df.value.columns)
    rows = radar_rows(db, state.ECON.default)
    expected = {(t(f"overview.axis.{key}", "en") if key != "digital_share"
                 else t("overview.axis.digital_share_eu", "en").replace("<br>", " "), code): row
                for key, *_ in AXES for code, row in rows[key].items()}
    shown = {(r[t("overview.col.axis", "en")], r["economy"]):
             (r["year"], r[t("rd.col.value", "en")], r[t("rd.col.unit", "en")], r[t("rd.col.source", "en")])
             for r in table.to_dict("records")}
    assert shown.keys() == expected.keys()
    for key, (year, value, unit, source_id) in expected.items():
        assert shown[key][0] == year and shown[key][2:] == (unit, source_id)
        assert shown[key][1] == pytest.approx(value)


def test_radar_leaves_out_the_world_total_and_needs_two_economies(db):
    at = run_page("en", econ="CHN,USA,EUU,WLD")
    assert [trace["name"] for trace in radar_spec(at)["data"]] == [economy_name(c, "en") for c in ("CHN", "USA", "EUU")]
    # The cards still show the world where it has a value.
    year, value, unit, _ = latest(db, "rd_intensity", None, "WLD")
    assert (t("overview.card.label", "en", economy=economy_name("WLD", "en"), year=year),
            format_value(value, unit, "en")) in metrics(at)
    alone = run_page("en", econ="CHN")
    assert not alone.get("plotly_chart")
    assert [i.value for i in alone.info] == [t("overview.radar.too_few", "en")]


def test_radar_without_the_eu_keeps_the_plain_axis_label(db):
    spec = radar_spec(run_page("zh", econ="CHN,USA"))
    assert spec["data"][0]["theta"][len(AXES) - 1] == t("overview.axis.digital_share", "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_runs_through_app(lang):
    at = apptest.run_through_app(PAGE, lang)
    assert len(at.metric) == len(CARDS) * len(state.ECON.default) + len(CHAINS)
    assert radar_spec(at)["layout"]["title"]["text"] == f"<b>{t('overview.radar.title', lang)}</b>"
    assert at.title[0].value == t("page.overview.title", lang)

