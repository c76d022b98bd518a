"""``--out`` that cannot be written: refused before any work (a folder, a folder that does
not exist), or one error line when the write itself fails; never a traceback after a
whole analysis."""

from __future__ import annotations

import errno
import io
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsprism import cli_base, cli_briefs, cli_watch
from newsprism.cli import app
from newsprism.ingest.watch import FeedResult
from newsprism.render.report import OutputFormat, ReportView
from newsprism.store import Store
from tests.conftest import BODY

runner = CliRunner()


def test_an_out_path_that_is_a_folder_or_has_no_folder_is_refused_first(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(BODY, encoding="utf-8")
    db = tmp_path / "news.db"
    for out in (tmp_path, tmp_path / "missing" / "brief.json"):
        args = ["analyze", str(article), "--db", str(db), "--format", "json", "--out", str(out)]
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert "Invalid value for '--out'" in _unboxed(result.stderr)
    with Store(db) as store:
        assert store.count_articles() == 0  # refused before reading anything
    result = runner.invoke(app, ["export", "--all", "--db", str(db), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in _unboxed(result.stderr)


def _unboxed(text: str) -> str:
    """A usage error's words with Rich's panel borders and line wraps taken out (the
    panel wraps at the terminal's width, so a long temporary path can push a message
    over a line end)."""
    return " ".join(text.replace("\u2502", " ").split())


def test_a_report_or_table_that_cannot_be_written_is_one_error_line(
    tmp_path: Path, monkeypatch: Any
) -> None:
    def full_disk(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    out = tmp_path / "brief.md"
    monkeypatch.setattr(cli_base, "write_report", full_disk)
    view = ReportView([], {}, [], {})
    with pytest.raises(typer.Exit) as ended:
        cli_base.print_report(OutputFormat.md, out, view)
    assert ended.value.exit_code == 1
    monkeypatch.setattr("newsprism.export.export_stories", full_disk)
    Store(tmp_path / "n.db").close()  # read commands refuse a store that is not there
    args = ["export", "--all", "--db", str(tmp_path / "n.db"), "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {out}: cannot write (No space left on device)"


def test_a_summary_is_decoded_as_input_files_are(tmp_path: Path, monkeypatch: Any) -> None:
    # Standard input was read as text: bytes that are not UTF-8 became surrogates and
    # the run ended in spaCy with UnicodeEncodeError; a UTF-16 or Latin-1 file failed.
    monkeypatch.setattr("sys.stdin", SimpleNamespace(buffer=io.BytesIO(b"Caf\xe9 reopened.")))
    assert cli_briefs._summary_text("-") == "Caf\u00e9 reopened."
    utf16 = tmp_path / "summary.txt"
    utf16.write_bytes("The pier reopened.".encode("utf-16"))
    assert cli_briefs._summary_text(str(utf16)) == "The pier reopened."
    monkeypatch.setattr("sys.stdin", SimpleNamespace(buffer=io.BytesIO(bytes(range(256)) * 4)))
    with pytest.raises(typer.Exit) as ended:
        cli_briefs._summary_text("-")
    assert ended.value.exit_code == 1


def test_a_summary_keeps_its_lines_whatever_their_endings(tmp_path: Path) -> None:
    # Text mode turned CR and CRLF into newlines; the byte decoding of 7652e10 kept a
    # bare CR, so an old Mac file's lines ran together into one.
    for ending in (b"\r", b"\r\n"):
        path = tmp_path / "summary.txt"
        path.write_bytes(ending.join([b"The pier reopened", b"Fares rose by 4%"]))
        lines = cli_briefs._summary_text(str(path)).split("\n")
        assert lines == ["The pier reopened", "Fares rose by 4%"]


def test_the_readers_own_warnings_are_quiet_unless_verbose(tmp_path: Path) -> None:
    # "WARNING trafilatura.core: discarding data: None" named no file; the run's own
    # failure line does. --verbose keeps them.
    loggers = [logging.getLogger(name) for name in ("trafilatura", "htmldate", "warcio")]
    levels = [logger.level for logger in loggers]
    try:
        runner.invoke(app, ["stories", "--db", str(tmp_path / "n.db")])
        assert all(logger.level == logging.ERROR for logger in loggers)
        for logger in loggers:
            logger.setLevel(logging.NOTSET)
        runner.invoke(app, ["--verbose", "stories", "--db", str(tmp_path / "n.db")])
        assert all(logger.level == logging.NOTSET for logger in loggers)
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def test_a_failed_feed_is_one_line_however_long_its_reason(capsys: Any) -> None:
    reason = "malformed feed XML (<unknown>:2:2: not well-formed (invalid token)), " * 3
    feed = FeedResult("/feeds/coast-radio.xml", "failed", error=reason)
    failed = cli_watch._print_round([feed], [])
    assert failed
    first, count = capsys.readouterr().err.splitlines()
    assert first == f"failed: /feeds/coast-radio.xml: {reason}"
    assert count.endswith(" watch: 1 failed (1 feed)")
