"""Bylines: who wrote the story, from metadata first, then the page's byline markup and text."""

from __future__ import annotations

import re
from typing import Any

import lxml.etree

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
    r"writer|reporter|contributor|contributors|fn|p-author|h-card|"
    # BEM-style names of a block's author part ("wp-block-post-author__name", "post-info__item--type-author")
    r"(?!comment)[\w-]*[-_](?:author|byline)(?:(?:--?|__)(?:name|link|text|item))?)$",
    re.I,
)
#: A bare name line between headline and story is at most this long ("Jane Doe · 3 min read").
MAX_NAME_LINE_CHARS = 80
#: How many ancestors of a block we look at for byline tokens (a byline's markup is local).
BYLINE_ANCESTORS = 3
#: A visible line that opens with a credit word and a capitalised name ("By Jane Doe", "Von Max Muster").
CREDIT_LINE = re.compile(
    r"^(?:(?:posted|written|geschrieben|eingestellt|ver\u00f6ffentlicht|publi\u00e9|escrito)\s+)?"
    r"(?:by|von|par|por|di|door|av|af|text|texte|autor|author)\s*:?\s+\S",
    re.I,
)
#: A picture's credit ("Photo: Jane Doe / Agency", a figure's caption) names who took it, not who wrote the story.
PICTURE_CREDIT = re.compile(
    r"^(?:photos?|fotos?|images?|bild|bilder|picture|pictures|illustration)\s*(?::|by|von|©)"
    r"|\((?:photo|foto|image|credit)s?\b",
    re.I,
)
#: Elements that hold a picture and its caption.
_FIGURE_TAGS = frozenset({"figure", "figcaption"})


def _picture_credit(text: str, el: Any) -> bool:
    if PICTURE_CREDIT.search(text):
        return True
    for _ in range(BYLINE_ANCESTORS + 1):
        if el is None:
            return False
        if el.tag in _FIGURE_TAGS:
            return True
        el = el.getparent()
    return False


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


#: A date or time printed after the name in a meta line ("Jane Doe March 11, 2015 3:46 PM Site"):
#: what follows it is not part of the byline.
_TRAILING_DATE = re.compile(
    r"[\s,|·•]+(?:on\s+|am\s+|le\s+|at\s+)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\d{1,2}\.?\s+(?:jan|feb|m\u00e4r|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-z\u00e4]*\b).*$",
    re.I,
)


def _before_date(text: str) -> str:
    m = _TRAILING_DATE.search(text)
    return text[: m.start()] if m and m.start() > 0 else text


#: "Dec 08, 2019 by Jane Doe in Travel": a credit inside a post's meta line, between a date and a category.
INLINE_CREDIT = re.compile(
    r"(?:^|\s|\d)(?:by|von|par|por)\s+((?:[A-Z\u00c0-\u00de][\w'\u2019.-]+\s+){1,3}?[A-Z\u00c0-\u00de][\w'\u2019.-]+)"
    r"(?=\s+(?:in|on|am|le|at|um|im|\||\u00b7|\u2022|-|\u2013)\s|\s*[|\u00b7\u2022,]|\s*$)"
)


def _inline_credit(text: str) -> list[Byline]:
    m = INLINE_CREDIT.search(text)
    if m is None:
        return []
    return [p for p in _names_in(m.group(1)) if p.name == m.group(1)]


def _names_in(text: str) -> list[Byline]:
    return [p for p in parse_byline(text) if looks_like_person_name(p.name)]


def _marked_names(text: str, site: frozenset[str] = frozenset()) -> list[Byline]:
    """Names in the text of an element that byline markup marks: handles ("krimiblogger") are allowed."""
    cut = _before_date(text)
    return _marked_names_in(cut, site) or (_marked_names_in(text, site) if cut != text else [])


def _marked_names_in(text: str, site: frozenset[str]) -> list[Byline]:
    found = []
    for p in parse_byline(text):
        if looks_like_person_name(p.name) or _LOOSE_NAME.match(p.name):
            found.append(p)
    if not found:
        # the element holds only a user name ("oz", "Redaktion"): byline markup vouches for it
        found = _handle(text, site, bare=True) or _collective(text, site, bare=True)
    return found


#: A team credited as the author ("The Acme Team", "Team Acme", "Marketing Team"), after a credit word
#: or alone in byline markup.
COLLECTIVE = re.compile(r"^(?:the\s+)?(?:(?:[^\W\d_][\w.&-]*\s+){1,2}team|team\s+[^\W\d_][\w.&-]*)$", re.I)
#: A credit word before a team's name.
_CREDIT_WORD = re.compile(r"^(?:(?:posted|written)\s+)?(?:by|von|par)\s*:?\s+", re.I)


def _collective(text: str, site: frozenset[str], *, bare: bool = False) -> list[Byline]:
    m = _CREDIT_WORD.match(text)
    if not m and not bare:
        return []
    name = text[m.end() :] if m else text
    if COLLECTIVE.match(name) and name[0].isupper() and _compact(name) not in site:
        return [Byline(name=name)]
    return []


def _handle(text: str, site: frozenset[str], *, bare: bool = False) -> list[Byline]:
    """"vom krimiblogger", "Posted by oradmin" (or, when ``bare``, just "krimiblogger"): a credit
    word and one user name the parser leaves alone."""
    m = CREDIT_HANDLE.match(text)
    name = m.group(1) if m else (text if bare else "")
    if name and _LOOSE_NAME.match(name) and not _NOT_A_HANDLE.match(name) and _compact(name) not in site:
        return [Byline(name=name)]
    return []


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


#: Second-level labels under which a country's registrable names sit ("example.co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "or", "ne"})


def _site_names(page: Page) -> frozenset[str]:
    """The site's own names, compacted: og:site_name, the outer parts of the <title> and the domain's
    registrable label. A blog's account named like the site is the site, not a person."""
    names: list[str] = []
    site = page.metadata.first("og:site_name", "application-name")
    if site:
        names.append(site)
    title = page.metadata.title
    if title:
        parts = [p for p in _TITLE_PARTS.split(title) if p.strip()]
        if len(parts) > 1:
            names += [parts[0], parts[-1]]
    labels = (page.domain or "").split(".")
    if len(labels) >= 2:
        i = -3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else -2
        names.append(labels[i])
    return frozenset(c for c in map(_compact, names) if c)


#: Separators between the parts of a <title> ("Story | Section | Site").
_TITLE_PARTS = re.compile(r"\s+(?:[|\u00b7\u00bb:/\u2013\u2014-]|::)\s+")


#: Elements whose text starts a new line: a byline box's name and its agency line must not run together.
_BLOCKISH = frozenset(
    {"div", "p", "br", "li", "ul", "ol", "section", "h1", "h2", "h3", "h4", "h5", "h6", "address", "dd", "dt"}
)


def _el_text(el: Any) -> str:
    """An element's visible text, with a space where a block child starts or ends
    ("<div>By Jane Doe</div><div>Associated Press</div>" is not "Jane DoeAssociated Press")."""
    parts: list[str] = []
    for event, e in lxml.etree.iterwalk(el, events=("start", "end")):
        tag = e.tag if isinstance(e.tag, str) else None
        if event == "start":
            if tag in _BLOCKISH:
                parts.append(" ")
            if tag is not None and e.text:
                parts.append(e.text)
        else:
            if tag in _BLOCKISH:
                parts.append(" ")
            if e is not el and e.tail:
                parts.append(e.tail)
    return collapse("".join(parts))


def _listed_names(el: Any) -> list[Byline]:
    """Names a byline element lists in separate children with no separator text between them
    ("<a>Jane Doe</a><a>John Smith</a>"): read each child's text as one name."""
    pieces = [collapse(t) for t in el.itertext()]
    pieces = [t for t in pieces if t]
    if not 2 <= len(pieces) <= MAX_LISTED_NAMES:
        return []
    found = [parse_byline(t, single_name=True) for t in pieces]
    if not all(len(f) == 1 and looks_like_person_name(f[0].name) for f in found):
        return []
    return [f[0] for f in found]


#: Two names run together by markup without a separator ("Jane DoeJohn Smith").
_GLUED = re.compile(r"[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]")
#: At most this many names listed side by side in one byline element.
MAX_LISTED_NAMES = 6
#: A user name as blogs print it under byline markup: one token, letters first, no spaces.
_LOOSE_NAME = re.compile(r"^[^\W\d_][\w.\-]{1,30}$")
#: A credit word (optionally after a posting verb) and then exactly one token: a blog user name.
CREDIT_HANDLE = re.compile(
    r"^[|·\s]*(?:(?:posted|written|geschrieben|eingestellt|ver\u00f6ffentlicht|publi\u00e9)\s+)?"
    r"(?:by|von|vom|par|por|door|autor|author|autorin)\s*:?\s*([^\s|·,]+)\s*$",
    re.I,
)
#: Single words after a credit word, or alone in byline markup, that are not a user name
#: ("admin" is one, "email", "Author" and "Share" are not).
_NOT_A_HANDLE = re.compile(
    r"^(?:e-?mail|the|uns|us|me|mir|date|datum|category|kategorie|authors?|autor(?:in|en)?|auteur|by|von|par|"
    r"written|posted|share|follow|folgen|more|mehr|profile|profil|bio|contact|kontakt|anonymous|unknown|none|null)$",
    re.I,
)


def _dom_bylines(page: Page) -> list[Byline]:
    """The first byline printed near the top of the story: byline markup or a "By ..." line."""
    return [_without_credit_word(b) for b in _printed_bylines(page)]


#: A credit word the parser left in front of a lone given name ("Von Jessie").
_LEFT_CREDIT = re.compile(r"^(?:by|von|vom|par|por|door)\s+(\S+)$", re.I)


def _without_credit_word(b: Byline) -> Byline:
    m = _LEFT_CREDIT.match(b.name)
    if m is None:
        return b
    return Byline(name=m.group(1), role=b.role, affiliation=b.affiliation, url=b.url)


#: Where a credit line goes on to credit pictures ("Text von A Illustration von B"): the story's author comes first.
_PICTURE_CLAUSE = re.compile(
    r"\s+(?=(?:illustrations?|fotos?|photos?|photographs?|bilder?|grafik|graphics?)\s*(?:von|by|:))", re.I
)


def _printed_bylines(page: Page) -> list[Byline]:
    if page.kind != "html":
        return []
    from .analysis import analyze

    main = analyze(page).main
    body_start = main[0].index if main else len(page.blocks)
    body_end = main[-1].index if main else len(page.blocks)
    # the byline sits above the story or in its first lines; bylines far away belong to teasers
    lo, hi = max(0, body_start - 40), body_start + 20
    head = _headline_index(page)
    bad = _excluding_hints(page, head, main[0] if main else None)
    site = _site_names(page)
    # the byline follows the headline: markup above it (a site-wide "vcard author" title) comes last
    start = head if head is not None and lo <= head <= hi else lo
    for mark in sorted(page.marks, key=lambda m: m.block_index < start):
        if mark.hint != "byline" or not lo <= mark.block_index <= hi or _own_hints(mark.el, mark.hints) & bad:
            continue
        if not _strict_byline_el(mark.el):
            continue
        text = _el_text(mark.el)
        if not text or len(text) > MAX_BYLINE_CHARS or _picture_credit(text, mark.el):
            continue
        found = _marked_names(text, site)
        if not found or any(_GLUED.search(b.name) for b in found):
            found = _listed_names(mark.el) or found
        if found:
            return found
    for b in page.blocks[lo:hi]:
        if len(b.text) > MAX_BYLINE_CHARS or b.hints & bad or _picture_credit(b.text, b.el):
            continue
        if not (_has_byline_markup(b) or CREDIT_LINE.match(b.text)):
            continue
        line = _PICTURE_CLAUSE.split(b.text, maxsplit=1)[0]
        found = _names_in(_before_date(line)) or _names_in(line) or _handle(b.text, site) or _collective(b.text, site)
        if found:
            return found
    # templates without byline markup: a line between the headline and the story that is only a name
    if head is not None:
        # when the story's first block was found above the headline, look just under the headline
        stop = min(body_start, head + 12) if body_start > head else head + NAME_LINE_REACH
        for b in page.blocks[head + 1 : stop]:
            if len(b.text) > MAX_NAME_LINE_CHARS or b.hints & NOT_BYLINE_HINTS or _title_heading(b):
                continue
            if _picture_credit(b.text, b.el):
                continue
            named = _names_in(_before_date(b.text)) or _names_in(b.text) or _inline_credit(b.text)
            found = [p for p in named if " " in p.name]
            found = found or _collective(b.text, site, bare=True)
            if found:
                return found
    # an author line printed under the story ("Text: Jane Doe") or in its closing meta
    for mark in page.marks:
        if mark.hint != "byline" or not body_end < mark.block_index <= body_end + 10:
            continue
        # a post's own footer ("Posted by Jane Doe at 9:12") sits right under the story
        after = bad - {"footer"} if mark.block_index <= body_end + POST_FOOTER_REACH else bad
        if not mark.hints & after:
            if _strict_byline_el(mark.el):
                text = _el_text(mark.el)
                if text and len(text) <= MAX_BYLINE_CHARS:
                    found = _marked_names(text, site)
                    if found:
                        return found
    return _rel_author_names(page) or _author_box(page, site) or _post_author_comment(page)


#: Hints of an "about the author" box, and of regions whose boxes belong to other stories or readers.
BIO_HINT = "bio"
_NOT_OUR_BOX = frozenset({"comment", "related", "nav", "promo"})
#: What an author box prints before the name ("About Jane", "Written by Jane Doe", "Author: Jane Doe").
_BOX_LEAD = re.compile(
    r"^(?:about(?: the author)?|\u00fcber|written by|posted by|author|autor(?:in)?|by|von)\s*:?\s*", re.I
)


def _author_box(page: Page, site: frozenset[str]) -> list[Byline]:
    """The name heading an "about the author" box: the name is its title or its first link."""
    seen = 0
    for mark in page.marks:
        if mark.hint != "byline" or BIO_HINT not in mark.hints or mark.hints & _NOT_OUR_BOX:
            continue
        seen += 1
        if seen > 3:
            break
        for el in mark.el.xpath(".//h2 | .//h3 | .//h4 | .//h5 | .//*[contains(@class, 'name')] | .//a")[:6]:
            raw = _el_text(el)
            text = _BOX_LEAD.sub("", raw)
            if not text or len(text) > MAX_NAME_LINE_CHARS:
                continue
            found = [p for p in _names_in(text) if p.name == text]
            if not found and text != raw:
                # a lone given name only when the box introduces it ("About Alexa")
                found = _handle(text, site, bare=True)
            if found:
                return found[:1]
    return []


#: How many blocks under the story a post footer's author line may sit.
POST_FOOTER_REACH = 2
#: How many blocks under the headline a bare name line may sit when the story seemingly starts above it.
NAME_LINE_REACH = 3
#: Headings this deep may be a byline printed as a heading ("<h4>Jane Doe, Agency</h4>"); shallower ones are titles.
MIN_BYLINE_HEADING_LEVEL = 4


def _title_heading(b: PageBlock) -> bool:
    return b.kind == "heading" and (b.level or 0) < MIN_BYLINE_HEADING_LEVEL


def _own_hints(el: Any, hints: frozenset[str]) -> frozenset[str]:
    """A byline printed in its own ``<aside class="post-author">`` is no sidebar: its tag's hint
    is not held against it."""
    return hints - {"aside"} if el.tag == "aside" else hints


def _excluding_hints(page: Page, head: int | None, first: PageBlock | None) -> frozenset[str]:
    """Region hints that rule a byline out, less those the headline and the story's first block
    also carry: a theme that wraps the whole post in "sidebar-layout" markup makes no aside of it."""
    shared: frozenset[str] = frozenset()
    if head is not None and first is not None:
        shared = page.blocks[head].hints & first.hints
    return NOT_BYLINE_HINTS - shared


#: Class a blog engine gives a comment written by the post's own author (WordPress "bypostauthor").
POST_AUTHOR_COMMENT = "bypostauthor"


def _post_author_comment(page: Page) -> list[Byline]:
    """The post's author as the blog names them when they answer a comment: the commenter name in a
    comment the engine marks as by the post author."""
    tree = page.tree
    if tree is None:
        return []
    for el in tree.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {POST_AUTHOR_COMMENT} ')]")[:3]:
        names = el.xpath(".//*[contains(@class, 'comment-author') or contains(@class, 'author') or @class='fn']")
        for name_el in names[:4]:
            fn = name_el.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]")
            text = _SAYS.sub("", collapse((fn[0] if fn else name_el).text_content() or ""))
            if not text or len(text) > MAX_NAME_LINE_CHARS:
                continue
            found = [p for p in parse_byline(text, single_name=True) if looks_like_person_name(p.name)]
            if not found and _LOOSE_NAME.match(text):
                found = [Byline(name=text)]
            if found:
                return found[:1]
    return []


#: The verb a comment template puts after the commenter's name ("Jane Doe says:", "sagt:").
_SAYS = re.compile(r"\s+(?:says|sagt|dit|dice|zegt|said)\s*:?\s*$", re.I)


def _headline_index(page: Page) -> int | None:
    from .headline import headline_text

    head = headline_text(page)
    if not head:
        return None
    same = [b for b in page.blocks if b.text == head]
    # the headline text also sits in breadcrumbs and share links: prefer the heading that prints it
    for b in same:
        if b.kind == "heading":
            return b.index
    return same[0].index if same else None


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
        if len(b.text) > 400:
            continue
        if CREDIT_TRAILER.match(b.text):
            out.extend(p for p in parse_byline(b.text.strip("() ")) if p.role not in NON_AUTHOR_ROLES)
        out.extend(_signed_by_desk(b.text))
    return out


#: A story signed at its end by the newsroom and its writers in parentheses: "MDR (Jane Doe, John Smith)".
SIGNED_BY_DESK = re.compile(r"^([A-Z\u00c0-\u00de][\w.&/ -]{0,40}?)\s*\(([^()]{3,120})\)\s*$")


def _signed_by_desk(text: str) -> list[Byline]:
    m = SIGNED_BY_DESK.match(text)
    if m is None:
        return []
    names = [n.strip() for n in m.group(2).split(",")]
    if not all(looks_like_person_name(n) and " " in n for n in names):
        return []
    return [Byline(name=n, affiliation=m.group(1).strip()) for n in names]


def bylines(page: Page) -> tuple[Byline, ...] | None:
    """Each credited person: JSON-LD authors, then ``<meta>``, then the printed byline; plus the
    reporters named in a wire story's closing credit line (cached on the page)."""
    if "_bylines" not in page.__dict__:
        page.__dict__["_bylines"] = _find_bylines(page)
    return page.__dict__["_bylines"]  # type: ignore[no-any-return]


def _printed_superset(page: Page, found: list[Byline]) -> list[Byline]:
    """Metadata often names only the first of several authors: when the printed byline names all of
    the metadata's people and more, the printed one is the full list."""
    printed = [b for b in _dom_bylines(page) if b.role not in NON_AUTHOR_ROLES]
    have = {norm(b.name) for b in found}
    if len(printed) > len(found) and have <= {norm(b.name) for b in printed}:
        return printed
    return found


def _find_bylines(page: Page) -> tuple[Byline, ...] | None:
    for source in (_jsonld_authors, _meta_authors, _dom_bylines):
        found = [b for b in source(page) if b.role not in NON_AUTHOR_ROLES]
        if found:
            if source is not _dom_bylines:
                found = _printed_superset(page, found)
            return _dedupe(found + _trailer_credits(page))
    credits = _trailer_credits(page)
    return _dedupe(credits) if credits else None
