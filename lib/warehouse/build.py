"""The build step: seeds/ + data/ -> one DuckDB warehouse file, written atomically (`python -m lib.build`).

Never imports Streamlit. Builds into a temporary file next to the target and renames it over the old one only
when everything succeeded, so a failed build leaves the previous warehouse untouched.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd

from lib.warehouse import catalog, owner
from lib.errors import BuildError, Problem
from lib.warehouse.extract import Mention, extract_document, read_document
from lib.paths import CATALOG_DIR, EXTERNAL_DIR, ROOT, SEEDS_DIR, build_inputs, warehouse_path
from lib.contract import SCHEMA_VERSION

MENTION_COLUMNS = [
    "mention_id", "doc_id", "file_name", "line_no", "line_end", "char_start", "char_end", "quote", "raw", "value",
    "value_high", "unit", "measure", "qualifier", "year", "entity", "topic", "flags", "flag_reason", "context",
]
OBSERVATION_COLUMNS = [
    "indicator_id", "economy", "year", "period", "value", "value_high", "unit", "source_id", "mention_id",
    "entity", "qualifier", "note_en", "note_zh", "implausible", "kind",
]


def inputs_fingerprint() -> str:
    """Content hash of every build input (mtimes are unreliable after a git clone)."""
    digest = hashlib.sha256()
    for path in build_inputs():
        digest.update(str(path.relative_to(ROOT)).encode())
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


def _documents(seeds_dir: Path, catalog_dir: Path) -> tuple[pd.DataFrame, dict[str, list[str]], list[Mention]]:
    docs = catalog.load_yaml(catalog_dir / "documents.yaml")
    rules = catalog.load_yaml(catalog_dir / "plausibility.yaml")
    listed = {d["file_name"] for d in docs}
    present = {p.name for p in seeds_dir.glob("*.txt")}
    problems = [Problem(f"seeds/{name}", "the document listed in data/catalog/documents.yaml is missing",
                        "Restore it from ../shared/seeds (copy it unchanged).") for name in sorted(listed - present)]
    problems += [Problem(f"seeds/{name}", "this file is not listed in data/catalog/documents.yaml",
                         "Add an entry for it there, or remove the file if it was renamed.")
                 for name in sorted(present - listed)]
    checksums = catalog.load_yaml(catalog_dir / "seed_checksums.yaml")
    for name in sorted(listed & present):
        data = (seeds_dir / name).read_bytes()
        expected = checksums.get(name, {})
        if hashlib.sha256(data).hexdigest() != expected.get("sha256"):
            lines = data.count(b"\n") + 1
            problems.append(Problem(f"seeds/{name}", f"the file differs from the original copy ({lines} lines, "
                                    f"expected {expected.get('lines')}): it was edited, truncated or re-encoded",
                                    "Restore it unchanged from ../shared/seeds; line numbers in citations depend on it."))
    if problems:
        raise BuildError(problems)
    mentions: list[Mention] = []
    seed_lines: dict[str, list[str]] = {}
    for d in docs:
        path = seeds_dir / d["file_name"]
        seed_lines[d["file_name"]] = read_document(path).lines
        mentions += extract_document(path, str(d["doc_id"]), rules)
    frame = pd.DataFrame(docs)
    frame["doc_id"] = frame["doc_id"].astype(str)
    frame["source_id"] = "doc-" + frame["doc_id"]
    return frame, seed_lines, mentions


def _mention_frame(mentions: list[Mention]) -> pd.DataFrame:
    rows = []
    for m in mentions:
        row = {c: getattr(m, c, None) for c in MENTION_COLUMNS}
        row["flags"] = ",".join(m.flags) if m.flags else None
        row["flag_reason"] = m.implausible_reason
        rows.append(row)
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _document_observations(figures: list[dict]) -> pd.DataFrame:
    rows = []
    for f in figures:
        m: Mention = f["mention"]
        period = f.get("period")
        rows.append({
            "indicator_id": f["indicator"], "economy": f["economy"],
            "year": int(f["year"]) if f.get("year") is not None else (int(str(period)[-4:]) if period else None),
            "period": str(period) if period else (str(f["year"]) if f.get("year") is not None else None),
            "value": float(f["value"]),
            "value_high": float(f["value_high"]) if f.get("value_high") is not None else None,
            "unit": f["unit"], "source_id": f"doc-{m.doc_id}", "mention_id": m.mention_id,
            "entity": f.get("entity"), "qualifier": m.qualifier,
            "note_en": f.get("note_en"), "note_zh": f.get("note_zh"), "implausible": bool(f.get("implausible")),
            "kind": f.get("kind") or "actual",
        })
    return pd.DataFrame(rows, columns=OBSERVATION_COLUMNS)


def _conflicts(doc_obs: pd.DataFrame) -> pd.DataFrame:
    """Indicator/economy/entity/period stated with different values (in two documents or one document twice)."""
    rows = []
    keyed = doc_obs.assign(entity_key=doc_obs["entity"].fillna(""), period_key=doc_obs["period"].fillna(""))
    for (indicator, economy, entity, period), group in keyed.groupby(
            ["indicator_id", "economy", "entity_key", "period_key"], sort=True):
        values = sorted(set(zip(group["value"], group["value_high"].fillna(-1))))
        if len(values) < 2:
            continue
        lo, hi = group["value"].min(), group["value"].max()
        spread = (hi - lo) / abs(hi) * 100 if hi else 0.0
        rows.append({
            "indicator_id": indicator, "economy": economy, "entity": entity or None,
            "year": int(group["year"].iloc[0]) if pd.notna(group["year"].iloc[0]) else None,
            "period": period or None,
            "mention_ids": ",".join(group["mention_id"]),
            "values": "; ".join(f"{v:g}" for v in group["value"]),
            "files": ",".join(sorted(set(group["source_id"]))),
            "n_statements": len(group), "spread_percent": round(spread, 3),
            "kind": "rounding" if spread < 1 else "disagreement",
        })
    return pd.DataFrame(rows, columns=["indicator_id", "economy", "entity", "year", "period", "mention_ids",
                                       "values", "files", "n_statements", "spread_percent", "kind"])


def _document_sources(documents: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "source_id": documents["source_id"], "kind": "document", "title": documents["title_zh"],
        "publisher": documents["publisher"], "vintage": documents["published"].astype(str),
        "licence": "quoted for analysis and citation", "location": "seeds/" + documents["file_name"],
    })


def collect(seeds_dir: Path = SEEDS_DIR, catalog_dir: Path = CATALOG_DIR,
            external_dir: Path = EXTERNAL_DIR) -> dict[str, pd.DataFrame]:
    """Everything the warehouse holds, as DataFrames; raises BuildError on any bad input."""
    from lib.warehouse.chains import build_chain_tables
    from lib.warehouse.external import load_external

    problems: list[Problem] = []

    def attempt(step):
        try:
            return step()
        except BuildError as exc:
            problems.extend(exc.problems)
            return None

    docs = attempt(lambda: _documents(seeds_dir, catalog_dir))
    external = attempt(lambda: load_external(external_dir, catalog_dir / "external.yaml"))
    doc_indicators = attempt(lambda: catalog.load_indicators(catalog_dir / "document_indicators.yaml"))
    # The chain tables read the same seeds: only worth trying once the documents themselves are sound.
    chains = attempt(lambda: build_chain_tables(seeds_dir, catalog_dir / "chain_summaries.yaml")) if docs else None
    if problems:
        raise BuildError(problems)
    documents, seed_lines, mentions = docs
    ext_ind = external["indicators"]
    indicators = pd.concat([pd.DataFrame(doc_indicators).assign(origin="document"), ext_ind], ignore_index=True)
    # An id may be shared on purpose (003's unicorn counts and the recount of the list are one indicator), but
    # then both catalogs must mean the same quantity: the dataset entry's wording is kept, so the units must agree.
    doc_units = {e["indicator_id"]: e["unit"] for e in doc_indicators}
    clash = [(i, doc_units[i], u) for i, u in zip(ext_ind["indicator_id"], ext_ind["unit"]) if doc_units.get(i, u) != u]
    if clash:
        raise BuildError([Problem("data/catalog/document_indicators.yaml", f"indicator_id '{i}' has unit {a} here "
                                  f"but {b} in data/catalog/external.yaml", "Use one unit, or rename one of them.")
                          for i, a, b in clash])
    indicators = indicators.drop_duplicates("indicator_id", keep="last")
    by_line: dict[tuple[str, int], list[Mention]] = {}
    for m in mentions:
        by_line.setdefault((m.file_name, m.line_no), []).append(m)
    figures = catalog.resolve_figures(catalog_dir / "document_figures.yaml", by_line, seed_lines,
                                      set(indicators["indicator_id"]))
    doc_obs = _document_observations(figures)
    ext_obs = external["observations"].reindex(columns=OBSERVATION_COLUMNS)
    ext_obs["note_en"] = external["observations"].get("note")
    ext_obs["kind"] = "actual"
    observations = pd.concat([doc_obs, ext_obs], ignore_index=True)
    observations["year"] = observations["year"].astype("Int64")  # the contract says INTEGER
    sources = pd.concat([_document_sources(documents), external["sources"]], ignore_index=True)
    gaps, measures = chains
    document_lines = pd.DataFrame(
        [(name, no, text) for name, lines in seed_lines.items() for no, text in enumerate(lines, start=1)],
        columns=["file_name", "line_no", "text"])
    return {
        "document_lines": document_lines,
        "documents": documents, "mentions": _mention_frame(mentions), "indicators": indicators,
        "observations": observations, "sources": sources, "chain_gaps": gaps, "chain_measures": measures,
        "conflicts": _conflicts(doc_obs), "unicorns": external["unicorns"],
    }


def write(tables: dict[str, pd.DataFrame], target: Path) -> None:
    """Write all tables into a temporary DuckDB file, then atomically replace the target."""
    tmp = target.with_name(f"{target.name}.tmp{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        with duckdb.connect(str(tmp)) as con:
            for name, frame in tables.items():
                con.register("frame", frame)
                # Base tables carry a leading underscore; the contract's names are views over them.
                con.execute(f'CREATE TABLE "_{name}" AS SELECT * FROM frame')
                con.unregister("frame")
                con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM "_{name}"')
            meta = {owner.MARK_KEY: owner.MARK, "schema_version": str(SCHEMA_VERSION), "inputs": inputs_fingerprint(),
                    "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                    "row_counts": json.dumps({k: len(v) for k, v in tables.items()})}
            con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            con.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
            con.execute("CHECKPOINT")
        os.replace(tmp, target)
    except (OSError, duckdb.IOException) as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        raise BuildError(Problem(str(target.parent), f"cannot write the warehouse ({reason})",
                                 "Free disk space or make the folder writable, or set INDICATORS_DB to another path."))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def build(target: Path | None = None, **input_dirs: Path) -> dict:
    """Build the warehouse; returns row counts and timing. Raises BuildError naming every bad input.

    `input_dirs` (seeds_dir, catalog_dir, external_dir) let tests build from a corrupted copy of the inputs."""
    started = time.perf_counter()
    target = target or warehouse_path()
    tables = collect(**input_dirs)
    write(tables, target)
    return {"path": str(target), "seconds": round(time.perf_counter() - started, 3),
            "rows": {k: len(v) for k, v in tables.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the indicator warehouse (DuckDB) from seeds/ and data/.")
    parser.add_argument("--if-stale", action="store_true", help="build only if missing or older than its inputs")
    parser.add_argument("--force", action="store_true", help="build even if up to date")
    args = parser.parse_args(argv)
    target = warehouse_path()
    if args.if_stale and not args.force and not is_stale(target):
        print(f"Warehouse {target} is up to date.")
        return 0
    try:
        report = build(target)
    except BuildError as exc:
        print(str(exc), file=sys.stderr)
        print("The previous warehouse (if any) was left unchanged.", file=sys.stderr)
        return 1
    counts = ", ".join(f"{k} {v}" for k, v in report["rows"].items())
    print(f"Built {report['path']} in {report['seconds']} s: {counts}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
