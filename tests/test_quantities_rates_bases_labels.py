"""Three misreadings of stop 40's open list, each in general form: a concentration
("5 ng/ml") read as a count of "ng", the year of a price base ("in 2006 dollars") read as
a sum, and a profile's "Age: 27" line left unread.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.concentrations import concentration_after
from tests.test_quantities import quantities_in

Reading = tuple[str, float, str | None, str | None]


def readings(nlp: Language, sentence: str) -> list[Reading]:
    return [(q.text, q.value, q.unit, q.approx) for q in quantities_in(nlp, sentence)]


CONCENTRATIONS: list[tuple[str, list[Reading]]] = [
    ("The legal limit in Orsk is 2 ng/ml of the drug.", [("2 ng/ml", 2.0, "ng/ml", None)]),
    ("Vesk's blood sugar was 126 mg/dL on Monday.", [("126 mg/dL", 126.0, "mg/dl", None)]),
    ("The reading fell below 5 ng / ml by noon.", [("below 5 ng / ml", 5.0, "ng/ml", "under")]),
    ("Levels in Tarrow rose to 100 to 200 ng/ml.",
     [("100", 100.0, "ng/ml", "over"), ("200 ng/ml", 200.0, "ng/ml", "under")]),
    ("Soot at the Orsk school reached 40 µg/m3.", [("40 µg/m3", 40.0, "µg/m3", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CONCENTRATIONS)
def test_a_concentration_is_a_measure_in_its_own_unit(
    nlp: Language, sentence: str, expected: list[Reading]
) -> None:
    assert readings(nlp, sentence) == expected


def test_concentrations_in_two_units_never_share_one() -> None:
    assert concentration_after("2 mg/dL", 1) == ("mg/dl", 7)
    assert concentration_after("2 mg/kg", 1) == ("mg/kg", 7)
    assert concentration_after("80 km/h", 2) is None  # a speed: units.py reads it
    assert concentration_after("2 mg/dl/day", 1) is None  # a rate of a rate: unread


def test_a_speed_is_still_a_speed(nlp: Language) -> None:
    assert readings(nlp, "The van reached 80 km/h in Orsk.") == [("80 km/h", 80.0, "km/h", None)]


PRICE_BASES = [
    "The dam cost $76 million (in 2006 dollars) to build.",
    "Output was worth $90 million in constant 2010 dollars.",
    "In inflation-adjusted 1990 euros, the port earned 4 million euros.",
]


@pytest.mark.parametrize("sentence", PRICE_BASES)
def test_the_year_of_a_price_base_is_no_sum(nlp: Language, sentence: str) -> None:
    found = quantities_in(nlp, sentence)
    assert found and all(q.value > 1e5 for q in found)  # the sums stay; no 1,990 or 2,006


def test_a_sum_that_looks_like_a_year_is_still_a_sum(nlp: Language) -> None:
    assert readings(nlp, "Vesk paid 2006 dollars for the boat.") == [
        ("2006 dollars", 2006.0, "USD", None)
    ]
    assert readings(nlp, "The fine in Orsk was $2006.") == [("$2006", 2006.0, "USD", None)]


def test_an_age_label_on_its_own_line_is_an_age(nlp: Language) -> None:
    text = "More about her\n\nAge: 27\n\nHome town: Orsk\n"
    assert [(q.value, q.unit) for q in quantities_in(nlp, text)] == [(27.0, "years")]


def test_a_label_followed_by_more_words_is_no_age(nlp: Language) -> None:
    found = quantities_in(nlp, "Age: 27 players were cut from the Orsk squad.")
    assert [(q.value, q.unit) for q in found] == [(27.0, None)]
