"""The ``newsparse.testing`` pytest plugin, run in a throw-away pytest session (``pytester``)."""

from __future__ import annotations

import json
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from conftest import EXAMPLE

pytest_plugins = ["pytester"]

HTML = """<html lang="en"><head><title>Harbour wall repaired</title></head><body><article>
<h1>Harbour wall repaired</h1><p class="byline">By Ada Quill</p>
<p>The harbour wall was repaired over the weekend after the winter storms had opened a gap near the slipway.</p>
<p>Boats may use the slipway again from Monday, the harbour master said in a notice on Friday.</p>
</article></body></html>"""

EXTRACTOR = '''
from newsparse import Extractor, Headline

class Quay(Extractor):
    name = "quay.example"
    domains = ("quay.example",)

    def headline(self, page):
        return Headline(text="Harbour wall repaired (site rule)")
'''


def _autoloaded() -> bool:
    return any(ep.value == "newsparse.testing" for ep in entry_points(group="pytest11"))


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    extra = () if _autoloaded() else ("-p", "newsparse.testing")
    return pytester.runpytest_inprocess(*extra, "-p", "no:cacheprovider", *args)


def make_case(root: Path, name: str, expected: dict[str, object], meta: dict[str, object] | None = None) -> Path:
    case = root / name
    case.mkdir(parents=True)
    (case / "page.html").write_text(HTML, encoding="utf-8")
    (case / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    if meta is not None:
        (case / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return case


def test_one_test_per_field_pass_and_fail(pytester: pytest.Pytester) -> None:
    make_case(
        pytester.path / "fx",
        "harbour",
        {
            "headline": {"text": "Harbour  wall repaired"},
            "bylines": [{"name": "Ada Quill"}],
            "language": "fr",
            "body": {"first": "The harbour wall was repaired", "paragraphs": 2, "excludes": ["By Ada"]},
        },
        {"plugins": False},
    )
    result = run(pytester, "--newsparse-fixtures", "fx", "-v")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*harbour/expected.json::headline PASSED*", "*expected.json::language FAILED*"])
    result.stdout.fnmatch_lines(["*language: expected 'fr', got 'en'*"])


def test_inactive_without_the_option(pytester: pytest.Pytester) -> None:
    make_case(pytester.path / "fx", "harbour", {"headline": {"text": "Harbour wall repaired"}})
    result = run(pytester)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_ini_option_and_explicit_extractor_chain(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nnewsparse_fixtures = site_fixtures\n")
    pytester.makepyfile(quay_extractor=EXTRACTOR)
    make_case(
        pytester.path / "site_fixtures",
        "quay",
        {"headline": {"text": "Harbour wall repaired (site rule)"}},
        {"url": "https://quay.example/a", "extractors": ["quay_extractor:Quay"]},
    )
    result = run(pytester, "-v")
    result.assert_outcomes(passed=1)


def test_update_golden_rewrites_the_expectations(pytester: pytest.Pytester) -> None:
    case = make_case(pytester.path / "fx", "harbour", {"headline": {"text": "wrong"}, "language": "fr"}, {"plugins": False})
    run(pytester, "--newsparse-fixtures", "fx").assert_outcomes(failed=2)
    result = run(pytester, "--newsparse-fixtures", "fx", "--update-golden")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*rewrote 1 expected.json*review*"])
    data = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert set(data) == {"headline", "language"}
    assert data["headline"]["text"] == "Harbour wall repaired" and data["language"] == "en"
    run(pytester, "--newsparse-fixtures", "fx").assert_outcomes(passed=2)


def test_empty_expectation_asks_for_update_golden_then_gets_all_fields(pytester: pytest.Pytester) -> None:
    case = make_case(pytester.path / "fx", "new", {})
    result = run(pytester, "--newsparse-fixtures", "fx")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*asserts nothing*--update-golden*"])
    run(pytester, "--newsparse-fixtures", "fx", "--update-golden").assert_outcomes(passed=1)
    data = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert {"headline", "body", "bylines", "published", "comments"} <= set(data)
    run(pytester, "--newsparse-fixtures", "fx").assert_outcomes(passed=len(data))


def test_malformed_case_is_a_clear_collection_error(pytester: pytest.Pytester) -> None:
    make_case(pytester.path / "fx", "bad", {"headlines": {"text": "x"}})
    result = run(pytester, "--newsparse-fixtures", "fx")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*unknown fields*headlines*"])


def test_scaffolded_fixture_runs_under_the_plugin(pytester: pytest.Pytester) -> None:
    from newsparse._cli_tools import scaffold_extractor

    scaffold_extractor("ledger.example", directory=pytester.path, fixtures=pytester.path / "fx", page=EXAMPLE)
    result = run(pytester, "--newsparse-fixtures", "fx")
    result.assert_outcomes(passed=4)


def test_fixture_folder_outside_testpaths_is_collected_unless_paths_are_named(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\ntestpaths = tests\nnewsparse_fixtures = site_fixtures\n")
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "test_one.py").write_text("def test_one():\n    assert True\n", encoding="utf-8")
    make_case(pytester.path / "site_fixtures", "harbour", {"headline": {"text": "Harbour wall repaired"}}, {"plugins": False})
    run(pytester).assert_outcomes(passed=2)
    run(pytester, "tests/test_one.py").assert_outcomes(passed=1)
