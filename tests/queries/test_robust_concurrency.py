"""Many users at once (issue 8, part 4): sessions running side by side see exactly what one session alone sees.

The warehouse is opened read-only once per file version and each thread queries it through its own cursor
(lib/queries/__init__.py); Streamlit runs every browser session in a thread of one process, as these tests do.
"""
from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest
import streamlit as st
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test, local_script_runner

from lib import queries
from lib.paths import ROOT
from lib.queries import facts

# Eight sessions: every page, and two of them at the same time on the R&D page with different selections.
SESSIONS = [
    ("overview", "en", {}), ("rd", "en", {}), ("rd", "zh", {"measure": "absolute", "econ": "CHN,USA,JPN"}),
    ("unicorns", "zh", {}), ("digital_services", "en", {}), ("four_chains", "en", {}),
    ("explorer", "zh", {"q": "美国"}), ("sources", "en", {}),
]


def _charts(page_id: str, lang: str, params: dict) -> list[dict]:
    at = AppTest.from_file(str(ROOT / "pages" / f"{page_id}.py"), default_timeout=180)
    at.query_params["lang"] = lang
    at.query_params["more"] = "all"  # every section of charts open (lib/ui/page.py `more`)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, (page_id, [e.value for e in at.exception])
    assert not at.error, (page_id, [e.value for e in at.error])
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture()
def one_script_cache(monkeypatch):
    """One compiled-script cache for all sessions, as the server has. AppTest makes one per run, and compiling
    the same page in several threads at once trips CPython 3.11's AST constructor (gh-106905: "SystemError: AST
    constructor recursion depth mismatch"), a fault of the test harness that the server's shared cache avoids."""
    shared = ScriptCache()
    for module in (app_test, local_script_runner):
        monkeypatch.setattr(module, "ScriptCache", lambda: shared)


def test_concurrent_sessions_draw_the_same_charts_as_one_session_alone(one_script_cache):
    _clear_caches()
    alone = [_charts(*session) for session in SESSIONS]
    assert sum(map(len, alone)) >= 20, "the sessions draw charts to compare"
    _clear_caches()  # the concurrent sessions start cold, so they query the warehouse side by side
    start = threading.Barrier(len(SESSIONS))

    def session(args):
        start.wait()
        return _charts(*args)

    with ThreadPoolExecutor(len(SESSIONS)) as pool:
        together = list(pool.map(session, SESSIONS))
    for args, one, many in zip(SESSIONS, alone, together):
        assert many == one, f"{args[0]} drew different charts when sessions ran together"


QUERIES = [
    (facts._MENTIONS + " ORDER BY m.mention_id", ()),
    ("SELECT * FROM observations WHERE economy IN (?, ?) ORDER BY ALL", ("CHN", "USA")),
    ("SELECT economy, count(*) AS n, sum(value) AS total FROM observations GROUP BY economy ORDER BY economy", ()),
    ("SELECT * FROM chain_gaps ORDER BY gap_id", ()),
    ("SELECT * FROM document_lines WHERE contains(text, ?) ORDER BY file_name, line_no", ("美国",)),
]


def test_queries_from_sixteen_threads_return_identical_frames():
    _clear_caches()
    expected = [queries.run(sql, params) for sql, params in QUERIES]
    assert all(len(frame) for frame in expected)
    threads = 16
    start = threading.Barrier(threads)
    cursors: dict[int, int] = {}

    def worker(k: int) -> list[pd.DataFrame]:
        start.wait()
        frames = []
        for round_no in range(4):
            for sql, params in QUERIES:
                # A different comment per thread and round: a cache miss, so every call really queries DuckDB.
                frames.append(queries.run(f"{sql} -- thread {k} round {round_no}", params))
        cursors[k] = id(queries._cursor())
        start.wait()  # keep every thread (and its cursor) alive until all have recorded theirs
        return frames

    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(worker, range(threads)))
    for frames in results:
        for i, frame in enumerate(frames):
            pd.testing.assert_frame_equal(frame, expected[i % len(QUERIES)])
    assert len(set(cursors.values())) == threads, "each thread queries through its own cursor"
    _clear_caches()
