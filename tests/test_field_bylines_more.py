"""Bylines of the generic extractor: metadata fields, labelled names, author cards, sign-offs and the
lines that only look like names (synthetic pages reproducing common CMS patterns)."""

from __future__ import annotations

from newsparse._fields.bylines import bylines
from newsparse._page import load_page

STORY = """
<p>The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.</p>
<p>Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.</p>
<p>Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.</p>
<p>Residents of the lower town were asked to move their cars away from the waterfront before the next high tide.</p>
"""


def _names(html: str, head: str = "", title: str = "Harbor wall gives way | Harbor News") -> list[str] | None:
    page = load_page(
        f"<html><head><title>{title}</title>{head}</head><body>{html}</body></html>", format="html"
    )
    found = bylines(page)
    return None if found is None else [b.name for b in found]


PLAIN = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}</div></article>"""


# --- <meta> ---------------------------------------------------------------------------------------


def test_cms_author_meta_field_behind_a_profile_url() -> None:
    head = (
        '<meta property="article:author" content="https://social.example/harbornews">'
        '<meta name="cms_authors" content="Jane Doe">'
    )
    assert _names(PLAIN, head) == ["Jane Doe"]


def test_social_card_creator_is_not_the_author() -> None:
    head = '<meta name="twitter:creator" content="Jane Doe">'
    assert _names(PLAIN, head) is None


def test_meta_author_with_an_email_address() -> None:
    head = '<meta name="author" content="Jane Doe, jane@harbor.example">'
    assert _names(PLAIN, head) == ["Jane Doe"]


def test_meta_author_that_is_a_given_name() -> None:
    assert _names(PLAIN, '<meta name="author" content="Marisol">') == ["Marisol"]


def test_meta_author_that_is_the_site_or_a_label_is_no_given_name() -> None:
    assert _names(PLAIN, '<meta name="author" content="Harbornews">', title="Wall | HarborNews") is None
    assert _names(PLAIN, '<meta name="author" content="Name">') is None
    assert _names(PLAIN, '<meta name="author" content="NDR">') is None


def test_printed_full_name_completes_a_given_name_in_metadata() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><p class="byline">By Marisol Vega</p>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html, '<meta name="author" content="Marisol">') == ["Marisol Vega"]


def test_association_in_meta_author_is_no_person() -> None:
    assert _names(PLAIN, '<meta name="author" content="Harbor-Freunde e.V.">') is None


# --- markup ---------------------------------------------------------------------------------------


def test_blog_handle_in_a_rel_author_link() -> None:
    html = f"""<div class="post"><h2>Harbor wall gives way in storm</h2>
    <div class="meta">26 May, 2008 | <a href="/author/x" rel="author">Sea_Wolf</a> | <a href="#c">Comments 4</a></div>
    <div class="entry">{STORY}</div></div>"""
    assert _names(html) == ["Sea_Wolf"]


def test_place_under_the_headline_is_no_byline() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="c-signature"><strong class="c-signature__location">Porto Alegre</strong></div>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) is None
    html = html.replace("c-signature__location", "c-signature__name")
    assert _names(html) == ["Porto Alegre"]  # the same line, marked as a name


def test_tag_links_under_the_headline_are_no_byline() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <ul><li class="list__item item--tag"><a href="/blog/?tag=coastal-works">Coastal Works</a></li></ul>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) is None
    html = html.replace(' class="list__item item--tag"', "").replace("/blog/?tag=coastal-works", "/team/coastal-works")
    assert _names(html) == ["Coastal Works"]


def test_byline_name_elements_keep_the_job_title_out() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="post-author">Written By: <span class="author-name">Jane Doe</span>
    Executive Digital Editor and Master Gardener</div>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) == ["Jane Doe"]


def test_pen_name_with_an_article_in_byline_markup() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="entry-meta">May 21, 2025 <span class="byline">by
    <span class="author vcard"><a class="url fn n" href="/a">The Harbormaster</a></span></span></div>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) == ["The Harbormaster"]
    assert _names(html.replace("The Harbormaster", "The Harbor Times")) is None


def test_authors_credit_in_the_story_s_last_line() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}
    <div class="field--name-field-authors"><p>Authors: Jane Doe and John Smith, coastal engineers</p></div>
    <p>Reviewed in 2024</p></div></article>"""
    assert _names(html) == ["Jane Doe", "John Smith"]


# --- labelled names, author cards, sign-offs ------------------------------------------------------


def test_credit_label_over_the_name() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}</div>
    <h2>Article by</h2><div>Jane Doe</div><div>Back to all posts</div></article>"""
    assert _names(html) == ["Jane Doe"]


def test_authors_label_over_a_list_of_names() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}</div>
    <aside><h6>Date</h6><p>November 2003</p><h6>Author(s)</h6>
    <ul><li><a href="/p/1">Jane A. Doe</a></li><li><a href="/p/2">John B. Smith</a></li></ul></aside></article>"""
    assert _names(html) == ["Jane A. Doe", "John B. Smith"]


def test_name_heading_over_an_author_label() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}</div>
    <div><h3>Jane Doe</h3><div>Author</div><p>Jane builds harbors.</p></div></article>"""
    assert _names(html) == ["Jane Doe"]


def test_author_card_bio_opening_with_the_given_name() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}
    <p><strong>Jane Doe</strong> Coast-based Independent Science Writer</p>
    <p>Jane explores how small towns live with the sea, and has written about harbors for ten years.</p></div></article>"""
    assert _names(html) == ["Jane Doe"]


def test_about_the_author_heading_over_a_bio() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}
    <h2>Author Bio</h2><p>Jane Doe is an experienced writer of articles about the coast and its towns.</p></div></article>"""
    assert _names(html) == ["Jane Doe"]


def test_product_heading_over_its_description_is_no_author_card() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}
    <p><b>Harbor Grinder</b></p><p>Harbor Grinder is a compact machine with two burrs and a quiet motor for small kitchens.</p>
    <h3>Storm Barrier</h3><p>Storm Barrier comes with steel panels that bolt onto any quay in less than an hour.</p></div></article>"""
    assert _names(html) is None


def test_story_signed_in_bold_at_its_start_or_end() -> None:
    start = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">
    <p><strong>Jane Doe/John Smith</strong></p>{STORY}</div></article>"""
    assert _names(start) == ["Jane Doe", "John Smith"]
    end = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}
    <p><strong>Jane Doe</strong></p></div></article>"""
    assert _names(end) == ["Jane Doe"]
    plain = end.replace("<strong>", "").replace("</strong>", "")
    assert _names(plain) is None  # a closing line that is not set apart is no signature


def test_given_name_beside_the_full_name_is_one_person() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}</div></article>
    <p><a rel="author" href="/author/marisol">Marisol</a> <a rel="author" href="/author/marisol">Marisol Vega</a></p>"""
    assert _names(html) == ["Marisol Vega"]


def test_printed_credit_line_wins_over_metadata_that_names_nobody_on_the_page() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <p class="byline">By Jane Doe and John Smith / Harbor News Staff Writers</p>
    <div class="article-body">{STORY}</div></article>"""
    head = '<meta name="author" content="Mara Quill">'
    assert _names(html, head) == ["Jane Doe", "John Smith"]
    printed_too = html.replace("</article>", "<p>Mara Quill edited this story.</p></article>")
    assert _names(printed_too, head) == ["Mara Quill"]  # the metadata's person is on the page: it stays


def test_staff_photo_credit_is_not_a_byline() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="credit">STAFF PHOTO BY JANE DOE</div>
    <div class="article-body">{STORY}</div></article>"""
    assert _names(html) is None


def test_author_label_over_a_teaser_of_the_author_s_page() -> None:
    html = f"""<div class="content"><h1 class="title">Harbor wall gives way in storm</h1>
    <div class="field-label">Author:</div>
    <div class="node node-author node-teaser"><h2 class="node-title"><a href="/people/jd">Jane Doe</a></h2>
    <div class="field-item">Harbor engineer</div></div>
    <div class="field-label">Topics:</div><div class="article-body">{STORY}</div></div>"""
    assert _names(html) == ["Jane Doe"]


def test_written_by_label_over_a_name_and_job() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}</div>
    <div class="authors-box"><h5>Written by:</h5><div class="author-meta">Jane Doe Writer</div>
    <div>Jane is a writer at the harbor paper, covering the coast since 2019 and the council before that.</div></div>
    </article>"""
    assert _names(html) == ["Jane Doe"]


def test_metadata_that_credits_the_editor_gives_way_to_the_printed_byline() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="author-2">Jane Doe</div>
    <div class="article-body">{STORY}<p class="editor">Editor : Mara Quill</p></div></article>"""
    head = '<meta name="author" content="Mara Quill">'
    assert _names(html, head) == ["Jane Doe"]
    assert _names(html.replace("Editor : ", "Photo desk: "), head) == ["Mara Quill"]


def test_letter_signed_with_a_given_name_above_the_date() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}
    <p>Marisol</p><p>10. September 2017</p></div></article>"""
    assert _names(html) == ["Marisol"]
    assert _names(html.replace("<p>Marisol</p>", "<p>Cheers</p>")) is None


def test_user_badge_above_a_community_post_title() -> None:
    html = f"""<main><a href="/u/1" class="user-badge"><div class="avatar-side-name">sea.wolf</div></a>
    <h1>Harbor wall gives way in storm</h1><div class="article-body">{STORY}</div></main>"""
    assert _names(html) == ["sea.wolf"]
    assert _names(html.replace("user-badge", "teaser").replace("avatar-side-name", "kicker-text")) is None
