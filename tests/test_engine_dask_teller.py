"""The dask engine's early-told read warnings are matched per shard, on one topic for
all runs: a shard rerun after its worker died told its warnings twice; a shard that
failed after telling left them out of the report; and a topic per run left every run's
warnings in a long-lived scheduler's event log."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, cast

import pytest

from newsprism.analyze.analyzer import AnalyzeOptions
from newsprism.engine.dask import WARNINGS_TOPIC, _Flight, _Teller, tell_client
from newsprism.ingest.pipeline import IngestOptions
from newsprism.model import IngestWarning

distributed = pytest.importorskip("distributed")

SOURCE = "/in/ferries.jsonl:1"
MESSAGE = "published 12 is not a valid ISO 8601 time; left out"


class FakeClient:
    """The subscription half of a Dask client: events are handed in by the test."""

    def __init__(self) -> None:
        self.handlers: dict[str, Callable[[Any], None]] = {}

    def subscribe_topic(self, topic: str, handler: Callable[[Any], None]) -> None:
        self.handlers[topic] = handler

    def unsubscribe_topic(self, topic: str) -> None:
        del self.handlers[topic]

    def event(self, run: str, index: int, warnings: list[list[str]]) -> None:
        self.handlers[WARNINGS_TOPIC]((0.0, [run, index, warnings]))


def _teller(told: list[IngestWarning]) -> tuple[FakeClient, _Teller]:
    client = FakeClient()
    return client, _Teller(cast(Any, client), "run1", told.append)


def test_a_rerun_shard_tells_its_warnings_once() -> None:
    told: list[IngestWarning] = []
    client, teller = _teller(told)
    with teller:
        client.event("run1", 0, [[SOURCE, MESSAGE]])  # the attempt whose worker died
        client.event("run1", 0, [[SOURCE, MESSAGE]])  # the rerun
        teller.poll()
        kept = teller.told(0, [IngestWarning(SOURCE, MESSAGE)])
        client.event("run1", 0, [[SOURCE, MESSAGE]])  # late, after the result
        teller.poll()
    assert [str(w) for w in told] == [f"{SOURCE}: {MESSAGE}"]
    assert len(kept) == 1 and kept[0] is told[0]


def test_a_shard_failing_after_telling_keeps_its_warnings() -> None:
    told: list[IngestWarning] = []
    client, teller = _teller(told)
    with teller:
        client.event("run1", 3, [[SOURCE, MESSAGE]])
        kept = teller.told(3, [])  # the failed shard's result holds no warnings
    assert len(told) == 1 and kept == told and kept[0] is told[0]


def test_another_runs_warnings_are_not_told() -> None:
    told: list[IngestWarning] = []
    client, teller = _teller(told)
    with teller:
        client.event("run2", 0, [[SOURCE, MESSAGE]])
        teller.poll()
    assert told == []


def test_workers_tell_on_one_topic_with_run_and_shard(monkeypatch: pytest.MonkeyPatch) -> None:
    logged: list[tuple[str, Any]] = []
    worker = SimpleNamespace(
        get_current_task=lambda: "newsprism-shard-ab12-7",
        log_event=lambda topic, msg: logged.append((topic, msg)),
    )
    monkeypatch.setattr(distributed, "get_worker", lambda: worker)
    tell_client([IngestWarning(SOURCE, MESSAGE)])
    assert logged == [(WARNINGS_TOPIC, ["ab12", 7, [[SOURCE, MESSAGE]]])]


class SlowToFetch:
    """A finished shard whose result takes longer to fetch than any poll interval: a
    result asked with a timeout times out, though the task itself did not."""

    def done(self) -> bool:
        return True

    def result(self, timeout: float | None = None) -> str:
        if timeout is not None:
            raise TimeoutError(f"timed out after {timeout} s.")
        return "the shard's result"


def test_a_finished_shard_slow_to_fetch_is_no_failure() -> None:
    """On a loaded machine such shards were reported failed, their articles lost."""
    flight = _Flight(cast(Any, None), cast(Any, None), [], IngestOptions(), AnalyzeOptions())
    assert cast(Any, flight._wait(cast(Any, SlowToFetch()))) == "the shard's result"
