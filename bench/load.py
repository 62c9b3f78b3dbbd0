"""Load client speaking Streamlit's own websocket protocol: many sessions at once without a browser per session.

Each session opens `/_stcore/stream`, sends the rerun BackMsg a browser sends on page load (page name and query
string), and reads ForwardMsgs until the script-finished message of a complete run. So it measures what the server
does for a page view (script run, figure and table serialisation, sending), not what Chromium does drawing it.

    python -m bench.load --url http://127.0.0.1:8501 --page unicorns --sessions 1,5,10,20,50
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

SESSION_COUNTS = (1, 5, 10, 20, 50)
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


def stream_url(base: str) -> str:
    parts = urlsplit(base)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"


def rerun_message(page: str, query: str) -> bytes:
    """The BackMsg a browser sends when it opens /<page>?<query>: run the app with that page and query string."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page
    msg.rerun_script.page_script_hash = ""
    return msg.SerializeToString()


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
                async for raw in ws:
                    msg = ForwardMsg.FromString(raw)
                    out.messages += 1
                    out.received += len(raw)
                    kind = msg.WhichOneof("type")
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
                        break
                else:
                    out.error = out.error or "connection closed before the script finished"
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


async def _round(base: str, page: str, query: str, sessions: int, timeout: float, pids: list[int]) -> Round:
    hold = asyncio.Event()
    before = server_rss_mb(pids) if pids else float("nan")
    start = time.perf_counter()
    results = [Session() for _ in range(sessions)]
    tasks = [asyncio.create_task(one_session(base, page, query, timeout, hold, out)) for out in results]
    # A session has finished its run (or failed) once it has its time; all stay open until hold is set.
    while not all(task.done() or out.seconds for task, out in zip(tasks, results)):
        await asyncio.sleep(0.01)
    wall = time.perf_counter() - start
    rss = server_rss_mb(pids) if pids else float("nan")
    hold.set()
    await asyncio.gather(*tasks)
    return Round(sessions, wall, results, rss, before)


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
    return [asyncio.run(_round(base, page, query, n, timeout, list(pids))) for n in counts]


def table(rounds: list[Round], title: str) -> str:
    """The load table: sessions/s, p50 and p95 to script finished, errors, server memory."""
    single = rounds[0] if rounds and rounds[0].sessions == 1 else None
    lines = [title, f"   {'sessions':>8s} {'views/s':>8s} {'p50 s':>7s} {'p95 s':>7s} {'p95/1':>6s} {'errors':>6s} "
                    f"{'RSS MB':>7s} {'MB/sess':>8s} {'KB/view':>8s}"]
    for r in rounds:
        times = r.times
        ratio = percentile(times, 0.95) / percentile(single.times, 0.95) if single and single.times and times else None
        received = statistics.mean(s.received for s in r.results) / 1024 if r.results else 0
        # One or two sessions add less than the allocator's and collector's own swings: no figure.
        per_session = f"{r.mb_per_session:.2f}" if r.sessions >= 5 else "-"
        lines.append(f"   {r.sessions:8d} {r.per_second:8.2f} {percentile(times, 0.5):7.2f} "
                     f"{percentile(times, 0.95):7.2f} {(f'{ratio:.1f}x' if ratio else '-'):>6s} "
                     f"{len(r.errors):6d} {r.rss_mb:7.0f} {per_session:>8s} {received:8.0f}")
    errors = [e for r in rounds for e in r.errors]
    if errors:
        lines.append(f"   first error: {errors[0]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="base URL of a running dashboard (or of the proxy)")
    parser.add_argument("--page", default="unicorns", help="page id, as in the URL path (default unicorns)")
    parser.add_argument("--query", default="lang=en", help="query string without '?' (default lang=en)")
    parser.add_argument("--sessions", default=",".join(map(str, SESSION_COUNTS)),
                        help="comma-separated simultaneous session counts (default 1,5,10,20,50)")
    parser.add_argument("--pid", type=int, action="append", default=[], help="server process id(s) for memory")
    args = parser.parse_args(argv)
    try:
        counts = [int(n) for n in args.sessions.split(",")]
    except ValueError:
        parser.error(f"--sessions must be whole numbers separated by commas, got {args.sessions!r}")
    rounds = run_rounds(args.url, args.page, args.query, counts, args.pid)
    print(table(rounds, f"load on {args.url}/{args.page}?{args.query}"))
    return 1 if any(r.errors for r in rounds) else 0


if __name__ == "__main__":
    raise SystemExit(main())
