"""End-to-end smoke tests of the shipped example page."""

from __future__ import annotations

from pathlib import Path

import newsparse

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "storm-article.html"


def test_example_page_parses_end_to_end() -> None:
    art = newsparse.parse(EXAMPLE, url="https://ledger.example/news/2024/03/07/storm")
    assert art.headline is not None
    assert art.headline.text == "Storm Surge Floods Harbor Town as River Breaks Its Banks"
    assert art.published is not None and art.published.utcoffset() is not None
    assert art.body is not None
    assert art.body.blocks[0].text.startswith("Hundreds of residents of this harbor town")
    assert "Advertisement" not in art.body.text
    assert art.sources["headline"] == "generic"
