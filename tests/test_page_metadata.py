"""The page's declared metadata: JSON-LD in the wrappers older templates put around it."""

from __future__ import annotations

import pytest

import newsparse

STORY = "<article><h1>Bridge Reopens After Repairs</h1><p>" + "The old bridge carries traffic again. " * 12 + "</p></article>"
LD = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge Reopens After Repairs", ' \
     '"datePublished": "2021-05-04T09:30:00+02:00", "author": {"@type": "Person", "name": "Mara Lindqvist"}}'


@pytest.mark.parametrize(
    "wrapped",
    [
        LD,
        f"<!-- {LD} -->",
        f"<![CDATA[ {LD} ]]>",
        f"\n//<![CDATA[\n{LD}\n//]]>\n".replace("//", ""),
        f"{LD};",
    ],
    ids=["bare", "html-comment", "cdata", "cdata-lines", "trailing-semicolon"],
)
def test_jsonld_wrappers_are_read(wrapped: str) -> None:
    html = f'<html><head><script type="application/ld+json">{wrapped}</script></head><body>{STORY}</body></html>'
    page = newsparse.load_page(html, url="https://harbour.example/bridge")
    assert [a.get("headline") for a in page.metadata.articles()] == ["Bridge Reopens After Repairs"]
    art = newsparse.parse_page(page)
    assert [b.name for b in art.bylines] == ["Mara Lindqvist"]
    assert art.published is not None and art.published.isoformat() == "2021-05-04T09:30:00+02:00"
