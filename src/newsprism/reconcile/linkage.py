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
    flags = np.ones(n, dtype=bool) if sure is None else np.array(sure, dtype=bool)
    rule = _Rule(link, link if loose is None else loose)
    run = _Greedy(total, np.array(forbid, dtype=bool), np.ones(n), flags, rule)
    members = [[i] for i in range(n)]
    for _ in range(n - 1):
        best = run.best()
        if best is None:
            break
        i, j = _weighed(*best, run) if lookahead else best
        i, j = min(i, j), max(i, j)
        run.merge(i, j)
        members[i].extend(members[j])
    return [sorted(members[i]) for i in np.flatnonzero(run.alive)]


@dataclass(frozen=True)
class _Rule:
    """The merge thresholds: ``link`` for two sure clusters, else ``loose``."""

    link: float
    loose: float


class _Greedy:
    """The state of one greedy average-linkage run, shared by the main loop and the
    lookahead's plays: per cluster the sums of pair scores, the forbidden pairs, the
    size and the sure flag, and the eligible merges' means (-inf where none). A merge
    updates one row and column of each, O(n). The arrays passed in are taken, not
    copied."""

    def __init__(
        self, total: FloatMatrix, forbid: BoolArray, size: FloatMatrix, sure: BoolArray,
        rule: _Rule,
    ) -> None:  # fmt: skip
        self.total, self.forbid, self.size, self.sure, self.rule = total, forbid, size, sure, rule
        self.alive = np.ones(len(size), dtype=bool)
        self.score = np.vstack([self._row_score(x) for x in range(len(size))])
        # Per row its best score and the first column holding it: the best merge is the
        # first row's best, read in O(n) where an argmax over the matrix was O(n^2) a
        # merge (cubic in a component of thousands of units, one statement told by
        # hundreds of outlets).
        self.row_best = self.score.max(axis=1) if len(size) else np.zeros(0)
        self.row_arg = np.argmax(self.score, axis=1) if len(size) else np.zeros(0, np.int64)

    def _row_score(self, x: int) -> FloatMatrix:
        mean = self.total[x] / (self.size[x] * self.size)
        need = np.where(self.sure[x] & self.sure, self.rule.link, self.rule.loose)
        ok = self.alive & ~self.forbid[x] & (mean >= need)
        ok[x] = False
        return np.where(ok, mean, -np.inf)

    def best(self) -> tuple[int, int] | None:
        """The eligible merge with the highest mean (ties: the lowest positions, as the
        first maximum of the matrix in row order)."""
        a = int(np.argmax(self.row_best))
        b = int(self.row_arg[a])
        return (a, b) if np.isfinite(self.score[a, b]) else None

    def gain(self, a: int, b: int) -> float:
        """The sum of ``score - threshold`` over the item pairs merging a and b joins."""
        need = self.rule.link if self.sure[a] and self.sure[b] else self.rule.loose
        return float(self.total[a, b] - need * self.size[a] * self.size[b])

    def merge(self, a: int, b: int) -> None:
        """Merge cluster b into a (a keeps its position)."""
        self.total[a] += self.total[b]
        self.total[:, a] = self.total[a]
        self.forbid[a] |= self.forbid[b]
        self.forbid[:, a] = self.forbid[a]
        self.size[a] += self.size[b]
        self.sure[a] |= self.sure[b]
        self.alive[b] = False
        self.score[b, :] = self.score[:, b] = -np.inf
        self.score[a, :] = self.score[:, a] = self._row_score(a)
        self._rebest(a, b)

    def _rebest(self, a: int, b: int) -> None:
        """Row bests after merging b into a: each row's column a changed and column b is
        gone, so a row is read again only when its best was in one of them, or column a
        now beats it (or ties it in an earlier column)."""
        column = self.score[:, a]
        arg, top = self.row_arg, self.row_best
        stale = (arg == a) | (arg == b) | (column > top) | ((column == top) & (a < arg))
        stale[[a, b]] = True
        rows = np.flatnonzero(stale)
        block = self.score[rows]
        top[rows] = block.max(axis=1)
        arg[rows] = np.argmax(block, axis=1)


def _blocks(i: int, j: int, run: _Greedy) -> list[int]:
    """The clusters that can join i or j now (a finite score) but not their union:
    forbidden with either, or a mean with the union under its threshold."""
    rule = run.rule
    near = np.flatnonzero(np.isfinite(run.score[i]) | np.isfinite(run.score[j]))
    near = near[(near != i) & (near != j)]
    if len(near) == 0:
        return []
    forbid = run.forbid[i, near] | run.forbid[j, near]
    total = run.total[i, near] + run.total[j, near]
    mean = total / ((run.size[i] + run.size[j]) * run.size[near])
    need = np.where((run.sure[i] | run.sure[j]) & run.sure[near], rule.link, rule.loose)
    return [int(k) for k in near[forbid | (mean < need)]]


def _weighed(i: int, j: int, run: _Greedy) -> tuple[int, int]:
    """The merge to make instead of the best one (i, j), weighing the merges it blocks
    (see the module doc). ``run`` is only read."""
    blocked = _blocks(i, j, run)
    if not blocked or len(blocked) > MAX_BLOCKED:
        return i, j
    local = sorted([i, j, *blocked])
    best, choice = _play((i, j), local, run), (i, j)
    for k in blocked:
        for x in (i, j):
            if np.isfinite(run.score[x, k]):
                value = _play((x, k), local, run)
                if value > best + _TIE:
                    best, choice = value, (x, k)
    return choice


def _play(first: tuple[int, int], local: list[int], run: _Greedy) -> float:
    """The sum of ``score - threshold`` over the item pairs joined by the greedy run on
    the ``local`` clusters (sorted indices) that starts with the merge ``first``; the
    merged cluster keeps the first's position, ties go to the lowest positions. It runs
    a :class:`_Greedy` on copies of the main run's rows and columns of those clusters."""
    index = np.array(local)
    block = np.ix_(index, index)
    play = _Greedy(
        run.total[block].copy(), run.forbid[block].copy(), run.size[index].copy(),
        run.sure[index].copy(), run.rule,
    )  # fmt: skip
    step: tuple[int, int] | None = (local.index(first[0]), local.index(first[1]))
    gain = 0.0
    while step is not None:
        gain += play.gain(*step)
        play.merge(*step)
        step = play.best()
    return gain
