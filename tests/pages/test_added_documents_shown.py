"""A document a user adds is named on screen by its title and line (the explorer's cards, hovers, source lines), its
place in the project (data/documents/…, documents.location) kept where a reader can reach it (the card's tooltip,
the table's CSV column, the exports), and its unicorn counts join the series across documents on the Unicorns page.

Runs the pages on a private warehouse: the seeds plus a real article someone else wrote (tests/labels/unseen/texts/
cn_unicorn_2021, Traditional characters), saved under a name with a space and Chinese characters, which states the
US and Chinese unicorn counts at the end of 2021 (seed 003 states those of 2024)."""
from __future__ import annotations

import json
import re
import shutil

import duckdb
import pytest

from lib.paths import ROOT
from lib.queries import facts
from lib.ui import citations, facts_view
from lib.ui.i18n import t
from tests import helpers as apptest

TEXTS = ROOT / "tests" / "labels" / "unseen" / "texts"
NAME = "独角兽 榜单 2021.txt"
LOCATION = f"data/documents/{NAME}"


@pytest.fixture(scope="module")
def private(tmp_path_factory):
    folder = tmp_path_factory.mktemp("documents")
    shutil.copy(TEXTS / "cn_unicorn_2021.txt", folder / NAME)
    shutil.copy(TEXTS / "cn_unicorn_2021.yaml", folder / NAME.replace(".txt", ".yaml"))
    with apptest.private_warehouse(folder) as (_, target):
        with duckdb.connect(str(target), read_only=True) as con:
            yield con


def test_the_added_document_lives_in_data_documents(private):
    assert private.execute("SELECT location FROM documents WHERE file_name = ?", [NAME]).fetchall() == [(LOCATION,)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explorer_cards_exports_and_citations_name_its_place(private, lang):
    (mention_id, line_no, quote, title_zh, published) = private.execute(
        "SELECT mention_id, line_no, quote, title_zh, published FROM mentions JOIN documents USING (doc_id) "
        "WHERE mentions.file_name = ? ORDER BY line_no, char_start LIMIT 1", [NAME]).fetchone()
    at = apptest.run_page("pages/explorer.py", lang, mention=mention_id)
    card = next(h.proto.body for h in at.get("html") if "<mark>" in h.proto.body and mention_id in h.proto.body)
    # On screen its title (as printed: the article has no English one) and line; its location is the tooltip.
    assert t("explorer.where", lang, doc=title_zh, published=published, line=line_no) in card
    assert f'title="{LOCATION}"' in card and LOCATION not in re.sub(r"<[^>]+>", "", card)
    assert f"seeds/{NAME}" not in card
    doc_id = private.execute("SELECT doc_id FROM documents WHERE file_name = ?", [NAME]).fetchone()[0]
    export = facts_view.export_frame(facts.mentions(facts.MentionFilter(docs=(doc_id,))), lang)
    assert len(export) and set(export["file"]) == {LOCATION}
    assert f'{LOCATION}:{line_no} "{quote}"' in set(export["citation"])
    seeds = facts_view.export_frame(facts.mentions(facts.MentionFilter(docs=("003",))), lang)
    assert set(seeds["file"]) == {"seeds/003_90f338935dca3c3f.txt"}  # a seed keeps its own place


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unicorn_counts_of_every_document_form_a_series_beside_the_recount(private, lang):
    stated = private.execute("""
        SELECT o.economy, o.year, o.value, o.automatic, m.doc_id, m.line_no, m.quote
        FROM observations o JOIN mentions m USING (mention_id)
        WHERE o.indicator_id = 'unicorn_count' AND o.economy IN ('CHN', 'USA') AND o.year IS NOT NULL""").fetchall()
    added_id = private.execute("SELECT doc_id FROM documents WHERE file_name = ?", [NAME]).fetchone()[0]
    added = [r for r in stated if r[4] == added_id]
    assert {(e, y) for e, y, *_ in added} >= {("CHN", 2021), ("USA", 2021)} and all(r[3] for r in added)
    assert {(e, y) for e, y, _, _, d, *_ in stated if d == "003"} == {("CHN", 2024), ("USA", 2024)}
    docs = {d: dict(doc_id=d, title_zh=zh, title_en=en) for d, zh, en in private.execute(
        "SELECT doc_id, title_zh, title_en FROM documents").fetchall()}
    at = apptest.run_page("pages/unicorns.py", lang)
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    # The title states the latest counts (unicorns.over_time.finding): the chart is found by its words before them.
    title = t("unicorns.over_time.finding", lang, year="\0", values="\0").split("\0")[0]
    (chart,) = [c for c in charts if title in c["layout"]["title"]["text"].replace("<br>", " " if lang == "en" else "")]
    lines = [tr for tr in chart["data"] if tr.get("mode") == "lines+markers"]
    assert len(lines) == 2
    points = {(x, y, symbol, hover) for tr in lines for x, y, symbol, hover
              in zip(tr["x"], tr["y"], tr["marker"]["symbol"], tr["customdata"])}
    for economy, year, value, automatic, doc_id, line_no, quote in stated:
        where = citations.place(docs[doc_id], line_no, lang)  # 文件005《…》第12行, not data/documents/….txt:12
        assert any(x == year and symbol == ("circle-open" if automatic else "circle") and where in hover
                   and quote in hover for x, _, symbol, hover in points), (economy, year, value)
    assert not any(LOCATION in hover or "seeds/" in hover for *_, hover in points)
    # Beside them, the chosen list's recount of each economy, drawn as diamonds.
    recount = [tr for tr in chart["data"] if tr.get("marker", {}).get("symbol") == "diamond"]
    assert len(recount) == 2
    # The source line inside the figure names the document; its location is a column of the chart's table (and CSV).
    source = next(a["text"] for a in chart["layout"]["annotations"] if a.get("name") == "source")
    assert citations.document_name(docs[added_id], lang) in source.replace("<br>", " " if lang == "en" else "")
    assert LOCATION not in source
    tables = apptest.run_page("pages/unicorns.py", lang, open_data=True).dataframe
    locations = {v for f in tables if t("cite.col.location", lang) in f.value.columns
                 for v in f.value[t("cite.col.location", lang)]}
    assert LOCATION in locations and "seeds/003_90f338935dca3c3f.txt" in locations
