"""Author bios (being written)."""

from __future__ import annotations

from .._model import AuthorBio
from .._page import Page


def author_bios(page: Page) -> tuple[AuthorBio, ...] | None:
    """Author boxes of an HTML page; ``()`` when the page has none."""
    return None
