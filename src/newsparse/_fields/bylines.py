"""Bylines: who wrote the story, from metadata first, then the page's byline elements."""

from __future__ import annotations

from typing import Any

from .._blocks import collapse
from .._model import Byline
from .._page import Page
from .._parsing import parse_byline
from ._text import norm

#: Byline text longer than this is a paragraph that mentions authors, not a byline.
MAX_BYLINE_CHARS = 160


def _jsonld_authors(page: Page) -> list[Byline]:
    out: list[Byline] = []
    for obj in page.metadata.articles():
        authors = obj.get("author") or obj.get("creator")
        if authors is None:
            continue
        if not isinstance(authors, list):
            authors = [authors]
        for a in authors:
            out.extend(_author_obj(a))
        if out:
            break
    return out


def _author_obj(a: Any) -> list[Byline]:
    if isinstance(a, str):
        if a.startswith("http"):
            return []
        return parse_byline(a)
    if isinstance(a, dict):
        t = a.get("@type")
        if isinstance(t, str) and t.lower() == "organization":
            return []
        name = a.get("name")
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip():
            url = a.get("url")
            parsed = parse_byline(collapse(name))
            if parsed and isinstance(url, str):
                parsed[0] = Byline(name=parsed[0].name, role=parsed[0].role, affiliation=parsed[0].affiliation, url=url)
            return parsed
    return []


def _meta_authors(page: Page) -> list[Byline]:
    vals = page.metadata.meta.get("author") or page.metadata.meta.get("article:author") or page.metadata.meta.get("dc.creator") or []
    out: list[Byline] = []
    for v in vals:
        if v.startswith("http") or "@" in v:
            continue
        out.extend(parse_byline(v))
    return out


def _dom_bylines(page: Page) -> list[Byline]:
    if page.kind != "html":
        return []
    out: list[Byline] = []
    for b in page.blocks:
        if "byline" in b.hints and "comment" not in b.hints and "bio" not in b.hints and len(b.text) <= MAX_BYLINE_CHARS:
            found = parse_byline(b.text)
            if found:
                out.extend(found)
                if len(out) >= 1:
                    break
    return out


def _dedupe(items: list[Byline]) -> tuple[Byline, ...]:
    seen: dict[str, Byline] = {}
    for b in items:
        key = norm(b.name)
        if key and key not in seen:
            seen[key] = b
    return tuple(seen.values())


def bylines(page: Page) -> tuple[Byline, ...] | None:
    for source in (_jsonld_authors, _meta_authors, _dom_bylines):
        found = source(page)
        if found:
            return _dedupe(found)
    return None
