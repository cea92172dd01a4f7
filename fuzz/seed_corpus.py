"""The fuzzing seed corpus, built at run time from the test fixtures and examples (no copies kept).

``python fuzz/seed_corpus.py OUTDIR`` writes it to a folder (as atheris / libFuzzer take it);
:func:`seeds` gives it in memory. Besides every ``tests/fixtures/*/page.*`` and ``examples/*``
page, a few tiny hand-made seeds steer the fuzzer towards the hostile shapes of ``tests/test_hostile.py``
(declared charsets, entities and DOCTYPEs, JSON-LD, gzip, UTF-16).
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Small seeds for the parts of the input handling the fixtures do not reach.
_EXTRA_SEEDS: tuple[bytes, ...] = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><p>&e;</p></body></html>',
    b'<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><h1>Caf\xe9</h1><p>cr\xe8me br\xfbl\xe9e</p></body></html>',
    b'<html><head><meta charset="utf-8"></head><body><p>lying \xe9 charset</p></body></html>',
    b'<html><head><base href="javascript:alert(1)"><script type="application/ld+json">{"@type":"NewsArticle",'
    b'"headline":"H","datePublished":"2020-01-02T03:04:05Z","author":{"@type":"Person","name":"Jane Doe"}}</script>'
    b'</head><body><a href="javascript:void(0)">x</a><time datetime="2020-01-02">Jan 2</time></body></html>',
    "<html><body><h1>Titel</h1><p>Grüße aus Köln.</p></body></html>".encode("utf-16-le"),
    gzip.compress(b"<html><body><h1>Zipped</h1><p>A gzip-compressed page.</p></body></html>", mtime=0),
    "العنوان\n\nبقلم فلان\n\nهذا نص عربي.\n".encode(),
    b"HEADLINE\n\nBy Jane Doe\n\nLONDON (Reuters) - Text of the story.\n\nComments\n\nBob says:\nNice.\n",
)


def seeds() -> list[bytes]:
    """Every seed, fixtures first (sorted by path), then the hand-made ones."""
    out: list[bytes] = []
    paths = sorted((ROOT / "tests" / "fixtures").glob("*/page.*")) + sorted((ROOT / "examples").glob("*"))
    for path in paths:
        if path.is_file():
            out.append(path.read_bytes())
    out.extend(_EXTRA_SEEDS)
    return out


def write(outdir: Path) -> int:
    """Write the seeds to ``outdir`` (named by content hash); returns how many were written."""
    outdir.mkdir(parents=True, exist_ok=True)
    for data in seeds():
        (outdir / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return len(seeds())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python fuzz/seed_corpus.py OUTDIR")
    print(f"{write(Path(sys.argv[1]))} seeds written to {sys.argv[1]}")
