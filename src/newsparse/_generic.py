"""The generic extractor: no rule that names a site; always asked last."""

from __future__ import annotations

import datetime as _dt

from ._extractor import Extractor
from ._fields import bios as _bios
from ._fields import bylines as _bylines
from ._fields import comments as _comments
from ._fields import dateline as _dateline
from ._fields import dates as _dates
from ._fields import headline as _headline
from ._fields import language as _language
from ._fields import textmode as _textmode
from ._fields.body import body as _body
from ._model import AuthorBio, Body, Byline, Comment, Dateline, Headline
from ._page import Page

__all__ = ["GenericExtractor"]


class GenericExtractor(Extractor):
    """Reads what the page declares (JSON-LD, OpenGraph, ``<meta>``) and its structure."""

    name = "generic"

    def headline(self, page: Page) -> Headline | None:
        if page.kind == "text":
            return _textmode.headline(page)
        return _headline.headline(page)

    def dateline(self, page: Page) -> Dateline | None:
        if page.kind == "text":
            return _textmode.dateline(page)
        return _dateline.dateline(page)

    def body(self, page: Page) -> Body | None:
        if page.kind == "text":
            return _textmode.body(page)
        return _body(page)

    def bylines(self, page: Page) -> tuple[Byline, ...] | None:
        if page.kind == "text":
            return _textmode.bylines(page)
        return _bylines.bylines(page)

    def author_bios(self, page: Page) -> tuple[AuthorBio, ...] | None:
        if page.kind == "text":
            return _textmode.author_bios(page)
        return _bios.author_bios(page)

    def published(self, page: Page) -> _dt.datetime | None:
        if page.kind == "text":
            return _textmode.published(page)
        return _dates.published(page)

    def modified(self, page: Page) -> _dt.datetime | None:
        return _dates.modified(page)

    def comments(self, page: Page) -> tuple[Comment, ...] | None:
        if page.kind == "text":
            return _textmode.comments(page)
        return _comments.comments(page)

    def language(self, page: Page) -> str | None:
        return _language.language(page)
