"""The command line: a thin shell over library calls."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from . import __version__
from ._model import Article

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
        help="extract articles from saved pages, folders, globs, stdin or WARC files",
        description=(
            "Extract the article of each page. One page file prints JSON by default; many inputs "
            "(several paths, a folder, a glob, a WARC file) print JSONL: one record per page, either "
            "the article or an error record naming the input and the reason."
        ),
    )
    _add_extract_arguments(ex)
    ex.set_defaults(func=_cmd_extract)

    from . import _evaluate

    ev = sub.add_parser(
        "eval",
        help="score newsparse on a labelled corpus, the gold set or the seed",
        description="Score newsparse (plugins off) on labelled pages and print the metrics.",
    )
    _evaluate.add_arguments(ev)
    ev.set_defaults(func=_evaluate.cli_main)

    from ._cli_tools import add_subcommands

    add_subcommands(sub)
    return parser


def _add_extract_arguments(ex: argparse.ArgumentParser) -> None:
    from ._batch import DEFAULT_TIMEOUT

    ex.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="page files (HTML or text, optionally .gz), folders (recursive), globs, - for stdin, "
        "WARC/ARC files (.warc, .warc.gz, .arc, .arc.gz; needs the warc extra)",
    )
    ex.add_argument("--url", help="the page URL (helps dates and site extractors); only with one PATH")
    ex.add_argument(
        "--format",
        dest="output_format",
        choices=("json", "jsonl", "text", "markdown"),
        default=None,
        help="output format (default: json for one page file, jsonl otherwise)",
    )
    ex.add_argument(
        "--input-format", choices=("html", "text"), default=None, help="force the kind of input (default: detect)"
    )
    ex.add_argument("--no-plugins", action="store_true", help="use the generic extractor only")
    ex.add_argument("--strict", action="store_true", help="let site-extractor errors fail the page")
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    ex.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N", help="worker processes (default: all cores; 0: in this process)"
    )
    ex.add_argument("--unordered", action="store_true", help="write records as pages finish, not in input order")
    ex.add_argument(
        "--resume", action="store_true", help="skip inputs already in the -o FILE (JSONL) and append to it"
    )
    ex.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time budget of one page; a page over it becomes an error record (default: {DEFAULT_TIMEOUT:g}; 0: none)",
    )


def _single_page(paths: Sequence[str]) -> bool:
    """One page file (or stdin): the case where the output defaults to one JSON object."""
    import os

    from ._warc import is_warc_path

    if len(paths) != 1:
        return False
    path = paths[0]
    return path == "-" or (os.path.isfile(path) and not is_warc_path(path))


def _cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import os

    from ._batch import BatchStats, Progress, extract_many, read_done_inputs

    if args.url and len(args.paths) > 1:
        err.write("newsparse: --url applies to one PATH only\n")
        return 2
    single = _single_page(args.paths)
    fmt = args.output_format or ("json" if single else "jsonl")
    if args.resume and (not args.output or fmt != "jsonl"):
        err.write("newsparse: --resume needs -o FILE and JSONL output\n")
        return 2
    if args.jobs is not None and args.jobs < 0:
        err.write("newsparse: --jobs must be 0 or more\n")
        return 2
    if args.timeout < 0:
        err.write("newsparse: --timeout must be 0 or more\n")
        return 2
    done: set[str] = set()
    if args.resume and os.path.exists(args.output):
        done = read_done_inputs(args.output)
    stats = BatchStats()
    records = extract_many(
        args.paths,
        jobs=1 if single and args.jobs is None else args.jobs,
        ordered=not args.unordered,
        timeout=args.timeout or None,
        url=args.url,
        format=args.input_format,
        plugins=not args.no_plugins,
        errors="strict" if args.strict else "log",
        skip=done,
        stats=stats,
    )
    sink: TextIO = out
    if args.output:
        sink = open(args.output, "a" if args.resume else "w", encoding="utf-8")  # noqa: SIM115 - closed below
    progress = Progress(err, stats, enabled=_is_terminal(err))
    try:
        _write_records(records, fmt, single, sink, err, progress)
    finally:
        progress.close()
        if sink is not out:
            sink.close()
    if not single and (stats.errors or stats.warc.skipped or stats.skipped_files or stats.resumed or progress.enabled):
        err.write(f"newsparse: {stats.summary()}\n")
    return 1 if stats.errors else 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _write_records(
    records: Iterator[dict[str, Any]], fmt: str, single: bool, sink: TextIO, err: TextIO, progress: Any
) -> None:
    """Stream the records to ``sink`` in ``fmt``; nothing is held beyond the current record."""
    first = True
    for rec in records:
        if "error" in rec and fmt != "jsonl":
            err.write(f"newsparse: {rec['input']}: {rec['message']}\n")
        if fmt == "jsonl":
            sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif fmt == "json":
            text = json.dumps(rec, ensure_ascii=False, indent=2)
            if single:
                sink.write(text + "\n")
            else:
                sink.write(("[\n" if first else ",\n") + text)
        elif "error" not in rec:
            art = Article.from_dict(rec)
            sink.write(render_markdown(art) if fmt == "markdown" else render_text(art))
            sink.write("\n")
        first = False
        progress.update()
    if fmt == "json" and not single:
        sink.write("[]\n" if first else "\n]\n")


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
