"""Readings the s40 work found wrong: a fraction before a dash, number words of a range
after "between", ages in spans and bounds ("ages 18-25", "one woman under 40"), 24-hour
clock figures ("at 1400 hrs"), names and kinds that hold a figure ("the Lower 48",
"64-bit", a slideshow's "1 of 50"), a fraction of one unit ("a quarter - century", "half
an hour"), and a scale word hyphenated to its figure ("a $5-million grant").

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quantities import quantities_in
from tests.test_quantities_audit_s38 import readings
from tests.test_quantities_audit_s39 import figures

# --- a fraction before a dash -----------------------------------------------------------

FRACTIONS_BEFORE_A_DASH = [
    ("The Orsk budget was cut by half - a blow to the port.", 50.0),
    ("Kelmar sales fell by a third - the worst year since the flood.", 33.3333),
    ("Tarnby lost half - and the rest went to Orvel.", 50.0),
]


@pytest.mark.parametrize(("sentence", "share"), FRACTIONS_BEFORE_A_DASH)
def test_a_fraction_before_a_spaced_dash_and_a_function_word_is_read(
    nlp: Language, sentence: str, share: float
) -> None:
    assert [(value, unit) for _, value, unit in readings(nlp, sentence)] == [(share, "percent")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police also held his half - brother in Orsk.",
        "Kelmar used him as a third - down back.",
        "The Orvel crew ran a third - of - a - mile course.",
    ],
)
def test_a_fraction_fused_by_a_spaced_hyphen_is_still_a_compound(
    nlp: Language, sentence: str
) -> None:
    assert all(unit != "percent" for _, _, unit in readings(nlp, sentence))


# --- number words of a range -------------------------------------------------------------


def test_number_words_after_between_are_a_range_never_a_sum() -> None:
    assert figures("Between two hundred and three thousand people marched in Orsk.") == [
        200.0,
        3000.0,
    ]
    assert figures("Kelmar spent between five hundred and two thousand dollars.") == [
        500.0,
        2000.0,
    ]
    # an "and" further on is none of the range's
    assert figures("Between two hundred and three thousand people and 40 cars came.") == [
        200.0,
        3000.0,
        40.0,
    ]
    # figures are read the same way
    assert figures("Between 200 and 3,000 people marched in Orsk.") == [200.0, 3000.0]


def test_number_words_stay_one_number_where_no_range_is_written() -> None:
    assert figures("Two hundred and three thousand people marched in Orsk.") == [203000.0]
    # the range's own "and" follows the number's: "one hundred and fifty" is one end
    assert figures("Between one hundred and fifty and two hundred people came.") == [
        150.0,
        200.0,
    ]
    assert figures("From two hundred to three thousand people came.") == [200.0, 3000.0]


# --- ages --------------------------------------------------------------------------------

AGE_SPANS = [
    ("The Orsk volunteers, ages 18-25, signed up.", [18.0, 25.0]),
    ("The Kelmar recruits ranged in age from 18 to 25.", [18.0, 25.0]),
    ("Tarnby hired people aged 18 to 25.", [18.0, 25.0]),
    ("The Orsk siblings, ages 5, 7 and 9, were home.", [5.0, 7.0, 9.0]),
    ("The Orvel club is for ages between 8 and 12.", [8.0, 12.0]),
]


@pytest.mark.parametrize(("sentence", "ages"), AGE_SPANS)
def test_a_span_of_ages_is_read_as_years_of_age(
    nlp: Language, sentence: str, ages: list[float]
) -> None:
    found = readings(nlp, sentence)
    assert [value for _, value, _ in found] == ages
    assert all(unit == "years" for _, _, unit in found)


AGE_BOUNDS = [
    ("Orsk hired one woman under 40 and four people over 50.", [40.0, 50.0]),
    ("Children under five were vaccinated in Kelmar.", [5.0]),
    ("Tarnby voters over 65 backed the plan.", [65.0]),
    ("Those under 18 cannot vote in Orvel.", [18.0]),
]


@pytest.mark.parametrize(("sentence", "ages"), AGE_BOUNDS)
def test_a_bound_after_a_word_of_people_bounds_their_age(
    nlp: Language, sentence: str, ages: list[float]
) -> None:
    found = [q for q in readings(nlp, sentence) if q[2] == "years"]
    assert [value for _, value, _ in found] == ages


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Orsk drew people from over 30 countries.", "over 30 countries"),
        ("Crowds of over 30 gathered in Kelmar.", "over 30"),
        ("The men hired over 30 workers.", "over 30 workers"),
    ],
)
def test_a_bound_that_counts_stays_a_count(nlp: Language, sentence: str, count: str) -> None:
    assert (count, None) in [(text, unit) for text, _, unit in readings(nlp, sentence)]


# --- clock figures -------------------------------------------------------------------------

CLOCK_FIGURES = [
    "The Orsk patrol left at 1400 hrs GMT.",
    "The Kelmar crew moved in at 0930 hours on Monday.",
    "The Tarnby gate is open from 0800 to 1700 hours.",
    "The Orvel ferry docked at 1230 hours.",
]


@pytest.mark.parametrize("sentence", CLOCK_FIGURES)
def test_a_24_hour_clock_figure_is_no_duration(nlp: Language, sentence: str) -> None:
    assert all(unit != "hours" for _, _, unit in readings(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "hours"),
    [
        ("The Orsk pilot logged 1100 hours of flight.", 1100.0),
        ("Kelmar pilots need 1500 hours to qualify.", 1500.0),
        ("The Tarnby job took 2400 hours.", 2400.0),
    ],
)
def test_hours_counted_stay_a_duration(nlp: Language, sentence: str, hours: float) -> None:
    assert (hours, "hours") in [(value, unit) for _, value, unit in readings(nlp, sentence)]


# --- names, kinds and numberings ----------------------------------------------------------

NO_COUNTS = [
    "Snow fell across the Lower 48 on Sunday.",
    "Kelmar reached the Sweet 16 on Friday.",
    "The Orsk phone runs on a 64-bit chip.",
    "Tarnby showed the 3-D film twice.",
    "Orvel exports saw a 40-fold rise.",
    "Kelmar trade has grown eight-fold.",
    "The Orsk dam held.\n1 of 50 Next Photo\nThe Kelmar road",
    "Photo 3 of 12 shows the Tarnby dam.",
]


@pytest.mark.parametrize("sentence", NO_COUNTS)
def test_a_figure_in_a_name_a_kind_a_multiple_or_a_numbering_is_no_count(
    nlp: Language, sentence: str
) -> None:
    assert readings(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("Snow fell across the lower 48 states.", ("48 states", 48.0, None)),
        ("Orsk released a 12-track album.", ("12-track", 12.0, None)),
        ("The Orsk dam held.\n3 of 4 workers were hurt.", ("4 workers", 4.0, None)),
    ],
)
def test_the_counting_twins_stay_counts(
    nlp: Language, sentence: str, reading: tuple[str, float, None]
) -> None:
    assert reading in readings(nlp, sentence)


# --- a fraction of one unit ------------------------------------------------------------

FRACTIONS_OF_UNITS = [
    ("Orsk was ruled for a quarter - century.", ("a quarter - century", 25.0, "years")),
    ("Orsk was ruled for a quarter-century.", ("a quarter-century", 25.0, "years")),
    ("Orsk was ruled for a quarter of a century.", ("a quarter of a century", 25.0, "years")),
    # no share and no count (s37 audit): 25 years (moved here from the s37 no-count list)
    (
        "The feud lasted a quarter of a century before the truce.",
        ("a quarter of a century", 25.0, "years"),
    ),
    ("The Kelmar ferry takes a half-hour.", ("a half-hour", 0.5, "hours")),
    ("The Kelmar ferry takes about half an hour.", ("about half an hour", 0.5, "hours")),
    ("The Tarnby plant sits half a mile from the river.", ("half a mile", 0.8047, "km")),
]


@pytest.mark.parametrize(("sentence", "reading"), FRACTIONS_OF_UNITS)
def test_a_fraction_of_one_unit_is_a_measure(
    nlp: Language, sentence: str, reading: tuple[str, float, str]
) -> None:
    assert reading in readings(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kelmar scored twice in the second half-hour.",
        "The Orsk mayor left half an hour ago.",
        "Police also held his half - brother in Orsk.",
    ],
)
def test_a_part_a_relative_time_or_a_compound_is_no_measure(nlp: Language, sentence: str) -> None:
    assert readings(nlp, sentence) == []


# --- a scale word hyphenated to its figure ----------------------------------------------

SCALED = [
    ("Orsk won a $5-million grant.", ("$5-million", 5e6, "USD")),
    ("Kelmar lost a $2.6 - million cargo.", ("$2.6 - million", 2.6e6, "USD")),
    ("Thieves took a two - million - euro haul.", ("two - million - euro", 2e6, "EUR")),
    ("Tarnby built a 300-million-litre tank.", ("300-million-litre", 3e8, None)),
]


@pytest.mark.parametrize(("sentence", "reading"), SCALED)
def test_a_scale_word_hyphenated_to_its_figure_scales_it(
    nlp: Language, sentence: str, reading: tuple[str, float, str | None]
) -> None:
    assert reading in readings(nlp, sentence)


def test_a_score_in_words_with_a_spaced_hyphen_is_not_joined() -> None:
    assert figures("Orsk won two - one at home.")[:1] == [2.0]


# --- a multiple is no count of occasions -------------------------------------------------

MULTIPLES = [
    "The Orsk flies turn five times faster than before.",
    "The Orsk dose was more than five times the usual one.",
    "Tarnby repairs were ten times as costly.",
    "Orvel sold 30 times more tickets this year.",
]


@pytest.mark.parametrize("sentence", MULTIPLES)
def test_times_before_a_comparison_is_a_multiple(nlp: Language, sentence: str) -> None:
    assert [q for q in readings(nlp, sentence) if q[1] > 1] != []
    found = quantities_about(nlp, sentence)
    assert found == ["time (multiple)"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police fired three times at the Orsk car.",
        "Hale has won five times over the years.",
        "He was stabbed five times the next day in Kelmar.",
    ],
)
def test_times_counting_occasions_stay_times(nlp: Language, sentence: str) -> None:
    assert quantities_about(nlp, sentence) == ["time"]


def quantities_about(nlp: Language, sentence: str) -> list[str | None]:
    return [q.about for q in quantities_in(nlp, sentence)]
