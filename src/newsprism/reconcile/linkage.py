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
:data:`MAX_BLOCKED`), k + 1 plays of the greedy run on k + 2 clusters.
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
    raw = np.array(scores, dtype=np.float64)
    total = raw.copy()
    n = len(total)
    if n == 0:
        return []
    blocked = np.array(forbid, dtype=bool)
    flags = np.ones(n, dtype=bool) if sure is None else np.array(sure, dtype=bool)
    loose_need = link if loose is None else loose
    rule = _Rule(raw, np.array(forbid, dtype=bool), flags.copy(), link, loose_need)
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
            clusters = [members[k] for k in range(n)]
            i, j = _weighed(i, j, score, clusters, rule)
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
    """The item-level inputs of the merge rule, for playing merges out."""

    scores: FloatMatrix
    forbid: BoolArray
    sure: BoolArray
    link: float
    loose: float

    def threshold(self, a: list[int], b: list[int]) -> float:
        """``link`` when both clusters (item lists) hold a sure item, else ``loose``."""
        return self.link if self.sure[a].any() and self.sure[b].any() else self.loose

    def mean(self, a: list[int], b: list[int]) -> float | None:
        """The mean score of a merge of clusters a and b, None where it is not allowed
        (a forbidden pair, or a mean under the threshold)."""
        block = np.ix_(a, b)
        if self.forbid[block].any():
            return None
        mean = float(self.scores[block].mean())
        return mean if mean >= self.threshold(a, b) else None


def _weighed(
    i: int, j: int, score: FloatMatrix, clusters: list[list[int]], rule: _Rule
) -> tuple[int, int]:
    """The merge to make instead of the best one (i, j), weighing the merges it blocks
    (see the module doc). ``score`` holds the eligible merges' means (-inf where none),
    ``clusters`` the items of each cluster."""
    union = clusters[i] + clusters[j]
    blocked = [
        k
        for k in range(len(clusters))
        if k not in (i, j)
        and (np.isfinite(score[i, k]) or np.isfinite(score[j, k]))
        and rule.mean(union, clusters[k]) is None
    ]
    if not blocked or len(blocked) > MAX_BLOCKED:
        return i, j
    local = [i, j, *blocked]
    best, choice = _play((i, j), local, clusters, rule), (i, j)
    for k in blocked:
        for x in (i, j):
            if np.isfinite(score[x, k]):
                value = _play((x, k), local, clusters, rule)
                if value > best:
                    best, choice = value, (x, k)
    return choice


def _play(
    first: tuple[int, int], local: list[int], clusters: list[list[int]], rule: _Rule
) -> float:
    """The sum of ``score - threshold`` over the pairs joined by the greedy run on the
    ``local`` clusters that starts with the merge ``first``."""
    groups = {k: list(clusters[k]) for k in local}
    gain = 0.0
    pair: tuple[int, int] | None = first
    while pair is not None:
        a, b = pair
        threshold = rule.threshold(groups[a], groups[b])
        gain += float((rule.scores[np.ix_(groups[a], groups[b])] - threshold).sum())
        groups[a] += groups.pop(b)
        best, pair = -np.inf, None
        keys = sorted(groups)
        for x, key_a in enumerate(keys):
            for key_b in keys[x + 1 :]:
                mean = rule.mean(groups[key_a], groups[key_b])
                if mean is not None and mean > best:
                    best, pair = mean, (key_a, key_b)
    return gain
