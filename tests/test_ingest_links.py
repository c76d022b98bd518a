"""Symbolic links in a scraped folder: a link that loops is one failure line and the
rest of the folder is read (resolving it for its manifest raised RuntimeError and ended
the whole run with a traceback)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure
from tests.conftest import BODY


def test_a_looping_link_is_one_failure_and_the_folder_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "scraped"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    (folder / "self").symlink_to("self")  # self -> self
    (folder / "sub" / "up").symlink_to("..")  # a folder loop: not followed
    (folder / "newsprism.csv").write_text("path,outlet\n*,The Ledger\n", encoding="utf-8")
    items = list(read_inputs([str(folder)], IngestOptions()))
    assert [(type(i), Path(i.source).name) for i in items] == [
        (Article, "a.txt"),
        (IngestFailure, "self"),
    ]
    assert items[0].outlet == "The Ledger"  # type: ignore[union-attr]
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert f"failed: {folder / 'self'}: cannot read (Too many levels of symbolic links)" in (
        result.stderr
    )


def test_a_linked_folder_is_read_once_and_a_link_above_is_not_followed(tmp_path: Path) -> None:
    """A link to a folder was passed over without a word (a link to a file was read)."""
    other, folder = tmp_path / "other", tmp_path / "scraped"
    other.mkdir()
    (folder / "sub").mkdir(parents=True)
    (other / "q.txt").write_text("Quay opens\n\n" + BODY, encoding="utf-8")
    (folder / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    (folder / "linked").symlink_to(other, target_is_directory=True)
    (folder / "sub" / "again").symlink_to(other, target_is_directory=True)  # read once
    (folder / "sub" / "top").symlink_to(tmp_path, target_is_directory=True)  # above: not
    (tmp_path / "outside.txt").write_text("Not named\n\n" + BODY, encoding="utf-8")
    items = list(read_inputs([str(folder)], IngestOptions()))
    assert all(isinstance(i, Article) for i in items), items
    assert sorted(Path(i.source).name for i in items) == ["a.txt", "q.txt"]


def test_a_link_to_a_file_already_in_the_folder_is_not_a_second_source(tmp_path: Path) -> None:
    """'latest.txt -> 2026-03-03.txt' beside its target was read twice, the link as a
    source of its own named by its file ('latest'): one article looked like two outlets."""
    folder, other = tmp_path / "scraped", tmp_path / "other"
    (folder / "sub").mkdir(parents=True)
    other.mkdir()
    (folder / "sub" / "pier.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    (folder / "a-latest.txt").symlink_to(folder / "sub" / "pier.txt")  # sorted first
    (other / "quay.txt").write_text("Quay opens\n\n" + BODY, encoding="utf-8")
    (folder / "quay1.txt").symlink_to(other / "quay.txt")  # outside: read, once
    (folder / "quay2.txt").symlink_to(other / "quay.txt")
    items = list(read_inputs([str(folder)], IngestOptions()))
    assert all(isinstance(i, Article) for i in items), items
    assert [Path(i.source).name for i in items] == ["quay1.txt", "pier.txt"]
