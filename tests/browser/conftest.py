"""Fixtures for the real-browser suite: the app served by a streamlit subprocess, and headless Chromium."""
import pytest

from lib import serve as bench

if not bench.CHROMIUM.exists():
    pytest.skip(f"Chromium not found at {bench.CHROMIUM}: apt-get install chromium (or set BROWSER_PATH)",
                allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -r requirements.txt)")


@pytest.fixture(scope="session")
def server():
    srv = bench.start_server("app.py")
    yield srv
    srv.stop()


# Module scope: Playwright's sync API keeps an event loop running in the main thread while it is open, and the
# deploy tests that run after this folder call asyncio.run(); the browser must be closed by then.
@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = bench.launch_chromium(pw)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh context per test (no shared session), recording every request and websocket it opens."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    urls: list[str] = []
    context.on("request", lambda req: urls.append(req.url))
    pg = context.new_page()
    pg.on("websocket", lambda ws: urls.append(ws.url))
    pg.requests = urls
    yield pg
    context.close()
