"""The app and `python -m lib.build` replace only a file the build wrote, or a path where nothing exists (issue 17.1).

INDICATORS_DB pointed at a text file, another DuckDB database, a device node, a pipe or random bytes: the file is
byte-for-byte as before and the page names it and says why it was left alone. A symlink loop is a message."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from lib import queries
from lib.paths import DATA_DIR, ROOT, warehouse_path
from lib.errors import WarehouseError
from tests.pages.test_robust_warehouse import fresh_caches  # noqa: F401 (autouse: each test opens its own file)

REAL = DATA_DIR / "warehouse.duckdb"


def _text_file(path: Path) -> None:
    path.write_text("Quarterly notes\nDo not lose me.\n", encoding="utf-8")


def _other_database(path: Path) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE budget AS SELECT 1 AS id, 'travel' AS item, 1200.5 AS amount")
        # A meta table of its own, with a schema_version, as many databases have: still not ours.
        con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
        con.execute("INSERT INTO meta VALUES ('schema_version', '1')")


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(50_000))


def _pipe(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    # A copy of /dev/null's device node (needs root, as in CI); reading or replacing it must never be tried.
    if os.geteuid() != 0:
        pytest.skip("mknod of a character device needs root")
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))


FOREIGN = {"text_file": (_text_file, "not a DuckDB database"), "other_duckdb": (_other_database, "did not write"),
           "random_bytes": (_random_bytes, "not a DuckDB database"), "pipe": (_pipe, "not a regular file"),
           "device_node": (_device, "not a regular file")}


def _snapshot(path: Path) -> tuple:
    info = path.lstat()
    content = path.read_bytes() if stat.S_ISREG(info.st_mode) else b""
    return info.st_mode, info.st_ino, info.st_size, content


def _run_app(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    return at.run()


@pytest.mark.parametrize("case", FOREIGN)
def test_app_leaves_a_file_it_did_not_write_alone(case, tmp_path, monkeypatch):
    make, why = FOREIGN[case]
    target = tmp_path / "mistyped.duckdb"
    make(target)
    before = _snapshot(target)
    monkeypatch.setenv("INDICATORS_DB", str(target))
    at = _run_app()
    assert not at.exception, [e.value for e in at.exception]
    assert _snapshot(target) == before, "the file is untouched"
    assert not list(tmp_path.glob("*.tmp*")), "no temporary build file is left behind"
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "left alone" in errors[0] and why in errors[0] and "mistyped.duckdb" in errors[0]
    assert "INDICATORS_DB" in "\n".join(m.value for m in at.markdown), "the page says which setting names it"
    assert any("mistyped.duckdb" in c.value for c in at.code), "the page names the path"
    assert not at.get("plotly_chart"), "no page runs on a file that is not a warehouse"


def test_chinese_page_says_it_too(tmp_path, monkeypatch):
    target = tmp_path / "notes.txt"
    _text_file(target)
    monkeypatch.setenv("INDICATORS_DB", str(target))
    at = _run_app("zh")
    assert not at.exception
    assert "未覆盖已有文件" in at.error[0].value and "notes.txt" in at.error[0].value
    assert target.read_text(encoding="utf-8").startswith("Quarterly notes")


def test_a_symlink_to_a_users_file_leaves_the_file_alone(tmp_path, monkeypatch):
    users = tmp_path / "thesis.txt"
    _text_file(users)
    link = tmp_path / "warehouse.duckdb"
    link.symlink_to(users)
    monkeypatch.setenv("INDICATORS_DB", str(link))
    at = _run_app()
    assert not at.exception
    assert users.read_text(encoding="utf-8").startswith("Quarterly notes") and link.is_symlink()
    assert "left alone" in at.error[0].value and "thesis.txt" in at.error[0].value


def test_a_symlink_to_an_old_warehouse_rebuilds_it_through_the_link(tmp_path, monkeypatch):
    real = tmp_path / "store" / "w.duckdb"
    real.parent.mkdir()
    shutil.copy(REAL, real)
    with duckdb.connect(str(real)) as con:
        con.execute("UPDATE meta SET value = 'an older fingerprint' WHERE key = 'inputs'")  # stale: must rebuild
    link = tmp_path / "warehouse.duckdb"
    link.symlink_to(real)
    monkeypatch.setenv("INDICATORS_DB", str(link))
    at = _run_app()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.get("plotly_chart")
    assert link.is_symlink() and link.resolve() == real.resolve(), "the link stays; the file it names is rebuilt"
    with duckdb.connect(str(real), read_only=True) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'inputs'").fetchone()[0] != "an older fingerprint"


def test_a_symlink_loop_is_a_message_not_a_crash(tmp_path, monkeypatch):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    a.symlink_to(b)
    b.symlink_to(a)
    monkeypatch.setenv("INDICATORS_DB", str(a))
    with pytest.raises(WarehouseError) as caught:
        warehouse_path()
    assert caught.value.reason == "symlink_loop" and "a.duckdb" in str(caught.value)
    at = _run_app()
    assert not at.exception, [e.value for e in at.exception]
    assert "leads back to itself" in at.error[0].value and "a.duckdb" in at.error[0].value
    assert "unset INDICATORS_DB" in [c.value for c in at.code]
    # A page opened on its own says the same, through the warehouse check.
    page = AppTest.from_file(str(ROOT / "pages" / "rd.py"), default_timeout=60)
    page.query_params["lang"] = "zh"
    page.run()
    assert not page.exception and "循环的符号链接" in page.error[0].value
    with pytest.raises(WarehouseError, match="leads back to itself"):
        queries.check_warehouse()


def _cli(*args: str, env_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "INDICATORS_DB": str(env_path)}
    return subprocess.run([sys.executable, "-m", "lib.build", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_command_line_refuses_too_unless_forced(tmp_path):
    target = tmp_path / "budget.duckdb"
    _other_database(target)
    before = _snapshot(target)
    for args in ((), ("--if-stale",)):
        done = _cli(*args, env_path=target)
        assert done.returncode == 1 and "Left alone" in done.stderr and "did not write" in done.stderr
        assert _snapshot(target) == before
    done = _cli("--force", env_path=target)  # the user says so: then it is replaced
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'written_by'").fetchone()


def test_the_build_marks_its_warehouse_and_a_marked_file_is_rebuilt(tmp_path, monkeypatch):
    target = tmp_path / "w.duckdb"
    shutil.copy(REAL, target)
    with duckdb.connect(str(target)) as con:
        con.execute("DELETE FROM meta WHERE key <> 'written_by'")  # only the mark is left: still ours
    monkeypatch.setenv("INDICATORS_DB", str(target))
    at = _run_app()
    assert not at.exception and not at.error, [e.value for e in at.error]
    queries.check_warehouse()
