"""The dateline that opens the story: fused to the first paragraph, or printed on its own line."""

from __future__ import annotations

import re

from .._model import Dateline
from .._page import Page
from .._parsing import split_dateline

#: How many opening blocks of the body may come before the dateline paragraph (a dek, a kicker).
DATELINE_SEARCH = 3
#: Blocks before the dateline paragraph are head furniture only when they are this short.
MAX_HEAD_BLOCK_CHARS = 300
#: A correspondent line printed above the dateline ("DALLA NOSTRA CORRISPONDENTE", "FROM OUR CORRESPONDENT"):
#: a short all-capitals line without sentence punctuation.
CORRESPONDENT_LINE = re.compile(r"^[^\W\d_a-z][^a-z.!?]{3,40}$")


def dateline_split(page: Page) -> tuple[Dateline | None, str, int]:
    """(dateline, rest of its paragraph, index of that paragraph among the body blocks), cached.

    The index is 0 unless a short dek or kicker opens the body before the dateline paragraph;
    the body then starts at the dateline paragraph.
    """
    cached = page.__dict__.get("_dateline")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    from .body import body_blocks

    blocks = body_blocks(page)
    result: tuple[Dateline | None, str, int] = (None, "", 0)
    for k, b in enumerate(blocks[:DATELINE_SEARCH]):
        if b.kind not in ("paragraph", "quote"):
            break
        dl, rest = split_dateline(b.text)
        if dl is not None and (k == 0 or dl.text.isupper() or not rest):
            prev = blocks[k - 1].text if k > 0 else _line_above(page, b.index)
            if prev and CORRESPONDENT_LINE.match(prev) and split_dateline(prev)[0] is None:
                dl = Dateline(text=f"{prev} {dl.text}", place=dl.place, agency=dl.agency)
            result = (dl, rest, k)
            break
        if len(b.text) > MAX_HEAD_BLOCK_CHARS:
            break
    if result[0] is None and blocks:
        # "WASHINGTON —" printed on its own line just above the story's container
        above = _line_above(page, blocks[0].index)
        if above:
            dl, rest = split_dateline(above)
            if dl is not None and not rest.strip():
                result = (dl, blocks[0].text, 0)
    page.__dict__["_dateline"] = result
    return result


def _line_above(page: Page, index: int) -> str | None:
    """The text of the block right above ``index`` on the page, if short."""
    if index <= 0:
        return None
    text = str(page.blocks[index - 1].text)
    return text if len(text) <= 60 else None


def dateline(page: Page) -> Dateline | None:
    return dateline_split(page)[0]
