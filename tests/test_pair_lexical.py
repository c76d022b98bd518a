"""PairLexical: LexicalSimilarity's cosine of two texts fitted on those two, without a fit
per pair (the "said elsewhere" exclusives rule asks one pair per candidate and source)."""

from __future__ import annotations

import itertools

import pytest

from newsprism.reconcile.pair_lexical import PairLexical
from newsprism.reconcile.similarity import LexicalSimilarity

TEXTS = [
    "The harbour master of Kelmar said the ferries would resume sailing on Monday.",
    "Ferries will resume sailing Monday, Kelmar's harbour master said, after the storm.",
    "\u201cWe are not closing the harbour,\u201d Ansel de Roos told reporters. "
    "\u201cNot now.\u201d",
    "Ansel de Roos said the harbour stays open; the council disagreed, and disagreed again.",
    "Straße und STRASSE: the Ålesund office reopened 12 days later.",
    "2024 4,500 17%",  # no word, only digits and marks
    "",
    "ok",  # a word, but no character 4-gram
    "Rescuers pulled 117 people from the water; 14 were injured, 3 seriously.",
]


def _expected(a: str, b: str) -> float:
    return float(LexicalSimilarity().matrix([a], [b])[0, 0])


@pytest.mark.parametrize(("i", "j"), list(itertools.product(range(len(TEXTS)), repeat=2)))
def test_pair_cosine_is_lexical_similarity_of_the_two_texts(i: int, j: int) -> None:
    pairs = PairLexical(TEXTS)
    assert pairs.cosine(i, j) == pytest.approx(_expected(TEXTS[i], TEXTS[j]), abs=1e-6)


def test_repeated_words_weigh_sublinearly_as_in_the_fit() -> None:
    texts = ["talks talks talks about the harbour levy", "the harbour levy talks"]
    assert PairLexical(texts).cosine(0, 1) == pytest.approx(_expected(*texts), abs=1e-6)
