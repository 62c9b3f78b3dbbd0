"""Report-ready export pack: every chart of a page as PNG and SVG plus a PowerPoint deck, in one ZIP."""
from __future__ import annotations

import asyncio
import atexit
import contextlib
import importlib.util
import io
import os
import re
import struct
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go

from lib.queries.definitions import definitions
from lib.ui.export_csv import chart_csvs
from lib.ui.i18n import t

CHROMIUM = Path("/usr/bin/chromium")
# Chromium is started through this script, which adds the switches that turn off every background-network feature
# (update checks, safe browsing, metrics, optimisation hints, DNS) to the ones Kaleido passes.
OFFLINE_CHROMIUM = Path(__file__).with_name("chromium_offline.sh")
# Charts are laid out for the page (figures.NORMAL, about 900 px wide): drawn at that width their text keeps the
# size relative to the chart that the reader saw, where the 1200 px presentation frame made it small. 16:9, or taller
# when the chart needs it (long bar lists); scale 2 gives 1920 px wide pictures, sharp in a report or on a slide.
# The one image size of every export (the pack and the four-chains gap map alike).
WIDTH, HEIGHT = 960, 540
SCALE = 2  # PNG pixels per layout pixel
START_SECONDS = 60  # Chromium's start; then each image gets Kaleido's own timeout
IMAGE_SECONDS = 120


class ExportUnavailable(RuntimeError):
    """The server cannot render images (no Chromium); the message says what to install."""


class ExportFailed(RuntimeError):
    """This one export failed (the browser crashed or timed out); the next one starts a fresh browser."""


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
    data: object = None  # the chart's data table (a DataFrame) as the page shows it
    values: object = None  # the values drawn (a DataFrame of numbers), written as <name>.csv by export_csv.chart_csvs
    link: str = ""  # the address that opens this chart in the dashboard, in the same view (chart_view.link_here)


def _plain(text: str | None) -> str:
    """Figure titles carry Plotly's small HTML (<br>, <span>); slides and notes want plain text."""
    text = re.sub(r"<br\s*/?>", "\n", text or "")
    return re.sub(r"<[^>]+>", "", text).strip()


def chromium() -> str:
    """The browser that renders images (BROWSER_PATH or /usr/bin/chromium): the one probe of every export."""
    path = os.environ.get("BROWSER_PATH") or (str(CHROMIUM) if CHROMIUM.exists() else "")
    if not path or not Path(path).is_file():
        raise ExportUnavailable("Chromium was not found on the server, so charts cannot be rendered as images. "
                                "Install it (apt-get install chromium fonts-noto-cjk) or set BROWSER_PATH.")
    if importlib.util.find_spec("kaleido") is None:
        raise ExportUnavailable("The kaleido package is not installed: pip install -r requirements.txt.")
    return path


def unavailable() -> str | None:
    """Why images cannot be rendered here, or None if they can."""
    try:
        chromium()
    except ExportUnavailable as exc:
        return str(exc)
    return None


def _one_line(title: str | None, lang: str) -> str:
    """A chart title as one line of plain text: the lines it was wrapped into joined again."""
    return _plain(title).replace("\n", "" if lang == "zh" else " ")


def _report_figure(fig: go.Figure) -> go.Figure:
    """A copy at the report size on white, whatever size the screen showed."""
    out = go.Figure(fig)
    out.update_layout(width=WIDTH, height=max(HEIGHT, fig.layout.height or 0), paper_bgcolor="white",
                      plot_bgcolor="white")
    return out


class _Service:
    """One Kaleido (one headless Chromium) per server process, kept open between exports, with a queue in front.

    Kaleido's own sync server is process-wide but not safe for two callers at once (answers cross, a dead browser
    blocks its caller for ever), and starting and stopping it per request broke other sessions' exports. Here every
    export takes a ticket and waits its turn (`progress` tells it how many are ahead), the browser lives on its own
    event-loop thread, each image has a deadline, and a failure resets the browser for the next export only."""

    def __init__(self):
        self._turn = threading.Lock()  # held by the export being rendered
        self._tickets: list[object] = []  # exports waiting or running, in arrival order
        self._tickets_lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None

    def ahead(self, ticket: object) -> int:
        with self._tickets_lock:
            return self._tickets.index(ticket)

    @contextlib.contextmanager
    def turn(self, progress: Callable[[int], None]):
        """Wait until every earlier export is done; `progress(n)` is called with the number still ahead."""
        ticket = object()
        with self._tickets_lock:
            self._tickets.append(ticket)
        try:
            while not self._turn.acquire(timeout=0.5):
                progress(self.ahead(ticket))
            try:
                yield
            finally:
                self._turn.release()
        finally:
            with self._tickets_lock:
                self._tickets.remove(ticket)

    def _start(self) -> None:
        import kaleido

        os.environ["OFFLINE_CHROMIUM_REAL"] = chromium()  # the script execs it (Kaleido passes our environment on)
        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="export-kaleido", daemon=True).start()

        async def open_browser():
            # mathjax=False: Kaleido's page would otherwise load MathJax from a CDN (the network must stay local).
            browser = kaleido.Kaleido(mathjax=False, path=str(OFFLINE_CHROMIUM), timeout=IMAGE_SECONDS)
            await browser.open()
            return browser

        try:
            self._kaleido = asyncio.run_coroutine_threadsafe(open_browser(), loop).result(START_SECONDS)
        except BaseException:
            loop.call_soon_threadsafe(loop.stop)
            raise
        self._loop = loop

    def reset(self) -> None:
        """Close the browser and its loop; the next export starts them afresh."""
        loop, browser = self._loop, self._kaleido
        self._loop = self._kaleido = None
        if loop is None:
            return
        if browser is not None:
            try:
                asyncio.run_coroutine_threadsafe(browser.close(), loop).result(30)
            except Exception:  # noqa: BLE001 - a browser that crashed may not close cleanly; it is gone either way
                pass
        loop.call_soon_threadsafe(loop.stop)

    def image(self, fig: go.Figure, fmt: str) -> bytes:
        """One image of `fig` (already at report size); call inside `turn`."""
        if self._kaleido is None:
            self._start()
        opts = {"format": fmt, "width": fig.layout.width, "height": fig.layout.height}
        if fmt == "png":
            opts["scale"] = SCALE
        future = asyncio.run_coroutine_threadsafe(self._kaleido.calc_fig(fig, opts=opts), self._loop)
        return future.result(IMAGE_SECONDS + 10)


_SERVICE = _Service()


def shutdown() -> None:
    """Close the export browser now (at process exit; a test that must see a fresh start); the next export reopens it."""
    with _SERVICE.turn(_waiting):
        _SERVICE.reset()


atexit.register(shutdown)


def _waiting(ahead: int) -> None:
    return None


def render(items: list[Item], progress: Callable[[int], None] = _waiting) -> dict[str, tuple[bytes, bytes]]:
    """PNG and SVG bytes per chart name, rendered by the process's one Kaleido when this export's turn comes.

    progress(n) is called while n other exports are ahead of this one. Raises ExportUnavailable without Chromium,
    ExportFailed when the browser fails (other exports are not affected)."""
    chromium()
    with _SERVICE.turn(progress):
        try:
            out = {}
            for item in items:
                fig = _report_figure(item.fig)
                out[item.name] = (_SERVICE.image(fig, "png"), _SERVICE.image(fig, "svg"))
            return out
        except Exception as exc:
            _SERVICE.reset()
            raise ExportFailed(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from exc


def png(fig: go.Figure, progress: Callable[[int], None] = _waiting) -> bytes:
    """One chart as a PNG at the report size (WIDTH at scale SCALE), through the same queue and browser."""
    return render([Item("chart", fig, "")], progress)["chart"][0]


def slide_notes(item: Item) -> str:
    """The speaker notes of a chart's slide: title and subtitle (unit, period), the source line, the definitions of
    the indicators and datasets drawn (from the warehouse), and any extra notes. Without indicator or dataset
    definitions the subtitle is the chart's definition."""
    heading = [_one_line(item.fig.layout.title.text, item.lang), _plain(item.fig.layout.title.subtitle.text)]
    parts = ["\n".join(line for line in heading if line), t("chart.source", item.lang, source=item.source)]
    defined = definitions(item.indicators, item.sources, item.lang)
    if len(defined):
        parts.append("\n".join([t("export.notes.definitions", item.lang),
                                *(t("export.notes.definition", item.lang, name=name, text=text)
                                  for name, text in zip(defined["name"], defined["definition"]))]))
    parts.append(item.notes)
    places = _document_places(item.values)
    if places:  # where each quoted document lives in the project: on screen it is named by its title
        parts.append("\n".join([t("export.notes.documents", item.lang), *(f"- {p}" for p in places)]))
    if item.link:
        parts.append(t("export.notes.link", item.lang, link=item.link))
    return "\n\n".join(part for part in parts if part)


def _document_places(values) -> list[str]:
    """`seeds/003_….txt: 89, 97` for each document file the values quote, in order."""
    if not hasattr(values, "columns") or "location" not in values or "line_no" not in values:
        return []
    cited = values.dropna(subset=["location", "line_no"])
    def lines(group) -> str:  # a scorecard row cites several lines at once: "195 199"
        return ", ".join(str(n) for n in sorted({int(float(n)) for v in group["line_no"] for n in str(v).split()}))
    return [f"{location}: {lines(group)}" for location, group in cited.groupby("location", sort=True)]


# python-pptx (and lxml) cost the server 16 MB, and every page run imports this module for `Item`, so they load when a
# deck is made. Under a lock: several sessions' threads importing a package for the first time at once saw
# half-initialised modules.
_PPTX_IMPORT = threading.Lock()


def deck(items: list[Item], images: dict[str, tuple[bytes, bytes]]) -> bytes:
    """A 16:9 PowerPoint, one slide per chart: title, image, and source and definitions in the speaker notes."""
    with _PPTX_IMPORT:
        from pptx import Presentation
        from pptx.util import Emu, Pt
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # 13.33 x 7.5 in, the 16:9 default
    blank = prs.slide_layouts[6]
    margin = Emu(365760)  # 0.4 in
    for item in items:
        slide = prs.slides.add_slide(blank)
        # The whole title (it states the finding), its wrapped lines joined again.
        title = _one_line(item.fig.layout.title.text, item.lang) or item.name
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


def pack(items: list[Item], page_id: str, progress: Callable[[int], None] = _waiting) -> bytes:
    """The ZIP: <name>.png, <name>.svg and <name>.csv per chart, and <page_id>.pptx with every chart."""
    images = render(items, progress)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in items:
            png, svg = images[item.name]
            zf.writestr(f"{item.name}.png", png)
            zf.writestr(f"{item.name}.svg", svg)
        zf.writestr(f"{page_id}.pptx", deck(items, images))
        for name, csv in chart_csvs(items).items():
            zf.writestr(f"{name}.csv", csv)
    return buf.getvalue()
