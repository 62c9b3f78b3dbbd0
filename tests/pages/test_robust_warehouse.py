"""A broken warehouse at run time (issue 8, part 2): missing, random bytes, truncated, an older schema, a view gone.

Every page opened on its own shows one clear error naming what is wrong and the command that fixes it, with no
exception, stack trace or absolute path; app.py rebuilds such a file when the build wrote it (its mark in `meta`),
and says how when the build itself fails.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lib import queries
from lib.ui import state
from lib.errors import WarehouseError, without_paths
from lib.paths import DATA_DIR, ROOT
from lib.contract import SCHEMA_VERSION

REAL = DATA_DIR / "warehouse.duckdb"  # built by `make test` before pytest starts
LEAKS = ("/work", "/tmp", str(ROOT), "Traceback", 'File "')


def _copy(tmp: Path, name: str) -> Path:
    target = tmp / f"{name}.duckdb"
    shutil.copy(REAL, target)
    return target


def _older_schema(tmp: Path) -> Path:
    path = _copy(tmp, "older")
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION - 1)])
    return path


def _no_schema_version(tmp: Path) -> Path:
    path = _copy(tmp, "unversioned")
    with duckdb.connect(str(path)) as con:
        con.execute("DELETE FROM meta WHERE key = 'schema_version'")
    return path


def _without_view(view: str):
    def make(tmp: Path) -> Path:
        path = _copy(tmp, f"no_{view}")
        with duckdb.connect(str(path)) as con:
            con.execute(f'DROP VIEW "{view}"')
        return path
    return make


def _random_bytes(tmp: Path) -> Path:
    path = tmp / "random.duckdb"
    path.write_bytes(random.Random(8).randbytes(REAL.stat().st_size))
    return path


def _truncated(keep: float):
    def make(tmp: Path) -> Path:
        path = tmp / f"truncated_{keep}.duckdb"
        data = REAL.read_bytes()
        path.write_bytes(data[:int(len(data) * keep)])
        return path
    return make


# case -> (how to make the file, what the message must say, the command it must offer)
CASES = {
    "missing": (lambda tmp: tmp / "missing.duckdb", "does not exist", "python -m lib.build"),
    "random_bytes": (_random_bytes, "corrupt or truncated", "python -m lib.build --force"),
    "truncated_half": (_truncated(0.5), "corrupt or truncated", "python -m lib.build --force"),
    "truncated_tail": (_truncated(0.999), "corrupt or truncated", "python -m lib.build --force"),
    "older_schema": (_older_schema, f"needs {SCHEMA_VERSION}", "python -m lib.build --force"),
    "no_schema_version": (_no_schema_version, "records no schema version", "python -m lib.build --force"),
    "no_contract_view": (_without_view("conflicts"), "lacks conflicts", "python -m lib.build --force"),
    "no_page_view": (_without_view("unicorns"), "lacks unicorns", "python -m lib.build --force"),
}


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("broken")
    return {case: make(tmp) for case, (make, _, _) in CASES.items()}


def page_text(at: AppTest) -> str:
    """Everything the page shows (every element of main area and sidebar, as its protobuf text)."""
    return "\n".join(str(node.proto) for block in (at.main, at.sidebar) for node in block
                     if getattr(node, "proto", None) is not None)


def _assert_clear_page(at: AppTest, says: str, command: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and says in errors[0], errors
    assert command in [c.value for c in at.code], "the page offers the command that fixes it, ready to copy"
    assert not at.get("plotly_chart"), "the page stops before drawing anything"
    text = page_text(at)
    for leak in LEAKS:
        assert leak not in text, f"the page shows {leak!r}"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("page_id", state.PAGES)
def test_every_page_explains_a_broken_warehouse(case, page_id, broken, monkeypatch):
    _, says, command = CASES[case]
    monkeypatch.setenv("INDICATORS_DB", str(broken[case]))
    at = AppTest.from_file(str(ROOT / "pages" / f"{page_id}.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    _assert_clear_page(at.run(), says, command)


# case -> (WarehouseError.reason, what the Chinese page must say, what its English message says instead)
CHINESE = {
    "missing": ("missing", ["missing.duckdb", "尚不存在", "make run"], "does not exist"),
    "random_bytes": ("unreadable", ["random.duckdb", "无法读取", "已损坏"], "corrupt or truncated"),
    "older_schema": ("old_schema", ["older.duckdb", f"结构版本为{SCHEMA_VERSION - 1}", f"需要版本{SCHEMA_VERSION}"],
                     "needs"),
    "no_schema_version": ("no_schema", ["unversioned.duckdb", "没有记录结构版本"], "records no schema version"),
    "no_page_view": ("missing_views", ["no_unicorns.duckdb", "缺少", "unicorns"], "lacks"),
}


@pytest.mark.parametrize("case", CHINESE)
def test_chinese_page_explains_it_too(case, broken, monkeypatch):
    reason, says, english = CHINESE[case]
    monkeypatch.setenv("INDICATORS_DB", str(broken[case]))
    with pytest.raises(WarehouseError) as caught:
        queries.check_warehouse()
    assert caught.value.reason == reason and english in str(caught.value), "logs and the CLI keep the English text"
    at = AppTest.from_file(str(ROOT / "pages" / "rd.py"), default_timeout=60)
    at.query_params["lang"] = "zh"
    at.run()
    _assert_clear_page(at, "指标数据库暂不可用", CASES[case][2])
    heading, body = at.error[0].value.split("\n", 1)
    assert "指标数据库" in heading
    for words in says:
        assert words in body, f"the Chinese message lacks {words!r}: {body}"
    assert english not in body and "warehouse" not in body, f"English in the Chinese message: {body}"
    assert "none" not in body.lower() and "None" not in body, f"a missing value printed: {body}"


# Random bytes are not among them: nothing proves the build wrote them (tests/pages/test_robust_ownership.py).
@pytest.mark.parametrize("case", ["missing", "truncated_half", "older_schema", "no_schema_version", "no_page_view"])
def test_app_rebuilds_a_missing_or_broken_warehouse(case, tmp_path, monkeypatch):
    target = tmp_path / "warehouse.duckdb"
    made = CASES[case][0](tmp_path)
    if made.exists():
        shutil.move(made, target)
    monkeypatch.setenv("INDICATORS_DB", str(target))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.get("plotly_chart"), "the first page drew its charts from the rebuilt warehouse"
    queries.check_warehouse()  # the file on disk is whole again


def test_app_says_how_when_the_build_fails(tmp_path, monkeypatch):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("INDICATORS_DB", str(blocker / "warehouse.duckdb"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error, "the failed build is shown as an error"
    codes = [c.value for c in at.code]
    assert "python -m lib.build" in codes
    assert any("not_a_folder" in c and "cannot write" in c for c in codes), "the problem names the folder"
    text = page_text(at)
    for leak in LEAKS:
        assert leak not in text, f"the page shows {leak!r}"


def test_a_rebuilt_file_is_read_afresh(tmp_path, monkeypatch):
    """The server keeps running while `python -m lib.build` replaces the file: the next query reads the new one."""
    live = _copy(tmp_path, "live")
    monkeypatch.setenv("INDICATORS_DB", str(live))
    sql = "SELECT count(*) AS n FROM mentions WHERE file_name = ?"
    first_file = queries.run("SELECT min(file_name) AS f FROM mentions")["f"].iloc[0]
    before = int(queries.run(sql, (first_file,))["n"].iloc[0])
    assert before > 0
    replacement = _copy(tmp_path, "replacement")
    with duckdb.connect(str(replacement)) as con:
        con.execute("DELETE FROM _mentions WHERE file_name = ?", [first_file])
    replacement.replace(live)  # what the build's atomic rename does
    assert int(queries.run(sql, (first_file,))["n"].iloc[0]) == 0
    queries.check_warehouse()


def test_a_file_that_breaks_after_opening_is_caught_on_the_next_check(tmp_path, monkeypatch):
    live = _copy(tmp_path, "live")
    monkeypatch.setenv("INDICATORS_DB", str(live))
    queries.check_warehouse()
    _truncated(0.5)(tmp_path).replace(live)
    with pytest.raises(WarehouseError, match="corrupt or truncated"):
        queries.check_warehouse()


def test_messages_never_show_the_servers_folders():
    assert without_paths(f"cannot read {ROOT}/data/warehouse.duckdb.") == "cannot read data/warehouse.duckdb."
    assert without_paths("/srv/secret/dir/w.duckdb: cannot write") == "…/w.duckdb: cannot write"
    assert without_paths('IO Error: "/tmp/x/a b.duckdb"') == 'IO Error: "…/a b.duckdb"'
    for kept in ("see https://data.worldbank.org/indicator/GB.XPD.RSDV.GD.ZS", "1/2 and and/or", "data/x.csv"):
        assert without_paths(kept) == kept
