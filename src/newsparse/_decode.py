"""Reading sources: paths, ``.gz``, bytes in any encoding, and telling HTML from plain text."""

from __future__ import annotations

import codecs
import os
import re
import zlib
from pathlib import Path

from ._errors import (
    EmptyInputError,
    InputIsDirectoryError,
    InputNotFoundError,
    InputTooLargeError,
    NotAPageError,
)

#: Inputs larger than this are refused: 64 MiB is far above any real article page.
MAX_INPUT_BYTES = 64 * 1024 * 1024

#: A ``<meta charset>`` / http-equiv declaration lives in the first few KB of a page.
_CHARSET_SCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.\-]{1,40})""", re.I)
#: Unicode charsets: a page declaring one of them but failing strict UTF-8 / UTF-16 detection lies.
_UNICODE_CHARSETS = frozenset(
    {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)
#: Python codecs a page may name that are no page encoding: escape and IDNA codecs rewrite the text,
#: UTF-7 is banned by HTML, and "undefined" always fails.
_NOT_PAGE_CHARSETS = frozenset(
    {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "undefined", "charmap"}
)

#: Magic numbers of formats that are certainly not a page.
_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"RIFF",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",
)
_GZIP_MAGIC = b"\x1f\x8b"

#: Markup that makes a text an HTML page (checked in its first 64 KB).
_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|h[1-6]|span|br|a\s|script|table|section)\b",
    re.I,
)
_PATHLIKE_SUFFIXES = (".html", ".htm", ".txt", ".gz", ".xhtml", ".shtml", ".php", ".asp", ".aspx")


def looks_like_path(text: str) -> bool:
    """A short one-line string that names a file rather than holding a page."""
    if not text or len(text) > 4096 or "\n" in text or "<" in text:
        return False
    if os.path.exists(text):
        return True
    lowered = text.lower()
    return lowered.endswith(_PATHLIKE_SUFFIXES) and (" " not in text.strip() or os.sep in text)


def read_path(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a page file, gunzipped when gzip-compressed."""
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(f"no such file: {str(p)!r}")
    if p.is_dir():
        raise InputIsDirectoryError(f"is a directory, not a page file: {str(p)!r}")
    size = p.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{str(p)!r} is {size} bytes, above the {MAX_INPUT_BYTES}-byte limit")
    data = p.read_bytes()
    return maybe_gunzip(data, name=str(p))


def maybe_gunzip(data: bytes, name: str = "<bytes>") -> bytes:
    """Gunzip ``data`` if it starts with the gzip magic number, with a bound on the output size."""
    if not data.startswith(_GZIP_MAGIC):
        return data
    out = bytearray()
    rest = data
    try:
        # every member of a multi-member gzip (as `cat a.gz b.gz` makes); a truncated gzip still
        # gives what it has (decompressobj does not require the trailer)
        while rest.startswith(_GZIP_MAGIC) and len(out) <= MAX_INPUT_BYTES:
            member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += member.decompress(rest, MAX_INPUT_BYTES + 1 - len(out))
            if not member.eof:
                break
            rest = member.unused_data
    except zlib.error as exc:
        raise NotAPageError(f"{name}: corrupt gzip data ({exc})") from None
    if len(out) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{name}: decompresses to more than {MAX_INPUT_BYTES} bytes")
    return bytes(out)


def declared_charset(data: bytes) -> str | None:
    """The charset named by ``<meta charset>``, http-equiv or an XML declaration, if Python knows it."""
    head = data[:_CHARSET_SCAN_BYTES]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").strip().lower()
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # bytes-to-bytes codecs (base64, zlib, rot13, ...) cannot decode a page: bytes.decode refuses them
    if not info._is_text_encoding or info.name in _NOT_PAGE_CHARSETS:
        return None
    return info.name


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL bytes at every other position."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str, list[str]]:
    """Decode page bytes: BOM, then strict UTF-8, then the declared charset, then detection.

    Strict UTF-8 comes before the declaration because real pages often declare a legacy
    charset while being UTF-8 (a re-encoded archive copy); the reverse (legacy bytes that
    happen to be valid UTF-8) is vanishingly rare. Returns (text, encoding, warnings).
    """
    warnings: list[str] = []
    data = maybe_gunzip(data, name)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{name}: {len(data)} bytes, above the {MAX_INPUT_BYTES}-byte limit")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace"), enc, warnings
    if data.startswith(_BINARY_MAGIC):
        raise NotAPageError(f"{name}: binary data (starts with {data[:8]!r}), not a page")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, "replace"), utf16, warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared not in _UNICODE_CHARSETS:
        try:
            return data.decode(declared), declared, warnings
        except UnicodeError:
            warnings.append(f"declared charset {declared} does not decode the page; guessed instead")
    elif declared:
        warnings.append(f"page declares {declared} but does not decode as {declared}; decoded as cp1252")
    # cp1252 is the most common legacy web encoding; undefined bytes are replaced, not fatal.
    return data.decode("cp1252", "replace"), "cp1252", warnings


#: C0 control characters that never occur in text (tab, newlines, form feed and vertical tab do).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])


def check_text(text: str, name: str) -> str:
    """Refuse inputs that hold no text or that are clearly binary; strip NUL bytes."""
    if text.count("\x00"):  # count(), not "in": twice as fast on text with characters beyond Latin-1
        text = text.replace("\x00", "")
    # stray byte-order marks (U+FEFF, repeated by careless concatenation) are no text either
    # (isspace() stops at the first visible character: no copy of the page as strip() makes)
    visible = text.replace("\ufeff", "") if "\ufeff" in text else text
    if not visible or visible.isspace():
        raise EmptyInputError(f"{name}: the input is empty")
    sample = text[:4096]
    # control characters are single bytes in UTF-8: count them by deleting them from the encoded sample
    encoded = sample.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    bad = sample.count("\ufffd")
    if (controls + bad) > 0.3 * len(sample):
        raise NotAPageError(f"{name}: mostly binary or undecodable data, not a page")
    return text


def detect_format(text: str) -> str:
    """``"html"`` when the text carries HTML markup, else ``"text"``."""
    head = text[:65536]
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped[:1] == "<" and _HTML_SNIFF.search(head):
        return "html"
    # markup anywhere near the top with several tags counts too
    if len(_HTML_SNIFF.findall(head)) >= 3:
        return "html"
    return "text"
