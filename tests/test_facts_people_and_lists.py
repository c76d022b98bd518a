"""Facts: a count of people told with what befell them, an age split by a stray space,
a figure in a list run into one sentence (invented names and events)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Fact, Story, article_id
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.material import StoryMaterial

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _story(analyzer: Analyzer, texts: list[tuple[str, str]]) -> StoryMaterial:
    articles = [
        Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet, published=PUBLISHED)
        for outlet, text in texts
    ]
    story = Story("invented", None, tuple(a.id for a in articles))
    return StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})


def _with(facts: list[Fact], text: str) -> Fact:
    return next(f for f in facts if any(v.passage.text == text for v in f.values))


def test_people_wounded_and_the_wounded_are_one_count(analyzer: Analyzer) -> None:
    material = _story(
        analyzer,
        [
            ("Tarvel Today", "Medics said at least five people were wounded in the rush."),
            ("Fjord Post", "One guard was killed and at least five wounded, a spokesman told us."),
        ],
    )
    fact = _with(compare_facts(material), "at least five people")
    assert fact.status == "agree"
    assert {v.passage.text for v in fact.values} == {"at least five people", "at least five"}


def test_an_age_split_by_a_stray_space_is_an_age(analyzer: Analyzer) -> None:
    material = _story(
        analyzer,
        [
            ("Tarvel Today", "Police arrested Dov Marek, 40, in Kellan on Monday night."),
            ("Fjord Post", "The search for 40-year- old Marek ended in Kellan on Monday."),
        ],
    )
    fact = _with(compare_facts(material), "40")
    assert fact.status == "agree" and len(fact.values) == 2


def test_a_figure_in_a_list_run_into_one_sentence_is_compared_by_its_item(
    analyzer: Analyzer,
) -> None:
    material = _story(
        analyzer,
        [
            ("Tarvel Today", "The port said 30 people were injured and taken to hospitals."),
            (
                "Fjord Post",
                "Here is what we know: the Kellan bridge closed at noon on Tuesday after a "
                "ferry struck a pier and a storm cut the power to the whole harbour district; "
                "27 people were taken to hospitals; the cause is still being investigated by "
                "the coast guard and the ferry company.",
            ),
        ],
    )
    fact = _with(compare_facts(material), "27 people")
    assert fact.status == "differ"
    assert {v.passage.text for v in fact.values} == {"30 people", "27 people"}


def test_one_figure_written_in_one_unit_by_two_sources_is_one_fact(analyzer: Analyzer) -> None:
    material = _story(
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
    material = _story(
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
    material = _story(
        analyzer,
        [
            ("Tarvel Today", "The strike in Kellan closed 120 schools on Tuesday."),
            ("Fjord Post", "Union leaders said 120 buses stayed in their depots at dawn."),
        ],
    )
    assert all(len(f.values) == 1 for f in compare_facts(material))
