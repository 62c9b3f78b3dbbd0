"""The figure of one indicator stated by several documents: a point per statement, coloured by economy, hollow
when a rule bound it automatically (no person checked it), each point's hover naming its document, line and quote."""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from lib.contract import economy_order
from lib.ui import figures
from lib.ui.i18n import economy_name, format_value, t


def _where(row, lang: str) -> str:
    if pd.notna(row.page):
        return t("documents.series.where_page", lang, file=row.file_name, page=int(row.page), line=int(row.page_line))
    return t("documents.series.where", lang, file=row.file_name, line=int(row.line_no))


@figures.shared
def series_by_document(data: pd.DataFrame, *, title: str, subtitle: str, source: str, lang: str,
                       present: bool = False) -> go.Figure:
    """Points by year for each economy (columns economy, year, value, unit, automatic, file_name, line_no, page,
    page_line, quote, title); statements of one economy are joined by a thin dotted line in date order."""
    unit = str(data["unit"].iloc[0]) if len(data) else "count"
    factor, axis_title = figures.axis_scale(data["value"].tolist(), unit, lang)
    traces = []
    for code in economy_order(data["economy"]):
        frame = data[data["economy"] == code].sort_values(["year", "file_name"])
        hover = [f"{format_value(r.value, unit, lang)} · {int(r.year)}<br>{html.escape(str(r.title))[:60]}<br>"
                 f"{_where(r, lang)}<br>“{html.escape(str(r.quote))}”"
                 + (f"<br><i>{t('documents.series.automatic', lang)}</i>" if r.automatic else "")
                 for r in frame.itertuples(index=False)]
        traces.append(dict(
            type="scatter", mode="lines+markers", x=frame["year"].tolist(), y=(frame["value"] / factor).tolist(),
            name=economy_name(code, lang), customdata=hover, hovertemplate="%{customdata}<extra></extra>",
            line=dict(color=figures.color(code), width=1, dash="dot"),
            marker=dict(color=figures.color(code), size=11, line=dict(color=figures.color(code), width=2),
                        symbol=["circle-open" if a else "circle" for a in frame["automatic"]])))
    # An indicator's name can be long ("Annual growth of electronic information manufacturing value added"): wrap
    # it for the narrowest window and move the plot down by the extra lines, or a screenshot loses its end.
    sizing = figures.PRESENTATION if present else figures.NORMAL
    width = sizing.assumed_width if sizing.width else figures.NARROWEST_PLOT_WIDTH - 20
    title_lines = figures.wrap(title, int(width / (sizing.title * 0.62)))
    layout = figures.house_layout(names=[tr["name"] for tr in traces], title="<br>".join(title_lines),
                                  subtitle=subtitle, source=source, lang=lang, kind="other", present=present)
    layout["margin"]["t"] += round((len(title_lines) - 1) * sizing.title * 1.25)
    layout["yaxis"] |= dict(title=dict(text=axis_title or None), ticksuffix="%" if unit == "percent" else None,
                            tickformat=None if unit == "percent" else ",~r")
    layout["xaxis"] |= dict(tickformat="d", dtick=1)
    layout["hovermode"] = "closest"
    return go.Figure(data=traces, layout=layout)
