"""Small text helpers shared by the field modules."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_WORD = re.compile(r"\w+")


def norm(text: str) -> str:
    """Casefolded, NFKC, quotes and dashes unified, white space collapsed: for comparing strings."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip().casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())
