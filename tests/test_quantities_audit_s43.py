"""Readings stop 42's audit left, each fixed in general form: an age after a name suffix
the tokenizer splits from its period ("Vesk Sr., 70," gave no age, while "Vesk Jr., 70,"
did), and a bare count before the time of its deed ("killed 12 Monday", "freed 40 last
week": the parser hangs the figure on the day, so the count was lost as a date's label or
read as a count of weeks). Hard negatives: a clock figure before a day ("at 10 Monday"),
a count whose noun comes before the day ("12 militants Monday"), days counted
("12 Mondays").

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quantities import quantities_in

SUFFIXED_AGES: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("Tomas Vesk Sr., 70, died in Orsk on Friday.", [("70", "vesk")]),
    ("Police said Anton Vesk Sr., 49, took two guards hostage.", [("49", "vesk")]),
    ("Tomas Vesk Jr., 44, said the pier was safe.", [("44", "vesk")]),
    ("Tomas Vesk, 44, said the pier was safe.", [("44", "vesk")]),
]


@pytest.mark.parametrize(("sentence", "ages"), SUFFIXED_AGES)
def test_an_age_after_a_split_name_suffix_is_the_surname_s(
    nlp: Language, sentence: str, ages: list[tuple[str, str | None]]
) -> None:
    found = [(q.text, q.about) for q in quantities_in(nlp, sentence) if q.unit == "years"]
    assert found == ages


def test_a_full_stop_before_a_figure_is_no_name_suffix(nlp: Language) -> None:
    found = quantities_in(nlp, "Vesk met the Sr. staff. In all, 12 people came to Orsk.")
    assert [(q.text, q.unit) for q in found] == [("12 people", None)]


TIMED_COUNTS: list[tuple[str, list[tuple[str, float, str | None]]]] = [
    ("The storm killed 12 Monday in Orsk.", [("12", 12.0, "kill")]),
    # near shapes of the schedule verbs: a deed's count (review s43/4 M2)
    ("Shares in the ferry line fell 12 Monday.", [("12", 12.0, "fall")]),
    ("The storm killed 12 on Monday in Orsk.", [("12", 12.0, "kill")]),
    (
        "Police arrested 40 Friday and freed 30 Saturday.",
        [("40", 40.0, "arrest"), ("30", 30.0, "free")],
    ),
    ("The flood killed 12 yesterday.", [("12", 12.0, "kill")]),
    ("The flood killed 12 last week.", [("12", 12.0, "kill")]),
    ("Rebels freed 40 Sunday night.", [("40", 40.0, "free")]),
    ("Rebels freed 40 this morning.", [("40", 40.0, "free")]),
]


@pytest.mark.parametrize(("sentence", "reading"), TIMED_COUNTS)
def test_a_count_before_the_time_of_its_deed_counts_the_deed(
    nlp: Language, sentence: str, reading: list[tuple[str, float, str | None]]
) -> None:
    assert [(q.text, q.value, q.about) for q in quantities_in(nlp, sentence)] == reading


UNTIMED: list[tuple[str, list[tuple[str, float, str | None]]]] = [
    ("The talks start at 10 Monday in Orsk.", []),  # a clock time
    ("Voting ends at 8 tonight.", []),
    ("Troops killed 12 militants Monday.", [("12 militants", 12.0, "militant")]),
    ("Vesk worked 12 Mondays in a row.", [("12 Mondays", 12.0, "monday")]),
    ("Vesk served 40 years in Orsk.", [("40 years", 40.0, "serve")]),
    # a schedule verb's bare figure before a day is a clock (review s43/4 M2)
    ("The ferry leaves 10 Monday and returns Friday.", []),
    ("The Orsk market opens 9 Saturday.", []),
]


@pytest.mark.parametrize(("sentence", "reading"), UNTIMED)
def test_a_clock_figure_a_counted_noun_or_counted_days_are_unchanged(
    nlp: Language, sentence: str, reading: list[tuple[str, float, str | None]]
) -> None:
    assert [(q.text, q.value, q.about) for q in quantities_in(nlp, sentence)] == reading


POUND_WEIGHTS: list[tuple[str, tuple[str, str | None]]] = [
    ("In Orsk a 3.27 pound silver coin was found.", ("3.27 pound", "kg")),
    ("The 5-foot-9, 150 pound boxer walked in.", ("150 pound", "kg")),
    ("The barge had 6,000 pounds of salt aboard.", ("6,000 pounds", "kg")),
    ("Vesk lifted a 140 pound woman onto the cart.", ("140 pound", "kg")),
    ("The truck spilled 2,500 pounds of frozen fish.", ("2,500 pounds", "kg")),
    ("Vesk stored 900 pounds of cheese, worth $4,000.", ("900 pounds", "kg")),
]


@pytest.mark.parametrize(("sentence", "reading"), POUND_WEIGHTS)
def test_pounds_a_weight_by_their_shape(
    nlp: Language, sentence: str, reading: tuple[str, str | None]
) -> None:
    assert reading in [(q.text, q.unit) for q in quantities_in(nlp, sentence)]


POUND_MONEY: list[tuple[str, tuple[str, str | None]]] = [
    ("Orsk spent 40 million pounds of taxpayers' money.", ("40 million pounds", "GBP")),
    ("Vesk paid 40 million pounds for the club.", ("40 million pounds", "GBP")),
    ("Vesk was handed a 10 pound note.", ("10 pound", "GBP")),
    ("Vesk had to wager 10 pounds to win.", ("10 pounds", "GBP")),
    ("They took £35,000 and 900 pounds of cheese.", ("900 pounds", "GBP")),  # a sterling text
    # A scaled figure or a money phrase after "of" is sterling (review s43f S2, S3).
    ("The government pledged 40 million pounds of new investment.", ("40 million pounds", "GBP")),
    ("The plan will cost 500 million pounds of government money.", ("500 million pounds", "GBP")),
    ("Orsk won 3 million pounds of lottery funding.", ("3 million pounds", "GBP")),
    ("The firm won 20 million pounds of contracts last year.", ("20 million pounds", "GBP")),
    ("The council raised 2 million pounds of taxes.", ("2 million pounds", "GBP")),
    ("Vesk signed a 1.5 billion pound deal with Orsk.", ("1.5 billion pound", "GBP")),
    ("The club agreed a 2.3 million pound contract.", ("2.3 million pound", "GBP")),
    ("Vesk bought a 5 pound child ticket for the show.", ("5 pound", "GBP")),
    # near shapes of our own: a scale-less money phrase, a scaled weight-like noun
    ("Orsk got 200,000 pounds of public grants.", ("200,000 pounds", "GBP")),
    ("The mine sold 4 million pounds of copper ore.", ("4 million pounds", "GBP")),
    ("Vesk paid a 20 pound adult fare.", ("20 pound", "GBP")),
]


@pytest.mark.parametrize(("sentence", "reading"), POUND_MONEY)
def test_pounds_of_money_stay_sterling(
    nlp: Language, sentence: str, reading: tuple[str, str | None]
) -> None:
    assert reading in [(q.text, q.unit) for q in quantities_in(nlp, sentence)]


YEARS_BEFORE_A_NOUN: list[tuple[str, list[tuple[str, float]]]] = [
    ("Kovac was convicted of two 1987 robberies.", [("two", 2.0)]),
    ("See the Orsk Herald's 2015 poll tables.", []),
    ("(the Orsk Herald's 2015 poll tables) came out.", []),
]


@pytest.mark.parametrize(("sentence", "reading"), YEARS_BEFORE_A_NOUN)
def test_a_year_shaped_figure_after_a_count_or_an_owner_is_a_year(
    nlp: Language, sentence: str, reading: list[tuple[str, float]]
) -> None:
    assert [(q.text, q.value) for q in quantities_in(nlp, sentence)] == reading


COUNTS_NOT_YEARS: list[tuple[str, tuple[str, float]]] = [
    ("Vesk sold 2017 apples in Orsk.", ("2017 apples", 2017.0)),
    ("About 1950 people came to Orsk.", ("About 1950 people", 1950.0)),
    ("In 2014, 1993 people came to Orsk.", ("1993 people", 1993.0)),
    # an owner before people or a workforce's units counts them (review s43f S4)
    ("The company's 1500 workers went on strike on Monday.", ("1500 workers", 1500.0)),
    ("Orsk's 2000 teachers walked out.", ("2000 teachers", 2000.0)),
    ("The union's 1800 members voted to strike.", ("1800 members", 1800.0)),
    # near shapes of our own
    ("The army's 1200 troops left Orsk.", ("1200 troops", 1200.0)),
    ("The plant's 1950 jobs are at risk.", ("1950 jobs", 1950.0)),
]


@pytest.mark.parametrize(("sentence", "reading"), COUNTS_NOT_YEARS)
def test_a_year_shaped_count_after_other_words_stays_a_count(
    nlp: Language, sentence: str, reading: tuple[str, float]
) -> None:
    assert reading in [(q.text, q.value) for q in quantities_in(nlp, sentence)]
