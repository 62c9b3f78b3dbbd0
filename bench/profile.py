"""`python -m bench.profile PAGE [--lang en] [--runs 10] [--sort tottime] [--top 40]`: cProfile of a page's warm
server runs (AppTest), taken inside the script thread, where the page's own time goes."""
from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
from pathlib import Path

from lib.paths import ROOT
from lib.ui.state import PAGES


def started(path: Path, lang: str = "en", **params: str):
    """An AppTest of the page at `path` in `lang` with URL `params`, after its first (cold) run."""
    from streamlit.testing.v1 import AppTest

    # AppTest outside a server logs a harmless "missing ScriptRunContext" warning per run; keep the output readable.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    at = AppTest.from_file(str(path), default_timeout=120)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if at.exception:
        raise RuntimeError(f"{path.name}: {at.exception[0].message}")
    return at


def profile(page: str, lang: str, runs: int, fresh: bool = False, **params: str) -> pstats.Stats:
    """Profile `runs` warm runs of pages/`page`.py (the first, cold run is not profiled); fresh: each run in a new
    session (a new visitor), not a rerun of the same one."""
    from streamlit.runtime.scriptrunner import script_runner

    profiler = cProfile.Profile()
    original = script_runner.exec_func_with_error_handling
    active = False

    def profiled(func, ctx):  # AppTest runs the script in its own thread: profile there, around the script only
        if not active:
            return original(func, ctx)
        profiler.enable()
        try:
            return original(func, ctx)
        finally:
            profiler.disable()

    script_runner.exec_func_with_error_handling = profiled
    try:
        at = started(ROOT / "pages" / f"{page}.py", lang, **params)
        active = True
        for _ in range(runs):
            if fresh:
                started(ROOT / "pages" / f"{page}.py", lang, **params)
            else:
                at.run()
    finally:
        script_runner.exec_func_with_error_handling = original
    return pstats.Stats(profiler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("page", choices=list(PAGES))
    parser.add_argument("--lang", default="en", choices=("en", "zh"))
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (cumulative, tottime, ...)")
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--fresh", action="store_true", help="each run in a new session (a first visit)")
    args = parser.parse_args(argv)
    stats = profile(args.page, args.lang, args.runs, args.fresh)
    print(f"{args.page} ({args.lang}): {stats.total_tt / args.runs * 1000:.1f} ms per warm run in the script thread")
    stats.sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
