"""The extractor: finds every quantitative statement in a document, with its line, quote, value and unit.

Split by concern: `document` reads and indexes a file (lines joined into one text stream, each character mapped
back to its line), `numbers` runs the pattern passes, `context` settles subject, year, qualifier and topic.

How it reads a document (the defects it survives are listed in seeds/README.md):
- The lines are joined (each stripped, blank lines dropped) into one text stream, so a number whose digits and
  unit sit on two lines of a two-column PDF (`突破5000` / `亿美元`, `3.41×` / `104 MW`) is read whole; every
  match is mapped back to the 1-based line where its digits start, and the quote is the part on that line.
- Superscripts lost in PDF extraction (`2.312×106`) are read as powers of ten and flagged `lost_superscript`.
- Stray `?` characters inside numbers (`提升到?96%`, `3.6?亿张`) are skipped and flagged `stray_char`.
- Dates of events, durations, reference markers, section/figure numbers, titles in 《》, technology names
  (`5G`, `R16`, `4K`) and author affiliations are not indicators and are never reported.
Each mention gets the entity it describes (economy code or company) and the year or period of its sentence
by nearest-subject rules; what the rules cannot settle is flagged rather than guessed silently.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lib.warehouse.extract import context
from lib.warehouse.extract.context import COMPANY_WORDS, COUNTRY_NAMES, ECONOMY_WORDS  # noqa: F401 (public)
from lib.warehouse.extract.document import SENTENCE_END, Document, bounds, normalise, read_document  # noqa: F401
from lib.warehouse.extract.numbers import UNITS, Hit, Scanner  # noqa: F401 (public)


@dataclass
class Mention:
    """One quantitative statement as the documents print it."""

    doc_id: str
    file_name: str
    line_no: int
    line_end: int
    char_start: int
    char_end: int
    quote: str
    raw: str
    value: float
    value_high: float | None
    unit: str
    measure: str | None
    qualifier: str | None
    year: str | None
    entity: str | None
    topic: str
    context: str
    flags: list[str] = field(default_factory=list)
    mention_id: str = ""
    implausible_reason: str | None = None


def _mention(doc: Document, text: str, doc_id: str, hit: Hit) -> Mention:
    """A hit placed on its line (the quote is the part of the match on the line where the digits start),
    with its sentence, qualifier, subject, year and topic."""
    start, end, flags = hit.start, hit.end, list(hit.flags)
    line_no = doc.origin_line[hit.digits_at]
    line_end = doc.origin_line[end - 1]
    q_start = start
    while doc.origin_line[q_start] != line_no:
        q_start += 1
    q_end = q_start
    while q_end < end and doc.origin_line[q_end] == line_no:
        q_end += 1
    col_a, col_b = doc.origin_col[q_start], doc.origin_col[q_end - 1] + 1
    quote = doc.lines[line_no - 1][col_a:col_b]
    if line_end != line_no:
        flags.append("spans_lines")
    s_start, s_end = bounds(text, start, SENTENCE_END)
    sentence = doc.text[s_start:s_end]
    qualifier = hit.qualifier or context.qualifier(text, start, end)
    entity, ambiguous = hit.entity, False
    if entity is None:
        entity, ambiguous = context.entity(text, start, hit.unit)
    if ambiguous:
        flags.append("subject_assumed" if entity == "CHN" else "ambiguous_subject")
    year = context.year(text, start, s_start)
    topic = context.topic(sentence)
    if topic == "other":
        topic = context.topic(doc.text[bounds(text, max(s_start - 2, 0), SENTENCE_END)[0]:s_end])
    return Mention(doc_id, doc.file_name, line_no, line_end, col_a, col_b, quote, doc.text[start:end], hit.value,
                   hit.value_high, hit.unit, hit.measure, qualifier, year, entity, topic, sentence, flags)


def extract_mentions(doc: Document, doc_id: str) -> list[Mention]:
    """Every quantitative statement of an indexed document, in line order, with ids `doc-line-n`."""
    text = normalise(doc.text)
    mentions = [_mention(doc, text, doc_id, hit) for hit in Scanner(doc, text, COUNTRY_NAMES).run()]
    mentions.sort(key=lambda m: (m.line_no, m.char_start))
    counters: dict[int, int] = {}
    for m in mentions:
        counters[m.line_no] = counters.get(m.line_no, 0) + 1
        m.mention_id = f"{doc_id}-{m.line_no:04d}-{counters[m.line_no]}"
    return mentions


def extract_document(path: Path, doc_id: str | None = None) -> list[Mention]:
    """Every quantitative statement of one document, in line order (lib/warehouse/plausibility.py flags them)."""
    return extract_mentions(read_document(path), doc_id or path.name[:3])
