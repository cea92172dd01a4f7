"""Published and modified dates of the generic extractor (synthetic pages reproducing real CMS patterns)."""

from __future__ import annotations

import datetime as _dt

from newsparse._fields.dates import modified, published
from newsparse._page import Page, load_page

STORY = """
<p>The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.</p>
<p>Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.</p>
<p>Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.</p>
<p>Residents of the lower town were asked to move their cars away from the waterfront before the next high tide.</p>
"""


def _page(body: str, head: str = "", url: str | None = None, lang: str = "en") -> Page:
    html = f"<html lang='{lang}'><head><title>Harbor wall gives way</title>{head}</head><body>{body}</body></html>"
    return load_page(html, format="html", url=url)


def _day(value: _dt.datetime | None) -> str | None:
    return None if value is None else value.date().isoformat()


def test_date_in_byline_line_under_sidebar_layout() -> None:
    # the whole layout sits in a "has-sidebar" wrapper: that must not hide the header's date
    body = f"""<div class="layout-with-sidebar"><article><h1>Harbor wall gives way in storm</h1>
    <div class="byline">By Ann Lee 8 January 2020, 3:51 pm</div>
    <div class="entry-content">{STORY}</div></article></div>"""
    assert _day(published(_page(body))) == "2020-01-08"


def test_masthead_today_line_loses_to_the_date_above_the_story() -> None:
    body = f"""<div class="top">Thursday, November 9th 2023</div><nav><a href="/">Home</a><a href="/news">News</a></nav>
    <article><h1>Harbor wall gives way in storm</h1>
    <p class="meta">PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 8, 2023 at 6:00 p.m.</p>
    <div class="entry-content">{STORY}</div></article>"""
    assert _day(published(_page(body))) == "2023-11-08"


def test_printed_update_is_the_modification_not_the_publication() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="post-meta">Dec. 6, 2024, 10:00 PM / Updated Dec. 7, 2024, 12:43 PM</div>
    <div class="entry-content">{STORY}</div></article>"""
    page = _page(body)
    assert _day(published(page)) == "2024-12-06"
    assert _day(modified(page)) == "2024-12-07"


def test_update_only_date_is_not_a_publication_date() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="meta">Written by Ann Lee, Senior AnalystUpdated Jan 06, 2026</div>
    <div class="entry-content">{STORY}</div></article>"""
    page = _page(body)
    assert published(page) is None
    assert _day(modified(page)) == "2026-01-06"


def test_itemprop_date_published_on_a_time_element() -> None:
    body = f"""<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Harbor wall gives way</h1>
    <p>Ann Lee <time itemprop="datePublished" datetime="2021-03-04T10:00:00+01:00">4 March</time></p>
    <div class="entry-content">{STORY}</div></article>"""
    d = published(_page(body))
    assert d is not None and d.date() == _dt.date(2021, 3, 4)
    assert d.utcoffset() == _dt.timedelta(hours=1)  # the declared zone is kept


def test_itemprop_date_of_a_comment_is_not_the_story_date() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="entry-content">{STORY}</div></article>
    <ol class="comment-list"><li itemscope itemtype="https://schema.org/Comment">
    <time itemprop="datePublished" datetime="2021-03-09">9 March 2021</time> Great story!</li></ol>"""
    assert published(_page(body)) is None


def test_utc_metadata_yields_to_the_local_day_in_the_url() -> None:
    head = '<meta property="article:published_time" content="2020-02-18T02:18:11Z">'
    body = f"<article><h1>Harbor wall gives way in storm</h1><div class='entry-content'>{STORY}</div></article>"
    page = _page(body, head, url="https://example.org/2020/02/17/harbor-wall/")
    assert _day(published(page)) == "2020-02-17"


def test_metadata_kept_when_the_header_prints_its_day() -> None:
    # the URL carries the next day (a site in another zone files by its own day), the header agrees with the metadata
    head = '<meta property="article:published_time" content="2026-06-30T16:34:54Z">'
    body = f"""<article><h1>Harbor wall gives way in storm</h1><p class="date">June 30, 2026 - 4.34pm</p>
    <div class='entry-content'>{STORY}</div></article>"""
    page = _page(body, head, url="https://example.org/2026/07/01/harbor-wall/")
    assert _day(published(page)) == "2026-06-30"


def test_utc_datetime_attribute_yields_to_the_printed_local_day() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <p>Associated Press<time datetime="2016-12-01T23:29:49Z">December 2, 2016</time></p>
    <div class='entry-content'>{STORY}</div></article>"""
    assert _day(published(_page(body))) == "2016-12-02"


def test_naive_metadata_is_not_shifted_by_a_caption_date() -> None:
    head = '<meta name="date" content="2023-04-28 13:53:25">'
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <figure><img src="a.jpg"><figcaption>The wall on Thursday, April 27, 2023.</figcaption></figure>
    <div class='entry-content'>{STORY}</div></article>"""
    assert _day(published(_page(body, head))) == "2023-04-28"


def test_url_date_beats_an_older_date_mentioned_in_the_story() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class='entry-content'>
    <p>Editor's note: this post was first published on October 7, 2008.</p>{STORY}</div></article>"""
    page = _page(body, url="https://example.org/blog/2015/01/08/harbor-wall/")
    assert _day(published(page)) == "2015-01-08"


def test_no_date_anywhere_gives_none() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class='entry-content'>{STORY}</div></article>
    <footer>Copyright 2024 Harbor News</footer>"""
    page = _page(body)
    assert published(page) is None
    assert modified(page) is None


def test_day_from_the_header_gets_its_time_from_the_post_footer() -> None:
    body = f"""<div class="blog-posts"><h2 class="date-header"><span>Sunday, March 15, 2009</span></h2>
    <div class="post"><h3 class="post-title">Harbor wall gives way in storm</h3>
    <div class="post-body">{STORY}</div>
    <div class="post-footer">Posted by Ann at <abbr class="published" title="2009-03-15T09:12:00-05:00">9:12 AM</abbr></div>
    </div></div>"""
    d = published(_page(body, url="https://example.org/2009/03/harbor-wall.html"))
    assert d is not None and d.isoformat() == "2009-03-15T09:12:00-05:00"


def test_story_that_opens_with_its_date() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class="entry-content">
    <p>29.11.2022 – The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the
    town council said on Wednesday morning after a first inspection of the damage.</p>{STORY}</div></article>"""
    assert _day(published(_page(body, lang="de"))) == "2022-11-29"


def test_prose_date_deep_in_the_story_is_not_the_publication() -> None:
    paragraphs = "".join(f"<p>Paragraph {i} of the harbor story goes on about the storm and the ferry.</p>" for i in range(6))
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class="entry-content">{STORY}{paragraphs}
    <p>The wall was last repaired on 3 March 1998, when the council spent a large sum on it.</p></div></article>"""
    assert published(_page(body)) is None


def test_declared_date_printed_as_the_update_yields_to_the_printed_publication() -> None:
    # the CMS declares its last save as the publication; the header tells the two apart
    head = '<meta property="article:published_time" content="2024-12-07T12:43:39Z">'
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="post-meta"><time datetime="2024-12-07T12:43:39Z">Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024,
    12:43 PM UTC</time></div><div class="entry-content">{STORY}</div></article>"""
    page = _page(body, head)
    assert _day(published(page)) == "2024-12-06"


def test_declared_date_kept_when_the_header_prints_only_its_update() -> None:
    head = '<meta property="article:published_time" content="2024-12-07T12:43:39Z">'
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="post-meta">Updated Dec. 7, 2024</div><div class="entry-content">{STORY}</div></article>"""
    assert _day(published(_page(body, head))) == "2024-12-07"


def test_local_declaration_beside_a_utc_one_gives_the_local_day() -> None:
    head = """<meta property="article:published_time" content="2019-11-19T01:19:34Z">
    <meta name="article_date_original" content="Monday, November 18, 2019, 08:19 PM">"""
    body = f"<article><h1>Harbor wall gives way in storm</h1><div class='entry-content'>{STORY}</div></article>"
    d = published(_page(body, head))
    assert d is not None and d.isoformat() == "2019-11-18T20:19:00-05:00"


def test_utc_declaration_kept_when_the_local_one_is_not_the_same_moment() -> None:
    # a naive value two days away is another date (the first version), not the same moment elsewhere
    head = """<meta property="article:published_time" content="2019-11-19T01:19:34Z">
    <meta name="article_date_original" content="Saturday, November 16, 2019, 08:19 PM">"""
    body = f"<article><h1>Harbor wall gives way in storm</h1><div class='entry-content'>{STORY}</div></article>"
    assert _day(published(_page(body, head))) == "2019-11-19"


def test_printed_day_without_a_year_beside_a_utc_datetime() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class="dateline">
    <span class="dateline__updated"><time datetime="2019-11-19T14:41:32Z">Updated Nov 19, 9:41 AM;</time></span>
    <span class="dateline__published"><time datetime="2019-11-19T01:19:34Z">Posted Nov 18, 8:19 PM</time></span>
    </div><div class="entry-content">{STORY}</div></article>"""
    page = _page(body)
    d = published(page)
    # the local day and time as printed, in the zone that makes them the declared moment
    assert d is not None and d.isoformat() == "2019-11-18T20:19:00-05:00"
    assert _day(modified(page)) == "2019-11-19"


def test_post_signed_off_with_its_date() -> None:
    more = "".join(f"<p>Paragraph {i} of the harbor story goes on about the storm and the ferry.</p>" for i in range(6))
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class="entry-content">{STORY}{more}
    <p>Ann</p><p>10. September 2017</p></div></article><footer>Imprint · Privacy</footer>"""
    assert _day(published(_page(body, lang="de"))) == "2017-09-10"


def test_closing_update_line_is_not_a_publication() -> None:
    more = "".join(f"<p>Paragraph {i} of the harbor story goes on about the storm and the ferry.</p>" for i in range(6))
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class="entry-content">{STORY}{more}
    <p>Last updated: 10 September 2017</p></div></article>"""
    assert published(_page(body)) is None


def test_date_in_the_last_sentence_of_the_story_is_not_a_sign_off() -> None:
    more = "".join(f"<p>Paragraph {i} of the harbor story goes on about the storm and the ferry.</p>" for i in range(6))
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class="entry-content">{STORY}{more}
    <p>The council meets again about the wall on 10 September 2017 in the town hall.</p></div></article>"""
    assert published(_page(body)) is None


def test_later_printed_date_beside_the_declared_update_is_not_the_publication() -> None:
    # the header's other date is later than the declared one: an event's day, not an earlier publication
    head = '<meta property="article:published_time" content="2024-12-07T12:43:39Z">'
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="post-meta">Council vote: Dec. 10, 2024 / Updated Dec. 7, 2024</div>
    <div class="entry-content">{STORY}</div></article>"""
    assert _day(published(_page(body, head))) == "2024-12-07"


def test_date_under_the_headline_when_a_long_contents_list_stands_before_the_story() -> None:
    contents = "".join(f"<li><a href='#s{i}'>Section {i}</a></li>" for i in range(40))
    body = f"""<div class="page"><h1>Harbor wall gives way in storm</h1><p>AUG 25 2024 - 8 MIN READ</p>
    <ul class="toc">{contents}</ul><div class="entry-content">{STORY}</div></div>"""
    assert _day(published(_page(body))) == "2024-08-25"


def test_update_under_a_far_headline_is_not_a_publication() -> None:
    contents = "".join(f"<li><a href='#s{i}'>Section {i}</a></li>" for i in range(40))
    body = f"""<div class="page"><h1>Harbor wall gives way in storm</h1><p>Updated Aug 25, 2024</p>
    <ul class="toc">{contents}</ul><div class="entry-content">{STORY}</div></div>"""
    assert published(_page(body)) is None


def test_cookie_banner_date_is_not_the_publication() -> None:
    body = f"""<div class="cc-window"><p>We use cookies. Our cookie policy changed on 4 May 2023.</p></div>
    <article><h1>Harbor wall gives way in storm</h1><div class="entry-content">{STORY}</div></article>"""
    assert published(_page(body)) is None


def test_copyright_line_under_the_story_is_not_a_sign_off_date() -> None:
    more = "".join(f"<p>Paragraph {i} of the harbor story goes on about the storm and the ferry.</p>" for i in range(6))
    body = f"""<article><h1>Harbor wall gives way in storm</h1><div class="entry-content">{STORY}{more}
    <p>© 12.03.2024 Harbor News</p></div></article>"""
    assert published(_page(body, lang="de")) is None


def _bare_page(body: str, url: str) -> Page:
    # no lang attribute: the page declares no language
    return load_page(f"<html><head><title>Harbor wall</title></head><body>{body}</body></html>", format="html", url=url)


def test_day_order_from_a_country_domain_when_no_language_is_declared() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1><p class="meta">Ann Lee | 09.10.22</p>
    <div class="entry-content">{STORY}</div></article>"""
    assert _day(published(_bare_page(body, "https://harbor-news.example.de/story/harbor-wall"))) == "2022-10-09"
    # a generic domain says nothing about the day order: a dotted two-digit year stays unread
    assert published(_bare_page(body, "https://harbor-news.example.com/story/harbor-wall")) is None
    # nor does a country domain used as a generic name
    assert published(_bare_page(body, "https://harbor-news.example.io/story/harbor-wall")) is None


def test_plain_english_on_a_british_domain_reads_the_day_first() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1><p class="meta">Ann Lee - 12/03/2026</p>
    <div class="entry-content">{STORY}</div></article>"""
    assert _day(published(_page(body, url="https://harbor-news.example.co.uk/story/harbor-wall"))) == "2026-03-12"
    assert _day(published(_page(body, url="https://harbor-news.example.com/story/harbor-wall"))) == "2026-12-03"
    assert _day(published(_page(body, url="https://harbor-news.example.co.uk/story/", lang="en-US"))) == "2026-12-03"


def test_local_time_that_is_no_zone_offset_away_stays_without_a_zone() -> None:
    head = """<meta property="article:published_time" content="2019-11-19T01:19:34Z">
    <meta name="article_date_original" content="Monday, November 18, 2019, 08:11 PM">"""
    body = f"<article><h1>Harbor wall gives way in storm</h1><div class='entry-content'>{STORY}</div></article>"
    d = published(_page(body, head))
    assert d is not None and d.isoformat() == "2019-11-18T20:11:00"


def test_update_label_in_other_languages_is_not_a_publication() -> None:
    for line, lang in (("Обновлено: 15 августа 2016, 13:43", "ru"), ("अपडेट: 14 फ़रवरी 2020", "hi"),
                       ("Päivitetty 1. tammikuuta 2020", "fi")):
        body = f"""<article><h1>Harbor wall gives way in storm</h1><p class="meta">{line}</p>
        <div class="entry-content">{STORY}</div></article>"""
        page = _page(body, lang=lang)
        assert published(page) is None, line
        assert modified(page) is not None, line


def test_publication_label_in_another_language_beside_its_update() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <p class="meta">Opublikowano: 3 września 2020, aktualizacja: 5 września 2020</p>
    <div class="entry-content">{STORY}</div></article>"""
    page = _page(body, lang="pl")
    assert _day(published(page)) == "2020-09-03"
    assert _day(modified(page)) == "2020-09-05"


def test_an_event_listing_that_opens_with_its_time_range_has_no_publication_date() -> None:
    body = """<div class="event-content"><p>2023-01-10 10:30:00 2023-01-10 11:00:00 America/Chicago Storytime
    at the harbor library: families bring the little ones for songs, rhymes and picture books about boats,
    tides and the old lighthouse, with a craft table after the last story.</p>
    <p>The event is free and open to all ages; no registration is needed for groups smaller than ten.</p></div>"""
    assert published(_page(body)) is None


def test_a_header_line_with_a_time_range_gives_no_publication_date() -> None:
    body = f"""<article><h1>Harbor wall gives way in storm</h1>
    <div class="meta">Jan 10, 2023 10:30 – Jan 10, 2023 11:00</div><div class="entry-content">{STORY}</div></article>"""
    assert published(_page(body)) is None
    # two labelled dates are a publication and an update, not a range
    body = body.replace("Jan 10, 2023 10:30 – Jan 10, 2023 11:00", "Posted Jan 10, 2023 10:30, updated Jan 11, 2023 11:00")
    assert _day(published(_page(body))) == "2023-01-10"
