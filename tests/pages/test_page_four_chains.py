"""The Four chains page on the real warehouse: heatmap counts, gap quotes at their lines, scorecard values, zh/en."""
from __future__ import annotations

import json

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from tests import helpers as apptest

from lib.paths import ROOT, SEEDS_DIR

PAGE = "pages/four_chains.py"


@pytest.fixture(scope="module")
def page_en():
    return apptest.run_page(PAGE, "en")


def specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def gap_list(at: AppTest, section_column: str):
    """The table of selected gaps (the only table with a section column)."""
    return next(df.value for df in at.dataframe if section_column in df.value.columns)


def heatmap(at: AppTest) -> dict:
    return next(trace for spec in specs(at) for trace in spec["data"] if trace["type"] == "heatmap")


def industry_by_label() -> dict[str, str]:
    entries = yaml.safe_load((ROOT / "data/i18n/four_chains.yaml").read_text(encoding="utf-8"))
    return {v["en"]: k.removeprefix("chains.industry.") for k, v in entries.items() if k.startswith("chains.industry.")}


def test_heatmap_counts_equal_group_by_over_chain_gaps(page_en, db):
    trace = heatmap(page_en)
    expected = {(chain, industry): n for chain, industry, n in
                db.execute("SELECT chain, industry, count(*) FROM chain_gaps GROUP BY ALL").fetchall()}
    chains = ["innovation", "industrial", "capital", "talent", "cross-chain"]
    # Industries are rows (long names at the side), chains columns; labels may be wrapped onto lines.
    assert [label.replace("<br>", " ") for label in trace["x"]] == [
        "Innovation chain", "Industrial chain", "Capital chain", "Talent chain", "Cross-chain"]
    industries = [industry_by_label()[label.replace("<br>", " ")] for label in trace["y"]]
    assert len(industries) == 9
    drawn = {(chain, industry): trace["z"][r][c]
             for c, chain in enumerate(chains) for r, industry in enumerate(industries) if trace["z"][r][c]}
    assert drawn == expected


def test_document_filter_restricts_the_heatmap(db):
    at = apptest.run_page(PAGE, "en", docs="004")
    trace = heatmap(at)
    total = sum(sum(row) for row in trace["z"])
    assert total == db.execute("SELECT count(*) FROM chain_gaps WHERE doc_id = '004'").fetchone()[0]
    innovation = db.execute("SELECT count(*) FROM chain_gaps WHERE doc_id = '004' AND chain = 'innovation'").fetchone()[0]
    assert sum(row[0] for row in trace["z"]) == innovation  # the first column


def test_listed_gaps_are_quoted_from_their_document_lines(db):
    at = apptest.run_page(PAGE, "zh", chain="capital")
    listed = gap_list(at, "章节")  # the selected chain's gaps (all industries)
    quotes = list(listed["原文"])
    rows = db.execute("SELECT file_name, line_no, line_end, quote FROM chain_gaps WHERE chain = 'capital'").fetchall()
    assert sorted(quotes) == sorted(r[3] for r in rows) and quotes
    for file_name, line_no, line_end, quote in rows:
        lines = (SEEDS_DIR / file_name).read_text(encoding="utf-8").splitlines()
        assert quote in "".join(line.strip() for line in lines[line_no - 1:line_end]), (file_name, line_no)


def test_chain_and_industry_selection_lists_those_gaps(db):
    at = apptest.run_page(PAGE, "en", chain="innovation", industry="biotech")
    listed = gap_list(at, "Section")
    expected = db.execute("SELECT quote FROM chain_gaps WHERE chain = 'innovation' AND industry = 'biotech'").fetchall()
    assert sorted(listed["Quote"]) == sorted(q for (q,) in expected)
    assert at.selectbox[0].value == "innovation" and at.selectbox[1].value == "biotech"


def test_scorecard_ratios_match_the_warehouse_and_documents(page_en, db):
    spec = specs(page_en)[0]
    us = next(t for t in spec["data"] if t["name"] == "China ÷ United States")
    eu = next(t for t in spec["data"] if t["name"] == "China ÷ European Union (EU-27)")
    points_us = dict(zip((y.replace("<br>", " ") for y in us["y"]), us["x"]))
    points_eu = dict(zip((y.replace("<br>", " ") for y in eu["y"]), eu["x"]))

    def value(indicator, source, economy, year):
        return db.execute("SELECT value FROM observations WHERE indicator_id = ? AND source_id = ? AND economy = ? "
                          "AND year = ? AND mention_id IS NULL", [indicator, source, economy, year]).fetchone()[0]

    # R&D intensity: the latest year in which China, the US and the EU all have a WDI value.
    year = db.execute("""SELECT max(year) FROM (SELECT year FROM observations WHERE indicator_id = 'rd_intensity'
                     AND source_id = 'wdi_2026_07' AND economy IN ('CHN','USA','EUU') GROUP BY year
                     HAVING count(DISTINCT economy) = 3)""").fetchone()[0]
    label = next(k for k in points_us if "R&D expenditure (% of GDP)" in k)
    assert label.endswith(f"({int(year)})")
    chn, usa, euu = (value("rd_intensity", "wdi_2026_07", e, year) for e in ("CHN", "USA", "EUU"))
    assert points_us[label] == pytest.approx(chn / usa) and points_eu[label] == pytest.approx(chn / euu)
    # 000 line 571: the US 44.99 and China 31.88 average citation rates; no EU figure, so no EU point.
    citations = next(k for k in points_us if "citations of high-level AI papers" in k)
    assert points_us[citations] == pytest.approx(31.88 / 44.99)
    assert citations not in points_eu
    # 003 line 188: Apple 8608.8 亿美元 against Tencent/Alibaba about 4000 亿美元 in 2017.
    market_2017 = next(k for k in points_us if "leading company (2017)" in k)
    assert points_us[market_2017] == pytest.approx(4000 / 8608.8)


def test_signals_without_a_comparator_are_stated_not_drawn(page_en):
    text = " ".join(m.value for m in page_en.markdown)
    assert "no comparable US or EU figure" in text
    # 000 lines 195/199: China's 201亿美元 of the world's 715亿美元 AI investment, shown as a share of the world.
    assert "Investment and financing in the AI industry (2021)" in text
    assert f"{201 / 715 * 100:.1f}%" in text
    spec = specs(page_en)[0]
    drawn = " ".join(y for trace in spec["data"] for y in trace["y"])
    assert "AI industry" not in drawn and "high-impact papers" not in drawn


def test_exports_offer_png_and_cited_csv(page_en):
    labels = [b.label for b in page_en.get("download_button")]
    assert "Download gap list (CSV with citations)" in labels
    # Either the PNG is offered or a clear message says why not (Kaleido/Chromium missing); never an exception.
    assert "Download gap map (PNG)" in labels or any("Kaleido" in w.value for w in page_en.warning)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_runs_through_app(lang):
    at = apptest.run_through_app("pages/four_chains.py", lang)
    assert len(at.get("plotly_chart")) == 2
    assert at.title[0].value == ("四链" if lang == "zh" else "Four chains")


def test_gap_map_png_is_a_report_size_image_with_its_source_line():
    from lib.ui import chain_figures as export_chains, export
    from lib.queries import chains as queries
    if export.unavailable():
        pytest.skip(export.unavailable())
    matrix = export_chains.gap_matrix(queries.gap_counts(("004",)), queries.CHAINS, queries.INDUSTRIES)
    fig = export_chains.heatmap_figure(matrix, title="gap map", subtitle="gaps", source="004 test source",
                                       lang="en", present=True)
    assert any(a.name == "source" and "004 test source" in a.text for a in fig.layout.annotations)
    png = export.png(fig)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == export.WIDTH * export.SCALE  # the export pack's size: one image size


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_presentation_mode_drops_instructions_for_hidden_controls(lang):
    strings = yaml.safe_load((ROOT / "data/i18n/four_chains.yaml").read_text(encoding="utf-8"))
    howtos = [strings[k][lang] for k in ("chains.scorecard.howto", "chains.gapmap.howto")]
    normal = " ".join(c.value for c in apptest.run_page(PAGE, lang).caption)
    present = " ".join(c.value for c in apptest.run_page(PAGE, lang, present="1").caption)
    assert all(h in normal for h in howtos)
    assert not any(h in present for h in howtos)
    intro = strings["chains.gapmap.intro"][lang]
    assert intro in present  # the explanation of what the cells count stays


def test_selected_gaps_open_once_a_chain_or_industry_is_chosen():
    """A fresh visit sends no grid of selected gaps (its section is closed, headed by their count); a link naming a
    chain or industry opens it, and so does choosing one."""
    fresh = apptest.run_page(PAGE, "en", more="")
    assert not fresh.dataframe and any(e.label.startswith("Gaps selected (") for e in fresh.expander)
    assert gap_list(apptest.run_page(PAGE, "en", more="", industry="biotech"), "Section") is not None
    fresh.selectbox[0].set_value("capital").run()
    assert "chains_selected" in fresh.query_params["more"] and gap_list(fresh, "Section") is not None
