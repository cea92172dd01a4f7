"""The article body of the generic extractor: where it starts, where it ends, and which blocks of the page
it takes (synthetic pages reproducing common CMS templates)."""

from __future__ import annotations

from newsparse._fields.body import body
from newsparse._page import Page, load_page

P1 = "The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said in a statement."
P2 = "Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size, according to reports."
P3 = "Repairs are expected to take most of the winter, and the ferry will run from the north pier until then, the operator said."
P4 = "Residents of the lower town were asked to move their cars away from the waterfront before the next high tide on Friday."
P5 = "The council will meet again next week to decide how the repairs are paid for, and whether the wall is rebuilt in stone."
P6 = "A temporary barrier of sandbags was put up along the quay on Wednesday morning by volunteers and the fire brigade."


def _page(body_html: str, title: str = "Harbor wall gives way in storm") -> Page:
    html = f"<html><head><title>{title}</title></head><body>{body_html}</body></html>"
    return load_page(html, format="html")


def _texts(page: Page) -> list[str]:
    b = body(page)
    assert b is not None
    return [blk.text for blk in b.blocks]


def _ps(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_story_split_into_chunks_by_an_ad_keeps_every_chunk() -> None:
    # the template repeats the story container around an ad and a box of links
    links = "".join(f'<li><a href="/l{i}">Link number {i}</a></li>' for i in range(6))
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="story-chunks">
      <section class="chunk"><div class="story-body text">{_ps(P1)}</div></section>
      <section class="chunk"><div class="ad-slot">Advertisement</div></section>
      <section class="chunk"><div class="story-body text">{_ps(P2, P3, P4)}</div></section>
      <section class="chunk"><div class="more-links"><p>See also</p><ul>{links}</ul></div></section>
      <section class="chunk"><div class="story-body text">{_ps(P5, P6)}</div></section>
    </div></article>"""
    texts = _texts(_page(html))
    assert texts == [P1, P2, P3, P4, P5, P6]


def test_teasers_that_reuse_the_story_class_stay_out() -> None:
    teaser = "A short summary of another story that the site would like you to read next, with its first lines."
    teasers = "".join(
        f'<h3><a href="/s{i}">Another story number {i}</a></h3><div class="story-body">{_ps(teaser + str(i))}</div>'
        for i in range(4)
    )
    html = f"""<div class="page"><div class="main"><h1>Harbor wall gives way in storm</h1>
    <div class="story-body">{_ps(P1, P2, P3, P4, P5)}</div></div>
    <div class="more">{teasers}</div></div>"""
    texts = _texts(_page(html))
    assert texts[-1] == P5
    assert not any(t.startswith("A short summary") for t in texts)


def test_comments_in_the_story_container_end_the_body() -> None:
    html = f"""<div class="content"><h3>Harbor wall gives way in storm</h3>{_ps(P1, P2, P3)}
    <p class="date">Posted by Ann Lee at October 28, 2012 01:23 PM</p>
    <h2>Trackback Pings</h2>
    <h2 class="comments-head">Comments</h2>
    <p>What a shame, I walked along that wall every Sunday with my grandfather when I was a child.</p>
    <p class="date">Posted by: Bob at October 28, 2012 02:30 PM</p>
    <p>The council should have listened to the engineers years ago, this was entirely foreseeable.</p>
    <p class="date">Posted by: Carla at October 28, 2012 04:59 PM</p></div>"""
    texts = _texts(_page(html))
    assert texts[-1] == P3


def test_a_sub_heading_named_comment_is_not_a_comment_section() -> None:
    html = f"""<div class="post"><h1>How to talk to the press</h1>{_ps(P1, P2)}
    <h2>Comment</h2>{_ps(P3, P4)}<h2>Data</h2>{_ps(P5)}</div>"""
    texts = _texts(_page(html, title="How to talk to the press"))
    assert P3 in texts and P4 in texts
    assert texts[-1] == P5


def test_head_furniture_inside_the_container_is_left_out() -> None:
    html = f"""<div class="article-body"><p>Storm damage</p><h1>Harbor wall gives way in storm</h1>
    <p>March 7, 2024 8:15 a.m. EST</p><p>STAFF PHOTO BY JANE DOE The harbor wall after the storm.</p>
    <p>By Ann Lee</p><p>Staff writer</p>{_ps(P1, P2, P3, P4)}</div>"""
    texts = _texts(_page(html, title="Some other words entirely"))
    assert texts[0] == P1


def test_dateline_paragraph_that_copies_the_description_opens_the_body() -> None:
    lead = "PORTSMOUTH, England (AP) — " + P1
    html = f"""<div class="article-body"><h1>Harbor wall gives way in storm</h1>
    <p>Updated 11:21 pm, Tuesday, November 19, 2019</p>{_ps(lead, P2, P3, P4)}</div>"""
    page = load_page(
        "<html><head><title>Harbor wall gives way in storm</title>"
        f'<meta name="description" content="{lead}"></head><body>{html}</body></html>',
        format="html",
    )
    b = body(page)
    assert b is not None
    assert b.blocks[0].text.startswith("The old harbor wall")  # the dateline is taken off, the lead kept


def test_closing_notices_are_trimmed() -> None:
    html = f"""<div class="article-body"><h1>Harbor wall gives way in storm</h1>{_ps(P1, P2, P3, P4)}
    <p>Copyright 2019 The Harbor Times. All rights reserved.</p>
    <p>Ann Lee can be reached at ann.lee@example.org.</p>
    <ul class="tags"><li><a href="/t/a">Storms</a></li>,<li><a href="/t/b">Harbors</a></li>,</ul></div>"""
    texts = _texts(_page(html))
    assert texts[-1] == P4


def test_short_post_beats_the_about_box_in_the_footer() -> None:
    about = (
        "This blog is written by a retired harbor engineer, who has spent forty years looking after walls, piers, "
        "quays and breakwaters along the southern coast, and who now writes about them every week."
    )
    html = f"""<div class="post"><h2>Harbor wall gives way</h2><p>{P1}</p><p>{P2}</p></div>
    <div id="footer"><div class="about">{_ps(about, about.replace("forty", "fifty"), about.replace("week", "month"))}</div></div>"""
    texts = _texts(_page(html, title="Harbor wall gives way"))
    assert texts[0] == P1
    assert not any("retired harbor engineer" in t for t in texts)


def test_a_region_word_in_the_story_template_does_not_drop_the_story() -> None:
    # the story's own wrapper carries a word that usually marks navigation ("pagination-first")
    html = f"""<main class="main"><h1>Harbor wall gives way in storm</h1>
    <div class="article-body pagination-first">{_ps(P1, P2, P3, P4, P5)}</div>
    <div class="pagination-next"><p>Next page of this story and further reading across the site today.</p></div>
    </main>"""
    texts = _texts(_page(html))
    assert texts[:5] == [P1, P2, P3, P4, P5]


def test_a_marked_box_after_an_unmarked_story_start_stays_out() -> None:
    # the story opens unmarked; a long marked box inside the container is still a box
    box = "".join(
        f'<div class="ad-gallery"><h4>Slide {i}</h4><p>{P6} This is slide number {i} of the gallery.</p></div>'
        for i in range(6)
    )
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="story">{_ps(P1, P2, P3)}{box}</div></article>"""
    texts = _texts(_page(html))
    assert texts[:3] == [P1, P2, P3]
    assert not any("slide number" in t for t in texts)


def test_a_sentence_with_linked_names_is_kept_but_a_labelled_link_is_not() -> None:
    linked = (
        'The suspect, <a href="/p/jane">Jane Doe of the harbor district</a>, was <a href="/t/x">convicted '
        "and sentenced</a> last Thursday."
    )
    label = 'Related: <a href="/s/1">Storm surge floods the lower town and the old market square again</a>.'
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="story">{_ps(P1)}<p>{linked}</p>{_ps(P2, P3)}<p>{label}</p>{_ps(P4, P5)}</div></article>"""
    texts = _texts(_page(html))
    assert any(t.startswith("The suspect, Jane Doe") for t in texts)
    assert not any(t.startswith("Related:") for t in texts)


def test_a_hidden_paywall_list_does_not_outvote_the_story() -> None:
    offers = "".join(
        f"<li>Unlimited access to every article, newsletter and puzzle of the site, offer number {i}.</li>"
        for i in range(10)
    )
    story = (P1, P2, P3, P4, P5, P6, P1.replace("Tuesday", "Monday"), P2.replace("1911", "1912"))
    # each paragraph sits in its own wrapper, so the story's container collects only half of its score
    chunks = "".join(f'<div class="para-wrap"><p>{t}</p></div>' for t in story)
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="modal hidden"><div class="offers"><ul>{offers}</ul></div></div>
    <div class="story">{chunks}</div></article>"""
    texts = _texts(_page(html))
    assert texts == list(story)


#: What templates put between two chunks of a story: more short blocks than the prose extension crosses.
_FURNITURE = """<figure><figcaption>The quay on Wednesday</figcaption></figure>
    <div class="ad-label">Advertisement</div><div class="tools"><span>Share</span></div><div class="tools"><span>Print</span></div>
    <div class="tools"><span>Listen</span></div>"""


def test_chunks_differing_by_a_modifier_class_are_joined() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="body"><div class="text"><div class="RichText wide">{_ps(P1, P2, P3)}</div></div>
    {_FURNITURE}
    <div class="text"><div class="RichText RichText--last wide">{_ps(P4, P5, P6)}</div></div></div></article>"""
    texts = _texts(_page(html))
    assert texts == [P1, P2, P3, P4, P5, P6]


def test_chunks_in_unnamed_wrappers_join_through_their_named_parent() -> None:
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="text-container"><div>{_ps(P1, P2, P3, P4)}</div></div>
    {_FURNITURE}
    <div class="text-container"><div>{_ps(P5, P6)}</div></div></article>"""
    texts = _texts(_page(html))
    assert texts == [P1, P2, P3, P4, P5, P6]


def test_blocks_inside_agrees_with_the_ancestor_walk_on_deep_and_shallow_pages() -> None:
    from newsparse._fields.analysis import _blocks_inside, _inside

    for depth, deep_first in ((3, False), (250, False), (250, True)):
        inner = "<div>" * depth + _ps(P1, P2) + "</div>" * depth
        content = inner + _ps(P4) if deep_first else _ps(P3) + inner + _ps(P4)
        page = _page(f'<p>{P6}</p><div id="root">{content}</div><p>{P5}</p>')
        root = page.tree.xpath('//*[@id="root"]')[0]
        blocks = page.blocks
        want = [b.index for b in blocks if b.el is not None and _inside(b.el, root)]
        got = [b.index for b in _blocks_inside(blocks, [root])]
        assert want, "the root holds blocks"
        assert got == list(range(want[0], want[-1] + 1))


def test_an_embedded_post_inside_the_story_is_kept() -> None:
    post = (
        '<blockquote class="twitter-tweet"><p>The quay is gone, the ferry runs from the north pier now, '
        'stay safe everyone.</p>&mdash; Harbor Watch (@harborwatch) <a href="/s/1">March 4, 2024</a></blockquote>'
    )
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="story">{_ps(P1, P2)}{post}{_ps(P3, P4)}
    <div class="share-tools"><p>Share this story with your friends and family on every network.</p></div></div></article>"""
    texts = _texts(_page(html))
    assert any(t.startswith("The quay is gone") for t in texts)
    assert texts[-1] == P4


L1 = P1 + " " + P4
L2 = P2 + " " + P5
L3 = P3 + " " + P6
L4 = P4 + " " + P1
L5 = P5 + " " + P2
L6 = P6 + " " + P3


def test_story_chunk_opening_with_a_linked_section_title_is_kept() -> None:
    # the story's chunks repeat its container's class; a later chunk opens with a section title that links
    # to what it covers, and holds several paragraphs of prose: a section, not a teaser
    html = f"""<main><h1>Harbor wall gives way in storm</h1>
    <div class="wrap"><div class="story-text">{_ps(L1, L2, L6, P1)}</div></div>
    <div class="box"><p>Share this article</p></div>
    <div class="wrap"><div class="story-text"><h2><a href="/wall">The wall</a></h2>{_ps(L3, L4, L5)}</div></div>
    </main>"""
    texts = _texts(_page(html))
    assert texts[:4] == [L1, L2, L6, P1]
    assert L5 in texts and L3 in texts


def test_linked_title_over_a_short_teaser_chunk_stays_out() -> None:
    teaser = "A short summary of another story that the site would like you to read next."
    html = f"""<main><h1>Harbor wall gives way in storm</h1>
    <div class="wrap"><div class="story-text">{_ps(L1, L2, L3)}</div></div>
    <div class="box"><p>Share this article</p></div>
    <div class="wrap"><div class="story-text"><h2><a href="/other">Another story</a></h2>{_ps(teaser)}</div></div>
    </main>"""
    texts = _texts(_page(html))
    assert texts == [L1, L2, L3]


def test_long_gallery_in_a_sidebar_does_not_outweigh_the_story() -> None:
    # a slideshow in a side rail with a long caption per slide: more text than the story, but a box
    slides = "".join(
        f"<div class='slide'><h3>{i}/12 Slide</h3><p>Slide {i}: {P4} {P5}, and, again, more, words, here.</p></div>"
        for i in range(12)
    )
    html = f"""<div class="page"><article><h1>Harbor wall gives way in storm</h1>
    <div class="text">{_ps(L1, L2, L3, L4)}</div></article>
    <div class="right-rail"><div class="gallery">{slides}</div></div></div>"""
    texts = _texts(_page(html))
    assert texts[0] == L1
    assert not any(t.startswith("Slide") for t in texts)


def test_story_sections_inside_a_page_wide_sidebar_wrapper_are_all_kept() -> None:
    # a template that marks the whole page as a widget: the story's later sections are siblings of its
    # first one and score as little as everything in the wrapper
    html = f"""<div class="widget-page"><h1>Harbor wall gives way in storm</h1>
    <div class="text-a">{_ps(L1, L2, L3, L4)}</div>
    <div class="text-b">{_ps(P2, P5)}</div><div class="text-c">{_ps(P3, P6)}</div></div>"""
    texts = _texts(_page(html))
    assert texts[0] == L1
    assert P5 in texts and P6 in texts


def test_story_continued_inside_a_promotion_wrapper_is_kept() -> None:
    # the story's second half sits in a wrapper classed like a sign-up box (a metering wrapper)
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="body">{_ps(L1, L2)}
    <div class="newsletter-wrap"><form><h2>Our weekly letter</h2><p>Sign up for our newsletter.</p></form>
    {_ps(L3, L4, L5)}</div></div></article>"""
    texts = _texts(_page(html))
    assert texts[:2] == [L1, L2]
    assert L3 in texts and L5 in texts
    assert not any("newsletter" in t for t in texts)


def test_single_pitch_paragraph_in_a_promotion_box_stays_out() -> None:
    pitch = "If you value reporting like this, we have an offer for you: readers who join get every story, " \
        "no limits and a printed edition at home each month, for less than a coffee a week."
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="body">{_ps(L1, L2, L3)}<div class="membership-box">{_ps(pitch)}</div>{_ps(L4)}</div></article>"""
    texts = _texts(_page(html))
    assert pitch not in texts
    assert texts == [L1, L2, L3, L4]


def test_full_text_of_related_stories_does_not_outweigh_the_story() -> None:
    # cards of related stories carrying their whole text (hidden on screen): more prose than the story
    card = _ps(*[f"Card text {i}: {L5}, and, more, words." for i in range(5)])
    cards = f"<div class='card'><div class='card-text'>{card}</div></div>" * 2
    html = f"""<div class="page"><article><h1>Harbor wall gives way in storm</h1>
    <div class="text">{_ps(L1, L2, L3, L4)}</div></article>
    <div class="related-stories"><div class="list">{cards}</div></div></div>"""
    texts = _texts(_page(html))
    assert texts[0] == L1
    assert not any(t.startswith("Card text") for t in texts)


def test_story_continued_inside_a_related_wrapper_keeps_its_short_paragraphs() -> None:
    short = "Nobody was hurt."
    html = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="body">{_ps(L1, L2)}
    <div class="related-wrap">{_ps(L3, short, L4, L5)}</div></div></article>"""
    texts = _texts(_page(html))
    assert texts == [L1, L2, L3, short, L4, L5]
