"""Named queries of the Four chains page: scorecard signals per chain, gap counts and lists, measures per chain."""
from __future__ import annotations

import pandas as pd

from lib.contract import CHAINS, COMPARED, INDUSTRIES, measure  # noqa: F401 (pages read them here)
from lib.queries import derived, run


# The scorecard's signals: (chain, indicator_id, source_id). A dataset signal reads the latest year in which China,
# the US and the EU all have a value; a document signal reads every figure the documents state for the indicator.
DATASET_SIGNALS = tuple((m["chain"], m["indicator_id"], m["source_id"]) for m in map(measure, (
    "rd_intensity", "gerd_ppp", "digital_share", "unicorns", "unicorn_value", "researchers")))
DOCUMENT_SIGNALS = (
    ("innovation", "high_impact_paper_share"),
    ("innovation", "nature_index_share"),
    ("innovation", "digital_tech_patents"),
    ("innovation", "sep_5g_family_share"),
    ("industrial", "market_cap"),
    ("capital", "ai_investment"),
    ("talent", "ai_paper_citation_rate"),
)
# What the documents say on chips, operating systems and industrial software: search words, not figures.
INDUSTRIAL_TEXT_TOPICS = {"chips": "芯片", "os": "操作系统", "industrial_software": "工业软件"}


def dataset_signal(indicator_id: str, source_id: str) -> pd.DataFrame:
    """China, US, EU and world values of one dataset indicator in the latest year China, the US and the EU share."""
    return run("""
        WITH common AS (
            SELECT max(year) AS year FROM (
                SELECT year FROM observations
                WHERE indicator_id = ? AND source_id = ? AND mention_id IS NULL AND economy IN ('CHN', 'USA', 'EUU')
                GROUP BY year HAVING count(DISTINCT economy) = 3))
        SELECT o.economy, CAST(o.year AS INTEGER) AS year, o.value, o.unit, o.indicator_id, o.source_id,
               s.publisher, s.title AS source_title, s.vintage
        FROM observations o JOIN common USING (year) JOIN sources s USING (source_id)
        WHERE o.indicator_id = ? AND o.source_id = ? AND o.mention_id IS NULL
          AND o.economy IN ('CHN', 'USA', 'EUU', 'WLD')
        ORDER BY o.economy""", (indicator_id, source_id, indicator_id, source_id))


def document_signal(indicator_id: str) -> pd.DataFrame:
    """Every figure the documents state for one indicator, with its entity, qualifier, file, line and quote."""
    return run("""
        SELECT economy, CAST(year AS INTEGER) AS year, period, value, unit, entity, qualifier,
               indicator_id, source_id, doc_id, mention_id, file_name, location, line_no, quote, raw, context
        FROM cited_figures
        WHERE indicator_id = ?
        ORDER BY year, economy, value DESC, entity""", (indicator_id,))


def indicator_names(indicator_ids: tuple[str, ...]) -> pd.DataFrame:
    """indicator_id, name_en, name_zh, unit, definition_en, definition_zh of the given indicators."""
    return run("""SELECT indicator_id, name_en, name_zh, unit, definition_en, definition_zh FROM indicators
                  WHERE indicator_id IN (SELECT unnest(?::VARCHAR[]))""", (list(indicator_ids),))


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or pd.isna(numerator) or pd.isna(denominator) or denominator == 0:
        return None
    return float(numerator) / float(denominator)


def _value(frame: pd.DataFrame, economy: str, column: str = "value"):
    match = frame.loc[frame["economy"] == economy, column]
    return (float(match.iloc[0]) if column == "value" else match.iloc[0]) if len(match) else None


def _dataset_rows(signals) -> list[dict]:
    """One dict per (chain, indicator_id, source_id) with data: year, unit, source and the four economies' values."""
    rows = []
    for chain, indicator_id, source_id in signals:
        frame = dataset_signal(indicator_id, source_id)
        if frame.empty:
            continue
        first = frame.iloc[0]
        rows.append(dict(chain=chain, indicator_id=indicator_id, year=int(first["year"]), unit=first["unit"],
                         source_id=source_id, publisher=first["publisher"], source_title=first["source_title"],
                         vintage=first["vintage"],
                         **{f"value_{e.lower()}": _value(frame, e) for e in ("CHN", "USA", "EUU", "WLD")}))
    return rows


def _with_ratios(card: pd.DataFrame) -> pd.DataFrame:
    card["ratio_usa"] = [_ratio(c, u) for c, u in zip(card["value_chn"], card["value_usa"])]
    card["ratio_euu"] = [_ratio(c, e) for c, e in zip(card["value_chn"], card["value_euu"])]
    return card


@derived
def standing(keys: tuple[str, ...]) -> pd.DataFrame:
    """Where China stands on headline measures (keys of data/catalog/measures.yaml, in that order): per measure its
    key, indicator_id, source_id, the latest year China, the US and the EU all have, their values, China ÷ US and
    China ÷ EU. The scorecard's dataset rows, for the Overview."""
    chosen = [measure(key) for key in keys]
    rows = _dataset_rows([(m["key"], m["indicator_id"], m["source_id"]) for m in chosen])
    columns = ["key", "indicator_id", "source_id", "year", "unit", "value_chn", "value_usa", "value_euu", "value_wld"]
    card = pd.DataFrame(rows).rename(columns={"chain": "key"}) if rows else pd.DataFrame(columns=columns)
    return _with_ratios(card[columns].copy())


@derived
def scorecard() -> pd.DataFrame:
    """One row per signal: chain, indicator, year, China/US/EU/world values, China's ratio to the US and the EU,
    China's share of the world (where only the world is stated), qualifiers, and the citation (source_id, publisher,
    vintage for datasets; file, line and quote for documents); a document's figures also as it printed them (raw_chn,
    ...). Values are NULL where the data hold none."""
    rows = [dict(row, origin="dataset", entity_chn=None, entity_usa=None, qualifier=None, file_name=None, line_no=None,
                 quote=None, mention_id=None, location=None, raw_chn=None, raw_usa=None, raw_euu=None, raw_wld=None)
            for row in _dataset_rows(DATASET_SIGNALS)]
    for chain, indicator_id in DOCUMENT_SIGNALS:
        frame = document_signal(indicator_id)
        # One row per year a document states: a company figure compares the largest Chinese and US company.
        for year, group in frame.groupby("year", sort=True):
            by_economy = group.sort_values("value", ascending=False).drop_duplicates("economy")
            rows.append(dict(
                chain=chain, indicator_id=indicator_id, origin="document", year=int(year),
                unit=group["unit"].iloc[0],
                entity_chn=_entities(group, "CHN"), entity_usa=_entities(group, "USA"),
                qualifier=" ".join(sorted({q for q in group["qualifier"].dropna()})) or None,
                source_id=group["source_id"].iloc[0], publisher=None, source_title=None, vintage=None,
                file_name=group["file_name"].iloc[0], location=group["location"].iloc[0],
                line_no=" ".join(str(n) for n in sorted(set(group["line_no"]))),
                quote=" | ".join(dict.fromkeys(group["quote"])),
                mention_id=group["mention_id"].iloc[0],  # the first statement: the explorer shows its lines
                **{f"value_{e.lower()}": _value(by_economy, e) for e in ("CHN", "USA", "EUU", "WLD")},
                **{f"raw_{e.lower()}": _value(by_economy, e, "raw") for e in ("CHN", "USA", "EUU", "WLD")}))
    card = _with_ratios(pd.DataFrame(rows))
    card["share_of_world"] = [None if pd.isna(w) or unit == "percent" else _ratio(c, w) * 100
                              for c, w, unit in zip(card["value_chn"], card["value_wld"], card["unit"])]
    names = indicator_names(tuple(card["indicator_id"].unique()))[["indicator_id", "name_en", "name_zh"]]
    card = card.merge(names, on="indicator_id", how="left")
    order = {c: i for i, c in enumerate(CHAINS)}
    return card.sort_values("chain", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def _entities(group: pd.DataFrame, economy: str) -> str | None:
    top = group[group["economy"] == economy]
    if top.empty or top["entity"].isna().all():
        return None
    best = top["value"].max()
    return ", ".join(sorted(top.loc[top["value"] == best, "entity"].dropna().unique()))


def industrial_statements() -> pd.DataFrame:
    """The documents' gaps on chips, operating systems and industrial software (topic column), from chain_gaps."""
    parts = [run("""
        SELECT ? AS topic, g.gap_id, g.doc_id, g.file_name, g.line_no, g.line_end, g.chain, g.industry, g.quote,
               g.summary_en, g.summary_zh
        FROM chain_gaps g WHERE contains(g.quote, ?) ORDER BY g.doc_id, g.line_no""", (topic, word))
        for topic, word in INDUSTRIAL_TEXT_TOPICS.items()]
    return pd.concat(parts, ignore_index=True)


def documents_with_gaps() -> pd.DataFrame:
    """doc_id, file_name, titles and number of gaps of every document that has gaps."""
    return run("""
        SELECT d.doc_id, d.file_name, d.title_zh, d.title_en, count(*) AS gaps
        FROM chain_gaps g JOIN documents d USING (file_name)
        GROUP BY d.doc_id, d.file_name, d.title_zh, d.title_en ORDER BY d.doc_id""")


def gap_counts(doc_ids: tuple[str, ...]) -> pd.DataFrame:
    """Gaps per chain and industry (chain, industry, gaps) in the given documents."""
    return run("""
        SELECT chain, industry, count(*) AS gaps FROM chain_gaps
        WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY chain, industry ORDER BY chain, industry""", (list(doc_ids),))


def gaps(doc_ids: tuple[str, ...], chain: str | None = None, industry: str | None = None) -> pd.DataFrame:
    """The gaps of the given documents, optionally of one chain and one industry, with citation and summaries."""
    return run("""
        SELECT g.gap_id, g.chain, g.industry, g.doc_id, g.file_name, g.line_no, g.line_end, g.section, g.quote,
               g.summary_en, g.summary_zh, d.title_zh, d.title_en
        FROM chain_gaps g JOIN documents d USING (file_name)
        WHERE g.doc_id IN (SELECT unnest(?::VARCHAR[]))
          AND (?::VARCHAR IS NULL OR g.chain = ?) AND (?::VARCHAR IS NULL OR g.industry = ?)
        ORDER BY g.doc_id, g.line_no""", (list(doc_ids), chain, chain, industry, industry))


def measures(doc_ids: tuple[str, ...], chain: str) -> pd.DataFrame:
    """The documents' recommended measures tied to a chain (its main chain or among the chains it names)."""
    return run("""
        SELECT m.measure_id, m.chain, m.chains, m.industry, m.doc_id, m.file_name, m.line_no, m.line_end,
               m.section, m.quote, m.summary_en, m.summary_zh, d.title_zh, d.title_en
        FROM chain_measures m JOIN documents d USING (file_name)
        WHERE m.doc_id IN (SELECT unnest(?::VARCHAR[]))
          AND (m.chain = ? OR list_contains(string_split(coalesce(m.chains, ''), ','), ?))
        ORDER BY (m.chain = ?) DESC, m.doc_id, m.line_no""", (list(doc_ids), chain, chain, chain))
