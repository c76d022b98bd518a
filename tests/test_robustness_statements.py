"""Statement pairing on awkward stories: one article holding a great many quote units."""

from __future__ import annotations

import tracemalloc
from types import SimpleNamespace
from typing import Any, cast

import numpy as np

from newsprism.reconcile.statements import _best_other_group, _margins


def test_margins_of_an_article_with_many_units_need_no_cube_of_memory() -> None:
    # One unpunctuated page of 'X said that Y said that ...' gave one article ~1,000
    # units; the rivals x targets cube per article took minutes and gigabytes.
    n = 600
    units = cast(
        Any, [SimpleNamespace(article="a" if k < n - 2 else "b", group=k % 7) for k in range(n)]
    )
    scores = np.random.default_rng(1).random((n, n))
    tracemalloc.start()
    try:
        margins, rivalled = _margins(scores, np.zeros((n, n), dtype=bool), units)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert margins.shape == (n, n) and rivalled.all()
    # A few n x n arrays (2.9 MB each), never n x m x m (the cube took gigabytes).
    assert peak < 40 * scores.nbytes


def test_best_other_group_skips_the_targets_own_group() -> None:
    block = np.array([[0.9, 0.5, -np.inf], [0.1, 0.2, 0.3]])
    got = _best_other_group(block, [4, 4, 9])
    assert np.array_equal(got, np.array([[-np.inf, -np.inf, 0.9], [0.3, 0.3, 0.2]]))
    assert np.isneginf(_best_other_group(block, [1, 1, 1])).all()  # one group: no rival
