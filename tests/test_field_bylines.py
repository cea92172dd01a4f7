"""Bylines of the generic extractor, found in page markup (synthetic pages reproducing real CMS patterns)."""

from __future__ import annotations

from newsparse._fields.bylines import bylines
from newsparse._page import load_page

STORY = """
<p>The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.</p>
<p>Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.</p>
<p>Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.</p>
<p>Residents of the lower town were asked to move their cars away from the waterfront before the next high tide.</p>
"""


def _names(html: str, title: str = "Harbor wall gives way | Harbor News") -> list[str] | None:
    page = load_page(f"<html><head><title>{title}</title></head><body>{html}</body></html>", format="html")
    found = bylines(page)
    return None if found is None else [b.name for b in found]


def test_blog_user_name_after_credit_word() -> None:
    html = f"""<article><h1 class="entry-title">Harbor wall gives way in storm</h1>
    <div class="entry-meta">Posted on 3 May 2020 <span class="byline">von <span class="author vcard">krimifan77</span></span></div>
    <div class="entry-content">{STORY}</div></article>"""
    assert _names(html) == ["krimifan77"]


def test_credit_word_and_user_name_in_plain_meta_line() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="meta">By oradmin</div>
    <div class="entry-content">{STORY}</div></article>"""
    assert _names(html) == ["oradmin"]


def test_site_account_is_not_a_person() -> None:
    html = f"""<article><h1 class="entry-title">Harbor wall gives way in storm</h1>
    <div class="entry-meta"><span class="byline">by <span class="author vcard">harbornews</span></span></div>
    <div class="entry-content">{STORY}</div></article>"""
    assert _names(html, title="Harbor wall gives way | HarborNews") is None


def test_theme_wide_aside_class_does_not_hide_the_byline() -> None:
    html = f"""<div class="sidebar-layout"><article><h1 class="post-title">Harbor wall gives way in storm</h1>
    <div class="post-meta"><span class="meta-item post-author">By Jane Doe</span></div>
    <div class="post-content">{STORY}</div></article></div>"""
    assert _names(html) == ["Jane Doe"]


def test_names_in_separate_links_without_separators() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="article-byline"><a href="/a/1">Jane Doe</a><a href="/a/2">John Smith</a></div>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) == ["Jane Doe", "John Smith"]


def test_agency_line_in_a_child_block_does_not_run_into_the_name() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="story-byline"><div>By JANE DOE and JOHN SMITH</div><div>Associated Press</div></div>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) == ["JANE DOE", "JOHN SMITH"]


def test_photo_credit_is_not_a_byline() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <figure><img src="x.jpg"><figcaption class="photo-credit">Photo: Mary Major / Picture Agency</figcaption></figure>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) is None


def test_post_author_answering_a_comment() -> None:
    html = f"""<article><h1 class="entry-title">Harbor wall gives way in storm</h1>
    <div class="entry-content">{STORY}</div></article>
    <ol class="comment-list">
      <li class="comment byuser comment-author-reader1"><div class="comment-author vcard"><cite class="fn">Reader One</cite> says:</div><p>Great piece.</p></li>
      <li class="comment byuser comment-author-hafenblog bypostauthor"><div class="comment-author vcard"><cite class="fn">Hafenblogger</cite> says:</div><p>Thanks!</p></li>
    </ol>"""
    assert _names(html) == ["Hafenblogger"]


def test_posted_by_line_under_the_story() -> None:
    html = f"""<div><h3>Harbor wall gives way in storm</h3>{STORY}
    <p class="posted">Posted by Jane Doe at October 28, 2012 01:23 PM</p></div>"""
    assert _names(html) == ["Jane Doe"]


def test_credit_word_left_before_a_given_name_is_dropped() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="post-meta"><span class="author">Von Jessie</span></div>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) == ["Jessie"]


def test_text_and_illustration_credits_keep_the_writer() -> None:
    html = f"""<div><h2>Harbor wall gives way in storm</h2><p>Text von Hanna Berger Illustration von Paul Stein</p>
    {STORY}</div>"""
    assert _names(html) == ["Hanna Berger"]


def test_team_credited_as_author() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><ul><li>by Newsroom Team</li></ul>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) == ["Newsroom Team"]


def test_meta_line_with_date_and_category_around_the_name() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><p class="blog-post-meta">Dec 08, 2019 by Jane Doe in Local</p>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) == ["Jane Doe"]


def test_date_after_the_name_ends_the_byline() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="credit-text">By JANE DOE March 11, 2015 3:46 PM Morning Show</div>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) == ["JANE DOE"]


def test_story_signed_by_the_newsroom_and_its_writers() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}
    <p>HNR (Jane Doe, John Smith)</p></div></article>"""
    names = _names(html)
    assert names == ["Jane Doe", "John Smith"]


def test_printed_byline_completes_metadata_that_names_only_the_first_author() -> None:
    head = '<meta name="author" content="Jane Doe">'
    html = f"""<article><h1>Harbor wall gives way in storm</h1><p class="byline">By Jane Doe and John Smith</p>
    <div class="article-body">{STORY}</div></article>"""
    page = load_page(f"<html><head><title>Harbor</title>{head}</head><body>{html}</body></html>", format="html")
    found = bylines(page)
    assert found is not None and [b.name for b in found] == ["Jane Doe", "John Smith"]


def test_about_the_author_box_when_nothing_else_names_the_writer() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}</div>
    <div class="about-author-box"><h3><a href="/author/jd">Jane Doe</a></h3><p>Jane Doe covers the harbor and the council.</p></div>
    </article>"""
    assert _names(html) == ["Jane Doe"]
