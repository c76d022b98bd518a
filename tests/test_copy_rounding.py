"""A copy of a wire text that only rounds a figure ("2.46 metres" -> "2 metres", "6.4
hours" -> "six hours") changed no figure: the copies stay one source's one figure
('single'), while a copy that changed a figure still differs (review s41/3 M1). Invented
texts."""

from __future__ import annotations

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Quantity
from newsprism.reconcile.copy_rounding import rounding_of
from newsprism.reconcile.facts import compare_facts
from tests.test_reconcile_summary import _material, analyzer

__all__ = ["analyzer"]  # the fixture, used by name

WIRE = (
    "A rockfall closed the coast road between Velm and Oster on Monday, leaving 2,460 "
    "drivers queued for hours. The roads agency said 14 lorries were turned back.\n\n"
    "An engineer for the agency said the cliff moved 3.72 metres in 6.4 hours."
)


def _q(value: float, unit: str | None, text: str) -> Quantity:
    return Quantity(value, unit, text, 0, len(text))


def test_a_figure_rounded_to_its_written_precision_is_a_rounding() -> None:
    assert rounding_of(_q(0.002, "km", "2 metres"), _q(0.00246, "km", "2.46 metres"))
    assert rounding_of(_q(0.0025, "km", "2.5 metres"), _q(0.00246, "km", "2.46 metres"))
    assert rounding_of(_q(1300, None, "1,300"), _q(1340, None, "1,340"))
    assert rounding_of(_q(0.25, "days", "six hours"), _q(6.4 / 24, "days", "6.4 hours"))
    assert rounding_of(_q(1000, None, "1,000"), _q(1340, None, "1,340"))


def test_a_one_digit_figure_that_moves_the_leading_digit_is_a_change() -> None:
    # 150 is as near 100 as 200: a copy writing "200" updated the toll, it did not round it
    assert not rounding_of(_q(200, None, "200"), _q(150, None, "150"))
    assert not rounding_of(_q(3000, None, "3,000"), _q(2600, None, "2,600"))
    assert not rounding_of(_q(2000, None, "2,000"), _q(1500, None, "1,500"))


def test_a_changed_figure_is_no_rounding() -> None:
    # look-alikes: another figure, a one-zero count (exact as often as not), a range
    assert not rounding_of(_q(0.003, "km", "3 metres"), _q(0.00246, "km", "2.46 metres"))
    assert not rounding_of(_q(410, None, "410"), _q(340, None, "340"))
    assert not rounding_of(_q(20, None, "20"), _q(18, None, "18"))
    assert not rounding_of(_q(7 / 24, "days", "seven hours"), _q(6.4 / 24, "days", "6.4 hours"))
    assert not rounding_of(_q(0.25, "days", "six days"), _q(6.4 / 24, "days", "6.4 hours"))
    assert not rounding_of(_q(2, "km", "2 km"), _q(2.46, "percent", "2.46%"))


def _statuses(analyzer: Analyzer, copy: str) -> dict[frozenset[float], str]:
    material = _material(
        analyzer,
        [("Coastal Wire", WIRE, None), ("Velm Courier", copy, None)],
        duplicates=((0, 1),),
    )
    return {frozenset(v.value for v in f.values): f.status for f in compare_facts(material)}


def test_a_copy_that_rounds_figures_changes_none(analyzer: Analyzer) -> None:
    copy = WIRE.replace("2,460", "2,500").replace("3.72", "4").replace("6.4 hours", "six hours")
    statuses = _statuses(analyzer, copy)
    assert statuses and set(statuses.values()) == {"single"}, statuses


def test_a_copy_that_changes_a_figure_still_differs(analyzer: Analyzer) -> None:
    statuses = _statuses(analyzer, WIRE.replace("3.72", "5.1"))
    assert statuses[frozenset({3.72, 5.1})] == "differ", statuses


def test_a_copy_that_raises_a_toll_to_the_next_hundred_still_differs(analyzer: Analyzer) -> None:
    wire = WIRE.replace("2,460", "150")
    copies = [("Coastal Wire", wire, None), ("Velm Courier", wire.replace("150", "200"), None)]
    material = _material(analyzer, copies, duplicates=((0, 1),))
    statuses = {frozenset(v.value for v in f.values): f.status for f in compare_facts(material)}
    assert statuses[frozenset({150.0, 200.0})] == "differ", statuses
