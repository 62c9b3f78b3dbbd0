"""One rounding rule (lib/ui/i18n.py DECIMALS) for every number a page shows: cards, tables, chart labels and hovers,
on every page in both languages. A shown value is recognised by its unit's written form (data/i18n format.*)."""
from __future__ import annotations

import json
import re

import pytest

from lib.ui import i18n, state
from lib.ui.i18n import DECIMALS, t
from tests.helpers import run_page

NUM = r"-?\d[\d,]*(?:\.(?P<dec>\d+))?"


def _forms(lang: str) -> dict[str, re.Pattern]:
    """kind -> a pattern matching a whole value written in that kind's form, from the format strings themselves."""
    scales = "|".join(re.escape(t(f"scale.{s}", lang)) for s in ("1e12", "1e9", "1e8", "1e6", "1e4"))

    def form(key: str) -> re.Pattern:
        # The format string with its number and scale word as patterns, its other text literal, spaces optional.
        parts = re.split(r"(\{num\}|\{scale\})", t(key, lang))
        text = "".join(f"(?P<num>{NUM})" if p == "{num}" else f"(?:{scales})?" if p == "{scale}"
                       else r"\s*" + re.escape(p.strip()) + r"\s*" if p.strip() else r"\s*" for p in parts)
        return re.compile(rf"^{text}$")

    forms = {"percent": form("format.percent"), "rank": form("format.rank")}
    forms |= {f"money {u}": form(f"format.{u}") for u in (*i18n.MONEY_UNITS, i18n.PPP)}
    if lang == "zh":  # Chinese writes large counts with a scale word (231.2万); English counts are whole (758)
        forms["scaled count"] = re.compile(rf"^(?P<num>{NUM})(?:{scales})$")
    return forms


def _decimals_of(match: re.Match) -> int:
    return len(match.group("dec") or "")


# Columns holding a document's own words (its quote, its sentence): verbatim, whatever their rounding.
_VERBATIM = {text for key, texts in i18n.load_catalog().items() if re.search(r"\.col\.(quote|sentence|stated)$", key)
             for text in texts.values()}


def _pieces(text: str) -> list[str]:
    """The separately written parts of a hover or label: split at line breaks, middle dots, colons and brackets."""
    return [p.strip() for p in re.split(r"<br>|·|：|: |[()（）]|\n", text) if p.strip()]


def _shown(at) -> list[str]:
    texts = [m.value for m in at.metric]
    for chart in at.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            for field in ("customdata", "text"):
                values = trace.get(field)
                if isinstance(values, str):
                    values = [values]
                for value in values or []:
                    texts.extend(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    for frame in at.dataframe:
        shown = frame.value.drop(columns=[c for c in frame.value.columns if c in _VERBATIM], errors="ignore")
        texts.extend(str(v) for v in shown.astype(str).to_numpy().ravel())
    return [piece for text in texts for piece in _pieces(text)]


def _ratio_cells(at, lang: str) -> list[str]:
    headers = {t("chains.col.ratio_usa", lang), t("chains.col.ratio_euu", lang)}
    return [str(v) for frame in at.dataframe for column in frame.value.columns if column in headers
            for v in frame.value[column] if str(v)]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_id", [p for p in state.PAGES if p not in ("documents", "sources")])
def test_every_shown_value_has_the_decimals_of_its_unit(page_id, lang):
    forms = _forms(lang)
    charts = run_page(f"pages/{page_id}.py", lang)
    tables = run_page(f"pages/{page_id}.py", lang, open_data=True)  # every chart's Table view
    pieces = _shown(charts) + _shown(tables)
    checked, wrong = 0, []
    for piece in pieces:
        for kind, pattern in forms.items():
            match = pattern.match(piece)
            if match:
                want = {"percent": DECIMALS["percent"], "rank": DECIMALS["rank"]}.get(kind, DECIMALS["scaled"])
                checked += 1
                if _decimals_of(match) != want:
                    wrong.append((kind, piece))
                break
    ratios = _ratio_cells(tables, lang)
    wrong += [("ratio", r) for r in ratios if not re.fullmatch(r"\d+\.\d{%d}" % DECIMALS["ratio"], r)]
    assert not wrong, f"{page_id} {lang}: {sorted(set(wrong))[:12]}"
    if page_id in ("overview", "rd", "unicorns", "digital_services", "four_chains"):
        assert checked > 10, f"{page_id} {lang}: only {checked} values recognised (else this checks nothing)"
    if page_id in ("overview", "four_chains"):
        assert ratios, "China ÷ US / ÷ EU columns are shown"
