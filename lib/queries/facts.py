"""Named queries of the fact explorer: every mention with its citation, the filters, context lines and conflicts."""
from __future__ import annotations

import html
import io
from dataclasses import dataclass

import pandas as pd

from lib.contract import ECONOMIES
from lib.ui.i18n import format_value, t
from lib.queries import run

# The page that charts a topic (the indicator's topic where the mention is catalogued, else the mention's own).
TOPIC_PAGES = {
    "rd": "rd", "unicorns": "unicorns", "digital_services": "digital_services",
    "four_chains": "four_chains", "strategic_industries": "four_chains",
}
PAGE_SIZE = 20  # result cards per explorer page
# Qualifiers the extractor reads next to a number (`超过`, `约`, `不足`, `余`, `前N`) -> i18n key suffix.
QUALIFIERS = {">": "more", "~": "about", "<": "less", "+": "plus", "top": "top"}
FLAG_CODES = ("lost_superscript", "stray_char", "spans_lines", "no_unit", "fraction", "subject_assumed",
              "ambiguous_subject", "top_n", "order_rank", "implausible")

# Indicator names of every catalogued mention (one mention can feed several indicators).
_CATALOGUED = """
    SELECT o.mention_id,
           string_agg(DISTINCT i.indicator_id, ',' ORDER BY i.indicator_id) AS indicator_ids,
           string_agg(DISTINCT i.name_en, '; ' ORDER BY i.name_en) AS indicator_en,
           string_agg(DISTINCT i.name_zh, '；' ORDER BY i.name_zh) AS indicator_zh,
           min(i.topic) AS indicator_topic
    FROM observations o JOIN indicators i USING (indicator_id)
    WHERE o.mention_id IS NOT NULL
    GROUP BY o.mention_id
"""
_MENTIONS = f"""
    WITH catalogued AS ({_CATALOGUED})
    SELECT m.mention_id, m.doc_id, m.file_name, m.line_no, m.line_end, m.char_start, m.char_end, m.quote, m.raw,
           m.value, m.value_high, m.unit, m.measure, m.qualifier, m.year, m.entity, m.topic, m.flags, m.flag_reason, m.context,
           d.title_zh, d.title_en, d.published,
           c.indicator_ids, c.indicator_en, c.indicator_zh, coalesce(c.indicator_topic, m.topic) AS chart_topic
    FROM mentions m
    JOIN documents d USING (doc_id)
    LEFT JOIN catalogued c USING (mention_id)
"""
# A year filter matches a mention of that year and one whose period (`2012-2021`) covers it.
_YEAR_MATCH = """(m.year = ? OR (m.year LIKE '____-____'
    AND TRY_CAST(substr(m.year, 1, 4) AS INTEGER) <= ? AND TRY_CAST(substr(m.year, 6, 4) AS INTEGER) >= ?))"""
_TERM_MATCH = """(contains(lower(m.quote), ?) OR contains(lower(m.context), ?)
    OR contains(lower(coalesce(c.indicator_en, '')), ?) OR contains(coalesce(c.indicator_zh, ''), ?))"""


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
    for column, chosen in (("m.doc_id", f.docs), ("m.topic", f.topics), ("m.entity", f.entities),
                           ("m.unit", f.units)):
        if chosen:
            where.append(f"{column} IN ({', '.join('?' * len(chosen))})")
            params += list(chosen)
    if f.flags:
        # flags is a comma list; a mention matches when it carries any of the chosen flags.
        where.append("list_has_any(string_split(coalesce(m.flags, ''), ','), ?)")
        params.append(list(f.flags))
    if f.year is not None:
        where.append(_YEAR_MATCH)
        params += [str(f.year), f.year, f.year]
    for term in search_terms(f.text):
        where.append(_TERM_MATCH)
        params += [term] * 4
    sql = _MENTIONS + (" WHERE " + " AND ".join(where) if where else "") + \
        " ORDER BY m.file_name, m.line_no, m.char_start, m.mention_id"
    return run(sql, params)


def options() -> dict[str, list[str]]:
    """The values each filter offers, from the warehouse: documents, topics, entities, units, flags."""
    frame = run("SELECT doc_id, topic, entity, unit, flags FROM mentions")
    flags = {code for value in frame["flags"].dropna() for code in value.split(",")}
    rank = {code: i for i, code in enumerate(ECONOMIES)}
    return {
        "docs": sorted(frame["doc_id"].dropna().unique()),
        "topics": sorted(frame["topic"].dropna().unique()),
        # Economies in display order (CHN, USA, EUU first), then companies and others alphabetically.
        "entities": sorted(frame["entity"].dropna().unique(), key=lambda e: (rank.get(e, len(rank)), e)),
        "units": sorted(frame["unit"].dropna().unique()),
        "flags": [code for code in FLAG_CODES if code in flags] + sorted(flags - set(FLAG_CODES)),
    }


def document_titles() -> pd.DataFrame:
    """doc_id, file_name, title_zh, title_en, published of every document, in file order."""
    return run("SELECT doc_id, file_name, title_zh, title_en, published FROM documents ORDER BY file_name")


def years() -> list[int]:
    """Every year a mention names, including both ends of the periods it states."""
    frame = run("""SELECT DISTINCT TRY_CAST(y AS INTEGER) AS year
                   FROM (SELECT unnest(string_split(year, '-')) AS y FROM mentions WHERE year IS NOT NULL)
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
        LEFT JOIN observations o ON o.mention_id = s.mention_id AND o.indicator_id = c.indicator_id
             AND o.economy = c.economy AND coalesce(o.entity, '') = coalesce(c.entity, '')
             AND coalesce(o.period, '') = coalesce(c.period, '')
        ORDER BY c.conflict_no, b.published, b.file_name, b.line_no""")


# ---------------------------------------------------------------- how a mention reads on screen

def label(key: str, lang: str, fallback: str) -> str:
    """The i18n text of key, or fallback for a code the i18n files do not name (new data before new strings)."""
    try:
        return t(key, lang)
    except KeyError:
        return fallback


def entity_label(code: str | None, lang: str) -> str:
    """China / 中国 for an economy code; a company or an uncatalogued code as the extractor wrote it."""
    return label(f"economy.{code}", lang, code) if code else ""


def value_text(row, lang: str) -> str:
    """The value as a person reads it, with its qualifier: `超过 5000 亿美元`, `about 50%`, `前3位`, `3.6亿张`."""
    qualifier = QUALIFIERS.get(row["qualifier"]) if isinstance(row["qualifier"], str) else None
    if qualifier == "top":  # `前三位` is a count of places, not a rank
        return t("explorer.qualifier.top", lang, value=format_value(row["value"], "count", lang))
    high = None if pd.isna(row["value_high"]) else row["value_high"]
    text = format_value(row["value"], row["unit"], lang, high=high)
    if qualifier:
        text = t(f"explorer.qualifier.{qualifier}", lang, value=text)
    if lang == "zh" and row["unit"] == "count" and isinstance(row["measure"], str):
        text += row["measure"].strip("万亿千百十")  # the measure word the document uses: 家, 个, 户, 张
    return text


def flag_texts(row, lang: str) -> list[str]:
    """Each flag of a mention in words; `implausible` carries the warehouse's reason."""
    if not isinstance(row["flags"], str):
        return []
    texts = []
    for code in row["flags"].split(","):
        text = t(f"explorer.flag.{code}", lang) if code in FLAG_CODES else code
        if code == "implausible" and isinstance(row["flag_reason"], str):
            text = t("explorer.flag.with_reason", lang, flag=text, reason=row["flag_reason"])
        texts.append(text)
    return texts


def citation(row) -> str:
    """`seeds/000_….txt, line 128: "3个"`: file, line and quote, as every exported row carries."""
    return f'seeds/{row["file_name"]}:{row["line_no"]} "{row["quote"]}"'


def mark(text: str, start: int, end: int) -> str:
    """Safe HTML of text with text[start:end] wrapped in <mark>: the document text is escaped first."""
    return f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>{html.escape(text[end:])}"


def locate(sentence: str, line: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the quote line[start:end] sits in its sentence: the occurrence preceded by the same text as on its
    line (the same number can appear twice in one sentence); None when the sentence does not contain it."""
    quote = line[start:end]
    for k in range(0, start + 1):
        prefix = line[start - k:start].lstrip()
        needle = prefix + quote
        first = sentence.find(needle)
        if first < 0:
            break
        if sentence.find(needle, first + 1) < 0:
            return first + len(prefix), first + len(prefix) + len(quote)
    first = sentence.find(quote)
    return (first, first + len(quote)) if first >= 0 else None


def quote_html(row, line: str) -> str:
    """The mention's sentence with its number highlighted (its line when the sentence lacks it), escaped."""
    start, end = int(row["char_start"]), int(row["char_end"])
    sentence = row["context"] if isinstance(row["context"], str) else ""
    where = locate(sentence, line, start, end)
    return mark(sentence, *where) if where else mark(line, start, end)


def export_frame(results: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The results as CSV/Excel rows: value as read and in base units, citation, document and indicator."""
    title = "title_zh" if lang == "zh" else "title_en"
    indicator = "indicator_zh" if lang == "zh" else "indicator_en"
    rows = {
        "mention_id": results["mention_id"],
        "value_text": [value_text(r, lang) for _, r in results.iterrows()],
        "value": results["value"], "value_high": results["value_high"], "unit": results["unit"],
        "year": results["year"],
        "entity": [entity_label(e, lang) for e in results["entity"]],
        "indicator": results[indicator], "topic": results["topic"],
        "flags": ["; ".join(flag_texts(r, lang)) for _, r in results.iterrows()],
        "quote": results["quote"], "sentence": results["context"],
        "file": "seeds/" + results["file_name"], "line": results["line_no"],
        "document": results[title], "published": results["published"],
        "citation": [citation(r) for _, r in results.iterrows()],
    }
    return pd.DataFrame(rows)


def excel_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """frame as an .xlsx workbook (xlsxwriter), header frozen and columns sized to their content."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        frame.to_excel(writer, sheet_name=sheet[:31], index=False)
        sheet_obj = writer.sheets[sheet[:31]]
        sheet_obj.freeze_panes(1, 0)
        for i, column in enumerate(frame.columns):
            longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
            sheet_obj.set_column(i, i, min(60, max(8, longest + 2)))
    return buffer.getvalue()


# ---------------------------------------------------------------- safe HTML for st.html (every text escaped)

_MUTED = "color:#595959;font-size:0.9em"
_FLAG = "color:#8a4b00;background:#fff4e0;border-radius:4px;padding:1px 6px;font-size:0.9em;margin-right:4px"


def card_html(row, line: str, lang: str, links: list[tuple[str, str]] = (), note: str | None = None) -> str:
    """One result: the value as read, subject, year and indicator; the sentence with the number marked; the
    document and line; each flag in words; links (label, relative URL); an optional note."""
    facts = [entity_label(row["entity"], lang)]
    if isinstance(row["year"], str):
        facts.append(row["year"])
    indicator = row["indicator_zh" if lang == "zh" else "indicator_en"]
    if isinstance(indicator, str):
        facts.append(t("explorer.indicator", lang, name=indicator))
    title = row["title_zh" if lang == "zh" else "title_en"]
    where = t("explorer.where", lang, doc=title, published=row["published"], line=row["line_no"])
    flags = "".join(f'<span style="{_FLAG}">⚠ {html.escape(text)}</span>' for text in flag_texts(row, lang))
    anchors = " · ".join(f'<a href="{html.escape(href)}" target="_self">{html.escape(label)}</a>'
                         for label, href in links)
    note_html = f'<div style="{_MUTED}">{html.escape(note)}</div>' if note else ""
    return (
        f'<div style="line-height:1.55">'
        f'<div><b style="font-size:1.15em">{html.escape(value_text(row, lang))}</b>'
        f'<span style="{_MUTED}"> · {html.escape(" · ".join(f for f in facts if f))}</span></div>'
        f'<div style="margin:0.25em 0">{quote_html(row, line)}</div>'
        f'<div style="{_MUTED}">{html.escape(where)} · seeds/{html.escape(row["file_name"])}'
        f'{" · " + anchors if anchors else ""}</div>'
        f'{"<div>" + flags + "</div>" if flags else ""}{note_html}</div>'
    )


def lines_html(lines: pd.DataFrame, row=None) -> str:
    """Numbered document lines; the mention's own line bold with its number marked (row gives the span)."""
    out = []
    for line_no, text, own in zip(lines["line_no"], lines["text"], lines["own"]):
        body = mark(text, int(row["char_start"]), int(row["char_end"])) if own and row is not None \
            else html.escape(text)
        weight = "font-weight:600;" if own else ""
        out.append(f'<div style="{weight}white-space:pre-wrap"><span style="color:#8c8c8c;display:inline-block;'
                   f'min-width:3.2em;user-select:none">{int(line_no)}</span>{body}</div>')
    return f'<div style="font-size:0.92em;line-height:1.5">{"".join(out)}</div>'


def conflict_header_html(first, lang: str) -> str:
    """Indicator, subject and period of one conflict, and what kind of difference it is."""
    name = first["name_zh" if lang == "zh" else "name_en"]
    kind = t(f"explorer.conflicts.kind.{first['kind']}", lang)
    spread = t("explorer.conflicts.spread", lang, spread=f"{float(first['spread_percent']):g}")
    subject = first["conflict_entity"] if isinstance(first["conflict_entity"], str) \
        else entity_label(first["economy"], lang)
    period = t("explorer.conflicts.period", lang, period=first["period"] or "")
    style = _FLAG if first["kind"] == "disagreement" else _MUTED
    return (f'<div><b style="font-size:1.1em">{html.escape(str(name))}</b>'
            f'<span style="{_MUTED}"> · {html.escape(subject)} · {html.escape(period)}</span> '
            f'<span style="{style}">{html.escape(kind)}, {html.escape(spread)}</span></div>')
