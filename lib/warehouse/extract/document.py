"""Reading a document: strict UTF-8, lines joined into one text stream, each character mapped back to its line."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lib.errors import BuildError, Problem

# Lines that are metadata, not body text (matched at the start of the stripped line).
META_PREFIXES = (
    "收稿日期", "通讯作者", "资助项目", "本刊网址", "中图分类号", "关键词", "利益冲突", "本文作者在此声明",
    "(1.", "（1.", "Received", "Corresponding", "Funding",
)
REFERENCE_HEADINGS = ("参考文献",)
SENTENCE_END = "。！？"
CLAUSE_END = "，,；;。：:！？"

_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Document:
    """A seed document as lines plus the joined text stream the patterns run over."""

    file_name: str
    lines: list[str]
    text: str = ""
    # For each char of `text`: the 1-based line it came from and its column in that line.
    origin_line: list[int] = field(default_factory=list)
    origin_col: list[int] = field(default_factory=list)
    body: list[bool] = field(default_factory=list)


def read_document(path: Path) -> Document:
    """Read a seed as strict UTF-8; a re-encoded or unreadable file stops the build naming the line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BuildError(Problem(str(path.name), "the document is missing",
                                 "Restore it from ../shared/seeds (seeds/ must hold all five documents)."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if exc.end >= len(data) - 1 and exc.reason == "unexpected end of data":
            raise BuildError(Problem(path.name, "the file ends in the middle of a character: it is truncated",
                                     "Restore the complete file from ../shared/seeds.", line=line))
        raise BuildError(Problem(path.name, f"not valid UTF-8 (byte {exc.start}); the file may be GBK-encoded",
                                 "Restore the original UTF-8 file from ../shared/seeds.", line=line))
    if not text.strip():
        raise BuildError(Problem(path.name, "the document is empty", "Restore it from ../shared/seeds."))
    return index_document(Document(path.name, text.split("\n")))


def _is_body(stripped: str, in_references: bool) -> bool:
    if in_references or not _CJK.search(stripped):
        return False
    if stripped.startswith(META_PREFIXES) or re.fullmatch(r"\d+", stripped):
        return False
    return True


def index_document(doc: Document) -> Document:
    """Join the stripped non-blank lines into `doc.text` (two-column PDFs break sentences anywhere)."""
    parts: list[str] = []
    in_refs = False
    for no, line in enumerate(doc.lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(REFERENCE_HEADINGS):
            in_refs = True
        lead = len(line) - len(line.lstrip())
        body = _is_body(stripped, in_refs)
        parts.append(stripped)
        doc.origin_line.extend([no] * len(stripped))
        doc.origin_col.extend(range(lead, lead + len(stripped)))
        doc.body.extend([body] * len(stripped))
    doc.text = "".join(parts)
    return doc


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII, one char for one char, so offsets stay valid."""
    table = {ord("０") + i: ord("0") + i for i in range(10)}
    table.update({ord("％"): ord("%"), ord("～"): ord("~"), ord("．"): ord(".")})
    return text.translate(table)


def bounds(text: str, pos: int, ends: str) -> tuple[int, int]:
    """Start and end (past the closing mark) of the sentence or clause around `pos`."""
    start = max((text.rfind(ch, 0, pos) for ch in ends), default=-1) + 1
    end_candidates = [i for i in (text.find(ch, pos) for ch in ends) if i != -1]
    return start, (min(end_candidates) + 1 if end_candidates else len(text))
