"""newsparse on Apache Spark: WARC files in, a DataFrame of articles out.

Install with ``pip install "newsparse[spark]"`` (pyspark and warcio) on the driver and on every
executor. ``pyspark`` is imported only when a function here is called, so ``import newsparse``
never needs it.

>>> from newsparse.spark import extract_warcs                      # doctest: +SKIP
>>> df = extract_warcs(spark, ["s3a://bucket/CC-NEWS-2024.warc.gz"])  # doctest: +SKIP

Each WARC file is one partition, read as a stream by the executor that owns it (local paths,
``file://``, ``http(s)://``, and with ``fsspec`` installed ``s3://``, ``gs://``, ``hdfs://``, ...).
Every HTML response record becomes one row; a page that fails (bad bytes, over its time budget,
a truncated record) becomes a row with ``error`` and ``message`` set and the article columns null.
Non-page records (requests, metadata, images, redirects) give no row. The columns are
:data:`COLUMNS`; ``article`` holds the full result record as JSON, exactly the line that
``newsparse extract`` writes for that page.

Run it on a cluster with ``spark-submit`` (see ``docs/scale.md``)::

    spark-submit --master yarn newsparse/spark.py warc.paths s3a://bucket/articles/
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

# absolute imports: spark-submit may run this file as a script
from newsparse._batch import DEFAULT_TIMEOUT, _Options, _Task, error_record, extract_one
from newsparse._warc import WarcFormatError, iter_warc

__all__ = ["COLUMNS", "schema", "extract_warcs", "rows_of_warc", "main"]

#: The DataFrame's columns: (name, Spark SQL type, meaning). All nullable.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("input", "string", "warc_path#record_id (the WARC path alone for an error of the whole file)"),
    ("warc_path", "string", "the WARC path or URI as given"),
    ("record_id", "string", "WARC-Record-ID without <> (arc-record-N for ARC files)"),
    ("url", "string", "WARC-Target-URI of the record"),
    ("warc_date", "string", "WARC-Date of the record (capture time)"),
    ("headline", "string", "headline text"),
    ("subheadline", "string", "dek / standfirst"),
    ("dateline", "string", "dateline text, e.g. 'LONDON (Reuters) -'"),
    ("authors", "array<string>", "byline names in page order (null: unknown)"),
    ("published", "string", "ISO 8601, timezone offset kept (Spark timestamps would drop it)"),
    ("modified", "string", "ISO 8601"),
    ("language", "string", "BCP 47 language code"),
    ("text", "string", "body text, one block per line"),
    ("n_comments", "int", "number of reader comments (null: unknown)"),
    ("article", "string", "the full result record as JSON (Article.to_dict() plus input)"),
    ("error", "string", "exception class name when the page failed, else null"),
    ("message", "string", "why the page failed, else null"),
)


def schema() -> Any:
    """The :class:`pyspark.sql.types.StructType` of :func:`extract_warcs` (imports pyspark)."""
    from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

    types = {"string": StringType(), "int": IntegerType(), "array<string>": ArrayType(StringType(), True)}
    return StructType([StructField(name, types[kind], True) for name, kind, _ in COLUMNS])


def _row(record: dict[str, Any], warc_path: str, record_id: str | None, warc_date: str | None) -> tuple[Any, ...]:
    """A record of the batch engine as a tuple in :data:`COLUMNS` order."""
    if "error" in record:
        return (
            record["input"], warc_path, record_id, record.get("url"), warc_date,
            None, None, None, None, None, None, None, None, None, None,
            record["error"], record["message"],
        )  # fmt: skip
    headline = record.get("headline") or {}
    dateline = record.get("dateline") or {}
    bylines = record.get("bylines")
    body = record.get("body")
    comments = record.get("comments")
    return (
        record["input"],
        warc_path,
        record_id,
        record.get("url"),
        warc_date,
        headline.get("text"),
        headline.get("subheadline"),
        dateline.get("text"),
        None if bylines is None else [b["name"] for b in bylines],
        record.get("published"),
        record.get("modified"),
        record.get("language"),
        None if body is None else "\n".join(b["text"] for b in body["blocks"]),
        None if comments is None else len(comments),
        json.dumps(record, ensure_ascii=False),
        None,
        None,
    )


def rows_of_warc(
    warc_path: str,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    plugins: bool = True,
    format: str | None = None,
) -> Iterator[tuple[Any, ...]]:
    """The rows of one WARC file, serially in this process (what each Spark task runs).

    The time budget is enforced with ``SIGALRM`` (the executor's Python worker runs tasks in its
    main thread); a page over it becomes an ``ExtractionTimeoutError`` row.
    """
    options = _Options(format=format, plugins=plugins)
    try:
        for wp in iter_warc(warc_path):
            task = _Task(input=wp.input, url=wp.url, data=wp.payload, charset=wp.charset, warc=True)
            record = extract_one(task, options, timeout)
            yield _row(record, warc_path, wp.record_id, wp.date)
    except Exception as exc:  # noqa: BLE001 - a damaged or unreachable WARC is a row, not a failed job
        failed = exc.input if isinstance(exc, WarcFormatError) else warc_path
        record_id = failed.split("#", 1)[1] if "#" in failed else None
        yield _row(error_record(failed, None, exc), warc_path, record_id, None)


def _partition(
    paths: Iterable[str], *, timeout: float | None, plugins: bool, format: str | None
) -> Iterator[tuple[Any, ...]]:
    for path in paths:
        yield from rows_of_warc(path, timeout=timeout, plugins=plugins, format=format)


def extract_warcs(
    spark: Any,
    paths: Iterable[str],
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    plugins: bool = True,
    format: str | None = None,
) -> Any:
    """A Spark DataFrame of the articles in the WARC files ``paths`` (local paths or URIs).

    One WARC per partition; one row per HTML response record, with the columns of :data:`COLUMNS`
    (:func:`schema`). Failures are rows with ``error``/``message`` set, never lost and never fatal
    to the job. ``timeout`` is each page's time budget in seconds (``None``: none); ``plugins`` and
    ``format`` are as in :func:`newsparse.parse`. The DataFrame is lazy: nothing runs until an action.
    """
    path_list = [str(p) for p in paths]
    sc = spark.sparkContext
    rdd = sc.parallelize(path_list, numSlices=max(1, len(path_list)))
    work = functools.partial(_partition, timeout=timeout, plugins=plugins, format=format)
    return spark.createDataFrame(rdd.mapPartitions(work), schema())


def _read_paths(listing: str, prefix: str) -> list[str]:
    """WARC paths from a listing file (one per line, ``.gz`` allowed: Common Crawl's ``warc.paths.gz``)."""
    import gzip

    opener: Any = gzip.open if listing.endswith(".gz") else open
    with opener(listing, "rt", encoding="utf-8") as fh:
        return [prefix + line.strip() for line in fh if line.strip() and not line.startswith("#")]


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit newsparse/spark.py LISTING OUTPUT``: WARCs named in LISTING to Parquet (or JSON)."""
    parser = argparse.ArgumentParser(
        prog="newsparse.spark", description="Extract the articles of WARC files on Spark and write them out."
    )
    parser.add_argument("listing", help="a file naming one WARC path or URI per line (.gz allowed)")
    parser.add_argument("output", help="output folder or URI (e.g. s3a://bucket/articles/)")
    parser.add_argument("--prefix", default="", help="prepended to each listed path (e.g. https://data.commoncrawl.org/)")
    parser.add_argument("--format", choices=("parquet", "json"), default="parquet", help="output format")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="time budget of one page, seconds")
    parser.add_argument("--no-plugins", action="store_true", help="use the generic extractor only")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("newsparse").getOrCreate()
    try:
        df = extract_warcs(
            spark, _read_paths(args.listing, args.prefix), timeout=args.timeout or None, plugins=not args.no_plugins
        )
        df.write.mode("overwrite").format(args.format).save(args.output)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":  # pragma: no cover - run by spark-submit
    # call the installed module's main, so that executors unpickle newsparse.spark functions by name
    from newsparse.spark import main as _installed_main

    sys.exit(_installed_main())
