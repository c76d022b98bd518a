"""Facts across outlets from the quantity shapes real reporting showed (the Multi-News
development gold and the BASIL calibration gold): the same figure written in two of the
newly read shapes becomes one agreeing fact, and two sums of one sentence stay apart
from each other's heads.

Every article here is invented for the test; the facts come from the real analyser and
:func:`newsprism.reconcile.facts.compare_facts` unchanged.
"""

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


def facts_of(analyzer: Analyzer, texts: list[tuple[str, str]]) -> list[Fact]:
    articles = [
        Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet, published=PUBLISHED)
        for outlet, text in texts
    ]
    story = Story("invented", None, tuple(a.id for a in articles))
    material = StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})
    return compare_facts(material)


def shared(facts: list[Fact], written: str) -> Fact:
    """The fact holding a value whose passage contains ``written``, given by 2+ outlets."""
    found = [
        f
        for f in facts
        if any(written in v.passage.text for v in f.values)
        and len({v.passage.outlet for v in f.values}) >= 2
    ]
    assert found, [(f.about, [v.passage.text for v in f.values]) for f in facts]
    return found[0]


@pytest.mark.parametrize(
    ("first", "second", "written"),
    [
        (  # an age after "at" in a life event / an age set off by commas
            "Tomas Varga was found dead at 41 Sunday in his flat in Kelmar.",
            "Varga, 41, a former ferry pilot, was found in his Kelmar flat.",
            "41",
        ),
        (  # a span no calendar date resolves, in two wordings
            "The reef began to form some 48 million years ago, the survey says.",
            "The survey dates the reef to roughly 48 million years ago.",
            "48 million",
        ),
        (  # a rank
            "Holt was elected to a ninth term as mayor of Lorvik on Tuesday.",
            "Lorvik's mayor Ana Holt won a ninth term on Tuesday.",
            "ninth",
        ),
    ],
)
def test_one_figure_in_new_shapes_is_one_agreeing_fact(
    analyzer: Analyzer, first: str, second: str, written: str
) -> None:
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert shared(facts, written).status == "agree"


def test_a_sum_from_its_source_is_not_the_salary_beside_it(analyzer: Analyzer) -> None:
    """ "$2.8 million from his stake" is about the stake, "$3 million in salary" about the
    salary: the stake's fact agrees across outlets (with the salary under its own head)."""
    facts = facts_of(
        analyzer,
        [
            ("Ardmoor Gazette", "Rask earned $2.8 million from his stake in Kelmar Freight."),
            (
                "Tessel Post",
                "Rask drew $1.2 million in salary and a further $2.8 million from his stake in "
                "Kelmar Freight.",
            ),
        ],
    )
    stake = shared(facts, "2.8")
    assert (stake.about, stake.status) == ("stake", "agree")
    assert all(v.value == pytest.approx(stake.values[0].value) for v in stake.values)


def test_two_exact_sums_of_one_sentence_are_two_facts(analyzer: Analyzer) -> None:
    """ "$3 million in salary and a further $2.8 million from his stake": $3 million reads
    as a rounding of $2.8 million, but two exact figures side by side in one sentence are
    two things, so the salary's fact holds no stake."""
    facts = facts_of(
        analyzer,
        [
            ("Ardmoor Gazette", "Rask was paid $3 million in salary last year, the filing shows."),
            (
                "Tessel Post",
                "Rask drew $3 million in salary and a further $2.8 million from his stake in "
                "Kelmar Freight.",
            ),
            ("Lorvik Ledger", "Rask earned $2.8 million from his stake in Kelmar Freight."),
        ],
    )
    salary, stake = shared(facts, "3 million"), shared(facts, "2.8")
    assert salary is not stake
    assert {v.value for v in salary.values} == {3_000_000}
    assert {v.value for v in stake.values} == {2_800_000}


def test_a_hedged_restatement_in_one_sentence_is_one_figure(analyzer: Analyzer) -> None:
    """ "$86,412,350, roughly $86 million": one sum written twice, one agreeing fact."""
    facts = facts_of(
        analyzer,
        [
            (
                "Ardmoor Gazette",
                "The council approved a contract worth $86,412,350, roughly $86 million, "
                "for the Kelmar bridge.",
            ),
            ("Tessel Post", "The Kelmar bridge contract is worth about $86 million."),
        ],
    )
    fact = shared(facts, "86 million")
    assert fact.status == "agree"
    assert len({v.passage.outlet for v in fact.values}) == 2
