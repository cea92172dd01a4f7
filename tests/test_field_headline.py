"""Headline and dek of the generic extractor (synthetic pages reproducing real CMS patterns)."""

from __future__ import annotations

from newsparse._fields.headline import _strip_site, headline, headline_text
from newsparse._page import Page, load_page

STORY = """
<p>The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.</p>
<p>Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.</p>
<p>Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.</p>
<p>Residents of the lower town were asked to move their cars away from the waterfront before the next high tide.</p>
"""


def _page(body: str, head: str = "", title: str = "Harbor wall gives way", url: str | None = None) -> Page:
    html = f"<html lang='en'><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    return load_page(html, format="html", url=url)


def test_site_suffix_is_only_stripped_when_it_names_the_site() -> None:
    keys = ["harbourtimes"]
    assert _strip_site("Wall falls: what the council said - Harbour Times", keys) == "Wall falls: what the council said"
    # a dash inside the headline is no site separator when the site is known by another name
    assert _strip_site("Wall falls - and the ferry stops", keys) == "Wall falls - and the ferry stops"
    # a leading site name goes too ("Site : Section : Story" keeps the section for later)
    assert _strip_site("Harbour Times | Harbor wall gives way in storm", keys) == "Harbor wall gives way in storm"


def test_section_part_of_title_does_not_win_over_the_story_part() -> None:
    # og:title "Section | Story | Site": the section heading above the story must not be taken for the headline
    head = '<meta property="og:title" content="Coast | Harbor wall gives way in storm | Harbour Times">'
    body = f"""<header><a href="/">Harbour Times</a></header><article><h2>Coast</h2>
    <h1>Harbor wall gives way in storm</h1><div class="entry">{STORY}</div></article>"""
    title = "Coast | Harbor wall gives way in storm | Harbour Times"
    page = _page(body, head, title=title, url="https://harbourtimes.test/a")
    assert headline_text(page) == "Harbor wall gives way in storm"


def test_printed_heading_that_agrees_with_declared_title_outside_navigation_wins() -> None:
    # the SEO <h1> sits in a navigation bar; the article prints the JSON-LD headline as its heading
    head = """<script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Council orders repairs after harbor wall collapse"}</script>"""
    body = f"""<nav><h1>Harbor wall gives way in storm</h1></nav>
    <article><h2 class="headline">Council orders repairs after harbor wall collapse</h2>
    <div class="entry">{STORY}</div></article>"""
    page = _page(body, head, title="Harbor wall gives way in storm")
    assert headline_text(page) == "Council orders repairs after harbor wall collapse"


def test_kicker_span_without_colon_takes_the_declared_punctuation() -> None:
    head = '<meta property="og:title" content="Storm night: Harbor wall gives way">'
    body = f"""<article><h1><span class="kicker">Storm night</span> Harbor wall gives way</h1>
    <div class="entry">{STORY}</div></article>"""
    assert headline_text(_page(body, head)) == "Storm night: Harbor wall gives way"


def test_printed_text_wins_when_it_only_differs_in_a_dash() -> None:
    head = '<meta property="og:title" content="Harbor wall: what went wrong in the storm">'
    body = f"""<article><h1>Harbor wall - what went wrong in the storm</h1><div class="entry">{STORY}</div></article>"""
    assert headline_text(_page(body, head)) == "Harbor wall - what went wrong in the storm"


def test_word_before_declared_title_in_heading_text_is_not_a_kicker() -> None:
    # "Most ..." is part of the printed headline, not a kicker element
    head = '<meta property="og:title" content="Common causes of harbor wall collapse - Coast Works">'
    body = f"""<article><h1>Most common causes of harbor wall collapse</h1><div class="entry">{STORY}</div></article>"""
    assert headline_text(_page(body, head)) == "Most common causes of harbor wall collapse"


def test_teaser_h1s_in_sidebar_do_not_hide_the_story_h1() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class="entry">{STORY}</div></article>
    <aside class="related"><h1>Ferry timetable changes for winter</h1><h1>New pier opens in spring</h1></aside>"""
    page = _page(body, title="Local news")
    assert headline_text(page) == "Harbor wall gives way in storm"


def test_blog_title_site_then_post_picks_the_post_heading() -> None:
    # "<Blog name>: <Post title>", both printed: the post title sits just above the story
    body = f"""<h1>Notes from the Quay</h1><p>A blog about boats and harbors.</p>
    <h2>November 9, 2012</h2><h3>Harbor wall gives way in storm</h3><div class="entry">{STORY}</div>"""
    page = _page(body, title="Notes from the Quay: Harbor wall gives way in storm")
    assert headline_text(page) == "Harbor wall gives way in storm"


def test_old_table_layout_with_generic_title_finds_the_bold_line_above_the_story() -> None:
    body = f"""<table><tr><td><a href="/">Home</a> <a href="/sport">Sport</a></td></tr>
    <tr><td><b>Harbor wall gives way in storm</b></td></tr>
    <tr><td>Monday, 14 January 2008</td></tr>
    <tr><td>{STORY}</td></tr></table>"""
    page = _page(body, title="The Harbour Gazette - National News")
    assert headline_text(page) == "Harbor wall gives way in storm"


def test_generic_title_is_kept_when_the_page_declares_a_per_article_title() -> None:
    # with an og:title, an unmarked short line above the story is not guessed as the headline
    head = '<meta property="og:title" content="Harbor wall gives way in storm">'
    body = f"""<div>Subscribe to our newsletter today</div><div class="entry">{STORY}</div>"""
    assert headline_text(_page(body, head, title="Harbor wall gives way in storm")) == "Harbor wall gives way in storm"


def test_title_decoration_is_removed() -> None:
    body = f"""<div class="entry">{STORY}</div>"""
    page = _page(body, title="=&gt; Harbor wall gives way in storm &lt;=")
    assert headline_text(page) == "Harbor wall gives way in storm"


def test_unmarked_standfirst_between_headline_and_byline_is_the_dek() -> None:
    dek = "Engineers had warned for years that the old wall could not hold against a surge of that size."
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <p>{dek}</p>
    <p class="meta"><span class="author">By Ann Lee</span></p><p>8 January 2020</p>
    <div class="entry">{STORY}</div></article>"""
    h = headline(_page(body))
    assert h is not None and h.subheadline == dek


def test_first_story_paragraph_under_the_byline_is_no_dek() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <p class="meta"><span class="author">By Ann Lee</span></p>
    <div class="entry">{STORY}</div></article>"""
    h = headline(_page(body))
    assert h is not None and h.subheadline is None


def test_date_line_above_byline_is_no_dek() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <p>Originally posted on Monday, January 14, 2008 by the harbor desk</p>
    <p class="meta"><span class="author">By Ann Lee</span></p>
    <div class="entry">{STORY}</div></article>"""
    h = headline(_page(body))
    assert h is not None and h.subheadline is None


def test_number_stamp_between_headline_and_story_is_skipped() -> None:
    body = f"""<table><tr><td><a href="/">Home</a> <a href="/sport">Sport</a></td></tr>
    <tr><td><b>Harbor wall gives way in storm</b></td></tr>
    <tr><td>20080109 15:24</td></tr>
    <tr><td>{STORY}</td></tr></table>"""
    page = _page(body, title="The Harbour Gazette - National News")
    assert headline_text(page) == "Harbor wall gives way in storm"


def test_a_columnist_name_set_as_a_heading_is_not_the_headline() -> None:
    # a front page: the title names only the site, a teaser block is headed by its columnist's name
    head = '<meta property="og:title" content="Harbour Times en Español">'
    body = """<nav><a href="/">Inicio</a> <a href="/opinion">Opinión</a></nav>
    <article class="css-15cbhtu"><h3>Marta Q. Elst</h3>
    <h2><a href="/es/opinion/muelle">El muelle que nadie quiso arreglar</a></h2>
    <p>Durante años advertimos que el muro del puerto no resistiría una tormenta como la del martes.
    El ayuntamiento prefirió mirar hacia otro lado, y ahora los vecinos pagan las consecuencias.
    Nadie en el consejo quiso firmar la orden de reparación cuando todavía era barata.</p>
    <p><span>By <span class="last-byline">Marta Q. Elst</span></span></p></article>"""
    page = _page(body, head, title="Harbour Times en Español - Harbour Times", url="https://harbourtimes.test/es")
    assert headline_text(page) != "Marta Q. Elst"


def test_masthead_site_name_is_not_the_title_matching_block() -> None:
    # the <title> is only the site's name; the masthead prints that name, the story its own headline
    body = f"""<div class="top"><p>Harbour Times</p></div>
    <div><p>Search</p></div>
    <div class="story"><p>Ferry moves to the north pier</p><p>By Jane Roe</p>{STORY}</div>"""
    page = _page(body, title="Harbour Times Online", url="https://harbourtimes.test/story.php?id=7")
    assert headline_text(page) != "Harbour Times"


def test_section_h1_gives_way_to_story_heading_above_the_date_and_label_lines() -> None:
    # an index template reused for a story: <h1> names the section, the story's <h2> sits over its date line
    # and its linked label line ("Filed under: <a>Coast</a>"), which is no headline
    body = f"""<h1>Latest News</h1><div class="menu"><p>Archives</p></div>
    <div class="post"><h2>Ferry moves to the north pier after storm</h2>
    <div class="meta">Posted Friday, January 18, 2008</div>
    <div class="meta">Filed under: <a href="/c/coast">Coast</a></div></div><div class="text">{STORY}</div>"""
    page = _page(body, title="")
    assert headline_text(page) == "Ferry moves to the north pier after storm"


def test_headline_under_a_date_line_the_story_opens_with() -> None:
    # the story's found start is its date line: the headline printed under it is still taken
    body = f"""<div class="col"><a href="/s">Other Sports</a></div>
    <div class="art"><p class="date">Thursday, January 10, 2008</p>
    <p class="headline">Ferry moves to the north pier</p>{STORY}</div>"""
    page = _page(body, title="Harbour Post: Coast")
    assert headline_text(page) == "Ferry moves to the north pier"


def test_story_opening_with_its_headline_over_the_byline() -> None:
    # an unmarked line opening the story, right over "By ..." and the date line, is its headline
    body = f"""<div class="menu"><ul><li><a href="/a">Markets</a></li><li><a href="/b">Muse</a></li></ul></div>
    <div class="story"><div>Ferry moves to the north pier (Update2)</div><p>By Jane Roe</p>{STORY}</div>"""
    page = _page(body, title="Harbour Post: Coast")
    assert headline_text(page) == "Ferry moves to the north pier (Update2)"


def test_tool_lines_between_headline_and_story_are_passed_over() -> None:
    # old table layout: unmarked headline cell, then "Save Email Print", the date and a comments count
    body = f"""<table><tr><td>Ferry moves to the north pier</td></tr>
    <tr><td><a href="/s">Save</a> <a href="/e">Email</a> <a href="/p">Print</a></td></tr>
    <tr><td>Posted: 6:12 PM Dec 30, 2007</td></tr></table>
    <div><a href="#c">0 comments</a></div><div>A | A | A</div>
    <div class="text">{STORY}</div>"""
    page = _page(body, title="Harbour Post - Coast  Coast section front")
    assert headline_text(page) == "Ferry moves to the north pier"
