"""Named queries of the Overview page: each economy's latest value per theme, the documents' own figures, the radar."""
from __future__ import annotations

import pandas as pd

from lib.contract import source
from lib.queries import chains, run

# The list the documents cite (003: Crunchbase, 2024-09-10); the other lists are on the Unicorns page.
UNICORN_SOURCE = source("unicorn_list")
# The narrow ICT-services series: SOURCE.md finds it fits 003's description of "digital services exports" best.
DIGITAL_SHARE = "ict_share_wdi"
DOCUMENT_DIGITAL_SHARE = "dds_share"
# Every headline in page order: (key, indicator_id, source_id or None for the indicator's only source). The key
# names the card's and the radar axis's strings in data/i18n/overview.yaml; every headline is a radar axis.
HEADLINES = (
    ("rd_intensity", "rd_intensity", None),
    ("gerd_ppp", "gerd_ppp", None),
    ("researchers", "researchers_per_million", None),
    ("unicorns", "unicorn_count", UNICORN_SOURCE),
    ("digital_share", DIGITAL_SHARE, None),
)
# Aggregates that contain the economies compared: scaled to the largest, they would flatten every other outline.
NOT_ON_RADAR = ("WLD",)

_COLUMNS = ["key", "economy", "year", "value", "unit", "indicator_id", "source_id", "note_en", "note_zh"]


def latest(economies: tuple[str, ...]) -> pd.DataFrame:
    """Each economy's latest dataset value of every headline, in one query (its year says which: India's R&D ends
    earlier than China's). Columns: key, economy, year, value, unit, indicator_id, source_id, note_en, note_zh."""
    if not economies:
        return pd.DataFrame(columns=_COLUMNS)
    keys, indicator_ids, source_ids = (list(column) for column in zip(*HEADLINES))
    return run("""
        WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS key, unnest(?::VARCHAR[]) AS indicator_id,
                               unnest(?::VARCHAR[]) AS source_id, unnest(range(?)) AS position)
        SELECT w.key, o.economy, o.year, o.value, o.unit, o.indicator_id, o.source_id, o.note_en, o.note_zh
        FROM observations o
        JOIN wanted w ON o.indicator_id = w.indicator_id AND (w.source_id IS NULL OR o.source_id = w.source_id)
        WHERE o.mention_id IS NULL AND o.value IS NOT NULL AND o.economy IN (SELECT unnest(?::VARCHAR[]))
        QUALIFY row_number() OVER (PARTITION BY w.key, o.economy ORDER BY o.year DESC) = 1
        ORDER BY w.position, o.economy""", (keys, indicator_ids, source_ids, len(keys), list(economies)))


def document_figures(indicator_id: str, economies: tuple[str, ...]) -> pd.DataFrame:
    """What the documents state for an indicator and these economies, each with quote, document and line."""
    return run("""
        SELECT o.economy, o.year, o.period, o.value, o.value_high, o.unit, o.indicator_id, o.qualifier,
               m.mention_id, m.file_name, m.line_no, m.quote, d.doc_id, d.title_zh, d.title_en
        FROM observations o JOIN mentions m ON m.mention_id = o.mention_id
        JOIN documents d ON d.file_name = m.file_name
        WHERE o.indicator_id = ? AND o.economy IN (SELECT unnest(?::VARCHAR[])) AND o.entity IS NULL
        ORDER BY o.economy, d.doc_id, m.line_no""", (indicator_id, list(economies)))


def gaps_per_chain() -> tuple[pd.Series, pd.DataFrame]:
    """(gaps per chain in the Four chains page's order, the documents they come from: doc_id, titles, gaps)."""
    documents = chains.documents_with_gaps()
    counts = chains.gap_counts(tuple(documents["doc_id"]))
    return counts.groupby("chain")["gaps"].sum().reindex(chains.CHAINS, fill_value=0), documents


def list_snapshot(source_id: str) -> str:
    """The snapshot month of a company list, e.g. 2024-09."""
    frame = run("SELECT max(snapshot) AS snapshot FROM unicorns WHERE source_id = ?", (source_id,))
    return str(frame["snapshot"].iloc[0]) if len(frame) else ""


def radar(headlines: pd.DataFrame) -> pd.DataFrame:
    """The radar's rows from `latest(...)`, axes in HEADLINES order: axis (= key), economy, year, value, unit, source_id, score.

    score = value / the largest value of the economies drawn on that axis x 100, so each axis runs 0-100 and the
    leader on it scores 100; the raw value and year stay in the row for hover and table. Aggregates of
    NOT_ON_RADAR are left out.
    """
    data = headlines[~headlines["economy"].isin(NOT_ON_RADAR)].rename(columns={"key": "axis"}).reset_index(drop=True)
    top = data.groupby("axis")["value"].transform("max")
    return data.assign(score=(data["value"] / top * 100).where(top > 0))
