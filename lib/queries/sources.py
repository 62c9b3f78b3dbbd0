"""Named queries of the Sources & method page: documents and their text, datasets and their coverage, worked
examples of normalisation, EU aggregates, citation facts, and every view of the warehouse for the download.
How they read on screen is lib/ui/sources_view.py; the ZIP is written by lib/ui/downloads.py."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from lib.queries import run

# How each normalisation step shows in the mentions (flag, or the shape of the printed number); one real example
# of each is shown on the page.
NORMALISATION_CASES = {
    "magnitude": "m.measure SIMILAR TO '.*(万亿|亿|万).*' AND m.flags IS NULL",
    "lost_superscript": "list_contains(string_split(m.flags, ','), 'lost_superscript')",
    "range": "m.value_high IS NOT NULL",
    "stray_char": "list_contains(string_split(m.flags, ','), 'stray_char') AND contains(m.raw, '?')",
}


def documents() -> pd.DataFrame:
    """Every document with its catalogue entry, its number of lines and of extracted figures."""
    return run("""
        SELECT d.*, l.lines, coalesce(m.figures, 0) AS figures, coalesce(m.flagged, 0) AS flagged
        FROM documents d
        JOIN (SELECT file_name, count(*) AS lines FROM document_lines GROUP BY file_name) l USING (file_name)
        LEFT JOIN (SELECT file_name, count(*) AS figures, count(flags) AS flagged FROM mentions GROUP BY file_name) m
             USING (file_name)
        ORDER BY d.file_name""")


def document_text(file_name: str) -> pd.DataFrame:
    """The lines of one document (line_no, text), blank lines included so numbering matches `grep -n`."""
    return run("SELECT line_no, text FROM document_lines WHERE file_name = ? ORDER BY line_no", [file_name])


def document_mentions(file_name: str) -> pd.DataFrame:
    """The extracted figures of one document with their spans on their line."""
    return run("""SELECT mention_id, line_no, char_start, char_end, quote, value, value_high, unit, measure,
                         qualifier, flags FROM mentions WHERE file_name = ? ORDER BY line_no, char_start""",
               [file_name])


def datasets() -> pd.DataFrame:
    """The public datasets (sources of kind dataset) with their catalogue facts."""
    return run("SELECT * FROM sources WHERE kind = 'dataset' ORDER BY source_id")


def coverage() -> pd.DataFrame:
    """Per dataset and economy: first and last year, number of years and of series in the observations."""
    return run("""
        SELECT source_id, economy, min(year) AS first_year, max(year) AS last_year,
               count(DISTINCT year) AS years, count(DISTINCT indicator_id) AS series
        FROM observations WHERE source_id IN (SELECT source_id FROM sources WHERE kind = 'dataset')
        GROUP BY source_id, economy""")


def eu_aggregates() -> pd.DataFrame:
    """How each dataset's EU figure is formed, from the notes on its EUU observations (`EU = sum of ...`; no
    such note means the publisher's own EU aggregate), with the years each way applies to."""
    return run("""
        SELECT o.source_id, s.title, s.title_zh, s.publisher, s.publisher_zh,
               nullif(regexp_extract(coalesce(o.note_en, ''), 'EU = [^;]*'), '') AS how_en,
               nullif(regexp_extract(coalesce(o.note_zh, ''), '欧盟 = [^;]*'), '') AS how_zh,
               min(o.year) AS first_year, max(o.year) AS last_year
        FROM observations o JOIN sources s USING (source_id)
        WHERE o.economy = 'EUU' AND s.kind = 'dataset'
        GROUP BY ALL ORDER BY o.source_id, first_year""")


def normalisation_examples() -> pd.DataFrame:
    """One real mention for each normalisation case (the first in document order): case, quote and values."""
    parts = [f"""(SELECT '{case}' AS case_id, m.*, d.location FROM mentions m JOIN documents d USING (doc_id)
                  WHERE {condition}
                  ORDER BY m.file_name, m.line_no, m.char_start LIMIT 1)"""
             for case, condition in NORMALISATION_CASES.items()]
    return run(" UNION ALL ".join(parts))


def meta() -> dict[str, str]:
    """The warehouse's build facts (schema_version, built_at, inputs fingerprint, row counts)."""
    frame = run("SELECT key, value FROM meta")
    return dict(zip(frame["key"], frame["value"]))


def citation_example() -> pd.Series:
    """The first catalogued document figure, to show how a figure is cited."""
    return run("""SELECT file_name, location, line_no, quote, title_zh, title_en, published FROM cited_figures
                  ORDER BY file_name, line_no LIMIT 1""").iloc[0]


def warehouse_views() -> list[str]:
    """Every view of the warehouse plus its meta table: what "download everything" exports."""
    frame = run("""SELECT table_name FROM information_schema.tables
                   WHERE table_type = 'VIEW' OR table_name = 'meta' ORDER BY table_name""")
    return list(frame["table_name"])


def warehouse_frames() -> Iterator[tuple[str, pd.DataFrame]]:
    """(name, every row) of each view and the meta table, for "download everything"."""
    for view in warehouse_views():
        # The name comes from the warehouse's own catalogue, never from the user; identifiers cannot be bound as
        # parameters.
        yield view, run(f'SELECT * FROM "{view}"')
