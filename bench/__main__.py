"""`python -m bench`: build time, warm page run times, explorer search, browser draw times, server memory and
20-session load."""
from __future__ import annotations

import argparse
import logging
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from lib import serve as bench
from lib.paths import ROOT
from lib.ui.state import PAGES

REFERENCE = ROOT / "bench" / "reference_page.py"
_BUILD_ONCE = ("import sys, time; from pathlib import Path; from lib.warehouse import build; "
               "t = time.perf_counter(); build.build(Path(sys.argv[1])); print(time.perf_counter() - t)")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def build_times(runs: int) -> list[float]:
    """Each build in a fresh interpreter (no warm caches) into a new temporary file."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            out = subprocess.run([sys.executable, "-c", _BUILD_ONCE, str(Path(tmp) / f"w{i}.duckdb")], cwd=ROOT,
                                 check=True, capture_output=True, text=True)
            times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


# Explorer searches timed in step 2b: Chinese words, an English indicator name, two words, and no match.
SEARCH_TERMS = ("独角兽", "数字服务出口", "unicorn", "研发 美国", "no-such-word")


def search_times(runs: int) -> list[tuple[str, int, float, float]]:
    """(term, mentions found, median seconds of the query, median seconds of a warm explorer run showing them)."""
    from lib.queries import facts

    out = []
    for term in SEARCH_TERMS:
        query = []
        for _ in range(runs):
            start = time.perf_counter()
            found = facts.mentions(facts.MentionFilter(text=term))
            query.append(time.perf_counter() - start)
        page = warm_run(ROOT / "pages" / "explorer.py", runs, q=term)
        out.append((term, len(found), statistics.median(query), page))
    return out


def warm_run(path: Path, runs: int, **params: str) -> float:
    """Median seconds of a warm AppTest run (the first, cold run is not counted)."""
    from streamlit.testing.v1 import AppTest

    # AppTest outside a server logs a harmless "missing ScriptRunContext" warning per run; keep the table readable.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    at = AppTest.from_file(str(path), default_timeout=120)
    at.query_params["lang"] = "en"
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if at.exception:
        raise RuntimeError(f"{path.name}: {at.exception[0].message}")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def browser_times(browser, base: str, page_ids: list[str], runs: int) -> dict[str, float]:
    """Median seconds from navigation to last chart drawn, each load in a fresh context, after one warm-up load."""
    out = {}
    for page_id in page_ids:
        times = []
        for i in range(runs + 1):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            seconds = bench.visit(context.new_page(), bench.page_url(base, page_id, lang="en")).seconds
            context.close()
            if i:
                times.append(seconds)
        out[page_id] = statistics.median(times)
    return out


def simultaneous(browser, url: str, sessions: int, timeout: float) -> tuple[list[float], list[str]]:
    """Start `sessions` fresh contexts on the same page at once and poll them in turn until each is drawn.
    Returns the seconds of the sessions that finished and the errors of those that did not (timeouts included)."""
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(sessions)]
    loads = [bench.Load(c.new_page(), url, timeout=timeout) for c in contexts]
    results: dict[int, float] = {}
    failures: dict[int, str] = {}
    while len(results) + len(failures) < sessions:
        for i, load in enumerate(loads):
            if i in results or i in failures:
                continue
            try:
                if (visit := load.poll()) is not None:
                    results[i] = visit.seconds
            except TimeoutError as exc:
                failures[i] = str(exc)
        time.sleep(0.02)
    for context in contexts:
        context.close()
    return list(results.values()), list(failures.values())


def rss_mb(proc: subprocess.Popen) -> float:
    process = psutil.Process(proc.pid)
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="repetitions per measurement (default 5)")
    parser.add_argument("--sessions", type=int, default=20, help="simultaneous browser sessions (default 20)")
    args = parser.parse_args(argv)
    # A killed benchmark still stops the servers it started (the finally below runs on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    pages = list(PAGES)

    times = build_times(args.runs)
    print(f"1. warehouse build from scratch: median {statistics.median(times):.2f} s over {len(times)} runs "
          f"(min {min(times):.2f}, max {max(times):.2f}); target < 2 s", flush=True)

    ref = warm_run(REFERENCE, args.runs)
    print(f"2. warm server-side run (AppTest, median of {args.runs}); reference page {ref * 1000:.0f} ms; "
          "target < 150 ms and <= 3x reference", flush=True)
    for page_id in pages:
        warm = warm_run(ROOT / "pages" / f"{page_id}.py", args.runs)
        print(f"   {page_id:18s} {warm * 1000:7.0f} ms  {warm / ref:5.1f}x", flush=True)
    print(f"2b. explorer search over all mentions, quotes, sentences and indicator names (median of {args.runs}): "
          "query / warm explorer run with the results; target well under 1 s", flush=True)
    for term, found, query, page in search_times(args.runs):
        print(f"   {term!r:18s} {found:4d} mentions  query {query * 1000:5.1f} ms  page {page * 1000:5.0f} ms",
              flush=True)

    from playwright.sync_api import sync_playwright

    app, reference = bench.start_server("app.py"), bench.start_server(REFERENCE)
    try:
        with sync_playwright() as pw:
            browser = bench.launch_chromium(pw)
            ref_browser = browser_times(browser, reference.url, [""], args.runs)[""]
            print(f"3. browser, navigation to last chart drawn (median of {args.runs}); reference page "
                  f"{ref_browser:.2f} s; target <= 1.5x reference", flush=True)
            page_times = browser_times(browser, app.url, pages, args.runs)
            for page_id, seconds in page_times.items():
                print(f"   {page_id:18s} {seconds:6.2f} s  {seconds / ref_browser:5.1f}x", flush=True)

            context = browser.new_context()
            page = context.new_page()
            for page_id in pages:
                for lang in ("zh", "en"):
                    bench.visit(page, bench.page_url(app.url, page_id, lang=lang))
            context.close()
            print(f"4. server RSS after every page in zh and en: {rss_mb(app.proc):.0f} MB; target < 400 MB",
                  flush=True)

            heaviest = max(page_times, key=page_times.get)
            url = bench.page_url(app.url, heaviest, lang="en")
            single = bench.visit(browser.new_context().new_page(), url).seconds
            many, failed = simultaneous(browser, url, args.sessions, timeout=max(300.0, 30 * single))
            drawn = f"{len(many)} of {args.sessions} drawn" + (f", {len(failed)} FAILED: {failed[0]}" if failed else "")
            print(f"5. {args.sessions} simultaneous sessions on the heaviest page ({heaviest}): {drawn}; "
                  + (f"median {statistics.median(many):.2f} s, p95 {p95(many):.2f} s vs single {single:.2f} s "
                     f"({p95(many) / single:.1f}x); " if many else "")
                  + "target: none fails, p95 <= 3x single", flush=True)
            browser.close()
    finally:
        app.stop()
        reference.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
