"""Byline precision: labels that look like names, guest authors on someone's blog, the printed byline
against metadata naming someone the page never shows, teaser bylines under the story, and a lone given
name completed from the author's own bio (synthetic pages and strings)."""

from __future__ import annotations

import json

import pytest

from newsparse._fields.bylines import _jsonld_authors, bylines
from newsparse._page import load_page
from newsparse._parsing import looks_like_person_name, parse_byline

STORY = """
<p>The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.</p>
<p>Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.</p>
<p>Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.</p>
<p>Residents of the lower town were asked to move their cars away from the waterfront before the next high tide.</p>
"""


def _names(html: str, head: str = "", title: str = "Harbor wall gives way | Harbor Notes") -> list[str] | None:
    page = load_page(f"<html><head><title>{title}</title>{head}</head><body>{html}</body></html>", format="html")
    found = bylines(page)
    return None if found is None else [b.name for b in found]


# --- the parser: labels are not people ------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    ["Middle East", "Latin America", "Front Page", "World News", "Top Stories", "Careers Guide", "Special Report",
     "Related Articles", "Continue Reading", "Editor's Picks", "New York", "Stocks Rally After Fed Decision",
     "Hartwell Signs Harbor Bill", "Quenby Warns Residents"],
)  # fmt: skip
def test_labels_regions_and_headlines_are_no_names(label: str) -> None:
    assert not looks_like_person_name(label)
    assert parse_byline(label) == []


@pytest.mark.parametrize("name", ["Jimmy Page", "Kanye West", "Anna Best", "Jane Newman", "Asia Moreno"])
def test_one_label_word_beside_a_given_name_is_still_a_name(name: str) -> None:
    assert looks_like_person_name(name)
    assert [b.name for b in parse_byline(f"By {name}")] == [name]


@pytest.mark.parametrize(
    "line",
    ["By Jane Doe Follow on X", "Jane Doe See Full Bio", "Jane Doe About the author", "By Jane Doe Continue Reading",
     "By Jane Doe Listen to article", "By Jane Doe Gift this article", "By Jane Doe Sign up for our newsletter"],
)  # fmt: skip
def test_buttons_beside_the_name_are_cut_off(line: str) -> None:
    assert [(b.name, b.role) for b in parse_byline(line)] == [("Jane Doe", None)]


@pytest.mark.parametrize("button", ["Iscriviti Ora", "Jetzt Abonnieren", "Suscríbete Gratis", "Abonnez-vous"])
def test_a_subscribe_button_is_no_name(button: str) -> None:
    assert not looks_like_person_name(button)
    assert parse_byline(button) == []


@pytest.mark.parametrize("button", ["Abonnieren", "S'abonner", "Suscribirse", "Inscreva-se"])
def test_a_subscribe_button_after_the_name_is_cut_off(button: str) -> None:
    assert [b.name for b in parse_byline(f"Lena Vask {button}")] == ["Lena Vask"]


@pytest.mark.parametrize("line", ["By Jane Doe in Paris", "Jane Doe in The Hague", "Jane Doe aus Berlin"])
def test_the_place_a_reporter_filed_from_is_not_part_of_the_name(line: str) -> None:
    assert [b.name for b in parse_byline(line)] == ["Jane Doe"]


@pytest.mark.parametrize(
    "phrase",
    ["North America", "Asia Pacific", "Most Popular", "Latest Headlines", "Related Stories", "Film Reviews",
     "Latest Episodes", "Free Resources", "Community Forum", "Upper East Region", "Global Markets"],
)  # fmt: skip
def test_a_phrase_of_label_words_is_no_name(phrase: str) -> None:
    assert not looks_like_person_name(phrase)
    assert all(b.name != phrase for b in parse_byline("By " + phrase))


@pytest.mark.parametrize(
    "name", ["Alma Story", "Boris Best", "Carla West", "Dario Page", "Elena Reading", "Farid North", "Greta Young"]
)
def test_a_surname_that_is_a_label_word_is_still_a_name(name: str) -> None:
    # a surname that is also a label word ("Page", "West", "Best") does not make a label of the name
    assert looks_like_person_name(name)
    assert [b.name for b in parse_byline(f"By {name}")] == [name]


# --- guest posts ----------------------------------------------------------------------------------

BLOG_HEAD = '<meta name="author" content="Owen Blogwright">'


def _blog(first: str) -> str:
    return (
        "<article><h1>Walking the coast path in winter</h1><div class='entry-content'>"
        f"<p>{first}</p>{STORY}</div></article>"
        "<aside><p>Hi, I am Owen Blogwright and this is my travel blog.</p></aside>"
    )


def test_a_guest_post_credit_beats_the_blog_owner_in_metadata() -> None:
    assert _names(_blog("This is a guest post by Marta Ilves, a hiker from the north."), BLOG_HEAD) == ["Marta Ilves"]


def test_a_guest_post_by_a_given_name_alone() -> None:
    assert _names(_blog("Dies ist ein Gastbeitrag von Annika, die gern wandert."), BLOG_HEAD) == ["Annika"]


def _unsigned_blog(first: str) -> str:
    """A post whose page never prints the author its metadata names."""
    return (
        "<article><h1>Walking the coast path in winter</h1><div class='entry-content'>"
        f"<p>{first}</p>{STORY}</div></article>"
    )


def test_an_opening_credit_that_goes_on_beats_an_unprinted_metadata_author() -> None:
    first = "By Marta Ilves. Notes from three winters of walking, written for the club."
    assert _names(_unsigned_blog(first), BLOG_HEAD) == ["Marta Ilves"]


def test_an_opening_credit_does_not_beat_a_printed_author() -> None:
    # a book review opens with the reviewed book's credit; the story's own author is printed above it
    first = "By Marta Ilves. Harbor Books, 320 pages."
    html = (
        "<article><h1>Walking the coast path in winter</h1><p class='byline'>By Nora Lindqvist</p>"
        f"<div class='entry-content'><p>{first}</p>{STORY}</div></article>"
    )
    assert _names(html, '<meta name="author" content="Nora Lindqvist">') == ["Nora Lindqvist"]


def test_a_sentence_opening_with_by_and_a_day_is_no_credit() -> None:
    html = (
        "<article><h1>Walking the coast path in winter</h1><p class='byline'>By Nora Lindqvist</p>"
        f"<div class='entry-content'><p>By Sunday Morning. We left early.</p>{STORY}</div></article>"
    )
    assert _names(html, '<meta name="author" content="Nora Lindqvist">') == ["Nora Lindqvist"]
    # even where the page does not print the metadata's author
    assert _names(_unsigned_blog("By Sunday Morning. We left early."), BLOG_HEAD) == ["Owen Blogwright"]
    assert _names(_unsigned_blog("By Friday Evening, the path was closed."), BLOG_HEAD) == ["Owen Blogwright"]


def test_a_given_name_that_is_a_month_still_opens_a_credit() -> None:
    first = "By April Moss. Notes from three winters of walking, written for the club."
    assert _names(_unsigned_blog(first), BLOG_HEAD) == ["April Moss"]


def test_a_credit_line_alone_in_the_story_does_not_override_metadata() -> None:
    # a "By ..." line on its own among the first blocks may be a teaser's or a quoted book's byline
    assert _names(_blog("By Marta Ilves"), BLOG_HEAD) == ["Owen Blogwright"]


def test_without_a_guest_credit_the_metadata_stays() -> None:
    assert _names(_blog("We set out at dawn from the old lighthouse."), BLOG_HEAD) == ["Owen Blogwright"]


# --- metadata naming someone the page never prints ------------------------------------------------


def test_marked_author_element_beats_an_unprinted_metadata_author() -> None:
    html = (
        f"<article><h1>Harbor wall gives way in storm</h1><div class='article-body'>{STORY}</div>"
        "<h6>Authors</h6><div class='authors-container'><a href='/team/lena-vask/'><span>Lena Vask</span></a></div>"
        "</article>"
    )
    head = '<meta name="author" content="Petra Kolman">'
    assert _names(html, head) == ["Lena Vask"]


def test_metadata_author_printed_on_the_page_stays() -> None:
    html = (
        f"<article><h1>Harbor wall gives way in storm</h1><p>Petra Kolman</p><div class='article-body'>{STORY}</div>"
        "<div class='authors-container'><a href='/team/lena-vask/'><span>Lena Vask</span></a></div></article>"
    )
    assert _names(html, '<meta name="author" content="Petra Kolman">') == ["Petra Kolman"]


# --- teaser bylines under the story ---------------------------------------------------------------

TEASER_NAMES = ["Alma Hartwell", "Boris Quenby", "Carla Mendez", "Dario Feltz"]


def _teasers() -> str:
    return "".join(
        f'<div class="card"><h3>Other story number {i} about the town</h3><span class="byline">By {n}</span></div>'
        for i, n in enumerate(TEASER_NAMES)
    )


def test_bylines_of_a_teaser_list_under_the_story_are_not_its_authors() -> None:
    html = f"<h1>Harbor wall gives way in storm</h1>{STORY}<div>{_teasers()}</div>"
    assert _names(html) is None


def test_the_story_byline_printed_like_the_teasers_is_kept() -> None:
    byline = "<span class='byline'>By Nora Lindqvist</span>"
    html = f"<h1>Harbor wall gives way in storm</h1>{byline}{STORY}<div>{_teasers()}</div>"
    assert _names(html) == ["Nora Lindqvist"]


def test_two_bylines_printed_alike_are_no_teaser_list() -> None:
    html = (
        f"<h1>Harbor wall gives way in storm</h1>{STORY}<span class='byline'>By Nora Lindqvist</span>"
        "<span class='byline'>By Nora Lindqvist</span>"
    )
    assert _names(html) == ["Nora Lindqvist"]


# --- a lone given name completed -----------------------------------------------------------------


def test_a_given_name_in_json_ld_is_completed_from_its_bio() -> None:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbor wall gives way in storm",
        "author": {"@type": "Person", "name": "Tobias", "description": "Tobias Rennfeld - engineer and rider."},
    }
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert _names(f"<h1>Harbor wall gives way in storm</h1>{STORY}", head) == ["Tobias Rennfeld"]


def test_a_bio_about_someone_else_does_not_complete_the_name() -> None:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbor wall gives way in storm",
        "author": {"@type": "Person", "name": "Tobias", "description": "Writes about bikes. Lives by the sea."},
    }
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert _names(f"<h1>Harbor wall gives way in storm</h1>{STORY}", head) == ["Tobias"]



# --- a newsroom credited in JSON-LD when no person is ----------------------------------------------


def _ld_author(author: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbor wall gives way in storm",
            "author": author}  # fmt: skip
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_the_newsroom_json_ld_credits_is_returned_when_no_person_is() -> None:
    head = _ld_author({"@type": "Organization", "name": "Harbor Notes Online"})
    assert _names(f"<h1>Harbor wall gives way in storm</h1>{STORY}", head) == ["Harbor Notes Online"]


def test_a_printed_person_beats_the_newsroom_of_json_ld() -> None:
    head = _ld_author({"@type": "Organization", "name": "Harbor Notes Online"})
    html = f"<h1>Harbor wall gives way in storm</h1><p class='byline'>By Nora Lindqvist</p>{STORY}"
    assert _names(html, head) == ["Nora Lindqvist"]


@pytest.mark.parametrize("kind", [["Organization"], ["NewsMediaOrganization", "Thing"]])
def test_a_newsroom_typed_as_a_list_is_returned_when_no_person_is(kind: list[str]) -> None:
    head = _ld_author({"@type": kind, "name": "Harbor Lights"})
    assert _names(f"<h1>Harbor wall gives way in storm</h1>{STORY}", head) == ["Harbor Lights"]


def test_an_organisation_typed_as_a_list_is_no_person() -> None:
    head = _ld_author({"@type": ["Organization"], "name": "Harbor Lights"})
    page = load_page(f"<html><head>{head}</head><body><h1>Harbor wall</h1>{STORY}</body></html>", format="html")
    assert _jsonld_authors(page) == []
    person = _ld_author({"@type": ["Person"], "name": "Nora Lindqvist"})
    page = load_page(f"<html><head>{person}</head><body><h1>Harbor wall</h1>{STORY}</body></html>", format="html")
    assert [b.name for b in _jsonld_authors(page)] == ["Nora Lindqvist"]


def test_a_json_ld_person_that_is_no_name_nor_newsroom_is_not_returned() -> None:
    head = _ld_author({"@type": "Person", "name": "Updated"})
    assert _names(f"<h1>Harbor wall gives way in storm</h1>{STORY}", head) is None


def test_a_json_ld_person_named_like_the_site_is_returned_when_no_person_is() -> None:
    head = _ld_author({"@type": "Person", "name": "harbornotes.example"})
    assert _names(f"<h1>Harbor wall gives way in storm</h1>{STORY}", head) == ["harbornotes.example"]


def test_an_employer_after_from_is_the_affiliation() -> None:
    assert [(b.name, b.affiliation) for b in parse_byline("By Jane Doe from Harbor Notes News")] == [
        ("Jane Doe", "Harbor Notes News")
    ]
