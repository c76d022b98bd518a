"""A denial against an assertion told by a reduced relative clause ("the bill, signed by
the governor on Monday, ..." asserts the signing as "the governor signed the bill"
does), through find_discrepancies on invented articles."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


NOT_SIGNED = "Governor Ana Holt has not signed the Sarnow ferry levy bill."
SIGNED = "The Sarnow ferry levy bill, signed by Governor Ana Holt on Monday, takes effect in May."


def _negations(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "negation"]


def test_a_reduced_relative_asserts_its_event(analyzer: Analyzer) -> None:
    assert _negations(analyzer, [NOT_SIGNED, SIGNED]) == [{NOT_SIGNED, SIGNED}]


@pytest.mark.parametrize(
    "texts",
    [
        # Another bill.
        [NOT_SIGNED, SIGNED.replace("Sarnow ferry levy", "Kelmar school budget")],
        # Another signer.
        [NOT_SIGNED, SIGNED.replace("Ana Holt", "Marta Ferrand")],
        # A bill that would be signed is not one signed.
        [NOT_SIGNED, "The Sarnow ferry levy bill, if signed by Governor Ana Holt, takes effect."],
    ],
)
def test_reduced_relatives_the_guards_keep_apart(analyzer: Analyzer, texts: list[str]) -> None:
    assert _negations(analyzer, texts) == []
