"""`python -m bench.ab OTHER_TREE [MORE_TREES ...] [--pages unicorns,rd?more=all] [--rounds 5]`: an A/B of this
checkout (B) against another one (A; e.g. a copy of main: `git archive main | tar -x -C /tmp/main`, with a built
warehouse) and any more (C, D, ...), in the same minutes: every round measures each tree in turn, in reverse order
every other round, so a busy spell on a shared machine falls on all of them. Per page and tree: the server CPU per
rerun (one server per tree; readers with a tab open rerunning the page without a pause, as bench/load.py's
department with no think time) and the CPU of a warm AppTest run (bench/__main__.py `warm_run`, in the tree's own
interpreter). Prints each round and the medians."""
from __future__ import annotations

import argparse
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
        proc = subprocess.Popen(cmd, cwd=tree, stdout=out, stderr=subprocess.STDOUT,
                                env=_env(tree))
    server = serve.Server(proc, port, log)
    serve.wait_healthy(f"{server.url}/_stcore/health", 90, proc, log)
    return server


def rerun_cpu_ms(server: serve.Server, page: str, query: str, readers: int, reruns: int) -> float:
    """Server CPU (ms) per view of `readers` tabs each viewing the page 1 + `reruns` times without a pause."""
    (round_,) = load.run_department(server.url, page_name(page), query, counts=[readers], pids=[server.proc.pid],
                                    views=reruns + 1, think=0, duration=3600)
    if round_.errors:
        raise RuntimeError(f"{server.url}/{page}: {round_.errors[0]}")
    return round_.cpu / len(round_.times) * 1000


def warm_cpu_ms(tree: Path, page: str, query: str, runs: int) -> float:
    out = subprocess.run([sys.executable, "-c", _WARM, page, str(runs), query], cwd=tree, check=True,
                         capture_output=True, text=True, env=_env(tree))
    return float(out.stdout.strip().splitlines()[-1]) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ab", description=__doc__)
    parser.add_argument("others", type=Path, nargs="+",
                        help="the trees to compare this one with (checkouts with a built warehouse): A, then C, "
                             "D, ...; this checkout is B")
    parser.add_argument("--pages", default="unicorns",
                        help="comma-separated page ids, each with its own query if wanted: unicorns,rd?more=all "
                             "(lang=en unless given; default unicorns)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--reruns", type=int, default=60, help="reruns per reader per round (default 60)")
    parser.add_argument("--warm-runs", type=int, default=10, help="AppTest warm runs per round, 0 for none")
    args = parser.parse_args(argv)
    trees = dict(zip("ACDEFG", (tree.resolve() for tree in args.others))) | {"B": ROOT}
    servers = {name: start(tree) for name, tree in trees.items()}
    figures: dict[tuple[str, str, str], list[float]] = {}
    try:
        print(", ".join(f"{name} = {tree}" for name, tree in trees.items()) +
              f"; {args.readers} readers x {args.reruns} reruns; load average {os.getloadavg()[0]:.1f}", flush=True)
        for i in range(args.rounds):
            order = list(trees) if i % 2 == 0 else list(reversed(trees))
            for page in args.pages.split(","):
                page_id, _, query = page.partition("?")
                query = query if "lang=" in query else "&".join(filter(None, ["lang=en", query]))
                for name in order:
                    row = [("rerun", rerun_cpu_ms(servers[name], page_id, query, args.readers, args.reruns))]
                    if args.warm_runs:
                        row.append(("warm", warm_cpu_ms(trees[name], page_id, query, args.warm_runs)))
                    for kind, ms in row:
                        figures.setdefault((page, kind, name), []).append(ms)
                    print(f"round {i + 1} {page:18s} {name}: " + ", ".join(f"{k} {ms:5.1f} ms" for k, ms in row) +
                          f"; load {os.getloadavg()[0]:.1f}", flush=True)
        print(f"medians (ms of CPU), change against A: page, kind, {', '.join(trees)}")
        for page in args.pages.split(","):
            for kind in ("rerun", "warm"):
                if (page, kind, "A") in figures:
                    medians = {n: statistics.median(figures[page, kind, n]) for n in trees}
                    print(f"   {page:22s} {kind:5s} " + ", ".join(
                        f"{n} {ms:5.1f}" + (f" ({(ms - medians['A']) / medians['A'] * 100:+.0f}%)" if n != "A" else "")
                        for n, ms in medians.items()))
    finally:
        for server in servers.values():
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
