"""Reader comments of an HTML page, found by structure.

1. Regions: the page blocks that carry the "comment" hint are traced up to the outermost element whose
   class / id / itemtype speaks of comments (below the article container, outside forms and sidebar
   widgets). One bounded climb per block, memoised.
2. Items: inside a region, every element on a block's path gets a signature (tag + class tokens without
   the per-comment variable parts: ids, depth-N, odd/even, byuser, ...). The signature whose elements
   each carry exactly one meta line (a date, or failing that an author element) and some text wins:
   that is the run of similar blocks each carrying an author, a date and text. When those elements
   carry only the meta line (Movable Type ``p.posted``, Blogger ``dd.comment-footer``), the text
   between them is the comment ("pair mode").
3. Fields: the author from an author-vocabulary element or a header line ("X says:", "Posted by X at
   DATE"), the date from ``time[datetime]`` or the meta line, the text from the remaining blocks (one
   line per paragraph), depth from nesting of the items, ``id`` / ``parent_id`` from their ids.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from typing import Any

import attrs

from .. import _recognize as R
from .._blocks import Block as PageBlock
from .._blocks import collapse
from .._model import Comment
from .._page import Page
from .._parsing import parse_date
from ._text import Caseless, memo_short
from .analysis import analyze

__all__ = ["comments", "comment_regions"]

#: Class / id / itemtype words of a comment section (WordPress, Disqus, Livefyre, Blogger, Drupal, schema.org).
COMMENT_REGION = Caseless(
    r"comment|disqus|livefyre|fyre-|discussion|responses|reactions|reply-?list|replies|kommentar|commentaire|"
    r"comentario|reacties|leserbrief|schema\.org/(?:user)?comments?\b"
)
#: Containers that look like comments but are not this article's thread: widgets, counters, the form.
NOT_REGION = Caseless(
    r"recent[-_]?comments\b|recentcomments|latest[-_]?comments\b|(?:most|top)[-_]?(?:commented|discussed|comments)|comments?[-_]?widget|"
    r"comments?[-_]?(?:count|link|number|num|badge|bubble|icon|rss|feed|closed|policy|rules|guidelines)\b|"
    r"comment[-_]?respond|comment[-_]?form|commentform|reply[-_]?form|\brespond\b|add[-_]?comment|"
    r"\bsidebar\b|\bside-bar\b|\brail\b|teaser|related|popular"
)
#: Tags whose content is never a comment (the comment form and its fields).
NOT_REGION_TAGS = frozenset({"form", "nav", "select", "textarea", "button"})
#: Per-comment widgets whose text is not the comment: reply / vote / rating / share / plugin signatures.
COMMENT_WIDGET = Caseless(
    r"^(?:comment-?|c-|js-)?(?:reply(?:-?link|-?button|-?container)?|vote|votes|voting|rating|ratings|rate-?this|cluv|commentluv|"
    r"share|sharing|like|likes|like-?button|report|report-?abuse|flag|karma|thumbs?|permalink|edit-?link|actions|tools|"
    r"links|footer-?links|avatar|badge|awaiting-?moderation|moderation|hidden)$|cluv"
)
#: Thread controls named anywhere in a class token ("ugccmt-sort-list", "comments_ordering", "lf-pager").
THREAD_CONTROL = Caseless(r"sort|filter|fltr|ordering|pager|paging|pagination|tabs?(?=$|[-_\s])")
#: Class tokens (whole tokens) of the element that shows the comment author.
AUTHOR_TOKEN = re.compile(
    r"^(?:[a-z]{1,5}[-_])?(?:fn|author-?user|author|comment-?author|comment_author|commentauthor|comment-?author-?name|commenter|commenter-?name|"
    r"username|user-?name|nick(?:name)?|postedname|poster|posted-?by|c_author|comment-?name|author-?name|"
    r"name|user|comment-?user|comment-?poster|byline|comment-?byline|author-?link|comment-?author-?link|"
    r"post-?author|reviewer|autor|auteur)$",
    re.I,
)
#: How many elements of a comment are looked through for its ``<time datetime>``.
MAX_TIME_SCAN = 200
#: A per-comment widget (reply link, vote buttons, share bar) holds little text.
MAX_WIDGET_CHARS = 150
#: An author element holds a name (and perhaps "says:" or a date), not a comment.
MAX_AUTHOR_EL_CHARS = 120
#: Run-together author classes: "commentauthorauthor", "sidecommentauthor", "comment_username", "lf_comment_user_nick".
_AUTHOR_PART = re.compile(r"author|commenter|username|user-name|nickname|user[-_]nick\b", re.I)
#: ... but not WordPress per-user classes, avatars, author boxes or author-only wrappers of a whole comment.
_NOT_AUTHOR_PART = re.compile(r"^comment-author-|^bypostauthor$|avatar|box|bio|wrap|container|area|list|url|email|-by-|authored", re.I)
#: The per-comment number at the end of an id ("dsq-author-user-31345").
_ID_NUMBER = re.compile(r"[-_]?\d+$")
#: Class tokens that vary per comment and must not split a run of similar items.
_VARIABLE_TOKEN = re.compile(
    r"\d|^(?:odd|even|alt|(?:thread|comment|item|row)[-_]?(?:odd|even|alt)|(?:comment-?)?(?:has|no|with)-?avatar|byuser|bypostauthor|parent|child|children|has-?children|first|last|"
    r"highlighted|featured|new|sticky|depth|reply|is-?reply|staff|admin|moderator|author|owner|selected|open|closed|"
    r"collapsed|expanded|active|clearfix|cf|group)$|^(?:comment-author-|user-|role-|author-|comment-by-|by-)",
    re.I,
)
#: A "depth-N" / "level-N" class gives the thread depth directly (WordPress counts from 1).
_DEPTH_CLASS = re.compile(r"(?:^|\s)(?:depth|level|thread-?level|indent)[-_]?(\d{1,2})\b", re.I)
#: An id that names one comment: "comment-123", "li-comment-123", "c123456", "post-987".
_COMMENT_ID = re.compile(r"^(?:li-|div-)?(?:comment|comments|c|cmt|post|reply|dsq-comment|r)[-_]?\d+$", re.I)
#: Items whose element class marks a pingback / trackback entry.
_PINGBACK_CLASS = re.compile(r"pingback|trackback", re.I)
#: Runs with at least this share of the longest run's items compete on text held (a header-only run loses).
NEAR_COUNT_SHARE = 0.85
#: Meta-only runs (text between them) lose to runs that hold their own text unless clearly more numerous.
PAIR_MODE_WEIGHT = 0.7
#: A comment section found only by its header lines needs at least this many of them.
MIN_HEADER_RUN = 2
#: In footer-style pair mode, the first comment reaches back at most this many blocks.
MAX_FIRST_SPAN = 8
#: Sibling comment elements are looked for this many levels up (each may sit in its own wrapper).
MERGE_LEVELS = 2
#: A region merged with its siblings is one comment (a few blocks), and the next follows within a few blocks.
MAX_MERGED_REGION_BLOCKS = 30
MAX_MERGE_GAP = 6
#: After the last of several sibling comment elements, a few blocks may still belong to it (its footer line).
MERGE_TRAILING_BLOCKS = 3
#: Comments before the article are a teaser's only when the article container found is a real story.
MIN_MAIN_BLOCKS = 5
MIN_MAIN_CHARS = 1000
#: Paragraphs of a comment are joined with a blank line, as in the plain-text mode.
PARAGRAPH_BREAK = "\n\n"
#: Bounded climbs: a block is at most this many elements below its comment region.
MAX_CLIMB = 40
#: A meta line (author / date header) is short.
MAX_META_CHARS = 160
#: Regions and items are capped so a huge thread cannot make a page slow.
MAX_REGION_BLOCKS = 6000
MAX_COMMENTS = 2000


def _attr_text(el: Any) -> str:
    if not el.keys():  # most elements have no attribute: one call instead of four
        return ""
    return " ".join(
        v for v in (el.get("class"), el.get("id"), el.get("itemtype"), el.get("itemprop")) if v
    )


def _attr_parts(el: Any) -> tuple[str, ...]:
    """The non-empty values that ``_attr_text`` joins."""
    if not el.keys():
        return ()
    return tuple(v for v in (el.get("class"), el.get("id"), el.get("itemtype"), el.get("itemprop")) if v)


def _tag(el: Any) -> str:
    t = el.tag
    return t.lower() if isinstance(t, str) else ""


# Attribute strings (class / id) repeat on every comment of a thread: the vocabulary tests below are
# memoised on the string (memo_short), so each distinct one is searched once.


@memo_short
def _not_region_words(attrs_text: str) -> bool:
    return NOT_REGION.found(attrs_text)


@memo_short
def _comment_region_words(attrs_text: str) -> bool:
    return COMMENT_REGION.found(attrs_text)


def comment_regions(page: Page) -> dict[Any, list[tuple[PageBlock, list[Any]]]]:
    """Comment regions of the page: region element -> its blocks with their paths (block.el up to the region)."""
    blocks = page.blocks
    if page.tree is None:
        return {}
    extra = _foreign_comment_elements(page) if not any("comment" in b.hints for b in blocks) else set()
    stop: set[Any] = set()
    container = analyze(page).container
    if container is not None and not _comment_region_words(_attr_text(container)):
        el = container
        n = 0
        while el is not None and n < 400:
            stop.add(el)
            el = el.getparent()
            n += 1
    # memo: element -> (its region or None, whether it is excluded, path from it up to the region exclusive)
    memo: dict[Any, tuple[Any, bool, tuple[Any, ...]]] = {}
    hidden_memo: dict[Any, int] = {}
    regions: dict[Any, list[tuple[PageBlock, list[Any]]]] = {}
    count = 0
    for b in blocks:
        if b.el is None:
            continue
        if "comment" not in b.hints and not (extra and _under(b.el, extra)):
            continue
        if "hidden" in b.hints and not _collapsed_comment(b.el, hidden_memo):
            continue
        res = _climb(b.el, stop, memo)
        if res is None:
            continue
        region, path = res
        regions.setdefault(region, []).append((b, list(path)))
        count += 1
        if count >= MAX_REGION_BLOCKS:
            break
    return _merge_sibling_regions(regions, blocks)


def _is_trailing_header(text: str) -> bool:
    """A footer line after the last comment element: "Posted by: Jane | January 14, 2008 06:24 PM"."""
    if len(text) > MAX_META_CHARS:
        return False
    header = R.parse_comment_header(text)
    return header is not None and bool(header[0])


def _merge_sibling_regions(
    regions: dict[Any, list[tuple[PageBlock, list[Any]]]], blocks: list[PageBlock]
) -> dict[Any, list[tuple[PageBlock, list[Any]]]]:
    """Comments that are each their own region (div.commentText, div.commentText, ...) are one region: their parent.

    The merged region takes every block under the parent from its first comment to just after its last,
    so "Posted by" lines printed between the comment elements are read too.
    """
    by_parent: dict[Any, list[Any]] = {}
    for level in range(1, MERGE_LEVELS + 1):
        by_parent = {}
        for region in regions:
            parent = region
            for _ in range(level):
                parent = parent.getparent() if parent is not None else None
            if parent is not None and _tag(parent) not in ("body", "html"):
                by_parent.setdefault(parent, []).append(region)
        if any(len(g) >= 2 for g in by_parent.values()):
            break
    for parent, group in by_parent.items():
        sigs: dict[tuple[str, str], int] = {}
        for r in group:
            sigs[_signature(r)] = sigs.get(_signature(r), 0) + 1
        top_sig, top_n = max(sigs.items(), key=lambda kv: kv[1])
        if top_n < 2 or not top_sig[1]:
            continue  # a bare <td> or <div> repeated is layout, not a list of comments
        # only a run of small, close siblings of one kind is a list of comments
        group = sorted((r for r in group if _signature(r) == top_sig), key=lambda r: regions[r][0][0].index)
        if any(len(regions[r]) > MAX_MERGED_REGION_BLOCKS for r in group):
            continue
        if any(
            regions[b][0][0].index - regions[a][-1][0].index > MAX_MERGE_GAP for a, b in zip(group, group[1:])
        ):
            continue
        first = regions[group[0]][0][0].index
        last = regions[group[-1]][-1][0].index
        merged: list[tuple[PageBlock, list[Any]]] = []
        for b in blocks[first : min(len(blocks), last + 1 + MERGE_TRAILING_BLOCKS)]:
            if b.el is None or "hidden" in b.hints:
                continue
            path = _path_to(b.el, parent)
            if path is not None:
                if b.index > last and not _is_trailing_header(b.text):
                    break
                merged.append((b, path))
        for r in group:
            del regions[r]
        regions[parent] = merged
    return regions


#: Comment-section class words in other languages, which the page blocks' hints do not know; looked for
#: only on pages where no block carries the "comment" hint, and only above blocks after the article start.
FOREIGN_COMMENT = Caseless(r"ommentar|ommentaire|omentario|omment[io]\b|eacties?\b|eserbrief|eserkommentar")
#: How far up from a block a foreign-language comment container is looked for.
FOREIGN_CLIMB = 8


def _foreign_comment_elements(page: Page) -> set[Any]:
    """Elements whose class / id names a comment section in another language (bounded climbs, memoised)."""
    lang = (page.metadata.lang or "").lower()
    if lang.startswith("en"):
        return set()
    main = analyze(page).main
    start = main[0].index if main else 0
    found: set[Any] = set()
    seen: set[Any] = set()
    for b in page.blocks[start:]:
        el = b.el
        n = 0
        while el is not None and n < FOREIGN_CLIMB and el not in seen:
            seen.add(el)
            if el.keys():  # most elements have no attribute to look at
                text = " ".join(v for v in (el.get("class"), el.get("id")) if v)
                if text and _foreign_words(text):
                    found.add(el)
            el = el.getparent()
            n += 1
    return found


@memo_short
def _foreign_words(attrs_text: str) -> bool:
    return FOREIGN_COMMENT.found(attrs_text)


#: Class / id words that hide text from readers (screen-reader-only text, hidden elements).
HIDDEN_CLASS = Caseless(r"sr-only|screen-?reader|visually-?hidden|\bhidden\b|offscreen")


def _collapsed_comment(el: Any, memo: dict[Any, int]) -> bool:
    """Whether the only "hidden" class above ``el`` is a collapsed comment's state (``li.comment.hidden``).

    ``memo`` maps an element to what its own class / id say (see ``_hidden_kind``): the blocks of a
    collapsed thread share their ancestors, so each is looked at once per page.
    """
    n = 0
    found = False
    while el is not None and n < MAX_CLIMB:
        kind = memo.get(el)
        if kind is None:
            kind = memo[el] = _hidden_kind(el)
        if kind == _HIDDEN_OTHER:
            return False
        if kind == _HIDDEN_COMMENT:
            found = True
        el = el.getparent()
        n += 1
    return found


#: What an element's class / id say about hiding: nothing, a collapsed comment ("comment hidden"), or hidden text.
_NOT_HIDDEN, _HIDDEN_COMMENT, _HIDDEN_OTHER = 0, 1, 2


def _hidden_kind(el: Any) -> int:
    attrs_text = " ".join(v for v in (el.get("class"), el.get("id")) if v)
    if attrs_text and _hidden_words(attrs_text):
        return _HIDDEN_COMMENT if _comment_region_words(attrs_text) else _HIDDEN_OTHER
    return _NOT_HIDDEN


@memo_short
def _hidden_words(attrs_text: str) -> bool:
    return HIDDEN_CLASS.found(attrs_text)


def _under(el: Any, elements: set[Any]) -> bool:
    n = 0
    while el is not None and n < MAX_CLIMB:
        if el in elements:
            return True
        el = el.getparent()
        n += 1
    return False


def _climb(
    start: Any, stop: set[Any], memo: dict[Any, tuple[Any, bool, tuple[Any, ...]]]
) -> tuple[Any, tuple[Any, ...]] | None:
    """The outermost comment-vocabulary ancestor of ``start`` (inclusive) below ``stop``, and the path to it.

    ``memo`` maps an element to (its outermost comment ancestor-or-self or None, whether it or an ancestor
    below ``stop`` is excluded, the path from it up to that ancestor), so shared ancestors are looked at
    once per page and each path is the path of the nearest known ancestor extended.
    """
    chain: list[Any] = []
    el = start
    top: tuple[Any, bool, tuple[Any, ...]] = (None, False, ())
    n = 0
    while el is not None and n < MAX_CLIMB:
        known = memo.get(el)
        if known is not None:
            top = known
            break
        tag = _tag(el)
        if el in stop or tag in ("body", "html"):
            break
        chain.append(el)
        el = el.getparent()
        n += 1
    outer, bad, path = top
    for e in reversed(chain):
        # each attribute value is tested on its own (the patterns never span the space between two), so the
        # class names, which repeat on every comment, are memoised apart from the per-comment ids
        parts = _attr_parts(e)
        # a form around the whole page (ASP.NET) is no comment form: only forms inside a region count
        if (outer is not None and _tag(e) in NOT_REGION_TAGS) or (parts and any(map(_not_region_words, parts))):
            bad = True
        elif outer is None and parts and any(map(_comment_region_words, parts)):
            outer = e
        path = (e,) + path if outer is not None and outer is not e else ()
        memo[e] = (outer, bad, path)
    if outer is None or bad or len(path) > MAX_CLIMB:
        return None
    return outer, path


def _signature(el: Any) -> tuple[str, str]:
    tag = _tag(el)
    classes = _class_signature(el.get("class") or "")
    if classes:
        return tag, classes
    eid = el.get("id") or ""
    if eid and _COMMENT_ID.match(eid):
        return tag, "#" + re.sub(r"\d+", "N", eid.lower())
    itemtype = el.get("itemtype") or ""
    if itemtype:
        return tag, "@" + itemtype.rsplit("/", 1)[-1].lower()
    return tag, ""


@memo_short
def _class_signature(cls: str) -> str:
    """The class tokens of an item without its per-comment variable ones, sorted and joined."""
    return " ".join(sorted({t.lower() for t in cls.split() if not _VARIABLE_TOKEN.search(t)}))


@attrs.define(slots=True, eq=False)
class _Info:
    """What a region block is: a meta line (author / date), a widget line, or comment text."""

    block: PageBlock
    path: list[Any]
    date: str | None = None  # date text when the block is a meta line with a date
    author_el: bool = False  # the block is (inside) an author element
    header: tuple[str | None, str | None] | None = None
    noise: bool = False
    rest: str | None = None  # the comment text after an inline "author date" header on the same line
    quoted: bool = False  # a header line after prose in the same element (see _mark_quoted_headers)

    clock: bool = False  # a line with only the clock time of a date printed above it
    section: bool = False  # a comment-section heading or counter ("Comments", "12 Responses")

    @property
    def has_author(self) -> bool:
        return self.author_el or (self.header is not None and bool(self.header[0]))

    @property
    def is_meta(self) -> bool:
        return self.date is not None or self.author_el or self.header is not None or self.clock


def _classify(
    block: PageBlock, path: list[Any], widget_memo: dict[Any, bool], author_memo: dict[Any, bool]
) -> _Info:
    info = _Info(block=block, path=path)
    text = block.text
    if (
        R.is_comment_noise_line(text)
        or R.is_comment_form_line(text)
        or R.is_load_more_line(text)
        or (len(text) < 100 and R.is_comment_count_line(text))
        or (block.kind == "heading" and R.is_comment_section_heading(text))
        or R.is_reply_reference_line(text)
    ):
        info.noise = True
        info.section = block.kind == "heading" or R.is_comment_count_line(text)
        return info
    if len(text) < MAX_EXTRA_NOISE_CHARS and _extra_noise(text):
        info.noise = True
        info.section = _BRACKETED_COUNT.match(text) is not None
        return info
    for el in path:
        w = widget_memo.get(el)
        if w is None:
            widget, control = _widget_words(el.get("class") or "")
            eid = el.get("id")
            if eid and not (widget and control):  # tested apart: the class names repeat, the ids do not
                id_widget, id_control = _widget_words(eid)
                widget, control = widget or id_widget, control or id_control
            # a widget is small: "div.comment.comment-reply" holding a whole reply is no reply button
            w = (widget and not _is_author_el(el) and len(el.text_content()) <= MAX_WIDGET_CHARS) or (
                # sort tabs and pagers: their markup is often mostly indentation, so their text is collapsed
                control and len(collapse(el.text_content())) <= MAX_WIDGET_CHARS
            )
            widget_memo[el] = w
        if w:
            info.noise = True
            return info
    short = len(text) <= MAX_META_CHARS
    if len(text) <= 20 and R.is_clock_line(text):
        info.clock = True
        return info
    if short:
        for el in path[:3]:
            # li.comment-author may wrap a whole comment: an author element holds little text
            if _short_author_el(el, author_memo):
                # a box with the name and a rank title or fan count beside it: only the name's line is the author
                if _AUTHOR_BOX_EXTRA.fullmatch(text.strip(" ()[]")) or not _holds_name_line(el, text, path):
                    info.noise = True  # the box's rank title or fan count beside the name
                    return info
                info.author_el = True
                break
        else:
            info.author_el = _holds_author(block.el, text)
        header = R.parse_comment_header(text)
        if header is None and "." in text:
            header = _url_author_header(text)
        if header is not None and header[0] and header[1] and _long_tail(text, header[1]):
            header = None  # "Jane, Leeds 1/8/2008 4:46 PM We are still in every competition": a one-line comment
        if header is not None:
            info.header = header
            info.date = header[1]
        elif "date" in block.hints or "byline" in block.hints or info.author_el:
            d = R.find_date_text(text)
            if d is None and info.author_el:
                # Blogger prints <cite>Jane</cite><span>May 31, 2019</span> with no space: "JaneMay 31, 2019"
                name = _author_text(block.el)
                if name and text.startswith(name) and len(name) < len(text):
                    d = R.find_date_text(text[len(name) :])
            if d and len(d) >= len(text) * 0.3:
                info.date = d
    if not info.is_meta and len(text) > 20 and _DIGIT.search(text) is not None:  # an inline header has a date
        inline = R.split_inline_header(text)
        if inline is not None and inline[0]:
            info.header = (inline[0], inline[1])
            info.date = inline[1]
            info.rest = inline[2]
    return info


#: Any digit: a line without one holds no absolute date (the inline header test is skipped).
_DIGIT = re.compile(r"\d")


@memo_short
def _widget_words(attr_text: str) -> tuple[bool, bool]:
    """Whether class / id text names a per-comment widget (a whole token), and whether it names a thread control."""
    return any(COMMENT_WIDGET.found(t) for t in attr_text.split()), THREAD_CONTROL.found(attr_text)


#: A web address given as the commenter's name ("Posted by: www.example.com/jane | <date>").
_URL_NAME = re.compile(r"(?:https?://|www\.)[^\s|]+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/[^\s|]*", re.I)
#: What stands in for that address while the header is parsed (a plain handle).
_URL_STAND_IN = "Urlname"


def _url_author_header(text: str) -> tuple[str | None, str | None] | None:
    """The header of a comment whose author is a web address: parsed with a plain name in its place."""
    m = _URL_NAME.search(text)
    if m is None or _URL_NAME.search(text, m.end()) is not None:
        return None
    header = R.parse_comment_header(text[: m.start()] + _URL_STAND_IN + text[m.end() :])
    if header is None or header[0] != _URL_STAND_IN or not header[1]:
        return None
    return m.group(0).rstrip(".,;:"), header[1]


def _short_author_el(el: Any, memo: dict[Any, bool]) -> bool:
    """Whether ``el`` is an author element holding at most a name's worth of text, memoised per element
    (the blocks of a region share their ancestors)."""
    known = memo.get(el)
    if known is None:
        known = memo[el] = _is_author_el(el) and len(el.text_content()) <= MAX_AUTHOR_EL_CHARS
    return known


#: Lines looked at by the extra noise tests are short.
MAX_EXTRA_NOISE_CHARS = 100
#: A counter in brackets or after a bullet: "{ 8 comments… read them below or add one }".
_BRACKETED_COUNT = re.compile(r"^[\s{}\[\](),.<>|•·–—-]+(?=\d|no\b|one\b)", re.I)
#: The sign-in prompt of a comment form: "Log in or join now to add a comment."
_SIGN_IN_LINE = re.compile(
    r"^(?:please\s+)?(?:log\s?in|sign\s?in|sign\s?up|register)\b(?:\s+or\s+(?:join|register|sign\s?up)(?:\s+now)?)?"
    r"\s+(?:to|and)\s+(?:add|post|leave|write|comment|reply)\b.{0,40}$",
    re.I,
)
#: Arrows around a thread's paging link ("← Previous Comments", "Newer comments →").
_ARROWS = " \t←→↑↓«»‹›<>"
#: A commenter's "Follow @handle" button.
_FOLLOW_LINE = re.compile(r"^(?:\+\s*)?follow\s+@\w{1,40}$", re.I)


def _extra_noise(text: str) -> bool:
    """Widget lines the shared recognisers miss: a bracketed counter, a sign-in prompt, a follow button."""
    m = _BRACKETED_COUNT.match(text)
    if m and R.is_comment_count_line(text[m.end() :].rstrip(" {}[]()|")):
        return True
    bare = text.strip(_ARROWS)
    if bare != text and bare and R.is_load_more_line(bare):
        return True  # "← Previous Comments"
    return _SIGN_IN_LINE.match(text) is not None or _FOLLOW_LINE.match(text.strip()) is not None


#: More words than this after the date of a short line make it a one-line comment, not a header.
MAX_HEADER_TAIL_WORDS = 6


def _long_tail(text: str, date: str) -> bool:
    """Whether a sentence follows the date in ``text`` (the comment itself, printed after its header).

    Links and titles after a date ("Link To Comment | Reply", 're: "Story title"') are still the header.
    """
    i = text.find(date)
    if i < 0:
        return False
    tail = text[i + len(date) :].strip()
    return len(tail.split()) > MAX_HEADER_TAIL_WORDS and "|" not in tail and not _HEADER_TAIL_META.match(tail)


#: What follows a date in a header line without being a comment: a story reference, a quoted title, a link.
_HEADER_TAIL_META = re.compile(r"^(?:re\b|on\b|in\b|to\b|[\"“«'‘(\[])", re.I)


def _holds_author(el: Any, text: str) -> bool:
    """Whether an inline author element (``<cite>``, ``span.fn``) inside ``el`` carries most of ``text``."""
    n = 0
    for sub in el.iterdescendants():
        n += 1
        if n > 12:
            break
        if isinstance(sub.tag, str) and _is_author_el(sub):
            sub_text = collapse(sub.text_content())
            if not sub_text:
                return False
            if text.endswith((".", "?", "!", "…")) and sub_text[:AUTHOR_OVERLAP_CHARS] not in text:
                return False  # a short comment's sentence over its own footer ("Unless of what?" / "– Jane")
            if len(sub_text) >= 0.4 * len(text):
                return True
            # a short name and its date: "ALLIE NYC" + "May 31, 2019 at 10:25 PM"
            rest = text[len(sub_text) :].strip() if text.startswith(sub_text) else ""
            date = R.find_date_text(rest) if rest else None
            return date is not None and len(date) >= 0.5 * len(rest)
    return False


#: An inline author element is this block's own when the block shows (at least) the start of its text.
AUTHOR_OVERLAP_CHARS = 12


def _author_text(el: Any) -> str | None:
    """The text of the first author element in or at ``el`` (bounded), or None."""
    n = 0
    for sub in el.iter():
        n += 1
        if n > MAX_AUTHOR_LOOKUP:
            break
        if isinstance(sub.tag, str) and _is_author_el(sub):
            return collapse(_innermost_author_el(sub).text_content()) or None
    return None


def _innermost_author_el(el: Any) -> Any:
    """The author element nested in ``el`` when there is one: a theme's ``.comment-author`` box also
    holds the permalinked date and "said:", its ``<cite class="fn">`` only the name. Failing that, the
    one profile link of a box that also prints a count ("SUPER USER", name, "63 Fans")."""
    n = 0
    links: list[Any] = []
    for d in el.iterdescendants():
        n += 1
        if n > MAX_AUTHOR_LOOKUP:
            break
        if not isinstance(d.tag, str) or not d.text_content().strip():
            continue
        if _AUTHOR_BOX_EXTRA.match(collapse(d.text_content())):
            continue  # the commenter's fan count ("a.author_fans_count"), not the name
        if _is_author_el(d):
            return d
        if d.tag == "a":
            links.append(d)
    if len(links) == 1 and n <= MAX_AUTHOR_LOOKUP:
        name = collapse(links[0].text_content())
        rest = collapse(el.text_content()).replace(name, " ", 1)
        if R.looks_like_handle(name) and R.find_date_text(name) is None and _AUTHOR_BOX_EXTRA.search(rest):
            return links[0]
    return el


def _holds_name_line(author_el: Any, text: str, path: list[Any]) -> bool:
    """Whether a block (its ``text``, its ``path`` up) inside an author element shows the name: the element's
    innermost name element (a nested author element or its one profile link) holds the block or shares words
    with it ("SUPER USER" beside the name shares none)."""
    inner = _innermost_author_el(author_el)
    if inner is author_el or inner in path:
        return True
    name = collapse(inner.text_content())
    if not name or name in text or text in name:
        return bool(name)
    words = {w.lower() for w in text.split() if len(w) >= 3}
    return any(w.lower() in words for w in name.split() if len(w) >= 3)  # "Reply to this by Tim" / "by Tim from ..."


#: What an author box prints beside the name: a fan / follower / post / points count ("63 Fans", "44 pts").
_AUTHOR_BOX_EXTRA = re.compile(
    r"\d[\d.,]*\s*k?\s*(?:fans?|followers?|abonnenten|abonnés|seguidores|volgers|posts?|beiträge|points?|pts|punkte|karma)\b", re.I
)


#: How many elements of a header line are looked through for its author element.
MAX_AUTHOR_LOOKUP = 12


def _is_author_el(el: Any) -> bool:
    """Whether ``el`` shows a comment author (``<cite>``, class fn / author / commenter / username ...)."""
    tag = el.tag
    if tag == "cite":  # WordPress, Disqus static HTML and old themes print the commenter in <cite>
        return True
    if not el.keys():  # no attribute at all (most elements): one call instead of three
        return False
    cls = el.get("class")
    if cls and _author_class(cls):
        return True
    eid = el.get("id")
    if eid and "author" in eid.lower() and AUTHOR_TOKEN.match(_ID_NUMBER.sub("", eid)):
        return True
    prop = el.get("itemprop")
    return bool(prop and prop.lower() in ("author", "creator", "name"))


@memo_short
def _author_class(cls: str) -> bool:
    """Whether a class attribute has an author token."""
    return any(
        AUTHOR_TOKEN.match(t) or (_AUTHOR_PART.search(t) and not _NOT_AUTHOR_PART.search(t)) for t in cls.split()
    )


@attrs.define(slots=True, eq=False)
class _Item:
    member: Any
    infos: list[_Info]
    anchor: Any = None
    depth: int = 0
    parent: _Item | None = None
    own_wrapper: bool = False  # the only item in its parent element


def comments(page: Page) -> tuple[Comment, ...] | None:
    """Reader comments of an HTML page; ``()`` when the page has none."""
    if page.kind != "html" or page.tree is None:
        return None
    out = _collect(_after_article(page, comment_regions(page)))
    if not out:
        out = _collect(heading_regions(page))
    if not out:
        out = _collect(header_regions(page))
    return tuple(out)


def _after_article(
    page: Page, regions: dict[Any, list[tuple[PageBlock, list[Any]]]]
) -> dict[Any, list[tuple[PageBlock, list[Any]]]]:
    """Regions that end before the article starts are teasers (a carousel's comment preview), not its thread."""
    main = analyze(page).main
    if len(main) < MIN_MAIN_BLOCKS or sum(len(b.text) for b in main) < MIN_MAIN_CHARS:
        return regions  # no trustworthy article container to compare with
    start = main[0].index
    kept = {r: m for r, m in regions.items() if m and m[-1][0].index > start}
    # a Q&A page: the body found is one answer; the question's and the other answers' comment lists above it
    # are the same thread markup as those below it, not a teaser
    later = {_signature(r) for r in kept}
    return {r: m for r, m in regions.items() if m and (r in kept or (_signature(r)[1] and _signature(r) in later))}


def header_regions(page: Page) -> dict[Any, list[tuple[PageBlock, list[Any]]]]:
    """Comment sections without vocabulary or heading: a run of explicit headers ("Posted by: X at DATE")."""
    blocks = page.blocks
    main = analyze(page).main
    start = main[0].index + 1 if main else 0
    groups: dict[tuple[str, str], list[PageBlock]] = {}
    for b in _explicit_header_candidates(blocks, start):
        if not R.is_explicit_comment_header(b.text):
            continue
        groups.setdefault(_signature(b.el), []).append(b)
    if not groups:
        return {}
    run = max(groups.values(), key=len)
    lone = None
    if len(run) < MIN_HEADER_RUN:
        lone = _comment_id_follows(blocks, run[0]) if len(run) == 1 else None
        if lone is None:
            return {}
    last_el = run[-1].el if lone is None else lone
    first_chain = [run[0].el]
    el = run[0].el.getparent()
    while el is not None and len(first_chain) < MAX_CLIMB:
        first_chain.append(el)
        el = el.getparent()
    last_anc: set[Any] = set()
    el = last_el
    n = 0
    while el is not None and n < MAX_CLIMB:
        last_anc.add(el)
        el = el.getparent()
        n += 1
    region = next((e for e in first_chain[1:] if e in last_anc), None)
    if region is None or _tag(region) in ("html",):
        return {}
    members: list[tuple[PageBlock, list[Any]]] = []
    for b in blocks[start:]:
        if b.el is None:
            continue
        path = _path_to(b.el, region)
        if path is not None:
            if lone is not None and b is not run[0] and lone not in path:
                continue  # a one-comment thread: its header and the text of its id element only
            members.append((b, path))
    return {region: members}


#: An explicit comment header either opens with "Posted by" (or its kin, perhaps after a dash) or has a
#: "says:" / "wrote..." whose verb is followed by a colon or dots: a necessary test cheaper than the header parse.
_HEADER_OPENING = re.compile(r"\s*(?:[-—–]\s*)?(?:posted|submitted|comment|geschrieben|écrit|publicado|scritto)", re.I)


#: A per-comment id on the text after a lone header: the usual ones and the short "com0".
_LONE_COMMENT_ID = re.compile(r"^(?:li-|div-)?(?:comment|comments|c|cmt|com|reply|dsq-comment)[-_]?\d+$", re.I)
#: How many ancestors of the block after a lone header are looked at for a per-comment id.
LONE_HEADER_ID_LEVELS = 3


def _comment_id_follows(blocks: list[PageBlock], header: PageBlock) -> Any:
    """The element with a per-comment id ("com0") holding the text right after a lone explicit header, or None.

    One "Posted by: X on DATE" line could be the article's own byline; a comment id on the text it
    introduces says it is a one-comment thread.
    """
    if header.index + 1 >= len(blocks) or blocks[header.index + 1].index != header.index + 1:
        return None
    el = blocks[header.index + 1].el
    n = 0
    while el is not None and n < LONE_HEADER_ID_LEVELS:
        if _LONE_COMMENT_ID.match(el.get("id") or ""):
            return el
        el = el.getparent()
        n += 1
    return None


def _explicit_header_candidates(blocks: list[PageBlock], start: int) -> list[PageBlock]:
    """The short blocks from ``start`` on that may be explicit comment headers (see ``_HEADER_OPENING``)."""
    opening = _HEADER_OPENING.match
    return [
        b
        for b in blocks[start:]
        if b.el is not None
        and len(b.text) <= MAX_META_CHARS
        and (":" in b.text or "…" in b.text or ".." in b.text or opening(b.text) is not None)
    ]


def _collect(regions: dict[Any, list[tuple[PageBlock, list[Any]]]]) -> list[Comment]:
    out: list[Comment] = []
    widget_memo: dict[Any, bool] = {}
    author_memo: dict[Any, bool] = {}
    seen_text: dict[str, set[str | None]] = {}
    for region, members in regions.items():
        infos = [_classify(b, path, widget_memo, author_memo) for b, path in members]
        _mark_quoted_headers(infos)
        for c in _region_comments(region, infos):
            # the same comment found twice (two regions); two comments with their own ids may say the same
            key = c.text[:200]
            ids = seen_text.get(key)
            if ids is not None and (c.id is None or None in ids or c.id in ids):
                continue
            seen_text.setdefault(key, set()).add(c.id)
            out.append(c)
            if len(out) >= MAX_COMMENTS:
                return out
    return out


def _mark_quoted_headers(infos: list[_Info]) -> None:
    """Mark header lines that follow prose in the same element: perhaps a quotation's signature.

    "... by Kim on Aug 9, 2012" after a quoted paragraph, in the same ``<p>`` (split only by ``<br>``), closes
    a quotation of another comment, when the comment has a header of its own elsewhere; on pages that print
    every comment as one ``<p>`` (text, then "Posted by X on DATE"), it is the comment's own footer.
    """
    prose_els: set[int] = set()  # elements that already showed a paragraph of prose above this line
    prev: _Info | None = None
    for i in infos:
        key = id(i.block.el)
        if i.date is not None and i.rest is None and key in prose_els:
            i.quoted = True
        elif i.date is not None and i.rest is None and prev is not None and _ADDRESSEE.match(prev.block.text):
            i.quoted = True  # "@ Jane" / "8. April 2019 @ 11:38": the header of the comment answered, quoted
        elif not i.is_meta and not i.noise and len(i.block.text) > MAX_BARE_AUTHOR_CHARS:
            prose_els.add(key)
        prev = i


#: A reply's opening line naming the commenter it answers: "@ Jane Doe", "@jane:".
_ADDRESSEE = re.compile(r"^@\s?\S.{0,48}$")


def heading_regions(page: Page) -> dict[Any, list[tuple[PageBlock, list[Any]]]]:
    """Comment sections without comment vocabulary: what follows a "Comments" heading inside its parent."""
    regions: dict[Any, list[tuple[PageBlock, list[Any]]]] = {}
    blocks = page.blocks
    main = analyze(page).main
    main_end = main[-1].index if main else -1
    i = 0
    while i < len(blocks):
        b = blocks[i]
        i += 1
        if b.kind != "heading" or b.el is None or not R.is_comment_section_heading(b.text):
            continue
        region = b.el.getparent()
        if region is None or _tag(region) in ("body", "html") or region in regions:
            continue
        if b.index < main_end and _article_subheading(b.el):
            continue  # a "Comment" section of the story itself, among its other subheadings
        members: list[tuple[PageBlock, list[Any]]] = []
        while i < len(blocks) and len(members) < MAX_REGION_BLOCKS:
            nb = blocks[i]
            if nb.el is None:
                break
            path: list[Any] = []
            el = nb.el
            n = 0
            bad = False
            while el is not None and el is not region and n < MAX_CLIMB:
                path.append(el)
                attrs_text = _attr_text(el)
                if _tag(el) in NOT_REGION_TAGS or (attrs_text and _not_region_words(attrs_text)):
                    bad = True
                el = el.getparent()
                n += 1
            if el is not region:
                break
            i += 1
            if R.is_comment_form_line(nb.text) and not members:
                continue
            if not bad:
                members.append((nb, path))
        if members:
            regions[region] = members
    return regions


def _article_subheading(heading: Any) -> bool:
    """Whether a later sibling heading of the same tag names no comment section ("Comment", then "Briefing")."""
    tag = heading.tag
    n = 0
    for sib in heading.itersiblings():
        n += 1
        if n > MAX_SUBHEADING_SIBLINGS:
            break
        if sib.tag == tag:
            return not R.is_comment_section_heading(collapse(sib.text_content()))
    return False


#: How many later siblings of a comment-section heading are looked through for the next heading.
MAX_SUBHEADING_SIBLINGS = 60


def _region_comments(region: Any, infos: list[_Info]) -> list[Comment]:
    if not infos:
        return []
    # own blocks of each element: a block belongs to the nearest element of each signature on its path
    own: dict[Any, list[int]] = {}
    sig_of: dict[Any, tuple[str, str]] = {}
    order: dict[Any, int] = {}
    depth_of: dict[Any, int] = {}
    for i, info in enumerate(infos):
        seen: set[tuple[str, str]] = set()
        n = len(info.path)
        for j, el in enumerate(info.path):
            sig = sig_of.get(el)
            if sig is None:
                sig = _signature(el)
                sig_of[el] = sig
                order[el] = i
                depth_of[el] = n - j
            if sig in seen:
                continue
            seen.add(sig)
            own.setdefault(el, []).append(i)
    # score signatures
    stats: dict[tuple[str, str], list[Any]] = {}
    for el, idxs in own.items():
        stats.setdefault(sig_of[el], []).append(el)
    cands: list[tuple[float, int, int, int, float, list[Any], bool]] = []
    # what each block is, looked up once here rather than once per element above it
    lens = [_text_len(info) for info in infos]
    inline = [info.rest is not None for info in infos]
    texty = [n > MAX_BARE_AUTHOR_CHARS and not ih for n, ih in zip(lens, inline)]
    dated_line = [info.date is not None and not ih for info, ih in zip(infos, inline)]
    for sig, els in stats.items():
        full: list[Any] = []
        meta_only: list[Any] = []
        text_len = 0
        for el in els:
            idxs = own[el]
            if len(idxs) == 1:  # most elements hold one block: the tests below, for that one block
                i = idxs[0]
                if not (dated_line[i] or inline[i] or infos[i].has_author):
                    continue  # neither its one date nor its one author
                if lens[i] > 0:
                    full.append(el)
                    text_len += lens[i]
                else:
                    meta_only.append(el)
                continue
            text_at = [i for i in idxs if texty[i]]
            lo, hi = (text_at[0], text_at[-1]) if text_at else (len(infos), -1)
            # a date line between the comment's paragraphs is quoted text, not its header or footer
            dated_idx = [i for i in idxs if dated_line[i] and not lo < i < hi]
            own_dated = [i for i in dated_idx if not infos[i].quoted]
            dates = len(own_dated) if own_dated else len(dated_idx)
            if dates == 0:  # one-line comments ("Jane, Leeds 1/8/2008 Great game!") carry their date inline
                dates = sum([inline[i] for i in idxs])  # (bools summed: a list sums faster than a generator)
            if dates != 1 and not (dates == 0 and sum(1 for i in idxs if infos[i].has_author) == 1):
                continue
            tl = sum([lens[i] for i in idxs])
            if tl > 0:
                full.append(el)
                text_len += tl
            else:
                meta_only.append(el)
        for members, is_full in ((full, True), (meta_only, False)):
            if not members:
                continue
            dated = sum(1 for el in members if any(infos[i].date is not None for i in own[el]))
            vocab = 1 if any(_comment_region_words(_attr_text(el)) or _COMMENT_ID.match(el.get("id") or "") for el in members[:3]) else 0
            avg_depth = sum(depth_of[el] for el in members) / len(members)
            count = (len(members) + (0.5 if dated == len(members) else 0.0)) * (1.0 if is_full else PAIR_MODE_WEIGHT)
            cands.append((count, 1 if is_full else 0, text_len, vocab, -avg_depth, members, is_full))
    if not cands:
        named = _name_line_members(infos, stats, own, lens)
        if named is None:
            return []
        cands = [(float(len(named[0])), 1 if named[1] else 0, 0, 0, 0.0, named[0], named[1])]
    # a run of header blocks (author + date, little text) loses to the run of whole comments around it
    max_text = max(c[2] for c in cands if c[0] >= 2) if any(c[0] >= 2 for c in cands) else 0
    if max_text:
        cands = [(c[0] * (0.5 + 0.5 * min(1.0, c[2] / max_text)) if c[1] else c[0],) + c[1:] for c in cands]
    top = max(c[0] for c in cands)
    # runs nearly as long as the longest compete on how much of the comments' text they hold
    near = [c for c in cands if c[0] >= NEAR_COUNT_SHARE * top]
    best = max(near, key=lambda c: (c[1], c[2], c[3], c[4], c[0]))
    best_members, best_full = best[5], best[6]
    if len(best_members) == 1:
        best_members = [_innermost_single(best_members[0], best_full, cands, own, infos, depth_of)]
    best_members.sort(key=lambda el: order[el])
    if best_full:
        items = _full_items(best_members, own, infos)
    else:
        items = _pair_items(best_members, own, infos)
    _thread(items, region)
    out: list[Comment] = []
    ids: dict[int, str | None] = {}
    parents: dict[Any, int] = {}
    # a thread without <time> elements (most): no comment's subtree is searched for one
    has_time = next(region.iter("time"), None) is not None
    for item in items:
        par = item.member.getparent()
        parents[par] = parents.get(par, 0) + 1
    for item in items:
        # an item alone in its wrapper (div.comment > div.top + div.body): its header may sit just before it
        item.own_wrapper = parents.get(item.member.getparent(), 0) == 1
        c = _to_comment(item, ids, has_time)
        if c is not None:
            out.append(c)
    return out


def _innermost_single(
    member: Any,
    full: bool,
    cands: list[tuple[float, int, int, int, float, list[Any], bool]],
    own: dict[Any, list[int]],
    infos: list[_Info],
    depth_of: dict[Any, int],
) -> Any:
    """A lone comment: the innermost candidate element inside ``member`` that still holds all it says.

    With one comment every wrapper up to the thread's box holds one author and one date; the outer ones
    add only the box's short lines (sign-in links, sort tabs, "Powered by" notes): an inner one may leave
    out only such lines, never a meta line or a sentence.
    """
    best, best_depth = member, depth_of.get(member, 0)
    outer = own[member]
    for c in cands:
        if c[6] != full or len(c[5]) != 1:
            continue
        el = c[5][0]
        d = depth_of.get(el, 0)
        if el is member or d <= best_depth:
            continue
        inner = set(own[el])
        if any(i not in inner and not _box_line(infos[i]) for i in outer):
            continue
        anc = el.getparent()
        n = 0
        while anc is not None and anc is not member and n < MAX_CLIMB:
            anc = anc.getparent()
            n += 1
        if anc is member:
            best, best_depth = el, d
    return best


#: An undated thread without author markup needs at least this many comments, each opened or closed by a name line.
MIN_NAME_LINES = 3
#: A name line ("Jane Doe", "Jane, Leeds, UK", "jdoe42") is short and has few words.
MAX_NAME_LINE_CHARS = 60
MAX_NAME_LINE_WORDS = 8
#: ... and most of the comments between its name lines are prose (a few may be one short line).
NAME_GAP_PROSE_SHARE = 0.5


def _is_name_line(info: _Info) -> bool:
    """A short line that can only be a commenter's name (perhaps with a place): no sentence, no date, no widget."""
    if info.noise or info.is_meta or info.block.kind == "heading":
        return False
    t = info.block.text.strip()
    return (
        0 < len(t) <= MAX_NAME_LINE_CHARS
        and len(t.split()) <= MAX_NAME_LINE_WORDS
        and (t[0].isalnum() or t[0] == "@")
        and not t.endswith((".", "!", "?", ":", ";", "…", '"', "”", "»"))
        and any(ch.isalpha() for ch in t)
        and R.looks_like_handle(t)
        and R.find_date_text(t) is None
    )


def _name_line_members(
    infos: list[_Info], stats: dict[tuple[str, str], list[Any]], own: dict[Any, list[int]], lens: list[int]
) -> tuple[list[Any], bool] | None:
    """An undated thread with no author markup: a run of name lines, each with its comment.

    Either elements of one kind each open with a name line and hold text after it (``li > b + p``: whole
    items), or the name lines are elements of their own (same tag and class, only ever holding a name)
    with the comments printed between them (``p.name`` after each ``p.text``: pair mode). The name lines
    are the only evidence, so both need a run of several, each with prose of its own.
    """
    best: tuple[list[Any], bool] | None = None
    for els in stats.values():  # whole items
        if len(els) < MIN_NAME_LINES or (best is not None and len(els) <= len(best[0])):
            continue
        for el in els:
            idxs = [i for i in own[el] if not infos[i].noise]
            if len(idxs) < 2 or not _is_name_line(infos[idxs[0]]):
                break
            if not any(lens[i] > MAX_BARE_AUTHOR_CHARS for i in idxs[1:]):
                break
        else:
            best = (els, True)
    if best is None:  # pair mode: name-line elements between the comments
        kinds: dict[tuple[str, str], list[int]] = {}
        for i, info in enumerate(infos):
            el = info.block.el
            if not info.noise:
                kinds.setdefault((_tag(el), el.get("class") or ""), []).append(i)
        for key, idxs in kinds.items():
            if len(idxs) < MIN_NAME_LINES or not key[1] or (best is not None and len(idxs) <= len(best[0])):
                continue
            if not all(_is_name_line(infos[i]) for i in idxs):
                continue
            gaps = list(zip(idxs, idxs[1:]))
            if any(not any(lens[k] for k in range(a + 1, b)) for a, b in gaps):
                continue  # two name lines with no comment between them
            if sum(1 for a, b in gaps if any(lens[k] > MAX_BARE_AUTHOR_CHARS for k in range(a + 1, b))) < NAME_GAP_PROSE_SHARE * len(gaps):
                continue
            els = [infos[i].block.el for i in idxs]
            if len(set(els)) == len(els) and all(own.get(el) == [i] for el, i in zip(els, idxs)):
                best = (els, False)
    if best is None:
        return None
    for el in best[0]:
        first = next(i for i in own[el] if not infos[i].noise)
        infos[first].author_el = True  # the name line is the comment's header (or footer)
    return best


def _box_line(info: _Info) -> bool:
    """A short line of a comment box that is no part of a comment: a widget, a label, a link (no sentence)."""
    if info.noise:
        return True
    text = info.block.text
    return not info.is_meta and len(text) <= MAX_BARE_AUTHOR_CHARS and not text.endswith((".", "!", "?", "…"))


def _text_len(info: _Info) -> int:
    if info.noise:
        return 0
    if info.rest is not None:
        return len(info.rest)
    return 0 if info.is_meta else len(info.block.text)


def _full_items(members: list[Any], own: dict[Any, list[int]], infos: list[_Info]) -> list[_Item]:
    return [_Item(member=el, infos=[infos[i] for i in own[el]]) for el in members]


def _pair_items(members: list[Any], own: dict[Any, list[int]], infos: list[_Info]) -> list[_Item]:
    """Meta-only items: the text between them belongs to the header before it or the footer after it."""
    member_idx = [own[el] for el in members]
    first_meta = member_idx[0][0]
    text_before = any(not infos[i].noise and not infos[i].is_meta for i in range(0, first_meta))
    if text_before:
        # footer style: a footer line above the section heading is the article's own ("Posted by the author")
        heading = next((i for i, info in enumerate(infos) if info.section), None)
        if heading is not None and any(idxs[-1] > heading for idxs in member_idx):
            keep = [k for k, idxs in enumerate(member_idx) if idxs[-1] > heading]
            members = [members[k] for k in keep]
            member_idx = [member_idx[k] for k in keep]
    items: list[_Item] = []
    n = len(infos)
    for k, el in enumerate(members):
        idxs = member_idx[k]
        if text_before:  # footer style: the text precedes its meta line
            if k:
                lo = member_idx[k - 1][-1] + 1
            else:  # the first one: back to the last widget / heading line, within a few blocks
                lo = idxs[0]
                while lo > 0 and idxs[0] - lo < MAX_FIRST_SPAN and not infos[lo - 1].noise and infos[lo - 1].date is None:
                    lo -= 1
            span = list(range(lo, idxs[0])) + idxs
        else:  # header style: the text follows its meta line
            hi = member_idx[k + 1][0] if k + 1 < len(members) else n
            span = idxs + list(range(idxs[-1] + 1, hi))
        items.append(_Item(member=el, infos=[infos[i] for i in span]))
    return items


def _thread(items: list[_Item], region: Any) -> None:
    """Depth and parent of each item, from the nesting of the item elements (or depth-N classes)."""
    if not items:
        return
    # lift each member to the largest ancestor that holds no other item at its own level
    first_of: dict[Any, tuple[int, int]] = {}  # ancestor -> (item index, distance) of the first item under it
    min_other: dict[Any, int] = {}  # ancestor -> smallest distance of a later item under it
    for k, it in enumerate(items):
        el = it.member  # an item is "under" itself: no other item may be lifted into it
        dist = 0
        while el is not None and el is not region and dist < MAX_CLIMB:
            if el not in first_of:
                first_of[el] = (k, dist)
            else:
                prev = min_other.get(el)
                if prev is None or dist < prev:
                    min_other[el] = dist
            el = el.getparent()
            dist += 1
    anchors: dict[Any, _Item] = {}
    for k, it in enumerate(items):
        anchor = it.member
        el = anchor.getparent()
        dist = 1
        while el is not None and el is not region and dist < MAX_CLIMB:
            fk, fd = first_of[el]
            if fk != k or min_other.get(el, 10**6) <= dist:
                break
            anchor = el
            el = el.getparent()
            dist += 1
        it.anchor = anchor
        anchors[anchor] = it
    for it in items:
        el = it.anchor.getparent()
        n = 0
        while el is not None and el is not region and n < MAX_CLIMB:
            holder = anchors.get(el)
            if holder is not None and holder is not it:
                it.parent = holder
                break
            el = el.getparent()
            n += 1
    for it in items:  # parents precede children in document order
        it.depth = it.parent.depth + 1 if it.parent is not None else 0
    if all(it.depth == 0 for it in items):
        for it in items:
            m = _DEPTH_CLASS.search(" ".join(filter(None, (it.member.get("class"), it.anchor.get("class")))))
            if m:
                it.depth = max(0, int(m.group(1)) - 1)
        stack: list[_Item] = []  # the last item seen at each depth: a reply's parent is the one above it
        for it in items:
            del stack[it.depth :]
            if it.depth and len(stack) == it.depth:
                it.parent = stack[-1]
            stack.append(it)


def _item_id(it: _Item) -> str | None:
    for el in (it.member, it.anchor):
        eid = el.get("id")
        if eid and any(ch.isdigit() for ch in eid):
            return str(eid)
    for info in it.infos[:3]:
        for el in info.path[:3]:
            eid = el.get("id")
            if eid and _COMMENT_ID.match(eid):
                return str(eid)
    return None


def _to_comment(it: _Item, ids: dict[int, str | None], has_time: bool = True) -> Comment | None:
    cls = " ".join(filter(None, (it.member.get("class"), it.anchor.get("class") if it.anchor is not None else None)))
    texts: list[str] = []
    author: str | None = None
    date_text: str | None = None
    real_date = any(i.date is not None and i.rest is None for i in it.infos)
    own_header = any(i.date is not None and i.rest is None and not i.quoted for i in it.infos)
    text_at = [k for k, i in enumerate(it.infos) if _text_len(i) > MAX_BARE_AUTHOR_CHARS and i.rest is None]
    lo, hi = (text_at[0], text_at[-1]) if text_at else (len(it.infos), -1)
    name_at = _bare_author_index(it.infos) if not any(i.has_author for i in it.infos) else None
    for k, info in enumerate(it.infos):
        if k == name_at:
            author = R.clean_comment_author(info.block.text) or None
            continue
        if (lo < k < hi or (info.quoted and own_header)) and info.is_meta and not info.noise and info.rest is None:
            texts.append(info.block.text)  # a date or name quoted inside the comment
            continue
        if info.rest is not None and real_date:
            texts.append(info.block.text)  # a quoted "name date" at the start of a comment, not its header
            continue
        if info.noise:
            continue
        if info.is_meta:
            if author is None:
                if info.author_el:
                    author = R.clean_comment_author(_strip_date(info.block.text, info.date))
                elif info.header is not None and info.header[0]:
                    author = info.header[0]
            if date_text is None and info.date is not None:
                date_text = info.date
                if not _YEAR.search(date_text):  # "December 27th," <br> "2007" <br> "7:51 pm"
                    joined = " ".join(i.block.text for i in it.infos[k : k + 3] if len(i.block.text) <= 30)
                    date_text = R.find_date_text(joined) or date_text
            if info.rest:
                texts.append(info.rest)
            continue
        if R.is_pingback_line(info.block.text) and not texts:
            return None
        texts.append(info.block.text)
    if _PINGBACK_CLASS.search(cls):
        return None
    if author is not None and _NOT_A_NAME.match(author):
        author = None  # "( 1:16 PM)" after a relative date is no name
    if author is None:
        author = _author_from_tree(it.member)
    if author is None and it.own_wrapper:
        for k, sib in enumerate(it.member.itersiblings(preceding=True)):
            if k >= MAX_HEADER_SIBLINGS:
                break
            if isinstance(sib.tag, str):
                author = _author_from_tree(sib, MAX_HEADER_SCAN)
                if author:
                    break
    if not texts:
        return None
    if author:
        author = _AUTHOR_COUNT_TAIL.sub("", author).strip() or None
    published = _published(it.member, date_text, has_time)
    cid = _item_id(it)
    ids[id(it)] = cid
    parent_id = ids.get(id(it.parent)) if it.parent is not None else None
    return Comment(
        text=PARAGRAPH_BREAK.join(texts),
        author=author,
        published=published,
        depth=it.depth,
        id=cid,
        parent_id=parent_id,
    )


#: A count printed after the commenter's name in the same element ("jane 63 Fans", "Jane (44 pts)").
_AUTHOR_COUNT_TAIL = re.compile(r"(?<=\S)\s+[(\[]?" + _AUTHOR_BOX_EXTRA.pattern + r"[)\]]?\s*$", re.I)
#: Not a name: digits and punctuation, perhaps around a clock time and a time zone ("( 1:16 PM)", "PST").
_NOT_A_NAME = re.compile(
    r"^[\W\d_]*(?:\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?)?[\W\d_]*(?:(?:[A-Z][SD]T|GMT|UTC|CES?T|MES?Z)\b[\W\d_]*)?$"
)
#: How many elements before an item (alone in its wrapper) are looked through for its author.
MAX_HEADER_SIBLINGS = 2
#: How many elements of an item are looked through for an author element (bounded per comment).
MAX_AUTHOR_SCAN = 300
#: ... and of a header element beside it (a header is small).
MAX_HEADER_SCAN = 40
#: A bare author line (no author class) is short and not a sentence: "Liberte", "Jane from Leeds".
MAX_BARE_AUTHOR_CHARS = 50
MAX_BARE_AUTHOR_WORDS = 5


def _bare_author_index(infos: list[_Info]) -> int | None:
    """The index of a short name line right before (or after) the date line of a comment with no author element."""
    for k, info in enumerate(infos):
        if info.date is None or info.rest is not None:
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(infos):
                cand = infos[j]
                t = cand.block.text
                if (
                    not cand.is_meta
                    and not cand.noise
                    and len(t) <= MAX_BARE_AUTHOR_CHARS
                    and len(t.split()) <= MAX_BARE_AUTHOR_WORDS
                    and not t.endswith((".", "!", "?", ":"))
                    and R.looks_like_handle(t)
                    and sum(1 for i in infos if _text_len(i)) > 1
                ):
                    return j
        return None
    return None


def _strip_date(text: str, date: str | None) -> str:
    if date and date in text:
        return text.split(date, 1)[0] or text.replace(date, "")
    return text


def _author_from_tree(member: Any, limit: int = MAX_AUTHOR_SCAN) -> str | None:
    n = 0
    for el in member.iter():
        n += 1
        if n > limit:
            break
        if not isinstance(el.tag, str):
            continue
        if _is_author_el(el):
            text = collapse(_innermost_author_el(el).text_content())
            if 0 < len(text) <= 80:
                return R.clean_comment_author(text) or None
    return None


#: A printed year (four digits, or two after a comma / apostrophe / slash).
_YEAR = re.compile(r"\b(?:19|20)\d\d\b|[,'/.]\s*\d\d\b|\d\s+[A-Za-z]{3,9}\.?\s+'?\d\d\b(?![:.]\d)")
#: Words between the parts of a printed comment date that date parsers stumble on.
_DATE_FILLER = re.compile(r"\s+(?:at|um|à|a las|alle|om|@|-|\|)\s+|\buhr\b|(?<=\d)(?:st|nd|rd|th)\b", re.I)
#: A weekday name opening a date ("Thu, Jan 17"), dropped before a second parse attempt.
_WEEKDAY_PREFIX = re.compile(r"^[A-Za-zäéè]{2,9}\.?,?\s+(?=\d|[A-Za-z]{3})")


#: An ISO date ("2012-10-28T13:23:00") carries its year at the start.
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: A two-digit year glued to the clock time ("28.09.1913:39").
_GLUED_TIME = re.compile(r"(\d{1,2}[./-]\d{1,2}[./-]\d{2})(\d{1,2}:\d{2})")


def _parse_comment_date(text: str) -> _dt.datetime | None:
    if not _YEAR.search(text) and not _ISO_LIKE.search(text):
        return None  # "Tuesday July 24 @03:22AM": a parser would invent the year
    text = _GLUED_TIME.sub(r"\1 \2", text)
    d = parse_date(text)
    if d is not None:
        return d
    cleaned = _DATE_FILLER.sub(" ", text)
    cleaned = _WEEKDAY_PREFIX.sub("", cleaned).strip()
    if cleaned != text:
        d = parse_date(cleaned)
        if d is not None:
            return d
    m = _TWO_DIGIT_YEAR.search(cleaned) or _TWO_DIGIT_YEAR_DM.search(cleaned)
    if m:  # "Jan 17, 08 03:13 PM", "1 Jan 08": a two-digit year after the day and month
        return parse_date(cleaned[: m.start()] + " 20" + m.group(1) + cleaned[m.end() :])
    return None


#: "Jan 17, 08": a comma and a two-digit year after the day of month.
_TWO_DIGIT_YEAR = re.compile(r",\s*'?(\d\d)\b(?![:.]\d)(?!\s*(?:[ap]\.?m|uhr))", re.I)
#: "1 Jan 08": a two-digit year after day and month name.
_TWO_DIGIT_YEAR_DM = re.compile(r"(?<=\d\s[A-Za-z]{3})[A-Za-z]{0,6}\.?\s+'?(\d\d)\b(?![:.]\d)", re.I)


def _published(member: Any, date_text: str | None, has_time: bool = True) -> _dt.datetime | None:
    # bounded: a deep thread must not be scanned once per reply
    for el in itertools.islice(member.iter(), MAX_TIME_SCAN) if has_time else ():
        if el.tag != "time":
            continue
        value = el.get("datetime")
        if value:
            d = parse_date(value)
            if d is not None:
                return d
    if date_text and not R.is_relative_date(date_text):
        return _parse_comment_date(date_text)
    return None


def _path_to(el: Any, ancestor: Any) -> list[Any] | None:
    """The elements from ``el`` up to ``ancestor`` (not included), or None when ``ancestor`` is not
    within MAX_CLIMB levels above ``el``."""
    path: list[Any] = []
    n = 0
    while el is not None and el is not ancestor and n < MAX_CLIMB:
        path.append(el)
        el = el.getparent()
        n += 1
    return path if el is ancestor else None
