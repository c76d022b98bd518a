"""The merge check's and the join's tighter bound (cluster/hot.py ``overlap_cap``,
``LogitBound.ceiling`` with caps): never below what full scoring gives, so no story
changes, and tight enough that most candidates are not measured in full."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

import numpy as np
import pytest

from newsprism.cluster.ann import NameIndex
from newsprism.cluster.bound import UNMEASURED, LogitBound
from newsprism.cluster.hot import (
    HotStory,
    Profile,
    norm_sq,
    overlap_cap,
    overlap_caps,
    profile,
    weighted_overlap,
)
from newsprism.cluster.join import Evidence, load_model

NAMES = [f"name {i}" for i in range(60)]


def _profile(rng: random.Random, keys: int) -> Profile:
    counts = profile(Counter({n: rng.randint(1, 9) for n in rng.sample(NAMES, keys)}))
    if rng.random() < 0.4:
        counts.rest = float(rng.randint(1, 30))  # a trimmed story's dropped counts
    return counts


def test_the_cap_is_never_below_the_overlap_it_bounds() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        floor = rng.choice([0.0, 0.5, 1.0, 1.7])
        weights = {n: floor + rng.random() * 6 for n in NAMES}
        story = _profile(rng, rng.randint(1, 50))
        size = rng.randint(1, 80)
        first: Profile | frozenset[str]
        side: Mapping[str, float]
        if rng.random() < 0.5:
            first, first_size = frozenset(rng.sample(NAMES, rng.randint(1, 12))), 1.0
            side = dict.fromkeys(first, 1.0)
        else:
            first, first_size = _profile(rng, rng.randint(1, 50)), float(rng.randint(1, 80))
            side = first
        exact = weighted_overlap(side, first_size, story, size, {}, weights.__getitem__)
        cap = overlap_cap(first, first_size, story, size, {}, weights.__getitem__, floor)
        assert cap >= exact
        assert 0.0 <= cap <= 1.0
        if exact == 0.0:
            assert cap == 0.0  # no shared key: exact, found without weighing


def test_with_unit_weights_the_cap_is_the_overlap_itself() -> None:
    """The numbers' overlap (unweighted): the cap is exact up to its slack."""
    rng = random.Random(8)
    for _ in range(500):
        first, second = _profile(rng, rng.randint(1, 40)), _profile(rng, rng.randint(1, 40))
        exact = weighted_overlap(first, 7, second, 13)
        cap = overlap_cap(first, 7, second, 13)
        assert exact <= cap <= exact * (1 + 1e-8) + 1e-15


def test_the_cap_weighs_only_the_shared_names() -> None:
    weighed: list[str] = []

    def weigh(name: str) -> float:
        weighed.append(name)
        return 2.0

    story = profile(Counter({"lorvik": 4, "mirela kostanj": 2, "tessel": 1, "harbour": 3}))
    cap = overlap_cap(frozenset({"lorvik", "ostbecken"}), 1.0, story, 5, {}, weigh, 1.0)
    assert weighed == ["lorvik"]
    exact = weighted_overlap(dict.fromkeys(("lorvik", "ostbecken"), 1.0), 1.0, story, 5, {}, weigh)
    assert exact <= cap < 1.0


@pytest.mark.parametrize("kind", ["lexical", "dense"])
def test_the_capped_bound_is_never_below_the_margin(kind: str) -> None:
    """For evidence whose overlaps lie under their caps, the capped ceiling is at
    least the exact margin, and at most the uncapped ceiling."""
    limits = LogitBound(load_model(kind), cut=0.3)
    rng = random.Random(13)
    fields = ("names", "speakers", "numbers", "title")
    for _ in range(1000):
        values = {f: rng.uniform(-1, 1) if f == "title" else rng.random() for f in fields}
        gap = rng.choice([None, rng.uniform(0, 9)])
        exact = Evidence(
            text_mean=rng.uniform(-0.2, 1.0),
            text_centroid=rng.uniform(-0.2, 1.0),
            gap_days=gap,
            cohesion=rng.choice([None, rng.random()]),
            names_gap=None if gap is None else values["names"] * math.log1p(gap),
            **values,
        )
        hidden = [f for f in fields if rng.random() < 0.7]
        if "names" in hidden and gap is not None:
            hidden.append("names_gap")
        partial = replace(exact, **dict.fromkeys(hidden, UNMEASURED))
        caps = {f: min(1.0, values[f] + rng.uniform(0.0, 0.5)) for f in hidden if f in fields}
        capped = limits.ceiling(partial, caps)
        assert capped >= limits.margin(exact)
        assert capped <= limits.ceiling(partial)


def test_overlap_caps_bound_each_unmeasured_field_of_a_story_pair() -> None:
    rng = random.Random(21)
    index = NameIndex(recent_stories=40)
    for key in range(40):
        index.add(key, rng.sample(NAMES, 8))
    floor = index.weight_floor()
    for _ in range(300):
        a = HotStory(1, "a", sources=rng.randint(1, 30))
        b = HotStory(2, "b", sources=rng.randint(1, 30))
        for side in (a, b):
            side.names, side.speakers = _profile(rng, 20), _profile(rng, 6)
            side.numbers = _profile(rng, 10)
        known = Evidence(0.1, 0.2, None, UNMEASURED, UNMEASURED, None, numbers=UNMEASURED)
        caps = overlap_caps(
            known, (a.names, a.speakers, a.numbers), a.sources, b, {}, index.weight, floor
        )
        for field, first, second in (
            ("names", a.names, b.names),
            ("speakers", a.speakers, b.speakers),
        ):
            exact = weighted_overlap(first, a.sources, second, b.sources, {}, index.weight)
            assert caps[field] >= exact
        assert caps["numbers"] >= weighted_overlap(a.numbers, a.sources, b.numbers, b.sources)


def test_the_weight_floor_is_below_every_weight_as_the_index_changes() -> None:
    rng = random.Random(2)
    index = NameIndex()
    held: dict[int, set[str]] = {}
    for step in range(600):
        story = rng.randrange(30)
        if rng.random() < 0.65:
            names = set(rng.sample(NAMES, 4))
            index.add(story, names)
            held.setdefault(story, set()).update(names)
        elif held.get(story):
            gone = set(rng.sample(sorted(held[story]), 2 if len(held[story]) > 1 else 1))
            index.remove(story, gone)
            held[story] -= gone
        index.recent_stories = sum(1 for names in held.values() if names)
        floor = index.weight_floor()
        assert all(index.weight(n) >= floor for n in NAMES), step
        assert floor == 1.0  # recent_stories counts every indexed story
    index.recent_stories -= 5  # a caller that undercounts: still a floor, below 1
    assert index.weight_floor() < 1.0
    assert all(index.weight(n) >= index.weight_floor() for n in NAMES)


def test_a_storys_cached_norm_follows_its_joins() -> None:
    rng = np.random.default_rng(4)
    story = HotStory(0, "s", total=np.zeros(16, np.float32))
    assert norm_sq(story) == (0.0, False)
    for _ in range(5):
        vector = rng.standard_normal(16).astype(np.float32)
        story.sources += 1
        story.total += vector  # type: ignore[operator]
        assert story.total is not None
        assert norm_sq(story) == (float(np.dot(story.total, story.total)), True)


@pytest.mark.parametrize("kind", ["lexical", "dense"])
def test_the_feature_level_bound_gives_the_general_bounds_floats(kind: str) -> None:
    """A plain model's ceiling is summed over the features directly (no filled
    Evidence made): the same float as filling the evidence and asking the model."""
    fast = LogitBound(load_model(kind), cut=0.2)
    general = LogitBound(load_model(kind), cut=0.2)
    general._slots = None
    assert fast._slots is not None
    rng = random.Random(17)
    fields = ("names", "speakers", "numbers", "title")
    for _ in range(500):
        evidence = Evidence(
            text_mean=rng.uniform(-0.2, 1.0),
            text_centroid=rng.uniform(-0.2, 1.0),
            gap_days=rng.choice([None, rng.uniform(0, 9)]),
            cohesion=rng.choice([None, rng.random()]),
            **{f: rng.choice([None, UNMEASURED, rng.random()]) for f in fields},
        )
        caps = {f: rng.random() for f in fields if rng.random() < 0.5}
        assert fast.ceiling(evidence, caps) == general.ceiling(evidence, caps)


def test_best_reaches_a_floor_from_elsewhere_and_skips_what_the_gate_rules_out() -> None:
    """Margins known exactly (floats) stand for measured candidates: with a floor only
    those reaching it come back, and a gate whose model is under its cut drops one."""
    model = load_model("lexical")
    bound = LogitBound(model)
    known = [(2.0, 1, "a"), (1.0, 2, "b"), (-1.0, 3, "c")]
    measure = lambda candidate, seen, floor, caps: None  # noqa: E731 (floats: never called)
    assert bound.best(known, measure) == (2.0, -1, "a")
    assert bound.best(known, measure, floor=1.5) == (2.0, -1, "a")
    assert bound.best(known, measure, floor=2.5) is None
    never = LogitBound(replace(model, intercept=-1e6))  # its cut is out of reach
    text = Evidence(0.3, 0.3, None, None, None, None)
    assert bound.best([(text, 1, "a")], measure, gate=never) is None
    assert bound.pick(known, measure) == "a"
