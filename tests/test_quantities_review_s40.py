"""Look-alikes the stop 40 review found misread by the s40 reading rules: an ordinal
"a third" before a unit, a mixed number's "and a half-hour", "the ages of" before a
counted noun, counts of occasions before "as", "more" or a clause, four-figure
durations after "after" or "between", a line-start count "2 of 12 ...", headcounts
bounded "under 20", and "911" as the day's name.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.model import Quantity
from tests.test_quantities import quantities_in


def found(nlp: Language, sentence: str) -> list[Quantity]:
    return quantities_in(nlp, sentence)


# --- "a third" before a unit is the ordinal ------------------------------------------------

ORDINAL_THIRDS = [
    "The strike at the Tarnby mill entered a third week on Monday.",
    "Protesters marched in Kelmar for a third day.",
    "Lorne, a third-year law student, spoke first.",
    "The Orvel council cut the budget for a third year in a row.",
    "Prices in Orsk rose for a third month running.",
]


@pytest.mark.parametrize("sentence", ORDINAL_THIRDS)
def test_a_third_before_a_unit_is_an_ordinal_no_measure(nlp: Language, sentence: str) -> None:
    assert [q.text for q in found(nlp, sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("They walked a third of a mile to the Orsk gate.", 0.5364, "km"),
        ("The Kelmar crews dug two thirds of a mile of trench.", 1.0729, "km"),
        ("The Tarnby talks lasted a half-day.", 0.5, "days"),
        ("It took a quarter-century to rebuild Orvel.", 25.0, "years"),
    ],
)
def test_fractions_of_units_stay_measures(
    nlp: Language, sentence: str, value: float, unit: str
) -> None:
    assert (value, unit) in [(round(q.value, 4), q.unit) for q in found(nlp, sentence)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Kelmar boarded a three and a half-hour flight to Orsk.", 3.5, "hours"),
        ("Leaders met at a two and a half-day summit in Tarnby.", 2.5, "days"),
    ],
)
def test_and_a_half_before_a_unit_ends_a_mixed_number(
    nlp: Language, sentence: str, value: float, unit: str
) -> None:
    assert [(q.value, q.unit) for q in found(nlp, sentence)] == [(value, unit)]


# --- "the ages of" before a counted noun --------------------------------------------------


def test_the_ages_of_before_a_counted_noun_counts_the_noun(nlp: Language) -> None:
    readings = found(nlp, "Police in Orsk did not give the ages of 12 victims.")
    assert [(q.text, q.unit, q.about) for q in readings] == [("12 victims", None, "victim")]


@pytest.mark.parametrize(
    "sentence",
    ["The twins, at the ages of 12 and 13, left Orsk.", "Kelmar gave the ages of 12, 14 and 15."],
)
def test_the_ages_of_a_span_stay_ages(nlp: Language, sentence: str) -> None:
    readings = found(nlp, sentence)
    assert readings and all(q.unit == "years" for q in readings)


# --- counts of occasions are no multiples --------------------------------------------------

OCCASIONS = [
    "Hale has scored 12 times as a substitute this season.",
    "Lind has visited Orsk four times as mayor.",
    "Kelmar was elected three times as governor.",
    "He was shot three times the officer told the court.",
    "She called five times more before the line went dead.",
]
MULTIPLES = [
    "Prices in Orsk are five times higher than last year.",
    "The new port is ten times as costly as the old one.",
    "Orsk has four times as many boats as Kelmar.",
    "The drug is five times more potent than the old one.",
    "Kelmar paid five times more money for the land.",
    "The patient got more than five times the usual dose.",
    "The new Tarnby port is 40 times the size of the old one.",
]


@pytest.mark.parametrize("sentence", OCCASIONS)
def test_counts_of_occasions_are_no_multiples(nlp: Language, sentence: str) -> None:
    assert [q.about for q in found(nlp, sentence)] == ["time"]


@pytest.mark.parametrize("sentence", MULTIPLES)
def test_multiples_stay_multiples(nlp: Language, sentence: str) -> None:
    assert [q.about for q in found(nlp, sentence)] == ["time (multiple)"]


# --- four-figure durations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hours"),
    [
        ("The Orsk probe fell silent after 1200 hours in orbit.", [1200.0]),
        ("Kelmar pilots need between 1000 and 1500 hours in the air.", [1000.0, 1500.0]),
        ("Kelmar pilots need between 1000 and 1500 hours of flying.", [1000.0, 1500.0]),
    ],
)
def test_durations_after_after_or_between_are_read(
    nlp: Language, sentence: str, hours: list[float]
) -> None:
    assert [q.value for q in found(nlp, sentence) if q.unit == "hours"] == hours


@pytest.mark.parametrize(
    "sentence",
    [
        "The Orsk strike ended after 1100 hrs, the union said.",
        "The raid on the Kelmar depot began at 1400 hours on Monday.",
        "The Tarnby shops close from 0800 to 1700 hours.",
        "The curfew in Orvel lasts until 2200 hours.",
        # a curfew's or a ceasefire's time after a loose lead (review 3 of stop 40)
        "Residents of Orvel may not leave their homes after 2100 hours.",
        "The Tarnby road stays shut since 1800 hours, the police said.",
        "The shelling stopped shortly before 2300 hours, a spokesman said.",
    ],
)
def test_clock_times_stay_no_durations(nlp: Language, sentence: str) -> None:
    assert [q for q in found(nlp, sentence) if q.unit == "hours"] == []


# --- a count at a line start ---------------------------------------------------------------


def test_a_count_of_a_whole_at_a_line_start_is_no_numbering(nlp: Language) -> None:
    readings = found(nlp, "Rescuers said:\n2 of 12 Orsk miners were rescued on Monday.")
    assert (2.0, "miner (part): rescue") in [(q.value, q.about) for q in readings]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tarnby dam held.\n3 of 40 Next Photo\nThe Orvel road",
        "The Tarnby dam held.\n\n1 of 9 Full Screen Close Ad \u00d7 The Orvel road was shut.",
    ],
)
def test_a_caption_numbering_at_a_line_start_is_still_no_count(
    nlp: Language, sentence: str
) -> None:
    assert found(nlp, sentence) == []


# --- headcounts are no ages ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Firms with employees under 20 are exempt from the Orsk levy.",
        "Clinics with patients over 80 got extra staff.",
        "Clubs with members over 50 pay the Kelmar fee.",
    ],
)
def test_a_bound_on_a_headcount_is_no_age(nlp: Language, sentence: str) -> None:
    assert all(q.unit != "years" for q in found(nlp, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents over 65 backed the Orsk plan.",
        "Children under five get the vaccine.",
        # people named for themselves by their work: an age (review 3 of stop 40)
        "From May, drivers over 70 in Orvel must renew their licence every year.",
        "Workers over 60 in Tarnby may retire early under the new deal.",
    ],
)
def test_a_bound_after_people_stays_an_age(nlp: Language, sentence: str) -> None:
    assert [q.unit for q in found(nlp, sentence)] == ["years"]


# --- "911" ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Orsk medal honours crews whose lungs were hurt by their courage on 911, "
        "the mayor said.",
        "Kelmar has changed since 911, the mayor said.",
        "Tarnby made a 911 call from the Orsk bridge.",
        "Tarnby called 911 from the Orsk bridge.",
    ],
)
def test_911_as_the_day_or_the_phone_number_is_no_count(nlp: Language, sentence: str) -> None:
    assert found(nlp, sentence) == []


def test_911_counted_stays_a_count(nlp: Language) -> None:
    assert [q.value for q in found(nlp, "Orsk police logged 911 arrests last year.")] == [911.0]
