"""The extractor measured against hand-labelled samples (tests/labels/, made by reading, not from program output).

Prints recall and value/unit accuracy per document (`pytest -s` shows them) and fails below the bars.
"""
from __future__ import annotations

import csv

import pytest

from lib.warehouse.extract import COMPANY_WORDS, extract_document
from lib.paths import ROOT, SEEDS_DIR

LABELS = ROOT / "tests" / "labels"


def read_labels(name: str) -> list[dict]:
    with open(LABELS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def mentions_of(file_name: str):
    return extract_document(SEEDS_DIR / file_name, file_name[:3])


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score(file_label: str) -> dict:
    labels = read_labels(file_label)
    mentions = mentions_of(labels[0]["file_name"])
    used: set[int] = set()
    found = right_value = right_unit = right_year = right_entity = 0
    missed = []
    for label in labels:
        line = int(label["line_no"])
        value = float(label["value"])
        candidates = [i for i, m in enumerate(mentions) if m.line_no == line and i not in used
                      and (close(m.value, value) or label["raw"].replace(" ", "") in m.raw.replace(" ", ""))]
        if not candidates:
            missed.append(f"{line}: {label['raw']}")
            continue
        best = min(candidates, key=lambda i: (not close(mentions[i].value, value), i))
        used.add(best)
        m = mentions[best]
        found += 1
        right_value += close(m.value, value) and (
            not label["value_high"] or (m.value_high is not None and close(m.value_high, float(label["value_high"]))))
        right_unit += m.unit == label["unit"]
        right_year += (m.year or "") == label["year"] or (not label["year"] and "context year" in label["note"])
        company = {code: word for word, code in COMPANY_WORDS}.get(m.entity or "", "\0")
        right_entity += (m.entity or "") == label["entity"] or not label["entity"] or company in label["entity"]
    n = len(labels)
    return {"n": n, "recall": found / n, "value_accuracy": right_value / max(found, 1),
            "unit_accuracy": right_unit / max(found, 1), "year_accuracy": right_year / max(found, 1),
            "entity_accuracy": right_entity / max(found, 1), "missed": missed}


@pytest.mark.parametrize("label_file", ["numbers_001.csv", "numbers_003.csv"])
def test_recall_and_value_accuracy(label_file):
    result = score(label_file)
    print(f"\n{label_file}: n={result['n']} recall={result['recall']:.3f} value={result['value_accuracy']:.3f} "
          f"unit={result['unit_accuracy']:.3f} year={result['year_accuracy']:.3f} "
          f"entity={result['entity_accuracy']:.3f}; missed: {result['missed']}")
    assert result["recall"] >= 0.9, result["missed"]
    assert result["value_accuracy"] >= 0.95
    assert result["unit_accuracy"] >= 0.95


def test_negatives_are_not_reported():
    negatives = read_labels("negatives.csv")
    by_file: dict[str, list] = {}
    false_positives = []
    for row in negatives:
        mentions = by_file.setdefault(row["file_name"], mentions_of(row["file_name"]))
        raw = row["raw"].strip()
        if any(m.line_no == int(row["line_no"]) and raw and raw in m.raw and m.quote.strip() == raw.strip()
               for m in mentions):
            false_positives.append(f"{row['file_name'][:3]}:{row['line_no']} {raw} ({row['why']})")
    rate = len(false_positives) / len(negatives)
    print(f"\nnegatives: n={len(negatives)} reported as indicators={len(false_positives)} ({rate:.1%}): "
          f"{false_positives}")
    assert rate <= 0.05, false_positives
