"""No leaks (issue 8, part 5): nothing calls home, nothing is fetched from the internet, the server binds to localhost.

URLs shown as text (a dataset's home page in the sources table) are fine; what must not exist is code or markup
that makes the server or the browser fetch something from outside: HTTP clients, remote scripts, fonts, map tiles,
images, or an export whose renderer loads plotly.js or MathJax from a CDN.
"""
from __future__ import annotations

import ast
import json
import re
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from lib.ui import state
from lib.paths import DATA_DIR, ROOT
from tests.helpers import imported_modules

# lib/serve.py is the harness of the browser tests, the benchmark and deploy/: it talks to the app on 127.0.0.1 and
# the app never imports it (checked below).
HARNESS = ROOT / "lib" / "serve.py"
CODE = sorted({ROOT / "app.py", *(ROOT / "lib").rglob("*.py"), *(ROOT / "pages").glob("*.py")} - {HARNESS})
# Text that pages render as markdown or HTML: the i18n strings and the catalog's descriptions.
RENDERED_TEXT = sorted([*(DATA_DIR / "i18n").glob("*.yaml"), *(DATA_DIR / "catalog").glob("*.yaml")])
NETWORK_MODULES = {"requests", "httpx", "urllib3", "aiohttp", "http.client", "urllib.request", "socket", "ftplib",
                   "smtplib", "webbrowser", "websocket", "websockets", "pycurl"}
# Markup that makes a browser fetch: remote scripts, styles, fonts, images, frames.
FETCHING_MARKUP = re.compile(
    r"<script[^>]*\bsrc\s*=|<link[^>]*\bhref\s*=\s*[\"']?(https?:)?//|@import\s+url|@font-face|fonts\.googleapis"
    r"|fonts\.gstatic|<img[^>]*\bsrc\s*=\s*[\"']?(https?:)?//|<iframe|!\[[^\]]*\]\(\s*(https?:)?//|url\(\s*[\"']?(https?:)?//",
    re.IGNORECASE)
MAP_TRACES = {"scattergeo", "choropleth", "scattermapbox", "choroplethmapbox", "densitymapbox", "scattermap",
              "choroplethmap", "densitymap"}


def test_streamlit_config_keeps_the_server_private():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False, "usage statistics would be sent to Streamlit"
    assert config["server"]["address"] == "127.0.0.1", "the server must bind to this machine only by default"
    assert config["client"]["showErrorDetails"] == "none", "an uncaught error must not show its stack trace"


def test_make_run_binds_to_localhost():
    run_lines = [line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
                 if "streamlit run" in line]
    assert run_lines and all("--server.address 127.0.0.1" in line for line in run_lines)


def test_readme_says_how_to_expose_the_server_deliberately():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Sharing on a network", 1)
    assert len(section) == 2, "README needs its 'Sharing on a network' section"
    assert "127.0.0.1" in section[1] and "--server.address 0.0.0.0" in section[1]


_imported_modules = imported_modules


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_code_fetches_from_the_network(path):
    used = {name for name in _imported_modules(path)
            if any(name == m or name.startswith(m + ".") for m in NETWORK_MODULES)}
    assert not used, f"{path.name} imports {sorted(used)}"
    text = path.read_text(encoding="utf-8")
    assert "urlopen" not in text
    assert not FETCHING_MARKUP.search(text), FETCHING_MARKUP.search(text).group(0)


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_app_never_imports_the_harness(path):
    assert not any(n == "lib.serve" or n.startswith("lib.serve.") for n in _imported_modules(path)), path.name


@pytest.mark.parametrize("path", RENDERED_TEXT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_rendered_text_fetches_from_the_network(path):
    match = FETCHING_MARKUP.search(path.read_text(encoding="utf-8"))
    assert not match, f"{path.name}: {match.group(0)}"


def test_the_fetching_markup_pattern_catches_what_it_should():
    for bad in ('<script src="https://cdn.plot.ly/x.js">', "@import url('https://fonts.googleapis.com/css')",
                "![logo](https://example.org/a.png)", '<img src="//example.org/a.png">',
                '<link rel="stylesheet" href="https://example.org/a.css">', "background: url(https://e.org/a.png)"):
        assert FETCHING_MARKUP.search(bad), bad
    for fine in ("[World Bank](https://data.worldbank.org)", "https://data.worldbank.org as text",
                 '<a href="./rd?lang=en">'):
        assert not FETCHING_MARKUP.search(fine), fine


def test_html_exports_embed_plotly_js():
    """Any to_html/write_html must embed plotly.js (the default, True), never load it from a CDN or a folder."""
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("to_html", "write_html"):
                given = {k.arg: k.value for k in node.keywords}
                value = given.get("include_plotlyjs")
                assert value is None or (isinstance(value, ast.Constant) and value.value is True), \
                    f"{path.name}:{node.lineno} include_plotlyjs must be True"


@pytest.fixture(scope="module")
def drawn_charts() -> dict[str, list]:
    """Every chart every page draws with its defaults and every section open (?more=all): (spec, config) as the
    browser receives them."""
    charts = {}
    for page_id in state.PAGES:
        at = AppTest.from_file(str(ROOT / "pages" / f"{page_id}.py"), default_timeout=90)
        at.query_params["lang"] = "en"
        at.query_params["more"] = "all"
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        charts[page_id] = [(json.loads(c.proto.spec), json.loads(c.proto.config or "{}"))
                           for c in at.get("plotly_chart")]
    return charts


def test_charts_use_no_maps_tiles_or_remote_images(drawn_charts):
    assert sum(map(len, drawn_charts.values())) >= 10
    for page_id, charts in drawn_charts.items():
        for spec, config in charts:
            types = {trace.get("type", "scatter") for trace in spec.get("data", [])}
            assert not types & MAP_TRACES, (page_id, types & MAP_TRACES)
            layout = spec.get("layout", {})
            assert not {"geo", "mapbox", "map"} & set(layout), page_id
            for image in layout.get("images", []):
                assert not re.match(r"(https?:)?//", str(image.get("source", ""))), (page_id, image.get("source"))
            assert not {"topojsonURL", "mapboxAccessToken"} & set(config), page_id
            fonts = json.dumps(spec).lower()
            assert "fonts.googleapis" not in fonts and "@font-face" not in fonts


@pytest.fixture()
def kaleido_pages(monkeypatch) -> list[str]:
    """The HTML pages Kaleido loads into its headless Chromium to render images."""
    from kaleido._page_generator import PageGenerator

    pages: list[str] = []
    original = PageGenerator.generate_index

    def recording(self, *args, **kwargs):
        pages.append(original(self, *args, **kwargs))
        return pages[-1]

    monkeypatch.setattr(PageGenerator, "generate_index", recording)
    return pages


def _probe_figure():
    import plotly.graph_objects as go

    return go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout_title_text="probe")  # any figure: the page is the point


def test_image_exports_load_no_script_from_the_internet(kaleido_pages):
    from lib.ui import export

    if not export.CHROMIUM.exists():
        pytest.skip("Chromium is not at /usr/bin/chromium")
    fig = _probe_figure()
    export.shutdown()  # the process's one browser may be open already: its page is recorded when it opens
    export.render([export.Item("probe", fig, "probe source")])
    export.png(fig)
    assert kaleido_pages, "the export rendered through Kaleido"
    for page in kaleido_pages:
        remote = re.findall(r"<script[^>]*src=\"((?:https?:)?//[^\"]+)", page)
        assert not remote, f"the export's Chromium would fetch {remote}"
