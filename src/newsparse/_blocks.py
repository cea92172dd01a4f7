"""Page -> ordered text blocks with features, in one iterative walk (no recursion)."""

from __future__ import annotations

import functools
import importlib
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
#: Tags whose classes describe the whole page (template names), not a region: they add no hints.
_PAGE_TAGS = frozenset({"body", "html"})
#: The attributes whose words give an element's hints, joined in this order.
_HINT_ATTRS = frozenset({"class", "id", "role", "itemprop", "itemtype"})
#: Containers that scripts mark aria-hidden while still showing them (menus, the story itself).
_ARIA_VISIBLE_TAGS = frozenset({"div", "section", "article", "main", "body"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


#: Skipped elements that can hold the page only by a markup accident (a ``<button>`` or ``<svg>`` left
#: open swallows what follows): when one holds a ``<main>`` or ``<article>``, it is read.
_ACCIDENT_TAGS = frozenset(
    {"button", "select", "option", "svg", "math", "object", "embed", "iframe", "canvas", "video", "audio", "map", "picture"}
)
#: What a ``<head>`` holds; any other element there (an unknown tag the parser kept in the head, which
#: then took the whole page) makes the walk read the head.
_HEAD_CONTENT = frozenset({"meta", "link", "title", "script", "style", "base", "noscript", "template"})


def _misplaced_story(el: Any, tag: str, hidden: bool, parent_tag: str) -> bool:
    """Whether a skipped element (hidden, or of a skipped tag) is the page itself and must be read: a
    hidden child of ``<body>`` holding the ``<main>`` or ``<article>`` (framework streaming renders the
    page hidden before a script shows it), a form control or embed holding them, or a ``<head>`` with
    body content in it."""
    if tag == "head":
        return any(child.tag.__class__ is str and child.tag not in _HEAD_CONTENT for child in el)
    if hidden:
        if tag in _SKIP_TAGS or parent_tag not in _PAGE_TAGS:
            return False
    elif tag not in _ACCIDENT_TAGS:
        return False
    return next(el.iterdescendants("main", "article"), None) is not None


#: Memo of hints by (tag, attribute text): templates repeat the same class strings thousands of times.
_HINT_CACHE: dict[tuple[str, str], frozenset[str]] = {}
_HINT_CACHE_MAX = 100_000
_NO_HINTS: frozenset[str] = frozenset()


def _element_hints(el: Any, tag: str) -> frozenset[str]:
    """Semantic markers an element adds, from its tag, class, id, role and itemprop."""
    if not el.keys():  # most elements have no attributes: one call instead of five
        attrs_text = ""
    else:
        get = el.get
        attrs_text = " ".join(
            v for v in (get("class"), get("id"), get("role"), get("itemprop"), get("itemtype")) if v
        )
    if not attrs_text and tag not in P.TAG_HINTS:
        return _NO_HINTS
    cached = _HINT_CACHE.get((tag, attrs_text))
    if cached is not None:
        return cached
    return _hints_for(tag, attrs_text)


def _hints_for(tag: str, attrs_text: str) -> frozenset[str]:
    """The hints of ``tag`` with the joined class/id/role/itemprop/itemtype ``attrs_text``, memoised."""
    if _TWIN_PREFILTER is not None and attrs_text.isascii() and len(attrs_text) < 2000:
        # Class strings that differ only in numbers ("post-1234") or case share one computation.
        folded = _DIGIT_RUNS.sub("0", attrs_text.lower())
        result = _FOLDED_HINT_CACHE.get((tag, folded))
        if result is None:
            result = _folded_hints(tag, folded)
            _FOLDED_HINT_CACHE[(tag, folded)] = result
    else:
        hints: set[str] = set()
        if tag in P.TAG_HINTS:
            hints.add(P.TAG_HINTS[tag])
        if attrs_text and len(attrs_text) < 2000:  # a huge attribute is noise, not a template word
            for token in attrs_text.split():
                hints |= _token_hints(token)
        result = frozenset(hints) if hints else _NO_HINTS
    if len(_HINT_CACHE) >= _HINT_CACHE_MAX:
        _HINT_CACHE.clear()
        _FOLDED_HINT_CACHE.clear()
    _HINT_CACHE[(tag, attrs_text)] = result
    return result


#: Memo of hints by (tag, attribute text lower-cased with its digit runs as "0"), behind _HINT_CACHE.
_FOLDED_HINT_CACHE: dict[tuple[str, str], frozenset[str]] = {}


def _folded_hints(tag: str, folded: str) -> frozenset[str]:
    """``_hints_for`` of an ASCII attribute text given lower-cased with its digit runs as "0"."""
    assert _TWIN_PREFILTER is not None
    hints: set[str] = set()
    if tag in P.TAG_HINTS:
        hints.add(P.TAG_HINTS[tag])
    # most attribute texts hold none of the literals some hint needs: one C-level search says so
    if _TWIN_PREFILTER(folded):
        for token in folded.split():
            hints |= _ascii_token_hints(token)
    return frozenset(hints) if hints else _NO_HINTS


def _has_ascii_twin(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` (case-insensitive) has a case-sensitive twin over lower-cased ASCII text.

    Case-insensitive matching stops ``re`` from skipping ahead on literal prefixes, so a class token
    costs several times more against the original; on ASCII text the two agree exactly. Patterns with
    escapes that lower-casing would change (``\\S``, ``\\x41``, back-references) have no twin.
    """
    src = pattern.pattern
    if (
        pattern.flags & ~(re.I | re.U)
        or not pattern.flags & re.I
        or not src.isascii()
        or re.search(r"\\[^bswd.\-_/()\[\]{}?*+|^$\\ ]", src)  # an escape lower-casing could change
        or re.search(r"\(\?(?!P)[a-zA-Z-]", src)  # inline flags: a scoped (?-i:...) would be lost
    ):
        return False
    return True


#: ATTR_HINTS and HINT_FALSE_FRIENDS as lower-case twins; None when one pattern has no twin (then
#: every token is matched against the original patterns).
_ATTR_HINT_TWINS: tuple[tuple[str, re.Pattern[str]], ...] | None = None
_FALSE_FRIEND_TWINS: dict[str, re.Pattern[str]] | None = None
if all(_has_ascii_twin(p) for _h, p in P.ATTR_HINTS) and all(_has_ascii_twin(p) for p in P.HINT_FALSE_FRIENDS.values()):
    _ATTR_HINT_TWINS = tuple((hint, re.compile(pattern.pattern.lower())) for hint, pattern in P.ATTR_HINTS)
    _FALSE_FRIEND_TWINS = {hint: re.compile(pattern.pattern.lower()) for hint, pattern in P.HINT_FALSE_FRIENDS.items()}


def _digit_blind(src: str) -> bool:
    """Whether no part of the regex source ``src`` can match a digit or look around one (then every run
    of digits in a token can stand as one "0" without changing what the pattern finds; the characters
    around a match keep their kind, so ``\\b``, ``^`` and ``$`` still see the same)."""
    plain = re.sub(r"\\[bs.\-_/()\[\]{}?*+|^$\\ ]", "", src)  # escapes that match no digit
    if re.search(r"[0-9.\\]|\[\^|\(\?[=!<]", plain):  # digits, any-character, other escapes, negated sets, lookarounds
        return False
    # a range in a character set could span the digits
    return not any("-" in chars.strip("-") for chars in re.findall(r"\[([^\]]*)\]", plain))


#: Class tokens differ mostly by numbers ("post-1234", "menu-item-87"): with patterns blind to digits,
#: tokens are memoised with each run of digits as one "0", which leaves a third fewer tokens to match.
_DIGIT_RUNS = re.compile(r"[0-9]+")
_DIGIT_BLIND = (
    _ATTR_HINT_TWINS is not None
    and _FALSE_FRIEND_TWINS is not None
    and all(_digit_blind(twin.pattern) for _h, twin in _ATTR_HINT_TWINS)
    and all(_digit_blind(twin.pattern) for twin in _FALSE_FRIEND_TWINS.values())
)


def _literal_cover(seq: Any) -> set[str] | None:
    """Literal strings one of which every match of the parsed regex ``seq`` contains, or None.

    ``seq`` is the ``re`` parser's form of a pattern: runs of literals are required as they stand, an
    alternation requires one of its branches' covers, a group or a repeat of at least one its own.
    """
    sre: Any = _SRE
    cands: list[set[str]] = []
    run: list[str] = []
    for op, av in seq:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            cands.append({"".join(run)})
            run = []
        cover: set[str] | None = None
        if op is sre.SUBPATTERN:
            cover = _literal_cover(av[-1])
        elif op is sre.BRANCH:
            covers = [_literal_cover(alt) for alt in av[1]]
            if all(covers):
                cover = set().union(*covers)  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            cover = _literal_cover(av[2])
        if cover:
            cands.append(cover)
    if run:
        cands.append({"".join(run)})
    if not cands:
        return None
    return max(cands, key=lambda c: min(map(len, c)))


try:  # the regex parser, to find the literals each hint pattern needs
    _SRE: Any = importlib.import_module("re._parser")
    _SRE.LITERAL  # noqa: B018
except (ImportError, AttributeError):  # Python 3.10
    _SRE = importlib.import_module("sre_parse")



def _trie_pattern(words: set[str]) -> str:
    """A regex matching any of ``words``, as a trie of alternations (``re`` tries an alternation's
    branches one by one at each position; sharing prefixes makes most positions fail at once)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return build(trie)


def _pure_literals(seq: Any) -> set[str] | None:
    """The alternatives of the parsed regex ``seq`` when it is nothing but literal alternatives
    ("share|social|tweet"): then it matches exactly when one of them occurs. Otherwise None."""
    sre: Any = _SRE
    if all(op is sre.LITERAL for op, _av in seq):
        return {"".join(chr(av) for _op, av in seq)} if len(seq) else None
    if len(seq) == 1 and seq[0][0] is sre.BRANCH:
        alternatives = [_pure_literals(alt) for alt in seq[0][1][1]]
        if all(alternatives):
            return set().union(*alternatives)  # type: ignore[arg-type]
    if len(seq) == 1 and seq[0][0] is sre.SUBPATTERN:
        return _pure_literals(seq[0][1][-1])
    return None


def _literal_finder() -> tuple[re.Pattern[str], dict[str, tuple[frozenset[str], tuple[int, ...]]]] | None:
    """(regex, table) for the lower-case twins, or None (no twins, a twin without needed literals,
    digit runs not foldable, or a literal with white space, which could span two class tokens).

    ``regex`` finds the literals that some twin's matches need (a trie of alternatives, so that most
    positions fail at once); at one position it matches the longest literal starting there. ``table[literal]`` is (the
    hints it proves: twins that are nothing but literal alternatives, one of which is a prefix of it;
    the indexes of the other twins needing such a prefix, whose regex must still say).
    """
    if _ATTR_HINT_TWINS is None or not _DIGIT_BLIND:
        return None
    covers: list[set[str]] = []
    pure: list[bool] = []
    for _hint, twin in _ATTR_HINT_TWINS:
        parsed = _SRE.parse(twin.pattern, twin.flags)
        cover = _literal_cover(parsed)
        if not cover or any(not lit or not lit.isascii() or any(c.isspace() for c in lit) for lit in cover):
            return None
        exact = _pure_literals(parsed)
        pure.append(exact is not None and exact == cover)
        covers.append(cover)
    literals = set().union(*covers)
    table: dict[str, tuple[frozenset[str], tuple[int, ...]]] = {}
    for lit in literals:
        prefixes = {lit[:k] for k in range(1, len(lit) + 1)} & literals
        proven = frozenset(_ATTR_HINT_TWINS[i][0] for i, cover in enumerate(covers) if pure[i] and cover & prefixes)
        check = tuple(i for i, cover in enumerate(covers) if not pure[i] and cover & prefixes)
        table[lit] = (proven, check)
    return re.compile(_trie_pattern(literals)), table


try:
    _LITERALS = _literal_finder()
except Exception:  # the re parser's private form changed: match every twin on every token
    _LITERALS = None
#: (findall of every needed literal, at each position the longest, in one C-level scan; the table).
_LITERAL_FINDER = (re.compile("(?=(" + _LITERALS[0].pattern + "))").findall, _LITERALS[1]) if _LITERALS else None
#: Whether a lower-cased ASCII token (or attribute text) can have a hint at all; None: always ask.
_TWIN_PREFILTER = _LITERALS[0].search if _LITERALS else None


@functools.lru_cache(maxsize=65536)
def _token_hints(token: str) -> frozenset[str]:
    """Hints of one class/id token; a token that also names the story ("entry-content-read-more")
    is not weakly boilerplate, since templates prefix story parts with such words."""
    if _ATTR_HINT_TWINS is not None and token.isascii():
        low = token.lower()
        return _ascii_token_hints(_DIGIT_RUNS.sub("0", low) if _DIGIT_BLIND else low)
    found = {hint for hint, pattern in P.ATTR_HINTS if pattern.search(token)}
    for hint in found & P.HINT_FALSE_FRIENDS.keys():
        if P.HINT_FALSE_FRIENDS[hint].search(token):
            found.discard(hint)
    return _story_wins(found)


@functools.lru_cache(maxsize=65536)
def _ascii_token_hints(low: str) -> frozenset[str]:
    """``_token_hints`` of an ASCII token, given lower-cased (and with its digit runs as "0")."""
    assert _ATTR_HINT_TWINS is not None and _FALSE_FRIEND_TWINS is not None
    twins = _ATTR_HINT_TWINS
    if _LITERAL_FINDER is None:
        found = {hint for hint, twin in twins if twin.search(low)}
    else:
        findall, table = _LITERAL_FINDER
        literals = findall(low)
        if not literals:
            return _NO_HINTS
        found = set()
        checked: set[int] = set()
        for lit in literals:
            proven, check = table[lit]
            found |= proven
            for i in check:
                if i not in checked:
                    checked.add(i)
                    if twins[i][1].search(low):
                        found.add(twins[i][0])
    for hint in found & _FALSE_FRIEND_TWINS.keys():
        if _FALSE_FRIEND_TWINS[hint].search(low):
            found.discard(hint)
    return _story_wins(found)


def _story_wins(found: set[str]) -> frozenset[str]:
    """``found`` without its weak boilerplate hints when the same token also names the story."""
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


#: Class word of a comment its blog engine marks as the post author's (WordPress "bypostauthor").
POST_AUTHOR_CLASS = "bypostauthor"


#: Per tag, what the walk needs to know of it, in one lookup: (skipped, starts a block, hint of the tag
#: itself or None, page-wide tag whose classes add no hints). Unknown tags get _PLAIN_TAG.
_PLAIN_TAG: tuple[bool, bool, str | None, bool] = (False, False, None, False)
#: Comments and processing instructions: skipped.
_NOT_AN_ELEMENT: tuple[bool, bool, str | None, bool] = (True, False, None, False)
_TAG_INFO: dict[str, tuple[bool, bool, str | None, bool]] = {
    tag: (tag in _SKIP_TAGS, tag in _BLOCK_TAGS, P.TAG_HINTS.get(tag), tag in _PAGE_TAGS)
    for tag in _SKIP_TAGS | _BLOCK_TAGS | P.TAG_HINTS.keys() | _PAGE_TAGS
}
#: The MARKED_HINTS among a hint set, memoised per set (the walk asks it of every hinted element).
_MARKED_OF: dict[frozenset[str], tuple[str, ...]] = {}


def _marked(own: frozenset[str]) -> tuple[str, ...]:
    found = _MARKED_OF.get(own)
    if found is None:
        found = _MARKED_OF[own] = tuple(sorted(own & MARKED_HINTS))
    return found


def html_blocks(
    root: Any,
    marks: list[Mark] | None = None,
    attr_els: list[tuple[Any, bool]] | None = None,
    late: list[Any] | None = None,
) -> list[Block]:
    """Walk the lxml tree once, iteratively, and cut its visible text into blocks.

    When ``marks`` is given, elements whose own hints are in MARKED_HINTS are appended to it. When
    ``attr_els`` is given, it receives, in document order, (element, False) for each visited element
    with an ``itemprop`` or ``rel`` attribute or POST_AUTHOR_CLASS in its class, and (element, True)
    for each element with children whose subtree the walk skipped (see ``attr_elements``), so field
    code need not scan the whole tree again for them. ``late`` receives the skipped ``<template>`` and
    hidden elements (streamed page parts are delivered as such).
    """
    blocks: list[Block] = []
    if root is None:
        return blocks
    found = attr_els if attr_els is not None else []
    skipped = late if late is not None else []
    want_marks = marks is not None
    post_author = POST_AUTHOR_CLASS
    # The hot loop of a parse: every element passes here, so the attribute reads, the hidden test and
    # the hint lookup are inlined (one ``items()`` call per element instead of eight ``get()`` calls),
    # and what a tag means is one dict lookup (_TAG_INFO).
    # per open element: the element, its tag, its inherited hints, whether it owns a block
    stack: list[tuple[Any, str, frozenset[str], bool]] = []
    block_stack: list[tuple[Any, str, frozenset[str]]] = []  # the open block-level elements
    pieces: list[str] = []
    link_chars = 0
    a_depth = 0
    tag_info = _TAG_INFO.get
    plain = _PLAIN_TAG
    hint_cache = _HINT_CACHE.get
    hidden_style = _HIDDEN_STYLE.search
    aria_visible = _ARIA_VISIBLE_TAGS
    hint_attrs = _HINT_ATTRS
    no_hints = _NO_HINTS
    parent_hints = no_hints  # the inherited hints of the innermost open element

    def flush() -> None:
        nonlocal pieces, link_chars
        text = " ".join("".join(pieces).split())
        lc = link_chars
        pieces = []
        link_chars = 0
        if not text:
            return
        if block_stack:
            owner, owner_tag, hints = block_stack[-1]
        else:
            owner, owner_tag, hints = None, "", no_hints
        # positional: index, text, kind, el, tag, level, link_chars, hints
        blocks.append(
            Block(
                len(blocks),
                text,
                _kind_for(owner_tag, hints),
                owner,
                owner_tag,
                _HEADING_TAGS.get(owner_tag),
                min(lc, len(text)),
                hints,
            )
        )

    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    skip_subtree = walker.skip_subtree
    for event, el in walker:
        if event == "start":
            raw_tag = tag = el.tag
            if tag.__class__ is not str:
                tag = ""
                info = _NOT_AN_ELEMENT
            else:
                if "}" in tag:
                    tag = tag.rsplit("}", 1)[1].lower()
                info = tag_info(tag, plain)
            # hidden (the subtree is skipped) and the joined class/id/role/itemprop/itemtype text
            items = el.items() if tag else None
            hidden = False
            attrs_text = ""
            if not items:
                pass
            elif len(items) == 1:  # the common case (a class alone): no dict
                name, value = items[0]
                if name in hint_attrs:
                    attrs_text = value
                    if name == "itemprop" or (name == "class" and post_author in value):
                        found.append((el, False))
                elif name == "rel":
                    found.append((el, False))
                elif name == "hidden":
                    hidden = True
                elif name == "style":
                    hidden = bool(value and hidden_style(value))
                elif name == "aria-hidden":
                    hidden = value == "true" and raw_tag not in aria_visible
            else:
                attrs = dict(items)
                get = attrs.get
                style = get("style")
                hidden = (
                    "hidden" in attrs
                    or (get("aria-hidden") == "true" and raw_tag not in aria_visible)
                    or bool(style and hidden_style(style))
                )
                cls = get("class")
                id_ = get("id")
                role = get("role")
                itemprop = get("itemprop")
                itemtype = get("itemtype")
                if itemprop is not None or "rel" in attrs or (cls and post_author in cls):
                    found.append((el, False))
                if id_ or role or itemprop or itemtype:
                    attrs_text = " ".join(filter(None, (cls, id_, role, itemprop, itemtype)))
                else:
                    attrs_text = cls or ""
            if (info[0] or hidden) and not (
                tag and len(el) and _misplaced_story(el, tag, hidden, stack[-1][1] if stack else "")
            ):
                skip_subtree()
                if tag and len(el):
                    found.append((el, True))
                if hidden or tag == "template":
                    skipped.append(el)
                # the tail of a skipped element still belongs to its parent
                text = el.tail
                if text and (pieces or a_depth or not text.isspace()):
                    pieces.append(text)
                    if a_depth:
                        link_chars += len(text)
                continue
            is_block = info[1]
            if pieces and (is_block or tag == "br"):
                flush()
            # <body>/<html> classes describe the whole page (template names), not a region
            if (not attrs_text and info[2] is None) or info[3]:
                hints = parent_hints
            else:
                own = hint_cache((tag, attrs_text))
                if own is None:
                    own = _hints_for(tag, attrs_text)
                if own:
                    hints = parent_hints | own
                    if want_marks:
                        for h in _marked(own):
                            marks.append(Mark(hint=h, el=el, block_index=len(blocks), hints=hints))  # type: ignore[union-attr]
                else:
                    hints = parent_hints
            stack.append((el, tag, hints, is_block))
            parent_hints = hints
            if is_block:
                block_stack.append((el, tag, hints))
            elif tag == "a":
                a_depth += 1
            elif tag == "time" and want_marks:
                marks.append(Mark(hint="time", el=el, block_index=len(blocks), hints=hints))  # type: ignore[union-attr]
            text = el.text
            # leading white space outside links is dropped: the block text is collapsed and stripped
            if text and (pieces or a_depth or not text.isspace()):
                pieces.append(text)
                if a_depth:
                    link_chars += len(text)
        else:  # end
            if not stack or stack[-1][0] is not el:
                continue
            _el, _tag, _hints, is_block = stack.pop()
            parent_hints = stack[-1][2] if stack else no_hints
            if is_block:
                if pieces:
                    flush()
                block_stack.pop()
            elif _tag == "a":
                a_depth -= 1
            text = el.tail
            if text and (pieces or a_depth or not text.isspace()):
                pieces.append(text)
                if a_depth:
                    link_chars += len(text)
    if pieces:
        flush()
    return blocks


#: The elements ``attr_elements`` keeps.
_ATTR_XPATH = lxml.etree.XPath(
    f"descendant::*[@itemprop or @rel or contains(@class, '{POST_AUTHOR_CLASS}')]"
)


def attr_elements(attr_els: list[tuple[Any, bool]]) -> list[Any]:
    """Every element of the tree with an ``itemprop`` or ``rel`` attribute or POST_AUTHOR_CLASS in its
    class, in document order, from ``html_blocks``' ``attr_els`` (the skipped subtrees searched now)."""
    out: list[Any] = []
    for el, subtree in attr_els:
        if subtree:
            out.extend(_ATTR_XPATH(el))
        else:
            out.append(el)
    return out


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
