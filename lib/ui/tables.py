"""Tables a person reads: chosen columns under headers in the page language, economy names instead of codes,
values formatted with their unit, blanks instead of None, no internal ids (a mention_id stays: it becomes a link)."""
from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st

from lib.ui import figures, i18n, state
from lib.ui.i18n import economy_or_code, format_rows

LINK_TEXT = r"#([^#]+)$"  # the fragment of each link cell, shown as its text


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


def mark_mentions(anchor: str, data: pd.DataFrame) -> None:
    """A hidden marker naming the document statements in `data`, drawn under the anchor `anchor`: the landing script
    (lib/ui/chart_view.py) resolves a link ending in #mention-<id> (the fact explorer's "See the chart") to the
    first chart or table of the page that holds that statement."""
    if "mention_id" not in data:
        return
    ids = [state.mention_anchor(m) for m in dict.fromkeys(data["mention_id"]) if isinstance(m, str) and m]
    if ids:  # anchors only (letters, digits, _ and -): nothing from the URL or a document's text
        st.html(f'<span hidden data-chart="{anchor}" data-mentions="{" ".join(ids)}"></span>', width="content")


def show(data: pd.DataFrame, lang: str, **kwargs) -> None:
    """st.dataframe of `data`; a row stated in a document (a `mention_id` column) gets a link to its sentence, with
    the surrounding lines, in the fact explorer. A keyed table of statements (a page's own, not a chart's) gets an
    anchor, so a link to one of its statements lands on it."""
    if "mention_id" in data.columns and kwargs.get("key"):
        anchor = state.chart_anchor(str(kwargs["key"]))
        with st.container(horizontal=True, key=f"_table_head_{kwargs['key']}"):
            st.subheader("", anchor=anchor, width="content")
            mark_mentions(anchor, data)
    shown, label = _linked(data, lang, tuple(state.link_params().items()))  # language and economies carried
    # Each link says what it opens in its #fragment, which the column shows (LinkColumn decodes a pattern's group).
    config = {label: st.column_config.LinkColumn(label, display_text=LINK_TEXT)} if label else {}
    # A document's location (seeds/003_90f3….txt) is in the table's CSV but not on screen, where its name stands.
    config |= {column: None for column in data.columns if column == i18n.t("cite.col.location", lang)}
    st.dataframe(shown, hide_index=True, column_config=config, **kwargs)


# Keyed on the frame's identity, as figures are: a memoised section's frame is the same object on every rerun, so
# its links and Arrow conversion are made once per frame, language and carried parameters.
@figures.per_figure(maxsize=128)
def _linked(data: pd.DataFrame, lang: str, carried: tuple[tuple[str, str], ...]):
    """(the Arrow table shown, the header of its link column or "")."""
    from lib.ui.page import arrow  # page imports this module

    label = ""
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
    return arrow(blanks(data)), label
