"""Constrained average-linkage clustering, shared by statement alignment and the timeline.

:func:`average_linkage` repeatedly merges the two clusters with the highest mean pair
score, among pairs of clusters with no forbidden pair between them (a complete-linkage
constraint: "two quotes of one article are never one statement", "two mentions with
days that do not overlap are never one event") whose mean reaches the threshold of the
pair: ``link`` when both clusters are *sure* (a statement's speaker is resolved), else
``loose``. Ties go to the lowest indices, so the result is deterministic.

Cost: O(n^2) memory, one O(n^2) argmax and O(n) row updates per merge, at most n - 1
merges.
"""

from __future__ import annotations

import logging

import numpy as np
import numpy.typing as npt

__all__ = ["average_linkage"]

logger = logging.getLogger(__name__)

FloatMatrix = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def average_linkage(
    scores: npt.ArrayLike,
    forbid: BoolArray,
    *,
    link: float = 0.0,
    loose: float | None = None,
    sure: BoolArray | None = None,
) -> list[list[int]]:
    """Clusters (sorted index lists, ordered by their first member) of ``scores`` (a
    symmetric n x n matrix) under the rules of the module docstring. ``sure`` (one flag
    per item, default all) picks ``link`` or ``loose`` (default ``link``) per pair; a
    merged cluster is sure when either side was."""
    total = np.array(scores, dtype=np.float64)
    n = len(total)
    if n == 0:
        return []
    blocked = np.array(forbid, dtype=bool)
    flags = np.ones(n, dtype=bool) if sure is None else np.array(sure, dtype=bool)
    loose_need = link if loose is None else loose
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
