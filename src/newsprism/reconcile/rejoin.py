"""Step 3 of statement alignment (:mod:`newsprism.reconcile.statements`): clusters
that are parts of one quote group rejoined.

Two clusters become one statement when, in at least ``co_group_sources`` independent
sources, the same quote group holds both ("This is not a victory for one side," he
said. "It is the first time in thirty years ..." told that way by several outlets), or
both come from one source only and share its quote group (a split quote nobody else
reports). A source whose one unit in one cluster renders a part of the other too
(:func:`_renders`) counts as holding both. Never when an article has them in different
groups, or when their resolved speakers differ. Cost: linear in the units plus the
linked pairs, and quadratic in the clusters sharing one quote group.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from newsprism.reconcile.material import StoryMaterial

if TYPE_CHECKING:
    from newsprism.reconcile.statements import StatementOptions, Unit

logger = logging.getLogger(__name__)

__all__ = ["rejoin"]

Mask = npt.NDArray[np.bool_]


@dataclass
class _Cluster:
    """A statement in the making: its units and, per article, the one group it uses."""

    units: list[int]
    groups: dict[str, int]
    sources: set[str]
    speaker: str | None


def rejoin(
    clusters: list[list[int]],
    units: Sequence[Unit],
    material: StoryMaterial,
    options: StatementOptions,
    linked: Mask | None = None,
) -> list[list[int]]:
    """Step 3: merge clusters that are parts of one quote group (see module doc).
    ``linked`` (n x n): pairs of units whose probability reached ``link``, of one
    article too (a unit that renders a part of another cluster, see :func:`_renders`)."""
    state = [
        _Cluster(
            list(c),
            {units[i].article: units[i].group for i in c},
            {material.source_of(units[i].article) for i in c},
            next((units[i].speaker for i in c if units[i].speaker), None),
        )
        for c in clusters
    ]
    parent = list(range(len(state)))

    def find(number: int) -> int:
        while parent[number] != number:
            number = parent[number]
        return number

    rendered = _renders(state, units, material, linked)
    for a, b in _rejoin_candidates(state, options, rendered):
        root_a, root_b = find(a), find(b)
        first, second = state[root_a], state[root_b]
        if root_a == root_b or not _compatible(first, second):
            continue
        first.units.extend(second.units)
        first.groups.update(second.groups)
        first.sources |= second.sources
        first.speaker = first.speaker or second.speaker
        second.units = []
        parent[root_b] = root_a
    return [sorted(c.units) for c in state if c.units]


def _compatible(first: _Cluster, second: _Cluster) -> bool:
    if first.speaker and second.speaker and first.speaker != second.speaker:
        return False
    return all(second.groups.get(a, g) == g for a, g in first.groups.items())


def _renders(
    state: Sequence[_Cluster],
    units: Sequence[Unit],
    material: StoryMaterial,
    linked: Mask | None,
) -> dict[tuple[int, int], set[str]]:
    """Per pair of clusters (a, b), a < b: the sources of one cluster's units that
    render a part of the other too (probability at least ``link`` with one of its
    units) in an article the other has no unit in. One outlet quotes a passage in one
    sentence ("... but nobody in Sarnow thinks this race is won, and ... every
    volunteer counts") that another splits into two; the one unit joins one of the two
    clusters, and it says as much as a shared quote group that the two are one
    statement. Not when the other unit repeats a unit of its own article in the
    first cluster (linked to it: one outlet saying "Tell me who you are" twice)."""
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    if linked is None or not len(linked):
        return found
    owner = {i: number for number, c in enumerate(state) for i in c.units}
    for i, j in zip(*np.nonzero(np.triu(linked)), strict=True):
        a, b = owner[int(i)], owner[int(j)]
        if a == b or units[i].article == units[j].article:
            continue
        for mine, theirs, unit, other in ((a, b, i, j), (b, a, j, i)):
            repeat = any(
                linked[other, k]
                for k in state[mine].units
                if units[k].article == units[other].article
            )
            if units[unit].article not in state[theirs].groups and not repeat:
                found[(min(a, b), max(a, b))].add(material.source_of(units[unit].article))
    return found


def _rejoin_candidates(
    state: Sequence[_Cluster],
    options: StatementOptions,
    rendered: dict[tuple[int, int], set[str]] | None = None,
) -> list[tuple[int, int]]:
    """Pairs of clusters that share quote groups in enough sources, most shared first;
    a source whose unit in one renders a part of the other (``rendered``) counts too,
    for clusters that share a quote group in some source."""
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
        sources = in_groups | (rendered or {}).get((a, b), set())
        single = len(state[a].sources) == 1 and state[a].sources == state[b].sources
        if len(sources) >= options.co_group_sources or single:
            chosen.append((-len(sources), a, b))
    return [(a, b) for _, a, b in sorted(chosen)]
