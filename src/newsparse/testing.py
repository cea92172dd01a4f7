"""A pytest plugin for site-extractor authors: fixture folders become one test per field.

Registered through the ``pytest11`` entry point, so it is active wherever newsparse is installed,
but it collects nothing until you name your fixture folders::

    pytest --newsparse-fixtures tests/site_fixtures          # or, in pytest.ini / pyproject.toml:
    [tool.pytest.ini_options]
    newsparse_fixtures = ["tests/site_fixtures"]

Each folder ``<case>/`` under a named folder holds ``page.html`` (or ``page.txt``, ``.gz`` allowed),
``expected.json`` and optionally ``meta.json``. Its ``expected.json`` gives fields in the shape of
:meth:`newsparse.Article.to_dict` and each field becomes a test ``<case>/expected.json::<field>``.
Objects compare only the keys given; lists compare their length, order and the given keys of each
item; strings compare after Unicode NFC and whitespace collapsing; a ``"YYYY-MM-DD"`` date compares
the day only. ``body`` is either ``{"blocks": [...]}`` or a summary with any of ``first``, ``last``,
``paragraphs``, ``contains``, ``excludes``.

``meta.json`` may give ``url``, ``format`` (``"html"`` or ``"text"``), ``plugins`` (default true:
the installed extractors run, as for your users) and ``extractors``: a list of ``"module:Class"``
to use as the explicit chain (the generic extractor is appended).

The folders are collected with the rest of the run (also when they lie outside ``testpaths``);
when you name paths on the command line, only those are collected, as usual.

``--update-golden`` runs the cases and rewrites each ``expected.json`` from the current output
(the fields it already lists, or all fields when it lists none). Review the change with
``git diff`` before committing it: the file says what a *correct* extractor returns.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from ._extractor import FIELDS, Extractor
from ._model import Article
from ._pipeline import parse

__all__ = ["GoldenCase", "GoldenField", "compare", "load_case"]

PAGE_NAMES = ("page.html", "page.txt", "page.html.gz", "page.txt.gz")
META_KEYS = frozenset({"url", "format", "plugins", "extractors"})
BODY_SUMMARY_KEYS = frozenset({"first", "last", "paragraphs", "contains", "excludes"})
_WS = re.compile(r"\s+")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_updates: dict[Path, dict[str, Any]] = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("newsparse", "newsparse site-extractor fixtures")
    group.addoption(
        "--newsparse-fixtures",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of <case>/{page.html, expected.json} fixture folders (repeatable)",
    )
    group.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected.json of the newsparse fixture folders from the current output",
    )
    parser.addini("newsparse_fixtures", "folders of newsparse fixture folders", type="paths", default=[])


def _roots(config: pytest.Config) -> list[Path]:
    roots = [Path(p) for p in config.getini("newsparse_fixtures")]
    roots += [Path(p) if Path(p).is_absolute() else Path(config.invocation_params.dir) / p for p in config.getoption("newsparse_fixtures")]
    return [r.resolve() for r in roots]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name != "expected.json":
        return None
    roots = _roots(parent.config)
    if not roots:
        return None
    case = file_path.parent.resolve()
    if any(case.parent == r for r in roots):
        return GoldenCase.from_parent(parent, path=file_path)
    return None


def pytest_configure(config: pytest.Config) -> None:
    # a named folder outside the collected paths is still collected, unless paths were named explicitly
    roots = _roots(config)
    if not roots or getattr(config.option, "file_or_dir", None):
        return
    args = [Path(a.split("::")[0]).resolve() for a in config.args]
    for root in roots:
        if root.is_dir() and not any(root == a or a in root.parents for a in args):
            config.args.append(str(root))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not session.config.getoption("update_golden", False) or not _updates:
        return
    for path, data in sorted(_updates.items()):
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"newsparse: rewrote {len(_updates)} expected.json file(s); review them (git diff) before committing")
    _updates.clear()


# -- loading -----------------------------------------------------------------------------------


def load_case(folder: Path) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """``(page path, expected, meta)`` of a fixture folder; ``ValueError`` when it is malformed."""
    pages = [folder / n for n in PAGE_NAMES if (folder / n).is_file()]
    if len(pages) != 1:
        raise ValueError(f"{folder}: needs exactly one of {', '.join(PAGE_NAMES)}, found {len(pages)}")
    expected = _read_json(folder / "expected.json")
    meta = _read_json(folder / "meta.json") if (folder / "meta.json").is_file() else {}
    unknown = set(expected) - set(FIELDS)
    if unknown:
        raise ValueError(f"{folder / 'expected.json'}: unknown fields {sorted(unknown)} (fields: {', '.join(FIELDS)})")
    bad = set(meta) - META_KEYS
    if bad:
        raise ValueError(f"{folder / 'meta.json'}: unknown keys {sorted(bad)} (keys: {', '.join(sorted(META_KEYS))})")
    return pages[0], expected, meta


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must hold a JSON object")
    return data


def _import_extractor(spec: str, rootdir: Path) -> type[Extractor]:
    module, _, attr = spec.partition(":")
    if not module or not attr:
        raise ValueError(f"extractor {spec!r}: write it as 'module:Class'")
    if str(rootdir) not in sys.path:
        sys.path.insert(0, str(rootdir))
    obj = getattr(importlib.import_module(module), attr)
    if not (isinstance(obj, type) and issubclass(obj, Extractor)):
        raise ValueError(f"extractor {spec!r} is not an Extractor subclass")
    return obj


class GoldenCase(pytest.File):
    """One fixture folder: its ``expected.json`` fields as test items, the page parsed once."""

    _article: Article | None = None

    def collect(self) -> Iterator[pytest.Item]:
        _page, expected, _meta = load_case(self.path.parent)
        fields = [f for f in FIELDS if f in expected]
        if not fields:
            yield GoldenField.from_parent(self, name="(no fields)", field="")
        for field in fields:
            yield GoldenField.from_parent(self, name=field, field=field)

    def article(self) -> Article:
        if self._article is None:
            page, _expected, meta = load_case(self.path.parent)
            rootdir = Path(self.config.rootpath)
            chain = [_import_extractor(s, rootdir) for s in meta.get("extractors") or ()]
            self._article = parse(
                page,
                url=meta.get("url"),
                format=meta.get("format"),
                plugins=bool(meta.get("plugins", True)),
                extractors=chain or None,
            )
        return self._article


class GoldenField(pytest.Item):
    """One field of one fixture folder."""

    def __init__(self, *, field: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.field = field

    def runtest(self) -> None:
        case = self.parent
        assert isinstance(case, GoldenCase)
        actual = case.article().to_dict()
        if self.config.getoption("update_golden", False):
            data = _updates.setdefault(case.path, _read_json(case.path))
            for f in [self.field] if self.field else list(FIELDS):
                data[f] = actual[f]
            return
        if not self.field:
            raise GoldenMismatch(f"{case.path} asserts nothing: run pytest with --update-golden, then review it")
        expected = _read_json(case.path)[self.field]
        problems = compare(expected, actual[self.field], self.field)
        if problems:
            raise GoldenMismatch("\n".join(problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, GoldenMismatch):
            return f"{self.parent.name if self.parent else ''}::{self.field}\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.path.parent.name}::{self.field}"


class GoldenMismatch(AssertionError):
    """A field differs from its expectation."""


# -- comparison --------------------------------------------------------------------------------


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return _WS.sub(" ", unicodedata.normalize("NFC", value)).strip()
    return value


def _same_date(expected: str, actual: Any) -> bool:
    if not isinstance(actual, str):
        return False
    if _DAY.match(expected):
        return actual[:10] == expected
    try:
        return _dt.datetime.fromisoformat(expected).isoformat() == _dt.datetime.fromisoformat(actual).isoformat()
    except ValueError:
        return expected == actual


def compare(expected: Any, actual: Any, what: str) -> list[str]:
    """The differences between an expectation and the actual ``to_dict()`` value (``[]`` if it matches)."""
    if expected is None or actual is None:
        return [] if expected is None and actual is None else [f"{what}: expected {expected!r:.200}, got {actual!r:.200}"]
    if what == "body" and isinstance(expected, Mapping) and set(expected) & BODY_SUMMARY_KEYS:
        return _compare_body_summary(expected, actual)
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            return [f"{what}: expected an object, got {actual!r:.200}"]
        out: list[str] = []
        for key, want in expected.items():
            out += compare(want, actual.get(key), f"{what}.{key}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{what}: expected a list, got {actual!r:.200}"]
        if len(expected) != len(actual):
            return [f"{what}: expected {len(expected)} item(s), got {len(actual)}"]
        out = []
        for i, (want, got) in enumerate(zip(expected, actual)):
            out += compare(want, got, f"{what}[{i}]")
        return out
    if isinstance(expected, str) and (what.endswith(("published", "modified"))):
        return [] if _same_date(expected, actual) else [f"{what}: expected {expected}, got {actual}"]
    if _norm(expected) != _norm(actual):
        return [f"{what}: expected {expected!r:.200}, got {actual!r:.200}"]
    return []


def _compare_body_summary(expected: Mapping[str, Any], actual: Any) -> list[str]:
    blocks = [_norm(b.get("text", "")) for b in (actual or {}).get("blocks", [])]
    if not blocks:
        return ["body: expected a body, got none"]
    text = "\n".join(blocks)
    out = []
    if "first" in expected and not blocks[0].startswith(_norm(expected["first"])):
        out.append(f"body.first: expected to start with {expected['first']!r}, got {blocks[0][:200]!r}")
    if "last" in expected and not blocks[-1].endswith(_norm(expected["last"])):
        out.append(f"body.last: expected to end with {expected['last']!r}, got {blocks[-1][-200:]!r}")
    if "paragraphs" in expected and len(blocks) != expected["paragraphs"]:
        out.append(f"body.paragraphs: expected {expected['paragraphs']} blocks, got {len(blocks)}")
    out += [f"body.contains: {s!r} is missing" for s in expected.get("contains", ()) if _norm(s) not in text]
    out += [f"body.excludes: {s!r} leaked into the body" for s in expected.get("excludes", ()) if _norm(s) in text]
    return out
