"""Figures and report exports of the Four chains page: the ratio scorecard, the gap heatmap, the gap list CSV (the
gap map's PNG is made by lib/ui/export.py, the one image path)."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from lib.contract import COMPARED
from lib.ui import downloads, figures
from lib.ui.i18n import economy_name, format_value, number, t



def ratio_hover(card: pd.DataFrame, lang: str) -> pd.DataFrame:
    """card with hover_usa and hover_euu: the signal, China's and the other economy's value, and the citation.

    card: rows with label, unit, value_chn, value_usa, value_euu and citation."""
    def one(row, code: str) -> str:
        value, raw = (getattr(row, f"{column}_{code.lower()}", None) for column in ("value", "raw"))
        chn = format_value(row.value_chn, row.unit, lang, stated=getattr(row, "raw_chn", None))
        return (f"{row.label}<br>{economy_name('CHN', lang)}: {chn}"
                f"<br>{economy_name(code, lang)}: {format_value(value, row.unit, lang, stated=raw)}<br>{row.citation}")
    rows = list(card.itertuples())
    return card.assign(hover_usa=[one(r, "USA") for r in rows], hover_euu=[one(r, "EUU") for r in rows])


def ratio_text(ratio: float, lang: str) -> str:
    """A ratio as a label, with the decimals of every ratio (i18n.DECIMALS): 0.51, 1.30, 12.40."""
    return number(ratio, lang, "ratio")


def log_ticks(values) -> tuple[list[float], list[str]]:
    """Tick values and labels for a log axis of ratios: 1-2-5 steps over the values' range, each written in full
    (0.1, 0.2, 0.5, 1, 2, 5, 10) instead of Plotly's "0.1 2 5 1 2"."""
    drawn = [v for v in values if v and v > 0 and not math.isnan(v)] or [1.0]
    low, high = min(min(drawn), 1.0), max(max(drawn), 1.0)
    ticks = [m * 10 ** e for e in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1)
             for m in (1, 2, 5)]
    inside = [v for v in ticks if low / 1.6 <= v <= high * 1.6]
    return inside, [f"{v:g}" for v in inside]


@figures.shared
def scorecard_figure(card: pd.DataFrame, *, source: str, lang: str, present: bool = False, title: str | None = None,
                     subtitle: str | None = None) -> go.Figure:
    """Dots of China's ratio to the US and to the EU per signal (log x, line at parity), absolute values on hover.

    card: rows with label, ratio_usa, ratio_euu, hover_usa, hover_euu (see ratio_hover). title, subtitle: the
    scorecard's own unless given (the Overview states its finding)."""
    # Labels wrapped and drawn in the left 40 % of the plot area, so the title, legend and source line keep their
    # place at the figure's left edge instead of moving right with the long labels. They are wrapped for the
    # narrowest window (a label wider than its 40 % runs off the figure's left edge and is cut).
    wrapped = [figures.wrap(label, figures.label_units(0.4, present, narrow=True)) for label in card["label"]]
    card = card.assign(label=["<br>".join(lines) for lines in wrapped])
    labels = card["label"].tolist()
    # A row holds its label's lines (1.3 em each, at the mode's font: presentation labels touched at 16 px) and the
    # dot labels.
    line = round((figures.PRESENTATION if present else figures.NORMAL).font * 1.3)
    row = max(46, line * max(map(len, wrapped), default=1) + 16)
    traces = []
    for code in COMPARED:
        column = f"ratio_{code.lower()}"
        drawn = card[card[column].notna()]
        vertical = "top" if code == "USA" else "bottom"
        # Each value label sits on the side of its dot away from the parity line, so the line never crosses it.
        traces.append(go.Scatter(
            x=drawn[column].tolist(), y=drawn["label"].tolist(), mode="markers+text",
            name=t("chains.scorecard.vs", lang, economy=economy_name(code, lang)),
            marker=dict(color=figures.color(code), size=12, line=dict(color="white", width=1)),
            text=[ratio_text(v, lang) for v in drawn[column]],
            textposition=[f"{vertical} {'left' if v < 1 else 'right'}" for v in drawn[column]],
            textfont=dict(color=figures.color(code)),
            customdata=drawn[f"hover_{code.lower()}"].tolist(),
            hovertemplate="%{customdata}<extra>%{fullData.name}</extra>"))
    fig = go.Figure(traces)
    figures.style(fig, title=title or t("chains.scorecard.title", lang),
                  subtitle=subtitle or t("chains.scorecard.subtitle", lang), source=source, lang=lang, kind="other",
                  present=present)
    fig.update_layout(height=max(fig.layout.height or 480, 160 + row * len(labels)))
    tickvals, ticktext = log_ticks([*card["ratio_usa"].dropna(), *card["ratio_euu"].dropna()])
    # The legend spans the whole figure width (the signal labels take the left part).
    # Room beyond the outermost dots for their value labels (a log axis range is in powers of ten).
    drawn = [v for v in [*card["ratio_usa"].dropna(), *card["ratio_euu"].dropna()] if v > 0] or [1.0]
    span = [math.log10(min(*drawn, 1.0) / 2.5), math.log10(max(*drawn, 1.0) * 2.5)]
    fig.update_xaxes(type="log", showgrid=True, gridcolor=figures.GRID_COLOR, zeroline=False, tickvals=tickvals,
                     ticktext=ticktext, domain=[0.4, 1], range=span)
    fig.update_layout(legend_x=0.4, legend_entrywidth=None)  # natural widths: shared widths overflowed the figure
    # Top signal first; categories in the table's order.
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=labels[::-1], showgrid=False,
                     rangemode="normal", automargin=False)
    fig.add_vline(x=1, line=dict(color=figures.MUTED_COLOR, dash="dash", width=1), layer="below")
    # The label at the line's foot, inside the plot, clear of the legend. An annotation's x on a log axis is the
    # log10 of the value (add_vline's own label landed at 10).
    fig.add_annotation(text=t("chains.scorecard.parity", lang), x=0, xref="x", y=0, yref="paper", xanchor="left",
                       yanchor="bottom", xshift=4, showarrow=False, font=dict(color=figures.MUTED_COLOR))
    return fig


def gap_matrix(counts: pd.DataFrame, chains: tuple[str, ...], industries: tuple[str, ...]) -> pd.DataFrame:
    """Counts (chain, industry, gaps) as a chains x industries matrix with zeros where no gap is named."""
    matrix = counts.pivot_table(index="chain", columns="industry", values="gaps", aggfunc="sum", fill_value=0)
    return matrix.reindex(index=list(chains), columns=list(industries), fill_value=0).astype(int)


@figures.shared
def heatmap_figure(matrix: pd.DataFrame, *, title: str, subtitle: str, source: str, lang: str,
                   present: bool = False) -> go.Figure:
    """The gap counts of a chains x industries matrix as a heatmap: industries in rows (top to bottom as given, their
    long names at the left), chains in columns, numbers in the cells.

    Nine industry columns left ~50 px each in a narrow window, too little for their names; five chain columns and
    row labels at the side fit any width."""
    sizing = figures.PRESENTATION if present else figures.NORMAL
    # Row labels wrapped to at most 30 % of the narrowest plot, column labels to their column's width.
    row_units = figures.label_units(0.3, present, narrow=True)
    rows = [figures.wrap(t(f"chains.industry.{i}", lang), row_units) for i in matrix.columns]
    columns = [figures.wrap(t(f"chains.chain.{c}", lang), figures.label_units(0.7 / len(matrix.index), present,
                                                                              narrow=True)) for c in matrix.index]
    y, x = ["<br>".join(lines) for lines in rows], ["<br>".join(lines) for lines in columns]
    z = matrix.T.to_numpy().tolist()
    names = [[f"{t(f'chains.chain.{c}', lang)} · {t(f'chains.industry.{i}', lang)}" for c in matrix.index]
             for i in matrix.columns]
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=y, text=[[str(v) if v else "" for v in row] for row in z], texttemplate="%{text}",
        customdata=names, colorscale=[[0, "#FFFFFF"], [0.01, "#FBE3E6"], [1, figures.color("CHN")]],
        showscale=False, xgap=2, ygap=2,
        hovertemplate="%{customdata}: %{z} " + t("chains.gapmap.hover", lang) + "<extra></extra>"))
    figures.style(fig, title=title, subtitle=subtitle, source=source, lang=lang, kind="other", present=present)
    # The row labels get a margin of known width, so the title and the source line can move left over it and
    # start at the figure's edge like every other chart's (anchored to the plot, they were cut off on the right).
    label_px = round(max(figures.display_width(line) for lines in rows for line in lines) * sizing.font * 0.6 + 12)
    fig.update_layout(margin_l=fig.layout.margin.l + label_px, title=dict(xref="container", x=0, pad_l=10))
    for annotation in fig.layout.annotations:
        if annotation.name == "source":
            annotation.xshift = -label_px
    fig.update_yaxes(autorange="reversed", showgrid=False, zeroline=False, rangemode="normal", automargin=False)
    # Chain names over the columns, under the title and subtitle however many lines those took, and room for the
    # extra lines of a wrapped name.
    fig.update_xaxes(showgrid=False, showline=False, tickangle=0, side="top", tickvals=x, ticktext=x)
    top = figures.heading_bottom(fig, present) + 10 + sizing.font * 2 \
        + (max(len(lines) for lines in columns) - 1) * sizing.font * 1.3
    fig.update_layout(margin_t=round(top))
    if not present:  # the presentation frame keeps its size; in the page each row gets about 40 px
        fig.update_layout(height=max(sizing.height, round(top + fig.layout.margin.b + 40 * len(rows))))
    return fig


def gap_csv(gaps: pd.DataFrame, lang: str) -> bytes:
    """The gap list with its citations (document, file, lines, quote, summaries) as UTF-8-BOM CSV for Excel."""
    columns = ["gap_id", "chain", "industry", "doc_id", "file_name", "line_no", "line_end", "section", "quote",
               "summary_zh", "summary_en", "title_zh" if lang == "zh" else "title_en"]
    return downloads.frame_csv(gaps[columns])
