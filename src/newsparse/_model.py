"""The typed result: frozen attrs classes and their JSON-ready form.

``None`` always means "unknown", ``()`` means "known to be empty".
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "Article",
    "AuthorBio",
    "Block",
    "Body",
    "Byline",
    "Comment",
    "Dateline",
    "Headline",
    "BLOCK_KINDS",
]

#: The kinds a body block can have.
BLOCK_KINDS = ("paragraph", "heading", "list_item", "quote", "table", "preformatted")


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _opt_tuple(value: Iterable[Any] | None) -> tuple[Any, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen(kw_only=True)
class Headline:
    """The headline as printed on the page, and the dek / standfirst under it."""

    text: str
    subheadline: str | None = None


@attrs.frozen(kw_only=True)
class Dateline:
    """The opening dateline of a story, e.g. ``LONDON (Reuters) -``."""

    text: str
    place: str | None = None
    agency: str | None = None


@attrs.frozen(kw_only=True)
class Byline:
    """One credited person (or agency), with the role and affiliation printed beside the name."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class AuthorBio:
    """An author box: who the author is, in the page's words."""

    name: str | None
    title: str | None = None
    text: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class Block:
    """One block of the body: a paragraph, a sub-heading, a list item, a quote, a table, ..."""

    kind: str
    text: str
    level: int | None = None  # heading level (1-6) for headings


@attrs.frozen(kw_only=True)
class Body:
    """The article body as ordered, typed blocks."""

    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def text(self) -> str:
        """The blocks' texts joined with newlines."""
        return "\n".join(b.text for b in self.blocks)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The texts of the blocks, in order."""
        return tuple(b.text for b in self.blocks)


@attrs.frozen(kw_only=True)
class Comment:
    """A reader comment. ``depth`` is 0 for a top-level comment, 1 for a reply, ..."""

    text: str
    author: str | None = None
    published: _dt.datetime | None = None
    depth: int = 0
    id: str | None = None
    parent_id: str | None = None


def _sources(value: Mapping[str, str] | None) -> dict[str, str]:
    return dict(value or {})


@attrs.frozen(kw_only=True)
class Article:
    """Everything newsparse found on one page."""

    url: str | None = None
    headline: Headline | None = None
    dateline: Dateline | None = None
    bylines: tuple[Byline, ...] | None = attrs.field(default=None, converter=_opt_tuple)
    author_bios: tuple[AuthorBio, ...] | None = attrs.field(default=None, converter=_opt_tuple)
    published: _dt.datetime | None = None
    modified: _dt.datetime | None = None
    body: Body | None = None
    comments: tuple[Comment, ...] | None = attrs.field(default=None, converter=_opt_tuple)
    language: str | None = None
    #: field name -> name of the extractor that produced it
    sources: dict[str, str] = attrs.field(factory=dict, converter=_sources, hash=False)
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_tuple)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: nested dicts and lists, datetimes as ISO 8601 strings."""
        return {
            "url": self.url,
            "headline": _obj_to_dict(self.headline),
            "dateline": _obj_to_dict(self.dateline),
            "bylines": _seq_to_dict(self.bylines),
            "author_bios": _seq_to_dict(self.author_bios),
            "published": _iso(self.published),
            "modified": _iso(self.modified),
            "body": None if self.body is None else {"blocks": [_obj_to_dict(b) for b in self.body.blocks]},
            "comments": _seq_to_dict(self.comments),
            "language": self.language,
            "sources": dict(self.sources),
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """The inverse of :meth:`to_dict`."""
        body = data.get("body")
        return cls(
            url=data.get("url"),
            headline=_build(Headline, data.get("headline")),
            dateline=_build(Dateline, data.get("dateline")),
            bylines=_build_seq(Byline, data.get("bylines")),
            author_bios=_build_seq(AuthorBio, data.get("author_bios")),
            published=_parse_iso(data.get("published")),
            modified=_parse_iso(data.get("modified")),
            body=None if body is None else Body(blocks=[_build(Block, b) for b in body.get("blocks", ())]),
            comments=_build_seq(Comment, data.get("comments"), dates=("published",)),
            language=data.get("language"),
            sources=data.get("sources") or {},
            warnings=data.get("warnings") or (),
        )


def _iso(value: _dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_iso(value: Any) -> _dt.datetime | None:
    if value is None:
        return None
    return _dt.datetime.fromisoformat(str(value))


def _obj_to_dict(obj: Any) -> dict[str, Any] | None:
    if obj is None:
        return None
    out: dict[str, Any] = {}
    for f in attrs.fields(type(obj)):
        v = getattr(obj, f.name)
        out[f.name] = v.isoformat() if isinstance(v, _dt.datetime) else v
    return out


def _seq_to_dict(items: tuple[Any, ...] | None) -> list[dict[str, Any] | None] | None:
    return None if items is None else [_obj_to_dict(i) for i in items]


def _build(cls: type[Any], data: Mapping[str, Any] | None, dates: tuple[str, ...] = ()) -> Any:
    if data is None:
        return None
    known = {f.name for f in attrs.fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in known}
    for name in dates:
        kwargs[name] = _parse_iso(kwargs.get(name))
    return cls(**kwargs)


def _build_seq(
    cls: type[Any], data: Iterable[Mapping[str, Any]] | None, dates: tuple[str, ...] = ()
) -> tuple[Any, ...] | None:
    if data is None:
        return None
    return tuple(_build(cls, d, dates) for d in data)
