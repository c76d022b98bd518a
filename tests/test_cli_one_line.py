"""A failure or warning is one line of stderr whatever the file is called: control
characters in a name (a newline, an escape sequence) and bidirectional overrides are
written as escapes. A file named with a newline split its line in two."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.cli_base import one_line


def test_names_with_control_characters_fail_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\nname.txt").write_bytes(b"")
    (folder / "esc\x1b[2J.txt").write_bytes(b"")
    args = ["ingest", str(folder), "--db", str(tmp_path / "n.db")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        f"failed: {folder}/bad\\nname.txt: empty input (no text in it)",
        f"failed: {folder}/esc\\x1b[2J.txt: empty input (no text in it)",
    ]


def test_one_line_leaves_printable_text_alone() -> None:
    assert one_line("Café — «Zürich» 東京.txt") == "Café — «Zürich» 東京.txt"
    assert one_line("evil\u202etxt.exe\t") == "evil\\u202etxt.exe\\t"


def test_no_blank_lines_on_stderr_when_it_is_no_terminal(tmp_path: Path) -> None:
    # Each transient progress bar left an empty line: seven in a cron job's mail.
    (tmp_path / "empty.txt").write_bytes(b"")
    args = ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "n.db")]
    result = CliRunner().invoke(app, args)
    assert result.stderr == f"failed: {tmp_path / 'empty.txt'}: empty input (no text in it)\n"
