"""Where the article is on an HTML page: the main container and the blocks inside it.

Computed once per page and shared by the field modules (cached on the Page).
"""

from __future__ import annotations

import re

from collections.abc import Iterator
from typing import Any

import attrs

from .. import _patterns as P
from .._blocks import Block
from .._page import Page

#: How far up from a block we look for its container (bounded: pages can nest 100,000 deep).
MAX_ANCESTORS = 12
#: A block shorter than this adds nothing to a container's score (menus, buttons, labels).
MIN_SCORING_CHARS = 25
#: Share of a container's score its grandparent receives (readability's proven 1/2).
GRANDPARENT_SHARE = 0.5
#: Container class/id words multiply its score: story-like up, boilerplate-like down.
CONTENT_HINT_BOOST = 1.25
NON_BODY_HINT_PENALTY = 0.3
#: Blocks in these regions never vote for the story container: reader comments often outweigh the story.
SCORE_EXCLUDED_HINTS = frozenset({"comment"})
#: A block more than this share link text is navigation, not prose.
MAX_LINK_DENSITY = 0.5


@attrs.define(slots=True, eq=False)
class Analysis:
    blocks: list[Block]
    container: Any = None
    container_hints: frozenset[str] = frozenset()
    main: list[Block] = attrs.field(factory=list)  # blocks inside the container, in order


def ancestors(el: Any, limit: int = MAX_ANCESTORS) -> Iterator[Any]:
    """The element's ancestors, nearest first, at most ``limit`` of them."""
    n = 0
    parent = el.getparent()
    while parent is not None and n < limit:
        yield parent
        parent = parent.getparent()
        n += 1


def _container_of(block: Block) -> Any:
    """The element that holds a paragraph: its parent for p-like tags, itself for text-bearing divs."""
    if block.tag in ("p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "span"):
        parent = block.el.getparent()
        if block.tag == "li" and parent is not None:  # li -> ul -> container
            parent = parent.getparent() if parent.getparent() is not None else parent
        return parent if parent is not None else block.el
    return block.el


def _prose_score(block: Block) -> float:
    text = block.text
    return 1.0 + text.count(",") + text.count("\u3001") + text.count("\uff0c") + min(3.0, len(text) / 100.0)


#: Share of a paragraph's score each ancestor level receives (readability's dividers: 1, 2, 3*level).
ANCESTOR_SHARES = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)
#: A sibling of the best container joins the body when it scores this share of the best (readability: 0.2).
SIBLING_SHARE = 0.2
#: ... and at least this much absolute score (one real paragraph scores about 2-4).
SIBLING_MIN_SCORE = 3.0
#: A sibling with the best container's class gets this share of the best score as a bonus.
SIBLING_SAME_CLASS_BONUS = 0.2


def analyze(page: Page) -> Analysis:
    """The page's main container and its blocks (cached on the page)."""
    cached = page.__dict__.get("_analysis")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    blocks = page.blocks
    result = Analysis(blocks=blocks)
    page.__dict__["_analysis"] = result
    if page.kind != "html" or not blocks:
        return result
    scores: dict[Any, float] = {}
    for b in blocks:
        if b.kind not in ("paragraph", "quote", "list_item", "table", "preformatted") or b.el is None:
            continue
        if len(b.text) < MIN_SCORING_CHARS or b.link_density > MAX_LINK_DENSITY:
            continue
        if b.hints & SCORE_EXCLUDED_HINTS:
            continue
        s = _prose_score(b)
        el = _container_of(b)
        for share in ANCESTOR_SHARES:
            if el is None:
                break
            scores[el] = scores.get(el, 0.0) + s * share
            el = el.getparent()
    if not scores:
        return result
    adjusted: dict[Any, float] = {}
    for el, s in scores.items():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("body", "html"):
            s *= 0.5
        own = _own_hints(el)
        if own & P.NON_BODY_HINTS:
            s *= NON_BODY_HINT_PENALTY
        elif "content" in own or tag in ("article", "main"):
            s *= CONTENT_HINT_BOOST
        adjusted[el] = s
    best = max(adjusted, key=adjusted.__getitem__)
    best_score = adjusted[best]
    roots = _with_siblings(best, best_score, adjusted)
    result.container = best
    result.container_hints = _inherited_hints(best, blocks)
    main = _blocks_inside(blocks, roots)
    result.main = _extend_with_adjacent_prose(blocks, main)
    return result


#: Prose next to the story but outside its container joins it (split templates: an intro box, ad-rail grids).
ADJACENT_PROSE_CHARS = 80
#: Closing notes of a story (credits, contact, corrections, disclaimers) that end the forward extension.
CLOSING_NOTE = re.compile(
    r"contributed (?:to )?(?:this )?(?:report|reporting)|can be reached at|will not be able to respond|"
    r"\bcopyright\b|all rights reserved|\bdisclaimer\b|terms of (?:use|service)|privacy policy",
    re.I,
)
#: Prose above the container joins only as a run of this many paragraphs.
MIN_PROSE_RUN_BEFORE = 2
#: ... crossing at most this many short non-prose blocks (captions, share bars, ad labels) on the way.
ADJACENT_GAP = 3


def _adjacent_prose(b: Block) -> bool:
    return (
        b.kind in ("paragraph", "quote", "list_item")
        and b.tag in ("p", "blockquote", "li")
        and len(b.text) >= ADJACENT_PROSE_CHARS
        and b.link_density < 0.2
        and not (b.hints & P.NON_BODY_HINTS)
        and "headline" not in b.hints
    )


def _extend_with_adjacent_prose(blocks: list[Block], main: list[Block]) -> list[Block]:
    """Add the run of prose paragraphs that continues the story just before and after its container."""
    if not main:
        return main
    before: list[Block] = []
    i, gap = main[0].index - 1, 0
    while i >= 0 and gap <= ADJACENT_GAP:
        b = blocks[i]
        if "dek" in b.hints or b.hints & {"byline", "date"}:
            break  # the head of the story: its dek and byline are not body
        if _adjacent_prose(b):
            before.append(b)
            gap = 0
        elif b.kind == "heading" and b.level == 1:
            break
        else:
            gap += 1
        i -= 1
    if len(before) < MIN_PROSE_RUN_BEFORE:
        before = []  # a single paragraph above the story is its dek or a teaser, not its start
    after: list[Block] = []
    i, gap = main[-1].index + 1, 0
    while i < len(blocks) and gap <= ADJACENT_GAP:
        b = blocks[i]
        if CLOSING_NOTE.search(b.text):
            break  # credits and contact notes close the story: what follows is the page, not the story
        if _adjacent_prose(b):
            after.append(b)
            gap = 0
        else:
            gap += 1
        i += 1
    if not before and not after:
        return main
    return before[::-1] + main + after


def _blocks_inside(blocks: list[Block], roots: list[Any]) -> list[Block]:
    """The blocks inside any of ``roots``, in order. A subtree's text is one contiguous run of blocks in
    document order, so each root needs only its first and last block found, not a test per block."""
    chosen: set[int] = set()
    for root in roots:
        first = next((b.index for b in blocks if b.el is not None and _inside(b.el, root)), None)
        if first is None:
            continue
        last = next(b.index for b in reversed(blocks) if b.el is not None and _inside(b.el, root))
        chosen.update(range(first, last + 1))
    return [blocks[i] for i in sorted(chosen)]


def _with_siblings(best: Any, best_score: float, scores: dict[Any, float]) -> list[Any]:
    """The best container and those of its siblings that hold more of the story (split articles)."""
    parent = best.getparent()
    if parent is None or (parent.tag if isinstance(parent.tag, str) else "") in ("html",):
        return [best]
    threshold = max(SIBLING_MIN_SCORE, best_score * SIBLING_SHARE)
    best_class = best.get("class")
    roots = []
    for sib in parent:
        if sib is best:
            roots.append(sib)
            continue
        s = scores.get(sib, 0.0)
        if best_class and sib.get("class") == best_class:
            s += best_score * SIBLING_SAME_CLASS_BONUS
        if s >= threshold:
            roots.append(sib)
    return roots


def _own_hints(el: Any) -> frozenset[str]:
    from .._blocks import _element_hints

    tag = el.tag if isinstance(el.tag, str) else ""
    return _element_hints(el, tag)


def _inherited_hints(container: Any, blocks: list[Block]) -> frozenset[str]:
    """Hints the container inherits from its ancestors (so they do not count against its blocks)."""
    from .._blocks import _element_hints

    hints: set[str] = set()
    el = container
    n = 0
    while el is not None and n < 200:
        tag = el.tag if isinstance(el.tag, str) else ""
        hints |= _element_hints(el, tag.lower())
        el = el.getparent()
        n += 1
    return frozenset(hints)


def _inside(el: Any, container: Any) -> bool:
    if el is container:
        return True
    n = 0
    parent = el.getparent()
    while parent is not None and n < 200:
        if parent is container:
            return True
        parent = parent.getparent()
        n += 1
    return False
