"""The per-field chain: ask extractors in precedence order, first non-None answer wins."""

from __future__ import annotations

import datetime as _dt
import logging
import os
from collections.abc import Sequence
from typing import Any

import attrs

from ._extractor import FIELDS, Extractor
from ._model import Article, AuthorBio, Body, Byline, Comment, Dateline, Headline
from ._page import Page, load_page
from ._registry import chain_for, load_warnings

__all__ = ["parse", "parse_page", "ParseOptions"]

log = logging.getLogger("newsparse")


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How :func:`parse` builds the extractor chain and handles extractor failures."""

    plugins: bool = True
    extractors: tuple[Extractor | type[Extractor], ...] | None = None
    errors: str = "log"

    def __attrs_post_init__(self) -> None:
        if self.errors not in ("log", "strict"):
            raise ValueError(f"errors must be 'log' or 'strict', not {self.errors!r}")


#: What an answer must be, so a plugin's wrong type (a list of names for bylines, a date string)
#: falls back like an exception instead of breaking ``to_dict()`` later.
_ANSWER_TYPES: dict[str, type[Any]] = {
    "headline": Headline,
    "dateline": Dateline,
    "body": Body,
    "published": _dt.datetime,
    "modified": _dt.datetime,
    "language": str,
}
_ITEM_TYPES: dict[str, type[Any]] = {"bylines": Byline, "author_bios": AuthorBio, "comments": Comment}


def _check_answer(field: str, value: Any) -> None:
    """Raise TypeError when ``value`` is not what the field holds."""
    item = _ITEM_TYPES.get(field)
    if item is None:
        if not isinstance(value, _ANSWER_TYPES[field]):
            raise TypeError(f"{field} must be a {_ANSWER_TYPES[field].__name__} or None, not {value!r:.80}")
    elif not isinstance(value, (tuple, list)) or not all(isinstance(v, item) for v in value):
        raise TypeError(f"{field} must be a tuple of {item.__name__} or None, not {value!r:.80}")


def _instance(ext: Extractor | type[Extractor]) -> Extractor:
    return ext() if isinstance(ext, type) else ext


def build_chain(page: Page, options: ParseOptions) -> list[Extractor]:
    """The extractors to ask for ``page``, the generic one last."""
    from ._generic import GenericExtractor

    chain: list[Extractor] = []
    if options.extractors is not None:
        chain = [_instance(e) for e in options.extractors]
    elif options.plugins:
        chain = [cls() for cls in chain_for(page)]
    if not any(isinstance(e, GenericExtractor) for e in chain):
        chain.append(GenericExtractor())
    return chain


def parse_page(page: Page, options: ParseOptions | None = None) -> Article:
    """Run the extractor chain on an already loaded :class:`Page`."""
    options = options or ParseOptions()
    chain = build_chain(page, options)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    if options.plugins and options.extractors is None:
        page.warnings.extend(load_warnings())
    for field in FIELDS:
        for ext in chain:
            try:
                value = getattr(ext, field)(page)
                if value is not None:
                    _check_answer(field, value)
            except Exception as exc:
                if options.errors == "strict":
                    raise
                msg = f"extractor {ext.name!r} failed on {field}: {type(exc).__name__}: {exc}"
                log.warning("%s (%s)", msg, page.name)
                page.warnings.append(msg)
                continue
            if value is not None:
                values[field] = value
                sources[field] = ext.name
                break
    return Article(url=page.url, sources=sources, warnings=tuple(dict.fromkeys(page.warnings)), **values)


def parse(
    source: str | bytes | os.PathLike[str],
    url: str | None = None,
    *,
    format: str | None = None,
    plugins: bool = True,
    extractors: Sequence[Extractor | type[Extractor]] | None = None,
    errors: str = "log",
) -> Article:
    """Parse one page into an :class:`Article`.

    ``source`` is an HTML or plain-text ``str``, ``bytes`` in any encoding, or a path
    (``.gz`` read transparently). ``format`` forces ``"html"`` or ``"text"``; by default
    it is detected. ``plugins=False`` switches site extractors off; ``extractors`` gives an
    explicit chain (the generic extractor is appended). With ``errors="log"`` a failing
    site extractor's field falls back to the next extractor and a warning is recorded;
    with ``errors="strict"`` its exception propagates.
    """
    options = ParseOptions(
        plugins=plugins,
        extractors=None if extractors is None else tuple(extractors),
        errors=errors,
    )
    page = load_page(source, url=url, format=format)
    return parse_page(page, options)
