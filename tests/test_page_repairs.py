"""Markup accidents that would hide the whole page from the block walk (synthetic pages)."""

from __future__ import annotations

from newsparse._page import load_page

STORY = (
    "The harbour committee met on Tuesday to decide the future of the old sea wall, which has stood "
    "since the storm of the last century and now needs repair before the winter tides arrive."
)
SCRIPT = "function f(a) { return a + 1; }\n" * 60  # long enough that a swallowing title passes 1000 chars


def _texts(html: str) -> list[str]:
    return [b.text for b in load_page(html, format="html").blocks]


def test_unclosed_title_is_closed_before_the_next_tag() -> None:
    html = (
        "<html><head><title>Sea wall to be rebuilt" + SCRIPT + "</script></head>"
        "<body><h1>Sea wall to be rebuilt</h1><p>" + STORY + "</p></body></html>"
    )
    page = load_page(html, format="html")
    assert STORY in [b.text for b in page.blocks]
    assert any("title" in w for w in page.warnings)


def test_short_title_with_a_bracket_is_left_alone() -> None:
    html = "<html><head><title>a < b</title></head><body><p>" + STORY + "</p></body></html>"
    page = load_page(html, format="html")
    assert [b.text for b in page.blocks] == [STORY]
    assert not any("title" in w for w in page.warnings)


def test_second_document_after_html_end_is_read() -> None:
    html = (
        "<html><head><script>" + SCRIPT + "</script></head><body><p>Weather: clear</p></body></html>\n"
        "<script>var x = 1;</script>\n"
        "<!DOCTYPE html><html><head><title>Sea wall</title></head><body><p>" + STORY + "</p></body></html>"
    )
    assert STORY in _texts(html)


def test_widget_after_html_end_stays_dropped() -> None:
    html = "<html><body><p>" + STORY + "</p></body></html>\n<div class='modal'><p>Start your free trial</p></div>"
    assert _texts(html) == [STORY]


def test_streamed_segment_goes_to_its_placeholder() -> None:
    html = (
        "<html><body><header><p>Site menu</p></header><template id=\"B:1\"></template>"
        "<footer><p>Site footer</p></footer>"
        "<div hidden id=\"S:1\"><main><p>" + STORY + "</p></main></div></body></html>"
    )
    assert _texts(html) == ["Site menu", STORY, "Site footer"]


def test_hidden_div_without_the_story_stays_hidden() -> None:
    html = "<html><body><p>" + STORY + "</p><div hidden><p>Secret menu</p></div></body></html>"
    assert _texts(html) == [STORY]


def test_hidden_body_child_holding_main_is_read() -> None:
    html = "<html><body><div hidden><main><p>" + STORY + "</p></main></div></body></html>"
    assert _texts(html) == [STORY]


def test_hidden_element_deeper_holding_an_article_stays_hidden() -> None:
    html = (
        "<html><body><main><p>" + STORY + "</p><div><div hidden><article><p>Next story teaser</p>"
        "</article></div></div></main></body></html>"
    )
    assert _texts(html) == [STORY]


def test_open_button_swallowing_the_page_is_read() -> None:
    html = (
        "<html><body><header><button class='menu'><div><div></button></div></header>"
        "<main><article><p>" + STORY + "</p></article></main></body></html>"
    )
    assert STORY in _texts(html)


def test_plain_button_text_is_not_read() -> None:
    html = "<html><body><p>" + STORY + "</p><button><span>Subscribe</span></button></body></html>"
    assert _texts(html) == [STORY]


def test_unknown_element_in_head_does_not_hide_the_page() -> None:
    html = (
        "<html><head><title>Sea wall</title><widget-box><table><tr><td><p>" + STORY + "</p></td></tr>"
        "</table></widget-box></head><body></body></html>"
    )
    assert STORY in _texts(html)
