"""The block walk's index of itemprop / rel / post-author elements matches a full scan of the tree."""

from __future__ import annotations

from newsparse._page import load_page

HTML = """<html><head><meta itemprop="author" content="Head Name"><link rel="author" href="/a"></head>
<body><div itemscope><span itemprop="author"><span itemprop="name">Ana Silva</span></span>
<time itemprop="datePublished" datetime="2024-05-01">May 1</time></div>
<div hidden><a rel="author" href="/b">Hidden Writer</a><p itemprop="description">x</p></div>
<button class="share"><span itemprop="name">In a button</span></button>
<svg><g><a rel="author">svg link</a></g></svg>
<ol><li class="comment bypostauthor even"><cite class="fn">Ana Silva</cite></li>
<li class="comment">no</li><li class="x-bypostauthor-y">substring only</li></ol>
<p style="display:none"><b rel="nofollow" itemprop="">empty</b></p>
<a rel="author">Bo Lund</a></body></html>"""

XPATH = "//*[@itemprop or @rel or contains(@class, 'bypostauthor')]"


def test_attr_elements_match_a_tree_scan() -> None:
    page = load_page(HTML, format="html")
    expected = page.tree.xpath(XPATH)
    got = page.attr_elements
    assert len(got) == len(expected) >= 10
    assert all(a is b for a, b in zip(got, expected))


def test_text_page_has_no_attr_elements() -> None:
    assert load_page("Harbor wall\n\nBy Jane Doe", format="text").attr_elements == []
