"""A clause under a negated verb is no assertion (negation_guards.under_denial): the
negation is read as clauses.is_negated reads it, so 'not only' denies nothing, a 'no'
subject ('No one said ...') or a 'nobody' denies the saying, and a 'not' on the copula
of an adjective ('was not sure that ...') denies what the adjective takes. Invented
sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from newsprism.reconcile.clauses import english_parser
from newsprism.reconcile.negation_guards import under_denial


def _verb(sentence: str, word: str) -> Token:
    doc = english_parser()(sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Ada Kross did not say that the dam broke.", "broke"),
        ("Ada Kross never said the dam broke.", "broke"),
        ("No one said that the dam broke.", "broke"),
        ("Nobody told the council that the dam broke.", "broke"),
        ("Ada Kross was not sure that the dam broke.", "broke"),
    ],
)
def test_a_clause_under_a_denial_is_not_asserted(sentence: str, word: str) -> None:
    assert under_denial(_verb(sentence, word))


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Ada Kross said that the dam broke.", "broke"),
        ("Ada Kross not only said that the dam broke, she filmed it.", "broke"),
        ("Ada Kross was sure that the dam broke.", "broke"),
        ("The dam broke, and Ada Kross did not say why.", "broke"),
    ],
)
def test_a_clause_under_an_assertion_stays_asserted(sentence: str, word: str) -> None:
    assert not under_denial(_verb(sentence, word))
