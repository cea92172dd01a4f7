"""The dateline that opens the first body paragraph."""

from __future__ import annotations

from .._model import Dateline
from .._page import Page
from .._parsing import split_dateline


def dateline_split(page: Page) -> tuple[Dateline | None, str]:
    """(dateline, rest of the first paragraph), cached on the page."""
    cached = page.__dict__.get("_dateline")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    from .body import body_blocks

    blocks = body_blocks(page)
    result: tuple[Dateline | None, str] = (None, "")
    if blocks and blocks[0].kind in ("paragraph", "quote"):
        dl, rest = split_dateline(blocks[0].text)
        if dl is not None:
            result = (dl, rest)
    page.__dict__["_dateline"] = result
    return result


def dateline(page: Page) -> Dateline | None:
    return dateline_split(page)[0]
