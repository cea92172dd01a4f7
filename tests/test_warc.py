"""Reading WARC / ARC files: which records are pages, their names, charsets, and damaged files.

The archives are written here with warcio's own ``WARCWriter`` (synthetic pages, no corpus text).
``write_warc`` and ``PAGES`` are also used by ``test_batch`` and ``test_spark``.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse._warc import WarcFormatError, WarcPage, WarcStats, decode_payload, iter_warc


def _page(headline: str, paragraphs: list[str], lang: str = "en") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>{headline} - Example News</title></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{headline}</h1>{body}</article>"
        "<footer>Copyright Example News</footer></body></html>"
    )


#: Synthetic HTML responses: (url, HTTP Content-Type, payload bytes). The cp1252 and cp1251 pages
#: name their charset only in the HTTP header (no <meta>), so only the header can decode them right.
CAFE = "Caf\u00e9 owners \u201cwelcome\u201d the \u20ac2 fee \u2013 mostly"
MOSCOW = "\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u0433\u043e\u0440\u043e\u0434\u0430 \u0420\u043e\u0441\u0441\u0438\u0438"
PAGES: list[tuple[str, str, bytes]] = [
    (
        "https://news.example/2024/05/cafe",
        "text/html; charset=windows-1252",
        _page(CAFE, [f"{CAFE}, said the council in a statement on Monday. " * 3] * 4).encode("cp1252"),
    ),
    (
        "https://news.example/2024/05/utf8",
        "text/html; charset=utf-8",
        _page("Harbour reopens after storm", ["The harbour reopened on Tuesday after the storm. " * 4] * 5).encode(),
    ),
    (
        "https://ru.example/2024/05/moscow",
        "text/html; charset=windows-1251",
        _page(MOSCOW, [f"{MOSCOW}. " * 8] * 4, lang="ru").encode("cp1251"),
    ),
    # a broken page: HTML by its header, binary garbage in fact
    ("https://news.example/2024/05/broken", "text/html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
]


def _http(content_type: str, status: str = "200 OK", extra: list[tuple[str, str]] | None = None) -> Any:
    from warcio.statusandheaders import StatusAndHeaders

    return StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")


def write_warc(path: Path, *, gz: bool = True, pages: list[tuple[str, str, bytes]] | None = None) -> Path:
    """A WARC holding a warcinfo, a request, ``pages`` (default PAGES), a PNG, a redirect and a metadata record."""
    pytest.importorskip("warcio")
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "newsparse tests"}))
        for i, (url, ctype, payload) in enumerate(pages if pages is not None else PAGES):
            if i == 1:
                req = _http("text/plain")
                req.statusline = "GET / HTTP/1.1"
                w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req))
                w.write_record(
                    w.create_warc_record(
                        "https://news.example/logo.png",
                        "response",
                        payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
                        http_headers=_http("image/png"),
                    )
                )
                w.write_record(
                    w.create_warc_record(
                        "https://news.example/old",
                        "response",
                        payload=io.BytesIO(b"<html><body>Moved</body></html>"),
                        http_headers=_http("text/html", "301 Moved Permanently", [("Location", "/new")]),
                    )
                )
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=_http(ctype)))
        w.write_record(
            w.create_warc_record(
                "https://news.example/2024/05/cafe",
                "metadata",
                payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
                warc_content_type="application/warc-fields",
            )
        )
    return path


def test_only_html_2xx_responses_are_pages_and_the_rest_is_counted(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "a.warc.gz")
    stats = WarcStats()
    pages = list(iter_warc(warc, stats=stats))
    assert [p.url for p in pages] == [u for u, _, _ in PAGES]
    assert all(isinstance(p, WarcPage) for p in pages)
    assert stats.pages == len(PAGES)
    assert stats.not_html == 1  # the PNG
    assert stats.not_ok == 1  # the 301
    assert stats.not_response == 3  # warcinfo, request, metadata
    assert stats.records == stats.pages + stats.skipped


def test_record_ids_names_and_plain_data(tmp_path: Path) -> None:
    import pickle

    warc = write_warc(tmp_path / "a.warc.gz")
    pages = list(iter_warc(str(warc)))
    ids = [p.record_id for p in pages]
    assert len(set(ids)) == len(ids)
    for p in pages:
        assert p.record_id.startswith("urn:uuid:")
        assert p.input == f"{warc}#{p.record_id}"
        assert p.date and p.date.startswith("20")
        assert p.status == 200 and p.content_type == "text/html"
        assert pickle.loads(pickle.dumps(p)) == p
    # the same file read again gives the same ids (they come from the file, not from the reader)
    assert [p.record_id for p in iter_warc(warc)] == ids


def test_http_charset_is_honoured(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "a.warc.gz")
    by_url = {p.url: p for p in iter_warc(warc)}
    cafe = by_url["https://news.example/2024/05/cafe"]
    assert cafe.charset == "windows-1252"
    assert CAFE in cafe.to_page().text
    moscow = by_url["https://ru.example/2024/05/moscow"]
    assert moscow.charset == "windows-1251"
    page = moscow.to_page()
    assert MOSCOW in page.text  # a cp1252 guess would give mojibake here
    art = newsparse.parse_page(page)
    assert art.headline is not None and art.headline.text == MOSCOW
    assert art.url == "https://ru.example/2024/05/moscow"


def test_utf8_bytes_win_over_a_wrong_http_charset() -> None:
    text, warnings = decode_payload("Z\u00fcrich \u2013 news".encode(), "iso-8859-1", "x")
    assert text == "Z\u00fcrich \u2013 news" and warnings == []
    text, warnings = decode_payload("Z\u00fcrich".encode("latin-1"), "no-such-charset", "x")
    assert text == "Z\u00fcrich"  # unknown header charset: the page's own rules (cp1252 fallback)


def test_broken_page_fails_as_a_page_not_as_the_archive(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "a.warc.gz")
    broken = [p for p in iter_warc(warc) if p.url.endswith("/broken")]  # type: ignore[union-attr]
    assert len(broken) == 1
    with pytest.raises(newsparse.NotAPageError):
        broken[0].to_page()


def test_uncompressed_warc_and_file_uri(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "a.warc", gz=False)
    urls = [p.url for p in iter_warc(warc)]
    assert urls == [u for u, _, _ in PAGES]
    uri = warc.resolve().as_uri()
    assert [p.input for p in iter_warc(uri)][0].startswith(uri + "#urn:uuid:")


def test_content_encoding_gzip_is_removed(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from warcio.warcwriter import WARCWriter

    html = _page("Gzipped body", ["This body was sent gzip-encoded by the server. " * 4] * 3).encode()
    path = tmp_path / "enc.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        hh = _http("text/html; charset=utf-8", extra=[("Content-Encoding", "gzip")])
        w.write_record(
            w.create_warc_record("https://news.example/gz", "response", payload=io.BytesIO(gzip.compress(html)), http_headers=hh)
        )
    (page,) = list(iter_warc(path))
    assert page.payload == html


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_yields_complete_pages_then_a_clear_error(tmp_path: Path, gz: bool) -> None:
    full = write_warc(tmp_path / ("full.warc.gz" if gz else "full.warc"), gz=gz)
    complete = list(iter_warc(full))
    data = full.read_bytes()
    # cut inside the last page: the end of the file holds the last page and the metadata record
    cut_at = data.rfind(PAGES[-1][2][:16]) if not gz else None
    if gz:
        # find the start of the last page's gzip member by re-reading offsets with warcio
        from warcio.archiveiterator import ArchiveIterator

        with open(full, "rb") as fh:
            it = ArchiveIterator(fh)
            offsets = []
            for rec in it:
                offsets.append((rec.rec_headers.get_header("WARC-Target-URI"), rec.rec_type, it.get_record_offset()))
        start = [o for u, t, o in offsets if u == PAGES[-1][0] and t == "response"][0]
        cut_at = start + 40  # inside that member's compressed data
    assert cut_at is not None and 0 < cut_at < len(data)
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: cut_at + 20])
    got: list[WarcPage] = []
    with pytest.raises(WarcFormatError) as info:
        for p in iter_warc(cut):
            got.append(p)
    assert [p.url for p in got] == [p.url for p in complete[:-1]]
    assert str(cut) in info.value.input
    assert isinstance(info.value, newsparse.NewsparseError) and isinstance(info.value, ValueError)
    if not gz:  # the record header was read, so the error names the record
        assert info.value.input == f"{cut}#{complete[-1].record_id}"


def test_not_an_archive_and_missing_file(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"<html><body>not an archive</body></html>\n" * 10)
    with pytest.raises(WarcFormatError):
        list(iter_warc(junk))
    with pytest.raises(newsparse.InputNotFoundError):
        list(iter_warc(tmp_path / "missing.warc.gz"))


def test_arc_records_are_read_with_stable_ids(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    desc = b"1 0 newsparse-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://t.arc 0.0.0.0 20240101000000 text/plain %d\n" % len(desc) + desc + b"\n"
    html = _page("ARC era story", ["Archived the old way, one line of header. " * 4] * 3).encode()
    body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    data += b"http://old.example/story 10.0.0.1 20040101000000 text/html %d\n" % len(body) + body + b"\n"
    arc = tmp_path / "t.arc.gz"
    arc.write_bytes(gzip.compress(data))
    first = list(iter_warc(arc))
    assert [p.url for p in first] == ["http://old.example/story"]
    assert first[0].record_id == "arc-record-1"
    assert [p.record_id for p in iter_warc(arc)] == ["arc-record-1"]
    assert first[0].payload == html
