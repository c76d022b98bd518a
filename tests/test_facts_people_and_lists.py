"""Facts: a count of people told with what befell them, an age split by a stray space,
a figure in a list run into one sentence (invented names and events)."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Fact
from newsprism.reconcile.facts import compare_facts
from tests.builders import story_material


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _with(facts: list[Fact], text: str) -> Fact:
    return next(f for f in facts if any(v.passage.text == text for v in f.values))


def test_people_wounded_and_the_wounded_are_one_count(analyzer: Analyzer) -> None:
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "Nurses said at least seven people were wounded at the gate."),
            ("Fjord Post", "One porter was killed and at least seven wounded, an aide told us."),
        ],
    )
    fact = _with(compare_facts(material), "at least seven people")
    assert fact.status == "agree"
    assert {v.passage.text for v in fact.values} == {"at least seven people", "at least seven"}


def test_an_age_split_by_a_stray_space_is_an_age(analyzer: Analyzer) -> None:
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "Police arrested Dov Marek, 52, in Kellan on Monday night."),
            ("Fjord Post", "Officers held 52-year- old Marek in a Kellan cell on Monday."),
        ],
    )
    fact = _with(compare_facts(material), "52")
    assert fact.status == "agree" and len(fact.values) == 2


def test_a_figure_in_a_list_run_into_one_sentence_is_compared_by_its_item(
    analyzer: Analyzer,
) -> None:
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "The port said 16 people were hurt and treated at clinics."),
            (
                "Fjord Post",
                "Here is the latest: the Kellan bridge closed at noon on Tuesday after a "
                "ferry struck a pier and a storm cut the power to the whole harbour district; "
                "14 people were treated at clinics; the cause is still being investigated by "
                "the coast guard and the ferry company.",
            ),
        ],
    )
    fact = _with(compare_facts(material), "14 people")
    assert fact.status == "differ"
    assert {v.passage.text for v in fact.values} == {"16 people", "14 people"}


def test_one_figure_written_in_one_unit_by_two_sources_is_one_fact(analyzer: Analyzer) -> None:
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "A climber is recovering after falling 2,400 feet during a climb."),
            ("Fjord Post", "Doctors say it does not take a 2,400-foot tumble to break a neck."),
        ],
    )
    fact = _with(compare_facts(material), "2,400-foot")
    assert fact.status == "agree"
    assert {v.passage.text for v in fact.values} == {"2,400 feet", "2,400-foot"}


def test_an_uncommon_exact_figure_two_sources_give_is_one_fact(analyzer: Analyzer) -> None:
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "The council backed Mayor Rask by 214 votes to 137 on Tuesday."),
            ("Fjord Post", "The tally of dissenters at 137 startled her allies in Kellan."),
        ],
    )
    fact = _with(compare_facts(material), "137")
    assert fact.status == "agree" and len(fact.values) == 2


def test_a_round_figure_two_sources_give_for_different_things_stays_apart(
    analyzer: Analyzer,
) -> None:
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "The strike in Kellan closed 120 schools on Tuesday."),
            ("Fjord Post", "Union leaders said 120 buses stayed in their depots at dawn."),
        ],
    )
    assert all(len(f.values) == 1 for f in compare_facts(material))


def test_a_count_of_the_killed_or_injured_is_no_death_toll(analyzer: Analyzer) -> None:
    """A count of "N people were killed or injured" counts all casualties: no disagreement with
    another outlet's dead (review s31/1, finding 1)."""
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "Altogether 19 people were killed or injured in the mill fire."),
            ("Fjord Post", "Three were killed in the mill fire, the sheriff said."),
        ],
    )
    fact = _with(compare_facts(material), "19 people")
    assert fact.status != "differ" and len(fact.values) == 1


@pytest.mark.parametrize("between", ["or seriously injured", "or went missing"])
def test_a_count_with_words_before_its_second_casualty_is_no_death_toll(
    analyzer: Analyzer, between: str
) -> None:
    """ "killed or seriously injured" is one combined count too (review s31/2, E)."""
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", f"Altogether 19 people were killed {between} in the mill fire."),
            ("Fjord Post", "Three were killed in the mill fire, the sheriff said."),
        ],
    )
    fact = _with(compare_facts(material), "19 people")
    assert fact.status != "differ" and len(fact.values) == 1


@pytest.mark.parametrize("others", ["30", "dozens"])
def test_a_count_split_by_a_figure_is_still_a_death_toll(analyzer: Analyzer, others: str) -> None:
    """ "19 people were killed and 30 (or dozens) injured" gives the dead: 19 against 3
    differ (review s31/2, I)."""
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", f"In all 19 people were killed and {others} injured in the fire."),
            ("Fjord Post", "Three were killed in the mill fire, the sheriff said."),
        ],
    )
    assert _with(compare_facts(material), "19 people").status == "differ"


def test_a_bare_figure_and_a_counted_thing_stay_apart(analyzer: Analyzer) -> None:
    """ "brought 143 ashore" / "143 barns": one figure, two things (review s31/2, F)."""
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "Divers brought 143 ashore on Monday."),
            ("Fjord Post", "The flood wrecked 143 barns along the river, the governor said."),
        ],
    )
    assert all(len(f.values) == 1 for f in compare_facts(material))


def test_one_uncommon_figure_of_two_counted_things_stays_apart(analyzer: Analyzer) -> None:
    """Two sources' same three-digit figure of two different counted things ("143
    passengers" / "143 barns") is two facts, not one agreement (review s31/1, 1b)."""
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "Divers brought 143 passengers ashore on Monday."),
            ("Fjord Post", "The flood wrecked 143 barns along the river, the governor said."),
        ],
    )
    assert all(len(f.values) == 1 for f in compare_facts(material))


def test_a_dash_after_years_keeps_a_duration(analyzer: Analyzer) -> None:
    """A hyphen used as a dash after a duration ("20 years - old neighbours") makes no
    age (review s31/1, finding 7)."""
    material = story_material(
        analyzer,
        [
            ("Tarvel Today", "Lev Orsk served 20 years - old neighbours say he changed."),
            ("Fjord Post", "Lev Orsk served 25 years in prison for the theft."),
        ],
    )
    fact = _with(compare_facts(material), "20 years")
    assert fact.status == "differ"
    assert {v.passage.text for v in fact.values} == {"20 years", "25 years"}
