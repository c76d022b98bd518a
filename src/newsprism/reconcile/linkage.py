"""Constrained average-linkage clustering, shared by statement alignment and the timeline.

:func:`average_linkage` repeatedly merges the two clusters with the highest mean pair
score, among pairs of clusters with no forbidden pair between them (a complete-linkage
constraint: "two quotes of one article are never one statement", "two mentions with
days that do not overlap are never one event") whose mean reaches the threshold of the
pair: ``link`` when both clusters are *sure* (a statement's speaker is resolved), else
``loose``. Ties go to the lowest indices, so the result is deterministic.

With ``lookahead``, a merge that *blocks* others is weighed against them. Merging a and
b blocks c when c could join a or b now but not their union (c is forbidden with one of
them, or its mean with the union falls under the threshold). Then the greedy run is
played out on a, b and the blocked clusters twice, once from the merge (a, b) and once
from each blocked merge, and the first merge of the play with the larger sum of ``score
- threshold`` over its joined pairs is made (the merge (a, b) on a tie). A statement
example: a short quoted fragment, "would significantly increase the risk", occurs in
two units of one article, a direct quote and an unattributed clause; the direct one
(resolved: 0.947) merges with the other outlet's clause that quotes the fragment first,
and so blocks both that unit's 0.932 pair with a third outlet's paraphrase and the
second unit, which fits both (0.815, 0.619). Played out, those three score 0.316
against 0.297.

Cost: O(n^2) memory, one O(n^2) argmax and O(n) row updates per merge, at most n - 1
merges; with ``lookahead``, per merge that blocks k clusters (at most
:data:`MAX_BLOCKED`), an O(n) vectorised search for them and up to 2k + 1 plays of the
greedy run on k + 2 clusters, each O(k^3) on a local matrix of cluster sums.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["MAX_BLOCKED", "average_linkage"]

logger = logging.getLogger(__name__)

#: Most blocked clusters a merge is weighed against; past it the best merge is made
#: (each play is quadratic in the clusters played: a bound on the cost in a story where
#: one unit blocks dozens). Statement merges on the BASIL calibration and development
#: golds block at most 4 (225 merges: 180 block none, 32 one, 9 two, 4 three or four).
MAX_BLOCKED = 8
#: Plays whose gains differ by less are a tie: two plays that join the same pairs in
#: another order sum them in another order, and the rounding must not pick the merge.
_TIE = 1e-9
FloatMatrix = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def average_linkage(
    scores: npt.ArrayLike,
    forbid: BoolArray,
    *,
    link: float = 0.0,
    loose: float | None = None,
    sure: BoolArray | None = None,
    lookahead: bool = False,
) -> list[list[int]]:
    """Clusters (sorted index lists, ordered by their first member) of ``scores`` (a
    symmetric n x n matrix) under the rules of the module docstring. ``sure`` (one flag
    per item, default all) picks ``link`` or ``loose`` (default ``link``) per pair; a
    merged cluster is sure when either side was. ``lookahead`` weighs a merge against
    the merges it blocks (see the module doc)."""
    total = np.array(scores, dtype=np.float64)
    n = len(total)
    if n == 0:
        return []
    blocked = np.array(forbid, dtype=bool)
    flags = np.ones(n, dtype=bool) if sure is None else np.array(sure, dtype=bool)
    loose_need = link if loose is None else loose
    rule = _Rule(link, loose_need)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members = [[i] for i in range(n)]

    def row_score(i: int) -> FloatMatrix:
        mean = total[i] / (size[i] * size)
        need = np.where(flags[i] & flags, link, loose_need)
        ok = alive & ~blocked[i] & (mean >= need)
        ok[i] = False
        return np.where(ok, mean, -np.inf)

    score = np.vstack([row_score(i) for i in range(n)])
    for _ in range(n - 1):
        flat = int(np.argmax(score))
        i, j = divmod(flat, n)
        if not np.isfinite(score[i, j]):
            break
        if lookahead:
            state = _State(total, blocked, size, flags, rule)
            i, j = _weighed(i, j, score, state)
        i, j = min(i, j), max(i, j)
        total[i] += total[j]
        total[:, i] = total[i]
        blocked[i] |= blocked[j]
        blocked[:, i] = blocked[i]
        size[i] += size[j]
        flags[i] |= flags[j]
        alive[j] = False
        members[i].extend(members[j])
        score[j, :] = -np.inf
        score[:, j] = -np.inf
        row = row_score(i)
        score[i, :] = row
        score[:, i] = row
    return [sorted(members[i]) for i in np.flatnonzero(alive)]


@dataclass(frozen=True)
class _Rule:
    """The merge thresholds, for playing merges out."""

    link: float
    loose: float


@dataclass(frozen=True)
class _State:
    """The main loop's cluster-level arrays (sums of pair scores, forbidden pairs,
    sizes, sure flags), read by the lookahead, never written."""

    total: FloatMatrix
    forbid: BoolArray
    size: FloatMatrix
    sure: BoolArray
    rule: _Rule


def _blocks(i: int, j: int, score: FloatMatrix, state: _State) -> list[int]:
    """The clusters that can join i or j now (a finite ``score``) but not their union:
    forbidden with either, or a mean with the union under its threshold."""
    rule = state.rule
    near = np.flatnonzero(np.isfinite(score[i]) | np.isfinite(score[j]))
    near = near[(near != i) & (near != j)]
    if len(near) == 0:
        return []
    forbid = state.forbid[i, near] | state.forbid[j, near]
    total = state.total[i, near] + state.total[j, near]
    mean = total / ((state.size[i] + state.size[j]) * state.size[near])
    need = np.where((state.sure[i] | state.sure[j]) & state.sure[near], rule.link, rule.loose)
    return [int(k) for k in near[forbid | (mean < need)]]


def _weighed(i: int, j: int, score: FloatMatrix, state: _State) -> tuple[int, int]:
    """The merge to make instead of the best one (i, j), weighing the merges it blocks
    (see the module doc). ``score`` holds the eligible merges' means (-inf where none)."""
    blocked = _blocks(i, j, score, state)
    if not blocked or len(blocked) > MAX_BLOCKED:
        return i, j
    local = sorted([i, j, *blocked])
    best, choice = _play((i, j), local, state), (i, j)
    for k in blocked:
        for x in (i, j):
            if np.isfinite(score[x, k]):
                value = _play((x, k), local, state)
                if value > best + _TIE:
                    best, choice = value, (x, k)
    return choice


def _play(first: tuple[int, int], local: list[int], state: _State) -> float:
    """The sum of ``score - threshold`` over the item pairs joined by the greedy run on
    the ``local`` clusters (sorted indices) that starts with the merge ``first``; the
    merged cluster keeps the first's position, ties go to the lowest positions. Like
    the main loop, it keeps the clusters' sums and updates one row per merge."""
    rule = state.rule
    index = np.array(local)
    block = np.ix_(index, index)
    total = state.total[block].copy()
    forbid = state.forbid[block].copy()
    size = state.size[index].copy()
    sure = state.sure[index].copy()
    alive = np.ones(len(local), dtype=bool)

    def row_score(x: int) -> FloatMatrix:
        mean = total[x] / (size[x] * size)
        ok = alive & ~forbid[x] & (mean >= np.where(sure[x] & sure, rule.link, rule.loose))
        ok[x] = False
        return np.where(ok, mean, -np.inf)

    score = np.vstack([row_score(x) for x in range(len(local))])
    a, b = local.index(first[0]), local.index(first[1])
    gain = 0.0
    while True:
        need = rule.link if sure[a] and sure[b] else rule.loose
        gain += float(total[a, b] - need * size[a] * size[b])
        total[a] += total[b]
        total[:, a] = total[a]
        forbid[a] |= forbid[b]
        forbid[:, a] = forbid[a]
        size[a] += size[b]
        sure[a] |= sure[b]
        alive[b] = False
        score[b, :] = score[:, b] = -np.inf
        score[a, :] = score[:, a] = row_score(a)
        a, b = divmod(int(np.argmax(score)), len(local))
        if not np.isfinite(score[a, b]):
            return gain
