"""Where the article is on an HTML page: the main container and the blocks inside it.

Computed once per page and shared by the field modules (cached on the Page).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

import attrs

from .. import _patterns as P
from .. import _recognize as R
from .._blocks import Block, _element_hints
from .._page import Page
from ._text import Caseless

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
#: Blocks in footers, menus, sign-up boxes, hidden (paywall, modal) boxes, side rails and related-story cards vote
#: for their container with less weight: a blog's "about this site" paragraphs, a paywall's list of offers, a rail's
#: captioned slideshow or cards carrying other stories' full text can outweigh a short post (not excluded: some
#: templates wrap the story itself in such a class) ...
DAMPED_HINTS = frozenset({"footer", "nav", "promo", "hidden", "aside", "related"})
#: ... by this factor.
DAMPED_HINT_WEIGHT = 0.3
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


#: Tags whose text belongs to their parent element's container (the parent holds the paragraphs).
_CHILD_TAGS = frozenset({"p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "span"})
#: Block kinds that vote for their container.
_SCORED_KINDS = frozenset({"paragraph", "quote", "list_item", "table", "preformatted"})


def _container_of(block: Block) -> Any:
    """The element that holds a paragraph: its parent for p-like tags, itself for text-bearing divs."""
    if block.tag in _CHILD_TAGS:
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
        if b.kind not in _SCORED_KINDS or b.el is None:
            continue
        n = len(b.text)
        if n < MIN_SCORING_CHARS or b.link_chars / max(1, n) > MAX_LINK_DENSITY:  # b.link_density, inlined
            continue
        if b.hints & SCORE_EXCLUDED_HINTS:
            continue
        s = _prose_score(b)
        if b.hints & DAMPED_HINTS:
            s *= DAMPED_HINT_WEIGHT
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
    result.container_hints = _inherited_hints(best, blocks)
    # a story inside a damped region (a template wrapping everything in "sidebar-layout") votes damped:
    # the absolute floors for its other chunks are damped alike
    unit = DAMPED_HINT_WEIGHT if result.container_hints & DAMPED_HINTS else 1.0
    roots = _with_siblings(best, best_score, adjusted, unit)
    result.container = best
    main = _blocks_inside(blocks, roots)
    twins = [t for t in _twins(best, best_score, adjusted, unit) if all(t is not r for r in roots)]
    if twins and main:
        main = _join_twins(blocks, main, twins)
    result.main = _extend_with_adjacent_prose(blocks, main)
    return result


#: Prose next to the story but outside its container joins it (split templates: an intro box, ad-rail grids).
ADJACENT_PROSE_CHARS = 80
#: Closing notes of a story (credits, contact, corrections, disclaimers) that end the forward extension.
#: ("c(?<!\wc)opyright" is "\bcopyright": every alternative opens with a letter, so the regex engine jumps
#: from candidate letter to candidate letter, several times faster on the long paragraphs tested.)
CLOSING_NOTE = Caseless(
    r"contributed (?:to )?(?:this )?(?:report|reporting)|can be reached at|will not be able to respond|"
    r"c(?<!\wc)opyright\b|all rights reserved|d(?<!\wd)isclaimer\b|terms of (?:use|service)|privacy policy"
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
        if CLOSING_NOTE.found(b.text):
            break  # credits and contact notes close the story: what follows is the page, not the story
        if b.kind == "heading" and b.link_density > MAX_LINK_DENSITY:
            break  # a linked title: teasers of other stories follow
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
        under = set(islice(root.iter(), MAX_SUBTREE_SET))  # one C-level walk; depth checked on the two found
        first = last = None
        if len(under) < MAX_SUBTREE_SET:
            first = next((b.index for b in blocks if b.el in under), None)
            if first is None:
                continue  # no block under the root at any depth
            last = next(b.index for b in reversed(blocks) if b.el in under)
        if first is None or last is None or not (_inside(blocks[first].el, root) and _inside(blocks[last].el, root)):
            dist: dict[Any, int] = {root: 0}  # a block nested deeper than the bound: walk it as _inside does
            first = _first_inside(blocks, range(len(blocks)), root, dist)
            if first is None:
                continue
            last = _first_inside(blocks, range(len(blocks) - 1, first - 1, -1), root, dist)
        chosen.update(range(first, (first if last is None else last) + 1))
    return [blocks[i] for i in sorted(chosen)]


#: A container subtree up to this many elements is collected into a set to find its blocks (bigger ones are
#: walked up from each block instead: memory stays bounded on hostile pages).
MAX_SUBTREE_SET = 50_000
#: Deepest ancestor a block is looked up to when testing whether it is inside a container (``_inside``'s bound).
MAX_INSIDE_LEVELS = 200
#: The distance recorded for an element not under the root.
_OUTSIDE = 1 << 30


def _first_inside(blocks: list[Block], order: range, root: Any, dist: dict[Any, int]) -> int | None:
    """The first index in ``order`` whose block is within ``MAX_INSIDE_LEVELS`` below ``root`` (what
    ``_inside`` tells), each ancestor walked once: ``dist`` remembers the distance of every element passed."""
    for i in order:
        el = blocks[i].el
        if el is None:
            continue
        known = dist.get(el)
        if known is None:
            path = [el]
            cur = el.getparent()
            base = _OUTSIDE
            while cur is not None:
                known = dist.get(cur)
                if known is not None:
                    base = known
                    break
                if len(path) > MAX_INSIDE_LEVELS:
                    base = -1  # further than the bound from anything known: not inside, nothing recorded
                    break
                path.append(cur)
                cur = cur.getparent()
            if base < 0:
                continue
            n = len(path)
            for k, e in enumerate(path):
                dist[e] = base + n - k if base < _OUTSIDE else _OUTSIDE
            known = dist[el]
        if known <= MAX_INSIDE_LEVELS:
            return i
    return None


def _with_siblings(best: Any, best_score: float, scores: dict[Any, float], unit: float = 1.0) -> list[Any]:
    """The best container and those of its siblings that hold more of the story (split articles)."""
    parent = best.getparent()
    if parent is None or (parent.tag if isinstance(parent.tag, str) else "") in ("html",):
        return [best]
    threshold = max(SIBLING_MIN_SCORE * unit, best_score * SIBLING_SHARE)
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


#: Templates cut a long story into chunks that repeat the story container's markup (same tag and classes),
#: separated by ads, figures or newsletter boxes; such a twin shares an ancestor this few levels up.
TWIN_MAX_LEVELS = 9
#: ... and must itself hold prose (one real paragraph scores about 2-4) ...
TWIN_MIN_SCORE = 2.0
#: ... and follow the story (or precede it) across at most this many blocks (ad labels, figures, a
#: newsletter box, a recirculation rail); further away is the rest of the page.
TWIN_MAX_GAP = 30


def _join_twins(blocks: list[Block], main: list[Block], twins: list[Any]) -> list[Block]:
    """Add the twins that continue the story's run of blocks, in both directions, over short gaps."""
    spans = _spans(blocks, twins)
    lo, hi = main[0].index, main[-1].index
    extra: set[int] = set()
    for a, b in sorted(spans):  # forwards from the story's end
        if (
            a > hi
            and a - hi - 1 <= TWIN_MAX_GAP
            and _plain_gap(blocks, hi + 1, a + 1, True, _prose_chunk(blocks, a, b))
        ):
            extra.update(range(a, b + 1))
            hi = b
    for a, b in sorted(spans, reverse=True):  # backwards from its start
        if b < lo and lo - b - 1 <= TWIN_MAX_GAP and _plain_gap(blocks, b + 1, lo, False):
            extra.update(range(a, b + 1))
            lo = a
    if not extra:
        return main
    have = {b.index for b in main}
    return [blocks[i] for i in sorted(have | extra)]


#: How far up from a block the twin spans look for a twin (a chunk's paragraphs sit a few levels under it).
TWIN_SPAN_LEVELS = 40


def _spans(blocks: list[Block], roots: list[Any]) -> list[tuple[int, int]]:
    """(first, last) block index inside each root, in one pass over the blocks (a page can hold many twins)."""
    wanted = set(roots)
    first: dict[Any, int] = {}
    last: dict[Any, int] = {}
    for b in blocks:
        el = b.el
        n = 0
        while el is not None and n < TWIN_SPAN_LEVELS:
            if el in wanted:
                first.setdefault(el, b.index)
                last[el] = b.index
                break
            el = el.getparent()
            n += 1
    return [(first[r], last[r]) for r in roots if r in first]


#: A twin chunk holding this many paragraphs of prose continues the story even under a linked heading (a
#: section titled with a link to what it covers); a teaser under a linked title is a line or two.
TWIN_PROSE_PARAGRAPHS = 3
#: ... each at least this long.
TWIN_PROSE_CHARS = 150


def _prose_chunk(blocks: list[Block], first: int, last: int) -> bool:
    """Whether a chunk holds several paragraphs of prose (a section of the story, not a teaser card)."""
    n = 0
    for b in blocks[first : last + 1]:
        if b.kind == "paragraph" and len(b.text) >= TWIN_PROSE_CHARS and b.link_density < 0.2:
            n += 1
            if n >= TWIN_PROSE_PARAGRAPHS:
                return True
    return False


def _plain_gap(blocks: list[Block], start: int, end: int, forward: bool, prose_chunk: bool = False) -> bool:
    """Whether the blocks between two chunks (and the next chunk's first block) are furniture, not the start
    of teasers (link-dense headings) or, after the story, of the comments (marked up like the story) or of
    a list of links (a chunk that opens with a link). A linked heading opening a chunk of prose is the
    title of a section of the story."""
    for b in blocks[start:end]:
        if forward and (
            "comment" in b.hints or R.is_comment_section_heading(b.text) or R.is_comment_form_line(b.text)
        ):
            return False
        if forward and prose_chunk and b.index == end - 1 and b.kind == "heading":
            continue  # the linked title of the next section
        if b.link_density > MAX_LINK_DENSITY and (b.kind == "heading" or (forward and b.index == end - 1)):
            return False
    return True


def _twins(best: Any, best_score: float, scores: dict[Any, float], unit: float = 1.0) -> list[Any]:
    """Elements elsewhere on the page with the best container's tag and classes that hold prose and sit
    near it in the tree: the other chunks of a story split by the template."""
    cls = best.get("class")
    if not (cls and cls.split()):
        parent = best.getparent()  # an unnamed wrapper: the chunk is its named parent ("text-container > div")
        if parent is None or not (parent.get("class") or "").split():
            return []
        best, cls = parent, parent.get("class")
    key = (best.tag, frozenset(cls.split()))
    near: set[Any] = set()
    el = best.getparent()
    for _ in range(TWIN_MAX_LEVELS):
        if el is None or el.tag in ("body", "html"):
            break
        near.add(el)
        el = el.getparent()
    if not near:
        return []
    twins = []
    floor = TWIN_MIN_SCORE * unit
    for cand, s in scores.items():
        if cand is best or s < floor or cand.tag != best.tag:
            continue
        c = cand.get("class")
        if not c or not _same_template(c.split(), cls.split(), key[1]):
            continue
        up = cand.getparent()
        for _ in range(TWIN_MAX_LEVELS):
            if up is None:
                break
            if up in near:
                if not _inside(best, cand) and not _inside(cand, best) and not (_own_hints(cand) & P.NON_BODY_HINTS):
                    twins.append(cand)
                break
            up = up.getparent()
    return twins


#: Chunks may differ by modifier classes ("RichText" vs "RichText RichText--last"): the class sets must share
#: their first word and this share of all their words.
TWIN_MIN_CLASS_OVERLAP = 0.6


def _same_template(words: list[str], best_words: list[str], best_set: frozenset[str]) -> bool:
    """Whether a class list names the same template block as the story container's."""
    cand = frozenset(words)
    if cand == best_set:
        return True
    if not words or words[0] != best_words[0]:
        return False
    return len(cand & best_set) >= TWIN_MIN_CLASS_OVERLAP * len(cand | best_set)


def _own_hints(el: Any) -> frozenset[str]:
    tag = el.tag if isinstance(el.tag, str) else ""
    return _element_hints(el, tag)


def _inherited_hints(container: Any, blocks: list[Block]) -> frozenset[str]:
    """Hints the container inherits from its ancestors (so they do not count against its blocks)."""
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
