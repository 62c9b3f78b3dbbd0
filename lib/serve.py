"""Run the dashboard on a free localhost port and drive Chromium against it: the one harness shared by the browser tests, the benchmark and deploy/ (never imported by the app)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lib.paths import ROOT

CHROMIUM = Path(os.environ.get("BROWSER_PATH", "/usr/bin/chromium"))
# No GPU, no sandbox (CI runs as root) and none of Chromium's own calls home: the request log must stay local.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage",
                 # Many tabs load at once in the benchmark: none may be throttled as a background page.
                 "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                 "--disable-backgrounding-occluded-windows"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension"}
PAGE_TIMEOUT = 120.0  # seconds; a loaded 2-core CI machine can take tens of seconds on the first run of a page
STABLE_FOR = 1.0  # the chart count must hold this long before a page counts as drawn

# Counts the chart elements Streamlit placed, the ones Plotly has drawn, and whether the script is still running.
_PAGE_STATE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  let drawn = 0;
  charts.forEach(c => { if (c.querySelector('.js-plotly-plot .main-svg')) drawn += 1; });
  return {script: app ? app.getAttribute('data-test-script-state') : null,
          title: document.querySelectorAll('[data-testid="stMain"] h1').length,
          charts: charts.length, drawn: drawn,
          skeletons: document.querySelectorAll('[data-testid="stMain"] [data-testid="stSkeleton"]').length};
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running `streamlit run` subprocess on a free local port."""

    proc: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        stop_process(self.proc)


def stop_process(proc: subprocess.Popen, timeout: float = 15) -> None:
    """Terminate a process this harness started, killing it if it does not end within `timeout` seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)


def start_server(script: str | Path = "app.py", log_dir: Path | None = None, timeout: float = 90.0, *,
                 port: int | None = None, address: str = "127.0.0.1", env: dict[str, str] | None = None,
                 options: dict[str, str] | None = None) -> Server:
    """Start the app headless on `address` and `port` (default a free local one); return once its health endpoint
    answers. env: extra environment variables (e.g. INDICATORS_DB); options: extra `--section.option value` flags."""
    port = port or free_port()
    log_dir = log_dir or ROOT / "artifacts"
    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / f"streamlit-{port}.log"
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
           "--server.address", address, "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.runOnSave", "false", "--server.fileWatcherType", "none"]
    for name, value in (options or {}).items():
        cmd += [f"--{name}", value]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=os.environ | (env or {}))
    server = Server(proc, port, log)
    try:
        wait_healthy(f"{server.url}/_stcore/health", timeout, proc, log)
    except RuntimeError:
        server.stop()
        raise
    return server


def wait_healthy(url: str, timeout: float, proc: subprocess.Popen | None = None, log: Path | None = None) -> None:
    """Wait until `url` answers 200; fail early, with the end of its log, if `proc` exits meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log else ""
            raise RuntimeError(f"{proc.args[0]} exited with code {proc.returncode}; see {log}:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s" + (f"; see {log}" if log else ""))


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class Visit:
    """What one page load showed: seconds from navigation to the last chart drawn, and the page's state."""

    seconds: float
    charts: int


def page_url(base: str, page_id: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{base}/{page_id}" + (f"?{query}" if query else "")


class Load:
    """One page load in progress: `poll()` returns a Visit once the script has finished and every chart on the
    page is drawn and has stayed drawn; the time is from navigation to the first moment that final state was seen.
    Several loads can be polled in turn, which is how the benchmark loads many sessions at once."""

    def __init__(self, page, url: str, timeout: float = PAGE_TIMEOUT):
        self.page, self.url, self.timeout = page, url, timeout
        self.start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout * 1000)
        self.last, self.since = None, self.start

    def poll(self) -> Visit | None:
        now = time.perf_counter()
        try:
            st_ = self.page.evaluate(_PAGE_STATE_JS)
        except Exception:  # the document is still being replaced right after navigation
            st_ = {"script": None, "title": 0, "charts": 0, "drawn": 0, "skeletons": 0}
        ready = (st_["script"] == "notRunning" and st_["title"] > 0 and st_["drawn"] == st_["charts"]
                 and st_["skeletons"] == 0)
        key = (st_["charts"], st_["drawn"], ready)
        if key != self.last:
            self.last, self.since = key, now
        if ready and now - self.since >= STABLE_FOR:
            return Visit(self.since - self.start, st_["charts"])
        if now - self.start > self.timeout:
            raise TimeoutError(f"{self.url}: not drawn within {self.timeout:.0f} s (last state {st_})")
        return None


def visit(page, url: str, timeout: float = PAGE_TIMEOUT) -> Visit:
    """Navigate and wait until every chart on the page is drawn (see Load)."""
    load = Load(page, url, timeout)
    while (result := load.poll()) is None:
        time.sleep(0.05)
    return result
