"""``--engine dask`` tells a shard's read warnings before the shard's analysis: they came
back with the shard's result, after its analysis ("analysing it takes minutes" told once
those minutes had passed). Each warning is still told once and kept in the report."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

import cloudpickle  # type: ignore[import-untyped]
import pytest

from newsprism.analyze.analyzer import AnalyzeOptions
from newsprism.engine.base import no_progress
from newsprism.engine.dask import DaskEngine, ShardResult, tell_client
from newsprism.flow import plan
from newsprism.ingest.pipeline import IngestOptions
from newsprism.ingest.shards import Piece, read_pieces
from newsprism.model import IngestWarning
from newsprism.store import Store

distributed = pytest.importorskip("distributed")
cloudpickle.register_pickle_by_value(sys.modules[__name__])

# How long the shard below waits for the client to have told its warning: far more
# than an event takes to arrive (milliseconds), far less than the test's timeout.
WAIT_S = 30.0
LINE = (
    '{"title": "Ferry to Oskarholm sails again", "text": "The ferry to Oskarholm sailed '
    'again on Monday after a week of storms, its operator said.", "published": 12}\n'
)


def analysis_waits_for_the_warning(
    index: int, pieces: Sequence[Piece], ingest: IngestOptions, analyze: AnalyzeOptions
) -> ShardResult:
    """A shard task whose "analysis" ends only once the client has told the warning
    (the test's handler writes ``told`` next to the input), or fails after WAIT_S."""
    warnings: list[IngestWarning] = []
    items = list(read_pieces(pieces, ingest, warnings.append))
    tell_client(warnings)
    told = Path(pieces[0].source).parent / "told"
    deadline = time.monotonic() + WAIT_S
    while not told.exists():
        if time.monotonic() > deadline:
            raise RuntimeError("the warning was not told before the analysis ended")
        time.sleep(0.05)
    return ShardResult(index, items, warnings, inputs=len(pieces), produced=[True])


@pytest.mark.timeout(300)
def test_read_warnings_are_told_while_the_shard_is_analysed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(LINE, encoding="utf-8")
    told: list[IngestWarning] = []

    def tell(warning: IngestWarning) -> None:
        told.append(warning)
        (folder / "told").touch()

    engine = DaskEngine(workers=1, task=analysis_waits_for_the_warning)
    with Store(tmp_path / "s.db") as store:
        inputs = plan([str(folder / "a.jsonl")])
        done = engine.run(store, inputs, IngestOptions(), AnalyzeOptions(), no_progress, tell)
    assert not done.report.failures, done.report.failures
    assert [str(w) for w in told] == [
        f"{folder / 'a.jsonl'}:1: published 12 is not a valid ISO 8601 time; left out"
    ]
    assert done.report.warnings == told  # kept in the report, the very objects told
    assert all(a is b for a, b in zip(done.report.warnings, told, strict=True))
