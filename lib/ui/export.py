"""Report-ready export pack: every chart of a page as PNG and SVG plus a PowerPoint deck, in one ZIP."""
from __future__ import annotations

import io
import os
import re
import struct
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from lib.ui.i18n import t

CHROMIUM = Path("/usr/bin/chromium")
# Charts are laid out for the page (figures.NORMAL, about 900 px wide): drawn at that width their text keeps the
# size relative to the chart that the reader saw, where the 1200 px presentation frame made it small. 16:9, or taller
# when the chart needs it (long bar lists); scale 2 gives 1920 px wide pictures, sharp in a report or on a slide.
WIDTH, HEIGHT = 960, 540
SCALE = 2  # PNG pixels per layout pixel


class ExportUnavailable(RuntimeError):
    """The server cannot render images (no Chromium); the message says what to install."""


@dataclass(frozen=True)
class Item:
    """One chart to export: its stable name, the figure as drawn, its source line, the language it is drawn in, the
    ids of the indicators and datasets it shows (their definitions go into the slide notes) and extra notes."""

    name: str
    fig: go.Figure
    source: str
    lang: str = "en"
    indicators: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str = ""


def _plain(text: str | None) -> str:
    """Figure titles carry Plotly's small HTML (<br>, <span>); slides and notes want plain text."""
    text = re.sub(r"<br\s*/?>", "\n", text or "")
    return re.sub(r"<[^>]+>", "", text).strip()


def _chromium() -> str:
    # Kaleido finds the browser through BROWSER_PATH; Debian's Chromium is not on its default search list.
    path = os.environ.get("BROWSER_PATH") or (str(CHROMIUM) if CHROMIUM.exists() else "")
    if not path or not Path(path).exists():
        raise ExportUnavailable("Chromium was not found on the server, so charts cannot be rendered as images. "
                                "Install it (apt-get install chromium fonts-noto-cjk) or set BROWSER_PATH.")
    os.environ["BROWSER_PATH"] = path
    return path


def _report_figure(fig: go.Figure) -> go.Figure:
    """A copy at the report size on white, whatever size the screen showed."""
    out = go.Figure(fig)
    out.update_layout(width=WIDTH, height=max(HEIGHT, fig.layout.height or 0), paper_bgcolor="white",
                      plot_bgcolor="white")
    return out


def render(items: list[Item]) -> dict[str, tuple[bytes, bytes]]:
    """PNG and SVG bytes per chart name, rendered by Kaleido in one browser session."""
    _chromium()
    import kaleido

    # mathjax=False: Kaleido's page would otherwise load MathJax from a CDN (the network must stay local).
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    try:
        out = {}
        # plotly passes Kaleido options that a running server ignores, and warns each time; the size is set on
        # the figure itself, so nothing is lost.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored", category=UserWarning)
        for item in items:
            fig = _report_figure(item.fig)
            out[item.name] = (pio.to_image(fig, format="png", scale=SCALE), pio.to_image(fig, format="svg"))
        return out
    finally:
        kaleido.stop_sync_server(silence_warnings=True)


def slide_notes(item: Item) -> str:
    """The speaker notes of a chart's slide: title and subtitle (unit, period), the source line, the definitions of
    the indicators and datasets drawn (from the warehouse), and any extra notes. Without indicator or dataset
    definitions the subtitle is the chart's definition."""
    from lib.queries.definitions import definitions

    heading = [_plain(item.fig.layout.title.text), _plain(item.fig.layout.title.subtitle.text)]
    parts = ["\n".join(line for line in heading if line), t("chart.source", item.lang, source=item.source)]
    defined = definitions(item.indicators, item.sources, item.lang)
    if len(defined):
        parts.append("\n".join([t("export.notes.definitions", item.lang),
                                *(f"- {name}: {text}" for name, text in zip(defined["name"], defined["definition"]))]))
    parts.append(item.notes)
    return "\n\n".join(part for part in parts if part)


def deck(items: list[Item], images: dict[str, tuple[bytes, bytes]]) -> bytes:
    """A 16:9 PowerPoint, one slide per chart: title, image, and source and definitions in the speaker notes."""
    from pptx import Presentation
    from pptx.util import Emu, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # 13.33 x 7.5 in, the 16:9 default
    blank = prs.slide_layouts[6]
    margin = Emu(365760)  # 0.4 in
    for item in items:
        slide = prs.slides.add_slide(blank)
        title = _plain(item.fig.layout.title.text).split("\n")[0] or item.name
        box = slide.shapes.add_textbox(margin, Emu(182880), prs.slide_width - 2 * margin, Emu(640080))
        box.text_frame.text = title
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(24)
        png = images[item.name][0]
        png_width, png_height = struct.unpack(">II", png[16:24])  # the PNG header's size
        top = Emu(182880 + 640080)
        # As large as the slide allows below the title, keeping the picture's proportions.
        fit = min((prs.slide_width - 2 * margin) / png_width, (prs.slide_height - top - margin) / png_height)
        pic_width, pic_height = Emu(int(png_width * fit)), Emu(int(png_height * fit))
        slide.shapes.add_picture(io.BytesIO(png), (prs.slide_width - pic_width) // 2, top, width=pic_width,
                                 height=pic_height)
        slide.notes_slide.notes_text_frame.text = slide_notes(item)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def pack(items: list[Item], page_id: str) -> bytes:
    """The ZIP: <name>.png and <name>.svg per chart, and <page_id>.pptx with every chart."""
    images = render(items)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in items:
            png, svg = images[item.name]
            zf.writestr(f"{item.name}.png", png)
            zf.writestr(f"{item.name}.svg", svg)
        zf.writestr(f"{page_id}.pptx", deck(items, images))
    return buf.getvalue()
