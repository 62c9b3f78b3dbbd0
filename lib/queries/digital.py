"""Named queries of the Digital services exports page: three public definitions, and document 003's claims to test."""
from __future__ import annotations

import re

import pandas as pd

from lib.contract import measure
from lib.queries import derived, run

# The page's definition selector: key -> (exports indicator, share-of-world indicator) in data/catalog/external.yaml.
# WDI's narrow ICT series comes first because it is the one whose 2022 ranking matches the paper's top six.
DEFINITIONS = {
    "wdi": ("ict_exports_wdi", "ict_share_wdi"),
    "unctad": ("dds_exports_unctad", "dds_share_unctad"),
    "wto": ("dds_exports_wto", "dds_share_wto"),
}
# The headline definition (data/catalog/measures.yaml), the page's default as on the Overview and the scorecard.
DEFAULT = next(key for key, (_, share) in DEFINITIONS.items() if share == measure("digital_share")["indicator_id"])
# The documents' own statements (data/catalog/document_indicators.yaml).
CLAIM_SHARE = "dds_share"
CLAIM_RANK = "dds_rank"
# 003 line 97 lists the 2022 top six in order (the extractor flags each listed name order_rank) and, in another
# sentence of the same line, says Ireland "实现出口额对印度的反超" (overtook India in exports).
LISTED_FLAG = "order_rank"
OVERTAKE_WORD = "反超"
OVERTAKE = ("IRL", "IND")  # who overtook whom, as that sentence names them
AGGREGATES = ("EUU", "WLD")  # never ranked against countries
_PERIOD = re.compile(r"((?:19|20)\d{2})\D+((?:19|20)\d{2})")
# The build's note on an EU summed from fewer than 27 members: "... (missing: ESP), so understated".
_MISSING = re.compile(r"missing: ([A-Z]{3}(?:, [A-Z]{3})*)")


def missing_members(notes: pd.Series) -> list[str]:
    """The member states an EU sum lacks, from each row's English note ("ESP", "MLT", or "" when complete)."""
    return [found.group(1) if isinstance(n, str) and (found := _MISSING.search(n)) else "" for n in notes]


def _indicators(position: int) -> list[str]:
    return [pair[position] for pair in DEFINITIONS.values()]


def _key_of(indicator_id: str) -> str:
    return next(key for key, pair in DEFINITIONS.items() if indicator_id in pair)


@derived
def definitions() -> pd.DataFrame:
    """One row per definition key: its indicators, names, unit, definition, source (publisher, vintage, licence,
    location, notes) and whether its EU value is a sum of member states computed at build time."""
    frame = run("""
        SELECT x.indicator_id AS exports_id, s.indicator_id AS share_id,
               x.name_en AS exports_name_en, x.name_zh AS exports_name_zh,
               s.name_en AS share_name_en, s.name_zh AS share_name_zh,
               x.definition_en, x.definition_zh, src.source_id, src.title, src.publisher, src.vintage, src.licence,
               src.title_zh, src.publisher_zh, src.vintage_zh, src.licence_zh,
               src.location, src.url, src.notes_en, src.notes_zh,
               -- only an EU summed from members carries a note on the exports series itself (external.yaml)
               EXISTS (SELECT 1 FROM observations e WHERE e.indicator_id = x.indicator_id AND e.economy = 'EUU'
                       AND e.mention_id IS NULL AND e.note_en IS NOT NULL) AS eu_is_sum
        FROM indicators x
        JOIN sources src ON src.source_id = (SELECT any_value(source_id) FROM observations o
                                             WHERE o.indicator_id = x.indicator_id AND o.mention_id IS NULL)
        JOIN indicators s ON s.indicator_id = ?[list_position(?, x.indicator_id)]
        WHERE x.indicator_id IN (SELECT unnest(?::VARCHAR[]))""", (_indicators(1), _indicators(0), _indicators(0)))
    frame.insert(0, "definition", [_key_of(i) for i in frame["exports_id"]])
    order = list(DEFINITIONS)
    return frame.sort_values("definition", key=lambda keys: keys.map(order.index)).reset_index(drop=True)


def year_span() -> tuple[int, int]:
    """First and last year any definition has a share of world exports (bounds of the year selector)."""
    frame = run("""SELECT min(year) AS lo, max(year) AS hi FROM observations
                   WHERE indicator_id IN (SELECT unnest(?::VARCHAR[])) AND mention_id IS NULL""", (_indicators(1),))
    return int(frame["lo"].iloc[0]), int(frame["hi"].iloc[0])


def shares(definition: str, economies: tuple[str, ...], year_from: int, year_to: int) -> pd.DataFrame:
    """Share of world exports (percent) per economy and year under one definition, with the exports and the world
    total it divides: economy, year, value, unit, exports_usd, world_usd, source_id, note_en, note_zh."""
    exports_id, share_id = DEFINITIONS[definition]
    return run("""
        SELECT s.economy, s.year, s.value, s.unit, x.value AS exports_usd, w.value AS world_usd, s.source_id,
               s.note_en, s.note_zh
        FROM observations s
        LEFT JOIN observations x ON x.indicator_id = ? AND x.economy = s.economy AND x.year = s.year
                                AND x.mention_id IS NULL
        LEFT JOIN observations w ON w.indicator_id = ? AND w.economy = 'WLD' AND w.year = s.year
                                AND w.mention_id IS NULL
        WHERE s.indicator_id = ? AND s.mention_id IS NULL AND s.economy IN (SELECT unnest(?::VARCHAR[]))
          AND s.year BETWEEN ? AND ?
        ORDER BY s.economy, s.year""", (exports_id, exports_id, share_id, list(economies), year_from, year_to))


def exports(definition: str, economies: tuple[str, ...], year_from: int, year_to: int) -> pd.DataFrame:
    """Exports in current US$ per economy and year under one definition: economy, year, value, unit, source_id,
    note_en, note_zh (the note says when the EU is a sum of members, and which members are missing)."""
    return run("""
        SELECT economy, year, value, unit, source_id, note_en, note_zh FROM observations
        WHERE indicator_id = ? AND mention_id IS NULL AND economy IN (SELECT unnest(?::VARCHAR[]))
          AND year BETWEEN ? AND ?
        ORDER BY economy, year""", (DEFINITIONS[definition][0], list(economies), year_from, year_to))


@derived
def share_across_definitions(economy: str, year_from: int, year_to: int) -> pd.DataFrame:
    """One economy's share of world exports under every definition: definition, economy, year, value, unit,
    exports_usd, world_usd, source_id."""
    frames = [shares(key, (economy,), year_from, year_to).assign(definition=key) for key in DEFINITIONS]
    frame = pd.concat(frames, ignore_index=True)
    return frame[["definition", "economy", "year", "value", "unit", "exports_usd", "world_usd", "source_id"]]


def _cited(sql_filter: str, params: tuple) -> pd.DataFrame:
    return run(f"""
        SELECT o.indicator_id, o.economy, o.year, o.period, o.value, o.value_high, o.unit, o.source_id, o.mention_id,
               o.note_en, o.note_zh, o.doc_id, o.file_name, o.location, o.line_no, o.quote, o.raw, o.context, o.title_zh, o.title_en
        FROM cited_figures o
        WHERE {sql_filter}
        ORDER BY o.year, o.value, o.mention_id""", params)


def claimed_share() -> pd.DataFrame:
    """The documents' statements of a share of world digital services exports (003 line 97: China 8%~9% since
    2018), with quote and line, plus the period they cover as first_year/last_year."""
    frame = _cited("o.indicator_id = ?", (CLAIM_SHARE,))
    spans = [_PERIOD.search(str(p or "")) for p in frame["period"]]
    frame["first_year"] = [int(s.group(1)) if s else int(y) for s, y in zip(spans, frame["year"])]
    frame["last_year"] = [int(s.group(2)) if s else int(y) for s, y in zip(spans, frame["year"])]
    return frame


def claimed_top() -> pd.DataFrame:
    """The documents' ordered list of leading exporters (003 line 97: the 2022 top six): economy, year, value (the
    position in the list), file, line, quote."""
    return _cited("o.indicator_id = ? AND o.mention_id IN (SELECT mention_id FROM mentions "
                  "WHERE list_contains(string_split(coalesce(flags, ''), ','), ?))",
                  (CLAIM_RANK, LISTED_FLAG))


def claimed_overtake() -> pd.DataFrame:
    """The documents' statement that Ireland overtook India (003 line 97: in 2018): economy, year, file, line,
    quote and the sentence."""
    return _cited("o.indicator_id = ? AND o.context LIKE ?", (CLAIM_RANK, f"%{OVERTAKE_WORD}%"))


@derived
def ranking(year: int) -> pd.DataFrame:
    """Countries (not the EU or world) ranked by exports in `year` under each definition: definition, rank, economy,
    value (US$), share (percent of world). Only the economies the datasets carry can be ranked."""
    frame = run("""
        SELECT x.indicator_id, x.economy, x.value, s.value AS share,
               rank() OVER (PARTITION BY x.indicator_id ORDER BY x.value DESC) AS rank
        FROM observations x
        LEFT JOIN observations s ON s.indicator_id = ?[list_position(?, x.indicator_id)] AND s.economy = x.economy
                                AND s.year = x.year AND s.mention_id IS NULL
        WHERE x.indicator_id IN (SELECT unnest(?::VARCHAR[])) AND x.mention_id IS NULL AND x.year = ?
          AND x.economy NOT IN (SELECT unnest(?::VARCHAR[]))""",
                (_indicators(1), _indicators(0), _indicators(0), year, list(AGGREGATES)))
    frame.insert(0, "definition", [_key_of(i) for i in frame["indicator_id"]])
    order = list(DEFINITIONS)
    frame = frame.sort_values(["definition", "rank"], key=lambda c: c.map(order.index) if c.name == "definition" else c)
    return frame.drop(columns="indicator_id").reset_index(drop=True)


@derived
def overtaking(leader: str, follower: str) -> pd.DataFrame:
    """Under each definition, the year from which `leader`'s exports stay above `follower`'s to the end of the
    data (NULL if never), with both values that year: definition, year, leader_usd, follower_usd, last_year."""
    frame = run("""
        WITH pairs AS (
            SELECT a.indicator_id, a.year, a.value AS leader_usd, b.value AS follower_usd
            FROM observations a
            JOIN observations b ON b.indicator_id = a.indicator_id AND b.year = a.year AND b.economy = ?
                               AND b.mention_id IS NULL
            WHERE a.indicator_id IN (SELECT unnest(?::VARCHAR[])) AND a.economy = ? AND a.mention_id IS NULL),
        behind AS (SELECT indicator_id, max(year) AS last_behind FROM pairs WHERE leader_usd <= follower_usd
                   GROUP BY indicator_id),
        ends AS (SELECT indicator_id, max(year) AS last_year, min(year) AS first_year FROM pairs
                 GROUP BY indicator_id)
        SELECT e.indicator_id, p.year, p.leader_usd, p.follower_usd, e.first_year, e.last_year
        FROM ends e
        LEFT JOIN behind b USING (indicator_id)
        LEFT JOIN pairs p ON p.indicator_id = e.indicator_id
                         AND p.year = CASE WHEN b.last_behind IS NULL THEN e.first_year ELSE b.last_behind + 1 END""",
                (follower, _indicators(0), leader))
    frame.insert(0, "definition", [_key_of(i) for i in frame["indicator_id"]])
    order = list(DEFINITIONS)
    frame = frame.sort_values("definition", key=lambda keys: keys.map(order.index))
    return frame.drop(columns="indicator_id").reset_index(drop=True)


def ranking_against(claimed: pd.DataFrame, ranked: pd.DataFrame) -> pd.DataFrame:
    """The claimed ordered list (from claimed_top(), definition "claim") and each definition's ranking (from
    ranking()) in one long table: definition, rank, economy, share, status. status is "same" for a claimed country at
    its claimed position, "inside" for a claimed country elsewhere, "" otherwise (and on the claim's own rows)."""
    position = dict(zip(claimed["economy"], claimed["value"].astype(int)))
    listed = pd.DataFrame({"definition": "claim", "rank": list(position.values()), "economy": list(position),
                           "share": None, "status": ""})
    status = ["same" if position.get(e) == r else "inside" if e in position else ""
              for e, r in zip(ranked["economy"], ranked["rank"])]
    measured = ranked[["definition", "rank", "economy", "share"]].assign(status=status)
    return pd.concat([listed, measured], ignore_index=True)


def ranking_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per definition of a ranking_against() table: its leader, n (length of the claimed list), same (claimed
    countries at the claimed position) and inside (claimed countries anywhere within the top n)."""
    n = int((table["definition"] == "claim").sum())
    rows = []
    for key, group in table[table["definition"] != "claim"].groupby("definition", sort=False):
        top = group[group["rank"] <= n]
        rows.append({"definition": key, "leader": group.sort_values("rank")["economy"].iloc[0], "n": n,
                     "same": int((top["status"] == "same").sum()), "inside": int(top["status"].ne("").sum())})
    return pd.DataFrame(rows, columns=["definition", "leader", "n", "same", "inside"])
