"""The same articles give the same stories in one run or in two (a saved state between
them): a story restored from the state keeps what each member brought, so the second
run's consolidation re-places, splits and looks up names as the one run's does; and an
older state (format 2, no members kept) still loads, its stories left whole."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from newsprism.cluster.split import MAX_KEPT
from newsprism.cluster.state import STATE_FORMAT
from newsprism.cluster.stories import ArticleSignals, ClusterOptions, StoryClusterer
from tests.test_cluster_split import ARRIVAL, EVENTS, GOLD, HASTY, art, memberships
from tests.test_cluster_stories import STRIKE_COURIER, STRIKE_GAZETTE, STRIKE_GERMAN

SPLITTING = ClusterOptions(embeddings="off", model=HASTY)


def in_runs(batches: Sequence[Sequence[ArticleSignals]], options: ClusterOptions) -> StoryClusterer:
    """A clusterer after each batch is added and consolidated in a run of its own, the
    state saved and restored between runs (as the batch runner does)."""
    clusterer = StoryClusterer(options)
    for batch in batches:
        clusterer.add_many(batch)
        clusterer.consolidate()
        clusterer = StoryClusterer.from_state(clusterer.state(), options)
    return clusterer


@pytest.mark.parametrize("cut", range(1, len(ARRIVAL)))
def test_two_runs_give_the_stories_of_one(cut: int) -> None:
    one = memberships(in_runs([ARRIVAL], SPLITTING).stories())
    two = memberships(in_runs([ARRIVAL[:cut], ARRIVAL[cut:]], SPLITTING).stories())
    assert one == two == GOLD


def test_the_first_runs_mixed_story_is_split_in_the_second() -> None:
    # Three members (under MIN_SPLIT) are one story after the first run (the member its
    # story rejects kept, eject_logit None): its early decision, which only the second
    # run, with the rest of both events, can undo.
    keeping = replace(SPLITTING, eject_logit=None)
    first = in_runs([ARRIVAL[:3]], keeping)
    assert len(first.stories()) == 1
    assert memberships(in_runs([ARRIVAL[:3], ARRIVAL[3:]], keeping).stories()) == GOLD


def test_the_first_run_lets_a_member_its_story_rejects_go() -> None:
    # With the eject on, the first run's consolidation already takes the other event's
    # report out of the story of three; the second run ends the same.
    assert len(in_runs([ARRIVAL[:3]], SPLITTING).stories()) == 2
    assert memberships(in_runs([ARRIVAL[:3], ARRIVAL[3:]], SPLITTING).stories()) == GOLD


def test_a_restored_story_keeps_what_its_members_brought() -> None:
    built = StoryClusterer(SPLITTING)
    built.add_many(ARRIVAL)
    restored = StoryClusterer.from_state(built.state(), SPLITTING)
    (before,) = (s for s in built._stories.values())
    (after,) = (s for s in restored._stories.values())
    assert before.kept is not None and after.kept is not None
    assert after.kept.keys() == before.kept.keys()
    for seq, member in before.kept.items():
        again = after.kept[seq]
        assert member.vector is not None and again.vector is not None
        assert np.array_equal(member.vector, again.vector)
        assert replace(member, vector=None) == replace(again, vector=None)
    assert after.checked == before.checked


def test_a_big_story_keeps_no_members_in_the_state() -> None:
    same = [
        art(f"same-{i:03d}", "Flood water rose over the Marren river banks in Esk.")
        for i in range(MAX_KEPT + 1)
    ]
    c = StoryClusterer(SPLITTING)
    c.add_many(same)
    restored = StoryClusterer.from_state(c.state(), SPLITTING)
    assert [s.kept for s in restored._stories.values()] == [None]


def as_format_2(data: bytes) -> bytes:
    """A current state rewritten as format 2 wrote it: no kept members."""
    with np.load(io.BytesIO(data), allow_pickle=False) as saved:
        arrays = {name: saved[name] for name in saved.files if name != "kept"}
    meta = json.loads(arrays["meta"].tobytes().decode())
    del meta["kept"]
    meta["format"] = 2
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def test_a_format_2_state_loads_with_a_warning_and_its_stories_are_not_split(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert STATE_FORMAT == 4
    c = StoryClusterer(SPLITTING)
    c.add_many(ARRIVAL)
    with caplog.at_level(logging.WARNING, logger="newsprism.cluster.state"):
        old = StoryClusterer.from_state(as_format_2(c.state()), SPLITTING)
    assert "format 2" in caplog.text and "not split" in caplog.text
    old.consolidate()
    assert len(old.stories()) == 1
    fresh = [art(f"{a.article_id}-b", a.text) for a in EVENTS]
    old.add_many(fresh)  # goes on clustering and saving in the current format
    old.consolidate()
    assert StoryClusterer.from_state(old.state(), SPLITTING).stories() == old.stories()


GERMAN_FIRST = [replace(STRIKE_GERMAN, published=STRIKE_COURIER.published)]


def test_a_report_placed_before_any_story_names_its_event_joins_at_consolidation() -> None:
    # The German report (no names from the analyser) comes first: it finds no known name
    # in its text then, and across languages nothing else can join it.
    options = ClusterOptions(embeddings="off")
    c = StoryClusterer(options)
    c.add_many([*GERMAN_FIRST, STRIKE_COURIER, STRIKE_GAZETTE])
    assert len(c.stories()) == 2
    c.consolidate()
    assert len(c.stories()) == 1


def test_a_report_alone_in_the_first_run_joins_in_the_second() -> None:
    options = ClusterOptions(embeddings="off")
    two = in_runs([GERMAN_FIRST, [STRIKE_COURIER, STRIKE_GAZETTE]], options)
    assert memberships(two.stories()) == {
        frozenset({"bote-streik", "courier-strike", "gazette-strike"})
    }
