"""Readings the s39 work found wrong: thousands written with a spaced comma ("2, 700",
as tokenised corpora write them) read as two numbers, a figure in a fixed figurative
phrase ("the 800-pound gorilla") read as a weight or a sum, and an organisation named
for its field ("the Geological Society") taken as the quake a magnitude needs.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.idioms import in_an_idiom
from newsprism.analyze.numbers import read_amounts
from tests.test_quantities import quantities_in
from tests.test_quantities_audit_s38 import readings


def figures(text: str) -> list[float]:
    return [a.value for a in read_amounts(text)]


# Text tokenised for NLP (ECB+) spaces its clitics, clock times and compounds; each
# sentence below carries one such mark, as a tokenised article does elsewhere.
SPACED_THOUSANDS = [
    ("Orsk 's clinic served 3, 700 people last year.", ("3, 700 people", 3700.0, None)),
    ("Hale ended with 2 , 117 career points.", ("2 , 117 career points", 2117.0, None)),
    ("The depot was n't insured; it was valued at $412, 300.", ("$412, 300", 412300.0, "USD")),
    ("Kelmar lies 1, 270 kilometers from the 12 - mile dam.", ("1, 270 kilometers", 1270.0, "km")),
    ("The 5.4 - magnitude quake wounded more than 1, 600.", ("more than 1, 600", 1600.0, None)),
    ("Orsk 's fund paid 1, 250, 000 dollars to Orvel.", ("1, 250, 000 dollars", 1250000.0, "USD")),
]


@pytest.mark.parametrize(("sentence", "reading"), SPACED_THOUSANDS)
def test_thousands_grouped_by_a_spaced_comma_are_one_figure(
    nlp: Language, sentence: str, reading: tuple[str, float, str | None]
) -> None:
    assert reading in readings(nlp, sentence)


# In edited prose a comma with a space after it closes a phrase (review s39/2): the
# figures on either side stay two, whatever follows.
PROSE_COMMAS = [
    ("On day 3, 500 soldiers crossed the river.", [3.0, 500.0]),
    ("After Game 5, 200 fans stayed in the stands.", [5.0, 200.0]),
    ("Under Chapter 14, 300 workers will lose their jobs.", [14.0, 300.0]),
    ("By mile 6, 400 runners had dropped out.", [6.0, 400.0]),
    ("In Ward 9, 250 homes were flooded.", [9.0, 250.0]),
    ("In 2, 700 people marched.", [2.0, 700.0]),
]


@pytest.mark.parametrize(("text", "values"), PROSE_COMMAS)
def test_a_comma_closing_a_phrase_in_prose_keeps_two_figures(
    text: str, values: list[float]
) -> None:
    assert figures(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "On day 3, 500 soldiers did n't cross.",
        "On day 3 , 500 soldiers crossed the 12 - mile river.",
        "After Game 5 , 200 fans stayed.",
        "On Day 3, 000 soldiers did n't cross.",
    ],
)
def test_no_thousands_group_starts_after_a_label_even_in_tokenised_text(text: str) -> None:
    assert figures(text)[:2] in ([3.0, 500.0], [5.0, 200.0], [3.0, 0.0])


def test_a_text_writing_its_thousands_apart_is_tokenised() -> None:
    # "340, 000" is read anywhere, so it shows how this text groups thousands
    assert figures("Orsk had 340, 000 people; 1, 300 fled.") == [340000.0, 1300.0]
    assert figures("In 2, 700 people marched.") == [2.0, 700.0]


def test_a_comma_spaced_on_both_sides_groups_thousands_in_any_text() -> None:
    assert figures("About 2 , 500 people left Orsk.") == [2500.0]


def test_a_half_joins_before_a_scale_word(nlp: Language) -> None:
    assert readings(nlp, "Three and a half million people voted in Orsk.") == [
        ("Three and a half million people", 3500000.0, None)
    ]
    assert figures("Kelmar lost two and a half billion dollars.") == [2.5e9]
    assert figures("Two and a half thousand troops left.") == [2500.0]
    assert figures("The talks took four and a half months.") == [4.5]


SPACED_NOT_THOUSANDS = [
    # a day after its month
    ("On March 3, 200 people marched in Orsk.", [3.0, 200.0]),
    ("By Dec. 9, 450 crates had reached Kelmar.", [9.0, 450.0]),
    # a height or a score before a list
    ("Marsh (5 - 11, 220) signed on Monday.", [5.0, 11.0, 220.0]),
    ("He is a 5'8, 165-pound man.", [5.0, 8.0, 165.0]),
    ("Orsk won 6-4, 200 fans watched.", [6.0, 4.0, 200.0]),
    # a list of figures
    ("Gates 1, 2, 300 and 4 were shut.", [1.0, 2.0, 300.0, 4.0]),
    ("Lots 4, 500, 12 were sold.", [4.0, 500.0, 12.0]),
    # a fronted partitive whose comma ends the phrase
    ("Of the 120, 400 were hurt in Orsk.", [120.0, 400.0]),
    ("Among the 60, 150 came back.", [60.0, 150.0]),
    # groups that are not three digits
    ("Orsk sent 12, 40 and 7 crews.", [12.0, 40.0, 7.0]),
    ("Kelmar had 2, 5000 visitors listed.", [2.0, 5000.0]),
]


@pytest.mark.parametrize(("text", "values"), SPACED_NOT_THOUSANDS)
def test_a_spaced_comma_of_a_list_a_date_or_a_clause_keeps_two_figures(
    text: str, values: list[float]
) -> None:
    assert figures(text) == values


def test_a_tight_thousands_comma_is_read_as_before() -> None:
    assert figures("Orsk hired 2,500 staff and Kelmar 340, 000.") == [2500.0, 340000.0]


IDIOMS = [
    "Kelmar Air is the 800-pound gorilla of the regional market.",
    "The union is the 800 - pound gorilla in the Orsk talks.",
    "Nobody would touch the Orvel plan with a ten-foot pole.",
    "Here are my two cents on the Tarnby budget.",
    "That is her two cents' worth on the port.",
    "Who pays is the million-dollar question for Kelmar.",
    "Cheap phones are a dime a dozen in Orsk.",
    "The mayor was on cloud nine after the vote.",
    "A picture is worth a thousand words, the curator said.",
    "Winning the Orsk draw was one in a million.",
    "It was a one-in-a-million shot from the Kelmar forward.",
    "Trade is a two-way street, the minister said.",
    "He used a four-letter word on Orvel radio.",
    "The Tarnby striker has nine lives, his coach joked.",
]


@pytest.mark.parametrize("sentence", IDIOMS)
def test_a_figure_in_a_fixed_figurative_phrase_is_no_quantity(nlp: Language, sentence: str) -> None:
    assert readings(nlp, sentence) == []


LITERAL_TWINS = [
    ("Keepers weighed the 800-pound bear at the Orsk zoo.", ("800-pound", 362.8739, "kg")),
    ("The crew built a ten-foot wall around the Kelmar yard.", ("ten-foot", 0.003, "km")),
    ("Prices rose two cents a litre in Orvel.", ("two cents", 2.0, None)),
    ("The Tarnby fire claimed nine lives.", ("nine lives", 9.0, None)),
    ("The essay ran to a thousand words.", ("a thousand words", 1000.0, None)),
    ("Kelmar paid a million dollars for the question bank.",
     ("a million dollars", 1000000.0, "USD")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "reading"), LITERAL_TWINS)
def test_the_literal_twin_of_an_idiom_stays_a_quantity(
    nlp: Language, sentence: str, reading: tuple[str, float, str | None]
) -> None:
    assert readings(nlp, sentence) == [reading]


@pytest.mark.parametrize(
    "sentence",
    [
        "The odds are one in a million that Orsk wins the draw.",
        "Tarnby doctors put the risk of one in a million on the vaccine.",
    ],
)
def test_stated_odds_of_one_in_a_million_give_no_false_counts(nlp: Language, sentence: str) -> None:
    # a ratio the reader cannot join: no count of one, no count of a million
    assert readings(nlp, sentence) == []


def test_a_yard_line_is_a_place_whatever_words_name_the_side(nlp: Language) -> None:
    found = readings(nlp, "Hale ran the ball 40 yards to the opposing 20-yard line.")
    assert found == [("40 yards", 0.0366, "km")]
    assert readings(nlp, "Orsk punted from the visitors' own 30 - yard line.") == []


def test_an_idiom_reaches_only_the_number_inside_it() -> None:
    text = "The 800-pound gorilla paid 12 dollars."
    assert in_an_idiom(text, 4, 13)
    assert not in_an_idiom(text, 27, 37)


def test_an_organisation_named_for_its_field_is_no_quake(nlp: Language) -> None:
    text = "The Orvel Geological Society put the magnitude at 3 on its scale of five risks."
    assert all(q.unit != "magnitude" for q in quantities_in(nlp, text))
    body = "The Kelmar Earthquake Commission said the magnitude was 3 out of ten for the budget."
    assert all(q.unit != "magnitude" for q in quantities_in(nlp, body))


def test_a_body_that_measures_quakes_still_names_one(nlp: Language) -> None:
    text = "The U.S. Geological Survey put the magnitude at 6.1 on Monday."
    assert [(q.value, q.unit) for q in quantities_in(nlp, text)] == [(6.1, "magnitude")]
    people = "Geologists put the magnitude at 5.2 near Orsk."
    assert [(q.value, q.unit) for q in quantities_in(nlp, people)] == [(5.2, "magnitude")]


# --- the seed-39017 audit's classes ------------------------------------------------------

HALVES = [
    ("Hale served four and a half months in an Orsk jail.",
     ("four and a half months", 4.5, "months")),
    ("The Kelmar talks lasted two and a half hours.", ("two and a half hours", 2.5, "hours")),
    ("They made a three-and-a-half mile trek to Orvel.", ("three-and-a-half mile", 5.6327, "km")),
    ("The 2-and-a-half-hour meeting ended at noon.", ("2-and-a-half-hour", 2.5, "hours")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "reading"), HALVES)
def test_a_half_between_a_number_and_its_unit_is_the_number_s(
    nlp: Language, sentence: str, reading: tuple[str, float, str | None]
) -> None:
    assert readings(nlp, sentence) == [reading]


def test_a_half_before_no_unit_adds_nothing(nlp: Language) -> None:
    assert readings(nlp, "Orsk bought four and a half crates.")[:1] == [("four", 4.0, None)]


def test_inches_are_a_length(nlp: Language) -> None:
    assert readings(nlp, "Kelmar got 10 inches of snow overnight.") == [("10 inches", 0.0003, "km")]
    assert readings(nlp, "Orsk bought a 13-inch screen.") == [("13-inch", 0.0003, "km")]


def test_a_height_in_words_is_one_length(nlp: Language) -> None:
    found = quantities_in(nlp, "The Orsk suspect is five feet 10 inches tall.")
    assert [(q.text, round(q.value, 6), q.about) for q in found] == [
        ("five feet 10 inches", 0.001778, "height")
    ]


WEIGHTS_AFTER_HEIGHTS = [
    ("Marsh (6 - foot - 1, 205 pounds) signed with Orsk.", ("205 pounds", 92.9864, "kg")),
    ("Police say he is six feet two inches and 180 pounds.", ("180 pounds", 81.6466, "kg")),
    ("Lind is 5'8, 165 pounds, with brown hair.", ("165 pounds", 74.8427, "kg")),
    ("He is six feet 2 inches tall and 180 pounds.", ("180 pounds", 81.6466, "kg")),
]


@pytest.mark.parametrize(("sentence", "reading"), WEIGHTS_AFTER_HEIGHTS)
def test_pounds_in_a_description_after_a_height_are_a_weight(
    nlp: Language, sentence: str, reading: tuple[str, float, str | None]
) -> None:
    assert reading in readings(nlp, sentence)


def test_pounds_in_the_next_sentence_after_a_height_stay_money(nlp: Language) -> None:
    found = readings(nlp, "Lind is 6 feet 2 inches tall. He paid 300 pounds for the car.")
    assert ("300 pounds", 300.0, "GBP") in found


def test_a_confidence_level_is_no_share(nlp: Language) -> None:
    found = readings(nlp, "Falls rose in Orsk (RR 1.3; 95% CI, 1.1-1.5), the study said.")
    assert all(unit != "percent" for _, _, unit in found)
    interval = readings(nlp, "Rates rose 12% (95 percent confidence interval 8% to 16%).")
    assert ("95 percent", 95.0, "percent") not in interval
    assert readings(nlp, "Turnout was 95% in Kelmar.") == [("95%", 95.0, "percent")]


PRODUCT_MODELS = [
    "Sales of the iTessel 3 rose in Orsk.",
    "The flaw was found after Browser 8 Beta 7 shipped.",
]


@pytest.mark.parametrize("sentence", PRODUCT_MODELS)
def test_a_model_or_release_number_is_no_count(nlp: Language, sentence: str) -> None:
    assert readings(nlp, sentence) == []


def test_a_count_beside_a_model_name_still_counts(nlp: Language) -> None:
    found = readings(nlp, "The iTessel 3 sold 3 million units in Orsk.")
    assert found == [("3 million units", 3000000.0, None)]


YARD_LINES = [
    "Hale was stopped at the 38 - yard line.",
    "Succop kicked from the Orsk 14-yard line.",
]


@pytest.mark.parametrize("sentence", YARD_LINES)
def test_a_yard_line_is_a_place_on_the_field(nlp: Language, sentence: str) -> None:
    assert readings(nlp, sentence) == []


def test_yards_run_to_a_yard_line_stay_a_length(nlp: Language) -> None:
    assert readings(nlp, "Hale ran 10 yards to the 45-yard line.") == [("10 yards", 0.0091, "km")]
    assert readings(nlp, "He scored on a 47-yard run.") == [("47-yard", 0.043, "km")]


SPELLED_MEASURES = [
    ("The Orsk wall is five feet high.", ("five feet", 0.0015, "km")),
    ("Hale ran for two yards and a score.", ("two yards", 0.0018, "km")),
    ("The depot stood on a nine acre site.", ("nine acre", 0.0364, "km2")),
]


@pytest.mark.parametrize(("sentence", "reading"), SPELLED_MEASURES)
def test_a_number_word_before_a_small_unit_is_no_lone_one(
    nlp: Language, sentence: str, reading: tuple[str, float, str | None]
) -> None:
    """The lone-"one" rule reads the number as written, not its value in kilometres."""
    assert readings(nlp, sentence) == [reading]


def test_one_with_a_measure_is_still_no_amount(nlp: Language) -> None:
    assert readings(nlp, "Not one metre of the Kelmar road was cleared.") == []


SPACED_FRACTION_COMPOUNDS = [
    "Police also held his half - brother in Orsk.",
    "Kelmar used him as a third - down back.",
    "They live in a fifth - floor flat in Orvel.",
]


@pytest.mark.parametrize("sentence", SPACED_FRACTION_COMPOUNDS)
def test_a_fraction_word_before_a_spaced_hyphen_is_a_compound(nlp: Language, sentence: str) -> None:
    """As "half-brother" and "third-down" are (tokenised text spaces the hyphen)."""
    assert all(unit != "percent" for _, _, unit in readings(nlp, sentence))


def test_a_spaced_hyphen_inside_a_fraction_still_reads_it(nlp: Language) -> None:
    assert readings(nlp, "Two - thirds of the Orsk voters left.")[0][1:] == (66.6667, "percent")


HALF_DOZENS = [
    ("Orsk bought a half-dozen crates.", ("a half-dozen crates", 6.0, None)),
    ("Kelmar sold at least a half - dozen crates.", ("at least a half - dozen crates", 6.0, None)),
    ("Orvel bought half a dozen crates.", ("half a dozen crates", 6.0, None)),
]


@pytest.mark.parametrize(("sentence", "reading"), HALF_DOZENS)
def test_a_half_dozen_is_six(
    nlp: Language, sentence: str, reading: tuple[str, float, str | None]
) -> None:
    assert readings(nlp, sentence) == [reading]


def test_a_persons_initials_do_not_make_prose_tokenised() -> None:
    """Capital initials ("J. R. Hale") are edited copy, not a tokenised corpus's spaced
    abbreviation ("a. m."), so "9, 300" after them stays two figures."""
    text = "Coach J. R. Hale said that at 9, 300 fans were still queueing."
    assert figures(text) == [9.0, 300.0]
    assert figures("At 3 a. m. some 2, 500 people fled.") == [3.0, 2500.0]
