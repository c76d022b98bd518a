"""Facts: a ceiling ("up to", "as many as") beside its own article's figure of another
value limits something else and is no reading of that figure (reconcile/fact_readings.py;
invented names and events)."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Fact
from newsprism.reconcile.facts import compare_facts
from tests.builders import story_material


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _texts(fact: Fact) -> set[str]:
    return {v.passage.text for v in fact.values}


def _with(facts: list[Fact], text: str) -> Fact:
    return next(f for f in facts if text in _texts(f))


@pytest.mark.parametrize(
    ("own", "ceiling"),
    [
        ("162 people", "as many as 180 people"),
        ("162 people", "up to 180 people"),
        ("about 160 people", "at most 180 people"),
    ],
)
def test_a_ceiling_beside_its_articles_own_figure_limits_something_else(
    analyzer: Analyzer, own: str, ceiling: str
) -> None:
    material = story_material(
        analyzer,
        [
            (
                "Tarvel Today",
                f"The Kellan ferry sank on Sunday with {own} on board. "
                f"A chartered boat that will take relatives to the wreck has room for {ceiling}.",
            ),
            ("Fjord Post", "The ferry went down off Kellan with 162 people on board."),
        ],
    )
    facts = compare_facts(material)
    aboard = _with(facts, "162 people")
    assert ceiling not in _texts(aboard)
    assert len({v.passage.article for v in aboard.values}) == 2


def test_a_ceiling_of_the_same_value_and_a_floor_stay_one_counts_readings(
    analyzer: Analyzer,
) -> None:
    material = story_material(
        analyzer,
        [
            (
                "Tarvel Today",
                "More than 60 people were hurt in the Kellan stampede. "
                "Doctors said up to 70 people were hurt, some of them badly.",
            ),
            ("Fjord Post", "Sixty-five people were hurt in the stampede at Kellan."),
        ],
    )
    fact = _with(compare_facts(material), "Sixty-five people")
    assert {"More than 60 people", "up to 70 people"} <= _texts(fact)
    assert fact.status == "agree"
