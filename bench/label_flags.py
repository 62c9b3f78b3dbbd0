"""Does the extractor say when it is unsure? `python -m bench.label_flags seeds fresh4 ...` splits the labelled
figures it found into those it gives a year (a subject) without a flag and those it flags (the extractor's YEAR_FLAGS
and SUBJECT_FLAGS, lib/warehouse/extract/__init__.py), and prints the agreement with the hand
labels in each part. A reader quoting an unflagged figure relies on the first number; the second says how often a
wrong year or subject at least carries a warning. Totals only, so it may run on a clean split."""
from __future__ import annotations

import sys

from lib.warehouse.extract import SUBJECT_FLAGS, YEAR_FLAGS
from tests.warehouse.test_extract_labels import SPLITS, _same_subject, _same_year, paired

FLAGS = {"year": set(YEAR_FLAGS), "subject": set(SUBJECT_FLAGS)}


def tally(split: str) -> dict[str, dict[str, list[int]]]:
    """measure -> {"plain": [right, n], "flagged": [right, n]} over the labelled figures found in `split`."""
    out = {k: {"plain": [0, 0], "flagged": [0, 0]} for k in FLAGS}
    for m, label in paired(split):
        right = {"year": _same_year(m, label), "subject": _same_subject(m, label["entity"])}
        for measure, flags in FLAGS.items():
            part = out[measure]["flagged" if flags & set(m.flags) else "plain"]
            part[0] += right[measure]
            part[1] += 1
    return out


def _share(right: int, n: int) -> str:
    return f"{right / n:6.1%} of {n:3}" if n else f"{'-':>6}       "


def main(splits: list[str]) -> None:
    print(f"{'split':<10}{'year, no flag':>18}{'year, flagged':>18}{'subject, no flag':>20}{'subject, flagged':>20}"
          f"{'wrong years flagged':>22}{'wrong subjects flagged':>25}{'right subjects flagged':>25}")
    for split in splits:
        t = tally(split)
        cells = []
        for measure in FLAGS:
            cells += [_share(*t[measure]["plain"]), _share(*t[measure]["flagged"])]
        wrong = []
        for measure in FLAGS:
            (pr, pn), (fr, fn) = t[measure]["plain"], t[measure]["flagged"]
            wrong.append(_share(fn - fr, (pn - pr) + (fn - fr)))
        # The cost of a flag: how many right subjects carry one (a reader told to check what was right).
        (pr, pn), (fr, fn) = t["subject"]["plain"], t["subject"]["flagged"]
        right = _share(fr, pr + fr)
        print(f"{split:<10}{cells[0]:>18}{cells[1]:>18}{cells[2]:>20}{cells[3]:>20}{wrong[0]:>22}{wrong[1]:>25}{right:>25}")


if __name__ == "__main__":
    main(sys.argv[1:] or list(SPLITS))
