"""Chart titles that state what the chart shows: where China stands against the US and the EU in the latest year
the data hold for them, worded from the values drawn (never typed in)."""
from __future__ import annotations

import pandas as pd

from lib.contract import COMPARED
from lib.ui.i18n import t


def versus(frame: pd.DataFrame, lang: str) -> tuple[int, str] | None:
    """(year, "above the EU and below the US") for the latest year in which China, the US and the EU (those of them
    in `frame`, columns economy, year, value) all have a value, else the latest with China and one of them; None
    when there is no such year."""
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
    year = int(shared.index.max())
    row = shared.loc[year]
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
