"""``newsprism versions``: an edited page read again lists both texts it was read with,
and ``--diff`` shows the edit, through the real command line. Invented texts."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from tests.builders import html_page
from tests.conftest import BODY

Write = Callable[..., Path]
runner = CliRunner()


def _edited(write: Write, tmp_path: Path) -> tuple[str, str]:
    """A store holding a page read, then read again after an edit; its article id."""
    db = str(tmp_path / "cli.db")
    page = write("pier.html", html_page())
    first = runner.invoke(app, ["ingest", str(page), "--db", db])
    assert first.exit_code == 0, first.output
    write("pier.html", html_page(body=BODY.replace("eleven weeks", "twelve weeks")))
    second = runner.invoke(app, ["ingest", str(page), "--db", db], terminal_width=160)
    assert second.exit_code == 0 and "version 2 of" in second.stderr
    assert _summary_counts(second.stdout) == {
        "inputs": "1",
        "ingested": "0",
        "duplicate": "0",
        "edited": "1",
        "failed": "0",
    }
    listed = runner.invoke(app, ["articles", "--db", db, "--json"])
    (article,) = json.loads(listed.stdout)
    return db, str(article["id"])


def _summary_counts(printed: str) -> dict[str, str]:
    """The ingest summary table's columns and their counts, read off the printed table."""
    rows = [line.strip("│┃ ") for line in printed.splitlines() if "│" in line or "┃" in line]
    names, counts = (row.replace("┃", "│").split("│") for row in rows[:2])
    return {n.strip(): c.strip() for n, c in zip(names, counts, strict=True)}


def test_versions_lists_each_read_and_the_diff_shows_the_edit(write: Write, tmp_path: Path) -> None:
    db, article = _edited(write, tmp_path)
    table = runner.invoke(app, ["versions", article[:8], "--db", db], terminal_width=160)
    assert table.exit_code == 0, table.output
    assert "Versions of article" in table.stdout and "yes" in table.stdout
    shown = runner.invoke(app, ["versions", article[:8], "--db", db, "--diff", "--json"])
    data = json.loads(shown.stdout)
    assert data["article_id"] == article
    assert [(v["number"], v["current"]) for v in data["versions"]] == [(1, False), (2, True)]
    assert all(len(v["sha256"]) == 64 and v["characters"] > 0 for v in data["versions"])
    assert "-Repairs are expected to take eleven weeks" in data["diff"]
    assert "+Repairs are expected to take twelve weeks" in data["diff"]


def test_a_version_the_article_lacks_is_a_usage_error(write: Write, tmp_path: Path) -> None:
    db, article = _edited(write, tmp_path)
    result = runner.invoke(app, ["versions", article, "--db", db, "--from", "1", "--to", "5"])
    assert result.exit_code == 2 and "no version 5" in result.stderr


def test_the_diff_as_a_subprocess_is_plain_text(write: Write, tmp_path: Path) -> None:
    db, article = _edited(write, tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "newsprism", "versions", article, "--db", db, "--diff"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "+Repairs are expected to take twelve weeks" in done.stdout
    assert f"--- {article[:10]} version 1" in done.stdout
