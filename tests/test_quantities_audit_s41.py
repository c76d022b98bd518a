"""Readings the s41 audit (seed 41077, 200 readings over the shared English texts) found
wrong, each fixed in general form: a day's name after a counted noun taken into the
count ("two men Monday" counted Mondays) and a half joined to its whole by a hyphen
("1-1/2 miles" read as a range from 1 to a half).

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quantities import quantities_in

DATED_COUNTS: list[tuple[str, tuple[str, str]]] = [
    ("Police in Orsk arrested two men Monday.", ("two men", "man")),
    ("Vesk scored 20 points Thursday night for Tarrow.", ("20 points", "point")),
    ("The storm killed at least three people Wednesday in Orsk.",
     ("at least three people", "people")),
    ("Orsk made six arrests Saturday after the march.", ("six arrests", "arrest")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "reading"), DATED_COUNTS)
def test_a_day_s_name_after_a_count_dates_it_and_is_not_counted(
    nlp: Language, sentence: str, reading: tuple[str, str]
) -> None:
    assert [(q.text, q.about) for q in quantities_in(nlp, sentence)] == [reading]


def test_a_day_s_name_before_the_noun_still_names_what_is_counted(nlp: Language) -> None:
    found = quantities_in(nlp, "The two Monday meetings in Orsk were cancelled.")
    assert [(q.text, q.about) for q in found] == [("two Monday meetings", "meeting")]


HYPHENED_HALVES: list[tuple[str, tuple[str, float, str]]] = [
    ("The crater near Orsk measures 1-1/2 miles across.", ("1-1/2 miles", 2.414, "km")),
    ("Vesk served a 2-1/2 year sentence in Tarrow.", ("2-1/2 year", 2.5, "years")),
    ("Vesk served a 4 - 1 / 2 - month term in Tarrow.", ("4 - 1 / 2 - month", 4.5, "months")),
    ("The Orsk talks lasted 3-1/2 hours.", ("3-1/2 hours", 3.5, "hours")),
]


@pytest.mark.parametrize(("sentence", "reading"), HYPHENED_HALVES)
def test_a_half_joined_by_a_hyphen_is_the_whole_number_s(
    nlp: Language, sentence: str, reading: tuple[str, float, str]
) -> None:
    found = [(q.text, round(q.value, 3), q.unit) for q in quantities_in(nlp, sentence)]
    assert found == [reading]


def test_a_hyphen_before_another_figure_is_still_a_range(nlp: Language) -> None:
    found = quantities_in(nlp, "The Orsk talks lasted 3-4 hours.")
    assert [(q.value, q.unit, q.approx) for q in found] == [
        (3.0, "hours", "over"),
        (4.0, "hours", "under"),
    ]
