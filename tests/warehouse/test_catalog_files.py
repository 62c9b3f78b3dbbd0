"""Checks the document catalog (documents, indicators, figures) against the seed texts, without the extractor."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest
import yaml

from lib.warehouse.catalog import ECONOMIES, UNITS
from lib.paths import CATALOG_DIR, SEEDS_DIR

TOPICS = {"rd", "innovation_output", "unicorns", "digital_services", "market_value", "digital_economy",
          "ict_industry", "infrastructure", "ai", "quantum", "strategic_industries", "four_chains"}
COMPANIES = {"apple", "tencent", "alibaba", "microsoft", "nvidia"}
KINDS = {"target", "forecast"}


def _load(name: str) -> list[dict]:
    return yaml.safe_load((CATALOG_DIR / name).read_text(encoding="utf-8"))


DOCUMENTS = _load("documents.yaml")
INDICATORS = _load("document_indicators.yaml")
FIGURES = _load("document_figures.yaml")
# Split on "\n" only, so line numbers match `grep -n`.
SEED_LINES = {p.name: p.read_text(encoding="utf-8").split("\n") for p in SEEDS_DIR.glob("*.txt")}


def _where(figure: dict) -> str:
    return f"{figure['file']}:{figure['line']} «{figure['quote']}» ({figure['indicator']}/{figure['economy']})"


def _figure_id(figure: dict) -> str:
    """An ASCII test id (pytest escapes the Chinese of a quote)."""
    return f"{figure['file'][:3]}:{figure['line']}:{figure['indicator']}:{figure['economy']}:{figure.get('entity') or ''}"


def test_every_seed_has_exactly_one_document_entry():
    names = [d["file_name"] for d in DOCUMENTS]
    assert sorted(names) == sorted(SEED_LINES), "documents.yaml and seeds/*.txt list different files"
    assert len({d["doc_id"] for d in DOCUMENTS}) == len(DOCUMENTS)
    for d in DOCUMENTS:
        assert d["file_name"].startswith(f"{d['doc_id']}_"), d["file_name"]


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d["doc_id"])
def test_document_titles_appear_in_the_text(doc):
    text = "\n".join(SEED_LINES[doc["file_name"]])
    assert doc["title_zh"] in text
    if doc.get("also_titled_zh"):
        assert doc["also_titled_zh"] in text
    if doc["title_en_source"] == "document":
        # An English title may wrap over two lines of the PDF text.
        assert " ".join(doc["title_en"].split()) in " ".join(text.split())


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d["doc_id"])
def test_document_entries_are_complete(doc):
    for key in ("title_en", "publisher", "kind", "language", "covers_en", "covers_zh", "defects_en", "defects_zh"):
        assert str(doc.get(key) or "").strip(), f"{doc['doc_id']}: {key} is empty"
    assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", str(doc["published"])), doc["published"]


def test_indicators_are_unique_with_known_topic_and_unit():
    ids = [i["indicator_id"] for i in INDICATORS]
    assert len(ids) == len(set(ids)), "duplicate indicator_id"
    for ind in INDICATORS:
        assert ind["topic"] in TOPICS, ind["indicator_id"]
        assert ind["unit"] in UNITS, ind["indicator_id"]
        for key in ("name_en", "name_zh", "definition_en", "definition_zh"):
            assert str(ind.get(key) or "").strip(), f"{ind['indicator_id']}: {key} is empty"


def test_every_indicator_is_used_and_every_used_indicator_is_defined():
    """An indicator no seed figure states is there for the documents users add (R&D spending, which no seed
    states): it must then declare how it is recognised (`bind:`), or nothing could ever be bound to it."""
    defined = {i["indicator_id"] for i in INDICATORS}
    used = {f["indicator"] for f in FIGURES}
    assert used - defined == set(), "figures use undefined indicators"
    for_added = {i["indicator_id"] for i in INDICATORS if i.get("bind")}
    assert defined - used - for_added == set(), "indicators defined but never stated by a figure nor bound by a rule"
    assert {"rd_expenditure", "rd_expenditure_gdp_ratio", "basic_research_share"} <= defined - used


@pytest.mark.parametrize("figure", FIGURES, ids=_figure_id)
def test_figure_quote_is_verbatim_on_its_line(figure):
    lines = SEED_LINES[figure["file"]]
    assert 1 <= figure["line"] <= len(lines)
    assert figure["quote"] in lines[figure["line"] - 1]


def test_figure_vocabularies_and_units_agree_with_indicators():
    unit_of = {i["indicator_id"]: i["unit"] for i in INDICATORS}
    for f in FIGURES:
        assert f["economy"] in ECONOMIES, _where(f)
        assert f["unit"] in UNITS, _where(f)
        assert f["unit"] == unit_of[f["indicator"]], _where(f)
        assert f.get("entity") in COMPANIES | {None}, _where(f)
        assert f.get("kind") in KINDS | {None}, _where(f)


def test_no_duplicate_figure_quotes():
    seen = defaultdict(list)
    for f in FIGURES:
        seen[(f["file"], f["line"], f["quote"])].append(f["indicator"])
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}


def test_years_periods_ranges_and_notes_are_consistent():
    for f in FIGURES:
        assert f.get("year") is None or isinstance(f["year"], int), _where(f)
        if f.get("period"):
            start, end = (int(y) for y in re.fullmatch(r"(\d{4})-(\d{4})", f["period"]).groups())
            assert start < end and f["year"] == end, _where(f)
        if f.get("value_high") is not None:
            assert f["value_high"] > f["value"], _where(f)
        assert ("note_en" in f) == ("note_zh" in f), _where(f)
        if f.get("implausible"):
            assert f.get("note_en"), f"{_where(f)}: say why it is implausible"


# An independent reading of the printed number, only to catch slips in the catalogued value.
_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4}
_PHYSICAL = {"km": 1e3, "ZB": 1e21, "GW": 1e9, "MW": 1e6, "kW": 1e3, "GB/s": 8e9}
_CN_NUMERAL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = re.compile(r"(\d{1,3}(?: \d{3})+|\d+(?:\.\d+)?)(?:×10(\d{1,2}))?[\s?]*(?:多|余)?[\s?]*(万亿|亿|万)?")


def _printed_values(text: str) -> list[float]:
    """Every value the text can denote: digits x lost power of ten x 万/亿 x any physical unit it names."""
    factors = [1.0] + [factor for unit, factor in _PHYSICAL.items() if unit in text]
    values = []
    for digits, exponent, magnitude in _NUMBER.findall(text):
        base = float(digits.replace(" ", "")) * 10 ** int(exponent or 0) * _MAGNITUDE.get(magnitude, 1)
        values += [base * factor for factor in factors]
    return values


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@pytest.mark.parametrize("figure", FIGURES, ids=_figure_id)
def test_catalogued_value_is_what_the_quote_prints(figure):
    line = SEED_LINES[figure["file"]][figure["line"] - 1]
    text = figure["quote"]
    if line.rstrip().endswith(text):
        # The number may continue on the next non-blank line (two-column PDF): `突破5000` / `亿美元`.
        following = [t.strip() for t in SEED_LINES[figure["file"]][figure["line"]:] if t.strip()]
        text += following[0] if following else ""
    wanted = [figure["value"]] + ([figure["value_high"]] if figure.get("value_high") is not None else [])
    if figure["unit"] == "rank":
        ordinal = re.search(r"第\s*(\d+|[一二三四五六七八九])", text)
        if ordinal is None:
            pytest.skip("a position in a printed list, not a printed ordinal")
        n = ordinal.group(1)
        assert figure["value"] == (int(n) if n.isdigit() else _CN_NUMERAL[n])
        return
    printed = _printed_values(text)
    for value in wanted:
        assert any(_close(value, p) for p in printed), f"{value} is not among {printed} read from «{text}»"


# Statements the dashboard's conflict view relies on: the same indicator, economy and year in two documents.
RESTATED = [
    ("fiveg_base_stations", "CHN", 2022), ("key_process_nc_rate", "CHN", 2022),
    ("digital_rd_design_tool_penetration", "CHN", 2022), ("data_centre_racks", "CHN", 2022),
    ("nev_production", "CHN", 2022), ("electronic_info_mfg_revenue", "CHN", 2021),
    ("sei_value_added_gdp_share", "CHN", 2022), ("ai_industry_output", "WLD", 2023),
]


@pytest.mark.parametrize("indicator,economy,year", RESTATED)
def test_restated_figures_are_catalogued_from_every_document(indicator, economy, year):
    files = {f["file"] for f in FIGURES
             if (f["indicator"], f["economy"], f.get("year")) == (indicator, economy, year) and not f.get("period")}
    assert len(files) >= 2, f"{indicator}/{economy}/{year} is catalogued from {sorted(files)} only"


def test_china_us_eu_comparisons_are_catalogued():
    stated = {(f["indicator"], f["economy"]) for f in FIGURES}
    for pair in [("unicorn_count", e) for e in ("USA", "CHN", "GBR", "EUU")] + \
                [("unicorn_share", e) for e in ("USA", "CHN", "GBR", "EUU")] + \
                [("dds_rank", e) for e in ("IRL", "IND", "CHN", "USA", "DEU", "FRA")] + \
                [("ai_paper_citation_rate", "USA"), ("ai_paper_citation_rate", "CHN"),
                 ("st_cluster_count", "USA"), ("st_cluster_count", "CHN"),
                 ("ai_investment", "WLD"), ("ai_investment", "CHN"), ("dds_share", "CHN"), ("gii_rank", "CHN")]:
        assert pair in stated, pair


_CJK = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"


@pytest.mark.parametrize("name", sorted(p.name for p in CATALOG_DIR.glob("*.yaml")))
def test_folded_chinese_text_gets_no_space_at_a_line_break(name):
    """YAML's folded scalars (>-) join lines with a space, which Chinese does not write (专利、 网络 on the Sources
    page). Every space between two Chinese characters in a loaded value must be one written on a line of the file."""
    source = (CATALOG_DIR / name).read_text(encoding="utf-8")

    def strings(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)
        elif isinstance(node, str):
            yield node

    folded = [m.group() for text in strings(yaml.safe_load(source))
              for m in re.finditer(f"{_CJK} {_CJK}", text) if m.group() not in source]
    assert not folded, f"data/catalog/{name}: join these lines without a space (write the Chinese on one line): {folded}"
