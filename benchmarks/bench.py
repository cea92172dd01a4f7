"""Accuracy and speed of newsparse against other extractors on the evaluation corpus.

Run from the repository root (after ``pip install -e ".[bench]"``)::

    python benchmarks/bench.py --update-docs

Every extractor gets the same decoded ``str`` and URL of each page. The extractors take turns
page by page (the order rotates from page to page), so machine noise hits all of them alike;
each gets one untimed warm-up call first. Only the extraction call is timed. Results go to
``benchmarks/out/`` (predictions, scores, table, chart); ``--update-docs`` also rewrites the
table section of ``docs/benchmarks.md`` and ``docs/benchmarks.png``.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import datetime as _dt
import gzip
import json
import logging
import os
import platform
import re
import resource
import shlex
import signal
import statistics
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from _extractors import ADAPTERS, DEFAULT_EXTRACTORS, FIELDS, Adapter, Unavailable  # noqa: E402
from _report import write_outputs  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_OUT = HERE / "out"
DOCS_PAGE = REPO / "docs" / "benchmarks.md"
DOCS_CHART = REPO / "docs" / "benchmarks.png"

#: The pseudo-extractor timed beside newsparse for the "x lxml parse" ratio.
LXML = "lxml-parse"
#: A call running longer than this is stopped and counted as an error (seconds).
DEFAULT_TIMEOUT = 60.0

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.\-]{1,40})""", re.I)


def decode(data: bytes) -> str:
    """The corpus README's decoder: BOM, then strict UTF-8, then the declared charset, then cp1252."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", "replace")


def load_corpus(corpus: Path, datasets: list[str] | None, limit: int | None) -> list[dict[str, Any]]:
    """The truth records of the chosen datasets (the first ``limit`` of each), sorted by id."""
    if not corpus.is_dir():
        raise SystemExit(f"bench: corpus folder not found: {corpus} (give --corpus PATH)")
    names = sorted(p.name for p in corpus.iterdir() if (p / "truth.jsonl").is_file())
    if datasets:
        unknown = sorted(set(datasets) - set(names))
        if unknown:
            raise SystemExit(f"bench: unknown dataset(s) {', '.join(unknown)}; have: {', '.join(names)}")
        names = [n for n in names if n in datasets]
    records: list[dict[str, Any]] = []
    for name in names:
        with open(corpus / name / "truth.jsonl", encoding="utf-8") as fh:
            recs = [json.loads(line) for line in fh if line.strip()]
        records.extend(recs[:limit] if limit else recs)
    return records


def read_page(corpus: Path, rec: dict[str, Any]) -> str:
    path = corpus / rec["dataset"] / rec["page"]
    return decode(gzip.decompress(path.read_bytes()))


class CallTimeout(Exception):
    """An extraction call ran past ``--timeout``."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread, POSIX); a no-op elsewhere."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def _raise(signum: int, frame: Any) -> None:
        raise CallTimeout(f"took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def versions(packages: tuple[str, ...]) -> str:
    out = []
    for pkg in packages:
        try:
            out.append(f"{pkg} {metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(out)


def setup_adapters(names: list[str]) -> tuple[dict[str, Adapter], dict[str, str]]:
    ready: dict[str, Adapter] = {}
    skipped: dict[str, str] = {}
    for name in names:
        adapter = ADAPTERS[name]()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                adapter.setup()
        except Unavailable as exc:
            skipped[name] = str(exc)
            print(f"bench: skipping {name}: {exc}", file=sys.stderr)
            continue
        ready[name] = adapter
    return ready, skipped


def run_one(adapter: Adapter, html: str, url: str | None, timeout: float) -> tuple[dict[str, Any], float, str | None]:
    """(prediction, CPU seconds of the extraction call, error) for one page; the prediction also
    holds the call's wall-clock seconds as ``wall_seconds``.

    Speed is compared in CPU time (``time.process_time``): on a shared machine, wall time also
    counts the moments the scheduler gave the core to another process, which hits long calls more
    often than short ones and so inflates the ratio of a slower extractor to a faster one.
    """
    try:
        with time_limit(timeout):
            w0 = time.perf_counter()
            t0 = time.process_time()
            raw = adapter.extract(html, url)
            seconds = time.process_time() - t0
            wall = time.perf_counter() - w0
    except Exception as exc:  # noqa: BLE001 - any extractor failure is counted, never fatal
        return {f: None for f in FIELDS}, float("nan"), f"{type(exc).__name__}: {str(exc)[:200]}"
    try:
        pred = adapter.convert(raw)
    except Exception as exc:  # noqa: BLE001
        return {f: None for f in FIELDS}, seconds, f"convert: {type(exc).__name__}: {str(exc)[:200]}"
    pred["wall_seconds"] = wall
    return pred, seconds, None


def benchmark(
    corpus: Path, records: list[dict[str, Any]], adapters: dict[str, Adapter], timeout: float
) -> tuple[dict[str, dict[str, dict[str, Any]]], dict[str, dict[str, str]]]:
    """Run all adapters on all pages, taking turns page by page. Returns predictions and errors."""
    names = list(adapters)
    preds: dict[str, dict[str, dict[str, Any]]] = {n: {} for n in names}
    errors: dict[str, dict[str, str]] = {n: {} for n in names}
    # one untimed warm-up call each (imports, caches, lazily compiled patterns)
    warm = read_page(corpus, records[0])
    for name in names:
        run_one(adapters[name], warm, records[0].get("url"), timeout)
    start = time.perf_counter()
    for i, rec in enumerate(records):
        html = read_page(corpus, rec)
        url = rec.get("url")
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pred, seconds, error = run_one(adapters[name], html, url, timeout)
            pred["seconds"] = seconds
            preds[name][rec["id"]] = pred
            if error:
                errors[name][rec["id"]] = error
        if (i + 1) % 50 == 0 or i + 1 == len(records):
            spent = time.perf_counter() - start
            eta = spent / (i + 1) * (len(records) - i - 1)
            print(f"bench: {i + 1}/{len(records)} pages, {spent:.0f} s, ~{eta:.0f} s left", file=sys.stderr, flush=True)
    return preds, errors


def page_size(corpus: Path, rec: dict[str, Any]) -> int:
    """Uncompressed size of a page, from the gzip trailer (ISIZE), without decompressing it."""
    with open(corpus / rec["dataset"] / rec["page"], "rb") as fh:
        fh.seek(-4, os.SEEK_END)
        return int.from_bytes(fh.read(4), "little")


def memory_sample(corpus: Path, records: list[dict[str, Any]], n: int) -> tuple[list[dict[str, Any]], set[str]]:
    """The pages of the memory pass: all (n <= 0 or n >= len), else n/2 evenly spaced + the n/2 largest.

    Returns the pages and the ids of the evenly spaced ones (the typical pages; the largest
    ones are there for the peak).
    """
    if n <= 0 or n >= len(records):
        return records, {r["id"] for r in records}
    step = len(records) / (n - n // 2)
    even = [records[int(i * step)] for i in range(n - n // 2)]
    even_ids = {r["id"] for r in even}
    largest = sorted((r for r in records if r["id"] not in even_ids), key=lambda r: page_size(corpus, r))[-(n // 2) :]
    return even + largest, even_ids


def measure_memory(corpus: Path, records: list[dict[str, Any]], adapter: Adapter, n: int) -> dict[str, Any]:
    """tracemalloc peak of newsparse's call per page (a separate, untimed pass over a sample)."""
    sample, typical = memory_sample(corpus, records, n)
    peaks: dict[str, float] = {}
    start = time.perf_counter()
    tracemalloc.start()
    try:
        for i, rec in enumerate(sample):
            html = read_page(corpus, rec)
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    result = adapter.extract(html, rec.get("url"))
            except Exception:  # noqa: BLE001 - errors are counted in the timed pass
                result = None
            peaks[rec["id"]] = (tracemalloc.get_traced_memory()[1] - base) / 2**20
            del result
            if (i + 1) % 100 == 0:
                print(f"bench: memory pass {i + 1}/{len(sample)}, {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    finally:
        tracemalloc.stop()
    if not peaks:
        return {}
    worst = max(peaks, key=peaks.__getitem__)
    return {
        "tracemalloc_pages": len(peaks),
        "tracemalloc_sample": "all pages" if len(typical) == len(peaks) else f"{len(typical)} evenly spaced + {len(peaks) - len(typical)} largest pages",
        "tracemalloc_peak_mib_max": round(peaks[worst], 2),
        "tracemalloc_peak_max_page": worst,
        "tracemalloc_peak_max_page_kib": round(page_size(corpus, next(r for r in sample if r["id"] == worst)) / 1024),
        "tracemalloc_peak_mib_median": round(statistics.median(v for k, v in peaks.items() if k in typical), 2),
    }


def save_predictions(out: Path, preds: dict[str, dict[str, dict[str, Any]]], errors: dict[str, dict[str, str]]) -> None:
    folder = out / "predictions"
    folder.mkdir(parents=True, exist_ok=True)
    for name, by_id in preds.items():
        with open(folder / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for pid, pred in by_id.items():
                row = {"id": pid, **{f: pred.get(f) for f in FIELDS}, "seconds": pred.get("seconds"), "wall_seconds": pred.get("wall_seconds")}
                if pid in errors.get(name, {}):
                    row["error"] = errors[name][pid]
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def load_predictions(out: Path) -> tuple[dict[str, dict[str, dict[str, Any]]], dict[str, dict[str, str]]]:
    preds: dict[str, dict[str, dict[str, Any]]] = {}
    errors: dict[str, dict[str, str]] = {}
    folder = out / "predictions"
    if not folder.is_dir():
        raise SystemExit(f"bench: no saved predictions in {folder}; run without --rescore first")
    for path in sorted(folder.glob("*.jsonl")):
        name = path.stem
        preds[name], errors[name] = {}, {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                pid = row.pop("id")
                if "error" in row:
                    errors[name][pid] = row.pop("error")
                if row.get("seconds") is None:
                    row["seconds"] = float("nan")
                preds[name][pid] = row
    return preds, errors


@contextlib.contextmanager
def scoring_corpus(corpus: Path, records: list[dict[str, Any]]) -> Iterator[Path]:
    """The corpus to score against: the real one, or a temporary copy of the chosen truth records.

    A run on part of the corpus (``--limit``) is scored on the pages it ran only; the temporary
    folder holds the selected ``truth.jsonl`` lines and links to the real ``pages/`` folders.
    """
    chosen: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        chosen.setdefault(rec["dataset"], []).append(rec)
    full = all(
        sum(1 for line in open(corpus / ds / "truth.jsonl", encoding="utf-8") if line.strip()) == len(recs)
        for ds, recs in chosen.items()
    )
    if full:
        yield corpus
        return
    with tempfile.TemporaryDirectory(prefix="newsparse-bench-") as tmp:
        root = Path(tmp)
        for ds, recs in chosen.items():
            (root / ds).mkdir()
            with open(root / ds / "truth.jsonl", "w", encoding="utf-8") as fh:
                for rec in recs:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            os.symlink(corpus / ds / "pages", root / ds / "pages")
        yield root


def score(preds: dict[str, dict[str, dict[str, Any]]], corpus: Path, datasets: list[str]) -> dict[str, Any]:
    """Accuracy of each extractor's predictions, by the evaluation module's scoring function."""
    try:
        from newsparse._evaluate import score_corpus
    except ImportError as exc:
        raise SystemExit(f"bench: this newsparse has no _evaluate.score_corpus to score with ({exc})") from None
    return {name: score_corpus(p, corpus, datasets=datasets) for name, p in preds.items() if name != LXML}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: %(default)s)")
    ap.add_argument("--datasets", help="comma-separated dataset names (default: all)")
    ap.add_argument("--limit", type=int, help="only the first N pages of each dataset")
    ap.add_argument(
        "--extractors",
        help=f"comma-separated, from: {', '.join(DEFAULT_EXTRACTORS)} (default: all installed)",
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds before a call counts as an error")
    ap.add_argument(
        "--memory-pages",
        type=int,
        default=200,
        help="pages of the untimed tracemalloc pass over newsparse: half evenly spaced, half the largest "
        "(default %(default)s; 0 = all pages)",
    )
    ap.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass over newsparse")
    ap.add_argument("--rescore", action="store_true", help="re-score the predictions saved in --out, run nothing")
    ap.add_argument("--update-docs", action="store_true", help="rewrite the table section of docs/benchmarks.md and docs/benchmarks.png")
    args = ap.parse_args(argv)
    args.datasets = [d.strip() for d in args.datasets.split(",") if d.strip()] if args.datasets else None
    names = [e.strip() for e in args.extractors.split(",") if e.strip()] if args.extractors else list(DEFAULT_EXTRACTORS)
    unknown = [n for n in names if n not in ADAPTERS or n == LXML]
    if unknown:
        ap.error(f"unknown extractor(s) {', '.join(unknown)}; choose from {', '.join(DEFAULT_EXTRACTORS)}")
    args.extractors = names
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # the extractors' own warnings (unparsable dates, fallbacks) would flood the progress output
    logging.basicConfig(level=logging.CRITICAL)
    corpus = args.corpus.resolve()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    records = load_corpus(corpus, args.datasets, args.limit)
    if not records:
        raise SystemExit("bench: no pages selected")
    datasets = sorted({r["dataset"] for r in records})
    command = "python " + " ".join(shlex.quote(a) for a in [os.path.relpath(__file__, os.getcwd()), *(argv if argv is not None else sys.argv[1:])])

    if args.rescore:
        preds, errors = load_predictions(out)
        run = json.loads((out / "run.json").read_text(encoding="utf-8")) if (out / "run.json").is_file() else {}
        ids = {pid for p in preds.values() for pid in p}
        records = [r for r in records if r["id"] in ids]
        datasets = sorted({r["dataset"] for r in records})
        run.setdefault("command", command)
    else:
        names = list(args.extractors)
        if "newsparse" in names:
            names.append(LXML)
        adapters, skipped = setup_adapters(names)
        if not adapters:
            raise SystemExit("bench: no extractor could be set up")
        print(f"bench: {len(records)} pages of {len(datasets)} dataset(s); extractors: {', '.join(adapters)}", file=sys.stderr)
        load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        t0 = time.perf_counter()
        preds, errors = benchmark(corpus, records, adapters, args.timeout)
        wall = time.perf_counter() - t0
        save_predictions(out, preds, errors)  # first, so a stopped memory pass loses nothing (--rescore)
        memory: dict[str, Any] = {}
        memory["ru_maxrss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        if "newsparse" in adapters and not args.no_memory:
            print("bench: tracemalloc pass over newsparse (untimed)", file=sys.stderr)
            memory.update(measure_memory(corpus, records, adapters["newsparse"], args.memory_pages))
        run = {
            "command": command,
            "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "pages": len(records),
            "datasets": datasets,
            "wall_seconds": round(wall, 1),
            "load_start": load_start,
            "load_end": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
            "versions": {n: versions(a.packages) for n, a in adapters.items()},
            "skipped": skipped,
            "memory": memory,
        }
        (out / "run.json").write_text(json.dumps(run, indent=1), encoding="utf-8")

    with scoring_corpus(corpus, records) as scored_corpus:
        scores = score(preds, scored_corpus, datasets)
    order = [n for n in DEFAULT_EXTRACTORS if n in preds] + [n for n in preds if n not in DEFAULT_EXTRACTORS and n != LXML]
    fields = {n: ADAPTERS[n].fields for n in order}
    write_outputs(
        out=out,
        order=order,
        fields=fields,
        scores=scores,
        preds=preds,
        errors=errors,
        run=run,
        docs_page=DOCS_PAGE if args.update_docs else None,
        docs_chart=DOCS_CHART if args.update_docs else None,
    )
    print((out / "table.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
