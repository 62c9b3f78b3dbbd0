"""How the Sources & method page reads: EU aggregates, normalisation examples and dataset coverage as table rows in
the chosen language, a document as numbered lines with every extracted figure marked, and catalogue facts as a
compact list (all document and catalogue text escaped)."""
from __future__ import annotations

import html

import pandas as pd

from lib.contract import economy_order
from lib.queries import sources
from lib.ui.facts_view import entity_label, value_text
from lib.ui.i18n import field, t


def eu_rows(lang: str) -> pd.DataFrame:
    """eu_aggregates as table rows in lang."""
    frame = sources.eu_aggregates()
    own = t("sources.eu.own_aggregate", lang)
    how = frame["how_zh" if lang == "zh" else "how_en"]
    return pd.DataFrame({
        t("sources.col.dataset", lang): [field(row, "title", lang) for _, row in frame.iterrows()],
        t("sources.col.eu", lang): [h if isinstance(h, str) else own for h in how],
        t("sources.col.span", lang): [f"{a}–{b}" if a != b else str(a)
                                      for a, b in zip(frame["first_year"], frame["last_year"])],
    })


def example_rows(examples: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The normalisation examples as table rows: case, as printed, as stored, as read, file and line."""
    return pd.DataFrame({
        t("sources.col.case", lang): [t(f"sources.case.{c}", lang) for c in examples["case_id"]],
        t("sources.col.printed", lang): examples["raw"],
        t("sources.col.stored", lang): [f"{v:g}" + ("" if pd.isna(h) else f" – {h:g}") + f" {u}" for v, h, u
                                        in zip(examples["value"], examples["value_high"], examples["unit"])],
        t("sources.col.read", lang): [value_text(r, lang) for _, r in examples.iterrows()],
        t("sources.col.where", lang): examples["location"] + ":" + examples["line_no"].astype(str),
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
