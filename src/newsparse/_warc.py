"""Reading pages out of WARC / ARC files (Common Crawl, CC-NEWS, wget --warc, ...).

:func:`iter_warc` yields one :class:`WarcPage` per HTML response record: plain data (str and
bytes only, picklable, no lxml object), so it can cross process boundaries and feed any engine.
``warcio`` is an optional dependency (the ``warc`` extra); it is imported on first use.

What counts as a page: a ``response`` record (or an ARC record, read as one) whose HTTP status is
2xx and whose content type is HTML. Every other record (``warcinfo``, ``request``, ``metadata``,
``revision``, images, PDFs, redirects, ...) is not a page: it is skipped and counted in
:class:`WarcStats`, never parsed. A truncated or corrupt file raises :class:`WarcFormatError`
after every complete page before the damage has been yielded.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import urllib.parse
import urllib.request
import zlib
from collections.abc import Iterator
from typing import IO, Any

import attrs

from . import _decode
from ._errors import (
    InputIsDirectoryError,
    InputNotFoundError,
    InputTooLargeError,
    NewsparseError,
    WarcFormatError,
    WarcOpenError,
)
from ._page import Page

__all__ = ["WarcPage", "WarcStats", "WarcFormatError", "WarcOpenError", "iter_warc", "is_warc_path", "decode_payload"]

#: File names that hold WARC / ARC archives (optionally gzipped), checked case-insensitively.
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

#: Media types of an HTML page; everything else in a WARC (images, PDF, JSON, robots.txt) is not a page.
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")

#: Media types that say nothing about the content: fall back to the crawler's own detection
#: (Common Crawl writes it to ``WARC-Identified-Payload-Type``).
_VAGUE_MEDIA_TYPES = ("", "application/octet-stream", "unknown/unknown", "application/unknown")

#: Size of the reads from the archive (compressed side).
_READ_BLOCK = 1 << 16

#: An ARC file starts with its ``filedesc://`` header record.
_ARC_MAGIC = b"filedesc://"
_SNIFF_BYTES = 512

#: Seconds to wait for an http(s) server to answer before giving up on a WARC URI.
_URL_TIMEOUT = 60.0


@attrs.frozen(kw_only=True)
class WarcPage:
    """One HTML response record of a WARC / ARC file: plain, picklable data.

    ``payload`` is the HTTP body with transfer and content encodings removed, still in the
    bytes the server sent; ``charset`` is the charset named by the HTTP ``Content-Type``
    header, if any. :meth:`to_page` decodes it (the HTTP charset honoured).
    """

    warc_path: str
    record_id: str
    url: str | None
    date: str | None
    content_type: str
    charset: str | None
    status: int | None
    payload: bytes = attrs.field(repr=lambda b: f"<{len(b)} bytes>")

    @property
    def input(self) -> str:
        """The name of this page in batch output: ``warc_path#record_id``."""
        return record_input(self.warc_path, self.record_id)

    def to_page(self) -> Page:
        """The record as a :class:`~newsparse.Page` (decoded, kind detected, url set)."""
        name = self.input
        text, warnings = decode_payload(self.payload, self.charset, name)
        text = _decode.check_text(text, name)
        return Page(text, kind=_decode.detect_format(text), url=self.url, name=name, warnings=warnings)


@attrs.define
class WarcStats:
    """Counts of what :func:`iter_warc` read and skipped (mutable; pass one in to collect them)."""

    records: int = 0
    pages: int = 0
    #: warcinfo, request, metadata, revision, resource, ... records
    not_response: int = 0
    #: response records whose content is not HTML (images, PDF, JSON, robots.txt, ...)
    not_html: int = 0
    #: HTML responses with a non-2xx status (redirects, 404 pages, ...)
    not_ok: int = 0

    @property
    def skipped(self) -> int:
        """Records that are not pages (all three kinds above)."""
        return self.not_response + self.not_html + self.not_ok

    def add(self, other: WarcStats) -> None:
        """Add the counts of ``other`` to these."""
        for f in attrs.fields(WarcStats):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def record_input(warc_path: str, record_id: str) -> str:
    """The ``input`` name of a WARC record in batch output."""
    return f"{warc_path}#{record_id}"


def is_warc_path(path: str | os.PathLike[str]) -> bool:
    """Whether the file name says WARC / ARC (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``)."""
    return os.fspath(path).lower().endswith(WARC_SUFFIXES)


def decode_payload(data: bytes, http_charset: str | None, name: str) -> tuple[str, list[str]]:
    """Decode an HTTP body: BOM, then strict UTF-8, then the HTTP charset, then the page's own rules.

    The HTTP header outranks ``<meta>`` (as in browsers), but strict UTF-8 still comes first for
    the reason :func:`newsparse._decode.decode_bytes` gives: servers often label UTF-8 pages with a
    legacy charset (``ISO-8859-1`` is a common server default), the reverse is vanishingly rare.
    """
    if len(data) > _decode.MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{name}: {len(data)} bytes, above the {_decode.MAX_INPUT_BYTES}-byte limit")
    charset = _known_charset(http_charset)
    if charset and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            pass
        if charset not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            try:
                return data.decode(charset), []
            except UnicodeDecodeError:
                warning = f"HTTP charset {charset} does not decode the page; guessed instead"
                text, _enc, warnings = _decode.decode_bytes(data, name)
                return text, [warning, *warnings]
    text, _enc, warnings = _decode.decode_bytes(data, name)
    return text, warnings


def _known_charset(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _media_type(value: str | None) -> tuple[str, str | None]:
    """``(media type, charset)`` of a ``Content-Type`` header value."""
    if not value:
        return "", None
    parts = value.split(";")
    media = parts[0].strip().lower()
    charset = None
    for param in parts[1:]:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media, charset


class _Truncated(Exception):
    """Raised by :class:`_StrictGzip` so that warcio (which reads EOFError as 'no more records') cannot hide it."""


class _StrictGzip:
    """A read-only stream over a gzip file (one member per record, or one for all) that reports truncation.

    warcio's own gzip reader stops silently at a truncated member; Python's ``GzipFile`` raises.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")

    def read(self, size: int = -1) -> bytes:
        # read1: a short read hands over what was decompressed before the damage; read() would
        # lose a whole block of good records to the exception
        try:
            if size is None or size < 0:
                return self._gz.read()
            return self._gz.read1(size)
        except EOFError as exc:
            raise _Truncated(f"the gzip data ends early ({exc})") from None
        except (OSError, zlib.error) as exc:
            raise _Truncated(f"corrupt gzip data ({exc})") from None

    def tell(self) -> int:
        return self._gz.tell()

    def close(self) -> None:
        self._gz.close()


def _open(spec: str) -> tuple[IO[bytes], Any, bool]:
    """The raw stream of a WARC path or URI, the stream to hand to warcio (gunzipped by us), and
    whether it is an ARC file (warcio converts ARC records to WARC ones and gives them random ids)."""
    scheme = spec.split("://", 1)[0].lower() if "://" in spec else ""
    raw: IO[bytes]
    if scheme in ("", "file"):
        path = urllib.parse.unquote(urllib.parse.urlsplit(spec).path) if scheme else spec
        if not os.path.exists(path):
            raise InputNotFoundError(f"no such file: {spec!r}")
        if os.path.isdir(path):
            raise InputIsDirectoryError(f"is a directory, not a WARC file: {spec!r}")
        raw = open(path, "rb")  # noqa: SIM115 - closed by iter_warc
    elif scheme in ("http", "https"):
        try:
            raw = io.BufferedReader(urllib.request.urlopen(spec, timeout=_URL_TIMEOUT))  # noqa: S310 - http(s) only
        except OSError as exc:
            raise WarcOpenError(f"cannot open {spec}: {exc}") from None
    else:
        try:
            import fsspec  # type: ignore[import-not-found, unused-ignore]
        except ImportError:
            raise WarcOpenError(
                f"cannot open {spec}: {scheme}:// URIs need fsspec and its {scheme} driver (e.g. pip install fsspec s3fs)"
            ) from None
        try:
            raw = io.BufferedReader(fsspec.open(spec, "rb").open())
        except Exception as exc:
            raise WarcOpenError(f"cannot open {spec}: {type(exc).__name__}: {exc}") from None
    head = raw.peek(_SNIFF_BYTES) if hasattr(raw, "peek") else b""
    if head[:2] == b"\x1f\x8b":
        try:
            start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(_ARC_MAGIC))
        except zlib.error:
            start = b""
        return raw, _StrictGzip(raw), start.startswith(_ARC_MAGIC)
    return raw, raw, head.startswith(_ARC_MAGIC)


def iter_warc(path: str | os.PathLike[str], *, stats: WarcStats | None = None) -> Iterator[WarcPage]:
    """Yield the HTML response records of a WARC / ARC file (``.gz`` or not) as :class:`WarcPage`.

    ``path`` is a local path or a URI: ``file://``, ``http(s)://`` (streamed), or any scheme
    ``fsspec`` knows when it is installed (``s3://``, ``gs://``, ``hdfs://``, ...).

    Non-page records are skipped and counted in ``stats`` (see the module doc). Raises
    :class:`WarcFormatError` when the file is truncated or corrupt (after yielding every page
    before the damage), :class:`~newsparse.InputNotFoundError` when it does not exist.
    Requires ``warcio`` (``pip install "newsparse[warc]"``).
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('reading WARC files needs warcio: pip install "newsparse[warc]"') from exc

    warc_path = os.fspath(path)
    stats = stats if stats is not None else WarcStats()
    raw, stream, is_arc = _open(warc_path)
    index = -1
    current = warc_path
    try:
        archive = ArchiveIterator(stream, arc2warc=True, block_size=_READ_BLOCK)
        records = iter(archive)
        while True:
            current = warc_path
            try:
                rec = next(records)
            except StopIteration:
                break
            index += 1
            stats.records += 1
            record_id = _record_id(rec, index, is_arc)
            current = record_input(warc_path, record_id) if record_id else warc_path
            if rec.length is None:
                raise WarcFormatError(f"{current}: record {index} has no Content-Length (truncated header?)", input=current)
            page = _page_of(rec, warc_path, record_id or f"record-{index}", stats)
            if page is not None:
                stats.pages += 1
                yield page
    except WarcFormatError:
        raise
    except _Truncated as exc:
        raise WarcFormatError(f"{current}: truncated or corrupt archive: {exc}", input=current) from None
    except Exception as exc:
        # warcio raises ArchiveLoadFailed / StatusAndHeadersParserException / ValueError on a damaged file
        raise WarcFormatError(
            f"{current}: not a readable WARC/ARC record ({type(exc).__name__}: {exc})", input=current
        ) from None
    finally:
        stream.close()
        raw.close()


def _record_id(rec: Any, index: int, is_arc: bool) -> str:
    """A stable id: the WARC-Record-ID without ``<>``; ARC records have none, so their ordinal."""
    if is_arc:
        return f"arc-record-{index}"
    rid = rec.rec_headers.get_header("WARC-Record-ID") or ""
    rid = rid.strip()
    if rid.startswith("<") and rid.endswith(">"):
        rid = rid[1:-1]
    return rid


def _page_of(rec: Any, warc_path: str, record_id: str, stats: WarcStats) -> WarcPage | None:
    """The record as a page, or ``None`` (counted) when it is not an HTML 2xx response."""
    input_name = record_input(warc_path, record_id)
    if rec.rec_type != "response" or rec.http_headers is None:
        stats.not_response += 1
        _drain(rec, input_name)
        return None
    media, charset = _media_type(rec.http_headers.get_header("Content-Type"))
    if media in _VAGUE_MEDIA_TYPES:
        identified, _ = _media_type(rec.rec_headers.get_header("WARC-Identified-Payload-Type"))
        media = identified or media
    if media not in HTML_MEDIA_TYPES:
        stats.not_html += 1
        _drain(rec, input_name)
        return None
    status = _status(rec.http_headers.get_statuscode())
    if status is not None and not 200 <= status < 300:
        stats.not_ok += 1
        _drain(rec, input_name)
        return None
    payload = rec.content_stream().read(_decode.MAX_INPUT_BYTES + 1)
    _drain(rec, input_name)
    return WarcPage(
        warc_path=warc_path,
        record_id=record_id,
        url=rec.rec_headers.get_header("WARC-Target-URI") or None,
        date=rec.rec_headers.get_header("WARC-Date") or None,
        content_type=media,
        charset=charset,
        status=status,
        payload=payload,
    )


def _status(code: Any) -> int | None:
    try:
        return int(code)
    except (TypeError, ValueError):
        return None


def _drain(rec: Any, input_name: str) -> None:
    """Read the rest of the record and fail when the file ended before its Content-Length."""
    raw = rec.raw_stream
    while raw.read(_READ_BLOCK):
        pass
    missing = getattr(raw, "limit", 0)
    if missing:
        raise WarcFormatError(f"{input_name}: record truncated ({missing} bytes missing)", input=input_name)
