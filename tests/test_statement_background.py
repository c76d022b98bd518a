"""The lexical similarity of statement units with weights counted over the story's
sentences (:class:`BackgroundLexicalSimilarity`, ``StatementOptions.background_lexical``).
Invented sentences only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from newsprism.model import Analysis, Article, Story, article_id
from newsprism.reconcile import statements
from newsprism.reconcile.material import StoryMaterial
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


def _record_backgrounds(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], float]]:
    """Every BackgroundLexicalSimilarity align_statements builds: (background, weight)."""
    built: list[tuple[list[str], float]] = []

    class Recording(BackgroundLexicalSimilarity):
        def __init__(self, background: Sequence[str], weight: float, base: Any = None) -> None:
            built.append((list(background), weight))
            super().__init__(background, weight, base)

    monkeypatch.setattr(statements, "BackgroundLexicalSimilarity", Recording)
    return built


def _story() -> StoryMaterial:
    text = " ".join(_STORY)
    article = Article(article_id("A", text), "a.txt", text, outlet="A")
    spans = tuple((text.index(s), text.index(s) + len(s)) for s in _STORY)
    analysis = Analysis(article.id, "test", spans, (), ())
    return StoryMaterial(Story("s", None, (article.id,)), [article], {article.id: analysis})


def test_lexical_statements_weigh_words_over_the_story_sentences_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """align_statements counts the story's own sentences when it weighs words (half the
    cosine by default); with the option at 0 it does not."""
    built = _record_backgrounds(monkeypatch)
    statements.align_statements(_story(), LexicalSimilarity())
    assert len(built) == 1 and built[0][1] == statements.StatementOptions().background_lexical
    assert len(built[0][0]) == len(_STORY)  # one text per sentence of the story
    assert all("Varen" in sentence for sentence in built[0][0])
    statements.align_statements(
        _story(), LexicalSimilarity(), statements.StatementOptions(background_lexical=0.0)
    )
    assert len(built) == 1
