"""The one query layer: a single cached read-only DuckDB connection, per-thread cursors, cached named queries.

Pages never open files or write to the database. Every query goes through `run`, with bound parameters
(never string formatting), and returns a pandas DataFrame that callers must treat as read-only.
Topic modules (`lib/queries/rd.py`, ...) hold the named queries.
"""
from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from lib.errors import WarehouseError
from lib.paths import SCHEMA_VERSION, warehouse_path

REQUIRED_VIEWS = ("documents", "mentions", "indicators", "observations", "sources", "chain_gaps", "conflicts")

_local = threading.local()


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.exists():
        raise WarehouseError(
            f"The indicator warehouse {path.name} does not exist yet. Build it with `python -m lib.build` "
            "(or `make run`, which builds it when needed)."
        )
    try:
        con = duckdb.connect(str(path), read_only=True)
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.Error as exc:
        raise WarehouseError(
            f"The indicator warehouse {path.name} cannot be read ({type(exc).__name__}); it may be corrupt or "
            "truncated. Rebuild it with `python -m lib.build --force`."
        ) from exc
    if version is None or int(version[0]) != SCHEMA_VERSION:
        con.close()
        found = version[0] if version else "none"
        raise WarehouseError(
            f"The indicator warehouse {path.name} has schema version {found}, this dashboard needs "
            f"{SCHEMA_VERSION}. Rebuild it with `python -m lib.build --force`."
        )
    return con


@st.cache_resource(show_spinner=False)
def _shared_connection(path_str: str, mtime_ns: int) -> duckdb.DuckDBPyConnection:
    # mtime in the key: a rebuilt warehouse gets a fresh connection instead of a stale one.
    return _open(Path(path_str))


def connection() -> duckdb.DuckDBPyConnection:
    """The process-wide read-only connection (re-opened when the file is rebuilt)."""
    path = warehouse_path()
    mtime = path.stat().st_mtime_ns if path.exists() else 0
    return _shared_connection(str(path), mtime)


def _cursor() -> duckdb.DuckDBPyConnection:
    # DuckDB connections are not safe to share between threads; cursors are. One cursor per thread.
    con = connection()
    cached = getattr(_local, "cursor", None)
    if cached is None or cached[0] is not con:
        _local.cursor = (con, con.cursor())
    return _local.cursor[1]


@st.cache_data(show_spinner=False, max_entries=512)
def _run_cached(sql: str, params: tuple, warehouse_key: tuple) -> pd.DataFrame:
    return _cursor().execute(sql, list(params)).df()


def run(sql: str, params: tuple | list = ()) -> pd.DataFrame:
    """Run a read-only query with bound parameters; results are cached per warehouse file version."""
    path = warehouse_path()
    key = (str(path), path.stat().st_mtime_ns if path.exists() else 0)
    connection()  # raises WarehouseError with a clear message when the file is unusable
    return _run_cached(sql, tuple(params), key)


def check_warehouse() -> None:
    """Raise WarehouseError unless the warehouse exists, opens, has the right schema and all views."""
    names = set(run("SELECT table_name FROM information_schema.tables")["table_name"])
    missing = [v for v in REQUIRED_VIEWS if v not in names]
    if missing:
        raise WarehouseError(
            f"The indicator warehouse lacks {', '.join(missing)}. Rebuild it with `python -m lib.build --force`."
        )
