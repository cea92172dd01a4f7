"""newsparse: turn a raw news page into a typed article.

>>> import newsparse
>>> article = newsparse.parse("<html><body><h1>Storm hits coast</h1><p>By Jane Doe</p></body></html>")
>>> article.headline.text
'Storm hits coast'
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

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
from ._extractor import FIELDS, Extractor
from ._generic import GenericExtractor
from ._model import Article, AuthorBio, Block, Body, Byline, Comment, Dateline, Headline
from ._page import Page, load_page
from ._pipeline import ParseOptions, parse, parse_page
from ._registry import register, registered, unregister

if TYPE_CHECKING:
    from . import spark
    from ._batch import BatchStats, extract_many
    from ._evaluate import evaluate, load_corpus, score_corpus
    from ._warc import WarcPage, iter_warc

#: Batch, WARC, Spark and evaluation APIs load on first use: parse() does not need multiprocessing or warcio.
_LAZY = {
    "spark": (".spark", None),
    "BatchStats": ("._batch", "BatchStats"),
    "extract_many": ("._batch", "extract_many"),
    "evaluate": ("._evaluate", "evaluate"),
    "load_corpus": ("._evaluate", "load_corpus"),
    "score_corpus": ("._evaluate", "score_corpus"),
    "WarcPage": ("._warc", "WarcPage"),
    "iter_warc": ("._warc", "iter_warc"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'newsparse' has no attribute {name!r}")
    module_name, attr = _LAZY[name]
    module = importlib.import_module(module_name, __name__)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value
    return value

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
