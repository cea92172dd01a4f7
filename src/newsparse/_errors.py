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


class WarcOpenError(NewsparseError, OSError):
    """A WARC URI cannot be opened (network failure, or a scheme without an installed driver)."""


class WarcFormatError(NewsparseError, ValueError):
    """A WARC / ARC file is truncated, corrupt or not an archive at all.

    ``input`` names what was damaged: ``warc_path#record_id`` when the broken record is known,
    else the archive path.
    """

    def __init__(self, message: str, *, input: str) -> None:
        super().__init__(message)
        self.input = input


class WorkerCrashedError(NewsparseError, RuntimeError):
    """The worker process died while extracting a page (a crash in a C library, out of memory, killed)."""
