"""Errors that name the file, line or column at fault and what to do about it."""
from __future__ import annotations

from dataclasses import dataclass


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
