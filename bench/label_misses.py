"""The rows where the extractor disagrees with the hand labels on one measure, split by split, with the line they are
on: `python -m bench.label_misses year dev dev2 heldout` (measures: value, unit, year, subject; `digits` and `words`
list the labelled rows of that form that no mention was paired with, `extra` the mentions paired with no label, for
precision; splits as in tests/warehouse/test_extract_labels.py, `seeds` included).

For sorting misses into causes before writing rules. Only the splits whose rows have been read may print rows
(READ); any other split (a clean one such as fresh4, kept for a final measurement) prints its totals only, and a split
opened for number forms only (NUMBER_READ_SPLITS) prints rows for value, unit, digits, words and extra."""
from __future__ import annotations

import re
import sys

from lib.warehouse.extract import extract_document
from tests.warehouse.test_extract_labels import NUMBER_READ_SPLITS, READ_SPLITS, _form, score, seed_samples, \
    unseen_samples

READ = ("seeds", *READ_SPLITS)
NUMBER_MEASURES = ("value", "unit", "digits", "words", "extra")  # how a number is read, not whose or when
MEASURES = ("value", "unit", "year", "subject", "digits", "words", "extra")
_WRONG = re.compile(r"^(?P<line>\d+): (?P<raw>.+?) (?P<key>value|unit|year|subject) (?P<got>.+) != (?P<want>.+)$")


def misses(split: str, measure: str) -> tuple[list[dict], int, int]:
    """(rows that disagree on `measure`, labels found, labels) for one split."""
    samples = seed_samples() if split == "seeds" else unseen_samples(split)
    rows, found, total = [], 0, 0
    for name, (path, date, title, labels) in samples.items():
        counts = score(labels, extract_document(path, name[:3], date=date, title=title))
        found += counts["found_digits"] + counts["found_words"]
        total += counts["n_digits"] + counts["n_words"]
        lines = path.read_text(encoding="utf-8").split("\n")
        if measure in ("digits", "words", "extra"):
            forms = {f"{lab['line_no']}: {lab['raw']}": _form(lab) for lab in labels}
            for miss in (counts["extra"] if measure == "extra" else
                         [x for x in counts["missed"] if forms.get(x) == measure]):
                line, what = miss.split(": ", 1)
                rows.append({"text": name, "line": int(line), "raw": what, "got": "-" if measure != "extra" else what,
                             "want": "-", "quote": lines[int(line) - 1]})
            continue
        for wrong in counts["wrong"]:
            m = _WRONG.match(wrong)
            if m and m["key"] == measure:
                rows.append({"text": name, "line": int(m["line"]), "raw": m["raw"], "got": m["got"],
                             "want": m["want"], "quote": lines[int(m["line"]) - 1]})
    return rows, found, total


def main(measure: str, splits: list[str]) -> None:
    if measure not in MEASURES:
        raise SystemExit(f"measure {measure!r}: use one of {', '.join(MEASURES)}")
    for split in splits:
        rows, found, total = misses(split, measure)
        print(f"== {split}: {len(rows)} {measure} misses among {found} labels found ({total} labelled)")
        if split not in READ and not (split in NUMBER_READ_SPLITS and measure in NUMBER_MEASURES):
            continue  # a clean split (or its years and subjects): totals only, its rows stay unread
        per_text: dict[str, int] = {}
        for row in rows:
            per_text[row["text"]] = per_text.get(row["text"], 0) + 1
            print(f"{row['text']}:{row['line']} {row['raw']}  got {row['got']}  label {row['want']}")
            print(f"    {row['quote'][:160]}")
        for text, n in sorted(per_text.items(), key=lambda kv: -kv[1]):
            print(f"   {n:3} {text}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2:])
