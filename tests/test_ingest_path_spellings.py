"""One file is one source however its folder is spelt: "in", "./in/", "in//", "." from
inside it, or a glob. A re-read is matched to the stored article by its source, so a
manifest corrected between `ingest ./in/` and `ingest in` stored a second copy of the
text under the new outlet (the same article as two outlets). Invented text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest.sources import tidy_path
from newsprism.ingest.watch import plan_feeds

_TEXT = (
    "Harbour board approves budget\n\nThe Tessel harbour board voted on Tuesday to approve "
    "a new budget for the pier district, officials said. The plan adds funds for repairs "
    "to the old ferry terminal.\n"
)


def _ingest(db: Path, *paths: str) -> None:
    result = CliRunner().invoke(app, ["ingest", *paths, "--db", str(db)])
    assert result.exit_code == 0, result.output


def _rows(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute("SELECT source, outlet FROM articles ORDER BY rowid"))


def _folder(tmp_path: Path, outlet: str) -> None:
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "a.txt").write_text(_TEXT)
    (tmp_path / "in" / "newsprism.csv").write_text(f"path,outlet\na.txt,{outlet}\n")


@pytest.mark.parametrize("second", ["in", "in/", "in//", "./in", "in/*.txt", "./in/a.txt"])
def test_a_corrected_manifest_corrects_whatever_the_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "n.db"
    _folder(tmp_path, "Tessel Gazette")
    _ingest(db, "./in/")
    _folder(tmp_path, "Tessel Herald")
    _ingest(db, second)
    assert _rows(db) == [("in/a.txt", "Tessel Herald")]


def test_the_folder_itself_as_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "n.db"
    _folder(tmp_path, "Tessel Gazette")
    monkeypatch.chdir(tmp_path / "in")
    _ingest(db, ".")
    _folder(tmp_path, "Tessel Herald")
    _ingest(db, "a.txt")
    assert _rows(db) == [("a.txt", "Tessel Herald")]


def test_a_store_holding_the_old_spelling_is_still_corrected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "n.db"
    _folder(tmp_path, "Tessel Gazette")
    _ingest(db, "in")
    with sqlite3.connect(db) as conn:  # as versions before tidy paths stored "./in/"
        conn.execute("UPDATE articles SET source = './in/a.txt'")
    _folder(tmp_path, "Tessel Herald")
    _ingest(db, "in")
    assert _rows(db) == [("./in/a.txt", "Tessel Herald")]


@given(
    st.lists(st.sampled_from(["", "./", "/", ".//", "././"]), min_size=3, max_size=3),
    st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_any_spelling_of_a_folder_gives_its_files_one_source(
    glue: list[str], trailing: bool
) -> None:
    # "in" and "sub" joined by any run of "." parts and separators, before and after.
    lead, middle, tail = glue
    spelt = f"{lead.lstrip('/')}in/{middle}sub" + (f"/{tail}" if trailing else "")
    assert tidy_path(spelt + "/a.txt") == "in/sub/a.txt"
    assert tidy_path("/srv/" + spelt + "/a.txt") == "/srv/in/sub/a.txt"


def test_a_changed_page_reread_under_another_spelling_keeps_the_stored_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stop 35 review's rule: a re-read never shrinks or overwrites what is stored.
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "n.db"
    _folder(tmp_path, "Tessel Gazette")
    _ingest(db, "./in/")
    short = _TEXT.split(" The plan", maxsplit=1)[0] + "\n"  # a cut-short re-download
    (tmp_path / "in" / "a.txt").write_text(short)
    _ingest(db, "in")
    with sqlite3.connect(db) as conn:
        texts = [row[0] for row in conn.execute("SELECT text FROM articles ORDER BY rowid")]
    assert "old ferry terminal" in texts[0]


_GOOD_FEED = (
    "<rss version='2.0'><channel><title>Tessel Post</title><item><title>Pier reopens"
    "</title><guid>pier-1</guid><description>The old pier in Tessel reopened on Friday "
    "after a week of repairs, the harbour board said. Ferries will run to Marrow again "
    "from Monday, and the board expects the summer timetable to start in June."
    "</description></item></channel></rss>"
)


def test_a_feed_file_is_one_feed_however_spelt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # watch keeps a feed's state (what it has read) by its name: another spelling of
    # the same file read every entry again.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "a.xml").write_text(
        "<rss><channel><title>Tessel Post</title></channel></rss>"
    )
    (tmp_path / "link").symlink_to("feeds")
    spellings = ["./feeds/a.xml", "feeds//a.xml", "feeds/a.xml", "link/a.xml"]
    real = str((tmp_path / "feeds" / "a.xml").resolve())
    assert plan_feeds([*spellings, real]) == ([real], [])


def test_one_relative_feed_path_in_two_folders_is_two_feeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A's feeds/a.xml cut off, B's ./feeds/a.xml good: keyed by the path as typed,
    B's feed shared A's state and was 'not polled: backing off' with A's error."""
    db = str(tmp_path / "s.db")
    for folder, channel in (("A", "<rss><channel><title>Cut"), ("B", _GOOD_FEED)):
        (tmp_path / folder / "feeds").mkdir(parents=True)
        (tmp_path / folder / "feeds" / "a.xml").write_text(channel)
    monkeypatch.chdir(tmp_path / "A")
    CliRunner().invoke(app, ["watch", "feeds/a.xml", "--once", "--db", db])
    monkeypatch.chdir(tmp_path / "B")
    result = CliRunner().invoke(app, ["watch", "./feeds/a.xml", "--once", "--db", db])
    assert "backing off" not in result.output, result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
