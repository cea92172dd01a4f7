"""The command line: a thin layer over parse()."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsparse
from newsparse._cli import build_parser, main

from conftest import EXAMPLE, ROOT

URL = "https://ledger.example/news/2024/03/07/storm"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def expected_article() -> newsparse.Article:
    return newsparse.parse(EXAMPLE, url=URL)


def test_extract_json() -> None:
    code, out, err = run("extract", str(EXAMPLE), "--url", URL)
    assert code == 0, err
    record = json.loads(out)
    assert record["input"] == str(EXAMPLE)
    del record["input"]
    assert newsparse.Article.from_dict(record) == expected_article()


def test_extract_json_of_several_pages_is_a_list() -> None:
    code, out, _ = run("extract", str(EXAMPLE), str(EXAMPLE), "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert isinstance(records, list) and len(records) == 2
    assert records[0]["headline"] == records[1]["headline"]


def test_extract_jsonl() -> None:
    code, out, _ = run("extract", str(EXAMPLE), str(EXAMPLE), "--format", "jsonl")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    for line in lines:
        rec = json.loads(line)
        assert rec["input"] == str(EXAMPLE)
        assert rec["headline"] == expected_article().to_dict()["headline"]


def test_extract_text() -> None:
    art = expected_article()
    assert art.headline is not None and art.body is not None
    code, out, _ = run("extract", str(EXAMPLE), "--url", URL, "--format", "text")
    assert code == 0
    assert out.splitlines()[0] == art.headline.text
    assert art.body.blocks[0].text in out
    assert "<" not in out and "{" not in out  # plain text, not markup or JSON


def test_extract_markdown() -> None:
    art = expected_article()
    assert art.headline is not None and art.body is not None
    code, out, _ = run("extract", str(EXAMPLE), "--url", URL, "--format", "markdown")
    assert code == 0
    assert out.startswith(f"# {art.headline.text}\n")
    assert art.body.blocks[0].text in out
    headings = [b for b in art.body.blocks if b.kind == "heading"]
    for h in headings:
        assert f"## {h.text}" in out or f"### {h.text}" in out


def test_extract_options_reach_the_library(tmp_path: Path) -> None:
    code, out, _ = run("extract", str(EXAMPLE), "--no-plugins", "--input-format", "text")
    assert code == 0
    rec = json.loads(out)
    expected = newsparse.parse(EXAMPLE, format="text", plugins=False).to_dict()
    assert {k: rec.get(k) for k in expected} == expected
    assert rec["input"] == str(EXAMPLE)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsparse {newsparse.__version__}"


def _commands() -> list[str]:
    parser = build_parser()
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert subs, "the CLI has subcommands"
    return sorted(subs[0].choices)


@pytest.mark.parametrize("argv", [["--help"]] + [[cmd, "--help"] for cmd in _commands()], ids=" ".join)
def test_help_on_every_command(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert "usage: newsparse" in capsys.readouterr().out


def test_extract_is_a_command() -> None:
    assert "extract" in _commands()


def test_missing_file_gives_an_error_record_and_exit_1(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-page.html")
    code, out, err = run("extract", missing)
    assert code == 1
    record = json.loads(out)
    assert record["input"] == missing
    assert record["error"] == "InputNotFoundError"
    assert missing in record["message"]
    assert "Traceback" not in err and "Traceback" not in out


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    code, out, err = run("extract", str(empty), str(EXAMPLE), "--format", "jsonl")
    assert code == 1
    bad, good = (json.loads(line) for line in out.splitlines())
    assert bad["input"] == str(empty) and bad["error"] == "EmptyInputError"
    assert good["input"] == str(EXAMPLE) and good["headline"] is not None
    assert "Traceback" not in err


def test_url_with_several_paths_is_a_usage_error() -> None:
    code, out, err = run("extract", str(EXAMPLE), str(EXAMPLE), "--url", URL)
    assert code == 2 and out == "" and "--url" in err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", str(EXAMPLE), "--format", "yaml"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_python_dash_m_newsparse() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsparse", "extract", "examples/storm-article.html"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["input"] == "examples/storm-article.html"
    assert record["headline"] == newsparse.parse(EXAMPLE).to_dict()["headline"]
