"""Shared test helpers: paths, the shared data folder, and an isolated extractor registry."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsparse import _registry

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
EXAMPLE = ROOT / "examples" / "storm-article.html"


def shared_dir() -> Path | None:
    """``../shared`` beside the checkout (or ``$NEWSPARSE_SHARED``), or None when it is absent."""
    env = os.environ.get("NEWSPARSE_SHARED")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "shared"
    return path if path.is_dir() else None


@pytest.fixture
def shared() -> Path:
    """The shared data folder; the test is skipped with a clear message when it is missing."""
    path = shared_dir()
    if path is None:
        pytest.skip("../shared (or $NEWSPARSE_SHARED) is absent: the real-page corpus is not available here")
    return path


@pytest.fixture
def clean_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An empty extractor registry with no entry points, restored after the test.

    Tests register their own extractors freely; whatever they add or load is forgotten afterwards.
    """
    saved = list(_registry._registry)
    saved_loaded = _registry._entry_points_loaded
    saved_warnings = list(_registry._load_warnings)
    monkeypatch.setattr(_registry, "entry_points", lambda **kw: [])
    _registry._registry.clear()
    _registry.reload_entry_points()
    try:
        yield
    finally:
        _registry._registry[:] = saved
        _registry._entry_points_loaded = saved_loaded
        _registry._load_warnings[:] = saved_warnings


# -- golden fixtures: --update-xfail rewrites tests/fixtures/xfail.txt from a run -----------------

XFAIL_FILE = FIXTURES / "xfail.txt"
XFAIL_HEADER = (
    "# case::field golden tests that fail today, each with the reason pytest showed (see README.md).\n"
    "# Marked xfail(strict=True): remove a line when its test passes. Regenerate with\n"
    "#   python -m pytest tests/test_golden.py --update-xfail\n"
)
_golden_seen: set[str] = set()
_golden_failed: dict[str, str] = {}


def read_xfail(path: Path = XFAIL_FILE) -> dict[str, str]:
    """``case::field`` -> reason; ``#`` starts a comment, and the comment after an entry is its reason."""
    out: dict[str, str] = {}
    if not path.is_file():
        return out
    for raw in path.read_text(encoding="utf-8").splitlines():
        entry, _, reason = raw.partition("#")
        entry = entry.strip()
        if entry:
            out[entry] = reason.strip()
    return out


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-xfail",
        action="store_true",
        help="run the golden tests without their xfail marks and rewrite tests/fixtures/xfail.txt",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--update-xfail"):
        return
    for item in items:
        if getattr(item, "originalname", None) == "test_golden_field":
            item.own_markers = [m for m in item.own_markers if m.name != "xfail"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    if call.when != "call" or not item.config.getoption("--update-xfail"):
        return
    if getattr(item, "originalname", None) != "test_golden_field":
        return
    pid = item.callspec.id  # type: ignore[attr-defined]
    _golden_seen.add(pid)
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.failed and call.excinfo is not None:
        first = (str(call.excinfo.value).strip().splitlines() or [call.excinfo.typename])[0]
        _golden_failed[pid] = " ".join(first.split())[:160]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not session.config.getoption("--update-xfail") or not _golden_seen:
        return
    # entries of tests that did not run this time stay as they are
    kept = {pid: reason for pid, reason in read_xfail().items() if pid not in _golden_seen}
    kept.update(_golden_failed)
    lines = [f"{pid}  # {reason}" if reason else pid for pid, reason in sorted(kept.items())]
    XFAIL_FILE.write_text(XFAIL_HEADER + "\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
