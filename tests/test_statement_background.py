"""The lexical similarity of statement units with weights counted over the story's
sentences (:class:`BackgroundLexicalSimilarity`, ``StatementOptions.background_lexical``).
Invented sentences only."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.similarity import (
    BackgroundLexicalSimilarity,
    LexicalSimilarity,
    _row_cosines,
    _vectorizer,
)

_STORY = [
    "The Varen harbour strike entered its third day on Monday.",
    "Harbour workers in Varen said the offer was unfair.",
    "The Varen harbour board said talks would resume on Thursday.",
    "Ships waited outside Varen harbour for a third day.",
]
_QUOTES = [
    "the offer is unfair to Varen harbour",
    "talks will resume on Thursday at Varen harbour",
    "we will not accept an unfair offer",
]


def test_background_cosine_is_the_tfidf_fitted_on_texts_and_background() -> None:
    """Whole weight: the same cosines as TF-IDF fitted on the texts and the story's
    sentences together, a feature of the texts alone included."""
    texts = [*_QUOTES, "a phrase nobody else wrote"]
    got = BackgroundLexicalSimilarity(_STORY, 1.0).matrix(texts, texts)
    rows = _vectorizer().fit_transform([*texts, *_STORY])[: len(texts)]
    assert np.allclose(got, _row_cosines(rows, len(texts), True), atol=1e-6)


def test_a_word_the_whole_story_uses_weighs_less() -> None:
    """'Varen harbour' is in every sentence: counted over the story it says less about
    which claim two quotes render than over the quotes alone."""
    alone = LexicalSimilarity().matrix(_QUOTES, _QUOTES)
    mixed = BackgroundLexicalSimilarity(_STORY, 1.0).matrix(_QUOTES, _QUOTES)
    assert mixed[0, 1] < alone[0, 1]
    assert mixed[0, 2] / mixed[0, 1] > alone[0, 2] / alone[0, 1]


def test_mixed_by_weight_and_empty_background_is_the_plain_cosine() -> None:
    alone = LexicalSimilarity().matrix(_QUOTES, _QUOTES)
    whole = BackgroundLexicalSimilarity(_STORY, 1.0).matrix(_QUOTES, _QUOTES)
    half = BackgroundLexicalSimilarity(_STORY, 0.5).matrix(_QUOTES, _QUOTES)
    assert np.allclose(half, 0.5 * whole + 0.5 * alone, atol=1e-6)
    assert np.array_equal(BackgroundLexicalSimilarity([], 0.5).matrix(_QUOTES, _QUOTES), alone)
    assert BackgroundLexicalSimilarity(_STORY, 0.5).matrix([], _QUOTES).shape == (0, 3)


def test_two_lists_compare_rows_with_columns() -> None:
    similarity = BackgroundLexicalSimilarity(_STORY, 1.0)
    both = similarity.matrix(_QUOTES, _QUOTES)
    assert np.allclose(similarity.matrix(_QUOTES[:1], _QUOTES[1:]), both[:1, 1:], atol=1e-6)
