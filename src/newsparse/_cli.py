"""The command line: a thin shell over library calls."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from . import __version__
from ._errors import NewsparseError
from ._model import Article
from ._pipeline import parse

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsparse`` command (also used to document the CLI)."""
    parser = argparse.ArgumentParser(
        prog="newsparse",
        description="Turn saved news pages (HTML or plain text) into typed articles.",
    )
    parser.add_argument("--version", action="version", version=f"newsparse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser(
        "extract",
        help="extract articles from saved pages",
        description="Extract the article of each page and print it.",
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="page files (HTML or text, optionally .gz)")
    ex.add_argument("--url", help="the page URL (helps dates and site extractors); only with one PATH")
    ex.add_argument(
        "--format",
        dest="output_format",
        choices=("json", "jsonl", "text", "markdown"),
        default="json",
        help="output format (default: json)",
    )
    ex.add_argument(
        "--input-format", choices=("html", "text"), default=None, help="force the kind of input (default: detect)"
    )
    ex.add_argument("--no-plugins", action="store_true", help="use the generic extractor only")
    ex.add_argument("--strict", action="store_true", help="let site-extractor errors propagate")
    ex.set_defaults(func=_cmd_extract)

    from . import _evaluate

    ev = sub.add_parser(
        "eval",
        help="score newsparse on a labelled corpus, the gold set or the seed",
        description="Score newsparse (plugins off) on labelled pages and print the metrics.",
    )
    _evaluate.add_arguments(ev)
    ev.set_defaults(func=_evaluate.cli_main)
    return parser


def _error_record(path: str, exc: BaseException) -> dict[str, Any]:
    return {"input": path, "error": type(exc).__name__, "message": str(exc)}


def _cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.url and len(args.paths) > 1:
        err.write("newsparse: --url applies to one PATH only\n")
        return 2
    records: list[dict[str, Any]] = []
    articles: list[Article | None] = []
    failures = 0
    for path in args.paths:
        try:
            art = parse(
                path,
                url=args.url,
                format=args.input_format,
                plugins=not args.no_plugins,
                errors="strict" if args.strict else "log",
            )
        except NewsparseError as exc:
            failures += 1
            err.write(f"newsparse: {path}: {exc}\n")
            records.append(_error_record(path, exc))
            articles.append(None)
            continue
        rec = art.to_dict()
        rec["input"] = path
        records.append(rec)
        articles.append(art)
    fmt = args.output_format
    if fmt == "json":
        data: Any = records[0] if len(records) == 1 else records
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        for maybe in articles:
            if maybe is not None:
                out.write(render_markdown(maybe) if fmt == "markdown" else render_text(maybe))
                out.write("\n")
    return 1 if failures else 0


def render_text(article: Article) -> str:
    """The article as plain text: headline, byline, date, body, comments."""
    lines: list[str] = []
    if article.headline:
        lines.append(article.headline.text)
        if article.headline.subheadline:
            lines.append(article.headline.subheadline)
        lines.append("")
    if article.bylines:
        lines.append("By " + ", ".join(b.name for b in article.bylines))
    if article.published:
        lines.append(article.published.isoformat())
    if article.dateline:
        lines.append(f"Dateline: {article.dateline.text}")
    if lines and lines[-1] != "":
        lines.append("")
    if article.body:
        for block in article.body.blocks:
            lines.append(block.text)
            lines.append("")
    if article.author_bios:
        lines.append("About the authors:")
        for bio in article.author_bios:
            lines.append(" - ".join(x for x in (bio.name, bio.title, bio.text) if x))
        lines.append("")
    if article.comments:
        lines.append(f"Comments ({len(article.comments)}):")
        for c in article.comments:
            indent = "  " * c.depth
            who = c.author or "anonymous"
            when = f" ({c.published.isoformat()})" if c.published else ""
            lines.append(f"{indent}{who}{when}: {c.text}")
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(article: Article) -> str:
    """The article as Markdown."""
    lines: list[str] = []
    if article.headline:
        lines += [f"# {article.headline.text}", ""]
        if article.headline.subheadline:
            lines += [f"*{article.headline.subheadline}*", ""]
    meta = []
    if article.bylines:
        meta.append("By " + ", ".join(b.name for b in article.bylines))
    if article.published:
        meta.append(article.published.isoformat())
    if meta:
        lines += [" | ".join(meta), ""]
    if article.dateline:
        lines += [f"**{article.dateline.text}**", ""]
    if article.body:
        for block in article.body.blocks:
            if block.kind == "heading":
                lines.append("#" * min(6, max(2, block.level or 2)) + " " + block.text)
            elif block.kind == "list_item":
                lines.append("- " + block.text)
            elif block.kind == "quote":
                lines.append("> " + block.text)
            else:
                lines.append(block.text)
            lines.append("")
    if article.author_bios:
        lines += ["## About the authors", ""]
        for bio in article.author_bios:
            lines += [f"**{bio.name}**" + (f", {bio.title}" if bio.title else ""), "", bio.text or "", ""]
    if article.comments:
        lines += ["## Comments", ""]
        for c in article.comments:
            lines.append("  " * c.depth + f"- **{c.author or 'anonymous'}**: {c.text}")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the CLI; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args, out, err))
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except KeyboardInterrupt:  # pragma: no cover
        return 130
