"""The typed result: frozen, slotted, keyword-only attrs classes and their JSON form."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import Article, AuthorBio, Block, Body, Byline, Comment, Dateline, Headline
from newsparse._model import BLOCK_KINDS

# -- strategies ----------------------------------------------------------------------------------

text = st.text(max_size=40)
opt_text = st.none() | text
offsets = st.integers(min_value=-(23 * 3600 + 59 * 60), max_value=23 * 3600 + 59 * 60).map(
    lambda s: _dt.timezone(_dt.timedelta(seconds=s))
)
# aware (any whole-second offset, incl. UTC) and naive datetimes
datetimes = st.datetimes(timezones=st.none() | st.just(_dt.timezone.utc) | offsets)
opt_datetimes = st.none() | datetimes


def opt_tuple(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, ...] | None]:
    """None (unknown), () (known empty) or a few items."""
    return st.none() | st.just(()) | st.lists(strategy, min_size=1, max_size=3).map(tuple)


headlines = st.builds(Headline, text=text, subheadline=opt_text)
datelines = st.builds(Dateline, text=text, place=opt_text, agency=opt_text)
bylines = st.builds(Byline, name=text, role=opt_text, affiliation=opt_text, url=opt_text)
bios = st.builds(AuthorBio, name=opt_text, title=opt_text, text=opt_text, url=opt_text)
blocks = st.builds(
    Block, kind=st.sampled_from(BLOCK_KINDS), text=text, level=st.none() | st.integers(min_value=1, max_value=6)
)
bodies = st.builds(Body, blocks=st.lists(blocks, max_size=4).map(tuple))
comments = st.builds(
    Comment,
    text=text,
    author=opt_text,
    published=opt_datetimes,
    depth=st.integers(min_value=0, max_value=8),
    id=opt_text,
    parent_id=opt_text,
)
articles = st.builds(
    Article,
    url=opt_text,
    headline=st.none() | headlines,
    dateline=st.none() | datelines,
    bylines=opt_tuple(bylines),
    author_bios=opt_tuple(bios),
    published=opt_datetimes,
    modified=opt_datetimes,
    body=st.none() | bodies,
    comments=opt_tuple(comments),
    language=st.none() | st.sampled_from(["en", "de-DE", "ja", "pt-BR"]),
    sources=st.dictionaries(st.sampled_from(newsparse.FIELDS), text, max_size=4),
    warnings=st.lists(text, max_size=3).map(tuple),
)


def _datetimes_of(a: Article) -> list[_dt.datetime | None]:
    return [a.published, a.modified] + [c.published for c in a.comments or ()]


# -- round trips -----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(articles)
def test_to_dict_from_dict_round_trip(article: Article) -> None:
    data = article.to_dict()
    back = Article.from_dict(data)
    assert back == article
    assert back.to_dict() == data
    # == on aware datetimes compares instants: the offset itself must survive too, and naive stays naive
    for before, after in zip(_datetimes_of(article), _datetimes_of(back)):
        assert (before is None) == (after is None)
        if before is not None and after is not None:
            assert after.isoformat() == before.isoformat()
            assert after.utcoffset() == before.utcoffset()
    # None (unknown) and () (known empty) stay apart
    for field in ("bylines", "author_bios", "comments"):
        assert (getattr(back, field) is None) == (getattr(article, field) is None)


@settings(max_examples=60, deadline=None)
@given(articles)
def test_to_dict_is_json_and_round_trips_through_json(article: Article) -> None:
    data = article.to_dict()
    encoded = json.dumps(data, ensure_ascii=False)
    decoded = json.loads(encoded)
    assert decoded == data
    assert Article.from_dict(decoded) == article
    assert json.loads(json.dumps(data)) == data  # ASCII-escaped too


@settings(max_examples=25, deadline=None)
@given(articles)
def test_equal_articles_hash_equal(article: Article) -> None:
    back = Article.from_dict(article.to_dict())
    assert hash(back) == hash(article)


def test_to_dict_keys_are_the_documented_names() -> None:
    art = Article(
        url="https://example.org/a",
        headline=Headline(text="H", subheadline="S"),
        dateline=Dateline(text="LONDON (Reuters) -", place="LONDON", agency="Reuters"),
        bylines=(Byline(name="Jane Doe", role="reporter", affiliation="Reuters", url=None),),
        author_bios=(AuthorBio(name="Jane Doe", title="Reporter", text="Jane covers ports."),),
        published=_dt.datetime(2024, 3, 7, 8, 15, tzinfo=_dt.timezone(_dt.timedelta(hours=-5))),
        modified=_dt.datetime(2024, 3, 7, 12, 40),
        body=Body(blocks=[Block(kind="heading", text="Sub", level=2), Block(kind="paragraph", text="P")]),
        comments=(Comment(text="Hi", author="Ann", published=_dt.datetime(2024, 3, 8), depth=1, id="c2", parent_id="c1"),),
        language="en",
        sources={"headline": "generic"},
        warnings=("w",),
    )
    d = art.to_dict()
    assert list(d) == [
        "url", "headline", "dateline", "bylines", "author_bios", "published", "modified",
        "body", "comments", "language", "sources", "warnings",
    ]  # fmt: skip
    assert d["headline"] == {"text": "H", "subheadline": "S"}
    assert d["dateline"] == {"text": "LONDON (Reuters) -", "place": "LONDON", "agency": "Reuters"}
    assert d["bylines"] == [{"name": "Jane Doe", "role": "reporter", "affiliation": "Reuters", "url": None}]
    assert d["author_bios"] == [{"name": "Jane Doe", "title": "Reporter", "text": "Jane covers ports.", "url": None}]
    assert d["published"] == "2024-03-07T08:15:00-05:00"
    assert d["modified"] == "2024-03-07T12:40:00"
    assert d["body"] == {
        "blocks": [{"kind": "heading", "text": "Sub", "level": 2}, {"kind": "paragraph", "text": "P", "level": None}]
    }
    assert d["comments"] == [
        {"text": "Hi", "author": "Ann", "published": "2024-03-08T00:00:00", "depth": 1, "id": "c2", "parent_id": "c1"}
    ]
    assert (d["language"], d["sources"], d["warnings"]) == ("en", {"headline": "generic"}, ["w"])
    assert Article.from_dict(d) == art


def test_from_dict_of_an_empty_record() -> None:
    art = Article.from_dict({})
    assert art == Article()
    assert art.bylines is None and art.comments is None and art.body is None and art.sources == {}


def test_from_dict_ignores_unknown_keys() -> None:
    """Records carry extra keys (the CLI adds "input"; newer versions may add fields)."""
    d = Article(
        headline=Headline(text="H"),
        body=Body(blocks=[Block(kind="paragraph", text="P")]),
        comments=(Comment(text="c"),),
    ).to_dict()
    d["input"] = "page.html"
    d["headline"]["future"] = 1
    d["body"]["blocks"][0]["future"] = 1
    d["comments"][0]["future"] = 1
    art = Article.from_dict(d)
    assert art.headline == Headline(text="H")
    assert art.body == Body(blocks=[Block(kind="paragraph", text="P")])
    assert art.comments == (Comment(text="c"),)


# -- frozen, slots, keyword-only, tuples ---------------------------------------------------------------

SAMPLES: list[Any] = [
    Headline(text="H"),
    Dateline(text="D"),
    Byline(name="N"),
    AuthorBio(name="N"),
    Block(kind="paragraph", text="T"),
    Body(),
    Comment(text="C"),
    Article(),
]


@pytest.mark.parametrize("obj", SAMPLES, ids=lambda o: type(o).__name__)
def test_frozen(obj: Any) -> None:
    name = attrs.fields(type(obj))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, name, None)
    with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
        obj.not_a_field = 1


@pytest.mark.parametrize("obj", SAMPLES, ids=lambda o: type(o).__name__)
def test_slots(obj: Any) -> None:
    assert "__slots__" in type(obj).__dict__
    assert not hasattr(obj, "__dict__")


@pytest.mark.parametrize(
    ("cls", "args"),
    [(Headline, ("H",)), (Dateline, ("D",)), (Byline, ("N",)), (AuthorBio, ("N",)), (Block, ("paragraph", "T")),
     (Comment, ("C",)), (Article, ("https://example.org",))],
    ids=lambda v: v.__name__ if isinstance(v, type) else "",
)  # fmt: skip
def test_keyword_only(cls: type[Any], args: tuple[Any, ...]) -> None:
    with pytest.raises(TypeError):
        cls(*args)


def test_sequences_become_tuples() -> None:
    art = Article(
        bylines=[Byline(name="A")],
        author_bios=[AuthorBio(name="A")],
        comments=[Comment(text="c")],
        warnings=["w"],
    )
    assert isinstance(art.bylines, tuple) and isinstance(art.author_bios, tuple)
    assert isinstance(art.comments, tuple) and isinstance(art.warnings, tuple)
    body = Body(blocks=[Block(kind="paragraph", text="a")])
    assert isinstance(body.blocks, tuple)
    assert Article(bylines=None).bylines is None and Article(bylines=[]).bylines == ()


def test_body_text_and_paragraphs() -> None:
    body = Body(blocks=[Block(kind="heading", text="Sub", level=2), Block(kind="paragraph", text="One.")])
    assert body.text == "Sub\nOne."
    assert body.paragraphs == ("Sub", "One.")
    assert Body().text == "" and Body().paragraphs == ()


def test_sources_do_not_affect_hash_but_do_affect_equality() -> None:
    a = Article(sources={"headline": "generic"})
    b = Article(sources={"headline": "site"})
    assert hash(a) == hash(b)
    assert a != b


def test_everything_is_importable_from_the_package() -> None:
    for name in ("Article", "Headline", "Dateline", "Byline", "AuthorBio", "Body", "Block", "Comment"):
        assert getattr(newsparse, name) is getattr(newsparse._model, name)
        assert name in newsparse.__all__
