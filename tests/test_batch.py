"""Batch extraction: extract_many and ``newsparse extract`` over many inputs (synthetic pages only)."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import _batch
from newsparse._batch import BatchStats, Progress, extract_many, read_done_inputs
from newsparse._cli import main
from newsparse._page import Page

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_warc import PAGES, write_warc  # noqa: E402

HAS_FORK = sys.platform.startswith("linux")


def _html(i: int) -> str:
    return (
        f"<html><head><title>Story {i}</title></head><body><article><h1>Council votes on plan number {i}</h1>"
        + f"<p>The council approved plan {i} on Monday after a long debate about the harbour. </p>" * 4
        + "</article></body></html>"
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder of pages: nested, gzipped, one empty page, one file that is not a page by name.

    A folder is walked top-down: its files in name order, then its subfolders in name order.
    """
    root = tmp_path / "pages"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a1.html").write_text(_html(1), encoding="utf-8")
    (root / "a2.htm").write_text(_html(2), encoding="utf-8")
    (root / "b" / "b3.html.gz").write_bytes(gzip.compress(_html(3).encode()))
    (root / "b" / "deep" / "b4.txt").write_text("Plain text story\n\nBy Jane Doe\n\nThe harbour reopened today. " * 3)
    (root / "b" / "empty.html").write_text("   \n")
    (root / "b" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / ".hidden.html").write_text(_html(9))
    return root


def _expected_order(root: Path) -> list[str]:
    return [
        str(root / "a1.html"),
        str(root / "a2.htm"),
        str(root / "b" / "b3.html.gz"),
        str(root / "b" / "empty.html"),
        str(root / "b" / "deep" / "b4.txt"),
    ]


def test_folder_is_walked_in_order_and_every_page_gives_a_record(tree: Path) -> None:
    stats = BatchStats()
    records = list(extract_many([tree], jobs=2, stats=stats))
    assert [r["input"] for r in records] == _expected_order(tree)
    assert stats.pages == 5 and stats.errors == 1 and stats.skipped_files == 1
    empty = records[3]
    assert empty == {
        "input": str(tree / "b" / "empty.html"),
        "url": None,
        "error": "EmptyInputError",
        "message": empty["message"],
    }
    assert "empty" in empty["message"]
    # results are the article's to_dict() plus input, and plain JSON
    for rec in records[:3] + records[4:]:
        expected = newsparse.parse(rec["input"]).to_dict()
        assert {k: v for k, v in rec.items() if k != "input"} == expected
        assert json.loads(json.dumps(rec)) == rec
    assert records[0]["headline"]["text"] == "Council votes on plan number 1"


def test_pool_serial_and_unordered_give_the_same_records(tree: Path) -> None:
    pooled = list(extract_many([tree], jobs=2))
    serial = list(extract_many([tree], jobs=0))
    unordered = list(extract_many([tree], jobs=2, ordered=False))
    assert pooled == serial
    assert sorted(unordered, key=lambda r: r["input"]) == sorted(serial, key=lambda r: r["input"])


def test_globs_missing_files_and_stdin(tree: Path) -> None:
    pattern = str(tree / "**" / "*.html*")
    records = list(
        extract_many(
            [pattern, str(tree / "nope.html"), str(tree / "*.nothing"), "-"],
            jobs=1,
            stdin=io.BytesIO(_html(7).encode("utf-16")),
        )
    )
    inputs = [r["input"] for r in records]
    assert inputs[:4] == [str(tree / "a1.html"), str(tree / "b" / "b3.html.gz"), str(tree / "b" / "empty.html"), str(tree / "nope.html")]
    assert records[3]["error"] == "InputNotFoundError"
    assert records[4] == {
        "input": str(tree / "*.nothing"),
        "url": None,
        "error": "InputNotFoundError",
        "message": records[4]["message"],
    }
    assert records[5]["input"] == "<stdin>"
    assert records[5]["headline"]["text"] == "Council votes on plan number 7"


def test_warc_inputs_name_the_record_and_honour_the_charset(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz")
    stats = BatchStats()
    records = list(extract_many([warc], jobs=2, stats=stats))
    assert [r["url"] for r in records] == [u for u, _, _ in PAGES]
    ids = [p.record_id for p in newsparse._warc.iter_warc(warc)]
    assert [r["input"] for r in records] == [f"{warc}#{i}" for i in ids]
    assert records[0]["headline"]["text"].startswith("Caf\u00e9 owners \u201cwelcome\u201d")
    broken = records[3]
    assert broken["error"] == "NotAPageError" and broken["url"].endswith("/broken")
    assert stats.errors == 1 and stats.warc.skipped == 5
    # the same as the serial library path: iter_warc + parse_page
    for rec, wp in zip(records[:3], newsparse._warc.iter_warc(warc)):
        art = newsparse.parse_page(wp.to_page())
        assert {k: v for k, v in rec.items() if k != "input"} == art.to_dict()


def test_truncated_warc_gives_records_then_an_error_record(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc", gz=False)
    data = warc.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: data.rfind(PAGES[2][2][:20]) + 50])  # inside the third page
    records = list(extract_many([cut, tree_page(tmp_path)], jobs=1))
    assert [r.get("error") for r in records] == [None, None, "WarcFormatError", None]
    assert records[2]["input"].startswith(f"{cut}#urn:uuid:")
    assert "truncated" in records[2]["message"]


def tree_page(tmp_path: Path) -> Path:
    page = tmp_path / "after.html"
    page.write_text(_html(5))
    return page


@pytest.fixture
def slow_and_crashing(clean_registry: None) -> Iterator[None]:
    """A platform extractor that hangs on pages saying SLOW-PAGE and kills its process on CRASH-PAGE."""

    class Trouble(newsparse.Extractor):
        name = "trouble"

        @classmethod
        def matches(cls, page: Page) -> bool:
            return "SLOW-PAGE" in page.text or "CRASH-PAGE" in page.text

        def headline(self, page: Page) -> Any:
            if "CRASH-PAGE" in page.text:
                os._exit(3)
            time.sleep(60)
            return None

    newsparse.register(Trouble)
    yield


def _with_markers(tmp_path: Path, names: list[str]) -> list[Path]:
    paths = []
    for i, name in enumerate(names):
        p = tmp_path / f"{i:02d}-{name}.html"
        marker = {"slow": "SLOW-PAGE", "crash": "CRASH-PAGE"}.get(name, "")
        p.write_text(_html(i).replace("</article>", f"<p>{marker}</p></article>"))
        paths.append(p)
    return paths


@pytest.mark.skipif(not HAS_FORK, reason="workers inherit the test's extractor only with fork")
@pytest.mark.parametrize("jobs", [1, 2])
def test_timeout_and_crash_become_records_and_the_pool_goes_on(
    tmp_path: Path, slow_and_crashing: None, jobs: int
) -> None:
    paths = _with_markers(tmp_path, ["ok", "slow", "ok", "crash", "ok", "slow", "ok"])
    t0 = time.monotonic()
    records = list(extract_many(paths, jobs=jobs, timeout=0.5, start_method="fork"))
    elapsed = time.monotonic() - t0
    assert [r["input"] for r in records] == [str(p) for p in paths]
    assert [r.get("error") for r in records] == [
        None,
        "ExtractionTimeoutError",
        None,
        "WorkerCrashedError",
        None,
        "ExtractionTimeoutError",
        None,
    ]
    assert "0.5 s" in records[1]["message"]
    assert elapsed < 20  # two 0.5 s budgets, not two 60 s sleeps


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="needs SIGALRM")
def test_in_process_mode_enforces_the_timeout_with_an_alarm(tmp_path: Path, slow_and_crashing: None) -> None:
    paths = _with_markers(tmp_path, ["ok", "slow", "ok"])
    t0 = time.monotonic()
    records = list(extract_many(paths, jobs=0, timeout=0.3))
    assert [r.get("error") for r in records] == [None, "ExtractionTimeoutError", None]
    assert time.monotonic() - t0 < 20


def test_in_flight_pages_are_bounded(tmp_path: Path) -> None:
    page = tree_page(tmp_path)
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        while True:
            pulled += 1
            yield str(page)

    jobs = 2
    records = extract_many(endless(), jobs=jobs)
    for consumed in range(1, 31):
        next(records)
        assert pulled - consumed <= _batch.IN_FLIGHT_PER_JOB * jobs + 1
    records.close()  # type: ignore[attr-defined]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        extract_many(["x"], jobs=-1)
    with pytest.raises(ValueError):
        extract_many(["x"], format="pdf")
    with pytest.raises(ValueError):
        extract_many(["x"], errors="ignore")


# -- the command line ------------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(argv: list[str], err: io.StringIO | None = None) -> tuple[int, str, str]:
    out = io.StringIO()
    err = err if err is not None else io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_single_file_keeps_json_and_text(tree: Path) -> None:
    code, out, _ = _run(["extract", str(tree / "a1.html")])
    assert code == 0
    data = json.loads(out)
    assert data["input"] == str(tree / "a1.html")
    assert data["headline"]["text"] == "Council votes on plan number 1"
    code, out, _ = _run(["extract", str(tree / "a1.html"), "--format", "text", "--jobs", "2"])
    assert code == 0 and out.startswith("Council votes on plan number 1\n")


def test_cli_many_inputs_write_jsonl_to_a_file(tree: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "out.jsonl"
    code, out, err = _run(["extract", str(tree), "-o", str(out_file), "--jobs", "2"])
    assert code == 1 and out == ""  # one page is empty: an error record, exit code 1
    lines = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [r["input"] for r in lines] == _expected_order(tree)
    assert "5 pages, 1 errors" in err and "1 files in folders skipped" in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def test_cli_warc_to_jsonl_reports_skipped_records(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz")
    code, out, err = _run(["extract", str(warc), "--unordered"])
    records = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["url"] for r in records) == sorted(u for u, _, _ in PAGES)
    assert code == 1 and sum("error" in r for r in records) == 1
    assert "5 WARC records skipped as not pages (3 not responses, 1 not HTML, 1 not 2xx)" in err


def test_cli_resume_skips_what_is_done_and_repairs_a_cut_line(tree: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "out.jsonl"
    _run(["extract", str(tree), "-o", str(out_file), "--jobs", "1"])
    full = out_file.read_text().splitlines()
    # a run killed after two records, in the middle of writing the third
    out_file.write_text("\n".join(full[:2]) + "\n" + full[2][:25])
    assert read_done_inputs(out_file, repair=False) == {json.loads(x)["input"] for x in full[:2]}
    code, _, err = _run(["extract", str(tree), "-o", str(out_file), "--resume"])
    assert code == 1  # the empty page is still an error
    again = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [r["input"] for r in again] == _expected_order(tree)
    assert "2 already in the output (resumed)" in err
    # nothing left to do: nothing is appended
    _run(["extract", str(tree), "-o", str(out_file), "--resume"])
    assert len(out_file.read_text().splitlines()) == len(full)


def test_cli_progress_bar_only_on_a_terminal(tree: Path, tmp_path: Path) -> None:
    code, _, err = _run(["extract", str(tree), "-o", str(tmp_path / "o.jsonl")], err=_Tty())
    assert "\r" in err and "pages/s" in err and "errors" in err
    assert err.rstrip().splitlines()[-1].startswith("newsparse: 5 pages, 1 errors")


def test_progress_line_counts() -> None:
    stats = BatchStats()
    for rec in ({"input": "a"}, {"input": "b", "error": "X", "message": "m"}):
        stats.count(rec)
    tty = _Tty()
    bar = Progress(tty, stats, enabled=True)
    bar.update(force=True)
    bar.close()
    assert tty.getvalue().startswith("\r2 pages, ") and "1 errors" in tty.getvalue()
    quiet = io.StringIO()
    Progress(quiet, stats, enabled=False).update(force=True)
    assert quiet.getvalue() == ""


def test_cli_refuses_resume_without_a_jsonl_file(tree: Path) -> None:
    code, _, err = _run(["extract", str(tree), "--resume"])
    assert code == 2 and "--resume" in err


def test_warc_without_warcio_is_an_error_record_naming_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz")
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)  # makes the import fail
    (record,) = list(extract_many([warc], jobs=0))
    assert record["input"] == str(warc) and record["error"] == "ImportError"
    assert "newsparse[warc]" in record["message"]
