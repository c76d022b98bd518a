"""Two files that nothing names an outlet for are each their own source by their file's
name: the same name in two folders ("fox/2026-03-03.txt", "cnn/2026-03-03.txt") was one
outlet without a word. Now one warning line names both files. Invented text."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app

_PIER = (
    "Pier reopens\n\nThe old pier in Tessel reopened on Friday after a week of repairs, the "
    "harbour board said. Ferries will run to Marrow again from Monday.\n"
)
_BUDGET = (
    "Budget passes\n\nThe Tessel council passed its budget on Tuesday by nine votes to two, "
    "the mayor said. Road repairs get the largest share.\n"
)


def _ingest(tmp_path: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["ingest", *args, "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    return result.stderr


def test_one_file_name_in_two_folders_is_told(tmp_path: Path) -> None:
    for folder, text in (("fox", _PIER), ("cnn", _BUDGET)):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "2026-03-03.txt").write_text(text)
    stderr = _ingest(tmp_path, str(tmp_path / "in"))
    first, second = (tmp_path / "in" / f / "2026-03-03.txt" for f in ("cnn", "fox"))
    assert stderr == (
        f"warning: {second}: no outlet found: named '2026-03-03' by its file name, as "
        f"{first} is; the two are one outlet to the analysis (name their outlets in a "
        "newsprism.csv beside them, or with --outlet)\n"
    )


def test_one_file_named_twice_or_named_outlets_say_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text(_PIER)
    (tmp_path / "b" / "story.txt").write_text(_BUDGET)
    one = str(tmp_path / "a" / "story.txt")
    assert _ingest(tmp_path, one, one.replace("/a/", "/a/./")) == ""
    assert _ingest(tmp_path, str(tmp_path), "--outlet", "Tessel Post") == ""


def test_one_file_read_through_a_link_to_its_folder_is_not_told(tmp_path: Path) -> None:
    """A file read as 'one/brief.txt' and 'lnk/brief.txt' (lnk a link to one) is one
    file, stored once: the warning called it two files of one outlet."""
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "brief.txt").write_text(_PIER)
    (tmp_path / "lnk").symlink_to(tmp_path / "one")
    assert _ingest(tmp_path, str(tmp_path / "one"), str(tmp_path / "lnk")) == ""


def test_one_file_name_in_two_runs_is_told_when_the_copy_is_not_stored(tmp_path: Path) -> None:
    """'ingest fox', then 'ingest cnn': cnn's copy of fox's text, both named
    '2026-03-03' by their file names, was a duplicate, never stored, without a word."""
    for folder in ("fox", "cnn"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "2026-03-03.txt").write_text(_PIER)
    assert _ingest(tmp_path, str(tmp_path / "fox")) == ""
    stderr = _ingest(tmp_path, str(tmp_path / "cnn"))
    assert stderr.startswith(f"warning: {tmp_path / 'cnn' / '2026-03-03.txt'}: no outlet found")
    assert f"stored already from {tmp_path / 'fox' / '2026-03-03.txt'}" in stderr
    assert _ingest(tmp_path, str(tmp_path / "fox")) == ""  # a re-run of one folder: quiet
