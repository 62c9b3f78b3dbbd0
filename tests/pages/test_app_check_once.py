"""app.py checks the warehouse (ours, fresh, usable) once per server process and file state, not on every new
session: a session finding the same files skips the check, and any change to the file sends the next session
through it again."""
from __future__ import annotations

import shutil

from streamlit.testing.v1 import AppTest

from lib import queries
from lib.paths import ROOT, warehouse_path


def _first_visit() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = "en"
    return at.run()


def test_a_file_broken_after_a_session_verified_it_is_rebuilt_for_the_next(tmp_path, monkeypatch):
    live = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse_path(), live)
    monkeypatch.setenv("INDICATORS_DB", str(live))
    first = _first_visit()
    assert not first.exception and not first.error and first.get("plotly_chart")
    again = _first_visit()  # the same files: verified already
    assert not again.exception and not again.error and again.get("plotly_chart")

    whole = live.read_bytes()
    live.write_bytes(whole[: len(whole) // 2])  # broken in place: same inode, new size and times
    broken = _first_visit()
    assert not broken.exception, [e.value for e in broken.exception]
    assert not broken.error, [e.value for e in broken.error]
    assert broken.get("plotly_chart"), "the new session checked the file, rebuilt it and drew the first page"
    queries.check_warehouse()  # whole again
