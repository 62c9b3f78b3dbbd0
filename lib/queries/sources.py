"""Named queries of the Sources & method page: documents and their text, datasets and their coverage, worked
examples of normalisation, EU aggregates, citation facts, and the whole warehouse as a ZIP of CSV files."""
from __future__ import annotations

import html
import io
import zipfile

import pandas as pd

from lib.ui.i18n import t
from lib.contract import economy_order
from lib.queries import run
from lib.queries.facts import entity_label, value_text

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
        SELECT o.source_id, s.title, s.publisher,
               nullif(regexp_extract(coalesce(o.note_en, ''), 'EU = [^;]*'), '') AS how_en,
               nullif(regexp_extract(coalesce(o.note_zh, ''), '欧盟 = [^;]*'), '') AS how_zh,
               min(o.year) AS first_year, max(o.year) AS last_year
        FROM observations o JOIN sources s USING (source_id)
        WHERE o.economy = 'EUU' AND s.kind = 'dataset'
        GROUP BY ALL ORDER BY o.source_id, first_year""")


def eu_rows(lang: str) -> pd.DataFrame:
    """eu_aggregates as table rows in lang."""
    frame = eu_aggregates()
    own = t("sources.eu.own_aggregate", lang)
    how = frame["how_zh" if lang == "zh" else "how_en"]
    return pd.DataFrame({
        t("sources.col.dataset", lang): frame["title"],
        t("sources.col.eu", lang): [h if isinstance(h, str) else own for h in how],
        t("sources.col.span", lang): [f"{a}–{b}" if a != b else str(a)
                                      for a, b in zip(frame["first_year"], frame["last_year"])],
    })


def normalisation_examples() -> pd.DataFrame:
    """One real mention for each normalisation case (the first in document order): case, quote and values."""
    parts = [f"""(SELECT '{case}' AS case_id, m.* FROM mentions m WHERE {condition}
                  ORDER BY m.file_name, m.line_no, m.char_start LIMIT 1)"""
             for case, condition in NORMALISATION_CASES.items()]
    return run(" UNION ALL ".join(parts))


def example_rows(examples: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The normalisation examples as table rows: case, as printed, as stored, as read, file and line."""
    return pd.DataFrame({
        t("sources.col.case", lang): [t(f"sources.case.{c}", lang) for c in examples["case_id"]],
        t("sources.col.printed", lang): examples["raw"],
        t("sources.col.stored", lang): [f"{v:g}" + ("" if pd.isna(h) else f" – {h:g}") + f" {u}" for v, h, u
                                        in zip(examples["value"], examples["value_high"], examples["unit"])],
        t("sources.col.read", lang): [value_text(r, lang) for _, r in examples.iterrows()],
        t("sources.col.where", lang): "seeds/" + examples["file_name"] + ":" + examples["line_no"].astype(str),
    })


def coverage_rows(cover: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One dataset's coverage as table rows, economies in display order (CHN, USA, EUU first)."""

    order = {code: i for i, code in enumerate(economy_order(cover["economy"]))}
    cover = cover.sort_values("economy", key=lambda s: s.map(order))
    return pd.DataFrame({
        t("sources.col.economy", lang): [entity_label(c, lang) for c in cover["economy"]],
        t("sources.col.span", lang): [f"{a}–{b}" if a != b else str(a)
                                      for a, b in zip(cover["first_year"], cover["last_year"])],
        t("sources.col.years", lang): cover["years"].to_numpy(),
        t("sources.col.series", lang): cover["series"].to_numpy(),
    })


def meta() -> dict[str, str]:
    """The warehouse's build facts (schema_version, built_at, inputs fingerprint, row counts)."""
    frame = run("SELECT key, value FROM meta")
    return dict(zip(frame["key"], frame["value"]))


def citation_example() -> pd.Series:
    """The first catalogued document figure, to show how a figure is cited."""
    return run("""SELECT m.file_name, m.line_no, m.quote, d.title_zh, d.title_en, d.published
                  FROM mentions m JOIN documents d USING (doc_id)
                  WHERE m.mention_id IN (SELECT mention_id FROM observations)
                  ORDER BY m.file_name, m.line_no LIMIT 1""").iloc[0]


def warehouse_views() -> list[str]:
    """Every view of the warehouse plus its meta table: what "download everything" exports."""
    frame = run("""SELECT table_name FROM information_schema.tables
                   WHERE table_type = 'VIEW' OR table_name = 'meta' ORDER BY table_name""")
    return list(frame["table_name"])


def warehouse_zip(readme: str) -> bytes:
    """All views as UTF-8 CSV files (with BOM, so Excel reads Chinese) in one ZIP, with a README."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme)
        for view in warehouse_views():
            # The name comes from the warehouse's own catalogue above, never from the user; identifiers
            # cannot be bound as parameters.
            frame = run(f'SELECT * FROM "{view}"')
            archive.writestr(f"{view}.csv", frame.to_csv(index=False).encode("utf-8-sig"))
    return buffer.getvalue()


def reader_html(lines: pd.DataFrame, figures: pd.DataFrame, lang: str) -> str:
    """A document as numbered lines (blank lines skipped, numbers kept), every extracted figure marked, with the
    value as read in its tooltip. All document text is escaped."""
    by_line: dict[int, list] = {}
    for _, row in figures.iterrows():
        by_line.setdefault(int(row["line_no"]), []).append(row)
    out = []
    for line_no, text in zip(lines["line_no"], lines["text"]):
        if not text.strip():
            continue
        body, pos = [], 0
        for row in by_line.get(int(line_no), []):
            start, end = int(row["char_start"]), int(row["char_end"])
            if start < pos:  # overlapping spans (both ends of a range): the first one marks the text
                continue
            tip = f"{value_text(row, lang)} · {row['mention_id']}"
            body += [html.escape(text[pos:start]),
                     f'<mark title="{html.escape(tip)}">{html.escape(text[start:end])}</mark>']
            pos = end
        body.append(html.escape(text[pos:]))
        out.append(f'<div id="L{int(line_no)}" style="white-space:pre-wrap"><span style="color:#8c8c8c;'
                   f'display:inline-block;min-width:3.4em;user-select:none">{int(line_no)}</span>{"".join(body)}</div>')
    return f'<div style="font-size:0.92em;line-height:1.55">{"".join(out)}</div>'



def info_html(items: list[tuple[str, str]], lang: str) -> str:
    """Label/text pairs as a compact escaped list (catalogue text can hold any character)."""
    rows = "".join(f'<div style="margin:0.15em 0"><span style="color:#595959">'
                   f'{html.escape(t("sources.info.label", lang, label=label))}</span>{html.escape(str(text))}</div>'
                   for label, text in items if isinstance(text, str) and text)
    return f'<div style="line-height:1.55">{rows}</div>'
