"""The extractor measured against hand-labelled samples (tests/labels/, made by reading, not from program output).

Samples: the five seeds (numbers_000..004.csv, words_001_003.csv, negatives.csv) and the unseen texts of
tests/labels/unseen/, each split printed on its own (each text's .yaml says its `split`):
- `dev`: texts the rules may be written from (rows printed);
- `heldout`: never read while rules were written, but its totals were seen during earlier rounds of rule writing,
  so it is no longer a clean measure (totals only);
- `fresh`: made after the last rules were written and seen by nobody before measuring (totals only);
- `fresh3`: 7 texts labelled on 2026-12-01 (sixth session) by a reader who never opened lib/; measured only as
  totals, first at 88badbf before that session's rules and again after them (see the README's figures).
For each sample: recall of figures written in digits and in words, and on the matched rows agreement of value,
unit, year and subject. `python -m tests.warehouse.test_extract_labels` prints the table; `pytest -s` too.
"""
from __future__ import annotations

import csv
import functools
import os
import re
from pathlib import Path

import pytest
import yaml

from lib.paths import ROOT, SEEDS_DIR
from lib.contract import REGIONS
from lib.warehouse.extract import COMPANY_WORDS, ECONOMY_WORDS, extract_document, reference_date
from tests.helpers import seed_metadata

LABELS = ROOT / "tests" / "labels"
# The unseen samples may be read from another checkout while they are being written (EXTRACT_UNSEEN=dir).
UNSEEN = Path(os.environ.get("EXTRACT_UNSEEN", LABELS / "unseen"))
COMPANY_NAME = {code: word for word, code in COMPANY_WORDS}
# Regions the labels write as in the text (欧洲, 东亚和东南亚) have codes now (lib/contract.py REGIONS).
REGION_CODE = {word: code for word, code in ECONOMY_WORDS if code in REGIONS}
MEASURES = ("digits", "words", "value", "unit", "year", "subject")
# Bars: the table measured minus 2-3 points, so that the test fails when a change loses figures, not when the
# machine is slow. Measured 2026-12-01 05:20 UTC (digits, words, value, unit, year, subject) after the rules for
# lengths of time, currencies before the number, regions, sources, headings, top-N lists, list units and periods
# from the sentence before: seeds 100/100/100/98.8/97.7/97.7 (was 100/100/100/98.4/96.1/97.3), dev 100/100/100/
# 100/98.4/100 (was 100/96.9/100/100/97.6/100), dev2 100/95.7/100/100/97.3/97.9 (was 93.5/87.0/100/97.8/83.1/86.8).
# Earlier looks at the splits not read while writing rules: heldout 92.1/90.2/93.9/93.9/75.2/86.1 and fresh
# 98.0/100/99.5/99.0/77.9/79.8 at 02:50 UTC (the heldout bars are from then; these rules were written without
# measuring heldout, fresh or fresh3). After them (05:40 UTC, totals only): heldout 92.8/90.2/94.0/94.6/74.7/86.7,
# fresh 98.0/100/99.5/99.0/77.9/79.8 (unchanged), fresh3 94.4/79.3/94.6/97.3/60.8/66.2 (before them, at 88badbf:
# 94.4/79.3/94.6/97.3/60.8/65.5). The rules written from dev2 did not carry over to unseen text.
# Fresh and fresh3 have no bar: they are reported, not steered by. The heldout number bars were raised after the
# number rules of 08:00-08:50 UTC (issue 13: heldout 99.3/100/100/97.8, was 92.8/90.2/96.4/94.6).
# Year, seventh session (issue 13, year part; every split but seeds now read, rules written from the misses of
# dev, dev2, heldout, fresh and fresh3 together, each a convention of dating, not a sentence; bench/label_misses.py
# prints the rows): year at 08:00 UTC seeds 97.7, dev 98.4, dev2 97.3, heldout 94.6 (was 74.7), fresh 94.7 (was
# 77.9), fresh3 97.3 (was 60.8); the other measures unchanged by these rules. The heldout year bar follows.
BARS = {
    "seeds": {"digits": 0.98, "words": 0.97, "value": 0.98, "unit": 0.96, "year": 0.95, "subject": 0.95},
    "dev": {"digits": 0.97, "words": 0.97, "value": 0.97, "unit": 0.97, "year": 0.95, "subject": 0.97},
    "dev2": {"digits": 0.97, "words": 0.92, "value": 0.97, "unit": 0.97, "year": 0.93, "subject": 0.95},
    "heldout": {"digits": 0.97, "words": 0.97, "value": 0.98, "unit": 0.95, "year": 0.92, "subject": 0.94},
}


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _form(label: dict) -> str:
    return label.get("form") or ("digits" if re.search(r"[0-9０-９]", label["raw"]) else "words")


def _context_years(note: str) -> set[str]:
    """Old-format labels (001, 003) give the sentence's year and name a context year in the note."""
    found = set(re.findall(r"context year: (\d{4})", note))
    found |= {f"{a}-{b}" for a, b in re.findall(r"context period: (\d{4})\D(\d{4})", note)}
    return found


def pair(labels: list[dict], mentions: list) -> dict[int, int]:
    """label index -> mention index, for the labels a mention on their line was found for."""
    used: set[int] = set()
    # Pair labels with mentions on their line: first those whose value and quote both agree, then the rest
    # (so that the 八 of 「破八」 does not take the mention of 百分之八點六三 on the same line).
    pairs: dict[int, int] = {}
    for strict in (True, False):
        for k, label in enumerate(labels):
            if k in pairs:
                continue
            line, value, raw = int(label["line_no"]), float(label["value"]), label["raw"].replace(" ", "")
            candidates = [i for i, m in enumerate(mentions) if m.line_no == line and i not in used
                          and (close(m.value, value) and raw in m.quote.replace(" ", "") if strict else
                               close(m.value, value) or raw in m.quote.replace(" ", "")
                               or m.quote.replace(" ", "") in raw)]
            if candidates:
                # Prefer the value, then the quote holding the label's raw text, then a quote inside it (世界第一
                # printed as 世界 + the rank 第一, not a listed country ranked 1 on the same line), then text order.
                best = min(candidates, key=lambda i: (not close(mentions[i].value, value),
                                                      raw not in mentions[i].quote.replace(" ", ""),
                                                      mentions[i].quote.replace(" ", "") not in raw, i))
                used.add(best)
                pairs[k] = best
    return pairs


def score(labels: list[dict], mentions: list) -> dict:
    """Counts for one text: labels found per form, and agreements on the found ones."""
    counts = {f"{k}_{x}": 0 for k in ("n", "found") for x in ("digits", "words")}
    counts.update({k: 0 for k in ("value", "unit", "year", "subject")})
    missed, wrong = [], []
    pairs = pair(labels, mentions)
    used = set(pairs.values())
    for k, label in enumerate(labels):
        form = _form(label)
        counts[f"n_{form}"] += 1
        line, value = int(label["line_no"]), float(label["value"])
        if k not in pairs:
            missed.append(f"{line}: {label['raw']}")
            continue
        m = mentions[pairs[k]]
        counts[f"found_{form}"] += 1
        high = label["value_high"]
        ok = {
            "value": close(m.value, value) and (m.value_high is None if not high
                                                 else m.value_high is not None and close(m.value_high, float(high))),
            "unit": m.unit == label["unit"],
            "year": _same_year(m, label),
            "subject": _same_subject(m, label["entity"]),
        }
        for key, good in ok.items():
            counts[key] += good
            if not good:
                got = {"value": m.value, "unit": m.unit, "year": m.year, "subject": m.entity}[key]
                want = {"value": value, "unit": label["unit"], "year": label["year"], "subject": label["entity"]}[key]
                wrong.append(f"{line}: {label['raw']} {key} {got!r} != {want!r}")
    extra = [f"{m.line_no}: {m.quote} {m.value:g} {m.unit}" for i, m in enumerate(mentions) if i not in used]
    return {**counts, "missed": missed, "wrong": wrong, "extra": extra}


def _same_year(m, label: dict) -> bool:
    return (m.year or "") == label["year"] or (not label["year"] and (m.year or "") in _context_years(label["note"]))


def _same_subject(m, entity: str) -> bool:
    got = m.entity or ""
    entity = _t2s(entity)  # a company written in Traditional (台積電) is the same company
    parts = re.split(r"和|、|及|\+", entity)
    if entity and all(p in REGION_CODE for p in parts):  # 东亚和东南亚 -> XEA+XSE
        entity = "+".join(REGION_CODE[p] for p in parts)
    if not entity:  # the text does not say: right when the extractor says nothing or flags its assumption
        return not got or bool({"subject_assumed", "ambiguous_subject", "group_subject"} & set(m.flags))
    got = got.split(":")[0]  # a place (CHN:青海) is labelled by its economy
    if "+" in got and "+" in entity:  # a group is its members: USA+CHN (the text's order) is the group CHN+USA
        return sorted(p.split(":")[0] for p in got.split("+")) == sorted(entity.split("+"))
    return got == entity or COMPANY_NAME.get(got, "\0") in entity


def _t2s(text: str) -> str:
    import opencc
    return opencc.OpenCC("t2s").convert(text) if text else text


def rates(counts: dict) -> dict:
    """Shares per measure; None where the sample has nothing to measure (a text without word numbers)."""
    found = counts["found_digits"] + counts["found_words"]
    out = {form: counts[f"found_{form}"] / counts[f"n_{form}"] if counts[f"n_{form}"] else None
           for form in ("digits", "words")}
    out.update({k: counts[k] / found if found else None for k in ("value", "unit", "year", "subject")})
    return out


def add(total: dict, counts: dict) -> dict:
    return {k: total.get(k, 0) + v for k, v in counts.items() if not isinstance(v, list)}


# --- the samples ----------------------------------------------------------------------------------------------
def seed_samples() -> dict[str, tuple[Path, str | None, str | None, list[dict]]]:
    rows: dict[str, list[dict]] = {}
    for name in ("numbers_000.csv", "numbers_001.csv", "numbers_002.csv", "numbers_003.csv", "numbers_004.csv",
                 "words_001_003.csv"):
        for row in read_csv(LABELS / name):
            rows.setdefault(row["file_name"], []).append(row)
    meta = seed_metadata()  # as the build passes them (documents.yaml `published`, `title_zh`)
    return {name[:3]: (SEEDS_DIR / name, *meta[name], labels) for name, labels in sorted(rows.items())}


# Splits whose rows were read while rules were written: all of them since the eighth session, when fresh4 (kept
# clean through the seventh) was opened for reading because a newer clean split, fresh5, was being labelled.
# fresh8 (labelled 2026-12-02, measured clean before and after that day's rules) was opened for reading at 01:58 UTC
# that day; fresh7, labelled with it and measured clean at eecc340 (94.5 / 97.8 / 99.5 / 98.9 / 59.6 / 74.9), was opened
# for reading at 04:25 UTC on 2026-12-02 while fresh9 was being labelled by readers who never see lib/ or these rows.
# fresh9 and fresh10 were labelled blind the same morning; fresh10 (clean totals at eecc340 and aa33e90: 94.9 / 78.8 /
# 96.6 / 95.7 / 73.3 / 56.9) was opened for reading at 04:45 UTC, and fresh9 stays clean for the day's final measure.
# fresh9 (clean totals at 06:10: 95.7 / 91.0 / 100 / 98.3 / 86.2 / 72.4) was opened at 06:12 once fresh11, labelled
# blind after the day's rules, could stay clean in its place.
# fresh11 (clean totals at d755fc1, 13:29 UTC on 2026-12-02: 95.6 / 100 / 100 / 99.6 / 84.5 / 81.0) was opened at 13:30
# while fresh12 was being labelled blind by two readers, to study which readings go wrong on text no rule was written from.
# fresh12 was opened for number forms only at 14:01 UTC (found, value, unit: `bench.label_misses`), and for everything at
# 14:10 once fresh13, labelled blind, could stay clean in its place; its clean totals then (3b10e56): 97.7 / 85.7 / 99.2 /
# 95.5 / 86.1 / 80.3, an unflagged year right 89.4% of 188, an unflagged subject 84.7% of 183.
# fresh13 (clean totals at 9eedfc9, 16:21 UTC on 2026-12-02: 97.2 / 80.5 / 98.2 / 97.8 / 79.3 / 70.8) was opened at
# 16:22 while fresh15 was being labelled blind by three readers. fresh14 (clean totals at 1b46be0, 16:50 UTC: 95.3 /
# 100 / 99.1 / 98.2 / 88.6 / 89.9, unchanged by subj24, num21 and year22) was opened at 16:51 once fresh16 was labelled;
# fresh15 and fresh16 stay clean. fresh15 (clean totals at 6289494, 17:24 UTC, after the session's rules subj24, num21,
# year22, subj23, subj25, home23, year23: 98.4 / 85.2 / 100 / 91.3 / 89.0 / 71.1; an unflagged year right 92.0% of 323,
# an unflagged subject 79.9% of 273) was opened at 17:25 while fresh17 was being labelled blind; fresh16 stays clean.
# fresh16 (clean totals at a0a6d19, 21:40 UTC, extractor 8f2b27d: 98.9 / 82.3 / 99.7 / 97.8 / 71.7 / 69.2; an unflagged
# year right 81.4% of 247, an unflagged subject 70.1% of 261) was opened at 21:40 on 2026-12-02 once fresh18 (labelled
# blind) joined; fresh17 and fresh18 stay clean.
READ_SPLITS = ("dev", "dev2", "heldout", "fresh", "fresh3", "fresh4", "fresh8", "fresh7", "fresh10", "fresh9", "fresh11",
               "fresh12", "fresh13", "fresh14", "fresh15", "fresh16")
# Splits opened for number forms only, their years and subjects still unread (bench.label_misses prints no such rows).
NUMBER_READ_SPLITS: tuple[str, ...] = ()


def _sidecar(meta_path: Path) -> tuple[dict, str | None, str | None]:
    """(the .yaml, the date, the title) of an unseen text: the page's own dateline and headline; a title the
    labeller wrote, marked `[descriptive`, is not the page's and is not passed."""
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    # The sidecar's `published`, read as the build reads a data/documents/ sidecar (values as text).
    title = str(meta.get("title") or "")
    return meta, reference_date(meta.get("published")), None if not title or title.startswith("[descriptive") else title


def unseen_samples(split: str) -> dict[str, tuple[Path, str | None, str | None, list[dict]]]:
    """The unseen texts of one split with the date and title their .yaml gives."""
    out = {}
    for meta_path in sorted((UNSEEN / "texts").glob("*.yaml")):
        meta, date, title = _sidecar(meta_path)
        labels = UNSEEN / f"numbers_{meta_path.stem}.csv"
        if meta.get("split") != split or not labels.exists():
            continue
        out[meta_path.stem] = (meta_path.with_suffix(".txt"), date, title, read_csv(labels))
    return out


@functools.lru_cache(maxsize=None)
def unseen_mentions(name: str, splits: tuple[str, ...] = READ_SPLITS) -> tuple:
    """The mentions of one unseen text, dated and titled as the measurement passes them; only a text of `splits`
    (the rows of a split kept for measuring are not for reading)."""
    meta, date, title = _sidecar(UNSEEN / "texts" / f"{name}.yaml")
    assert meta["split"] in splits, f"{name} is in the split {meta['split']}, whose rows are not read"
    return tuple(extract_document(UNSEEN / "texts" / f"{name}.txt", name[:3], date=date, title=title))


def paired(split: str):
    """(mention, label) for every labelled figure of `split` that the extractor found, text by text; the loop the
    bench scripts that weigh found figures share (bench.label_flags, label_kinds, subject_sources)."""
    samples = seed_samples() if split == "seeds" else unseen_samples(split)
    for name, (path, date, title, labels) in samples.items():
        mentions = extract_document(path, name[:3], date=date, title=title)
        for k, i in pair(labels, mentions).items():
            yield mentions[i], labels[k]


def measure(samples: dict) -> tuple[dict, dict]:
    per_text, total = {}, {}
    for key, (path, date, title, labels) in samples.items():
        mentions = extract_document(path, key[:3], date=date, title=title)
        per_text[key] = score(labels, mentions)
        total = add(total, per_text[key])
    return per_text, total


def table_row(name: str, counts: dict) -> str:
    r = rates(counts)
    n = f"{counts['n_digits']}+{counts['n_words']}"
    return f"{name:<28}{n:>8} " + " ".join(f"{r[k]:>8.1%}" if r[k] is not None else f"{'-':>8}" for k in MEASURES)


# A split not in READ_SPLITS is measured but kept clean: its totals are printed and its rows are not. Clean splits
# live on main so that they are not lost with a branch (fresh5 and fresh6 were). fresh12 (15 texts, labelled blind on
# 2026-12-02 13:30-13:35 UTC) measured at ded959d, before the eleventh session's rules: 97.7 / 85.7 / 99.2 / 95.5 / 86.1 /
# 80.3; label_flags: an unflagged year right 86.4% of 213, an unflagged subject 82.3% of 215. fresh13 (16 texts, labelled
# blind 13:50-14:04 UTC) measured at ded959d (the texts copied into a worktree of it): 97.2 / 80.5 / 98.2 / 97.8 / 73.8 /
# 70.8; an unflagged year right 77.2% of 250, an unflagged subject 71.3% of 237.
# fresh15 (18 texts, 359 rows, labelled blind by three readers by 16:25 UTC on 2026-12-02) measured at 2b2fe1a, whose
# extractor is 9eedfc9's: 98.0 / 83.3 / 100 / 91.3 / 89.0 / 71.2; an unflagged year right 91.9% of 320, an unflagged
# subject 79.7% of 266. fresh16 (17 texts, 380 rows, labelled blind by three readers by 16:50 UTC) measured at 1b46be0,
# after that session's rules subj24, num21 and year22: 98.9 / 81.2 / 99.7 / 97.8 / 71.9 / 69.4; an unflagged year right
# 81.7% of 246, an unflagged subject 70.4% of 260. fresh17 (16 texts, 337 rows, labelled blind by 17:26 UTC) measured
# at 593001b, whose extractor is 6289494's (after subj24, num21, year22, subj23, subj25, home23, year23): 96.2 / 86.8 /
# 99.4 / 99.1 / 80.1 / 72.6; an unflagged year right 86.1% of 267, an unflagged subject 79.7% of 232.
# fresh18 (15 texts, 375 rows, labelled blind by three readers 21:34-21:38 UTC on 2026-12-02, thirteenth session)
# measured at c40be93, whose extractor is 8f2b27d's (before any rule of the session): 91.9 / 80.6 / 100 / 97.9 / 82.5 /
# 79.8; an unflagged year right 91.7% of 266, an unflagged subject 84.3% of 286. fresh19 (16 texts, 423 rows, labelled
# blind by three readers 21:44-21:50 UTC) measured at 1ed9b2e, whose extractor is 71aefa7's (the modules split, no rule
# yet): 97.8 / 86.4 / 99.5 / 98.0 / 86.2 / 85.0; an unflagged year right 92.0% of 375, an unflagged subject 87.2% of 343.
SPLITS = ("seeds", "dev", "dev2", "heldout", "fresh", "fresh3", "fresh4", "fresh8", "fresh7", "fresh9", "fresh10", "fresh11", "fresh12",
          "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19")


def report(show_rows: bool = True, splits: tuple[str, ...] = SPLITS) -> dict[str, dict]:
    """Print the table (per seed and dev text, heldout and fresh totals) and return the totals per split."""
    print(f"\n{'sample':<28}{'n d+w':>8} " + " ".join(f"{k:>8}" for k in MEASURES))
    totals = {}
    for group in splits:
        samples = seed_samples() if group == "seeds" else unseen_samples(group)
        per_text, total = measure(samples)
        if group in ("seeds", "dev", "dev2"):  # heldout and fresh/fresh3 rows stay unread: totals only
            for key, counts in per_text.items():
                print(table_row(key, counts))
                if show_rows:
                    for line in counts["missed"]:
                        print(f"      missed {line}")
                    for line in counts["wrong"]:
                        print(f"      wrong  {line}")
        if total:
            seen = " [totals seen in earlier rule writing]" if group == "heldout" else ""
            print(table_row(f"== {group} ({len(samples)} texts)", total) + seen)
            totals[group] = total
    return totals


@pytest.fixture(scope="module")
def totals():
    return report(show_rows=False)


@pytest.mark.parametrize("group", ["seeds", "dev", "dev2", "heldout"])  # fresh, fresh3: measured and reported, no bar
def test_bars(totals, group):
    """Each group at or above its bar (BARS); the heldout bars are far below the seeds' for year and subject:
    that gap is the honest state, not a target."""
    if group not in totals:
        pytest.skip(f"no labelled {group} texts under {UNSEEN}")
    measured = rates(totals[group])
    low = {k: f"{measured[k]:.3f} < {bar}" for k, bar in BARS[group].items() if (measured[k] or 0) < bar}
    assert not low, f"{group}: {low}"


def test_negatives_are_not_reported():
    negatives = read_csv(LABELS / "negatives.csv")
    by_file: dict[str, list] = {}
    false_positives = []
    unseen_false = []
    for row in negatives:
        seed = (SEEDS_DIR / row["file_name"]).exists()
        if row["file_name"] not in by_file:  # an unseen text (tests/labels/unseen/texts) is dated by its sidecar
            by_file[row["file_name"]] = (extract_document(SEEDS_DIR / row["file_name"], row["file_name"][:3]) if seed
                                         else unseen_mentions(row["file_name"].removesuffix(".txt")))
        raw = row["raw"].strip()
        if any(m.line_no == int(row["line_no"]) and raw and raw in m.raw and m.quote.strip() == raw.strip()
               for m in by_file[row["file_name"]]):
            (false_positives if seed else unseen_false).append(f"{row['file_name'][:3]}:{row['line_no']} {raw} "
                                                               f"({row['why']})")
    n_seed = sum((SEEDS_DIR / row["file_name"]).exists() for row in negatives)
    rate = len(false_positives) / n_seed
    print(f"\nnegatives: n={n_seed} reported as indicators={len(false_positives)} ({rate:.1%}): "
          f"{false_positives}")
    assert rate <= 0.05, false_positives
    # The unseen rows name kinds of false positive a rule guards against (首次, period names, set phrases): none.
    assert not unseen_false, unseen_false


if __name__ == "__main__":
    # `python -m tests.warehouse.test_extract_labels seeds dev` while writing rules: the other splits stay unseen.
    import sys
    report(show_rows=True, splits=tuple(sys.argv[1:]) or SPLITS)


def test_flag_tally_splits_the_same_agreements():
    """bench.label_flags divides the found figures of the seeds into flagged and unflagged ones: the two parts add up
    to the figures found and to the agreements the measurement counts."""
    from bench.label_flags import tally
    _, total = measure(seed_samples())
    t = tally("seeds")
    found = total["found_digits"] + total["found_words"]
    for measure_name in ("year", "subject"):
        parts = t[measure_name].values()
        assert sum(n for _, n in parts) == found
        assert sum(r for r, _ in parts) == total[measure_name]
