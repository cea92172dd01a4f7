"""Fuzz ``newsparse.parse`` with atheris, or with a plain seeded mutation loop when atheris is absent.

    pip install -e ".[fuzz]"
    python fuzz/fuzz_parse.py -atheris_runs=100000            # atheris (coverage-guided)
    python fuzz/fuzz_parse.py -atheris_runs=300 -seed=1       # without atheris: mutation loop
    python fuzz/fuzz_parse.py -atheris_runs=100000 CORPUS_DIR # atheris, corpus kept in CORPUS_DIR (seeded when new)

The seed corpus is built at run time from the fixtures and examples (``seed_corpus.py``). The
property checked on every input: ``parse`` returns an ``Article`` or raises a ``NewsparseError``;
the generic extractor never fails (its failures would only show as warnings); the article
survives ``to_dict`` -> JSON -> ``from_dict``. Anything else is a finding: atheris stops and
saves the input as ``crash-*``; the fallback loop raises :class:`Finding` with the input.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import seed_corpus  # noqa: E402

try:  # pragma: no cover - depends on the optional extra
    import atheris

    with atheris.instrument_imports(include=["newsparse"]):
        import newsparse
except ImportError:
    atheris = None
    import newsparse

#: Per-input time budget: a seed-sized input takes well under a second; a page over this is a hang.
TIMEOUT_S = 20.0
#: Mutated inputs are capped so one iteration stays cheap.
MAX_LEN = 256 * 1024

#: Fragments spliced in by the fallback mutator: the shapes that broke parsers before.
_TOKENS: tuple[bytes, ...] = (
    b"<", b">", b"</", b"<div>", b"</div>", b"<p>", b"<table><tr><td>", b"<script>", b"</script>",
    b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", b"&e;",
    b"<?xml version='1.0' encoding='utf-8'?>", b"&amp;", b"&#0;", b"&#xD800;", b"&#99999999;", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\x1f\x8b",
    b'<meta charset="utf-16">', b'<meta charset="shift_jis">', b'<meta charset="base64">',
    b'<script type="application/ld+json">', b'{"@type":"NewsArticle","headline":', b"[[[[[[[[", b"}}}}",
    b'<base href="javascript:alert(1)">', b'<a href="http://127.0.0.1:9/">', b"By ", b"Comments\n",
    b"2020-01-02T03:04:05Z", b"LONDON (Reuters) - ", "\u202e\u0645\u05d0\u4e2d\u0915\u0416".encode(),
)


class Finding(AssertionError):
    """An input broke one of the properties."""

    def __init__(self, data: bytes, cause: BaseException) -> None:
        super().__init__(f"{type(cause).__name__}: {cause} on input {data[:200]!r}... ({len(data)} bytes)")
        self.data = data


def check_one(data: bytes) -> None:
    """Parse ``data`` and check the properties; raises on a finding."""
    try:
        article = newsparse.parse(data, timeout=TIMEOUT_S)
    except newsparse.NewsparseError:
        return
    failed = [w for w in article.warnings if w.startswith("extractor 'generic' failed")]
    if failed:
        raise AssertionError(failed[0])
    as_dict = article.to_dict()
    back = newsparse.Article.from_dict(json.loads(json.dumps(as_dict)))
    if back.to_dict() != as_dict:
        raise AssertionError("to_dict/from_dict does not round-trip")


def mutate(data: bytes, rng: random.Random, corpus: Sequence[bytes]) -> bytes:
    """One to four random edits: bit flips, byte edits, cuts, duplication, splices and hostile tokens."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(8)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:  # flip a bit
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:  # insert random bytes
            buf[pos:pos] = rng.randbytes(rng.randint(1, 16))
        elif op == 2 and buf:  # delete a run
            del buf[pos : pos + rng.randint(1, 256)]
        elif op == 3:  # insert a hostile token, maybe repeated
            buf[pos:pos] = rng.choice(_TOKENS) * rng.choice((1, 1, 1, 10, 500))
        elif op == 4:  # truncate
            del buf[pos:]
        elif op == 5 and buf:  # duplicate a chunk
            end = min(len(buf), pos + rng.randint(1, 2048))
            buf[pos:pos] = buf[pos:end] * rng.randint(1, 8)
        elif op == 6 and corpus:  # splice in part of another seed
            other = rng.choice(corpus)
            start = rng.randint(0, len(other))
            buf[pos:pos] = other[start : start + rng.randint(1, 4096)]
        else:  # overwrite a byte with an interesting one
            if buf:
                buf[rng.randrange(len(buf))] = rng.choice((0, 0x3C, 0x3E, 0x26, 0x22, 0x80, 0xFF, 0x0A))
    return bytes(buf[:MAX_LEN])


def run_fallback(runs: int, seed: int = 0, check: Callable[[bytes], None] = check_one) -> int:
    """Check every seed, then ``runs`` mutated inputs from a seeded RNG; returns how many inputs ran."""
    corpus = seed_corpus.seeds()
    rng = random.Random(seed)
    count = 0
    for data in corpus:
        _checked(check, data)
        count += 1
    for _ in range(runs):
        _checked(check, mutate(rng.choice(corpus), rng, corpus))
        count += 1
    return count


def _checked(check: Callable[[bytes], None], data: bytes) -> None:
    try:
        check(data)
    except Exception as exc:  # noqa: BLE001 - every failure is a finding, reported with its input
        raise Finding(data, exc) from exc


def _arg(argv: Sequence[str], name: str, default: int) -> int:
    for a in argv:
        if a.startswith(f"-{name}="):
            return int(a.split("=", 1)[1])
    return default


def main(argv: list[str]) -> None:
    if atheris is None:
        runs = _arg(argv, "atheris_runs", 1000)
        seed = _arg(argv, "seed", 0)
        print(f"atheris is not installed: running the fallback mutation loop ({runs} runs, seed {seed})")
        n = run_fallback(runs, seed)
        print(f"{n} inputs, no finding")
        return
    args = list(argv)
    folders = [a for a in args[1:] if not a.startswith("-")]
    if not folders:  # no corpus folder given: the seeds in a temporary one
        corpus_dir = tempfile.mkdtemp(prefix="newsparse-fuzz-")
        seed_corpus.write(Path(corpus_dir))
        args.append(corpus_dir)
    elif not Path(folders[0]).is_dir() or not any(Path(folders[0]).iterdir()):
        seed_corpus.write(Path(folders[0]))  # a new or empty corpus folder starts from the seeds

    def one_input(data: bytes) -> None:
        check_one(data)

    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
