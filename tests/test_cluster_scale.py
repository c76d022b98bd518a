"""Clustering at scale without changing a decision: the bounded pick (candidates that
cannot win are not measured in full) and the frequency-free overlap give exactly the
stories that scoring every candidate in full gave; a story's profile (names, speakers,
numbers) stays bounded however many articles it takes, and so does the name index."""

from __future__ import annotations

import math
import pickle
import random
import sys
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newsprism.cluster import bound
from newsprism.cluster.bound import UNMEASURED, LogitBound
from newsprism.cluster.hot import (
    PROFILE_KEYS,
    PROFILE_TRIM,
    MergeLog,
    profile,
    weighted_overlap,
)
from newsprism.cluster.join import Evidence, JoinModel, load_model
from newsprism.cluster.stories import ArticleSignals, ClusterOptions, StoryClusterer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from stream import iter_light_articles, truth_signals


def reference_jaccard(
    first: Mapping[str, float], second: Mapping[str, float], weight: Callable[[str], float]
) -> float:
    """The weighted Jaccard over frequency dicts, as the clusterer computed it before."""
    top = bottom = 0.0
    for key, a in first.items():
        b = second.get(key, 0.0)
        w = weight(key)
        top += w * (a if a < b else b)
        bottom += w * (b if a < b else a)
    for key, b in second.items():
        if key not in first:
            bottom += weight(key) * b
    return top / bottom if bottom else 0.0


def test_the_overlap_is_the_same_float_as_the_jaccard_over_frequencies() -> None:
    rng = random.Random(7)
    names = [f"name {i}" for i in range(40)]
    weights = {n: 1.0 + rng.random() * 4 for n in names}
    for _ in range(300):
        first = Counter({n: rng.randint(1, 5) for n in rng.sample(names, rng.randint(1, 12))})
        second = Counter({n: rng.randint(1, 9) for n in rng.sample(names, rng.randint(1, 20))})
        first_size, second_size = rng.randint(5, 9), rng.randint(9, 30)
        expected = reference_jaccard(
            {k: c / first_size for k, c in first.items()},
            {k: c / second_size for k, c in second.items()},
            weights.__getitem__,
        )
        memo: dict[str, float] = {}
        got = weighted_overlap(first, first_size, second, second_size, memo, weights.__getitem__)
        assert got == expected  # bit for bit: a decision never moves
        unit = weighted_overlap(first, first_size, second, second_size)
        assert unit == reference_jaccard(
            {k: c / first_size for k, c in first.items()},
            {k: c / second_size for k, c in second.items()},
            lambda _: 1.0,
        )


def test_sides_sharing_no_key_overlap_by_zero_without_weighing_a_name() -> None:
    def never(name: str) -> float:
        raise AssertionError(f"weighed {name}")

    assert weighted_overlap({"a": 1.0}, 1.0, Counter({"b": 3}), 4, {}, never) == 0.0


@pytest.mark.parametrize("kind", ["lexical", "dense"])
def test_the_bound_is_never_below_the_margin_it_bounds(kind: str) -> None:
    model = load_model(kind)
    limits = LogitBound(model, cut=0.3)
    rng = random.Random(11)
    fields = ("title", "names", "speakers", "numbers")
    for _ in range(500):
        values = {
            f: rng.choice([None, rng.uniform(-1, 1) if f == "title" else rng.random()])
            for f in fields
        }
        exact = Evidence(
            text_mean=rng.uniform(-0.2, 1.0),
            text_centroid=rng.uniform(-0.2, 1.0),
            gap_days=rng.choice([None, rng.uniform(0, 9)]),
            cohesion=rng.choice([None, rng.random()]),
            **values,
        )
        hidden = [f for f in fields if values[f] is not None and rng.random() < 0.7]
        partial = replace(exact, **dict.fromkeys(hidden, UNMEASURED))
        assert limits.ceiling(partial) >= limits.margin(exact)
        assert limits.ceiling(exact) == limits.margin(exact)


def test_a_field_the_model_is_not_linear_in_is_not_bounded() -> None:
    class Curved(JoinModel):
        def logit(self, evidence: Evidence) -> float:
            return super().logit(evidence) + 5 * (evidence.names or 0.0) ** 2

    model = Curved(0.0, tuple(1.0 for _ in load_model("lexical").weights))
    limits = LogitBound(model)
    partial = Evidence(0.5, 0.5, None, UNMEASURED, None, None)
    assert limits.ceiling(partial) == math.inf


def _cluster(count: int) -> tuple[list[str], list[tuple[str, ...]]]:
    clusterer = StoryClusterer(ClusterOptions(embeddings="off"))
    placed = [clusterer.add(truth_signals(item)) for item in iter_light_articles(count, 400.0)]
    return placed, sorted(story.articles for story in clusterer.stories())


def test_bounded_picks_give_the_stories_that_scoring_every_candidate_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    measured = Counter[str]()
    for name in ("_article_rest", "_stories_rest"):
        inner = getattr(StoryClusterer, name)

        def counted(self: StoryClusterer, *args: Any, _inner: Any = inner, **kw: Any) -> Any:
            measured[mode] += 1
            return _inner(self, *args, **kw)

        monkeypatch.setattr(StoryClusterer, name, counted)
    mode = "bounded"
    bounded = _cluster(160)
    monkeypatch.setattr(bound, "_SLACK", math.inf)  # every bound infinite: all measured
    mode = "full"
    full = _cluster(160)
    assert bounded == full
    assert len(bounded[1]) > 20
    assert measured["bounded"] < 0.7 * measured["full"]


# --- a story's profile is bounded (hot.PROFILE_KEYS) ----------------------------------------


def test_a_profile_past_the_trim_keeps_its_most_counted_keys_and_the_rest_as_a_count() -> None:
    counts = profile()
    for i in range(PROFILE_TRIM - 1):  # and "common": PROFILE_TRIM keys
        counts.absorb({f"name {i:03d}"} | ({"common"} if i % 2 else set()))
    assert len(counts) == PROFILE_TRIM  # at the trim, not past it: nothing dropped yet
    assert counts.rest == 0.0
    dropped = counts.absorb({"one more"})
    assert len(counts) == PROFILE_KEYS
    assert counts["common"] == PROFILE_TRIM // 2 - 1  # the most counted: kept
    assert counts.rest == len(dropped) == PROFILE_TRIM + 1 - PROFILE_KEYS
    assert not dropped & counts.keys()
    for again in (counts.copy(), pickle.loads(pickle.dumps(counts))):
        assert again == counts
        assert again.rest == counts.rest


def test_an_untrimmed_profile_overlaps_as_its_plain_counts_did() -> None:
    rng = random.Random(3)
    names = [f"name {i}" for i in range(30)]
    weights = {n: 1.0 + rng.random() * 4 for n in names}
    for _ in range(100):
        first = Counter({n: rng.randint(1, 5) for n in rng.sample(names, 8)})
        second = Counter({n: rng.randint(1, 9) for n in rng.sample(names, 15)})
        plain = weighted_overlap(first, 6, second, 20, {}, weights.__getitem__)
        assert (
            weighted_overlap(profile(first), 6, profile(second), 20, {}, weights.__getitem__)
            == plain
        )


def test_a_trimmed_profiles_rest_counts_against_the_overlap() -> None:
    article = dict.fromkeys(("a", "b"), 1.0)
    story = profile(Counter({"a": 5, "b": 5}))
    whole = weighted_overlap(article, 1.0, story, 5)
    story.rest = 5.0  # five more mentions of names no longer kept
    assert weighted_overlap(article, 1.0, story, 5) < whole


def _absorbing_story(count: int) -> StoryClusterer:
    """A clusterer whose one story takes ``count`` reports, each naming Lorvik and two
    people no other report names."""
    clusterer = StoryClusterer(ClusterOptions(embeddings="off"))
    day = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    text = (
        "Dockworkers at the port of Lorvik walked off the job on Monday, leaving the "
        "container cranes idle and a dozen ships waiting offshore."
    )
    for i in range(count):
        clusterer.add(
            ArticleSignals(
                f"report-{i:03d}",
                day + timedelta(minutes=i),
                "Lorvik dockworkers walk out",
                text,
                entities=frozenset({"Lorvik", f"Person {i:03d}a", f"Person {i:03d}b"}),
            )
        )
    return clusterer


def test_a_story_taking_ever_more_names_keeps_a_bounded_profile_and_index() -> None:
    clusterer = _absorbing_story(PROFILE_TRIM)
    (story,) = clusterer._stories.values()
    assert story.sources == PROFILE_TRIM
    assert len(story.names) <= PROFILE_TRIM
    assert story.names["lorvik"] == PROFILE_TRIM  # the story's own name is never dropped
    assert story.names.rest > 0
    names = clusterer._names
    dropped = {f"person {i:03d}{s}" for i in range(PROFILE_TRIM) for s in "ab"} - story.names.keys()
    assert dropped  # trimmed away, and gone from the name index too (no stale postings)
    assert not any(names.candidates([name]) for name in dropped)
    assert all(names.candidates([name]) == {story.key} for name in story.names)


def test_a_trimmed_story_survives_a_state_round_trip() -> None:
    clusterer = _absorbing_story(PROFILE_TRIM)
    (story,) = clusterer._stories.values()
    again = StoryClusterer.from_state(clusterer.state(), ClusterOptions(embeddings="off"))
    (restored,) = again._stories.values()
    for kind in ("names", "speakers", "numbers"):
        assert getattr(restored, kind) == getattr(story, kind)
        assert getattr(restored, kind).rest == getattr(story, kind).rest


def test_merged_ids_point_to_the_story_that_holds_their_articles_now() -> None:
    log = MergeLog()
    log.record("s-a", "s-b")
    log.record("s-c", "s-d")
    log.record("s-b", "s-d")
    assert log.as_dict() == {"s-a": "s-d", "s-c": "s-d", "s-b": "s-d"}
    assert list(log.as_dict()) == ["s-a", "s-c", "s-b"]  # in the order they were merged
