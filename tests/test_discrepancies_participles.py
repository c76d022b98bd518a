"""Events asserted without a finite verb: a reduced relative clause ("the bill, signed by
the governor on Monday, ..." asserts the signing as "the governor signed the bill"
does) and a gerund after "after" ("After meeting the harbour master on Monday, ...");
through find_discrepancies on invented articles."""

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


MET = "Ana Holt met the Sarnow harbour master on Tuesday to discuss the ferry levy."
AFTER_MEETING = (
    "After meeting the Sarnow harbour master on Monday to discuss the ferry levy, Ana Holt "
    "left for Kelmar."
)


def _kinds(analyzer: Analyzer, texts: list[str]) -> list[tuple[str, set[str]]]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [(d.kind, {c.text for c in d.claims}) for d in found]


def test_a_gerund_after_after_dates_its_event(analyzer: Analyzer) -> None:
    assert _kinds(analyzer, [MET, AFTER_MEETING]) == [("date", {MET, AFTER_MEETING})]


def test_a_gerund_after_after_asserts_its_event(analyzer: Analyzer) -> None:
    never = "Ana Holt has never met the Sarnow harbour master."
    assert _kinds(analyzer, [never, AFTER_MEETING]) == [("negation", {never, AFTER_MEETING})]


@pytest.mark.parametrize(
    "text",
    [
        AFTER_MEETING.replace("After", "Without"),
        # After a verb of blame, "for" gives the critic's charge.
        "Critics slammed Ana Holt for meeting the Sarnow harbour master on Monday to "
        "discuss the ferry levy.",
    ],
)
def test_gerunds_that_assert_nothing(analyzer: Analyzer, text: str) -> None:
    assert _kinds(analyzer, [MET, text]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Holt plans to sign the levy bill after meeting the harbour master.",
        "Holt is expected to sign the levy bill after meeting the harbour master.",
        "Holt wants to visit the port after meeting the harbour master.",
    ],
)
def test_a_gerund_on_an_unasserted_verb_asserts_nothing(analyzer: Analyzer, text: str) -> None:
    assert _kinds(analyzer, ["Holt has never met the harbour master.", text]) == []


SIGNED_TUESDAY = "Governor Ana Holt signed the Sarnow ferry levy bill on Tuesday."
VETOED = (
    "The Sarnow ferry levy bill, vetoed by Governor Ana Holt on Tuesday, returns to the council."
)


def test_a_reduced_relative_takes_an_antonym(analyzer: Analyzer) -> None:
    assert _kinds(analyzer, [SIGNED_TUESDAY, VETOED]) == [("negation", {SIGNED_TUESDAY, VETOED})]


@pytest.mark.parametrize(
    "text",
    [
        VETOED.replace("Sarnow ferry levy", "Kelmar school budget"),
        VETOED.replace("Ana Holt on Tuesday", "Marta Ferrand in 2019"),
    ],
)
def test_reduced_relative_antonyms_the_guards_keep_apart(analyzer: Analyzer, text: str) -> None:
    assert _kinds(analyzer, [SIGNED_TUESDAY, text]) == []


def test_a_participle_takes_its_noun_not_the_other_objects_words(analyzer: Analyzer) -> None:
    """The object's subtree may run on over a whole clause ("the savings that ... kept in
    her levy plan"): the endorsed plan is not the opposed savings."""
    endorsed = (
        "The council said that Ana Holt's levy plan, broadly endorsed by Marta Ferrand, "
        "would end night ferries on the Sarnow line."
    )
    opposed = (
        "Marta Ferrand has opposed the savings that the council identified and attacked "
        "the harbour board, since Ana Holt kept them in her levy plan."
    )
    assert _kinds(analyzer, [endorsed, opposed]) == []
