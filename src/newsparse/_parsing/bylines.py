"""Byline strings -> people with roles and affiliations (stub; being written)."""

from __future__ import annotations

import re

from .._model import Byline

_BY = re.compile(r"^\s*(by|von|par|di|por|door|av|af)\s+", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\be\b|\by\b)\s*", re.I)


def parse_byline(text: str) -> list[Byline]:
    """Split a byline string into credited people."""
    text = _BY.sub("", (text or "").strip())
    names = [n.strip(" .|-") for n in _SPLIT.split(text) if n and n.strip(" .|-")]
    return [Byline(name=n) for n in names if 1 < len(n) < 80]
