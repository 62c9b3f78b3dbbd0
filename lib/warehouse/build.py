"""The build step: seeds/ + data/ -> one DuckDB warehouse file, written atomically (`python -m lib.build`).

Never imports Streamlit. Builds into a temporary file next to the target and renames it over the old one only
when everything succeeded, so a failed build leaves the previous warehouse untouched.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import pickle
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from lib.warehouse import catalog, documents, owner
from lib.warehouse.fresh import inputs_fingerprint, is_stale
from lib.errors import BuildError, Problem
from lib.warehouse.extract import SUBJECT_FLAGS, YEAR_FLAGS, Mention, extract_document, read_document, reference_date
from lib.warehouse.plausibility import check_rules, flag_implausible
from lib.paths import CACHE_DIR, CATALOG_DIR, EXTERNAL_DIR, ROOT, SEEDS_DIR, warehouse_path
from lib.paths import documents_dir as documents_dir_default
from lib.contract import SCHEMA_VERSION

Progress = Callable[[float, str], None]
# One build at a time per process: the app's start-up build and a rebuild after an upload share the temporary file.
BUILD_LOCK = threading.Lock()
MENTION_COLUMNS = [
    "mention_id", "doc_id", "file_name", "line_no", "line_end", "char_start", "char_end", "quote", "raw", "value",
    "value_high", "unit", "measure", "qualifier", "year", "entity", "topic", "flags", "flag_reason",
    "flag_reason_zh", "flag_rule", "context",
]
OBSERVATION_COLUMNS = [
    "indicator_id", "economy", "year", "period", "value", "value_high", "unit", "source_id", "mention_id",
    "entity", "qualifier", "note_en", "note_zh", "implausible", "kind", "binding", "rule_id",
]


class ExtractionCache:
    """Mentions of each document kept on disk, keyed by its content hash, its doc_id and the extractor's code:
    a document whose bytes did not change is not extracted again (`python -m lib.build` after adding one file
    extracts that file only)."""

    def __init__(self, directory: Path | None, rules: list[dict]):
        self.directory = directory
        code = hashlib.sha256()
        for path in sorted((ROOT / "lib" / "warehouse" / "extract").rglob("*.py")) + [
                ROOT / "lib" / "warehouse" / "documents.py"]:
            code.update(path.read_bytes())
        code.update(repr(rules).encode())
        self.salt = code.hexdigest()[:16]
        self.hits = self.misses = 0
        self.extracted_bytes = 0
        self.extract_seconds = 0.0
        self.keys: dict[str, str] = {}  # doc_id -> the key its mentions are cached under

    def mentions(self, text: documents.Text, doc_id: str, rules: list[dict], source: Path | None = None,
                 date: str | None = None, title: str | None = None) -> list[Mention]:
        key = hashlib.sha256(f"{self.salt}|{doc_id}|{text.sha256}|{date}|{title}".encode()).hexdigest()[:32]
        self.keys[doc_id] = key
        cached = self.directory / "mentions" / f"{key}.pkl" if self.directory else None
        found = _load(cached)
        if found is not None:  # a damaged or outdated entry is simply extracted again
            self.hits += 1
            return self._named(found, text.file_name)
        started = time.perf_counter()
        if source is None:  # a PDF, a Word file or a non-UTF-8 text: the extractor reads a UTF-8 copy of its lines
            source = self._text_copy(text)
        found = extract_document(source, doc_id, date, title)
        self.extract_seconds += time.perf_counter() - started
        self.extracted_bytes += text.size
        self.misses += 1
        if cached is not None:
            _store(cached, found)
        return self._named(found, text.file_name)

    def _text_copy(self, text: documents.Text) -> Path:
        for base in (self.directory, Path(tempfile.gettempdir())):  # a read-only project folder: the temp folder
            if base is None:
                continue
            try:
                folder = base / "text"
                folder.mkdir(parents=True, exist_ok=True)
                copy = folder / f"{text.sha256[:32]}.txt"
                copy.write_text("\n".join(text.lines), encoding="utf-8")
                return copy
            except OSError:
                continue
        raise BuildError(Problem(text.file_name, "no folder to write its text copy to",
                                 "Make data/cache/ or the temporary folder writable."))

    @staticmethod
    def _named(found: list[Mention], file_name: str) -> list[Mention]:
        for m in found:
            m.file_name = file_name  # the user's file name, whatever the extractor read
        return found


def _store(path: Path, value) -> None:
    """Pickle `value` to `path` atomically; a cache that cannot be written only costs time next build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
    except OSError:
        pass


def _load(path: Path | None):
    """What `_store` wrote at `path`, or None when it is missing, damaged or of older code."""
    if path is None or not path.exists():
        return None
    try:
        return pickle.loads(path.read_bytes())
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, OSError):
        return None


class BindingCache:
    """The rules' bindings of each document (catalog.bind_document), kept on disk under its extraction key, the
    rules and the binding code: after one document is added, only that document is bound (the rest of a
    500-document corpus took a second of CPU to bind again)."""

    def __init__(self, directory: Path | None, rules: list[dict], extraction_keys: dict[str, str]):
        self.directory = directory
        code = hashlib.sha256(repr(rules).encode())
        for path in ("lib/warehouse/catalog.py", "lib/warehouse/plausibility.py", "lib/contract.py"):
            code.update((ROOT / path).read_bytes())
        self.salt = code.hexdigest()[:16]
        self.rules = rules
        self.extraction_keys = extraction_keys
        self.hits = self.misses = 0

    def bind(self, doc_id: str, found: list[Mention], lines: list[str], published: str | None
             ) -> tuple[dict[str, dict], dict[str, str]]:
        key = hashlib.sha256(f"{self.salt}|{self.extraction_keys.get(doc_id)}|{published}".encode()).hexdigest()[:32]
        path = self.directory / "bindings" / f"{key}.pkl" if self.directory and doc_id in self.extraction_keys \
            else None
        cached = _load(path)
        by_id = {m.mention_id: m for m in found}
        if cached is not None and all(mention_id in by_id for mention_id in cached[0]):
            self.hits += 1
            automatic = {mention_id: {**b, "mention": by_id[mention_id]} for mention_id, b in cached[0].items()}
            return automatic, cached[1]
        self.misses += 1
        automatic, refused = catalog.bind_document(found, self.rules, lines, published)
        if path is not None:
            _store(path, ({i: {k: v for k, v in b.items() if k != "mention"} for i, b in automatic.items()}, refused))
        return automatic, refused


def _external(external_dir: Path, catalog_path: Path, cache: Path | None) -> dict[str, pd.DataFrame]:
    """The public datasets (lib/warehouse/external.py), kept on disk under the hash of their files, their catalog
    and the code reading them: they rarely change, and parsing them cost half a second of every rebuild."""
    from lib.warehouse.external import load_external

    digest = hashlib.sha256()
    for path in [catalog_path, ROOT / "lib" / "warehouse" / "external.py", ROOT / "lib" / "contract.py"] + sorted(
            p for p in Path(external_dir).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(external_dir) if path.is_relative_to(external_dir) else path.name).encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    cached = cache / "external" / f"{digest.hexdigest()[:32]}.pkl" if cache else None
    tables = _load(cached)
    if tables is None:
        tables = load_external(external_dir, catalog_path)  # a bad dataset raises here and is never cached
        if cached is not None:
            _store(cached, tables)
    return tables


def _seed_documents(seeds_dir: Path, catalog_dir: Path) -> tuple[pd.DataFrame, list[documents.Text]]:
    docs = catalog.load_yaml(catalog_dir / "documents.yaml")
    listed = {d["file_name"] for d in docs}
    present = {p.name for p in seeds_dir.glob("*.txt")}
    problems = [Problem(f"seeds/{name}", "the document listed in data/catalog/documents.yaml is missing",
                        "Restore it from ../shared/seeds (copy it unchanged).") for name in sorted(listed - present)]
    problems += [Problem(f"seeds/{name}", "this file is not listed in data/catalog/documents.yaml",
                         "Add an entry for it there, or remove the file if it was renamed (a document you "
                         "add goes into data/documents/ and needs no entry).")
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
    texts = []
    for d in docs:
        path = seeds_dir / d["file_name"]
        data = path.read_bytes()
        lines = read_document(path).lines
        texts.append(documents.Text(d["file_name"], hashlib.sha256(data).hexdigest(), "txt", "utf-8", len(data),
                                    lines, [None] * len(lines), [None] * len(lines)))
    frame = pd.DataFrame(docs)
    frame["doc_id"] = frame["doc_id"].astype(str)
    frame["origin"] = "seed"
    frame["location"] = "seeds/" + frame["file_name"]
    return frame, texts


def _added_documents(folder: Path, known: dict[str, str]) -> tuple[pd.DataFrame, list[documents.Text], list[Problem]]:
    """Every readable document of data/documents/ with its metadata; a bad one is left out and named with what
    to do (a scanned PDF must not stop the whole team's warehouse from updating). `known`: content hash -> name
    of the documents already read, so the same text under a second name is caught."""
    paths, problems = documents.scan(folder)
    rows, texts = [], []
    for path in paths:
        where = f"data/documents/{path.name}"
        try:
            text = documents.read(path)
            meta = documents.metadata(text, documents.read_sidecar(documents.sidecar_path(path)))
        except BuildError as exc:
            problems += [Problem(f"data/documents/{p.file}", p.problem, p.fix, p.line) for p in exc.problems]
            continue
        if text.sha256 in known:
            problems.append(Problem(where, f"has the same content as {known[text.sha256]}: the same document "
                                    "under two names", "Delete one of the two copies."))
            continue
        known[text.sha256] = where
        rows.append({"doc_id": documents.doc_id_for(text.sha256), "file_name": path.name, **meta,
                     "origin": "added", "location": where})
        texts.append(text)
    return pd.DataFrame(rows), texts, problems


def _documents(seeds_dir: Path, catalog_dir: Path, documents_dir: Path, cache: Path | None,
               progress: Progress | None = None
               ) -> tuple[pd.DataFrame, list[documents.Text], list[Mention], list[Problem], dict, dict[str, dict]]:
    """The documents, their texts and mentions, the documents refused, extraction figures, and the plausibility
    rule each implausible mention broke (lib/warehouse/plausibility.py)."""
    rules = catalog.load_yaml(catalog_dir / "plausibility.yaml")
    check_rules(rules, catalog_dir / "plausibility.yaml")
    seeds, seed_texts = _seed_documents(seeds_dir, catalog_dir)
    known = {t.sha256: f"seeds/{t.file_name}" for t in seed_texts}
    added, added_texts, problems = _added_documents(documents_dir, known)
    seed_names = set(seeds["file_name"])
    clash = [n for n in added.get("file_name", []) if n in seed_names]
    if clash:  # file_name identifies a document in mentions and citations: it must be unique
        problems += [Problem(f"data/documents/{n}", "has the same name as a seed document",
                             "Rename it.") for n in clash]
        keep = ~added["file_name"].isin(clash)
        added_texts = [t for t, k in zip(added_texts, keep) if k]
        added = added[keep]
    extraction = ExtractionCache(cache, rules)
    mentions: list[Mention] = []
    texts = seed_texts + added_texts
    ids = list(seeds["doc_id"]) + list(added.get("doc_id", []))
    # Each document's published date resolves its 目前/今年/去年 (lib/warehouse/extract reference_date); its
    # title may state the period it reports on (2015年…统计公报).
    dates = [reference_date(p, i) for p, i in zip(list(seeds["published"]) + list(added.get("published", [])),
                                                   list(seeds.get("inferred", [None] * len(seeds)))
                                                   + list(added.get("inferred", [None] * len(added))))]
    titles = [t if isinstance(t, str) else None for t in list(seeds["title_zh"]) + list(added.get("title_zh", []))]
    failed: set[str] = set()
    for n, (text, doc_id, date, title) in enumerate(zip(texts, ids, dates, titles)):
        if progress:
            progress(0.8 * n / len(texts), text.file_name)
        source = seeds_dir / text.file_name if doc_id in set(seeds["doc_id"]) else None
        try:
            mentions += extraction.mentions(text, doc_id, rules, source, date, title)
        except Exception as exc:  # an extractor bug on one added text must not stop the team's warehouse
            if source is not None:
                raise  # a seed: the build's own tests must catch it
            failed.add(doc_id)
            extraction.keys.pop(doc_id, None)
            problems.append(Problem(f"data/documents/{text.file_name}",
                                    f"the extractor failed on this document ({type(exc).__name__}: {exc})",
                                    "It is left out and the other documents are read; send the file and this "
                                    "message to the maintainers."))
    if failed:  # nothing of a document the extractor could not finish is written: no half-read text
        keep = ~added["doc_id"].isin(failed)
        added_texts = [t for t, k in zip(added_texts, keep) if k]
        added = added[keep]
        texts = seed_texts + added_texts
    broken_rules = flag_implausible(mentions, rules)  # after the cache: cached mentions are extracted, not judged
    frame = pd.concat([seeds, added], ignore_index=True) if len(added) else seeds
    for column in ("title_zh", "title_en", "publisher", "publisher_zh", "published", "language", "url", "inferred"):
        if column not in frame:
            frame[column] = None
        frame[column] = frame[column].astype("string")  # all-NULL columns stay text, not INTEGER
    # A document added by a user names its publisher in its own words only: the same words on Chinese pages.
    frame["publisher_zh"] = frame["publisher_zh"].fillna(frame["publisher"])
    by_name = {t.file_name: t for t in texts}
    frame["format"] = [by_name[n].format for n in frame["file_name"]]
    frame["encoding"] = [by_name[n].encoding for n in frame["file_name"]]
    frame["sha256"] = [by_name[n].sha256 for n in frame["file_name"]]
    frame["size_bytes"] = [by_name[n].size for n in frame["file_name"]]
    frame["pages"] = pd.array([by_name[n].pages for n in frame["file_name"]], dtype="Int64")
    frame["line_count"] = [len(by_name[n].lines) for n in frame["file_name"]]
    frame["source_id"] = "doc-" + frame["doc_id"]
    stats = {"documents": len(texts), "extracted": extraction.misses, "from_cache": extraction.hits,
             "keys": extraction.keys,
             "extracted_bytes": extraction.extracted_bytes, "extract_seconds": round(extraction.extract_seconds, 3)}
    return frame, texts, mentions, problems, stats, broken_rules


def _mention_frame(mentions: list[Mention], broken_rules: dict[str, dict]) -> pd.DataFrame:
    # Column by column: a dict per mention cost a third of a second at 500 documents.
    columns = {c: [getattr(m, c, None) for m in mentions] for c in MENTION_COLUMNS}
    columns["flags"] = [",".join(m.flags) if m.flags else None for m in mentions]
    rules = [broken_rules.get(m.mention_id, {}) for m in mentions]
    for column, key in (("flag_reason", "reason_en"), ("flag_reason_zh", "reason_zh"), ("flag_rule", "rule")):
        columns[column] = [rule.get(key) for rule in rules]
    return pd.DataFrame(columns, columns=MENTION_COLUMNS)


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
            "kind": f.get("kind") or "actual", "binding": f["binding"], "rule_id": f.get("rule_id"),
        })
    return pd.DataFrame(rows, columns=OBSERVATION_COLUMNS)


CONFLICT_COLUMNS = ["indicator_id", "economy", "entity", "year", "period", "mention_ids", "values", "files",
                    "n_statements", "spread_percent", "kind", "defect_mention_id", "likely_value", "note_en", "note_zh"]


def _consistent(a: tuple[float, str | None], b: tuple[float, str | None]) -> bool:
    """Two statements that say the same within rounding (1%) or within each other's bound (超过 A vs exactly B)."""
    (x, qx), (y, qy) = a, b
    if abs(x - y) <= 0.01 * max(abs(x), abs(y)):
        return True
    return (qx == ">" and y >= x) or (qy == ">" and x >= y) or (qx == "<" and y <= x) or (qy == "<" and x <= y)


def _decades_apart(x: float, y: float) -> int:
    """k when x and y differ by a factor 10^k (k >= 1) to within 2%: a lost superscript or a wrong magnitude."""
    if x <= 0 or y <= 0:
        return 0
    ratio = math.log10(max(x, y) / min(x, y))
    k = round(ratio)
    return k if k >= 1 and abs(ratio - k) < math.log10(1.02) else 0


def _conflicts(doc_obs: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator/economy/entity/year that documents (any of them, seeds or added) state with different
    values, with its kind: `rounding` (the same within 1% or within a stated bound), `likely defect` (values 10^k
    apart: the flagged or lone outlier is named with its likely value), `different date` (the statements are
    for different periods ending that year, so not a conflict but shown) or `disagreement`."""
    rows = []
    # Plain Python over the records: only the few keys stated more than once become groups (pandas' groupby
    # with a per-group frame cost seconds at 500 documents).
    records = doc_obs.to_dict("records")
    keys: dict[tuple, list[int]] = {}
    for n, r in enumerate(records):
        year = r["year"] if pd.notna(r["year"]) else -1
        entity = r["entity"] if isinstance(r["entity"], str) else ""
        keys.setdefault((r["indicator_id"], r["economy"], entity, year), []).append(n)
    for (indicator, economy, entity, year), members in sorted(keys.items(), key=lambda kv: str(kv[0])):
        if len({records[n]["value"] for n in members}) < 2:
            continue
        group = doc_obs.iloc[members]
        statements = [(records[n]["value"], records[n]["qualifier"] if isinstance(records[n]["qualifier"], str)
                       else None) for n in members]
        lo, hi = group["value"].min(), group["value"].max()
        spread = (hi - lo) / abs(hi) * 100 if hi else 0.0
        periods = set(group["period"].fillna(""))
        defect, likely, note_en, note_zh = None, None, None, None
        pairs = [(i, j) for i in range(len(statements)) for j in range(i + 1, len(statements))]
        decades = {(i, j): _decades_apart(statements[i][0], statements[j][0]) for i, j in pairs}
        if any(decades.values()):
            kind = "likely defect"
            i, j = next(p for p, k in decades.items() if k)
            flagged = [n for n in (i, j) if group["implausible"].iloc[n]]
            odd = flagged[0] if flagged else (i if group["value"].iloc[i] > group["value"].iloc[j] else j)
            other = j if odd == i else i
            defect = group["mention_id"].iloc[odd]
            shift = 10 ** decades[(i, j)]
            odd_value, other_value = float(group["value"].iloc[odd]), float(group["value"].iloc[other])
            likely = odd_value / shift if odd_value > other_value else odd_value * shift
            other_id = group["mention_id"].iloc[other]
            note_en = (f"{defect} states {odd_value:g}, 10^{decades[(i, j)]} times {other_id} ({other_value:g}): "
                       f"most likely {likely:g} (a lost superscript or magnitude)")
            note_zh = (f"{defect} 为 {odd_value:g}，是 {other_id}（{other_value:g}）的10^{decades[(i, j)]}倍："
                       f"很可能应为 {likely:g}（上标或数量级丢失）")
        elif len(periods) > 1:
            kind = "different date"
        elif all(_consistent(statements[i], statements[j]) for i, j in pairs):
            kind = "rounding"
        else:
            kind = "disagreement"
        rows.append({
            "indicator_id": indicator, "economy": economy, "entity": entity or None,
            "year": int(year) if year != -1 else None, "period": ",".join(sorted(p for p in periods if p)) or None,
            "mention_ids": ",".join(group["mention_id"]),
            "values": "; ".join(f"{v:g}" for v in group["value"]),
            "files": ",".join(sorted(set(group["source_id"]))),
            "n_statements": len(group), "spread_percent": round(spread, 3), "kind": kind,
            "defect_mention_id": defect, "likely_value": likely, "note_en": note_en, "note_zh": note_zh,
        })
    frame = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def _document_sources(docs: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "source_id": docs["source_id"], "kind": "document", "title": docs["title_zh"].fillna(docs["title_en"]),
        "publisher": docs["publisher"], "vintage": docs["published"].astype(str),
        "licence": "quoted for analysis and citation", "title_zh": docs["title_zh"].fillna(docs["title_en"]),
        "publisher_zh": docs["publisher_zh"], "vintage_zh": docs["published"].astype(str),
        "licence_zh": "为分析和引用而摘录", "location": docs["location"],
    })


def _document_lines(texts: list[documents.Text], docs: pd.DataFrame) -> pd.DataFrame:
    ids = dict(zip(docs["file_name"], docs["doc_id"]))
    frame = pd.DataFrame({
        "doc_id": [ids[t.file_name] for t in texts for _ in t.lines],
        "file_name": [t.file_name for t in texts for _ in t.lines],
        "line_no": [no for t in texts for no in range(1, len(t.lines) + 1)],
        "text": [line for t in texts for line in t.lines],
        "page": pd.array([p for t in texts for p in t.page], dtype="Int64"),
        "page_line": pd.array([p for t in texts for p in t.page_line], dtype="Int64"),
    })
    return frame


def collect(seeds_dir: Path = SEEDS_DIR, catalog_dir: Path = CATALOG_DIR, external_dir: Path = EXTERNAL_DIR,
            documents_dir: Path | None = None, cache_dir: Path | None = CACHE_DIR,
            stats: dict | None = None, progress: Progress | None = None) -> dict[str, pd.DataFrame]:
    """Everything the warehouse holds, as DataFrames; raises BuildError on any bad input of the project itself
    (seeds, catalog, datasets). A bad document in data/documents/ is left out and listed in `document_problems`.
    `stats` (optional) receives the extraction figures: documents, extracted, from_cache, bytes, seconds;
    `progress(fraction, file_name)` is told as each document is read."""
    from lib.warehouse.chains import build_chain_tables
    problems: list[Problem] = []

    def attempt(step):
        try:
            return step()
        except BuildError as exc:
            problems.extend(exc.problems)
            return None

    docs = attempt(lambda: _documents(seeds_dir, catalog_dir, documents_dir or documents_dir_default(), cache_dir,
                                      progress))
    external = attempt(lambda: _external(external_dir, catalog_dir / "external.yaml", cache_dir))
    doc_indicators = attempt(lambda: catalog.load_indicators(catalog_dir / "document_indicators.yaml"))
    # The chain tables read the same seeds: only worth trying once the documents themselves are sound.
    chains = attempt(lambda: build_chain_tables(seeds_dir, catalog_dir / "chain_summaries.yaml")) if docs else None
    if problems:
        raise BuildError(problems)
    doc_frame, texts, mentions, rejected, extraction, broken_rules = docs
    extraction_keys = extraction.pop("keys")
    ext_ind = external["indicators"]
    indicator_rows = [{k: v for k, v in e.items() if k != "bind"} for e in doc_indicators]
    indicators = pd.concat([pd.DataFrame(indicator_rows).assign(origin="document"), ext_ind], ignore_index=True)
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
    lines = {t.file_name: t.lines for t in texts}
    figures = catalog.resolve_figures(catalog_dir / "document_figures.yaml", by_line, lines,
                                      set(indicators["indicator_id"]))
    published = {f: (p if isinstance(p, str) else None) for f, p in zip(doc_frame["file_name"], doc_frame["published"])}
    # The rules bind each document on its own, so a document bound before (same text, rules, code, date) comes
    # from the cache: adding one document to 500 binds one.
    binding = BindingCache(cache_dir, catalog.load_rules(doc_indicators), extraction_keys)
    by_file: dict[str, list[Mention]] = {}
    for m in mentions:
        by_file.setdefault(m.file_name, []).append(m)
    automatic: dict[str, dict] = {}
    refused: dict[str, str] = {}
    for file_name, doc_id in zip(doc_frame["file_name"], doc_frame["doc_id"]):
        found, why = binding.bind(doc_id, by_file.get(file_name, []), lines[file_name], published[file_name])
        automatic.update(found)
        refused.update(why)
    extraction.update(bound_from_cache=binding.hits, bound=binding.misses)
    if stats is not None:
        stats.update(extraction)
    bound, checks = catalog.bind_all(figures, automatic, refused)
    doc_obs = _document_observations(bound)
    ext_obs = external["observations"].reindex(columns=OBSERVATION_COLUMNS)
    ext_obs["note_en"] = external["observations"].get("note")
    ext_obs["kind"] = "actual"
    observations = pd.concat([doc_obs, ext_obs], ignore_index=True)
    observations["year"] = observations["year"].astype("Int64")  # the contract says INTEGER
    observations["automatic"] = observations["binding"].fillna("").str.startswith("rule:")
    sources = pd.concat([_document_sources(doc_frame), external["sources"]], ignore_index=True)
    gaps, measures = chains
    return {
        "document_lines": _document_lines(texts, doc_frame),
        "documents": doc_frame, "mentions": _mention_frame(mentions, broken_rules), "indicators": indicators,
        "observations": observations, "sources": sources, "chain_gaps": gaps, "chain_measures": measures,
        "conflicts": _conflicts(doc_obs), "unicorns": external["unicorns"],
        "binding_checks": checks,
        "document_problems": pd.DataFrame([{"file": p.file, "line": p.line, "problem": p.problem, "fix": p.fix}
                                           for p in rejected], columns=["file", "line", "problem", "fix"]),
    }


# The explorer's reading of every mention, one row each (lib/queries/facts.py searches it). A figure the catalogue
# binds to an indicator (a row of cited_figures) carries the indicator's reading: value, period, subject (the
# company when the observation names one, else the economy); any other the extractor's. One mention can feed
# several indicators or subjects, never several values or periods (tests/pages/test_page_explorer.py checks it).
# A catalogued figure shows the catalogue's year and subject: the extractor's doubts about its own reading of them
# (READING_FLAGS: the extractor's SUBJECT_FLAGS and YEAR_FLAGS: no year found, subject assumed, companies listed
# together, subject or year taken from elsewhere) are not shown on it. ambiguous_subject and year_needs_date are still
# shown, as they were when this list was typed here: hiding them too would change what the explorer shows.
# search_text holds, lower-cased, every text a search word may match (quote, sentence, indicator names): words
# never hold a space, so one cannot match across two of them. position is the explorer's order (document order).
READING_FLAGS = tuple(f for f in SUBJECT_FLAGS + YEAR_FLAGS if f not in ("ambiguous_subject", "year_needs_date"))
EXPLORER_MENTIONS = f"""
    WITH catalogued AS (
        SELECT c.mention_id,
               string_agg(DISTINCT c.indicator_id, ',' ORDER BY c.indicator_id) AS indicator_ids,
               string_agg(DISTINCT i.name_en, '; ' ORDER BY i.name_en) AS indicator_en,
               string_agg(DISTINCT i.name_zh, '；' ORDER BY i.name_zh) AS indicator_zh,
               min(i.topic) AS indicator_topic,
               min(c.value) AS value, min(c.value_high) AS value_high, min(c.unit) AS unit, min(c.period) AS period,
               string_agg(DISTINCT coalesce(c.entity, c.economy), ',' ORDER BY coalesce(c.entity, c.economy))
                   AS subject,
               bool_or(c.implausible) AS implausible,
               min(CASE WHEN c.implausible THEN c.note_en END) AS implausible_en,
               min(CASE WHEN c.implausible THEN c.note_zh END) AS implausible_zh
        FROM cited_figures c JOIN indicators i USING (indicator_id)
        GROUP BY c.mention_id),
    shown AS (
        SELECT m.mention_id, m.doc_id, m.file_name, m.line_no, m.line_end, m.char_start, m.char_end, m.quote,
               m.raw, m.measure, m.qualifier, m.topic, m.context, d.title_zh, d.title_en, d.published, d.location,
               c.mention_id IS NOT NULL AS catalogued,
               CASE WHEN c.mention_id IS NULL THEN m.value ELSE c.value END AS value,
               CASE WHEN c.mention_id IS NULL THEN m.value_high ELSE c.value_high END AS value_high,
               CASE WHEN c.mention_id IS NULL THEN m.unit ELSE c.unit END AS unit,
               CASE WHEN c.mention_id IS NULL THEN m.year ELSE c.period END AS year,
               CASE WHEN c.mention_id IS NULL THEN m.entity ELSE c.subject END AS entity,
               m.year AS extracted_year, m.entity AS extracted_entity,
               CASE WHEN coalesce(c.implausible, FALSE) AND NOT contains(coalesce(m.flags, ''), 'implausible')
                    THEN concat_ws(',', f.flags, 'implausible') ELSE f.flags END AS flags,
               coalesce(m.flag_reason, c.implausible_en) AS flag_reason,
               coalesce(m.flag_reason_zh, c.implausible_zh) AS flag_reason_zh,
               c.indicator_ids, c.indicator_en, c.indicator_zh, coalesce(c.indicator_topic, m.topic) AS chart_topic
        FROM mentions m JOIN documents d USING (doc_id) LEFT JOIN catalogued c USING (mention_id)
        CROSS JOIN LATERAL (SELECT CASE WHEN c.mention_id IS NULL THEN m.flags ELSE nullif(array_to_string(
            list_filter(string_split(coalesce(m.flags, ''), ','),
                        lambda x: x NOT IN ('', {", ".join(repr(x) for x in READING_FLAGS)})), ','), '') END AS flags) f)
    SELECT *, lower(concat_ws(' ', quote, context, indicator_en, indicator_zh)) AS search_text,
           row_number() OVER (ORDER BY file_name, line_no, char_start, mention_id) AS position
    FROM shown ORDER BY position"""


def _create_joined_views(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Views over joins that several readers need, written once here; returns their row counts.

    cited_figures: every catalogued document figure (an observation bound to a mention) with its mention's place,
    quote, flags and topic and its document's titles, so no query writes the observations-mentions-documents join again.
    explorer_mentions: EXPLORER_MENTIONS, computed once here so that a search reads one table (220 ms at 500
    documents when each search joined and aggregated it again)."""
    con.execute("""
        CREATE VIEW cited_figures AS
        SELECT o.*, m.doc_id, m.file_name, m.line_no, m.line_end, m.char_start, m.char_end, m.quote, m.raw, m.context,
               m.year AS extracted_year, m.entity AS extracted_entity, m.value AS extracted_value,
               m.flags, m.topic AS mention_topic, d.title_zh, d.title_en, d.publisher, d.published, d.location
        FROM observations o JOIN mentions m USING (mention_id) JOIN documents d USING (doc_id)""")
    con.execute(f"CREATE TABLE _explorer_mentions AS {EXPLORER_MENTIONS}")
    con.execute("CREATE VIEW explorer_mentions AS SELECT * FROM _explorer_mentions")
    return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("cited_figures", "explorer_mentions")}


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
            counts = {k: len(v) for k, v in tables.items()} | _create_joined_views(con)
            meta = {owner.MARK_KEY: owner.MARK, "schema_version": str(SCHEMA_VERSION), "inputs": inputs_fingerprint(),
                    "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "row_counts": json.dumps(counts)}
            con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            con.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
            con.execute("CHECKPOINT")
        os.replace(tmp, target)
    # DuckDB reports a full disk at commit time as a TransactionException ("Could not write file ...").
    except (OSError, duckdb.IOException, duckdb.TransactionException) as exc:
        for leftover in (tmp, tmp.with_name(f"{tmp.name}.wal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        raise BuildError(Problem(str(target.parent), f"cannot write the warehouse ({reason})", owner.write_advice(exc)))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def build(target: Path | None = None, progress: Progress | None = None, **input_dirs: Path) -> dict:
    """Build the warehouse; returns row counts, timing, extraction figures and the documents left out.
    Raises BuildError naming every bad input of the project itself.

    `input_dirs` (seeds_dir, catalog_dir, external_dir, documents_dir, cache_dir) let tests build from a
    corrupted copy of the inputs; `progress(fraction, what)` is told how far the build is."""
    started = time.perf_counter()
    target = target or warehouse_path()
    stats: dict = {}
    with BUILD_LOCK:
        tables = collect(**input_dirs, stats=stats, progress=progress)
        if progress:
            progress(0.9, target.name)
        write(tables, target)
    if progress:
        progress(1.0, target.name)
    checks = tables["binding_checks"]
    same_place = (checks["rule_indicator"] == checks["indicator_id"]) & (checks["rule_economy"] == checks["economy"])
    return {"path": str(target), "seconds": round(time.perf_counter() - started, 3),
            "rows": {k: len(v) for k, v in tables.items()}, "extraction": stats,
            "bindings": {"hand": len(checks), "reproduced": int(checks["agrees"].sum()),
                         "same_indicator_economy": int(same_place.fillna(False).sum())},
            "rejected": tables["document_problems"].to_dict("records")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the indicator warehouse (DuckDB) from seeds/, "
                                     "data/documents/ and data/.")
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
    x = report["extraction"]
    print(f"Built {report['path']} in {report['seconds']} s: {counts}. Documents: {x['documents']} "
          f"({x['extracted']} extracted, {x['from_cache']} unchanged, from the cache; {x['bound']} bound by the "
          f"rules, {x['bound_from_cache']} bindings from the cache).")
    b = report["bindings"]
    print(f"Rules reproduce {b['reproduced']}/{b['hand']} hand bindings of the seeds on indicator, economy and year "
          f"({b['same_indicator_economy']}/{b['hand']} on indicator and economy); binding_checks says why not.")
    for p in report["rejected"]:
        print(f"Not added: {p['file']}: {p['problem']}. {p['fix']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
