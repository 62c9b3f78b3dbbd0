"""Adding a document in a real browser: Chromium uploads a real text (with metadata) on the Documents page, the
warehouse is rebuilt, the document is listed with its bound figures, and nothing leaves localhost. Its own server
reads a private documents folder and warehouse, so the project's are untouched."""
from __future__ import annotations

import pytest

from lib import serve as bench
from lib.paths import ROOT

UNSEEN = ROOT / "tests" / "labels" / "unseen" / "texts"


@pytest.fixture()
def private_server(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    srv = bench.start_server("app.py", env={"INDICATORS_DOCUMENTS": str(folder),
                                            "INDICATORS_DB": str(tmp_path / "warehouse.duckdb")})
    yield srv, folder
    srv.stop()


def test_upload_a_document_in_the_browser(browser, private_server):
    srv, folder = private_server
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    urls: list[str] = []
    context.on("request", lambda req: urls.append(req.url))
    page = context.new_page()
    try:
        bench.visit(page, bench.page_url(srv.url, "documents", lang="en"), timeout=240)
        page.get_by_text("Add documents").first.wait_for()
        text = (UNSEEN / "cn_5g_2025.txt").read_bytes()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": "通信业 2025.txt", "mimeType": "text/plain", "buffer": text}])
        page.get_by_text("通信业 2025.txt").first.wait_for(timeout=30_000)  # the uploader lists the chosen file
        page.get_by_label("Publisher (optional)").fill("工业和信息化部")
        page.get_by_role("button", name="Check, add and rebuild").click()
        page.get_by_text("Added: 通信业 2025.txt").wait_for(timeout=240_000)
        assert (folder / "通信业 2025.txt").read_bytes() == text
        assert "工业和信息化部" in (folder / "通信业 2025.yaml").read_text(encoding="utf-8")
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0
        assert all(bench.is_local(u) for u in urls), [u for u in urls if not bench.is_local(u)]
    finally:
        context.close()
