"""Fixtures shared by the page tests: the built warehouse opened read-only and the seed documents' lines."""
from __future__ import annotations

import duckdb
import pytest

from lib.paths import SEEDS_DIR, warehouse_path


@pytest.fixture(scope="module")
def db():
    """The warehouse the pages read (built by `make test` before pytest starts), opened read-only. Per module: a
    test that goes through app.py rebuilds a stale warehouse, and a connection opened before would read the old one."""
    with duckdb.connect(str(warehouse_path()), read_only=True) as connection:
        yield connection


@pytest.fixture(scope="module")
def con(db):
    return db


@pytest.fixture(scope="session")
def seed_lines() -> dict[str, list[str]]:
    """Each seed file's lines (index 0 is line 1), read from the files, not from the warehouse."""
    return {p.name: p.read_text(encoding="utf-8").split("\n") for p in SEEDS_DIR.glob("*.txt")}
