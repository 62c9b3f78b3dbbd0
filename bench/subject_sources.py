"""How reliable is each way the extractor finds a subject? `python -m bench.subject_sources seeds dev ...` groups the
labelled figures found in each split by how their subject was found (Mention.subject_source: named in the figure's
own clause, in an earlier clause of its sentence, carried from an earlier sentence as the paragraph's topic, paired in
order by 分别/依次, the pair named last, the reporter of a partner breakdown, the writer's home economy, or named by
the figure's own words) and prints, per source, the share whose subject agrees with the hand label, and how many of
those carry a subject flag. Totals only, so it may run on a clean split."""
from __future__ import annotations

import sys

from bench.label_flags import FLAGS
from tests.warehouse.test_extract_labels import SPLITS, _same_subject, paired

SOURCES = ("number", "clause", "list", "pair", "reporter", "sentence", "topic", "home")


def tally(split: str) -> dict[str, list[int]]:
    """source -> [right, n, flagged, wrong and flagged] over the labelled figures found in `split`."""
    out = {s: [0, 0, 0, 0] for s in SOURCES}
    for m, label in paired(split):
        row = out.setdefault(m.subject_source or "?", [0, 0, 0, 0])
        right, flagged = _same_subject(m, label["entity"]), bool(FLAGS["subject"] & set(m.flags))
        row[0] += right
        row[1] += 1
        row[2] += flagged
        row[3] += flagged and not right
    return out


def main(splits: list[str]) -> None:
    print(f"{'split':<10}" + "".join(f"{s:>24}" for s in SOURCES))
    print(f"{'':<10}" + f"{'right/n  flagged wrong':>24}" * len(SOURCES))
    total = {s: [0, 0, 0, 0] for s in SOURCES}
    for split in splits:
        t = tally(split)
        cells = []
        for s in SOURCES:
            row = t.get(s, [0, 0, 0, 0])
            if split != "fresh9":
                total[s] = [a + b for a, b in zip(total[s], row)]
            cells.append(_cell(*row))
        print(f"{split:<10}" + "".join(f"{c:>24}" for c in cells))
    if len([s for s in splits if s != "fresh9"]) > 1:
        print(f"{'all read':<10}" + "".join(f"{_cell(*row):>24}" for row in total.values()) + "   (fresh9 left out)")


def _cell(right: int, n: int, flagged: int, wrong_flagged: int) -> str:
    """right/n (share), how many flagged, and how many of the wrong ones flagged."""
    return f"{right}/{n} {right / n:4.0%} {flagged:>3} {wrong_flagged}/{n - right}" if n else "-"


if __name__ == "__main__":
    main(sys.argv[1:] or [s for s in SPLITS if s != "fresh9"])
