"""Where the project's inputs and the built warehouse live."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = ROOT / "data"
CATALOG_DIR = DATA_DIR / "catalog"
EXTERNAL_DIR = DATA_DIR / "external"
DOCUMENTS_DIR = DATA_DIR / "documents"  # documents users add: read by the build like the seeds, no catalog entry
CACHE_DIR = DATA_DIR / "cache"  # extraction results keyed by content hash; git-ignored, never a build input


def warehouse_path() -> Path:
    """The DuckDB file named by env INDICATORS_DB (default data/warehouse.duckdb), symlinks followed to the file they
    name, so the build replaces that file (the link stays) and the ownership check (lib/warehouse/owner.py) judges it.

    Raises WarehouseError (reason symlink_loop) when the links never reach a file."""
    configured = os.environ.get("INDICATORS_DB")
    path = Path(configured).expanduser() if configured else DATA_DIR / "warehouse.duckdb"
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:  # RuntimeError: Python 3.11's "Symlink loop"; OSError: ELOOP on 3.13
        from lib.errors import WarehouseError  # lib.errors imports this module

        raise WarehouseError("symlink_loop", file=path.name) from exc


def documents_dir() -> Path:
    """The folder of documents users add: env INDICATORS_DOCUMENTS (tests, a shared drive) or data/documents/."""
    configured = os.environ.get("INDICATORS_DOCUMENTS")
    return Path(configured).expanduser().resolve() if configured else DOCUMENTS_DIR


def build_inputs() -> list[Path]:
    """Every file whose change makes the warehouse stale."""
    inputs = sorted(SEEDS_DIR.glob("*.txt"))
    inputs += sorted(CATALOG_DIR.rglob("*.yaml"))
    inputs += sorted(EXTERNAL_DIR.rglob("*.csv"))
    inputs += sorted(p for p in documents_dir().glob("*") if p.is_file() and not p.name.startswith("."))
    # Only build-time code changes what the warehouse holds: editing a chart colour in lib/ui must not make it stale.
    inputs += sorted((ROOT / "lib" / "warehouse").rglob("*.py"))
    inputs += [ROOT / "lib" / "contract.py"]
    return inputs
