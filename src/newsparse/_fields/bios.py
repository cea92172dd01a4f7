"""Author bios of an HTML page: author boxes and closing "Jane Doe is a reporter ..." paragraphs.

1. Boxes: blocks that carry the "bio" or "byline" hint are traced up (a few levels, bounded) to the
   outermost element whose class / id speaks of an author box (author-bio, author-box, about-author,
   user-bio, ...). In a box, header words ("About the author", "Written By"), social-feed widgets,
   "Latest posts by X (see all)" lists and contact lines are left out; a name line, a short title line
   and the prose remain. A box without prose is no bio (a byline card).
2. Closing paragraphs: the last paragraphs of the article (and the few after it) that open with a
   byline person's name followed by "is a / covers / writes ..." (``_recognize.bio_subject``), and
   "Staff writer Jane Doe can be reached at ..." taglines.
3. Names are tied to the bylines: the bio's ``name`` uses the byline's spelling of the same person.
"""

from __future__ import annotations

import re
from typing import Any

from .. import _recognize as R
from .._blocks import Block as PageBlock
from .._blocks import collapse
from .._model import AuthorBio
from .._page import Page
from ._text import norm
from .analysis import analyze

__all__ = ["author_bios", "bio_block_indices", "byline_names"]

#: Class / id words of an author box (WordPress author-box plugins, news CMS author cards, schema.org Person).
BIO_BOX = re.compile(
    r"author[-_ ]?(?:bio|box|info|card|profile|about|description|details|block|content|wrap)|about[-_ ]?(?:the[-_ ]?)?author|"
    r"user[-_]?bio|post[-_]?body[-_]?bio|contributor[-_]?bio|(?:^|[\s_-])bio(?:$|[\s_-])|biography|author[-_]?bio|"
    r"autor[-_]?(?:bio|box|info)|redaktion[-_]?autor|schema\.org/Person\b",
    re.I,
)
#: Boxes that are not about this article's author: comments, related-post cards, teaser lists.
NOT_BIO_BOX = re.compile(r"comment|related|teaser|recommend|popular|widget|sidebar|newsletter|promo|\bnav", re.I)
#: Profile-page URL shapes for the ``url`` of a bio.
PROFILE_URL = re.compile(r"/(?:author|authors|autor|autoren|auteur|profile|profiles|people|staff|team|user|users|journalist|journalists|writers?|contributors?|by)/", re.I)
#: How far up from a block we look for its author box.
MAX_BOX_CLIMB = 8
#: Prose shorter than this in a box is a label or a staff line, not a bio.
MIN_BIO_CHARS = 40
#: Prose without closing punctuation needs this many words (a staff line "Desk, Outlet" has few).
MIN_UNCLOSED_PROSE_WORDS = 12
#: A title line is short: "Environment Reporter", "Senior Editor, Politics".
MAX_TITLE_WORDS = 8
MAX_TITLE_CHARS = 70
#: Closing paragraphs looked at for a bio sentence: the last ones of the article and a few after it.
CLOSING_BLOCKS = 6
AFTER_BLOCKS = 8
#: A bio box holds at most this many blocks (a larger element is a page region, not a box).
MAX_BOX_BLOCKS = 40
#: A one- to three-word first sentence of a bio is the person's title ("Projektleiterin. Miriam ...").
_LEADING_TITLE = re.compile(r"^([A-ZÀ-ÖØ-Þ][\w-]*(?:\s+[\w-]+){0,2})\.\s+(?=[A-ZÀ-ÖØ-Þ])")
#: "View all posts by X" printed at the end of the bio sentence itself.
_TRAILING_POSTS_LINK = re.compile(r"\s*(?:view|see|read|show)\s+(?:all|more)\s+(?:posts|articles|stories|beiträge|artikel)\b.*$", re.I)
#: A post counter printed after the name in a box header: "Über Luis Holuch 257 Artikel".
_COUNTER_TAIL = re.compile(r"\s+\d[\d.,]*\s+(?:artikel|articles?|posts?|beiträge|stories|bericht\w*)$", re.I)


def byline_names(page: Page) -> tuple[str, ...]:
    """The names of the page's bylines (cached on the page)."""
    cached = page.__dict__.get("_bio_byline_names")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    from .bylines import bylines

    try:
        found = bylines(page) or ()
    except Exception:  # pragma: no cover - a byline bug must not cost the bios
        found = ()
    names = tuple(dict.fromkeys(b.name for b in found if b.name))
    page.__dict__["_bio_byline_names"] = names
    return names


def _attr_text(el: Any) -> str:
    return " ".join(v for v in (el.get("class"), el.get("id"), el.get("itemtype")) if v)


#: Region words of the blocks an author box is looked for above.
_BOX_HINTS = frozenset({"bio", "byline"})


def _boxes(page: Page) -> dict[Any, list[PageBlock]]:
    """Author-box element -> its blocks, in page order."""
    memo: dict[Any, Any] = {}
    boxes: dict[Any, list[PageBlock]] = {}
    for b in page.blocks:
        if b.el is None or _BOX_HINTS.isdisjoint(b.hints) or "comment" in b.hints:  # (isdisjoint: no set built)
            continue
        box = _box_of(b.el, memo)
        if box is not None:
            boxes.setdefault(box, []).append(b)
    return {k: v for k, v in boxes.items() if len(v) <= MAX_BOX_BLOCKS}


def _box_of(start: Any, memo: dict[Any, Any]) -> Any:
    chain: list[Any] = []
    el = start
    box = None
    bad = False
    n = 0
    while el is not None and n < MAX_BOX_CLIMB:
        if el in memo:
            box = memo[el]
            break
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("body", "html"):
            break
        chain.append(el)
        el = el.getparent()
        n += 1
    # the outermost author-box element of the chain (or the memoised one above it) wins
    outer = box
    for e in reversed(chain):
        attrs_text = _attr_text(e)
        if outer is None and attrs_text and BIO_BOX.search(attrs_text) and not NOT_BIO_BOX.search(attrs_text):
            outer = e
        memo[e] = outer
    if outer is not None and any(e.tag == "form" for e in chain):
        return None
    return outer


def _match_name(candidate: str, names: tuple[str, ...]) -> str | None:
    """The byline name that is the same person as ``candidate`` (full name, or same surname and first initial)."""
    c = norm(candidate)
    if not c:
        return None
    cw = c.replace(".", " ").split()
    for name in names:
        n = norm(name)
        if n == c:
            return name
        nw = n.replace(".", " ").split()
        if not nw or not cw:
            continue
        if nw[-1] == cw[-1] and (len(nw) == 1 or len(cw) == 1 or nw[0][0] == cw[0][0]):
            return name
    return None


def _is_prose(text: str) -> bool:
    """A sentence (or more): long enough, and closed by sentence punctuation or clearly longer than a label."""
    if len(text) < MIN_BIO_CHARS or len(text.split()) < 6:
        return False
    return text.rstrip().endswith((".", "!", "?", "…", '"', "”", "»", ")")) or len(text.split()) >= MIN_UNCLOSED_PROSE_WORDS


def _box_bio(box: Any, blocks: list[PageBlock], names: tuple[str, ...]) -> AuthorBio | None:
    name: str | None = None
    title: str | None = None
    prose: list[str] = []
    for b in blocks:
        text = b.text
        if (
            R.is_social_feed_line(text)
            or R.is_latest_posts_line(text)
            or R.is_contact_line(text)
            or R.is_comment_noise_line(text)
            or "share" in b.hints
        ):
            continue
        stripped = _COUNTER_TAIL.sub("", R.strip_bio_header(text))
        if not stripped:
            continue  # "About the author", "Die Autorin"
        if _is_prose(stripped) and not (b.link_density > 0.6 and len(stripped) < 120):
            prose.append(stripped)
            continue
        if prose:
            continue  # short lines after the prose: links, counters
        if name is None and (
            _match_name(stripped, names) or R.looks_like_person_name(stripped) or R.looks_like_person_name(stripped.title())
        ) and len(stripped) <= 60:
            name = stripped
            continue
        if (
            name is not None
            and title is None
            and len(stripped) <= MAX_TITLE_CHARS
            and len(stripped.split()) <= MAX_TITLE_WORDS
            and not stripped.endswith(".")
            and b.link_density < 0.5
            and not R.find_date_text(stripped)
        ):
            title = stripped
    if not prose:
        return None
    text = _TRAILING_POSTS_LINK.sub("", " ".join(prose)).strip()
    subject = R.bio_subject(text, names) if names else None
    if name is None:
        opening = next((n for n in names if norm(text).startswith(norm(n))), None)
        name = subject or opening or R.bio_subject(text)
    if name is not None:
        name = _match_name(name, names) or name
    if title is None:
        m = _LEADING_TITLE.match(text)
        if m and (name is None or not set(norm(m.group(1)).split()) & set(norm(name).split())):
            title = m.group(1)
    if title is not None and name is not None and norm(title) == norm(name):
        title = None
    if name is None and len(names) == 1:
        name = names[0]  # an author box after a single-byline article is that author's
    if name is None and subject is None and not names:
        return None
    return AuthorBio(name=name, title=title, text=text, url=_profile_url(box, name))


def _profile_url(box: Any, name: str | None) -> str | None:
    n = 0
    fallback = None
    target = norm(name) if name else None
    for a in box.iter("a"):
        n += 1
        if n > 40:
            break
        href = a.get("href")
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        text = norm(collapse(a.text_content()))
        if target and text and (text == target or target in text):
            return str(href)
        if fallback is None and PROFILE_URL.search(href):
            fallback = str(href)
    return fallback


def _closing_bios(page: Page, names: tuple[str, ...], taken: set[int]) -> list[AuthorBio]:
    """Bio sentences among the last paragraphs of the article and the few blocks after it.

    Consecutive blocks of one element are read together (a ``<br>`` may sit between a name and its
    sentence), then cut into one bio per person.
    """
    a = analyze(page)
    if not a.main:
        return []
    last = a.main[-1].index
    pool = a.main[-CLOSING_BLOCKS:] + page.blocks[last + 1 : last + 1 + AFTER_BLOCKS]
    groups: list[list[PageBlock]] = []
    for b in pool:
        if b.index in taken or b.hints & {"comment", "nav", "related"} or b.kind == "heading":
            continue
        if groups and groups[-1][-1].el is b.el and groups[-1][-1].index == b.index - 1:
            groups[-1].append(b)
        else:
            groups.append([b])
    out: list[AuthorBio] = []
    for group in groups:
        text = " ".join(b.text for b in group)
        tag = R.tagline_subject(text, names)
        if tag is not None:
            out.append(AuthorBio(name=tag[0], title=tag[1], text=text, url=None))
            taken.update(b.index for b in group)
            continue
        if R.bio_subject(text, names) is None and not any(
            R.bio_subject(b.text, names) for b in group[1:]
        ):
            continue
        parts = R.split_bios(text, names)
        for name, seg in parts:
            out.append(AuthorBio(name=name, title=None, text=seg, url=None))
        if parts:
            taken.update(b.index for b in group)
    return out


def bio_block_indices(page: Page) -> frozenset[int]:
    """Indices (into ``page.blocks``) of the blocks read as author bios, so the body can leave them out.

    Covers author boxes and closing bio paragraphs, also a bio split over several blocks by ``<br>``
    ("Tanya Zack" / "is a visiting lecturer ..."), which a per-paragraph test cannot see.
    """
    if "_bio_block_indices" not in page.__dict__:
        author_bios(page)
    cached = page.__dict__.get("_bio_block_indices")
    return cached if isinstance(cached, frozenset) else frozenset()


def author_bios(page: Page) -> tuple[AuthorBio, ...] | None:
    """Author boxes of an HTML page; ``()`` when the page has none (cached on the page: the body's
    trailer trimming asks for the bio blocks too)."""
    if "_author_bios" not in page.__dict__:
        page.__dict__["_author_bios"] = _find_author_bios(page)
    return page.__dict__["_author_bios"]  # type: ignore[no-any-return]


def _find_author_bios(page: Page) -> tuple[AuthorBio, ...] | None:
    if page.kind != "html" or page.tree is None:
        return None
    names = byline_names(page)
    found: list[AuthorBio] = []
    taken: set[int] = set()
    for box, blocks in _boxes(page).items():
        bio = _box_bio(box, blocks, names)
        if bio is not None:
            found.append(bio)
            taken.update(b.index for b in blocks)
    if names and found:
        tied = [b for b in found if b.name and _match_name(b.name, names)]
        if tied:
            found = tied
    found.extend(_closing_bios(page, names, taken))
    page.__dict__["_bio_block_indices"] = frozenset(taken)
    out: list[AuthorBio] = []
    seen: set[str] = set()
    for bio in found:
        key = norm(bio.text or "")[:200]
        if key in seen:
            continue
        seen.add(key)
        out.append(bio)
    return tuple(out)
