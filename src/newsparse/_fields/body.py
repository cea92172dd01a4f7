"""The article body: the main container's prose, typed, without what surrounds a story."""

from __future__ import annotations

import re

from .. import _patterns as P
from .._blocks import Block as PageBlock
from .._model import Block, Body
from .._page import Page
from ._text import norm
from .analysis import MAX_LINK_DENSITY, analyze

#: Short lines that are page furniture wherever they appear inside a story container.
_FURNITURE = re.compile(
    r"^(advertisement|anzeige|publicité|pubblicità|publicidad|sponsored|share( this( article| story)?)?|"
    r"tweet|email|print|comments?|read more|continue reading|skip to (main )?content|"
    r"related( articles| stories)?|click here.*|sign up.*|subscribe.*|follow us.*|photo:.*|image:.*|"
    r"getty images|ap photo.*|reuters/.*|\(ap photo.*)$",
    re.I,
)


def body_blocks(page: Page) -> list[PageBlock]:
    """The page blocks that make up the body, before dateline removal."""
    a = analyze(page)
    out: list[PageBlock] = []
    for b in a.main:
        extra = b.hints - a.container_hints
        if extra & P.NON_BODY_HINTS:
            continue
        if b.kind == "caption" or "caption" in extra:
            continue
        if b.link_density > MAX_LINK_DENSITY:
            continue
        if len(b.text) < 60 and _FURNITURE.match(b.text):
            continue
        out.append(b)
    return _strip_head(page, out)


def _strip_head(page: Page, blocks: list[PageBlock]) -> list[PageBlock]:
    """Drop the headline, kicker and byline/date lines that open a story container."""
    from .headline import headline_text

    head = headline_text(page)
    head_n = norm(head) if head else None
    start = 0
    for i, b in enumerate(blocks[:8]):
        if head_n and norm(b.text) == head_n:
            start = i + 1
            break
    blocks = blocks[start:]
    while blocks and (blocks[0].hints & {"byline", "date"}) and len(blocks[0].text) < 200 and blocks[0].kind != "heading":
        blocks = blocks[1:]
    return blocks


def body(page: Page) -> Body | None:
    """The body as typed blocks (the dateline taken off its first paragraph)."""
    from .dateline import dateline_split

    blocks = body_blocks(page)
    if not blocks:
        return None
    out: list[Block] = []
    dl, first_rest = dateline_split(page)
    for i, b in enumerate(blocks):
        text = b.text
        if i == 0 and dl is not None:
            text = first_rest
            if not text:
                continue
        kind = b.kind if b.kind in ("paragraph", "heading", "list_item", "quote", "table", "preformatted") else "paragraph"
        out.append(Block(kind=kind, text=text, level=b.level if kind == "heading" else None))
    return Body(blocks=out)
