"""Published and modified dates: metadata first, then the article header's ``<time>`` and date
elements, then dates printed between the headline and the story, then the URL."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

from .._blocks import collapse
from .._page import Page
from .._parsing import date_from_url, find_dates, parse_date

#: <meta> names that carry the publication date, most trusted first.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
    "citation_publication_date",
    "cxenseparse:recs:publishtime",
)
#: <meta> names that carry the last modification date.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "last-modified", "lastmod")
#: Regions whose dates belong to other things (comments, teasers, cookie banners, footers).
NOT_ARTICLE_DATE_HINTS = frozenset({"comment", "related", "nav", "footer", "aside", "ad", "promo"})
#: Words that make a printed date the last update rather than the publication (several languages).
UPDATED_WORDS = re.compile(r"\b(?:updated|last updated|modified|aktualisiert|mis à jour|actualizado|aggiornato|upd)\b", re.I)
#: Words that make a printed date the publication even when an update is printed beside it.
PUBLISHED_WORDS = re.compile(r"\b(?:published|posted|publié|veröffentlicht|erstellt|publicado|pubblicato|created)\b", re.I)
#: How many blocks above the story's first block its header (headline, byline, date) may start.
HEADER_WINDOW = 40
#: A printed date line is short; longer text is prose that merely mentions a date.
MAX_DATE_LINE_CHARS = 160


#: English variants that print numeric dates month first; every other language prints the day first.
MONTH_FIRST_LOCALES = ("en-us", "en", "en-ph", "en-ca")


def _dayfirst(page: Page) -> bool | None:
    """Whether the page's numeric dates are day first ("12/03/2026" = 12 March), from its language."""
    if "_dayfirst" not in page.__dict__:
        from .language import language

        lang = (language(page) or "").lower()
        page.__dict__["_dayfirst"] = None if not lang else lang not in MONTH_FIRST_LOCALES
    return page.__dict__["_dayfirst"]  # type: ignore[no-any-return]


def _jsonld_date(page: Page, key: str) -> _dt.datetime | None:
    for obj in page.metadata.articles():
        v = obj.get(key)
        if isinstance(v, list):
            v = v[0] if v else None
        if isinstance(v, str):
            d = parse_date(v)
            if d is not None:
                return d
    return None


def _meta_date(page: Page, keys: tuple[str, ...]) -> _dt.datetime | None:
    for k in keys:
        for v in page.metadata.meta.get(k, ()):
            d = parse_date(v)
            if d is not None:
                return d
    return None


def _story_span(page: Page) -> tuple[int, int]:
    from .analysis import analyze

    main = analyze(page).main
    if not main:
        return 0, len(page.blocks)
    return main[0].index, main[-1].index


def _is_update_only(text: str) -> bool:
    return bool(UPDATED_WORDS.search(text)) and not PUBLISHED_WORDS.search(text)


def _header_marks(page: Page, updated: bool = False) -> _dt.datetime | None:
    """A ``<time>`` or date-classed element in the story's header (or just under the story);
    with ``updated``, only those labelled as an update, else only those that are not."""
    start, end = _story_span(page)
    lo = max(0, start - HEADER_WINDOW)
    candidates = []
    for mark in page.marks:
        if mark.hint not in ("time", "date") or mark.hints & NOT_ARTICLE_DATE_HINTS:
            continue
        if lo <= mark.block_index <= start + 3:
            rank = 0
        elif end < mark.block_index <= end + 10:
            rank = 1
        else:
            continue
        candidates.append((rank, mark))
    candidates.sort(key=lambda c: c[0])
    for _rank, mark in candidates:
        el = mark.el
        label = collapse((el.getparent() if el.tag == "time" and el.getparent() is not None else el).text_content() or "")
        if _is_update_only(label[:MAX_DATE_LINE_CHARS]) != updated:
            continue
        for value in (el.get("datetime"), el.get("content"), el.get("title")):
            if value:
                d = parse_date(value)
                if d is not None:
                    return d
        text = collapse(el.text_content() or "")
        if text and len(text) <= MAX_DATE_LINE_CHARS:
            d = parse_date(text, dayfirst=_dayfirst(page))
            if d is None:
                found = find_dates(text, dayfirst=_dayfirst(page))
                d = found[0] if found else None
            if d is not None:
                return d
    return None


def _header_text(page: Page, updated: bool = False) -> _dt.datetime | None:
    """A date printed on a short line between the headline area and the story."""
    start, _end = _story_span(page)
    for b in page.blocks[max(0, start - HEADER_WINDOW // 2) : start + 1]:
        if len(b.text) > MAX_DATE_LINE_CHARS or b.hints & NOT_ARTICLE_DATE_HINTS:
            continue
        if _is_update_only(b.text) != updated:
            continue
        found = find_dates(b.text, dayfirst=_dayfirst(page))
        if found:
            return found[0]
    return None


def published(page: Page) -> _dt.datetime | None:
    """Publication date: JSON-LD, ``<meta>``, header ``<time>``/date elements, header text, URL."""
    if page.kind == "html":
        finders: tuple[Callable[[], _dt.datetime | None], ...] = (
            lambda: _jsonld_date(page, "datePublished"),
            lambda: _meta_date(page, PUBLISHED_META),
            lambda: _header_marks(page),
            lambda: _jsonld_date(page, "dateCreated"),
            lambda: _header_text(page),
        )
        for finder in finders:
            d = finder()
            if d is not None:
                return d
    return date_from_url(page.url)


def modified(page: Page) -> _dt.datetime | None:
    """Last modification date as declared (JSON-LD, ``<meta>``)."""
    if page.kind != "html":
        return None
    return (
        _jsonld_date(page, "dateModified")
        or _meta_date(page, MODIFIED_META)
        or _header_marks(page, updated=True)
        or _header_text(page, updated=True)
    )
