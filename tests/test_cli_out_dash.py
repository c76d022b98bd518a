"""``--out -`` is standard output, as ``-`` is standard input for ingest and verify: it
wrote a file named "-" in the working folder and printed nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()


def test_export_out_dash_prints_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "s.db")
    stored = runner.invoke(app, ["ingest", "-", "--db", db], input="Pier\n\nThe pier shut.")
    assert stored.exit_code == 0
    result = runner.invoke(app, ["export", "--all", "--table", "facts", "--out", "-", "--db", db])
    assert result.stdout.startswith("story_id,story,fact_id,")
    assert not (tmp_path / "-").exists()


def test_parquet_to_dash_is_refused_as_to_a_terminal(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    args = ["export", "--all", "--format", "parquet", "--out", "-", "--db", db]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "give a file with --out FILE" in result.stderr
