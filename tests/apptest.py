"""Running a page under Streamlit's AppTest the way a user opens it: a URL with query parameters."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lib.paths import ROOT


def run_page(script: str, lang: str = "en", timeout: float = 60, **params) -> AppTest:
    """Run `script` (path relative to the project root) with ?lang=…&key=value…; fail on any exception shown."""
    at = AppTest.from_file(str(ROOT / script), default_timeout=timeout)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def run_through_app(script: str, lang: str = "en", timeout: float = 60) -> AppTest:
    """Open app.py, then switch to `script` as the navigation does."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at
