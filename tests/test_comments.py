"""Reader comments of HTML pages, found by structure (synthetic pages reproducing real CMS markup)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

import newsparse
from newsparse._fields.comments import comments
from newsparse._model import Comment
from newsparse._page import load_page

ARTICLE = """
<article class="post">
  <h1 class="entry-title">Harbor wall gives way in storm</h1>
  <p class="byline">By Jane Doe</p>
  <div class="entry-content">
    <p>The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.</p>
    <p>Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.</p>
    <p>Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.</p>
  </div>
</article>
"""


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Harbor</title>{head}</head><body>{ARTICLE}{body}</body></html>"


def _comments(html: str) -> tuple[Comment, ...]:
    found = comments(load_page(html, format="html"))
    assert found is not None
    return found


WORDPRESS = _page("""
<div id="comments" class="comments-area">
  <h2 class="comments-title">3 thoughts on &ldquo;Harbor wall gives way in storm&rdquo;</h2>
  <ol class="comment-list">
    <li id="comment-11" class="comment even thread-even depth-1 parent">
      <article id="div-comment-11" class="comment-body">
        <footer class="comment-meta">
          <div class="comment-author vcard"><img class="avatar" src="a.png" alt=""><b class="fn">Mara Quill</b> <span class="says">says:</span></div>
          <div class="comment-metadata"><a href="#comment-11"><time datetime="2024-03-07T09:15:00+00:00">March 7, 2024 at 9:15 am</time></a></div>
        </footer>
        <div class="comment-content"><p>My grandfather fished from that wall.</p><p>Sad to see it go.</p></div>
        <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
      </article>
      <ul class="children">
        <li id="comment-12" class="comment byuser comment-author-jdoe bypostauthor odd alt depth-2">
          <article id="div-comment-12" class="comment-body">
            <footer class="comment-meta">
              <div class="comment-author vcard"><b class="fn">Jane Doe</b> <span class="says">says:</span></div>
              <div class="comment-metadata"><a href="#comment-12"><time datetime="2024-03-07T10:02:00+00:00">March 7, 2024 at 10:02 am</time></a></div>
            </footer>
            <div class="comment-content"><p>Thank you, we will follow the repairs closely.</p></div>
            <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
          </article>
        </li>
      </ul>
    </li>
    <li id="comment-13" class="comment even thread-odd thread-alt depth-1">
      <article id="div-comment-13" class="comment-body">
        <footer class="comment-meta">
          <div class="comment-author vcard"><b class="fn"><a href="http://example.org" class="url">Olu Banks</a></b> <span class="says">says:</span></div>
          <div class="comment-metadata"><a href="#comment-13"><time datetime="2024-03-08T18:40:00+00:00">March 8, 2024 at 6:40 pm</time></a></div>
        </footer>
        <div class="comment-content"><p>Who pays for the repairs, the council or the port?</p></div>
      </article>
    </li>
    <li id="comment-14" class="pingback even thread-even depth-1">
      <div class="comment-body">Pingback: <a href="http://blog.example/x">Storm roundup | Coast Blog</a></div>
    </li>
  </ol>
  <div id="respond" class="comment-respond">
    <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
    <form id="commentform" class="comment-form">
      <p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
      <p><label>Comment</label><textarea name="comment"></textarea></p>
      <p><label>Name *</label><input name="author"></p>
    </form>
  </div>
</div>
<aside class="sidebar"><div class="widget widget_recent_comments"><h3>Recent Comments</h3>
  <ul id="recentcomments"><li class="recentcomments">Pat Rowe on <a href="/x">Bridge closed again</a> March 1, 2024</li>
  <li class="recentcomments">Lee Tan on <a href="/y">Ferry timetable</a> March 2, 2024</li></ul></div></aside>
""")


def test_wordpress_threaded_comments() -> None:
    found = _comments(WORDPRESS)
    assert [c.author for c in found] == ["Mara Quill", "Jane Doe", "Olu Banks"]
    assert [c.depth for c in found] == [0, 1, 0]
    assert found[0].text == "My grandfather fished from that wall.\n\nSad to see it go."
    assert found[0].published == dt.datetime(2024, 3, 7, 9, 15, tzinfo=dt.timezone.utc)
    assert found[1].id == "comment-12" and found[1].parent_id == "comment-11"
    assert found[2].parent_id is None


def test_wordpress_leaves_out_pingbacks_form_and_widgets() -> None:
    texts = " ".join(c.text for c in _comments(WORDPRESS))
    for furniture in ("Pingback", "Leave a Reply", "email address", "Reply", "Pat Rowe", "Bridge closed", "thoughts on"):
        assert furniture not in texts


def test_comments_and_body_do_not_leak_into_each_other() -> None:
    art = newsparse.parse(WORDPRESS, plugins=False)
    assert art.comments is not None and len(art.comments) == 3
    assert art.body is not None
    assert "grandfather" not in art.body.text
    assert all("harbor wall collapsed" not in c.text for c in art.comments)


BLOGGER = _page("""
<div class="comments" id="comments">
  <h4>2 comments:</h4>
  <div id="Blog1_comments-block-wrapper">
    <dl class="avatar-comment-indent" id="comments-block">
      <dt class="comment-author" id="c101"><a name="c101"></a><a href="/u/1">Rina Patel</a> said...</dt>
      <dd class="comment-body" id="Blog1_cmt-101"><p>Great summary.<br>Thanks for posting.</p></dd>
      <dd class="comment-footer"><span class="comment-timestamp"><a href="#c101">October 16, 2012 11:57 AM</a></span></dd>
      <dt class="comment-author" id="c102"><a name="c102"></a>Anonymous said...</dt>
      <dd class="comment-body" id="Blog1_cmt-102"><p>Does the ferry still run on Sundays?</p></dd>
      <dd class="comment-footer"><span class="comment-timestamp"><a href="#c102">October 17, 2012 6:49 AM</a></span></dd>
    </dl>
  </div>
  <p class="comment-footer"><a href="/comment">Post a Comment</a></p>
</div>
""")


def test_blogger_pairs_of_author_body_and_footer() -> None:
    found = _comments(BLOGGER)
    assert [c.author for c in found] == ["Rina Patel", "Anonymous"]
    assert found[0].text.split("\n\n") == ["Great summary.", "Thanks for posting."]
    assert found[1].published == dt.datetime(2012, 10, 17, 6, 49)
    assert all(c.depth == 0 for c in found)


MOVABLE_TYPE = _page("""
<h2 id="comments">Comments</h2>
<div class="comments-content">
  <div id="c1001"><p>The surge was forecast two days ahead; why was the quay not closed?</p></div>
  <p class="posted">Posted by: Tom Reyes at October 28, 2012 01:23 PM</p>
  <div id="c1002"><p>Because the forecast kept changing.</p><p>Nobody wanted a false alarm.</p></div>
  <p class="posted">Posted by: Ada at October 28, 2012 02:05 PM</p>
</div>
""")


def test_movable_type_text_then_posted_by_footer() -> None:
    found = _comments(MOVABLE_TYPE)
    assert [c.author for c in found] == ["Tom Reyes", "Ada"]
    assert found[0].text.startswith("The surge was forecast")
    assert found[1].text == "Because the forecast kept changing.\n\nNobody wanted a false alarm."
    assert found[1].published == dt.datetime(2012, 10, 28, 14, 5)


DISQUS_STATIC = _page("""
<div id="disqus_thread"><div id="dsq-content"><ul id="dsq-comments">
  <li class="comment even thread-even depth-1" id="dsq-comment-501">
    <div id="dsq-comment-header-501" class="dsq-comment-header"><cite id="dsq-cite-501"><span id="dsq-author-user-501">seabird</span></cite></div>
    <div id="dsq-comment-body-501" class="dsq-comment-body"><div class="dsq-comment-message"><p>Is the ferry still running?</p></div></div>
  </li>
  <ul class="children">
    <li class="comment odd alt depth-2" id="dsq-comment-502">
      <div id="dsq-comment-header-502" class="dsq-comment-header"><cite id="dsq-cite-502"><span id="dsq-author-user-502">harbormaster</span></cite></div>
      <div id="dsq-comment-body-502" class="dsq-comment-body"><div class="dsq-comment-message"><p>From the north pier, yes.</p></div></div>
    </li>
  </ul>
  <li class="comment even thread-odd depth-1" id="dsq-comment-503">
    <div id="dsq-comment-header-503" class="dsq-comment-header"><cite id="dsq-cite-503"><span id="dsq-author-user-503">kelp</span></cite></div>
    <div id="dsq-comment-body-503" class="dsq-comment-body"><div class="dsq-comment-message"><p>Thanks for the update.</p></div></div>
  </li>
</ul></div></div>
""")


def test_disqus_static_html_without_dates() -> None:
    found = _comments(DISQUS_STATIC)
    assert [(c.author, c.depth) for c in found] == [("seabird", 0), ("harbormaster", 1), ("kelp", 0)]
    assert all(c.published is None for c in found)
    assert found[1].id == "dsq-comment-502" and found[1].parent_id == "dsq-comment-501"


ONE_LINE = _page("""
<div class="articleComments"><div>Your Comments</div><ul>
  <li>Kofi Mensah, Accra 1/8/2008 5:49 PM Thanks to the coach, we are going to win this game.</li>
  <li>Ines (new fan), Porto 1/8/2008 4:46 PM We are still in every competition and we shall win them all.</li>
  <li>Sam, Leeds 1/8/2008 2:34 PM Great spirit from the whole team tonight and well done to the coach</li>
</ul></div>
""")


def test_one_line_comments_with_author_and_date_inline() -> None:
    found = _comments(ONE_LINE)
    assert [c.author for c in found] == ["Kofi Mensah, Accra", "Ines (new fan), Porto", "Sam, Leeds"]
    assert found[0].text == "Thanks to the coach, we are going to win this game."
    assert found[2].text == "Great spirit from the whole team tonight and well done to the coach"
    assert found[0].published == dt.datetime(2008, 1, 8, 17, 49)


HEADING_ONLY = _page("""
<div id="listing">
  <h3>COMMENTS</h3>
  <div class="post"><div class="Normal"><p>Useful list. I would add the tide tables to the page.</p>
    <p class="postfoot">posted on Wednesday, October 24, 2012 at 7:26 PM by Darren</p></div></div>
  <div class="post"><div class="Normal"><p>Agreed, the tide tables would help a lot.</p>
    <p class="postfoot">posted on Thursday, October 25, 2012 at 8:01 AM by Sue</p></div></div>
</div>
""")


def test_comment_section_without_vocabulary_after_a_comments_heading() -> None:
    found = _comments(HEADING_ONLY)
    assert [c.author for c in found] == ["Darren", "Sue"]
    assert found[1].text == "Agreed, the tide tables would help a lot."
    assert found[0].published == dt.datetime(2012, 10, 24, 19, 26)


RELATIVE = _page("""
<div id="comments"><div class="comment" id="c-1"><h5 class="username">Jen H.</h5>
  <p class="timestamp">5 hours ago</p><p class="text">Not sure the new wall will be any higher.</p></div>
  <div class="comment" id="c-2"><h5 class="username">Sam</h5>
  <p class="timestamp">2 hours ago</p><p class="text">It will, by half a metre.</p></div></div>
""")


def test_relative_dates_without_reference_time_are_not_invented() -> None:
    found = _comments(RELATIVE)
    assert [c.author for c in found] == ["Jen H.", "Sam"]
    assert all(c.published is None for c in found)


NO_YEAR = _page("""
<div id="comments"><div class="comment" id="c-7"><span class="username">drift</span>
  <span class="date">on Tuesday July 24, @03:22AM</span><p class="text">The pier lights were out again last night.</p></div>
  <div class="comment" id="c-8"><span class="username">tern</span>
  <span class="date">on Tuesday July 24, @04:10AM</span><p class="text">Reported it to the harbor office.</p></div></div>
""")


def test_dates_without_a_year_are_not_completed_with_a_guess() -> None:
    found = _comments(NO_YEAR)
    assert [c.author for c in found] == ["drift", "tern"]
    assert all(c.published is None for c in found)


LONE_HEADER = """
<div class="story-tools"><div class="b_box">Posted by: Wren, Dover on 5:19pm Tue 1 Jan 08</div>
  <div class="entry" id="com0"><p>The harbor office said the same thing last winter.</p>
  <p>Nothing was done then either.</p></div></div>
"""


def test_one_comment_thread_found_by_its_header_and_comment_id() -> None:
    found = _comments(_page(LONE_HEADER))
    assert [(c.author, c.published) for c in found] == [("Wren, Dover", dt.datetime(2008, 1, 1))]
    assert found[0].text == "The harbor office said the same thing last winter.\n\nNothing was done then either."


def test_a_lone_posted_by_line_without_a_comment_id_is_no_comment() -> None:
    html = _page(LONE_HEADER.replace('id="com0"', 'id="more"'))
    assert _comments(html) == ()


THREAD_CONTROLS = _page("""
<div id="comments" class="comments-block"><div class="cmt-wrap">
  <ul class="cmt-tab-fltr"><li class="selected">All Comments</li><li>Staff Picks</li></ul>
  <ul class="cmt-sort-list">
      <li>Popular Now</li>
      <li>Newest</li>
      <li>Oldest</li>
  </ul>
  <p class="count-line">{ 1 comment&hellip; read it below or add one }</p>
  <div class="cmt-item" id="c-901"><span class="author">gullwatch</span> <span class="date">March 9, 2024 at 8:10 am</span>
    <p>Keep the ferry at the north pier for good.</p><p class="tools">Follow @gullwatch</p></div>
  <div class="cmt-pager">Page: 1 2 3 Next &rsaquo;</div>
  <p class="nav-links">&larr; Older Comments</p>
  <p>Log in or join now to add a comment.</p>
</div></div>
""")


def test_sort_tabs_pagers_counters_and_prompts_are_not_comment_text() -> None:
    found = _comments(THREAD_CONTROLS)
    assert [(c.author, c.text) for c in found] == [("gullwatch", "Keep the ferry at the north pier for good.")]


SUBHEADED_STORY = """
<html><head><title>Pitching</title></head><body><div id="listing"><div class="post">
  <h2>Briefing</h2><p>Journalists read the first two lines of a pitch and decide within seconds whether to go on.</p>
  <h2>Comment</h2><p>Offer an expert who can comment on the news of the day instead of pitching your product.</p>
  <h2>Data</h2><p>Many companies sit on data that would make a story, and never think of offering it to a reporter.</p>
  <p>Reporters remember the people who helped them with a story long after the story itself is forgotten.</p>
  <p class="postfoot">Posted by Lena Ortiz on Tue, Oct 30, 2012</p>
</div>
<div class="post"><h3>COMMENTS</h3>
  <div class="Normal"><p>Good advice, the data point especially.</p>
    <p class="postfoot">posted on Tuesday, October 30, 2012 at 9:46 AM by Theo</p></div>
  <div class="Normal"><p>I will try the expert angle next week.</p>
    <p class="postfoot">posted on Tuesday, October 30, 2012 at 10:22 AM by Mira</p></div>
</div></div></body></html>
"""


def test_story_subheading_named_comment_and_the_story_footer_are_not_comments() -> None:
    found = _comments(SUBHEADED_STORY)
    assert [c.author for c in found] == ["Theo", "Mira"]
    assert found[0].text == "Good advice, the data point especially."


HEADER_BESIDE_BODY = _page("""
<div class="comments" id="comments_77">
  <div class="featured_box"><div class="comment_item" id="featured_1"><div class="comment_top"><div class="author_name">Gannet</div></div>
    <div class="comment_body"><div class="comment_time">2 hours ago (11:02 AM)</div><p>Featured: the council should have acted in 2010.</p></div></div></div>
  <div class="comment_item published_comment" id="comment_501"><div class="comment_top"><div class="author_name"><a>tidewatcher</a></div></div>
    <div class="comment_body"><div class="comment_time">4 seconds ago ( 1:16 PM)</div><p>The wall held in 1953, why not now?</p></div></div>
  <div class="comment_item published_comment" id="comment_502"><div class="comment_top"><div class="author_name"><a>saltmarsh</a></div></div>
    <div class="comment_body"><div class="comment_time">9 seconds ago ( 1:16 PM)</div><p>Because nobody repaired it since.</p></div></div>
  <div class="comment_item published_comment" id="comment_503"><div class="comment_top"><div class="author_name"><a>Blue Heron</a></div></div>
    <div class="comment_body"><div class="comment_time">1 minute ago ( 1:15 PM)</div><p>Same as the pier.</p></div></div>
</div>
""")


def test_author_in_a_header_beside_the_body_and_no_clock_time_as_author() -> None:
    found = _comments(HEADER_BESIDE_BODY)
    assert [c.text for c in found] == [
        "Featured: the council should have acted in 2010.",
        "The wall held in 1953, why not now?",
        "Because nobody repaired it since.",
        "Same as the pier.",
    ]
    assert [c.author for c in found] == ["Gannet", "tidewatcher", "saltmarsh", "Blue Heron"]


SAME_WORDS = _page("""
<div id="comments"><ol class="commentlist">
  <li class="comment" id="comment-61"><cite class="fn">Ana</cite> <span class="date">November 7, 2012 at 9:42 pm</span><p>Congratulations!</p></li>
  <li class="comment" id="comment-62"><cite class="fn">Ben</cite> <span class="date">November 7, 2012 at 9:43 pm</span><p>Congratulations!</p></li>
  <li class="comment" id="comment-63"><cite class="fn">Cy</cite> <span class="date">November 7, 2012 at 9:50 pm</span><p>Well done, all of you.</p></li>
</ol></div>
""")


def test_two_commenters_saying_the_same_are_two_comments() -> None:
    found = _comments(SAME_WORDS)
    assert [(c.author, c.text) for c in found] == [
        ("Ana", "Congratulations!"),
        ("Ben", "Congratulations!"),
        ("Cy", "Well done, all of you."),
    ]


BLOGGER_THREADED = _page("""
<div class="comments" id="comments"><div class="comments-content"><div class="comment-thread toplevel-thread"><ol>
  <li class="comment" id="c111"><div class="comment-block"><div class="comment-header"><cite class="user"><a href="#">Al</a></cite><span class="icon user "></span><span class="datetime secondary-text"><a href="#c111">May 31, 2019 at 10:25 PM</a></span></div>
    <p class="comment-content">What a view from the upper deck.</p><span class="comment-actions secondary-text"><a class="comment-reply">Reply</a></span></div></li>
  <li class="comment" id="c112"><div class="comment-block"><div class="comment-header"><cite class="user"><a href="#">Marguerite of the Lakes</a></cite><span class="icon user "></span><span class="datetime secondary-text"><a href="#c112">June 1, 2019 at 8:37 AM</a></span></div>
    <p class="comment-content">We stayed there last spring.</p><span class="comment-actions secondary-text"><a class="comment-reply">Reply</a></span></div></li>
</ol></div></div></div>
""")


def test_blogger_header_with_name_and_date_printed_without_a_space() -> None:
    found = _comments(BLOGGER_THREADED)
    assert [(c.author, c.published, c.text) for c in found] == [
        ("Al", dt.datetime(2019, 5, 31, 22, 25), "What a view from the upper deck."),
        ("Marguerite of the Lakes", dt.datetime(2019, 6, 1, 8, 37), "We stayed there last spring."),
    ]


EMPTY_SECTION = _page("""
<div id="comments"><h3>No Responses so far</h3><ol class="commentlist"><li class="comment">No comments yet.</li></ol>
<p>No trackbacks or pings yet.</p>
<div id="respond"><h3>Leave a Reply</h3><form id="commentform"><p>You must be logged in to post a comment.</p></form></div></div>
""")


@pytest.mark.parametrize("html", [_page(""), EMPTY_SECTION], ids=["no-section", "empty-section"])
def test_pages_without_comments_return_empty(html: str) -> None:
    assert _comments(html) == ()


def test_text_pages_are_not_answered_here() -> None:
    assert comments(load_page("Harbor wall gives way\n\nBy Jane Doe\n\nThe wall fell.", format="text")) is None


def test_deep_nesting_does_not_crash() -> None:
    deep = "<div class='comment'>" * 5000 + "<p>deep</p>" + "</div>" * 5000
    found = comments(load_page(_page(deep), format="html"))
    assert found is not None


# --------------------------------------------------------------------------------- real gold pages


def _shared() -> Path:
    env = os.environ.get("NEWSPARSE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.skipif(not (_shared() / "gold" / "truth.jsonl").exists(), reason="../shared/gold is not available")
def test_gold_comment_recall_and_precision() -> None:
    from collections import Counter
    import re

    def bag_f1(a: str, b: str) -> float:
        ca, cb = Counter(re.findall(r"\w+", a.lower())), Counter(re.findall(r"\w+", b.lower()))
        tp = sum((ca & cb).values())
        return 0.0 if not tp else 2 * tp / (sum(ca.values()) + sum(cb.values()))

    gold = _shared() / "gold"
    tp = n_pred = n_true = depth_ok = 0
    for line in (gold / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        truth = rec["comments"] or []
        found = comments(load_page(gold / rec["page"], url=rec.get("url"))) or ()
        if "comments_truncated" in (rec.get("notes") or ""):
            found = found[: len(truth)]
        n_pred += len(found)
        n_true += len(truth)
        used: set[int] = set()
        for t in truth:
            best = max(
                ((bag_f1(c.text, t["text"]), i) for i, c in enumerate(found) if i not in used), default=(0.0, -1)
            )
            if best[0] >= 0.5:
                used.add(best[1])
                tp += 1
                depth_ok += found[best[1]].depth == t["depth"]
    assert n_true and tp / n_true >= 0.9
    assert tp / max(1, n_pred) >= 0.9
    assert depth_ok / max(1, tp) >= 0.9


def test_author_box_with_permalinked_date_gives_the_name_only() -> None:
    # a theme's .comment-author box holds the permalinked date, the <cite class="fn"> name and "said:"
    items = "".join(
        f"""<li class="comment depth-1" id="li-comment-{i}"><div class="comment" id="comment-{i}">
        <div class="comment-author vcard"><img class="avatar" src="a.png" alt="">
        <a href="#comment-{i}" class="comment_permalink">On October {i}, 2012 at 10:52 am</a>
        <cite class="fn"><a href="https://example.org/{name}" class="url">{name}</a></cite> <span class="says">said:</span></div>
        <div class="comment-body"><p>{text}</p></div></div></li>"""
        for i, (name, text) in enumerate(
            [("Qaia", "The north pier was already closed when we tried to leave on Wednesday."),
             ("Carmel Osei", "Is the ferry still running on the winter timetable this year?")],
            start=12,
        )
    )
    found = _comments(_page(f'<div id="comments"><h3>2 comments</h3><ol class="commentlist">{items}</ol></div>'))
    assert [c.author for c in found] == ["Qaia", "Carmel Osei"]
    assert found[0].published is not None and found[0].published.date() == dt.date(2012, 10, 12)
