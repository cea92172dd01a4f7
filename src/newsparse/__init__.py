"""newsparse: turn a raw news page into a typed article.

>>> import newsparse
>>> article = newsparse.parse("<html><body><h1>Storm hits coast</h1><p>By Jane Doe</p></body></html>")
>>> article.headline.text
'Storm hits coast'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._errors import (
    CorpusFormatError,
    EmptyInputError,
    ExtractionTimeoutError,
    InputIsDirectoryError,
    InputNotFoundError,
    InputTooLargeError,
    NewsparseError,
    NotAPageError,
    RegistrationError,
    WarcFormatError,
    WarcOpenError,
    WorkerCrashedError,
)
from . import spark
from ._batch import BatchStats, extract_many
from ._evaluate import evaluate, load_corpus, score_corpus
from ._extractor import FIELDS, Extractor
from ._generic import GenericExtractor
from ._model import Article, AuthorBio, Block, Body, Byline, Comment, Dateline, Headline
from ._page import Page, load_page
from ._pipeline import ParseOptions, parse, parse_page
from ._registry import register, registered, unregister
from ._warc import WarcPage, iter_warc

try:
    __version__ = version("newsparse")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "__version__",
    "parse",
    "parse_page",
    "load_page",
    "ParseOptions",
    "Page",
    "Article",
    "Headline",
    "Dateline",
    "Byline",
    "AuthorBio",
    "Body",
    "Block",
    "Comment",
    "Extractor",
    "GenericExtractor",
    "FIELDS",
    "register",
    "unregister",
    "registered",
    "NewsparseError",
    "InputNotFoundError",
    "InputIsDirectoryError",
    "EmptyInputError",
    "NotAPageError",
    "InputTooLargeError",
    "ExtractionTimeoutError",
    "RegistrationError",
    "CorpusFormatError",
    "WarcFormatError",
    "WarcOpenError",
    "WorkerCrashedError",
    "extract_many",
    "iter_warc",
    "BatchStats",
    "WarcPage",
    "spark",
    "evaluate",
    "score_corpus",
    "load_corpus",
]
