"""The extractor contract: one method per field, ``None`` meaning "no opinion"."""

from __future__ import annotations

import datetime as _dt
from typing import ClassVar

from ._model import AuthorBio, Body, Byline, Comment, Dateline, Headline
from ._page import Page

__all__ = ["Extractor", "FIELDS"]

#: The fields an extractor can answer, in the order the pipeline asks them.
FIELDS = (
    "headline",
    "dateline",
    "body",
    "bylines",
    "author_bios",
    "published",
    "modified",
    "comments",
    "language",
)


class Extractor:
    """Base class of every extractor.

    Override only the fields you know. Each method receives the one parsed :class:`Page`
    and returns ``None`` for "no opinion: ask the next extractor", ``()`` for "known to
    be empty", or a value. ``domains`` are matched against the page host, a domain also
    matching its subdomains. ``matches(page)`` lets an extractor claim pages by what they
    are (a platform signature) rather than by domain.
    """

    name: ClassVar[str] = ""
    domains: ClassVar[tuple[str, ...]] = ()
    priority: ClassVar[int] = 0

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.__dict__.get("name"):
            cls.name = f"{cls.__module__}.{cls.__qualname__}"

    @classmethod
    def matches(cls, page: Page) -> bool:
        """Whether this extractor claims a page whatever its domain (platform extractors)."""
        return False

    def headline(self, page: Page) -> Headline | None:
        return None

    def dateline(self, page: Page) -> Dateline | None:
        return None

    def body(self, page: Page) -> Body | None:
        return None

    def bylines(self, page: Page) -> tuple[Byline, ...] | None:
        return None

    def author_bios(self, page: Page) -> tuple[AuthorBio, ...] | None:
        return None

    def published(self, page: Page) -> _dt.datetime | None:
        return None

    def modified(self, page: Page) -> _dt.datetime | None:
        return None

    def comments(self, page: Page) -> tuple[Comment, ...] | None:
        return None

    def language(self, page: Page) -> str | None:
        return None
