"""The one query layer: the warehouse attached read-only once per file version, per-thread cursors, cached queries.

Pages never open files or write to the database. Every query goes through `run`, with bound parameters
(never string formatting), and returns a pandas DataFrame that callers must treat as read-only.
Topic modules (`lib/queries/rd.py`, ...) hold the named queries.
"""
from __future__ import annotations

import functools
import hashlib
import json
import pickle
import threading
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from lib.errors import WarehouseError
from lib.paths import warehouse_path
from lib.contract import REQUIRED_VIEWS, SCHEMA_VERSION

_ALIAS = "warehouse"

_local = threading.local()


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.exists():
        raise WarehouseError("missing", file=path.name)
    # A fresh in-memory database with the file attached: duckdb.connect(path) would hand back its cached
    # instance of a file that a rebuild has since replaced, and keep serving the old data.
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH ? AS {_ALIAS} (READ_ONLY)", [str(path)])
        con.execute(f"USE {_ALIAS}")
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema_version") == str(SCHEMA_VERSION):
            _read_everything(con)
    except duckdb.Error as exc:
        con.close()
        raise WarehouseError("unreadable", file=path.name, error=type(exc).__name__) from exc
    if "schema_version" not in meta:
        con.close()
        raise WarehouseError("no_schema", file=path.name)
    if meta["schema_version"] != str(SCHEMA_VERSION):
        con.close()
        raise WarehouseError("old_schema", file=path.name, found=meta["schema_version"], needed=SCHEMA_VERSION)
    return con


def _read_everything(con: duckdb.DuckDBPyConnection) -> None:
    # DuckDB reads blocks lazily, so a truncated or damaged file opens fine and fails halfway through a page.
    # Hashing every column of every table reads (and checksums) every block once, when the file is opened.
    tables = con.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog = ? "
                         "AND table_type = 'BASE TABLE'", [_ALIAS]).fetchall()
    for (table,) in tables:
        con.execute(f'SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM "{table}"').fetchall()


@st.cache_resource(show_spinner=False, max_entries=4)
def _shared_connection(path_str: str, mtime_ns: int) -> duckdb.DuckDBPyConnection:
    # mtime in the key: a rebuilt warehouse gets a fresh connection instead of a stale one.
    return _open(Path(path_str))


def _file_version(path: Path) -> tuple[str, int]:
    try:
        return str(path), path.stat().st_mtime_ns
    except OSError:  # missing, or a file where a folder of its path should be: _open explains
        return str(path), 0


def connection() -> duckdb.DuckDBPyConnection:
    """The process-wide read-only connection (re-opened when the file is rebuilt)."""
    return _shared_connection(*_file_version(warehouse_path()))


def _cursor() -> duckdb.DuckDBPyConnection:
    # DuckDB connections are not safe to share between threads; cursors are. One cursor per thread.
    con = connection()
    cached = getattr(_local, "cursor", None)
    if cached is None or cached[0] is not con:
        cursor = con.cursor()
        cursor.execute(f"USE {_ALIAS}")  # a cursor starts in the in-memory database, not the attached file
        _local.cursor = (con, cursor)
    return _local.cursor[1]


@st.cache_data(show_spinner=False, max_entries=512)
def _run_cached(sql: str, params: tuple, warehouse_key: tuple) -> pd.DataFrame:
    return _cursor().execute(sql, list(params)).df()


def run(sql: str, params: tuple | list = ()) -> pd.DataFrame:
    """Run a read-only query with bound parameters; results are cached per warehouse file version."""
    key = _file_version(warehouse_path())
    _shared_connection(*key)  # raises WarehouseError with a clear message when the file is unusable
    # Keyword arguments: for each positional one Streamlit's cache looks up the parameter name with
    # inspect.signature, ~0.1 ms a time, on every call of every query of every rerun.
    return _run_cached(sql=sql, params=tuple(params), warehouse_key=key)


_DERIVED: dict[str, Callable[..., object]] = {}


def frame_digest(frame: pd.DataFrame) -> bytes:
    """A cache key for a data frame argument: the digest of its pickle (values, dtypes, index and column order).

    Streamlit's own hashing of a frame (pandas' hash_pandas_object) took ~4 ms for the 1,167 unicorns drawn, ten
    times this, on every rerun of every cached call that takes it. Two equal frames pickled differently only cost a
    cache miss, never a wrong hit."""
    return hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=16).digest()


FRAME_HASH = {pd.DataFrame: frame_digest}  # hash_funcs for st.cache_data / st.cache_resource


def derived(fn: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    """Cache a named query that reshapes `run` results in pandas, per warehouse file version like `run` itself.

    Its arguments are hashed by Streamlit (str, numbers, tuples; data frames by `frame_digest`) and its result is
    read-only, as with `run`.
    """
    name = f"{fn.__module__}.{fn.__qualname__}"
    _DERIVED[name] = fn

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return _derived_cached(name=name, warehouse_key=_file_version(warehouse_path()), args=args,
                               kwargs=tuple(sorted(kwargs.items())))  # keywords: see `run`

    return wrapper


@st.cache_data(show_spinner=False, max_entries=512, hash_funcs=FRAME_HASH)
def _derived_cached(name: str, warehouse_key: tuple, args: tuple, kwargs: tuple) -> pd.DataFrame:
    return _DERIVED[name](*args, **dict(kwargs))


def check_warehouse() -> None:
    """Raise WarehouseError unless the warehouse exists, reads whole, has this schema version and every view:
    the contract's and every other one the build wrote (meta row_counts names them), which pages also read."""
    names = set(run("SELECT table_name FROM information_schema.tables WHERE table_catalog = ?", (_ALIAS,))
                ["table_name"])
    counts = run("SELECT value FROM meta WHERE key = 'row_counts'")["value"]
    try:
        built = list(json.loads(counts.iloc[0])) if len(counts) else []
    except (ValueError, TypeError):  # an unreadable note is no reason to refuse a file whose views are all there
        built = []
    missing = [v for v in dict.fromkeys([*REQUIRED_VIEWS, *built]) if v not in names]
    if missing:
        raise WarehouseError("missing_views", file=warehouse_path().name, views=", ".join(missing))
