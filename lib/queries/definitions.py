"""Named query of the export pack: what the indicators and datasets behind a chart mean, for the slide notes."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from lib.queries import run


def definitions(indicators: Iterable[str], sources: Iterable[str], lang: str) -> pd.DataFrame:
    """name, definition of each given indicator, then of each given dataset, in the order given; ids without a
    definition (documents have none) are left out."""
    indicators, sources = list(dict.fromkeys(indicators)), list(dict.fromkeys(sources))
    if not indicators and not sources:
        return pd.DataFrame(columns=["name", "definition"])
    zh = lang == "zh"
    return run("""
        SELECT name, definition FROM (
            SELECT 0 AS part, list_position(?, indicator_id) AS pos,
                   CASE WHEN ? THEN name_zh ELSE name_en END AS name,
                   CASE WHEN ? THEN definition_zh ELSE definition_en END AS definition
            FROM indicators WHERE indicator_id IN (SELECT unnest(?::VARCHAR[]))
            UNION ALL
            SELECT 1, list_position(?, source_id), CASE WHEN ? THEN title_zh ELSE title END,
                   CASE WHEN ? THEN definition_zh ELSE definition_en END
            FROM sources WHERE source_id IN (SELECT unnest(?::VARCHAR[]))
        ) WHERE definition IS NOT NULL AND trim(definition) <> ''
        ORDER BY part, pos""", (indicators, zh, zh, indicators, sources, zh, zh, sources))
