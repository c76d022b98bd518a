"""``--outlet`` naming nothing ('', spaces, a tab) is a one-line usage error before any
work; it was silently ignored, so each article took the name found in its file (and
``articles --outlet ''`` listed every outlet)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

_ERROR = "error: --outlet: empty outlet name; give one, or leave --outlet out\n"


@pytest.mark.parametrize("command", ["analyze", "ingest", "articles"])
@pytest.mark.parametrize("outlet", ["", "  ", "\t"])
def test_an_empty_outlet_is_a_usage_error(tmp_path: Path, command: str, outlet: str) -> None:
    text = tmp_path / "harbour.txt"
    text.write_text("Harbour opens\n\nThe harbour of Tessel opened on Monday.\n")
    db = tmp_path / "n.db"
    args = [command, *([str(text)] if command != "articles" else []), "--db", str(db)]
    result = CliRunner().invoke(app, [*args, "--outlet", outlet])
    assert result.exit_code == 2
    assert result.stderr == _ERROR
    assert not db.exists()


def test_a_named_outlet_is_taken(tmp_path: Path) -> None:
    text = tmp_path / "harbour.txt"
    text.write_text("Harbour opens\n\nThe harbour of Tessel opened on Monday.\n")
    db = str(tmp_path / "n.db")
    result = CliRunner().invoke(app, ["ingest", str(text), "--db", db, "--outlet", "Tessel Post"])
    assert result.exit_code == 0, result.stderr
    listed = CliRunner().invoke(app, ["articles", "--db", db, "--outlet", "Tessel Post", "--json"])
    assert "Tessel Post" in listed.stdout
