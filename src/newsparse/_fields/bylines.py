"""Bylines: who wrote the story, from metadata first, then the page's byline markup and text."""

from __future__ import annotations

import re
from typing import Any

import lxml.etree

from .._blocks import POST_AUTHOR_CLASS
from .._blocks import Block as PageBlock
from .._blocks import collapse
from .._model import Byline
from .._page import Page
from .._parsing import looks_like_person_name, parse_byline
from .._parsing.bylines import ORG_WORDS
from .._parsing.dates import find_date_spans
from ._text import memo_short, norm

#: Byline text longer than this is a paragraph that mentions authors, not a byline.
MAX_BYLINE_CHARS = 160

#: Bylines printed alike (same tag and class) this many times on a page are the bylines of a list of stories.
TEASER_REPEATS = 3
#: Paragraphs of at least this many characters are the story's text.
STORY_PARAGRAPH_CHARS = 80
#: This many of them between the headline and a byline put the byline under the story.
STORY_PARAGRAPHS_ABOVE = 2

#: A guest author credited in the story's opening lines ("This is a guest post by Jane", "Gastbeitrag von
#: Jane Doe"): the blog's metadata names the blog's owner, the text names who wrote it.
GUEST_CREDIT = re.compile(
    r"\b(?:guest[\s-](?:post|article|blog\s+post|column|contribution|review)|gastbeitrag|gastartikel"
    r"|article\s+invit\u00e9|art\u00edculo\s+invitado|gastblog)\s+(?:written\s+)?(?:by|von|de|par|por|door)\s+"
    r"([^.,;:!?()]{2,60})",
    re.I,
)
#: A story whose first paragraph opens with its own credit and goes on ("By Jane Doe. Notes from three
#: winters ..."); a "By Jane Doe" line alone among the first blocks may be a teaser's or a quoted book's
#: byline, and so may this paragraph (a review's "By Jane Doe. Acme Books, 320 pages."): it replaces only an
#: author the page never prints.
OPENING_CREDIT = re.compile(
    r"^(?:by|von|par|por|door)\s+((?:[^\W\d_][\w'\u2019-]+\s+){1,3}[^\W\d_][\w'\u2019-]+)\s*[.;:]\s+(?=[^\W\d_]{2})",
    re.I,
)
#: How many of the story's first blocks may open with a guest's credit.
GUEST_REACH = 3
#: A paragraph holding a guest credit is an intro of a sentence or two, at most this long (a byline's
#: length twice over): a longer one is the story itself, which may name other writers.
MAX_GUEST_PARAGRAPH_CHARS = 2 * MAX_BYLINE_CHARS
#: Organisation types that a story's JSON-LD may credit as its author.
_ORG_TYPES = frozenset("organization newsmediaorganization corporation".split())
#: A credited organisation's name is at most this long ("Acme News Online").
MAX_ORG_NAME_CHARS = 60

#: A text that opens with a given name and a surname, then ends or goes on after a break or a verb.
_FULL_AFTER_GIVEN = re.compile(
    r"^([^\W\d_][\w'\u2019-]*)\s+([A-Z\u00c0-\u00de][\w'\u2019-]+)(?=$|\s*[,.;:\u2013\u2014(-]|\s+[a-z\u00df-\u00ff])"
)
#: Class/id tokens of byline elements (stricter than the region hint: "author-bio" is a bio box).
BYLINE_TOKEN = re.compile(
    r"^(?:byline|by-line|bylines?__?\w*|byline-\w+|\w+-byline|author|authors|author-?name|authorname|"
    r"post-author|entry-author|article-author|author-link|author-?names?|meta-author|story-author|"
    r"writer|reporter|contributor|contributors|fn|p-author|h-card|"
    # BEM-style names of a block's author part ("wp-block-post-author__name", "post-info__item--type-author")
    r"(?!comment)[\w-]*[-_](?:authors?|bylines?)(?:(?:--?|__)(?:name|link|text|item))?)$",
    re.I,
)
#: The parts of a compound class name ("blog1_author-image-wrapper" -> blog1, author, image, wrapper).
_TOKEN_PARTS = re.compile(r"[-_]+")
#: Parts of a class name with "author" in it that make it something else than the byline: a bio box,
#: a comment's author, an "about" panel.
_NOT_BYLINE_PARTS = frozenset("bio biography box comment comments about description desc info card tooltip".split())


def _byline_token(tok: str) -> bool:
    if BYLINE_TOKEN.match(tok):
        return True
    parts = [p.lower() for p in _TOKEN_PARTS.split(tok)]
    return "author" in parts and _NOT_BYLINE_PARTS.isdisjoint(parts)


#: A bare name line between headline and story is at most this long ("Jane Doe · 3 min read").
MAX_NAME_LINE_CHARS = 80
#: How many ancestors of a block we look at for byline tokens (a byline's markup is local).
BYLINE_ANCESTORS = 3
#: A visible line that opens with a credit word and a capitalised name ("By Jane Doe", "Von Max Muster").
CREDIT_LINE = re.compile(
    r"^(?:(?:posted|written|geschrieben|eingestellt|ver\u00f6ffentlicht|publi\u00e9|escrito)\s+)?"
    r"(?:by|von|par|por|di|door|av|af|text|texte|autor|autoren|autorin|author|authors)\s*:?\s+\S",
    re.I,
)
#: A picture's credit ("Photo: Jane Doe / Agency", a figure's caption) names who took it, not who wrote the story.
PICTURE_CREDIT = re.compile(
    r"^(?:(?:staff|file|ap|afp|dpa|reuters|getty|special)\s+)?"  # "STAFF PHOTO BY ...", "AP Photo: ..."
    r"(?:photos?|fotos?|images?|bild|bilder|picture|pictures|illustration)\s*(?::|by|von|©)"
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


#: Class/id words of a dateline's place or an address ("c-signature__location", "post-city"): a place
#: printed under the headline reads like a name ("São Paulo") but is none.
PLACE_TOKEN = re.compile(r"(?:^|[-_])(?:location|dateline|place|city|address|adresse|ort)(?:$|[-_])", re.I)


def _place_markup(el: Any) -> bool:
    """Whether the block's element, an ancestor near it or an element inside it is marked as a place."""
    if el is None:
        return False
    inside = [e for _, e in zip(range(PLACE_INSIDE), el.iter()) if isinstance(e.tag, str)]
    outside = []
    up = el.getparent()
    for _ in range(BYLINE_ANCESTORS):
        if up is None:
            break
        outside.append(up)
        up = up.getparent()
    for e in inside + outside:
        for attr in (e.get("class"), e.get("id")):
            if attr and PLACE_TOKEN.search(attr):
                return True
    return False


#: How many elements inside a name line are looked at for place markup.
PLACE_INSIDE = 6


#: Links and class words of a site's taxonomy (tags, categories, sections): their text names a topic
#: ("Tech Trends", "Home & Lifestyle"), not a person.
TAXONOMY_HREF = re.compile(
    r"[/?&](?:tags?|category|categories|cat|topics?|sections?|rubriken?|themen?|kategorien?|labels?|schlagworte?)[/=]",
    re.I,
)
TAXONOMY_TOKEN = re.compile(r"(?:^|[-_])(?:tags?|category|categories|cat|topics?|labels?|kicker)(?:$|[-_])", re.I)


def _taxonomy_el(el: Any) -> bool:
    if el.tag == "a" and TAXONOMY_HREF.search(el.get("href") or ""):
        return True
    return any(TAXONOMY_TOKEN.search(attr) for attr in (el.get("class"), el.get("rel")) if attr)


def _without_taxonomy(b: PageBlock) -> str:
    """A line's text less the tag and category links in it ("" when the line is itself a tag list)."""
    el = b.el
    if el is None:
        return b.text
    if _taxonomy_el(el):
        return ""
    links = [a for a in el.iter("a") if _taxonomy_el(a)]
    if not links:
        return b.text
    text = b.text
    for a in links:
        label = collapse(a.text_content() or "")
        if label:
            text = text.replace(label, " | ")
    return collapse(text)


#: Paths of the pages a byline links to: an author's or a person's page.
PERSON_HREF = re.compile(
    r"author|autor|auteur|profile|profil|people|person|staff|writer|journalist|redakteur|contributor|user|member"
    r"|/by/|@",
    re.I,
)
#: A line that is this much link text is the link.
LINK_LINE_DENSITY = 0.9


def _foreign_link(b: PageBlock, found: list[Byline]) -> bool:
    """Whether a name line is a link to something that is not a person's page ("Fiction Page" -> /fiction/12):
    a byline's link goes to the author's page, which names the author or says it is one."""
    if b.el is None or b.link_density < LINK_LINE_DENSITY:
        return False
    links = [a.get("href") or "" for a in b.el.iter("a") if _link_label_in(a, b.text)]
    if len(links) != 1:
        return False
    href = links[0]
    if PERSON_HREF.search(href):
        return False
    slug = _compact(href)
    # a person's page is named after them: the surname is in its address
    return not any(_compact(p.name.split()[-1]) in slug for p in found)


def _link_label_in(a: Any, text: str) -> bool:
    label = collapse(a.text_content() or "")
    return bool(label) and label in text


#: Class-name parts of a user badge (avatar and name of who posted).
_USER_PARTS = frozenset("user username avatar author profile member poster".split())


def _user_markup(el: Any) -> bool:
    for _ in range(BYLINE_ANCESTORS + 1):
        if el is None:
            return False
        for attr in (el.get("class"), el.get("id")):
            if attr and any(_USER_PARTS & set(_TOKEN_PARTS.split(t.lower())) for t in attr.split()):
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
        types = _schema_types(a)
        if "organization" in types and "person" not in types:
            return []
        name = a.get("name")
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip():
            url = a.get("url")
            desc = a.get("description")
            if isinstance(desc, str) and " " not in name.strip():
                name = _completed(name.strip(), collapse(desc)) or name  # "Jane" whose bio opens "Jane Doe is ..."
            parsed = parse_byline(collapse(name), single_name=True)
            if parsed and isinstance(url, str):
                first = parsed[0]
                parsed[0] = Byline(name=first.name, role=first.role, affiliation=first.affiliation, url=url)
            return parsed
    return []


def _completed(given: str, text: str) -> str | None:
    """The full name a text opens with when it starts with the given name ``given`` ("Jane" and
    "Jane Doe - reporter and ..." -> "Jane Doe")."""
    m = _FULL_AFTER_GIVEN.match(text)
    if m is None or m.group(1) != given:
        return None
    full = f"{given} {m.group(2)}"
    return full if looks_like_person_name(full) else None


#: ``<meta>`` names that hold the author, most common first.
META_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
#: Other ``<meta>`` names a CMS gives its author field ("article_author", "cms_authors"): a name that ends in
#: "author(s)" after a separator.
META_AUTHOR_KEY = re.compile(r"^[\w.-]*[_.:-]authors?$", re.I)


def _meta_author_values(page: Page) -> list[str]:
    meta = page.metadata.meta
    keys = [*META_AUTHOR_KEYS, *(k for k in meta if META_AUTHOR_KEY.match(k) and not k.startswith(_SOCIAL_META))]
    for key in keys:
        # a profile URL ("article:author" on Facebook) names nobody: look on
        vals = [v for v in meta.get(key, ()) if not v.startswith("http")]
        if vals:
            return vals
    return []


#: ``<meta>`` name prefixes of social cards: their "creator" is an account handle.
_SOCIAL_META = ("twitter", "og:", "fb:")


def _meta_authors(page: Page) -> list[Byline]:
    out: list[Byline] = []
    site: frozenset[str] | None = None
    for v in _meta_author_values(page):
        if v.startswith("http"):
            continue
        # "Jane Doe, jane@example.org": the parser cuts the address out
        found = [b for b in parse_byline(v) if looks_like_person_name(b.name)]
        if not found and "@" not in v:
            site = _site_names(page) if site is None else site
            found = _given_name(v, site)
        out.extend(found)
    return out


def _given_name(text: str, site: frozenset[str]) -> list[Byline]:
    """A blog's author field holding only a given name ("Marie"): one capitalised word that is no
    vocabulary word and not the site's own name."""
    name = collapse(text)
    if _GIVEN_NAME.match(name) and not _like_site(name, site) and not _NOT_A_HANDLE.match(name):
        found = parse_byline(name, single_name=True)
        if len(found) == 1 and found[0].name == name and not found[0].role and not found[0].affiliation:
            return found
    return []


#: A lone given name: a capital, then lower-case letters only ("Marie", "Zoë"; not "NDR", "StephenT").
_GIVEN_NAME = re.compile(r"^[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{2,15}$")


def _has_byline_markup(block: PageBlock, memo: dict[Any, bool]) -> bool:
    """Whether the block's element or one of its nearest ancestors carries byline markup (``memo``: element ->
    its own markup, for the ancestors the blocks near the headline share)."""
    el = block.el
    for _ in range(BYLINE_ANCESTORS + 1):
        if el is None:
            return False
        own = memo.get(el)
        if own is None:
            own = memo[el] = _byline_markup_el(el)
        if own:
            return True
        el = el.getparent()
    return False


def _byline_markup_el(el: Any) -> bool:
    if not el.keys():  # an element without attributes has no byline markup (most have none)
        return False
    if el.get("rel") == "author" or "author" in (el.get("itemprop") or ""):
        return True
    return any(attr and _byline_attr(attr) for attr in (el.get("class"), el.get("id")))


@memo_short
def _byline_attr(attr: str) -> bool:
    """Whether a class / id value has a byline token (memoised: the blocks near the headline share their
    ancestors, and templates repeat their class names)."""
    return any(_byline_token(tok) for tok in attr.split())


#: XPath expressions, compiled once (``el.xpath(text)`` compiles its expression on every call).
_ITEMPROP_NAME = lxml.etree.XPath(".//*[@itemprop='name']")
_CARD_NAME_PARTS = lxml.etree.XPath(".//h2 | .//h3 | .//h4 | .//h5 | .//*[contains(@class, 'name')] | .//a")
_AUTHORISH = lxml.etree.XPath(".//*[contains(@class, 'comment-author') or contains(@class, 'author') or @class='fn']")
_FN_CLASS = lxml.etree.XPath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]")


def _rel_author_names(page: Page) -> list[Byline]:
    """Names in ``rel=author`` links and ``itemprop=author`` elements outside comments."""
    tree = page.tree
    if tree is None:
        return []
    out: list[Byline] = []
    site: frozenset[str] | None = None
    marked = [
        el
        for el in page.attr_elements  # gathered by the block walk, in document order
        if el.get("itemprop") == "author" or (el.tag == "a" and el.get("rel") == "author")
    ]
    for el in marked[:20]:
        if _in_comments(el):
            continue
        name_el = _ITEMPROP_NAME(el)
        text = collapse((name_el[0] if name_el else el).text_content() or "")
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        found = [b for b in parse_byline(text) if looks_like_person_name(b.name)]
        # a blog's user name in a rel=author link ("ThE_PaiN"): the markup vouches for it
        if not found:
            site = _site_names(page) if site is None else site
            found = _handle(text, site, bare=True)
        out.extend(found)
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
        if attr and any(_byline_token(tok) for tok in attr.split()):
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


#: Words that make "The ..." a publication or a team rather than a pen name.
_PEN_NAME_STOP = ORG_WORDS | frozenset("editor author admin independent economist".split())


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
        found = _handle(text, site, bare=True) or _collective(text, site, bare=True) or _pen_name(text, site)
    return found


#: A pen name with an article at the end of a byline ("by The Ritualist", "von Der Weinkenner").
PEN_NAME = re.compile(
    r"(?:^|\b(?:by|von|par|por)\s+)((?:The|Der|Die|Das|Le|La|El|Il)\s+[A-Z\u00c0-\u00de][\w'\u2019-]+"
    r"(?:\s+[A-Z\u00c0-\u00de][\w'\u2019-]+)?)\s*$"
)


def _pen_name(text: str, site: frozenset[str]) -> list[Byline]:
    m = PEN_NAME.search(text)
    if m is None:
        return []
    name = m.group(1)
    rest = name.split()[1:]
    if any(w.lower() in _PEN_NAME_STOP for w in rest) or _compact(name) in site or _compact(" ".join(rest)) in site:
        return []
    return [Byline(name=name)]


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


#: A site name and a single word this long that start alike are one name ("Harbourly" and harbour.ly).
MIN_SITE_STEM = 5


def _like_site(name: str, site: frozenset[str]) -> bool:
    c = _compact(name)
    if c in site:
        return True
    return len(c) >= MIN_SITE_STEM and any(
        len(s) >= MIN_SITE_STEM and (s.startswith(c) or c.startswith(s)) for s in site
    )


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


def _el_text(el: Any, limit: int = 4 * MAX_BYLINE_CHARS) -> str:
    """An element's visible text, with a space where a block child starts or ends
    ("<div>By Jane Doe</div><div>Associated Press</div>" is not "Jane DoeAssociated Press").

    Reading stops after about ``limit`` characters: every caller rejects a text that long as a
    byline, and a page of a thousand marked elements must not read its whole body a thousand times."""
    parts: list[str] = []
    size = 0
    for event, e in lxml.etree.iterwalk(el, events=("start", "end")):
        if size > limit:
            break
        size += len(e.text or "") + len(e.tail or "") if isinstance(e.tag, str) else 0
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


def _name_children(el: Any) -> list[Byline]:
    """The names in a byline's own name elements ("<span class="author-name">"), when the byline also
    prints a job title that the parser could read as more names ("Jane Doe Executive Editor and Master
    Gardener")."""
    out: list[Byline] = []
    taken: list[Any] = []
    for child in el.iterdescendants():
        cls = child.get("class") if isinstance(child.tag, str) else None
        if not cls or not any(_NAME_PART & set(_TOKEN_PARTS.split(t.lower())) for t in cls.split()):
            continue
        if not any("author" in t.lower() or "byline" in t.lower() for t in cls.split()):
            continue
        if any(child in t.iterdescendants() for t in taken):
            continue  # a name element nested in one already read
        people = [b for b in parse_byline(collapse(child.text_content() or "")) if looks_like_person_name(b.name)]
        if len(people) != 1:
            return []
        taken.append(child)
        out.append(people[0])
        if len(out) > MAX_LISTED_NAMES:
            return []
    return out


def _byline_of_name(el: Any) -> Any:
    """One of several name elements side by side ("Par <span class=author__name>A</span> et <span
    class=author__name>B</span>"): the byline is their parent."""
    parent = el.getparent()
    cls = el.get("class")
    if parent is None or not cls:
        return el
    same = 0
    for sib in parent:
        if sib.get("class") == cls:
            same += 1
            if same > MAX_LISTED_NAMES:
                return el  # a list of many marked items (teasers, a feed) is no one byline
    return parent if same > 1 else el


def _prefer_name_children(found: list[Byline], named: list[Byline]) -> list[Byline]:
    """The byline's name elements give the names; the parse of its whole text gives roles and affiliations."""
    if not named or [b.name for b in named] == [b.name for b in found]:
        return found
    out = []
    for n in named:
        same = next((b for b in found if b.name == n.name), None)
        out.append(same or n)
    return out


#: The part of a class name that marks an element as holding a name.
_NAME_PART = frozenset({"name", "authorname"})


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
    r"written|posted|share|follow|folgen|more|mehr|profile|profil|bio|contact|kontakt|anonymous|unknown|none|null"
    r"|name)$",
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
        if _teaser_byline(page, mark.el) and _story_between(page, start, mark.block_index):
            continue  # one of the bylines of a list of teasers under the story
        if not _strict_byline_el(mark.el):
            continue
        el = _byline_of_name(mark.el)
        text = _el_text(el)
        if not text or len(text) > MAX_BYLINE_CHARS or _picture_credit(text, el):
            continue
        found = _marked_names(text, site)
        if not found or any(_GLUED.search(b.name) for b in found):
            found = _listed_names(el) or found
        if found:
            found = _prefer_name_children(found, _name_children(el))
        if found:
            return found
    markup: dict[Any, bool] = {}
    for b in page.blocks[lo:hi]:
        if len(b.text) > MAX_BYLINE_CHARS or b.hints & bad:
            continue
        # (the picture-credit test last: few blocks have byline markup or a credit word)
        if not (_has_byline_markup(b, markup) or CREDIT_LINE.match(b.text)) or _picture_credit(b.text, b.el):
            continue
        if b.el is not None and _story_between(page, start, b.index) and _credit_lines_alike(page.blocks[lo:hi], b):
            continue  # one of the credit lines of a list of teasers under the story
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
            if _picture_credit(b.text, b.el) or _place_markup(b.el):
                continue
            text = _without_taxonomy(b)
            if not text:
                continue
            named = _names_in(_before_date(text)) or _names_in(text) or _inline_credit(text)
            found = [p for p in named if " " in p.name]
            found = found or _collective(text, site, bare=True)
            if found and not _foreign_link(b, found):
                return found
    # a community post: the poster's user badge right above the title
    if head is not None and head > 0:
        above = page.blocks[head - 1]
        if not above.hints & bad and len(above.text) <= MAX_NAME_LINE_CHARS and _user_markup(above.el):
            found = _names_in(above.text) or _handle(above.text, site, bare=True)
            if found:
                return found
    # an author line printed under the story ("Text: Jane Doe") or in its closing meta
    for mark in page.marks:
        if mark.hint != "byline" or not body_end - CLOSING_REACH < mark.block_index <= body_end + 10:
            continue
        if mark.block_index <= body_end and not CREDIT_LINE.match(_el_text(mark.el)):
            continue  # inside the story's last lines only an explicit credit ("Authors: ...") counts
        if _teaser_byline(page, mark.el):
            continue  # a teaser list's bylines under the story
        # a post's own footer ("Posted by Jane Doe at 9:12") sits right under the story
        after = bad - {"footer"} if mark.block_index <= body_end + POST_FOOTER_REACH else bad
        if not mark.hints & after:
            if _strict_byline_el(mark.el):
                text = _el_text(mark.el)
                if text and len(text) <= MAX_BYLINE_CHARS:
                    found = _marked_names(text, site)
                    if found:
                        return found
    return (
        _labelled_name(page, head, body_end, main[0].hints if main else frozenset())
        or _author_card(page, body_end)
        or _rel_author_names(page)
        or _author_box(page, site)
        or _post_author_comment(page)
        or _signed_off(page)
    )


def _teaser_byline(page: Page, el: Any) -> bool:
    """Whether a byline element is one of several printed alike: a teaser list's, not the story's."""
    cls = el.get("class")
    if not cls:
        return False
    if "_byline_kinds" not in page.__dict__:
        kinds: dict[tuple[Any, str], int] = {}
        for m in page.marks:
            if m.hint == "byline":
                key = (m.el.tag, m.el.get("class") or "")
                kinds[key] = kinds.get(key, 0) + 1
        page.__dict__["_byline_kinds"] = kinds
    return int(page.__dict__["_byline_kinds"].get((el.tag, cls), 0)) >= TEASER_REPEATS


def _credit_lines_alike(blocks: list[PageBlock], b: PageBlock) -> bool:
    """Whether ``b`` is one of several credit lines printed alike (same tag and class) among ``blocks``."""
    el = b.el
    same = 0
    for o in blocks:
        alike = o.el is not None and o.el.tag == el.tag and o.el.get("class") == el.get("class")
        if alike and CREDIT_LINE.match(o.text):
            same += 1
    return same >= TEASER_REPEATS


def _story_between(page: Page, start: int, end: int) -> bool:
    """Whether the story's paragraphs stand between the headline (``start``) and block ``end``."""
    n = 0
    for b in page.blocks[start:end]:
        if b.kind == "paragraph" and len(b.text) >= STORY_PARAGRAPH_CHARS:
            n += 1
            if n >= STORY_PARAGRAPHS_ABOVE:
                return True
    return False


#: How many of the story's own last blocks may hold a marked credit line ("Authors: Jane Doe, educator").
CLOSING_REACH = 3
#: A block that is only a credit label, its name in the next block ("Article by" / "Jane Doe").
CREDIT_LABEL = re.compile(
    r"^(?:(?:an?\s+)?(?:article|post|story|text|words|beitrag|artikel)\s+)?(?:written\s+|posted\s+)?"
    r"(?:by|von|par|por|door)\s*:?$"
    r"|^(?:authors?(?:\(s\))?|autor(?:in|en|\(en\))?|auteurs?|autore|autori|written by|posted by)\s*:?$",
    re.I,
)
#: A block after the name that only labels it ("Jane Doe" / "Author").
ROLE_LABEL = re.compile(r"^(?:author|autor|autorin|auteur|autore|writer|verfasser(?:in)?)$", re.I)
#: How far after the story a labelled name may sit (an author card under the story, after its FAQ).
LABELLED_REACH = 40


def _labelled_name(page: Page, head: int | None, body_end: int, shared: frozenset[str]) -> list[Byline]:
    """A name in a block of its own next to a block that labels it: "Article by" above it, or "Author"
    under it (author cards print the name as a heading and the label beside it). ``shared``: region hints
    the story's own blocks carry (a theme that wraps the story in "nav" markup makes no menu of it)."""
    blocks = page.blocks
    start = head if head is not None else 0
    bad = _NOT_LABELLED_HINTS - shared
    for b in blocks[start : min(len(blocks), body_end + LABELLED_REACH)]:
        if b.hints & bad:
            continue
        if b.index < len(blocks) - 1 and CREDIT_LABEL.match(b.text):
            # the label's names: the next block, or the next few list items ("Author(s)" / one per item)
            found = []
            for name_block in blocks[b.index + 1 : b.index + 1 + MAX_LISTED_NAMES]:
                # right under its label, a name linked as a teaser of the author's page is still the author
                names = _label_names(name_block, bad - {"related"} if name_block.index == b.index + 1 else bad)
                if not names:
                    break
                found.extend(names)
                if name_block.kind != "list_item":
                    break
            if found:
                return found
        if b.index > 0 and ROLE_LABEL.match(b.text):
            found = _label_names(blocks[b.index - 1], bad)
            if found:
                return found
    return []


#: Regions where a labelled name is not the story's author (a metadata sidebar is allowed: the label vouches).
_NOT_LABELLED_HINTS = NOT_BYLINE_HINTS - {"aside"}


def _label_names(b: PageBlock, bad: frozenset[str]) -> list[Byline]:
    """The names of a block that holds only names, or one name and its job ("Jane Doe Writer")."""
    if b.hints & bad or len(b.text) > MAX_NAME_LINE_CHARS:
        return []
    found = _names_in(b.text)
    if len(found) == 1 and found[0].role and b.text == f"{found[0].name} {found[0].role}":
        return found
    return [p for p in found if p.name == b.text]


#: A heading over an author's bio ("About the author", "Author Bio", "Über den Autor").
BIO_LABEL = re.compile(
    r"^(?:about the (?:author|writer)|author(?:'s)? bio(?:graphy)?|meet the author|\u00fcber (?:den|die) autor(?:in)?"
    r"|zum autor|zur autorin|\u00e0 propos de l'auteur|sobre (?:el|o) autor|l'auteur)\s*:?$",
    re.I,
)
#: Where an author card may sit: the story's last blocks and what follows them.
CARD_BEFORE, CARD_AFTER = 5, 15
#: A bio is a paragraph, not a line.
MIN_BIO_CHARS = 60
#: Regions whose author cards belong to other stories or to readers.
_NOT_CARD_HINTS = frozenset({"comment", "related", "nav", "promo", "ad"})


def _leading_name(text: str) -> str | None:
    """The name a bio opens with: "Jane Doe is a reporter ..." -> "Jane Doe"."""
    words = text.split(maxsplit=4)
    for k in (3, 2):
        if len(words) > k and words[k][:1].islower() and looks_like_person_name(" ".join(words[:k])):
            return " ".join(words[:k])
    return None


def _author_card(page: Page, body_end: int) -> list[Byline]:
    """An author card under the story: a bio paragraph that opens with the name of the line above it
    ("Jane Doe, Science Writer" / "Jane explores ..."), or with a full name under an "About the author"
    heading."""
    blocks = page.blocks
    for b in blocks[max(1, body_end - CARD_BEFORE) : body_end + CARD_AFTER]:
        if len(b.text) < MIN_BIO_CHARS or b.hints & _NOT_CARD_HINTS or b.kind == "list_item":
            continue
        above = blocks[b.index - 1]
        if above.hints & _NOT_CARD_HINTS or len(above.text) > MAX_NAME_LINE_CHARS or above.kind == "list_item":
            continue
        if BIO_LABEL.match(above.text):
            name = _leading_name(b.text)
            if name:
                return [Byline(name=name)]
            continue
        if _title_heading(above):
            continue  # a section title over a paragraph that opens with its subject ("Acme Cloud is ...")
        person = _card_line_name(above.text)
        if not person:
            continue
        if b.text.startswith(person + " "):
            # "Acme Grinder is a ..." opens a product's paragraph too: a bio says what the person does
            if _BIO_WORDS.search(b.text[:MAX_BYLINE_CHARS]):
                return [Byline(name=person)]
        elif _GIVEN_THEN_VERB.match(b.text) and b.text.startswith(person.split()[0] + " "):
            return [Byline(name=person)]  # "Tim explores ...": a person called by their given name
    return []


#: A paragraph that opens with one capitalised word and then a lower-case one ("Tim explores").
_GIVEN_THEN_VERB = re.compile(r"^[^\W\d_][\w'\u2019-]*\s+[a-z\u00df-\u00ff]")
#: Words a bio's first sentence uses for what its person does (a product's paragraph has none of them).
_BIO_WORDS = re.compile(
    r"\b(?:writer|writes|journalist|editor|reporter|author|columnist|contributor|blogger|photographer|"
    r"correspondent|covers|covering|researcher|founder|freelance|graduate|lives|autor(?:in)?|journalistin?|"
    r"redakteur(?:in)?|schreibt|lebt|journaliste|rédact(?:eur|rice)|periodista|giornalista)\b",
    re.I,
)


def _card_line_name(text: str) -> str | None:
    """The one person an author card's name line names ("Jane Doe", "Jane Doe, Science Writer",
    "Jane Doe UK-based Science Writer")."""
    found = _names_in(text)
    if len(found) == 1:
        return found[0].name
    if found:
        return None
    words = text.split()
    if not _BIO_WORDS.search(text):
        return None  # a name followed by other words only when those say what the person does
    for k in (3, 2):
        if len(words) > k and not any(_COMPOUND_ADJ.match(w) for w in words[:k]):
            if looks_like_person_name(" ".join(words[:k])):
                return " ".join(words[:k])
    return None


#: A hyphenated adjective that opens a job description ("UK-based", "Award-winning"), not a surname.
_COMPOUND_ADJ = re.compile(r"^[^\W\d_]+-[a-z]{3,}$")


#: How many closing blocks of the story may hold its author's sign-off.
SIGN_OFF_REACH = 2
#: Names printed as one line without spaces around the slash ("Jane Doe/John Smith").
_NAME_SLASH = re.compile(r"\s*/\s*")


def _signed_off(page: Page) -> list[Byline]:
    """A story signed with its author's name alone on a line, in bold, among its first or last lines
    ("<p><strong>Jane Doe/John Smith</strong></p>")."""
    from .analysis import analyze

    main = analyze(page).main
    if len(main) < 3:
        return []
    # a theme that wraps the whole story in sidebar markup makes no aside of its lines
    bad = NOT_BYLINE_HINTS - main[0].hints
    for b in [*main[: SIGN_OFF_REACH + 1], *main[-SIGN_OFF_REACH:]]:
        if b.kind != "paragraph" or len(b.text) > MAX_NAME_LINE_CHARS or b.hints & bad:
            continue
        names = _NAME_SLASH.split(b.text)
        if not all(looks_like_person_name(n) for n in names):
            continue
        if _all_bold(b.el):
            return [Byline(name=n) for n in names]
    # a letter's signature: the name, then the date, as the story's last lines ("Jane" / "10 May 2017")
    if main[-1].index > 0 and _only_date(main[-1].text):
        sig = page.blocks[main[-1].index - 1]
        if sig.kind == "paragraph" and not sig.hints & bad and len(sig.text) <= MAX_NAME_LINE_CHARS:
            given = _GIVEN_NAME.match(sig.text) and sig.text.lower() not in _VALEDICTIONS
            if looks_like_person_name(sig.text) or given:
                return [Byline(name=sig.text)]
    return []


#: Words that close a letter above the signature, not a signature ("Cheers" / "10 May 2017").
_VALEDICTIONS = frozenset(
    "cheers thanks danke regards greetings love best bye ciao merci grüße gruß tschüss salut saludos cordialement "
    "sincerely yours amen".split()
)


def _only_date(text: str) -> bool:
    """Whether a line is a date and nothing else ("10. September 2017")."""
    if len(text) > MAX_DATE_LINE_CHARS:
        return False
    spans = find_date_spans(text)
    return len(spans) == 1 and spans[0][1] - spans[0][0] >= len(text.strip(" .,")) - 2


#: A line holding only a date is at most this long.
MAX_DATE_LINE_CHARS = 40


#: Inline elements that print a line in bold.
_BOLD_TAGS = frozenset({"strong", "b"})


def _all_bold(el: Any) -> bool:
    """Whether all of an element's text sits in one bold child (or the element is bold itself)."""
    if el.tag in _BOLD_TAGS:
        return True
    text = collapse(el.text_content() or "")
    for child in el:
        if child.tag in _BOLD_TAGS and collapse(child.text_content() or "") == text:
            return True
    return False


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
        for el in _CARD_NAME_PARTS(mark.el)[:6]:
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


#: Class a blog engine gives a comment written by the post's own author (the block walk gathers them).
POST_AUTHOR_COMMENT = POST_AUTHOR_CLASS


#: What XPath's normalize-space() splits class words on.
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _post_author_comment(page: Page) -> list[Byline]:
    """The post's author as the blog names them when they answer a comment: the commenter name in a
    comment the engine marks as by the post author."""
    tree = page.tree
    if tree is None:
        return []
    marked = [
        el
        for el in page.attr_elements  # gathered by the block walk, in document order
        if POST_AUTHOR_COMMENT in _XML_SPACE.split(el.get("class") or "")
    ]
    for el in marked[:3]:
        names = _AUTHORISH(el)
        for name_el in names[:4]:
            fn = _FN_CLASS(name_el)
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
    # a given name beside the full name it starts ("Linda" and "Linda McCall") is the same person
    full = [k for k in seen if " " in k]
    return tuple(b for k, b in seen.items() if " " in k or not any(f.startswith(k + " ") for f in full))


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
    if printed and not any(_printed_on_page(page, b.name) for b in found) and (
        _credited_line(page, printed[0].name) or _marked_byline(page, printed[0].name)
    ):
        # metadata naming someone the page never shows (a desk editor's code), beside a printed byline
        return printed
    if printed and all(_printed_as_editor(page, b.name) for b in found):
        # metadata crediting the story's editor ("Editor: Jane Doe" under the story) as its author
        return printed
    return [_full_name(b, printed) for b in found]


def _printed_as_editor(page: Page, name: str) -> bool:
    """Whether the page prints ``name`` in a credit line that names them as an editor or reviewer."""
    for b in page.blocks:
        if len(b.text) <= MAX_BYLINE_CHARS and name in b.text:
            if any(p.name == name and p.role in NON_AUTHOR_ROLES for p in parse_byline(b.text)):
                return True
    return False


def _marked_byline(page: Page, name: str) -> bool:
    """Whether the page prints ``name`` in an element that byline markup marks ("<div class="authors">"),
    as its byline or as all of its text."""
    for mark in page.marks:
        if mark.hint == "byline" and not mark.hints & NOT_BYLINE_HINTS:
            text = _el_text(mark.el)
            if text == name or (len(text) <= MAX_BYLINE_CHARS and name in text and _strict_byline_el(mark.el)):
                return True
    return False


def _credited_line(page: Page, name: str) -> bool:
    """Whether the page prints ``name`` in a credit line ("By Jane Doe and John Smith")."""
    return any(name in b.text and CREDIT_LINE.match(b.text) for b in page.blocks if len(b.text) <= MAX_BYLINE_CHARS)


def _printed_on_page(page: Page, name: str) -> bool:
    """Whether a name (or, for names printed as "Doe, Jane" or with initials, its last word) is in the page's text."""
    if "_visible_text" not in page.__dict__:
        page.__dict__["_visible_text"] = "\n".join(b.text for b in page.blocks).casefold()
    text: str = page.__dict__["_visible_text"]
    words = name.split()
    return bool(words) and (name.casefold() in text or words[-1].casefold().strip(".,") in text)


def _full_name(b: Byline, printed: list[Byline]) -> Byline:
    """A given name alone in the metadata ("Linda") that the printed byline gives in full ("Linda McCall")."""
    if " " in b.name:
        return b
    for p in printed:
        if p.name.startswith(b.name + " ") and looks_like_person_name(p.name):
            return Byline(
                name=p.name, role=b.role or p.role, affiliation=b.affiliation or p.affiliation, url=b.url or p.url
            )
    return b


def _guest_credit(page: Page) -> tuple[list[Byline], bool]:
    """The author a story's first lines credit in its own text (a guest post on someone's blog), and
    whether the credit says so ("a guest post by ...") rather than only opening the paragraph ("By ...")."""
    if page.kind != "html":
        return [], False
    from .analysis import analyze

    for b in analyze(page).main[:GUEST_REACH]:
        if b.kind != "paragraph" or len(b.text) > MAX_GUEST_PARAGRAPH_CHARS:
            continue
        m = GUEST_CREDIT.search(b.text)
        explicit = m is not None
        m = m or OPENING_CREDIT.match(b.text)
        if m is None:
            continue
        name = m.group(1).strip()
        found = parse_byline("By " + name, single_name=True)
        # a given name alone is a name only where the text says a guest wrote the post ("guest post by
        # Anna"); "By Sunday Morning. We left ..." opens with a date, which no name does
        if found and all((explicit and p.name == name) or looks_like_person_name(p.name) for p in found):
            return [p for p in found if p.role not in NON_AUTHOR_ROLES], explicit
    return [], False


def _find_bylines(page: Page) -> tuple[Byline, ...] | None:
    for source in (_jsonld_authors, _meta_authors, _dom_bylines):
        found = [b for b in source(page) if b.role not in NON_AUTHOR_ROLES]
        if found:
            if source is not _dom_bylines:
                found = _printed_superset(page, found)
            guest, explicit = _guest_credit(page)
            if guest and not {norm(b.name) for b in guest} <= {norm(b.name) for b in found}:
                # a paragraph that only opens "By X. ..." (a book review's credit of the book) replaces
                # the credited author only when the page never prints them
                if explicit or not any(_printed_on_page(page, b.name) for b in found):
                    found = guest
            return _dedupe(found + _trailer_credits(page))
    credits = _trailer_credits(page)
    if not credits:
        credits = _jsonld_credited_names(page)
    return _dedupe(credits) if credits else None


def _schema_types(obj: Any) -> frozenset[str]:
    """An object's schema.org types, lower case ("@type": "Organization" or ["Organization", "Thing"])."""
    t = obj.get("@type") if isinstance(obj, dict) else None
    if isinstance(t, str):
        return frozenset({t.lower()})
    if isinstance(t, list):
        return frozenset(x.lower() for x in t if isinstance(x, str))
    return frozenset()


def _jsonld_credited_names(page: Page) -> list[Byline]:
    """When no person is credited anywhere: the newsroom or site that the story's JSON-LD names as its
    author ("author": {"@type": "Organization", "name": "Acme News"}), as printed."""
    site: frozenset[str] | None = None
    for obj in page.metadata.articles():
        authors = obj.get("author")
        if authors is None:
            continue
        out = []
        for a in authors if isinstance(authors, list) else [authors]:
            types = _schema_types(a)
            name = a.get("name") if isinstance(a, dict) else None
            if not types or not isinstance(name, str):
                continue
            name = collapse(name)
            if not 2 <= len(name) <= MAX_ORG_NAME_CHARS or name.startswith("http"):
                continue
            if "person" in types:
                # a "Person" the parser did not take for one: only the site or a newsroom under its name
                site = _site_names(page) if site is None else site
                if not (_like_site(name, site) or "." in name or any(w.lower() in ORG_WORDS for w in name.split())):
                    continue
            elif types.isdisjoint(_ORG_TYPES):
                continue
            out.append(Byline(name=name))
        if out:
            return out
    return []
