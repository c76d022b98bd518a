"""An error nobody raised on purpose (a bug, or a store damaged where no reader checks)
ends the command with one line on stderr and status 1, not a 40-line traceback; the
traceback comes with ``--verbose``, for a bug report."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import pytest

from newsprism import cli
from newsprism.model import Story
from newsprism.store import ClusteringUpdate, Store


def _exit_code(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> int | str | None:
    monkeypatch.setattr(sys, "argv", ["newsprism", *args])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    return ended.value.code


def _raises(exc: Exception) -> None:
    raise exc


def test_an_unexpected_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "app", lambda: _raises(ValueError("bad\nthing \x1b[2J")))
    assert _exit_code(monkeypatch, ["stories"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0]
    assert lines[0].startswith("error: unexpected ValueError (bad thing \\x1b[2J)")
    assert "--verbose" in lines[0]


def test_verbose_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    monkeypatch.setattr(cli, "app", lambda: _raises(KeyError("members")))
    assert _exit_code(monkeypatch, ["stories"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "KeyError: 'members'" in err
    assert err.rstrip().splitlines()[-1].startswith("error: unexpected KeyError")


def test_a_story_row_damaged_in_the_store_is_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.save_clustering(ClusteringUpdate([], [Story("sabcd71234567", "A", ())], [], {}))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE stories SET duplicates = 'cut sho'")
    assert _exit_code(monkeypatch, ["stories", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1 and err.startswith("error: ")
