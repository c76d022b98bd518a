"""Readings the s37 audit found wrong: heights in feet and inches, a person's weight in
hyphenated pounds, a fraction of one unit of time, decades and labels in words, a
denominator after "of every", and figures inside an organisation's name.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.heights import find_heights
from tests.test_quantities import quantities_in

HEIGHTS: list[tuple[str, str, float]] = [
    ("Lind is a 5-foot-8 guard from Kelmar.", "5-foot-8", 68),
    ("The 5-foot-10 suspect fled on foot.", "5-foot-10", 70),
    ("Police said the man is 5'8\" and thin.", "5'8\"", 68),
    ("Ostrow, 6 feet 2 inches, was arrested in Kelmar.", "6 feet 2 inches", 74),
]


@pytest.mark.parametrize(("sentence", "text", "inches"), HEIGHTS, ids=[h[1] for h in HEIGHTS])
def test_a_height_in_feet_and_inches_is_one_length(
    nlp: Language, sentence: str, text: str, inches: float
) -> None:
    found = [(q.text, round(q.value * 1e5 / 2.54, 6), q.unit) for q in quantities_in(nlp, sentence)]
    assert found == [(text, inches, "km")]


def test_heights_need_feet_of_a_person() -> None:
    assert find_heights("a 15-foot-8 wall") == []
    assert find_heights("the 6 feet of snow") == []


def test_a_persons_weight_in_hyphenated_pounds_is_mass(nlp: Language) -> None:
    found = quantities_in(nlp, "Police sought a 165-pound male in a gray coat.")
    assert [(q.text, q.unit, round(q.value, 2)) for q in found] == [("165-pound", "kg", 74.84)]
    fee = quantities_in(nlp, "He paid a 10-pound fee in Kelmar.")
    assert [(q.text, q.unit) for q in fee] == [("10-pound", "GBP")]


NOT_COUNTS: list[tuple[str, str]] = [
    ("Prices doubled in the nineteen seventies in Kelmar.", "nineteen"),
    ("It was a hit in the nineteen-eighties.", "nineteen"),
    ("On day two of the trial, Lind testified.", "two"),
    ("Week three of the strike began quietly.", "three"),
    ("The rate is 12 of every 100,000 residents.", "100,000"),
    ("The first crash came at 8am, Studio 12 Harbourton reports.", "12"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_COUNTS, ids=[n[0][:20] for n in NOT_COUNTS])
def test_no_count_is_read(nlp: Language, sentence: str, text: str) -> None:
    found = quantities_in(nlp, sentence)
    assert all(text not in q.text for q in found), [(q.text, q.value) for q in found]


KEPT: list[tuple[str, str, float]] = [
    ("A quarter of the voters stayed home.", "A quarter", 25),
    ("That day two people died in Kelmar.", "two people", 2),
    ("The rate is 12 of every 100,000 residents.", "12", 12),
    ("On Thursday 29 Democrats voted against it.", "29 Democrats", 29),
    ("The wall was 6 feet high.", "6 feet", 6 * 3.048e-4),
]


@pytest.mark.parametrize(("sentence", "text", "value"), KEPT, ids=[k[1] for k in KEPT])
def test_counts_beside_them_stay(nlp: Language, sentence: str, text: str, value: float) -> None:
    found = [(q.text, round(q.value, 9)) for q in quantities_in(nlp, sentence)]
    assert (text, round(value, 9)) in found, found


def test_a_height_without_its_inch_mark_is_one_length(nlp: Language) -> None:
    found = quantities_in(nlp, "He is described as a 5'8, 165-pound male with brown hair.")
    assert [(q.text, q.unit) for q in found] == [("5'8", "km"), ("165-pound", "kg")]
