"""Small lxml helpers shared by the platform extractors (no dependency on the generic field code)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from lxml import etree

from .._generic import GenericExtractor
from .._model import Comment
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
    "merged_comments",
    "rebase_comments",
    "visible_text",
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


@functools.lru_cache(maxsize=256)
def _class_path(name: str, tag: str) -> Any:
    return etree.XPath(f"descendant-or-self::{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def by_class(root: Any, name: str, tag: str = "*") -> list[Any]:
    """Descendants of ``root`` (itself included) with the class token ``name``."""
    return list(_class_path(name, tag)(root))


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


def visible_text(el: Any) -> str:
    """The element's visible text (no script, style or form content), collapsed."""
    return collapse(" ".join(text for _tag, text in paragraphs(el)))


def first_text(elements: Iterable[Any]) -> str | None:
    """The visible text of the first element that has some."""
    for el in elements:
        text = visible_text(el)
        if text:
            return text
    return None


# ----------------------------------------------------------------------------------------------------------
# rebasing a platform's comments on the generic extractor's

#: Two comment texts are the same comment when this share of the shorter one's words is in the longer one.
SAME_COMMENT_OVERLAP = 0.8
#: ... and the shorter is at least this share of the longer (a short reply inside a long comment is another comment),
SAME_COMMENT_MIN_SHARE = 0.6
#: ... or the longer only adds this many characters at most: a header (name, date) or a button label around the text.
MAX_HEADER_CHARS = 80
#: ... or the longer opens with all the shorter's words and the shorter is at least a sentence long (the generic
#: finder can keep a reply or labels printed below a comment; a stock phrase like "Thanks!" opens anyone's comment).
MIN_OPENING_CHARS = 40
#: How far ahead in the platform's list a generic comment's twin is looked for (items the generic finder skipped).
ALIGN_LOOKAHEAD = 8
#: Above this share of platform comments without a generic twin, the two readings of the thread disagree.
MAX_EXTRA_SHARE = 0.5
#: Brackets and bars themes print around a button label ("[Reply]", "| Reply").
LABEL_BRACKETS = "[]()| \t\xa0"
#: A button label is short: longer lines are not looked up.
MAX_LABEL_CHARS = 30
_WORD = re.compile(r"\w+")
_BLANK_RUN = re.compile(r"\n{3,}")


class _Key:
    """A comment text made ready for :func:`same_comment`: collapsed, and (when needed) as a bag of words."""

    __slots__ = ("text", "flat", "_bag")

    def __init__(self, text: str) -> None:
        self.text = text
        self.flat = " ".join(text.split())
        self._bag: Counter[str] | None = None

    def words(self) -> list[str]:
        """The text's words, lower-cased, in order (punctuation and layout left out)."""
        return _WORD.findall(self.text.lower())

    @property
    def bag(self) -> Counter[str]:
        if self._bag is None:
            self._bag = Counter(_WORD.findall(self.text.lower()))
        return self._bag


def same_comment(a: str | _Key, b: str | _Key) -> bool:
    """Whether two extracted texts are the same comment: one may carry a header or a button label more
    (a few words around the text), or, when it is much longer, a reply printed below the comment; a
    short text inside a much longer one is another comment."""
    ka = a if isinstance(a, _Key) else _Key(a)
    kb = b if isinstance(b, _Key) else _Key(b)
    if ka.flat == kb.flat:
        return True
    short, long = (ka, kb) if len(ka.flat) <= len(kb.flat) else (kb, ka)
    if not short.flat:
        return False
    extra = len(long.flat) - len(short.flat)
    if extra > MAX_HEADER_CHARS and len(short.flat) < SAME_COMMENT_MIN_SHARE * len(long.flat):
        # the longer text says much more: another comment that opens like this one, unless it is this
        # comment, word for word, with more below it
        if len(short.flat) < MIN_OPENING_CHARS:
            return False
        opening = short.words()
        return long.words()[: len(opening)] == opening
    if short.flat in long.flat:
        return True
    na, nb = sum(ka.bag.values()), sum(kb.bag.values())
    if not na or not nb:
        return False
    shared = sum((ka.bag & kb.bag).values())
    return shared >= SAME_COMMENT_OVERLAP * min(na, nb)


def align_comments(generic: Sequence[Comment], own: Sequence[Comment]) -> list[tuple[int, int]]:
    """In-order pairs ``(generic index, platform index)`` of the comments both lists hold."""
    return _align([_Key(c.text) for c in generic], [_Key(c.text) for c in own])


def _align(generic: list[_Key], own: list[_Key]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    j = 0
    for i, g in enumerate(generic):
        window = range(j, min(j + ALIGN_LOOKAHEAD, len(own)))
        # the same text word for word first: a short comment is also "in" a longer one that opens with it
        k = next((k for k in window if own[k].flat == g.flat), None)
        if k is None:
            k = next((k for k in window if same_comment(g, own[k])), None)
        if k is not None:
            pairs.append((i, k))
            j = k + 1
    return pairs


def _near_twin(key: _Key, generic: list[_Key], at: int) -> bool:
    """Whether a generic comment around index ``at`` (within :data:`ALIGN_LOOKAHEAD` either side) is the
    same comment as ``key``: where an unaligned twin of a platform item can be, at a bounded cost."""
    lo, hi = max(0, at - ALIGN_LOOKAHEAD), min(len(generic), at + ALIGN_LOOKAHEAD + 1)
    return any(same_comment(key, generic[i]) for i in range(lo, hi))


def cleaner_name(generic: str | None, own: str | None) -> str | None:
    """The commenter's name: the platform's when the generic one is missing or is the platform's name
    with punctuation around it ("/ Jane", "Jane:"). Words around the name (a date, a handle, "says")
    may be what the page prints as the name: the generic reading stays."""
    if not own:
        return generic
    if not generic:
        return own
    g, o = collapse(generic), collapse(own)
    if g == o or o not in g:
        return generic
    return own if not _WORD.search(g.replace(o, " ", 1)) else generic


def without_labels(generic: str, own: str, labels: frozenset[str]) -> str:
    """The generic text without the paragraphs that are a button label (``[Reply]``) and that the
    platform's text of the same comment leaves out."""
    if not labels:
        return generic
    kept = [
        p for p in generic.split("\n")
        if len(p) > MAX_LABEL_CHARS or p.strip(LABEL_BRACKETS).lower() not in labels or p.strip() in own
    ]
    if not any(p.strip() for p in kept):
        return generic
    return _BLANK_RUN.sub("\n\n", "\n".join(kept)).strip("\n")


def merged_comments(
    page: Page, own: Sequence[Comment], labels: frozenset[str] = frozenset()
) -> tuple[Comment, ...]:
    """A platform's comments as its answer, never below the generic finder's: where the generic
    finder sees no thread the platform's ``own`` list is the answer; otherwise the generic thread,
    refined by ``own`` (:func:`rebase_comments`)."""
    generic = GenericExtractor().comments(page)
    if not generic:
        return tuple(own)
    return rebase_comments(generic, own, labels)


def rebase_comments(
    generic: Sequence[Comment], own: Sequence[Comment], labels: frozenset[str] = frozenset()
) -> tuple[Comment, ...]:
    """The generic extractor's comments refined by those the platform's markup gives.

    The generic comment finder reads the thread the page shows (replies printed outside the
    platform's items, names and dates as printed); the platform's markup marks each comment
    item. So each generic comment keeps its text, name, date and threading, and takes from its
    twin in the platform's list (same text) only what it lacks: a missing author or date, a name
    without the punctuation around it, its text without the button labels the platform leaves
    out. Platform comments without a twin (items the generic finder missed) are added after their
    predecessor's twin. Where nothing is refined this is the generic answer itself.
    """
    out = list(generic)
    gkeys, okeys = [_Key(c.text) for c in generic], [_Key(c.text) for c in own]
    pairs = _align(gkeys, okeys)
    for i, k in pairs:
        g, o = generic[i], own[k]
        author = cleaner_name(g.author, o.author)
        published = g.published if g.published is not None else o.published
        text = without_labels(g.text, o.text, labels)
        if author != g.author or published != g.published or text != g.text:
            out[i] = attrs.evolve(g, text=text, author=author, published=published)
    # platform comments the generic finder missed, each after its predecessor's twin; when the two
    # readings share too few comments they disagree on what the thread is, and the generic one stands
    twin = {k: i for i, k in pairs}
    if len(own) - len(pairs) > MAX_EXTRA_SHARE * len(own):
        return tuple(out)
    extra: dict[int, list[Comment]] = {}
    flats = {g.flat for g in gkeys}
    last = -1
    for k, o in enumerate(own):
        if k in twin:
            last = twin[k]
        elif okeys[k].flat not in flats and not _near_twin(okeys[k], gkeys, last + 1):
            extra.setdefault(last, []).append(o)
    if extra:
        merged = list(extra.get(-1, []))
        for i, c in enumerate(out):
            merged.append(c)
            merged.extend(extra.get(i, []))
        out = merged
    return tuple(out)
