"""Named queries of the R&D page: WDI R&D series, growth, document 003's figure 7, and the documents' statements."""
from __future__ import annotations

import re

import pandas as pd

from lib.contract import source
from lib.queries import derived, run

WDI_SOURCE = source("wdi")
# The measure selector's options and the indicator each one reads ("per_capita" = GERD / population).
GERD = {"usd": "gerd_usd", "ppp": "gerd_ppp"}
INTENSITY = "rd_intensity"
RESEARCHERS = "researchers_per_million"
POPULATION = "population"
# Document statements on R&D and innovation output: indicators of these topics, and any figure whose sentence the
# extractor tagged innovation_output (the AI citation rates belong to the `ai` indicator topic).
STATEMENT_TOPICS = ("rd", "innovation_output")
# Document 003 describes figure 7 in its caption; the figure itself is an image missing from the text.
FIGURE7_DOC = "003"
FIGURE7_CAPTION = "图7%"
FIGURE7_ECONOMIES = ("CHN", "USA", "EUU")  # its caption: 中国、美国、欧盟
FIGURE7_METHOD = "%图7是根据%"
# 003 lines 135-139: where China leads or trails the US and EU by field, read off figure 4 (an image).
FIELDS_PASSAGE = ("003", 135, 139)
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*[—–\-~～至]+\s*((?:19|20)\d{2})")

_SERIES_COLUMNS = """o.economy, o.year, o.value, o.unit, o.indicator_id, o.source_id, o.note_en, o.note_zh"""


def series(indicator_id: str, economies: tuple[str, ...], year_from: int, year_to: int) -> pd.DataFrame:
    """One WDI indicator for the economies and years: economy, year, value, unit, indicator_id, source_id, notes."""
    if not economies:
        return pd.DataFrame(columns=["economy", "year", "value", "unit", "indicator_id", "source_id", "note_en",
                                     "note_zh"])
    return run(f"""
        SELECT {_SERIES_COLUMNS} FROM observations o
        WHERE o.indicator_id = ? AND o.source_id = ? AND o.mention_id IS NULL
          AND o.economy IN (SELECT unnest(?::VARCHAR[])) AND o.year BETWEEN ? AND ?
        ORDER BY o.economy, o.year""", (indicator_id, WDI_SOURCE, list(economies), year_from, year_to))


def per_capita(price: str, economies: tuple[str, ...], year_from: int, year_to: int) -> pd.DataFrame:
    """GERD per person (GERD in current US$ or PPP $ divided by total population), same columns as series()."""
    if not economies:
        return series(GERD[price], economies, year_from, year_to)
    return run("""
        SELECT g.economy, g.year, g.value / p.value AS value, g.unit, 'gerd_per_capita_' || ? AS indicator_id,
               g.source_id, g.note_en, g.note_zh
        FROM observations g
        JOIN observations p ON p.economy = g.economy AND p.year = g.year AND p.indicator_id = ?
                           AND p.mention_id IS NULL AND p.source_id = g.source_id
        WHERE g.indicator_id = ? AND g.source_id = ? AND g.mention_id IS NULL
          AND g.economy IN (SELECT unnest(?::VARCHAR[])) AND g.year BETWEEN ? AND ? AND p.value > 0
        ORDER BY g.economy, g.year""", (price, POPULATION, GERD[price], WDI_SOURCE, list(economies), year_from, year_to))


@derived
def measure(name: str, price: str, economies: tuple[str, ...], year_from: int, year_to: int) -> pd.DataFrame:
    """The R&D measure the selector names: "intensity" (% of GDP), "absolute" (GERD) or "per_capita" (GERD/person)."""
    if name == "intensity":
        return series(INTENSITY, economies, year_from, year_to)
    if name == "per_capita":
        return per_capita(price, economies, year_from, year_to)
    return series(GERD[price], economies, year_from, year_to)


def measure_inputs(name: str, price: str) -> tuple[str, ...]:
    """The indicators a measure is computed from, for its source line (per person: GERD, then population)."""
    if name == "intensity":
        return (INTENSITY,)
    return (GERD[price], POPULATION) if name == "per_capita" else (GERD[price],)


def year_span(indicator_ids: tuple[str, ...]) -> tuple[int, int]:
    """First and last year any of these WDI indicators has a value (bounds of the year-range selector)."""
    frame = run("""SELECT min(year) AS lo, max(year) AS hi FROM observations
                   WHERE indicator_id IN (SELECT unnest(?::VARCHAR[])) AND source_id = ? AND mention_id IS NULL""",
                (list(indicator_ids), WDI_SOURCE))
    return int(frame["lo"].iloc[0]), int(frame["hi"].iloc[0])


@derived
def year_on_year(frame: pd.DataFrame) -> pd.DataFrame:
    """Growth over the previous year in percent, per economy; only where the previous year exists."""
    rows = []
    for economy, group in frame.sort_values("year").groupby("economy", sort=False):
        previous = group.shift(1)
        consecutive = (group["year"] - previous["year"] == 1) & (previous["value"] > 0)
        growth = (group["value"] / previous["value"] - 1) * 100
        rows.append(group.assign(value=growth, unit="percent", base_year=previous["year"],
                                 base_value=previous["value"], level=group["value"])[consecutive])
    if not rows:
        return frame.iloc[0:0].assign(base_year=[], base_value=[], level=[])
    return pd.concat(rows, ignore_index=True)


@derived
def cagr(frame: pd.DataFrame) -> pd.DataFrame:
    """Compound annual growth in percent between each economy's first and last year in `frame`.

    Columns: economy, year_from, year_to, value_from, value_to, value (percent), unit, level_unit (of the values
    from and to), source_id.
    """
    rows = []
    for economy, group in frame.sort_values("year").groupby("economy", sort=False):
        first, last = group.iloc[0], group.iloc[-1]
        years = int(last["year"]) - int(first["year"])
        if years < 1 or first["value"] <= 0:
            continue
        rows.append({"economy": economy, "year_from": int(first["year"]), "year_to": int(last["year"]),
                     "value_from": first["value"], "value_to": last["value"],
                     "value": ((last["value"] / first["value"]) ** (1 / years) - 1) * 100,
                     "unit": "percent", "level_unit": first["unit"], "source_id": first["source_id"]})
    return pd.DataFrame(rows, columns=["economy", "year_from", "year_to", "value_from", "value_to", "value", "unit",
                                       "level_unit", "source_id"])


def source(source_id: str) -> dict:
    """A dataset's sources row (title, publisher, vintage, licence, url, definition and notes in both languages)."""
    frame = run("SELECT * FROM sources WHERE source_id = ?", (source_id,))
    return frame.iloc[0].to_dict() if len(frame) else {}


def indicator(indicator_id: str) -> dict:
    """An indicators row: names, unit and definitions in both languages."""
    frame = run("SELECT * FROM indicators WHERE indicator_id = ?", (indicator_id,))
    return frame.iloc[0].to_dict() if len(frame) else {}


def _lines_like(doc_id: str, pattern: str) -> pd.DataFrame:
    return run("""
        SELECT l.file_name, l.line_no, l.text FROM document_lines l JOIN documents d USING (file_name)
        WHERE d.doc_id = ? AND l.text LIKE ? ORDER BY l.line_no""", (doc_id, pattern))


@derived
def figure7_period() -> dict:
    """The period document 003's figure 7 covers, read from the figure's caption in the document, and the sentence
    saying how the figure was computed: {file_name, line_no, text, year_from, year_to, method_line, method_text}.
    Empty when the caption is not found."""
    captions = _lines_like(FIGURE7_DOC, FIGURE7_CAPTION)
    methods = _lines_like(FIGURE7_DOC, FIGURE7_METHOD)
    for row in captions.itertuples():
        found = _YEAR_SPAN.search(row.text)
        if not found:
            continue
        result = {"file_name": row.file_name, "line_no": int(row.line_no), "text": row.text.strip(),
                  "year_from": int(found.group(1)), "year_to": int(found.group(2)),
                  "method_line": None, "method_text": ""}
        if len(methods):
            method = methods.iloc[0]
            # The line is a paragraph; keep only the sentence about the figure.
            sentence = next(s for s in method["text"].split("。") if FIGURE7_METHOD.strip("%") in s)
            result |= {"method_line": int(method["line_no"]), "method_text": sentence.strip() + "。"}
        return result
    return {}


@derived
def document_statements() -> pd.DataFrame:
    """The documents' figures on R&D and innovation output, each with its quote, sentence, document and line."""
    return run("""
        SELECT c.indicator_id, i.name_en, i.name_zh, i.topic, c.economy, c.entity, c.year, c.period,
               c.value, c.value_high, c.unit, c.qualifier, c.note_en, c.note_zh, c.implausible,
               c.mention_id, c.file_name, c.location, c.line_no, c.quote, c.raw, c.context, c.flags,
               c.doc_id, c.title_zh, c.title_en, c.publisher, c.published
        FROM cited_figures c JOIN indicators i ON i.indicator_id = c.indicator_id
        WHERE i.topic IN (SELECT unnest(?::VARCHAR[])) OR c.mention_topic = 'innovation_output'
        ORDER BY i.topic DESC, c.indicator_id, c.doc_id, c.line_no, c.char_start""", (list(STATEMENT_TOPICS),))


def compared_statements(statements: pd.DataFrame) -> list[pd.DataFrame]:
    """Groups of document_statements() rows where one indicator and period is stated for two or more economies
    (the world excluded): the pairs a small chart can compare, e.g. S&T clusters CHN 24 vs USA 21."""
    economies = statements[statements["economy"] != "WLD"]
    return [group for _, group in economies.groupby(["indicator_id", "period"], sort=False)
            if group["economy"].nunique() >= 2]


def passage(doc_id: str, first_line: int, last_line: int) -> pd.DataFrame:
    """Non-empty lines first..last of a document, verbatim: file_name, line_no, text."""
    return run("""
        SELECT l.file_name, l.line_no, l.text FROM document_lines l JOIN documents d USING (file_name)
        WHERE d.doc_id = ? AND l.line_no BETWEEN ? AND ? AND trim(l.text) <> ''
        ORDER BY l.line_no""", (doc_id, first_line, last_line))


def fields_passage() -> pd.DataFrame:
    """Document 003's text on where China leads or trails the US and EU by field (its figure 4 is an image)."""
    return passage(*FIELDS_PASSAGE)
