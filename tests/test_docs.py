"""The documentation: it builds without warnings, its CLI page is generated, and every example runs.

- ``mkdocs build --strict`` (skipped with a message when mkdocs is not installed: ``pip install -e ".[dev]"``);
- ``docs/cli.md`` equals what ``docs/gen_cli.py`` generates from the parser;
- every ```python block of README.md and of the docs pages is executed, the blocks of a page in
  order in one namespace, in a temporary folder holding ``examples/storm-article.html``; in the
  README, ``print(expr)  # value`` comments must state what ``expr`` prints;
- every ``$ newsparse ...`` line of a ```console block is run through the CLI and must succeed;
- the tutorial's example package is the one in ``docs/examples/ledger_extractor`` and its entry point works.
"""

from __future__ import annotations

import importlib.util
import io
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import EntryPoint
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import newsparse
from newsparse import _registry

from conftest import EXAMPLE, ROOT, shared_dir

DOCS = ROOT / "docs"
PACKAGE = DOCS / "examples" / "ledger_extractor"
#: A Python block whose first line is ``# not run: <reason>`` is a recipe for another machine (a Spark
#: cluster); every other block of every page is executed, with the data it names prepared by _prepare.
NOT_RUN_MARK = "# not run:"
_FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```\s*$", re.S | re.M)
_PRINT_CLAIM = re.compile(r"^print\((.+)\)\s+#\s*(.+?)\s*$")


def pages() -> list[Path]:
    return [ROOT / "README.md"] + sorted(DOCS.glob("*.md"))


def blocks(path: Path, lang: str) -> list[str]:
    return [m.group(2) for m in _FENCE.finditer(path.read_text(encoding="utf-8")) if m.group(1) == lang]


def pages_with(lang: str) -> list[Path]:
    return [p for p in pages() if blocks(p, lang)]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "examples" / EXAMPLE.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _load_gen_cli() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_cli", DOCS / "gen_cli.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# -- building -------------------------------------------------------------------------------------


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    for mod in ("mkdocs", "mkdocstrings", "mkdocstrings_handlers.python"):
        if importlib.util.find_spec(mod) is None:
            pytest.skip(f"{mod} is not installed (pip install -e '.[dev]' or '.[docs]'): the docs build is not checked")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    for name in ("newsparse.parse", "Extractor", "WordPressExtractor", "Article"):
        assert name in api, f"the API reference lacks {name}"


def test_every_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    missing = [p.name for p in DOCS.glob("*.md") if p.name not in nav]
    assert not missing, f"pages not in the mkdocs.yml nav: {missing}"


def test_cli_reference_is_generated_from_the_parser() -> None:
    gen = _load_gen_cli()
    committed = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert committed == gen.generate(), "docs/cli.md is out of date: run python docs/gen_cli.py"
    for command in ("extract", "eval", "explain", "new-extractor"):
        assert f"## newsparse {command}\n" in committed


# -- executing the examples -----------------------------------------------------------------------


def run_blocks(page: Path) -> dict[str, Any]:
    """Execute the page's Python blocks in order in one namespace; returns the namespace."""
    namespace: dict[str, Any] = {"__name__": f"docs_{page.stem}"}
    for i, code in enumerate(blocks(page, "python")):
        if code.lstrip().startswith(NOT_RUN_MARK):
            continue
        try:
            exec(compile(code, f"{page.name}[python block {i + 1}]", "exec"), namespace)
        except Exception as exc:
            raise AssertionError(f"{page.name}, Python block {i + 1} failed: {type(exc).__name__}: {exc}\n{code}") from exc
    return namespace


@pytest.mark.parametrize("page", pages_with("python"), ids=lambda p: p.name)
@pytest.mark.usefixtures("clean_registry")
def test_python_examples_run(page: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _prepare(page, workdir, monkeypatch)
    run_blocks(page)


def _prepare(page: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lay out the data a page's examples name: a WARC crawl and a saved folder, or ../shared."""
    if page.name == "evaluation.md":
        shared = shared_dir()
        if shared is None:
            pytest.skip("evaluation.md: its examples read ../shared/corpus, which is absent here")
        repo = workdir / "repo"
        repo.mkdir()
        (workdir / "shared").symlink_to(shared, target_is_directory=True)
        monkeypatch.chdir(repo)
    if page.name == "scale.md":
        pytest.importorskip("warcio", reason="scale.md: its examples read WARC files (pip install -e '.[warc]')")
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        html = EXAMPLE.read_bytes()
        with open(workdir / "crawl.warc.gz", "wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    "https://ledger.example/2024/03/07/storm", "response", payload=io.BytesIO(html), http_headers=headers
                )
            )
        (workdir / "saved").mkdir()
        shutil.copy(EXAMPLE, workdir / "saved" / EXAMPLE.name)


@pytest.mark.usefixtures("clean_registry")
def test_readme_print_comments_are_true(workdir: Path) -> None:
    """``print(expr)  # value`` in the README: the comment starts with what the line prints."""
    page = ROOT / "README.md"
    namespace = run_blocks(page)
    claims = [m for code in blocks(page, "python") for m in map(_PRINT_CLAIM.match, (l.strip() for l in code.splitlines())) if m]
    assert claims, "the README has no print(...)  # value examples any more: drop this test"
    wrong = []
    for m in claims:
        shown = str(eval(m.group(1), namespace))
        if not m.group(2).startswith(shown):
            wrong.append(f"print({m.group(1)}) prints {shown!r}, the comment says {m.group(2)!r}")
    assert not wrong, "README.md: " + "; ".join(wrong)


def _parser() -> Any:
    import argparse

    from newsparse import _cli, _cli_tools

    parser = _cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "explain" not in sub.choices:
        _cli_tools.add_subcommands(sub)
    return parser


@pytest.mark.parametrize("page", pages_with("console"), ids=lambda p: p.name)
@pytest.mark.usefixtures("clean_registry")
def test_console_examples_run(page: Path, workdir: Path) -> None:
    commands = [
        line[2:].strip()
        for block in blocks(page, "console")
        for line in block.splitlines()
        if line.startswith("$ newsparse ")
    ]
    assert commands, f"{page.name}: a console block without a $ newsparse line"
    for command in commands:
        argv = shlex.split(command)[1:]
        out, err = io.StringIO(), io.StringIO()
        try:
            args = _parser().parse_args(argv)
            code = args.func(args, out, err)
        except SystemExit as exc:  # --help
            code = int(exc.code or 0)
        assert code == 0, f"{page.name}: `{command}` exited {code}: {err.getvalue()}"


def test_examples_are_found() -> None:
    """The fence pattern must see the examples, or the tests above would pass vacuously."""
    assert len(blocks(ROOT / "README.md", "python")) >= 2
    assert len(blocks(DOCS / "extractors.md", "python")) >= 4
    assert len(blocks(DOCS / "extractors.md", "console")) >= 2


# -- the tutorial's example package ---------------------------------------------------------------


def test_tutorial_shows_the_package_files_verbatim() -> None:
    page = DOCS / "extractors.md"
    assert (PACKAGE / "ledger_extractor.py").read_text(encoding="utf-8") in blocks(page, "python")
    assert (PACKAGE / "pyproject.toml").read_text(encoding="utf-8") in blocks(page, "toml")


@pytest.mark.usefixtures("clean_registry")
def test_example_package_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(PACKAGE))
    ep = EntryPoint(name="ledger", value="ledger_extractor:LedgerExtractor", group=_registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(_registry, "entry_points", lambda **kw: [ep] if kw.get("group") == ep.group else [])
    _registry.reload_entry_points()
    art = newsparse.parse(EXAMPLE, url="https://www.ledger.example/2024/03/07/storm")
    assert art.sources["bylines"] == art.sources["author_bios"] == "ledger.example"
    assert {f for f, s in art.sources.items() if s != "ledger.example"} == set(art.sources) - {"bylines", "author_bios"}
    assert all(b.role == "Staff Writer" for b in art.bylines or ())
    other = newsparse.parse(EXAMPLE, url="https://other.example/a")
    assert "ledger.example" not in other.sources.values()


def test_example_package_builds_a_wheel_with_its_entry_point(tmp_path: Path) -> None:
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is not installed: the example wheel is not built")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(PACKAGE)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0 and "No module named pip" in proc.stderr:
        pytest.skip("pip is not available: the example wheel is not built")
    if proc.returncode != 0 and "invalid command 'bdist_wheel'" in proc.stderr:
        pytest.skip("the wheel package is not installed (pip install wheel): the example wheel is not built")
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("ledger_extractor-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        eps = zf.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "ledger_extractor.py" in names
    assert '[newsparse.extractors]\nledger = ledger_extractor:LedgerExtractor' in eps
    shutil.rmtree(PACKAGE / "build", ignore_errors=True)
    for egg in PACKAGE.glob("*.egg-info"):
        shutil.rmtree(egg, ignore_errors=True)
