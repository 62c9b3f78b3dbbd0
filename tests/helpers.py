"""Running a page under Streamlit's AppTest the way a user opens it: a URL with query parameters."""
from __future__ import annotations

import ast
import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from streamlit.testing.v1 import AppTest

from lib.ui import state
from lib.ui.chart_view import HEAD_CLASS
from lib.paths import ROOT


def run_page(script: str, lang: str = "en", timeout: float = 60, *, open_data: bool = False, **params) -> AppTest:
    """Run `script` (path relative to the project root) with ?lang=…&key=value…; fail on any exception shown.
    Every section of secondary charts is open (?more=all: the whole page, lib/ui/page.py `more`) unless `more` is
    given (more="": the first screen's charts only, as a fresh visit draws them).
    open_data: then switch every chart to its data table, as a link with ?table=<every chart> does."""
    at = AppTest.from_file(str(ROOT / script), default_timeout=timeout)
    at.query_params["lang"] = lang
    if params.setdefault("more", "all") == "":
        del params["more"]  # no `more` in the URL at all, as a fresh visit
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if open_data:
        open_data_tables(at)
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_data_tables(at: AppTest) -> AppTest:
    """Switch every chart drawn to its table view through the URL and rerun: the tables are built only then."""
    names = chart_names(at)
    if names:
        at.query_params[state.TABLES.name] = ",".join(names)
    return at.run() if names else at


def chart_names(at: AppTest) -> list[str]:
    """The charts the run drew with their head (lib/ui/chart_view.py: anchor, Chart/Table switch, link), in order."""
    head = re.compile(rf'<div class="{HEAD_CLASS}" id="[^"]*" data-name="([^"]*)"')
    heads = (head.match(element.proto.body) for element in at.get("html"))
    return [html.unescape(found.group(1)) for found in heads if found]


_CARD = re.compile(r'<div class="metric-label">(.*?)</div><div class="metric-value">(.*?)</div></div>'
                   r'((?:<div class="card-note">.*?</div>)*)</div>')
_NOTE = re.compile(r'<div class="card-note">(.*?)</div>')


def cards(at: AppTest) -> list[tuple[str, str, list[str]]]:
    """The overview's cards in page order (pages/overview.py `card_row`, HTML elements): (label, value, the
    documents' figures under it)."""
    return [(html.unescape(label), html.unescape(value), [html.unescape(n) for n in _NOTE.findall(notes)])
            for element in at.get("html") if 'class="overview-cards"' in element.proto.body
            for label, value, notes in _CARD.findall(element.proto.body)]


def card_headings(at: AppTest) -> list[str]:
    """The headings of the overview's rows of cards, in page order."""
    return [html.unescape(found) for element in at.get("html") if 'class="overview-cards"' in element.proto.body
            for found in re.findall(r'<p class="cards-heading"><strong>(.*?)</strong></p>', element.proto.body)]


def metrics(at: AppTest) -> list[tuple[str, str]]:
    """(label, value) of every metric the run shows: Streamlit's st.metric and the overview's cards."""
    return [(m.label, m.value) for m in at.metric] + [(label, value) for label, value, _ in cards(at)]


def run_through_app(script: str, lang: str = "en", timeout: float = 60) -> AppTest:
    """Open app.py, then switch to `script` as the navigation does."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def at_once(work, keys: list, timeout: float = 600) -> dict:
    """work(key) for every key, each in its own thread, all released together (as sessions clicking at once);
    key -> its result or the exception it raised. Fails if any thread is still running after `timeout` seconds."""
    import threading

    results: dict = {}
    start = threading.Barrier(len(keys))

    def run(key) -> None:
        start.wait()
        try:
            results[key] = work(key)
        except Exception as exc:  # noqa: BLE001 - the caller looks at each outcome
            results[key] = exc

    threads = [threading.Thread(target=run, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return results


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports (and module.name for each `from module import name`), lazy ones too."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def seed_mentions() -> dict:
    """The extractor's mentions of every seed, by document id ("000" ... "004")."""
    from lib.paths import SEEDS_DIR
    from lib.warehouse.extract import extract_document

    meta = seed_metadata()
    return {p.name[:3]: extract_document(p, p.name[:3], *meta[p.name]) for p in SEEDS_DIR.glob("*.txt")}


def seed_metadata() -> dict[str, tuple[str | None, str | None]]:
    """Each seed's date and title as the build passes them to the extractor: data/catalog/documents.yaml
    `published` and `title_zh`."""
    import yaml

    from lib.paths import CATALOG_DIR
    from lib.warehouse.extract import reference_date

    docs = yaml.safe_load((CATALOG_DIR / "documents.yaml").read_text(encoding="utf-8"))
    return {d["file_name"]: (reference_date(d.get("published")), d.get("title_zh")) for d in docs}


def mention_on(mentions: dict, doc_id: str, line_no: int, text: str):
    """The first mention on a seed line whose quote contains `text`; fails naming what the line holds instead."""
    hits = [m for m in mentions[doc_id] if m.line_no == line_no and text in m.quote]
    assert hits, (f"no mention containing {text!r} on {doc_id}:{line_no}; "
                  f"got {[m.quote for m in mentions[doc_id] if m.line_no == line_no]}")
    return hits[0]


@contextmanager
def private_warehouse(folder: Path) -> Iterator[tuple[pytest.MonkeyPatch, Path]]:
    """A warehouse of the seeds and the documents in `folder`, built beside it, which the pages read (env
    INDICATORS_DOCUMENTS and INDICATORS_DB) until the block ends."""
    target = folder.parent / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INDICATORS_DOCUMENTS", str(folder))
        mp.setenv("INDICATORS_DB", str(target))
        from lib.warehouse import build

        build.build()
        yield mp, target
