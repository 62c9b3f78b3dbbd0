"""The warehouse contract, shared by build time (lib/warehouse) and screen time (lib/queries, lib/ui): schema
version, view names and every vocabulary, each defined once here. Dataset vintages are read from the catalog."""
from __future__ import annotations

from functools import lru_cache

import yaml

from lib.paths import CATALOG_DIR

# Bumped whenever a table or column the pages rely on changes; the app refuses an older file.
SCHEMA_VERSION = 3

# Views outside checks read (docs/DESIGN.md); the build writes more, and the app checks every one it wrote.
REQUIRED_VIEWS = ("documents", "mentions", "indicators", "observations", "sources", "chain_gaps", "conflicts")

# Economies in house order (selectors, legends, tables): China, the US and the EU first, then the others.
ECONOMIES = ("CHN", "USA", "EUU", "JPN", "KOR", "DEU", "GBR", "IND", "IRL", "FRA", "WLD")
# Regions and groupings Chinese texts state figures for (欧洲, 东盟, 一带一路沿线国家): subjects, like the world (WLD)
# and the EU (EUU), written as codes and named in data/i18n (economy.CODE). They have no ISO 3166 code and their
# extent differs from the World Bank's aggregates (欧洲 is not Europe & Central Asia, ECS), so they take codes from
# ISO 3166's user-assigned range (X..), which no country will ever be given.
REGIONS = ("XEU", "XAS", "XEA", "XSE", "XNA", "XLA", "XAF", "XME", "XAN", "XBR", "XOE", "XAM", "XSA", "XOC")
MAIN_ECONOMIES = ECONOMIES[:3]
COMPARED = ("USA", "EUU")  # what China is compared with
WORLD = "WLD"

CHAINS = ("innovation", "industrial", "capital", "talent", "cross-chain")
FOUR_CHAINS = CHAINS[:4]
ALL_INDUSTRIES = "all strategic emerging industries"
INDUSTRIES = ("new-generation IT", "biotech", "high-end equipment", "new materials", "new energy",
              "energy-saving & environmental", "NEV & intelligent vehicles", "emerging services", ALL_INDUSTRIES)

MONEY_UNITS = ("CNY", "USD", "GBP", "EUR")
SI_UNITS = ("W", "m", "byte", "bit/s", "FLOPS")
# Units documents print that no chart uses yet (ISO 4217 currencies of Chinese-writing economies; multiples; tonnes
# and watt-hours; `other` for a number whose unit the text does not name): the extractor reads them.
DOCUMENT_CURRENCIES = ("JPY", "HKD", "TWD", "MYR", "SGD", "MOP", "KRW")
DOCUMENT_UNITS = (*DOCUMENT_CURRENCIES, "times", "t", "Wh", "other")
UNITS = (*MONEY_UNITS, "percent", "count", "rank", *SI_UNITS, *DOCUMENT_UNITS)


def economy_order(codes) -> list[str]:
    """Codes in house order: CHN, USA, EUU, then the others as in ECONOMIES, then REGIONS, then unknown ones."""
    rank = {code: i for i, code in enumerate(ECONOMIES + REGIONS)}
    return sorted(dict.fromkeys(codes), key=lambda c: (rank.get(c, len(rank)), str(c)))


@lru_cache(maxsize=1)
def _measures() -> dict:
    with open(CATALOG_DIR / "measures.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def measure(key: str) -> dict:
    """One headline measure of data/catalog/measures.yaml: its indicator_id, source_id and chain, the single
    definition every page and the scorecard use."""
    return next(m for m in _measures()["measures"] if m["key"] == key)


def measures() -> list[dict]:
    return list(_measures()["measures"])


def source(role: str) -> str:
    """The dataset vintage (source_id) that plays a role, e.g. 'wdi' -> 'wdi_2026_07' (data/catalog/measures.yaml)."""
    return _measures()["sources"][role]
