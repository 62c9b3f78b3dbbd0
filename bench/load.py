"""Load client speaking Streamlit's own websocket protocol: many sessions at once without a browser per session.

Each session opens `/_stcore/stream`, sends the rerun BackMsg a browser sends on page load (page name and query
string), and reads ForwardMsgs until the script-finished message of a complete run. So it measures what the server
does for a page view (script run, figure and table serialisation, sending), not what Chromium does drawing it.

Two scenarios. burst (the worst case): N new sessions ask for the page in the same instant. department: N readers
each keep a tab open and ask for a page again after a think time (exponential, mean 10 s), a few times each; the
first view of a reader opens its session, the later ones rerun it.

    python -m bench.load --url http://127.0.0.1:8501 --page unicorns --sessions 1,5,10,20,50
    python -m bench.load --url http://127.0.0.1:8501 --scenario department --readers 1,20,50 --think 10
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

SESSION_COUNTS = (1, 5, 10, 20, 50)
SINGLE_VIEWS = 5  # the 1-session burst round: this many lone views one after the other, the ratios' denominator
# Seconds one session may take before it counts as an error; generous because 50 sessions share two cores.
SESSION_TIMEOUT = 300.0
_DONE = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
# A rerun the script asked for itself (st.rerun, e.g. on a fresh server's first run) ends one run early: keep reading.
_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


@dataclass
class Session:
    """What one simulated page view did: seconds from opening the socket to the script-finished message, the
    ForwardMsgs and bytes received, and the error if it did not finish."""

    seconds: float = 0.0
    messages: int = 0
    received: int = 0
    deltas: int = 0
    error: str = ""
    rerun: bool = False  # a later view of a session already open (department scenario), not a new session's first


def stream_url(base: str) -> str:
    parts = urlsplit(base)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"


def rerun_message(page: str, query: str, cached: Iterable[str] = ()) -> bytes:
    """The BackMsg a browser sends when it opens /<page>?<query>: run the app with that page and query string.
    cached: hashes of the large elements the tab already holds (its message cache), which the server then sends as
    references instead of again."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page
    msg.rerun_script.page_script_hash = ""
    msg.rerun_script.cached_message_hashes.extend(sorted(cached))
    return msg.SerializeToString()


async def read_run(ws, page: str, out: Session, cache: set[str] | None = None) -> None:
    """Read ForwardMsgs from `ws` until the script-finished message of a complete run, counting them into `out` and
    setting its error if the page raised, was not found, did not finish or the socket closed first. cache: filled
    with the hashes of this run's cacheable elements (sent whole or as a reference), as a browser tab keeps them."""
    async for raw in ws:
        msg = ForwardMsg.FromString(raw)
        out.messages += 1
        out.received += len(raw)
        kind = msg.WhichOneof("type")
        if cache is not None and (msg.metadata.cacheable or kind == "ref_hash"):
            cache.add(msg.ref_hash if kind == "ref_hash" else msg.hash)
        if kind == "delta":
            out.deltas += 1
            if msg.delta.WhichOneof("type") == "new_element" and \
                    msg.delta.new_element.WhichOneof("type") == "exception":
                out.error = f"exception in the page: {msg.delta.new_element.exception.message}"
        elif kind == "page_not_found":
            out.error = f"page not found: {page!r}"
        elif kind == "script_finished":
            if msg.script_finished == _RERUN:
                continue
            if msg.script_finished != _DONE and not out.error:
                out.error = f"script finished with {ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)}"
            return
    out.error = out.error or "connection closed before the script finished"


async def one_session(base: str, page: str, query: str, timeout: float = SESSION_TIMEOUT,
                      hold: asyncio.Event | None = None, out: Session | None = None,
                      headers: dict[str, str] | None = None) -> Session:
    """Open a session, ask for the page, and read until the run finishes (or fails, or times out). With `hold`,
    keep the socket (and so the server's session) open until it is set, as a reader keeps the tab open; `out`
    (filled in as the session goes) has its seconds set once the run has finished. headers: sent with the upgrade
    request (e.g. the proxy's replica cookie)."""
    out = out or Session()
    start = time.perf_counter()
    try:
        async with asyncio.timeout(timeout) as deadline:
            # "streamlit" is the subprotocol the browser asks for; max_size None: a page's deltas can be large.
            async with websockets.connect(stream_url(base), subprotocols=["streamlit"], max_size=None,
                                          open_timeout=timeout, ping_interval=None,
                                          additional_headers=headers) as ws:
                await ws.send(rerun_message(page, query))
                await read_run(ws, page, out)
                out.seconds = time.perf_counter() - start
                if hold is not None:
                    deadline.reschedule(None)  # holding the tab open is not part of the view's time
                    await hold.wait()
    except TimeoutError:
        out.error = f"no script_finished within {timeout:.0f} s"
    except (OSError, websockets.WebSocketException) as exc:
        out.error = f"{type(exc).__name__}: {exc}"
    out.seconds = out.seconds or time.perf_counter() - start
    return out


def cpu_seconds(processes: list[psutil.Process]) -> float:
    """CPU seconds (user and system) the processes have used so far; one that has ended counts nothing."""
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:  # a renderer that closed with its context
            pass
    return total


async def _views(base: str, page: str, query: str, pids: list[int], views: int, in_use: bool) -> tuple[float, float]:
    hold = asyncio.Event()
    other = asyncio.create_task(one_session(base, page, query, hold=hold)) if in_use else None
    warm = await one_session(base, page, query)
    if warm.error:
        raise RuntimeError(f"{base}/{page}: {warm.error}")
    await asyncio.sleep(0.2)  # the warm-up session's closing work done
    servers = [psutil.Process(pid) for pid in pids]
    start, received = cpu_seconds(servers), 0
    for _ in range(views):
        view = await one_session(base, page, query)
        if view.error:
            raise RuntimeError(f"{base}/{page}: {view.error}")
        received += view.received
    used = cpu_seconds(servers) - start
    if other is not None:
        hold.set()
        await other
    return used / views, received / views


def cpu_per_view(base: str, page: str, query: str, pids: list[int], views: int = 10,
                 in_use: bool = True) -> tuple[float, float]:
    """(server CPU seconds, bytes received) per page view, each view a new session run to script finished, one after
    the other, after a warm-up view. in_use: another session stays open meanwhile, as on a server people are using;
    with no session open Streamlit drops its compiled scripts, so the next lone visitor pays compiling app.py and the
    page again."""
    return asyncio.run(_views(base, page, query, list(pids), views, in_use))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


@dataclass
class Round:
    """`sessions` simultaneous page views and what they cost."""

    sessions: int
    wall: float
    results: list[Session] = field(default_factory=list)
    rss_mb: float = float("nan")  # all server processes once every session has finished, sessions still open
    rss_before_mb: float = float("nan")  # the same just before the round's sessions opened
    cpu: float = float("nan")  # CPU seconds the server processes used during the round

    @property
    def mb_per_session(self) -> float:
        """Memory the round's open sessions added, per session."""
        return (self.rss_mb - self.rss_before_mb) / self.sessions
    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.results if not r.error]

    @property
    def errors(self) -> list[str]:
        return [r.error for r in self.results if r.error]

    @property
    def per_second(self) -> float:
        return len(self.times) / self.wall if self.wall else float("nan")


async def _measured(sessions: int, pids: list[int], results: list[Session],
                    launch: Callable[[asyncio.Event, float], list[asyncio.Task]],
                    finished: Callable[[list[asyncio.Task]], bool]) -> Round:
    """One round: launch(hold, start time) starts the sessions' tasks, which fill `results` and keep their sockets
    open until `hold` is set; once finished(tasks) (or every task has ended), wall time, the servers' RSS (sessions
    still open) and CPU are read, then the sessions are let go."""
    hold = asyncio.Event()
    servers = [psutil.Process(pid) for pid in pids]
    before, cpu_before = (server_rss_mb(pids) if pids else float("nan")), cpu_seconds(servers)
    start = time.perf_counter()
    tasks = launch(hold, start)
    while not finished(tasks) and not all(task.done() for task in tasks):
        await asyncio.sleep(0.01)
    wall = time.perf_counter() - start
    rss = server_rss_mb(pids) if pids else float("nan")
    cpu = cpu_seconds(servers) - cpu_before
    hold.set()
    await asyncio.gather(*tasks)
    return Round(sessions, wall, results, rss, before, cpu)


async def _round(base: str, page: str, query: str, sessions: int, timeout: float, pids: list[int]) -> Round:
    results = [Session() for _ in range(sessions)]
    return await _measured(
        sessions, pids, results,
        lambda hold, _: [asyncio.create_task(one_session(base, page, query, timeout, hold, out)) for out in results],
        # A session has finished its run (or failed) once it has its time; all stay open until hold is set.
        lambda tasks: all(task.done() or out.seconds for task, out in zip(tasks, results)))


def server_rss_mb(pids: list[int]) -> float:
    """Resident memory of the server processes (and their children) in MB."""
    total = 0
    for pid in pids:
        try:
            process = psutil.Process(pid)
            total += sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


def run_rounds(base: str, page: str, query: str = "lang=en", counts=SESSION_COUNTS, pids: list[int] = (),
               timeout: float = SESSION_TIMEOUT) -> list[Round]:
    """A warm-up session per server, then one round per count in `counts`. Memory is read when every session of the round
    has finished its run, with all of them still open (as readers keeping their tabs open)."""
    # First run of the page on every server (behind the proxy, new sessions go round robin): caches filled.
    for _ in range(max(1, len(pids))):
        asyncio.run(one_session(base, page, query, timeout))
    return [_single(base, page, query, timeout, list(pids)) if n == 1 else
            asyncio.run(_round(base, page, query, n, timeout, list(pids))) for n in counts]


def _single(base: str, page: str, query: str, timeout: float, pids: list[int], views: int = SINGLE_VIEWS) -> Round:
    """The 1-session round: `views` lone sessions one after the other, as one Round (one view's time alone swings
    with the machine's other jobs by twice or more, and every ratio of the table is taken to it)."""
    rounds = [asyncio.run(_round(base, page, query, 1, timeout, pids)) for _ in range(views)]
    return Round(1, sum(r.wall for r in rounds), [r.results[0] for r in rounds], rounds[-1].rss_mb,
                 rounds[0].rss_before_mb, sum(r.cpu for r in rounds))


# ---------------------------------------------------------------- department scenario
# The burst above is a worst case: N readers press Enter in the same instant, and one Streamlit process runs their
# scripts under one interpreter lock, so the last of them waits for nearly all the others whatever a run costs. A
# department is N readers who each keep a tab open and ask for a page now and then, reading in between.
THINK_SECONDS = 10.0  # mean reading time between two views of one reader (exponential)
DEPARTMENT_VIEWS = 5  # views per reader at most (the first opens the session, the others rerun it)
DEPARTMENT_SECONDS = 60.0  # no reader starts a view after this many seconds from the round's start
DEPARTMENT_COUNTS = (1, 20, 50)


async def reader(base: str, pages: tuple[str, ...], query: str, views: int, think: float, until: float,
                 rng: random.Random, out: list[Session], done: list[bool], hold: asyncio.Event,
                 timeout: float = SESSION_TIMEOUT, headers: dict[str, str] | None = None) -> None:
    """One reader: arrive at a random moment within the first think time, open a session with a page view, then
    rerun it after an exponential pause of mean `think` seconds, up to `views` views, no rerun started after
    `until` (a perf_counter time). Each view asks for a page of `pages` chosen at random. Every view is appended to
    `out` as it starts; once the reader has read its last view it appends to `done` and keeps the socket open until
    `hold` is set, so the server keeps the session, as for a tab left open. Like a browser tab, each rerun names
    the large elements of the previous run it holds (Streamlit then sends references to them); unlike one, it sends
    no widget states (the URL's query string carries the page's state)."""
    await asyncio.sleep(rng.uniform(0, think))
    start = time.perf_counter()
    view, cache = Session(), set()
    out.append(view)
    try:
        async with websockets.connect(stream_url(base), subprotocols=["streamlit"], max_size=None,
                                      open_timeout=timeout, ping_interval=None, additional_headers=headers) as ws:
            for i in range(views):
                if i:
                    pause = rng.expovariate(1 / think) if think > 0 else 0.0
                    if time.perf_counter() + pause >= until:
                        break
                    await asyncio.sleep(pause)
                    view, start = Session(rerun=True), time.perf_counter()
                    out.append(view)
                page, held = rng.choice(pages), cache
                cache = set()
                try:
                    async with asyncio.timeout(timeout):
                        await ws.send(rerun_message(page, query, held))
                        await read_run(ws, page, view, cache)
                except TimeoutError:
                    view.error = f"no script_finished within {timeout:.0f} s"
                view.seconds = time.perf_counter() - start
                if view.error:
                    break
            done.append(True)
            await hold.wait()
    except (OSError, websockets.WebSocketException) as exc:
        view.error = view.error or f"{type(exc).__name__}: {exc}"
        view.seconds = view.seconds or time.perf_counter() - start
        done.append(True)


async def _department(base: str, pages: tuple[str, ...], query: str, sessions: int, views: int, think: float,
                      duration: float, seed: int, pids: list[int], timeout: float) -> Round:
    results: list[Session] = []
    done: list[bool] = []
    return await _measured(
        sessions, pids, results,
        lambda hold, start: [asyncio.create_task(reader(base, pages, query, views, think, start + duration,
                                                        random.Random(seed + i), results, done, hold, timeout))
                             for i in range(sessions)],
        lambda _: len(done) >= sessions)


def run_department(base: str, pages: tuple[str, ...] | str, query: str = "lang=en", counts=DEPARTMENT_COUNTS,
                   pids: list[int] = (), views: int = DEPARTMENT_VIEWS, think: float = THINK_SECONDS,
                   duration: float = DEPARTMENT_SECONDS, seed: int = 16,
                   timeout: float = SESSION_TIMEOUT) -> list[Round]:
    """The department scenario, one round per count in `counts` (after a warm-up view of every page on every
    server): N readers with open tabs, each reading `views` pages at most with a think time of mean `think` s in
    between, no rerun after `duration` s. Seeded: the same arrivals, pauses and pages on every run."""
    pages = (pages,) if isinstance(pages, str) else tuple(pages)
    for _ in range(max(1, len(pids))):
        for page in pages:
            asyncio.run(one_session(base, page, query, timeout))
    return [asyncio.run(_department(base, pages, query, n, views, think, duration, seed, list(pids), timeout))
            for n in counts]


def _p95(times: list[float]) -> str:
    return f"{percentile(times, 0.95):.2f}" if times else "-"


def table(rounds: list[Round], title: str, department: bool = False) -> str:
    """The load table: views/s, p50 and p95 seconds to script finished (and p95 over the 1-session round's median),
    errors, server memory (RSS with the round's sessions open, and MB each added), server CPU per view. department: the
    rounds of `run_department`, with the p95 of sessions' first views (a new session) and of reruns apart, and how
    busy the server was (its CPU over the round's wall time, in cores)."""
    single = rounds[0] if rounds and rounds[0].sessions == 1 else None
    head = f"   {'sessions':>8s} " + (f"{'views':>6s} " if department else "") + \
        f"{'views/s':>8s} {'p50 s':>7s} {'p95 s':>7s} {'p95/1':>6s} " + \
        (f"{'first p95':>9s} {'rerun p95':>9s} " if department else "") + \
        f"{'errors':>6s} {'RSS MB':>7s} {'MB/sess':>8s} {'KB/view':>8s} {'CPU ms/view':>11s}" + \
        (f" {'busy':>5s}" if department else "")
    lines = [title, head]
    for r in rounds:
        times = r.times
        # Over one session's median: the 1-session round holds several lone views (burst) or one reader's views.
        ratio = percentile(times, 0.95) / percentile(single.times, 0.5) if single and single.times and times else None
        received = statistics.mean(s.received for s in r.results) / 1024 if r.results else 0
        # One or two sessions add less than the allocator's and collector's own swings: no figure.
        per_session = f"{r.mb_per_session:.2f}" if r.sessions >= 5 else "-"
        cpu = f"{r.cpu / len(times) * 1000:.1f}" if times and r.cpu == r.cpu else "-"
        line = f"   {r.sessions:8d} " + (f"{len(r.results):6d} " if department else "") + \
            f"{r.per_second:8.2f} {percentile(times, 0.5):7.2f} {percentile(times, 0.95):7.2f} " \
            f"{(f'{ratio:.1f}x' if ratio else '-'):>6s} "
        if department:
            first = [v.seconds for v in r.results if not v.error and not v.rerun]
            again = [v.seconds for v in r.results if not v.error and v.rerun]
            line += f"{_p95(first):>9s} {_p95(again):>9s} "
        line += f"{len(r.errors):6d} {r.rss_mb:7.0f} {per_session:>8s} {received:8.0f} {cpu:>11s}"
        if department:
            line += f" {r.cpu / r.wall:5.2f}" if r.wall and r.cpu == r.cpu else f" {'-':>5s}"
        lines.append(line)
    added = memory_per_added_session(rounds)
    if added:
        lines.append(f"   memory per added session: (RSS with {added[0]} sessions open - RSS with 1) / "
                     f"{added[0] - 1} = {added[1]:.2f} MB")
    errors = [e for r in rounds for e in r.errors]
    if errors:
        lines.append(f"   first error: {errors[0]}")
    return "\n".join(lines)


def memory_per_added_session(rounds: list[Round]) -> tuple[int, float] | None:
    """(N, MB): the server's RSS with the most sessions open minus its RSS with one open, per added session; None
    without a 1-session round, a larger one and RSS figures."""
    single = next((r for r in rounds if r.sessions == 1), None)
    most = max(rounds, key=lambda r: r.sessions, default=None)
    if single is None or most is None or most.sessions < 2 or single.rss_mb != single.rss_mb:
        return None
    return most.sessions, (most.rss_mb - single.rss_mb) / (most.sessions - 1)


def _counts(parser: argparse.ArgumentParser, text: str, option: str) -> list[int]:
    try:
        return [int(n) for n in text.split(",")]
    except ValueError:
        parser.error(f"{option} must be whole numbers separated by commas, got {text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="base URL of a running dashboard (or of the proxy)")
    parser.add_argument("--page", default="unicorns", help="page id, as in the URL path (default unicorns)")
    parser.add_argument("--query", default="lang=en", help="query string without '?' (default lang=en)")
    parser.add_argument("--scenario", choices=("burst", "department", "both"), default="burst",
                        help="burst: N new sessions started in the same instant (worst case); department: N readers "
                             "with open tabs rerunning with a think time; both (default burst)")
    parser.add_argument("--sessions", default=",".join(map(str, SESSION_COUNTS)),
                        help="burst: comma-separated simultaneous session counts (default 1,5,10,20,50)")
    parser.add_argument("--readers", default=",".join(map(str, DEPARTMENT_COUNTS)),
                        help="department: comma-separated reader counts (default 1,5,20,50)")
    parser.add_argument("--pages", help="department: comma-separated pages each view picks from at random "
                                        "(default --page)")
    parser.add_argument("--think", type=float, default=THINK_SECONDS,
                        help="department: mean seconds between a reader's views, exponential "
                             f"(default {THINK_SECONDS:g})")
    parser.add_argument("--views", type=int, default=DEPARTMENT_VIEWS,
                        help=f"department: views per reader at most (default {DEPARTMENT_VIEWS})")
    parser.add_argument("--duration", type=float, default=DEPARTMENT_SECONDS,
                        help=f"department: no view starts after this many seconds (default {DEPARTMENT_SECONDS:g})")
    parser.add_argument("--pid", type=int, action="append", default=[], help="server process id(s) for memory and CPU")
    args = parser.parse_args(argv)
    failed = False
    if args.scenario in ("burst", "both"):
        rounds = run_rounds(args.url, args.page, args.query, _counts(parser, args.sessions, "--sessions"), args.pid)
        print(table(rounds, f"burst: N new sessions at the same instant on {args.url}/{args.page}?{args.query}"))
        failed |= any(r.errors for r in rounds)
    if args.scenario in ("department", "both"):
        pages = tuple(args.pages.split(",")) if args.pages else (args.page,)
        rounds = run_department(args.url, pages, args.query, _counts(parser, args.readers, "--readers"), args.pid,
                                args.views, args.think, args.duration)
        print(table(rounds, f"department: N readers, up to {args.views} views each, think time exponential mean "
                            f"{args.think:g} s, no rerun after {args.duration:g} s, on "
                            f"{args.url}/{','.join(pages)}?{args.query}",
                    department=True))
        failed |= any(r.errors for r in rounds)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
