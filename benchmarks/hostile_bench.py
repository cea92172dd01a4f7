"""Worst-case time and peak memory per MB of input over the hostile-input cases (not a test).

    python benchmarks/hostile_bench.py                 # every case, full size (~10 minutes on 2 cores)
    python benchmarks/hostile_bench.py --only deep-div,siblings-p --cap 120
    python benchmarks/hostile_bench.py --update-docs   # rewrite the table in docs/hostile.md

Each case runs in a fresh process, so its peak resident memory is its own: the input is built,
the process's peak RSS is read (the baseline: interpreter, lxml, newsparse and the input itself),
then ``newsparse.parse`` runs once with no time budget and the peak RSS is read again. The table
gives seconds and extra peak MB per MB of input; a case over ``--cap`` seconds is killed and shown
as ``> cap``. Inputs are generated, never stored.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "hostile.md"

_P = "<p>The harbor will close for six weeks while engineers repair the sea wall, officials said.</p>\n"
_LINE = "The harbor will close for six weeks while engineers repair the sea wall.\n"
_STORY = "<h1>Harbor closes</h1><p>By Jane Doe</p>" + _P * 3


def _html(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


#: name -> (what it is, a function building the input bytes)
CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "random-bytes": ("1 MiB of random bytes", lambda: random.Random(0).randbytes(1 << 20)),
    "random-text": ("1 MB of random printable ASCII with digits", lambda: "".join(
        random.Random(1).choice("abcdefgh ijk\n0123456789<>&;./-:") for _ in range(1_000_000)).encode()),
    "html-50mb": ("a 50 MB page of 550,000 story paragraphs", lambda: (
        "<html><body><h1>Harbor closes</h1>" + _P * (50_000_000 // len(_P)) + "</body></html>").encode()),
    "text-10mb": ("a 10 MB plain-text page of story lines", lambda: (
        "Harbor closes\n\nBy Jane Doe\n\n" + _LINE * (10_000_000 // len(_LINE))).encode()),
    "text-50mb": ("a 50 MB plain-text page of story lines", lambda: (
        "Harbor closes\n\nBy Jane Doe\n\n" + _LINE * (50_000_000 // len(_LINE))).encode()),
    "deep-div": ("100,000 nested <div>", lambda: _html(_STORY + "<div>" * 100_000 + "deep" + "</div>" * 100_000)),
    "deep-unclosed": ("100,000 unclosed <div><span>", lambda: _html(_STORY + "<div><span>" * 100_000 + "deep")),
    "deep-table": ("30,000 nested tables", lambda: _html(_STORY + "<table><tr><td>" * 30_000 + "deep")),
    "siblings-p": ("1,000,000 sibling <p>x</p>", lambda: _html(_STORY + "<p>x</p>" * 1_000_000)),
    "siblings-br": ("1,000,000 sibling <br>", lambda: _html(_STORY + "<br>" * 1_000_000)),
    "huge-attr": ("a 10 MB class attribute", lambda: _html(f"<div class='{'story byline ' * 800_000}'>{_STORY}</div>")),
    "huge-text": ("a 20 MB text node without spaces", lambda: _html(_STORY + f"<p>{'w' * 20_000_000}</p>")),
    "huge-words": ("a 25 MB text node of words", lambda: _html(_STORY + f"<p>{'word ' * 5_000_000}</p>")),
    "entities": ("19 MB of character references", lambda: _html(_STORY + "<p>" + "&amp;&#x41;&#0;&#xD800;&#99999999;" * 600_000 + "</p>")),
    "entity-bomb": ("billion laughs + external entities", lambda: (
        '<?xml version="1.0"?><!DOCTYPE b [<!ENTITY l0 "lol">'
        + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 12))
        + '<!ENTITY f SYSTEM "file:///etc/passwd">]><html><body>' + _STORY + "<p>&l11;&f;</p></body></html>").encode()),
    "jsonld-deep": ("JSON-LD nested 100,000 deep", lambda: _html(_STORY, '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>")),
    "jsonld-wide": ("JSON-LD of 600,000 empty lists", lambda: _html(_STORY, '<script type="application/ld+json">[' + ",".join(["[]"] * 600_000) + "]</script>")),
    "only-scripts": ("10 MB of <script> only", lambda: _html("<script>var a = 1;</script>" * 400_000)),
    "meta-flood": ("200,000 <meta> author tags", lambda: _html(_STORY, '<meta name="author" content="John Smith">' * 200_000)),
    "time-flood": ("200,000 <time> elements", lambda: _html(_STORY + '<time datetime="2020-01-01">Jan 1</time>' * 200_000)),
    "comment-flood": ("100,000 reader comments", lambda: _html(
        "<article>" + _STORY + "</article><div id='comments'>"
        + '<div class="comment"><span class="author">Bob</span><p>Nice piece.</p></div>' * 100_000 + "</div>")),
    "utf16-nobom": ("5 MB page in UTF-16-LE without BOM", lambda: (
        "<html><body><h1>Grüße</h1>" + "<p>Grüße aus Köln — 東京.</p>" * 200_000 + "</body></html>").encode("utf-16-le")),
    "scripts-mixed": ("5 MB of Arabic, Hebrew, CJK, Devanagari, Cyrillic", lambda: _html(
        "<h1>عنوان</h1>" + "<p>مرحبا بالعالم שלום עולם 你好世界 नमस्ते दुनिया Привет мир</p>" * 60_000)),
    "gzip-bomb": ("a gzip of 65 MiB of zeros (refused)", lambda: gzip.compress(b"\x00" * (65 << 20), mtime=0)),
}

_CHILD = r"""
import resource, sys, time, json
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
import newsparse
from hostile_bench import CASES
data = CASES[{name!r}][1]()
newsparse.parse("<html><body><p>warm up</p></body></html>")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    article = newsparse.parse(data)
    outcome = "Article" + (" (warnings)" if article.warnings else "")
except newsparse.NewsparseError as exc:
    outcome = type(exc).__name__
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"bytes": len(data), "seconds": seconds, "extra_mb": (peak - base) / 1024, "outcome": outcome}}))
"""


def run_case(name: str, cap: float) -> dict[str, object]:
    code = _CHILD.format(root=str(ROOT / "src"), bench=str(Path(__file__).resolve().parent), name=name)
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=cap)
    except subprocess.TimeoutExpired:
        return {"name": name, "seconds": None, "outcome": f"> {cap:g} s (killed)", "wall": time.perf_counter() - start}
    if proc.returncode != 0:
        return {"name": name, "seconds": None, "outcome": f"CRASH: {proc.stderr.strip().splitlines()[-1:]}"}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["name"] = name
    return result


def table(results: list[dict[str, object]], cap: float) -> str:
    lines = [
        "| case | input | input MB | outcome | seconds | s / MB | extra peak MB | peak MB / MB |",
        "|---|---|---:|---|---:|---:|---:|---:|",
    ]
    for r in results:
        name = str(r["name"])
        what = CASES[name][0].replace("<", "&lt;")  # markdown would read <div> as a tag
        if r.get("seconds") is None:
            lines.append(f"| {name} | {what} | | {r['outcome']} | > {cap:g} | | | |")
            continue
        mb = int(r["bytes"]) / 1e6  # type: ignore[call-overload]
        sec = float(r["seconds"])  # type: ignore[arg-type]
        extra = max(0.0, float(r["extra_mb"]))  # type: ignore[arg-type]
        lines.append(
            f"| {name} | {what} | {mb:.2f} | {r['outcome']} | {sec:.2f} | {sec / mb:.2f} | {extra:.0f} | {extra / mb:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="comma-separated case names")
    ap.add_argument("--cap", type=float, default=300.0, help="seconds after which a case is killed (default 300)")
    ap.add_argument("--update-docs", action="store_true", help="rewrite the table in docs/hostile.md")
    args = ap.parse_args()
    names = args.only.split(",") if args.only else list(CASES)
    results = []
    for name in names:
        r = run_case(name, args.cap)
        print(json.dumps(r), file=sys.stderr, flush=True)
        results.append(r)
    out = table(results, args.cap)
    print(out)
    if args.update_docs:
        text = DOC.read_text()
        block = f"<!-- hostile-bench:start -->\n{out}\n<!-- hostile-bench:end -->"
        DOC.write_text(re.sub(r"<!-- hostile-bench:start -->.*<!-- hostile-bench:end -->", lambda _: block, text, flags=re.S))


if __name__ == "__main__":
    main()
