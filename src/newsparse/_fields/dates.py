"""Published and modified dates: metadata first, then ``<time>``, then the URL."""

from __future__ import annotations

import datetime as _dt

from .._page import Page
from .._parsing import date_from_url, parse_date

#: <meta> names that carry the publication date, most trusted first.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
    "cxenseparse:recs:publishtime",
)
#: <meta> names that carry the last modification date.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "last-modified", "lastmod")


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


def _time_element(page: Page) -> _dt.datetime | None:
    tree = page.tree
    if tree is None:
        return None
    for el in tree.iter("time"):
        v = el.get("datetime") or el.get("pubdate")
        cls = " ".join(filter(None, (el.get("class"), el.getparent().get("class") if el.getparent() is not None else None)))
        if "comment" in cls.lower():
            continue
        if v:
            d = parse_date(v)
            if d is not None:
                return d
    return None


def published(page: Page) -> _dt.datetime | None:
    if page.kind == "html":
        for finder in (
            lambda: _jsonld_date(page, "datePublished"),
            lambda: _meta_date(page, PUBLISHED_META),
            _time_element_bound(page),
            lambda: _jsonld_date(page, "dateCreated"),
        ):
            d = finder()
            if d is not None:
                return d
    return date_from_url(page.url)


def _time_element_bound(page: Page):  # type: ignore[no-untyped-def]
    return lambda: _time_element(page)


def modified(page: Page) -> _dt.datetime | None:
    if page.kind != "html":
        return None
    return _jsonld_date(page, "dateModified") or _meta_date(page, MODIFIED_META)
