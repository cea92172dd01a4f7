"""Caseless patterns (``_fields/_text.py``) match exactly as their IGNORECASE originals, only faster."""

from __future__ import annotations

import re
import sys

import pytest

from newsparse import _recognize
from newsparse._fields import _text, analysis, body, comments
from newsparse._fields._text import Caseless

MODULES = (_recognize, comments, body, analysis)
PATTERNS = [(f"{m.__name__}.{name}", v) for m in MODULES for name, v in vars(m).items() if isinstance(v, Caseless)]

#: Every character with a case (the only ones IGNORECASE can match with another), and Latin-1.
CASED = [
    c
    for c in map(chr, range(sys.maxunicode + 1))
    if not 0xD800 <= ord(c) <= 0xDFFF and (ord(c) < 256 or c.lower() != c or c.upper() != c)
]


def _pieces(pattern: str) -> set[str]:
    """The single-character pieces of a pattern: its bracketed classes and its literal characters."""
    classes = set(re.findall(r"\[(?:\\.|[^\]\\])+\]", pattern))
    rest = re.sub(r"\[(?:\\.|[^\]\\])+\]", "", pattern)
    literals = {re.escape(c) for c in re.sub(r"\\.", "", rest) if c not in "()|?*+{}^$.,:=!<>0123456789"}
    return classes | literals | {r"\w", r"\d", r"\s"}


def test_patterns_are_found() -> None:
    assert len(PATTERNS) >= 10  # the scan below looks at real patterns


@pytest.mark.parametrize(("name", "rx"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_each_piece_matches_a_character_as_its_lower_case_does(name: str, rx: Caseless) -> None:
    """IGNORECASE matches a character exactly when the case-sensitive piece matches its lower case
    (outside the few folding exceptions, which take the IGNORECASE path)."""
    for piece in _pieces(rx.lower.pattern):
        anycase, lower = re.compile(piece, re.I), re.compile(piece)
        for c in CASED:
            if _text._FOLD_EXCEPTIONS.search(c):
                continue
            low = c.lower()
            assert len(low) == 1, c
            assert bool(anycase.fullmatch(c)) == bool(lower.fullmatch(low)), (name, piece, c)


SAMPLES = [
    "Posted by Jane Doe at October 28, 2012 01:23 PM",
    "JANE DOE SAYS:",
    "Kommentar von Max Müller am 3. MÄRZ 2015 um 10:23 Uhr",
    "Écrit par Zoë — 12 DÉCEMBRE 2019",
    "“Great story,” wrote Ana on Tue, Jan 17, 08 at 03:13 PM",
    "comment-respond SIDEBAR recent_comments Disqus-Thread",
    "Copyright © 2008 The Associated Press. ALL RIGHTS RESERVED.",
    "Subscribe to our NEWSLETTER at https://WWW.example.org",
    "the long ſ in Poſted by Jane, a dotless ı in DıSQUS, İstanbul 2 HOURS AGO",
    "Photo: Jane Doe",
    "",
]


@pytest.mark.parametrize(("name", "rx"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_caseless_results_equal_ignorecase(name: str, rx: Caseless) -> None:
    for s in SAMPLES + [s.upper() for s in SAMPLES] + [s.swapcase() for s in SAMPLES]:
        m = rx.anycase.search(s)
        assert rx.found(s) == (m is not None), (name, s)
        assert rx.span(s) == (m.span() if m else None), (name, s)
        assert rx.opens(s) == (rx.anycase.match(s) is not None), (name, s)
        assert rx.remove(s) == rx.anycase.sub("", s), (name, s)


def test_caseless_pattern_is_written_in_lower_case() -> None:
    with pytest.raises(ValueError):
        Caseless(r"Posted by")
    with pytest.raises(ValueError):
        Caseless("po\u017ften")  # a long s folds with an ASCII letter
    assert Caseless(r"\bposted\s+by\b").found("POSTED BY")


def test_memo_short_memoises_short_strings_only() -> None:
    calls: list[str] = []

    @_text.memo_short
    def size(s: str) -> int:
        calls.append(s)
        return len(s)

    long = "x" * (_text.MEMO_MAX_CHARS + 1)
    assert [size("ab"), size("ab"), size(long), size(long)] == [2, 2, len(long), len(long)]
    assert calls == ["ab", long, long]  # the long string is computed each time, never kept
