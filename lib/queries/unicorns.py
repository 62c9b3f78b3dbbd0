"""Named queries of the Unicorns page: company lists, counts by economy, the documents' figures and market values."""
from __future__ import annotations

import pandas as pd

from lib.contract import economy_order
from lib.queries import derived, run

# One row per company and economy it counts for: its own economy, plus EUU for the 27 member states.
# Companies with a blank country belong to no economy (they still count in the list's total).
_TAGGED = """
    tagged AS (
        SELECT u.*, u.economy AS counted_as FROM unicorns u WHERE u.source_id = ? AND u.economy IS NOT NULL
        UNION ALL
        SELECT u.*, 'EUU' AS counted_as FROM unicorns u WHERE u.source_id = ? AND u.eu27
    )"""


def company_lists() -> pd.DataFrame:
    """Every company list in the warehouse with its size, how many companies carry a founding year, and its source."""
    return run("""
        SELECT u.source_id, min(u.snapshot) AS snapshot, count(*) AS companies,
               count(u.year_founded) AS with_founded, count(u.date_joined) AS with_joined,
               any_value(s.title) AS title, any_value(s.publisher) AS publisher, any_value(s.vintage) AS vintage,
               any_value(s.url) AS url, any_value(s.notes_en) AS notes_en, any_value(s.notes_zh) AS notes_zh,
               any_value(s.definition_en) AS definition_en, any_value(s.definition_zh) AS definition_zh
        FROM unicorns u LEFT JOIN sources s USING (source_id)
        GROUP BY u.source_id
        ORDER BY snapshot DESC, u.source_id DESC""")


def counts_by_economy(source_id: str, economies: tuple[str, ...]) -> pd.DataFrame:
    """Companies per economy in one list (COUNT(*) over unicorns) and their share of all companies in the list."""
    return run(f"""
        WITH {_TAGGED},
        total AS (SELECT count(*) AS list_total FROM unicorns WHERE source_id = ?)
        SELECT counted_as AS economy, count(*) AS companies,
               count(*) * 100.0 / any_value(total.list_total) AS share, any_value(total.list_total) AS list_total
        FROM tagged, total
        WHERE counted_as IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY counted_as""", (source_id, source_id, source_id, list(economies)))


def economy_count(source_id: str, economy: str) -> int:
    """Companies of one economy code in one list (e.g. HKG, which the lists count apart from China)."""
    frame = run("SELECT count(*) AS n FROM unicorns WHERE source_id = ? AND economy = ?", (source_id, economy))
    return int(frame["n"].iloc[0])


def companies_without_economy(source_id: str) -> pd.DataFrame:
    """Companies of a list with no economy, and the economies (codes, comma-separated) other lists give a company of
    the same name."""
    return run("""
        SELECT b.company, b.country AS printed_country, b.valuation_usd, b.line_no,
               string_agg(DISTINCT o.economy, ',' ORDER BY o.economy) AS country_elsewhere,
               string_agg(DISTINCT o.source_id, ', ') AS found_in
        FROM unicorns b
        LEFT JOIN unicorns o ON lower(o.company) = lower(b.company) AND o.source_id <> b.source_id
                             AND o.country IS NOT NULL
        WHERE b.source_id = ? AND b.economy IS NULL
        GROUP BY b.company, b.country, b.valuation_usd, b.line_no
        ORDER BY b.line_no""", (source_id,))


def document_unicorn_figures() -> pd.DataFrame:
    """The documents' unicorn counts and shares by economy, each with its file, line and verbatim quote: one
    statement per indicator and economy, the latest (a checked one before a rule's), to set beside a list's
    recount; lib.queries.documents.series gives every statement of every document."""
    return run("""
        SELECT indicator_id, economy, year, period, value, unit, source_id, note_en, note_zh,
               mention_id, file_name, location, line_no, quote, raw, context, doc_id, title_zh, title_en
        FROM cited_figures
        WHERE indicator_id IN ('unicorn_count', 'unicorn_share')
        QUALIFY row_number() OVER (PARTITION BY indicator_id, economy
                                   ORDER BY year DESC NULLS LAST, automatic, file_name, line_no) = 1
        ORDER BY indicator_id, economy, line_no""")


def founding_years(source_id: str, economies: tuple[str, ...]) -> pd.DataFrame:
    """Companies per economy and founding year (only companies whose list gives a founding year)."""
    return run(f"""
        WITH {_TAGGED}
        SELECT counted_as AS economy, year_founded AS year, count(*) AS companies
        FROM tagged
        WHERE year_founded IS NOT NULL AND counted_as IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY counted_as, year_founded
        ORDER BY counted_as, year_founded""", (source_id, source_id, list(economies)))


def founded_since_share(source_id: str, since: int, economies: tuple[str, ...]) -> pd.DataFrame:
    """Per economy: companies with a founding year, how many were founded in `since` or later, and that share."""
    return run(f"""
        WITH {_TAGGED}
        SELECT counted_as AS economy, count(*) AS companies,
               count(*) FILTER (WHERE year_founded >= ?) AS founded_since,
               count(*) FILTER (WHERE year_founded >= ?) * 100.0 / count(*) AS share
        FROM tagged
        WHERE year_founded IS NOT NULL AND counted_as IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY counted_as""", (source_id, source_id, since, since, list(economies)))


@derived
def valuations(source_id: str, economies: tuple[str, ...]) -> pd.DataFrame:
    """Every company's valuation (US$) by economy; companies without a printed valuation are left out."""
    return run(f"""
        WITH {_TAGGED}
        SELECT counted_as AS economy, company, country, economy AS country_code, valuation_usd, line_no
        FROM tagged
        WHERE valuation_usd IS NOT NULL AND counted_as IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY counted_as, valuation_usd DESC""", (source_id, source_id, list(economies)))


@derived
def top_companies(source_id: str, economies: tuple[str, ...], per_economy: int) -> pd.DataFrame:
    """The `per_economy` most valuable companies of each economy; equal valuations are ordered by name."""
    return run(f"""
        WITH {_TAGGED},
        ranked AS (
            SELECT counted_as AS economy, company, country, economy AS country_code, city, industry, valuation_usd,
                   date_joined, year_founded, line_no,
                   row_number() OVER (PARTITION BY counted_as ORDER BY valuation_usd DESC NULLS LAST, company) AS rank
            FROM tagged WHERE counted_as IN (SELECT unnest(?::VARCHAR[]))
        )
        SELECT * FROM ranked WHERE rank <= ? ORDER BY economy, rank, company""",
               (source_id, source_id, list(economies), per_economy))


def search_companies(source_id: str, text: str, limit: int, economies: tuple[str, ...] = ()) -> pd.DataFrame:
    """Companies of a list whose name, country, city or industry contains `text` (plain text: no wildcards), or whose
    economy is one of `economies` (the codes of a country name the text is, in either language).

    `contains` matches the literal string, so `%`, `_` and quotes in user input mean themselves; the text is a
    bound parameter and never becomes SQL. Ordered by valuation, at most `limit` rows."""
    return run("""
        SELECT company, country, economy AS country_code, city, industry, valuation_usd, date_joined, year_founded,
               company_link, line_no, count(*) OVER () AS matches
        FROM unicorns
        WHERE source_id = ?
          AND (? = '' OR contains(lower(concat_ws(' ', company, country, city, industry)), lower(?))
               OR economy IN (SELECT unnest(?::VARCHAR[])))
        ORDER BY valuation_usd DESC NULLS LAST, company
        LIMIT ?""", (source_id, text, text, list(economies), limit))


@derived
def listed_economies() -> tuple[str, ...]:
    """The economy codes of every company list."""
    frame = run("SELECT DISTINCT economy FROM unicorns WHERE economy IS NOT NULL ORDER BY economy")
    return tuple(frame["economy"])


def market_values() -> pd.DataFrame:
    """The documents' market values of leading companies (entity = company id), with file, line and quote."""
    return run("""
        SELECT entity, economy, year, period, value, unit, qualifier, note_en, note_zh,
               source_id, mention_id, file_name, location, line_no, quote, raw, context, doc_id, title_zh, title_en
        FROM cited_figures
        WHERE indicator_id = 'market_cap' AND entity IS NOT NULL
        ORDER BY year, value DESC, entity""")


def document_lines_about(subject: str, any_of: tuple[str, ...]) -> pd.DataFrame:
    """Lines of the documents that contain `subject` and at least one of `any_of`, with file, line and text."""
    return run("""
        SELECT l.file_name, l.line_no, l.text, d.doc_id, d.title_zh, d.title_en
        FROM document_lines l JOIN documents d USING (file_name)
        WHERE contains(l.text, ?) AND list_bool_or([contains(l.text, w) FOR w IN ?::VARCHAR[]])
        ORDER BY l.file_name, l.line_no""", (subject, list(any_of)))


def reconciliation(source_id: str) -> pd.DataFrame:
    """Why a list's recount differs from the documents' unicorn counts, one row per economy the documents count:
    economy, doc (stated), data (counted in the list), diff, and the reason found:
      match     the same number;
      blank     China short of the document by no more than the list's companies with a blank country (some of
                which are Chinese): the blanks can explain the difference;
      eu_no_irl the EU: the 27 members' count without Ireland equals the document's (maybe a coincidence);
      eu        the EU, otherwise (the document does not say what it counts as the EU);
      differs   any other difference.
    Also blank (companies without economy in the list) and irl (Irish companies) on every row."""
    stated = document_unicorn_figures().query("indicator_id == 'unicorn_count'").set_index("economy")
    counted = counts_by_economy(source_id, tuple(economy_order([*stated.index, "IRL"]))).set_index("economy")
    blank = len(companies_without_economy(source_id))
    irl = int(counted.loc["IRL", "companies"]) if "IRL" in counted.index else 0
    rows = []
    for code in economy_order(stated.index):
        doc = int(stated.loc[code, "value"])
        data = int(counted.loc[code, "companies"]) if code in counted.index else 0
        if doc == data:
            reason = "match"
        elif code == "CHN" and data < doc <= data + blank:
            reason = "blank"
        elif code == "EUU":
            reason = "eu_no_irl" if data - irl == doc else "eu"
        else:
            reason = "differs"
        rows.append({"economy": code, "doc": doc, "data": data, "diff": abs(doc - data), "reason": reason,
                     "blank": blank, "irl": irl})
    return pd.DataFrame(rows, columns=["economy", "doc", "data", "diff", "reason", "blank", "irl"])
