"""One deed placed in two places by two sources (reconcile/places.py deed_places through
find_discrepancies), on invented articles, and the pairs that are no contradiction."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


PORTLAND = "Governor Ana Holt signed the harbour levy bill at a rally in Portland."
SPRINGFIELD = "Governor Ana Holt signed the harbour levy bill in Springfield."


def _placed(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "actor"]


def test_one_signing_in_two_towns(analyzer: Analyzer) -> None:
    assert _placed(analyzer, [PORTLAND, SPRINGFIELD]) == [{PORTLAND, SPRINGFIELD}]


def test_he_or_she_is_the_person_named_before(analyzer: Analyzer) -> None:
    later = "Governor Ana Holt spoke to reporters. She signed the harbour levy bill in Springfield."
    assert _placed(analyzer, [PORTLAND, later]) == [
        {PORTLAND, "She signed the harbour levy bill in Springfield."}
    ]


@pytest.mark.parametrize(
    "other",
    [
        # Another signer: two signings.
        "Mayor Edvin Rask signed the harbour levy bill in Springfield.",
        # Denied, or not yet done: no two places for one deed.
        "Governor Ana Holt did not sign the harbour levy bill in Springfield.",
        "Governor Ana Holt will sign the harbour levy bill in Springfield.",
        # Where she spoke is where one of several remarks was made.
        "Governor Ana Holt said in Springfield that the harbour levy bill was signed.",
        # A state holds the town: no clash.
        "Governor Ana Holt signed the harbour levy bill in Oregon.",
        # Another deed.
        "Governor Ana Holt vetoed the harbour levy bill in Springfield.",
    ],
)
def test_not_one_deed_in_two_places(analyzer: Analyzer, other: str) -> None:
    assert _placed(analyzer, [PORTLAND, other]) == []


def test_an_article_naming_both_places_reports_two_stops(analyzer: Analyzer) -> None:
    both = SPRINGFIELD + " She then flew to Portland for a dinner with donors."
    assert _placed(analyzer, [PORTLAND, both]) == []


def test_different_days_are_different_occasions(analyzer: Analyzer) -> None:
    monday = "Governor Ana Holt signed the harbour levy bill at a rally in Portland on Monday."
    friday = "Governor Ana Holt signed the harbour levy bill in Springfield on Friday."
    assert _placed(analyzer, [monday, friday]) == []


@pytest.mark.parametrize("day", ["", " on Saturday"])
def test_a_deed_of_a_kind_is_done_in_many_places(analyzer: Analyzer, day: str) -> None:
    # "a rally": one of many rallies, held in two towns; not one deed in two places.
    pittsburgh = f"Senator Ana Holt held a rally in Pittsburgh{day}."
    scranton = f"Senator Ana Holt held a rally in Scranton{day}."
    assert _placed(analyzer, [pittsburgh, scranton]) == []
