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


#: Lines that end a story: what follows them is recirculation, credits or furniture (several languages).
_STOP_LINE = re.compile(
    r"^(?:_{3,}|-{3,}|\*{3,}|read more:?|more:|related:?|similar posts:?|related posts:?|related articles:?|"
    r"you may also like\W*|you might also like\W*|more from .{0,40}|more on this( story)?:?|see also:?|"
    r"follow (me|us)\W*|share this:?|like this:?|tags?:.*|filed under:?.*|topics?:.*|"
    r"places in this story.*|organizations in this story.*|people in the story.*|"
    r"mehr zum thema.*|weitere artikel.*|das könnte sie auch interessieren.*|lesen sie auch.*|"
    r"à lire aussi.*|lire aussi.*|sur le même sujet.*|leggi anche.*|lee también.*|"
    r"(additional )?reporting by .{3,200}|editing by .{3,200}|writing by .{3,200}|"
    r"first published (in|on|by) .{0,120}|this (article|story) (was )?(first |originally )?(appeared|published) .{0,160}|"
    r"beitragsbild:.*|bildquelle:.*|image credit:.*|photo credit:.*|"
    r"post a comment|leave a (comment|reply)|comments?|\d+ comments?)$",
    re.I,
)
#: A short line ending in a colon or an ellipsis at the end of a story introduces a list of links.
_INTRO_LINE = re.compile(r"^.{1,60}(?::|\.\.\.|…)$")
#: Author initials closing a German/French story: "(nz)", "(dpa)", "(afp/red)".
_INITIALS = re.compile(r"^\(?[a-zäöü]{1,4}(?:/[a-zäöü]{1,4})*\)?$|^[A-ZÄÖÜ]{1,4}$")
#: Trailing blocks shorter than this can be trimmed as furniture when they match nothing else but carry a link.
_SHORT_TRAILER = 40


def _is_trailer(b: PageBlock, names: tuple[str, ...]) -> bool:
    from .. import _recognize as R

    t = b.text
    if _STOP_LINE.match(t) or _INITIALS.match(t):
        return True
    if len(t) < 80 and _INTRO_LINE.match(t):
        return True
    if R.is_latest_posts_line(t) or R.is_contact_line(t) or R.is_social_feed_line(t):
        return True
    if R.is_bio_paragraph(t, names):
        return True
    if len(t) < _PROMO_TRAILER_CHARS and (_PROMO.search(t) or _URL.search(t)):
        return True  # "Subscribe to our newsletters", "Follow our coverage at https://..."
    if len(t) < _DATE_TRAILER_CHARS and not _SENTENCE_END.search(t):
        from .._parsing import find_dates

        if find_dates(t):
            return True  # a closing date line ("5 gennaio 2025 (modifica il 6 gennaio 2025 | 15:24)")
    return len(t) < _SHORT_TRAILER and b.link_density > 0.3


#: Calls to subscribe or sign up closing a story (several languages).
_PROMO = re.compile(r"\b(?:subscribe|newsletter|sign up|abonn|suscr[ií]b|iscriviti|registr(?:ier|ati))", re.I)
#: A web address printed in a closing line.
_URL = re.compile(r"https?://|www\.", re.I)
#: Closing promo lines are short; a long paragraph that mentions a newsletter is prose.
_PROMO_TRAILER_CHARS = 200
#: A closing date line is short and does not end like a sentence.
_DATE_TRAILER_CHARS = 100
_SENTENCE_END = re.compile(r"[.!?\u201d\"»]$")
#: Sign-off initials glued to the story's last sentence: "... verstorben. (nz)", "... inner city. DM".
_TRAILING_INITIALS = re.compile(r"(?<=[.!?\u201d\"»])\s+(?:\([a-zäöü]{1,4}(?:/[a-zäöü]{1,4})*\)|[A-Z]{2,3})$")


#: A paragraph this long with little link text is story prose: a stop line before it was an inline teaser.
PROSE_CHARS = 150


def _is_prose(b: PageBlock) -> bool:
    from .analysis import CLOSING_NOTE

    return (
        b.kind in ("paragraph", "quote")
        and len(b.text) >= PROSE_CHARS
        and b.link_density < 0.2
        and not CLOSING_NOTE.search(b.text)
    )


def _trim_tail(page: Page, blocks: list[PageBlock]) -> list[PageBlock]:
    """Cut credits, bios, link lists and sign-up lines off the end of the story."""
    if len(blocks) < 2:
        return blocks
    from .bylines import bylines as find_bylines

    from .bios import bio_block_indices

    names = tuple(b.name for b in (find_bylines(page) or ()))
    bio_blocks = bio_block_indices(page)
    blocks = [b for b in blocks if b.index not in bio_blocks]
    if not blocks:
        return blocks
    # a stop line in the last third ends the story there (walking backwards, so "prose follows"
    # is one running flag, not a rescan per line: linear on pages of a million blocks)
    cut = len(blocks)
    prose_after = False
    for i in range(len(blocks) - 1, max(0, (2 * len(blocks)) // 3) - 1, -1):
        if len(blocks[i].text) < 200 and _STOP_LINE.match(blocks[i].text) and not prose_after:
            cut = i
        prose_after = prose_after or _is_prose(blocks[i])
    blocks = blocks[:cut] if cut > 0 else blocks
    end = len(blocks)  # trailers are dropped by moving the end, not by copying the list each time
    while end > 1 and _is_trailer(blocks[end - 1], names):
        end -= 1
    return blocks[:end]


def body_blocks(page: Page) -> list[PageBlock]:
    """The page blocks that make up the body, before dateline removal (cached on the page: the
    dateline and the body both start from them)."""
    if "_body_blocks" not in page.__dict__:
        page.__dict__["_body_blocks"] = _find_body_blocks(page)
    return page.__dict__["_body_blocks"]  # type: ignore[no-any-return]


def _find_body_blocks(page: Page) -> list[PageBlock]:
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
    return _trim_tail(page, _strip_head(page, out))


#: How many opening blocks of the container may still be story furniture (kicker, dek, byline, date, caption).
HEAD_WINDOW = 10
#: A date or byline line in the story's head is short.
MAX_HEAD_LINE_CHARS = 200


def _is_head_line(page: Page, b: PageBlock, dek_n: str | None) -> bool:
    """Headline furniture that templates put inside the story container."""
    from .bylines import CREDIT_LINE
    from .._parsing import find_dates

    t = b.text
    if len(t) > MAX_HEAD_LINE_CHARS:
        return False
    if dek_n and norm(t) == dek_n:
        return True
    if b.hints & {"byline", "caption"} and b.kind != "heading" and len(t) < 100:
        return True
    if CREDIT_LINE.match(t) and len(t) < 100:
        return True
    if len(t) < 80 and find_dates(t) and not t.rstrip().endswith((".", "!", "?", "”", '"')):
        return True  # a date line ("March 7, 2024 8:15 a.m. EST", "Publié le 4 novembre 2020")
    return len(t) < 40 and b.link_density > 0.5


def _standalone_dateline(text: str) -> bool:
    from .._parsing import split_dateline

    dl, rest = split_dateline(text)
    return dl is not None and not rest.strip()


def _strip_head(page: Page, blocks: list[PageBlock]) -> list[PageBlock]:
    """Drop the headline, kicker, dek and byline/date lines that open a story container."""
    from .headline import headline, headline_text

    head = headline_text(page)
    head_n = norm(head) if head else None
    start = 0
    for i, b in enumerate(blocks[:HEAD_WINDOW]):
        if head_n and norm(b.text) == head_n:
            start = i + 1
            break
    blocks = blocks[start:]
    h = headline(page)
    dek_n = norm(h.subheadline) if h and h.subheadline else None
    n = 0
    while blocks and n < HEAD_WINDOW and _is_head_line(page, blocks[0], dek_n):
        if _standalone_dateline(blocks[0].text):
            break  # "WASHINGTON —" printed on its own line opens the story
        blocks = blocks[1:]
        n += 1
    return blocks


def body(page: Page) -> Body | None:
    """The body as typed blocks (the dateline taken off its first paragraph)."""
    from .dateline import dateline_split

    blocks = body_blocks(page)
    if not blocks:
        return None
    out: list[Block] = []
    dl, first_rest, start = dateline_split(page)
    blocks = blocks[start:]
    for i, b in enumerate(blocks):
        text = b.text
        if i == 0 and dl is not None:
            text = first_rest
            if not text:
                continue
        if i == len(blocks) - 1:
            text = _TRAILING_INITIALS.sub("", text)
        kind = b.kind if b.kind in ("paragraph", "heading", "list_item", "quote", "table", "preformatted") else "paragraph"
        out.append(Block(kind=kind, text=text, level=b.level if kind == "heading" else None))
    return Body(blocks=out)
