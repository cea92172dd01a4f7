"""The generic extractor: no rule that names a site; always asked last."""

from __future__ import annotations

import datetime as _dt

from ._extractor import Extractor
from ._fields import bylines as _bylines
from ._fields import dateline as _dateline
from ._fields import dates as _dates
from ._fields import headline as _headline
from ._fields import language as _language
from ._fields.body import body as _body
from ._model import AuthorBio, Body, Byline, Comment, Dateline, Headline
from ._page import Page

__all__ = ["GenericExtractor"]


class GenericExtractor(Extractor):
    """Reads what the page declares (JSON-LD, OpenGraph, ``<meta>``) and its structure."""

    name = "generic"

    def headline(self, page: Page) -> Headline | None:
        return _headline.headline(page)

    def dateline(self, page: Page) -> Dateline | None:
        return _dateline.dateline(page)

    def body(self, page: Page) -> Body | None:
        return _body(page)

    def bylines(self, page: Page) -> tuple[Byline, ...] | None:
        return _bylines.bylines(page)

    def author_bios(self, page: Page) -> tuple[AuthorBio, ...] | None:
        return None

    def published(self, page: Page) -> _dt.datetime | None:
        return _dates.published(page)

    def modified(self, page: Page) -> _dt.datetime | None:
        return _dates.modified(page)

    def comments(self, page: Page) -> tuple[Comment, ...] | None:
        return None

    def language(self, page: Page) -> str | None:
        return _language.language(page)
