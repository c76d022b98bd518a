"""Facts: figures counted over different spans are no disagreement (s35 open findings).

A rate is another measure than a total ("55 yards per game" / "793 yards"); a figure
tied to a span that only "that"/"those" names ("killed in that unrest" / "killed in
those protests") joins a fact only where it agrees. Invented articles, real analyser.
"""

from __future__ import annotations

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Fact
from newsprism.reconcile.fact_scope import by_reference, per_unit
from tests.test_facts_real_shapes import analyzer, facts_of  # noqa: F401


def _outlets_of(fact: Fact) -> set[str]:
    return {v.passage.outlet or "" for v in fact.values}


def _with(facts: list[Fact], written: str) -> list[Fact]:
    return [f for f in facts if any(written in v.passage.text for v in f.values)]


def test_a_rate_and_a_total_are_two_measures(analyzer: Analyzer) -> None:  # noqa: F811
    facts = facts_of(
        analyzer,
        [
            ("Ardmoor Gazette", "Brannock ran for 793 yards this season for the Kelmar Owls."),
            ("Tessel Post", "Brannock ran for 55 yards per game this season for the Kelmar Owls."),
        ],
    )
    assert not any(f.status == "differ" for f in facts), facts
    assert all(len(_outlets_of(f)) == 1 for f in _with(facts, "yards"))


def test_rates_of_two_outlets_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    facts = facts_of(
        analyzer,
        [
            ("Ardmoor Gazette", "Brannock ran for 55 yards per game for the Kelmar Owls."),
            ("Tessel Post", "Brannock ran for 75 yards per game for the Kelmar Owls."),
        ],
    )
    assert [f.status for f in _with(facts, "yards")] == ["differ"]


def test_tolls_of_spans_named_by_reference_do_not_differ(analyzer: Analyzer) -> None:  # noqa: F811
    first = (
        "Marches against the Ostvik dam spread across Varnia this week. Hundreds marched "
        "on Sunday, and two people were killed in that unrest."
    )
    second = (
        "The Ostvik dam plan set off three days of marches in Varnia at the weekend. "
        "Three people were killed in those protests."
    )
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not any(f.status == "differ" for f in facts), facts


def test_a_toll_named_by_reference_still_agrees(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Marches against the Ostvik dam spread. Three people were killed in those protests."
    second = "Three people were killed in the Ostvik dam marches at the weekend."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _with(facts, "Three") if len(_outlets_of(f)) == 2] == ["agree"]


def test_the_scope_readers() -> None:
    assert per_unit("55 yards per game", 8)
    assert per_unit("$40,000 a year", 7)
    assert not per_unit("55 yards in the game", 8)
    text = "two were killed in that unrest"
    assert by_reference(text, 0, len(text))
    assert not by_reference("in that he lied, two died", 0, 25)
    assert not by_reference("two were killed in this week's unrest", 0, 37)
