"""The one figure builder: house style, economy colours, source line inside the figure, export config."""
from __future__ import annotations

import functools
import inspect
import itertools
import math
import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from lib.contract import economy_order
from lib.ui import margins
from lib.ui.i18n import MISSING, economy_name, format_rows, format_value, scale, t, unit_label
from lib.queries import FRAME_HASH

FONT_FAMILY = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
# China red, US blue, EU gold; the others muted so the three compared economies stand out; the world dark grey.
COLORS = {
    "CHN": "#C8102E", "USA": "#1F4E9C", "EUU": "#D9A400",
    "JPN": "#8E6C8A", "KOR": "#3E8E84", "DEU": "#8C8C8C", "GBR": "#A27B5C",
    "IND": "#B5654A", "IRL": "#6A8F4E", "FRA": "#7F9CC4", "WLD": "#3A3A3A",
}
DASHES = {"WLD": "dash"}  # the world is a reference, not a competitor
TEXT_COLOR = "#222222"
MUTED_COLOR = "#595959"
GRID_COLOR = "#E6E6E6"
# The border Streamlit draws round a bordered container or metric in this theme, for HTML drawn as those are.
BORDER_COLOR = "rgb(220, 216, 212)"


def shared(builder):
    """Memoise a figure builder across reruns and sessions: the same data and options give the same Figure object.

    Building and validating a Plotly figure costs milliseconds per trace, and a rerun after a click on another
    chart's control would pay it again for every unchanged chart. The figure is shared, so nobody may change one
    returned by a builder: mark_period and mark_range return changed copies (themselves kept per figure).
    """
    cached = st.cache_resource(max_entries=512, show_spinner=False, hash_funcs=FRAME_HASH)(builder)
    names = list(inspect.signature(builder).parameters)

    @functools.wraps(builder)
    def call(*args, **kwargs):
        # Arguments passed by name: Streamlit's cache looks up each positional one's name with inspect.signature.
        return cached(**dict(zip(names, args)), **kwargs)
    return call


def per_figure(maxsize: int = 256):
    """Memoise a function of a shared figure (plus hashable arguments) on the figure's identity.

    Builders return the same Figure object for the same data (`shared`), so what is derived from one (its JSON, a
    marked copy) can be kept with it. Each entry holds its figure, so an id is never reused while its entry lives;
    a figure that is not shared simply misses. Entries beyond `maxsize` drop oldest first."""
    def decorate(fn):
        cache: OrderedDict = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(fn)
        def wrapper(fig: go.Figure, *args, **kwargs):
            key = (id(fig), args, tuple(sorted(kwargs.items())))
            with lock:
                hit = cache.get(key)
                if hit is not None and hit[0] is fig:
                    cache.move_to_end(key)
                    return hit[1]
            value = fn(fig, *args, **kwargs)
            with lock:
                cache[key] = (fig, value)
                while len(cache) > maxsize:
                    cache.popitem(last=False)
            return value
        return wrapper
    return decorate


@per_figure(maxsize=512)
def spec_json(fig: go.Figure) -> str:
    """The figure as the JSON Plotly.js draws (orjson engine), made once per shared figure (see `page.chart`), with
    a left margin that already holds its y tick labels (lib/ui/margins.py: spares Plotly a second layout)."""
    return pio.to_json(margins.fit(fig.to_dict()), validate=False, engine="orjson")


@dataclass(frozen=True)
class Sizing:
    """Pixel sizes of one display mode; width None means the chart stretches to its container."""

    width: int | None
    height: int
    font: int
    assumed_width: int  # width the title, subtitle and source line wrap at (from the plot's left edge); legend rows

    @property
    def title(self) -> int:
        return round(self.font * 1.45)

    @property
    def small(self) -> int:
        # Source lines and notes: smaller than the body, but still legible in a screenshot pasted into a report.
        return max(11, round(self.font * 0.85))


NORMAL = Sizing(width=None, height=480, font=13, assumed_width=640)
# A presentation chart is 1200 px wide where the window has room; in a 1100 px window Streamlit shrinks it to the
# 940 px column, and text wrapped for 1200 px ran past its right edge (zh source lines cut). Its text is wrapped for
# that column: 940 px less the y tick labels left of the plot (up to ~90 px at 18 px) and a little slack.
PRESENTATION = Sizing(width=1200, height=675, font=18, assumed_width=840)
# A stretched chart's width in the wide layout of a 1400 px window, less the margins: what labels are fitted to when
# the real width is unknown.
TYPICAL_PLOT_WIDTH = 840
# A stretched chart's plot width in a 600 px window (sidebar collapsed): legends are laid out to fit it.
NARROWEST_PLOT_WIDTH = 560

_TEMPLATE = go.layout.Template(layout=dict(
    font=dict(family=FONT_FAMILY, color=TEXT_COLOR),
    paper_bgcolor="white",
    plot_bgcolor="white",
    colorway=list(COLORS.values()),
    separators=".,",
    xaxis=dict(showgrid=False, showline=True, linecolor="#9E9E9E", ticks="outside", tickcolor="#9E9E9E",
               automargin=True, zeroline=False),
    yaxis=dict(showgrid=True, gridcolor=GRID_COLOR, zeroline=True, zerolinecolor="#BDBDBD", automargin=True,
               rangemode="tozero"),
    hoverlabel=dict(font=dict(family=FONT_FAMILY)),
))


def color(code: str) -> str:
    return COLORS.get(code, MUTED_COLOR)


def display_width(text: str) -> int:
    # Chinese characters take about twice the width of Latin ones.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


NO_LINE_START = "）)」』》〉】，,。.、；;：:！!？?”’"
NO_LINE_END = "（(「『《〈【“‘"


def wrap(text: str, max_units: int) -> list[str]:
    """Split text into lines of at most max_units (CJK counts 2): at spaces for Latin, anywhere in Chinese."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        # One token per Chinese character; a Latin run stops where Chinese starts ("WDI，2026年" is four tokens).
        # A short bracketed figure is one token: a year such as （2023年） is never split across lines.
        for token in re.findall(r"[（(][^（()）\s]{0,4}\d[^（()）\s]{0,6}[）)]\s*|[\u2e80-\u9fff\uff00-\uffef]"
                                r"|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+", paragraph):
            # Closing punctuation never starts a line (it stays with the character it closes, as in print).
            if line and display_width(line + token.rstrip()) > max_units and token[0] not in NO_LINE_START:
                # An opening bracket or quote never ends a line either: it moves down with what it opens.
                carried = line[-1] if line[-1] in NO_LINE_END and len(line) > 1 else ""
                lines.append(line[:len(line) - len(carried)].rstrip())
                line = carried + token.lstrip()
            else:
                line += token
        lines.append(line.rstrip())
    return lines


# Where a title breaks best: after a colon, comma or semicolon (Chinese or Latin), then between words; worse inside
# a run of Chinese characters, worst next to a number (2023|年, US$220.0|billion, 9 of|9 signals).
_CLAUSE_END = "：:，,；;、—"
_SHORTEST_LINE = 0.3  # a title line narrower than this share of the room reads as a word left alone


def _break_cost(before: str, after: str) -> int:
    if before.rstrip()[-1:] in _CLAUSE_END:
        return 0
    if before.rstrip()[-1:].isdigit() or after.lstrip()[:1].isdigit():
        return 20
    if before[-1:].isspace() or after[:1].isspace():
        return 1
    if before[-1:].isascii() and after[:1].isascii():  # inside a Latin word
        return 20
    return 4


def title_lines(text: str, max_units: int) -> list[str]:
    """A title in as many lines as `wrap` needs, broken at the most sensible points: after a clause (：，、), else
    between words, never leaving a word or character alone on the last line, lines as even as those points allow."""
    plain = wrap(text, max_units)
    if len(plain) < 2 or len(plain) > 3:  # one line needs no choice; four would be too many combinations to try
        return plain
    tokens = re.findall(r"[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+", text)
    cuts = [i for i in range(1, len(tokens))
            if tokens[i][0] not in NO_LINE_START and tokens[i - 1][-1] not in NO_LINE_END]

    def lines_of(chosen: tuple[int, ...]) -> list[str]:
        bounds = (0, *chosen, len(tokens))
        return ["".join(tokens[a:b]).strip() for a, b in zip(bounds, bounds[1:])]

    best, best_key = plain, None
    for chosen in itertools.combinations(cuts, len(plain) - 1):
        lines = lines_of(chosen)
        widths = [display_width(line) for line in lines]
        if max(widths) > max_units or not all(lines):
            continue
        lonely = min(widths) < _SHORTEST_LINE * max_units
        key = (lonely, sum(_break_cost(tokens[i - 1], tokens[i]) for i in chosen), max(widths) - min(widths))
        if best_key is None or key < best_key:
            best, best_key = lines, key
    return best


def label_units(share: float, present: bool = False, font: int | None = None, narrow: bool = False) -> int:
    """How many width units (see `wrap`: a Latin character 1, a Chinese one 2) fit in `share` of the plot width at
    the mode's font size (or `font`): exactly for the fixed presentation size, for a typical window otherwise, or
    for the narrowest window (`narrow`) where labels must never be cut off."""
    sizing = PRESENTATION if present else NORMAL
    if sizing.width:  # fixed size, but narrow: as shrunk to the column of the narrowest window (see PRESENTATION)
        width = sizing.assumed_width if narrow else sizing.width - 34  # 34: the house margins left and right
    else:
        width = NARROWEST_PLOT_WIDTH if narrow else TYPICAL_PLOT_WIDTH
    # 0.6 em per Latin character: Noto Sans CJK's Latin letters, measured on rendered labels, with a little room.
    return max(4, int(share * width / ((font or sizing.font) * 0.6)))


def _legend_rows(names: list[str], sizing: Sizing) -> int:
    """Rows of a horizontal legend with these entries at the narrowest plot the mode is drawn at (0: no legend).

    The top margin holds exactly this many rows, and the legend grows upwards from the plot: a row more than
    reserved would run over the subtitle, so rows are counted for a narrow window, not a typical one.
    """
    if len(names) <= 1:
        return 0
    room = (sizing.assumed_width if sizing.width else NARROWEST_PLOT_WIDTH) - 20
    # Each entry: symbol and gaps about 46 px, text about 0.58 em per Latin character, twice that per Chinese one.
    rows, used = 1, 0.0
    for name in names:
        entry = 46 + display_width(name) * sizing.font * 0.58
        if used and used + entry > room:
            rows, used = rows + 1, 0.0
        used += entry
    return rows


def heading_bottom(fig: go.Figure, present: bool = False) -> float:
    """Px from the top of a house-styled figure to the lower edge of its subtitle, for what sits right under it
    (the heatmap's column labels): the title's and subtitle's lines as `house_layout` wrapped them (title_lines).
    Measured in Streamlit's Plotly (tests/browser/test_tables_and_labels.py): each title line past the first moves
    the subtitle down by its own height and the title's pad, 2.6 em, less the 0.7 em a wrapped title rises once."""
    sizing = PRESENTATION if present else NORMAL
    title_n = str(fig.layout.title.text or "").count("<br>") + 1
    subtitle_n = str(fig.layout.title.subtitle.text or "").count("<br>") + 1
    return (12 + 1.7 * (sizing.title + sizing.font) - 2 + (subtitle_n - 1) * sizing.font * 1.3
            + (title_n - 1) * 2.6 * sizing.title - (0.7 * sizing.title if title_n > 1 else 0))


def house_layout(*, names: list[str], title: str, subtitle: str, source: str, lang: str, kind: str = "line",
                 present: bool = False, x_title: str | None = None) -> dict:
    """The layout dict of the house style for a figure whose legend shows `names` (see `style`)."""
    sizing = PRESENTATION if present else NORMAL
    legend_rows = _legend_rows(names, sizing)
    # Subtitle and source line start at the plot's left edge, right of the y tick labels: a stretched chart wraps
    # them for the narrowest window, where they would otherwise run past the figure's right edge and be cut.
    text_width = sizing.assumed_width if sizing.width else NARROWEST_PLOT_WIDTH - 20
    subtitle_lines = wrap(subtitle, int(text_width / (sizing.font * 0.58))) if subtitle else []
    # A title that states a finding can be long: wrapped like the subtitle (bold letters are a little wider).
    heading = title_lines(title, int(text_width / (sizing.title * 0.62)))
    # Measured on rendered charts: the subtitle's lower edge sits ~9 px + 1.67 x (title + subtitle font) down, and
    # each further title line ~1.3 em + 10 px lower (a two-line presentation title put the legend 3 px over it at +6).
    top = 12 + 1.7 * (sizing.title + sizing.font) + 8 + legend_rows * (sizing.font * 1.6 + 4) \
        + max(0, len(subtitle_lines) - 1) * sizing.font * 1.3 + (len(heading) - 1) * (sizing.title * 1.3 + 10)
    source_lines = wrap(t("chart.source", lang, source=source), int(text_width / (sizing.small * 0.55)))
    # Tick labels (and an x-axis title) sit between the plot and the source line.
    axis_space = sizing.font * 2.2 + (sizing.font * 1.6 if x_title else 0)
    bottom = axis_space + 8 + len(source_lines) * sizing.small * 1.35 + 10
    return dict(
        template=_TEMPLATE,
        width=sizing.width,
        height=sizing.height,
        autosize=sizing.width is None,
        font=dict(family=FONT_FAMILY, size=sizing.font, color=TEXT_COLOR),
        margin=dict(t=round(top), b=round(bottom), l=10, r=24, pad=0, autoexpand=True),
        title=dict(text="<b>" + "<br>".join(heading) + "</b>", subtitle=dict(text="<br>".join(subtitle_lines),
                                                        font=dict(size=sizing.font, color=MUTED_COLOR)),
                   font=dict(size=sizing.title), x=0, xref="paper", xanchor="left",
                   y=1, yref="container", yanchor="top",
                   # 12 px down whatever the height; Plotly anchors a wrapped title by its first line, so the lines
                   # above the last one would rise out of the figure: each extra line moves it down by its height.
                   pad=dict(t=12 + round((len(heading) - 1) * sizing.title * 1.3))),
        showlegend=legend_rows > 0,
        legend=dict(orientation="h", x=0, xanchor="left", y=1, yref="paper", yanchor="bottom",
                    font=dict(size=sizing.font),
                    bgcolor="rgba(255,255,255,0)", traceorder="normal"),
        hovermode="x unified" if kind == "line" else "closest",
        annotations=[dict(
            name="source", text="<br>".join(source_lines), showarrow=False, align="left",
            xref="paper", x=0, xanchor="left", yref="paper", y=0, yanchor="top",
            yshift=-(axis_space + 8), font=dict(size=sizing.small, color=MUTED_COLOR),
        )],
        xaxis=dict(title=dict(text=x_title)) | (dict(showgrid=False, ticks="") if kind == "bar" else {}),
        yaxis=dict(),
    )


def style(fig: go.Figure, *, title: str, subtitle: str, source: str, lang: str, kind: str = "line",
          present: bool = False, x_title: str | None = None) -> go.Figure:
    """Apply the house style in place and return fig: white background whatever the viewer's theme, CJK fonts,
    title and subtitle (unit and period) at the top, a horizontal legend under them, and the source line inside
    the figure at the bottom so a cropped screenshot still cites it.

    kind: "line" (hover shows all economies of a year), "bar", or "other" (no change to hover or axes).
    """
    names = [trace.name for trace in fig.data if trace.name and trace.showlegend is not False]
    layout = house_layout(names=names, title=title, subtitle=subtitle, source=source, lang=lang, kind=kind,
                          present=present, x_title=x_title)
    # Keep annotations the page added itself (reference notes); replace an earlier source line.
    layout["annotations"] = [a for a in fig.layout.annotations if a.name != "source"] + layout["annotations"]
    return fig.update_layout(layout)


def axis_scale(values, unit: str, lang: str) -> tuple[float, str]:
    """Divisor and axis title for plotting values of `unit` (zh 亿美元 / 万亿元, en US$ billion); no title for plain
    percentages and counts, where a bare "%" or "count" (zh 个, rotated it reads as an arrow) says nothing the
    subtitle does not."""
    largest = max((abs(v) for v in values if v is not None and not math.isnan(v)), default=0.0)
    factor, word = scale(largest, unit, lang)
    if unit == "percent":
        return factor, ""
    label = unit_label(unit, lang)
    if not word:
        return factor, "" if unit == "count" else label
    return factor, f"{word}{label}" if lang == "zh" else f"{label} {word}"


def _single_unit(data: pd.DataFrame, unit: str | None) -> str:
    if unit:
        return unit
    units = data["unit"].dropna().unique() if "unit" in data else []
    if len(units) != 1:
        raise ValueError(f"pass unit=...: the data have {len(units)} units ({', '.join(map(str, units))})")
    return str(units[0])


def _by_economy(data: pd.DataFrame, *, x: str, lang: str, unit: str, kind: str, title: str, subtitle: str,
                source: str, present: bool, legend: bool = True) -> go.Figure:
    # Traces as plain dicts and one Figure(...) call: plotly validates once instead of once per update.
    factor, axis_title = axis_scale(data["value"].tolist(), unit, lang)
    traces = []
    for code in economy_order(data["economy"]):
        frame = data[data["economy"] == code].sort_values(x)
        trace = dict(x=frame[x].tolist(), y=(frame["value"] / factor).tolist(), name=economy_name(code, lang),
                     customdata=format_rows(frame, lang, unit), legendgroup=code, showlegend=legend,
                     hovertemplate="%{customdata}<extra>%{fullData.name}</extra>")
        if kind == "line":
            trace |= dict(type="scatter", mode="lines+markers" if len(frame) < 3 else "lines",
                          line=dict(color=color(code), width=2.5, dash=DASHES.get(code, "solid")),
                          marker=dict(color=color(code), size=6))
        else:
            trace |= dict(type="bar", marker=dict(color=color(code)))
        traces.append(trace)
    # Few lines are named at their ends, where the eye is, instead of in a legend above (as Our World in Data does).
    labelled = kind == "line" and legend and x == "year" and 1 < len(traces) <= END_LABELS_MAX
    if labelled:
        for trace in traces:
            trace["showlegend"] = False
    names = [trace["name"] for trace in traces] if legend and not labelled else []
    layout = house_layout(names=names, title=title, subtitle=subtitle, source=source, lang=lang, kind=kind,
                          present=present)
    if labelled:
        sizing = PRESENTATION if present else NORMAL
        ends = end_labels(traces, codes=economy_order(data["economy"]))
        layout["annotations"] = layout["annotations"] + ends
        layout["showlegend"] = True  # only traces added later (marked points) appear in it
        width = max(display_width(line) for a in ends for line in a["text"].split("<br>"))
        layout["margin"]["r"] = round(width * sizing.font * 0.62 + 16)
    layout["yaxis"] |= dict(title=dict(text=axis_title or None), ticksuffix="%" if unit == "percent" else None,
                            tickformat=None if unit == "percent" else ",~r")
    if x == "year":
        layout["xaxis"] |= dict(tickformat="d") if kind == "line" else dict(type="category")
    if kind == "bar":
        layout |= dict(barmode="group", bargap=0.25, bargroupgap=0.05)
    return go.Figure(data=traces, layout=layout)


END_LABELS_MAX = 4  # up to this many lines are labelled at their ends instead of in a legend
END_LABEL_UNITS = 14  # an end label wraps at this width (a Latin character 1, a Chinese one 2)


def end_labels(traces: list[dict], *, codes: list[str]) -> list[dict]:
    """Annotations naming each line at its last point in its colour (name "end:CODE"), nudged apart vertically
    where the ends lie closer than a label's height (about 7 % of the values' span)."""
    ends = []
    for trace, code in zip(traces, codes):
        points = [(x, y) for x, y in zip(trace["x"], trace["y"]) if y is not None and not math.isnan(y)]
        if points:
            ends.append((points[-1], trace["name"], trace["line"]["color"], code))
    values = [y for trace in traces for y in trace["y"] if y is not None and not math.isnan(y)]
    gap = (max(values) - min(0, min(values))) * 0.07 if values else 0
    placed, annotations = None, []
    for (x, y), name, line_color, code in sorted(ends, key=lambda e: -e[0][1]):
        y = y if placed is None else min(y, placed - gap)
        placed = y
        annotations.append(dict(name=f"end:{code}", text="<br>".join(wrap(name, END_LABEL_UNITS)), x=x, y=y,
                                xref="x", yref="y", xanchor="left", yanchor="middle", xshift=8, showarrow=False,
                                align="left", font=dict(color=line_color)))
    return annotations


@shared
def lines(data: pd.DataFrame, *, title: str, subtitle: str, source: str, lang: str, unit: str | None = None,
          present: bool = False, x: str = "year") -> go.Figure:
    """One line per economy from tidy data (columns economy, year, value[, unit, value_high])."""
    return _by_economy(data, x=x, lang=lang, unit=_single_unit(data, unit), kind="line", title=title,
                       subtitle=subtitle, source=source, present=present)


@shared
def bars(data: pd.DataFrame, *, title: str, subtitle: str, source: str, lang: str, unit: str | None = None,
         present: bool = False, x: str = "year", labels: bool = False) -> go.Figure:
    """Bars by economy: grouped per year (x="year"), or one bar per economy without a legend (x="economy").
    labels=True writes each bar's value above it (for a few bars whose exact values matter)."""
    unit = _single_unit(data, unit)
    if x == "economy":
        labelled = data.assign(label=[economy_name(c, lang) for c in data["economy"]])
        fig = _by_economy(labelled, x="label", lang=lang, unit=unit, kind="bar", title=title, subtitle=subtitle,
                          source=source, present=present, legend=False)
    else:
        fig = _by_economy(data, x=x, lang=lang, unit=unit, kind="bar", title=title, subtitle=subtitle,
                          source=source, present=present)
    if labels:
        fig.update_traces(texttemplate="%{customdata}", textposition="outside", cliponaxis=False)
        # Room beyond the longest bars for their labels: a label outside the axis range was drawn over the tick
        # labels (a negative bar's) or the title (a positive one's), since labels are not clipped to the plot.
        values = [v for trace in fig.data for v in (trace.y or ()) if v is not None and not math.isnan(v)]
        if values:
            low, high = min(0.0, min(values)), max(0.0, max(values))
            pad = (high - low) * 0.12
            fig.update_yaxes(range=[low - pad if low < 0 else 0, high + pad if high > 0 else 0])
    return fig


def export_name(name: str, data: pd.DataFrame, lang: str) -> str:
    """A file name that says what the picture is: rd_intensity_CHN-USA-EUU_2000-2023_en."""
    parts = [re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_") or "chart"]
    if "economy" in data and len(data):
        # unique() first: iterating a long column of pandas' Arrow strings element by element took ~8 ms per chart.
        parts.append("-".join(economy_order(data["economy"].dropna().unique())))
    if "year" in data and len(data):
        years = data["year"]
        if not pd.api.types.is_numeric_dtype(years):
            years = pd.to_numeric(years, errors="coerce")
        first, last = years.min(), years.max()  # missing years skipped
        if pd.notna(first):
            first, last = int(first), int(last)
            parts.append(str(first) if first == last else f"{first}-{last}")
    parts.append(lang)
    return "_".join(parts)


def plotly_config(filename: str) -> dict:
    """Chart config: no logo and no cloud links; the camera button saves a PNG at 3x with a meaningful name."""
    return {
        "displaylogo": False,
        "showLink": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "toImageButtonOptions": {"format": "png", "scale": 3, "filename": filename},
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    }


@per_figure()
def mark_period(fig: go.Figure, start: int, end: int, label: str) -> go.Figure:
    """Shade the years start..end on a line chart's year axis and label the band at its top left (for example the
    period a document's own figure covered), so the mark is part of the exported picture. Returns a marked copy."""
    fig = go.Figure(fig)  # builders' figures are shared between reruns (see `shared`)
    fig.add_vrect(x0=start - 0.5, x1=end + 0.5, fillcolor=GRID_COLOR, opacity=0.6, layer="below", line_width=0,
                  annotation=dict(text=label, font=dict(color=MUTED_COLOR), xanchor="left", yanchor="top"),
                  annotation_position="top left")
    return fig


@shared
def radar(data: pd.DataFrame, *, title: str, subtitle: str, source: str, lang: str, present: bool = False) -> go.Figure:
    """A radar chart, one closed outline per economy, from rows axis (the label shown; `<br>` breaks it), economy,
    score (0-100), value, unit, year. The radius is the score; hover shows each point's raw value and year, so the
    normalised shape never stands without the numbers behind it. Say in `subtitle` how the scores were normalised."""
    axes = list(dict.fromkeys(data["axis"]))
    traces = []
    for code in economy_order(data["economy"]):
        frame = data[data["economy"] == code].set_index("axis").reindex(axes)
        known = frame["value"].notna()
        raw = [f"{format_value(v, u, lang)} ({int(y)})" if ok else MISSING
               for v, u, y, ok in zip(frame["value"], frame["unit"], frame["year"], known)]
        # Repeat the first axis at the end so the outline closes.
        traces.append(dict(type="scatterpolar", r=[*frame["score"], frame["score"].iloc[0]], theta=[*axes, axes[0]],
                           customdata=[*raw, raw[0]], name=economy_name(code, lang), mode="lines+markers",
                           line=dict(color=color(code), width=2.5), marker=dict(color=color(code), size=7),
                           fill="toself", fillcolor=_translucent(color(code)),
                           hovertemplate="%{theta}: %{customdata}<br>%{r:.0f}/100<extra>%{fullData.name}</extra>"))
    layout = house_layout(names=[trace["name"] for trace in traces], title=title, subtitle=subtitle, source=source,
                          lang=lang, kind="other", present=present)
    sizing = PRESENTATION if present else NORMAL
    # A radar needs height; the fixed-size presentation frame stays as it is.
    layout["height"] = sizing.height if present else round(sizing.height * 1.25)
    # Plotly sizes the circle to its domain without room for the axis labels: keep a band clear at the top for the
    # top label (else it runs into the legend) and at the sides for the longest label (else a narrow chart clips it).
    plot_height = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    label_lines = [line for axis in axes for line in str(axis).split("<br>")]
    label_px = max((display_width(line) for line in label_lines), default=0) * sizing.font * 0.58 + 12
    side = min(0.3, label_px / sizing.assumed_width)
    # The 0-100 scale runs between the first two axes, where its labels cover no outline; no tick marks, which
    # would read as minus signs in front of the numbers.
    layout["polar"] = dict(bgcolor="white", domain=dict(x=[side, 1 - side], y=[0, 1 - sizing.font * 2 / plot_height]),
                           radialaxis=dict(range=[0, 100], tickvals=[25, 50, 75, 100], ticks="",
                                           angle=90 - 180 / max(len(axes), 1), showline=False,
                                           tickfont=dict(color=MUTED_COLOR, size=sizing.small), gridcolor=GRID_COLOR),
                           # Invisible ticks set the labels off the circle, clear of the markers at 100.
                           angularaxis=dict(direction="clockwise", gridcolor=GRID_COLOR, linecolor="#9E9E9E",
                                            ticks="outside", ticklen=10, tickcolor="rgba(0,0,0,0)"))
    return go.Figure(data=traces, layout=layout)


def _translucent(hex_color: str, alpha: float = 0.12) -> str:
    # A light fill per economy keeps overlapping outlines readable.
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


@shared
def category_bars(data: pd.DataFrame, *, x: str, title: str, subtitle: str, source: str, lang: str, unit: str,
                  series: str | None = None, hatch: bool = False, text: str | None = None, horizontal: bool = False,
                  present: bool = False) -> go.Figure:
    """Bars in the data's row order, one per category of column `x`, each coloured by its row's economy.

    series: a column whose values become traces named in the legend (e.g. the economy's name, or what a document
    states next to what a dataset gives). hatch=True hatches every series after the first and draws grey legend
    swatches, since colour already stands for the economy. text: a column printed at the end of each bar.
    horizontal: categories down the side, first row on top; with text, the bar labels carry the names and the axis
    labels are hidden, so long names do not push the title and source line sideways."""
    factor, axis_title = axis_scale(data["value"].tolist(), unit, lang)
    groups = [(None, data)] if series is None else list(data.groupby(series, sort=False))
    if all(frame["economy"].nunique() == 1 for _, frame in groups):  # one series per economy: house order
        rank = {code: i for i, code in enumerate(economy_order(data["economy"]))}
        groups.sort(key=lambda group: rank[group[1]["economy"].iloc[0]])
    # Side by side only where a category has several bars; otherwise each bar takes its category's full width.
    grouped = bool(data[x].duplicated().any())
    traces, legend = [], []
    for i, (name, frame) in enumerate(groups):
        shape = "/" if hatch and i else ""
        trace = dict(type="bar", name=name, showlegend=series is not None and not hatch,
                     orientation="h" if horizontal else "v", offsetgroup=str(i) if grouped else None,
                     marker=dict(color=[color(c) for c in frame["economy"]], line=dict(color="white", width=0.5),
                                 pattern=dict(shape=shape, fgcolor="white", solidity=0.35, fillmode="overlay")),
                     customdata=format_rows(frame, lang, unit),
                     hovertemplate="%{customdata}" + ("<extra>%{fullData.name}</extra>" if name else "<extra></extra>"))
        values = (frame["value"] / factor).tolist()
        trace |= dict(y=frame[x].tolist(), x=values) if horizontal else dict(x=frame[x].tolist(), y=values)
        if text:
            trace |= dict(text=frame[text].tolist(), textposition="outside", cliponaxis=False)
        traces.append(trace)
        if hatch and series is not None:
            # Same offset group as its series: in grouped bars an empty swatch must not take a slot of its own.
            legend.append(dict(type="bar", name=name, x=[None], y=[None], hoverinfo="skip", showlegend=True,
                               offsetgroup=trace["offsetgroup"],
                               marker=dict(color=MUTED_COLOR, pattern=trace["marker"]["pattern"])))
    names = [str(name) for name, _ in groups] if series is not None else []
    layout = house_layout(names=names, title=title, subtitle=subtitle, source=source, lang=lang, kind="bar",
                          present=present, x_title=axis_title if horizontal else None)
    value_axis = dict(title=dict(text=axis_title or None), ticksuffix="%" if unit == "percent" else None,
                      tickformat=None if unit == "percent" else ",~r")
    category_axis = dict(type="category", categoryorder="array", categoryarray=list(dict.fromkeys(data[x])))
    if horizontal:
        # About 22 px a bar; room on the right for the labels printed beyond the longest bar.
        bars_px = 22 * len(category_axis["categoryarray"])
        layout["height"] = max(layout["height"], layout["margin"]["t"] + layout["margin"]["b"] + bars_px)
        longest = float(data["value"].max() / factor) if len(data) else 0.0
        upper = longest * 1.05
        if text and longest > 0:  # each label must fit beyond its bar, in the narrowest window the chart is drawn in
            plot_px = (PRESENTATION.width - 34) if present else NARROWEST_PLOT_WIDTH
            font = layout["font"]["size"]
            for value, label in zip(data["value"] / factor, data[text]):
                label_px = max(display_width(line) for line in str(label).split("<br>")) * font * 0.6 + 12
                upper = max(upper, float(value) * plot_px / max(plot_px - label_px, plot_px * 0.25))
        layout["xaxis"] = value_axis | dict(showgrid=True, gridcolor=GRID_COLOR,
                                            range=[0, upper] if longest > 0 else None)
        layout["yaxis"] = category_axis | dict(autorange="reversed", showgrid=False, showticklabels=not text, ticks="")
    else:
        layout["xaxis"] |= category_axis
        layout["yaxis"] |= value_axis
    layout |= dict(barmode="group" if grouped else "relative", bargap=0.25, bargroupgap=0.05,
                   uniformtext=dict(minsize=round(layout["font"]["size"] * 0.85), mode="show"))  # never shrink labels
    return go.Figure(data=traces + legend, layout=layout)


@shared
def boxes(data: pd.DataFrame, *, title: str, subtitle: str, source: str, lang: str, unit: str, log: bool = False,
          label: str | None = None, present: bool = False) -> go.Figure:
    """The distribution of `value` per economy as a box (quartiles, median, outliers as points), economies in house
    order; log=True for skewed values such as company valuations. label: a column naming each point on hover."""
    factor, axis_title = axis_scale(data["value"].tolist(), unit, lang)
    traces = []
    for code in economy_order(data["economy"]):
        frame = data[data["economy"] == code]
        traces.append(dict(type="box", y=(frame["value"] / factor).tolist(), name=economy_name(code, lang),
                           marker=dict(color=color(code), size=4), line=dict(color=color(code)),
                           boxpoints="outliers", showlegend=False,
                           text=frame[label].tolist() if label else None,
                           customdata=format_rows(frame, lang, unit),
                           hovertemplate=("%{text}: " if label else "")
                           + "%{customdata}<extra>%{fullData.name}</extra>"))
    layout = house_layout(names=[], title=title, subtitle=subtitle, source=source, lang=lang, kind="other",
                          present=present)
    layout["yaxis"] |= dict(title=dict(text=axis_title or None), type="log" if log else "linear",
                            rangemode="normal" if log else "tozero")
    scaled = [v / factor for v in data["value"] if v and v > 0]
    if log and scaled:
        # Ticks at 1-2-5 steps, all labelled alike (plotly's own log ticks label the minor ones in small type).
        low, high = math.floor(math.log10(min(scaled))), math.ceil(math.log10(max(scaled)))
        ticks = [m * 10.0 ** k for k in range(low, high + 1) for m in (1, 2, 5)]
        layout["yaxis"] |= dict(tickvals=[v for v in ticks if min(scaled) / 2 <= v <= max(scaled) * 2],
                                tickformat=",~r")
    return go.Figure(data=traces, layout=layout)


# Several series of one economy (one indicator under different definitions) are told apart by dash and marker.
SERIES_STYLES = (("solid", "circle"), ("dash", "square"), ("dot", "diamond"), ("dashdot", "triangle-up"))


@shared
def series_lines(data: pd.DataFrame, *, series: str, labels: dict[str, str], title: str, subtitle: str, source: str,
                 lang: str, unit: str | None = None, present: bool = False) -> go.Figure:
    """One line per value of column `series` (e.g. one economy's share under several definitions), in the order and
    with the names of `labels`; each line keeps the colour of its economy (column economy) and gets its own dash and
    marker, so the lines stay apart in a black-and-white print."""
    unit = _single_unit(data, unit)
    factor, axis_title = axis_scale(data["value"].tolist(), unit, lang)
    traces = []
    for (key, name), (dash, symbol) in zip(labels.items(), SERIES_STYLES * len(labels)):
        frame = data[data[series] == key].sort_values("year")
        if frame.empty:
            continue
        line_color = color(str(frame["economy"].iloc[0]))
        traces.append(dict(type="scatter", mode="lines+markers", x=frame["year"].tolist(),
                           y=(frame["value"] / factor).tolist(), name=name, legendgroup=key,
                           customdata=format_rows(frame, lang, unit),
                           hovertemplate="%{customdata}<extra>%{fullData.name}</extra>",
                           line=dict(color=line_color, width=2.5, dash=dash),
                           marker=dict(color=line_color, size=7, symbol=symbol)))
    layout = house_layout(names=[trace["name"] for trace in traces], title=title, subtitle=subtitle, source=source,
                          lang=lang, kind="line", present=present)
    layout["yaxis"] |= dict(title=dict(text=axis_title or None), ticksuffix="%" if unit == "percent" else None)
    layout["xaxis"] |= dict(tickformat="d")
    return go.Figure(data=traces, layout=layout)


@per_figure()
def mark_range(fig: go.Figure, low: float, high: float, label: str, *, start: int | None = None,
               end: int | None = None, economy: str | None = None) -> go.Figure:
    """Shade the values low..high (in the axis's plotted units) over the years start..end, or across the whole chart,
    and write `label` above the band: a range a document states, drawn against the data so the claim is part of the
    exported picture. The label starts at the band's left end, or ends at its right end when the band lies in the
    right half of the chart (so it does not run off the edge). The band takes the colour of `economy` when given.
    Returns a marked copy."""
    fig = go.Figure(fig)  # builders' figures are shared between reruns (see `shared`)
    fill = color(economy) if economy else MUTED_COLOR
    band = dict(fillcolor=fill, opacity=0.16, layer="below", line_width=0, name="claim")
    if start is None or end is None:
        fig.add_hrect(y0=low, y1=high, **band)
        x, xref, side = 0, "paper", "left"
    else:
        fig.add_shape(type="rect", xref="x", yref="y", x0=start, x1=end, y0=low, y1=high, **band)
        years = [x for trace in fig.data for x in (trace.x or ()) if isinstance(x, (int, float))]
        right_half = bool(years) and start - min(years) > (max(years) - min(years)) / 2
        x, xref, side = (end, "x", "right") if right_half else (start, "x", "left")
    fig.add_annotation(name="claim", text=label, x=x, xref=xref, y=high, yref="y", xanchor=side, yanchor="bottom",
                       showarrow=False, align=side, font=dict(color=fill, size=fig.layout.font.size))
    # Headroom above the band or the highest line, so the label sits inside the plot, clear of the legend.
    drawn = [y for trace in fig.data for y in (trace.y or ()) if y is not None and not math.isnan(y)]
    fig.update_yaxes(range=[min(0, *drawn), max(high, *drawn) * 1.15])
    return fig


def rename_economy(fig: go.Figure, code: str, name: str) -> go.Figure:
    """A copy whose traces of one economy carry another name, e.g. the EU as "EU-27 incl. trade between members"
    where that is what the series counts."""
    fig = go.Figure(fig)  # builders' figures are shared between reruns (see `shared`)
    fig.update_traces(name=name, selector=dict(legendgroup=code))
    fig.update_annotations(text="<br>".join(wrap(name, END_LABEL_UNITS)), selector=dict(name=f"end:{code}"))
    return fig


def mark_points(fig: go.Figure, x: list, y: list, *, label: str, hover: list[str], economy: str) -> go.Figure:
    """A copy with the points (x, y) (in the axis's plotted units) ringed in the colour of `economy` and named
    `label` in the legend: years whose value is incomplete, marked in the picture rather than only in a table."""
    fig = go.Figure(fig)
    if not any(trace.showlegend is not False for trace in fig.data):  # lines named at their ends: room for a row
        fig.update_layout(margin_t=fig.layout.margin.t + round(fig.layout.font.size * 1.6 + 4))
    fig.add_trace(go.Scatter(x=x, y=y, mode="markers", name=label, legendgroup=f"{economy}_marked", showlegend=True,
                             marker=dict(symbol="circle-open", size=13, color=color(economy), line=dict(width=2)),
                             customdata=hover, hovertemplate="%{customdata}<extra></extra>"))
    return fig


def two_line_ticks(fig: go.Figure) -> go.Figure:
    """A copy whose category labels (written on two lines with <br>) stay horizontal, with room for the second line
    between the axis and the source line: rotated labels ran into the source line in a laptop window."""
    fig = go.Figure(fig)
    extra = round(fig.layout.font.size * 1.3)
    fig.update_xaxes(tickangle=0)
    fig.update_layout(margin_b=fig.layout.margin.b + extra)
    fig.update_annotations(yshift=next(a.yshift for a in fig.layout.annotations if a.name == "source") - extra,
                           selector=dict(name="source"))
    return fig
