"""The figure of one indicator stated by several documents: a point per statement, coloured by economy, hollow
when a rule bound it automatically (no person checked it), each point's hover naming its document, line and quote."""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from lib.contract import economy_order
from lib.queries import documents
from lib.ui import citations, figures, findings, page
from lib.ui.i18n import economy_name, format_rows, format_value, plural, t, unit_label
from lib.ui.tables import readable


def _where(row, lang: str) -> str:
    """The document's name and line (and PDF page): its location is in the table's CSV column instead."""
    row = row._asdict()
    if pd.notna(row["page"]):
        return citations.place(row, int(row["page_line"]), lang, page=int(row["page"]))
    return citations.place(row, int(row["line_no"]), lang)


@figures.shared
def series_by_document(data: pd.DataFrame, *, title: str, subtitle: str, source: str, lang: str,
                       present: bool = False, reference: pd.DataFrame | None = None) -> go.Figure:
    """Points by year for each economy (columns economy, year, value, unit, automatic, file_name, location, line_no,
    page, page_line, quote, title); statements of one economy are joined by a thin dotted line in date order.
    `reference` (economy, year, value, title): a dataset's own figures drawn beside them as diamonds (the recount
    of a company list next to the counts the documents state)."""
    unit = str(data["unit"].iloc[0]) if len(data) else "count"
    factor, axis_title = figures.axis_scale(data["value"].tolist(), unit, lang)
    traces = []
    for code in economy_order(data["economy"]):
        frame = data[data["economy"] == code].sort_values(["year", "file_name"])
        hover = [f"{format_value(r.value, unit, lang, stated=r.raw)} · {int(r.year)}<br>"
                 f"{html.escape(_where(r, lang))}<br>“{html.escape(str(r.quote))}”"
                 + (f"<br><i>{t('documents.series.automatic', lang)}</i>" if r.automatic else "")
                 for r in frame.itertuples(index=False)]
        traces.append(dict(
            type="scatter", mode="lines+markers", x=frame["year"].tolist(), y=(frame["value"] / factor).tolist(),
            name=economy_name(code, lang), customdata=hover, hovertemplate="%{customdata}<extra></extra>",
            line=dict(color=figures.color(code), width=1, dash="dot"),
            marker=dict(color=figures.color(code), size=11, line=dict(color=figures.color(code), width=2),
                        symbol=["circle-open" if a else "circle" for a in frame["automatic"]])))
    for row in (reference.itertuples(index=False) if reference is not None else ()):
        traces.append(dict(
            type="scatter", mode="markers", x=[int(row.year)], y=[row.value / factor],
            name=f"{economy_name(row.economy, lang)} · {row.title}",
            customdata=[f"{format_value(row.value, unit, lang)} · {int(row.year)}<br>{html.escape(str(row.title))}"],
            hovertemplate="%{customdata}<extra></extra>",
            marker=dict(color=figures.color(row.economy), size=12, symbol="diamond",
                        line=dict(color="white", width=1))))
    # A long title is wrapped by the house layout, which moves the plot down by its extra lines.
    layout = figures.house_layout(names=[tr["name"] for tr in traces], title=title,
                                  subtitle=subtitle, source=source, lang=lang, kind="other", present=present)
    layout["yaxis"] |= dict(title=dict(text=axis_title or None), ticksuffix="%" if unit == "percent" else None,
                            tickformat=None if unit == "percent" else ",~r")
    layout["xaxis"] |= dict(tickformat="d", dtick=1)
    layout["hovermode"] = "closest"
    return go.Figure(data=traces, layout=layout)


def series_view(data: pd.DataFrame, *, name: str, indicator_id: str, lang: str, present: bool = False,
                reference: pd.DataFrame | None = None, finding: str = "documents.series.finding") -> dict:
    """The arguments of page.chart for one indicator as the documents state it (lib.queries.documents.series):
    the figure, the table of its points with document place, line and quote, and a source line naming every
    document (and the dataset of `reference`, if given). The title states the latest values stated for China and
    the US or the EU (the i18n key `finding`, see lib/ui/findings.py), else the range the documents state."""
    # The documents by name (文件002《…》；文件000《…》), then the dataset of `reference`.
    named = [citations.document_name(row, lang) for _, row in data.drop_duplicates("doc_id").iterrows()]
    extra = list(dict.fromkeys(reference["title"])) if reference is not None and len(reference) else []
    source = citations.join(named + extra, lang)
    docs = data["file_name"].nunique()
    unit = data["unit"].iloc[0]
    statements = plural("count.statements", lang, len(data), n=len(data))
    subtitle = t("documents.series.subtitle", lang, unit=unit_label(unit, lang), statements=statements,
                 documents=plural("count.documents", lang, docs, n=docs))
    # One economy only (most of the documents' Chinese statistics): the range of what the documents state.
    low, high = data["value"].min(), data["value"].max()
    stated = t("documents.series.range", lang, measure=name, statements=statements,
               values=format_value(low, unit, lang, high=None if low == high else high))
    title = findings.stating(finding, data, unit, lang, stated, measure=name)
    fig = series_by_document(data, title=title, subtitle=subtitle, source=source, lang=lang, present=present,
                             reference=reference)
    shown = data.assign(value=format_rows(data, lang), document=[citations.document_name(r, lang)
                                                                   for _, r in data.iterrows()],
                        automatic=[t("documents.series.automatic" if a else "documents.series.checked", lang)
                                   for a in data["automatic"]])
    columns = {"economy": "economy", "year": "year", "value": "value", "document": "file_name", "line_no": "line_no",
               "page": "page", "page_line": "page_line", "quote": "quote", "automatic": "automatic"}
    shown = readable(shown, lang, {"mention_id": "mention_id"}
                     | {c: t(f"documents.series.col.{key}", lang) for c, key in columns.items()}
                     | {"location": t("cite.col.location", lang)})
    drawn = data if reference is None else pd.concat([data, reference.rename(columns={"title": "source"})])
    return dict(fig=fig, data=shown, name=f"documents_{indicator_id}", source=source, lang=lang,
                indicators=[indicator_id], values=drawn)


@page.memo
def stated_over_time(indicator_id: str, economies: tuple[str, ...], source_id: str, dataset_name: str, title: str,
                     lang: str, present: bool, finding: str = "documents.series.finding") -> dict | None:
    """page.chart arguments for an indicator of some economies as every document states it, beside one dataset's
    own figures of it (a company list's recount); None when no document states it for those economies."""
    data = documents.series(indicator_id)
    data = data[data["economy"].isin(economies)]
    if data.empty:
        return None
    reference = documents.dataset_points(indicator_id, economies, source_id).assign(title=dataset_name)
    return series_view(data, name=title, indicator_id=indicator_id, lang=lang, present=present, reference=reference,
                       finding=finding)
