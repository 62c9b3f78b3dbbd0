"""Every page in a real Chromium, in zh, en and presentation mode: charts drawn, no error box, no outside request."""

import pytest

import bench
from lib.paths import ROOT
from lib.state import PAGES

SHOTS = ROOT / "artifacts" / "screenshots"
VARIANTS = {"zh": {"lang": "zh"}, "en": {"lang": "en"}, "present": {"lang": "en", "present": "1"}}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("page_id", PAGES)
def test_page_in_browser(server, page, page_id, variant):
    url = bench.page_url(server.url, page_id, **VARIANTS[variant])
    try:
        result = bench.visit(page, url)
    except TimeoutError as exc:
        # Seen once on a machine loaded far beyond its cores: the script finished but the browser kept placeholders.
        # One fresh navigation tells such a stall from a page that never draws (which fails again here).
        print(f"\nretrying once after: {exc}")
        result = bench.visit(page, url)
    print(f"\n{page_id} [{variant}]: {result.charts} charts drawn {result.seconds:.2f} s after navigation")

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{page_id}_{variant}.png"), full_page=True)

    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, f"{url}: exception shown: {exceptions.first.inner_text()[:500]}"
    errors = page.locator('[data-testid="stAlertContentError"]')
    assert errors.count() == 0, f"{url}: error shown: {errors.first.inner_text()[:500]}"

    outside = [u for u in page.requests if not bench.is_local(u)]
    assert not outside, f"{url}: requests left the machine: {outside[:10]}"
    assert any(u.startswith(server.url) for u in page.requests)  # the log really saw the page's own requests

    sidebar = page.locator('[data-testid="stSidebar"]')
    if variant == "present":
        assert sidebar.count() == 0 or not sidebar.first.is_visible(), "presentation mode still shows the sidebar"
        assert page.locator('[data-testid="stHeader"]:visible').count() == 0
    else:
        assert sidebar.first.is_visible()

    # Each drawn chart carries its source line inside the figure (so a screenshot still cites its source).
    for i in range(result.charts):
        text = page.locator('[data-testid="stPlotlyChart"]').nth(i).locator(".main-svg").all_text_contents()
        assert "".join(text).strip(), f"{url}: chart {i} drew no text"
