"""A store kept in the folder it reads (``ingest . --db news.db``) is not read as input:
its database, -wal and -shm files were each a failure ("binary content") on every run,
and the run exited 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import ingest
from newsprism.store import Store

runner = CliRunner()
TEXT = "Ferry returns\n\nThe ferry to Lorvik returns on Monday after a week of storms.\n"


def test_the_store_in_the_folder_read_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "news.db")
    for _ in range(2):
        result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
        assert result.exit_code == 0, result.stderr
        assert "failed:" not in result.stderr
    with Store(db) as store:
        assert store.count_articles() == 1


def test_another_sqlite_file_is_still_a_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with Store(tmp_path / "other.db"):
        pass
    with Store(tmp_path.parent / f"{tmp_path.name}-store.db") as store:
        report = ingest(store, [str(tmp_path)], IngestOptions())
    assert [f.source for f in report.failures] == [str(tmp_path / "other.db")]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_a_store_file_named_alone_is_skipped(tmp_path: Path, suffix: str) -> None:
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.count_articles()
        target = tmp_path / f"news.db{suffix}"
        target.touch()
        report = ingest(store, [str(target)], IngestOptions())
    assert report.failures == [] and report.inputs == 0
