"""``--db :memory:``: SQLite makes a new, empty store for each connection to it, so a
command whose store must outlive it (the read commands, ``ingest``, ``serve``) refuses
it as a usage error; ``analyze`` keeps one connection for its run and may use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()
REFUSED = [
    ["stories"],
    ["articles"],
    ["article", "a1b2c3d4"],
    ["story", "s1b2c3d4"],
    ["brief", "s1b2c3d4"],
    ["export", "--all"],
    ["serve"],
]


@pytest.mark.parametrize("command", REFUSED, ids="-".join)
def test_a_command_needing_a_lasting_store_refuses_an_in_memory_one(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", ":memory:"])
    assert result.exit_code == 2, result.output
    assert "error: --db :memory:" in result.stderr
    assert "give a store file" in result.stderr
    assert result.stdout == ""


def test_ingest_into_an_in_memory_store_is_refused_before_reading(tmp_path: Path) -> None:
    article = tmp_path / "pier.txt"
    article.write_text("The pier closed on Monday after the storm.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--db", ":memory:"])
    assert result.exit_code == 2 and "--db :memory:" in result.stderr


def test_verify_refuses_an_in_memory_store(tmp_path: Path) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text("The pier closed.\n", encoding="utf-8")
    result = runner.invoke(app, ["verify", "s1b2c3d4", str(summary), "--db", ":memory:"])
    assert result.exit_code == 2 and "--db :memory:" in result.stderr
