"""rejoin._renders for big stories: the linked pairs inside one cluster or one article
dropped before the loop, against the loop over every linked pair it replaced."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any, cast

import numpy as np
import pytest

from newsprism.reconcile.rejoin import _Cluster, _renders


def _old_renders(state: Sequence[_Cluster], units: Sequence[Any], material: Any,
                 linked: np.ndarray) -> dict[tuple[int, int], set[str]]:
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    owner = {i: number for number, c in enumerate(state) for i in c.units}
    by_article: list[dict[str, list[int]]] = []
    for cluster in state:
        held: dict[str, list[int]] = defaultdict(list)
        for k in cluster.units:
            held[units[k].article].append(k)
        by_article.append(held)
    for i, j in zip(*np.nonzero(np.triu(linked)), strict=True):
        a, b = owner[int(i)], owner[int(j)]
        if a == b or units[i].article == units[j].article:
            continue
        for mine, theirs, unit, other in ((a, b, i, j), (b, a, j, i)):
            if units[unit].article in state[theirs].groups:
                continue
            same = by_article[mine].get(units[other].article, ())
            if not any(linked[other, k] for k in same):
                found[(min(a, b), max(a, b))].add(material.source_of(units[unit].article))
    return found


@pytest.mark.parametrize("seed", range(10))
def test_renders_match_every_linked_pair(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 70))
    units = [SimpleNamespace(article=f"a{rng.integers(8)}", group=int(rng.integers(3)))
             for _ in range(n)]
    labels = rng.integers(0, max(1, n // 3), size=n)
    state = []
    for label in sorted(set(labels.tolist())):
        members = [int(k) for k in np.flatnonzero(labels == label)]
        state.append(_Cluster(members, {units[k].article: units[k].group for k in members},
                              {units[k].article[:2] for k in members}, None))
    linked = rng.random((n, n)) < 0.2
    linked |= linked.T
    material = SimpleNamespace(source_of=lambda article: f"source of {article}")
    found = _renders(state, cast(Any, units), cast(Any, material), linked)
    assert dict(found) == dict(_old_renders(state, units, material, linked))
