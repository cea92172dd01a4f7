"""newsparse.spark on a real local Spark session (``local[2]``): rows equal the serial output.

Needs the ``spark`` extra (pyspark, warcio) and Java 17; skipped when pyspark is missing.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("warcio")
if shutil.which("java") is None:  # pragma: no cover - depends on the machine
    pytest.skip("Spark needs a Java runtime (java not on PATH)", allow_module_level=True)

import newsparse  # noqa: E402
from newsparse import spark as nspark  # noqa: E402
from newsparse._batch import error_record, result_record  # noqa: E402
from newsparse._warc import WarcFormatError, iter_warc  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_warc import PAGES, write_warc  # noqa: E402


@pytest.fixture(scope="module")
def spark_session() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    mp = pytest.MonkeyPatch()
    # executors must run this interpreter (where newsparse is installed), on the loopback only
    mp.setenv("PYSPARK_PYTHON", sys.executable)
    mp.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    mp.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsparse-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", "512m")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        mp.undo()


def _serial_rows(warc: Path) -> list[dict[str, Any]]:
    """What the library gives without Spark: iter_warc, then parse each page."""
    out: list[dict[str, Any]] = []
    try:
        for wp in iter_warc(warc):
            try:
                rec = result_record(newsparse.parse_page(wp.to_page()).to_dict(), wp.input, wp.url)
            except newsparse.NewsparseError as exc:
                rec = error_record(wp.input, wp.url, exc)
            out.append(rec)
    except WarcFormatError as exc:
        out.append(error_record(exc.input, None, exc))
    return out


def test_extract_warcs_matches_the_serial_output(tmp_path: Path, spark_session: Any) -> None:
    first = write_warc(tmp_path / "one.warc.gz")
    second = write_warc(tmp_path / "two.warc", gz=False, pages=PAGES[:2])
    data = second.read_bytes()
    second.write_bytes(data[: data.rfind(PAGES[1][2][:20]) + 40])  # truncated inside its second page

    df = nspark.extract_warcs(spark_session, [str(first), str(second)], timeout=30)
    assert df.rdd.getNumPartitions() == 2  # one WARC per partition
    assert [f.name for f in df.schema.fields] == [name for name, _, _ in nspark.COLUMNS]
    rows = [r.asDict() for r in df.collect()]

    serial = _serial_rows(first) + _serial_rows(second)
    assert [r["input"] for r in rows] == [s["input"] for s in serial]
    assert len(rows) == len(PAGES) + 2  # four pages, one good page of the cut file, its error
    for row, rec in zip(rows, serial):
        if "error" in rec:
            assert (row["error"], row["message"]) == (rec["error"], rec["message"])
            assert row["article"] is None and row["headline"] is None
            continue
        assert row["error"] is None and row["message"] is None
        assert json.loads(row["article"]) == rec
        assert row["url"] == rec["url"]
        assert row["headline"] == (rec["headline"] or {}).get("text")
        assert row["published"] == rec["published"]
        assert row["text"] == (None if rec["body"] is None else "\n".join(b["text"] for b in rec["body"]["blocks"]))
        names = None if rec["bylines"] is None else [b["name"] for b in rec["bylines"]]
        assert row["authors"] == names
    by_url = {r["url"]: r for r in rows}
    assert by_url["https://ru.example/2024/05/moscow"]["headline"].startswith("\u041c\u043e\u0441\u043a\u0432\u0430")
    assert by_url["https://news.example/2024/05/broken"]["error"] == "NotAPageError"
    assert rows[-1]["error"] == "WarcFormatError" and rows[-1]["warc_path"] == str(second)
    assert all(r["warc_date"] for r in rows[:-1])


def test_importing_newsparse_spark_does_not_start_spark() -> None:
    # the module is importable and describes its schema without a session
    assert nspark.COLUMNS[0][0] == "input"
    assert len(nspark.schema().fields) == len(nspark.COLUMNS)
