"""Stop 40 misreadings: a currency glued before the figure ("$US2 million", "euro70
billion") read as a bare "million" / "billion"; a mixed number's figures ("4 1/2",
tokenised "4 1 / 2") read as the denominator alone; a vague count before a scale word
("several hundred thousand years") read without its unit.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.numbers import read_amounts
from tests.test_quantities import quantities_in


def readings(nlp: Language, sentence: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.unit) for q in quantities_in(nlp, sentence)]


# --- a currency glued before the figure --------------------------------------------------

GLUED = [
    ("Damage to the Varno chapel was put at $US2 million.", "$US2 million", 2e6, "USD"),
    ("The fund lent Kelmar euro70 billion last spring.", "euro70 billion", 7e10, "EUR"),
    ("A farmer in Orsk gets euro280 a month from his pension.", "euro280", 280.0, "EUR"),
    ("The Lorne club paid $A3 million for the ground.", "$A3 million", 3e6, "AUD"),
    ("The Tarnby mill paid US$2 million in fines.", "US$2 million", 2e6, "USD"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), GLUED)
def test_a_glued_currency_is_the_figures(
    nlp: Language, sentence: str, text: str, value: float, unit: str
) -> None:
    assert readings(nlp, sentence) == [(text, value, unit)]


GLUED_NEGATIVES = [
    ("Euro 2024 drew 3 million fans to Kelmar.", [("3 million fans", 3e6, None)]),
    ("Euro2024 drew 3 million fans to Kelmar.", [("3 million fans", 3e6, None)]),
    ("The Orsk office counted 70 billion euros of debt.", [("70 billion euros", 7e10, "EUR")]),
]


@pytest.mark.parametrize(("sentence", "expected"), GLUED_NEGATIVES)
def test_no_glued_sign_where_none_is_written(
    nlp: Language, sentence: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert readings(nlp, sentence) == expected


def test_letters_before_the_sign_make_no_currency() -> None:
    assert [a.value for a in read_amounts("The neuro7 trial and the G7 summit.")] == []


# --- a mixed number in figures -----------------------------------------------------------

MIXED = [
    ("The Varno trial lasted 4 1/2 months.", "4 1/2 months", 4.5, "months"),
    ("The Varno trial lasted 4 1 / 2 months .", "4 1 / 2 months", 4.5, "months"),
    ("He was jailed in Orsk for 3 1/2 years.", "3 1/2 years", 3.5, "years"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), MIXED)
def test_a_mixed_number_keeps_its_whole(
    nlp: Language, sentence: str, text: str, value: float, unit: str
) -> None:
    assert readings(nlp, sentence) == [(text, value, unit)]


def test_a_glued_half_invents_no_figure(nlp: Language) -> None:
    """ "41 / 2 months" (a 4½ whose whole and half ran together) is neither 2 months nor
    41/2 = 20.5 months: the figures cannot be told apart, so nothing is read."""
    assert readings(nlp, "He served 41 / 2 months in a Kelmar prison .") == []


# --- a vague count before a scale word keeps its unit --------------------------------------

VAGUE = [
    ("The Orsk caves formed several hundred thousand years ago.", 2e5, "years"),
    ("The Lorne council spent several million dollars on roads.", 2e6, "USD"),
    ("The Tarnby dig took several hundred days.", 200.0, "days"),
]


@pytest.mark.parametrize(("sentence", "value", "unit"), VAGUE)
def test_a_vague_scale_keeps_its_unit(
    nlp: Language, sentence: str, value: float, unit: str
) -> None:
    (q,) = quantities_in(nlp, sentence)
    assert (q.value, q.unit, q.approx) == (value, unit, "over")


def test_a_vague_scale_counts_people_still(nlp: Language) -> None:
    (q,) = quantities_in(nlp, "A few thousand people marched in Varno.")
    assert (q.value, q.unit) == (2000.0, None)
