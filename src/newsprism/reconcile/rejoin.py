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

import bisect
import heapq
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
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
            parent[number] = parent[parent[number]]  # path halving: near-constant finds
            number = parent[number]
        return number

    rendered = _renders(state, units, material, linked)
    for a, b in _rejoin_candidates(state, options, rendered, find):
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
    n = len(units)
    cluster_of = np.full(n, -1, dtype=np.int64)
    for number, cluster in enumerate(state):
        cluster_of[cluster.units] = number
    articles: dict[str, int] = {}
    article_of = np.array([articles.setdefault(u.article, len(articles)) for u in units])
    clusters, width = max(len(state), 1), max(len(articles), 1)
    # (cluster, article) where the cluster has a unit, and (unit, cluster) where the unit
    # is linked to a unit of that cluster in its own article: the two tests of each
    # linked pair below, as look-ups in sorted codes.
    held = np.unique(cluster_of * width + article_of)
    repeats = _own_article_links(linked, article_of, cluster_of, clusters)
    rows, cols = np.nonzero(np.triu(linked))
    # Pairs inside one cluster or one article are dropped at once: in a story of one
    # event nearly every linked pair is inside one statement.
    apart = (cluster_of[rows] != cluster_of[cols]) & (article_of[rows] != article_of[cols])
    rows, cols = rows[apart], cols[apart]
    sources = [material.source_of(u.article) for u in units]
    for unit, other in ((rows, cols), (cols, rows)):
        mine, theirs = cluster_of[unit], cluster_of[other]
        elsewhere = ~np.isin(theirs * width + article_of[unit], held)
        fresh = ~np.isin(other * clusters + mine, repeats)
        keep = elsewhere & fresh
        low, high = np.minimum(mine, theirs)[keep], np.maximum(mine, theirs)[keep]
        for a, b, k in zip(low.tolist(), high.tolist(), unit[keep].tolist(), strict=True):
            found[(a, b)].add(sources[k])
    return found


def _own_article_links(
    linked: Mask, article_of: npt.NDArray[np.int64], cluster_of: npt.NDArray[np.int64],
    clusters: int,
) -> npt.NDArray[np.int64]:  # fmt: skip
    """Sorted codes ``unit * clusters + cluster`` of each unit linked to a unit of that
    cluster in its own article (one outlet saying one thing twice)."""
    codes = []
    order = np.argsort(article_of, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(article_of[order]) != 0])
    for members in np.split(order, starts[1:]):
        x, k = np.nonzero(linked[np.ix_(members, members)])
        codes.append(members[x] * clusters + cluster_of[members[k]])
    return np.unique(np.concatenate(codes)) if codes else np.zeros(0, np.int64)


def _rejoin_candidates(
    state: Sequence[_Cluster],
    options: StatementOptions,
    rendered: dict[tuple[int, int], set[str]] | None = None,
    find: Callable[[int], int] | None = None,
) -> Iterator[tuple[int, int]]:
    """Pairs of clusters that share quote groups in enough sources, most shared first
    (then by cluster number); a source whose unit in one renders a part of the other
    (``rendered``) counts too, for clusters that share a quote group in some source.

    Two clusters that share a group share its article's source, and the sources they
    share are the same whichever groups they share, so a pair reaches
    ``co_group_sources`` only when both clusters hold that many sources, or through
    ``rendered``; such pairs are listed. The pairs of one-source clusters of one
    source (a split quote nobody else reports) each count one source and come last, in
    cluster order: they are made as they are taken, so one article's quote group of
    thousands of short quotes costs no list (or set) of millions of pairs; and once
    ``find`` (the caller's merged clusters) has one root for a whole group, its other
    pairs, which could merge nothing, are not made at all.
    """
    rendered = rendered or {}
    by_group: dict[tuple[str, int], list[int]] = defaultdict(list)
    for number, cluster in enumerate(state):
        for article, group in cluster.groups.items():
            by_group[(article, group)].append(number)
    wide = options.co_group_sources
    pairs: set[tuple[int, int]] = set()
    for members in by_group.values():
        many = [m for m in members if len(state[m].sources) >= wide]
        pairs.update((a, b) for x, a in enumerate(many) for b in many[x + 1 :])
    pairs.update(p for p in rendered if _share_group(state[p[0]], state[p[1]]))
    chosen = []
    for a, b in pairs:
        sources = (state[a].sources & state[b].sources) | rendered.get((a, b), set())
        if len(sources) >= options.co_group_sources or _single(state[a], state[b]):
            chosen.append((-len(sources), a, b))
    chosen.sort()
    # Taken before the first pair: the clusters change as pairs are merged.
    only = {n: next(iter(c.sources)) for n, c in enumerate(state) if len(c.sources) == 1}
    yield from ((a, b) for n, a, b in chosen if n < -1)
    ones = ((a, b) for n, a, b in chosen if n == -1)
    singles = (p for p in _single_pairs(only, by_group, find or _alone) if p not in pairs)
    yield from heapq.merge(ones, singles)


def _share_group(first: _Cluster, second: _Cluster) -> bool:
    return any(second.groups.get(a) == g for a, g in first.groups.items())


def _single(first: _Cluster, second: _Cluster) -> bool:
    return len(first.sources) == 1 and first.sources == second.sources


def _alone(number: int) -> int:
    return number


def _single_pairs(
    only: dict[int, str],
    by_group: dict[tuple[str, int], list[int]],
    find: Callable[[int], int],
) -> Iterator[tuple[int, int]]:
    """Pairs (a, b), a < b, in order, of clusters with one source (``only``: cluster ->
    its source), the same, that share a quote group; made one cluster at a time, and
    none more from a group whose clusters ``find`` has made one."""
    groups_of: dict[int, list[list[int]]] = defaultdict(list)
    for members in by_group.values():
        alone = [m for m in members if m in only]
        for m in alone if len(alone) > 1 else ():
            groups_of[m].append(alone)
    merged: set[int] = set()  # id() of the groups found one cluster
    for a in sorted(groups_of):
        open_groups = [g for g in groups_of[a] if id(g) not in merged]
        partners: set[int] = set()
        for alone in open_groups:
            partners.update(alone[bisect.bisect_right(alone, a) :])
        yield from ((a, b) for b in sorted(partners) if only[b] == only[a])
        for alone in open_groups:
            root = find(alone[0])
            if all(find(m) == root for m in alone):
                merged.add(id(alone))
