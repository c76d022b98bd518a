"""Copies of one text (a wire report and its republications: one copy group, one source)
never agree with one another, but a figure one copy changed (an updated toll, an outlet's
own correction) differs from the original's: a disagreement a fact-checker must see,
while every figure the copies share stays one source's ('single'). Invented texts."""

from __future__ import annotations

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Fact
from newsprism.reconcile.facts import compare_facts
from tests.test_reconcile_summary import _material, analyzer

__all__ = ["analyzer"]  # the fixture, used by name

WIRE = (
    "Flood waters cut the rail line between Brasko and Tulm on Tuesday, stranding 340 "
    "passengers overnight at the Tulm junction. The regional operator said 12 trains were "
    "cancelled and that repairs would take at least 48 hours.\n\n"
    "A spokesperson for the water board said the river rose 2.4 metres in six hours."
)


def _facts(analyzer: Analyzer, copy: str, copies: bool = True) -> dict[float, Fact]:
    material = _material(
        analyzer,
        [("Coastal Wire", WIRE, None), ("Tulm Courier", copy, None)],
        duplicates=((0, 1),) if copies else (),
    )
    return {f.values[0].value: f for f in compare_facts(material)}


def test_a_figure_one_copy_changed_differs_and_the_shared_ones_stay_single(
    analyzer: Analyzer,
) -> None:
    facts = _facts(analyzer, WIRE.replace("stranding 340", "stranding 410"))
    changed = next(f for f in facts.values() if {v.value for v in f.values} == {340, 410})
    assert changed.status == "differ"
    shared = [f for f in facts.values() if f is not changed and len(f.values) == 2]
    assert {f.values[0].value for f in shared} >= {12, 48}
    assert all(f.status == "single" for f in shared)


def test_copies_that_changed_no_figure_hold_only_single_facts(analyzer: Analyzer) -> None:
    facts = _facts(analyzer, WIRE.replace("Flood waters cut", "Floodwater cut"))
    assert facts and all(f.status == "single" for f in facts.values())


def test_two_outlets_writing_the_same_figures_agree(analyzer: Analyzer) -> None:
    # The same texts, not copies of one another: two sources, so their figures agree.
    facts = _facts(analyzer, WIRE.replace("Flood waters cut", "Floodwater cut"), copies=False)
    assert {f.status for f in facts.values() if len(f.values) == 2} == {"agree"}
