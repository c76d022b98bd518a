"""The lexical cosine of two texts weighed on those two alone, for many pairs of a fixed
set of texts.

:class:`~newsprism.reconcile.similarity.LexicalSimilarity` fits its TF-IDF on the texts
compared; called on one pair at a time it refits per pair (about 20 ms on a loaded
machine), and the "said elsewhere" exclusives rule
(:class:`~newsprism.reconcile.exclusive_told.SaidElsewhere`) asks one pair per candidate and
other source: 30 outlets quoting one official made ~8,700 fits. With two texts the fit is
known in closed form, so :class:`PairLexical` counts each text's terms once and scores a
pair from the two counts: the same TF-IDF (stems, and character 4-grams inside word
boundaries; sublinear tf; smoothed idf over the two texts, ``ln(3 / (1 + df)) + 1``;
each part L2-normalised; the parts concatenated) and the same cosine, to float32
rounding (tests/test_pair_lexical.py holds it to LexicalSimilarity's).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Final

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsprism.reconcile.similarity import word_stems

__all__ = ["PairLexical"]

_CHARS: Final = TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 4)).build_analyzer()
# Smoothed idf of a term in one or both of two texts.
_IDF: Final = {1: math.log(3 / 2) + 1.0, 2: 1.0}

_Part = dict[str, float]  # term -> sublinear tf


def _sublinear(terms: list[str]) -> _Part:
    return {t: 1.0 + math.log(n) for t, n in Counter(terms).items()}


class PairLexical:
    """Pair cosines among ``texts`` (see the module doc). Cost: one tokenisation per
    text, then per pair a pass over the two texts' terms."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._parts: list[tuple[_Part, _Part]] = [
            (_sublinear(word_stems(t)), _sublinear(_CHARS(t))) for t in texts
        ]

    def cosine(self, i: int, j: int) -> float:
        """The cosine of texts ``i`` and ``j``, each weighed against the other only."""
        a, b = self._parts[i], self._parts[j]
        if not (a[0] or b[0]) or not (a[1] or b[1]):
            return 0.0  # a part with no term in either text: LexicalSimilarity's zeros
        dot, norm_a, norm_b = 0.0, 0.0, 0.0
        for x, y in zip(a, b, strict=True):
            d, na, nb = _part_cosine(x, y)
            dot, norm_a, norm_b = dot + d, norm_a + na, norm_b + nb
        if not norm_a or not norm_b:
            return 0.0
        return float(np.float32(dot / math.sqrt(norm_a * norm_b)))


def _part_cosine(x: _Part, y: _Part) -> tuple[float, float, float]:
    """One part's contribution: the product of the two L2-normalised vectors and their
    squared norms (1 each, 0 for a text with no term)."""
    wx = {t: tf * _IDF[1 + (t in y)] for t, tf in x.items()}
    wy = {t: tf * _IDF[1 + (t in x)] for t, tf in y.items()}
    nx = math.sqrt(sum(v * v for v in wx.values()))
    ny = math.sqrt(sum(v * v for v in wy.values()))
    if not nx or not ny:
        return 0.0, float(bool(nx)), float(bool(ny))
    small, large = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    dot = sum(v * large[t] for t, v in small.items() if t in large)
    return dot / (nx * ny), 1.0, 1.0
