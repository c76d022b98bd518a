"""The lexical similarity's cosines: the block-wise division by the norms gives the same
bits as the whole-matrix expression it replaced (memory, not meaning)."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile import similarity
from newsprism.reconcile.similarity import LexicalSimilarity


def test_dividing_by_the_norms_in_blocks_gives_the_whole_expressions_bits() -> None:
    rng = np.random.default_rng(7)
    product = rng.random((1100, 37))
    left, right = rng.random(1100) + 0.1, rng.random(37) + 0.1
    expected = product / np.outer(left, right)
    similarity._divide_by_outer(product, left, right)
    assert np.array_equal(product, expected)


def test_the_lexical_matrix_is_a_cosine_matrix() -> None:
    texts = ["The pier reopened on Tuesday.", "The pier reopened Tuesday.", "Fares rose 4%.", ""]
    matrix = LexicalSimilarity().matrix(texts, texts)
    assert matrix.dtype == np.float32
    assert np.allclose(np.diag(matrix)[:3], 1.0, atol=1e-6)
    assert matrix[0, 1] > 0.5 > matrix[0, 2]
    assert matrix[3].tolist() == [0.0, 0.0, 0.0, 0.0]
