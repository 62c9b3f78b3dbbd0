"""Errors that name the file, line or column at fault and what to do about it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from lib.paths import ROOT


@dataclass
class Problem:
    """One thing wrong with an input: where it is, what is wrong, how to fix it."""

    file: str
    problem: str
    fix: str = ""
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        text = f"{where}: {self.problem}"
        return f"{text}. {self.fix}" if self.fix else text


class BuildError(Exception):
    """The build stopped; the previous warehouse (if any) is untouched."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = problems if isinstance(problems, list) else [problems]
        lines = [f"  - {p}" for p in self.problems]
        super().__init__(f"The build stopped with {len(self.problems)} problem(s):\n" + "\n".join(lines))


class WarehouseError(Exception):
    """The warehouse file cannot be used; the message says how to rebuild it."""


_ABSOLUTE_PATH = re.compile(r"(?<![\w.~:/\\])(?:[A-Za-z]:\\|/)[^\s'\"`<>|,;()]*")


def without_paths(text: str) -> str:
    """`text` fit for a page: absolute paths become project-relative (`data/warehouse.duckdb`), or `…/name`
    outside the project, so a screenshot or a shared screen never shows the server's folders."""
    def shorten(match: re.Match) -> str:
        raw = match.group(0)
        stripped = raw.rstrip(".:")  # sentence punctuation after a path is not part of it
        try:
            shown = PurePath(stripped).relative_to(ROOT).as_posix()
        except ValueError:
            shown = "…/" + re.split(r"[\\/]", stripped)[-1]
        return shown + raw[len(stripped):]

    return _ABSOLUTE_PATH.sub(shorten, text)
