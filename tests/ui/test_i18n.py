"""Every string exists in both languages, values read as people write them, and every page renders in zh and en."""
from __future__ import annotations

import re
import string
from pathlib import Path

import duckdb
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from lib.ui import i18n, state
from lib.paths import ROOT, warehouse_path
from lib.queries import REQUIRED_VIEWS

YAML_FILES = sorted(i18n.I18N_DIR.glob("*.yaml"))
UNITS = ("CNY", "USD", "GBP", "EUR", "percent", "count", "rank", "W", "m", "byte", "bit/s", "FLOPS")


def _entries(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_every_key_has_non_empty_zh_and_en(path):
    for key, texts in _entries(path).items():
        assert isinstance(texts, dict), f"{path.name}: {key} must be {{zh: ..., en: ...}}"
        for lang in i18n.LANGS:
            assert isinstance(texts.get(lang), str) and texts[lang].strip(), f"{path.name}: {key} lacks '{lang}'"


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_both_languages_use_the_same_placeholders(path):
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, texts in _entries(path).items():
        assert fields(texts["zh"]) == fields(texts["en"]), f"{path.name}: {key} placeholders differ"


def test_no_key_is_defined_in_two_files():
    seen: dict[str, str] = {}
    for path in YAML_FILES:
        for key in _entries(path):
            assert key not in seen, f"{key} is in both {seen[key]} and {path.name}"
            seen[key] = path.name


def test_catalog_loads_and_names_the_file_of_a_broken_entry(tmp_path):
    assert i18n.load_catalog()  # the real files
    (tmp_path / "x.yaml").write_text("a.key: {zh: 只有中文}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.yaml.*a\.key"):
        i18n.load_catalog(tmp_path)
    (tmp_path / "x.yaml").write_text("a.key: {zh: 多余的“?”, en: x}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.yaml, line 1"):
        i18n.load_catalog(tmp_path)


def test_missing_key_or_language_raises_key_error():
    with pytest.raises(KeyError):
        i18n.t("no.such.key", "zh")
    with pytest.raises(KeyError):
        i18n.t("app.title", "fr")


def test_economy_names_as_the_brief_gives_them():
    assert [i18n.economy_name(c, "en") for c in ("CHN", "USA", "EUU")] == [
        "China", "United States", "European Union (EU-27)"]
    assert [i18n.economy_name(c, "zh") for c in ("CHN", "USA", "EUU")] == ["中国", "美国", "欧盟"]
    for lang in i18n.LANGS:
        names = [i18n.economy_name(code, lang) for code in i18n.ECONOMIES]
        assert len(set(names)) == len(names)


def test_every_region_the_extractor_writes_has_a_name():
    """Regions (lib/contract.py REGIONS: 欧洲, 东盟 …) are subjects like economies: named in both languages, and no
    region is named like an economy (Europe is not the EU)."""
    from lib.contract import REGIONS
    from lib.warehouse.extract import ECONOMY_WORDS
    assert {code for _, code in ECONOMY_WORDS if code.startswith("X")} == set(REGIONS)
    for lang in i18n.LANGS:
        names = [i18n.economy_name(code, lang) for code in i18n.ECONOMIES + REGIONS]
        assert len(set(names)) == len(names), lang
    assert i18n.economy_name("XEU", "zh") == "欧洲" and i18n.economy_name("XAN", "en") == "ASEAN"


@pytest.mark.parametrize("value, unit, lang, expected", [
    (5.02e13, "CNY", "zh", "50.2万亿元"),
    (5.02e13, "CNY", "en", "50.2 trillion CNY"),
    (8.6088e11, "USD", "zh", "8608.8亿美元"),
    (8.609e11, "USD", "en", "US$860.9 billion"),
    (48.9, "percent", "en", "48.9%"),
    (41.5, "percent", "zh", "41.5%"),
    (758, "count", "en", "758"),
    (2312000, "count", "en", "2,312,000"),
    (2312000, "count", "zh", "231.2万"),
    (1e18, "FLOPS", "en", "1.0 EFLOPS"),
    (6.01, "percent", "en", "6.0%"),  # one rule per unit (i18n.DECIMALS): 16.7% / 6.0% / 5.9%, not 6.01% / 5.89%
    (2.4127, "percent", "zh", "2.4%"),
    (3, "rank", "zh", "第3位"),
    (447.06, "PPP", "en", "447.1 international $"),
    (-0.004, "percent", "en", "0.0%"),  # no sign on a value that rounds to zero
    (-2.5e12, "USD", "en", "-US$2.5 trillion"),
    (None, "USD", "en", "–"),
])
def test_format_value_reads_as_people_write_it(value, unit, lang, expected):
    assert i18n.format_value(value, unit, lang) == expected


# Seed figures as the documents print them (file prefix, line, printed text) and how each reads in both languages:
# with the precision printed, never more (715亿 is 71.5 billion, not 71.50), never less (44.99 is not 45).
@pytest.mark.parametrize("doc, line, printed, zh, en", [
    ("000", 195, "715亿美元", "715亿美元", "US$71.5 billion"),
    ("000", 571, "44.99", "44.99", "44.99"),
    ("000", 571, "31.88", "31.88", "31.88"),
    ("003", 188, "4000 亿美元", "4000亿美元", "US$400 billion"),  # a whole number's trailing zeros are not digits
    ("001", 45, "70128亿元", "7.0128万亿元", "7.0128 trillion CNY"),
    ("000", 480, "2.312×106个", "231.2万", "2,312,000"),
    ("000", 460, "26.0%", "26.0%", "26.0%"),
])
def test_a_document_figure_keeps_the_precision_it_was_printed_with(doc, line, printed, zh, en, seed_lines, db):
    value, unit, raw, file_name = db.execute(
        "SELECT value, unit, raw, file_name FROM mentions WHERE doc_id = ? AND line_no = ? AND raw = ?",
        [doc, line, printed]).fetchone()
    assert printed in seed_lines[file_name][line - 1]
    assert (i18n.format_value(value, unit, "zh", stated=raw), i18n.format_value(value, unit, "en", stated=raw)) == (
        zh, en)


def test_a_dataset_value_keeps_the_decimals_of_its_unit():
    assert i18n.format_value(7.15e10, "USD", "zh") == "715.0亿美元"
    assert i18n.format_value(44.99, "count", "en") == "45"
    assert i18n.format_value(7.15e10, "USD", "zh", stated="七百亿") == "715.0亿美元"  # no digits printed: the rule


def test_format_value_shows_a_stated_range():
    assert i18n.format_value(8, "percent", "zh", high=9) == "8.0%–9.0%"  # with the decimals of every share


@pytest.mark.parametrize("unit, scaled, shown", [("ratio", False, "0.72"), ("percent", False, "0.7"),
                                                ("USD", True, "0.7"), ("count", False, "1"), ("rank", False, "1")])
def test_number_has_the_decimals_of_its_unit(unit, scaled, shown):
    assert i18n.number(0.7234, "en", unit, scaled=scaled) == shown


@pytest.mark.parametrize("unit", UNITS)
def test_every_unit_has_a_label_and_a_format_in_both_languages(unit):
    for lang in i18n.LANGS:
        assert i18n.unit_label(unit, lang)
        assert re.search(r"\d", i18n.format_value(12345.6, unit, lang))


# ---------------------------------------------------------------- every page renders in both languages

PAGE_FILES = [f"pages/{page_id}.py" for page_id in state.PAGES]


def _warehouse_usable() -> bool:
    path = warehouse_path()
    if not path.exists():
        return False
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            names = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    except duckdb.Error:
        return False
    return set(REQUIRED_VIEWS) <= names


def _run(script: str, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / script), default_timeout=120)
    at.query_params["lang"] = lang
    return at.run()


def _all_text(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "caption", "markdown", "error", "subheader") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("script", PAGE_FILES)
def test_page_runs_on_its_own(script, lang):
    at = _run(script, lang)
    assert not at.exception, at.exception
    page_id = Path(script).stem
    assert [t.value for t in at.title] == [i18n.t(f"page.{page_id}.title", lang)]
    assert at.sidebar.multiselect[0].label == i18n.t("sidebar.economies", lang)
    if not _warehouse_usable():
        # Without a warehouse the page explains how to build it instead of showing a stack trace.
        assert [e.value for e in at.error][0].startswith(f"**{i18n.t('warehouse.problem', lang)}**")
        assert any("lib.build" in c.value for c in at.code)
    else:
        assert not at.error
    shown = _all_text(at)
    assert not [key for key in i18n.load_catalog() if key in shown], "a raw i18n key is shown"


def test_missing_and_corrupt_warehouse_get_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATORS_DB", str(tmp_path / "absent.duckdb"))
    at = _run("pages/rd.py", "en")
    assert not at.exception
    assert "does not exist yet" in at.error[0].value

    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("INDICATORS_DB", str(corrupt))
    at = _run("pages/rd.py", "zh")
    assert not at.exception
    assert at.error[0].value.startswith(f"**{i18n.t('warehouse.problem', 'zh')}**")
    assert "--force" in at.code[0].value


def test_a_broken_strings_file_is_named_on_the_page_not_hidden_behind_a_generic_error(tmp_path, monkeypatch):
    for path in YAML_FILES:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "common.yaml").open("a", encoding="utf-8") as fh:
        fh.write("broken.key: {zh: 多余的“?”, en: x}\n")
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    i18n._catalog.cache_clear()
    try:
        for script in ("app.py", "pages/rd.py"):
            at = _run(script, "en")
            assert not at.exception
            assert re.match(r"data/i18n/common\.yaml, line \d+: not valid YAML", at.error[0].value)
    finally:
        i18n._catalog.cache_clear()


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_app_runs_and_navigates_in_both_languages(lang):
    at = _run("app.py", lang)
    assert not at.exception, at.exception
    built = [e.value for e in at.error if e.value == i18n.t("build.failed", lang)]
    if built and not warehouse_path().exists():
        # A failed build with no earlier warehouse: the message names the file at fault and the command to run.
        assert any("lib.build" in c.value for c in at.code)
        return
    assert [t.value for t in at.title] == [i18n.t("page.overview.title", lang)]  # Overview is the default page
    at.switch_page("pages/sources.py").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t("page.sources.title", lang)]
    # The page switch cleared the URL; the frame puts the chosen language back, and the new page's widgets show it.
    assert state.parse(dict(at.query_params))["lang"] == lang
    assert at.sidebar.segmented_control[0].value == lang
    assert at.sidebar.multiselect[0].value == list(i18n.MAIN_ECONOMIES)


def test_field_picks_the_page_language_and_names_a_missing_column(db):
    """A dataset's facts on a Chinese page come from their _zh columns (data/catalog/external.yaml), never the
    English ones; a row without the Chinese column is an error naming it, not a silent English fallback."""
    from lib.ui.i18n import field

    row = db.execute("SELECT * FROM sources WHERE source_id = 'wto_dds_2026_01'").df().iloc[0]
    assert field(row, "publisher", "zh") == "世界贸易组织"
    assert field(row, "publisher", "en") == "World Trade Organization"
    assert field(row, "vintage", "zh") != row["vintage"] and "2026年1月" in field(row, "vintage", "zh")
    assert field(row, "definition", "en") == row["definition_en"]
    with pytest.raises(KeyError, match="publisher_zh"):
        field({"publisher": "World Bank"}, "publisher", "zh")


def test_plural_picks_the_singular_for_one_thing_in_english_and_keeps_chinese_as_it_is():
    assert [i18n.plural("count.documents", "en", n, n=n) for n in (0, 1, 2)] == [
        "0 documents", "1 document", "2 documents"]
    assert [i18n.plural("count.documents", "zh", n, n=n) for n in (1, 2)] == ["1个文件", "2个文件"]
    assert i18n.plural("chart.source", "en", 1, source="x") == i18n.t("chart.source", "en", source="x")  # no .one
