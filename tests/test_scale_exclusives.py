"""Exclusives for big stories: a passage's details weighed against its candidate
sentences only until one resembles it, against weighing every candidate pair (the old
passages x sentences loop), lexical and with a dense-like similarity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from newsprism.model import Passage
from newsprism.reconcile.exclusive_details import StoryDetails
from newsprism.reconcile.exclusives import ExclusiveOptions, _Novelty
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_scale_summary import _material


class _DenseLike:
    """Dense-flagged similarity (cosines moved up, as an embedding's are)."""

    dense = True

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Any:
        return np.sqrt(np.clip(LexicalSimilarity().matrix(first, second), 0.0, 1.0))


def _old_novel(novelty: _Novelty, passages: Sequence[Passage]) -> list[bool]:
    """_Novelty.novel before: every candidate pair weighed, sources compared as strings."""
    material, opts = novelty._material, novelty._options
    sentences = novelty._sentences
    sources = np.array([material.source_of(s.article) for s in sentences])
    first, second = [p.text for p in passages], [s.text for s in sentences]
    mine = np.array([material.source_of(p.article) for p in passages])
    other = mine[:, None] != sources[None, :]
    if not novelty._similarity.dense:
        scores = novelty._similarity.matrix(first, second)
        found = scores >= opts.lexical_alone
        band = (scores >= opts.lexical) & ~found & other
        for row, column in zip(*np.nonzero(band), strict=True):
            share = novelty._elsewhere.carried_share(passages[row], int(column))
            found[row, column] = share >= opts.lexical_details
    else:
        dense = novelty._similarity.matrix(first, second)
        lexical = LexicalSimilarity().matrix(first, second)
        close = (dense >= opts.dense) & (lexical >= opts.dense_wording) & other
        for row, column in zip(*np.nonzero(close), strict=True):
            share = novelty._elsewhere.carried_share(passages[row], int(column))
            close[row, column] = share >= opts.dense_details
        found = close | (lexical >= opts.dense_lexical)
    result = []
    for row, passage in zip(found, passages, strict=True):
        others = sources != material.source_of(passage.article)
        result.append(bool(others.any()) and not bool(row[others].any()))
    return result


@pytest.mark.parametrize("dense", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_novel_matches_every_pair_weighed(seed: int, dense: bool) -> None:
    material = _material(seed)
    sentences = material.story_pieces()
    details = StoryDetails(material, sentences, story_names(material))
    similarity = _DenseLike() if dense else LexicalSimilarity()
    options = ExclusiveOptions()
    novelty = _Novelty(material, sentences, similarity, details, options)
    passages = sentences
    assert novelty.novel(passages) == _old_novel(novelty, passages)
