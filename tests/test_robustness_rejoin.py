"""Rejoining statement parts (reconcile/rejoin.py) on one article's quote group of
thousands of short quotes ('The mayor said "a" "b" ...'): every pair of its clusters was
listed with a set each (5,000 quotes: 12.5 million sets, 7.4 GB, 200 s for the run);
the pairs of one-source clusters are now made as they are taken, and none more from a
group already made one. Checked against the eager listing on random cases."""

from __future__ import annotations

import random
from collections import defaultdict
from types import SimpleNamespace
from typing import Any

import numpy as np

from newsprism.reconcile import rejoin as rejoin_module
from newsprism.reconcile.rejoin import _Cluster, rejoin

SOURCES = {"a": "S1", "b": "S1", "c": "S2", "d": "S3", "e": "S4"}
MATERIAL: Any = SimpleNamespace(source_of=SOURCES.__getitem__)


def _eager_candidates(
    state: list[_Cluster], options: Any, rendered: dict[tuple[int, int], set[str]]
) -> list[tuple[int, int]]:
    """The listing as it was: every pair sharing a group, sorted by sources shared."""
    by_group: dict[tuple[str, int], list[int]] = defaultdict(list)
    for number, cluster in enumerate(state):
        for article, group in cluster.groups.items():
            by_group[(article, group)].append(number)
    shared: dict[tuple[int, int], set[str]] = defaultdict(set)
    for members in by_group.values():
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                shared[(a, b)].update(state[a].sources & state[b].sources)
    chosen = []
    for (a, b), in_groups in shared.items():
        sources = in_groups | rendered.get((a, b), set())
        single = len(state[a].sources) == 1 and state[a].sources == state[b].sources
        if len(sources) >= options.co_group_sources or single:
            chosen.append((-len(sources), a, b))
    return [(a, b) for _, a, b in sorted(chosen)]


def _units(count: int, rng: random.Random) -> list[Any]:
    return [
        SimpleNamespace(
            article=rng.choice("abcde"),
            group=rng.randint(0, 2),
            speaker=rng.choice([None, None, "Rask", "Holt"]),
        )
        for _ in range(count)
    ]


def test_rejoin_merges_as_the_eager_listing_did(monkeypatch: Any) -> None:
    rng = random.Random(7)
    cases = []
    for trial in range(400):
        units = _units(rng.randint(1, 24), rng)
        order = list(range(len(units)))
        rng.shuffle(order)
        clusters = [sorted(order[k : k + 3]) for k in range(0, len(order), 3)]
        linked = np.random.default_rng(trial).random((len(units),) * 2) < 0.1
        options = SimpleNamespace(co_group_sources=rng.choice([1, 2, 2, 3]))
        args = (units, MATERIAL, options, linked | linked.T)
        cases.append((clusters, args, rejoin([list(c) for c in clusters], *args)))
    monkeypatch.setattr(
        rejoin_module, "_rejoin_candidates", lambda s, o, r, _find: _eager_candidates(s, o, r)
    )
    for clusters, args, found in cases:
        assert rejoin([list(c) for c in clusters], *args) == found


def test_one_quote_group_of_thousands_of_quotes_takes_a_pair_per_cluster(
    monkeypatch: Any,
) -> None:
    count = 2_000
    units: Any = [SimpleNamespace(article="a", group=0, speaker="Rask") for _ in range(count)]
    taken = []
    candidates = rejoin_module._rejoin_candidates

    def counted(*args: Any) -> Any:
        for pair in candidates(*args):
            taken.append(pair)
            yield pair

    monkeypatch.setattr(rejoin_module, "_rejoin_candidates", counted)
    options: Any = SimpleNamespace(co_group_sources=2)
    merged = rejoin([[i] for i in range(count)], units, MATERIAL, options, None)
    assert merged == [list(range(count))]
    assert len(taken) == count - 1
