"""`python -m bench.ab OTHER_TREE [MORE_TREES ...] [--pages unicorns,rd?more=all] [--rounds 9]`: this checkout (B)
against another one (A; e.g. a copy of main: `git archive main | tar -x -C /tmp/main`, with a built warehouse) and
any more (C, D, ...), measured at the same time: one server per tree, and in each round every tree's readers rerun
the page in the same seconds (readers with a tab open rerunning without a pause, as bench/load.py's department with
no think time), so a busy spell of the shared machine's other jobs falls on all trees alike; the warm AppTest runs
(bench/__main__.py `warm_run`, in each tree's own interpreter) likewise run side by side. Per page and tree: server
CPU per rerun, CPU of a warm AppTest run, and the elements (deltas) a rerun sends, a count no other job disturbs.
Prints each round, then the medians and each round's B/A ratio's median."""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench import load
from bench.__main__ import page_name
from lib import serve
from lib.paths import ROOT

_WARM = ("import sys; from urllib.parse import parse_qsl; from bench.__main__ import warm_run; "
         "from lib.paths import ROOT; "
         "print(warm_run(ROOT / 'pages' / f'{sys.argv[1]}.py', int(sys.argv[2]), **dict(parse_qsl(sys.argv[3])))[1])")


def _env(tree: Path) -> dict[str, str]:
    return os.environ | {"INDICATORS_DB": str(tree / "data" / "warehouse.duckdb")}


def start(tree: Path) -> serve.Server:
    """`streamlit run app.py` in `tree` (its code and its warehouse) on a free local port."""
    port = serve.free_port()
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"ab-streamlit-{port}.log"
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.headless", "true",
           "--server.runOnSave", "false", "--server.fileWatcherType", "none"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=tree, stdout=out, stderr=subprocess.STDOUT, env=_env(tree))
    server = serve.Server(proc, port, log)
    serve.wait_healthy(f"{server.url}/_stcore/health", 90, proc, log)
    return server


async def _reruns(servers: dict[str, serve.Server], page: str, query: str, readers: int,
                  reruns: int) -> dict[str, tuple[float, float]]:
    """Each server's CPU (ms) per view and the median elements a rerun sends, its readers running alongside the
    other servers' readers: `readers` tabs each viewing the page 1 + `reruns` times without a pause."""
    for server in servers.values():  # the page's first run on each server (caches filled) is not counted
        await load.one_session(server.url, page, query)
    rounds = await asyncio.gather(*(load._department(server.url, (page,), query, readers, reruns + 1, 0.0, 3600.0, 16,
                                                     [server.proc.pid], load.SESSION_TIMEOUT)
                                    for server in servers.values()))
    out = {}
    for name, round_ in zip(servers, rounds):
        if round_.errors:
            raise RuntimeError(f"{servers[name].url}/{page}: {round_.errors[0]}")
        out[name] = (round_.cpu / len(round_.times) * 1000,
                     statistics.median(view.deltas for view in round_.results if view.rerun))
    return out


def _warm(trees: dict[str, Path], page: str, query: str, runs: int) -> dict[str, float]:
    """Each tree's median CPU (ms) of a warm AppTest run, the trees' runs side by side."""
    procs = {name: subprocess.Popen([sys.executable, "-c", _WARM, page, str(runs), query], cwd=tree, text=True,
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env(tree))
             for name, tree in trees.items()}
    out = {}
    for name, proc in procs.items():
        stdout, _ = proc.communicate()
        if proc.returncode:
            raise RuntimeError(f"{trees[name]}: warm runs of {page} failed (exit {proc.returncode})")
        out[name] = float(stdout.strip().splitlines()[-1]) * 1000
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ab", description=__doc__)
    parser.add_argument("others", type=Path, nargs="+",
                        help="the trees to compare this one with (checkouts with a built warehouse): A, then C, "
                             "D, ...; this checkout is B")
    parser.add_argument("--pages", default="unicorns",
                        help="comma-separated page ids, each with its own query if wanted: unicorns,rd?more=all "
                             "(lang=en unless given; default unicorns)")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--reruns", type=int, default=30, help="reruns per reader per round (default 30)")
    parser.add_argument("--warm-runs", type=int, default=10, help="AppTest warm runs per round, 0 for none")
    args = parser.parse_args(argv)
    trees = dict(zip("ACDEFG", (tree.resolve() for tree in args.others))) | {"B": ROOT}
    servers = {name: start(tree) for name, tree in trees.items()}
    figures: dict[tuple[str, str, str], list[float]] = {}
    try:
        print(", ".join(f"{name} = {tree}" for name, tree in trees.items()) +
              f"; {args.readers} readers x {args.reruns} reruns; load average {os.getloadavg()[0]:.1f}", flush=True)
        for i in range(args.rounds):
            for page in args.pages.split(","):
                page_id, _, query = page.partition("?")
                query = query if "lang=" in query else "&".join(filter(None, ["lang=en", query]))
                reruns = asyncio.run(_reruns(servers, page_name(page_id), query, args.readers, args.reruns))
                warm = _warm(trees, page_id, query, args.warm_runs) if args.warm_runs else {}
                for name in trees:
                    figures.setdefault((page, "rerun", name), []).append(reruns[name][0])
                    figures[page, "elements", name] = [reruns[name][1]]
                    if warm:
                        figures.setdefault((page, "warm", name), []).append(warm[name])
                print(f"round {i + 1} {page:22s} " + "; ".join(
                    f"{name}: rerun {reruns[name][0]:5.1f} ms" + (f", warm {warm[name]:5.1f} ms" if warm else "")
                    for name in trees) + f"; load {os.getloadavg()[0]:.1f}", flush=True)
        print(f"medians (ms of CPU; elements a rerun sends), and the median of each round's ratio to A: page, kind, "
              f"{', '.join(trees)}")
        for page in args.pages.split(","):
            for kind in ("rerun", "warm", "elements"):
                if (page, kind, "A") not in figures:
                    continue
                line = []
                for name in trees:
                    values = figures[page, kind, name]
                    ratio = statistics.median(v / a for v, a in zip(values, figures[page, kind, "A"]))
                    line.append(f"{name} {statistics.median(values):5.1f}" + (f" ({ratio:.2f})" if name != "A" else ""))
                print(f"   {page:22s} {kind:8s} " + ", ".join(line))
    finally:
        for server in servers.values():
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
