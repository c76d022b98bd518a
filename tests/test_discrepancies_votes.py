"""One vote told in different words by two outlets and dated differently
(reconcile/votes.py through find_discrepancies), on invented articles, and the votes
that are not one."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


PASSED = "The Senate resolution on the ferry levy passed Tuesday after a short debate."
VOTED = "On Wednesday, the Senate voted 41-9 on a bill that funds the ferry levy."


def test_one_vote_in_other_words_dated_differently(analyzer: Analyzer) -> None:
    material = invented(analyzer, [PASSED, VOTED])
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == [("date", {PASSED, VOTED})]


# A measure's other fates are votes too.
CONFIRMED = "The Senate confirmed the nomination of Ana Holt to the ferry board on Tuesday."
CONFIRM_VOTE = (
    "On Thursday, the Senate voted 60-38 on the nomination of Ana Holt to the ferry board."
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (CONFIRMED, CONFIRM_VOTE),
        (
            "The Senate rejected the ferry levy bill on Tuesday.",
            "On Wednesday, the Senate voted 41-9 on a bill that funds the ferry levy.",
        ),
    ],
)
def test_other_fates_of_a_measure_dated_differently(
    analyzer: Analyzer, first: str, second: str
) -> None:
    material = invented(analyzer, [first, second])
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == [("date", {first, second})]


@pytest.mark.parametrize(
    "texts",
    [
        # Another nominee.
        [CONFIRMED, CONFIRM_VOTE.replace("Ana Holt", "Marta Ferrand")],
        # Two bodies: two votes.
        [PASSED.replace("Senate", "House"), VOTED],
        # Two measures: nothing shared in their descriptions.
        [PASSED, VOTED.replace("the ferry levy", "the harbour school")],
        # Weeks apart: another vote on the measure.
        [PASSED.replace("Tuesday", "on April 7"), VOTED],
        # Another motion on the measure.
        [PASSED, "On Wednesday, the Senate voted to delay a bill that funds the ferry levy."],
        # One outlet gives the body two dates: the vote recurs.
        [
            "The Senate passed the ferry levy bill on Monday. The Senate passed the ferry "
            "levy bill on Tuesday.",
            VOTED,
        ],
        # A rejection and a passage are two votes.
        [
            "The council rejected the ferry levy on Monday.",
            "The council approved the ferry levy on Wednesday.",
        ],
        # An amendment to a bill is not the bill.
        [
            "The Senate rejected an amendment to the spending bill on Monday.",
            "The Senate voted on the spending bill on Wednesday.",
        ],
    ],
)
def test_votes_that_are_not_one(analyzer: Analyzer, texts: list[str]) -> None:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [d for d in found if d.kind == "date"] == []
