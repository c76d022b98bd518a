"""`newsprism export STORY` that writes no row says why on stderr: an empty CSV (a header
alone) or an empty JSON Lines file read as 'nobody was quoted, no figure given', when the
story's only article was in a language the analysis does not read. Invented stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

GERMAN = (
    "Im Zoo von Bergheim ist am Freitag ein Elefantenbaby zur Welt gekommen. Die Tierpfleger "
    "sagten, Mutter und Kind seien wohlauf und die Besucher könnten das Jungtier schon "
    "nächste Woche im neuen Gehege sehen."
)
ENGLISH = (
    "The Wellental council voted on Tuesday to pull down the old bridge over the river "
    "this autumn. Mayor Anna Keller said the work would start soon."
)

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("empty")
    stories: dict[str, str] = {}
    db = root / "s.db"
    for name, text in (("de", GERMAN), ("en", ENGLISH)):
        folder = root / name
        folder.mkdir()
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        result = runner.invoke(
            app, ["analyze", str(folder), "--db", str(db), "-f", "json", "--embeddings", "off"]
        )
        assert result.exit_code == 0, result.output
        (story,) = json.loads(result.stdout)["stories"]
        stories[name] = story["id"]
    return db, stories


def test_an_unread_language_story_says_why_its_export_is_empty(
    store: tuple[Path, dict[str, str]],
) -> None:
    db, stories = store
    result = runner.invoke(app, ["export", stories["de"], "--table", "facts", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 1  # the CSV header alone
    assert "no facts rows" in result.stderr
    assert "1 of their 1 articles are not analysed (language de" in result.stderr


def test_an_english_story_without_the_item_says_there_is_none(
    store: tuple[Path, dict[str, str]],
) -> None:
    db, stories = store
    args = ["export", stories["en"], "--table", "timeline", "-f", "jsonl", "--db", str(db)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "no timeline rows" in result.stderr
    assert "not analysed" not in result.stderr


def test_an_export_with_rows_adds_no_note(store: tuple[Path, dict[str, str]]) -> None:
    db, stories = store
    args = ["export", stories["en"], "--table", "quotes", "-f", "jsonl", "--db", str(db)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert "note:" not in result.stderr


def test_an_export_of_all_stories_without_the_item_says_so(
    store: tuple[Path, dict[str, str]],
) -> None:
    # stop 43's audit: `export --all` whose stories hold no such item printed nothing
    db, _ = store
    args = ["export", "--all", "--table", "timeline", "-f", "jsonl", "--db", str(db)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "no timeline rows" in result.stderr
    assert "1 of their 2 articles are not analysed (language de" in result.stderr
