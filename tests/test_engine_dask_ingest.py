"""The dask engine stores articles as ``newsprism ingest`` does: a corrected manifest row
updates the stored article in place (was a second copy), and a store kept in the folder
read is not read as input (was three 'binary content' failures).

One in-process cluster (one worker thread, the test's own process: no worker processes
to start, the analyser loaded once) serves the module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.analyze.analyzer import ANALYZER_VERSION
from newsprism.cli import app
from newsprism.engine.dask import DaskEngine
from newsprism.flow import FlowOptions, read_and_analyze
from newsprism.ingest.batch import IngestReport
from newsprism.ingest.pipeline import IngestOptions
from newsprism.store import Store

distributed = pytest.importorskip("distributed")

runner = CliRunner()
TEXT = (
    "Ferry returns\n\nThe ferry to Lorvik returns on Monday after a week of storms, the "
    "harbour master said on Sunday.\n"
)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def dask_run(scheduler: str, path: Path, db: Path, shard_bytes: int | None = None) -> IngestReport:
    engine = DaskEngine(scheduler, shard_bytes=shard_bytes)
    options = FlowOptions(ingest=IngestOptions(), embeddings="off", engine=engine)
    with Store(db) as store:
        return read_and_analyze(store, [path], options).report


def manifest(folder: Path, outlet: str) -> None:
    (folder / "newsprism.csv").write_text(f"path,outlet\na.txt,{outlet}\n", encoding="utf-8")


def test_a_corrected_manifest_row_updates_the_stored_article(
    scheduler: str, tmp_path: Path
) -> None:
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    manifest(folder, "Harbour Herlad")
    db = tmp_path / "x.db"
    (first,) = dask_run(scheduler, folder, db).article_ids
    manifest(folder, "Harbour Herald")
    report = dask_run(scheduler, folder, db)
    assert report.article_ids == [first] and report.corrected == [first]
    with Store(db) as store:
        assert store.count_articles() == 1
        article = store.get_article(first)
        assert article is not None and article.outlet == "Harbour Herald"
        assert store.get_analysis(first, ANALYZER_VERSION) is not None  # redone, stored


def test_the_store_in_the_folder_read_is_not_read(scheduler: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "news.db")
    args = ["analyze", str(tmp_path), "--db", db, "--embeddings", "off"]
    for _ in range(2):  # the second run finds news.db (and its -wal, -shm) in the folder
        result = runner.invoke(app, [*args, "--engine", "dask", "--scheduler", scheduler])
        assert result.exit_code == 0, result.stderr
        assert "binary content" not in result.stderr
    with Store(db) as store:
        assert store.count_articles() == 1
