"""Bylines: who wrote the story, from metadata first, then the page's byline markup and text."""

from __future__ import annotations

import re
from typing import Any

from .._blocks import Block as PageBlock
from .._blocks import collapse
from .._model import Byline
from .._page import Page
from .._parsing import looks_like_person_name, parse_byline
from ._text import norm

#: Byline text longer than this is a paragraph that mentions authors, not a byline.
MAX_BYLINE_CHARS = 160
#: Class/id tokens of byline elements (stricter than the region hint: "author-bio" is a bio box).
BYLINE_TOKEN = re.compile(
    r"^(?:byline|by-line|bylines?__?\w*|byline-\w+|\w+-byline|author|authors|author-?name|authorname|"
    r"post-author|entry-author|article-author|author-link|author-?names?|meta-author|story-author|"
    r"writer|reporter|contributor|contributors|fn|p-author|h-card)$",
    re.I,
)
#: A bare name line between headline and story is at most this long ("Jane Doe · 3 min read").
MAX_NAME_LINE_CHARS = 80
#: How many ancestors of a block we look at for byline tokens (a byline's markup is local).
BYLINE_ANCESTORS = 3
#: A visible line that opens with a credit word and a capitalised name ("By Jane Doe", "Von Max Muster").
CREDIT_LINE = re.compile(r"^(?:by|von|par|por|di|door|av|af|text|texte|autor|author|written by)\s*:?\s+\S", re.I)
#: Regions whose names are never the story's authors.
NOT_BYLINE_HINTS = frozenset({"comment", "related", "nav", "footer", "aside", "ad", "promo"})


def _jsonld_authors(page: Page) -> list[Byline]:
    out: list[Byline] = []
    for obj in page.metadata.articles():
        authors = obj.get("author") or obj.get("creator")
        if authors is None:
            continue
        if not isinstance(authors, list):
            authors = [authors]
        for a in authors:
            out.extend(_author_obj(a, page))
        if out:
            break
    return out


def _author_obj(a: Any, page: Page | None = None) -> list[Byline]:
    if isinstance(a, str):
        if a.startswith("http"):
            return []
        return parse_byline(a)
    if isinstance(a, dict) and "name" not in a and isinstance(a.get("@id"), str) and page is not None:
        # Yoast and others reference a Person defined elsewhere in the @graph
        ref = a["@id"]
        for obj in page.metadata.jsonld:
            if obj.get("@id") == ref and "name" in obj:
                a = obj
                break
    if isinstance(a, dict):
        t = a.get("@type")
        if isinstance(t, str) and t.lower() == "organization":
            return []
        name = a.get("name")
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip():
            url = a.get("url")
            parsed = parse_byline(collapse(name), single_name=True)
            if parsed and isinstance(url, str):
                first = parsed[0]
                parsed[0] = Byline(name=first.name, role=first.role, affiliation=first.affiliation, url=url)
            return parsed
    return []


def _meta_authors(page: Page) -> list[Byline]:
    meta = page.metadata.meta
    vals = (
        meta.get("author")
        or meta.get("article:author")
        or meta.get("parsely-author")
        or meta.get("sailthru.author")
        or meta.get("dc.creator")
        or []
    )
    out: list[Byline] = []
    for v in vals:
        if v.startswith("http") or "@" in v:
            continue
        out.extend(b for b in parse_byline(v) if looks_like_person_name(b.name))
    return out


def _has_byline_markup(block: PageBlock) -> bool:
    el = block.el
    for _ in range(BYLINE_ANCESTORS + 1):
        if el is None:
            return False
        if el.get("rel") == "author" or "author" in (el.get("itemprop") or ""):
            return True
        for attr in (el.get("class"), el.get("id")):
            if attr and any(BYLINE_TOKEN.match(tok) for tok in attr.split()):
                return True
        el = el.getparent()
    return False


def _rel_author_names(page: Page) -> list[Byline]:
    """Names in ``rel=author`` links and ``itemprop=author`` elements outside comments."""
    tree = page.tree
    if tree is None:
        return []
    out: list[Byline] = []
    for el in tree.xpath("//a[@rel='author'] | //*[@itemprop='author']")[:20]:
        if _in_comments(el):
            continue
        name_el = el.xpath(".//*[@itemprop='name']")
        text = collapse((name_el[0] if name_el else el).text_content() or "")
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        for b in parse_byline(text):
            if looks_like_person_name(b.name):
                out.append(b)
    return out


def _in_comments(el: Any) -> bool:
    n = 0
    while el is not None and n < 30:
        for attr in (el.get("class"), el.get("id")):
            if attr and "comment" in attr.lower():
                return True
        el = el.getparent()
        n += 1
    return False


def _strict_byline_el(el: Any) -> bool:
    if el.get("rel") == "author" or "author" in (el.get("itemprop") or ""):
        return True
    for attr in (el.get("class"), el.get("id")):
        if attr and any(BYLINE_TOKEN.match(tok) for tok in attr.split()):
            return True
    return False


def _marked_names(text: str) -> list[Byline]:
    """Names in the text of an element that byline markup marks: handles ("krimiblogger") are allowed."""
    found = []
    for p in parse_byline(text):
        if looks_like_person_name(p.name) or _LOOSE_NAME.match(p.name):
            found.append(p)
    return found


#: A user name as blogs print it under byline markup: one token, letters first, no spaces.
_LOOSE_NAME = re.compile(r"^[^\W\d_][\w.\-]{1,30}$")


def _dom_bylines(page: Page) -> list[Byline]:
    """The first byline printed near the top of the story: byline markup or a "By ..." line."""
    if page.kind != "html":
        return []
    from .analysis import analyze

    main = analyze(page).main
    body_start = main[0].index if main else len(page.blocks)
    body_end = main[-1].index if main else len(page.blocks)
    # the byline sits above the story or in its first lines; bylines far away belong to teasers
    lo, hi = max(0, body_start - 40), body_start + 15
    for mark in page.marks:
        if mark.hint != "byline" or not lo <= mark.block_index <= hi or mark.hints & NOT_BYLINE_HINTS:
            continue
        if not _strict_byline_el(mark.el):
            continue
        text = collapse(mark.el.text_content() or "")
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        found = _marked_names(text)
        if found:
            return found
    for b in page.blocks[lo:hi]:
        if len(b.text) > MAX_BYLINE_CHARS or b.hints & NOT_BYLINE_HINTS:
            continue
        if not (_has_byline_markup(b) or CREDIT_LINE.match(b.text)):
            continue
        found = [p for p in parse_byline(b.text) if looks_like_person_name(p.name)]
        if found:
            return found
    # templates without byline markup: a line between the headline and the story that is only a name
    head = _headline_index(page)
    if head is not None:
        for b in page.blocks[head + 1 : min(body_start, head + 12)]:
            if len(b.text) > MAX_NAME_LINE_CHARS or b.hints & NOT_BYLINE_HINTS or b.kind == "heading":
                continue
            found = [p for p in parse_byline(b.text) if looks_like_person_name(p.name) and " " in p.name]
            if found:
                return found
    # an author line printed under the story ("Text: Jane Doe") or in its closing meta
    for mark in page.marks:
        if mark.hint == "byline" and body_end < mark.block_index <= body_end + 10 and not mark.hints & NOT_BYLINE_HINTS:
            if _strict_byline_el(mark.el):
                text = collapse(mark.el.text_content() or "")
                if text and len(text) <= MAX_BYLINE_CHARS:
                    found = _marked_names(text)
                    if found:
                        return found
    return _rel_author_names(page)


def _headline_index(page: Page) -> int | None:
    from .headline import headline_text

    head = headline_text(page)
    if not head:
        return None
    for b in page.blocks:
        if b.text == head:
            return b.index
    return None


def _dedupe(items: list[Byline]) -> tuple[Byline, ...]:
    seen: dict[str, Byline] = {}
    for b in items:
        key = norm(b.name)
        if key and key not in seen:
            seen[key] = b
    return tuple(seen.values())


#: Credit lines closing a wire story name further reporters ("Reporting by X; Additional reporting by Y").
CREDIT_TRAILER = re.compile(r"^(?:\(?\s*)?(?:additional )?(?:reporting|writing) by\b", re.I)
#: Roles of people who edited rather than wrote the story: not bylines.
NON_AUTHOR_ROLES = frozenset({"editor", "reviewer"})
#: How many closing blocks of the story may hold credit lines.
CREDIT_TAIL = 6


def _trailer_credits(page: Page) -> list[Byline]:
    if page.kind != "html":
        return []
    from .analysis import analyze

    out: list[Byline] = []
    for b in analyze(page).main[-CREDIT_TAIL:]:
        if len(b.text) <= 400 and CREDIT_TRAILER.match(b.text):
            out.extend(p for p in parse_byline(b.text.strip("() ")) if p.role not in NON_AUTHOR_ROLES)
    return out


def bylines(page: Page) -> tuple[Byline, ...] | None:
    """Each credited person: JSON-LD authors, then ``<meta>``, then the printed byline; plus the
    reporters named in a wire story's closing credit line (cached on the page)."""
    if "_bylines" not in page.__dict__:
        page.__dict__["_bylines"] = _find_bylines(page)
    return page.__dict__["_bylines"]  # type: ignore[no-any-return]


def _find_bylines(page: Page) -> tuple[Byline, ...] | None:
    for source in (_jsonld_authors, _meta_authors, _dom_bylines):
        found = [b for b in source(page) if b.role not in NON_AUTHOR_ROLES]
        if found:
            return _dedupe(found + _trailer_credits(page))
    credits = _trailer_credits(page)
    return _dedupe(credits) if credits else None
