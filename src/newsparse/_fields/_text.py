"""Small text helpers shared by the field modules."""

from __future__ import annotations

import functools
import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Casefolded, NFKC, quotes and dashes unified, white space collapsed: for comparing strings.

    Memoised: the field modules compare the same block texts many times over.
    """
    if text.isascii():  # NFKC, the quote table and casefold() do nothing more than lower() here
        return " ".join(text.split()).lower()
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split()).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())
