"""The page language, as declared."""

from __future__ import annotations

import re

from .._page import Page

_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def language(page: Page) -> str | None:
    """The declared language (``<html lang>``, content-language, og:locale), as a BCP 47 tag."""
    md = page.metadata
    for cand in (md.lang, md.first("content-language", "dc.language", "language"), md.first("og:locale")):
        if cand:
            cand = cand.split(",")[0].strip().replace("_", "-")
            if _LANG.match(cand):
                return cand
    for obj in md.articles():
        lang = obj.get("inLanguage")
        if isinstance(lang, str) and _LANG.match(lang.strip()):
            return lang.strip()
    return None
