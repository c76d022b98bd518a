"""A summary that cannot be read is one line in one shape, the file then the reason, as
for a missing file: a binary or PDF one was "cannot read the summary: FILE: REASON"."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(256)) * 8, "binary content, not text"),
        (b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n", "a PDF document, not text"),
        (None, "No such file or directory"),
    ],
)
def test_an_unreadable_summary_is_one_line_naming_it(
    tmp_path: Path, data: bytes | None, reason: str
) -> None:
    db = tmp_path / "s.db"
    assert (
        runner.invoke(
            app, ["ingest", "-", "--db", str(db)], input="Pier\n\nThe pier shut."
        ).exit_code
        == 0
    )
    summary = tmp_path / "summary.txt"
    if data is not None:
        summary.write_bytes(data)
    result = runner.invoke(app, ["verify", "s0000000", str(summary), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {summary}: cannot read the summary ({reason})\n"


def test_a_summary_too_long_to_verify_is_one_line(tmp_path: Path) -> None:
    """A 5 MB summary ran for minutes and took a gigabyte, with no answer."""
    summary = tmp_path / "summary.txt"
    summary.write_text("The pier shut on Tuesday. " * 2000, encoding="utf-8")
    result = runner.invoke(
        app, ["verify", "s0000000", str(summary), "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {summary}: the summary is 52,000 characters, over the 50,000 verified "
        "at once (verify it in parts)\n"
    )
