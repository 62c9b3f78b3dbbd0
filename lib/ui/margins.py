"""A chart's left margin estimated on the server from the tick labels Plotly will draw, so its automargin has
nothing to add: where the labels need more room than the margin gives, Plotly lays the whole chart out a second
time (17–120 ms a chart in Chromium). automargin stays on, as the guard against an estimate that falls short.

The estimate follows Plotly.js 3's own rules (axes.calcTicks/autoTicks, autorange's 5 % padding, autoMargin's pad)
and the widths of Noto Sans CJK's digits, measured on drawn charts. A figure it does not understand (other trace
types, axes, tick formats) keeps the margin its builder gave it.
"""
from __future__ import annotations

import math
import unicodedata

# Widths in em of the characters of numeric tick labels (Noto Sans CJK SC, measured on drawn labels: "1,000" is
# 32.5 px at 13 px). Anything else counts as a wide Latin letter, a Chinese character as 1 em.
_EM = {**dict.fromkeys("0123456789", 0.554), ",": 0.285, ".": 0.277, "%": 0.923, "−": 0.6, "-": 0.35, " ": 0.25}
# Plotly keeps min(12 px, every margin) between the labels and the figure's edge (Plots.autoMargin's pad); the house
# margins are all above 12 once the left one is.
PAD = 12
LABEL_GAP = 1.0  # between a y tick label and the plot, with no tick marks
PADDED = 0.05  # autorange keeps 5 % of the axis length between the data and a free end of the range
TRACES = {"scatter", "bar", "box"}


def text_px(text: str, font: float) -> float:
    return font * sum(_EM.get(ch, 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.62) for ch in text)


def _merged(layout: dict, name: str) -> dict:
    """An axis's settings with the template's under the figure's own (one level: the house template is flat)."""
    template = ((layout.get("template") or {}).get("layout") or {}).get(name) or {}
    return {**template, **(layout.get(name) or {})}


def _nice_step(rough: float) -> float:
    """Plotly's autoTicks for a linear axis: the first of 2, 5, 10 times the power of ten below `rough`."""
    base = 10 ** math.floor(math.log10(rough))
    return next(m * base for m in (2, 5, 10) if m * base >= rough * (1 - 1e-9))


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9))


def _number(value: float, decimals: int) -> str:
    """A tick label as d3's ",~r" and Plotly's default both write these round values: thousands grouped (below
    10,000 only with ",~r"), trailing zeros dropped, a true minus sign."""
    text = f"{abs(value):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("−" if value < 0 and text != "0" else "") + text


def _linear_labels(low: float, high: float, length: float, tickformat: str | None) -> list[str] | None:
    if not high > low or length <= 0:
        return None
    ticks = min(max(length / 40, 4), 9) + 1  # Plotly's tick count for a y axis of this many pixels
    step = _nice_step((high - low) / ticks)
    decimals = _decimals(step)
    first = math.ceil(low / step - 1e-9)
    values = [i * step for i in range(first, math.floor(high / step + 1e-9) + 1)]
    if tickformat is None and max(abs(low), abs(high)) >= 1e4:
        return None  # Plotly's default format writes 10k, 1M: not estimated
    labels = [_number(v, decimals) for v in values]
    if tickformat is None:  # Plotly groups thousands only from five digits on
        labels = [label.replace(",", "") if len(label.lstrip("−").replace(",", "")) < 5 else label
                  for label in labels]
    return labels


def _values(traces: list[dict], letter: str) -> list[float]:
    out = []
    for trace in traces:
        for v in trace.get(letter) or ():
            if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
                out.append(float(v))
    return out


def _lines(text) -> int:
    return str(text).count("<br>") + 1


class _Unknown(Exception):
    """A figure whose y range this module does not estimate."""


def _ends(spec: dict, font: float, tozero: bool) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """What autorange fits on the y axis, as (value, pixels kept beyond it) at the top and at the bottom: each
    trace's data with 5 % of the axis beyond it (plus the markers' radius, or the height of bar labels printed
    outside), and labels written at a value (annotations on y, such as a line's name at its end). The pixel sizes
    were measured on drawn charts."""
    layout = spec.get("layout") or {}
    top, bottom = [], []
    for trace in spec.get("data") or []:
        values = _values([trace], "y")
        if not values:
            continue
        pad = 0.0
        if "markers" in (trace.get("mode") or "") or trace.get("type") == "box":
            size = (trace.get("marker") or {}).get("size", 6)
            if not isinstance(size, (int, float)):
                raise _Unknown("marker sizes per point")
            pad = 0.625 * size
        above = pad
        if trace.get("type") == "bar" and trace.get("textposition") == "outside" and trace.get("text"):
            above = 1.3 * font * max(map(_lines, trace["text"])) + 3
        top.append((max(values), PADDED * layout_length(layout) + above))
        if trace.get("type") != "bar":  # bars start at zero, with nothing kept below
            bottom.append((min(values), PADDED * layout_length(layout) + pad))
    for note in layout.get("annotations") or ():
        if note.get("yref") != "y" or not isinstance(note.get("y"), (int, float)):
            continue
        size = (note.get("font") or {}).get("size") or font
        height = 1.3 * size * _lines(note.get("text", ""))
        anchor = note.get("yanchor", "auto")
        top.append((float(note["y"]), {"middle": height / 2, "bottom": height, "top": 0.0}.get(anchor, height / 2) + 3.2))
        bottom.append((float(note["y"]), {"middle": height / 2, "top": height, "bottom": 0.0}.get(anchor, height / 2) + 3.2))
    if tozero:
        top.append((0.0, 0.0))
        bottom = [(v, p) for v, p in bottom if v < 0] + [(0.0, 0.0)]
    return top, bottom


def layout_length(layout: dict) -> float:
    """The plot's height in pixels: the figure's less its top and bottom margins."""
    margin = layout.get("margin") or {}
    return float(layout.get("height") or 0) - margin.get("t", 100) - margin.get("b", 80)


def _auto_range(spec: dict, axis: dict, font: float, log: bool) -> tuple[float, float]:
    """The range Plotly's autorange gives the y axis: of every pair of a top and a bottom end, the one that needs
    the widest range once each end's pixels are kept clear (rangemode tozero: zero is an end with none)."""
    length = layout_length(spec.get("layout") or {})
    top, bottom = _ends(spec, font, axis.get("rangemode", "normal") == "tozero" and not log)
    if log:
        top = [(math.log10(v), p) for v, p in top if v > 0]
        bottom = [(math.log10(v), p) for v, p in bottom if v > 0]
    best = None
    for v, p in top:
        for u, q in bottom:
            if v <= u or p + q >= length:
                continue
            span = (v - u) / (1 - (p + q) / length)
            if best is None or span > best[0]:
                best = (span, u - q * span / length, v + p * span / length)
    if best is None:
        raise _Unknown("no range")
    return best[1], best[2]


def _y_labels(spec: dict, axis: dict, font: float) -> list[str] | None:
    """The y tick labels Plotly will draw, or None where this cannot tell."""
    traces = spec.get("data") or []
    if axis.get("showticklabels") is False:
        return []
    kind = axis.get("type")
    log = kind == "log"
    if kind not in ("linear", "log", None, "-"):
        return None
    if any(t.get("orientation") == "h" for t in traces):
        return None
    tickformat = axis.get("tickformat")
    if tickformat not in (None, ",~r") or axis.get("ticktext") is not None:
        return None
    if axis.get("range") is not None and axis.get("autorange") is not True:
        low, high = axis["range"]
    else:
        if any(isinstance(v, str) for t in traces for v in (t.get("y") or ())):
            return None
        try:
            low, high = _auto_range(spec, axis, font, log)
        except _Unknown:
            return None
    if log:
        tickvals = axis.get("tickvals")
        if not tickvals:
            return None
        shown = [v for v in tickvals if v > 0 and low - 1e-9 <= math.log10(v) <= high + 1e-9]
        return [_number(v, _decimals(v) if v < 1 else 0) for v in shown]
    if axis.get("tickvals") is not None:
        return [_number(v, 6) for v in axis["tickvals"] if low <= v <= high]
    return _linear_labels(low, high, layout_length(spec.get("layout") or {}), tickformat)


def _x_overhang(x: dict, traces: list[dict], font: float) -> tuple[float, float]:
    """How far the first and the last x tick label may reach past the plot's left and right edges: half a label,
    where a numeric axis may have a tick at its end (years: the range ends at the first and last year, or one year
    beyond a single year; a value axis from zero)."""
    if x.get("type") not in ("linear", None, "-") or x.get("showticklabels") is False:
        return 0.0, 0.0
    xs = _values(traces, "x")
    if not xs:
        return 0.0, 0.0
    if x.get("tickformat") == "d":
        low, high = int(min(xs)), int(max(xs))
        if low == high:
            low, high = low - 1, high + 1
        return text_px(str(low), font) / 2, text_px(str(high), font) / 2
    return text_px(_number(min(0.0, min(xs)), 0), font) / 2, 0.0


def fitted(spec: dict) -> tuple[int, int] | None:
    """The left and right margins (px) at which Plotly's automargin finds the y tick labels, the y axis title and
    the first and last x tick labels fit, or None where the figure is not one this can estimate."""
    layout = spec.get("layout") or {}
    traces = spec.get("data") or []
    if not traces or any(t.get("type", "scatter") not in TRACES for t in traces):
        return None
    if any(t.get("xaxis", "x") != "x" or t.get("yaxis", "y") != "y" for t in traces):
        return None
    y, x = _merged(layout, "yaxis"), _merged(layout, "xaxis")
    if not y.get("automargin") or y.get("side", "left") != "left" or y.get("visible") is False:
        return None
    font = float((layout.get("font") or {}).get("size") or 12)
    if not layout.get("height"):
        return None
    labels = _y_labels(spec, y, font)
    if labels is None:
        return None
    depth = max((text_px(label + (y.get("ticksuffix") or ""), font) for label in labels), default=0.0)
    depth += LABEL_GAP if labels else 0.0
    title = (y.get("title") or {}).get("text") if isinstance(y.get("title"), dict) else y.get("title")
    if title:
        depth += font * 1.2 - 0.1  # Plotly's axis title font is 1.2 times the figure's; one line
    left, right = _x_overhang(x, traces, font)
    # Labels are measured to a tenth of a pixel; Plotly rounds the margins it computes.
    return math.ceil(max(depth, left) + PAD - 0.05), math.ceil(right + PAD - 0.05) if right else 0


def fit(spec: dict) -> dict:
    """spec (a figure as a dict) with its left and right margins raised to `fitted`'s estimate where there is one
    (never lowered: a builder's wider margin holds something else, such as the names at the lines' ends)."""
    wanted = fitted(spec)
    margin = (spec.get("layout") or {}).get("margin")
    if wanted is not None and margin is not None:
        margin["l"] = max(margin.get("l", 80), wanted[0])
        margin["r"] = max(margin.get("r", 80), wanted[1])
    return spec
