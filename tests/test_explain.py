"""``newsparse explain`` and ``newsparse new-extractor`` (``newsparse._cli_tools``, ``newsparse._explain``)."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

import newsparse
from newsparse import _cli, _cli_tools
from newsparse._explain import explain, render_explanation
from newsparse.sites import WordPressExtractor

from conftest import EXAMPLE, FIXTURES

URL = "https://ledger.example/2024/03/07/storm"


def parser() -> argparse.ArgumentParser:
    """The newsparse parser with the two subcommands, whether or not ``_cli`` adds them already."""
    p = _cli.build_parser()
    sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    if "explain" not in sub.choices:
        _cli_tools.add_subcommands(sub)
    return p


def run(*argv: str) -> tuple[int, str, str]:
    args = parser().parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    code = args.func(args, out, err)
    return code, out.getvalue(), err.getvalue()


def test_explain_names_the_source_of_each_generic_field() -> None:
    exp = explain(EXAMPLE, url=URL, plugins=False)
    by_field = {f.field: f for f in exp.fields}
    assert [f.field for f in exp.fields] == list(newsparse.FIELDS)
    art = newsparse.parse(EXAMPLE, url=URL, plugins=False)
    for f in exp.fields:
        assert f.extractor == art.sources.get(f.field)
    assert by_field["headline"].evidence[0].source == "jsonld"
    assert by_field["published"].evidence[0].detail == "JSON-LD datePublished"
    body = by_field["body"].evidence
    assert len(body) == len(art.body.blocks) if art.body else False
    assert all(e.block is not None and e.path and e.score is not None for e in body)
    assert exp.container and "article" in exp.container


def test_explain_meta_and_time_sources() -> None:
    html = """<html lang="de"><head><title>Rathaus saniert</title>
    <meta property="article:published_time" content="2021-05-04T10:00:00+02:00"></head><body><article>
    <h1>Rathaus saniert</h1><p>Das Rathaus wird ab Montag saniert, teilte die Stadt am Dienstag mit, und bleibt bis Herbst geschlossen.</p>
    <p>Die Bürgerdienste ziehen in die Stadtbibliothek um, wo sie zu den üblichen Zeiten geöffnet sind.</p></article></body></html>"""
    by_field = {f.field: f for f in explain(html, plugins=False).fields}
    assert by_field["published"].evidence[0].source == "meta"
    assert "article:published_time" in by_field["published"].evidence[0].detail
    assert by_field["language"].evidence[0].detail == "declared in <html lang>"
    assert by_field["headline"].evidence[-1].source == "block"


@pytest.mark.usefixtures("clean_registry")
def test_explain_platform_extractor_points_at_printed_text() -> None:
    page = FIXTURES / "platform-wordpress" / "page.html"
    exp = explain(page, plugins=False)
    assert {f.field: f.extractor for f in exp.fields}["comments"] in (None, "generic")
    newsparse.register(WordPressExtractor)
    try:
        exp = explain(page)
    finally:
        newsparse.unregister(WordPressExtractor)
    comments = {f.field: f for f in exp.fields}["comments"]
    assert comments.extractor == WordPressExtractor.name
    assert WordPressExtractor.name in exp.chain
    assert comments.evidence and all("comment" in (e.path or "") for e in comments.evidence)


def test_explain_cli_text_and_json(tmp_path: Path) -> None:
    code, out, _ = run("explain", str(EXAMPLE), "--url", URL, "--no-plugins")
    assert code == 0
    assert "headline" in out and "answered by: generic" in out and "JSON-LD headline" in out
    code, out, _ = run("explain", str(EXAMPLE), "--no-plugins", "--json", "--field", "body", "--field", "bylines")
    data = json.loads(out)
    assert [f["field"] for f in data["fields"]] == ["body", "bylines"]
    assert data["fields"][0]["evidence"][0]["block"] >= 0
    code, _, err = run("explain", str(tmp_path / "missing.html"))
    assert code == 1 and "missing.html" in err


def test_render_shortens_long_evidence() -> None:
    text = render_explanation(explain(EXAMPLE, plugins=False), max_blocks=2)
    assert "more (--json shows all)" in text


def test_new_extractor_scaffold_is_a_working_extractor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(
        "new-extractor", "www.Ledger.Example", "--dir", str(tmp_path), "--fixtures", str(tmp_path / "fx"),
        "--page", str(EXAMPLE), "--url", URL,
    )
    assert code == 0, out
    module = tmp_path / "ledger_example.py"
    case = tmp_path / "fx" / "ledger_example"
    assert module.is_file() and (case / "page.html").read_bytes() == EXAMPLE.read_bytes()
    meta = json.loads((case / "meta.json").read_text())
    assert meta == {"url": URL, "extractors": ["ledger_example:LedgerExample"]}
    expected = json.loads((case / "expected.json").read_text())
    assert expected["headline"]["text"] == newsparse.parse(EXAMPLE, plugins=False).headline.text  # type: ignore[union-attr]
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    cls = importlib.import_module("ledger_example").LedgerExample
    assert cls.domains == ("ledger.example",) and cls.name == "ledger.example"
    art = newsparse.parse(EXAMPLE, url=URL, extractors=[cls])
    assert art.headline is not None  # the scaffold overrides nothing: the generic extractor answers
    # a second run refuses to overwrite, --force overwrites
    code, _, err = run("new-extractor", "ledger.example", "--dir", str(tmp_path), "--fixtures", str(tmp_path / "fx"))
    assert code == 2 and "exists" in err
    code, _, _ = run("new-extractor", "ledger.example", "--dir", str(tmp_path), "--fixtures", str(tmp_path / "fx"), "--force")
    assert code == 0 and json.loads((case / "expected.json").read_text()) == {}


@pytest.mark.parametrize("bad", ["ledger", "bad-.example", "a..b", "http://x.example/", "x.123"])
def test_new_extractor_rejects_malformed_domains(bad: str, tmp_path: Path) -> None:
    code, _, err = run("new-extractor", bad, "--dir", str(tmp_path), "--fixtures", str(tmp_path / "fx"))
    assert code == 2 and "not a domain" in err
    assert not list(tmp_path.iterdir())
