"""A warehouse that cannot be written gets advice that fits the cause (issue 17.6): a full disk, a read-only drive, a
file where a folder should be. The full and read-only drives are real tmpfs mounts (root, as in CI)."""
from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import pytest

from lib.errors import BuildError
from lib.warehouse import build


@contextlib.contextmanager
def _mounted(folder: Path, options: str):
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                                           capture_output=True).returncode:
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.fixture(scope="module")
def tables():
    return build.collect()


def _advice(tables, target: Path) -> tuple[str, str]:
    with pytest.raises(BuildError) as caught:
        build.write(tables, target)
    [problem] = caught.value.problems
    assert "cannot write the warehouse" in problem.problem
    return problem.problem, problem.fix


def test_a_full_drive_asks_for_disk_space(tables, tmp_path):
    with _mounted(tmp_path / "full", "size=256k") as folder:
        problem, fix = _advice(tables, folder / "warehouse.duckdb")
        assert list(folder.iterdir()) == [], "the half-written temporary file is removed"
    assert "Free disk space" in fix, (problem, fix)


def test_a_read_only_drive_says_so(tables, tmp_path):
    with _mounted(tmp_path / "ro", "ro,size=1m") as folder:
        problem, fix = _advice(tables, folder / "warehouse.duckdb")
    assert "read-only" in fix and "disk space" not in fix, (problem, fix)


def test_a_file_where_the_folder_should_be_says_so(tables, tmp_path):
    (tmp_path / "reports").write_text("a file, not a folder")
    problem, fix = _advice(tables, tmp_path / "reports" / "warehouse.duckdb")
    assert "A file stands where a folder" in fix and "disk space" not in fix, (problem, fix)
    assert (tmp_path / "reports").read_text() == "a file, not a folder"
