"""A state denied or opposed through a copula (reconcile/actors.py: the subject of "is"
is the adjective's subject), through find_discrepancies on invented articles: "the
bridge is not safe" / "the bridge is safe", "was guilty" / "was innocent"."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


UNSAFE = "The Kelmar bridge is not safe for heavy traffic."
SAFE = "The Kelmar bridge is safe for heavy traffic, engineers said on Monday."
GUILTY = "The Sarnow ferry captain was guilty of negligence, the court found."
INNOCENT = "The Sarnow ferry captain was innocent of negligence, the court found."
NOT_MEMBER = "Ana Holt is not a member of the Kelmar harbour board."
MEMBER = "Ana Holt is a member of the Kelmar harbour board, officials said on Monday."


def _negations(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "negation"]


@pytest.mark.parametrize(
    ("first", "second"), [(UNSAFE, SAFE), (GUILTY, INNOCENT), (NOT_MEMBER, MEMBER)]
)
def test_a_state_denied_through_a_copula(analyzer: Analyzer, first: str, second: str) -> None:
    assert _negations(analyzer, [first, second]) == [{first, second}]


@pytest.mark.parametrize(
    "texts",
    [
        # Another bridge.
        [UNSAFE, SAFE.replace("Kelmar bridge", "Sarnow quay")],
        # Another person.
        [GUILTY, INNOCENT.replace("Sarnow ferry captain", "Kelmar harbour pilot")],
        # Safe for another thing: the denial is narrower than the assertion's phrase.
        [UNSAFE, SAFE.replace("heavy traffic", "cyclists")],
        # A member of another board: one head noun, other compounds.
        [NOT_MEMBER, MEMBER.replace("Kelmar harbour", "Sarnow ferry")],
        # Another member.
        [NOT_MEMBER, MEMBER.replace("Ana Holt", "Marta Ferrand")],
        # A forecast is no assertion.
        [UNSAFE, "The Kelmar bridge will be safe for heavy traffic by May."],
    ],
)
def test_copular_states_the_guards_keep_apart(analyzer: Analyzer, texts: list[str]) -> None:
    assert _negations(analyzer, texts) == []
