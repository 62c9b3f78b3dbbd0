"""page.memo: a page section is built once per selection and warehouse file, never from a value of another run, and
the memoised pages show exactly what they showed before (the pages' own tests check their text and chart series)."""
from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest
import streamlit as st

from lib.paths import warehouse_path
from lib.ui import page

CALLS: list[tuple] = []


def make_builder():
    """A builder as a page defines it: a new function object on every run of the page script."""
    @page.memo
    def section(lang: str, economies: tuple[str, ...], since: int) -> pd.DataFrame:
        CALLS.append((lang, economies, since))
        return pd.DataFrame({"economy": list(economies), "since": since, "lang": lang})
    return section


def test_one_build_per_selection_across_runs():
    CALLS.clear()
    first = make_builder()("en", ("CHN", "USA"), 2014)
    again = make_builder()("en", ("CHN", "USA"), 2014)  # the next run of the page: a new function, the same code
    assert again is first and CALLS == [("en", ("CHN", "USA"), 2014)]
    other = make_builder()("zh", ("CHN", "USA"), 2014)
    assert other is not first and list(other["lang"]) == ["zh", "zh"]
    assert list(make_builder()("en", ("CHN",), 2018)["since"]) == [2018]
    assert len(CALLS) == 3


def test_a_rebuilt_warehouse_is_read_again(tmp_path, monkeypatch):
    copy = tmp_path / "w.duckdb"
    shutil.copy(warehouse_path(), copy)
    monkeypatch.setenv("INDICATORS_DB", str(copy))
    CALLS.clear()
    before = make_builder()("en", ("EUU",), 2000)
    replacement = tmp_path / "new.duckdb"
    shutil.copy(copy, replacement)
    os.utime(replacement, ns=(copy.stat().st_atime_ns, copy.stat().st_mtime_ns + 10**9))
    replacement.replace(copy)  # what the build's atomic rename does
    after = make_builder()("en", ("EUU",), 2000)
    assert after is not before and len(CALLS) == 2


def test_a_builder_reading_a_value_of_its_run_is_refused():
    scope: dict = {"page": page, "lang": "en", "pd": pd}
    exec("def section(economies):\n    return pd.DataFrame({'economy': economies, 'lang': lang})", scope)
    with pytest.raises(TypeError, match="reads lang from its page's run"):
        page.memo(scope["section"])


def test_a_frame_as_argument_is_refused():
    builder = make_builder()
    with pytest.raises(TypeError, match="plain values"):
        builder("en", pd.DataFrame({"economy": ["CHN"]}), 2014)


def test_clearing_streamlits_caches_clears_the_sections():
    CALLS.clear()
    make_builder()("en", ("USA",), 1999)
    st.cache_resource.clear()  # what "Clear cache" in the app's menu does
    make_builder()("en", ("USA",), 1999)
    assert len(CALLS) == 2
