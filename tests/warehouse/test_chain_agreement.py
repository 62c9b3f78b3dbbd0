"""Agreement of the warehouse's chain_gaps for document 004 with the independent hand classification (`pytest -s`)."""
from __future__ import annotations

import csv

import duckdb
import pytest

from lib.paths import ROOT, warehouse_path

HAND_LABELS = ROOT / "tests" / "labels" / "chain_gaps_004_hand.csv"


def gaps_of_004() -> list[tuple]:
    con = duckdb.connect(str(warehouse_path()), read_only=True)
    try:
        return con.execute("""SELECT line_no, line_end, chain, industry, quote FROM chain_gaps
                              WHERE doc_id = '004' ORDER BY line_no""").fetchall()
    finally:
        con.close()


def matched_pairs() -> tuple[list[dict], list[tuple[dict, tuple | None]]]:
    """Hand labels and, for each, the chain_gaps row of 004 covering its line whose quote starts with (or, for a
    clause inside a longer gap, contains) the label's quote prefix; None when no gap matches."""
    with open(HAND_LABELS, encoding="utf-8", newline="") as f:
        labels = list(csv.DictReader(f))
    gaps = gaps_of_004()
    pairs = []
    for label in labels:
        line, prefix = int(label["line_no"]), label["quote_start"].strip()
        covering = [g for g in gaps if g[0] <= line <= g[1] and prefix in g[4]]
        starting = [g for g in covering if g[4].startswith(prefix)]
        pairs.append((label, (starting or covering or [None])[0]))
    return labels, pairs


def test_chain_gaps_of_004_agree_with_the_hand_classification():
    if not HAND_LABELS.exists():
        pytest.skip("tests/labels/chain_gaps_004_hand.csv is not there yet (another helper writes it)")
    labels, pairs = matched_pairs()
    found = [(label, gap) for label, gap in pairs if gap is not None]
    missing = [label for label, gap in pairs if gap is None]
    same_chain = [p for p in found if p[1][2] == p[0]["chain"].strip()]
    same_industry = [p for p in found if p[1][3] == p[0]["industry"].strip()]
    chain_rate = len(same_chain) / len(found) if found else 0.0
    industry_rate = len(same_industry) / len(found) if found else 0.0
    print(f"\n004 hand labels: {len(labels)}; matched to a gap: {len(found)}; not found: {len(missing)}")
    print(f"chain agreement {len(same_chain)}/{len(found)} = {chain_rate:.2f}; "
          f"industry agreement {len(same_industry)}/{len(found)} = {industry_rate:.2f}")
    for label, gap in found:
        chain_ok, industry_ok = gap[2] == label["chain"].strip(), gap[3] == label["industry"].strip()
        if not (chain_ok and industry_ok):
            print(f"  line {label['line_no']} {label['quote_start']}: hand {label['chain']}/{label['industry']}, "
                  f"warehouse {gap[2]}/{gap[3]}")
    for label in missing:
        print(f"  line {label['line_no']} {label['quote_start']}: hand {label['chain']}/{label['industry']}, "
              "no gap in the warehouse")
    assert len(found) >= 0.9 * len(labels), "too few hand-labelled gaps are found at all"
    assert chain_rate >= 0.9
    assert industry_rate >= 0.9


def test_chain_gaps_of_004_are_clauses_the_hand_labeller_called_gaps():
    """Precision: a 004 gap in the labelled sections (lines 683-953) that matches no hand label is a false positive
    (the labeller left out neutral clauses such as counts of innovation centres, tests/labels/README.md)."""
    _, pairs = matched_pairs()
    gaps = [g for g in gaps_of_004() if 683 <= g[0] <= 953]
    extra = [f"{g[0]}: {g[4][:20]}" for g in gaps if not any(g[0] == m[0] and g[4] == m[4] for _, m in pairs if m)]
    print(f"\n004 gaps in the labelled sections: {len(gaps)}; not a hand-labelled gap: {len(extra)} {extra}")
    assert gaps and len(extra) <= 0.1 * len(gaps), extra
