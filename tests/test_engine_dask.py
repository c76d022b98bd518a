"""The dask engine against the local one: same report, same stories, failures reported
the same way; a failing shard is one failure line per input, an unreachable scheduler
one error line.

One two-worker cluster, the engine's own local cluster (``--engine dask --workers 2``),
serves the module.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import cloudpickle  # type: ignore[import-untyped]
import pytest
from typer.testing import CliRunner

from newsprism.analyze.analyzer import ANALYZER_VERSION, AnalyzeOptions, Analyzer
from newsprism.cli import app
from newsprism.engine.dask import DaskEngine, ShardResult, local_cluster, run_shard
from newsprism.flow import FlowOptions, analyze_paths
from newsprism.ingest.pipeline import IngestOptions
from newsprism.ingest.shards import Piece
from newsprism.ingest.sources import Input, InputKind
from newsprism.model import Article
from newsprism.render import jsonout
from newsprism.store import Store
from newsprism.store_analyses import EncodedAnalysis
from tests.builders import html_page, warc_file
from tests.conftest import SAMPLES
from tests.test_engine_shards import body, jsonl_bytes

distributed = pytest.importorskip("distributed")

runner = CliRunner()
ANALYZE = AnalyzeOptions(errors="record")
# The failing task below travels to the workers by value (they cannot import tests/).
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with local_cluster(2) as cluster:
        yield cluster.scheduler_address


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# Two analyses of the samples, one on two worker processes: the suite runs on every core
# (pytest -n auto), so on a 2-core CI machine they share it with another test's work.
@pytest.mark.timeout(900)
def test_samples_give_the_same_json_report_as_local(scheduler: str, tmp_path: Path) -> None:
    stories = str(SAMPLES / "stories")
    base = ["analyze", stories, "--embeddings", "off", "--format", "json"]
    local = run(*base, "--db", str(tmp_path / "local.db"))
    dask = run(
        *base, "--db", str(tmp_path / "dask.db"), "--engine", "dask", "--scheduler", scheduler
    )
    assert local[0] == dask[0] == 0, dask[2]
    assert dask[1] == local[1]  # byte for byte: articles, analyses, stories, briefs
    assert json.loads(dask[1])["stories"]


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """A JSONL crawl (bad lines among good ones), a WARC and a page, in one folder."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(jsonl_bytes(14))
    pages = [
        (f"https://news{i % 2}.example/r{i}", html_page(f"Road {i}", body(i))) for i in range(6)
    ]
    (folder / "b.warc.gz").write_bytes(warc_file(pages))
    (folder / "c.html").write_text(html_page("Road 3 funded again", body(3)), encoding="utf-8")
    return folder


def report(path: Path, db: Path, engine: DaskEngine | None) -> tuple[str, list[str], list[str]]:
    options = FlowOptions(ingest=IngestOptions(), embeddings="off", engine=engine)
    with Store(db) as store:
        done = analyze_paths(store, [path], options)
    failures = [str(f) for f in done.report.failures]
    return jsonout.dumps(done.to_dict()), done.report.article_ids, failures


def test_byte_ranges_across_workers_give_the_local_result(
    scheduler: str, crawl: Path, tmp_path: Path
) -> None:
    local = report(crawl, tmp_path / "local.db", None)
    dask = report(crawl, tmp_path / "dask.db", DaskEngine(scheduler, shard_bytes=1_500))
    assert dask == local
    assert any(":8: invalid JSON" in f for f in local[2])  # the file's own line number


def stored_analyses(db: Path) -> list[tuple[str, str, str]]:
    with Store(db) as store:
        rows = store._conn.execute("SELECT article_id, version, data FROM analyses")
        return sorted(tuple(row) for row in rows)


def test_analyses_encoded_on_a_worker_are_stored_as_the_local_engine_stores_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(jsonl_bytes(6))
    shard = run_shard(0, [Piece(Input(str(path), InputKind.FILE))], IngestOptions(), ANALYZE)
    articles = [a for a in shard.items if isinstance(a, Article)]
    encoded = [o for o in shard.outcomes if isinstance(o, EncodedAnalysis)]
    assert len(encoded) == len(articles) == 6
    local = list(Analyzer(ANALYZE).outcomes(articles))
    for name, outcomes in (("worker", encoded), ("local", local)):
        with Store(tmp_path / f"{name}.db") as store:
            store.add_articles(articles)
            store.save_analyses(outcomes, version=ANALYZER_VERSION)  # type: ignore[arg-type]
    assert stored_analyses(tmp_path / "worker.db") == stored_analyses(tmp_path / "local.db")


def failing_on_the_jsonl(
    index: int, pieces: Sequence[Piece], ingest: IngestOptions, analyze: AnalyzeOptions
) -> ShardResult:
    """The shard task, raising on the shards of a.jsonl (as a dying worker would)."""
    if any(p.source.endswith("a.jsonl") for p in pieces):
        raise MemoryError("worker ran out of memory")
    return run_shard(index, pieces, ingest, analyze)


def test_a_failing_shard_is_reported_and_the_others_go_on(
    scheduler: str, crawl: Path, tmp_path: Path
) -> None:
    engine = DaskEngine(scheduler, shard_bytes=1_500, task=failing_on_the_jsonl)
    _, ids, failures = report(crawl, tmp_path / "dask.db", engine)
    shard_failures = [f for f in failures if "its shard failed on the worker" in f]
    assert shard_failures and all("a.jsonl (bytes " in f for f in shard_failures)
    assert "MemoryError: worker ran out of memory" in shard_failures[0]
    assert len(ids) == 7  # the WARC's six pages and the HTML page still stored


def chores(dask_worker: Any) -> dict[str, float]:
    """A worker's periodic callbacks and their intervals in ms (run on each worker)."""
    return {name: pc.callback_time for name, pc in dask_worker.periodic_callbacks.items()}


def test_the_local_cluster_spends_no_cpu_on_dashboard_chores(scheduler: str) -> None:
    """Two workers fill two cores: dask's profiler (a stack walk every 10 ms, for a
    dashboard the engine does not serve) and its 20 ms event-loop tick would take their
    CPU from the analysis."""
    with distributed.Client(scheduler) as client:
        per_worker = client.run(chores)
    assert len(per_worker) == 2
    for callbacks in per_worker.values():
        assert "profile" not in callbacks and "heartbeat" in callbacks
        assert callbacks["tick"] >= 1000


def test_an_unreachable_scheduler_is_one_error_line(tmp_path: Path) -> None:
    code, out, err = run(
        "analyze", str(SAMPLES / "stories"), "--db", str(tmp_path / "x.db"),
        "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")


@pytest.mark.parametrize(
    "options",
    [
        ["--workers", "2"],
        ["--scheduler", "tcp://h:8786"],
        ["--engine", "dask", "--workers", "2", "--scheduler", "tcp://h:8786"],
    ],
)
def test_dask_only_options_need_the_dask_engine(options: list[str], tmp_path: Path) -> None:
    code, _, err = run(
        "analyze", str(SAMPLES / "stories"), "--db", str(tmp_path / "x.db"), *options
    )
    assert code == 2 and err.startswith("error: ")
