"""The shared constrained average linkage against a plain reference implementation."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.reconcile.linkage import MAX_BLOCKED, average_linkage


def reference(
    scores: np.ndarray, forbid: np.ndarray, sure: np.ndarray, link: float, loose: float
) -> list[list[int]]:
    """Recompute every cluster pair's mean each round; merge the best eligible pair
    (lowest indices on ties)."""
    clusters = [[i] for i in range(len(scores))]
    flags = [bool(f) for f in sure]
    while True:
        best: tuple[float, int, int] | None = None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                if any(forbid[x, y] for x in clusters[a] for y in clusters[b]):
                    continue
                mean = float(np.mean([scores[x, y] for x in clusters[a] for y in clusters[b]]))
                need = link if flags[a] and flags[b] else loose
                if mean >= need and (best is None or mean > best[0]):
                    best = (mean, a, b)
        if best is None:
            return [sorted(c) for c in clusters]
        _, a, b = best
        clusters[a] += clusters.pop(b)
        merged = flags.pop(b)
        flags[a] = flags[a] or merged


@pytest.mark.parametrize("seed", range(25))
def test_matches_the_reference(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 12))
    raw = rng.random((n, n))
    scores = (raw + raw.T) / 2
    forbid = rng.random((n, n)) < 0.15
    forbid = forbid | forbid.T
    np.fill_diagonal(forbid, False)
    sure = rng.random(n) < 0.6
    got = average_linkage(scores, forbid, link=0.45, loose=0.6, sure=sure)
    want = reference(scores, forbid, sure, 0.45, 0.6)
    assert sorted(got) == sorted(want)
    assert got == sorted(got, key=lambda c: c[0])  # ordered by first member


def test_forbidden_pairs_never_share_a_cluster() -> None:
    scores = np.ones((3, 3))
    forbid = np.zeros((3, 3), dtype=bool)
    forbid[0, 2] = forbid[2, 0] = True
    clusters = average_linkage(scores, forbid)
    assert not any(0 in c and 2 in c for c in clusters)
    assert average_linkage(np.zeros((0, 0)), np.zeros((0, 0), dtype=bool)) == []


def test_lookahead_weighs_the_merges_a_merge_blocks() -> None:
    """Four statement units: 0 quotes a fragment that 2 and 3 (one article) both hold,
    1 paraphrases 0; 3 is unresolved (the ``loose`` threshold). Greedy merges 0 with 2
    (0.947) and blocks both 0-1 (2 and 1 hardly match) and 0-3 (2 and 3 share an
    article). Played out, 0, 1 and 3 together outscore 0 and 2."""
    scores = np.array(
        [
            [0.0, 0.932, 0.947, 0.815],
            [0.932, 0.0, 0.198, 0.619],
            [0.947, 0.198, 0.0, 0.999],
            [0.815, 0.619, 0.999, 0.0],
        ]
    )
    forbid = np.zeros((4, 4), dtype=bool)
    forbid[2, 3] = forbid[3, 2] = True
    sure = np.array([True, True, True, False])
    options = {"link": 0.65, "loose": 0.70, "sure": sure}
    assert average_linkage(scores, forbid, **options) == [[0, 2], [1], [3]]
    assert average_linkage(scores, forbid, lookahead=True, **options) == [[0, 1, 3], [2]]


@pytest.mark.parametrize("seed", range(25))
def test_lookahead_keeps_the_constraints(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 12))
    raw = rng.random((n, n))
    scores = (raw + raw.T) / 2
    forbid = rng.random((n, n)) < 0.15
    forbid = forbid | forbid.T
    np.fill_diagonal(forbid, False)
    sure = rng.random(n) < 0.6
    clusters = average_linkage(scores, forbid, link=0.45, loose=0.6, sure=sure, lookahead=True)
    assert sorted(i for c in clusters for i in c) == list(range(n))
    for cluster in clusters:
        assert not forbid[np.ix_(cluster, cluster)].any()


def test_lookahead_is_bounded() -> None:
    """A merge blocking more than MAX_BLOCKED clusters is made as without lookahead."""
    n = MAX_BLOCKED + 3
    scores = np.full((n, n), 0.7)
    scores[0, 1] = scores[1, 0] = 0.99
    forbid = np.zeros((n, n), dtype=bool)
    forbid[1, 2:] = forbid[2:, 1] = True  # 1 blocks every other item from joining 0
    plain = average_linkage(scores, forbid, link=0.65)
    assert average_linkage(scores, forbid, link=0.65, lookahead=True) == plain


def lookahead_reference(
    scores: np.ndarray, forbid: np.ndarray, sure: np.ndarray, link: float, loose: float
) -> list[list[int]]:
    """The lookahead of the module doc, recomputed from the item lists at every step:
    the best merge, the clusters it blocks, each play's gain summed pair by pair."""

    def mean(a: list[int], b: list[int]) -> float | None:
        if any(forbid[x, y] for x in a for y in b):
            return None
        value = float(np.mean([scores[x, y] for x in a for y in b]))
        need = link if any(sure[a]) and any(sure[b]) else loose
        return value if value >= need else None

    def best(groups: dict[int, list[int]]) -> tuple[int, int] | None:
        found: tuple[float, int, int] | None = None
        keys = sorted(groups)
        for x, a in enumerate(keys):
            for b in keys[x + 1 :]:
                value = mean(groups[a], groups[b])
                if value is not None and (found is None or value > found[0]):
                    found = (value, a, b)
        return None if found is None else (found[1], found[2])

    def play(first: tuple[int, int], groups: dict[int, list[int]]) -> float:
        groups = {k: list(v) for k, v in groups.items()}
        gain, pair = 0.0, first
        while pair is not None:
            a, b = pair
            need = link if any(sure[groups[a]]) and any(sure[groups[b]]) else loose
            gain += sum(scores[x, y] - need for x in groups[a] for y in groups[b])
            groups[a] += groups.pop(b)
            pair = best(groups)
        return gain

    clusters = {i: [i] for i in range(len(scores))}
    while (pair := best(clusters)) is not None:
        i, j = pair
        blocked = [
            k
            for k in sorted(clusters)
            if k not in pair
            and any(mean(clusters[x], clusters[k]) is not None for x in pair)
            and mean(clusters[i] + clusters[j], clusters[k]) is None
        ]
        if blocked and len(blocked) <= MAX_BLOCKED:
            local = {k: clusters[k] for k in (i, j, *blocked)}
            top = play(pair, local)
            for k in blocked:
                for x in (i, j):
                    if mean(clusters[x], clusters[k]) is not None:
                        value = play((x, k), local)
                        if value > top + 1e-9:
                            top, pair = value, (x, k)
        keep, drop = min(pair), max(pair)
        clusters[keep] += clusters.pop(drop)
    return [sorted(clusters[k]) for k in sorted(clusters)]


def random_case(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Up to 6 items, a third of the pairs forbidden (blocks are common), 60% sure."""
    rng = np.random.default_rng(1000 + seed)
    n = int(rng.integers(2, 7))
    raw = rng.random((n, n))
    scores = (raw + raw.T) / 2
    forbid = rng.random((n, n)) < 0.3
    forbid = forbid | forbid.T
    np.fill_diagonal(forbid, False)
    return scores, forbid, rng.random(n) < 0.6


@pytest.mark.parametrize("seed", range(60))
def test_lookahead_matches_the_reference(seed: int) -> None:
    scores, forbid, sure = random_case(seed)
    got = average_linkage(scores, forbid, link=0.45, loose=0.55, sure=sure, lookahead=True)
    assert got == lookahead_reference(scores, forbid, sure, 0.45, 0.55)


def test_the_reference_cases_exercise_the_lookahead() -> None:
    """The random cases above are no test of the lookahead unless it changes some."""
    changed = 0
    for seed in range(60):
        scores, forbid, sure = random_case(seed)
        options = {"link": 0.45, "loose": 0.55, "sure": sure}
        plain = average_linkage(scores, forbid, **options)
        changed += plain != average_linkage(scores, forbid, lookahead=True, **options)
    assert changed >= 3
