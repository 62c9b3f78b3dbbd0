"""The one i18n lookup: every visible string, economy name, unit label and formatted value, in Chinese and English."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import yaml

from lib.contract import ECONOMIES, MAIN_ECONOMIES, MONEY_UNITS, SI_UNITS  # noqa: F401 (re-exported)
from lib.paths import DATA_DIR

I18N_DIR = DATA_DIR / "i18n"
LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


# Scales a reader expects: Chinese counts money in 万/亿/万亿, English in millions/billions/trillions.
_SCALES = {"zh": (1e12, 1e8, 1e4), "en": (1e12, 1e9, 1e6)}
_SCALE_KEYS = {1e12: "scale.1e12", 1e9: "scale.1e9", 1e8: "scale.1e8", 1e6: "scale.1e6", 1e4: "scale.1e4"}
# Values at purchasing-power parity are stored in USD but are international dollars: shown with their own unit.
PPP = "PPP"
_MONEY = (*MONEY_UNITS, PPP)
_SI_UNITS = SI_UNITS
_SI_PREFIXES = ((1e24, "Y"), (1e21, "Z"), (1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"),
                (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"))
MISSING = "–"
# How many decimals a number shows, by what it measures: the one rule for cards, tables, chart labels and hovers.
# Shares 16.7%, ratios 0.72, amounts written with a scale word one decimal (8608.8亿美元, US$860.9 billion), counts and
# ranks whole (758); anything else (an amount too small for a scale word, a physical quantity) one decimal.
DECIMALS = {"percent": 1, "ratio": 2, "scaled": 1, "count": 0, "rank": 0}
OTHER_DECIMALS = 1
# A figure quoted from a document is shown with the precision it was printed with instead (715亿美元, not 715.0亿美元;
# 44.99, not 45): `stated_step` reads that precision from the printed text (mentions.raw).
_PRINTED_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def load_catalog(directory: Path | None = None) -> dict[str, dict[str, str]]:
    """Every key of every data/i18n/*.yaml; a key defined in two files or an entry without both languages raises."""
    directory = directory or I18N_DIR
    catalog: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f", line {mark.line + 1}" if mark else ""
            raise ValueError(f"{path.name}{where}: not valid YAML ({getattr(exc, 'problem', exc)}); "
                             "quote text that contains : ? “ ” or #") from exc
        if not isinstance(entries, dict):
            raise ValueError(f"{path}: expected a mapping of key: {{en: ..., zh: ...}}")
        for key, texts in entries.items():
            key = str(key)
            if key in catalog:
                raise ValueError(f"{path.name}: key '{key}' is already defined in {origin[key]}; rename one of them")
            if not isinstance(texts, dict) or any(not isinstance(texts.get(lang), str) or not texts[lang].strip()
                                                  for lang in LANGS):
                raise ValueError(f"{path.name}: key '{key}' needs non-empty text for both 'zh' and 'en'")
            catalog[key] = texts
            origin[key] = path.name
    return catalog


@lru_cache(maxsize=1)
def _catalog() -> dict[str, dict[str, str]]:
    return load_catalog()


def check() -> None:
    """Raise ValueError naming the file and line of a broken data/i18n/*.yaml, so the app can say so plainly."""
    _catalog()


def has(key: str) -> bool:
    """Whether some data/i18n/*.yaml defines `key` (for text that falls back to catalog words without one)."""
    return key in _catalog()


def t(key: str, lang: str, **fmt) -> str:
    """The text of `key` in `lang`, with {placeholders} filled from fmt; KeyError names what is missing."""
    entry = _catalog().get(key)
    if entry is None:
        raise KeyError(f"i18n key '{key}' is not in any data/i18n/*.yaml; add it with both zh and en")
    if lang not in LANGS:
        raise KeyError(f"language '{lang}' is not one of {LANGS}")
    return entry[lang].format(**fmt) if fmt else entry[lang]


def field(row, name: str, lang: str) -> str:
    """A catalog fact of a warehouse row in the page language: `name_zh` on Chinese pages; on English ones `name_en`,
    or `name` itself where the English text has the plain column (a dataset's title, publisher, vintage, licence).
    KeyError names the column a row lacks, so an English fact never stands in silently on a Chinese page."""
    columns = (f"{name}_zh",) if lang == "zh" else (f"{name}_en", name)
    for column in columns:
        if column in row:
            return row[column]
    raise KeyError(f"the row has no column {' or '.join(columns)} for '{name}' in {lang}; add it to the catalog "
                   "(data/catalog/*.yaml) and the query")


def plural(key: str, lang: str, count: int, **fmt) -> str:
    """t(key) for `count` things: its singular form `key.one` when count is 1 and the catalog has one ("1 document",
    where `key` says "{n} documents"; Chinese words do not change, its .one text is the same)."""
    return t(f"{key}.one" if count == 1 and has(f"{key}.one") else key, lang, **fmt)


def economy_name(code: str, lang: str) -> str:
    """China / 中国, United States / 美国, European Union (EU-27) / 欧盟, ..."""
    return t(f"economy.{code}", lang)


def economy_or_code(code, lang: str):
    """An economy code named as economy_name does where the catalog has it; any other code (the company lists' AUS,
    SGP, ...) or a blank cell as it is."""
    return economy_name(code, lang) if isinstance(code, str) and has(f"economy.{code}") else code


def economy_short(code: str, lang: str) -> str:
    """The economy's name where room is short (metric labels): EU-27 for the European Union, else its name."""
    return t(f"economy_short.{code}", lang) if has(f"economy_short.{code}") else economy_name(code, lang)


def display_unit(unit: str, indicator_id: str | None) -> str:
    """The unit a value is shown in: PPP (international $) for the purchasing-power-parity series (their ids say
    `ppp`: gerd_ppp, gdp_ppp, gerd_per_capita_ppp), else the warehouse unit."""
    return PPP if unit == "USD" and "ppp" in str(indicator_id or "") else unit


def with_display_units(frame):
    """A copy of a frame of observations whose PPP rows say so in their unit column (see display_unit)."""
    if "unit" not in frame or "indicator_id" not in frame:
        return frame
    return frame.assign(unit=[display_unit(u, i) for u, i in zip(frame["unit"], frame["indicator_id"])])


def unit_label(unit: str, lang: str) -> str:
    """The unit as an axis title or table header shows it."""
    return t(f"unit.{unit}", lang)


def decimals(unit: str, scaled: bool = False) -> int:
    """The decimals a value of `unit` shows (see DECIMALS); scaled: written with a scale word (亿, billion)."""
    return DECIMALS["scaled"] if scaled else DECIMALS.get(unit, OTHER_DECIMALS)


def stated_step(stated: str | None, value: float) -> float | None:
    """The smallest step a document's printed figure resolves, in the units of `value` (the figure as stored, which
    may be converted): 715亿美元 (7.15e10 USD) -> 1e8; 44.99 -> 0.01; 4000亿 -> 1e11 (a whole number's trailing zeros
    are not taken as significant). None when the text prints no digits (十四个): the unit's DECIMALS apply."""
    match = _PRINTED_NUMBER.search(stated or "")
    if match is None or _missing(value):
        return None
    digits = match.group().replace(",", "")
    printed = float(digits)
    if printed == 0:
        return None
    if "." in digits:
        last = 10.0 ** -len(digits.split(".")[1])
    else:
        last = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return abs(value / printed) * last


def _places(step: float) -> int:
    # Enough decimals to show the step, never more (0.1 -> 1, 140 -> 0); the tolerance absorbs 0.1 * 3 style error.
    return max(0, math.ceil(-math.log10(step) - 1e-9))


def _number(x: float, lang: str, places: int) -> str:
    # English groups thousands with commas; Chinese writes large amounts with a scale word instead (8608.8亿美元).
    return f"{x:,.{places}f}" if lang == "en" else f"{x:.{places}f}"


def number(x: float, lang: str, unit: str = "", scaled: bool = False, step: float | None = None) -> str:
    """A plain number with the decimals of its unit (see DECIMALS): number(0.7234, lang, "ratio") is 0.72; with
    `step` (a document's printed precision, in the units of x) as many decimals as that step needs."""
    return _number(x, lang, _places(step) if step else decimals(unit, scaled))


def scale(magnitude: float, unit: str, lang: str) -> tuple[float, str]:
    """Divisor and scale word a reader expects for money or counts of this size: (1e12, "万亿"); (1, "") if none."""
    if unit in _MONEY or (unit == "count" and lang == "zh"):  # English counts are read in full: 2,312,000
        for factor in _SCALES[lang]:
            if abs(magnitude) >= factor:
                return factor, t(_SCALE_KEYS[factor], lang)
    return 1.0, ""


def _format_one(value: float, unit: str, lang: str, step: float | None) -> str:
    if unit in _MONEY or unit == "count":
        factor, word = scale(value, unit, lang)
        num = number(value / factor, lang, unit, scaled=factor != 1.0, step=step and step / factor)
        return " ".join(t(f"format.{unit}", lang, num=num, scale=word).split())
    if unit in _SI_UNITS:
        factor, prefix = next(((f, p) for f, p in _SI_PREFIXES if abs(value) >= f), (1, ""))
        num = number(value / factor, lang, unit, step=step and step / factor)
        return t("format.si", lang, num=num, scale=prefix, unit=unit)
    if unit in ("percent", "rank"):
        return t(f"format.{unit}", lang, num=number(value, lang, unit, step=step))
    return f"{number(value, lang, unit, step=step)} {unit}"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_value(value: float | None, unit: str, lang: str, high: float | None = None,
                 stated: str | None = None) -> str:
    """A value as a person reads it: zh `50.2万亿元`, `8608.8亿美元`; en `50.2 trillion CNY`, `US$860.9 billion`,
    `48.9%`, `758`. With `high` (the top of a stated range) both ends are shown: `8%–9%`.

    stated: the text a document printed the figure as (mentions.raw, e.g. `715亿美元`): the value is then shown
    with that precision in the display unit (zh 715亿美元, en US$71.5 billion) instead of its unit's DECIMALS."""
    if _missing(value):
        return MISSING
    step = stated_step(stated if isinstance(stated, str) else None, float(value))
    text = _signed(float(value), unit, lang, step)
    if _missing(high):
        return text
    return f"{text}–{_signed(float(high), unit, lang, step)}"


def _signed(value: float, unit: str, lang: str, step: float | None = None) -> str:
    # The sign goes in front of any currency symbol: -US$2.5 trillion, not US$-2.5 trillion; none on a value that
    # rounds to zero (-0.0%).
    text = _format_one(abs(value), unit, lang, step)
    return "-" + text if value < 0 and any(ch in "123456789" for ch in text) else text


def format_rows(frame, lang: str, unit: str | None = None, column: str = "value", *, high: str | None = "value_high",
                raw: str | None = "raw") -> list[str]:
    """format_value of each row of a frame's `column`, in its row's `unit` (`unit` where the frame has none), with the
    top of a stated range (column `high`) and the text a document printed the figure as (column `raw`, from
    mentions.raw) where the frame has those columns."""
    n = len(frame)
    units = [u if isinstance(u, str) and u else unit for u in frame["unit"]] if "unit" in frame else [unit] * n
    highs = frame[high] if high in frame else [None] * n
    raws = frame[raw] if raw in frame else [None] * n
    return [format_value(v, u, lang, high=h, stated=r)
            for v, u, h, r in zip(frame[column], units, highs, raws)]
