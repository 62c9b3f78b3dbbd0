"""deploy/: two replicas behind HAProxy on free local ports: health through the proxy, a page's websocket stream
reaching script_finished, sticky sessions by cookie, a replica falling out of the rotation, and one page in
Chromium through the proxy with no request beyond localhost."""
import asyncio
import re
import shutil
import urllib.request

import pytest

from bench import load
from deploy import run
from lib import serve
from lib.ui.i18n import t

if shutil.which(run.HAPROXY) is None and shutil.which(run.HAPROXY, path="/usr/sbin:/usr/local/sbin") is None:
    pytest.skip(f"HAProxy not found ({run.HAPROXY!r}): apt-get install haproxy (CI installs it in .ci/run)",
                allow_module_level=True)

COOKIE = "DASHBOARD_REPLICA"


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    started = run.start(replicas=2, log_dir=tmp_path_factory.mktemp("deploy"))
    yield started
    started.stop()


def script_runs(server: serve.Server) -> int:
    """Cached-function lookups on one replica: they grow only when a page's script runs there."""
    with urllib.request.urlopen(f"{server.url}/_stcore/metrics", timeout=10) as resp:
        text = resp.read().decode()
    return sum(int(n) for n in re.findall(r"^cache_lookups_total\{.*\} (\d+)$", text, re.M))


def view(base: str, page: str = "rd", **headers: str) -> load.Session:
    return asyncio.run(load.one_session(base, page, "lang=en", timeout=120, headers=headers or None))


def test_health_through_the_proxy_names_a_replica(deployment):
    assert all(r.port != deployment.port for r in deployment.replicas)
    with urllib.request.urlopen(f"{deployment.url}/_stcore/health", timeout=10) as resp:
        assert resp.status == 200 and resp.read() == b"ok"
        cookies = resp.headers.get_all("Set-Cookie")
    assert any(re.match(rf"{COOKIE}=r[12];", c) for c in cookies), cookies


def test_page_stream_through_the_proxy_reaches_script_finished(deployment):
    session = view(deployment.url)
    assert not session.error, session.error
    assert session.deltas > 10 and session.received > 10_000  # the page's elements and charts came through


def test_department_readers_through_the_proxy_rerun_their_sessions(deployment):
    """bench.load's department scenario through the proxy: each reader's reruns reach the replica holding its
    session (one websocket each) and finish."""
    (found,) = load.run_department(deployment.url, ("rd",), "lang=en", counts=(2,), pids=deployment.pids, views=2,
                                   think=0.05, duration=30)
    assert not found.errors, found.errors
    assert sorted(v.rerun for v in found.results) == [False, False, True, True]


def test_cookie_keeps_a_visitor_on_one_replica(deployment):
    first, second = deployment.replicas
    before = script_runs(first), script_runs(second)
    for _ in range(3):
        assert not view(deployment.url, Cookie=f"{COOKIE}=r2").error
    after = script_runs(first), script_runs(second)
    assert after[0] == before[0], "a session with the r2 cookie ran on replica 1"
    assert after[1] > before[1]


def test_new_visitors_are_spread_over_both_replicas(deployment):
    before = [script_runs(r) for r in deployment.replicas]
    for _ in range(2):
        assert not view(deployment.url).error
    after = [script_runs(r) for r in deployment.replicas]
    assert all(a > b for a, b in zip(after, before)), (before, after)


def test_page_in_chromium_through_the_proxy_stays_local(deployment):
    if not serve.CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {serve.CHROMIUM}: apt-get install chromium (or set BROWSER_PATH)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = serve.launch_chromium(pw)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            urls: list[str] = []
            context.on("request", lambda req: urls.append(req.url))
            page = context.new_page()
            page.on("websocket", lambda ws: urls.append(ws.url))
            visit = serve.visit(page, serve.page_url(deployment.url, "rd", lang="en"))
            assert visit.charts > 0
            assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == t("page.rd.title", "en")
            assert page.locator('[data-testid="stException"]').count() == 0
            assert any(u.startswith(f"ws://127.0.0.1:{deployment.port}/_stcore/stream") for u in urls), urls
            assert [u for u in urls if not serve.is_local(u)] == []
            assert any(c["name"] == COOKIE for c in context.cookies())
        finally:
            browser.close()


def test_a_replica_that_stops_leaves_the_rotation(tmp_path):
    """Health check: with one of two replicas stopped, every new visitor still gets the page."""
    started = run.start(replicas=2, log_dir=tmp_path)
    try:
        started.replicas[0].stop()
        for _ in range(4):
            session = view(started.url, Cookie=f"{COOKIE}=r1")  # even one sent to the stopped replica by cookie
            assert not session.error, session.error
    finally:
        started.stop()


def test_a_stale_warehouse_stops_the_start_with_what_to_do(tmp_path):
    with pytest.raises(run.DeployError, match="python -m lib.build"):
        run.start(replicas=1, warehouse=tmp_path / "missing.duckdb", log_dir=tmp_path)
