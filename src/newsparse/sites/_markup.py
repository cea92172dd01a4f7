"""Small lxml helpers shared by the platform extractors (no dependency on the generic field code)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .._page import Page

__all__ = [
    "BLOCK_TAGS",
    "classes",
    "has_class",
    "by_class",
    "collapse",
    "generator",
    "paragraphs",
    "linked_paragraphs",
    "nearest",
]

_WS = re.compile(r"\s+")
#: Tags that end a paragraph of text: a new one starts after them.
BLOCK_TAGS = frozenset(
    {"p", "div", "blockquote", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
     "pre", "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr", "br"}
)
#: Elements whose content is never visible text.
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg", "button", "form"})


def collapse(text: str) -> str:
    """Runs of white space (NBSP included) as one space, stripped."""
    return _WS.sub(" ", text.replace("\xa0", " ")).strip()


def classes(el: Any) -> frozenset[str]:
    """The element's class tokens, lower-cased."""
    return frozenset((el.get("class") or "").lower().split())


def has_class(el: Any, name: str) -> bool:
    return name in classes(el)


def by_class(root: Any, name: str, tag: str = "*") -> list[Any]:
    """Descendants of ``root`` (itself included) with the class token ``name``."""
    return list(root.xpath(f"descendant-or-self::{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"))


def generator(page: Page) -> str:
    """The page's ``<meta name="generator">`` values, lower-cased and joined (``""`` without one)."""
    if page.kind != "html":
        return ""
    return " ".join(page.metadata.meta.get("generator", ())).lower()


def nearest(el: Any, test: Callable[[Any], bool], stop: Any = None, limit: int = 200) -> Any:
    """The nearest ancestor of ``el`` passing ``test`` (below ``stop``), or None."""
    parent = el.getparent()
    n = 0
    while parent is not None and parent is not stop and n < limit:
        if test(parent):
            return parent
        parent = parent.getparent()
        n += 1
    return None


def paragraphs(root: Any, skip: Callable[[Any], bool] = lambda el: False) -> list[tuple[str, str]]:
    """The visible text under ``root`` as ``(tag, text)`` paragraphs, in document order (see :func:`linked_paragraphs`)."""
    return [(tag, text) for tag, text, _links in linked_paragraphs(root, skip)]


def linked_paragraphs(root: Any, skip: Callable[[Any], bool] = lambda el: False) -> list[tuple[str, str, float]]:
    """The visible text under ``root`` as ``(tag, text, link density)`` paragraphs, in document order.

    The link density is the share of the paragraph's characters inside ``<a>`` elements. A block-level tag (and ``<br>``) ends a paragraph; the tag of a paragraph is that of the block
    element holding it (``"p"`` for loose text). Elements for which ``skip(el)`` is true are left
    out with their content. Iterative: pages nest deeper than Python's recursion limit.
    """
    out: list[tuple[str, str, float]] = []
    cur: list[str] = []
    owner: list[str] = ["p"]
    in_link = 0
    link_chars = 0

    def add(text: str) -> None:
        nonlocal link_chars
        cur.append(text)
        if in_link:
            link_chars += len(text.strip())

    def flush(tag: str) -> None:
        nonlocal link_chars
        text = collapse("".join(cur))
        cur.clear()
        if text:
            out.append((tag, text, min(1.0, link_chars / len(text))))
        link_chars = 0

    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag in BLOCK_TAGS:
                flush(owner.pop() if len(owner) > 1 else owner[0])
            if tag == "a":
                in_link -= 1
            if el is not root and el.tail:
                add(el.tail)
            continue
        if el is not root and (not tag or tag in INVISIBLE_TAGS or skip(el)):
            if el.tail:
                add(el.tail)
            continue
        if tag in BLOCK_TAGS:
            flush(owner[-1])
            owner.append(tag)
        if tag == "a":
            in_link += 1
        if el.text:
            add(el.text)
        stack.append((el, True))
        for child in reversed(list(el)):
            stack.append((child, False))
    flush(owner[-1])
    return out


def first_text(elements: Iterable[Any]) -> str | None:
    """The collapsed text of the first element that has some."""
    for el in elements:
        text = collapse(el.text_content() or "")
        if text:
            return text
    return None
