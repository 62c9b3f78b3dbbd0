"""The indicator catalog: loads data/catalog/*.yaml and resolves each document figure to its extracted mention.

A figure entry names a file, a line and a verbatim quote; the build finds the mention whose digits lie inside
that quote and checks the extracted value. Every broken entry is collected and reported at once.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from lib.contract import ECONOMIES, UNITS
from lib.errors import BuildError, Problem
from lib.warehouse.extract import Mention

FIGURE_KEYS = {"indicator", "economy", "file", "line", "quote", "value", "unit"}
INDICATOR_KEYS = {"indicator_id", "topic", "name_en", "name_zh", "unit", "definition_en", "definition_zh"}


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser is ten times faster
    """A safe loader that refuses a key repeated inside one entry (plain YAML keeps the last one silently)."""

    def construct_mapping(self, node, deep=False):
        first_line: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in first_line:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' appears twice in one entry (first at line {first_line[key]})",
                    key_node.start_mark)
            first_line[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)


def load_yaml(path: Path) -> list | dict:
    """Parse one catalog file; a syntax error names the file and line."""
    if not path.exists():
        raise BuildError(Problem(path.name, "the catalog file is missing", "Restore it from git."))
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BuildError(Problem(f"data/catalog/{path.name}", f"YAML syntax error: {getattr(exc, 'problem', exc)}",
                                 "Fix the entry at that line.", line=mark.line + 1 if mark else None))


def _entry_line(text_lines: list[str], index: int, marker: str = "- ") -> int | None:
    """Best-effort line number of the index-th list item in a YAML file (for error messages)."""
    seen = -1
    for no, line in enumerate(text_lines, start=1):
        if line.startswith(marker):
            seen += 1
            if seen == index:
                return no
    return None


def load_indicators(path: Path) -> list[dict]:
    entries = load_yaml(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = []
    first_at: dict[str, int | None] = {}
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        indicator_id = (entry or {}).get("indicator_id")
        if indicator_id in first_at:
            problems.append(Problem(f"data/catalog/{path.name}", f"indicator_id '{indicator_id}' is defined twice "
                                    f"(first at line {first_at[indicator_id]})", "Keep one entry.",
                                    line=_entry_line(lines, i)))
        first_at.setdefault(indicator_id, _entry_line(lines, i))
        missing = INDICATOR_KEYS - set(entry or {})
        if missing:
            problems.append(Problem(f"data/catalog/{path.name}", f"indicator entry lacks {sorted(missing)}",
                                    "Add the missing fields.", line=_entry_line(lines, i)))
        elif entry["unit"] not in UNITS:
            problems.append(Problem(f"data/catalog/{path.name}", f"unit '{entry['unit']}' is not canonical",
                                    f"Use one of {sorted(UNITS)}.", line=_entry_line(lines, i)))
    if not isinstance(entries, list):
        problems.append(Problem(f"data/catalog/{path.name}", "expected a list of indicators"))
    if problems:
        raise BuildError(problems)
    return entries


def resolve_figures(path: Path, mentions: dict[tuple[str, int], list[Mention]], seed_lines: dict[str, list[str]],
                    indicator_ids: set[str]) -> list[dict]:
    """Each figure entry joined to its mention; raises BuildError listing every broken entry."""
    entries = load_yaml(path)
    yaml_lines = path.read_text(encoding="utf-8").splitlines()
    where = f"data/catalog/{path.name}"
    problems: list[Problem] = []
    resolved: list[dict] = []
    for i, entry in enumerate(entries):
        at = _entry_line(yaml_lines, i)
        entry = entry or {}
        missing = FIGURE_KEYS - set(entry)
        if missing:
            problems.append(Problem(where, f"figure entry lacks {sorted(missing)}", "Add the missing fields.", at))
            continue
        label = f"{entry['indicator']}/{entry['economy']} ({entry['file']}:{entry['line']})"
        if entry["indicator"] not in indicator_ids:
            problems.append(Problem(where, f"{label}: indicator '{entry['indicator']}' is not defined",
                                    "Define it in document_indicators.yaml or external.yaml.", at))
            continue
        if entry["economy"] not in ECONOMIES or entry["unit"] not in UNITS:
            problems.append(Problem(where, f"{label}: economy or unit outside the vocabulary",
                                    f"Use economies {sorted(ECONOMIES)} and units {sorted(UNITS)}.", at))
            continue
        lines = seed_lines.get(entry["file"])
        if lines is None:
            problems.append(Problem(where, f"{label}: document {entry['file']} is not in seeds/",
                                    "Fix the file name or restore the document.", at))
            continue
        line_no = int(entry["line"])
        text = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
        quote = str(entry["quote"])
        col = text.find(quote)
        if col < 0:
            problems.append(Problem(where, f"{label}: quote «{quote}» is no longer on line {line_no} of "
                                    f"{entry['file']}", "Update the line number or quote to the document.", at))
            continue
        inside = [m for m in mentions.get((entry["file"], line_no), [])
                  if m.char_start < col + len(quote) and m.char_end > col]
        want = float(entry["value"])
        match = [m for m in inside if abs(m.value - want) <= 1e-9 * max(1.0, abs(want)) and m.unit == entry["unit"]]
        if not match:
            got = ", ".join(f"{m.value:g} {m.unit}" for m in inside) or "no number"
            problems.append(Problem(where, f"{label}: catalog says {want:g} {entry['unit']} but the extractor "
                                    f"found {got} inside «{quote}»",
                                    "Correct the catalog value/unit, or fix the extractor if it misreads the text.", at))
            continue
        if len(match) > 1 and entry.get("entity") is None:
            match = [m for m in match if m.entity in (entry["economy"], None)] or match
        resolved.append({**entry, "mention": match[0]})
    if problems:
        raise BuildError(problems)
    return resolved
