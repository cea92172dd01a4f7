"""Golden fixtures: each synthetic page in ``tests/fixtures/<case>/`` checked field by field.

Every (case, field) pair is its own test, with an id like ``storm-wordpress::headline``. The
expected values are what a perfect extractor returns (see ``tests/fixtures/README.md``); pairs the
extractor does not get right yet are listed in ``tests/fixtures/xfail.txt`` and marked
``xfail(strict=True)``, so a fixed pair must leave the list.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import Article

from conftest import FIXTURES, read_xfail

PAGE_NAMES = ("page.html", "page.txt", "page.html.gz", "page.txt.gz")
META_KEYS = {"url", "plugins", "format"}


# -- loading -----------------------------------------------------------------------------------


def _cases() -> list[Path]:
    if not FIXTURES.is_dir():
        return []
    return sorted(p for p in FIXTURES.iterdir() if p.is_dir() and (p / "expected.json").is_file())


def _page_file(case: Path) -> Path:
    found = [case / n for n in PAGE_NAMES if (case / n).is_file()]
    if len(found) != 1:
        raise AssertionError(f"{case.name}: needs exactly one of {PAGE_NAMES}, found {[p.name for p in found]}")
    return found[0]


def _expected(case: Path) -> dict[str, Any]:
    data = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise AssertionError(f"{case.name}/expected.json must hold a JSON object")
    return data


def _meta(case: Path) -> dict[str, Any]:
    path = case / "meta.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise AssertionError(f"{case.name}/meta.json must hold a JSON object")
    return data


@lru_cache(maxsize=None)
def _article(case_name: str) -> Article:
    """The article of one case, parsed once for all its field tests (plugins off by default)."""
    case = FIXTURES / case_name
    meta = _meta(case)
    return newsparse.parse(
        _page_file(case),
        url=meta.get("url"),
        format=meta.get("format"),
        plugins=bool(meta.get("plugins", False)),
    )


def _xfail_list() -> dict[str, str]:
    """``case::field`` -> reason, from xfail.txt."""
    return {pid: reason or "not extracted correctly yet" for pid, reason in read_xfail().items()}


# -- normalisation -----------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def norm(text: str | None) -> str | None:
    """NFC, whitespace collapsed and stripped (``None`` stays ``None``)."""
    if text is None:
        return None
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def norm_paragraphs(text: str | None) -> str | None:
    """Like :func:`norm`, but paragraph breaks (a blank line) survive as ``\\n\\n``."""
    if text is None:
        return None
    parts = [norm(p) for p in _PARA_BREAK.split(unicodedata.normalize("NFC", text).strip())]
    return "\n\n".join(p for p in parts if p)


def norm_name(text: str | None) -> str | None:
    """Names compare case-insensitively: pages print bylines in capitals as a matter of style."""
    n = norm(text)
    return None if n is None else n.casefold()


# -- comparisons -------------------------------------------------------------------------------


def _parse_expected_date(value: str) -> tuple[_dt.datetime | _dt.date, bool]:
    """An expected ISO value: a full datetime, or a ``YYYY-MM-DD`` day (second item True)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return _dt.date.fromisoformat(value), True
    return _dt.datetime.fromisoformat(value), False


def check_datetime(actual: _dt.datetime | None, expected: str | None, what: str) -> None:
    if expected is None:
        assert actual is None, f"{what}: expected none, got {actual!r}"
        return
    assert actual is not None, f"{what}: expected {expected}, got None"
    want, day_only = _parse_expected_date(expected)
    if day_only:
        assert actual.date() == want, f"{what}: expected the day {expected}, got {actual.isoformat()}"
        return
    assert isinstance(want, _dt.datetime)
    assert actual.isoformat() == want.isoformat(), f"{what}: expected {want.isoformat()}, got {actual.isoformat()}"


def _check_keys(actual: Any, expected: Mapping[str, Any], what: str, names: Sequence[str] = ("name", "author")) -> None:
    """Compare the keys ``expected`` gives with the same attributes of ``actual``."""
    for key, want in expected.items():
        got = getattr(actual, key)
        if key in ("published", "modified"):
            check_datetime(got, want, f"{what}.{key}")
        elif key == "text":
            assert norm_paragraphs(got) == norm_paragraphs(want), f"{what}.text: expected {want!r}, got {got!r}"
        elif key in names:
            assert norm_name(got) == norm_name(want), f"{what}.{key}: expected {want!r}, got {got!r}"
        elif isinstance(want, str) or want is None:
            assert norm(got) == norm(want), f"{what}.{key}: expected {want!r}, got {got!r}"
        else:
            assert got == want, f"{what}.{key}: expected {want!r}, got {got!r}"


def _check_object(actual: Any, expected: Mapping[str, Any] | None, what: str) -> None:
    if expected is None:
        assert actual is None, f"{what}: expected none, got {actual!r}"
        return
    assert actual is not None, f"{what}: expected {expected!r}, got None"
    _check_keys(actual, expected, what)


def _check_sequence(actual: Sequence[Any] | None, expected: list[Mapping[str, Any]] | None, what: str) -> None:
    if expected is None:
        assert actual is None, f"{what}: expected unknown (None), got {actual!r}"
        return
    assert actual is not None, f"{what}: expected {len(expected)} item(s), got None (unknown)"
    shown = [_short(a) for a in actual]
    assert len(actual) == len(expected), f"{what}: expected {len(expected)} item(s), got {len(actual)}: {shown}"
    for i, (a, e) in enumerate(zip(actual, expected)):
        _check_keys(a, e, f"{what}[{i}]")


def _short(obj: Any) -> str:
    text = repr(obj)
    return text if len(text) <= 160 else text[:157] + "..."


def check_headline(art: Article, exp: Any) -> None:
    _check_object(art.headline, exp, "headline")


def check_dateline(art: Article, exp: Any) -> None:
    _check_object(art.dateline, exp, "dateline")


def check_bylines(art: Article, exp: Any) -> None:
    _check_sequence(art.bylines, exp, "bylines")


def check_author_bios(art: Article, exp: Any) -> None:
    _check_sequence(art.author_bios, exp, "author_bios")


def check_comments(art: Article, exp: Any) -> None:
    _check_sequence(art.comments, exp, "comments")


def check_published(art: Article, exp: Any) -> None:
    check_datetime(art.published, exp, "published")


def check_modified(art: Article, exp: Any) -> None:
    check_datetime(art.modified, exp, "modified")


def check_body(art: Article, exp: Any) -> None:
    if exp is None:
        assert art.body is None, f"body: expected none, got {len(art.body.blocks)} block(s)"
        return
    assert art.body is not None and art.body.blocks, "body: expected a body, got none"
    paras = [norm(p) or "" for p in art.body.paragraphs]
    text = "\n".join(paras)
    unknown = set(exp) - {"first", "last", "paragraphs", "contains", "excludes"}
    assert not unknown, f"body: unknown expectation keys {sorted(unknown)}"
    if "first" in exp:
        want = norm(exp["first"]) or ""
        assert paras[0].startswith(want), f"body.first: expected to start with {want!r}, got {paras[0][:200]!r}"
    if "last" in exp:
        want = norm(exp["last"]) or ""
        assert paras[-1].endswith(want), f"body.last: expected to end with {want!r}, got {paras[-1][-200:]!r}"
    if "paragraphs" in exp:
        assert len(paras) == exp["paragraphs"], (
            f"body.paragraphs: expected {exp['paragraphs']} blocks, got {len(paras)}: {[p[:40] for p in paras]}"
        )
    for snippet in exp.get("contains", ()):
        assert (norm(snippet) or "") in text, f"body.contains: {snippet!r} is missing from the body"
    for snippet in exp.get("excludes", ()):
        assert (norm(snippet) or "") not in text, f"body.excludes: {snippet!r} leaked into the body"


def check_body_paragraphs(art: Article, exp: Any) -> None:
    assert art.body is not None, "body_paragraphs: expected a body, got none"
    got = [norm(p) for p in art.body.paragraphs]
    want = [norm(p) for p in exp]
    if got != want:
        i = next((i for i, (g, w) in enumerate(zip(got, want)) if g != w), min(len(got), len(want)))
        first = f"expected {want[i]!r:.80}" if i < len(want) else "expected no more"
        raise AssertionError(
            f"body_paragraphs: {len(want)} expected, {len(got)} got; first difference at [{i}]: {first}, "
            f"got {got[i] if i < len(got) else None!r:.80}\n expected {want}\n got      {got}"
        )


def check_language(art: Article, exp: Any) -> None:
    """``"de"`` matches ``de`` and ``de-DE``; a region in the expectation must match too."""
    if exp is None:
        assert art.language is None, f"language: expected none, got {art.language!r}"
        return
    assert art.language is not None, f"language: expected {exp!r}, got None"
    got = art.language.replace("_", "-").lower()
    want = str(exp).replace("_", "-").lower()
    if "-" not in want:
        got = got.split("-")[0]
    assert got == want, f"language: expected {exp!r}, got {art.language!r}"


CHECKS: dict[str, Callable[[Article, Any], None]] = {
    "headline": check_headline,
    "dateline": check_dateline,
    "bylines": check_bylines,
    "author_bios": check_author_bios,
    "published": check_published,
    "modified": check_modified,
    "body": check_body,
    "body_paragraphs": check_body_paragraphs,
    "comments": check_comments,
    "language": check_language,
}


# -- the tests ---------------------------------------------------------------------------------


def _pairs() -> list[Any]:
    xfails = _xfail_list()
    params = []
    for case in _cases():
        try:
            expected = _expected(case)
        except (ValueError, AssertionError):
            continue  # reported by test_fixture_folders_are_well_formed
        for field in CHECKS:
            if field not in expected:
                continue
            pid = f"{case.name}::{field}"
            marks = [pytest.mark.xfail(strict=True, reason=xfails[pid])] if pid in xfails else []
            params.append(pytest.param(case.name, field, id=pid, marks=marks))
    return params


@pytest.mark.parametrize(("case", "field"), _pairs())
def test_golden_field(case: str, field: str) -> None:
    expected = _expected(FIXTURES / case)
    CHECKS[field](_article(case), expected[field])


def test_fixture_folders_are_well_formed() -> None:
    cases = _cases()
    assert len(cases) >= 10, f"expected the golden fixture folders under {FIXTURES}, found {len(cases)}"
    for case in cases:
        _page_file(case)
        expected = _expected(case)
        unknown = set(expected) - set(CHECKS)
        assert not unknown, f"{case.name}/expected.json: unknown fields {sorted(unknown)}"
        assert expected, f"{case.name}/expected.json asserts nothing"
        for key in ("published", "modified"):
            if expected.get(key) is not None:
                _parse_expected_date(expected[key])
        for c in expected.get("comments") or ():
            if c.get("published"):
                _parse_expected_date(c["published"])
        meta = _meta(case)
        assert not set(meta) - META_KEYS, f"{case.name}/meta.json: unknown keys {sorted(set(meta) - META_KEYS)}"


def test_xfail_list_names_existing_tests() -> None:
    """Every ``case::field`` in xfail.txt names a real test: no stale entries hiding in the list."""
    known = {f"{c.name}::{f}" for c in _cases() for f in _expected(c) if f in CHECKS}
    stale = sorted(set(_xfail_list()) - known)
    assert not stale, f"xfail.txt names tests that do not exist: {stale}"


# -- the comparison helpers themselves must be able to fail -------------------------------------


def test_checks_reject_wrong_values() -> None:
    art = Article(
        headline=newsparse.Headline(text="Storm hits coast", subheadline=None),
        bylines=(newsparse.Byline(name="JANE DOE", affiliation="Associated Press"),),
        published=_dt.datetime(2024, 3, 7, 8, 15, tzinfo=_dt.timezone(_dt.timedelta(hours=-5))),
        body=newsparse.Body(blocks=[newsparse.Block(kind="paragraph", text="One two.")]),
        comments=(),
        language="en-US",
    )
    check_headline(art, {"text": "Storm  hits coast"})
    check_bylines(art, [{"name": "Jane Doe", "affiliation": "Associated Press"}])
    check_published(art, "2024-03-07T08:15:00-05:00")
    check_published(art, "2024-03-07")
    check_language(art, "en")
    check_comments(art, [])
    check_dateline(art, None)
    failing: list[tuple[Callable[[Article, Any], None], Any]] = [
        (check_headline, {"text": "Storm hits the coast"}),
        (check_headline, {"subheadline": "A dek"}),
        (check_bylines, [{"name": "Jane Doe", "affiliation": "Reuters"}]),
        (check_bylines, []),
        (check_bylines, [{"name": "Jane Doe"}, {"name": "John Roe"}]),
        (check_published, "2024-03-07T08:15:00+00:00"),
        (check_published, "2024-03-07T13:15:00+00:00"),  # same instant, different offset
        (check_published, "2024-03-08"),
        (check_modified, "2024-03-07"),
        (check_language, "de"),
        (check_language, "en-GB"),
        (check_comments, None),
        (check_author_bios, []),
        (check_dateline, {"text": "LONDON -"}),
        (check_body, {"first": "Two"}),
        (check_body, {"paragraphs": 2}),
        (check_body, {"excludes": ["two"]}),
        (check_body, {"excludes": ["One"]}),
        (check_body_paragraphs, ["One two", "Three."]),
    ]
    for check, value in failing:
        with pytest.raises(AssertionError):
            check(art, value)
