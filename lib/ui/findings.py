"""Chart titles that state what the chart shows: where China stands against the US and the EU in the latest year
the data hold for them, worded from the values drawn (never typed in)."""
from __future__ import annotations

import pandas as pd

from lib.contract import COMPARED
from lib.ui.i18n import format_value, number, t


def latest(frame: pd.DataFrame) -> tuple[int | None, pd.Series] | None:
    """(year, value by economy) of the latest year in which China, the US and the EU (those of them in `frame`,
    columns economy, value and year) all have a value, else the latest with China and one of them; a frame without
    a year column is one observation per economy (year None). None when China or both others are missing."""
    if "year" not in frame or frame["year"].isna().all():
        frame = frame.assign(year=0)
        undated = True
    else:
        undated = False
    wide = frame.pivot_table(index="year", columns="economy", values="value", aggfunc="last")
    if "CHN" not in wide:
        return None
    others = [code for code in COMPARED if code in wide]
    if not others:
        return None
    # The latest year all of them have; failing that, the latest with China and one of them.
    shared = wide.dropna(subset=["CHN", *others])
    if shared.empty:
        shared = wide.dropna(subset=["CHN"]).dropna(subset=others, how="all")
    if shared.empty:
        return None
    year = shared.index.max()
    return (None if undated else int(year)), shared.loc[year, ["CHN", *others]].dropna()


def values(row: pd.Series, unit: str, lang: str) -> str:
    """`China 8.7%, the US 4.5%, the EU 6.3%` (zh `中国8.7%，美国4.5%，欧盟6.3%`): the values of `latest` (unit
    "year": years, `中国2015年`)."""
    shown = (lambda v: t("finding.year", lang, year=int(v))) if unit == "year" else \
        (lambda v: format_value(v, unit, lang))
    return t("finding.list", lang).join(t("finding.value", lang, economy=t(f"finding.economy.{code}", lang),
                                         value=shown(value)) for code, value in row.items())


def ratios(row: pd.Series, lang: str) -> str:
    """`96% of the US's and 147% of the EU's` (zh `美国的96%、欧盟的147%`): China's value against each other one in
    `latest`'s row, in percent below twice, else in times."""
    parts = []
    for code, value in row.drop("CHN").items():
        ratio = row["CHN"] / value
        economy = t(f"finding.economy.{code}", lang)
        parts.append(t("finding.times", lang, economy=economy, n=number(ratio, lang, "percent")) if ratio >= 2
                     else t("finding.ratio", lang, economy=economy,
                            ratio=t("format.percent", lang, num=number(100 * ratio, lang, "count"))))
    return t("finding.join", lang).join(parts)


def versus(frame: pd.DataFrame, lang: str) -> tuple[int, str] | None:
    """(year, "above the EU and below the US") for the latest year in which China, the US and the EU (those of them
    in `frame`, columns economy, year, value) all have a value, else the latest with China and one of them; None
    when there is no such year."""
    found = latest(frame)
    if found is None:
        return None
    year, row = found
    others = list(row.index.drop("CHN"))
    parts = {"above": [], "below": [], "level": []}
    for code in others:
        if pd.notna(row[code]):
            side = "level" if row["CHN"] == row[code] else "above" if row["CHN"] > row[code] else "below"
            parts[side].append(t(f"finding.economy.{code}", lang))
    phrases = [t(f"finding.{side}", lang, economies=t("finding.and", lang).join(names))
               for side, names in parts.items() if names]
    return year, t("finding.join", lang).join(phrases)


def title(measure: str, frame: pd.DataFrame, lang: str) -> str:
    """`R&D intensity: China above the EU and below the US in 2023`, or the measure's name alone without data."""
    found = versus(frame, lang)
    if found is None:
        return measure
    year, phrase = found
    return t("finding.title", lang, measure=measure, year=year, phrase=phrase)


def stating(key: str, frame: pd.DataFrame, unit: str, lang: str, fallback: str, **fmt) -> str:
    """The title `key` filled with the finding of `frame` (see `latest`): {year}, {values} of China, the US and the
    EU in `unit`, and {ratios} of China to them; `fallback` (the measure's name) when the frame has no finding."""
    found = latest(frame)
    if found is None:
        return fallback
    year, row = found
    return t(key, lang, year=year, values=values(row, unit, lang), ratios=ratios(row, lang), **fmt)
