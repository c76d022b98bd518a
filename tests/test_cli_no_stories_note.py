"""``stories`` and ``export --all`` over a store with no story say why on stderr: an
empty table (or a CSV header alone) said nothing, and a store ``ingest`` filled holds
articles that no story groups until ``analyze`` runs."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Store

runner = CliRunner()

_BODY = "The Tessel ferry resumed on Tuesday after a week of repairs, the operator said. " * 3


def test_stories_of_an_empty_store_says_nothing_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    result = runner.invoke(app, ["stories", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "no stories yet: nothing is stored (newsprism analyze PATHS reads and groups)"
    ]


def test_stories_of_ingested_articles_says_they_are_not_grouped(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    for name in ("ferry.txt", "pier.txt"):
        (tmp_path / name).write_text(f"{name}: {_BODY}", encoding="utf-8")
    ingested = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    note = (
        "no stories yet: 2 articles stored but not grouped"
        " (newsprism analyze on the same PATHS analyses and groups them)"
    )
    listed = runner.invoke(app, ["stories", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    assert listed.stderr.splitlines() == [note]
    exported = runner.invoke(app, ["export", "--all", "--table", "facts", "--db", str(db)])
    assert exported.exit_code == 0, exported.output
    assert exported.stderr.splitlines() == [note]


def test_the_cli_and_the_web_say_one_note_in_their_own_words() -> None:
    from newsprism.store_notes import empty_store_note

    cli, web = empty_store_note(1200, "cli"), empty_store_note(1200, "web")
    assert "1,200 articles stored but not grouped" in cli and "PATHS" in cli
    assert "1,200 articles are stored but not grouped" in web and "Ingest page" in web
    assert "1 article is stored" in empty_store_note(1, "web")
