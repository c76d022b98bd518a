"""A damaged saved story state (cut short, overwritten, a record missing its fields) is
a :class:`DamagedState` saying what is wrong, never a zipfile or KeyError traceback; the
batch runner then goes on from the stored stories with a warning naming the store, so
the new articles are grouped (they were stored and never grouped, run after run)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsprism.cluster import stories as stories_module
from newsprism.cluster.batch import STATE_NAME, StoryOptions, cluster_stored
from newsprism.cluster.state import DamagedState
from newsprism.cluster.stories import ClusterOptions, StoryClusterer
from newsprism.errors import ClusterStateMismatch
from newsprism.store import Store
from tests.test_cluster_stories import STRIKE_COURIER, STRIKE_GAZETTE
from tests.test_store import make_article

OPTIONS = ClusterOptions(embeddings="off")


def _saved() -> bytes:
    clusterer = StoryClusterer(OPTIONS)
    clusterer.add_many([STRIKE_COURIER, STRIKE_GAZETTE])
    return clusterer.state()


def _archive(meta: Any, **arrays: Any) -> bytes:
    buffer = io.BytesIO()
    record = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    np.savez_compressed(buffer, meta=record, **arrays)
    return buffer.getvalue()


def _meta_of(data: bytes) -> dict[str, Any]:
    with np.load(io.BytesIO(data)) as saved:
        meta: dict[str, Any] = json.loads(saved["meta"].tobytes().decode())
    return meta


def _with_meta(data: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    with np.load(io.BytesIO(data)) as saved:
        arrays = {name: saved[name] for name in saved.files if name != "meta"}
    meta = _meta_of(data)
    change(meta)
    return _archive(meta, **arrays)


DAMAGED: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda data: b"",
    "cut short": lambda data: data[: len(data) // 2],
    "overwritten": lambda data: b"\x00garbage" * 10,
    "not an object": lambda data: _archive([1, 2, 3]),
    "no vectorizer": lambda data: _with_meta(data, lambda m: m.pop("vectorizer")),
    "dimension a word": lambda data: _with_meta(data, lambda m: m.update(dim="wide")),
    "a story without fields": lambda data: _with_meta(data, lambda m: m.update(stories=[{}])),
    "no kept members": lambda data: _with_meta(data, lambda m: m.pop("kept")),
    "a member not a pair": lambda data: _with_meta(
        data, lambda m: m["stories"][0].update(members=["a1"])
    ),
    "a date not a date": lambda data: _with_meta(
        data, lambda m: m["stories"][0].update(published=["yesterday", None])
    ),
    "a kept row cut short": lambda data: _with_meta(
        data, lambda m: m["kept"][0]["members"][0].pop()
    ),
    "a headline vector missing": lambda data: _without_row(data, "headlines"),
    "a kept vector missing": lambda data: _without_row(data, "kept"),
}


def _without_row(data: bytes, name: str) -> bytes:
    with np.load(io.BytesIO(data)) as saved:
        arrays = {n: saved[n] for n in saved.files if n != "meta"}
    arrays[name] = arrays[name][1:]
    return _archive(_meta_of(data), **arrays)


@pytest.mark.parametrize("damage", DAMAGED, ids=list(DAMAGED))
def test_a_damaged_state_is_one_clear_error(damage: str) -> None:
    data = DAMAGED[damage](_saved())
    with pytest.raises(DamagedState, match=r"^stored story state is damaged \(.+\)$") as info:
        StoryClusterer.from_state(data, OPTIONS)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ClusterStateMismatch)


def test_an_unknown_format_is_still_a_mismatch_not_damage() -> None:
    data = _with_meta(_saved(), lambda m: m.update(format=99))
    with pytest.raises(ClusterStateMismatch, match="format 99") as info:
        StoryClusterer.from_state(data, OPTIONS)
    assert not isinstance(info.value, DamagedState)


def test_an_intact_state_still_restores() -> None:
    restored = StoryClusterer.from_state(_saved(), OPTIONS)
    assert len(restored.stories()) == 1


def test_the_runner_groups_new_articles_past_a_damaged_state(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    options = StoryOptions(cluster=OPTIONS)
    first, second = make_article(1), make_article(2, text=STRIKE_GAZETTE.text)
    with Store(tmp_path / "news.db") as store:
        store.add_articles([first])
        cluster_stored(store, [first], {}, options)
        with store.transaction() as conn:
            conn.execute("UPDATE clusterer_state SET data = ? WHERE name = ?", (b"", STATE_NAME))
        store.add_articles([second])
        with caplog.at_level(logging.WARNING):
            stories = cluster_stored(store, [second], {}, options)
        assert [s.articles for s in stories] == [(second.id,)]
        assert store.unclustered([first.id, second.id]) == []
        assert StoryClusterer.from_state(store.clusterer_state(STATE_NAME) or b"", OPTIONS)
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "news.db: stored story state is damaged (it is empty)" in warning


@pytest.mark.parametrize("bug", [TypeError, AttributeError, KeyError, ValueError, IndexError])
def test_a_bug_in_restoring_is_no_damaged_state(
    monkeypatch: pytest.MonkeyPatch, bug: type[Exception]
) -> None:
    """A bug while restoring an intact state propagates: read as damage, the hot window
    would be thrown away (and overwritten at the next save) with a warning blaming the
    file."""

    def broken(*args: Any) -> Any:
        raise bug("a bug")

    monkeypatch.setattr(stories_module, "_story_from_meta", broken)
    with pytest.raises(bug) as info:
        StoryClusterer.from_state(_saved(), OPTIONS)
    assert not isinstance(info.value, ClusterStateMismatch)
