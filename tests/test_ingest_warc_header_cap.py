"""A WARC response whose HTTP header block never ends (megabytes of zeros, no line
break): warcio's header parser read it whole into memory (303 MB for a 300 MB record)
and the record then came out with no article, silently. Now the header block is capped
(``IngestOptions.max_header_bytes``): the record is skipped with one line naming the file
and the record, and the archive's other records are still read."""

from __future__ import annotations

import gzip
import re
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure
from tests.builders import html_page, warc_file

runner = CliRunner()
ZEROS_URI = "https://zeros.example/feed"


def _raw_record(uri: str, block: bytes, rec_type: str = "response") -> bytes:
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {rec_type}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
        "WARC-Date: 2026-03-03T10:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def _archive(zeros: int, *, zipped: bool = False) -> bytes:
    """A record of ``zeros`` zero bytes (no line break anywhere) between two real pages;
    zipped, one gzip member per record, as crawlers write them."""
    first = warc_file([("https://ferry.example/a", html_page())], gzip=zipped)
    page = html_page(
        "Quay lights fixed at last",
        "The quay lights of Tessel were repaired on Monday after a month in the dark.\n\n"
        "Night ferries will run to the north quay again from Friday, the board said.",
        canonical="https://tesselcourier.example/news/quay-lights",
    )
    second = warc_file([("https://ferry.example/b", page)], gzip=zipped, extra_non_html=False)
    zero_record = _raw_record(ZEROS_URI, b"\0" * zeros)
    return first + (gzip.compress(zero_record) if zipped else zero_record) + second


@pytest.mark.parametrize("zipped", [False, True])
def test_endless_header_block_is_skipped_and_named(tmp_path: Path, zipped: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if zipped else "crawl.warc")
    path.write_bytes(_archive(50_000, zipped=zipped))
    items = list(read_inputs([str(path)], IngestOptions(max_header_bytes=4096)))
    failures = [item for item in items if isinstance(item, IngestFailure)]
    titles = sorted(item.title for item in items if isinstance(item, Article))
    assert titles == ["Quay lights fixed at last", "Tessel closes its old ferry pier"]
    assert len(failures) == 1
    assert failures[0].source == f"{path}#{ZEROS_URI}"
    assert failures[0].reason == "record 4: HTTP header block over 4,096 bytes; record skipped"


def test_header_block_under_the_cap_is_read_as_before(tmp_path: Path) -> None:
    """A long but ending header block (many cookies) is no failure."""
    cookies = "".join(f"Set-Cookie: c{n}=v{n}\r\n" for n in range(200))
    html = html_page("Ferry timetable changes").encode()
    block = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + cookies + "\r\n"
    ).encode() + html
    path = tmp_path / "crawl.warc"
    path.write_bytes(_raw_record("https://ferry.example/t", block))
    items = list(read_inputs([str(path)], IngestOptions(max_header_bytes=16_384)))
    assert [type(item) for item in items] == [Article]


def test_endless_record_header_line_ends_the_archive_in_one_line(tmp_path: Path) -> None:
    """An archive's own header line past the cap: no next record can be found after it,
    so the archive ends there, the records before it read."""
    first = warc_file([("https://ferry.example/a", html_page())], gzip=False)
    path = tmp_path / "crawl.warc"
    path.write_bytes(first + b"WARC/1.0\r\nWARC-Type: response" + b"x" * 50_000)
    items = list(read_inputs([str(path)], IngestOptions(max_header_bytes=4096)))
    assert isinstance(items[0], Article)
    assert [item.reason for item in items[1:] if isinstance(item, IngestFailure)] == [
        "malformed WARC (record 4: a header line over 4,096 bytes; not read on)"
    ]


def test_endless_header_block_is_not_held_in_memory(tmp_path: Path) -> None:
    """At the default cap (1 MiB) an 8 MB header block never sits in memory whole."""
    path = tmp_path / "crawl.warc"
    path.write_bytes(_archive(8_000_000))
    tracemalloc.start()
    try:
        items = list(read_inputs([str(path)], IngestOptions()))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sum(isinstance(item, Article) for item in items) == 2
    assert peak < 5_000_000


def test_cli_names_the_skipped_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(_archive(2_000_000))
    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "x.db")])
    assert f"{path}#{ZEROS_URI}: record 4: HTTP header block over 1,048,576 bytes" in (
        result.stderr
    )
    assert re.search(r"│ +1 │ +2 │ +0 │ +1 │", result.output), result.output
