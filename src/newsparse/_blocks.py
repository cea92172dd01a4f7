"""Page -> ordered text blocks with features, in one iterative walk (no recursion)."""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs
import lxml.etree

from . import _patterns as P

__all__ = ["Block", "Mark", "html_blocks", "text_blocks", "collapse"]

_WS = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Collapse runs of white space (including NBSP) to one space and strip."""
    return " ".join(text.split())


@attrs.define(slots=True, eq=False)
class Block:
    """One block of visible text and what we know about where it sits."""

    index: int
    text: str
    kind: str  # paragraph | heading | list_item | quote | table | preformatted | caption | line
    el: Any = None  # the block-level lxml element that owns the text (HTML only)
    tag: str = ""
    level: int | None = None  # heading level
    link_chars: int = 0
    hints: frozenset[str] = frozenset()
    # plain-text features
    blank_before: int = 0
    indent: int = 0

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


#: Elements whose content is never visible text.
_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "map",
        "select",
        "option",
        "textarea",
        "button",
        "input",
        "head",
        "title",
        "meta",
        "link",
        "source",
        "picture",
    }
)
#: Elements that start a new block of text.
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "main",
        "nav",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "address",
        "hr",
        "body",
        "html",
        "center",
        "details",
        "summary",
        "menu",
        "legend",
        "frameset",
        "noframes",
    }
)
_HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


#: Memo of hints by (tag, attribute text): templates repeat the same class strings thousands of times.
_HINT_CACHE: dict[tuple[str, str], frozenset[str]] = {}
_HINT_CACHE_MAX = 100_000
_NO_HINTS: frozenset[str] = frozenset()


def _element_hints(el: Any, tag: str) -> frozenset[str]:
    """Semantic markers an element adds, from its tag, class, id, role and itemprop."""
    get = el.get
    attrs_text = " ".join(
        v for v in (get("class"), get("id"), get("role"), get("itemprop"), get("itemtype")) if v
    )
    if not attrs_text and tag not in P.TAG_HINTS:
        return _NO_HINTS
    key = (tag, attrs_text)
    cached = _HINT_CACHE.get(key)
    if cached is not None:
        return cached
    hints: set[str] = set()
    if tag in P.TAG_HINTS:
        hints.add(P.TAG_HINTS[tag])
    if attrs_text and len(attrs_text) < 2000:  # a huge attribute is noise, not a template word
        for token in attrs_text.split():
            hints |= _token_hints(token)
    result = frozenset(hints) if hints else _NO_HINTS
    if len(_HINT_CACHE) >= _HINT_CACHE_MAX:
        _HINT_CACHE.clear()
    _HINT_CACHE[key] = result
    return result


@functools.lru_cache(maxsize=65536)
def _token_hints(token: str) -> frozenset[str]:
    """Hints of one class/id token; a token that also names the story ("entry-content-read-more")
    is not weakly boilerplate, since templates prefix story parts with such words."""
    found = {hint for hint, pattern in P.ATTR_HINTS if pattern.search(token)}
    for hint in found & P.HINT_FALSE_FRIENDS.keys():
        if P.HINT_FALSE_FRIENDS[hint].search(token):
            found.discard(hint)
    if "content" in found and found & P.WEAK_NON_BODY_HINTS:
        found -= P.WEAK_NON_BODY_HINTS
    return frozenset(found)


def _kind_for(tag: str, hints: frozenset[str]) -> str:
    if tag in _HEADING_TAGS:
        return "heading"
    if tag in ("li", "dd", "dt"):
        return "list_item"
    if tag == "pre":
        return "preformatted"
    if tag in ("figcaption", "caption"):
        return "caption"
    if "quote" in hints:
        return "quote"
    if tag in ("td", "th"):
        return "table"
    return "paragraph"


#: Own hints for which the walk remembers the element itself (bylines and dates often sit in inline spans).
MARKED_HINTS = frozenset({"byline", "date"})


@attrs.define(slots=True, eq=False)
class Mark:
    """An element (often inline) whose own class/id marks a byline or a date, and where it sits."""

    hint: str
    el: Any
    block_index: int  # index of the next block at the element's start
    hints: frozenset[str]  # inherited hints, own included


def html_blocks(root: Any, marks: list[Mark] | None = None) -> list[Block]:
    """Walk the lxml tree once, iteratively, and cut its visible text into blocks.

    When ``marks`` is given, elements whose own hints are in MARKED_HINTS are appended to it.
    """
    blocks: list[Block] = []
    if root is None:
        return blocks
    # stack of (element, tag, hints, is_block)
    stack: list[tuple[Any, str, frozenset[str], bool]] = []
    block_stack: list[tuple[Any, str, frozenset[str]]] = []  # the open block-level elements
    pieces: list[str] = []
    link_chars = 0
    a_depth = 0

    def flush() -> None:
        nonlocal pieces, link_chars
        if not pieces:
            return
        text = collapse("".join(pieces))
        lc = link_chars
        pieces = []
        link_chars = 0
        if not text:
            return
        if block_stack:
            owner, owner_tag, hints = block_stack[-1]
        else:
            owner, owner_tag, hints = None, "", _NO_HINTS
        kind = _kind_for(owner_tag, hints)
        blocks.append(
            Block(
                index=len(blocks),
                text=text,
                kind=kind,
                el=owner,
                tag=owner_tag,
                level=_HEADING_TAGS.get(owner_tag),
                link_chars=min(lc, len(text)),
                hints=hints,
            )
        )

    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):
            tag = ""
        elif "}" in tag:
            tag = tag.rsplit("}", 1)[1].lower()
        if event == "start":
            has_attrs = bool(el.attrib)
            if not tag or tag in _SKIP_TAGS or (has_attrs and _is_hidden(el)):
                walker.skip_subtree()
                # the tail of a skipped element still belongs to its parent
                if el.tail:
                    pieces.append(el.tail)
                    if a_depth:
                        link_chars += len(el.tail)
                continue
            is_block = tag in _BLOCK_TAGS
            if pieces and (is_block or tag == "br"):
                flush()
            parent_hints = stack[-1][2] if stack else frozenset()
            # <body>/<html> classes describe the whole page (template names), not a region
            if has_attrs or tag in P.TAG_HINTS:
                own = _element_hints(el, tag) if tag not in ("body", "html") else _NO_HINTS
            else:
                own = _NO_HINTS
            hints = parent_hints | own if own else parent_hints
            stack.append((el, tag, hints, is_block))
            if is_block:
                block_stack.append((el, tag, hints))
            if marks is not None:
                if own:
                    for h in own & MARKED_HINTS:
                        marks.append(Mark(hint=h, el=el, block_index=len(blocks), hints=hints))
                if tag == "time":
                    marks.append(Mark(hint="time", el=el, block_index=len(blocks), hints=hints))
            if tag == "a":
                a_depth += 1
            if el.text:
                pieces.append(el.text)
                if a_depth:
                    link_chars += len(el.text)
        else:  # end
            if not stack or stack[-1][0] is not el:
                continue
            _el, _tag, _hints, is_block = stack[-1]
            if is_block:
                if pieces:
                    flush()
                block_stack.pop()
            stack.pop()
            if _tag == "a":
                a_depth -= 1
            if el.tail:
                pieces.append(el.tail)
                if a_depth:
                    link_chars += len(el.tail)
    flush()
    return blocks


def _is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None:
        return True
    if el.get("aria-hidden") == "true" and el.tag not in ("div", "section", "article", "main", "body"):
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def text_blocks(text: str) -> list[Block]:
    """A plain-text page as blocks: one block per non-empty line, with its line shape."""
    blocks: list[Block] = []
    blank = 0
    for raw in text.splitlines():
        if not raw.strip():
            blank += 1
            continue
        indent = len(raw) - len(raw.lstrip(" \t"))
        blocks.append(
            Block(index=len(blocks), text=collapse(raw), kind="line", blank_before=blank, indent=indent)
        )
        blank = 0
    return blocks
