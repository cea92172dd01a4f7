"""Exceptions raised by newsparse.

Every error derives from :class:`NewsparseError` and from the built-in exception a
user would expect for the situation, so ``except FileNotFoundError`` keeps working.
"""

from __future__ import annotations


class NewsparseError(Exception):
    """Base class of every error newsparse raises on purpose."""


class InputNotFoundError(NewsparseError, FileNotFoundError):
    """A path was given that does not exist."""


class InputIsDirectoryError(NewsparseError, IsADirectoryError):
    """A directory was given where a page file was expected."""


class EmptyInputError(NewsparseError, ValueError):
    """The input holds no text at all (empty, or only white space / NUL bytes)."""


class NotAPageError(NewsparseError, ValueError):
    """The input is not a web page or text page (binary data, an image, a PDF, ...)."""


class InputTooLargeError(NewsparseError, ValueError):
    """The input is larger than the configured limit."""


class ExtractionTimeoutError(NewsparseError, TimeoutError):
    """Extracting one page took longer than its time budget."""


class RegistrationError(NewsparseError, TypeError):
    """Something that is not an Extractor subclass was registered."""


class CorpusFormatError(NewsparseError, ValueError):
    """An evaluation corpus folder does not follow the documented format."""
