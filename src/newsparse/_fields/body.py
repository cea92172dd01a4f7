"""The article body: the main container's prose, typed, without what surrounds a story."""

from __future__ import annotations

import re

from .. import _patterns as P
from .. import _recognize as R
from .._blocks import Block as PageBlock
from .._model import Block, Body
from .._page import Page
from .._parsing import find_dates, split_dateline
from ._text import Caseless, norm
from .analysis import CLOSING_NOTE, MAX_LINK_DENSITY, analyze

#: Short lines that are page furniture wherever they appear inside a story container.
_FURNITURE = re.compile(
    r"^(advertisement|advert|werbung|anzeige|publicité|pubblicità|publicidad|sponsored|share( this( article| story)?)?|"
    r"tweet|email|print|comments?|read more|continue reading|skip to (main )?content|"
    r"related( articles| stories)?|click here.*|sign up.*|subscribe.*|follow us.*|photo:.*|image:.*|"
    r"getty images|ap photo.*|reuters/.*|\(ap photo.*)$",
    re.I,
)


#: A letter or digit: a block without one is a separator ("___", "* * *") or stray punctuation, not text.
_WORD = re.compile(r"[^\W_]")
#: A word character (underscores too: a "___" separator is kept inside a story, as printed).
_ANY_WORD = re.compile(r"\w")
#: A copyright notice closing a story.
_COPYRIGHT = Caseless(r"\bcopyright\b|©|all rights reserved")
#: Closing copyright and contact lines are short; a longer paragraph mentioning them is prose.
_NOTICE_TRAILER_CHARS = 300
#: An e-mail address: a closing line that prints one is a contact line ("Jane may be reached at ...").
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")

#: A picture credit closing a caption printed as a paragraph: "... in the square (Image: Agency)", "... Photo: Jane Doe".
_CREDIT_END = Caseless(r"(?:\(|\s)(?:image|photo|picture|foto|bild|credit)\s*:\s*[^.!?():]{1,50}\)?$")
#: Captions are short; a long paragraph ending with a credit is prose quoting one.
MAX_CAPTION_CHARS = 250

#: Lines that end a story: what follows them is recirculation, credits or furniture (several languages).
_STOP_LINE = re.compile(
    r"^(?:_{3,}|-{3,}|\*{3,}|read more:?|more:|related:?|similar posts:?|related posts:?|related articles:?|"
    r"you may also like\W*|you might also like\W*|more from .{0,40}|more on this( story)?:?|see also:?|"
    r"follow (me|us)\W*|share this:?|like this:?|tags?(?::.*)?|filed under:?.*|topics?(?::.*)?|"
    r"while you(?:'re| are) here\W*|"
    r"places in this story.*|organizations in this story.*|people in the story.*|"
    r"mehr zum thema.*|weitere artikel.*|das könnte sie auch interessieren.*|lesen sie auch.*|"
    r"à lire aussi.*|lire aussi.*|sur le même sujet.*|leggi anche.*|lee también.*|"
    r"(additional )?reporting by .{3,200}|editing by .{3,200}|writing by .{3,200}|"
    r"first published (in|on|by) .{0,120}|(editor'?s note:? )?this (article|story) (was )?(also |first |originally )?(appeared|published) .{0,160}|"
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
    t = b.text
    if _STOP_LINE.match(t) or _INITIALS.match(t):
        return True
    if len(t) < 80 and _INTRO_LINE.match(t):
        return True
    if R.is_latest_posts_line(t) or R.is_contact_line(t) or R.is_social_feed_line(t):
        return True
    if R.is_bio_paragraph(t, names):
        return True
    if not _WORD.search(t):
        return True  # a separator
    if len(t) < _NOTICE_TRAILER_CHARS and (_COPYRIGHT.found(t) or _EMAIL.search(t)):
        return True  # "Copyright 2008 The Associated Press. All rights reserved.", "Jane can be reached at ..."
    if len(t) < _PROMO_TRAILER_CHARS and (_PROMO.found(t) or _URL.found(t)):
        return True  # "Subscribe to our newsletters", "Follow our coverage at https://..."
    if len(t) < _DATE_TRAILER_CHARS and not _SENTENCE_END.search(t):
        if find_dates(t):
            return True  # a closing date line ("5 gennaio 2025 (modifica il 6 gennaio 2025 | 15:24)")
    return len(t) < _SHORT_TRAILER and b.link_density > 0.3


#: Calls to subscribe or sign up closing a story (several languages).
_PROMO = Caseless(r"\b(?:subscribe|newsletter|sign up|abonn|suscr[ií]b|iscriviti|registr(?:ier|ati))")
#: A web address printed in a closing line.
_URL = Caseless(r"https?://|www\.")
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
    return (
        b.kind in ("paragraph", "quote")
        and len(b.text) >= PROSE_CHARS
        and b.link_density < 0.2
        and not CLOSING_NOTE.found(b.text)
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
        t = blocks[i].text
        if not prose_after and (
            (len(t) < 200 and _STOP_LINE.match(t)) or (len(t) < _NOTICE_TRAILER_CHARS and _COPYRIGHT.found(t))
        ):
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


#: Share of the container's prose that a region word must mark to be the story's own template word
#: ("article-body pagination-first", "entry share-enabled"): the story cannot be its own sidebar.
STORY_HINT_SHARE = 0.5
#: ... and mark at least this many paragraphs (one marked block is a box, whatever its size).
MIN_STORY_HINT_BLOCKS = 3
#: Region words that are never the story's own, however much text they mark.
_NEVER_STORY_HINTS = frozenset({"comment", "hidden"})
#: Marks of the article's header above the story (its dek, byline, caption).
_HEAD_HINTS = frozenset({"header", "dek", "byline", "caption"})
#: A sentence with a link or two ("The suspect, Jane Doe, was convicted ...") is prose up to this link share ...
MAX_SENTENCE_LINK_DENSITY = 0.8
#: ... when it has this many words and ends like a sentence.
MIN_SENTENCE_WORDS = 6
#: How a sentence ends (a closing quote or bracket after its stop).
_SENTENCE_CLOSE = re.compile(r"[.!?\u201d\"»)]$")
#: ... and is not a labelled link ("Related: ...", "Previous story: ...", "Share this: Digg | ...") or a sign-up call.
_LABEL_LEAD = re.compile(r"^[^\s:]+(?:\s+[^\s:]+){0,2}:\s")


def _story_hints(blocks: list[PageBlock], container_hints: frozenset[str]) -> frozenset[str]:
    """Non-body region words that mark the story's first paragraph and most of the container's prose
    (over several paragraphs): the template's words, not a box's."""
    total = 0
    first: frozenset[str] | None = None
    chars: dict[str, int] = {}
    count: dict[str, int] = {}
    for b in blocks:
        if b.kind not in ("paragraph", "quote", "list_item") or len(b.text) < MIN_STORY_LINE_CHARS:
            continue
        extra = b.hints - container_hints
        if extra & _HEAD_HINTS:
            continue  # the article's header (dek, byline): not the story's paragraphs
        n = len(b.text)
        total += n
        marked = extra & (P.NON_BODY_HINTS - _NEVER_STORY_HINTS)
        if first is None:
            first = marked
            if not first:
                return container_hints  # the story opens unmarked: a marked block is a box in it
        for h in marked & first:
            chars[h] = chars.get(h, 0) + n
            count[h] = count.get(h, 0) + 1
    own = {h for h, n in chars.items() if n > total * STORY_HINT_SHARE and count[h] >= MIN_STORY_HINT_BLOCKS}
    return container_hints | own if own else container_hints


#: Region words of an embedded social post (a quoted tweet is marked like a share button).
_EMBED_HINTS = frozenset({"share"})


def _embedded_post(b: PageBlock, extra: frozenset[str]) -> bool:
    """A quoted post embedded in the story (a tweet's blockquote): story content, though marked as social."""
    return b.kind == "quote" and (extra & P.NON_BODY_HINTS) <= _EMBED_HINTS


#: Region words of a box that templates also wrap around the rest of a story (a metering, newsletter or
#: "more on this" wrapper).
_WRAPPER_HINTS = frozenset({"promo", "related"})


#: Such a wrapper holds the story when it holds this many paragraphs of prose (a pitch box holds one or two).
MIN_WRAPPED_PROSE = 3


def _story_in_wrapper(blocks: list[PageBlock], allowed: frozenset[str]) -> set[int]:
    """Paragraphs of story prose inside wrappers marked as a promotion or as related content (a story's
    second half under a metering or sign-up wrapper): plain, not themselves a call to sign up, and among
    several long ones."""
    found = set()
    plain = []
    for b in blocks:
        extra = (b.hints - allowed) & P.NON_BODY_HINTS
        if extra and extra <= _WRAPPER_HINTS and b.tag == "p" and b.link_density < 0.2 and not _PROMO.found(b.text):
            plain.append(b.index)
            if _is_prose(b):
                found.add(b.index)
    if len(found) < MIN_WRAPPED_PROSE:
        return set()
    lo, hi = min(found), max(found)
    return {i for i in plain if lo <= i <= hi}  # with the short paragraphs between them ("Nobody was hurt.")


def _linked_sentence(b: PageBlock) -> bool:
    """A sentence of prose whose links are most of its text (names and places linked by the site)."""
    t = b.text
    return (
        b.kind in ("paragraph", "quote", "list_item")
        and b.link_density <= MAX_SENTENCE_LINK_DENSITY
        and bool(_SENTENCE_CLOSE.search(t))
        and len(t.split()) >= MIN_SENTENCE_WORDS
        and not _LABEL_LEAD.match(t)
        and " | " not in t
        and not _PROMO.found(t)  # a linked call to subscribe or register
    )


def _find_body_blocks(page: Page) -> list[PageBlock]:
    a = analyze(page)
    out: list[PageBlock] = []
    blocks = _cut_comments(a.main)
    allowed = _story_hints(blocks, a.container_hints)
    wrapped = _story_in_wrapper(blocks, allowed)
    for b in blocks:
        extra = b.hints - allowed
        if extra & P.NON_BODY_HINTS and not _embedded_post(b, extra) and not (out and b.index in wrapped):
            continue
        if b.kind == "caption" or "caption" in extra:
            continue
        if b.link_density > MAX_LINK_DENSITY and not _linked_sentence(b):
            continue
        if len(b.text) < 60 and (_FURNITURE.match(b.text) or not _ANY_WORD.search(b.text)):
            continue  # furniture, and stray punctuation between list items
        if len(b.text) < MAX_CAPTION_CHARS and ":" in b.text and _CREDIT_END.found(b.text):  # (a credit has a colon)
            continue  # a caption printed as a paragraph: "Protesters in the square (Image: Agency)"
        out.append(b)
    return _trim_tail(page, _strip_head(page, out))


#: A paragraph this long is story text: a comment section can only follow one.
MIN_STORY_LINE_CHARS = 80
#: Blocks after a comment-section heading looked at for signs of a thread (commenter headers, a form).
COMMENT_CONFIRM_WINDOW = 8


def _cut_comments(blocks: list[PageBlock]) -> list[PageBlock]:
    """End the story at a comment section that shares its container ("Comments" followed by "Posted by:
    Jane at DATE" lines or a comment form); a sub-heading that merely says "Comment" is followed by prose."""
    prose = False
    for i, b in enumerate(blocks):
        if not prose:
            prose = b.kind == "paragraph" and len(b.text) >= MIN_STORY_LINE_CHARS
            continue
        t = b.text
        if len(t) > 120 or not (b.kind == "heading" or R.is_comment_count_line(t)):
            continue
        if not (R.is_comment_section_heading(t) or R.is_comment_count_line(t) or "comment" in b.hints):
            continue
        for c in blocks[i + 1 : i + 1 + COMMENT_CONFIRM_WINDOW]:
            if "date" in c.hints or R.is_explicit_comment_header(c.text) or R.is_comment_form_line(c.text):
                end = i
                while end > 1 and blocks[end - 1].kind == "heading":
                    end -= 1  # "Trackback Pings", "Leave a comment": headings of what was cut
                return blocks[:end]
    return blocks


#: How many opening blocks of the container may still be story furniture (kicker, dek, byline, date, caption).
HEAD_WINDOW = 10
#: A date or byline line in the story's head is short.
MAX_HEAD_LINE_CHARS = 200
#: A block of the article's <header> (title, dek, byline, date) inside the container is head furniture up to this size.
MAX_HEADER_BLOCK_CHARS = 600
#: A photo credit opening a caption: "STAFF PHOTO BY JANE DOE", "FILE PHOTO:", "Photo: Agency" (several languages).
_PHOTO_CREDIT = re.compile(
    r"^(?:(?:staff|file|ap|afp|dpa|reuters|getty)\s+)?(?:photo|foto|image|picture|bild|illustration)s?"
    r"(?:\s*(?::|©|/)|\s+(?:by|von|par|por|di|credit)\b)",
    re.I,
)
#: A heading this long opening the story is its standfirst, not a sub-heading.
MIN_DEK_HEADING_CHARS = 120
#: A standfirst set as a heading is a sentence or two; longer, it is the story's paragraph set as a heading.
MAX_DEK_HEADING_CHARS = 400
#: A role line under a byline ("Staff writer", "Political Correspondent"): short, no sentence punctuation.
_ROLE_LINE = re.compile(r"^[^\W\d_][^.!?:;,\d]{2,40}$")
#: Words of a <title> part that can be the printed headline (a shorter part is a section or site name).
MIN_TITLE_PART_WORDS = 3


def _is_head_line(page: Page, b: PageBlock, dek_n: str | None, extra: frozenset[str]) -> bool:
    """Headline furniture that templates put inside the story container."""
    from .bylines import CREDIT_LINE

    t = b.text
    if "header" in extra and len(t) <= MAX_HEADER_BLOCK_CHARS:
        return True  # the article's <header> inside the container: kicker, title, dek, byline, date
    if b.kind == "heading" and b.level != 1 and MIN_DEK_HEADING_CHARS <= len(t) <= MAX_DEK_HEADING_CHARS:
        return True  # a standfirst set as a heading: sub-headings are short
    if len(t) > MAX_HEAD_LINE_CHARS:
        return False
    if dek_n and norm(t) == dek_n:
        return True
    if b.hints & {"byline", "caption"} and b.kind != "heading" and len(t) < 100:
        return True
    if CREDIT_LINE.match(t) and len(t) < 100:
        return True
    if _PHOTO_CREDIT.match(t):
        return True
    if _is_date_line(t):
        return True
    return len(t) < 40 and b.link_density > 0.5


def _opens_with_dateline(text: str) -> bool:
    return split_dateline(text)[0] is not None and not _is_date_line(text)


def _is_date_line(t: str) -> bool:
    """A date line ("March 7, 2024 8:15 a.m. EST", "Publié le 4 novembre 2020")."""
    return len(t) < 80 and bool(find_dates(t)) and not t.rstrip().endswith((".", "!", "?", "”", '"'))


def _title_parts(page: Page) -> set[str]:
    """The declared titles and their parts ("Story | Section | Site"), normalised."""
    from .headline import _TITLE_SPLIT, MAX_TITLE_CHARS

    md = page.metadata
    out: set[str] = set()
    for t in (md.title, md.first("og:title"), md.first("twitter:title")):
        if not t or len(t) > MAX_TITLE_CHARS:
            continue
        out.add(norm(t))
        for part in _TITLE_SPLIT.split(t):
            if len(part.split()) >= MIN_TITLE_PART_WORDS:
                out.add(norm(part))
    return out


def _head_end(page: Page, blocks: list[PageBlock], head_n: str | None) -> int:
    """Index just past the printed headline among the opening blocks: the block equal to the headline, else
    a heading equal to a declared title (or a part of it), else an <h1>, when story prose follows it."""
    for i, b in enumerate(blocks[:HEAD_WINDOW]):
        if head_n and norm(b.text) == head_n:
            return i + 1
    titles: set[str] | None = None
    end = 0
    for i, b in enumerate(blocks[:HEAD_WINDOW]):
        if b.kind != "heading":
            if _is_prose(b):
                return end
            continue
        if b.level == 1:
            end = i + 1
            continue
        if titles is None:
            titles = _title_parts(page) if page.kind == "html" else set()
        if len(b.text.split()) >= MIN_TITLE_PART_WORDS and norm(b.text) in titles:
            end = i + 1
    return 0  # no prose follows: the headings are what the page has to say


def _strip_head(page: Page, blocks: list[PageBlock]) -> list[PageBlock]:
    """Drop the headline, kicker, dek and byline/date lines that open a story container."""
    from .headline import headline, headline_text

    head = headline_text(page)
    head_n = norm(head) if head else None
    blocks = blocks[_head_end(page, blocks, head_n) :]
    h = headline(page)
    dek_n = norm(h.subheadline) if h and h.subheadline else None
    a = analyze(page)
    n = 0
    after_byline = False
    while blocks and n < HEAD_WINDOW:
        b = blocks[0]
        extra = b.hints - a.container_hints
        if _opens_with_dateline(b.text):
            break  # "WASHINGTON —" on its own line, or "SANTA FE, N.M. (AP) — A cat ...": the story starts
        if _is_head_line(page, b, dek_n, extra):
            after_byline = _is_byline_line(b)
        elif after_byline and _ROLE_LINE.match(b.text) and b.kind != "heading":
            after_byline = False  # "Staff writer" under "By Jane Doe"
        elif _is_kicker(b, blocks[1:3]):
            after_byline = False
        else:
            break
        blocks = blocks[1:]
        n += 1
    return blocks


#: A kicker, strapline or agency line over the story ("AFP, MANILA", "They're cooler than you") is this short ...
MAX_KICKER_CHARS = 80
#: ... and does not end like a sentence or a lead-in.
_OPEN_END = re.compile(r"[.!?:;\u201d\"»)\u2014\u2013-]$")


def _is_kicker(b: PageBlock, following: list[PageBlock]) -> bool:
    """A short line that is not a sentence, right above the story's prose."""
    t = b.text
    if b.kind not in ("paragraph", "quote") or len(t) > MAX_KICKER_CHARS or _OPEN_END.search(t):
        return False
    return any(_is_prose(f) for f in following)


def _is_byline_line(b: PageBlock) -> bool:
    from .bylines import CREDIT_LINE

    return bool(CREDIT_LINE.match(b.text)) or "byline" in b.hints


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
