"""Named queries of the Overview page: where China stands on every headline measure, each economy's latest value,
the documents' own figures, the gaps per chain."""
from __future__ import annotations

import pandas as pd

from lib.contract import measure, measures, source
from lib.queries import chains, run

# The list the documents cite (003: Crunchbase, 2024-09-10); the other lists are on the Unicorns page.
UNICORN_SOURCE = source("unicorn_list")
DOCUMENT_DIGITAL_SHARE = "dds_share"
# Every headline measure of data/catalog/measures.yaml, in its order: the first chart compares China on each.
STANDING = tuple(m["key"] for m in measures())
# The cards under it, in page order (keys of measures.yaml; each names its strings in data/i18n/overview.yaml).
CARDS = ("rd_intensity", "gerd_ppp", "researchers", "unicorns", "digital_share")

_COLUMNS = ["key", "economy", "year", "value", "unit", "indicator_id", "source_id", "note_en", "note_zh"]


def standing() -> pd.DataFrame:
    """China ÷ US and China ÷ EU on every headline measure in the latest year all three have (chains.standing)."""
    return chains.standing(STANDING)


def latest(economies: tuple[str, ...]) -> pd.DataFrame:
    """Each economy's latest dataset value of every card's measure, in one query (its year says which: India's R&D
    ends earlier than China's). Columns: key, economy, year, value, unit, indicator_id, source_id, note_en, note_zh."""
    if not economies:
        return pd.DataFrame(columns=_COLUMNS)
    chosen = [measure(key) for key in CARDS]
    return run("""
        WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS key, unnest(?::VARCHAR[]) AS indicator_id,
                               unnest(?::VARCHAR[]) AS source_id, unnest(range(?)) AS position)
        SELECT w.key, o.economy, o.year, o.value, o.unit, o.indicator_id, o.source_id, o.note_en, o.note_zh
        FROM observations o
        JOIN wanted w ON o.indicator_id = w.indicator_id AND o.source_id = w.source_id
        WHERE o.mention_id IS NULL AND o.value IS NOT NULL AND o.economy IN (SELECT unnest(?::VARCHAR[]))
        QUALIFY row_number() OVER (PARTITION BY w.key, o.economy ORDER BY o.year DESC) = 1
        ORDER BY w.position, o.economy""", ([m["key"] for m in chosen], [m["indicator_id"] for m in chosen],
                                            [m["source_id"] for m in chosen], len(chosen), list(economies)))


def document_figures(indicator_id: str, economies: tuple[str, ...]) -> pd.DataFrame:
    """What the documents state for an indicator and these economies, each with quote, document and line."""
    return run("""
        SELECT economy, year, period, value, value_high, unit, indicator_id, qualifier,
               mention_id, file_name, location, line_no, quote, raw, doc_id, title_zh, title_en
        FROM cited_figures
        WHERE indicator_id = ? AND economy IN (SELECT unnest(?::VARCHAR[])) AND entity IS NULL
        ORDER BY economy, doc_id, line_no""", (indicator_id, list(economies)))


def gaps_per_chain() -> tuple[pd.Series, pd.DataFrame]:
    """(gaps per chain in the Four chains page's order, the documents they come from: doc_id, titles, gaps)."""
    documents = chains.documents_with_gaps()
    counts = chains.gap_counts(tuple(documents["doc_id"]))
    return counts.groupby("chain")["gaps"].sum().reindex(chains.CHAINS, fill_value=0), documents


def list_snapshot(source_id: str) -> str:
    """The snapshot month of a company list, e.g. 2024-09."""
    frame = run("SELECT max(snapshot) AS snapshot FROM unicorns WHERE source_id = ?", (source_id,))
    return str(frame["snapshot"].iloc[0]) if len(frame) else ""
