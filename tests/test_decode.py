"""Reading sources: encodings, compression, files and the html / text decision."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

import newsparse
from newsparse import (
    EmptyInputError,
    InputIsDirectoryError,
    InputNotFoundError,
    NewsparseError,
    NotAPageError,
    load_page,
)
from newsparse import InputTooLargeError, _decode
from newsparse._decode import decode_bytes, detect_format

RUSSIAN = "Правительство объявило о новых мерах поддержки"
JAPANESE = "函館の朝市、観光客が戻り始める"
GERMAN = "Café Müller schließt: Größere Räume gesucht"


def html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><h1>{body}</h1><p>{body}.</p></body></html>"


# -- byte order marks ----------------------------------------------------------------------


def test_utf8_bom_is_honoured_and_removed() -> None:
    data = codecs.BOM_UTF8 + html(GERMAN).encode("utf-8")
    text, enc, warnings = decode_bytes(data)
    assert enc == "utf-8" and not warnings
    assert text.startswith("<!DOCTYPE html>")
    page = load_page(data)
    assert GERMAN in page.text and "\ufeff" not in page.text
    assert page.kind == "html"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    raw = html(JAPANESE)
    data = raw.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    page = load_page(data)
    assert page.text == raw
    assert page.kind == "html"


# -- declared charsets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "codec", "text"),
    [
        ('<meta charset="windows-1251">', "windows-1251", RUSSIAN),
        ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "shift_jis", JAPANESE),
        ('<meta http-equiv="content-type" content="text/html;charset=iso-8859-1">', "iso-8859-1", GERMAN),
        ("<meta charset='KOI8-R'>", "koi8-r", RUSSIAN),
    ],
)
def test_declared_legacy_charset_decodes_the_page(head: str, codec: str, text: str) -> None:
    data = html(text, head).encode(codec)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test is only meaningful if the bytes are not UTF-8
    page = load_page(data)
    assert text in page.text
    assert "\ufffd" not in page.text


def test_xml_declaration_names_the_charset() -> None:
    raw = '<?xml version="1.0" encoding="windows-1251"?>\n' + html(RUSSIAN)
    page = load_page(raw.encode("windows-1251"))
    assert RUSSIAN in page.text
    assert page.tree is not None  # the XML prolog does not stop lxml


def test_utf8_page_declaring_latin1_is_not_garbled() -> None:
    text = "Zoë Brontë says “naïve” café owners — not 25 € — were right"
    data = html(text, '<meta charset="iso-8859-1">').encode("utf-8")
    page = load_page(data)
    assert text in page.text
    assert "Ã" not in page.text and "â€" not in page.text


def test_cp1252_without_declaration() -> None:
    text = "“Smart quotes” – and a café’s crème brûlée"
    data = html(text).encode("cp1252")
    page = load_page(data)
    assert text in page.text


def test_declared_charset_that_does_not_fit_falls_back_with_a_warning() -> None:
    # declares UTF-8 but holds cp1252 bytes: decoded anyway, the mismatch reported
    text = "Crème brûlée at “Le Café”"
    data = html(text, '<meta charset="utf-8">').encode("cp1252")
    page = load_page(data)
    assert text in page.text
    assert any("utf-8" in w.lower() for w in page.warnings)


@pytest.mark.parametrize(
    "charset",
    ["x-no-such-charset", "base64", "hex", "rot13", "zlib", "uu", "undefined", "unicode_escape", "idna", "utf-7"],
)
def test_unknown_or_non_text_declared_charset_is_ignored(charset: str) -> None:
    # Python knows some of these names, but they are no page encoding: they must neither crash nor rewrite text
    text = GERMAN + " \\u0041 +AGEAYgBj- “quoted”"
    data = html(text, f'<meta charset="{charset}">').encode("cp1252")
    page = load_page(data)
    assert text in page.text
    assert newsparse.parse(data).headline is not None


def test_utf16_declaration_on_an_8bit_page() -> None:
    data = html(GERMAN, '<meta charset="utf-16">').encode("cp1252")
    page = load_page(data)
    assert GERMAN in page.text
    assert any("utf-16" in w for w in page.warnings)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(codec: str) -> None:
    raw = html("Storm hits the coast at dawn")
    data = raw.encode(codec)
    assert not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    text, enc, _ = decode_bytes(data)
    assert enc == codec
    assert text == raw


# -- compression --------------------------------------------------------------------------------


def test_gzip_bytes_are_decompressed() -> None:
    raw = html(GERMAN)
    page = load_page(gzip.compress(raw.encode("utf-8")))
    assert page.text == raw


def test_gz_path_is_read_transparently(tmp_path: Path) -> None:
    raw = html(RUSSIAN, '<meta charset="windows-1251">')
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(raw.encode("windows-1251")))
    assert RUSSIAN in load_page(path).text
    assert RUSSIAN in load_page(str(path)).text
    assert newsparse.parse(path).body is not None


def test_truncated_gzip_gives_what_it_has() -> None:
    paragraphs = "".join(f"<p>Paragraph number {i} of a long story about the harbor.</p>" for i in range(400))
    raw = f"<html><body><h1>Long story</h1>{paragraphs}</body></html>"
    data = gzip.compress(raw.encode("utf-8"))
    cut = data[: len(data) // 2]
    page = load_page(cut)
    assert page.text.startswith("<html><body><h1>Long story</h1>")
    assert 0 < len(page.text) < len(raw)
    art = newsparse.parse(cut)
    assert art.body is not None and "Paragraph number 0" in art.body.text


def test_multi_member_gzip_is_read_whole() -> None:
    first, second = "<html><body><h1>Head</h1><p>First half.</p>", "<p>Second half.</p></body></html>"
    data = gzip.compress(first.encode()) + gzip.compress(second.encode())
    assert load_page(data).text == first + second
    assert load_page(gzip.compress(first.encode()) + b"\x00" * 64).text == first  # trailing padding ignored


def test_gzip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_decode, "MAX_INPUT_BYTES", 10_000)
    bomb = gzip.compress(b"<p>" + b"a" * 50_000 + b"</p>")
    assert len(bomb) < 1000
    with pytest.raises(InputTooLargeError):
        load_page(bomb)
    with pytest.raises(InputTooLargeError):  # spread over members too
        load_page(gzip.compress(b"<p>" + b"a" * 6_000) + gzip.compress(b"a" * 6_000 + b"</p>"))


def test_corrupt_gzip_is_not_a_page() -> None:
    with pytest.raises(NotAPageError, match="gzip"):
        load_page(b"\x1f\x8b" + b"this is not deflate data at all" * 4)


# -- files ------------------------------------------------------------------------------------


def test_directory_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputIsDirectoryError) as info:
        newsparse.parse(tmp_path)
    assert isinstance(info.value, IsADirectoryError)
    assert isinstance(info.value, NewsparseError)
    assert str(tmp_path) in str(info.value)
    with pytest.raises(InputIsDirectoryError):
        newsparse.parse(str(tmp_path))


def test_missing_file_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-page.html"
    with pytest.raises(InputNotFoundError) as info:
        newsparse.parse(missing)
    assert str(missing) in str(info.value)
    with pytest.raises(FileNotFoundError):  # the built-in a user expects
        newsparse.parse(str(missing))
    with pytest.raises(NewsparseError):
        newsparse.parse("missing-page.html")


def test_path_and_str_path_give_the_same_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(html(GERMAN, '<meta charset="iso-8859-1">').encode("iso-8859-1"))
    assert load_page(path).text == load_page(str(path)).text
    assert GERMAN in load_page(path).text


# -- inputs that are not pages ------------------------------------------------------------------


@pytest.mark.parametrize("source", ["", "   \n\t ", b"", b"\n\n", b"\x00\x00\x00\x00\x00\x00", "\ufeff"])
def test_empty_input(source: str | bytes) -> None:
    with pytest.raises(EmptyInputError) as info:
        newsparse.parse(source)
    assert isinstance(info.value, ValueError)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError, match="empty"):
        newsparse.parse(path)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" + bytes(range(256))
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + bytes(range(256))


@pytest.mark.parametrize("data", [PNG, PDF], ids=["png", "pdf"])
def test_binary_formats_are_not_pages(data: bytes, tmp_path: Path) -> None:
    with pytest.raises(NotAPageError):
        newsparse.parse(data)
    path = tmp_path / "page.html"  # served under a page's name
    path.write_bytes(data)
    with pytest.raises(NotAPageError):
        newsparse.parse(path)


def test_random_binary_is_not_a_page() -> None:
    data = bytes((i * 37 + 11) % 32 for i in range(5000))  # control characters only
    with pytest.raises(NotAPageError):
        newsparse.parse(data)


def test_nul_bytes_are_dropped() -> None:
    page = load_page("<html><body><h1>Head\x00line</h1><p>Text</p></body></html>")
    assert "\x00" not in page.text and "Headline" in page.text


# -- html or text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!doctype html><html><body><p>x</p></body></html>", "html"),
        ("<html><body>Hello</body></html>", "html"),
        ("  \n<div class='story'><p>One</p><p>Two</p></div>", "html"),
        ("Saved page\n\n<p>Para one</p>\n<p>Para two</p>\n<br>\n", "html"),
        ("Storm hits coast\n\nBy Jane Doe\n\nThe storm arrived at dawn.", "text"),
        ("Prices rose 3% as a < b and b > c, analysts said.\n\nMore text.", "text"),
        ("I <3 this town\n\nSo do I.", "text"),
        ("The <html> tag is discussed in this plain article about markup.\n\nIt is text.", "text"),
    ],
)
def test_format_detection(text: str, kind: str) -> None:
    assert detect_format(text) == kind
    assert load_page(text).kind == kind


def test_format_can_be_forced() -> None:
    markup = "<html><body><h1>Storm</h1><p>By Jane Doe</p></body></html>"
    as_text = load_page(markup, format="text")
    assert as_text.kind == "text" and as_text.tree is None
    plain = "Storm hits coast\n\nThe storm arrived."
    as_html = load_page(plain, format="html")
    assert as_html.kind == "html" and as_html.tree is not None
    assert newsparse.parse(plain, format="html").sources  # runs end to end
    with pytest.raises(ValueError, match="format"):
        load_page(plain, format="pdf")


def test_text_file_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Storm hits coast\n\nThe storm arrived at dawn, residents said.\n", encoding="utf-8")
    page = load_page(path)
    assert page.kind == "text" and page.name == str(path)


def test_wrong_source_type() -> None:
    with pytest.raises(TypeError):
        load_page(42)  # type: ignore[arg-type]
