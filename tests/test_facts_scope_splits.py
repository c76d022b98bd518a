"""Facts: the keep-apart rules of stop 36 split no true group (s37, issue 12).

Read on ECB+ and the development sets: a rate written with an adverb ("50 percent
daily") is a rate, one figure written alike as a rate and as a total is one measure,
and one person's equal age under two spellings of the given name is one fact. Invented
articles, real analyser.
"""

from __future__ import annotations

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Fact
from newsprism.reconcile.fact_scope import holder, per_unit
from tests.test_facts_real_shapes import analyzer, facts_of  # noqa: F401


def _outlets_of(fact: Fact) -> set[str]:
    return {v.passage.outlet or "" for v in fact.values}


def _joined(facts: list[Fact], written: str) -> list[Fact]:
    return [
        f
        for f in facts
        if len(_outlets_of(f)) == 2 and any(written in v.passage.text for v in f.values)
    ]


def test_rates_written_with_an_adverb_or_annual() -> None:
    text = "signups rose at a rate of 40 percent daily"
    assert per_unit(text, text.index("percent") + 7)
    text = "a $12 million average annual value"
    assert per_unit(text, text.index("million") + 7)
    text = "a $12 million annual salary"
    assert per_unit(text, text.index("million") + 7)
    text = "he paid $12 million for the house"
    assert not per_unit(text, text.index("million") + 7)


def test_a_daily_rate_joins_the_same_rate_per_day(analyzer: Analyzer) -> None:  # noqa: F811
    first = "The Kelmar worm spread fast. Infections grew at a rate of 40 percent daily."
    second = "The Kelmar worm spread fast. Infections grew by 40 percent every day."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _joined(facts, "40")] == ["agree"], facts


def test_one_figure_as_a_rate_and_unsaid_is_one_measure(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Brannock is averaging 17.3 points per game for the Kelmar Owls this season."
    second = "Brannock is averaging 17.3 points for the Kelmar Owls this season."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _joined(facts, "17.3")] == ["agree"], facts


def test_one_persons_equal_age_under_two_spellings_is_one_fact(
    analyzer: Analyzer,  # noqa: F811
) -> None:
    base = "A tram left the rails in Ostvik on Sunday. "
    first = base + "The driver, Katarzyna Vrell, 52, was held."
    second = base + "The driver, Kasia Vrell, 52, was held."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _joined(facts, "52")] == ["agree"], facts


def test_equal_ages_of_two_people_one_article_names_stay_apart(
    analyzer: Analyzer,  # noqa: F811
) -> None:
    base = "A tram left the rails in Ostvik on Sunday. "
    first = base + "The driver, Katarzyna Vrell, 52, was held. Her husband Teodor Vrell was hurt."
    second = base + "A passenger, Teodor Vrell, 52, was hurt."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not _joined(facts, "52"), facts


def test_the_holder_is_of_the_pronouns_gender() -> None:
    text = "Mr. Lind won the race. But she had 12 points. He had 9 points."
    sentences = ((0, 22), (23, 45), (46, 62))
    persons = [("lind", 0, 8)]
    assert holder(text, sentences, text.index("12"), persons) is None  # "she", no Mr.
    text2 = "Mr. Lind won the race. Nobody saw it. He had 9 points."
    assert holder(text2, ((0, 22), (23, 37), (38, 54)), text2.index("9"), persons) == "lind"
    text3 = "His sister Ana Lind won. But he had 12 points."
    assert holder(text3, ((0, 24), (25, 46)), text3.index("12"), [("lind", 11, 19)]) is None
    text4 = "Ana Lind won. But she had 12 points."
    assert holder(text4, ((0, 13), (14, 36)), text4.index("12"), [("lind", 0, 8)]) == "lind"
