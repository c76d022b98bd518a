"""The command list of ``newsprism --help`` gives each command's first docstring
paragraph as one line for Rich to wrap: it kept the docstring's own line breaks, so
"cross-check each story:" ended a line and "the main job." began the next."""

from __future__ import annotations

import typer.main
from typer.testing import CliRunner

from newsprism.cli import app


def test_every_command_has_a_one_line_short_help() -> None:
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert len(commands) == 12
    for name, command in commands.items():
        assert command.short_help, name
        assert "\n" not in command.short_help and "  " not in command.short_help, name
    assert commands["analyze"].short_help.startswith("Ingest PATHS, analyse them")
    assert "cross-check each story: the main job." in commands["analyze"].short_help


def test_the_listed_help_wraps_only_at_the_width() -> None:
    result = CliRunner().invoke(app, ["--help"], terminal_width=200, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if " brief " in x)
    assert "(the stored brief when the story has not changed since it was made)." in line
