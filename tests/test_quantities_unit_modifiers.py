"""A unit read through the words between a figure and its unit noun ("three more years",
"120 rushing yards"), and "six or seven years" as one measure given two ways.

Before, the figure was a count of the unit noun, which no duration or length compares
with. Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.analyzer import Analyzer
from tests.test_facts_real_shapes import analyzer, facts_of  # noqa: F401
from tests.test_quantities import quantities_in

Reading = tuple[str, float, str | None]


def readings(nlp: Language, sentence: str) -> list[Reading]:
    return [(q.text, round(q.value, 4), q.unit) for q in quantities_in(nlp, sentence)]


THROUGH_A_MODIFIER: list[tuple[str, Reading]] = [
    ("Orlan Vesk will serve 3 more years in the Tarrow jail.", ("3 more years", 3.0, "years")),
    ("The crew needs 3 additional weeks to finish the bridge.",
     ("3 additional weeks", 3.0, "weeks")),
    ("Pell worked five straight days at the depot.", ("five straight days", 5.0, "days")),
    ("The strike lasted two full months.", ("two full months", 2.0, "months")),
    ("Kirra held the title for 10 consecutive years.", ("10 consecutive years", 10.0, "years")),
    ("Hale ran for 120 rushing yards on Sunday.", ("120 rushing yards", 0.1097, "km")),
    ("The convoy drove 300 more miles to Orsk.", ("300 more miles", 482.8032, "km")),
    ("The barge carried 40 extra tonnes of grain.", ("40 extra tonnes", 40000.0, "kg")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "reading"), THROUGH_A_MODIFIER)
def test_a_modifier_between_figure_and_unit_keeps_the_unit(
    nlp: Language, sentence: str, reading: Reading
) -> None:
    assert readings(nlp, sentence) == [reading]


def test_the_same_measure_with_and_without_a_modifier_compares(nlp: Language) -> None:
    plain = quantities_in(nlp, "Vesk worked 5 days at the Tarrow depot.")
    modified = quantities_in(nlp, "Vesk worked 5 straight days at the Tarrow depot.")
    assert [(q.value, q.unit, q.about) for q in plain] == [
        (q.value, q.unit, q.about) for q in modified
    ]


INCREMENTS: list[tuple[str, str, str]] = [
    ("Vesk must serve 3 more years in the Tarrow jail.",
     "Vesk must serve 5 years in the Tarrow jail.", "more"),
    ("The convoy drove 300 extra miles to reach Orsk.",
     "The convoy drove 480 miles to reach Orsk.", "more"),
    ("The Tulm ferry crossing takes 10 fewer minutes now.",
     "The Tulm ferry crossing takes 35 minutes now.", "less"),
    ("The crew needs 3 additional weeks to finish the dam.",
     "The crew needs 7 weeks to finish the dam.", "more"),
]  # fmt: skip


@pytest.mark.parametrize(("increment", "total", "word"), INCREMENTS)
def test_an_increment_keeps_its_unit_but_is_never_about_the_total(
    nlp: Language, increment: str, total: str, word: str
) -> None:
    # "3 more years" is a change on a sentence the text need not give: another outlet's
    # "5 years" is the total, no second reading of the same figure
    (change,) = quantities_in(nlp, increment)
    (whole,) = quantities_in(nlp, total)
    assert change.unit == whole.unit and change.about == word
    assert whole.about != change.about


def test_an_increment_meets_no_total_across_outlets(analyzer: Analyzer) -> None:  # noqa: F811
    facts = facts_of(analyzer, [
        ("Ardmoor Gazette", "Orlan Vesk, held since 2023, must serve 3 more years, a judge said."),
        ("Tessel Post", "Orlan Vesk must serve 5 years, a judge said."),
    ])  # fmt: skip
    assert all(len(f.values) == 1 for f in facts if f.unit == "years")
    assert not [f for f in facts if f.status == "differ"]


def test_an_adjective_in_ing_describes_the_unit_a_gerund_names_the_measure(
    nlp: Language,
) -> None:
    plain = quantities_in(nlp, "Holt ran 26 miles on Sunday.")
    coloured = quantities_in(nlp, "Holt ran 26 grueling miles on Sunday.")
    assert [(q.unit, q.about) for q in coloured] == [(q.unit, q.about) for q in plain]
    (named,) = quantities_in(nlp, "Holt ran for 120 rushing yards on Sunday.")
    assert named.about == "rushing"


def test_a_gerund_names_which_measure_of_a_game_the_figure_is(nlp: Language) -> None:
    found = quantities_in(nlp, "Hale threw for 300 passing yards and had 45 receiving yards.")
    assert [(q.text, q.unit, q.about) for q in found] == [
        ("300 passing yards", "km", "passing"),
        ("45 receiving yards", "km", "receiving"),
    ]


STILL_NO_MEASURE: list[tuple[str, str]] = [
    # a word that makes another unit or no unit
    ("The comet is 4 light years from Tarrow.", "4 light years"),
    ("The crate holds 5 cubic feet of seed.", "5 cubic feet"),
    ("Pell saved 50,000 frequent flier miles.", "50,000 frequent flier miles"),
    ("Crews put in 200 man hours at the dam.", "200 man hours"),
    # money and currencies are named by the word before the unit
    ("Vesk was paid 30 Canadian dollars.", "30 Canadian dollars"),
    # counts of things that are no unit
    ("The Orsk plant will add 40 new jobs.", "40 new jobs"),
]


@pytest.mark.parametrize(("sentence", "text"), STILL_NO_MEASURE)
def test_a_word_that_changes_the_unit_leaves_a_count(
    nlp: Language, sentence: str, text: str
) -> None:
    found = [q for q in quantities_in(nlp, sentence) if q.text == text]
    assert found and found[0].unit is None


def test_a_figure_that_is_not_the_unit_s_is_not_measured_by_it(nlp: Language) -> None:
    # a singular unit after a figure above one, or a time word of its own after "last"
    found = quantities_in(nlp, "The Orsk shooting follows two last week in Tarrow.")
    assert all(q.unit is None for q in found)
    found = quantities_in(nlp, "We spent five working hour or so days on the road.")
    assert all(q.unit != "hours" for q in found)


def test_a_singular_unit_after_one_is_measured(nlp: Language) -> None:
    # (the word "one" with a measure stays unread, as "one year" is: is_lone_one)
    assert readings(nlp, "The lease runs for 1 more year.") == [("1 more year", 1.0, "years")]


def test_two_guesses_at_one_measure_are_a_range(nlp: Language) -> None:
    found = quantities_in(nlp, "Vesk had owned the Tarrow mill for six or seven years.")
    assert [(q.text, q.value, q.unit, q.approx) for q in found] == [
        ("six", 6.0, "years", "over"),
        ("seven years", 7.0, "years", "under"),
    ]
    found = quantities_in(nlp, "The levy was extended by 2 or 3 days.")
    assert [(q.value, q.unit, q.approx) for q in found] == [
        (2.0, "days", "over"),
        (3.0, "days", "under"),
    ]


def test_two_guesses_at_a_count_or_a_date_stay_as_they_were(nlp: Language) -> None:
    found = quantities_in(nlp, "Police in Orsk held two or three men.")
    assert [(q.value, q.unit, q.approx) for q in found] == [
        (2.0, None, None),
        (3.0, None, None),
    ]
    # a duration that dates something is no measure
    found = quantities_in(nlp, "Pell left Tarrow five or six years ago.")
    assert all(q.unit is None for q in found)
