"""Registering site extractors, in code or through the ``newsparse.extractors`` entry points."""

from __future__ import annotations

import logging
import threading
from importlib.metadata import entry_points
from typing import TypeVar

from ._errors import RegistrationError
from ._extractor import Extractor
from ._page import Page

__all__ = ["register", "unregister", "registered", "chain_for", "ENTRY_POINT_GROUP"]

ENTRY_POINT_GROUP = "newsparse.extractors"
log = logging.getLogger("newsparse")

E = TypeVar("E", bound=type[Extractor])

_registry: list[type[Extractor]] = []
#: re-entrant: a plugin module imported by an entry point may call register() while loading
_lock = threading.RLock()
_entry_points_loaded = False
#: warnings from loading entry points, reported on every article until fixed
_load_warnings: list[str] = []


def register(cls: E) -> E:
    """Register an :class:`Extractor` subclass; usable as a class decorator.

    Registering the same class again moves it to the latest position.
    """
    if not (isinstance(cls, type) and issubclass(cls, Extractor)):
        raise RegistrationError(f"register() takes an Extractor subclass, not {cls!r}")
    if isinstance(cls.domains, str):  # ("example.com") without the comma: would silently match nothing
        raise RegistrationError(f"{cls.name}: domains must be a tuple of names, e.g. ({cls.domains!r},)")
    with _lock:
        if cls in _registry:
            _registry.remove(cls)
        _registry.append(cls)
    return cls


def unregister(cls: type[Extractor]) -> None:
    """Remove a registered extractor (no error if it was not registered)."""
    with _lock:
        if cls in _registry:
            _registry.remove(cls)


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    # loaded under the lock, so a concurrent first parse waits for the plugins instead of missing them
    with _lock:
        if _entry_points_loaded:
            return
        _entry_points_loaded = True
        _load_entry_points_locked()


def _load_entry_points_locked() -> None:
    try:
        found = list(entry_points(group=ENTRY_POINT_GROUP))
    except Exception as exc:  # broken metadata of some installed distribution
        msg = f"reading the {ENTRY_POINT_GROUP!r} entry points failed: {exc!r}"
        log.warning(msg)
        _load_warnings.append(msg)
        return
    for ep in found:
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not break parsing
            msg = f"entry point {ep.name!r} ({ep.value}) failed to load: {exc!r}"
            log.warning(msg)
            _load_warnings.append(msg)
            continue
        try:
            if isinstance(obj, type) and issubclass(obj, Extractor):
                if obj not in _registry:
                    register(obj)
            else:
                raise RegistrationError(f"{obj!r} is not an Extractor subclass")
        except RegistrationError as exc:
            msg = f"entry point {ep.name!r}: {exc}"
            log.warning(msg)
            _load_warnings.append(msg)


def reload_entry_points() -> None:
    """Forget that entry points were loaded, so the next parse loads them again (for tests)."""
    global _entry_points_loaded
    with _lock:
        _entry_points_loaded = False
        _load_warnings.clear()


def registered() -> tuple[type[Extractor], ...]:
    """The registered extractor classes, entry points included, in registration order."""
    _load_entry_points()
    with _lock:
        return tuple(_registry)


def load_warnings() -> tuple[str, ...]:
    return tuple(_load_warnings)


def _domain_match(domain: str | None, patterns: tuple[str, ...]) -> int:
    """Length of the longest pattern matching ``domain`` (a domain matches its subdomains), or -1."""
    if not domain:
        return -1
    best = -1
    for pat in patterns:
        pat = pat.lower().strip(".")
        if pat.startswith("www."):
            pat = pat[4:]
        if domain == pat or domain.endswith("." + pat):
            best = max(best, len(pat))
    return best


def chain_for(page: Page) -> list[type[Extractor]]:
    """Registered extractors that apply to ``page``, best first.

    Precedence: longest domain match, then platform extractors (``matches(page)``),
    then higher ``priority``, then the latest registration.
    """
    ranked: list[tuple[int, int, int, int, type[Extractor]]] = []
    for order, cls in enumerate(registered()):
        dm = _domain_match(page.domain, tuple(cls.domains))
        platform = 0
        if dm < 0:
            try:
                platform = 1 if cls.matches(page) else 0
            except Exception as exc:
                page.warnings.append(f"extractor {cls.name}: matches() raised {exc!r}")
                platform = 0
            if not platform:
                continue
        ranked.append((dm, platform, cls.priority, order, cls))
    ranked.sort(key=lambda r: (r[0], r[1], r[2], r[3]), reverse=True)
    return [r[4] for r in ranked]
