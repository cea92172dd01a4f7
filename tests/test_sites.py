"""The platform extractors of ``newsparse.sites``: what they claim, what they answer, and what they leave alone."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

import newsparse
from newsparse import Extractor, Headline, Page
from newsparse._registry import ENTRY_POINT_GROUP, chain_for
from newsparse.sites import PLATFORM_EXTRACTORS, BloggerExtractor, WordPressExtractor

from conftest import FIXTURES

WP = FIXTURES / "platform-wordpress" / "page.html"
WP_CLASSIC = FIXTURES / "platform-wordpress-classic" / "page.html"
BLOGGER = FIXTURES / "platform-blogger" / "page.html"
BLOGGER_CLASSIC = FIXTURES / "blogger-comments" / "page.html"
PLAIN = """<html><head><title>Council meets</title></head><body><article><h1>Council meets</h1>
<p>The council met on Tuesday and agreed the budget for the coming year after a long debate.</p>
<ol class="comment-list"><li class="comment depth-1" id="comment-1"><p>Not a WordPress page.</p></li></ol>
</article></body></html>"""


def page(path: Path, url: str | None = None) -> Page:
    return newsparse.load_page(path, url=url)


def test_claims_by_platform_signature_only() -> None:
    assert WordPressExtractor.matches(page(WP))
    assert WordPressExtractor.matches(page(WP_CLASSIC))
    assert not WordPressExtractor.matches(page(BLOGGER))
    assert BloggerExtractor.matches(page(BLOGGER))
    assert BloggerExtractor.matches(page(BLOGGER_CLASSIC))
    assert not BloggerExtractor.matches(page(WP))
    plain = newsparse.load_page(PLAIN)
    assert not any(cls.matches(plain) for cls in PLATFORM_EXTRACTORS)
    text = newsparse.load_page("Council meets\n\nThe council met on Tuesday.", format="text")
    assert not any(cls.matches(text) for cls in PLATFORM_EXTRACTORS)


def test_wordpress_assets_and_comment_markup_claim_a_page_without_generator() -> None:
    html = WP.read_text(encoding="utf-8").replace('<meta name="generator" content="WordPress 6.4.2">', "")
    assert WordPressExtractor.matches(newsparse.load_page(html))
    no_assets = html.replace("/wp-content/", "/static/").replace("/wp-comments-post.php", "/post")
    assert not WordPressExtractor.matches(newsparse.load_page(no_assets))


def test_wordpress_comments_threaded_with_ids_and_no_pingbacks() -> None:
    art = newsparse.parse(WP, extractors=[WordPressExtractor])
    assert art.sources["comments"] == WordPressExtractor.name
    assert [(c.author, c.depth, c.id, c.parent_id) for c in art.comments or ()] == [
        ("Tomas Reyne", 0, "comment-3101", None),
        ("Ines Calder", 1, "comment-3104", "comment-3101"),
        ("Marguerite", 0, "comment-3109", None),
    ]
    assert all("Reply" not in c.text and "says" not in c.text for c in art.comments or ())
    # every other field is the generic extractor's
    assert {f for f, s in art.sources.items() if s != "generic"} == {"comments"}


def test_wordpress_has_no_opinion_without_comment_items() -> None:
    html = WP.read_text(encoding="utf-8")
    start, end = html.index('<ol class="comment-list">'), html.index('<div id="respond"')
    art_page = newsparse.load_page(html[:start] + html[end:])
    assert WordPressExtractor().comments(art_page) is None


def test_wordpress_unreadable_item_means_no_opinion() -> None:
    html = WP.read_text(encoding="utf-8").replace(
        "<p>Same thing happened three winters ago and the late boat never came back.</p>", ""
    )
    assert WordPressExtractor().comments(newsparse.load_page(html)) is None


def test_blogger_fields() -> None:
    art = newsparse.parse(BLOGGER, extractors=[BloggerExtractor])
    assert {f for f, s in art.sources.items() if s == BloggerExtractor.name} == {"body", "bylines", "published", "comments"}
    assert art.body is not None and len(art.body.blocks) == 3
    assert "Email This" not in art.body.text
    assert [b.name for b in art.bylines or ()] == ["Wendy Okoro"]
    assert art.published is not None and art.published.isoformat() == "2017-04-09T10:21:00+01:00"
    assert [(c.author, c.depth, c.parent_id) for c in art.comments or ()] == [
        ("Peter Vance", 0, None),
        ("Wendy Okoro", 1, "c7001"),
    ]


def test_blogger_classic_comment_template() -> None:
    art = newsparse.parse(BLOGGER_CLASSIC, extractors=[BloggerExtractor])
    comments = art.comments or ()
    assert [c.author for c in comments] == ["Gus Pereira", "Anonymous", "Edna Marsh"]
    assert all(c.published is not None for c in comments)
    assert "\n\n" in comments[1].text  # two paragraphs stay two paragraphs


def test_blogger_index_page_is_left_to_the_generic_extractor() -> None:
    html = BLOGGER.read_text(encoding="utf-8")
    body = html[html.index('<div class="post-body'): html.index('<div class="post-footer">')]
    two_posts = html.replace(body, body + body.replace("post-body-5521", "post-body-5522"))
    ext = BloggerExtractor()
    p = newsparse.load_page(two_posts)
    assert ext.body(p) is None and ext.bylines(p) is None and ext.published(p) is None and ext.comments(p) is None


def test_blogger_embed_only_post_has_no_confident_body() -> None:
    html = BLOGGER.read_text(encoding="utf-8")
    start = html.index('<div class="post-body')
    end = html.index('<div class="post-footer">')
    short = html[:start] + '<div class="post-body entry-content"><iframe src="x"></iframe>Pin It</div></div>' + html[end:]
    assert BloggerExtractor().body(newsparse.load_page(short)) is None


@pytest.mark.usefixtures("clean_registry")
def test_domain_extractor_outranks_platform_extractor() -> None:
    class Quayside(Extractor):
        name = "quayside.example"
        domains = ("quayside.example",)

        def headline(self, page: Page) -> Headline | None:
            return Headline(text="from the domain extractor")

    newsparse.register(WordPressExtractor)
    newsparse.register(Quayside)
    p = newsparse.load_page(WP, url="https://quayside.example/2022/11/02/x/")
    assert chain_for(p) == [Quayside, WordPressExtractor]
    art = newsparse.parse(WP, url="https://quayside.example/2022/11/02/x/")
    assert art.sources["headline"] == "quayside.example"
    assert art.sources["comments"] == WordPressExtractor.name
    other = newsparse.load_page(WP, url="https://elsewhere.example/x")
    assert chain_for(other) == [WordPressExtractor]


def test_platform_extractors_are_registered_entry_points() -> None:
    found = {ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    if not found:
        pytest.skip("newsparse is not installed (pip install -e .): its entry points are not visible")
    for cls in PLATFORM_EXTRACTORS:
        assert f"{cls.__module__}:{cls.__name__}" in found


def test_plugins_off_means_no_platform_extractor() -> None:
    art = newsparse.parse(WP, plugins=False)
    assert set(art.sources.values()) == {"generic"}


def _wp_page(items: str) -> Page:
    return newsparse.load_page(
        '<html><head><meta name="generator" content="WordPress 5.2"><title>t</title></head><body>'
        '<article><h1>Story</h1><p>The story text is long enough to be a paragraph of a story on a page.</p></article>'
        f'<ol class="commentlist">{items}</ol></body></html>'
    )


def test_wordpress_theme_variants_widgets_and_names() -> None:
    items = (
        '<li class="comment depth-1" id="li-comment-1"><div class="comment-head"><h3>Liberte</h3>'
        '<p class="comment-meta">18/02/2020 16:42</p></div><div class="comment-body"><p>First text here.</p>'
        '<p>Rate This: <span id="karma-1-up">0</span> <span id="karma-1-down">3</span></p></div></li>'
        '<li class="comment depth-1" id="li-comment-2"><cite class="fn">Josef Lindner,</cite> <span class="says">says:</span>'
        '<p>Second text.<br><span class="cluv">Josef recently posted..<a href="/x">Other post</a></span></p>'
        '<div class="sharedaddy"><a href="#">Share</a></div><div class="reply"><a href="#">Reply</a></div></li>'
        '<li class="comment depth-1" id="li-comment-3"><cite class="fn">Ann</cite><p><a href="http://xkcd.example/1098">http://xkcd.example/1098</a></p></li>'
    )
    comments = WordPressExtractor().comments(_wp_page(items)) or ()
    assert [(c.author, c.text) for c in comments] == [
        ("Liberte", "First text here."),
        ("Josef Lindner", "Second text."),
        ("Ann", "http://xkcd.example/1098"),  # a comment that is a link is still a comment
    ]


def test_wordpress_skips_a_few_unreadable_items_but_not_many() -> None:
    good = "".join(f'<li class="comment depth-1" id="comment-{i}"><cite class="fn">N{i}</cite><p>Text {i}.</p></li>' for i in range(4))
    empty = '<li class="comment depth-1" id="comment-9"><cite class="fn">Img</cite><p><img src="x.png"></p></li>'
    assert len(WordPressExtractor().comments(_wp_page(good + empty)) or ()) == 4
    one = '<li class="comment depth-1" id="comment-0"><cite class="fn">N0</cite><p>Text 0.</p></li>'
    assert WordPressExtractor().comments(_wp_page(one + empty + empty)) is None


def test_blogger_said_is_a_word_not_a_suffix() -> None:
    from newsparse.sites.blogger import _author

    assert _author("vanessa said...") == "vanessa"
    assert _author("Vanessa") == "Vanessa"
    assert _author("Anonymous dijo...") == "Anonymous"


def test_blogger_instance_asked_about_two_pages_answers_for_each() -> None:
    html = BLOGGER.read_text(encoding="utf-8")
    other = html.replace('<span itemprop="name">Wendy Okoro</span>', '<span itemprop="name">Colm Dwyer</span>')
    ext = BloggerExtractor()
    first, second = newsparse.load_page(html), newsparse.load_page(other)
    assert [b.name for b in ext.bylines(first) or ()] == ["Wendy Okoro"]
    assert [b.name for b in ext.bylines(second) or ()] == ["Colm Dwyer"]
    assert [b.name for b in ext.bylines(first) or ()] == ["Wendy Okoro"]


def test_blogger_extractor_keeps_no_page_and_serves_threads() -> None:
    import gc
    import weakref
    from concurrent.futures import ThreadPoolExecutor

    html = BLOGGER.read_text(encoding="utf-8")
    other = html.replace('<span itemprop="name">Wendy Okoro</span>', '<span itemprop="name">Colm Dwyer</span>')
    ext = BloggerExtractor()
    first = newsparse.load_page(html)
    assert ext.bylines(first)
    gone = weakref.ref(first)
    del first
    gc.collect()
    assert gone() is None  # the post found for a page is cached on that page, not on the extractor
    pages = [newsparse.load_page(h) for h in (html, other) * 4]
    with ThreadPoolExecutor(max_workers=4) as pool:
        names = list(pool.map(lambda p: [b.name for b in ext.bylines(p) or ()], pages))
    assert names == [["Wendy Okoro"], ["Colm Dwyer"]] * 4
