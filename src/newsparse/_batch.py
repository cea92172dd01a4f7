"""Batch extraction: many inputs (files, folders, globs, stdin, WARC / ARC files) to plain records.

:func:`extract_many` is the engine of ``newsparse extract`` and the library's batch API. It streams:
inputs are expanded lazily, at most ``4 x jobs`` pages are in flight (sent to a worker, or done and
waiting for an earlier page when the output is ordered), and nothing else is kept, so memory stays
flat over any number of pages. Each page runs in a worker process with a deadline; a page that
overruns it becomes an ``ExtractionTimeoutError`` record and its worker is killed and replaced.

Records are plain JSON types: a result is ``{"input", **article.to_dict()}`` (``"url"`` set to the
page URL), an error is ``{"input", "url", "error": exception class name, "message"}``. ``input`` is
the path, ``warc_path#record_id`` for a WARC record, or ``<stdin>``. No lxml object ever crosses a
process boundary: workers send back ``to_dict()`` output.
"""

from __future__ import annotations

import glob
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from types import FrameType
from typing import IO, Any, TextIO, Union

import attrs

from . import _decode
from ._errors import ExtractionTimeoutError, InputNotFoundError, NewsparseError, WorkerCrashedError
from ._pipeline import ParseOptions, parse_page
from ._warc import WarcFormatError, WarcPage, WarcStats, is_warc_path, iter_warc

__all__ = [
    "extract_many",
    "BatchStats",
    "WorkerCrashedError",
    "DEFAULT_TIMEOUT",
    "result_record",
    "error_record",
    "extract_one",
    "read_done_inputs",
    "Progress",
]

#: Seconds one page may take by default: the corpus pages take 0.01-0.1 s each, so 5 s only
#: stops pathological pages, even on a loaded machine.
DEFAULT_TIMEOUT = 5.0

#: Pages in flight per worker (running, or done and waiting for an earlier page): enough to keep
#: every worker busy while one slow page holds back ordered output, small enough to bound memory.
IN_FLIGHT_PER_JOB = 4

#: A worker process is replaced after this many pages, so that whatever a parser leaks or
#: fragments in a long run (lxml, caches of plugins) is given back to the system.
PAGES_PER_WORKER = 1000

#: Seconds a retiring worker gets to exit by itself before it is killed.
_JOIN_GRACE = 2.0

#: File names taken from a folder (each also with ``.gz``); other files there are skipped and counted.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt")

#: The ``input`` name of a page read from standard input.
STDIN_NAME = "<stdin>"

_GLOB_CHARS = frozenset("*?[")

Record = dict[str, Any]
Source = Union[str, "os.PathLike[str]", WarcPage]


@attrs.define
class BatchStats:
    """What one :func:`extract_many` run did (mutable; pass one in and read it as records arrive)."""

    #: records produced: articles plus error records
    pages: int = 0
    errors: int = 0
    timeouts: int = 0
    #: inputs not extracted because ``skip`` (``--resume``) named them
    resumed: int = 0
    #: files inside given folders whose names are not pages (see ``PAGE_SUFFIXES``)
    skipped_files: int = 0
    warc: WarcStats = attrs.Factory(WarcStats)
    started: float = attrs.Factory(time.monotonic)

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started

    def count(self, record: Record) -> None:
        """Count one output record."""
        self.pages += 1
        if "error" in record:
            self.errors += 1
            if record["error"] == ExtractionTimeoutError.__name__:
                self.timeouts += 1

    def summary(self) -> str:
        """One line for humans: pages, errors, rate, what was skipped and why."""
        secs = self.elapsed
        rate = self.pages / secs if secs > 0 else 0.0
        parts = [f"{self.pages} pages", f"{self.errors} errors"]
        if self.timeouts:
            parts.append(f"{self.timeouts} timeouts")
        parts.append(f"{secs:.1f} s ({rate:.1f} pages/s)")
        if self.resumed:
            parts.append(f"{self.resumed} already in the output (resumed)")
        if self.warc.skipped:
            parts.append(
                f"{self.warc.skipped} WARC records skipped as not pages "
                f"({self.warc.not_response} not responses, {self.warc.not_html} not HTML, "
                f"{self.warc.not_ok} not 2xx)"
            )
        if self.skipped_files:
            parts.append(f"{self.skipped_files} files in folders skipped (not page names)")
        return ", ".join(parts)


# -- records ---------------------------------------------------------------------------------------


def result_record(article_dict: Record, input: str, url: str | None) -> Record:
    """A result record: ``input`` first, then the article's ``to_dict()``, ``url`` the page URL."""
    rec: Record = {"input": input}
    rec.update(article_dict)
    if url is not None:
        rec["url"] = url
    return rec


def error_record(input: str, url: str | None, exc: BaseException) -> Record:
    """An error record naming the input and the reason."""
    return {"input": input, "url": url, "error": type(exc).__name__, "message": str(exc) or type(exc).__name__}


# -- tasks -----------------------------------------------------------------------------------------


@attrs.frozen
class _Task:
    """One page to extract: plain data, cheap to pickle."""

    input: str
    url: str | None
    path: str | None = None
    data: bytes | None = None
    charset: str | None = None
    warc: bool = False


@attrs.frozen
class _Options:
    format: str | None = None
    plugins: bool = True
    errors: str = "log"


class _Deadline(BaseException):
    """Raised by the alarm in the in-process mode; a BaseException so no ``except Exception`` in an
    extractor (or the per-field error isolation of the pipeline) can swallow it."""


def _run(task: _Task, options: _Options) -> Record:
    """Extract one page; every failure becomes an error record."""
    from ._page import load_page
    from ._warc import decode_payload

    try:
        opts = ParseOptions(plugins=options.plugins, errors=options.errors)
        if task.warc:
            assert task.data is not None
            text, warnings = decode_payload(task.data, task.charset, task.input)
            text = _decode.check_text(text, task.input)
            kind = options.format or _decode.detect_format(text)
            from ._page import Page

            page = Page(text, kind=kind, url=task.url, name=task.input, warnings=warnings)
        elif task.data is not None:
            page = load_page(task.data, url=task.url, format=options.format)
            page.name = task.input
        else:
            assert task.path is not None
            page = load_page(os.fspath(task.path), url=task.url, format=options.format)
        article = parse_page(page, opts)
        return result_record(article.to_dict(), task.input, task.url)
    except _Deadline:
        raise
    except Exception as exc:  # noqa: BLE001 - every failure is reported as a record, never lost
        return error_record(task.input, task.url, exc)


def _timeout_record(task: _Task, timeout: float) -> Record:
    return error_record(
        task.input, task.url, ExtractionTimeoutError(f"{task.input}: extraction took longer than {timeout:g} s")
    )


def extract_one(task: _Task, options: _Options, timeout: float | None) -> Record:
    """Extract one page in this process, with the time budget enforced by ``SIGALRM`` when possible.

    The alarm needs POSIX and the main thread; elsewhere the page runs without a deadline. A
    signal interrupts Python code, not a long call inside a C library, so a worker process
    (which can be killed) is the robust choice; this is for ``jobs=0`` and Spark executors.
    """
    if not timeout or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return _run(task, options)

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise _Deadline()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            return _run(task, options)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Deadline:
        return _timeout_record(task, timeout)
    finally:
        signal.signal(signal.SIGALRM, previous)


# -- inputs ----------------------------------------------------------------------------------------


def _is_page_name(name: str) -> bool:
    low = name.lower()
    if low.endswith(".gz"):
        low = low[:-3]
    return low.endswith(PAGE_SUFFIXES) or is_warc_path(name)


def _walk(folder: str, stats: BatchStats) -> Iterator[str]:
    """Page and WARC files under ``folder``, recursively, in sorted order; hidden entries ignored."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if _is_page_name(name):
                yield os.path.join(root, name)
            else:
                stats.skipped_files += 1


def _file_items(path: str, url: str | None, stats: BatchStats) -> Iterator[_Task | Record]:
    if not is_warc_path(path):
        yield _Task(input=path, url=url, path=path)
        return
    try:
        for wp in iter_warc(path, stats=stats.warc):
            yield _warc_task(wp)
    except WarcFormatError as exc:
        yield error_record(exc.input, None, exc)
    except (NewsparseError, OSError, ImportError) as exc:  # ImportError: warcio is not installed
        yield error_record(path, None, exc)


def _warc_task(wp: WarcPage) -> _Task:
    return _Task(input=wp.input, url=wp.url, data=wp.payload, charset=wp.charset, warc=True)


def _read_stdin(stdin: IO[bytes] | None) -> bytes:
    stream = stdin if stdin is not None else sys.stdin.buffer
    return stream.read(_decode.MAX_INPUT_BYTES + 1)


def _expand(
    inputs: Iterable[Source], url: str | None, stats: BatchStats, stdin: IO[bytes] | None
) -> Iterator[_Task | Record]:
    """Tasks (or ready error records) for every page of ``inputs``, lazily, in input order."""
    for item in inputs:
        if isinstance(item, WarcPage):
            yield _warc_task(item)
            continue
        spec = os.fspath(item)
        if spec == "-":
            try:
                yield _Task(input=STDIN_NAME, url=url, data=_read_stdin(stdin))
            except OSError as exc:
                yield error_record(STDIN_NAME, url, exc)
        elif os.path.isdir(spec):
            for path in _walk(spec, stats):
                yield from _file_items(path, None, stats)
        elif os.path.exists(spec) or "://" in spec or not (_GLOB_CHARS & set(spec)):
            # a missing plain path still goes to a worker, which reports InputNotFoundError
            yield from _file_items(spec, url, stats)
        else:
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield error_record(spec, None, InputNotFoundError(f"no file matches {spec!r}"))
            for match in matches:
                if os.path.isdir(match):
                    for path in _walk(match, stats):
                        yield from _file_items(path, None, stats)
                else:
                    yield from _file_items(match, None, stats)


# -- the worker pool -------------------------------------------------------------------------------


def _worker_main(conn: Connection, options: _Options) -> None:
    """A worker process: receive ``(seq, task)``, send back ``(seq, record)``; ``None`` ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business: it kills us
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, task = msg
        conn.send((seq, _run(task, options)))


class _Worker:
    def __init__(self, ctx: Any, options: _Options) -> None:
        parent, child = ctx.Pipe(duplex=True)
        self.conn: Connection = parent
        self.proc = ctx.Process(target=_worker_main, args=(child, options), daemon=True, name="newsparse-worker")
        self.proc.start()
        child.close()
        self.task: tuple[int, _Task] | None = None
        self.deadline = float("inf")
        self.done = 0

    def send(self, seq: int, task: _Task, timeout: float | None) -> None:
        self.task = (seq, task)
        self.deadline = time.monotonic() + timeout if timeout else float("inf")
        self.conn.send((seq, task))

    def retire(self) -> None:
        """Ask an idle worker to exit; kill it if it does not."""
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(_JOIN_GRACE)
        self.kill()

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _context(start_method: str | None) -> Any:
    """``fork`` on Linux when this process has no other thread (fast, and extractors registered
    in this process are inherited); otherwise the platform's default (spawn / forkserver)."""
    if start_method is None:
        if sys.platform.startswith("linux") and threading.active_count() == 1:
            start_method = "fork"
    return multiprocessing.get_context(start_method)


def _pool(
    items: Iterator[_Task | Record],
    *,
    jobs: int,
    timeout: float | None,
    ordered: bool,
    options: _Options,
    start_method: str | None,
) -> Iterator[Record]:
    ctx = _context(start_method)
    window = max(1, IN_FLIGHT_PER_JOB * jobs)
    workers: list[_Worker] = []
    done: dict[int, Record] = {}
    assigned = 0  # pages given a sequence number
    emitted = 0  # records yielded
    exhausted = False
    try:
        while True:
            # hand pages to idle workers while the in-flight window has room
            while not exhausted and assigned - emitted < window:
                idle = next((w for w in workers if w.task is None), None)
                if idle is None and len(workers) < jobs:
                    idle = _Worker(ctx, options)
                    workers.append(idle)
                if idle is None:
                    break
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                if isinstance(item, dict):
                    done[assigned] = item
                else:
                    idle.send(assigned, item, timeout)
                assigned += 1
            # hand out what is ready
            if ordered:
                while emitted in done:
                    yield done.pop(emitted)
                    emitted += 1
            else:
                for seq in sorted(done):
                    yield done.pop(seq)
                    emitted += 1
            busy = [w for w in workers if w.task is not None]
            if not busy:
                if exhausted and not done:
                    return
                continue
            now = time.monotonic()
            wait_for = max(0.0, min(w.deadline for w in busy) - now)
            ready = wait([w.conn for w in busy], timeout=None if wait_for == float("inf") else wait_for)
            for w in busy:
                assert w.task is not None
                seq, task = w.task
                if w.conn in ready:
                    try:
                        rseq, record = w.conn.recv()
                    except (EOFError, OSError):
                        code = w.proc.exitcode
                        done[seq] = error_record(
                            task.input, task.url, WorkerCrashedError(f"{task.input}: worker died (exit code {code})")
                        )
                        w.kill()
                        workers.remove(w)
                        continue
                    done[rseq] = record
                    w.task = None
                    w.done += 1
                    if w.done >= PAGES_PER_WORKER:
                        w.retire()
                        workers.remove(w)
                elif time.monotonic() >= w.deadline:
                    done[seq] = _timeout_record(task, timeout or 0.0)
                    w.kill()
                    workers.remove(w)
    finally:
        for w in workers:
            if w.task is None:
                w.retire()
            else:
                w.kill()


def _serial(items: Iterator[_Task | Record], timeout: float | None, options: _Options) -> Iterator[Record]:
    for item in items:
        yield item if isinstance(item, dict) else extract_one(item, options, timeout)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def extract_many(
    inputs: Iterable[Source],
    *,
    jobs: int | None = None,
    ordered: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    url: str | None = None,
    format: str | None = None,
    plugins: bool = True,
    errors: str = "log",
    skip: Collection[str] = (),
    stats: BatchStats | None = None,
    stdin: IO[bytes] | None = None,
    start_method: str | None = None,
) -> Iterator[Record]:
    """Extract every page of ``inputs``, yielding one plain-typed record per page.

    ``inputs`` holds paths of pages (``.gz`` too), folders (walked recursively for page and WARC
    files), glob patterns, ``"-"`` (one page on standard input), WARC / ARC files (every HTML
    response record is a page; needs the ``warc`` extra) and :class:`~newsparse.WarcPage` objects.
    Records are results ``{"input", **Article.to_dict()}`` or errors ``{"input", "url", "error",
    "message"}``; nothing is skipped silently except the inputs named in ``skip`` (their ``input``
    keys, e.g. from an earlier output: see :func:`read_done_inputs`).

    ``jobs`` worker processes (default: all cores) extract the pages; ``jobs=0`` runs them in
    this process. Records come in input order unless ``ordered=False`` (then as they finish).
    ``timeout`` is each page's time budget in seconds (``None`` or ``0``: none); an overrun yields
    an ``ExtractionTimeoutError`` record and the worker is replaced. ``url`` is the page URL of
    file and stdin inputs (meant for a single page); ``format``, ``plugins`` and ``errors`` are
    as in :func:`newsparse.parse`. ``stats`` (a :class:`BatchStats`) is updated as records come.
    """
    if isinstance(inputs, (str, os.PathLike, WarcPage)):
        inputs = [inputs]  # one input, not an iterable of characters
    if jobs is None:
        jobs = default_jobs()
    if jobs < 0:
        raise ValueError(f"jobs must be >= 0, not {jobs}")
    if timeout is not None and timeout < 0:
        raise ValueError(f"timeout must be >= 0 or None, not {timeout}")
    if format not in (None, "html", "text"):
        raise ValueError(f"format must be 'html', 'text' or None, not {format!r}")
    ParseOptions(errors=errors)  # validates ``errors`` now rather than in every worker
    options = _Options(format=format, plugins=plugins, errors=errors)
    run_stats = stats if stats is not None else BatchStats()
    return _extract(inputs, jobs, ordered, timeout or None, url, options, skip, run_stats, stdin, start_method)


def _extract(
    inputs: Iterable[Source],
    jobs: int,
    ordered: bool,
    timeout: float | None,
    url: str | None,
    options: _Options,
    skip: Collection[str],
    stats: BatchStats,
    stdin: IO[bytes] | None,
    start_method: str | None,
) -> Iterator[Record]:
    def not_done(items: Iterator[_Task | Record]) -> Iterator[_Task | Record]:
        for item in items:
            key = item["input"] if isinstance(item, dict) else item.input
            if key in skip:
                stats.resumed += 1
            else:
                yield item

    items = _expand(inputs, url, stats, stdin)
    if skip:
        items = not_done(items)
    records = (
        _serial(items, timeout, options)
        if jobs == 0
        else _pool(items, jobs=jobs, timeout=timeout, ordered=ordered, options=options, start_method=start_method)
    )
    for record in records:
        stats.count(record)
        yield record


# -- helpers for the command line ------------------------------------------------------------------


def read_done_inputs(path: str | os.PathLike[str], *, repair: bool = True) -> set[str]:
    """The ``input`` keys of a JSONL output file, for ``--resume``.

    A last line cut short by a killed run is not a record: with ``repair`` it is removed from
    the file, so that appending continues on a clean line (its page is extracted again).
    """
    done: set[str] = set()
    good_end = 0
    with open(path, "rb") as fh:
        offset = 0
        for line in fh:
            offset += len(line)
            if not line.endswith(b"\n"):
                break
            good_end = offset
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict) and isinstance(rec.get("input"), str):
                done.add(rec["input"])
    if repair and good_end < os.path.getsize(path):
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
    return done


class Progress:
    """A one-line progress report (pages, pages/s, errors) redrawn with a carriage return.

    Silent unless ``enabled`` (the CLI enables it when stderr is a terminal).
    """

    #: Seconds between redraws: often enough to look alive, rarely enough to cost nothing.
    INTERVAL = 0.25

    def __init__(self, stream: TextIO, stats: BatchStats, *, enabled: bool, clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.stats = stats
        self.enabled = enabled
        self.clock = clock
        self._last = 0.0
        self._drawn = False

    def line(self) -> str:
        secs = self.stats.elapsed
        rate = self.stats.pages / secs if secs > 0 else 0.0
        return f"{self.stats.pages} pages, {rate:.1f} pages/s, {self.stats.errors} errors"

    def update(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if force or now - self._last >= self.INTERVAL:
            self._last = now
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()
            self._drawn = True

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.update(force=True)
            self.stream.write("\n")
            self.stream.flush()
