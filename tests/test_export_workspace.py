"""``Workspace.export`` and ``write_rows`` fail cleanly: an unknown table with no rows
to export was a KeyError, and an export that failed half way left ``out`` cut short,
the previous file lost (the CLI's ``--out`` was already replaced whole)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsprism import Workspace
from newsprism.errors import NewsprismError
from newsprism.export import write_rows


def test_an_unknown_table_with_no_rows_is_a_clear_error() -> None:
    with pytest.raises(NewsprismError, match="unknown table 'nope': choose one of quotes"):
        write_rows([], "nope", "csv", None, io.StringIO())


def test_a_failed_export_leaves_the_previous_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "facts.csv"
    out.write_text("the previous export\n", encoding="utf-8")

    def cut_short(rows: object, table: str, fmt: str, target: Path, **_: object) -> None:
        target.write_text("story_id,sto", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("newsprism.export.write_rows", cut_short)
    with Workspace(tmp_path / "news.db", embeddings="off") as ws, pytest.raises(OSError):
        ws.export("facts", "csv", out)
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_export_replaces_the_file(tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    out.write_text("the previous export\n", encoding="utf-8")
    with Workspace(tmp_path / "news.db", embeddings="off") as ws:
        assert ws.export("facts", "csv", out) == 0
    assert out.read_text(encoding="utf-8").startswith("story_id,story,fact_id")
