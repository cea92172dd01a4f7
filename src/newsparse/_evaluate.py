"""Evaluation on labelled corpora (being written)."""

from __future__ import annotations

import argparse
from typing import TextIO


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``eval`` command's arguments to ``parser``."""
    parser.add_argument("dir", metavar="DIR", help="a corpus folder, a gold folder or a seed folder")


def cli_main(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``newsparse eval``."""
    err.write("newsparse eval: not implemented yet\n")
    return 2
