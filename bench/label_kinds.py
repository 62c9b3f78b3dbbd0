"""What kind of mistake are the wrong years and subjects? `python -m bench.label_kinds fresh9 fresh10 ...` counts, over
the labelled figures the extractor found and got wrong, the kind of the label against the kind of the extractor's
answer: for subjects economy / world / region / group / company / none (an economy for another economy counts as
economy -> economy), for years none / one year / a span and, between two single years, earlier or later. Totals
only, no text and no row, so it may run on a clean split: it says which kind of rule a new text needs without showing
the text."""
from __future__ import annotations

import re
import sys
from collections import Counter

from tests.warehouse.test_extract_labels import SPLITS, _same_subject, _same_year, paired


def subject_kind(entity: str | None) -> str:
    if not entity:
        return "none"
    if "+" in entity:
        return "group"
    if entity == "WLD":
        return "world"
    if entity == "EUU" or re.fullmatch(r"X[A-Z]{2}", entity):
        return "region"
    return "economy" if re.fullmatch(r"[A-Z]{3}", entity) else "company"


def year_kind(year: str | None) -> str:
    if not year:
        return "none"
    return "span" if "-" in str(year) else "year"


def _year_miss(got: str | None, want: str | None) -> str:
    g, w = year_kind(got), year_kind(want)
    if g == w == "year":
        return "year -> earlier year" if int(str(got)) < int(str(want)) else "year -> later year"
    return f"{w} -> {g}"


def tally(split: str) -> tuple[Counter, Counter, int]:
    years, subjects, found = Counter(), Counter(), 0
    for m, label in paired(split):
        found += 1
        if not _same_year(m, label):
            years[_year_miss(m.year, label["year"])] += 1
        if not _same_subject(m, label["entity"]):
            subjects[f"{subject_kind(label['entity'])} -> {subject_kind(m.entity)}"] += 1
    return years, subjects, found


def main(splits: list[str]) -> None:
    for split in splits:
        years, subjects, found = tally(split)
        print(f"== {split}: {found} labelled figures found; {sum(years.values())} wrong years, "
              f"{sum(subjects.values())} wrong subjects (label kind -> extractor's kind)")
        for title, counts in (("year", years), ("subject", subjects)):
            print(f"  {title}: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))


if __name__ == "__main__":
    main(sys.argv[1:] or list(SPLITS))
