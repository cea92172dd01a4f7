"""Speed work helpers: output equivalence, per-page time ratio to a bare lxml parse, and a profile.

Run from the repository root with the code to test on ``PYTHONPATH``::

    python benchmarks/speed_check.py record OUT.jsonl          # Article.to_dict() of every page
    python benchmarks/speed_check.py compare REF.jsonl         # same run, diffed against REF
    python benchmarks/speed_check.py ratio --limit 40          # median newsparse / lxml time per page
    python benchmarks/speed_check.py stages                    # per-page time of each stage and field
    python benchmarks/speed_check.py ab OLD_SRC [--new SRC]    # two versions in turn, one process each
    python benchmarks/speed_check.py profile --pages 300       # cProfile, top functions and modules

Times are CPU times (``time.process_time``): the machine may be shared.

Pages: every corpus page (``--corpus``) and every gold page, HTML and plain text (``--gold``).
Nothing from the pages is written anywhere but the output file given.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import decode  # noqa: E402

#: The shared data folder (corpus, gold): $NEWSPARSE_SHARED, else ``shared`` beside the repository.
SHARED = Path(os.environ.get("NEWSPARSE_SHARED") or HERE.parent.parent / "shared")


def corpus_pages(corpus: Path, limit: int | None = None) -> Iterator[tuple[str, bytes, str | None, str | None]]:
    """(id, bytes, url, format) of every corpus page, dataset by dataset."""
    for truth in sorted(corpus.glob("*/truth.jsonl")):
        n = 0
        for line in truth.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            data = gzip.decompress((truth.parent / rec["page"]).read_bytes())
            yield rec["id"], data, rec.get("url"), None
            n += 1
            if limit and n >= limit:
                break


def gold_pages(gold: Path) -> Iterator[tuple[str, bytes, str | None, str | None]]:
    for line in (gold / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        yield rec["id"] + "#html", gzip.decompress((gold / rec["page"]).read_bytes()), rec.get("url"), "html"
        yield rec["id"] + "#text", (gold / rec["text_page"]).read_bytes(), rec.get("url"), "text"


def all_pages(args: argparse.Namespace) -> Iterator[tuple[str, bytes, str | None, str | None]]:
    yield from corpus_pages(args.corpus, args.limit)
    if not args.no_gold:
        yield from gold_pages(args.gold)


def run_outputs(args: argparse.Namespace) -> Iterator[tuple[str, Any]]:
    import newsparse

    for pid, data, url, fmt in all_pages(args):
        out: dict[str, Any] = {}
        for plugins in (False, True):
            try:
                art = newsparse.parse(data, url=url, format=fmt, plugins=plugins)
                out[str(plugins)] = art.to_dict()
            except Exception as exc:  # an error is an output too
                out[str(plugins)] = f"{type(exc).__name__}: {exc}"
            try:
                art = newsparse.parse(decode(data) if fmt != "text" else data.decode("utf-8"), url=url, format=fmt, plugins=plugins)
                out["str" + str(plugins)] = art.to_dict()
            except Exception as exc:
                out["str" + str(plugins)] = f"{type(exc).__name__}: {exc}"
        yield pid, out


def cmd_record(args: argparse.Namespace) -> None:
    with open(args.out, "w", encoding="utf-8") as fh:
        for pid, out in run_outputs(args):
            fh.write(json.dumps({"id": pid, "out": out}, sort_keys=True, ensure_ascii=False) + "\n")


def _diff(a: Any, b: Any, path: str = "") -> list[str]:
    if type(a) is not type(b):
        return [f"{path}: {a!r:.200} != {b!r:.200}"]
    if isinstance(a, dict):
        out = []
        for k in sorted(set(a) | set(b), key=str):
            out += _diff(a.get(k), b.get(k), f"{path}.{k}")
        return out
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: len {len(a)} != {len(b)}: {a!r:.300} != {b!r:.300}"]
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += _diff(x, y, f"{path}[{i}]")
        return out
    return [] if a == b else [f"{path}: {a!r:.200} != {b!r:.200}"]


def cmd_compare(args: argparse.Namespace) -> None:
    ref = {}
    for line in Path(args.ref).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        ref[rec["id"]] = rec["out"]
    n = bad = 0
    for pid, out in run_outputs(args):
        n += 1
        out = json.loads(json.dumps(out, sort_keys=True, ensure_ascii=False))
        if pid not in ref:
            print(f"{pid}: not in the reference")
            continue
        d = _diff(ref[pid], out)
        if d:
            bad += 1
            print(pid)
            for line in d[:8]:
                print("   ", line)
    print(f"{n} pages, {bad} differ")


def _lxml_parse(text: str) -> Any:
    import lxml.html

    if text.lstrip()[:5] == "<?xml":
        return lxml.html.document_fromstring(text.encode("utf-8"))
    try:
        return lxml.html.document_fromstring(text)
    except ValueError:
        return lxml.html.document_fromstring(text.encode("utf-8"))


def cmd_ratio(args: argparse.Namespace) -> None:
    """Median per-page time of newsparse.parse(str) and of a bare lxml parse, best of --repeat."""
    import newsparse

    np_t: list[float] = []
    lx_t: list[float] = []
    ratios: list[float] = []
    per_ds: dict[str, list[float]] = defaultdict(list)
    texts = [(pid, decode(data), url) for pid, data, url, _f in corpus_pages(args.corpus, args.limit)]
    newsparse.parse(texts[0][1], url=texts[0][2], plugins=False)  # warm-up
    for pid, text, url in texts:
        best_np = best_lx = float("inf")
        for _ in range(args.repeat):
            t0 = time.process_time()
            _lxml_parse(text)
            t1 = time.process_time()
            newsparse.parse(text, url=url, plugins=False)
            t2 = time.process_time()
            best_lx = min(best_lx, t1 - t0)
            best_np = min(best_np, t2 - t1)
        np_t.append(best_np)
        lx_t.append(best_lx)
        ratios.append(best_np / best_lx)
        per_ds[pid.split("/")[0]].append(best_np)
    med_np, med_lx = statistics.median(np_t), statistics.median(lx_t)
    print(f"{len(texts)} pages: newsparse median {med_np * 1000:.2f} ms, lxml median {med_lx * 1000:.2f} ms, "
          f"ratio of medians {med_np / med_lx:.2f}, median of per-page ratios {statistics.median(ratios):.2f}, "
          f"total {sum(np_t):.2f} s vs {sum(lx_t):.2f} s")
    for ds, ts in sorted(per_ds.items()):
        print(f"  {ds:24s} {statistics.median(ts) * 1000:7.2f} ms")


def cmd_stages(args: argparse.Namespace) -> None:
    """Per-page time of each stage (load, tree, metadata, blocks, then each field in chain order)."""
    from newsparse._extractor import FIELDS
    from newsparse._generic import GenericExtractor
    from newsparse._page import load_page

    texts = [(decode(data), url) for _pid, data, url, _f in corpus_pages(args.corpus, args.limit)]
    stages: dict[str, list[float]] = defaultdict(list)
    ext = GenericExtractor()
    for text, url in texts:
        t0 = time.process_time()
        page = load_page(text, url=url)
        t1 = time.process_time()
        stages["load"].append(t1 - t0)
        for name in ("tree", "metadata", "blocks"):
            t0 = time.process_time()
            getattr(page, name)
            stages[name].append(time.process_time() - t0)
        for field in FIELDS:
            t0 = time.process_time()
            getattr(ext, field)(page)
            stages[field].append(time.process_time() - t0)
        stages["total"].append(sum(v[-1] for k, v in stages.items() if k != "total"))
    print(f"{len(texts)} pages; per stage: median ms, mean ms, share of total time")
    grand = sum(stages["total"])
    for name, ts in stages.items():
        print(f"  {name:12s} {statistics.median(ts) * 1000:7.3f} {statistics.fmean(ts) * 1000:7.3f} {100 * sum(ts) / grand:5.1f}%")


def cmd_worker(args: argparse.Namespace) -> None:
    """For ``ab``: read page numbers on stdin, parse each page, answer with its CPU time."""
    import newsparse

    texts = [(decode(data), url) for _pid, data, url, _f in corpus_pages(args.corpus, args.limit)]
    print(len(texts), flush=True)
    for line in sys.stdin:
        i = int(line)
        text, url = texts[i]
        t0 = time.process_time()
        if args.lxml:
            _lxml_parse(text)
        else:
            newsparse.parse(text, url=url, plugins=False)
        print(time.process_time() - t0, flush=True)


def cmd_ab(args: argparse.Namespace) -> None:
    """Per-page CPU time of two code versions (and a bare lxml parse), each in its own process,
    taking turns page by page (order alternating): robust to a busy machine."""
    import subprocess

    def start(src: str, *extra: str) -> subprocess.Popen[str]:
        env = dict(os.environ, PYTHONPATH=src)
        cmd = [sys.executable, __file__, "--corpus", str(args.corpus)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        return subprocess.Popen(cmd + ["worker", *extra], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    procs = {"ref": start(args.ref), "new": start(args.new or str(HERE.parent / "src")), "lxml": start(args.ref, "--lxml")}
    counts = {name: int(p.stdout.readline()) for name, p in procs.items()}  # type: ignore[union-attr]
    n = counts["ref"]
    times: dict[str, list[float]] = {name: [] for name in procs}
    for i in range(n):
        order = ["lxml", "ref", "new"] if i % 2 else ["lxml", "new", "ref"]
        for name in order:
            p = procs[name]
            p.stdin.write(f"{i}\n")  # type: ignore[union-attr]
            p.stdin.flush()  # type: ignore[union-attr]
            times[name].append(float(p.stdout.readline()))  # type: ignore[union-attr]
    for p in procs.values():
        p.stdin.close()  # type: ignore[union-attr]
        p.wait()
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{n} pages, median CPU ms: ref {med['ref'] * 1000:.2f}  new {med['new'] * 1000:.2f}  "
          f"lxml {med['lxml'] * 1000:.2f};  new/ref {med['new'] / med['ref']:.3f};  "
          f"x lxml: ref {med['ref'] / med['lxml']:.2f} new {med['new'] / med['lxml']:.2f};  "
          f"totals s: ref {sum(times['ref']):.2f} new {sum(times['new']):.2f} lxml {sum(times['lxml']):.2f}")


def cmd_profile(args: argparse.Namespace) -> None:
    import newsparse

    pages = [(decode(data), url) for _pid, data, url, _f in corpus_pages(args.corpus, None)]
    step = max(1, len(pages) // args.pages)
    pages = pages[::step][: args.pages]
    t0 = time.process_time()
    newsparse.parse(pages[0][0], url=pages[0][1], plugins=False)
    print(f"cold first parse: {(time.process_time() - t0) * 1000:.1f} ms")
    t0 = time.process_time()
    newsparse.parse(pages[0][0], url=pages[0][1], plugins=False)
    print(f"warm same page:   {(time.process_time() - t0) * 1000:.1f} ms")
    prof = cProfile.Profile()
    prof.enable()
    for text, url in pages:
        newsparse.parse(text, url=url, plugins=False)
    prof.disable()
    st = pstats.Stats(prof)
    total = st.total_tt  # type: ignore[attr-defined]
    print(f"{len(pages)} pages, {total:.2f} s profiled")
    by_mod: dict[str, float] = defaultdict(float)
    for (file, _line, _fn), (_cc, _nc, tt, _ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        if "/newsparse/" in file:
            mod = "newsparse/" + file.rsplit("/newsparse/", 1)[1]
        elif file == "~":
            mod = "builtins/C"
        else:
            mod = Path(file).name
        by_mod[mod] += tt
    print("self time by module:")
    for mod, tt in sorted(by_mod.items(), key=lambda kv: -kv[1])[:25]:
        print(f"  {tt:7.3f} s {100 * tt / total:5.1f}%  {mod}")
    st.sort_stats(args.sort).print_stats(args.top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--no-gold", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each dataset")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("record")
    p.add_argument("out")
    p = sub.add_parser("compare")
    p.add_argument("ref")
    p = sub.add_parser("ratio")
    p.add_argument("--repeat", type=int, default=1)
    sub.add_parser("stages")
    p = sub.add_parser("worker")
    p.add_argument("--lxml", action="store_true")
    p = sub.add_parser("ab")
    p.add_argument("ref", help="src folder of the reference version")
    p.add_argument("--new", help="src folder of the new version (default: this checkout)")
    p = sub.add_parser("profile")
    p.add_argument("--pages", type=int, default=300)
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--sort", default="tottime")
    args = ap.parse_args()
    {"worker": cmd_worker, "ab": cmd_ab, "stages": cmd_stages, "record": cmd_record, "compare": cmd_compare, "ratio": cmd_ratio, "profile": cmd_profile}[args.cmd](args)


if __name__ == "__main__":
    main()
