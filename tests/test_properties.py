"""Property tests over generated pages: well-formed HTML, malformed HTML and plain-text pages.

Invariants: parse() returns an Article or raises a NewsparseError, never anything else; the
generic extractor never fails on a field; the body's words come from the page's words, in order;
``to_dict`` -> JSON -> ``from_dict`` round-trips; parsing is deterministic (and does not depend on
whether the page came as ``str`` or as its UTF-8 ``bytes``).
"""

from __future__ import annotations

import html as _html
import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import Article, NewsparseError

pytestmark = pytest.mark.usefixtures("clean_registry")

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ------------------------------------------------------------------------------------- generators

#: Words in the scripts of the web, and the shapes that news pages print.
WORDS = st.sampled_from(
    [
        "the", "harbor", "will", "close", "for", "six", "weeks", "By", "Jane", "Doe", "Reuters", "LONDON",
        "(AP)", "-", "—", "said", "Monday", "2020-01-02", "Jan.", "2,", "2021", "10:45", "am", "Comments",
        "Reply", "says:", "Share", "Advertisement", "Grüße", "Köln", "café", "東京", "地震", "北京",
        "Москва", "сказал", "القاهرة", "قال", "ירושלים", "אמר", "मुंबई", "कहा", "서울", "😀", "&", "<", ">",
        '"', "'", "http://example.org/a", "javascript:alert(1)", "\u200b", "\u202e", "e\u0301",
    ]
)
SENTENCES = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)

BLOCK_TAGS = ["p", "div", "h1", "h2", "h3", "li", "ul", "blockquote", "article", "section", "header", "footer",
              "aside", "nav", "figure", "figcaption", "table", "tr", "td", "pre", "main"]
INLINE_TAGS = ["span", "a", "b", "i", "em", "strong", "time", "small", "br", "img", "script", "style", "noscript"]
CLASSES = ["byline", "author", "date", "published", "comment", "comments", "content", "entry-content",
           "story-body", "article-body", "related", "share", "ad", "bio", "author-bio", "dateline", "caption",
           "headline", "title", "sidebar", "footer", "hidden", "x" * 300]


@st.composite
def attributes(draw: Any) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(f'class="{" ".join(draw(st.lists(st.sampled_from(CLASSES), max_size=3)))}"')
    if draw(st.integers(0, 5)) == 0:
        parts.append(f'id="{draw(st.sampled_from(CLASSES))}"')
    if draw(st.integers(0, 6)) == 0:
        parts.append(draw(st.sampled_from(['rel="author"', 'itemprop="author"', 'datetime="2020-01-02T03:04:05Z"',
                                            'href="javascript:void(0)"', 'style="display:none"', "hidden",
                                            'aria-hidden="true"', 'lang="ar"', 'dir="rtl"'])))
    return (" " + " ".join(parts)) if parts else ""


def _element(children: Any) -> Any:
    @st.composite
    def build(draw: Any) -> str:
        tag = draw(st.sampled_from(BLOCK_TAGS + INLINE_TAGS))
        if tag in ("br", "img"):
            return f"<{tag}{draw(attributes())}>"
        inner = "".join(draw(st.lists(children, max_size=4)))
        return f"<{tag}{draw(attributes())}>{inner}</{tag}>"

    return build()


TEXT_NODES = SENTENCES.map(lambda s: _html.escape(s, quote=False))
NODES = st.recursive(TEXT_NODES, _element, max_leaves=40)


@st.composite
def well_formed_html(draw: Any) -> str:
    head = ""
    if draw(st.booleans()):
        head += f"<title>{_html.escape(draw(SENTENCES))}</title>"
    if draw(st.booleans()):
        head += f'<meta property="og:title" content="{_html.escape(draw(SENTENCES))}">'
    if draw(st.booleans()):
        headline = json.dumps(draw(SENTENCES))
        head += (f'<script type="application/ld+json">{{"@type":"NewsArticle","headline":{headline},'
                 '"datePublished":"2020-01-02T03:04:05Z","author":{"@type":"Person","name":"Jane Doe"}}</script>')
    if draw(st.booleans()):
        head += f'<meta charset="{draw(st.sampled_from(["utf-8", "iso-8859-1", "windows-1252", "x-bogus"]))}">'
    body = "".join(draw(st.lists(NODES, min_size=1, max_size=8)))
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


#: Pieces of markup that break HTML: unclosed and stray tags, cut entities, comments, CDATA, DTDs.
JUNK = st.sampled_from(
    ["<", ">", "</", "<p", "<div class=", "'", '"', "</div>", "</p></p>", "<!--", "-->", "<![CDATA[", "]]>",
     "&", "&amp", "&#", "&#x", "&#0;", "&#xD800;", "&#99999999;", "&nbsp;", "<!DOCTYPE x [<!ENTITY e 'x'>]>",
     "&e;", "<?xml version='1.0'?>", "<?xml version='1.0' encoding='utf-8'?>", "<script>", "</script>", "<style>", "<table><tr><td>", "<li>", "<br/>",
     "<html>", "<body>", "</body>", "</html>", "\x00", "\x01", "\r", "\t", "\ufeff", "\ud800"]
)


@st.composite
def malformed_html(draw: Any) -> str:
    pieces = draw(st.lists(st.one_of(JUNK, SENTENCES, NODES), min_size=1, max_size=40))
    doc = "".join(pieces)
    if draw(st.booleans()):
        doc = "<html><body>" + doc
    cut = draw(st.integers(0, len(doc)))
    return doc[:cut] if draw(st.integers(0, 3)) == 0 else doc


@st.composite
def text_pages(draw: Any) -> str:
    lines = draw(st.lists(st.one_of(SENTENCES, st.just(""), st.sampled_from(
        ["By Jane Doe", "LONDON (Reuters) - ", "Comments", "Bob says:", "January 2, 2020 at 10:45 am", "Reply",
         "Copyright 2020", "-----", "* * *", "Share this:", "Jane Doe is a reporter."])), min_size=1, max_size=40))
    return "\n".join(lines)


PAGES = st.one_of(well_formed_html(), malformed_html(), text_pages())

# ------------------------------------------------------------------------------------------ checks


def parse_or_error(source: str | bytes, **kwargs: Any) -> Article | None:
    """The article, or None for a NewsparseError; the generic extractor must not fail."""
    try:
        article = newsparse.parse(source, **kwargs)
    except NewsparseError:
        return None
    failed = [w for w in article.warnings if w.startswith("extractor 'generic' failed")]
    assert not failed, failed[:3]
    return article


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _page_words(source: str) -> list[str]:
    page = newsparse.load_page(source)
    return _words(" ".join(b.text for b in page.blocks))


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(w == h for h in it) for w in needle)


@SETTINGS
@given(PAGES)
def test_parse_returns_an_article_or_a_newsparse_error(source: str) -> None:
    article = parse_or_error(source)
    if article is not None:
        assert isinstance(article, Article)


@SETTINGS
@given(PAGES, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252", "shift_jis", "koi8-r"]))
def test_any_encoding_of_a_page_parses(source: str, encoding: str) -> None:
    # lone surrogates become raw (invalid) bytes in the UTF codecs and "?" elsewhere: both are hostile input
    data = source.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    parse_or_error(data)


@SETTINGS
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    parse_or_error(data)


@SETTINGS
@given(PAGES)
def test_body_words_come_from_the_page_in_order(source: str) -> None:
    article = parse_or_error(source)
    if article is None or article.body is None:
        return
    body_words = _words(" ".join(b.text for b in article.body.blocks))
    assert _is_subsequence(body_words, _page_words(source)), body_words[:30]


@SETTINGS
@given(PAGES)
def test_to_dict_from_dict_round_trips(source: str) -> None:
    article = parse_or_error(source)
    if article is None:
        return
    as_dict = article.to_dict()
    back = Article.from_dict(json.loads(json.dumps(as_dict)))
    assert back == article
    assert back.to_dict() == as_dict


@SETTINGS
@given(PAGES)
def test_parsing_is_deterministic_and_str_equals_its_utf8_bytes(source: str) -> None:
    first = parse_or_error(source)
    second = parse_or_error(source)
    assert (first is None) == (second is None)
    if first is None or second is None:
        return
    assert first.to_dict() == second.to_dict()
    if "\ud800" in source or "\ufeff" in source or "charset" in source:
        return  # lone surrogates cannot be UTF-8; a declared charset may rightly change decoding
    from_bytes = parse_or_error(source.encode("utf-8"))
    assert from_bytes is not None
    assert from_bytes.to_dict() == first.to_dict()
