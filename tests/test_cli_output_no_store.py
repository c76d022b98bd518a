"""Commands that show what is stored never make a store: a mistyped ``--db`` is one
clear error naming it, and nothing is created; the commands that store make it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import ENV_DB

runner = CliRunner()
READS = [
    ["stories"],
    ["articles"],
    ["article", "a1b2c3d4"],
    ["story", "s1b2c3d4"],
    ["brief", "s1b2c3d4"],
    ["export", "--all"],
    ["export", "s1b2c3d4", "--format", "jsonl"],
]


@pytest.mark.parametrize("command", READS, ids="-".join)
def test_a_read_command_on_a_mistyped_db_is_an_error_that_creates_nothing(
    command: list[str], tmp_path: Path
) -> None:
    missing = tmp_path / "typo" / "nesw.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2
    assert f"error: no store at {missing}" in result.stderr
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_verify_on_a_mistyped_db_creates_nothing(tmp_path: Path) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text("The pier closed.\n", encoding="utf-8")
    missing = tmp_path / "nesw.db"
    result = runner.invoke(app, ["verify", "s1b2c3d4", str(summary), "--db", str(missing)])
    assert result.exit_code == 2 and f"no store at {missing}" in result.stderr
    assert not missing.exists()


def test_a_mistyped_environment_store_is_named_too(tmp_path: Path) -> None:
    missing = tmp_path / "nesw.db"
    result = runner.invoke(app, ["stories"], env={ENV_DB: str(missing)})
    assert result.exit_code == 2 and f"no store at {missing}" in result.stderr
    assert ENV_DB in result.stderr and not missing.exists()


def test_the_default_store_not_yet_made_says_nothing_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fresh machine: no --db, no NEWSPRISM_DB, nothing in the data folder yet.
    monkeypatch.delenv(ENV_DB, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    result = runner.invoke(app, ["stories"])
    assert result.exit_code == 1
    assert "nothing stored yet" in result.stderr and "newsprism ingest" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_command_that_stores_still_makes_the_store(tmp_path: Path) -> None:
    article = tmp_path / "pier.txt"
    article.write_text(
        "Tessel closes its old ferry pier\n\n"
        + "The town council voted on Tuesday to close the pier. " * 6,
        encoding="utf-8",
    )
    db = tmp_path / "new" / "news.db"
    assert runner.invoke(app, ["ingest", str(article), "--db", str(db)]).exit_code == 0
    assert db.is_file()
    result = runner.invoke(app, ["articles", "--json", "--db", str(db)])
    assert result.exit_code == 0 and "Tessel closes its old ferry pier" in result.stdout
