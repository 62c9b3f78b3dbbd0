"""Untrusted input (issue 8, part 3): the explorer search over arbitrary text, and every page under hostile URLs.

The search promises (lib/queries/facts.py): every whitespace-separated word of the box must occur, case-insensitively,
in the mention's quote, its sentence or the name of an indicator it feeds. The oracle below applies that promise in
pandas to every mention, independently of the SQL. The URL-state parser's properties are in tests/test_state.py.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from lib.ui import state
from lib.ui.chart_view import HEAD_HTML
from lib.paths import ROOT
from lib.queries import facts

HOSTILE = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' OR 1=1 --", "1; DROP TABLE mentions; --",
    "../../etc/passwd", "/etc/passwd", "%", "_", "%_%", "\\", "'", '"', "\x00", "NaN", "-1", "1e309", "0x1F",
    "9" * 400, "x" * 100_000, "中文" * 2_000, "CHN,USA,<b>x</b>", " ", "", "\u202eevil", "javascript:alert(1)",
]
# Every parameter name a page declares (lib/ui/state.py and pages/*.py), plus names no page knows.
PARAM_NAMES = ["lang", "econ", "present", "def", "top6", "from", "to", "doc", "topic", "entity", "unit", "flag",
               "year", "q", "mention", "p", "docs", "chain", "industry", "measure", "price", "growth", "view", "list",
               "since", "unknown", "__proto__", "<script>", "q[]"]


@pytest.fixture(scope="module")
def every_mention() -> pd.DataFrame:
    return facts.mentions(facts.MentionFilter())


def _words(frame: pd.DataFrame, column: str) -> list[str]:
    return sorted({w for text in frame[column].dropna() for w in str(text).split()})


@pytest.fixture(scope="module")
def search_text(every_mention):
    """Text that finds something (words and pieces of the documents' quotes and sentences, in any case) mixed
    with text that finds nothing or attacks (SQL, HTML, LIKE wildcards, quotes, NUL, any Unicode)."""
    pieces = _words(every_mention, "quote") + _words(every_mention, "indicator_en")
    sentences = list(every_mention["context"].dropna().unique())
    fragment = st.one_of(
        st.sampled_from(pieces),
        st.sampled_from(pieces).map(str.upper),
        st.tuples(st.sampled_from(sentences), st.integers(0, 200), st.integers(1, 6)).map(
            lambda t: t[0][t[1]:t[1] + t[2]]),
        st.sampled_from(HOSTILE[:-3]),
        st.text(max_size=12),
    )
    return st.lists(fragment, min_size=1, max_size=3).map(" ".join)


def _expected(every_mention: pd.DataFrame, text: str) -> set[str]:
    haystacks = [every_mention[c].fillna("").astype(str).str.lower() for c in ("quote", "context", "indicator_en")]
    haystacks.append(every_mention["indicator_zh"].fillna("").astype(str))
    keep = pd.Series(True, index=every_mention.index)
    for word in (w.casefold() for w in text.split()):
        keep &= pd.concat([h.str.contains(word, regex=False) for h in haystacks], axis=1).any(axis=1)
    return set(every_mention.loc[keep, "mention_id"])


def test_search_finds_exactly_the_mentions_that_contain_every_word(every_mention, search_text):
    checked = {"hits": 0}

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(search_text)
    def check(text):
        found = facts.mentions(facts.MentionFilter(text=text))
        assert found["mention_id"].is_unique
        assert set(found["mention_id"]) == _expected(every_mention, text)
        checked["hits"] += bool(len(found))

    check()
    assert checked["hits"] >= 20, "the strategy must also produce searches that find something"


@pytest.mark.parametrize("text", HOSTILE)
def test_search_treats_sql_and_wildcards_as_plain_text(every_mention, text):
    found = facts.mentions(facts.MentionFilter(text=text))
    assert set(found["mention_id"]) == _expected(every_mention, text)


def test_search_combines_with_filters(every_mention):
    doc = every_mention["doc_id"].iloc[0]
    word = every_mention.loc[every_mention["doc_id"] == doc, "quote"].iloc[0]
    found = facts.mentions(facts.MentionFilter(docs=(doc,), text=word))
    expected = _expected(every_mention[every_mention["doc_id"] == doc], word)
    assert expected and set(found["mention_id"]) == expected


# ---------------------------------------------------------------- every page under a hostile URL

def _hostile_params(offset: int) -> dict[str, object]:
    """Each parameter a different hostile value; every third one repeated (a list), as `?k=a&k=b` gives."""
    params: dict[str, object] = {}
    for i, name in enumerate(PARAM_NAMES):
        value = HOSTILE[(i + offset) % len(HOSTILE)]
        params[name] = [value, HOSTILE[(i + offset + 1) % len(HOSTILE)]] if i % 3 == 2 else value
    return params


def _html_and_markdown(at: AppTest) -> list[str]:
    """The body of every st.html and every markdown-like element (markdown, caption, alerts), as sent."""
    bodies = []
    for block in (at.main, at.sidebar):
        for node in block:
            if node.type == "html" and node.proto.body != HEAD_HTML:  # the charts' fixed style and landing script
                bodies.append(node.proto.body)
            elif node.type in ("markdown", "caption", "error", "warning", "info", "success", "title"):
                bodies.append(str(node.value))
    return bodies


@pytest.mark.parametrize("offset", [0, 7, 13])
@pytest.mark.parametrize("page_id", state.PAGES)
def test_pages_survive_hostile_query_parameters(page_id, offset):
    at = AppTest.from_file(str(ROOT / "pages" / f"{page_id}.py"), default_timeout=90)
    for name, value in _hostile_params(offset).items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    bodies = _html_and_markdown(at)
    assert bodies, "the page rendered its text"
    for body in bodies:
        assert not re.search(r"<script|onerror=|javascript:", body, re.IGNORECASE), body[:300]
        assert "root:x:0" not in body, "nothing is read from the file system"
    # The shared parameters are written back normalised: what stays in the URL is a valid value as such.
    for param in state.GLOBAL_PARAMS:
        if param.name in at.query_params:
            shown = at.query_params[param.name]
            assert state.encode(state.parse_value(param, shown)) == shown, (param.name, shown)


# ---------------------------------------------------------------- URL values never echoed as live markdown (17.6)

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def _outside_code(body: str) -> str:
    return _CODE_SPAN.sub("", body)


def _markdown_bodies(at: AppTest) -> list[str]:
    return [str(node.value) for block in (at.main, at.sidebar) for node in block
            if node.type in ("markdown", "caption", "error", "warning", "info", "success", "title")]


def test_a_mention_id_that_looks_like_a_web_address_is_no_link():
    at = AppTest.from_file(str(ROOT / "pages" / "explorer.py"), default_timeout=90)
    at.query_params["lang"] = "en"
    at.query_params["mention"] = "www.example.com"
    at.run()
    assert not at.exception
    said = [w.value for w in at.warning]
    assert said and "`www.example.com`" in said[0], said
    for body in _markdown_bodies(at):
        assert "www.example.com" not in _outside_code(body), body


def _marked(n: int) -> st.SearchStrategy[str]:
    """Values carrying a unique marker, shaped as markdown or HTML would act on them (links, emphasis, emoji)."""
    marker = f"zq{n}q"
    shapes = [f"www.{marker}.example.com", f"_{marker}_", f":{marker}:", f"**{marker}**", f"[{marker}](http://e.io)",
              f"<b>{marker}</b>", f"{marker}", f"http://{marker}.example.com", f"`{marker}`", f"{marker}" + "x" * 250]
    return st.one_of(st.sampled_from(shapes), st.tuples(st.sampled_from(shapes), st.text(max_size=8)).map("".join))


@st.composite
def _url(draw) -> dict[str, str]:
    names = draw(st.lists(st.sampled_from(PARAM_NAMES), min_size=1, max_size=6, unique=True))
    return {name: draw(_marked(i)) for i, name in enumerate(names)}


@pytest.mark.parametrize("page_id", state.PAGES)
def test_random_url_parameters_never_break_a_page_or_echo_as_markdown(page_id):
    @settings(max_examples=4, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(_url())
    def check(params):
        at = AppTest.from_file(str(ROOT / "pages" / f"{page_id}.py"), default_timeout=90)
        for name, value in params.items():
            at.query_params[name] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
        for body in _markdown_bodies(at):
            assert not re.search(r"zq\d+q", _outside_code(body)), f"a URL value echoed as markdown: {body[:300]}"
        for node in (n for block in (at.main, at.sidebar) for n in block if n.type == "html"):
            assert not re.search(r"<b>zq\d+q", node.proto.body), "a URL value echoed as HTML"

    check()


@pytest.mark.parametrize("page_id", ["explorer", "unicorns"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_search_text_that_had_to_change_is_said_on_screen(page_id, lang):
    limit = 200 if page_id == "explorer" else 100
    notices = {"removed": {"en": "were removed", "zh": "已删除"}, "shortened": {"en": f"first {limit} characters",
                                                                            "zh": f"只保留前{limit}个字符"}}

    @settings(max_examples=4, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.sampled_from(["a<b", "5G\u200d", "x" * 300, "\u202eevil", "<" * 3 + "中" * 150, "研发"]),
                     st.text(max_size=300)))
    def check(text):
        at = AppTest.from_file(str(ROOT / "pages" / f"{page_id}.py"), default_timeout=90)
        at.query_params["lang"] = lang
        at.query_params["q"] = text
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        said = " ".join(i.value for i in at.info)
        for change in state.clean_text(text, limit)[1]:
            assert notices[change][lang] in said, (text[:40], change, said[:300])
        if not state.clean_text(text, limit)[1]:
            assert not any(n[lang] in said for n in notices.values())

    check()
