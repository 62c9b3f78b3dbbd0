"""The one URL-state module: declares every query parameter and maps page state to and from st.query_params.

Pages never read or write query strings by hand. They declare their own parameters as `Param` values at module
level (`MEASURE = state.choice("measure", ("intensity", "gerd"))`), read them with `get(MEASURE)`, and bind widgets
with `st.radio(label, options, **widget_kwargs(MEASURE))` so a change lands in the URL and a copied link
reproduces the view. The parsing
functions are pure (no Streamlit) and never raise: anything malformed falls back to the parameter's default.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

from lib.ui.i18n import DEFAULT_LANG, ECONOMIES, LANGS, MAIN_ECONOMIES

# Page ids in navigation order; the first is the default page served at the app's root URL.
PAGES = ("overview", "rd", "unicorns", "digital_services", "four_chains", "explorer", "documents", "sources")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,127}")
_YEAR = re.compile(r"\d{1,4}")
_MEMORY = "_url_state_memory"
_WIDGET_PREFIX = "_url_"
_TEXT_CHANGED = "_text_changed_"  # session key prefix: what cleaning changed in text just typed


@dataclass(frozen=True)
class Param:
    """One query parameter: its name in the URL, how to read it, and what it falls back to."""

    name: str
    kind: str  # choice | multi | flag | year | text | id | ids
    default: object
    choices: tuple[str, ...] = ()
    lo: int | None = None  # year bounds (inclusive); values outside are clamped
    hi: int | None = None
    max_len: int = 200
    allow_empty: bool = False  # multi: may the selection be empty?
    sticky: bool = False  # kept for the session across page switches and carried by links


def choice(name: str, choices: Iterable[str], default: str | None = None) -> Param:
    """One value out of `choices` (default: the first)."""
    choices = tuple(choices)
    return Param(name, "choice", choices[0] if default is None else default, choices)


def multi(name: str, choices: Iterable[str], default: Iterable[str] = (), allow_empty: bool = True) -> Param:
    """A comma list of values out of `choices`, kept in the order of `choices`."""
    return Param(name, "multi", tuple(default), tuple(choices), allow_empty=allow_empty)


def text(name: str, default: str = "", max_len: int = 200) -> Param:
    """Free text such as a search box (bound as a query parameter, never pasted into SQL or HTML)."""
    return Param(name, "text", default, max_len=max_len)


def identifier(name: str, default: str = "") -> Param:
    """An id such as a document file name or mention id: letters, digits and _ . : - only."""
    return Param(name, "id", default)


def identifiers(name: str) -> Param:
    """A comma list of ids whose valid set only the page knows (such as the charts it draws): kept in the order
    given, without repeats; tokens that are no id are dropped here, ids the page does not know are its to report."""
    return Param(name, "ids", ())


def year_range(lo: int, hi: int) -> tuple[Param, Param]:
    """The `from`/`to` pair for data that span lo..hi (both come from the data, not from code)."""
    return Param("from", "year", lo, lo=lo, hi=hi), Param("to", "year", hi, lo=lo, hi=hi)


LANG = Param("lang", "choice", DEFAULT_LANG, LANGS, sticky=True)
ECON = Param("econ", "multi", MAIN_ECONOMIES, ECONOMIES, sticky=True)
PRESENT = Param("present", "flag", False, sticky=True)
# The charts whose data table is open instead of the chart (lib/ui/chart_view.py): page-specific, never sticky.
TABLES = identifiers("table")
_MAX_IDS = 50
GLOBAL_PARAMS = (LANG, ECON, PRESENT)
_BY_NAME = {p.name: p for p in GLOBAL_PARAMS}


# ---------------------------------------------------------------- pure parsing (no Streamlit)

def _last_text(raw: object) -> str | None:
    # st.query_params keeps the last of repeated keys; do the same for lists.
    if isinstance(raw, (list, tuple)):
        raw = raw[-1] if raw else None
    return raw if isinstance(raw, str) else None


def parse_value(param: Param, raw: object) -> object:
    """The valid value of `param` for a raw query value (str or list of str); never raises."""
    try:
        return _parse(param, raw)
    except Exception:  # noqa: BLE001 - a URL is user input: anything unexpected means "use the default"
        return param.default


def _parse(param: Param, raw: object) -> object:
    if param.kind == "multi":
        parts = raw if isinstance(raw, (list, tuple)) else [raw]
        longest_sane = 2 * sum(len(c) + 1 for c in param.choices) + 20  # all choices, spaced out, twice over
        if not all(isinstance(p, str) for p in parts) or sum(len(p) for p in parts) > longest_sane:
            return param.default
        wanted = {token.strip().casefold() for p in parts for token in p.split(",")}
        picked = tuple(c for c in param.choices if c.casefold() in wanted)
        return picked if picked or (param.allow_empty and wanted <= {""}) else param.default
    if param.kind == "ids":
        tokens = tokens_of(raw)
        return tuple(dict.fromkeys(tok for tok in tokens if _ID.fullmatch(tok) and "," not in tok))[:_MAX_IDS]
    value = _last_text(raw)
    if value is None:
        return param.default
    if param.kind == "choice":
        folded = value.strip().casefold()
        return next((c for c in param.choices if c.casefold() == folded), param.default)
    if param.kind == "flag":
        folded = value.strip().casefold()
        return True if folded in _TRUE else False if folded in _FALSE else param.default
    if param.kind == "year":
        value = value.strip()
        if not _YEAR.fullmatch(value):
            return param.default
        return min(max(int(value), param.lo), param.hi)
    if param.kind == "id":
        value = value.strip()
        return value if _ID.fullmatch(value) else param.default
    if param.kind == "text":
        return clean_text(value, param.max_len)[0]
    return param.default


def tokens_of(raw: object) -> tuple[str, ...]:
    """The non-empty comma-separated tokens of a raw query value (str or list of str), stripped; () for anything
    else or for a value too long to be a list of ids."""
    parts = raw if isinstance(raw, (list, tuple)) else [raw]
    if not all(isinstance(p, str) for p in parts) or sum(len(p) for p in parts) > _MAX_IDS * 130:
        return ()
    return tuple(token.strip() for p in parts for token in p.split(",") if token.strip())


_UNSEARCHABLE = ("Cc", "Cf", "Cs", "Co", "Cn")


def clean_text(value: str, max_len: int) -> tuple[str, tuple[str, ...]]:
    """Search text fit to use, and what was changed to make it so: "removed" (< and >, and control and format
    characters such as NUL, bidi overrides or zero-width joiners, which have no place in a search box) and
    "shortened" (cut to max_len). The page says so (`text_changes`): nothing typed or linked vanishes unseen."""
    kept = "".join(ch for ch in value if ch not in "<>" and unicodedata.category(ch) not in _UNSEARCHABLE).strip()
    changes = ("removed",) if kept != value.strip() else ()
    if len(kept) > max_len:
        kept, changes = kept[:max_len].strip(), (*changes, "shortened")
    return kept, changes


def parse(params: Mapping[str, object], specs: Iterable[Param] = GLOBAL_PARAMS) -> dict[str, object]:
    """Every declared parameter's valid value from a query dict; unknown keys are ignored; never raises."""
    try:
        items = dict(params)
    except Exception:  # noqa: BLE001 - not a mapping at all: every parameter takes its default
        items = {}
    values = {p.name: parse_value(p, items[p.name]) if p.name in items else p.default for p in specs}
    if isinstance(values.get("from"), int) and isinstance(values.get("to"), int) and values["from"] > values["to"]:
        values["from"], values["to"] = values["to"], values["from"]
    return values


def encode(value: object) -> str:
    """A parsed value as it appears in the URL."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def serialize(values: Mapping[str, object], specs: Iterable[Param] = GLOBAL_PARAMS) -> dict[str, str]:
    """The query dict for `values`, leaving out parameters at their default so URLs stay short."""
    return {p.name: encode(values[p.name]) for p in specs if p.name in values and values[p.name] != p.default}


def build_link(page: str, params: Mapping[str, object]) -> str:
    """Relative URL of `page` (an id in PAGES) with `params`, e.g. `./rd?lang=en&econ=CHN,USA`."""
    path = "./" if page == PAGES[0] else f"./{page}"
    query = urlencode({k: encode(v) for k, v in params.items()}, safe=",")
    return f"{path}?{query}" if query else path


# ---------------------------------------------------------------- Streamlit side

def _spec(param: Param | str) -> Param:
    return param if isinstance(param, Param) else _BY_NAME[param]


def _memory() -> dict[str, object]:
    return st.session_state.setdefault(_MEMORY, {})


def get(param: Param | str) -> object:
    """The current valid value of a parameter (a global one may be named: "lang", "econ", "present").

    Streamlit clears the query string on a page switch, so sticky parameters fall back to the value this
    session last had before falling back to the default.
    """
    param = _spec(param)
    if param.name in st.query_params:
        value = parse_value(param, st.query_params.get_all(param.name))
        if param.sticky:
            _memory()[param.name] = value
        return value
    if param.sticky:
        return _memory().get(param.name, param.default)
    return param.default


def get_years(lo: int, hi: int) -> tuple[int, int]:
    """The selected (from, to) years within lo..hi, in order."""
    values = parse({k: st.query_params.get_all(k) for k in ("from", "to") if k in st.query_params}, year_range(lo, hi))
    return values["from"], values["to"]


def set(param: Param | str, value: object) -> None:  # noqa: A001 - the brief's name; shadows nothing we use
    """Put a value into the URL (normalised; removed when it is the default unless written so); writes only when
    it changes."""
    param = _spec(param)
    if param.kind == "text" and isinstance(value, str):  # typed into a box: the page says what had to change
        st.session_state[_TEXT_CHANGED + param.name] = clean_text(value, param.max_len)[1]
    value = parse_value(param, encode(value))
    if param.sticky:
        _memory()[param.name] = value
    if value == param.default:
        # A default written out in canonical form (?lang=zh) stays: any change of the query string makes the
        # browser drop the URL's #anchor, and a link such as ?lang=zh#chart-rd_researchers must land on its chart.
        if param.name in st.query_params and st.query_params.get_all(param.name) != [encode(value)]:
            del st.query_params[param.name]
    elif st.query_params.get_all(param.name) != [encode(value)]:
        st.query_params[param.name] = encode(value)


def text_changes(param: Param) -> tuple[str, ...]:
    """What `clean_text` changed in this text parameter's value, from the URL or as just typed ("removed",
    "shortened"); shown by lib/ui/page.py text_notice."""
    raw = _last_text(st.query_params.get_all(param.name)) if param.name in st.query_params else None
    changes = clean_text(raw, param.max_len)[1] if raw is not None else ()
    typed = st.session_state.pop(_TEXT_CHANGED + param.name, ())
    return tuple(dict.fromkeys((*changes, *typed)))


def shown(value: object) -> str:
    """A value from the URL fit to be shown inside markdown: as a code span, so `www.example.com` is no live link,
    `_x_` no emphasis and `:smile:` no emoji (a fence longer than any run of backticks inside)."""
    text = str(value).replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}" if text.startswith("`") or text.endswith("`") else f"{fence}{text}{fence}"


def keep_sticky() -> None:
    """Write the session's sticky values back into the URL after a page switch cleared it."""
    for param in GLOBAL_PARAMS:
        set(param, get(param))


def _copy_widget_to_url(param: Param, key: str, then: Callable[[], None] | None = None) -> None:
    set(param, st.session_state[key])
    if then is not None:
        then()


def widget_kwargs(param: Param | str, then: Callable[[], None] | None = None) -> dict[str, object]:
    """key/on_change/args binding a widget to `param`: `st.pills(label, options, **widget_kwargs(P))`.

    The widget's value is set here from the URL state, so pass no default/value/index of your own. After a
    change the widget shows the normalised value (e.g. the default economies when all were removed).
    then: called after a change is in the URL (e.g. to open the section that lists what was chosen).
    """
    param = _spec(param)
    key = _WIDGET_PREFIX + param.name
    value = get(param)
    # Written on every run, not only on change: after a page switch the widget is new and would otherwise start
    # empty while session_state still holds the old value under the same key.
    st.session_state[key] = list(value) if isinstance(value, tuple) else value
    return {"key": key, "on_change": _copy_widget_to_url, "args": (param, key) if then is None else (param, key, then)}


def _copy_range_to_url(params: tuple[Param, Param], key: str) -> None:
    for param, value in zip(params, st.session_state[key]):
        set(param, value)


def range_kwargs(params: tuple[Param, Param]) -> dict[str, object]:
    """key/on_change/args binding a range slider to a (from, to) pair such as `year_range(lo, hi)`:
    `st.slider(label, lo, hi, **range_kwargs(YEARS))`. Like widget_kwargs, the value comes from the URL state."""
    key = _WIDGET_PREFIX + "_".join(p.name for p in params)
    values = parse({p.name: st.query_params.get_all(p.name) for p in params if p.name in st.query_params}, params)
    st.session_state[key] = tuple(values[p.name] for p in params)
    return {"key": key, "on_change": _copy_range_to_url, "args": (params, key)}


def current() -> dict[str, str]:
    """This page's URL parameters as they are now, the last value of each (a link with them opens the same view)."""
    return {k: st.query_params.get_all(k)[-1] for k in st.query_params}


def here(params: Mapping[str, str] | None = None, **changes: object) -> str:
    """The query string (no "?") of this page's URL as it is now (`params`: `current()`, read already), with
    `changes` replacing parameters (an empty value removes one): `here(table=("rd_wdi",))` -> "lang=en&table=rd_wdi"."""
    params = dict(current() if params is None else params)
    for name, value in changes.items():
        params.pop(name, None)
        if encode(value):
            params[name] = encode(value)
    return urlencode(params, safe=",")


def in_url(param: Param) -> bool:
    """Whether the URL names `param` at all (a link that asks for a chain, whatever its value)."""
    return param.name in st.query_params


def requested(param: Param) -> tuple[str, ...]:
    """The raw tokens of a list parameter as the URL gives them, valid or not (for saying which were ignored)."""
    return tokens_of(st.query_params.get_all(param.name)) if param.name in st.query_params else ()


def chart_anchor(chart: str) -> str:
    """The HTML id of a chart's anchor (lib/ui/chart_view.py draws it): a link ending in `#` + this lands there.
    Letters, digits, _ and - only, so the fragment needs no escaping (the browser compares it unescaped)."""
    return "chart-" + re.sub(r"[^A-Za-z0-9_-]", "-", chart)


def mention_anchor(mention_id: str) -> str:
    """The fragment of a link that lands on whichever chart of a page draws document statement `mention_id`."""
    return "mention-" + re.sub(r"[^A-Za-z0-9_-]", "-", mention_id)


def chart_link(page: str, chart: str, view: str = "chart", params: Mapping[str, object] | None = None,
               **more: object) -> str:
    """Relative URL that opens `chart` on `page` with `view` ("chart" or "table") and lands on it:
    `./rd?lang=en&table=rd_researchers#chart-rd_researchers`. params/more: the page's selections, as in `link`."""
    wanted = dict(params or {}) | more
    if view == "table":
        wanted[TABLES.name] = (chart,)
    return f"{link(page, wanted)}#{chart_anchor(chart)}"


def mention_link(page: str, mention_id: str) -> str:
    """Relative URL of `page` that lands on the chart drawing document statement `mention_id` (the page's top when
    no chart of the current selection draws it)."""
    return f"{link(page)}#{mention_anchor(mention_id)}"


def link_params(**params: object) -> dict[str, str]:
    """Query params for st.page_link: the sticky lang/econ/present (when not default) plus `params`."""
    carried = serialize({p.name: get(p) for p in GLOBAL_PARAMS})
    return carried | {k: encode(v) for k, v in params.items()}


def link(page: str, params: Mapping[str, object] | None = None, **more: object) -> str:
    """Relative URL of another page carrying lang/econ/present, for deep links in tables and text.

    Pass parameters whose names are Python keywords in `params`: `link("rd", {"from": 2010})`.
    """
    return build_link(page, link_params(**dict(params or {}), **more))
