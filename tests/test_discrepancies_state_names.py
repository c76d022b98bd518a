"""Leaders and seats of real states as one actor (reconcile/actors.py StateNames), through
find_discrepancies on invented articles: a leader titled by the state's initials ("U.S.
President ...") or demonym ("British Prime Minister ...") and the seat of government or
capital of the same state ("the White House", "Washington", "London")."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


US_LEADER = (
    "U.S. President Barack Obama said on Monday that he had not received the revised "
    "text of the trade accord."
)
UK_LEADER = (
    "British Prime Minister Theresa May said on Monday that she had not received the "
    "revised text of the trade accord."
)


def _seat(place: str) -> str:
    return f"{place} received the revised text of the trade accord, officials said."


def _negations(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "negation"]


@pytest.mark.parametrize(
    ("leader", "seat"),
    [(US_LEADER, "Washington"), (US_LEADER, "The White House"), (UK_LEADER, "London")],
)
def test_a_leader_and_the_seat_of_one_state(analyzer: Analyzer, leader: str, seat: str) -> None:
    assert _negations(analyzer, [leader, _seat(seat)]) == [{leader, _seat(seat)}]


@pytest.mark.parametrize(("leader", "seat"), [(US_LEADER, "Moscow"), (UK_LEADER, "Washington")])
def test_leaders_and_seats_of_two_states(analyzer: Analyzer, leader: str, seat: str) -> None:
    assert _negations(analyzer, [leader, _seat(seat)]) == []
