"""Headline: masthead and permalink headings, section-named titles, pages that name no headline (synthetic pages)."""

from __future__ import annotations

from newsparse._fields.headline import _repair, _strip_site, headline, headline_text
from newsparse._page import Page, load_page

STORY = """
<p>The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.</p>
<p>Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.</p>
<p>Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.</p>
<p>Residents of the lower town were asked to move their cars away from the waterfront before the next high tide.</p>
"""

#: The site's menu, printed before the story.
NAV = '<ul class="menu">' + "".join(f'<li><a href="/{w}">{w}</a></li>' for w in ("Home", "Coast", "Contact")) + "</ul>"


def _page(body: str, head: str = "", title: str | None = None, url: str | None = None) -> Page:
    t = f"<title>{title}</title>" if title is not None else ""
    html = f"<html lang='en'><head><meta charset='utf-8'>{t}{head}</head><body>{body}</body></html>"
    return load_page(html, format="html", url=url)


def test_garbled_title_is_read_again_as_utf8() -> None:
    assert _repair("Caf\u00c3\u00a9 owners \u00e2\u20ac\u201c a year on") == "Caf\u00e9 owners \u2013 a year on"
    assert _repair("Caf\u00e9 owners meet") == "Caf\u00e9 owners meet"  # a right title stays


def test_blog_permalink_heading_agrees_with_a_garbled_title() -> None:
    # the <title> was decoded with the wrong charset; the post title is printed as a link to itself
    title = "Coast Notes : Harbor wall\u00c2\u00b4s last winter"
    body = f"""<div id="header"><p>Coast Notes</p></div>
    <div class="post"><h1><a href="/2008/05/harbor-wall" rel="bookmark">Harbor wall\u00b4s last winter</a></h1>
    <p>May 26, 2008 | admin</p>{STORY}</div>"""
    assert headline_text(_page(body, title=title, url="https://coastnotes.test/2008/05/harbor-wall")) == (
        "Harbor wall\u00b4s last winter"
    )


def test_linked_masthead_naming_the_site_is_no_headline() -> None:
    # the blog's <title> is its own name, printed as the masthead link; the post title is a permalink <h2>
    body = f"""<h1><a href="https://coastnotes.test/">Anna's - Coast Notes</a></h1><p>Small things</p>
    <div class="post"><p>Feb 18 2009</p>
    <h2><a href="https://coastnotes.test/harbor-wall/" rel="bookmark">Harbor wall gives way in the storm</a></h2>
    {STORY}</div>"""
    page = _page(body, title="Anna's - Coast Notes", url="https://coastnotes.test/")
    assert headline_text(page) == "Harbor wall gives way in the storm"


def test_section_name_in_title_and_heading_yields_to_the_story_heading() -> None:
    body = f"""<div id="header">{NAV}<h1>Sports Wire</h1></div><div class="story">
    <p>Tue, 15 Jan 2008 14:50:06 GMT</p><p><a href="/m">E-mail</a> | <a href="/p">Print</a></p>
    <h2>Harbor club asks league to review the final</h2>{STORY}</div>"""
    page = _page(body, title="harbortimes.test - Sports Wire", url="https://harbortimes.test/sports/1")
    assert headline_text(page) == "Harbor club asks league to review the final"


def test_heading_over_a_list_of_linked_teasers_is_not_the_headline() -> None:
    teasers = "".join(
        f'<p><a href="/s/{i}">Another story about the coast and its many harbors, part {i}</a></p>' for i in range(3)
    )
    body = f"""<div id="header">{NAV}</div><div class="story"><p>2008-01-14 00:40:17</p>
    <h3>More in Coast news</h3>{teasers}{STORY}</div>"""
    title = "Harbor wall gives way in the storm / Online News @ Harbortimes"
    page = _page(body, title=title, url="https://harbortimes.test/a")
    assert headline_text(page) == "Harbor wall gives way in the storm"


def test_two_word_page_type_in_title_yields_to_the_story_heading() -> None:
    body = f"""{NAV}<p>NEWS ARTICLE</p><h3 class="headline">Harbor wall gives way in the storm</h3>
    <p>Tuesday January 8, 2008</p>{STORY}"""
    page = _page(body, title="HarborTimes.test :: News Article")
    assert headline_text(page) == "Harbor wall gives way in the storm"


def test_page_without_title_takes_the_line_over_the_agency_and_date() -> None:
    body = f"""<p>Harbor wall gives way in storm</p><p>Coast Press Agency Service</p>
    <p>Monday, January 14, 2008 (Portsmouth):</p>{STORY}"""
    assert headline_text(_page(body)) == "Harbor wall gives way in storm"


def test_page_without_title_prefers_the_line_over_the_byline_to_a_generic_h1() -> None:
    body = f"""<h1>News</h1><p>Harbor wall gives way in the storm</p><p>by Jane Harbor - January 16 2008</p>
    {STORY}"""
    assert headline_text(_page(body)) == "Harbor wall gives way in the storm"


def test_kicker_element_the_declared_titles_lack_is_dropped() -> None:
    head = '<meta property="og:title" content="Storm: Harbor wall gives way | Harbour Times">'
    body = f"""<article><h1><span class="kicker">After the storm</span> Harbor wall gives way</h1>
    <p>Updated: 20 April 2020, 14:57</p><div class="entry">{STORY}</div></article>"""
    page = _page(body, head, title="Storm: Harbor wall gives way | Harbour Times", url="https://harbourtimes.test/a")
    assert headline_text(page) == "Harbor wall gives way"


def test_kicker_element_the_declared_title_carries_is_kept() -> None:
    head = '<meta property="og:title" content="After the storm: Harbor wall gives way">'
    body = f"""<article><h1><span class="kicker">After the storm</span> Harbor wall gives way</h1>
    <div class="entry">{STORY}</div></article>"""
    assert headline_text(_page(body, head, title="After the storm: Harbor wall gives way")) == (
        "After the storm: Harbor wall gives way"
    )


def test_section_after_a_leading_site_name_is_stripped() -> None:
    keys = ["harbourtimes"]
    assert _strip_site("HarbourTimes.com - Coast - Wall: council orders repairs", keys) == (
        "Wall: council orders repairs"
    )
    # a long part after the site's name is the story itself
    assert _strip_site("HarbourTimes.com - Harbor wall gives way in storm", keys) == "Harbor wall gives way in storm"


def test_paragraph_set_as_h2_under_the_h1_is_no_dek() -> None:
    long_h2 = " ".join(["The harbor society meets every week to plan the repairs of the old wall."] * 8)
    body = f"<h1>What is the Harbor Society?</h1><h2>{long_h2}</h2>"
    h = headline(_page(body, title="What is the Harbor Society?"))
    assert h is not None and h.text == "What is the Harbor Society?"
    assert h.subheadline is None


def test_title_naming_only_site_and_section_yields_to_the_line_over_the_byline() -> None:
    body = f"""<div id="header">{NAV}</div><div class="story"><p>Harbor wall gives way in the storm</p>
    <p>Get Coast and Weather Feeds</p><p>By THE COAST PRESS</p>{STORY}</div>"""
    title = "Harbour Times for the towns of the coast - Arts and Entertainment"
    page = _page(body, title=title, url="https://www.harbourtimes.test/article/1")
    assert headline_text(page) == "Harbor wall gives way in the storm"


def test_blog_name_and_post_title_both_printed_the_post_title_wins() -> None:
    # <title> "Blog: Post"; the blog's name is the masthead <h1>, the post title an <h3> under the date
    body = f"""<h1>Coast Notes Weekly</h1><p>A blog about the coast and its harbors.</p>
    <h2>November 13, 2012</h2><h3>Harbor wall gives way in the storm</h3>{STORY}"""
    page = _page(body, title="Coast Notes Weekly: Harbor wall gives way in the storm")
    assert headline_text(page) == "Harbor wall gives way in the storm"


def test_one_paragraph_post_over_its_posted_on_line_is_no_dek() -> None:
    body = """<h1>Coast Notes</h1><h3>Harbor wall gives way in the storm</h3>
    <p>The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the council said.</p>
    <p class="date">Posted on November 13, 2012 at 6:15 AM</p><h2>Comments</h2>
    <div class="comment"><p>What a night it was down by the water, we saw the whole thing from the pier.</p></div>"""
    h = headline(_page(body, title="Coast Notes: Harbor wall gives way in the storm"))
    assert h is not None and h.text == "Harbor wall gives way in the storm"
    assert h.subheadline is None
