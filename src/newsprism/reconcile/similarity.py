"""Semantic similarity of short texts (quotes, sentences) within one story.

Two implementations of :class:`TextSimilarity`:

- :class:`DenseSimilarity`: cosine of all-MiniLM-L6-v2 embeddings (the ``embed`` extra),
  which places paraphrases ("we won't surrender one inch of land" / "we will not give
  up a single metre") close together.
- :class:`LexicalSimilarity`: cosine of TF-IDF vectors over word stems and character
  4-grams inside word boundaries, fitted on the texts compared; no torch. It catches
  paraphrases that share stems ("return"/"returning", "prices"/"price") but not ones
  that share no words.

:func:`make_similarity` picks one the way story clustering does ("auto": dense when
installed).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from newsprism.cluster.vectors import DenseVectorizer, dense_available

logger = logging.getLogger(__name__)

__all__ = ["DenseSimilarity", "LexicalSimilarity", "TextSimilarity", "make_similarity"]

Matrix = npt.NDArray[np.float32]
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Suffixes stripped by the crude stemmer, longest first: enough to meet inflected forms
# of one word ("prices"/"price", "resumed"/"resume", "talks"/"talk").
_SUFFIXES = ("ingly", "edly", "ing", "ied", "ies", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.casefold())]


class TextSimilarity(Protocol):
    """Cosine similarities between two lists of texts."""

    dense: bool

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Matrix:
        """``len(first) x len(second)`` cosines in [-1, 1] (0 for an empty text). When
        both lists are the same texts, each is encoded once."""
        ...


class LexicalSimilarity:
    """TF-IDF cosine over stems (unigrams and bigrams) and character 4-grams, fitted on
    the union of the texts compared. Cost: linear in the texts, plus the product."""

    dense = False

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Matrix:
        if not first or not second:
            return np.zeros((len(first), len(second)), np.float32)
        same = first is second or list(first) == list(second)
        texts = list(first) if same else [*first, *second]
        union = FeatureUnion(
            [
                ("words", TfidfVectorizer(analyzer=_stems, sublinear_tf=True)),
                (
                    "chars",
                    TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 4), sublinear_tf=True),
                ),
            ]
        )
        try:
            rows = union.fit_transform(texts)
        except ValueError:  # no usable token in any text
            return np.zeros((len(first), len(second)), np.float32)
        norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1))).ravel()
        norms[norms == 0] = 1.0
        left, right = (rows, rows) if same else (rows[: len(first)], rows[len(first) :])
        right_norms = norms if same else norms[len(first) :]
        product = (left @ right.T).toarray()
        result: Matrix = (product / np.outer(norms[: len(first)], right_norms)).astype(np.float32)
        return result


class DenseSimilarity:
    """Cosine of all-MiniLM-L6-v2 sentence embeddings. Each distinct text is embedded
    once per instance (a brief's steps compare the same sentences again and again); the
    cache holds at most ``cache_size`` texts, 1.5 KiB each. Cost: about 3 ms per new text
    on one CPU core, plus loading the model once (~2 s)."""

    dense = True

    def __init__(self, vectorizer: DenseVectorizer | None = None, cache_size: int = 50_000) -> None:
        self._vectorizer = vectorizer or DenseVectorizer()
        self._cache: dict[str, Matrix] = {}
        self._cache_size = cache_size

    def _rows(self, texts: Sequence[str]) -> Matrix:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            if len(self._cache) + len(missing) > self._cache_size:
                self._cache.clear()
            self._cache.update(zip(missing, self._vectorizer.vectors(missing), strict=True))
        return np.stack([self._cache[t] for t in texts]).astype(np.float32)

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Matrix:
        if not first or not second:
            return np.zeros((len(first), len(second)), np.float32)
        left = self._rows(first)
        right = left if first is second or list(first) == list(second) else self._rows(second)
        result: Matrix = left @ right.T
        return result


def make_similarity(embeddings: Literal["auto", "off", "on"] = "auto") -> TextSimilarity:
    """Dense when asked ("on") or when installed ("auto"), else lexical."""
    if embeddings == "off" or (embeddings == "auto" and not dense_available()):
        return LexicalSimilarity()
    return DenseSimilarity()
