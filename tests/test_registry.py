"""Extractor registration, precedence, error isolation and entry-point loading."""

from __future__ import annotations

import importlib.metadata
import sys
import threading
import time
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import Byline, Comment, Extractor, GenericExtractor, Headline, Page, RegistrationError
from newsparse import _registry

pytestmark = pytest.mark.usefixtures("clean_registry")

PLUGIN_DIR = Path(__file__).resolve().parent / "plugin_pkg"

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Storm hits coast | The Ledger</title>
<meta name="author" content="Jane Doe"></head>
<body><article><h1>Storm hits coast</h1><p class="byline">By Jane Doe</p>
<p>The storm arrived at dawn and flooded the lower town, leaving hundreds of residents in shelters overnight.</p>
<p>Crews worked through the night to clear the roads, the county emergency office said on Friday morning.</p>
</article></body></html>"""


def headline_extractor(label: str, **attrs: Any) -> type[Extractor]:
    """An extractor class that answers the headline with ``label``."""

    def headline(self: Extractor, page: Page) -> Headline:
        return Headline(text=label)

    return type(f"X_{label.replace('.', '_')}", (Extractor,), {"name": label, "headline": headline, **attrs})


def winner(url: str | None = "https://news.example.com/a", **kwargs: Any) -> str:
    art = newsparse.parse(PAGE, url=url, **kwargs)
    assert art.headline is not None
    return art.sources["headline"]


# -- precedence ----------------------------------------------------------------------------------


def test_generic_alone_when_nothing_is_registered() -> None:
    art = newsparse.parse(PAGE, url="https://news.example.com/a")
    assert art.headline == Headline(text="Storm hits coast")
    assert set(art.sources.values()) == {"generic"}


def test_explicit_chain_comes_first_and_replaces_the_registry() -> None:
    newsparse.register(headline_extractor("registered", domains=("example.com",)))
    first = headline_extractor("first")
    second = headline_extractor("second")
    assert winner(extractors=[first, second]) == "first"
    assert winner(extractors=[second(), first]) == "second"  # instances work too
    art = newsparse.parse(PAGE, url="https://news.example.com/a", extractors=[first])
    assert art.headline == Headline(text="first")
    assert art.sources["body"] == "generic"  # the generic extractor is appended
    assert "registered" not in art.sources.values()


def test_explicit_chain_with_generic_does_not_ask_it_twice() -> None:
    calls: list[str] = []

    class Counting(GenericExtractor):
        def language(self, page: Page) -> str | None:
            calls.append("x")
            return None

    newsparse.parse(PAGE, extractors=[Counting()])
    assert calls == ["x"]


def test_longest_domain_match_beats_shorter_priority_and_order() -> None:
    newsparse.register(headline_extractor("long", domains=("news.example.com",)))
    newsparse.register(headline_extractor("short", domains=("example.com",), priority=100))
    assert winner("https://news.example.com/a") == "long"
    assert winner("https://sport.example.com/a") == "short"
    assert winner("https://other.example.org/a") == "generic"


@pytest.mark.parametrize(
    ("url", "matches"),
    [
        ("https://example.com/a", True),
        ("https://www.example.com/a", True),
        ("https://deep.sub.example.com/a", True),
        ("https://EXAMPLE.COM/a", True),
        ("https://notexample.com/a", False),
        ("https://example.com.evil.org/a", False),
        ("https://example.co/a", False),
        (None, False),
    ],
)
def test_a_domain_matches_its_subdomains(url: str | None, matches: bool) -> None:
    newsparse.register(headline_extractor("site", domains=("www.example.com",)))
    assert winner(url) == ("site" if matches else "generic")


def test_priority_breaks_ties_between_equal_domain_matches() -> None:
    newsparse.register(headline_extractor("high", domains=("example.com",), priority=5))
    newsparse.register(headline_extractor("low", domains=("example.com",)))
    assert winner() == "high"


def test_latest_registration_wins_a_full_tie() -> None:
    a = newsparse.register(headline_extractor("a", domains=("example.com",)))
    newsparse.register(headline_extractor("b", domains=("example.com",)))
    assert winner() == "b"
    newsparse.register(a)  # registering again moves it to the latest position
    assert winner() == "a"
    assert newsparse.registered().count(a) == 1


def test_platform_extractor_claims_pages_by_what_they_are() -> None:
    class WordPressLike(Extractor):
        name = "platform"

        @classmethod
        def matches(cls, page: Page) -> bool:
            return "Storm hits coast" in page.text

        def headline(self, page: Page) -> Headline:
            return Headline(text="platform")

    newsparse.register(WordPressLike)
    assert winner("https://anywhere.example.net/") == "platform"
    newsparse.register(headline_extractor("domain", domains=("anywhere.example.net",)))
    assert winner("https://anywhere.example.net/") == "domain"  # a domain match comes first


def test_matches_that_raises_is_isolated() -> None:
    class Broken(Extractor):
        name = "broken-matcher"

        @classmethod
        def matches(cls, page: Page) -> bool:
            raise RuntimeError("bad signature")

    newsparse.register(Broken)
    art = newsparse.parse(PAGE, url="https://news.example.com/a")
    assert art.headline is not None
    assert any("broken-matcher" in w and "bad signature" in w for w in art.warnings)


def test_unregister() -> None:
    cls = newsparse.register(headline_extractor("gone", domains=("example.com",)))
    assert winner() == "gone"
    newsparse.unregister(cls)
    newsparse.unregister(cls)  # no error the second time
    assert winner() == "generic"
    assert cls not in newsparse.registered()


# -- registration ----------------------------------------------------------------------------


def test_register_as_decorator() -> None:
    @newsparse.register
    class Decorated(Extractor):
        domains = ("example.com",)

        def headline(self, page: Page) -> Headline:
            return Headline(text="decorated")

    assert isinstance(Decorated, type) and issubclass(Decorated, Extractor)  # the class itself is returned
    assert Decorated in newsparse.registered()
    assert Decorated.name == f"{__name__}.test_register_as_decorator.<locals>.Decorated"
    assert winner() == Decorated.name


@pytest.mark.parametrize(
    "thing", [object, int, GenericExtractor(), "example.com", None, lambda page: None], ids=repr
)
def test_registering_a_non_extractor_is_refused(thing: Any) -> None:
    with pytest.raises(RegistrationError) as info:
        newsparse.register(thing)
    assert isinstance(info.value, TypeError)
    assert thing not in _registry._registry


def test_plugins_false_switches_site_extractors_off() -> None:
    newsparse.register(headline_extractor("site", domains=("example.com",)))
    assert winner() == "site"
    assert winner(plugins=False) == "generic"


# -- error isolation ---------------------------------------------------------------------------


class Raising(Extractor):
    name = "raising-site"
    domains = ("example.com",)

    def headline(self, page: Page) -> Headline:
        raise ValueError("boom in headline")

    def language(self, page: Page) -> str:
        return "en-x-site"


def test_raising_extractor_falls_back_and_warns() -> None:
    newsparse.register(Raising)
    art = newsparse.parse(PAGE, url="https://news.example.com/a")
    assert art.headline == Headline(text="Storm hits coast")
    assert art.sources["headline"] == "generic"
    assert art.language == "en-x-site" and art.sources["language"] == "raising-site"  # other fields still used
    warning = [w for w in art.warnings if "raising-site" in w]
    assert len(warning) == 1
    assert "headline" in warning[0] and "ValueError" in warning[0] and "boom in headline" in warning[0]


def test_raising_extractor_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    newsparse.register(Raising)
    with caplog.at_level("WARNING", logger="newsparse"):
        newsparse.parse(PAGE, url="https://news.example.com/a")
    assert any("raising-site" in r.getMessage() for r in caplog.records)


def test_strict_errors_propagate() -> None:
    newsparse.register(Raising)
    with pytest.raises(ValueError, match="boom in headline"):
        newsparse.parse(PAGE, url="https://news.example.com/a", errors="strict")
    with pytest.raises(ValueError, match="boom in headline"):
        newsparse.parse(PAGE, extractors=[Raising], errors="strict")


def test_unknown_errors_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="errors"):
        newsparse.parse(PAGE, errors="ignore")


# -- provenance and "known to be empty" --------------------------------------------------------


class Partial(Extractor):
    name = "partial-site"
    domains = ("example.com",)

    def bylines(self, page: Page) -> tuple[Byline, ...]:
        return ()  # known: this site prints no bylines (the generic one would find "Jane Doe")

    def comments(self, page: Page) -> tuple[Comment, ...]:
        return ()

    def headline(self, page: Page) -> None:
        return None  # no opinion


def test_sources_record_who_answered_each_field() -> None:
    newsparse.register(Partial)
    art = newsparse.parse(PAGE, url="https://news.example.com/a")
    assert art.sources["bylines"] == "partial-site"
    assert art.sources["comments"] == "partial-site"
    assert art.sources["headline"] == "generic"
    for field, who in art.sources.items():
        assert getattr(art, field) is not None, field
        assert who in ("partial-site", "generic")


def test_empty_tuple_from_a_site_extractor_is_kept() -> None:
    generic = newsparse.parse(PAGE, url="https://news.example.com/a")
    assert generic.bylines, "precondition: the generic extractor finds the byline"
    newsparse.register(Partial)
    art = newsparse.parse(PAGE, url="https://news.example.com/a")
    assert art.bylines == () and art.comments == ()
    assert art.to_dict()["bylines"] == [] and art.to_dict()["comments"] == []


# -- entry points --------------------------------------------------------------------------------


def ep(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group=_registry.ENTRY_POINT_GROUP)


@pytest.fixture
def plugin_on_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(PLUGIN_DIR))
    yield
    sys.modules.pop("newsparse_demo_plugin", None)
    sys.modules.pop("newsparse_demo_plugin.selfregistering", None)


DEMO_PAGE = '<html><body><h2 class="demo-title">Demo headline</h2><h1>Other</h1><p>Some text of the story here.</p></body></html>'


def fake_entry_points(monkeypatch: pytest.MonkeyPatch, eps: list[EntryPoint]) -> list[str]:
    calls: list[str] = []

    def entry_points(**kwargs: Any) -> list[EntryPoint]:
        calls.append(kwargs.get("group", ""))
        return eps if kwargs.get("group") == _registry.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(_registry, "entry_points", entry_points)
    _registry.reload_entry_points()
    return calls


@pytest.mark.usefixtures("plugin_on_path")
def test_entry_point_extractor_is_loaded_lazily_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = fake_entry_points(monkeypatch, [ep("demo", "newsparse_demo_plugin:DemoExtractor")])
    assert calls == []  # nothing loaded before the first parse
    art = newsparse.parse(DEMO_PAGE, url="https://www.demo.example/story")
    assert art.headline == Headline(text="Demo headline")
    assert art.sources["headline"] == "demo-plugin"
    assert art.comments == () and art.sources["comments"] == "demo-plugin"
    assert art.sources["body"] == "generic"
    newsparse.parse(DEMO_PAGE, url="https://www.demo.example/other")
    assert calls == [_registry.ENTRY_POINT_GROUP]  # loaded once
    other = newsparse.parse(DEMO_PAGE, url="https://elsewhere.example/story")
    assert other.sources["headline"] == "generic"
    assert newsparse.parse(DEMO_PAGE, url="https://demo.example/", plugins=False).sources["headline"] == "generic"
    _registry.reload_entry_points()
    newsparse.parse(DEMO_PAGE, url="https://www.demo.example/again")
    assert len(calls) == 2
    names = [c.name for c in newsparse.registered()]
    assert names.count("demo-plugin") == 1  # reloading does not register it twice


@pytest.mark.usefixtures("plugin_on_path")
@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("no_such_module_for_newsparse_tests:Thing", "ModuleNotFoundError"),
        ("newsparse_demo_plugin:Missing", "AttributeError"),
        ("newsparse_demo_plugin:NOT_AN_EXTRACTOR", "not an Extractor"),
    ],
)
def test_broken_entry_point_is_a_warning_not_a_failure(
    monkeypatch: pytest.MonkeyPatch, value: str, reason: str
) -> None:
    fake_entry_points(
        monkeypatch, [ep("broken", value), ep("demo", "newsparse_demo_plugin:DemoExtractor")]
    )
    art = newsparse.parse(DEMO_PAGE, url="https://demo.example/story")
    assert art.headline == Headline(text="Demo headline")  # the good plugin still works
    broken = [w for w in art.warnings if "'broken'" in w]
    assert len(broken) == 1 and reason in broken[0]
    # reported again on the next article, until fixed
    assert any("'broken'" in w for w in newsparse.parse(DEMO_PAGE).warnings)
    # but not when plugins are off
    assert not any("'broken'" in w for w in newsparse.parse(DEMO_PAGE, plugins=False).warnings)


def test_entry_point_declared_by_installed_metadata(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The real discovery path: a distribution's metadata on sys.path declares the entry point."""
    monkeypatch.setattr(_registry, "entry_points", importlib.metadata.entry_points)  # not the stub
    dist = tmp_path / "newsparse_demo_plugin-0.1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newsparse-demo-plugin\nVersion: 0.1.0\n")
    declared = (PLUGIN_DIR / "pyproject.toml").read_text()
    assert '[project.entry-points."newsparse.extractors"]' in declared
    assert 'demo = "newsparse_demo_plugin:DemoExtractor"' in declared
    (dist / "entry_points.txt").write_text("[newsparse.extractors]\ndemo = newsparse_demo_plugin:DemoExtractor\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(PLUGIN_DIR))
    _registry._registry.clear()
    _registry.reload_entry_points()
    try:
        art = newsparse.parse(DEMO_PAGE, url="https://demo.example/story")
        assert art.sources["headline"] == "demo-plugin"
    finally:
        sys.modules.pop("newsparse_demo_plugin", None)
        _registry._registry.clear()
        _registry.reload_entry_points()


@pytest.mark.usefixtures("plugin_on_path")
def test_plugin_that_registers_itself_on_import(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_entry_points(monkeypatch, [ep("selfreg", "newsparse_demo_plugin.selfregistering:SelfRegistering")])
    result: list[newsparse.Article] = []
    worker = threading.Thread(target=lambda: result.append(newsparse.parse(DEMO_PAGE, url="https://selfreg.example/")))
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "loading a self-registering plugin deadlocked"
    assert result and result[0].sources["language"] == "self-registering-plugin"
    assert [c.name for c in newsparse.registered()].count("self-registering-plugin") == 1


class SlowEntryPoint:
    """An entry point whose import takes a while, like a heavy plugin package."""

    name = "slow"
    value = "slow_plugin:Demo"

    def load(self) -> type[Extractor]:
        time.sleep(0.3)
        from newsparse_demo_plugin import DemoExtractor

        return DemoExtractor


@pytest.mark.usefixtures("plugin_on_path")
def test_concurrent_first_parses_both_see_the_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_registry, "entry_points", lambda **kw: [SlowEntryPoint()])
    _registry.reload_entry_points()
    results: list[str] = []

    def work() -> None:
        results.append(newsparse.parse(DEMO_PAGE, url="https://demo.example/").sources["headline"])

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert results == ["demo-plugin", "demo-plugin"]


def test_unreadable_entry_point_metadata_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs: Any) -> list[EntryPoint]:
        raise ValueError("malformed entry_points.txt")

    monkeypatch.setattr(_registry, "entry_points", broken)
    _registry.reload_entry_points()
    art = newsparse.parse(DEMO_PAGE)
    assert art.body is not None
    assert any("malformed entry_points.txt" in w for w in art.warnings)


def test_domains_given_as_a_string_are_refused() -> None:
    class Careless(Extractor):
        domains = ("example.com")  # type: ignore[assignment]  # the missing comma is the point

    with pytest.raises(RegistrationError, match="tuple"):
        newsparse.register(Careless)
