"""Plain-text pages: split flattened renderings into the Article's fields (being written)."""

from __future__ import annotations

import datetime as _dt

from .._model import AuthorBio, Body, Byline, Comment, Dateline, Headline
from .._page import Page


def headline(page: Page) -> Headline | None:
    return None


def dateline(page: Page) -> Dateline | None:
    return None


def body(page: Page) -> Body | None:
    return None


def bylines(page: Page) -> tuple[Byline, ...] | None:
    return None


def author_bios(page: Page) -> tuple[AuthorBio, ...] | None:
    return None


def published(page: Page) -> _dt.datetime | None:
    return None


def comments(page: Page) -> tuple[Comment, ...] | None:
    return None
