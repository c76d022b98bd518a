"""The dask engine stores articles as ``newsprism ingest`` does: a corrected manifest row
updates the stored article in place (was a second copy), a store kept in the folder
read is not read as input (was three 'binary content' failures), and a UTF-16 JSON Lines
file is read whole (cut in byte ranges at its b"\\n" bytes, it was read wrongly).

One in-process cluster (one worker thread, the test's own process: no worker processes
to start, the analyser loaded once) serves the module.
"""

from __future__ import annotations

import json
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
from newsprism.ingest.shards import split_input
from newsprism.ingest.sources import Input, InputKind
from newsprism.store import Store

distributed = pytest.importorskip("distributed")

runner = CliRunner()
TEXT = (
    "Ferry returns\n\nThe ferry to Lorvik returns on Monday after a week of storms, the "
    "harbour master said on Sunday.\n"
)
ROWS = [
    {"text": f"The ferry to Lorvik number {i} returns on Monday, the harbour master said.",
     "outlet": "Coast" if i % 2 else "Nord"}
    for i in range(6)
]  # fmt: skip


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


def utf16_jsonl(tmp_path: Path, encoding: str) -> Path:
    path = tmp_path / "export.jsonl"
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\r\n" for row in ROWS)
    path.write_bytes(lines.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_jsonl_file_is_one_piece(tmp_path: Path, encoding: str) -> None:
    path = utf16_jsonl(tmp_path, encoding)
    assert len(split_input(Input(str(path), InputKind.FILE), 100)) == 1


def test_a_utf16_jsonl_file_gives_every_record(scheduler: str, tmp_path: Path) -> None:
    path = utf16_jsonl(tmp_path, "utf-16")
    report = dask_run(scheduler, path, tmp_path / "x.db", shard_bytes=100)
    assert not report.failures, report.failures
    with Store(tmp_path / "x.db") as store:
        articles = store.get_articles(report.article_ids)
    assert [a.text for a in articles] == [row["text"] for row in ROWS]


def test_reading_again_without_the_outlet_given_keeps_it(scheduler: str, tmp_path: Path) -> None:
    """The shards did not tell the writer which outlets were only the file's name, so a
    re-read without --outlet 'corrected' the stored outlet to it (the local engine kept
    it)."""
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "x.db"
    with Store(db) as store:
        given = IngestOptions(outlet="Harbour Herald")
        options = FlowOptions(ingest=given, embeddings="off", engine=DaskEngine(scheduler))
        (first,) = read_and_analyze(store, [folder], options).report.article_ids
    report = dask_run(scheduler, folder, db)
    assert report.article_ids == [first] and not report.corrected
    with Store(db) as store:
        article = store.get_article(first)
        assert article is not None and article.outlet == "Harbour Herald"
