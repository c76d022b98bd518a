"""A WARC record whose Content-Length is wrong (not followed by a blank line) is told in
one warning line naming the archive, and the records around it are read: warcio wrote
three lines of its own to stderr for each such record ("WARNING: Record not followed by
newline", "Offset: ...", "Remainder: ...") amid the run's output. Invented pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest import read_inputs
from newsprism.model import Article, IngestFailure, IngestWarning
from tests.builders import html_page, warc_file
from tests.conftest import BODY


def _short_record() -> bytes:
    # Content-Length says 2 bytes; 6 follow before the blank line.
    return b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nxxxxxx\r\n\r\n"


def test_a_misaligned_record_is_one_warning_and_the_page_after_it_is_read(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    page = warc_file([("https://x.example/pier", html_page("Pier closes", BODY))], gzip=False)
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(_short_record() + page)
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(archive)], on_warning=warnings.append))
    assert [type(i) for i in items] == [Article]
    assert len(warnings) == 1
    assert warnings[0].source == str(archive)
    assert "not followed by a blank line" in warnings[0].message
    assert "\n" not in warnings[0].message
    assert capfd.readouterr().err == ""


def test_an_archive_of_only_a_misaligned_record_fails_in_one_line(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "odd.warc"
    archive.write_bytes(_short_record())
    warnings: list[IngestWarning] = []
    (failure,) = list(read_inputs([str(archive)], on_warning=warnings.append))
    assert isinstance(failure, IngestFailure) and failure.source == str(archive)
    assert len(warnings) == 1
    assert capfd.readouterr().err == ""
