"""URL state: parsing never raises and always yields valid values; valid states survive a round trip; widgets
write the URL and the URL drives widgets."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from lib.ui import state
from lib.ui.i18n import ECONOMIES, LANGS
from lib.paths import ROOT

# A page's own parameters, declared the way page modules declare them; the year bounds stand for data coverage.
MEASURE = state.choice("measure", ("intensity", "gerd", "researchers"))
INDUSTRY = state.multi("industry", ("new-generation IT", "biotech", "energy-saving & environmental"))
QUERY = state.text("q")
DOC = state.identifier("doc")
FROM, TO = state.year_range(1996, 2023)
SPECS = (*state.GLOBAL_PARAMS, MEASURE, INDUSTRY, QUERY, DOC, FROM, TO)

HOSTILE = [
    "'; DROP TABLE mentions; --", "1 OR 1=1", "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
    "x" * 100_000, "中文" * 5_000, "\x00", "\u202e", "%00", "../../etc/passwd", "", " ", ",,,", "NaN", "-1",
    "1e309", "99999999999999999999", "CHN" * 1000, "ＣＨＮ", "chn,,usa", "\ud800",
]
keys = st.sampled_from([p.name for p in SPECS]) | st.text(max_size=20)
raw_values = st.text() | st.sampled_from(HOSTILE) | st.lists(st.text() | st.sampled_from(HOSTILE), max_size=5)


def _assert_valid(values: dict) -> None:
    assert values["lang"] in LANGS
    assert values["econ"] and set(values["econ"]) <= set(ECONOMIES)
    assert list(values["econ"]) == [c for c in ECONOMIES if c in values["econ"]]  # canonical order, no repeats
    assert values["present"] in (True, False)
    assert values["measure"] in MEASURE.choices
    assert set(values["industry"]) <= set(INDUSTRY.choices)
    assert isinstance(values["q"], str) and len(values["q"]) <= 200 and not re.search(r"[<>\x00-\x1f]", values["q"])
    assert values["doc"] == "" or re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.:\-]*", values["doc"])
    assert 1996 <= values["from"] <= values["to"] <= 2023


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, raw_values, max_size=12))
def test_parse_never_raises_and_always_returns_valid_values(params):
    _assert_valid(state.parse(params, SPECS))


unknown_keys = st.text(max_size=20).filter(lambda key: key not in {p.name for p in SPECS})


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, raw_values, max_size=6), st.dictionaries(unknown_keys, raw_values, max_size=6))
def test_unknown_keys_are_ignored(params, unknown):
    parsed = state.parse({**unknown, **params}, SPECS)
    assert parsed == state.parse(params, SPECS)
    assert list(parsed) == [p.name for p in SPECS]


def test_parse_survives_what_is_not_a_query_dict():
    for junk in (None, 42, "lang=en", [("lang", "en")], {"lang": 5}, {"econ": [None, 3]}, {"from": b"2000"}):
        _assert_valid(state.parse(junk, SPECS))


def test_hostile_values_fall_back_to_the_default():
    for value in HOSTILE:
        parsed = state.parse({"lang": value, "measure": value, "q": value, "doc": value, "from": value}, SPECS)
        assert parsed["lang"] == "zh" and parsed["measure"] == "intensity" and parsed["from"] == 1996
        # Search text keeps what can be searched for: no < >, control or format characters, at most max_len.
        assert not set(parsed["q"]) & set("<>\x00\u202e") and len(parsed["q"]) <= QUERY.max_len
        assert parsed["q"] in value.replace("<", "").replace(">", "") or not value.isprintable()
        assert parsed["doc"] in ("", value.strip())


def test_lenient_where_a_person_would_be():
    parsed = state.parse({"lang": " EN ", "econ": ["usa", "chn,XXX", "USA"], "present": "true",
                          "from": "2030", "to": "1990"}, SPECS)
    assert parsed["lang"] == "en"
    assert parsed["econ"] == ("CHN", "USA")  # unknown codes dropped, duplicates removed, China first
    assert parsed["present"] is True
    assert (parsed["from"], parsed["to"]) == (1996, 2023)  # clamped into the data's years, then put in order
    assert state.parse({"econ": "XXX"}, SPECS)["econ"] == ("CHN", "USA", "EUU")
    assert state.parse({"industry": ""}, SPECS)["industry"] == ()


valid_states = st.fixed_dictionaries({
    "lang": st.sampled_from(LANGS),
    "econ": st.lists(st.sampled_from(ECONOMIES), min_size=1, unique=True).map(
        lambda codes: tuple(c for c in ECONOMIES if c in codes)),
    "present": st.booleans(),
    "measure": st.sampled_from(MEASURE.choices),
    "industry": st.lists(st.sampled_from(INDUSTRY.choices), unique=True).map(
        lambda items: tuple(i for i in INDUSTRY.choices if i in items)),
    "q": st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn"), blacklist_characters="<>"),
                 max_size=200).map(str.strip),
    "doc": st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,40}", fullmatch=True),
    "years": st.tuples(st.integers(1996, 2023), st.integers(1996, 2023)).map(sorted),
})


@settings(max_examples=200, deadline=None)
@given(valid_states)
def test_valid_states_round_trip_through_the_url(values):
    values = dict(values)
    values["from"], values["to"] = values.pop("years")
    assert state.parse(state.serialize(values, SPECS), SPECS) == values


def test_serialize_leaves_defaults_out_and_links_carry_them():
    values = state.parse({"lang": "en", "econ": "CHN,USA,EUU"}, state.GLOBAL_PARAMS)
    assert state.serialize(values) == {"lang": "en"}
    assert state.build_link("overview", {"lang": "en", "econ": ("CHN", "JPN")}) == "./?lang=en&econ=CHN,JPN"
    assert state.build_link("rd", {"from": 2000, "q": "芯片 & AI"}) == "./rd?from=2000&q=%E8%8A%AF%E7%89%87+%26+AI"
    assert state.build_link("sources", {}) == "./sources"


# ---------------------------------------------------------------- Streamlit side, through a real page

def _page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/sources.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_the_url_sets_the_sidebar_and_bad_values_are_cleaned_from_it():
    at = _page(lang="en", econ="usa,chn,<b>", present="maybe")
    assert at.sidebar.segmented_control[0].value == "en"
    assert at.sidebar.multiselect[0].value == ["CHN", "USA"]
    assert at.sidebar.toggle[0].value is False
    assert dict(at.query_params) == {"lang": "en", "econ": "CHN,USA"}


def test_widgets_write_the_url():
    at = _page()
    at.sidebar.multiselect[0].set_value(["EUU", "CHN", "KOR"]).run()
    at.sidebar.segmented_control[0].set_value("en").run()
    assert state.parse(dict(at.query_params)) == {"lang": "en", "econ": ("CHN", "EUU", "KOR"), "present": False}
    at.sidebar.multiselect[0].set_value([]).run()  # nothing selected: back to the default three, shown as such
    assert at.sidebar.multiselect[0].value == ["CHN", "USA", "EUU"]
    assert "econ" not in at.query_params


def test_presentation_mode_hides_the_sidebar_and_can_be_left():
    at = _page(present="1")
    assert not at.sidebar.toggle and not at.sidebar.multiselect
    at.button[0].click().run()
    assert "present" not in at.query_params
    assert at.sidebar.toggle[0].value is False


@pytest.mark.parametrize("typed, kept, changes", [
    ("a<b>c", "abc", ("removed",)), ("5G\u200d基站", "5G基站", ("removed",)), ("\u202eevil", "evil", ("removed",)),
    ("x" * 250, "x" * 200, ("shortened",)), ("<" + "y" * 300, "y" * 200, ("removed", "shortened")),
    ("研发 经费", "研发 经费", ()), ("  spaced  ", "spaced", ()),
])
def test_search_text_is_cleaned_and_says_how(typed, kept, changes):
    assert state.clean_text(typed, 200) == (kept, changes)
    assert state.parse({"q": typed}, SPECS)["q"] == kept


@pytest.mark.parametrize("value", ["www.example.com", "_x_", ":smile:", "a`b", "`x`", "[a](http://e.com)"])
def test_shown_values_are_code_spans(value):
    code = state.shown(value)
    fence = code[:len(code) - len(code.lstrip("`"))]
    assert code.endswith(fence) and value in code and "`" * (len(fence)) not in value
