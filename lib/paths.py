"""Where the project's inputs and the built warehouse live."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = ROOT / "data"
CATALOG_DIR = DATA_DIR / "catalog"
EXTERNAL_DIR = DATA_DIR / "external"


def warehouse_path() -> Path:
    """The DuckDB file named by env INDICATORS_DB (default data/warehouse.duckdb)."""
    configured = os.environ.get("INDICATORS_DB")
    return Path(configured).expanduser().resolve() if configured else DATA_DIR / "warehouse.duckdb"


def build_inputs() -> list[Path]:
    """Every file whose change makes the warehouse stale."""
    inputs = sorted(SEEDS_DIR.glob("*.txt"))
    inputs += sorted(CATALOG_DIR.rglob("*.yaml"))
    inputs += sorted(EXTERNAL_DIR.rglob("*.csv"))
    # Only build-time code changes what the warehouse holds: editing a chart colour in lib/ui must not make it stale.
    inputs += sorted((ROOT / "lib" / "warehouse").rglob("*.py"))
    inputs += [ROOT / "lib" / "contract.py"]
    return inputs
