"""The per-field chain: one page object for every extractor, field order, options."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import lxml.html
import pytest

import newsparse
from newsparse import FIELDS, Extractor, GenericExtractor, Headline, Page, ParseOptions, load_page, parse_page
from newsparse._pipeline import build_chain

from conftest import EXAMPLE

pytestmark = pytest.mark.usefixtures("clean_registry")

PAGE = """<html lang="en"><head><title>Harbor closes</title></head><body><article>
<h1>Harbor closes for repairs</h1>
<p>The harbor will close for six weeks while engineers repair the sea wall, the port authority said on Monday.</p>
<p>Fishing boats will move to a temporary mooring further up the estuary during the work.</p>
</article></body></html>"""


class Recorder(Extractor):
    """Records every (field, page) call it gets and answers nothing."""

    name = "recorder"
    domains = ("example.org",)

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, Any]] = []

    def _record(self, field: str, page: Page) -> None:
        self.calls.append((field, id(page), page.tree))


for _field in FIELDS:

    def _make(field: str) -> Any:
        def method(self: Recorder, page: Page) -> None:
            self._record(field, page)
            return None

        return method

    setattr(Recorder, _field, _make(_field))


def test_every_extractor_gets_the_same_page_object_once_per_field() -> None:
    first, second = Recorder(), Recorder()
    art = newsparse.parse(PAGE, url="https://example.org/a", extractors=[first, second])
    assert [c[0] for c in first.calls] == list(FIELDS)  # asked in the documented order
    assert [c[0] for c in second.calls] == list(FIELDS)
    page_ids = {c[1] for c in first.calls + second.calls}
    trees = {id(c[2]) for c in first.calls + second.calls}
    assert len(page_ids) == 1 and len(trees) == 1  # one page, parsed once
    assert art.headline == Headline(text="Harbor closes for repairs")
    assert art.sources["headline"] == "generic"


def test_the_page_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    real = lxml.html.document_fromstring
    count = 0

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal count
        count += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(lxml.html, "document_fromstring", counting)
    newsparse.parse(PAGE, extractors=[Recorder(), Recorder()])
    assert count == 1


def test_parse_page_on_a_loaded_page() -> None:
    page = load_page(PAGE, url="https://example.org/a")
    assert page.domain == "example.org"
    art = parse_page(page)
    assert art.url == "https://example.org/a"
    assert art == parse_page(load_page(PAGE, url="https://example.org/a"))  # deterministic
    assert art == newsparse.parse(PAGE, url="https://example.org/a")


def test_domain_of_the_page() -> None:
    assert load_page(PAGE, url="https://WWW.News.Example.com:8080/x?y=1").domain == "news.example.com"
    assert load_page(PAGE).domain is None


def test_soup_is_available_for_plugin_authors() -> None:
    class SoupUser(Extractor):
        def headline(self, page: Page) -> Headline | None:
            h1 = page.soup.find("h1")
            return Headline(text=h1.get_text(strip=True) + " (soup)") if h1 else None

    art = newsparse.parse(PAGE, extractors=[SoupUser])
    assert art.headline == Headline(text="Harbor closes for repairs (soup)")


def test_build_chain_appends_generic_exactly_once() -> None:
    page = load_page(PAGE)
    chain = build_chain(page, ParseOptions(extractors=(Recorder,)))
    assert [type(e) for e in chain] == [Recorder, GenericExtractor]
    chain = build_chain(page, ParseOptions(extractors=(GenericExtractor(), Recorder())))
    assert [type(e) for e in chain] == [GenericExtractor, Recorder]
    assert [type(e) for e in build_chain(page, ParseOptions(plugins=False))] == [GenericExtractor]


def test_parse_options_validate() -> None:
    with pytest.raises(ValueError):
        ParseOptions(errors="ignore")
    opts = ParseOptions()
    assert opts.plugins is True and opts.extractors is None and opts.errors == "log"
    with pytest.raises(AttributeError):
        opts.plugins = False  # type: ignore[misc]


def test_first_non_none_answer_wins_per_field() -> None:
    class A(Extractor):
        name = "a"

        def language(self, page: Page) -> str:
            return "xx"

    class B(Extractor):
        name = "b"

        def language(self, page: Page) -> str:
            return "yy"

        def published(self, page: Page) -> _dt.datetime:
            return _dt.datetime(2020, 1, 2, tzinfo=_dt.timezone.utc)

    art = newsparse.parse(PAGE, extractors=[A, B])
    assert (art.language, art.sources["language"]) == ("xx", "a")
    assert art.published == _dt.datetime(2020, 1, 2, tzinfo=_dt.timezone.utc)
    assert art.sources["published"] == "b"


def test_warnings_are_not_repeated() -> None:
    class Noisy(Extractor):
        name = "noisy"

        def headline(self, page: Page) -> None:
            page.warnings.append("same warning")
            page.warnings.append("same warning")
            return None

    art = newsparse.parse(PAGE, extractors=[Noisy])
    assert art.warnings.count("same warning") == 1


def test_generic_extractor_failure_is_isolated_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: GenericExtractor, page: Page) -> None:
        raise RuntimeError("generic broke")

    monkeypatch.setattr(GenericExtractor, "dateline", boom)
    art = newsparse.parse(PAGE)
    assert art.dateline is None and art.headline is not None
    assert any("generic" in w and "dateline" in w for w in art.warnings)


def test_plain_text_input_runs_the_same_chain() -> None:
    text = "Harbor closes for repairs\n\nThe harbor will close for six weeks while engineers repair the sea wall.\n"
    rec = Recorder()
    art = newsparse.parse(text, extractors=[rec])
    assert [c[0] for c in rec.calls] == list(FIELDS)
    assert rec.calls[0][2] is None  # no tree for a text page
    assert art.sources and set(art.sources.values()) == {"generic"}


def test_example_page_end_to_end() -> None:
    art = newsparse.parse(EXAMPLE, url="https://ledger.example/news/2024/03/07/storm")
    assert art.url == "https://ledger.example/news/2024/03/07/storm"
    assert art.headline is not None and art.body is not None
    assert newsparse.Article.from_dict(art.to_dict()) == art


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("bylines", ["Jane Doe"]),  # names instead of Byline objects
        ("bylines", "Jane Doe"),
        ("headline", "Harbor closes"),
        ("published", "2024-03-07"),
        ("published", _dt.date(2024, 3, 7)),
        ("comments", [{"text": "hi"}]),
        ("body", ["a paragraph"]),
        ("language", 7),
    ],
)
def test_an_answer_of_the_wrong_type_falls_back(field: str, bad: Any) -> None:
    class Sloppy(Extractor):
        name = "sloppy"

    setattr(Sloppy, field, lambda self, page: bad)
    art = newsparse.parse(PAGE, extractors=[Sloppy])
    assert art.sources.get(field) != "sloppy"
    assert any("sloppy" in w and field in w and "TypeError" in w for w in art.warnings)
    art.to_dict()  # still serialises
    with pytest.raises(TypeError):
        newsparse.parse(PAGE, extractors=[Sloppy], errors="strict")


def test_lists_of_the_right_items_are_accepted() -> None:
    class Listy(Extractor):
        name = "listy"

        def bylines(self, page: Page) -> Any:
            return [newsparse.Byline(name="Jane Doe")]

    art = newsparse.parse(PAGE, extractors=[Listy])
    assert art.bylines == (newsparse.Byline(name="Jane Doe"),) and art.sources["bylines"] == "listy"
