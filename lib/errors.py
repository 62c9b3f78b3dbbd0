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
    """The warehouse file cannot be used, and why: `reason` is missing, unreadable, no_schema, old_schema,
    missing_views or symlink_loop;
    `values` fill the message (file, error, found, needed, views, command), so a page can say it in its own language
    (data/i18n/common.yaml, `warehouse.<reason>`). str() is the English message for logs and the command line."""

    BUILD = "python -m lib.build"
    REBUILD = "python -m lib.build --force"  # a file is there, unusable: the build must replace it
    ENGLISH = {
        "missing": "The indicator warehouse {file} does not exist yet. `make run` builds it when it starts the "
                   "dashboard; to build it on its own, run `{command}`.",
        "unreadable": "The indicator warehouse {file} cannot be read ({error}); it may be corrupt or truncated. "
                      "Rebuild it with `{command}`.",
        "no_schema": "The file {file} records no schema version: it was not written by this dashboard's build. "
                     "Rebuild it with `{command}`.",
        "old_schema": "The indicator warehouse {file} has schema version {found}, this dashboard needs {needed}. "
                      "Rebuild it with `{command}`.",
        "missing_views": "The indicator warehouse {file} lacks {views}. Rebuild it with `{command}`.",
        "symlink_loop": "INDICATORS_DB names {file}, a symbolic link that leads back to itself and never to a file. "
                        "Point INDICATORS_DB at a file (or `{command}` to use data/warehouse.duckdb) and restart.",
    }
    FIX_PATH = "unset INDICATORS_DB"  # a path problem: no build can fix it

    def __init__(self, reason: str, **values: object):
        self.reason = reason
        self.command = {"missing": self.BUILD, "symlink_loop": self.FIX_PATH}.get(reason, self.REBUILD)
        self.values = {**values, "command": self.command}
        super().__init__(self.ENGLISH[reason].format(**self.values))


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
