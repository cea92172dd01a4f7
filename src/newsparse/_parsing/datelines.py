"""Opening fragments -> datelines (stub; being written)."""

from __future__ import annotations

import re

from .._model import Dateline

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .,'/\-]{1,60}?)(?:,\s*[A-Z][a-z]{1,5}\.?)?\s*(?:\((?P<agency>[^)]{1,30})\))?\s*(?P<dash>[-\u2013\u2014:]{1,2})\s*"
)


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """Take a dateline off the start of a first paragraph: (dateline or None, rest of the paragraph)."""
    m = _DATELINE.match(paragraph or "")
    if not m:
        return None, paragraph
    text = m.group(0).strip()
    return Dateline(text=text, place=m.group("place").strip(" ,"), agency=m.group("agency")), paragraph[m.end():]
