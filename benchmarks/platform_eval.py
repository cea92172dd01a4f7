"""Platform extractors vs. the generic extractor, on the corpus pages each platform extractor claims.

For every page of the corpus (``../shared/corpus`` by default) whose platform signature one of
``newsparse.sites.PLATFORM_EXTRACTORS`` matches, the page is parsed twice: with plugins off (the
generic extractor alone, as ``newsparse eval`` measures it) and with that platform extractor in front
of the generic one. Both are scored with the scoring of ``newsparse eval`` (``newsparse._evaluate``)
on exactly those pages, and the per-metric deltas are printed. A platform extractor must raise, never
lower, a score of the pages it claims.

    python benchmarks/platform_eval.py [--corpus DIR] [--gold DIR] [--datasets a,b] [--json OUT] [--worst N]

The corpus metrics see the comments of a page as one bag of words (and some datasets label the
comment headers, names and dates, as comment text), so the same comparison is also made on the gold
set (``../shared/gold``), whose metrics score each comment's text, author, date and depth.

Not part of the test suite (it needs the corpus and takes a minute or two).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from newsparse import ParseOptions, load_page, parse_page
from newsparse import _evaluate as ev
from newsparse.sites import PLATFORM_EXTRACTORS

ROOT = Path(__file__).resolve().parents[1]
#: Metrics whose value goes down when the extractor gets better.
LOWER_IS_BETTER = set(getattr(ev, "LOWER_IS_BETTER", ())) | {"published_invented", "median_ms", "p95_ms"}
#: Metrics that are not accuracy (time, counts): reported, never judged.
NOT_JUDGED = {"median_ms", "p95_ms", "pages", "errors", "body_f1_std"}


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
            report["extractors"][cls.name] = {"pages": 0}
            continue
        pages_g, per_g, pooled_g = ev._score_corpus_records(recs, generic[cls.name])
        pages_p, per_p, pooled_p = ev._score_corpus_records(recs, platform[cls.name])
        per_dataset = {}
        for ds in per_g:
            per_dataset[ds] = _deltas(per_g[ds], per_p.get(ds, {}))
        drops = []
        for pid, pg in pages_g.items():
            for metric, before in pg["scores"].items():
                if metric in NOT_JUDGED or metric == "ms":
                    continue
                after = pages_p[pid]["scores"].get(metric)
                if after is None:
                    continue
                worse = after > before if metric in LOWER_IS_BETTER else after < before
                if worse:
                    drops.append({"id": pid, "metric": metric, "generic": before, "platform": after})
        drops.sort(key=lambda d: -abs(d["platform"] - d["generic"]))
        report["extractors"][cls.name] = {
            "pages": len(recs),
            "answered": answered[cls.name],
            "pooled": _deltas(pooled_g, pooled_p),
            "datasets": per_dataset,
            "page_drops": len(drops),
            "worst_drops": drops[:worst],
        }
    return report


def _run_gold(gold: Path) -> dict[str, Any]:
    """The same comparison on the gold set, with its per-comment metrics."""
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
            out[cls.name] = {"pages": 0}
            continue
        scored = []
        for arts in (generic, platform):
            result = ev.score_gold(arts, gold)
            pages = [pg for pid, pg in result["pages"].items() if pid in arts]
            scored.append(ev._aggregate_gold(pages))
        out[cls.name] = {"pages": len(generic), "metrics": _deltas(scored[0], scored[1])}
    return out


def _deltas(before: dict[str, float], after: dict[str, float]) -> dict[str, dict[str, float]]:
    out = {}
    for metric, b in before.items():
        a = after.get(metric)
        if a is None:
            continue
        out[metric] = {"generic": round(b, 4), "platform": round(a, 4), "delta": round(a - b, 4)}
    return out


def _print(report: dict[str, Any]) -> None:
    print(f"corpus: {report['corpus']}  ({report['seconds']} s)\n")
    for name, r in report.get("gold", {}).items():
        print(f"## gold set, {name}: {r['pages']} claimed pages")
        for metric, v in r.get("metrics", {}).items():
            if metric in ("pages", "errors", "median_ms", "p95_ms"):
                continue
            flag = "" if v["delta"] == 0 else ("  better" if v["delta"] > 0 else "  WORSE")
            print(f"{metric:<24}{v['generic']:>10.3f}{v['platform']:>10.3f}{v['delta']:>+9.3f}{flag}")
        print()
    for name, r in report["extractors"].items():
        print(f"## {name}: {r['pages']} claimed pages")
        if not r["pages"]:
            print()
            continue
        print(f"fields answered: {r['answered']}")
        print(f"{'metric':<24}{'generic':>10}{'platform':>10}{'delta':>9}")
        for metric, v in r["pooled"].items():
            if metric in ("pages", "errors"):
                continue
            flag = ""
            if metric not in NOT_JUDGED and v["delta"] != 0:
                better = v["delta"] < 0 if metric in LOWER_IS_BETTER else v["delta"] > 0
                flag = "  better" if better else "  WORSE"
            print(f"{metric:<24}{v['generic']:>10.3f}{v['platform']:>10.3f}{v['delta']:>+9.3f}{flag}")
        print(f"pages with a lower score on some metric: {r['page_drops']}")
        for d in r["worst_drops"]:
            print(f"  {d['id']}: {d['metric']} {d['generic']:.3f} -> {d['platform']:.3f}")
        print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold"), help="gold set folder ('' to skip)")
    ap.add_argument("--datasets", default=None, help="comma-separated dataset names")
    ap.add_argument("--json", dest="json_out", default=None, help="write the report as JSON")
    ap.add_argument("--worst", type=int, default=10, help="how many page-level drops to list")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus} (pass --corpus DIR)", file=sys.stderr)
        return 2
    report = _run(corpus, args.datasets.split(",") if args.datasets else None, args.worst)
    if args.gold and Path(args.gold, "truth.jsonl").is_file():
        report["gold"] = _run_gold(Path(args.gold))
    _print(report)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
