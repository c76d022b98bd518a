"""``--out`` is written through a temporary file renamed over the target: a write cut
short leaves the previous file whole, and no temporary file behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import IO, Any

import pytest
import typer
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Story
from newsprism.render.report import replacing
from newsprism.store import ClusteringUpdate, Store

runner = CliRunner()
PREVIOUS = "the previous report, whole\n"


@pytest.fixture
def one_story(tmp_path: Path) -> str:
    db = tmp_path / "store" / "one.db"
    db.parent.mkdir()
    with Store(db) as store:
        story = Story("sabcd71234567", "Story 1", ())
        store.save_clustering(ClusteringUpdate([], [story], [], {}))
    return str(db)


def _disk_full(*_: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _half_written(handle: IO[str], *_: Any) -> None:
    handle.write("story_id,sto")
    _disk_full()


def _previous(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / name
    target.write_text(PREVIOUS, encoding="utf-8")
    return target


def test_a_failed_export_keeps_the_previous_file(
    one_story: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _previous(tmp_path, "facts.csv")
    monkeypatch.setattr("newsprism.export._write_text", lambda r, t, f, h: _half_written(h))
    args = ["export", "--all", "--embeddings", "off", "--out", str(target), "--db", one_story]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "cannot write (No space left on device)" in result.stderr
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in target.parent.iterdir()) == ["facts.csv"]


def test_a_failed_report_keeps_the_previous_file(
    one_story: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _previous(tmp_path, "brief.txt")

    def half_printed(console: Any, view: Any, **_: Any) -> None:
        console.print("Story 1 ...")
        console.file.flush()
        _disk_full()

    monkeypatch.setattr("newsprism.render.report._print_terminal", half_printed)
    args = ["brief", "sabcd7", "--embeddings", "off", "--out", str(target), "--db", one_story]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in target.parent.iterdir()) == ["brief.txt"]


def test_a_written_file_replaces_the_old_one_with_its_permissions(
    one_story: str, tmp_path: Path
) -> None:
    target = _previous(tmp_path, "brief.json")
    target.chmod(0o640)
    args = ["brief", "sabcd7", "-f", "json", "--embeddings", "off", "--out", str(target)]
    assert runner.invoke(app, [*args, "--db", one_story]).exit_code == 0
    assert '"schema_version"' in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["brief.json"]


def test_a_link_is_kept_and_its_file_replaced(one_story: str, tmp_path: Path) -> None:
    real = _previous(tmp_path, "facts.csv")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    args = ["export", "--all", "--embeddings", "off", "--out", str(link), "--db", one_story]
    assert runner.invoke(app, args).exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("story_id,")


def test_special_files_are_written_directly(one_story: str, tmp_path: Path) -> None:
    args = ["export", "--all", "--embeddings", "off", "--out", os.devnull, "--db", one_story]
    assert runner.invoke(app, args).exit_code == 0
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with replacing(fifo) as target:
        assert target == fifo


def test_a_file_in_a_folder_that_takes_no_new_file_is_rewritten_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests run as root, so the read-only folder is faked (as in writable_out's test).
    target = _previous(tmp_path, "brief.md")
    folder_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m: Path(p) != target.parent and folder_access(p, m))
    with replacing(target) as written:
        assert written == target


def test_out_below_a_file_says_the_file_is_no_folder(tmp_path: Path) -> None:
    from newsprism.cli_base import writable_out

    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(typer.BadParameter, match=r"notes.txt is a file, not a folder"):
        writable_out(tmp_path / "notes.txt" / "brief.json")
    with pytest.raises(typer.BadParameter, match=r"folder .*missing does not exist"):
        writable_out(tmp_path / "missing" / "brief.json")
