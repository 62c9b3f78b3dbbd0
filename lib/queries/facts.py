"""Named queries of the fact explorer: every mention with its citation, the filters, context lines and conflicts.

A figure the catalogue binds to an indicator (a row of the warehouse view `cited_figures`) is returned with the
indicator's reading: its value, period and subject, the ones its chart shows. Any other figure carries the
extractor's reading, and `catalogued` says which it is, so the explorer never gives a second answer for a charted
figure. The extractor's own year and subject stay available as extracted_year and extracted_entity.
How rows read on screen (HTML, translated text, files) is lib/ui/facts_view.py and lib/ui/downloads.py.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.contract import ECONOMIES
from lib.queries import chains, run

# The page that charts a topic (the indicator's topic where the mention is catalogued, else the mention's own).
TOPIC_PAGES = {
    "rd": "rd", "unicorns": "unicorns", "digital_services": "digital_services",
    "four_chains": "four_chains", "strategic_industries": "four_chains",
    "innovation_output": "rd", "market_value": "unicorns",  # the R&D page's statements, the leading firms' chart
}
PAGE_SIZE = 20  # result cards per explorer page
# Every flag the explorer explains, in the order its cards show them. Typed here, not derived from the extractor's
# SUBJECT_FLAGS and YEAR_FLAGS: the order is the page's (each flag where it was added), it holds the number flags and
# `implausible` too, and the queries do not import the extractor (tests/pages/test_page_explorer_flags.py checks
# that every flag the warehouse holds, and every one of those two lists, is here).
FLAG_CODES = ("lost_superscript", "stray_char", "spans_lines", "no_unit", "fraction", "subject_assumed",
              "ambiguous_subject", "group_subject", "year_unknown", "year_needs_date", "currency_assumed",
              "bracket_count", "run_of_years", "recent_years", "growth_target", "top_n", "order_rank", "implausible",
              "subject_from_other_clause", "year_from_elsewhere", "subject_in_partner_flow", "subject_before_firm",
              "year_from_base", "year_from_span_start", "year_written_before_figure", "subject_home_contradicted", "subject_from_cause")
SUBJECT_SEPARATOR = ","  # one figure can be stated of several subjects (苹果、微软和英伟达的市值均超过3万亿美元)


def chart_page(chart_topic: str | None, topic: str | None, indicator_ids: str | None) -> str | None:
    """The page whose charts draw a statement: by its indicator's topic, else by the sentence's, else the Four chains
    page when its scorecard reads the indicator (ai_investment is no topic of a page of its own)."""
    scorecard = {indicator for _, indicator in chains.DOCUMENT_SIGNALS}
    ids = set(indicator_ids.split(",")) if isinstance(indicator_ids, str) else set()
    return TOPIC_PAGES.get(chart_topic) or TOPIC_PAGES.get(topic) or ("four_chains" if ids & scorecard else None)


# Every mention with the indicators' reading where there is one, as the build computed it (explorer_mentions,
# lib/warehouse/build.py EXPLORER_MENTIONS): one table, so a search is one scan of it and no join.
_MENTIONS = "SELECT * EXCLUDE (search_text, position) FROM explorer_mentions m"
# The columns the explorer shows and filters on: the indicators' reading where there is one.
_SHOWN = f"SELECT * FROM ({_MENTIONS}) m"
# A year filter matches a figure of that year and one whose period (`2012-2021`) covers it.
_YEAR_MATCH = """(m.year = ? OR (m.year LIKE '____-____'
    AND TRY_CAST(substr(m.year, 1, 4) AS INTEGER) <= ? AND TRY_CAST(substr(m.year, 6, 4) AS INTEGER) >= ?))"""
_TERM_MATCH = "contains(m.search_text, ?)"  # the quote, sentence and indicator names, lower-cased


@dataclass(frozen=True)
class MentionFilter:
    """What the explorer's widgets select; an empty field does not filter."""

    docs: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    year: int | None = None
    text: str = ""
    mention: str = ""


def search_terms(text: str) -> list[str]:
    """The words of a search box: every one must match (quote, sentence or indicator name), case-insensitively."""
    return [word.casefold() for word in text.split()]


def mentions(f: MentionFilter = MentionFilter()) -> pd.DataFrame:
    """Every mention passing the filter, in document order, with its document and indicator names."""
    where, params = [], []
    if f.mention:
        where.append("m.mention_id = ?")
        params.append(f.mention)
    for column, chosen in (("m.doc_id", f.docs), ("m.topic", f.topics), ("m.unit", f.units)):
        if chosen:
            where.append(f"{column} IN ({', '.join('?' * len(chosen))})")
            params += list(chosen)
    if f.entities:  # a figure stated of several subjects matches each of them
        where.append(f"list_has_any(string_split(coalesce(m.entity, ''), '{SUBJECT_SEPARATOR}'), ?)")
        params.append(list(f.entities))
    if f.flags:
        # flags is a comma list; a mention matches when it carries any of the chosen flags.
        where.append("list_has_any(string_split(coalesce(m.flags, ''), ','), ?)")
        params.append(list(f.flags))
    if f.year is not None:
        where.append(_YEAR_MATCH)
        params += [str(f.year), f.year, f.year]
    for term in search_terms(f.text):  # untrusted text: only ever a bound parameter
        where.append(_TERM_MATCH)
        params.append(term)
    sql = _MENTIONS + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY m.position"
    return run(sql, params)


def options() -> dict[str, list[str]]:
    """The values each filter offers, from the warehouse: documents, topics, entities, units, flags."""
    frame = run(f"SELECT doc_id, topic, entity, unit, flags FROM ({_SHOWN})")
    flags = {code for value in frame["flags"].dropna() for code in value.split(",")}
    entities = {e for value in frame["entity"].dropna() for e in value.split(SUBJECT_SEPARATOR)}
    rank = {code: i for i, code in enumerate(ECONOMIES)}
    return {
        "docs": sorted(frame["doc_id"].dropna().unique()),
        "topics": sorted(frame["topic"].dropna().unique()),
        # Economies in display order (CHN, USA, EUU first), then companies and others alphabetically.
        "entities": sorted(entities, key=lambda e: (rank.get(e, len(rank)), e)),
        "units": sorted(frame["unit"].dropna().unique()),
        "flags": [code for code in FLAG_CODES if code in flags] + sorted(flags - set(FLAG_CODES)),
    }


def document_titles() -> pd.DataFrame:
    """doc_id, file_name, title_zh, title_en, published of every document, in file order."""
    return run("SELECT doc_id, file_name, title_zh, title_en, published FROM documents ORDER BY file_name")


def years() -> list[int]:
    """Every year the explorer shows, including both ends of the periods it states."""
    frame = run(f"""SELECT DISTINCT TRY_CAST(y AS INTEGER) AS year
                   FROM (SELECT unnest(string_split(year, '-')) AS y FROM ({_SHOWN}) WHERE year IS NOT NULL)
                   WHERE TRY_CAST(y AS INTEGER) IS NOT NULL ORDER BY 1""")
    return [int(y) for y in frame["year"]]


def context_lines(mention_ids: list[str], radius: int = 3) -> pd.DataFrame:
    """The non-blank document lines around each mention (radius lines each side): mention_id, line_no, text, own."""
    if not mention_ids:
        return pd.DataFrame(columns=["mention_id", "line_no", "text", "own"])
    # Two-column PDFs put a blank line after every printed line: count only lines with text.
    return run("""
        WITH numbered AS (
            SELECT file_name, line_no, text, row_number() OVER (PARTITION BY file_name ORDER BY line_no) AS k
            FROM document_lines WHERE trim(text) <> ''),
        target AS (
            SELECT m.mention_id, m.line_no AS own_line, n.file_name, n.k
            FROM mentions m JOIN numbered n USING (file_name, line_no)
            WHERE list_contains(?, m.mention_id))
        SELECT t.mention_id, n.line_no, n.text, n.line_no = t.own_line AS own
        FROM target t JOIN numbered n ON n.file_name = t.file_name AND n.k BETWEEN t.k - ? AND t.k + ?
        ORDER BY t.mention_id, n.line_no""", [list(mention_ids), radius, radius])


def mention_lines(mention_ids: list[str]) -> pd.DataFrame:
    """The full document line of each mention (mention_id, text): the quote is text[char_start:char_end]."""
    if not mention_ids:
        return pd.DataFrame(columns=["mention_id", "text"])
    return run("""SELECT m.mention_id, l.text FROM mentions m JOIN document_lines l USING (file_name, line_no)
                  WHERE list_contains(?, m.mention_id)""", [list(mention_ids)])


def conflicts() -> pd.DataFrame:
    """One row per statement of each conflict: the conflict's indicator, subject, period, kind and spread, the
    statement's mention (every column of `mentions()`) and the notes on its observation."""
    return run(f"""
        WITH base AS ({_MENTIONS}),
        numbered AS (
            SELECT row_number() OVER (ORDER BY indicator_id, economy, entity, period) AS conflict_no, *
            FROM conflicts),
        statements AS (
            SELECT conflict_no, unnest(string_split(mention_ids, ',')) AS mention_id FROM numbered)
        SELECT c.conflict_no, c.indicator_id, i.name_en, i.name_zh, c.economy, c.entity AS conflict_entity,
               c.period, c.kind, c.spread_percent, b.*, o.note_en, o.note_zh
        FROM statements s
        JOIN numbered c USING (conflict_no)
        JOIN base b USING (mention_id)
        LEFT JOIN indicators i ON i.indicator_id = c.indicator_id
        LEFT JOIN cited_figures o ON o.mention_id = s.mention_id AND o.indicator_id = c.indicator_id
             AND o.economy = c.economy AND coalesce(o.entity, '') = coalesce(c.entity, '')
             AND coalesce(o.period, '') = coalesce(c.period, '')
        ORDER BY c.conflict_no, b.published, b.file_name, b.line_no""")
