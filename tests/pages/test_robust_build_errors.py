"""A build that fails on any input error shows one located message through app.py (issue 17.4), in zh and en.

Before, an empty or Latin-1 CSV or a ragged row in data/external/ raised a raw exception that app.py did not catch,
so every page showed Streamlit's redacted error box. The real build runs on a corrupted copy of data/external/."""
from __future__ import annotations

import functools
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from lib.paths import EXTERNAL_DIR, ROOT
from lib.warehouse import build
from tests.pages.test_robust_warehouse import LEAKS, fresh_caches, page_text  # noqa: F401 (fixture)


def _latin1(path):
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    text[4] = text[4].replace(",", ",Société ", 1)
    path.write_bytes("".join(text).encode("latin-1", errors="replace"))


def _ragged(path):
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    text[4] = text[4].rstrip("\n") + ",surplus\n"
    path.write_text("".join(text), encoding="utf-8")


CASES = {  # how the file is broken -> what the message must say about line 5 (empty: line 1)
    "empty": (lambda path: path.write_bytes(b""), "line 1", "the file is empty"),
    "latin1": (_latin1, "line 5", "not UTF-8"),
    "ragged": (_ragged, "line 5", "the row has 10 fields, the header has 9"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", CASES)
def test_app_shows_a_located_build_error(case, lang, tmp_path, monkeypatch):
    external = tmp_path / "external"
    shutil.copytree(EXTERNAL_DIR, external)
    rel = "worldbank/wdi_rd_gdp.csv"
    breaks, line, says = CASES[case]
    breaks(external / rel)
    # The real build, pointed at the corrupted copy (app.py builds the default folders otherwise).
    monkeypatch.setattr(build, "build", functools.partial(build.build, external_dir=external))
    monkeypatch.setenv("INDICATORS_DB", str(tmp_path / "w.duckdb"))  # nothing there yet: nothing to fall back on
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == ["指标数据库构建失败" if lang == "zh" else
                                           "The indicator warehouse could not be built"]
    codes = [c.value for c in at.code]
    located = [c for c in codes if "wdi_rd_gdp.csv" in c]
    # The copy lies outside the project, so the page shows it as …/name (the real folder shows data/external/…).
    assert located and f"wdi_rd_gdp.csv, {line}" in located[0] and says in located[0], codes
    assert "python -m lib.build" in codes
    text = page_text(at)
    for leak in LEAKS:
        assert leak not in text, f"the page shows {leak!r}"
    assert not (tmp_path / "w.duckdb").exists()
