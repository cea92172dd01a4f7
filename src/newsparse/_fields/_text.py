"""Small text helpers shared by the field modules."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
#: The same table as (character, replacement) pairs: one str.replace per character present is many times
#: faster than str.translate with a dict on long paragraphs (no replacement is itself replaced).
_QUOTE_PAIRS = tuple((chr(k), str(v)) for k, v in _QUOTES.items())
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Casefolded, NFKC, quotes and dashes unified, white space collapsed: for comparing strings.

    Memoised: the field modules compare the same block texts many times over.
    """
    if text.isascii():  # NFKC, the quote table and casefold() do nothing more than lower() here
        return " ".join(text.split()).lower()
    text = unicodedata.normalize("NFKC", text)
    for quote, plain in _QUOTE_PAIRS:
        if quote in text:
            text = text.replace(quote, plain)
    return " ".join(text.split()).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_T = TypeVar("_T")
#: Strings memoised by :func:`memo_short` (class names, ids, byline lines repeat; the rest are computed).
MEMO_MAX_ENTRIES = 4096
#: ... and only strings up to this long, so that a long-running process keeps no page's big text alive.
MEMO_MAX_CHARS = 300


def memo_short(fn: Callable[[str], _T]) -> Callable[[str], _T]:
    """``fn`` memoised on its string argument, when that is short (a pure function of it)."""
    cached = functools.lru_cache(maxsize=MEMO_MAX_ENTRIES)(fn)

    @functools.wraps(fn)
    def wrapper(s: str) -> _T:
        return cached(s) if len(s) <= MEMO_MAX_CHARS else fn(s)

    return wrapper


#: Letters that IGNORECASE matches with a letter of another case than str.lower() gives (long s, dotless i)
#: or whose lower case is two characters (dotted capital I): texts holding one take the slow path.
_FOLD_EXCEPTIONS = re.compile("[\u017f\u0131\u0130]")
#: Letters a caseless pattern may not hold: those above, and those IGNORECASE folds with a letter of another
#: script (Kelvin sign, micro sign, Greek sigmas).
_PATTERN_EXCEPTIONS = "\u017f\u0131\u0130\u212a\u00b5\u03bc\u03c2\u03c3"


class Caseless:
    """A case-insensitive pattern, run case-sensitively on the lower-cased text.

    Same matches at the same positions (str.lower() keeps every offset, and IGNORECASE matches a letter of
    such a pattern exactly when its lower case does, outside ``_FOLD_EXCEPTIONS``: see tests/test_caseless.py),
    but several times faster: the regex engine skips a failing alternative on its first letter only in a
    case-sensitive pattern. Hence the pattern is written in lower case, and callers get offsets or booleans
    (matched text is sliced from the original string).
    """

    __slots__ = ("anycase", "lower")

    def __init__(self, pattern: str) -> None:
        letters = re.sub(r"\\.", "", pattern)  # escapes such as \S or \B are no letters
        if letters != letters.lower() or any(c in letters for c in _PATTERN_EXCEPTIONS):
            raise ValueError(f"a caseless pattern is written in lower case: {pattern!r}")
        self.anycase = re.compile(pattern, re.I)
        self.lower = re.compile(pattern)

    def prepare(self, s: str) -> tuple[str, re.Pattern[str]]:
        """The text to search and the pattern to search it with (for repeated searches of one text)."""
        if s.isascii() or _FOLD_EXCEPTIONS.search(s) is None:
            return s.lower(), self.lower
        return s, self.anycase

    def span(self, s: str, pos: int = 0, endpos: int | None = None) -> tuple[int, int] | None:
        text, rx = self.prepare(s)
        m = rx.search(text, pos, len(text) if endpos is None else endpos)
        return m.span() if m else None

    def found(self, s: str) -> bool:
        """Whether the pattern occurs in ``s`` (``search``)."""
        text, rx = self.prepare(s)
        return rx.search(text) is not None

    def opens(self, s: str) -> bool:
        """Whether ``s`` starts with the pattern (``match``)."""
        text, rx = self.prepare(s)
        return rx.match(text) is not None

    def remove(self, s: str) -> str:
        """``s`` without the pattern's matches (``sub`` with an empty replacement)."""
        text, rx = self.prepare(s)
        kept: list[str] = []
        last = 0
        for m in rx.finditer(text):
            kept.append(s[last : m.start()])
            last = m.end()
        return "".join(kept) + s[last:] if kept else s
