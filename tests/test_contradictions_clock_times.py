"""One deed given two times of day by two sources (reconcile/clock_times.py through
find_discrepancies), on invented articles, and the pairs that are no contradiction."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.clock_times import ClockTime, clock_times, times_clash
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_contradictions_day_names import undated
from tests.test_reconcile_discrepancies import assert_provenance


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _dates(analyzer: Analyzer, texts: list[str]) -> list[set[str]]:
    material = undated(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [{c.text for c in d.claims} for d in found if d.kind == "date"]


LEFT = "Mira Olsen left the Tarnby fair at about 9:30 p.m., her family said."
LEFT_LATE = "Mira Olsen left the Tarnby fair at 11:15 p.m. with two friends."
ARRIVED = "Tarnby firefighters reached the burning barn at 4:10 a.m. on the hill road."


@pytest.mark.parametrize(
    "texts",
    [
        [LEFT, LEFT_LATE],
        [ARRIVED, "The burning barn was reached by Tarnby firefighters at 5:05 a.m."],
    ],
)
def test_one_deed_two_times(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == [set(texts)]


@pytest.mark.parametrize(
    "texts",
    [
        # About 9:30 and 9:40: one time, rounded.
        [LEFT, LEFT_LATE.replace("11:15", "9:40")],
        # Two deeds: leaving and being seen.
        [LEFT, "Mira Olsen was seen near the Tarnby fair at 11:15 p.m."],
        # A bound is no time of the deed.
        [LEFT, LEFT_LATE.replace("at 11:15", "after 11:15")],
        # Time zones: one moment, two clock readings.
        [ARRIVED.replace("4:10 a.m.", "4:10 a.m. ET"), ARRIVED.replace("4:10", "1:10")],
        # Two people.
        [LEFT, LEFT_LATE.replace("Mira Olsen", "Ane Berg")],
        # One page tells both times: two goings.
        [LEFT + " " + LEFT_LATE, LEFT_LATE],
        # Hedged, or still to come.
        [LEFT, LEFT_LATE.replace("left", "probably left")],
        [LEFT, "Mira Olsen will leave the Tarnby fair at 11:15 p.m. with two friends."],
    ],
)
def test_no_clock_discrepancy(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


@pytest.mark.parametrize(
    ("text", "minutes", "rough"),
    [
        ("left at about 9:30 p.m. on Friday", [21 * 60 + 30], [True]),
        ("heard from at 9:32 p.m., who", [21 * 60 + 32], [False]),
        ("at 10:15pm", [22 * 60 + 15], [False]),
        ("at noon", [12 * 60], [False]),
        ("shortly before midnight", [0], [True]),
        ("after 9 p.m.", [], []),
        ("between 9 and 10 p.m.", [], []),
        ("at 11 a.m. ET", [], []),
        ("at 13 p.m.", [], []),
        # Finding 6 (review): other zones, and both ends of a range.
        ("at 9 p.m. Tokyo time", [], []),
        ("at 9 p.m. JST", [], []),
        ("at 9 p.m. AEST", [], []),
        ("at 9 p.m. IST", [], []),
        ("closed the bridge 5 a.m. to 9 a.m.", [], []),
        ("closed the bridge 5 a.m. until 9 a.m.", [], []),
        ("closed the bridge 5 a.m.-9 a.m.", [], []),
        ("closed the bridge from 5 a.m. on", [], []),
        ("closed the bridge at 9 a.m. to traffic", [9 * 60], [False]),
        # Issue 12: hours and minutes split by a full stop, British style.
        ("left at about 9.30 p.m. on Friday", [21 * 60 + 30], [True]),
        ("heard from at 10.15pm.", [22 * 60 + 15], [False]),
        ("closed the bridge 5.30 a.m. to 9.45 a.m.", [], []),
        ("a 2.5 pm reading", [], []),
    ],
)
def test_clock_times(text: str, minutes: list[int], rough: list[bool]) -> None:
    found = clock_times(text)
    assert [t.minutes for t in found] == minutes
    assert [t.rough for t in found] == rough


def test_times_clash() -> None:
    def at(minutes: int, rough: bool = False) -> ClockTime:
        return ClockTime(minutes, rough, 0, 1)

    assert times_clash(at(570), at(600))
    assert not times_clash(at(570), at(580))
    assert not times_clash(at(570, rough=True), at(600))
    assert times_clash(at(570, rough=True), at(660))
    assert not times_clash(at(23 * 60 + 55), at(5))  # round midnight


def test_two_people_sharing_a_surname(analyzer: Analyzer) -> None:
    """Finding 4 (review): Jon Smith and Jan Smith are two people."""
    texts = [
        "Jon Smith left the Tarnby fair at 9 p.m., his family said.",
        "Jan Smith left the Tarnby fair at 11 p.m. with two friends.",
    ]
    assert _dates(analyzer, texts) == []


@pytest.mark.parametrize(
    "texts",
    [
        # Finding 5 (review): speaking is done more than once a day.
        [
            "Mira Olsen spoke at the Tarnby rally at 10 a.m., aides said.",
            "Mira Olsen spoke at the Tarnby dinner at 8 p.m. with two friends.",
        ],
        [
            "Mira Olsen spoke in Tarnby at 10 a.m., aides said.",
            "Mira Olsen spoke in Tarnby at 8 p.m. with two friends.",
        ],
    ],
)
def test_no_clock_discrepancy_of_a_repeatable_deed(analyzer: Analyzer, texts: list[str]) -> None:
    assert _dates(analyzer, texts) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ferry pilot Oskar Vell died at 10 p.m. or 11 p.m. on Friday, police said.",
        "The crane toppled at 9 p.m. and 10 p.m. a second one fell.",
        "Vell died at 9 p.m. \u00c5lesund time on Friday.",
        "Vell died at 9 p.m. Tokyo Time on Friday.",
    ],
)
def test_alternatives_and_other_places_times_give_no_point_time(text: str) -> None:
    # Two alternatives are a guess, not a time to hold against another outlet's; a
    # clock reading in a named place's time (any script's capital) may be another zone.
    assert clock_times(text) == []
