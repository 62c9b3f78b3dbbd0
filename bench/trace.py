"""`python -m bench.trace [PAGE ...] [--runs 3]`: where Chromium's time goes while a page loads, from its performance
trace: the page renderer's main-thread time by kind (script, style, layout, paint, parsing, garbage collection), the
script time inside Plotly.js, and the number of DOM elements, next to the reference page (a title and one line)."""
from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter, defaultdict

from lib import serve
from lib.paths import ROOT
from lib.ui.state import PAGES

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing",
              "disabled-by-default-v8.cpu_profiler"]
# Trace event name -> kind; an event's own time (minus the events nested in it) counts for its kind.
KINDS = {
    "script": ("FunctionCall", "EvaluateScript", "v8.compile", "v8.compileModule", "v8.evaluateModule", "TimerFire",
               "FireAnimationFrame", "EventDispatch", "RunMicrotasks", "v8.run", "v8.callFunction",
               "XHRReadyStateChange", "V8.Execute", "v8.produceCache", "v8.parseOnBackground"),
    "gc": ("MinorGC", "MajorGC", "V8.GCScavenger", "V8.GCFinalizeMC", "V8.GCIncrementalMarking",
           "BlinkGC.AtomicPhase", "ThreadState::performIdleLazySweep", "V8.GC_MC_BACKGROUND_MARKING"),
    "style": ("UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet", "ScheduleStyleRecalculation"),
    "layout": ("Layout", "UpdateLayerTree", "IntersectionObserverController::computeIntersections"),
    "paint": ("Paint", "PrePaint", "Layerize", "PaintImage", "CompositeLayers", "Commit", "UpdateLayer", "Decode Image",
              "ImageDecodeTask"),
    "parse": ("ParseHTML",),
}
KIND_OF = {name: kind for kind, names in KINDS.items() for name in names}
PLOTLY_CHUNK = "PlotlyChart"  # Streamlit's lazily loaded chunk holding Plotly.js


def main_threads(events: list[dict]) -> set[tuple[int, int]]:
    return {(e["pid"], e["tid"]) for e in events
            if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}


def by_kind(events: list[dict], threads: set[tuple[int, int]]) -> Counter:
    """Milliseconds of main-thread self time per kind ("other": tasks' own time and unnamed work)."""
    out: Counter = Counter()
    per_thread: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e and (e["pid"], e["tid"]) in threads:
            per_thread[(e["pid"], e["tid"])].append(e)
    for found in per_thread.values():
        found.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack: list[list] = []  # [end, kind, child time]
        for e in found:
            while stack and stack[-1][0] <= e["ts"]:
                end, kind, own = stack.pop()
                out[kind] += own / 1000
            kind = KIND_OF.get(e["name"], "other")
            if stack:
                stack[-1][2] -= e["dur"]
                kind = kind if kind != "other" else stack[-1][1]  # an unnamed event inside a kind is that kind
            stack.append([e["ts"] + e["dur"], kind, e["dur"]])
        while stack:
            _, kind, own = stack.pop()
            out[kind] += own / 1000
    return out


def chunk_of(url: str) -> str:
    """The frontend file a JavaScript frame runs in, without its hash: `PlotlyChart`, `index`, `DataFrame`, ..."""
    name = url.rsplit("/", 1)[-1].split("?")[0]
    return name.split(".")[0] if name else ""


def plotly_share(events: list[dict], threads: set[tuple[int, int]],
                 chunks: Counter | None = None) -> tuple[float, float]:
    """(milliseconds of JavaScript samples on the main thread, of which with a Plotly.js frame on the stack).
    chunks: also counts each sample's milliseconds for the innermost frontend file on its stack."""
    nodes: dict[tuple[int, str, int], dict] = {}
    samples: list[tuple[tuple[int, str, int], float]] = []
    main_pids = {pid for pid, _ in threads}  # a renderer's samples come from its profiler thread: match the process
    for e in events:
        if e.get("name") != "ProfileChunk" or e["pid"] not in main_pids:
            continue
        profile_id = e.get("id", "")
        data = e["args"]["data"]
        profile = data.get("cpuProfile", {})
        for node in profile.get("nodes", []):
            nodes[(e["pid"], profile_id, node["id"])] = node
        for sample, delta in zip(profile.get("samples", []), data.get("timeDeltas", [])):
            samples.append(((e["pid"], profile_id, sample), delta / 1000))
    total = plotly = 0.0
    in_plotly: dict[tuple, bool] = {}

    def has_plotly(key) -> bool:
        if key not in in_plotly:
            node = nodes.get(key)
            if node is None:
                in_plotly[key] = False
            else:
                url = node.get("callFrame", {}).get("url", "")
                parent = node.get("parent")
                in_plotly[key] = PLOTLY_CHUNK in url or (parent is not None and has_plotly((*key[:2], parent)))
        return in_plotly[key]

    parents = {}
    for (pid, profile_id, node_id), node in nodes.items():
        for child in node.get("children", []):
            parents[(pid, profile_id, child)] = node_id
    for key, node in nodes.items():
        if "parent" not in node and key in parents:
            node["parent"] = parents[key]
    for key, ms in samples:
        node = nodes.get(key)
        if node is None or node.get("callFrame", {}).get("functionName") in ("(idle)", "(program)"):
            continue
        total += ms
        plotly += ms if has_plotly(key) else 0.0
        if chunks is not None:
            found, at = "", key
            while not found and at in nodes:
                found = chunk_of(nodes[at].get("callFrame", {}).get("url", ""))
                parent = nodes[at].get("parent")
                at = (*at[:2], parent) if parent is not None else None
            chunks[found or "(native)"] += ms
    return total, plotly


def trace_load(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    browser.start_tracing(page=page, categories=CATEGORIES)
    visit = serve.visit(page, url)
    elements = page.evaluate("() => document.querySelectorAll('*').length")
    events = json.loads(browser.stop_tracing())["traceEvents"]
    context.close()
    threads = main_threads(events)
    kinds = by_kind(events, threads)
    chunks: Counter = Counter()
    js, plotly = plotly_share(events, threads, chunks)
    return {"wall": visit.seconds, "charts": visit.charts, "elements": elements, "kinds": kinds, "js": js,
            "plotly": plotly, "chunks": chunks}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.trace", description=__doc__)
    parser.add_argument("pages", nargs="*", metavar="PAGE", help=f"pages to trace (default all: {', '.join(PAGES)})")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="en", choices=("en", "zh"))
    parser.add_argument("--chunks", type=int, default=0, metavar="N",
                        help="also list, per page, the N frontend files with the most JavaScript time")
    args = parser.parse_args(argv)
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown page {', '.join(sorted(unknown))}: choose from {', '.join(PAGES)}")
    args.pages = args.pages or list(PAGES)
    from playwright.sync_api import sync_playwright

    from bench.__main__ import REFERENCE, page_name

    app, reference = serve.start_server("app.py"), serve.start_server(REFERENCE)
    try:
        with sync_playwright() as pw:
            browser = serve.launch_chromium(pw)
            urls = {"(reference)": serve.page_url(reference.url, "")} | {
                p: serve.page_url(app.url, page_name(p), lang=args.lang) for p in args.pages}
            found: dict[str, list[dict]] = {name: [] for name in urls}
            for i in range(args.runs + 1):  # a warm-up round first; pages in turn, as bench does
                for name, url in urls.items():
                    result = trace_load(browser, url)
                    if i:
                        found[name].append(result)
            browser.close()
    finally:
        app.stop()
        reference.stop()
    kinds = [*KINDS, "other"]
    print(f"Renderer main thread while the page loads (median of {args.runs}, ms): time by kind, JavaScript samples "
          "and those inside Plotly.js; elements = DOM elements once drawn")
    print(f"{'page':18s} {'wall s':>6s} {'charts':>6s} {'elements':>8s} " + " ".join(f"{k:>7s}" for k in kinds)
          + f" {'total':>7s} {'JS':>6s} {'Plotly':>6s}")
    for name, results in found.items():
        med = {k: statistics.median(r["kinds"][k] for r in results) for k in kinds}
        print(f"{name:18s} {statistics.median(r['wall'] for r in results):6.2f} {results[0]['charts']:6d} "
              f"{statistics.median(r['elements'] for r in results):8.0f} "
              + " ".join(f"{med[k]:7.0f}" for k in kinds)
              + f" {statistics.median(sum(r['kinds'].values()) for r in results):7.0f}"
              f" {statistics.median(r['js'] for r in results):6.0f} {statistics.median(r['plotly'] for r in results):6.0f}")
    if args.chunks:
        print(f"JavaScript ms by the innermost frontend file on the stack (median of {args.runs})")
        for name, results in found.items():
            names = {c for r in results for c in r["chunks"]}
            med = {c: statistics.median(r["chunks"][c] for r in results) for c in names}
            top = sorted(med.items(), key=lambda kv: -kv[1])[:args.chunks]
            print(f"{name:18s} " + ", ".join(f"{c} {ms:.0f}" for c, ms in top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
