"""The lexical similarity's cosines: the block-wise product and division by the norms give the same
bits as the whole-matrix expression it replaced (memory, not meaning)."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from newsprism.reconcile import similarity
from newsprism.reconcile.similarity import LexicalSimilarity


def test_cosines_in_blocks_give_the_whole_expressions_bits() -> None:
    rng = np.random.default_rng(7)
    left = sparse.random(1100, 300, density=0.05, format="csr", random_state=rng)
    right = sparse.random(37, 300, density=0.2, format="csr", random_state=rng)
    left_norms, right_norms = rng.random(1100) + 0.1, rng.random(37) + 0.1
    expected = ((left @ right.T).toarray() / np.outer(left_norms, right_norms)).astype(np.float32)
    found = similarity._cosines(left, right.T.tocsr(), left_norms, right_norms)
    assert found.dtype == np.float32
    assert np.array_equal(found, expected)


def test_the_lexical_matrix_is_a_cosine_matrix() -> None:
    texts = ["The pier reopened on Tuesday.", "The pier reopened Tuesday.", "Fares rose 4%.", ""]
    matrix = LexicalSimilarity().matrix(texts, texts)
    assert matrix.dtype == np.float32
    assert np.allclose(np.diag(matrix)[:3], 1.0, atol=1e-6)
    assert matrix[0, 1] > 0.5 > matrix[0, 2]
    assert matrix[3].tolist() == [0.0, 0.0, 0.0, 0.0]
