"""Tables a person reads: chosen columns under headers in the page language, economy names instead of codes,
values formatted with their unit, blanks instead of None, no internal ids (a mention_id stays: it becomes a link)."""
from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Iterable
from urllib.parse import quote

import pandas as pd
import streamlit as st

from lib.ui import downloads, figures, i18n, state
from lib.ui.i18n import economy_or_code, format_rows

LINK_TEXT = r"#([^#]+)$"  # the fragment of each link cell, shown as its text
WORD = re.compile(r"[^\s\u2e80-\u9fff\uff00-\uffef]+|[\u2e80-\u9fff\uff00-\uffef]{1,4}")  # what a line never breaks
SITE = r"^https?://(?:www\.)?([^/?#]+).*$"  # a web address shown as its site
# Fitting a table to its column (see `fit`). The narrowest column a table lives in: 1100 px window, sidebar open,
# 638 px; a bordered box or an expander takes 32 px of padding, the grid's border and scroll bar a few more.
BUDGET = 596
PX_PER_UNIT = 7.5  # px per width unit (figures.display_width: Latin 1, Chinese 2) in the grid's 14 px font
CELL_PAD = 18  # a cell's padding left and right
HEADER_PAD = 26  # a header's padding, and room for its sort arrow
MIN_COLUMN, MAX_COLUMN = 44, 420
LONG_TEXT = 160  # px: a column whose cells are this wide on average holds sentences, which wrap (or leave the screen)
LONG_WORD = 80  # px: a longer word breaks inside (a file path, a long English word) rather than widen its column
SHORT_HEADER = 72  # a header cut to make room still shows its first word or characters
MAX_LINES, LINE_PX, ROW_PAD, WRAP_ROW = 4, 19, 14, 66  # the grid wraps text only in rows taller than 64 px
SAMPLE_ROWS = 500  # cells measured per column: enough for every table on the pages, bounded for a long list


def readable(frame: pd.DataFrame, lang: str, headers: dict[str, str], *, units: dict[str, str] | None = None,
             economies: tuple[str, ...] = ("economy",)) -> pd.DataFrame:
    """`frame`'s columns named in `headers` (in that order, missing ones skipped), renamed to the headers.

    units: column -> unit to format it in (`USD`, `percent`, ...) or the name of a column holding each row's unit.
    economies: columns of economy codes, shown as names. Empty cells are blank, whole numbers stay whole."""
    out = frame.copy()
    for column, unit in (units or {}).items():
        if column in out:
            # A value column's row carries its range (value_high) and printed figure (raw), if the frame has them.
            rows = out.assign(unit=out[unit] if unit in out else unit)
            texts = format_rows(rows, lang, column=column, **({} if column == "value" else dict(high=None, raw=None)))
            out[column] = [text if pd.notna(v) else "" for v, text in zip(out[column], texts)]
    for column in economies:
        if column in out:
            # Codes outside the house vocabulary (the lists' AUS, SGP, ...) stay codes: the country column names them.
            out[column] = [economy_or_code(c, lang) or "" for c in out[column]]
    kept = [c for c in headers if c in out]
    return blanks(out[kept].rename(columns={c: headers[c] for c in kept if c != "mention_id"}))


def blanks(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with empty cells blank, not "None" or "<NA>"; whole numbers stay whole, dates read YYYY-MM-DD."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column]) and out[column].isna().any():
            # A blank, not "None" or "<NA>": the numbers of the other rows are shown as text beside it.
            whole = out[column].dropna().mod(1).eq(0).all()
            out[column] = [("" if pd.isna(v) else str(int(v)) if whole else str(v)) for v in out[column]]
        elif pd.api.types.is_float_dtype(out[column]) and out[column].mod(1).eq(0).all():
            out[column] = out[column].astype("Int64")
        elif pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = [v.strftime("%Y-%m-%d") if pd.notna(v) else "" for v in out[column]]
        elif not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].astype(object).where(out[column].notna(), "")
    return out


def mentions_marker(anchor: str, data: pd.DataFrame) -> str:
    """A hidden marker naming the document statements in `data`, drawn under the anchor `anchor` ("" when `data`
    holds none): the landing script (lib/ui/chart_view.py) resolves a link ending in #mention-<id> (the fact
    explorer's "See the chart") to the first chart or table of the page that holds that statement."""
    if "mention_id" not in data:
        return ""
    ids = [state.mention_anchor(m) for m in dict.fromkeys(data["mention_id"]) if isinstance(m, str) and m]
    # Anchors only (letters, digits, _ and -): nothing from the URL or a document's text.
    return f'<span hidden data-chart="{anchor}" data-mentions="{" ".join(ids)}"></span>' if ids else ""


def show(data: pd.DataFrame, lang: str, *, key: str | None = None, hidden: Iterable[str] = (),
         colours: pd.DataFrame | None = None, download: bool = True, budget: int = BUDGET) -> None:
    """`data` as a grid that fits its column without scrolling sideways (`fit`); a row stated in a document (a
    `mention_id` column) gets a link to its sentence, with the surrounding lines, in the fact explorer. A keyed table
    of statements (a page's own, not a chart's) gets an anchor, so a link to one of its statements lands on it.

    hidden: columns only for machines (ids, file locations, hashes; a document's location always): not on screen,
    but in the CSV the download button under the table writes (download=False where the caller has its own, as a
    chart's Table view has). colours: CSS per cell (same shape as `data`), e.g. a background by agreement.
    budget: the width in px the table must fit (the 1100 px window's column, minus a bordered box's padding)."""
    if "mention_id" in data.columns and key:
        anchor = state.chart_anchor(str(key))
        with st.container(horizontal=True, key=f"_table_head_{key}"):
            st.subheader("", anchor=anchor, width="content")
            if marker := mentions_marker(anchor, data):
                st.html(marker, width="content")
    gone = tuple(c for c in data.columns if c in set(hidden) or c == i18n.t("cite.col.location", lang))
    shown, _, config, row_height, dropped = _fitted(data, lang, tuple(state.link_params().items()), gone, budget)
    if colours is not None:  # a Styler is made per run: Streamlit computes its styles in place (no link column here)
        shown = blanks(data).style.apply(lambda _: colours, axis=None)
    st.dataframe(shown, hide_index=True, column_config=config, row_height=row_height, key=key)
    if dropped:
        st.caption(i18n.t("table.dropped", lang, columns=i18n.t("finding.list", lang).join(map(str, dropped))))
    if (gone and download) or dropped:  # what is not on screen is in this file
        st.download_button(i18n.t("table.download", lang), data=functools.partial(downloads.frame_csv, data),
                           file_name=f"{key or 'table'}.csv", mime="text/csv", on_click="ignore",
                           icon=":material/download:", key=f"_table_csv_{key or _name(data)}")


def _name(data: pd.DataFrame) -> str:
    """A stable name for an unkeyed table (its download's key): its columns and size."""
    return hashlib.blake2b(repr((list(data.columns), data.shape)).encode(), digest_size=6).hexdigest()


def text_px(value) -> float:
    """About how wide `value` is drawn in the grid's 14 px font: Latin ~7.5 px a character, Chinese 14."""
    return figures.display_width(str(value)) * PX_PER_UNIT


def fit(frame: pd.DataFrame, budget: int = BUDGET, *,
        texts: dict[str, list[str]] | None = None) -> tuple[dict[str, int], int | None, tuple[str, ...]]:
    """({column: width in px}, row height or None, columns left off the screen) so that `frame` fits `budget` px.

    Each column is as wide as its longest cell and header need (up to MAX_COLUMN). When they do not all fit, first
    headers give way (a cut header says itself in its tooltip), then `_capped`. Text wider than its column wraps
    (the grid wraps only in rows taller than 4rem) up to MAX_LINES lines, a cell cut there shown whole when clicked
    and in the CSV. texts: the text drawn per column where it is not the cell's value (a link column shows its
    #fragment)."""
    texts = texts or {}
    cells = {c: texts.get(c) or frame[c].head(SAMPLE_ROWS).tolist() for c in frame.columns}
    content = {c: max([text_px(v) for v in cells[c] if v is not None and str(v) != ""] or [0]) + CELL_PAD
               for c in frame.columns}
    natural = {c: _clamp(max(content[c], text_px(c) + HEADER_PAD)) for c in frame.columns}
    snug = {c: _clamp(max(content[c], min(text_px(c) + HEADER_PAD, SHORT_HEADER))) for c in frame.columns}
    columns, dropped = list(frame.columns), []
    if sum(natural.values()) <= budget:
        widths = natural
    elif sum(snug.values()) <= budget:  # headers shortened: what is left goes to the headers cut most
        spare, cut = budget - sum(snug.values()), sum(natural[c] - snug[c] for c in frame.columns)
        widths = {c: int(snug[c] + spare * (natural[c] - snug[c]) / cut) for c in frame.columns}
    else:
        widths, dropped = _capped(cells, snug, budget)
        columns = list(widths)
    # A cell wider than its column (a long note at MAX_COLUMN too) wraps; lines break at words, so a wrapped line
    # holds a little less than the column: 15% slack.
    lines = max((min(MAX_LINES, math.ceil(1.15 * text_px(v) / max(1, widths[c] - CELL_PAD)))
                 for c in columns if widths[c] < content[c] for v in cells[c]), default=1)
    return widths, (max(WRAP_ROW, lines * LINE_PX + ROW_PAD) if lines > 1 else None), tuple(dropped)


def _capped(cells: dict[str, list], snug: dict[str, int], budget: int) -> tuple[dict[str, int], list[str]]:
    """Widths for columns that do not fit even with short headers: the widest are capped at the one width that makes
    the row fit, none narrower than its longest word (a Chinese run counts four characters), so text wraps and a
    number keeps its digits on one line; with too many columns for even that, the rightmost long texts (quotes,
    notes) leave the screen, not the figures (the caption under the table names them, its CSV holds them)."""
    floor = {c: min(snug[c], max([MIN_COLUMN] + [min(LONG_WORD, text_px(w)) + CELL_PAD for v in cells[c]
                                                 for w in WORD.findall(str(v))])) for c in snug}
    # A column of sentences (quotes, notes, titles) rather than figures or names: on average wider than LONG_TEXT.
    texty = {c for c in snug if sum(text_px(v) for v in cells[c]) / max(1, len(cells[c])) > LONG_TEXT}
    columns, dropped = list(snug), []
    while sum(floor[c] for c in columns) > budget and (long := [c for c in columns[1:] if c in texty]):
        dropped.insert(0, long[-1])
        columns.remove(long[-1])
    cap = next((w for w in range(max(snug.values()), 0, -1)
                if sum(max(floor[c], min(snug[c], w)) for c in columns) <= budget), 0)
    widths = {c: int(max(floor[c], min(snug[c], cap))) for c in columns}
    if sum(widths.values()) > budget:  # still more columns than the width holds: each narrows in proportion
        scale = budget / sum(widths.values())
        widths = {c: int(w * scale) for c, w in widths.items()}
    return widths, dropped


def _clamp(px: float) -> int:
    return int(min(MAX_COLUMN, max(MIN_COLUMN, px)))


# Keyed on the frame's identity, as figures are: a memoised section's frame is the same object on every rerun, so
# its links, widths and Arrow conversion are made once per frame, language, carried parameters and hidden columns.
@figures.per_figure(maxsize=128)
def _fitted(data: pd.DataFrame, lang: str, carried: tuple[tuple[str, str], ...], hidden: tuple[str, ...],
            budget: int):
    """(the Arrow table shown, the header of its link column or "", its column_config, its row height or None, the
    columns `fit` left off the screen)."""
    from lib.ui.page import arrow  # page imports this module

    label, texts = "", {}
    if "mention_id" in data.columns:
        label = i18n.t("chart.explorer", lang)
        # A dataset row (no sentence) links to the datasets' descriptions instead of showing an empty cell.
        datasets = state.build_link("sources", dict(carried) | {"view": "datasets"})
        dataset = f"{datasets}#{quote(i18n.t('chart.dataset', lang))}"
        opened = quote(i18n.t("chart.explorer.open", lang))
        links = [f"{state.build_link('explorer', dict(carried) | {'mention': m})}#{opened}" if isinstance(m, str) and m
                 else dataset for m in data["mention_id"]]
        data = data.drop(columns="mention_id")  # the link carries it
        data.insert(0, label, links)  # first, where it is seen without scrolling
        texts[label] = [i18n.t("chart.explorer.open", lang), i18n.t("chart.dataset", lang)]  # what the links show
    data = blanks(data)
    # A column of web addresses shows each one's site (crunchbase.com), the address a click away.
    urls = [c for c in data.columns if c != label and not pd.api.types.is_numeric_dtype(data[c])
            and data[c].ne("").any()
            and data[c].map(lambda v: v == "" or (isinstance(v, str) and v.startswith(("http://", "https://")))).all()]
    texts |= {c: [re.sub(SITE, r"\1", v) for v in data[c].head(SAMPLE_ROWS)] for c in urls}
    widths, row_height, dropped = fit(data.drop(columns=list(hidden)), budget, texts=texts)
    config = {}
    for column, width in widths.items():
        # A header cut short by its width says itself in full in its tooltip.
        help_ = str(column) if width < text_px(column) + HEADER_PAD else None
        if column == label:  # each link says what it opens in its #fragment (LinkColumn decodes a pattern's group)
            config[column] = st.column_config.LinkColumn(label, display_text=LINK_TEXT, width=width, help=help_)
        elif column in urls:
            config[column] = st.column_config.LinkColumn(str(column), display_text=SITE, width=width, help=help_)
        else:
            config[column] = st.column_config.Column(width=width, help=help_)
    config |= {column: None for column in (*hidden, *dropped)}
    return arrow(data), label, config, row_height, dropped
