"""The one parsed page handed to every extractor."""

from __future__ import annotations

import html
import json
import os
import re
from collections import deque
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from . import _decode
from ._errors import InputTooLargeError

if TYPE_CHECKING:
    from ._blocks import Block as PageBlock
    from ._blocks import Mark as PageMark

__all__ = ["Page", "Metadata", "load_page"]

def _make_parser() -> Any:
    # no_network and no entity resolution: nothing in a page can make us read a file or open a socket
    parser = lxml.etree.HTMLParser(
        no_network=True,
        remove_blank_text=False,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        collect_ids=False,
        huge_tree=True,
    )
    # every element is an lxml.html.HtmlElement (text_content(), ...) chosen in C: lxml.html's own lookup
    # runs Python code per element to pick form/input subclasses that newsparse never needs
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


_PARSER = _make_parser()
#: One or more XML declarations at the start: lxml refuses str input that carries an encoding declaration.
_XML_PROLOG = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)+")
#: An XML declaration anywhere (pages that repeat or misplace their prolog).
_XML_DECL = re.compile(r"<\?xml[^>]*\?>")
#: libxml2's message when a page nests deeper than it reads (2048 levels, even with huge_tree): it stops there.
_DEPTH_LIMIT = "Excessive depth in document"
#: Characters XML (and so lxml) refuses in text: C0 controls other than tab/newline/CR, lone surrogates.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


#: ``</html>`` (libxml2 drops everything after it; browsers read on, into the body).
_HTML_END = re.compile(r"</html\s*>", re.I)
#: What may follow the end of the document without being content: white space and comments.
_NOTHING_AFTER = re.compile(r"(?:\s|<!--.*?-->)*\Z", re.S)


#: Block text below 1/MIN_TEXT_SHARE of the page's characters is next to nothing: only then is the page
#: searched for a second document after ``</html>`` (a full scan of the text costs as much as a field).
MIN_TEXT_SHARE = 50
#: The start of a further document after ``</html>`` (a second page appended to a template's frame).
_DOCUMENT_START = re.compile(r"<(?:html|body)\b", re.I)


def _reopen_after_html_end(text: str) -> str:
    """``text`` without its ``</html>`` end tags when a further document follows the first one (pages
    saved as a frame followed by the story's own document): libxml2 drops all after ``</html>``. A
    widget appended after ``</html>`` (a sign-up modal) stays dropped."""
    first = -1
    for variant in ("</html", "</HTML", "</Html"):
        i = text.find(variant)
        if i >= 0 and (first < 0 or i < first):
            first = i
    if first < 0:
        return text
    m = _HTML_END.match(text, first)
    if m is None or _NOTHING_AFTER.match(text, m.end()) or not _DOCUMENT_START.search(text, m.end()):
        return text
    return _HTML_END.sub("", text)


#: A ``<title>`` start tag.
_TITLE_START = re.compile(r"<title\b[^>]*>", re.I)
#: A title longer than this that swallowed the body is an unclosed ``<title>``.
MAX_TITLE_CHARS = 1000


def _close_title(root: Any, text: str) -> Any:
    """The page parsed again with ``</title>`` before the first tag after ``<title>``, when the title
    has no end tag and swallowed the whole page as its text (the body is empty); else None."""
    title = root.find("head/title")
    if title is None or len(title.text or "") <= MAX_TITLE_CHARS or "<" not in (title.text or ""):
        return None
    m = _TITLE_START.search(text)
    if m is None:
        return None
    cut = text.find("<", m.end())
    if cut < 0:
        return None
    try:
        return lxml.html.document_fromstring(text[:cut] + "</title>" + text[cut:], parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None


def _place_streamed_segments(root: Any) -> bool:
    """Put streamed server-rendered segments where the page's script would: React streaming sends each
    late part as ``<div hidden id="S:n">`` at the end of the body, and a script moves it into the
    ``<template id="B:n">`` (boundary) or ``<template id="P:n">`` (placeholder) left in its place."""
    segments = {
        el.get("id")[2:]: el
        for el in root.iterfind(".//div[@hidden][@id]")
        if el.get("id").startswith("S:")
    }
    if not segments:
        return False
    placed = False
    for tpl in list(root.iterfind(".//template[@id]")):
        tid = tpl.get("id")
        seg = segments.pop(tid[2:], None) if tid[:2] in ("B:", "P:") else None
        parent = tpl.getparent()
        if seg is None or parent is None or any(a is seg for a in tpl.iterancestors()):
            continue
        # the segment's tail stays where it was; the template's tail follows the segment
        if seg.tail:
            prev = seg.getprevious()
            old_parent = seg.getparent()
            if prev is not None:
                prev.tail = (prev.tail or "") + seg.tail
            elif old_parent is not None:
                old_parent.text = (old_parent.text or "") + seg.tail
        seg.tail = tpl.tail
        parent.replace(tpl, seg)
        del seg.attrib["hidden"]
        placed = True
    return placed


class Metadata:
    """What the page declares about itself: JSON-LD objects, ``<meta>`` values, ``<time>`` elements."""

    def __init__(self, tree: Any) -> None:
        self.jsonld: list[dict[str, Any]] = []
        self.meta: dict[str, list[str]] = {}
        self.lang: str | None = None
        self.canonical: str | None = None
        self.title: str | None = None
        #: What was off in the declarations (skipped JSON-LD), for the page's warnings.
        self.warnings: list[str] = []
        if tree is None:
            return
        root = tree
        lang = root.get("lang") or root.get("xml:lang")
        self.lang = lang.strip() if lang else None
        # one pass over the tree for the four tags (each handled in document order, as four passes would)
        title_seen = False
        for el in root.iter("meta", "link", "title", "script"):
            tag = el.tag
            if tag == "meta":
                key = (
                    el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or ""
                ).strip()
                content = el.get("content")
                if key and content is not None and content.strip():
                    self.meta.setdefault(key.lower(), []).append(content.strip())
            elif tag == "link":
                if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
                    self.canonical = el.get("href")
            elif tag == "title":
                if not title_seen:
                    title_seen = True
                    self.title = (el.text_content() or "").strip() or None
            elif "ld+json" in (el.get("type") or "").lower():
                raw = (el.text or "").strip()
                if not raw:
                    continue
                try:
                    objs = _load_jsonld(raw)
                except _JsonLdSkipped as exc:
                    self.warnings.append(f"JSON-LD script skipped: {exc}")
                    continue
                for obj in objs:
                    self.jsonld.append(obj)

    def first(self, *keys: str) -> str | None:
        """The first non-empty ``<meta>`` value among ``keys`` (lower-case names)."""
        for k in keys:
            vals = self.meta.get(k)
            if vals:
                return vals[0]
        return None

    def articles(self) -> list[dict[str, Any]]:
        """JSON-LD objects whose @type is an article kind, most specific first."""
        out = [o for o in self.jsonld if _types(o) & _ARTICLE_TYPES]
        out.sort(key=lambda o: 0 if _types(o) & _NEWS_TYPES else 1)
        return out


_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "webpage",
    "itempage",
}
_NEWS_TYPES = _ARTICLE_TYPES - {"webpage", "itempage"}


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower().rsplit("/", 1)[-1]}
    if isinstance(t, list):
        return {str(x).lower().rsplit("/", 1)[-1] for x in t}
    return set()


_JSON_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Real JSON-LD nests a handful of levels; deeper data is hostile and would make recursive readers
#: (json itself, and any field code walking the objects) hit the recursion limit.
MAX_JSONLD_DEPTH = 64
#: A JSON-LD script above this size is no article metadata (it would only cost time to decode).
MAX_JSONLD_CHARS = 2_000_000


class _JsonLdSkipped(ValueError):
    """A JSON-LD script that is read as absent, with the reason."""


def _too_deep(data: Any, limit: int) -> bool:
    """Whether ``data`` nests lists/dicts deeper than ``limit`` (iterative: safe on any depth)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _load_jsonld(raw: str) -> list[dict[str, Any]]:
    """All dicts of a JSON-LD script, flattening lists and ``@graph``; broken JSON is skipped.

    Raises :class:`_JsonLdSkipped` for a script too large or too deeply nested to be metadata.
    """
    if len(raw) > MAX_JSONLD_CHARS:
        raise _JsonLdSkipped(f"{len(raw)} characters, above {MAX_JSONLD_CHARS}")
    raw = raw.strip()
    if raw.startswith("<!--"):
        raw = raw[4:]
    if raw.endswith("-->"):
        raw = raw[:-3]
    raw = raw.strip()
    # an XHTML-era CDATA wrapper around the JSON ("<![CDATA[ {...} ]]>")
    if raw.startswith("<![CDATA["):
        raw = raw[9:]
    if raw.endswith("]]>"):
        raw = raw[:-3]
    raw = raw.strip().rstrip(";")
    try:
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:
                data = json.loads(_JSON_CTRL.sub(" ", raw), strict=False)
            except ValueError:
                return []
    except RecursionError:
        raise _JsonLdSkipped("nested too deeply") from None
    if _too_deep(data, MAX_JSONLD_DEPTH):
        raise _JsonLdSkipped(f"nested deeper than {MAX_JSONLD_DEPTH} levels")
    out: list[dict[str, Any]] = []
    # a deque: a script of a million empty lists must not make this quadratic
    stack: deque[Any] = deque([data])
    while stack and len(out) < 500:
        item = stack.popleft()
        if isinstance(item, list):
            stack.extendleft(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, (list, dict)):
                stack.append(graph)
            main = item.get("mainEntity")
            if isinstance(main, dict) and _types(main) & _ARTICLE_TYPES:
                stack.append(main)
    return out


class Page:
    """A decoded page: text, kind, url and domain; lazily its lxml tree, metadata, blocks and soup.

    The same object is handed to every extractor, so the page is parsed once.
    """

    def __init__(
        self,
        text: str,
        *,
        kind: str,
        url: str | None = None,
        name: str = "<input>",
        warnings: list[str] | None = None,
    ) -> None:
        self.text = text
        self.kind = kind
        self.url = url
        self.name = name
        self.warnings: list[str] = list(warnings or [])

    @cached_property
    def domain(self) -> str | None:
        """The host of the page URL, without ``www.``."""
        if not self.url:
            return None
        host = (urlsplit(self.url).hostname or "").lower()
        if host.startswith("www."):
            host = host[4:]
        return host or None

    @cached_property
    def tree(self) -> Any:
        """The lxml root element (``None`` for a plain-text page)."""
        if self.kind != "html":
            return None
        text = self.text
        # lxml refuses str input with an encoding declaration; strip the XML prolog
        if text.lstrip().startswith("<?xml"):
            text = _XML_PROLOG.sub("", text, count=1)
        try:
            try:
                root = lxml.html.document_fromstring(text, parser=_PARSER)
            except ValueError:
                # an encoding declaration further in (a repeated or misplaced prolog): drop them all
                stripped = _XML_DECL.sub("", text)
                if stripped == text:
                    raise
                root = lxml.html.document_fromstring(stripped, parser=_PARSER)
            if any(_DEPTH_LIMIT in e.message for e in _PARSER.error_log):
                self.warnings.append(
                    "elements nest deeper than the HTML parser reads (2048 levels); the page after that point is lost"
                )
            body = root.find("body")
            if body is None or not len(body):
                repaired = _close_title(root, text)
                if repaired is not None:
                    self.warnings.append("the <title> is not closed; it was closed before the first tag after it")
                    root = repaired
        except (lxml.etree.ParserError, ValueError) as exc:
            # an empty document after comment removal (a page cut inside its first tag), or
            # unparsable markup: its text, escaped, is the document; failing that, no document
            self.warnings.append(f"HTML could not be parsed ({exc}); read as text")
            try:
                escaped = html.escape(_XML_INVALID.sub("", text), quote=False)
                root = lxml.html.document_fromstring(
                    "<html><body><p>" + escaped + "</p></body></html>", parser=_PARSER
                )
            except (lxml.etree.ParserError, ValueError):
                root = lxml.html.document_fromstring("<html><body></body></html>", parser=_PARSER)
        return root

    @cached_property
    def metadata(self) -> Metadata:
        """JSON-LD, ``<meta>`` and similar declarations of the page."""
        metadata = Metadata(self.tree)
        self.warnings.extend(metadata.warnings)
        return metadata

    @cached_property
    def blocks(self) -> list[PageBlock]:
        """The page as ordered text blocks with features (see ``_blocks``)."""
        from ._blocks import html_blocks, text_blocks

        if self.kind == "html":
            marks: list[PageMark] = []
            attr_els: list[tuple[Any, bool]] = []
            late: list[Any] = []
            blocks = html_blocks(self.tree, marks, attr_els, late)
            redo = False
            if any(el.tag == "template" and (el.get("id") or "")[:2] in ("B:", "P:") for el in late):
                redo = _place_streamed_segments(self.tree)
            elif sum(len(b.text) for b in blocks) * MIN_TEXT_SHARE < len(self.text):
                # next to no text: a second document after </html> that the parser dropped?
                reopened = _reopen_after_html_end(self.text)
                if reopened is not self.text:
                    if reopened.lstrip().startswith("<?xml"):
                        reopened = _XML_PROLOG.sub("", reopened, count=1)
                    try:
                        self.__dict__["tree"] = lxml.html.document_fromstring(reopened, parser=_PARSER)
                        redo = True
                    except (lxml.etree.ParserError, ValueError):
                        pass
            if redo:
                marks, attr_els = [], []
                blocks = html_blocks(self.tree, marks, attr_els)
            self.__dict__["marks"] = marks
            self.__dict__["_attr_els"] = attr_els
            return blocks
        self.__dict__["marks"] = []
        self.__dict__["_attr_els"] = []
        return text_blocks(self.text)

    @property
    def marks(self) -> list[PageMark]:
        """Elements marked as bylines or dates by their class/id, found during the block walk."""
        if "marks" not in self.__dict__:
            self.blocks  # noqa: B018 - the walk fills the marks
        return self.__dict__["marks"]  # type: ignore[no-any-return]

    @cached_property
    def attr_elements(self) -> list[Any]:
        """Every element with an ``itemprop`` or ``rel`` attribute (or a post-author comment class), in
        document order: gathered by the block walk, for field code that would otherwise scan the tree."""
        from ._blocks import attr_elements

        if "_attr_els" not in self.__dict__:
            self.blocks  # noqa: B018 - the walk gathers them
        return attr_elements(self.__dict__["_attr_els"])

    @cached_property
    def soup(self) -> Any:
        """A BeautifulSoup view of the page, built on first use (for plugin authors)."""
        from bs4 import BeautifulSoup

        return BeautifulSoup(self.text, "lxml")


def load_page(
    source: str | bytes | os.PathLike[str],
    *,
    url: str | None = None,
    format: str | None = None,
) -> Page:
    """Read ``source`` (HTML/text str, bytes, path, ``.gz``) into a :class:`Page`."""
    warnings: list[str] = []
    name = "<input>"
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _decode.looks_like_path(source)):
        name = os.fspath(source)
        data = _decode.read_path(source)
        text, _enc, warnings = _decode.decode_bytes(data, name)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        name = "<bytes>"
        text, _enc, warnings = _decode.decode_bytes(bytes(source), name)
    elif isinstance(source, str):
        name = "<str>"
        if len(source) > _decode.MAX_INPUT_BYTES:
            raise InputTooLargeError(f"{name}: {len(source)} characters, above the limit")
        text = source.lstrip("\ufeff")
    else:
        raise TypeError(f"source must be str, bytes or a path, not {type(source).__name__}")
    text = _decode.check_text(text, name)
    if format is None:
        kind = _decode.detect_format(text)
    elif format in ("html", "text"):
        kind = format
    else:
        raise ValueError(f"format must be 'html', 'text' or None, not {format!r}")
    return Page(text, kind=kind, url=url, name=name, warnings=warnings)
