"""Batch throughput and memory: newsparse with 1 and 2 workers beside trafilatura's parallel mode.

The corpus pages (``../shared/corpus/*/pages/*.html.gz``, read in place, never copied into the
repository) are packed into WARC files in a temporary folder, as HTML response records with their
corpus URL. Then, each in a fresh process so that peak memory is its own:

* ``newsparse extract WARCs -o out.jsonl --jobs N`` for N = 1, 2;
* the same pages unpacked from those WARCs to a folder of ``.html`` files (byte for byte), for
  ``newsparse extract FOLDER --jobs N`` and ``trafilatura --input-dir FOLDER --parallel N``
  (trafilatura reads no WARC files: its parallel mode takes a folder of pages);
* optionally (``--flat N``) newsparse over N pages (the corpus records repeated) with 2 workers,
  sampling memory every 10% to show it stays flat.

Memory is the proportional set size (PSS, Linux ``/proc/PID/smaps_rollup``) of the whole process
tree, sampled every 0.1 s: forked workers share pages with their parent, and PSS counts each
shared page once. Throughput is pages / wall-clock second, start-up included.

    python benchmarks/batch_bench.py                 # prints a Markdown table
    python benchmarks/batch_bench.py --flat 100000   # plus the memory-over-time run
    python benchmarks/batch_bench.py --json results.json

Needs the ``warc`` extra and, for the comparison, trafilatura (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: Pages per WARC file: the corpus is packed into a few files, as a crawl would be.
PAGES_PER_WARC = 500

#: Seconds between memory samples of the process tree.
SAMPLE_EVERY = 0.1


def shared_dir() -> Path | None:
    env = os.environ.get("NEWSPARSE_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


def corpus_pages(shared: Path) -> list[tuple[str | None, Path]]:
    """(url, page path) of every corpus page, in a fixed order."""
    out: list[tuple[str | None, Path]] = []
    for truth in sorted((shared / "corpus").glob("*/truth.jsonl")):
        for line in truth.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out.append((rec.get("url"), truth.parent / rec["page"]))
    return out


def pack_warcs(pages: list[tuple[str | None, Path]], folder: Path) -> list[Path]:
    """Write the pages as HTML response records into WARC files of PAGES_PER_WARC records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paths: list[Path] = []
    for start in range(0, len(pages), PAGES_PER_WARC):
        path = folder / f"corpus-{start // PAGES_PER_WARC:03d}.warc.gz"
        with open(path, "wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for i, (url, page) in enumerate(pages[start : start + PAGES_PER_WARC], start):
                payload = gzip.decompress(page.read_bytes())
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    url or f"https://corpus.invalid/page/{i}", "response", payload=io.BytesIO(payload), http_headers=headers
                )
                writer.write_record(record)
        paths.append(path)
    return paths


def unpack_to_folder(warcs: list[Path], folder: Path) -> int:
    """The WARCs' HTML records as ``.html`` files (the same bytes), for tools that read folders."""
    from newsparse._warc import iter_warc

    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for warc in warcs:
        for page in iter_warc(warc):
            (folder / f"{n:06d}.html").write_bytes(page.payload)
            n += 1
    return n


def _tree_pss_kib(pid: int) -> int:
    """PSS of a process and all its descendants, in KiB (Linux)."""
    total = 0
    stack = [pid]
    seen: set[int] = set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_measured(cmd: list[str], *, samples: list[tuple[float, int]] | None = None) -> dict[str, float]:
    """Run ``cmd``; wall-clock seconds, CPU seconds (its whole tree) and peak PSS of its process tree (MiB).

    CPU seconds say what the work costs even when other programs share the machine; wall-clock
    pages/s says what a user waits, and depends on that load.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            kib = _tree_pss_kib(proc.pid)
            peak = max(peak, kib)
            if samples is not None:
                samples.append((time.monotonic() - t0, kib))
            stop.wait(SAMPLE_EVERY)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, err = proc.communicate()
    secs = time.monotonic() - t0
    stop.set()
    thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):  # newsparse exits 1 when some page gave an error record
        raise RuntimeError(f"{cmd[:3]} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return {"seconds": secs, "cpu_seconds": cpu, "peak_mib": peak / 1024}


def newsparse_cmd(inputs: list[str], jobs: int, out: Path) -> list[str]:
    return [sys.executable, "-m", "newsparse", "extract", *inputs, "-o", str(out), "--jobs", str(jobs)]


def trafilatura_cmd(folder: Path, jobs: int, out: Path) -> list[str]:
    exe = shutil.which("trafilatura")
    if exe is None:
        raise RuntimeError("trafilatura is not installed (pip install -e '.[bench]')")
    return [exe, "--input-dir", str(folder), "--output-dir", str(out), "--parallel", str(jobs), "--json"]


def count_jsonl(path: Path) -> tuple[int, int]:
    pages = errors = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            pages += 1
            errors += '"error":' in line and '"message":' in line and json.loads(line).get("error") is not None
    return pages, errors


_FLAT_SCRIPT = """
import itertools, json, sys, time
from newsparse._batch import extract_many
from newsparse._warc import WarcPage, iter_warc

def synthetic(n):
    # pages of varied size and content, made on the fly (nothing is held by this driver)
    for i in range(n):
        paras = "".join(
            f"<p>Paragraph {j} of story {i}: the council met on Monday to discuss item {i * 7 % 101}.</p>"
            for j in range(5 + i % 40)
        )
        html = (f"<html><head><title>Story {i}</title></head><body><nav>Home | World</nav>"
                f"<article><h1>Story number {i} makes news</h1><p>By Reporter {i % 13}</p>{paras}</article>"
                "<footer>Copyright</footer></body></html>").encode()
        yield WarcPage(warc_path="synthetic", record_id=str(i), url=f"https://synthetic.example/{i}",
                       date=None, content_type="text/html", charset="utf-8", status=200, payload=html)

n, source = int(sys.argv[1]), sys.argv[2]
if source == "synthetic":
    src = synthetic(n)
else:
    # the WARCs read again and again, streamed: the driver holds no page
    src = itertools.islice((p for _ in itertools.count() for w in sys.argv[3:] for p in iter_warc(w)), n)
t0 = time.monotonic()
with open("/dev/null", "w") as out:
    for k, rec in enumerate(extract_many(src, jobs=2), 1):
        out.write(json.dumps(rec) + "\\n")
        if k % max(1, n // 10) == 0:
            print(k, round(time.monotonic() - t0, 2), file=sys.stderr, flush=True)
"""


def _flat_run(warcs: list[Path], n: int, source: str, work: Path) -> dict[str, Any]:
    """newsparse over ``n`` pages with 2 workers; the process tree's memory at each tenth of the run.

    ``source`` is ``corpus`` (the corpus WARCs streamed again and again) or ``synthetic`` (pages
    generated on the fly).
    """
    script = work / "flat.py"
    script.write_text(_FLAT_SCRIPT)
    samples: list[tuple[float, int]] = []
    result = run_measured([sys.executable, str(script), str(n), source, *map(str, warcs)], samples=samples)
    marks = []
    if samples:
        end = samples[-1][0]
        for tenth in range(1, 11):
            lo, hi = end * (tenth - 1) / 10, end * tenth / 10
            kib = max((k for s, k in samples if lo < s <= hi), default=0)
            marks.append(round(kib / 1024, 1))
    return {
        "pages": n,
        "source": source,
        "pages_per_s": n / result["seconds"],
        "peak_mib": result["peak_mib"],
        "peak_by_tenth_mib": marks,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--flat", type=int, default=0, metavar="N", help="also run N pages to check flat memory")
    parser.add_argument("--flat-source", choices=("corpus", "synthetic"), default="corpus")
    parser.add_argument("--only-flat", action="store_true", help="skip the throughput runs")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N corpus pages")
    parser.add_argument("--no-trafilatura", action="store_true")
    args = parser.parse_args(argv)

    shared = shared_dir()
    if shared is None:
        print("../shared (or $NEWSPARSE_SHARED) is absent: no corpus to benchmark on", file=sys.stderr)
        return 2
    pages = corpus_pages(shared)
    if args.limit:
        pages = pages[: args.limit]
    results: dict[str, Any] = {
        "pages": len(pages),
        "cores": os.cpu_count(),
        "load_before": round(os.getloadavg()[0], 1),
        "runs": [],
    }
    with tempfile.TemporaryDirectory(prefix="newsparse-bench-") as tmp:
        work = Path(tmp)
        warcs = pack_warcs(pages, work)
        folder = work / "html"
        n_html = unpack_to_folder(warcs, folder)
        results["warc_files"] = len(warcs)
        results["warc_mib"] = sum(w.stat().st_size for w in warcs) / 2**20
        runs: list[tuple[str, str, int, list[str], Path | None]] = []
        for jobs in () if args.only_flat else (1, 2):
            out = work / f"np-warc-{jobs}.jsonl"
            runs.append(("newsparse", "WARC", jobs, newsparse_cmd([str(w) for w in warcs], jobs, out), out))
        for jobs in () if args.only_flat else (1, 2):
            out = work / f"np-dir-{jobs}.jsonl"
            runs.append(("newsparse", "folder", jobs, newsparse_cmd([str(folder)], jobs, out), out))
        if not args.no_trafilatura and not args.only_flat:
            for jobs in (1, 2):
                out_dir = work / f"traf-{jobs}"
                runs.append(("trafilatura", "folder", jobs, trafilatura_cmd(folder, jobs, out_dir), None))
        for tool, source, jobs, cmd, out in runs:
            measured = run_measured(cmd)
            row: dict[str, Any] = {"tool": tool, "input": source, "jobs": jobs, **measured}
            row["pages"] = n_html
            if out is not None:
                row["records"], row["errors"] = count_jsonl(out)
            row["pages_per_s"] = n_html / measured["seconds"]
            row["pages_per_cpu_s"] = n_html / measured["cpu_seconds"] if measured["cpu_seconds"] else 0.0
            results["runs"].append(row)
            print(
                f"{tool:12s} {source:6s} jobs={jobs}: {row['pages_per_s']:.1f} pages/s, "
                f"{row['pages_per_cpu_s']:.1f} pages/CPU-s, peak {row['peak_mib']:.0f} MiB",
                file=sys.stderr,
            )
        if args.flat:
            results["flat"] = _flat_run(warcs, args.flat, args.flat_source, work)
    print(markdown(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"{results['pages']} corpus pages in {results['warc_files']} WARC files "
        f"({results['warc_mib']:.1f} MiB gzipped), {results['cores']} cores, "
        f"load average {results['load_before']} when the run started.",
        "",
        "| tool | input | workers | pages/s | wall s | pages per CPU-s | peak memory (PSS, MiB) | records (errors) |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results["runs"]:
        recs = f"{r['records']} ({r['errors']})" if "records" in r else "-"
        lines.append(
            f"| {r['tool']} | {r['input']} | {r['jobs']} | {r['pages_per_s']:.1f} | {r['seconds']:.1f} | "
            f"{r['pages_per_cpu_s']:.1f} | "
            f"{r['peak_mib']:.0f} | {recs} |"
        )
    flat = results.get("flat")
    if flat:
        lines += [
            "",
            f"Flat memory: {flat['pages']} {flat['source']} pages with 2 workers, {flat['pages_per_s']:.1f} pages/s; peak PSS "
            f"of the process tree at each tenth of the run (MiB): {', '.join(map(str, flat['peak_by_tenth_mib']))}.",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
