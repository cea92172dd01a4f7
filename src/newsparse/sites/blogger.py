"""Blogger (blogspot): body, byline, publication date and reader comments from its templates.

A Blogger post page holds exactly one ``.post-body``; the author is in ``.post-author .fn`` (or the
``g-profile`` link), the date in ``abbr.published[title]`` / ``time.published[datetime]``. Comments
come in two templates: the classic ``dl#comments-block`` (``dt.comment-author`` + ``dd.comment-body``
+ ``dd.comment-footer``) and the threaded one (``li.comment`` > ``.comment-block`` with
``cite.user``, ``.datetime`` and ``.comment-content``; replies nested in ``.comment-replies``).
Headline, dateline, bios and language are left to the generic extractor. As for WordPress, the
comments are the generic comment finder's, refined by the template's (a missing name or date, a
missed comment); the template answers alone only where the generic finder sees no thread.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from .._extractor import Extractor
from .._model import Block, Body, Byline, Comment
from .._page import Page
from .._parsing import find_dates, looks_like_person_name, parse_date
from ._markup import (
    by_class,
    classes,
    collapse,
    first_text,
    generator,
    linked_paragraphs,
    merged_comments,
    nearest,
    paragraphs,
    visible_text,
)

__all__ = ["BloggerExtractor", "is_blogger"]

#: Inside a post body: share buttons, "read more" jumps and image captions are not the story.
NOT_BODY_CLASSES = frozenset(
    {"post-share-buttons", "jump-link", "tr-caption", "blog-pager", "post-footer", "sharedaddy", "share-button"}
)
#: "Jane said..." - the words classic Blogger prints after a commenter's name, in several languages.
SAID = re.compile(r"\s+(?:said|dijo|disse|a dit|hat gesagt|zei|ha detto|sa|sagde)\s*(?:\.\.\.|…|:)?\s*$", re.I)
#: A commenter's name is short; longer text is a sentence.
MAX_AUTHOR_CHARS = 80
#: A paragraph more than this share link text is a list of links (other posts, shops), not the story.
MAX_LINK_DENSITY = 0.5
#: A post body shorter than this is an embed (a video, a gallery) with a caption: no confident body.
MIN_BODY_CHARS = 200
#: Heading tags and their levels.
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Where the post's author is printed, most specific first.
AUTHOR_PATHS = (
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' post-author ')]"
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' post-author ')]//a[@class='g-profile']",
)
#: Where the post's date is written in a machine-readable attribute.
DATE_PATHS = (".//abbr[contains(@class, 'published')]/@title", ".//time[contains(@class, 'published')]/@datetime")


def is_blogger(page: Page) -> bool:
    """The generator tag says Blogger."""
    return page.kind == "html" and "blogger" in generator(page)


def _post(page: Page) -> Any:
    """The one post of a post page (None on index pages listing several posts)."""
    if page.tree is None:
        return None
    bodies = by_class(page.tree, "post-body")
    if len(bodies) != 1:
        return None
    body = bodies[0]
    post = nearest(body, lambda el: bool(classes(el) & {"post", "post-outer", "hentry", "blog-post"}))
    return body if post is None else post


class BloggerExtractor(Extractor):
    """Body, byline, date and comments of Blogger post pages; no opinion elsewhere."""

    name = "newsparse.sites.blogger"

    def _post(self, page: Page) -> Any:
        """:func:`_post`, found once per page (four fields ask for it) and cached on the page: the
        extractor keeps no state, so one instance serves pages in several threads."""
        if "_blogger_post" not in page.__dict__:
            page.__dict__["_blogger_post"] = _post(page)
        return page.__dict__["_blogger_post"]

    @classmethod
    def matches(cls, page: Page) -> bool:
        return is_blogger(page)

    def body(self, page: Page) -> Body | None:
        post = self._post(page)
        if post is None:
            return None
        body_el = by_class(post, "post-body")[0]

        def skip(el: Any) -> bool:
            return bool(classes(el) & NOT_BODY_CLASSES)

        blocks = []
        for tag, text, links in linked_paragraphs(body_el, skip):
            if links > MAX_LINK_DENSITY:
                continue
            if tag in HEADINGS:
                blocks.append(Block(kind="heading", text=text, level=HEADINGS[tag]))
            elif tag == "li":
                blocks.append(Block(kind="list_item", text=text))
            elif tag == "blockquote":
                blocks.append(Block(kind="quote", text=text))
            else:
                blocks.append(Block(kind="paragraph", text=text))
        if sum(len(b.text) for b in blocks) < MIN_BODY_CHARS:
            return None
        if _generic_body_inside(page, blocks):
            return None  # the generic extractor found the post and trims it finer: let it answer
        return Body(blocks=blocks)

    def bylines(self, page: Page) -> tuple[Byline, ...] | None:
        post = self._post(page)
        if post is None:
            return None
        for path in AUTHOR_PATHS:
            name = first_text(post.xpath(path))
            if name and looks_like_person_name(name):
                return (Byline(name=name),)
        return None

    def published(self, page: Page) -> _dt.datetime | None:
        post = self._post(page)
        if post is None:
            return None
        for path in DATE_PATHS:
            for value in post.xpath(path):
                d = parse_date(str(value))
                if d is not None:
                    return d
        return None

    def comments(self, page: Page) -> tuple[Comment, ...] | None:
        if page.tree is None or self._post(page) is None:
            return None
        own: tuple[Comment, ...] | None = None
        threaded = [li for li in by_class(page.tree, "comment", "li") if by_class(li, "comment-block")]
        if threaded:
            own = _threaded(threaded)
        else:
            blocks = page.tree.xpath("//dl[@id='comments-block']")
            if len(blocks) == 1:
                own = _classic(blocks[0])
        if not own:
            return None  # no comment markup we know: the generic extractor decides
        return merged_comments(page, own)  # never below the generic finder's reading of the thread


def _generic_body_inside(page: Page, blocks: list[Block]) -> bool:
    """Whether the generic extractor's body lies within the post body and opens with the post's first
    paragraph: it then found the right post, and it trims trailers (sign-offs, link lists) finer."""
    from .._generic import GenericExtractor

    generic = GenericExtractor().body(page)
    if generic is None or not generic.blocks:
        return False
    post = collapse(" ".join(b.text for b in blocks))
    if collapse(generic.blocks[0].text) not in collapse(blocks[0].text):
        return False
    return all(collapse(b.text) in post for b in generic.blocks)


def _author(text: str | None) -> str | None:
    if not text:
        return None
    text = collapse(SAID.sub("", text))
    return text if 0 < len(text) <= MAX_AUTHOR_CHARS else None


def _date_text(text: str | None) -> _dt.datetime | None:
    if not text or len(text) > 120:
        return None
    d = parse_date(text)
    if d is None:
        found = find_dates(text)
        d = found[0] if found else None
    return d


def _classic(dl: Any) -> tuple[Comment, ...] | None:
    """``dt.comment-author`` / ``dd.comment-body`` / ``dd.comment-footer`` triples."""
    out: list[Comment] = []
    author: str | None = None
    cid: str | None = None
    pending: Comment | None = None
    for el in dl:
        cls = classes(el)
        if el.tag == "dt" and "comment-author" in cls:
            if pending is not None:
                out.append(pending)
                pending = None
            named = el.xpath(".//a[@href and not(starts-with(@href, '#'))]")
            author = _author(first_text(named) or visible_text(el))
            cid = el.get("id") or next((a.get("name") for a in el.xpath(".//a[@name]")), None)
        elif el.tag == "dd" and "comment-body" in cls:
            text = "\n\n".join(t for _tag, t in paragraphs(el, lambda e: "comment-footer" in classes(e)))
            if not text:
                return None
            pending = Comment(text=text, author=author, id=cid)
        elif el.tag == "dd" and "comment-footer" in cls and pending is not None:
            stamp = first_text(by_class(el, "comment-timestamp")) or collapse(el.text_content() or "")
            out.append(Comment(text=pending.text, author=pending.author, id=pending.id, published=_date_text(stamp)))
            pending = None
    if pending is not None:
        out.append(pending)
    return tuple(out) or None


def _threaded(items: list[Any]) -> tuple[Comment, ...] | None:
    """``li.comment`` items of the threaded template; replies nest inside their parent's item."""
    item_set = set(items)
    out: list[Comment] = []
    for li in items:
        block = by_class(li, "comment-block")[0]
        content = by_class(block, "comment-content")
        if not content:
            return None
        text = "\n\n".join(t for _tag, t in paragraphs(content[0]))
        if not text:
            return None
        parent = nearest(li, lambda el: el in item_set)
        depth = 0
        anc = parent
        while anc is not None:
            depth += 1
            anc = nearest(anc, lambda el: el in item_set)
        stamp = first_text(by_class(block, "datetime"))
        out.append(
            Comment(
                text=text,
                author=_author(first_text(block.xpath(".//cite[contains(@class, 'user')]"))),
                published=_date_text(stamp),
                depth=depth,
                id=li.get("id"),
                parent_id=None if parent is None else parent.get("id"),
            )
        )
    return tuple(out)
