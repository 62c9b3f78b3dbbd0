"""`python -m bench.floor [--steps wide,nav,...] [--rounds 5] [--pages overview,rd] [--trees /tmp/main]`: what a page
pays in the browser beyond the reference page, taken apart. The reference page (a title and one 10-point line) is
built up towards the overview page one step at a time (bench/floor_page.py); every step runs on its own server and
the steps, the reference and the app's own pages (this checkout's and, with --trees, other checkouts') are loaded in
turn in each round in fresh Chromium contexts, as `python -m bench` step 3 does. Prints, per variant, the median wall
time, Chromium's and the server's CPU per load, and the median of each round's ratio of that CPU to the reference's
(the figure a shared machine's other jobs move least)."""
from __future__ import annotations

import argparse
import os
import statistics
from pathlib import Path

# Each step adds to the ones before it (bench/floor_page.py).
STEPS = ("wide", "nav", "lang", "econ", "toggle", "export", "header", "head", "chart", "cards",
         "fc_scorecard", "fc_industrial", "fc_pills", "fc_gapmap", "fc_downloads", "fc_selects", "fc_grid", "fc_all",
         "ds_controls", "ds_first", "ds_claims", "ds_ranking", "ds_why", "ds_all")
STEP_TEXT = {
    "wide": "the reference in the app's wide layout",
    "nav": "+ st.navigation (the sidebar's page list)",
    "lang": "+ the sidebar's language control",
    "econ": "+ the economies (multiselect)",
    "toggle": "+ the presentation toggle",
    "export": "+ the export button",
    "header": "+ the page's title, subtitle, intro caption",
    "head": "+ the chart's head (style+script, head element)",
    "chart": "the overview's first screen (its own chart)",
    "cards": "+ the cards: the whole overview page",
    # The four chains ladder: pages/four_chains.py run up to each mark of FOUR_CHAINS_MARKS (after the sidebar).
    "fc_scorecard": "four chains: header, caption, scorecard chart, notes",
    "fc_industrial": "+ the closed section of industrial statements",
    "fc_pills": "+ the gap map's header, caption, pills, titles",
    "fc_gapmap": "+ the gap-map heatmap",
    "fc_downloads": "+ the PNG and CSV download buttons",
    "fc_selects": "+ the chain and industry selectboxes",
    "fc_grid": "+ the selected gaps (their grid until ad0b4fa)",
    "fc_all": "+ the closed measures section: the whole page",
    # The digital services ladder: pages/digital_services.py run up to each mark of DIGITAL_MARKS.
    "ds_controls": "digital services: definition, years slider, top-six toggle",
    "ds_first": "+ the first screen (shares and exports charts)",
    "ds_claims": "+ the closed section of the paper's claims",
    "ds_ranking": "+ the closed ranking and overtaking section",
    "ds_why": "+ the why subheader and its text",
    "ds_all": "+ the closed datasets expander: the whole page",
}
CARDS_MARK = "# ---------------------------------------------------------------- cards"
# Where pages/four_chains.py is cut for each step of its ladder (None: the whole page).
FOUR_CHAINS_MARKS = {
    "fc_scorecard": "# A section like those below (page.more)",
    "fc_industrial": "# ---------------------------------------------------------------- 2. gap map",
    "fc_pills": "page.chart(**gapmap_view(",
    "fc_gapmap": "# The gap map as a report-size PNG",
    "fc_downloads": "left, right = st.columns(2)",
    "fc_selects": "heading, selected = selected_gaps(",
    "fc_grid": "# ---------------------------------------------------------------- 3. gaps to measures",
    "fc_all": None,
}
# Where pages/digital_services.py is cut for each step of its ladder (None: the whole page).
DIGITAL_MARKS = {
    "ds_controls": "# --- China, the US and the EU under the chosen definition",
    "ds_first": "# --- what the paper says",
    "ds_claims": "# --- the paper's top six",
    "ds_ranking": "# --- why the public series",
    "ds_why": 'with st.expander(ctx.t("digital.datasets.title")',
    "ds_all": None,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.floor", description=__doc__)
    parser.add_argument("--steps", default=",".join(STEPS), help=f"steps to load (default all: {','.join(STEPS)})")
    parser.add_argument("--pages", default="overview", help="the app's pages to load too ('' for none)")
    parser.add_argument("--trees", type=Path, nargs="*", default=[],
                        help="other checkouts (with a built warehouse) whose pages are loaded too, for an A/B")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--lang", default="en", choices=("en", "zh"))
    args = parser.parse_args(argv)
    steps = [s for s in args.steps.split(",") if s]
    unknown = set(steps) - set(STEPS)
    if unknown:
        parser.error(f"unknown step {', '.join(sorted(unknown))}: choose from {', '.join(STEPS)}")
    from playwright.sync_api import sync_playwright

    from bench import ab
    from bench.__main__ import REFERENCE, browser_times, page_name
    from lib import serve
    from lib.paths import ROOT

    pages = [p for p in args.pages.split(",") if p]
    servers = {"(reference)": serve.start_server(REFERENCE)}
    urls = {"(reference)": (serve.page_url(servers["(reference)"].url, ""), servers["(reference)"].proc)}
    try:
        for step in steps:
            servers[step] = serve.start_server(ROOT / "bench" / "floor_page.py", env={"FLOOR_STEP": step})
            urls[step] = (serve.page_url(servers[step].url, "", lang=args.lang), servers[step].proc)
        for tree in [ROOT, *args.trees]:
            name = "this" if tree == ROOT else str(tree)
            servers[name] = serve.start_server("app.py") if tree == ROOT else ab.start(tree)
            for page_id in pages:
                urls[f"{name}: {page_id}"] = (serve.page_url(servers[name].url, page_name(page_id), lang=args.lang),
                                              servers[name].proc)
        print(f"{len(urls)} variants, {args.rounds} rounds after a warm-up, taken in turn; load average "
              f"{os.getloadavg()[0]:.1f}", flush=True)
        with sync_playwright() as pw:
            browser = serve.launch_chromium(pw)
            draws = browser_times(browser, urls, args.rounds)
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
    ref = draws["(reference)"]

    def cpu(draw) -> float:
        return draw.browser_cpu + draw.server_cpu

    def quartiles(values: list[float]) -> tuple[float, float, float]:
        low, _, high = statistics.quantiles(values, n=4) if len(values) > 1 else values * 3
        return statistics.median(values), low, high

    print(f"load average {os.getloadavg()[0]:.1f} at the end; medians: wall s, CPU s of Chromium and the server per "
          "load, and the median of each round's CPU (both) over the reference's")
    print(f"   {'variant':58s} {'wall':>5s} {'Chromium':>8s} {'server':>6s} {'x ref':>6s}")
    for name, found in draws.items():
        ratio = statistics.median(cpu(d) / cpu(r) for d, r in zip(found, ref))
        label = f"{name}: {STEP_TEXT[name]}" if name in STEP_TEXT else name
        # This checkout's page against the first other tree's, round by round (the A/B figure).
        other = (draws.get(name.replace("this:", f"{args.trees[0]}:", 1))
                 if args.trees and name.startswith("this:") else None)
        print(f"   {label:58s} {statistics.median(d.wall for d in found):5.2f} "
              f"{statistics.median(d.browser_cpu for d in found):8.2f} "
              f"{statistics.median(d.server_cpu for d in found):6.2f} {ratio:5.2f}x" + (
                  "  ({:.2f}x the other tree's; rounds' quartiles {:.2f}-{:.2f})".format(
                      *quartiles([cpu(d) / cpu(o) for d, o in zip(found, other)])) if other else ""), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
