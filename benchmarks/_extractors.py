"""Adapters: one class per extractor, each turning a decoded page into a prediction record.

Every adapter splits its work in two: ``extract(html, url)`` is the call that is timed (the
extractor's own public API, nothing else), ``convert(raw)`` turns its result into the corpus
prediction format (headline, authors, published, body, comments) and is not timed.
"""

from __future__ import annotations

import datetime as _dt
import re
import warnings
from typing import Any

#: The prediction fields of the corpus format (README.md of the corpus, "Predictions").
FIELDS = ("headline", "authors", "published", "body", "comments")

#: Block-level HTML tags that start a new line when readability's HTML output is turned into text.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table thead tbody tfoot tr td th "
    "section article aside header footer figure figcaption hr address main nav form fieldset "
    "details summary caption center".split()
)

class Unavailable(Exception):
    """The extractor's package is not installed (or cannot run offline): skip it."""


class Adapter:
    """Base class: ``name``, the fields it outputs, ``setup()``, ``extract()``, ``convert()``."""

    name = ""
    #: fields this extractor outputs at all; the others are reported as n/a
    fields: tuple[str, ...] = FIELDS
    #: distributions whose versions are reported
    packages: tuple[str, ...] = ()

    def setup(self) -> None:
        """Import the package (raise :class:`Unavailable` when it is missing)."""

    def extract(self, html: str, url: str | None) -> Any:
        raise NotImplementedError

    def convert(self, raw: Any) -> dict[str, Any]:
        raise NotImplementedError


def _day(value: Any) -> str | None:
    """A prediction's ``published``: a date/datetime's ISO form, or a string as it is."""
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    text = str(value).strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        return text
    try:
        from dateutil import parser as du

        return du.parse(text, fuzzy=False).isoformat()
    except (ValueError, OverflowError, TypeError):
        return None


def _clean_lines(text: str | None) -> str | None:
    if text is None:
        return None
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with block elements on their own lines (scripts/styles dropped)."""
    import lxml.etree
    import lxml.html

    if not fragment.strip():
        return ""
    try:
        doc = lxml.html.document_fromstring(fragment)
    except (lxml.etree.ParserError, ValueError):
        return ""
    root = doc.find("body")
    if root is None:
        root = doc
    parts: list[str] = []
    skip_depth = 0
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if tag in ("script", "style", "noscript", "template") or not isinstance(el.tag, str):
                skip_depth += 1
                continue
            if skip_depth:
                continue
            if tag in BLOCK_TAGS or tag == "br":
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if tag in ("script", "style", "noscript", "template") or not isinstance(el.tag, str):
                skip_depth -= 1
            elif not skip_depth and tag in BLOCK_TAGS:
                parts.append("\n")
            if not skip_depth and el.tail and el is not root:
                parts.append(el.tail)
    return _clean_lines("".join(parts)) or ""


class Newsparse(Adapter):
    name = "newsparse"
    packages = ("newsparse", "lxml")

    def setup(self) -> None:
        import newsparse

        self._parse = newsparse.parse

    def extract(self, html: str, url: str | None) -> Any:
        return self._parse(html, url=url, plugins=False)

    def convert(self, raw: Any) -> dict[str, Any]:
        return article_prediction(raw)


def article_prediction(article: Any) -> dict[str, Any]:
    """A newsparse ``Article`` in the corpus prediction format, as ``newsparse eval`` makes it."""
    from newsparse._evaluate import corpus_prediction

    pred = corpus_prediction(article)
    return {f: pred.get(f) for f in FIELDS}


class Trafilatura(Adapter):
    name = "trafilatura"
    packages: tuple[str, ...] = ("trafilatura", "htmldate", "justext", "lxml")
    fast = False

    def setup(self) -> None:
        try:
            from trafilatura import bare_extraction
        except ImportError as exc:
            raise Unavailable(f"trafilatura is not installed ({exc})") from None
        self._extract = bare_extraction

    def extract(self, html: str, url: str | None) -> Any:
        return self._extract(html, url=url, include_comments=True, with_metadata=True, fast=self.fast)

    def convert(self, raw: Any) -> dict[str, Any]:
        if raw is None:
            return {f: None for f in FIELDS}
        def get(key: str) -> Any:
            return raw.get(key) if isinstance(raw, dict) else getattr(raw, key, None)

        author = get("author")
        authors = [a.strip() for a in author.split(";") if a.strip()] if author else None
        return {
            "headline": get("title") or None,
            "authors": authors,
            "published": _day(get("date")),
            "body": _clean_lines(get("text")),
            "comments": _clean_lines(get("comments")),
        }


class TrafilaturaFast(Trafilatura):
    name = "trafilatura-fast"
    packages = ("trafilatura", "htmldate", "lxml")
    fast = True


class ReadabilityLxml(Adapter):
    name = "readability-lxml"
    fields = ("headline", "body")
    packages = ("readability-lxml", "lxml", "lxml-html-clean")

    def setup(self) -> None:
        try:
            from readability import Document
        except ImportError as exc:
            raise Unavailable(f"readability-lxml is not installed ({exc})") from None
        self._document = Document

    def extract(self, html: str, url: str | None) -> Any:
        doc = self._document(html)
        return doc.short_title(), doc.summary(html_partial=True)

    def convert(self, raw: Any) -> dict[str, Any]:
        title, summary = raw
        return {
            "headline": title or None,
            "authors": None,
            "published": None,
            "body": html_to_text(summary),
            "comments": None,
        }


class Newspaper4k(Adapter):
    name = "newspaper4k"
    fields = ("headline", "authors", "published", "body")
    packages = ("newspaper4k", "lxml")

    def setup(self) -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "nltk is not installed": only needed for nlp()
                from newspaper import Article
        except ImportError as exc:
            raise Unavailable(f"newspaper4k is not installed ({exc})") from None
        self._article = Article

    def extract(self, html: str, url: str | None) -> Any:
        art = self._article(url or "http://example.com", fetch_images=False)
        art.download(input_html=html)
        art.parse()
        return art

    def convert(self, raw: Any) -> dict[str, Any]:
        return {
            "headline": raw.title or None,
            "authors": list(raw.authors or []),
            "published": _day(raw.publish_date),
            "body": _clean_lines(raw.text),
            "comments": None,
        }


class Goose3(Adapter):
    name = "goose3"
    fields = ("headline", "authors", "published", "body")
    packages = ("goose3", "lxml")

    def setup(self) -> None:
        try:
            from goose3 import Goose
        except ImportError as exc:
            raise Unavailable(f"goose3 is not installed ({exc})") from None
        self._goose = Goose({"enable_image_fetching": False})

    def extract(self, html: str, url: str | None) -> Any:
        return self._goose.extract(url=url, raw_html=html)

    def convert(self, raw: Any) -> dict[str, Any]:
        return {
            "headline": raw.title or None,
            "authors": list(raw.authors or []),
            "published": _day(raw.publish_date) or _day(getattr(raw, "publish_datetime_utc", None)),
            "body": _clean_lines(raw.cleaned_text),
            "comments": None,
        }


class Htmldate(Adapter):
    name = "htmldate"
    fields = ("published",)
    packages = ("htmldate", "lxml")

    def setup(self) -> None:
        try:
            from htmldate import find_date
        except ImportError as exc:
            raise Unavailable(f"htmldate is not installed ({exc})") from None
        self._find_date = find_date

    def extract(self, html: str, url: str | None) -> Any:
        return self._find_date(html, url=url, original_date=True, extensive_search=True)

    def convert(self, raw: Any) -> dict[str, Any]:
        return {"headline": None, "authors": None, "published": _day(raw), "body": None, "comments": None}


class LxmlParse(Adapter):
    """Not an extractor: a bare ``lxml.html.document_fromstring`` parse, the speed floor."""

    name = "lxml-parse"
    fields = ()
    packages = ("lxml",)

    def setup(self) -> None:
        import lxml.html

        self._parse = lxml.html.document_fromstring

    def extract(self, html: str, url: str | None) -> Any:
        if html.lstrip()[:5] == "<?xml":
            return self._parse(html.encode("utf-8"))
        try:
            return self._parse(html)
        except ValueError:
            # a str with an XML encoding declaration: lxml wants bytes then
            return self._parse(html.encode("utf-8"))

    def convert(self, raw: Any) -> dict[str, Any]:
        return {f: None for f in FIELDS}


ADAPTERS: dict[str, type[Adapter]] = {
    cls.name: cls
    for cls in (Newsparse, Trafilatura, TrafilaturaFast, ReadabilityLxml, Newspaper4k, Goose3, Htmldate, LxmlParse)
}
#: The extractors run by default, in the order of the table.
DEFAULT_EXTRACTORS = ("newsparse", "trafilatura", "trafilatura-fast", "readability-lxml", "newspaper4k", "goose3", "htmldate")
