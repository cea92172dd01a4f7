"""Headline: masthead and permalink headings, section-named titles, pages that name no headline (synthetic pages)."""

from __future__ import annotations

import pytest

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


GERMAN_HEAD = "Hafenmauer h\u00e4lt dem Sturm nicht stand"
GERMAN_STORY = """
<p>Die alte Hafenmauer ist in der Nacht zum Dienstag eingestürzt, als der Sturm das Wasser über den Kai drückte.</p>
<p>Ingenieure hatten seit Jahren gewarnt, dass die Mauer einer solchen Flut nicht mehr standhalten würde.</p>
<p>Die Reparatur wird den ganzen Winter dauern, die Fähre legt bis dahin am Nordanleger an.</p>
"""


@pytest.mark.parametrize(
    ("domain", "title", "section", "meta_line", "story_heading"),
    [
        ("coastpost.test", "Weather Desk | coastpost.test", "Weather Desk", "2011-03-04 09:12", "Club asks for review"),
        ("coastpost.test", "coastpost.test \u00bb Town Hall", "Town Hall", "4 March 2011 9.12am", "Pier vote delayed"),
        ("kuestenbote.test", "Lokales - K\u00fcstenbote", "Lokales", "4. M\u00e4rz 2011, 09:12 Uhr", GERMAN_HEAD),
    ],
)
def test_section_name_in_title_and_heading_yields_to_the_story_heading(
    domain: str, title: str, section: str, meta_line: str, story_heading: str
) -> None:
    # an index template reused for a story: the section's name is the <title> and the <h1>, the story an <h2>
    story = GERMAN_STORY if story_heading == GERMAN_HEAD else STORY
    body = f"""<div id="header">{NAV}<h1>{section}</h1></div><div class="story">
    <p>{meta_line}</p><p><a href="/share">Share</a> | <a href="/save">Save</a></p>
    <h2>{story_heading}</h2>{story}</div>"""
    page = _page(body, title=title, url=f"https://{domain}/section/1")
    assert headline_text(page) == story_heading


@pytest.mark.parametrize(
    ("list_heading", "meta_line", "site", "domain"),
    [
        ("Also in Weather", "March 4, 2011 9:12 am", " | Coast Post", "coastpost.test"),
        ("Mehr zum Thema", "04.03.2011 09:12", " - K\u00fcstenbote Online", "kuestenbote.test"),
        ("\u00c0 lire aussi", "le 4 mars 2011 \u00e0 09h12", " \u00b7 Le Phare", "lephare.test"),
    ],
)
def test_heading_over_a_list_of_linked_teasers_is_not_the_headline(
    list_heading: str, meta_line: str, site: str, domain: str
) -> None:
    teasers = "".join(
        f'<p><a href="/s/{i}">Another story about the coast and its many harbors, part {i}</a></p>' for i in range(3)
    )
    body = f"""<div id="header">{NAV}</div><div class="story"><p>{meta_line}</p>
    <h3>{list_heading}</h3>{teasers}{STORY}</div>"""
    page = _page(body, title="Harbor wall gives way in the storm" + site, url=f"https://{domain}/a")
    assert headline_text(page) == "Harbor wall gives way in the storm"


@pytest.mark.parametrize(
    ("title", "page_type", "date_line"),
    [
        ("CoastPost.test | Full Story", "FULL STORY", "March 4, 2011"),
        ("Story Page - CoastPost.test", "Story Page", "04/03/2011"),
        ("Kuestenbote.test :: Artikel Ansicht", "Artikel Ansicht", "Freitag, 4. M\u00e4rz 2011"),
    ],
)
def test_short_page_type_in_title_yields_to_the_story_heading(title: str, page_type: str, date_line: str) -> None:
    # the <title> names only the site and the page type, which the page prints as a label over the headline
    body = f"""<div id="header">{NAV}</div><div class="story"><p>{page_type}</p>
    <h3 class="headline">Harbor wall gives way in the storm</h3><p>{date_line}</p>{STORY}</div>"""
    assert headline_text(_page(body, title=title)) == "Harbor wall gives way in the storm"


@pytest.mark.parametrize(
    ("agency", "date_line"),
    [
        ("Coast Press Agency Service", "Monday, January 14, 2008 (Portsmouth):"),
        ("Island Wire", "Friday, 4 March 2011"),
    ],
)
def test_page_without_title_takes_the_line_over_the_agency_and_date(agency: str, date_line: str) -> None:
    body = f"""<p>Harbor wall gives way in storm</p><p>{agency}</p><p>{date_line}</p>{STORY}"""
    assert headline_text(_page(body)) == "Harbor wall gives way in storm"


@pytest.mark.parametrize(
    ("generic_h1", "byline"),
    [
        ("Latest", "By Tom Reed | March 2, 2011"),
        ("Nachrichten", "Von Anna Berg, 2. M\u00e4rz 2011"),
        ("Actualit\u00e9s", "Par Luc Martin, le 2 mars 2011"),
    ],
)
def test_page_without_title_prefers_the_line_over_the_byline_to_a_generic_h1(generic_h1: str, byline: str) -> None:
    body = f"""<h1>{generic_h1}</h1><p>Harbor wall gives way in the storm</p><p>{byline}</p>
    {STORY}"""
    assert headline_text(_page(body)) == "Harbor wall gives way in the storm"


@pytest.mark.parametrize("ferry_rel", ["", ' rel="bookmark"'])
def test_linked_lines_of_a_list_holding_permalinks_are_no_headline(ferry_rel: str) -> None:
    # a related-posts box over the story, with no class that says so: linked teaser titles, each over its
    # date, one or all of them rel=bookmark (their own posts' permalinks, not this page's title)
    related = f"""<div class="box"><a href="/ferry"{ferry_rel}>Ferry timetable changes for the winter</a><br>
    March 1, 2009<br><a href="/dunes" rel="bookmark">Dune walk reopens after the repairs</a><br>March 3, 2009<br></div>"""
    body = f"""{related}<div class="story"><p>Harbor wall gives way in storm</p><p>Coast Press Agency Service</p>
    <p>Friday, 4 March 2011</p>{STORY}</div>"""
    assert headline_text(_page(body)) == "Harbor wall gives way in storm"


def test_permalink_heading_with_author_and_date_after_the_link_is_the_headline() -> None:
    # the blog's post title links to itself; the heading also prints the author and the day after the link
    body = f"""<h1><a href="https://coastnotes.test/">Coast Notes</a></h1><p>Small things</p>
    <div class="post"><h2><a href="/harbor-wall/" rel="bookmark">Harbor wall gives way in the storm</a>
    <span class="author">Anna</span> <small>Feb 18</small></h2>{STORY}</div>"""
    page = _page(body, title="Coast Notes", url="https://coastnotes.test/")
    text = headline_text(page)
    assert text is not None and text.startswith("Harbor wall gives way in the storm")


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


@pytest.mark.parametrize(
    ("title", "between", "byline"),
    [
        ("Coast Post, news for the bays and islands | Weather and Tides", "Subscribe to Alerts", "BY ISLAND WIRE"),
        ("Coast Post \u2013 the paper of the bays \u2013 Culture", "Culture desk feeds", "By Tom Reed"),
        pytest.param(
            "Coast Post \u2013 the paper of the bays \u2013 Culture",
            "Follow the Culture Desk by RSS",
            "By Tom Reed",
            marks=pytest.mark.xfail(
                strict=True,
                reason="a headline-like line of more than AGENCY_LINE_MAX_WORDS words between the headline and "
                "the byline is taken for the headline (known limitation)",
            ),
        ),
        ("Coast Post: Nachrichten von der Küste - Kultur", "Kultur-Newsletter abonnieren", "Von Anna Berg"),
        ("Coast Post, news for the bays and islands | Weather", "", "March 4, 2011"),
    ],
)
def test_title_naming_only_site_and_section_yields_to_the_line_over_the_byline(
    title: str, between: str, byline: str
) -> None:
    # a <title> "Site and tagline - Section" that nothing printed repeats names no story: the line over the
    # byline (or date) line does, past a short feed or newsletter line between them
    tool = f"<p>{between}</p>" if between else ""
    body = f"""<div id="header">{NAV}</div><div class="story"><p>Harbor wall gives way in the storm</p>
    {tool}<p>{byline}</p>{STORY}</div>"""
    page = _page(body, title=title, url="https://www.coastpost.test/article/1")
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
