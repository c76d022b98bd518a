"""``export --format parquet`` without ``--out`` is a usage error (status 2) found before
any work: it was status 1, after opening the store, as if an input had failed."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()


def test_parquet_without_out_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "missing.db"  # no store is opened, so none need exist
    args = ["export", "--all", "--table", "facts", "--format", "parquet", "--db", str(db)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: parquet is a binary format: give a file with --out FILE"
    ]
    assert not db.exists()
