"""Output that cannot be written (a full disk: standard output sent to ``/dev/full``)
ends the command with one line naming standard output and the reason, status 1: it read
"error: unexpected OSError ...: a bug" (``stories``, ``articles``, ``story``,
``article``) or "error: None: cannot write the report" (``brief``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.store import Store

FULL = Path("/dev/full")
pytestmark = pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")


def _run_into_full_disk(*args: str) -> subprocess.CompletedProcess[str]:
    with FULL.open("w") as full:
        return subprocess.run(
            [sys.executable, "-m", "newsprism", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )


@pytest.mark.parametrize("command", [["stories"], ["articles", "--json"]])
def test_a_full_disk_is_one_line_naming_standard_output(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    done = _run_into_full_disk(*command, "--db", str(db))
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "error: standard output: cannot write (No space left on device)"
    )
    assert "unexpected" not in done.stderr


def test_a_brief_to_a_full_disk_names_standard_output(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    article = tmp_path / "ferry.txt"
    article.write_text(
        "Ferry resumes\n\nThe Tessel ferry resumed on Tuesday after a week of repairs,"
        " the operator said. About 300 passengers crossed before noon.\n",
        encoding="utf-8",
    )
    analysed = subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", str(article), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert analysed.returncode == 0, analysed.stderr
    with Store(db) as store:
        (story,) = store.list_stories(10)
    done = _run_into_full_disk("brief", story.id, "--db", str(db), "--embeddings", "off")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "error: standard output: cannot write the report (No space left on device)"
    ]


@pytest.mark.parametrize("command", [["--help"], ["stories", "--help"]])
def test_help_into_a_full_disk_names_standard_output(command: list[str]) -> None:
    """Typer prints help through its own Rich console, not the commands' output: it
    read "unexpected OSError ...: a bug, or a damaged store"."""
    done = _run_into_full_disk(*command)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "error: standard output: cannot write (No space left on device)"
    ]
