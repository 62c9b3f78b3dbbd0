"""Every flag the extractor writes is explained in the fact explorer in both languages, and the explanation of an
assumed subject or currency names what was assumed (Hong Kong for a Hong Kong budget text, not always China).
Runs the explorer page on a private warehouse: the seeds plus dev texts from Hong Kong, Taiwan and Malaysia."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from lib.paths import ROOT
from lib.queries import facts
from lib.ui.i18n import t
from tests import helpers as apptest

TEXTS = ROOT / "tests" / "labels" / "unseen" / "texts"


@pytest.fixture(scope="module")
def private(tmp_path_factory):
    folder = tmp_path_factory.mktemp("documents")
    for name in ("hk_budget_2026", "tw_gdp_2025q4", "my_ringgit_2024"):
        for ext in (".txt", ".yaml"):
            shutil.copy(TEXTS / f"{name}{ext}", folder / f"{name}{ext}")
    with apptest.private_warehouse(folder) as (mp, target):
        with duckdb.connect(str(target), read_only=True) as con:
            # The extractor's flags show on figures the catalogue does not read (it replaces year and subject).
            rows = con.execute("""SELECT mention_id, file_name, quote, entity, unit, flags FROM mentions
                                  WHERE mention_id NOT IN (SELECT mention_id FROM cited_figures)""").fetchall()
            every = {code for (flags,) in con.execute("SELECT flags FROM mentions WHERE flags IS NOT NULL").fetchall()
                     for code in flags.split(",")}
        yield mp, rows, every


def card_text(mp, lang: str, mention_id: str) -> str:
    at = apptest.run_page("pages/explorer.py", lang, mention=mention_id)
    return "\n".join(h.proto.body for h in at.get("html") if "mention=" in h.proto.body)


def test_every_flag_written_is_explained_in_both_languages(private):
    written = private[2]
    assert {"year_unknown", "subject_assumed", "currency_assumed", "bracket_count", "run_of_years",
            "group_subject"} <= written  # the sample holds every flag the issue names
    for code in written:
        assert code in facts.FLAG_CODES, f"{code} is not in the explorer's flag list"
        for lang in ("zh", "en"):
            assert t(f"explorer.flag.{code}", lang) and t(f"explorer.flag_name.{code}", lang)


def test_every_subject_and_year_flag_of_the_extractor_is_in_the_explorer_list():
    """FLAG_CODES is typed in the explorer's order: each flag of the extractor's own lists must be in it."""
    from lib.warehouse.extract import SUBJECT_FLAGS, YEAR_FLAGS
    assert set(SUBJECT_FLAGS + YEAR_FLAGS) <= set(facts.FLAG_CODES)


@pytest.mark.parametrize("lang,economy,currency,china", [("en", "Taiwan", "Hong Kong dollars (HKD)", "China"),
                                                         ("zh", "台湾", "港元（HKD）", "中国")])
def test_assumed_subject_and_currency_name_what_was_assumed(private, lang, economy, currency, china):
    mp, rows, _ = private
    # 若不計入發債，綜合帳目財政赤字為1,004億 (hk_budget_2026 line 2): no currency in the sentence, so HKD is assumed
    # and said; no subject either, but a Hong Kong text naming no other economy is about Hong Kong throughout, so the
    # subject is given without a flag (the writer's economy is right 309 of 309 times in such texts).
    hk = next(r for r in rows if r[1] == "hk_budget_2026.txt" and r[2] == "1,004億")
    assert hk[3] == "HKG" and hk[4] == "HKD" and "currency_assumed" in hk[5].split(",")
    assert "subject_assumed" not in hk[5].split(",")
    body = card_text(mp, lang, hk[0])
    assert t("explorer.flag.currency_assumed_as", lang, currency=currency) in body
    # 台美關稅談判底定，企業自主投資金額高達二千五百億美元 (tw_gdp_2025q4 line 2): a Taiwanese text that names the US too,
    # and a clause with no subject of its own, so Taiwan is assumed and the card names Taiwan, not China.
    tw = next(r for r in rows if r[1] == "tw_gdp_2025q4.txt" and r[2] == "二千五百億美元")
    assert tw[3] == "TWN" and "subject_assumed" in tw[5].split(",")
    body = card_text(mp, lang, tw[0])
    assert t("explorer.flag.subject_assumed_as", lang, economy=economy) in body
    assert t("explorer.flag.subject_assumed_as", lang, economy=china) not in body
    # A seed figure assumed Chinese says China: the name follows the text, not a fixed word.
    seed = next(r for r in rows if r[1].startswith("0") and r[5] and "subject_assumed" in r[5].split(",")
                and r[3] == "CHN")
    assert t("explorer.flag.subject_assumed_as", lang, economy=china) in card_text(mp, lang, seed[0])


@pytest.mark.parametrize("lang,china", [("en", "China"), ("zh", "中国")])
def test_an_unclear_subject_says_which_candidate_was_read(private, lang, china):
    """Seed 004 line 673 (…七大产业集聚区): no subject in its sentence and several in the one before; the card says so
    and names the economy read, instead of showing it as a plain answer."""
    mp, rows, _ = private
    row = next(r for r in rows if r[0] == "004-0673-1")
    assert row[2] == "七大" and row[3].split(":")[0] == "CHN" and "ambiguous_subject" in row[5].split(",")
    body = card_text(mp, lang, row[0])
    assert t("explorer.flag.ambiguous_subject_as", lang, economy=china) in body
    assert t("explorer.flag.ambiguous_subject", lang) not in body
