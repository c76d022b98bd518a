"""A story named twice on ``newsprism export`` (by its id and by a prefix of it) is
exported once: every one of its rows came out twice."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from newsprism import flow, lookup
from newsprism.export import export_stories
from newsprism.model import Brief, Story
from newsprism.store import Store

PORT = Story("s4939810aaaa", "Port strike", ("a1",))
FIRE = Story("s3791c85bbbb", "Wildfire", ("a2",))
RIVER = Story("sf1298c0cccc", "River accord", ("a3",))


def test_each_story_is_briefed_once_in_the_order_first_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = {s.id: s for s in (PORT, FIRE, RIVER)}

    def find_story(_store: Store, key: str) -> Story:
        return next(s for i, s in stories.items() if i.startswith(key))

    monkeypatch.setattr(lookup, "find_story", find_story)
    briefed: list[str] = []

    def brief_stories(_store: Store, found: Sequence[Story], *_: object) -> list[Brief]:
        briefed.extend(s.id for s in found)
        return []

    monkeypatch.setattr(flow, "brief_stories", brief_stories)
    with Store(tmp_path / "x.db") as store:
        keys = ["s4939", "s3791", "s4939810aaaa", "sf129", "s3791c8"]
        export_stories(store, keys, "facts", "csv", tmp_path / "facts.csv")
    assert briefed == [PORT.id, FIRE.id, RIVER.id]
