"""Platform extractors vs. the generic extractor, on the pages each platform extractor claims.

For every page of the corpus (``$NEWSPARSE_SHARED/corpus``, else ``../shared/corpus``) whose platform
signature one of ``newsparse.sites.PLATFORM_EXTRACTORS`` matches, the page is parsed twice: with
plugins off (the generic extractor alone, as ``newsparse eval`` measures it) and with that platform
extractor in front of the generic one. Both are scored with the scoring of ``newsparse eval``
(``newsparse._evaluate``) on exactly those pages, and for every metric the report prints the pooled
delta and how many pages score lower and higher.

    python benchmarks/platform_eval.py [--corpus DIR] [--gold DIR] [--datasets a,b] [--json OUT] [--worst N] [--no-gate]

The corpus metrics see the comments of a page as one bag of words (and some datasets label the
comment headers, names and dates, as comment text), so the same comparison is also made, page by
page, on the gold set (``$NEWSPARSE_SHARED/gold``; ``--gold ''`` skips it), whose metrics score each
comment's text, author, date and depth.

Gate (issue #9): a platform extractor must raise, never lower, a score of the pages it claims. The
script exits with status 1 when any claimed page (corpus or gold) scores lower on any accuracy
metric with the platform extractor than without it, so it can be run as a check (``--no-gate``
reports without failing). Timings are reported, never judged.

Not part of the test suite (it needs the corpus and takes under a minute).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from newsparse import ParseOptions, load_page, parse_page
from newsparse import _evaluate as ev
from newsparse.sites import PLATFORM_EXTRACTORS

ROOT = Path(__file__).resolve().parents[1]
#: The shared data folder (corpus, gold): $NEWSPARSE_SHARED, else ``shared`` beside the repository.
SHARED = Path(os.environ.get("NEWSPARSE_SHARED") or ROOT.parent / "shared")
#: Metrics whose value goes down when the extractor gets better.
LOWER_IS_BETTER = set(getattr(ev, "LOWER_IS_BETTER", ())) | {"published_invented", "median_ms", "p95_ms"}
#: Metrics that are not accuracy (time, counts, spread): reported, never judged.
NOT_JUDGED = {"median_ms", "p95_ms", "ms", "pages", "errors", "body_f1_std"}
#: Score changes smaller than this are float noise, not a change.
EPS = 1e-9


def _worse(metric: str, before: float, after: float) -> bool:
    return after > before + EPS if metric in LOWER_IS_BETTER else after < before - EPS


def _better(metric: str, before: float, after: float) -> bool:
    return _worse(metric, after, before)


def _page_changes(
    before: dict[str, dict[str, float]], after: dict[str, dict[str, float]]
) -> tuple[list[dict[str, Any]], dict[str, dict[str, int]]]:
    """Page-level drops (id, metric, generic, platform) and, per metric, the count of pages lower and higher."""
    drops: list[dict[str, Any]] = []
    counts: dict[str, dict[str, int]] = {}
    for pid, scores in before.items():
        for metric, b in scores.items():
            a = after.get(pid, {}).get(metric)
            if metric in NOT_JUDGED or a is None:
                continue
            c = counts.setdefault(metric, {"lower": 0, "higher": 0})
            if _worse(metric, b, a):
                c["lower"] += 1
                drops.append({"id": pid, "metric": metric, "generic": b, "platform": a})
            elif _better(metric, b, a):
                c["higher"] += 1
    drops.sort(key=lambda d: -abs(d["platform"] - d["generic"]))
    return drops, counts


def _run(corpus: Path, datasets: list[str] | None, worst: int) -> dict[str, Any]:
    records = ev._corpus_records(corpus, datasets)
    claimed: dict[str, list[tuple[dict[str, Any], Path]]] = {cls.name: [] for cls in PLATFORM_EXTRACTORS}
    generic: dict[str, dict[str, dict[str, Any]]] = {cls.name: {} for cls in PLATFORM_EXTRACTORS}
    platform: dict[str, dict[str, dict[str, Any]]] = {cls.name: {} for cls in PLATFORM_EXTRACTORS}
    answered: dict[str, dict[str, int]] = {cls.name: {} for cls in PLATFORM_EXTRACTORS}
    t0 = time.perf_counter()
    for rec, path in records:
        try:
            data = ev._read_page(path)
            probe = load_page(data, url=rec.get("url"))
        except Exception as exc:  # a page the loader refuses is no platform's page
            print(f"{rec['id']}: skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        for cls in PLATFORM_EXTRACTORS:
            if not cls.matches(probe):
                continue
            claimed[cls.name].append((rec, path))
            for plugins, sink in ((False, generic), (True, platform)):
                page = load_page(data, url=rec.get("url"))
                options = ParseOptions(extractors=(cls,)) if plugins else ParseOptions(plugins=False)
                t = time.perf_counter()
                art = parse_page(page, options)
                sink[cls.name][rec["id"]] = ev.corpus_prediction(art, time.perf_counter() - t)
                if plugins:
                    for field, source in art.sources.items():
                        if source == cls.name:
                            answered[cls.name][field] = answered[cls.name].get(field, 0) + 1
            break  # the first platform that claims a page is the one the registry would rank first
    report: dict[str, Any] = {"corpus": str(corpus), "seconds": round(time.perf_counter() - t0, 1), "extractors": {}}
    for cls in PLATFORM_EXTRACTORS:
        recs = claimed[cls.name]
        if not recs:
            report["extractors"][cls.name] = {"pages": 0, "page_drops": 0}
            continue
        pages_g, per_g, pooled_g = ev._score_corpus_records(recs, generic[cls.name])
        pages_p, per_p, pooled_p = ev._score_corpus_records(recs, platform[cls.name])
        per_dataset = {ds: _deltas(per_g[ds], per_p.get(ds, {})) for ds in per_g}
        drops, counts = _page_changes(
            {pid: pg["scores"] for pid, pg in pages_g.items()}, {pid: pg["scores"] for pid, pg in pages_p.items()}
        )
        report["extractors"][cls.name] = {
            "pages": len(recs),
            "answered": answered[cls.name],
            "pooled": _deltas(pooled_g, pooled_p, counts),
            "datasets": per_dataset,
            "page_drops": len(drops),
            "worst_drops": drops[:worst],
        }
    return report


def _run_gold(gold: Path, worst: int) -> dict[str, Any]:
    """The same comparison on the gold set, with its per-comment metrics, page by page."""
    records = ev.load_gold(gold)
    out: dict[str, Any] = {}
    for cls in PLATFORM_EXTRACTORS:
        generic: dict[str, Any] = {}
        platform: dict[str, Any] = {}
        for rec, root in records:
            data = ev._read_page(root / rec["page"])
            if not cls.matches(load_page(data, url=rec.get("url"))):
                continue
            generic[rec["id"]] = parse_page(load_page(data, url=rec.get("url")), ParseOptions(plugins=False))
            platform[rec["id"]] = parse_page(load_page(data, url=rec.get("url")), ParseOptions(extractors=(cls,)))
        if not generic:
            out[cls.name] = {"pages": 0, "page_drops": 0}
            continue
        scored = []
        per_page: list[dict[str, dict[str, float]]] = []
        for arts in (generic, platform):
            result = ev.score_gold(arts, gold)
            pages = {pid: pg for pid, pg in result["pages"].items() if pid in arts}
            scored.append(ev._aggregate_gold(list(pages.values())))
            # each page's own gold metrics (comment author/date/depth are ratios over that page's matches)
            per_page.append({pid: ev._aggregate_gold([pg]) for pid, pg in pages.items()})
        drops, counts = _page_changes(per_page[0], per_page[1])
        out[cls.name] = {
            "pages": len(generic),
            "metrics": _deltas(scored[0], scored[1], counts),
            "page_drops": len(drops),
            "worst_drops": drops[:worst],
        }
    return out


def _deltas(
    before: dict[str, float], after: dict[str, float], counts: dict[str, dict[str, int]] | None = None
) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for metric, b in before.items():
        a = after.get(metric)
        if a is None:
            continue
        out[metric] = {"generic": round(b, 4), "platform": round(a, 4), "delta": round(a - b, 4)}
        if counts is not None and metric in counts:
            out[metric].update(counts[metric])
    return out


def _print_table(metrics: dict[str, dict[str, float]]) -> None:
    print(f"{'metric':<24}{'generic':>10}{'platform':>10}{'delta':>9}{'lower':>7}{'higher':>7}")
    for metric, v in metrics.items():
        if metric in ("pages", "errors"):
            continue
        flag = ""
        if metric not in NOT_JUDGED and v["delta"] != 0:
            better = v["delta"] < 0 if metric in LOWER_IS_BETTER else v["delta"] > 0
            flag = "  better" if better else "  WORSE"
        lower = f"{int(v['lower']):>7}" if "lower" in v else " " * 7
        higher = f"{int(v['higher']):>7}" if "higher" in v else " " * 7
        print(f"{metric:<24}{v['generic']:>10.3f}{v['platform']:>10.3f}{v['delta']:>+9.3f}{lower}{higher}{flag}")


def _print_drops(r: dict[str, Any]) -> None:
    print(f"pages with a lower score on some metric: {r['page_drops']}")
    for d in r["worst_drops"]:
        print(f"  {d['id']}: {d['metric']} {d['generic']:.3f} -> {d['platform']:.3f}")
    print()


def _print(report: dict[str, Any]) -> None:
    print(f"corpus: {report['corpus']}  ({report['seconds']} s)\n")
    for name, r in report.get("gold", {}).items():
        print(f"## gold set, {name}: {r['pages']} claimed pages")
        if r["pages"]:
            _print_table(r["metrics"])
            _print_drops(r)
        else:
            print()
    for name, r in report["extractors"].items():
        print(f"## {name}: {r['pages']} claimed pages")
        if not r["pages"]:
            print()
            continue
        print(f"fields answered: {r['answered']}")
        _print_table(r["pooled"])
        _print_drops(r)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--corpus", default=str(SHARED / "corpus"))
    ap.add_argument("--gold", default=str(SHARED / "gold"), help="gold set folder ('' to skip)")
    ap.add_argument("--datasets", default=None, help="comma-separated dataset names")
    ap.add_argument("--json", dest="json_out", default=None, help="write the report as JSON")
    ap.add_argument("--worst", type=int, default=10, help="how many page-level drops to list")
    ap.add_argument("--no-gate", action="store_true", help="report only: exit 0 even when a page scores lower")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus} (pass --corpus DIR or set NEWSPARSE_SHARED)", file=sys.stderr)
        return 2
    report = _run(corpus, args.datasets.split(",") if args.datasets else None, args.worst)
    if args.gold and Path(args.gold, "truth.jsonl").is_file():
        report["gold"] = _run_gold(Path(args.gold), args.worst)
    _print(report)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, indent=2), encoding="utf-8")
    failing = {
        f"{where} {name}": r["page_drops"]
        for where, group in (("corpus", report["extractors"]), ("gold", report.get("gold", {})))
        for name, r in group.items()
        if r.get("page_drops")
    }
    if failing and not args.no_gate:
        print("GATE FAILED: a platform extractor lowers a claimed page's score: "
              + ", ".join(f"{k} ({n} page-metric drops)" for k, n in failing.items()), file=sys.stderr)
        return 1
    print("gate: no claimed page scores lower with its platform extractor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
