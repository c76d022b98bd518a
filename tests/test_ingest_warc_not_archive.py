"""A file named .warc (or .warc.gz) that is no archive at all: warcio read each of its
lines as a record of nothing, wrote three "WARNING: Record not followed by newline" lines
to stderr per line, and the file failed "no article in it". Now one line saying it is no
WARC or ARC archive."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()
NOTES = b"Notes from the council meeting on the harbour budget\nsecond line of notes\n" * 5


@pytest.mark.parametrize("name", ["notes.warc", "notes.warc.gz"])
def test_a_text_file_named_warc_is_one_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(NOTES) if name.endswith(".gz") else NOTES)
    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1, result.output
    assert f"failed: {path}: not a WARC or ARC archive (it begins 'Notes from" in result.stderr
    assert "WARNING" not in result.output and "no article in it" not in result.stderr
