"""No page shows a document's file name with its hash (seeds/003_90f338935dca3c3f.txt): source lines inside charts,
hovers, captions, explorer cards and tables name a document by its number, title and line. The file's place stays
reachable: a hidden column of the tables' CSV, the card's tooltip, and the Sources page's description of each
document, which is where it is shown."""
from __future__ import annotations

import json
import re

import pytest

from lib.ui import state
from tests.helpers import run_page

HASHED = re.compile(r"\d{3}_[0-9a-f]{16}")  # how the seeds' files are named: 003_90f338935dca3c3f.txt


def visible_texts(at) -> list[str]:
    """The texts a reader sees: elements' text, HTML without its tags and attributes (a tooltip is not on screen),
    tables without their hidden columns, charts' annotations (titles, source lines) and hovers."""
    texts = [e.value for kind in ("markdown", "caption", "info", "warning", "success", "subheader", "title")
             for e in getattr(at, kind)]
    texts += [re.sub(r"<[^>]+>", " ", h.proto.body) for h in at.get("html")]
    for frame in at.dataframe:
        hidden = {c for c, config in json.loads(frame.proto.columns or "{}").items() if config.get("hidden")}
        texts += frame.value.drop(columns=list(hidden & set(frame.value.columns))).astype(str).to_numpy().ravel().tolist()
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        texts.append(json.dumps([spec["layout"].get("annotations"), spec["layout"].get("title")], ensure_ascii=False))
        texts += [json.dumps(trace.get("customdata"), ensure_ascii=False) for trace in spec["data"]]
    return texts


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_id", [p for p in state.PAGES if p != "sources"])
def test_no_page_shows_a_hashed_file_name(page_id, lang, db):
    assert {HASHED.search(f).group() for (f,) in db.execute("SELECT file_name FROM documents").fetchall()
            if f.startswith(("000", "003"))} == {"000_1437cd39a0a6ded1", "003_90f338935dca3c3f"}  # the pattern holds
    for open_data in (False, True):  # the charts, then every chart's Table view
        shown = [HASHED.search(text).group() for text in visible_texts(run_page(f"pages/{page_id}.py", lang,
                                                                                 open_data=open_data))
                 if HASHED.search(text)]
        assert not shown, f"{page_id} {lang} (tables {open_data}): {sorted(set(shown))}"


def test_the_sources_page_still_gives_each_documents_place(db):
    shown = " ".join(visible_texts(run_page("pages/sources.py", "en")))
    for (location,) in db.execute("SELECT location FROM documents").fetchall():
        assert location in shown
