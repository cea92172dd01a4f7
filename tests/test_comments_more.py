"""Reader comments: patterns beyond the usual CMS markup (synthetic pages written for these tests).

Fan counts in author boxes, a web address as the commenter's name, undated threads whose only evidence is a
name line per comment, Q&A pages whose body is one answer, short comments over their footer, quoted parent
headers, and the plain-text "Public Discussion (N)" thread signed by "#1.2 - <date>" footers.
"""

from __future__ import annotations

import datetime as dt

import newsparse
from newsparse._fields.comments import comments
from newsparse._model import Comment
from newsparse._page import load_page
from test_comments import ARTICLE  # the same story page as the first comment tests


#: Sentences for synthetic comments (each one a comment's text).
SAYINGS = [
    "My grandfather fished from that wall every summer of his life.",
    "Who pays for the repairs, the council or the port authority?",
    "The ferry from the north pier is slower but the view is better.",
    "I walked along the quay last week and the cracks were already visible.",
    "Good to see the engineers were right, even if nobody listened to them.",
]


def _page(body: str) -> str:
    return f"<html><head><title>Harbor</title></head><body>{ARTICLE}{body}</body></html>"


def _comments(html: str) -> tuple[Comment, ...]:
    found = comments(load_page(html, format="html"))
    assert found is not None
    return found


# ------------------------------------------------------------------------------------------------ author boxes


def _fan_box_comment(cid: int, name: str, fans: int, text: str, title: str = "") -> str:
    title_html = f'<div class="arial_11 bold">{title}</div>' if title else ""
    return f"""
<div id="comment_{cid}" class="comment_item published_comment">
  <div class="comment_top"><div class="comment_top_inner">
    <div class="author_name has_title">
      {title_html}
      <a class="arial_14 bold" href="/social/{name}">{name}</a>
      <div class="bio_teaser"></div>
      <div class="author_fans"><a class="author_fans_count" href="/social/{name}">{fans} Fans</a></div>
    </div>
  </div></div>
  <div class="comment_body"><div class="comment_time">{cid} minutes ago (1:16 PM)</div>{text}</div>
  <div class="comment_bottom"><a class="comment_permalink" href="#c{cid}">Permalink</a></div>
</div>"""


FAN_BOXES = _page(
    '<div id="comments_block" class="comments_block_holder"><h3>Comments</h3>'
    + "".join(
        _fan_box_comment(i + 1, name, fans, SAYINGS[i], title)
        for i, (name, fans, title) in enumerate([("quaywatcher", 63, "SUPER USER"), ("ferryfan", 1508, ""), ("mara_q", 7, "")])
    )
    + "</div>"
)


def test_author_box_fan_count_is_not_the_name() -> None:
    found = _comments(FAN_BOXES)
    assert [c.author for c in found] == ["quaywatcher", "ferryfan", "mara_q"]
    assert [c.text for c in found] == SAYINGS[:3]
    assert all("Fans" not in c.text for c in found)


LIVEFYRE_ONE = _page("""
<div id="Comments"><div class="lfBox">
  <div class="lf_head_bar">1 comment 0 people listening</div>
  <div class="lf_login_bar"><a class="lf_auth_section">Sign in</a> <a href="/help">Comment help</a></div>
  <div class="lf_sort">Sort: Newest | Oldest</div>
  <div class="lf_comment_container"><div class="lf_comment">
    <div class="lf_comment_body">
      <a rel="nofollow" href="/u/quaywatcher" class="lf_comment_user_nick">quaywatcher</a>
      <span class="lf_comment_user_rating">44 pts</span>
      <div class="lf_body"><p>The wall was patched twice in the nineties and nobody checked it since then.</p></div>
    </div>
    <div class="lf_comment_footer"><a class="lf_share">share</a> <a class="lf_flag">flag</a></div>
  </div></div>
  <div class="lf_powered">Powered by the comment plugin</div>
</div></div>
""")


def test_lone_undated_comment_takes_its_nick_and_leaves_the_box_out() -> None:
    found = _comments(LIVEFYRE_ONE)
    assert len(found) == 1
    assert found[0].author == "quaywatcher"
    assert found[0].text == "The wall was patched twice in the nineties and nobody checked it since then."


def _typepad_comment(cid: int, text: str, who: str, day: int) -> str:
    return f"""
<div class="comment" id="comment-{cid}">
  <div class="comment-content"><span><p>{text}</p></span></div>
  <p class="comment-footer">Posted by: {who} | October {day}, 2012 at 06:57 PM</p>
</div>"""


URL_NAMED = _page(
    '<div class="comments" id="comments"><h3 class="comments-header">Comments</h3><div class="comments-content">'
    + _typepad_comment(1, SAYINGS[0], "Mara Quill", 14)
    + _typepad_comment(2, SAYINGS[1], "www.example.org/profile.php?id=6079", 14)
    + _typepad_comment(3, SAYINGS[2], "Olu Banks", 15)
    + "</div></div>"
)


def test_web_address_as_commenter_name_keeps_the_comment() -> None:
    found = _comments(URL_NAMED)
    assert [c.text for c in found] == SAYINGS[:3]
    assert found[1].author in ("www.example.org/profile.php?id=6079", None)
    assert found[1].published is not None and found[1].published.date() == dt.date(2012, 10, 14)
    assert found[2].author == "Olu Banks"


# ------------------------------------------------------------------------------------ undated name-line threads

FLAT_NAMES = _page(
    '<div class="comment-article"><div class="box">'
    + "".join(
        f'<p class="small text-body">{text}</p><p class="small signature">{name}</p>'
        for text, name in zip(SAYINGS, ["Jane Roe, Leeds, UK", "tom, Southampton,", "Ana Lima, Porto", "Kim", "Olu Banks, Lagos"])
    )
    + "</div></div>"
)


def test_undated_flat_thread_signed_by_name_lines() -> None:
    found = _comments(FLAT_NAMES)
    assert [c.text for c in found] == SAYINGS
    assert [c.author for c in found] == ["Jane Roe, Leeds, UK", "tom, Southampton", "Ana Lima, Porto", "Kim", "Olu Banks, Lagos"]
    assert all(c.published is None for c in found)


WRAPPED_NAMES = _page(
    '<div class="after-story"><h2>3 Responses</h2><ol class="thread">'
    + "".join(
        f'<li class="entry"><strong>{name}</strong><p>{text}</p></li>'
        for name, text in zip(["Mara Quill", "olu_b", "Ana Lima"], SAYINGS)
    )
    + "</ol></div>"
)


def test_undated_items_each_opened_by_a_name_line() -> None:
    found = _comments(WRAPPED_NAMES)
    assert [c.author for c in found] == ["Mara Quill", "olu_b", "Ana Lima"]
    assert [c.text for c in found] == SAYINGS[:3]


def test_short_lines_without_comments_between_them_are_no_thread() -> None:
    # name-like lines in a comment box, but no comment text between them: links, not comments
    links = _page(
        '<div class="comments-links"><p class="x">Read more</p>'
        + "".join(f'<p class="small tag">{n}</p>' for n in ["Harbor news", "Ferry times", "Town council", "Storm log"])
        + f"<p>{SAYINGS[0]}</p></div>"
    )
    assert _comments(links) == ()
    # two name lines only: not enough evidence
    two = _page(
        '<div class="comment-article">'
        + "".join(f'<p class="t">{t}</p><p class="n">{n}</p>' for t, n in zip(SAYINGS, ["Jane Roe", "Kim"]))
        + "</div>"
    )
    assert _comments(two) == ()


def test_article_without_comment_section_gets_no_comments() -> None:
    art = newsparse.parse(_page('<div class="footer"><p>Jane Roe</p><p>Harbor Gazette, Leeds</p></div>'), plugins=False)
    assert not art.comments


# ------------------------------------------------------------------------------------------------ Q&A and quotes


def _qa_post(kind: str, pid: int, body: str, items: list[tuple[str, str, str]]) -> str:
    lis = "".join(
        f'<li id="comment-{pid}{k}" class="comment js-comment"><div class="comment-text"><div class="comment-body">'
        f'<span class="comment-copy">{text}</span>'
        f'<div class="d-inline-flex">– <a href="/users/{user}" class="comment-user">{user}</a></div>'
        f'<span class="comment-date">{date}</span></div></div></li>'
        for k, (text, user, date) in enumerate(items)
    )
    return (
        f'<div id="{kind}-{pid}" class="{kind}"><div class="post-layout"><div class="postcell">'
        f'<div class="s-prose js-post-body">{body}</div></div>'
        f'<div class="post-layout--right js-post-comments-component"><div id="comments-{pid}" class="comments">'
        f'<ul class="comments-list">{lis}</ul></div></div></div></div>'
    )


LONG_ANSWER = "".join(
    f"<p>{s} The timetable is posted at the pier and on the council's site, and it changes with the tides.</p>"
    for s in SAYINGS + SAYINGS[::-1]
)
QA = (
    "<html><head><title>Winter ferry</title></head><body><div id='content'><h1>Winter ferry schedule</h1>"
    + _qa_post("question", 1, "<p>Where do I find the winter ferry schedule?</p>", [
        ("Which harbor do you mean exactly?", "mara", "Feb 6, 2014 at 23:18"),
        ("Unless of what?", "tom", "Feb 6, 2014 at 23:28"),
    ])
    + "<div id='answers'><h2>1 Answer</h2>"
    + _qa_post("answer accepted-answer", 2, LONG_ANSWER, [
        ("Great answer, the table helped me plan the trip.", "ines", "Feb 8, 2014 at 09:00"),
    ])
    + "</div></div></body></html>"
)


def test_qa_comments_above_the_answer_taken_as_body_are_kept() -> None:
    found = _comments(QA)
    assert [c.author for c in found] == ["mara", "tom", "ines"]
    assert found[1].text == "Unless of what?"  # a short comment is not its own author line
    assert found[0].published == dt.datetime(2014, 2, 6, 23, 18)


QUOTED_HEADER = _page(
    '<div id="comments" class="comments"><ol class="commentlist">'
    + "".join(
        f'<li class="comment"><article class="comment regular"><div class="comment-content">'
        f'<ul class="comment-meta"><li class="comment-author">{who}</li><li class="comment-time">{when}</li></ul>'
        f'<div class="comment-text">{body}</div></div></article></li>'
        for who, when, body in [
            ("Mara Quill", "8. April 2019 @ 11:38", f"<p>{SAYINGS[0]}</p>"),
            ("Olu Banks", "9. April 2019 @ 00:14", f"<p>@ Mara Quill</p><p>8. April 2019 @ 11:38</p><p>{SAYINGS[1]}</p>"),
            ("Ana Lima", "9. April 2019 @ 08:02", f"<p>{SAYINGS[2]}</p>"),
        ]
    )
    + "</ol></div>"
)


def test_reply_quoting_its_parent_header_is_kept() -> None:
    found = _comments(QUOTED_HEADER)
    assert [c.author for c in found] == ["Mara Quill", "Olu Banks", "Ana Lima"]
    assert found[1].published is not None and found[1].published.date() == dt.date(2019, 4, 9)
    assert SAYINGS[1] in found[1].text


# ---------------------------------------------------------------------------------------------------- text mode

TEXT_THREAD = """Harbor wall gives way in storm

By Jane Doe

The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.

Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.

Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.

Public Discussion (3)

QuayWatcher.

LIES!

The wall was patched twice in the nineties and nobody checked it since then, whatever the council says.

1 vote

#1 - Mon Oct 29, 2012 10:07 AM EDT

ferryfan

It was checked in 2009, the report is on the council's site for anyone who cares to read it.

#1.1 - Mon Oct 29, 2012 10:12 AM EDT

mara_q

Both of you are right about the cracks, they were visible from the ferry all last winter.

#2 - Tue Oct 30, 2012 8:40 AM EDT

Leave a Comment:

Name:
"""


def test_text_public_discussion_with_numbered_footers() -> None:
    art = newsparse.parse(TEXT_THREAD, format="text", plugins=False)
    found = art.comments
    assert found is not None and len(found) == 3
    assert [c.author for c in found] == ["QuayWatcher.", "ferryfan", "mara_q"]
    assert [c.depth for c in found] == [0, 1, 0]
    assert found[1].parent_id == found[0].id
    assert [c.published.date() if c.published else None for c in found] == [
        dt.date(2012, 10, 29), dt.date(2012, 10, 29), dt.date(2012, 10, 30)
    ]
    assert found[0].text.startswith("LIES!")
    assert all("#1" not in c.text and "Leave a Comment" not in c.text for c in found)


TEXT_URL_SIGNED = """Harbor wall gives way in storm

The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.

Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.

Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.

Comments

My grandfather fished from that wall every summer of his life.

Posted by: Mara Quill | October 14, 2012 at 06:57 PM

Who pays for the repairs, the council or the port authority?

Posted by: www.example.org/profile.php?id=6079 | October 14, 2012 at 07:10 PM

The ferry from the north pier is slower but the view is better.

Posted by: Olu Banks | October 15, 2012 at 08:02 AM
"""


def test_text_web_address_signature_keeps_the_comment() -> None:
    found = newsparse.parse(TEXT_URL_SIGNED, format="text", plugins=False).comments
    assert found is not None
    assert [c.text for c in found] == SAYINGS[:3]
    assert found[1].author in ("www.example.org/profile.php?id=6079", None)
    assert found[2].author == "Olu Banks"


SHORT_OVER_FOOTER = _page(
    '<div id="comments" class="comments"><ul class="comments-list">'
    + "".join(
        f'<li class="comment js-comment"><div class="comment-text"><div class="comment-body">'
        f'<span class="comment-copy">{text}</span>'
        f'<div class="d-inline-flex">– <a href="/users/{user}" class="comment-user">{user}</a></div>'
        f'<span class="comment-date">Feb {day}, 2014 at 23:18</span></div></div></li>'
        for text, user, day in [("Unless of what?", "mara", 6), (SAYINGS[1], "tom", 7), ("Really?", "ines", 8)]
    )
    + "</ul></div>"
)


def test_short_comment_is_not_taken_for_its_author_line() -> None:
    found = _comments(SHORT_OVER_FOOTER)
    assert [(c.author, c.text) for c in found] == [("mara", "Unless of what?"), ("tom", SAYINGS[1]), ("ines", "Really?")]


def test_text_numbered_line_without_date_is_no_footer() -> None:
    # "#2 - <words>" under a comment text is no footer: only a date after the number closes a comment
    thread = TEXT_THREAD.replace("cares to read it.\n", "cares to read it.\n\n#2 - and the one before\n")
    found = newsparse.parse(thread, format="text", plugins=False).comments
    assert found is not None and len(found) == 3
    assert found[1].id == "1.1" and found[1].depth == 1 and found[1].author == "ferryfan"
