"""The Digital services exports page on the real warehouse: series drawn per definition and economy equal the
warehouse and the data compiler's own shares file; document 003 line 97's claims are drawn and tabled as it states
them; zh and en, alone and through app.py."""
from __future__ import annotations

import csv
import json
import re

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from tests import helpers as apptest

from lib.contract import measure
from lib.paths import EXTERNAL_DIR, ROOT, SEEDS_DIR

PAGE = "pages/digital_services.py"
SHARES_CSV = EXTERNAL_DIR / "digital_services/shares_of_world_derived.csv"
# The definition selector's keys and the warehouse indicators each one draws (data/catalog/external.yaml).
SERIES = {"wdi": ("ict_exports_wdi", "ict_share_wdi", "World Bank WDI"),
          "unctad": ("dds_exports_unctad", "dds_share_unctad", "UNCTAD DDS"),
          "wto": ("dds_exports_wto", "dds_share_wto", "WTO DDS dataset")}
ECONOMIES = "CHN,USA,EUU,IRL,IND"
LINE_97 = next(SEEDS_DIR.glob("003_*.txt")).read_text(encoding="utf-8").splitlines()[96]
TEXTS = {**yaml.safe_load((ROOT / "data/i18n/common.yaml").read_text(encoding="utf-8")),
         **yaml.safe_load((ROOT / "data/i18n/digital_services.yaml").read_text(encoding="utf-8"))}


def text(key: str, lang: str = "en") -> str:
    return TEXTS[key][lang]


_RUNS: dict[str, AppTest] = {}


def page_for(key: str) -> AppTest:
    """The page in English with one definition selected and the EU among the economies (each run once)."""
    if key not in _RUNS:
        _RUNS[key] = apptest.run_page(PAGE, "en", econ=ECONOMIES, **{"def": key})
    return _RUNS[key]


@pytest.fixture(scope="module")
def page_en():
    return page_for("wdi")


def specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def name_to_code(lang: str = "en") -> dict[str, str]:
    """Legend name -> economy code; the EU is named for what these series count (EU-27 incl. intra-EU trade)."""
    names = {v[lang]: k.removeprefix("economy.") for k, v in TEXTS.items() if k.startswith("economy.")}
    return names | {text("digital.eu.legend", lang): "EUU"}


def is_marker(trace: dict, lang: str = "en") -> bool:
    return trace["name"] == text("digital.eu.incomplete", lang)


def drawn_by_economy(spec: dict) -> dict[str, dict[int, float]]:
    codes = name_to_code()
    return {codes[trace["name"]]: dict(zip(trace["x"], trace["y"])) for trace in spec["data"] if not is_marker(trace)}


def warehouse(db, indicator: str, economies) -> dict[str, dict[int, float]]:
    rows = db.execute("""SELECT economy, year, value FROM observations WHERE indicator_id = ? AND mention_id IS NULL
                         AND economy IN (SELECT unnest(?::VARCHAR[]))""", [indicator, list(economies)]).fetchall()
    series: dict[str, dict[int, float]] = {}
    for economy, year, value in rows:
        series.setdefault(economy, {})[year] = value
    return series


def assert_same_series(drawn: dict, expected: dict, rel: float = 1e-9) -> None:
    assert set(drawn) == set(expected)
    for economy, years in drawn.items():
        assert years == pytest.approx(expected[economy], rel=rel), economy


def compiler_shares(dataset_prefix: str) -> dict[str, dict[int, float]]:
    """The data compiler's own shares (SOURCE.md): UNCTAD's EU is the member sum EU27_SUM."""
    series: dict[str, dict[int, float]] = {}
    with SHARES_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["source_dataset"].startswith(dataset_prefix):
                code = "EUU" if row["economy_code"] == "EU27_SUM" else row["economy_code"]
                series.setdefault(code, {})[int(row["year"])] = float(row["share_of_world_pct"])
    return series


def claimed_band() -> tuple[float, float]:
    low, high = re.search(r"(\d+)%~(\d+)%", LINE_97).groups()
    return float(low), float(high)


def claimed_top_six() -> list[str]:
    names = re.search(r"前六位的国家分别是([^。]+)。", LINE_97).group(1).split("、")
    return [name_to_code("zh")[n] for n in names]


@pytest.mark.parametrize("key", list(SERIES))
def test_shares_and_levels_per_definition_equal_the_warehouse_and_the_compilers_shares(key, db):
    exports_id, share_id, prefix = SERIES[key]
    share_spec, level_spec = specs(page_for(key))[:2]  # the first screen: China, the US and the EU
    drawn = drawn_by_economy(share_spec)
    assert list(drawn)[:3] == ["CHN", "USA", "EUU"] and set(drawn) == set(ECONOMIES.split(","))
    assert_same_series(drawn, warehouse(db, share_id, drawn))
    compiler = compiler_shares(prefix)
    for economy, years in drawn.items():
        assert set(years) == set(compiler[economy])
        for year, value in years.items():
            assert value == pytest.approx(compiler[economy][year], abs=0.01), (key, economy, year)
    # Levels are drawn in US$ billion or trillion, as the axis title says.
    factor = {"US$ billion": 1e9, "US$ trillion": 1e12}[level_spec["layout"]["yaxis"]["title"]["text"]]
    levels = {code: {y: v * factor for y, v in years.items()} for code, years in drawn_by_economy(level_spec).items()}
    expected = {code: {y: v for y, v in years.items() if 2005 <= y} for code, years in
                warehouse(db, exports_id, levels).items()}
    assert_same_series(levels, expected)


def test_china_under_three_definitions_equals_the_warehouse(page_en, db):
    spec = specs(page_en)[2]
    assert [t["name"] for t in spec["data"]] == [text(f"digital.short.{k}") for k in SERIES]
    for trace, (exports_id, share_id, _) in zip(spec["data"], SERIES.values()):
        assert dict(zip(trace["x"], trace["y"])) == pytest.approx(warehouse(db, share_id, ["CHN"])["CHN"])


def test_the_claim_band_is_8_to_9_percent_over_2018_2022_and_cites_line_97(page_en):
    low, high = claimed_band()
    since = int(re.search(r"自(\d{4})年以来", LINE_97).group(1))
    for spec in (specs(page_en)[2], specs(page_en)[0]):  # China across definitions; shares of the selected economies
        bands = [s for s in spec["layout"]["shapes"] if s.get("name") == "claim"]
        assert [(b["y0"], b["y1"], b["x0"]) for b in bands] == [(low, high, since)]
        label = next(a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "claim")
        assert "003" in label and "line 97" in label and "8%~9%" in label
        source = next(a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "source")
        assert "line 97" in source
    # The band's label sits inside the plot: the axis reaches above the band.
    assert specs(page_en)[2]["layout"]["yaxis"]["range"][1] > high


def test_ranking_table_sets_the_papers_top_six_against_each_definition(page_en, db):
    table = next(df.value for df in page_en.dataframe if "Rank" in df.value.columns)
    codes = name_to_code()
    paper = [codes[c] for c in table["Paper (003, line 97)"] if c]
    assert paper == claimed_top_six()
    for key, (exports_id, _, _) in SERIES.items():
        column = [codes[cell.split("  ")[0]] for cell in table[text(f"digital.short.{key}")] if cell]
        ranked = [e for (e,) in db.execute("""
            SELECT economy FROM observations WHERE indicator_id = ? AND year = 2022 AND mention_id IS NULL
              AND economy NOT IN ('EUU', 'WLD') ORDER BY value DESC""", [exports_id]).fetchall()]
        assert column == ranked
    wdi = table[text("digital.short.wdi")]
    assert wdi.iloc[0].startswith("Ireland")
    # What the explanation says: only WDI ICT leads with Ireland and India; the US and UK lead both DDS series.
    assert [codes[c.split("  ")[0]] for c in wdi.iloc[:2]] == ["IRL", "IND"]
    for key in ("unctad", "wto"):
        assert [codes[c.split("  ")[0]] for c in table[text(f"digital.short.{key}")].iloc[:2]] == ["USA", "GBR"]


def test_overtaking_years_follow_the_data_and_the_paper(page_en, db):
    table = next(df.value for df in page_en.dataframe if "Ahead for good from" in df.value.columns)
    said = int(re.search(r"(\d{4})年,爱尔兰实现出口额对印度的反超", LINE_97).group(1))
    assert set(table["Paper's year"]) == {str(said)}
    for key, (exports_id, _, _) in SERIES.items():
        series = warehouse(db, exports_id, ["IRL", "IND"])
        years = sorted(set(series["IRL"]) & set(series["IND"]))
        behind = [y for y in years if series["IRL"][y] <= series["IND"][y]]
        expected = str(max(behind) + 1)
        row = table[table["Definition"] == text(f"digital.short.{key}")].iloc[0]
        assert row["Ahead for good from"] == expected
        assert row["Agrees"] == ("yes" if expected == str(said) else "no")


def test_eu_from_member_sum_is_said_in_subtitle_and_source():
    def flat(s: str) -> str:  # subtitles and source lines are wrapped onto lines with <br>
        return re.sub(r"<br>|\s", "", s)

    share = specs(page_for("unctad"))[0]
    assert flat(text("digital.eu.sum")) in flat(share["layout"]["title"]["subtitle"]["text"])
    source = next(a["text"] for a in share["layout"]["annotations"] if a.get("name") == "source")
    assert flat(text("digital.source.eu_sum")) in flat(source) and "UNCTAD" in source
    assert flat(text("digital.eu.aggregate")) in flat(specs(page_for("wdi"))[0]["layout"]["title"]["subtitle"]["text"])


def test_years_whose_eu_sum_lacks_a_member_are_ringed_in_the_chart():
    """The member file (SOURCE.md: missing ESP 2010-2011, MLT 2019-2023) decides which years are incomplete."""
    members: dict[int, set[str]] = {}
    with (EXTERNAL_DIR / "digital_services/unctad_dds_exports_eu27_members.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            members.setdefault(int(row["year"]), set()).add(row["economy_code"])
    short = {year for year, codes in members.items() if len(codes) < 27}
    assert short  # the file does lack members in some years
    for spec in specs(page_for("unctad"))[:2]:
        eu = next(trace for trace in spec["data"] if trace["name"] == text("digital.eu.legend"))
        ringed = next(trace for trace in spec["data"] if is_marker(trace))
        assert set(ringed["x"]) == short & set(eu["x"])
        assert ringed["y"] == [dict(zip(eu["x"], eu["y"]))[x] for x in ringed["x"]]
    # The WTO reports its own EU aggregate: nothing to ring, the legend still says what the EU counts.
    wto = specs(page_for("wto"))[0]
    assert not any(is_marker(trace) for trace in wto["data"])
    assert text("digital.eu.legend") in [trace["name"] for trace in wto["data"]]


def test_url_selects_definition_years_and_top_six():
    at = apptest.run_page(PAGE, "zh", **{"def": "wto", "from": "2013", "to": "2022", "top6": "1"})
    share = specs(at)[0]
    assert share["layout"]["title"]["text"].replace("<br>", "").startswith("<b>占世界数字交付服务出口的份额(WTO)：")
    assert {y for trace in share["data"] for y in trace["x"]} == set(range(2013, 2023))
    drawn = {name_to_code("zh")[trace["name"]] for trace in share["data"]}
    assert drawn == {"CHN", "USA", "EUU", *claimed_top_six()}
    # A definition the page does not know falls back to the default, the headline measure of measures.yaml
    # (the WTO's digitally delivered services, as on the Overview), without an error.
    at = apptest.run_page(PAGE, "en", **{"def": "bogus"})
    assert measure("digital_share")["indicator_id"] == SERIES["wto"][1]
    assert specs(at)[0]["layout"]["title"]["text"].replace("<br>", " ").startswith("<b>Share of world digitally delivered services")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_runs_through_app(lang):
    at = apptest.run_through_app("pages/digital_services.py", lang)
    # The first screen's two charts drawn; the third when its section is opened (page.more); all in the export pack.
    assert len(at.get("plotly_chart")) == 2
    assert len(at.session_state["_export_items_digital_services"]) == 3
    assert at.title[0].value == text("page.digital_services.title", lang)
    assert any(text("digital.why.title", lang) == h.value for h in at.subheader)


def test_why_the_numbers_differ_cites_each_dataset_in_chinese_on_the_chinese_page(db):
    """Point 6 (versions) names each definition's dataset and vintage in the page language: on the Chinese page the
    dataset's Chinese citation (data/catalog/external.yaml cite_zh), never its English vintage (e.g. "downloaded
    January 2026")."""
    at = apptest.run_page(PAGE, "zh")
    why = next(m.value for m in at.markdown if "**6." in m.value)
    rows = db.execute("""SELECT DISTINCT o.source_id, src.vintage, src.cite_zh FROM observations o
                         JOIN sources src USING (source_id)
                         WHERE o.mention_id IS NULL AND o.indicator_id IN (SELECT unnest(?::VARCHAR[]))""",
                      [[exports for exports, _, _ in SERIES.values()]]).fetchall()
    assert len(rows) == len(SERIES)
    for source_id, vintage, cite in rows:
        assert cite in why, source_id
        assert vintage not in why, vintage
    for key in SERIES:
        assert f"{text(f'digital.short.{key}', 'zh')}：" in why
