"""The Documents page's write side: check uploaded files with the build's own reader, put the good ones into the
documents folder with their metadata, rebuild the warehouse (the previous one serves until the new one is
complete), and remove a document a user added. Nothing here renders; the page shows what it returns."""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lib.errors import BuildError, Problem
from lib.paths import documents_dir
from lib.warehouse import documents

MAX_MB = documents.MAX_MB
FORMATS = tuple(f.lstrip(".") for f in documents.FORMATS)


@dataclass
class Outcome:
    """What an upload or removal did: files added or removed, problems named per file, and the rebuild's report."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    report: dict | None = None


def _known_hashes(folder: Path) -> dict[str, str]:
    from lib.paths import SEEDS_DIR

    known = {}
    for path in sorted(SEEDS_DIR.glob("*.txt")) + documents.scan(folder)[0]:
        try:
            known[documents.read(path).sha256] = path.name
        except BuildError:
            continue
    return known


def add(files: list[tuple[str, bytes]], meta: dict[str, str], progress=None) -> Outcome:
    """Check each (name, bytes) as the build would; move the readable ones, with a NAME.yaml of the filled-in
    metadata, into the documents folder; rebuild. A file with a problem is not added at all, and a failed rebuild
    takes the added files out again, so the serving warehouse and the folder stay as they were."""
    folder = documents_dir()
    folder.mkdir(parents=True, exist_ok=True)
    outcome = Outcome()
    known = _known_hashes(folder)
    staged: list[tuple[Path, str, dict]] = []
    with tempfile.TemporaryDirectory(prefix="upload-") as tmp:
        for n, (name, data) in enumerate(files):
            problem = documents.check_name(name)
            if problem:
                outcome.problems.append(problem)
                continue
            if (folder / name).exists() or documents.sidecar_path(folder / name).exists():
                outcome.problems.append(Problem(name, "a document of this name is already in the folder",
                                                "Remove it first, or rename the new file."))
                continue
            path = Path(tmp) / f"{n}{Path(name).suffix.lower()}"
            path.write_bytes(data)
            try:
                text = documents.read(path, name)
            except BuildError as exc:
                outcome.problems += exc.problems
                continue
            if text.sha256 in known:
                outcome.problems.append(Problem(name, f"has the same content as {known[text.sha256]}",
                                                "It is already in the warehouse; nothing to add."))
                continue
            known[text.sha256] = name
            given = {k: v.strip() for k, v in meta.items() if isinstance(v, str) and v.strip()}
            if len(files) > 1:
                given.pop("title", None)  # one title cannot name several documents: each is inferred
            staged.append((path, name, given))
        for path, name, given in staged:
            shutil.move(path, folder / name)
            if given:
                documents.sidecar_path(folder / name).write_text(
                    yaml.safe_dump(given, allow_unicode=True, sort_keys=False), encoding="utf-8")
            outcome.added.append(name)
    if outcome.added:
        try:
            outcome.report = _rebuild(progress)
        except BuildError as exc:
            for name in outcome.added:
                _delete(folder, name)
            outcome.problems += exc.problems
            outcome.added = []
    return outcome


def _rebuild(progress):
    from lib.warehouse import build  # the build's code only when a change rebuilds: about 8 MB the server spares

    return build.build(progress=progress)


def _delete(folder: Path, name: str) -> None:
    (folder / name).unlink(missing_ok=True)
    documents.sidecar_path(folder / name).unlink(missing_ok=True)


def remove(name: str, progress=None) -> Outcome:
    """Take a user-added document (and its metadata file) out of the folder and rebuild. Seeds cannot be removed."""
    folder = documents_dir()
    outcome = Outcome()
    if documents.check_name(name) or not (folder / name).is_file():
        outcome.problems.append(Problem(name, "is not a document in the documents folder",
                                        "Reload the page: it may have been removed already."))
        return outcome
    keep = Path(tempfile.mkdtemp(prefix="removed-"))
    moved = [p for p in (folder / name, documents.sidecar_path(folder / name)) if p.exists()]
    for p in moved:
        shutil.move(p, keep / p.name)
    try:
        outcome.report = _rebuild(progress)
        outcome.removed.append(name)
    except BuildError as exc:  # put it back: the folder must match the serving warehouse
        for p in moved:
            shutil.move(keep / p.name, folder / p.name)
        outcome.problems += exc.problems
    shutil.rmtree(keep, ignore_errors=True)
    return outcome
