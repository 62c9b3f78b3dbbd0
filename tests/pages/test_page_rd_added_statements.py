"""A report someone else wrote on US and Chinese R&D (tests/labels/unseen/texts/cn_us_rd_2016, dev2), added to
data/documents/, shows its basic research share in the R&D page's document statements, in English and Chinese,
named as the catalog names the indicator and quoted at its line."""
from __future__ import annotations

import shutil

import pytest
import yaml

from lib.paths import ROOT
from lib.ui.i18n import t
from tests import helpers as apptest

TEXTS = ROOT / "tests" / "labels" / "unseen" / "texts"
NAME = "us_rd_2016.txt"


@pytest.fixture(scope="module")
def private(tmp_path_factory):
    folder = tmp_path_factory.mktemp("documents")
    shutil.copy(TEXTS / "cn_us_rd_2016.txt", folder / NAME)
    with apptest.private_warehouse(folder) as (mp, target):
        yield mp


def indicator_name(indicator_id: str, lang: str) -> str:
    entries = yaml.safe_load((ROOT / "data/catalog/document_indicators.yaml").read_text(encoding="utf-8"))
    return next(e[f"name_{lang}"] for e in entries if e["indicator_id"] == indicator_id)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_basic_research_share_is_among_the_statements(private, lang):
    at = apptest.run_page("pages/rd.py", lang)
    table = next(df.value for df in at.dataframe if t("rd.col.sentence", lang) in df.value.columns)
    rows = table[table[t("rd.col.indicator", lang)] == indicator_name("basic_research_share", lang)]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row[t("rd.col.quote", lang)] == "5%" and row[t("rd.col.line", lang)] == 7
    assert "2012年中国研发资金的5%用于支持基础研究" in row[t("rd.col.sentence", lang)]
    assert row[t("rd.col.period", lang)] == "2012" and row[t("rd.col.economy", lang)] == t("economy.CHN", lang)
