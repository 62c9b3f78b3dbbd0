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


# What the uploader's button and drop-zone line show: Streamlit's own (English) text where it is drawn with a size,
# else the text drawn after it (CSS ::after, lib/ui/page.py file_uploader), and the width the own text takes.
_UPLOADER_TEXT_JS = """() => {
  const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
  const read = e => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const after = getComputedStyle(e, '::after').content;
    return {own: e.textContent, ownWidth: range.getBoundingClientRect().width,
            after: after === 'none' ? '' : JSON.parse(after)};
  };
  return {button: read(zone.querySelector('button p')),
          hint: read(zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span'))};
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_uploader_speaks_the_page_language(browser, server, lang):
    """Issue 16: on the Chinese Documents page the uploader said "Upload" and "50MB per file • TXT, ...". Its button
    and line now read in the page's language, Streamlit's English text takes no room, and the size limit is kept."""
    from lib.ui.i18n import t
    from lib.ui.uploads import MAX_MB

    context = browser.new_context(viewport={"width": 1100, "height": 1000})
    try:
        page = context.new_page()
        bench.visit(page, bench.page_url(server.url, "documents", lang=lang))
        shown = page.evaluate(_UPLOADER_TEXT_JS)
        assert shown["button"]["after"] == t("documents.upload.browse", lang), shown
        assert shown["button"]["ownWidth"] == 0 and shown["hint"]["ownWidth"] == 0, f"English still shown: {shown}"
        assert f"{MAX_MB} MB" in shown["hint"]["after"] and "PDF" in shown["hint"]["after"], shown
        if lang == "zh":
            assert "拖" in shown["hint"]["after"], shown  # says the files can be dropped here
    finally:
        context.close()
