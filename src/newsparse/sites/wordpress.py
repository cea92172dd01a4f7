"""WordPress: reader comments from the markup of ``wp_list_comments()``.

WordPress prints every comment as an ``li`` with the classes of ``comment_class()`` ("comment",
"depth-N", ...) and the id ``comment-N`` or ``li-comment-N``; replies are nested lists inside their
parent's ``li``. Themes change what is inside the item, so the author, date and text are looked for
in the core template's places first (``.comment-author .fn``, ``.comment-metadata time``,
``.comment-content``) and then in the usual theme variants. Every other field is left to the
generic extractor: WordPress templates print headlines, bylines and dates in too many ways.

The items are not the answer on their own: the generic comment finder reads the thread as the page
prints it (replies outside the items, names as printed) and is right more often, so its comments
are kept and the items only refine them (see :func:`~newsparse.sites._markup.rebase_comments`).
Where the generic finder sees no thread, the items answer.
"""

from __future__ import annotations

import re
from typing import Any

from .._extractor import Extractor
from .._model import Comment
from .._page import Page
from .._parsing import find_dates, parse_date
from ._markup import (
    LABEL_BRACKETS,
    by_class,
    classes,
    collapse,
    first_text,
    generator,
    merged_comments,
    nearest,
    paragraphs,
)

__all__ = ["WordPressExtractor", "is_wordpress"]

#: The id WordPress gives a comment item (``comment-123``, ``li-comment-123``, ``div-comment-123``).
COMMENT_ID = re.compile(r"^(?:li-|div-)?comment-(\d+)$")
#: A ``comment_class()`` depth class: proof the item comes from ``wp_list_comments()``.
DEPTH_CLASS = re.compile(r"^depth-\d+$")
#: Items of these kinds are links from other sites, not reader comments.
NOT_COMMENT_CLASSES = frozenset({"pingback", "trackback"})
#: Where the comment's own text sits: the core template's class first, then common theme variants.
TEXT_CLASSES = ("comment-content", "comment-text", "comment-entry", "comment_entry", "comment_text", "comment-body")
#: Parts of an item that are not the comment's text: author and date lines, avatars, reply and edit links.
NOT_TEXT_CLASSES = frozenset(
    {
        "comment-author", "comment-meta", "comment-metadata", "commentmetadata", "comment_meta", "cm-meta",
        "comment-head", "comment-header", "comment-footer", "vcard", "avatar", "reply", "comment-reply-link",
        "edit-link", "comment-edit-link", "thdrpy", "comment-awaiting-moderation", "says", "actions",
        "comment-date", "comment-time", "comment-meta-time", "date", "fn", "children", "comment-childs",
        "comment-respond", "comment-like", "sharedaddy",
    }
)
#: Class or id words of widgets themes and plugins put inside a comment (ratings, votes, share buttons).
WIDGET_WORDS = ("rating", "rate-", "vote", "share", "social", "karma", "like", "cluv", "commentluv")
#: Link labels themes print inside the comment text's element.
BUTTON_LABELS = frozenset(
    {"reply", "reply ↓", "antworten", "répondre", "responder", "rispondi", "share", "tweet", "rate this:", "like", "like this:"}
)
#: Share of unreadable items (no text found) above which the whole list is not trusted.
MAX_UNREADABLE_SHARE = 0.25
#: Where the commenter's name is printed, most specific first (core: ``<cite class="fn">``).
AUTHOR_CLASSES = ("fn", "comment-author-name", "comment-author", "name", "url")
#: Themes that print the commenter's name as a small heading above the text.
AUTHOR_HEADINGS = ("h3", "h4", "h5", "h6")
#: Punctuation left around a name by "Name, says:" or "Name:".
NAME_PUNCTUATION = " ,;:-–—"
#: Where the comment's date is printed as text when there is no ``<time datetime>``.
DATE_CLASSES = ("comment-metadata", "comment-meta", "commentmetadata", "comment-meta-time", "comment-date", "date")
#: "Jane says:" - the verb themes print after the commenter's name.
SAYS = re.compile(r"\s*(?:says|said|dice|dit|sagt|schreibt|schrieb|disse|zegt)\s*:?\s*$", re.I)
#: A commenter's name is short; longer text is a sentence.
MAX_AUTHOR_CHARS = 80
#: Pages that load WordPress assets (for themes that remove the generator tag).
WP_ASSET = re.compile(r"/wp-(?:content|includes)/")


def _is_item(el: Any) -> bool:
    if el.tag != "li":
        return False
    cls = classes(el)
    if "comment" not in cls or cls & NOT_COMMENT_CLASSES:
        return False
    return bool(COMMENT_ID.match(el.get("id") or "")) or any(DEPTH_CLASS.match(c) for c in cls)


def _items(page: Page) -> list[Any]:
    if page.tree is None:
        return []
    return [el for el in by_class(page.tree, "comment", "li") if _is_item(el)]


def is_wordpress(page: Page) -> bool:
    """The generator tag says WordPress, or the page loads WordPress assets and has its comment markup."""
    if page.kind != "html":
        return False
    if "wordpress" in generator(page):
        return True
    return bool(WP_ASSET.search(page.text)) and bool(_items(page))


class WordPressExtractor(Extractor):
    """Reader comments of WordPress pages (the generic thread refined by the items); no opinion on any other field."""

    name = "newsparse.sites.wordpress"

    @classmethod
    def matches(cls, page: Page) -> bool:
        return is_wordpress(page)

    def comments(self, page: Page) -> tuple[Comment, ...] | None:
        items = _items(page)
        if not items:
            return None  # no comment markup we know: the generic extractor decides
        out: list[Comment] = []
        unreadable = 0
        for li in items:
            comment = _comment(li)
            if comment is None:
                unreadable += 1  # e.g. an image-only comment
                continue
            out.append(comment)
        if not out or unreadable > MAX_UNREADABLE_SHARE * len(items):
            return None  # markup we do not understand: the generic extractor decides
        return merged_comments(page, out, BUTTON_LABELS)  # never below the generic finder's reading of the thread


class _Own:
    """The elements of one comment item that belong to it, not to a reply nested in it, indexed by
    class token and tag in document order (one walk per item instead of a search per class)."""

    __slots__ = ("by_class", "by_tag")

    def __init__(self, li: Any) -> None:
        self.by_class: dict[str, list[Any]] = {}
        self.by_tag: dict[str, list[Any]] = {}
        stack = [li]
        while stack:
            el = stack.pop()
            if not isinstance(el.tag, str):
                continue
            for token in classes(el):
                self.by_class.setdefault(token, []).append(el)
            self.by_tag.setdefault(el.tag.lower(), []).append(el)
            if el is li or not _is_item(el):  # a nested reply is its own item: not looked into
                stack.extend(reversed(el))

    def cls(self, name: str) -> list[Any]:
        return self.by_class.get(name, [])

    def tag(self, name: str) -> list[Any]:
        return self.by_tag.get(name, [])


def _comment(li: Any) -> Comment | None:
    own = _Own(li)
    text = _text(li, own)
    if not text:
        return None
    parent = nearest(li, _is_item)
    depth = 0
    anc = parent
    while anc is not None:
        depth += 1
        anc = nearest(anc, _is_item)
    return Comment(
        text=text,
        author=_author(own),
        published=_date(own),
        depth=depth,
        id=_item_id(li),
        parent_id=None if parent is None else _item_id(parent),
    )


def _item_id(li: Any) -> str | None:
    m = COMMENT_ID.match(li.get("id") or "")
    return f"comment-{m.group(1)}" if m else li.get("id")


def _not_text(li: Any) -> Any:
    def skip(el: Any) -> bool:
        if el is li:
            return False
        cls = classes(el)
        if _is_item(el) or cls & NOT_TEXT_CLASSES or el.tag in ("footer", "cite"):
            return True
        ident = (el.get("id") or "").lower()
        return any(w in c for c in cls for w in WIDGET_WORDS) or any(w in ident for w in WIDGET_WORDS)

    return skip


def _text(li: Any, own: _Own) -> str | None:
    skip = _not_text(li)
    holder = li
    for name in TEXT_CLASSES:
        found = own.cls(name)
        if found:
            holder = found[0]
            break
    paras = [
        t for _tag, t in paragraphs(holder, skip)
        if any(ch.isalnum() for ch in t) and t.lower().strip(LABEL_BRACKETS) not in BUTTON_LABELS
    ]
    return "\n\n".join(paras) or None


def _author(own: _Own) -> str | None:
    candidates = [own.cls(name) for name in AUTHOR_CLASSES]
    candidates.append([el for tag in AUTHOR_HEADINGS for el in own.tag(tag)])
    for found in candidates:
        text = first_text(found)
        if text:
            text = collapse(SAYS.sub("", text)).strip(NAME_PUNCTUATION)
            if 0 < len(text) <= MAX_AUTHOR_CHARS:
                return text
    return None


def _date(own: _Own) -> Any:
    for el in own.tag("time"):
        d = parse_date(el.get("datetime") or "")
        if d is not None:
            return d
    for name in DATE_CLASSES:
        for el in own.cls(name):
            text = collapse(el.text_content() or "")
            if text and len(text) <= 120:
                found = find_dates(text)
                if found:
                    return found[0]
    return None
