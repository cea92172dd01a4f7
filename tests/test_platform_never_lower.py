"""Issue #9: a platform extractor never lowers a score. Its comments are the generic extractor's,
refined only where the platform's markup says more (a missing name or date, a missed item, a button
label), and ``benchmarks/platform_eval.py`` fails as a gate when a claimed page scores lower."""

from __future__ import annotations

import datetime as _dt
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import Comment
from newsparse._generic import GenericExtractor
from newsparse.sites import BloggerExtractor, WordPressExtractor
from newsparse.sites._markup import cleaner_name, rebase_comments, same_comment

STORY = "<p>" + "The harbour board met on Tuesday and agreed to keep the late ferry for another winter. " * 3 + "</p>"
TEXTS = (
    "The late boat is the only one I can make after work.",
    "Good news for the night shift at the cannery, they finish at ten.",
    "I hope they keep the Sunday boat too, the bus takes an hour longer.",
    "Does anyone know whether the timetable changes in spring as well?",
)
NAMES = ("Ann Berg", "Tom Hale", "Ivy Moss", "Rui Costa")


def _wp_page(items: str) -> newsparse.Page:
    return newsparse.load_page(
        '<html><head><meta name="generator" content="WordPress 6.1"><title>Ferry stays</title></head><body>'
        f"<article><h1>Ferry stays</h1>{STORY}</article>"
        f'<div id="comments"><h2>Responses</h2><ol class="commentlist">{items}</ol></div></body></html>'
    )


def _item(i: int, name: str | None, text: str, date: str | None = None, after: str = "", before_name: str = "") -> str:
    who = f'<div class="comment-author vcard">{before_name}<cite class="fn">{name}</cite></div>' if name else ""
    when = f'<div class="comment-meta"><a href="#comment-{i}">{date}</a></div>' if date else ""
    return f'<li class="comment depth-1" id="comment-{i}">{who}{when}<p>{text}</p>{after}</li>'


def _date(i: int) -> str:
    return f"March {i + 3}, 2021 at 8:{10 + i} pm"


# ------------------------------------------------------------------------------------------------
# the rebase itself, on comment lists


def test_generic_names_dates_and_threading_are_kept() -> None:
    when = _dt.datetime(2021, 3, 3, 20, 15)
    generic = [
        Comment(text=TEXTS[0], author="Ann Berg", published=when, id="c1"),
        Comment(text=TEXTS[1], author="Tom Hale", depth=1, id="c2", parent_id="c1"),
    ]
    own = [Comment(text=TEXTS[0]), Comment(text=TEXTS[1], author="T. Hale", depth=0, id="comment-2")]
    assert rebase_comments(generic, own) == tuple(generic)


def test_what_the_generic_lacks_is_taken_from_the_twin() -> None:
    when = _dt.datetime(2021, 3, 4, 9, 0)
    generic = [Comment(text=TEXTS[0]), Comment(text=TEXTS[1], author="/ Tom Hale")]
    own = [Comment(text=TEXTS[0], author="Ann Berg", published=when), Comment(text=TEXTS[1], author="Tom Hale")]
    out = rebase_comments(generic, own)
    assert [(c.author, c.published) for c in out] == [("Ann Berg", when), ("Tom Hale", None)]


def test_a_name_with_words_around_it_is_left_as_printed() -> None:
    assert cleaner_name("/ Tom Hale", "Tom Hale") == "Tom Hale"
    assert cleaner_name("Tom Hale:", "Tom Hale") == "Tom Hale"
    assert cleaner_name("March 3, 2021 / Tom Hale", "Tom Hale") == "March 3, 2021 / Tom Hale"
    assert cleaner_name("Tom Hale (@tomhale)", "Tom Hale") == "Tom Hale (@tomhale)"
    assert cleaner_name("Tom Hale", "Thomas Hale") == "Tom Hale"
    assert cleaner_name(None, "Tom Hale") == "Tom Hale"
    assert cleaner_name("Tom Hale", None) == "Tom Hale"


def test_button_labels_the_platform_leaves_out_are_dropped() -> None:
    labels = frozenset({"reply"})
    generic = [Comment(text=f"{TEXTS[0]}\n\n[Reply]"), Comment(text=f"{TEXTS[1]}\n\nReply")]
    own = [Comment(text=TEXTS[0]), Comment(text=f"{TEXTS[1]}\n\nReply")]
    out = rebase_comments(generic, own, labels)
    assert [c.text for c in out] == [TEXTS[0], f"{TEXTS[1]}\n\nReply"]  # the second one's platform text keeps it
    assert [c.text for c in rebase_comments(generic, own)] == [c.text for c in generic]  # no labels: no change


def test_items_the_generic_finder_missed_are_added_in_place() -> None:
    generic = [Comment(text=TEXTS[0]), Comment(text=TEXTS[2])]
    own = [Comment(text=t, author=n) for t, n in zip(TEXTS, NAMES)]
    out = rebase_comments(generic, own)
    assert [c.text for c in out] == list(TEXTS)
    assert [c.author for c in out] == list(NAMES)


def test_readings_that_disagree_leave_the_generic_thread_alone() -> None:
    generic = [Comment(text=TEXTS[0], author="Ann Berg")]
    own = [Comment(text=f"Another thread entirely, number {i}, about the weather.") for i in range(4)]
    assert rebase_comments(generic, own) == tuple(generic)


def test_same_comment_tolerates_a_header_line_but_not_another_text() -> None:
    assert same_comment(TEXTS[0], f"March 3, 2021 at 8:15 pm\n\n{TEXTS[0]}")
    assert same_comment(f"{TEXTS[0]}\n\n[Reply]", TEXTS[0])
    assert not same_comment(TEXTS[0], TEXTS[1])
    assert not same_comment("", TEXTS[1])


#: A comment that opens with a short stock reply and goes on well past a header's length.
LONG = "Thanks! " + TEXTS[1] + " " + TEXTS[2]


def test_a_short_comment_inside_a_longer_one_is_another_comment() -> None:
    assert not same_comment("Thanks!", LONG)
    assert not same_comment(LONG, "Thanks!")
    # the longer one only adds a header or a label: the same comment
    assert same_comment("Thanks!", "Ann Berg says: March 3, 2021 at 8:15 pm\n\nThanks!\n\n[Reply]")
    # the generic finder kept a reply printed below the comment: the comment's own words open it
    below = f"{TEXTS[0]}\n\n[Reply]\n\nTom Hale Reply:\n\n{TEXTS[1]} {TEXTS[3]}"
    assert same_comment(TEXTS[0], below)
    assert not same_comment(TEXTS[3], below)  # a sentence further down is not this comment


def test_an_exact_twin_is_paired_before_a_comment_that_opens_alike() -> None:
    # the platform lists the long comment first: the generic "Thanks!" is paired with Ann's, not Bob's
    generic = [Comment(text="Thanks!"), Comment(text=LONG)]
    own = [Comment(text=LONG, author="Bob Vance"), Comment(text="Thanks!", author="Ann Berg")]
    out = rebase_comments(generic, own)
    assert [c.text for c in out] == ["Thanks!", LONG]
    assert out[0].author == "Ann Berg"
    assert out[1].author != "Ann Berg"


def test_a_short_comment_the_generic_finder_missed_is_added_not_merged() -> None:
    generic = [Comment(text=LONG)]
    own = [Comment(text="Thanks!", author="Ann Berg"), Comment(text=LONG, author="Bob Vance")]
    out = rebase_comments(generic, own)
    assert [(c.text, c.author) for c in out] == [(c.text, c.author) for c in own]


def test_rebase_of_a_long_thread_pairs_and_adds_every_comment() -> None:
    import random

    rng = random.Random(7)
    vocab = [a + b + c for a in "bdfklmprst" for b in "aeiou" for c in ("n", "r", "s", "l")]
    texts = [f"{' '.join(rng.choice(vocab) for _ in range(14))} ({i})." for i in range(3000)]
    own = [Comment(text=t, author=f"Reader {i}") for i, t in enumerate(texts)]
    # the generic finder misses every third item and prints a date above some of those it reads
    generic = [
        Comment(text=f"March 3, 2021 at 8:15 pm\n\n{t}" if i % 5 == 0 else t, id=f"g{i}")
        for i, t in enumerate(texts)
        if i % 3
    ]
    out = rebase_comments(generic, own)
    assert len(out) == len(own)
    assert [c.author for c in out] == [c.author for c in own]
    assert [c.id for c in out if c.id] == [g.id for g in generic]
    assert all(same_comment(c.text, t) for c, t in zip(out, texts))


@pytest.mark.parametrize("seed", range(12))
def test_rebase_never_drops_or_rewrites_a_generic_comment(seed: int) -> None:
    import random

    rng = random.Random(seed)
    pool = [f"{t} ({k})" for k in range(3) for t in TEXTS]
    rng.shuffle(pool)
    generic = [
        Comment(text=t, author=rng.choice([None, "Ann Berg", "/ Ann Berg"]), depth=rng.randint(0, 1), id=f"g{i}")
        for i, t in enumerate(pool[:6])
    ]
    own = [Comment(text=t, author=rng.choice([None, "Ann Berg"])) for t in pool[: rng.randint(0, len(pool))]]
    rng.shuffle(own)
    out = rebase_comments(generic, own)
    by_id = {c.id: c for c in out if c.id}
    for g in generic:
        c = by_id[g.id]
        assert (c.text, c.depth, c.parent_id) == (g.text, g.depth, g.parent_id)
        assert c.author == g.author or (g.author in (None, "/ Ann Berg") and c.author == "Ann Berg")
    assert [c.id for c in out if c.id] == [g.id for g in generic]  # order kept


# ------------------------------------------------------------------------------------------------
# the extractors on synthetic pages


def test_wordpress_answers_where_the_generic_finder_sees_no_thread() -> None:
    page = _wp_page("".join(_item(i + 1, None, TEXTS[i]) for i in range(2)))
    assert not GenericExtractor().comments(page)
    art = newsparse.parse_page(newsparse.load_page(page.text), newsparse.ParseOptions(extractors=(WordPressExtractor,)))
    assert art.sources["comments"] == WordPressExtractor.name
    assert [c.text for c in art.comments or ()] == list(TEXTS[:2])


def test_wordpress_keeps_the_generic_reading() -> None:
    # "[Reply]" links and a "/ " before each name: the generic finder already drops both, and the
    # platform's merged answer stays exactly the generic one
    items = "".join(
        _item(i + 1, NAMES[i], TEXTS[i], _date(i), after='<p>[<a href="#r">Reply</a>]</p>', before_name="/ ")
        for i in range(3)
    )
    page = _wp_page(items)
    generic = GenericExtractor().comments(page) or ()
    assert [(g.author, g.text) for g in generic] == list(zip(NAMES[:3], TEXTS[:3]))
    out = WordPressExtractor().comments(newsparse.load_page(page.text)) or ()
    assert [(c.author, c.text, c.published, c.depth, c.id) for c in out] == [
        (g.author, g.text, g.published, g.depth, g.id) for g in generic
    ]


def test_wordpress_adds_an_item_the_generic_finder_skipped() -> None:
    items = "".join(_item(i + 1, NAMES[i], TEXTS[i], _date(i)) for i in range(3))
    # an item the generic finder cannot read as a comment (no name, no date): the platform's li says it is one
    items += '<li class="comment depth-1" id="comment-9"><p>' + TEXTS[3] + "</p></li>"
    page = _wp_page(items)
    generic = GenericExtractor().comments(page) or ()
    assert TEXTS[3] not in {c.text for c in generic}
    out = WordPressExtractor().comments(newsparse.load_page(page.text)) or ()
    assert {c.text for c in generic} <= {c.text for c in out}
    assert TEXTS[3] in {c.text for c in out}


def test_blogger_classic_name_is_visible_text_only() -> None:
    html = (
        '<html><head><meta name="generator" content="Blogger"><title>Ferry</title></head><body>'
        '<div class="post hentry"><h3 class="post-title">Ferry stays</h3>'
        f'<div class="post-body entry-content">{STORY}</div></div>'
        '<div id="comments"><dl id="comments-block">'
        '<dt class="comment-author" id="c1"><script>counter = counter + 1; document.write(counter)</script>'
        "Anonymous said...</dt>"
        f'<dd class="comment-body"><p>{TEXTS[0]}</p></dd>'
        '<dd class="comment-footer"><span class="comment-timestamp">3/03/2021 8:15 PM</span></dd>'
        "</dl></div></body></html>"
    )
    from newsparse.sites.blogger import _classic

    page = newsparse.load_page(html)
    assert page.tree is not None
    [dl] = page.tree.xpath("//dl[@id='comments-block']")
    assert [c.author for c in _classic(dl) or ()] == ["Anonymous"]
    comments = BloggerExtractor().comments(page) or ()
    assert [c.text for c in comments] == [TEXTS[0]]
    assert all("counter" not in (c.author or "") for c in comments)


# ------------------------------------------------------------------------------------------------
# the gate of benchmarks/platform_eval.py


def _platform_eval() -> Any:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "platform_eval.py"
    spec = importlib.util.spec_from_file_location("platform_eval_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_gate_counts_a_page_that_scores_lower() -> None:
    pe = _platform_eval()
    before = {"a": {"comments_f1": 1.0, "published_invented": 0.0, "ms": 5.0}, "b": {"comments_f1": 0.5}}
    after = {"a": {"comments_f1": 0.9, "published_invented": 0.0, "ms": 50.0}, "b": {"comments_f1": 0.7}}
    drops, counts = pe._page_changes(before, after)
    assert [(d["id"], d["metric"]) for d in drops] == [("a", "comments_f1")]
    assert counts["comments_f1"] == {"lower": 1, "higher": 1}
    assert "ms" not in counts  # time is reported, never judged
    worse_invented = {"a": {"published_invented": 1.0}}
    drops, _ = pe._page_changes({"a": {"published_invented": 0.0}}, worse_invented)
    assert [d["metric"] for d in drops] == ["published_invented"]  # lower is better there
    assert pe._page_changes(before, before)[0] == []
