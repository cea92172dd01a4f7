"""What reader comments and author bios add to the median time per page.

Issue #5 allows comments and bios together to add at most 25% to the median time per page.
This script times, page by page and in alternating order, the full generic extractor against
the same extractor with those two fields switched off (they answer ``()`` without looking),
on the corpus pages, and prints the medians and the ratio::

    python benchmarks/field_cost.py [--datasets a,b] [--limit N] [--repeat K]

Each page is parsed from its decoded ``str`` afresh for every call (no cache survives between
calls), after one untimed warm-up call. Ratios, not absolute times: the machine is shared.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import DEFAULT_CORPUS, load_corpus, read_page  # noqa: E402

import newsparse  # noqa: E402
from newsparse import AuthorBio, Comment, GenericExtractor, Page  # noqa: E402


class WithoutCommentsAndBios(GenericExtractor):
    """The generic extractor with the two #5 fields answering "known empty" at no cost."""

    name = "generic-without-comments-and-bios"

    def comments(self, page: Page) -> tuple[Comment, ...] | None:
        return ()

    def author_bios(self, page: Page) -> tuple[AuthorBio, ...] | None:
        return ()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--datasets", help="comma-separated dataset names (default: all)")
    ap.add_argument("--limit", type=int, help="only the first N pages of each dataset")
    ap.add_argument("--repeat", type=int, default=1, help="timed calls per page and variant (the minimum is kept)")
    args = ap.parse_args(argv)
    records = load_corpus(args.corpus, args.datasets.split(",") if args.datasets else None, args.limit)
    variants = {"full": (GenericExtractor(),), "without": (WithoutCommentsAndBios(),)}
    times: dict[str, list[float]] = {k: [] for k in variants}
    ratios: list[float] = []
    for i, rec in enumerate(records):
        html = read_page(args.corpus, rec)
        url = rec.get("url")
        order = list(variants) if i % 2 == 0 else list(reversed(variants))
        got: dict[str, float] = {}
        for name in order:
            chain = variants[name]
            newsparse.parse(html, url, format="html", extractors=chain)  # warm-up
            best = float("inf")
            for _ in range(max(1, args.repeat)):
                t0 = time.perf_counter()
                newsparse.parse(html, url, format="html", extractors=chain)
                best = min(best, time.perf_counter() - t0)
            got[name] = best
        for name, t in got.items():
            times[name].append(t)
        if got["without"] > 0:
            ratios.append(got["full"] / got["without"])
    full, without = statistics.median(times["full"]), statistics.median(times["without"])
    print(f"pages: {len(records)}")
    print(f"median ms/page, full generic extractor:         {full * 1000:.2f}")
    print(f"median ms/page, comments and bios switched off: {without * 1000:.2f}")
    print(f"added to the median time: {100 * (full / without - 1):.1f}% (target <= 25%)")
    print(f"median per-page ratio full/without: {statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
