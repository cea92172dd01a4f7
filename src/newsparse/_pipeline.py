"""The per-field chain: ask extractors in precedence order, first non-None answer wins."""

from __future__ import annotations

import contextlib
import datetime as _dt
import logging
import math
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import Any

import attrs

from ._errors import ExtractionTimeoutError
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
    #: Time budget of one page in seconds (``None``: none); see :func:`parse`.
    timeout: float | None = None

    def __attrs_post_init__(self) -> None:
        if self.errors not in ("log", "strict"):
            raise ValueError(f"errors must be 'log' or 'strict', not {self.errors!r}")
        if self.timeout is not None and not (
            isinstance(self.timeout, (int, float))
            and not isinstance(self.timeout, bool)
            and math.isfinite(self.timeout)
            and self.timeout > 0
        ):
            raise ValueError(f"timeout must be a positive number of seconds or None, not {self.timeout!r}")


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
    candidates: Sequence[Extractor | type[Extractor]] = ()
    if options.extractors is not None:
        candidates = options.extractors
    elif options.plugins:
        candidates = chain_for(page)
    for ext in candidates:
        # a site extractor whose constructor fails is left out, like a failing field
        try:
            chain.append(_instance(ext))
        except Exception as exc:
            if options.errors == "strict":
                raise
            msg = f"extractor {getattr(ext, 'name', ext)!r} could not be created: {type(exc).__name__}: {exc}"
            log.warning("%s (%s)", msg, page.name)
            page.warnings.append(msg)
    if not any(isinstance(e, GenericExtractor) for e in chain):
        chain.append(GenericExtractor())
    return chain


class _HardDeadline(BaseException):
    """Raised by the SIGALRM handler; a BaseException so that no ``except Exception`` in an
    extractor (or the per-field isolation below) can swallow it."""


def _expired(page: Page, timeout: float) -> ExtractionTimeoutError:
    return ExtractionTimeoutError(f"{page.name}: extraction took longer than {timeout:g} s")


@contextlib.contextmanager
def _hard_stop(seconds: float) -> Iterator[None]:
    """Raise :class:`_HardDeadline` in this thread after ``seconds`` (POSIX main thread only).

    Nothing happens elsewhere (threads, Windows), or when the process already has an interval
    timer running or its own SIGALRM handler (a batch runner's alarm is never clobbered): the
    deadline checks between fields still hold there. A signal interrupts Python code only: one
    long call inside lxml finishes before the handler runs.
    """
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise _HardDeadline()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3))
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def parse_page(page: Page, options: ParseOptions | None = None) -> Article:
    """Run the extractor chain on an already loaded :class:`Page`.

    With ``options.timeout`` the chain raises :class:`ExtractionTimeoutError` once the budget
    is spent (a page object that timed out may hold partly computed caches: drop it).
    """
    options = options or ParseOptions()
    return _parse_page(page, options, None)


def _parse_page(page: Page, options: ParseOptions, started: float | None) -> Article:
    timeout = options.timeout
    if timeout is None:
        return _run_chain(page, options, None)
    started = time.monotonic() if started is None else started
    deadline = started + timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _expired(page, timeout)
    try:
        with _hard_stop(remaining):
            return _run_chain(page, options, deadline)
    except _HardDeadline:
        raise _expired(page, timeout) from None


def _run_chain(page: Page, options: ParseOptions, deadline: float | None) -> Article:
    chain = build_chain(page, options)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    if options.plugins and options.extractors is None:
        page.warnings.extend(load_warnings())
    for field in FIELDS:
        for ext in chain:
            # the budget holds between fields and extractors even where no alarm can be set
            if deadline is not None and time.monotonic() > deadline:
                raise _expired(page, options.timeout or 0.0)
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
    timeout: float | None = None,
) -> Article:
    """Parse one page into an :class:`Article`.

    ``source`` is an HTML or plain-text ``str``, ``bytes`` in any encoding, or a path
    (``.gz`` read transparently). ``format`` forces ``"html"`` or ``"text"``; by default
    it is detected. ``plugins=False`` switches site extractors off; ``extractors`` gives an
    explicit chain (the generic extractor is appended). With ``errors="log"`` a failing
    site extractor's field falls back to the next extractor and a warning is recorded;
    with ``errors="strict"`` its exception propagates.

    ``timeout`` is the page's time budget in seconds, reading and decoding included: past it
    :class:`ExtractionTimeoutError` is raised. It is checked before every field of every
    extractor (site extractors included) and, on the main thread of a POSIX process with no
    interval timer or SIGALRM handler of its own, also enforced by ``SIGALRM`` mid-field. A
    single long call inside lxml cannot be interrupted, so the overrun is bounded by the
    longest such call (about a second per 10 MB of HTML); for a hard guarantee run pages in
    worker processes (the batch runner, ``newsparse extract``, does).
    """
    started = time.monotonic()
    options = ParseOptions(
        plugins=plugins,
        extractors=None if extractors is None else tuple(extractors),
        errors=errors,
        timeout=timeout,
    )
    page = load_page(source, url=url, format=format)
    return _parse_page(page, options, started)
