"""Reader comments (being written)."""

from __future__ import annotations

from .._model import Comment
from .._page import Page


def comments(page: Page) -> tuple[Comment, ...] | None:
    """Reader comments of an HTML page; ``()`` when the page has none."""
    return None
