"""Average linkage for big components: the best merge read from per-row bests, against
the argmax over the whole score matrix it replaced (random scores with ties)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.reconcile import linkage
from newsprism.reconcile.linkage import average_linkage


def _old_best(run: linkage._Greedy) -> tuple[int, int] | None:
    a, b = divmod(int(np.argmax(run.score)), len(run.size))
    return (a, b) if np.isfinite(run.score[a, b]) else None


def _inputs(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    scores = np.round(rng.random((n, n)), int(rng.integers(1, 3)))  # ties
    scores = (scores + scores.T) / 2
    forbid = rng.random((n, n)) < 0.15
    forbid |= forbid.T
    np.fill_diagonal(forbid, False)
    return scores, forbid, rng.random(n) < 0.7


@pytest.mark.parametrize("lookahead", [False, True])
@pytest.mark.parametrize("seed", range(15))
def test_row_bests_merge_as_the_matrix_argmax(
    seed: int, lookahead: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    scores, forbid, sure = _inputs(seed)

    def run() -> list[list[int]]:
        return average_linkage(
            scores, forbid.copy(), link=0.4, loose=0.55, sure=sure, lookahead=lookahead
        )

    new = run()
    assert any(len(c) > 2 for c in new) or len(scores) < 8
    monkeypatch.setattr(linkage._Greedy, "best", _old_best)
    assert new == run()
