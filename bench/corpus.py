"""`python -m bench.corpus [--sizes 100 500]`: the warehouse build on corpora of many documents.

Each corpus is generated from the five seeds and the real texts in tests/labels/unseen/texts/: document i takes
one of them, gets a new file name and a numbered title line, and has its paragraphs shuffled, so no two documents
have the same content (the build would refuse a duplicate). For each size it prints the build time from scratch
(empty extraction cache), the extraction throughput, the time to rebuild after adding one document, the
warehouse's size on disk and the explorer's search time over it. `measure` and `report` are what `python -m bench`
calls; timings are printed, never asserted.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lib.paths import ROOT, SEEDS_DIR

SOURCES = sorted(SEEDS_DIR.glob("*.txt")) + sorted((ROOT / "tests" / "labels" / "unseen" / "texts").glob("*.txt"))
SEARCH_TERMS = ("独角兽", "5G基站", "unicorn", "研发 美国", "no-such-word")


def document(i: int) -> tuple[str, str]:
    """The i-th generated document: (file name, text)."""
    source = SOURCES[i % len(SOURCES)]
    lines = source.read_text(encoding="utf-8").split("\n")
    # Paragraphs are runs of non-blank lines; shuffling them keeps each sentence's lines together.
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    random.Random(i).shuffle(paragraphs)
    title = f"基准文件第{i + 1:04d}号：{paragraphs[0][0][:30]}"
    text = "\n\n".join("\n".join(p) for p in [[title]] + paragraphs) + "\n"
    return f"corpus_{i + 1:04d}_{source.stem[:24]}.txt", text


def generate(n: int, folder: Path) -> int:
    """Write n documents into `folder`; returns their total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        name, text = document(i)
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def _search_ms(target: Path) -> float:
    """Median time of the explorer's mention search (first, uncached call of each term) over `target`."""
    os.environ["INDICATORS_DB"] = str(target)
    from lib.queries import facts

    facts.mentions(facts.MentionFilter(text="warm-up"))  # attaches the file once, as a running server has
    times = []
    for term in SEARCH_TERMS:
        start = time.perf_counter()
        facts.mentions(facts.MentionFilter(text=term))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(n: int, workdir: Path | None = None) -> dict:
    """Build a corpus of n documents from scratch, then again after adding one: the figures `report` prints."""
    from lib.warehouse import build

    with tempfile.TemporaryDirectory(prefix=f"corpus{n}-", dir=workdir) as tmp:
        tmp = Path(tmp)
        folder, cache, target = tmp / "documents", tmp / "cache", tmp / "warehouse.duckdb"
        size = generate(n, folder)
        cpu = time.process_time()  # CPU seconds too: on a shared machine wall time says more about the others
        scratch = build.build(target, documents_dir=folder, cache_dir=cache)
        scratch_cpu = time.process_time() - cpu
        name, text = document(n)
        (folder / name).write_text(text, encoding="utf-8")
        cpu = time.process_time()
        again = build.build(target, documents_dir=folder, cache_dir=cache)
        again_cpu = time.process_time() - cpu
        x = scratch["extraction"]
        return {
            "documents": n, "mb": size / 1e6, "build_scratch_s": scratch["seconds"], "build_scratch_cpu_s": scratch_cpu,
            "one_added_cpu_s": again_cpu,
            "extract_mb_s": x["extracted_bytes"] / 1e6 / x["extract_seconds"] if x["extract_seconds"] else None,
            "build_mb_s": size / 1e6 / scratch["seconds"],
            "one_added_s": again["seconds"], "one_added_extracted": again["extraction"]["extracted"],
            "one_added_bound": again["extraction"]["bound"],
            "warehouse_mb": target.stat().st_size / 1e6, "mentions": scratch["rows"]["mentions"],
            "rejected": len(scratch["rejected"]), "search_ms": _search_ms(target),
        }


def report(sizes: tuple[int, ...] = (100, 500)) -> list[dict]:
    """Measure each corpus size and print one line per size."""
    rows = []
    print("Corpus builds (documents generated from the seeds and tests/labels/unseen/texts; 5 seeds included):")
    for n in sizes:
        r = measure(n)
        rows.append(r)
        print(f"  {r['documents']:>4} documents, {r['mb']:.1f} MB, {r['mentions']} mentions: from scratch "
              f"{r['build_scratch_s']:.1f} s ({r['build_scratch_cpu_s']:.1f} s CPU; extraction "
              f"{r['extract_mb_s']:.2f} MB/s, whole build {r['build_mb_s']:.2f} MB/s); one added document "
              f"{r['one_added_s']:.2f} s ({r['one_added_cpu_s']:.2f} s CPU) "
              f"({r['one_added_extracted']} extracted, {r['one_added_bound']} bound); "
              f"warehouse {r['warehouse_mb']:.1f} MB; "
              f"explorer search {r['search_ms']:.1f} ms (median of {len(SEARCH_TERMS)} terms)"
              + (f"; {r['rejected']} rejected" if r["rejected"] else ""))
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        print(f"  cost per document from scratch: {a['build_scratch_s'] / a['documents'] * 1000:.0f} ms at "
              f"{a['documents']}, {b['build_scratch_s'] / b['documents'] * 1000:.0f} ms at {b['documents']}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500], help="corpus sizes (documents)")
    args = parser.parse_args(argv)
    report(tuple(args.sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
