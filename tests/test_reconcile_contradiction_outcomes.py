"""Contradictions of outcome and place: a plan ended for good by one outlet and only put
off by another (reconcile/outcomes.py), and one event held in two different towns
(reconcile/event_places.py). Invented stories: positives, and hard negatives that are
alike but contradict nothing and must yield nothing."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Discrepancy
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _found(material: StoryMaterial, kind: str) -> list[Discrepancy]:
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [d for d in found if d.kind == kind]


def _outcomes(analyzer: Analyzer, texts: list[str]) -> list[Discrepancy]:
    return [d for d in _found(invented(analyzer, texts), "negation") if "put off" in d.about]


# --- final against provisional outcomes ---------------------------------------------------


def test_announced_abandonment_against_a_plan_put_on_hold(analyzer: Analyzer) -> None:
    found = _outcomes(
        analyzer,
        [
            "Ivo Bel, the chief executive of Lorvik Ferries, said his company would scrap "
            "a deal with the port authority to expand its Tresny terminal.",
            "Lorvik Ferries put on hold its plans to expand its Tresny terminal, the "
            "port authority said.",
        ],
    )
    assert len(found) == 1
    assert {c.text[:9] for c in found[0].claims} == {"Ivo Bel, ", "Lorvik Fe"}


def test_cancelled_against_postponed_in_the_passive(analyzer: Analyzer) -> None:
    found = _outcomes(
        analyzer,
        [
            "The harbour festival planned for the Tresny waterfront was cancelled on Tuesday.",
            "The harbour festival planned for the Tresny waterfront was postponed.",
        ],
    )
    assert len(found) == 1


def test_different_things_ended_and_put_off_are_no_contradiction(analyzer: Analyzer) -> None:
    assert not _outcomes(
        analyzer,
        [
            "The council abandoned its plan to widen the harbour road.",
            "The council postponed the vote on the school budget.",
        ],
    )


def test_different_agents_are_no_contradiction(analyzer: Analyzer) -> None:
    assert not _outcomes(
        analyzer,
        [
            "Lorvik Ferries abandoned its plan to expand the Tresny terminal.",
            "Varna Shipping put on hold its plan to expand the Tresny terminal.",
        ],
    )


def test_a_forecast_or_condition_is_no_outcome(analyzer: Analyzer) -> None:
    assert not _outcomes(
        analyzer,
        [
            "The company could abandon its plan to expand the Tresny terminal if the levy passes.",
            "The company put on hold its plan to expand the Tresny terminal.",
        ],
    )
    assert not _outcomes(
        analyzer,
        [
            "Analysts said the company would abandon its plan to expand the Tresny terminal "
            "if the levy passes.",
            "The company put on hold its plan to expand the Tresny terminal.",
        ],
    )


def test_someone_elses_forecast_is_no_announcement(analyzer: Analyzer) -> None:
    texts = ["The company put on hold its plan to expand the Tresny terminal."]
    forecast = "Analysts said the company would abandon its plan to expand the Tresny terminal."
    announced = "The company said it would abandon its plan to expand the Tresny terminal."
    assert not _outcomes(analyzer, [forecast, *texts])
    assert len(_outcomes(analyzer, [announced, *texts])) == 1


def test_a_negated_outcome_is_no_outcome(analyzer: Analyzer) -> None:
    assert not _outcomes(
        analyzer,
        [
            "The company has not abandoned its plan to expand the Tresny terminal.",
            "The company put on hold its plan to expand the Tresny terminal.",
        ],
    )


def test_an_article_telling_both_outcomes_reports_a_sequence(analyzer: Analyzer) -> None:
    assert not _outcomes(
        analyzer,
        [
            "The company first suspended its plan to expand the Tresny terminal. Weeks "
            "later it abandoned the plan to expand the Tresny terminal altogether.",
            "The company abandoned its plan to expand the Tresny terminal.",
        ],
    )


def test_his_company_is_the_company_his_apposition_names(analyzer: Analyzer) -> None:
    """Without an apposition naming his company, "his company" stays a company, and a
    different named agent on the other side leaves the pair apart."""
    assert not _outcomes(
        analyzer,
        [
            "Ivo Bel said his company would scrap a deal to expand the Tresny terminal.",
            "Varna Shipping put on hold its plans to expand the Tresny terminal.",
        ],
    )


# --- one event, two places ----------------------------------------------------------------


def _event_places(analyzer: Analyzer, texts: list[str]) -> list[Discrepancy]:
    return [d for d in _found(invented(analyzer, texts), "actor") if "where the" in d.about]


def test_one_event_held_in_two_towns(analyzer: Analyzer) -> None:
    found = _event_places(
        analyzer,
        [
            "Marta Ferrand said she had misspoken at the Tresny event about her record. "
            "The city of Tresny is a port.",
            "Marta Ferrand told reporters she had misspoken at a 2019 event in Varna about "
            "her record.",
        ],
    )
    assert len(found) == 1
    assert "Tresny" in found[0].about and "Varna" in found[0].about


def test_indefinite_events_may_be_two_stops(analyzer: Analyzer) -> None:
    assert not _event_places(
        analyzer,
        [
            "Marta Ferrand spoke at a rally in Tresny about the ferry levy.",
            "Marta Ferrand spoke at a rally in Varna about the ferry levy.",
        ],
    )


def test_an_article_naming_both_towns_is_no_witness(analyzer: Analyzer) -> None:
    assert not _event_places(
        analyzer,
        [
            "Marta Ferrand said she had misspoken at the 2019 event in Tresny. She grew up "
            "near Varna.",
            "Marta Ferrand said she had misspoken at the 2019 event in Varna.",
        ],
    )


def test_events_of_different_years_or_deeds_are_two_events(analyzer: Analyzer) -> None:
    assert not _event_places(
        analyzer,
        [
            "Marta Ferrand said she had misspoken at the 2019 event in Tresny.",
            "Marta Ferrand said she had misspoken at the 2021 event in Varna.",
        ],
    )
    assert not _event_places(
        analyzer,
        [
            "Marta Ferrand said she had misspoken at the 2019 event in Tresny.",
            "Marta Ferrand said she had campaigned at the 2019 event in Varna.",
        ],
    )


def test_a_state_holds_its_town(analyzer: Analyzer) -> None:
    assert not _event_places(
        analyzer,
        [
            "Marta Ferrand said she had misspoken at the 2019 event in Ohio.",
            "Marta Ferrand said she had misspoken at the 2019 event in Columbus.",
        ],
    )
