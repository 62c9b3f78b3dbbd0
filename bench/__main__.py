"""`python -m bench` (`make bench`): build time, warm server runs (AppTest, and CPU per view on a running server) and
browser draw times of every page next to the reference page, explorer search, server memory after every page in both
languages, and the websocket load table on one page (default unicorns), direct and through HAProxy with 2 replicas."""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

from bench import load
from bench.profile import started
from lib import serve as bench
from lib.paths import ROOT
from lib.ui.state import PAGES

REFERENCE = ROOT / "bench" / "reference_page.py"
_BUILD_ONCE = ("import sys, time; from pathlib import Path; from lib.warehouse import build; "
               "t = time.perf_counter(); build.build(Path(sys.argv[1])); print(time.perf_counter() - t)")


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
        page = warm_run(ROOT / "pages" / "explorer.py", runs, q=term)[0]
        out.append((term, len(found), statistics.median(query), page))
    return out


def warm_run(path: Path, runs: int, lang: str = "en", **params: str) -> tuple[float, float]:
    """Median seconds of a warm AppTest run (the first, cold run is not counted): wall time, and the CPU time of
    this process (the script's thread and AppTest's), which other jobs on a shared machine disturb far less."""
    at = started(path, lang, **params)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        at.run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


@dataclass
class Draw:
    """One page load in Chromium: wall seconds from navigation to the last chart drawn, and the CPU seconds it cost
    Chromium (all its processes: renderer, GPU, browser) and the server. CPU time barely moves when other jobs
    share the cores; wall time can grow several times over."""

    wall: float
    browser_cpu: float
    server_cpu: float


def chromium_processes() -> list[psutil.Process]:
    return [p for p in psutil.Process().children(recursive=True) if "chrom" in p.name().lower()]


def draw(browser, url: str, server: subprocess.Popen) -> Draw:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    server_process = psutil.Process(server.pid)
    watched = chromium_processes()  # the new context's renderer included
    before_browser, before_server = load.cpu_seconds(watched), load.cpu_seconds([server_process])
    wall = bench.visit(page, url).seconds
    # A process that started during the load (a renderer for the page) counts from zero.
    fresh = [p for p in chromium_processes() if p.pid not in {w.pid for w in watched}]
    browser_cpu = load.cpu_seconds(watched) - before_browser + load.cpu_seconds(fresh)
    server_cpu = load.cpu_seconds([server_process]) - before_server
    context.close()
    return Draw(wall, browser_cpu, server_cpu)


def browser_times(browser, urls: dict[str, tuple[str, subprocess.Popen]], runs: int) -> dict[str, list[Draw]]:
    """`runs` Draws per page after one warm-up, each in a fresh context. Pages are loaded in turn within each run
    (reference, page 1, page 2, ..., then again), so a busy spell on a shared machine falls on all of them rather
    than on one."""
    draws: dict[str, list[Draw]] = {name: [] for name in urls}
    for i in range(runs + 1):
        for name, (url, server) in urls.items():
            result = draw(browser, url, server)
            if i:
                draws[name].append(result)
    return draws


def browser_table(draws: dict[str, list[Draw]]) -> list[str]:
    """One line per page (the reference's key is ""): median wall, best wall and median CPU, each next to the
    reference's and as a ratio, and the CPU split between Chromium and the server."""
    def stats(found: list[Draw]) -> tuple[float, ...]:
        return (statistics.median(d.wall for d in found), min(d.wall for d in found),
                statistics.median(d.browser_cpu + d.server_cpu for d in found),
                statistics.median(d.browser_cpu for d in found), statistics.median(d.server_cpu for d in found))

    ref = stats(draws[""])
    lines = []
    for page_id, found in [*((k, v) for k, v in draws.items() if k), ("(reference)", draws[""])]:
        wall, best, cpu, chromium, server = stats(found)
        lines.append(f"   {page_id:18s} {wall:6.2f} {ref[0]:5.2f} {wall / ref[0]:4.1f}x   {best:6.2f} {ref[1]:5.2f} "
                     f"{best / ref[1]:4.1f}x   {cpu:6.2f} {ref[2]:5.2f} {cpu / ref[2]:4.1f}x   {chromium:8.2f} "
                     f"{server:6.2f}")
    return lines


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


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    load1, load5, _ = os.getloadavg()
    return (f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {platform.node()}: {cpu}, "
            f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; load average {load1:.1f} "
            f"(1 min), {load5:.1f} (5 min) at start")


def page_name(page_id: str) -> str:
    """The page as the browser asks for it: the first page is the app's root (st.navigation answers /overview with
    "page not found")."""
    return "" if page_id == PAGES[0] else page_id


@dataclass
class _Target:
    """What the load client talks to: one server or the proxy, the server pids, and how to stop it."""

    url: str
    pids: list[int]
    stop: Callable[[], None]


def _one_server() -> _Target:
    server = bench.start_server("app.py")
    return _Target(server.url, [server.proc.pid], server.stop)


def _two_replicas() -> _Target:
    from deploy import run as deploy

    deployment = deploy.start(replicas=2)
    return _Target(deployment.url, deployment.pids, deployment.stop)


def load_tables(page_id: str, counts: list[int], readers: list[int], think: float = load.THINK_SECONDS,
                views: int = load.DEPARTMENT_VIEWS, duration: float = load.DEPARTMENT_SECONDS) -> None:
    """The websocket load tables on `page_id`, on one server and then through HAProxy with 2 replicas, each scenario
    on freshly started servers (memory per session counts from a server that has served one view): the burst
    (`counts` new sessions at the same instant, the worst case) and the department (`readers` with open tabs
    rerunning after a think time; none: no department table)."""
    from deploy.run import DeployError

    page = page_name(page_id)
    burst = ("burst: N new sessions at the same instant, held open until all finished (the worst case: one process "
             f"runs their scripts one at a time); the 1-session row is {load.SINGLE_VIEWS} lone views one after the "
             "other, p95/1 is over their median; target: 20 sessions p95 <= 3x one session, no error")
    department = (f"department: N readers with open tabs, each up to {views} views, think time exponential mean "
                  f"{think:g} s, no rerun after {duration:g} s; p95/1 over one reader's median; first = a reader's "
                  "first view (a new session), rerun = the later ones; busy = server CPU / wall (cores)")
    targets = (("5", "one server", _one_server), ("6", "through HAProxy (sticky cookie, health checks) with 2 "
                                                       "replicas, RSS and CPU of both", _two_replicas))
    for number, where, start in targets:
        for suffix, title in [("", burst), ("b", department)][:1 + bool(readers)]:
            try:
                target = start()
            except DeployError as exc:
                print(f"{number}{suffix}. {where}: skipped: {exc}", flush=True)
                break
            try:
                if suffix:
                    rounds = load.run_department(target.url, page, "lang=en", readers, target.pids, views, think,
                                                 duration)
                else:
                    rounds = load.run_rounds(target.url, page, "lang=en", counts, target.pids)
                print(load.table(rounds, f"{number}{suffix}. websocket load on {page_id} (en), {where}; {title}",
                                 department=bool(suffix)), flush=True)
            finally:
                target.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="repetitions per measurement (default 5)")
    parser.add_argument("--sessions", default=",".join(map(str, load.SESSION_COUNTS)),
                        help="simultaneous websocket sessions of the burst load table (default 1,5,10,20,50)")
    parser.add_argument("--readers", default=",".join(map(str, load.DEPARTMENT_COUNTS)),
                        help="readers of the department load table (default 1,20,50; '' skips it; each round lasts "
                             "about --duration seconds)")
    parser.add_argument("--think", type=float, default=load.THINK_SECONDS,
                        help=f"department: mean think time between a reader's views (default {load.THINK_SECONDS:g} s)")
    parser.add_argument("--duration", type=float, default=load.DEPARTMENT_SECONDS,
                        help=f"department: no rerun after this many seconds (default {load.DEPARTMENT_SECONDS:g})")
    parser.add_argument("--load-only", action="store_true",
                        help="only the load tables (steps 5 and 6): no build, warm runs, browser or memory steps")
    parser.add_argument("--browser-sessions", type=int, default=0,
                        help="also load the load table's page in this many Chromium tabs at once (default 0: skip; "
                             "it measures Chromium drawing on the same cores as the server as much as the server)")
    parser.add_argument("--load-page", default="unicorns", choices=list(PAGES),
                        help="page of the load table (default unicorns: the most data per view, six charts, one of "
                             "1,167 points, and two tables)")
    parser.add_argument("--skip-build", action="store_true", help="skip the warehouse build timing")
    parser.add_argument("--corpus", type=int, nargs="*", metavar="N",
                        help="also build generated corpora of N documents (bench/corpus.py; --corpus alone: 100 500; "
                             "minutes each)")
    args = parser.parse_args(argv)
    # A killed benchmark still stops the servers it started (the finally below runs on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    pages = list(PAGES)
    counts = [int(n) for n in args.sessions.split(",")]
    readers = [int(n) for n in args.readers.split(",") if n.strip()]
    print(f"Benchmark {machine()}", flush=True)
    if args.load_only:
        load_tables(args.load_page, counts, readers, args.think, duration=args.duration)
        return 0

    if not args.skip_build:
        times = build_times(args.runs)
        print(f"1. warehouse build from scratch: median {statistics.median(times):.2f} s over {len(times)} runs "
              f"(min {min(times):.2f}, max {max(times):.2f}); target < 2 s", flush=True)

    ref_wall, ref_cpu = warm_run(REFERENCE, args.runs)
    print(f"2. warm server run (AppTest, en, median of {args.runs}): wall ms and CPU ms, next to the reference page "
          f"(a title and one 10-point line); target < 60 ms and <= 6x reference", flush=True)
    print(f"   {'page':18s} {'wall':>6s} {'ref':>5s} {'ratio':>6s}   {'CPU':>5s} {'ref':>5s} {'ratio':>6s}", flush=True)
    for page_id in pages:
        wall, cpu = warm_run(ROOT / "pages" / f"{page_id}.py", args.runs)
        print(f"   {page_id:18s} {wall * 1000:6.0f} {ref_wall * 1000:5.0f} {wall / ref_wall:5.1f}x   "
              f"{cpu * 1000:5.0f} {ref_cpu * 1000:5.0f} {cpu / ref_cpu:5.1f}x", flush=True)
    print(f"2b. explorer search over all mentions, quotes, sentences and indicator names (median of {args.runs}): "
          "query / warm explorer run with the results; target well under 1 s", flush=True)
    for term, found, query, page in search_times(args.runs):
        print(f"   {term!r:18s} {found:4d} mentions  query {query * 1000:5.1f} ms  page {page * 1000:5.0f} ms",
              flush=True)

    from playwright.sync_api import sync_playwright

    app, reference = bench.start_server("app.py"), bench.start_server(REFERENCE)
    try:
        print(f"2c. server CPU per page view on a running server (ms; websocket, each view a new session, en, mean of "
              f"{2 * args.runs}): with another session open (a server in use) and alone (Streamlit compiles app.py and "
              "the page again after a moment with no session open); KB sent per view", flush=True)
        print(f"   {'page':18s} {'in use':>6s} {'ref':>5s} {'ratio':>5s}   {'alone':>6s} {'ref':>5s} {'ratio':>5s}   "
              f"{'KB':>5s}", flush=True)
        ref_views = [load.cpu_per_view(reference.url, "", "", [reference.proc.pid], 2 * args.runs, in_use)[0]
                     for in_use in (True, False)]
        for page_id in pages:
            (used, sent), (alone, _) = (load.cpu_per_view(app.url, page_name(page_id), "lang=en", [app.proc.pid],
                                                          2 * args.runs, in_use) for in_use in (True, False))
            print(f"   {page_id:18s} {used * 1000:6.1f} {ref_views[0] * 1000:5.1f} {used / ref_views[0]:4.1f}x   "
                  f"{alone * 1000:6.1f} {ref_views[1] * 1000:5.1f} {alone / ref_views[1]:4.1f}x   {sent / 1024:5.0f}",
                  flush=True)
        with sync_playwright() as pw:
            browser = bench.launch_chromium(pw)
            print(f"3. browser: Chromium 1400x900, fresh context per load, {args.runs} loads after a warm-up, pages "
                  "taken in turn. wall = median seconds from navigation to last chart drawn (target <= 1.2x "
                  "reference); best = the fastest load (least disturbed by other jobs); CPU = median CPU seconds "
                  "the load cost Chromium and the server", flush=True)
            print(f"   {'page':18s} {'wall s':>6s} {'ref':>5s} {'ratio':>5s}   {'best s':>6s} {'ref':>5s} {'ratio':>5s}   "
                  f"{'CPU s':>6s} {'ref':>5s} {'ratio':>5s}   {'Chromium':>8s} {'server':>6s}", flush=True)
            urls = {"": (bench.page_url(reference.url, ""), reference.proc)} | {
                p: (bench.page_url(app.url, page_name(p), lang="en"), app.proc) for p in pages}
            draws = browser_times(browser, urls, args.runs)
            print("\n".join(browser_table(draws)), flush=True)

            context = browser.new_context()
            page = context.new_page()
            for page_id in pages:
                for lang in ("zh", "en"):
                    bench.visit(page, bench.page_url(app.url, page_name(page_id), lang=lang))
            context.close()
            print(f"4. server RSS after every page in zh and en (one server, one browser session plus the {args.runs + 1}"
                  f" per page above): {rss_mb(app.proc):.0f} MB; target < 300 MB", flush=True)

            heaviest = args.load_page
            if args.browser_sessions:
                url = bench.page_url(app.url, page_name(heaviest), lang="en")
                single = bench.visit(browser.new_context().new_page(), url).seconds
                many, failed = simultaneous(browser, url, args.browser_sessions, timeout=max(300.0, 30 * single))
                drawn = f"{len(many)} of {args.browser_sessions} drawn" + (
                    f", {len(failed)} FAILED: {failed[0]}" if failed else "")
                print(f"4b. {args.browser_sessions} Chromium tabs at once on {heaviest} (Chromium and the server share "
                      f"the cores: this measures the machine, not the server): {drawn}; "
                      + (f"median {statistics.median(many):.2f} s, p95 {load.percentile(many, 0.95):.2f} s vs single "
                         f"{single:.2f} s" if many else ""), flush=True)
            browser.close()
    finally:
        app.stop()
        reference.stop()
    load_tables(args.load_page, counts, readers, args.think, duration=args.duration)
    if args.corpus is not None:
        from bench import corpus

        corpus.report(tuple(args.corpus or (100, 500)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
