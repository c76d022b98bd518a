"""Ctrl-C during a command ends it with status 130 and one line saying the stored data is
kept, not silently (Typer's own handling printed nothing)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsprism import cli, cli_store
from newsprism.store import Store


def _interrupt(*_args: object) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_ends_with_130_and_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    monkeypatch.setattr(cli_store, "_outlets_by_story", _interrupt)
    monkeypatch.setattr(sys, "argv", ["newsprism", "stories", "--db", str(db)])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == 130
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "interrupted: what was already stored is kept; run the command again to finish"
    ]


def test_an_ordinary_exit_says_nothing_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    monkeypatch.setattr(sys, "argv", ["newsprism", "stories", "--db", str(db)])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code in (0, None)
    assert "interrupted" not in capsys.readouterr().err
