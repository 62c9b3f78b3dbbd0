"""Is the warehouse fresh? The check the app makes on a session's first page, without the build's code: importing
lib.warehouse.build (the extractor, cn2an, the catalog's YAML) costs the server about 8 MB that only a build needs."""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from lib.contract import SCHEMA_VERSION
from lib.paths import ROOT, build_inputs, warehouse_path


def inputs_fingerprint() -> str:
    """Content hash of every build input (mtimes are unreliable after a git clone)."""
    digest = hashlib.sha256()
    for path in build_inputs():
        # Relative names, so a moved clone stays fresh; a documents folder elsewhere (INDICATORS_DOCUMENTS) by name.
        digest.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_stale(path: Path | None = None) -> bool:
    """True when the warehouse is missing, unreadable, of another schema, or older than its inputs."""
    path = path or warehouse_path()
    if not path.exists():
        return True
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    except duckdb.Error:
        return True
    return meta.get("schema_version") != str(SCHEMA_VERSION) or meta.get("inputs") != inputs_fingerprint()
