"""Named queries of the Documents page: every document with its counts, the documents left out, the conflicts
across all documents, and one indicator as stated by several documents over time."""
from __future__ import annotations

import pandas as pd

from lib.queries import derived, run


def overview() -> pd.DataFrame:
    """One row per document (seeds first, then added ones by name) with figures found, figures bound to an
    indicator (and how many of them automatically), chain gaps and conflicts its figures take part in."""
    return run("""
        WITH figures AS (SELECT file_name, count(*) AS figures FROM mentions GROUP BY file_name),
        bound AS (SELECT m.file_name, count(*) AS bound, count(*) FILTER (WHERE o.automatic) AS automatic
                  FROM observations o JOIN mentions m USING (mention_id) GROUP BY m.file_name),
        gaps AS (SELECT file_name, count(*) AS gaps FROM chain_gaps GROUP BY file_name),
        conflict_files AS (SELECT DISTINCT c.indicator_id, c.economy, c.year, m.file_name
                           FROM conflicts c, unnest(string_split(c.mention_ids, ',')) AS u(mention_id)
                           JOIN mentions m ON m.mention_id = u.mention_id),
        conflicts AS (SELECT file_name, count(*) AS conflicts FROM conflict_files GROUP BY file_name)
        SELECT d.doc_id, d.file_name, coalesce(d.title_zh, d.title_en) AS title, d.title_zh, d.title_en, d.publisher,
               d.publisher_zh,
               d.published, d.inferred, d.origin, d.format, d.encoding, d.pages, d.line_count, d.size_bytes,
               d.location, coalesce(f.figures, 0) AS figures, coalesce(b.bound, 0) AS bound,
               coalesce(b.automatic, 0) AS automatic, coalesce(g.gaps, 0) AS gaps,
               coalesce(c.conflicts, 0) AS conflicts
        FROM documents d LEFT JOIN figures f USING (file_name) LEFT JOIN bound b USING (file_name)
        LEFT JOIN gaps g USING (file_name) LEFT JOIN conflicts c USING (file_name)
        ORDER BY d.origin DESC, d.file_name""")


def problems() -> pd.DataFrame:
    """Files of the documents folder the last build left out, with what is wrong and what to do."""
    return run("SELECT file, line, problem, fix FROM document_problems ORDER BY file")


def conflicts() -> pd.DataFrame:
    """Every indicator/economy/year the documents state differently, with its kind, the files involved and the
    figures as each document printed them (`printed`, in mention order); for a likely defect, the document, line and
    printed text of the odd figure (defect_doc_id, defect_line, defect_raw) and its likely value."""
    return run("""
        SELECT c.indicator_id, i.name_en, i.name_zh, c.economy, c.year, c.period, c.kind, c."values", c.unit,
               c.mention_ids, c.defect_mention_id, c.likely_value, c.note_en, c.note_zh,
               (SELECT string_agg(DISTINCT m.file_name, ', ' ORDER BY m.file_name)
                FROM unnest(string_split(c.mention_ids, ',')) AS u(mention_id)
                JOIN mentions m ON m.mention_id = u.mention_id) AS file_names,
               (SELECT string_agg(DISTINCT m.doc_id, ',' ORDER BY m.doc_id)
                FROM unnest(string_split(c.mention_ids, ',')) AS u(mention_id)
                JOIN mentions m ON m.mention_id = u.mention_id) AS doc_ids,
               d.doc_id AS defect_doc_id, d.line_no AS defect_line, d.raw AS defect_raw,
               (SELECT string_agg(m.raw, '; ' ORDER BY u.k)
                FROM unnest(string_split(c.mention_ids, ',')) WITH ORDINALITY AS u(mention_id, k)
                JOIN mentions m ON m.mention_id = u.mention_id) AS printed
        FROM (SELECT *, (SELECT any_value(unit) FROM observations o WHERE o.indicator_id = conflicts.indicator_id
                         AND o.mention_id IS NOT NULL) AS unit FROM conflicts) c
        JOIN indicators i USING (indicator_id)
        LEFT JOIN mentions d ON d.mention_id = c.defect_mention_id  -- mention ids are unique (the build's key)
        ORDER BY CASE c.kind WHEN 'likely defect' THEN 0 WHEN 'disagreement' THEN 1 WHEN 'different date' THEN 2
                 ELSE 3 END, c.indicator_id, c.economy, c.year""")


def series_indicators() -> pd.DataFrame:
    """Indicators stated by at least two documents (the ones worth a series across documents), most stated first."""
    return run("""
        SELECT c.indicator_id, i.name_en, i.name_zh, count(DISTINCT c.file_name) AS documents,
               count(*) AS statements
        FROM cited_figures c JOIN indicators i USING (indicator_id)
        GROUP BY ALL HAVING count(DISTINCT c.file_name) >= 2
        ORDER BY documents DESC, statements DESC, c.indicator_id""")


@derived
def series(indicator_id: str) -> pd.DataFrame:
    """One indicator as every document states it: economy, year (from the figure), value, the document, line
    (and PDF page), quote, and how it was bound (`automatic` is True for a rule's binding nobody checked)."""
    data = run("""
        SELECT c.economy, c.year, c.period, c.value, c.value_high, c.unit, c.binding, c.automatic,
               c.implausible, c.mention_id, c.source_id, c.doc_id, c.file_name, c.location,
               coalesce(c.title_zh, c.title_en) AS title, c.title_zh, c.title_en, c.published, c.line_no, l.page,
               l.page_line, c.quote, c.raw
        FROM cited_figures c LEFT JOIN document_lines l USING (file_name, line_no)
        WHERE c.indicator_id = ? AND c.year IS NOT NULL
        ORDER BY c.economy, c.year, c.file_name, c.line_no""", [indicator_id])
    return data.drop_duplicates(["economy", "year", "value", "mention_id"]).reset_index(drop=True)


def dataset_points(indicator_id: str, economies: tuple[str, ...], source_id: str) -> pd.DataFrame:
    """One public dataset's own figures of an indicator for some economies (economy, year, value, unit, source_id,
    title): the recount of a company list, to draw beside the counts the documents state."""
    return run("""
        SELECT o.economy, o.year, o.value, o.unit, o.source_id, s.title
        FROM observations o JOIN sources s USING (source_id)
        WHERE o.indicator_id = ? AND o.source_id = ? AND o.mention_id IS NULL AND o.year IS NOT NULL
              AND list_contains(?, o.economy)
        ORDER BY o.economy, o.year""", [indicator_id, source_id, list(economies)])
