"""Readings the s38 audit found wrong: compounds and clock times in text tokenised with
spaces round its punctuation ("a two - year deal", "at 3: 30 a. m."), thousands written
"120, 000", "a minute or two", a zero that names a kind
("a zero-day flaw") and a person's weight after a player's position.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.numbers import read_amounts
from newsprism.analyze.written_forms import in_a_compound, is_or_two, is_spaced_clock
from tests.test_quantities import quantities_in


def readings(nlp: Language, sentence: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, round(q.value, 4), q.unit) for q in quantities_in(nlp, sentence)]


SPACED_COMPOUNDS: list[tuple[str, tuple[str, float, str | None]]] = [
    ("Lorne signed a two - year deal with Kelmar.", ("two - year", 2.0, "years")),
    ("A 32 - year - old climber fell near Orsk.", ("32 - year - old", 32.0, "years")),
    ("The three - week trial ended on Friday.", ("three - week", 3.0, "weeks")),
    ("Hale ran for a 47 - yard touchdown.", ("47 - yard", 0.043, "km")),
    ("Unions called a 24 - hour strike in Orsk.", ("24 - hour", 24.0, "hours")),
    ("The 1,700 - square - foot depot burned.", ("1,700 - square - foot", 0.0002, "km2")),
    ("Lind is 5 - foot - 8 and quick.", ("5 - foot - 8", 0.0017, "km")),
]


@pytest.mark.parametrize(("sentence", "reading"), SPACED_COMPOUNDS)
def test_a_spaced_hyphen_joins_a_compound_as_a_hyphen_does(
    nlp: Language, sentence: str, reading: tuple[str, float, str | None]
) -> None:
    assert readings(nlp, sentence) == [reading]


def test_a_spaced_hyphen_before_a_plural_is_a_dash() -> None:
    found = read_amounts("The crew had worked 18 - days without rest, the union said.")
    assert [(a.value, a.unit) for a in found] == [(18.0, None)]
    assert [(a.value, a.unit) for a in read_amounts("a 18 - day shift")] == [(18.0, "days")]


SPACED_CLOCKS = [
    "The fire was reported at 3: 33 a. m. by a guard.",
    "Hale scored with 4: 43 left in the half.",
    "The service was restored at 10 : 30 on Tuesday.",
    "Shortly after 3: 30 Tuesday morning a neighbour called.",
]


@pytest.mark.parametrize("sentence", SPACED_CLOCKS)
def test_a_clock_time_with_a_spaced_colon_is_no_quantity(nlp: Language, sentence: str) -> None:
    assert readings(nlp, sentence) == []


def test_minutes_before_a_plural_noun_still_count() -> None:
    text = "Step 1: 40 volunteers signed up."
    assert not is_spaced_clock(text, 8, 10, counted=True)
    assert is_spaced_clock("at 9: 25 on Friday", 6, 8, counted=False)


def test_thousands_written_with_a_spaced_comma_are_one_figure(nlp: Language) -> None:
    assert readings(nlp, "They lost $300, 000 in July.") == [("$300, 000", 300000.0, "USD")]
    assert readings(nlp, "About 120, 000 people fled Orsk.") == [
        ("About 120, 000 people", 120000.0, None)
    ]


def test_other_groups_after_a_comma_stay_two_numbers(nlp: Language) -> None:
    found = [text for text, _, _ in readings(nlp, "Of the 120, 400 were hurt in Orsk.")]
    assert "120, 400" not in " ".join(found)


ONE_OR_TWO = [
    "Police arrived within a minute or two of the call.",
    "Homes a mile or two away were evacuated.",
    "She knows a thing or two about ports.",
]


@pytest.mark.parametrize("sentence", ONE_OR_TWO)
def test_a_noun_or_two_is_no_count(nlp: Language, sentence: str) -> None:
    assert readings(nlp, sentence) == []


def test_two_after_or_still_counts_without_one_before(nlp: Language) -> None:
    assert not is_or_two("one or two", 7, 10)
    found = readings(nlp, "Kelmar sent three or two ships.")
    assert any(value == 2.0 for _, value, _ in found)


def test_a_zero_joined_to_its_measure_names_a_kind(nlp: Language) -> None:
    assert readings(nlp, "Hackers used a zero-day flaw and a zero - day bug.") == []
    assert readings(nlp, "The bank offered a zero-percent loan.") == [
        ("zero-percent", 0.0, "percent")
    ]


def test_a_players_weight_in_pounds_is_mass(nlp: Language) -> None:
    found = readings(nlp, "The 6-foot-3, 215-pound forward scored 20 points.")
    assert ("215-pound", 97.5224, "kg") in found
    spaced = readings(nlp, "Dalvik, a 5 - foot - 10, 175 - pound man, fled.")
    assert ("175 - pound", 79.3787, "kg") in spaced


MAGNITUDES = [
    ("A magnitude 6.1 quake shook Orsk at dawn.", 6.1),
    ("The 5.9-magnitude quake cut power in Kelmar.", 5.9),
    ("Seismologists put the magnitude at 6.4 on Monday.", 6.4),
    ("A tremor measuring 4.2 on the Richter scale woke Orvel.", 4.2),
    ("It was a magnitude - 5.8 temblor, the agency said.", 5.8),
]


@pytest.mark.parametrize(("sentence", "value"), MAGNITUDES)
def test_a_quake_s_magnitude_is_a_reading_of_the_scale(
    nlp: Language, sentence: str, value: float
) -> None:
    found = [(q.value, q.unit, q.about) for q in quantities_in(nlp, sentence)]
    assert found == [(value, "magnitude", "magnitude")]


def test_counts_beside_the_scale_word_stay_counts(nlp: Language) -> None:
    text = "Stations logged 3 quakes and 6 magnitude readings near Orsk."
    assert [(q.value, q.unit) for q in quantities_in(nlp, text)] == [(3.0, None), (6.0, None)]
    storm = quantities_in(nlp, "A magnitude 12 storm of protest.")  # off the scale
    assert all(q.unit != "magnitude" for q in storm)


def test_a_numbered_pair_is_no_vote_tally(nlp: Language) -> None:
    text = "The question in Harlow v. Dent, No. 14-512, is whether the vote stands."
    assert quantities_in(nlp, text) == []
    tally = quantities_in(nlp, "The Ardmoor council voted 412-7 on the bill.")
    assert [(q.value, q.about) for q in tally] == [(412.0, "vote"), (7.0, "vote")]


def test_a_dash_after_years_written_apart_makes_no_age(nlp: Language) -> None:
    found = readings(nlp, "Orsk served 20 years - old friends say he changed.")
    assert ("20 years", 20.0, "years") in found
    assert not any("old" in text for text, _, _ in found)


COMPOUNDS = [
    "The defence forced a three-and-out on the first drive.",
    "Raiders drove a large four - by - four truck into the shop.",
    "Lind led a three-on-two break before the buzzer.",
    "The shop ran a two-for-one sale on Monday.",
]


@pytest.mark.parametrize("sentence", COMPOUNDS)
def test_a_number_fused_into_a_compound_is_no_count(nlp: Language, sentence: str) -> None:
    assert readings(nlp, sentence) == []


def test_a_ratio_and_a_half_are_left_to_the_reader(nlp: Language) -> None:
    assert readings(nlp, "Orsk has a one-in-three chance of a title.") == [
        ("one-in-three", 33.3333, "percent")
    ]
    assert not in_a_compound("a three-and-a-half mile trek", 2, 7)


def test_or_so_hyphenated_into_the_figure_is_a_bound(nlp: Language) -> None:
    found = quantities_in(nlp, "Some 40-or-so people gathered outside the Tarnby town hall.")
    assert [(q.value, q.approx, q.about) for q in found] == [(40.0, "about", "people")]
    more = quantities_in(nlp, "Crews towed 30-or-more cars from the Orvel ring road.")
    assert [(q.value, q.approx, q.about) for q in more] == [(30.0, "over", "car")]
    assert not in_a_compound("40-or-so people", 0, 2)


def test_number_words_joined_by_a_hyphenated_and_are_one_number(nlp: Language) -> None:
    found = quantities_in(nlp, "Two-hundred-and-fifty people were evacuated from Kelmar.")
    assert [(q.text, q.value) for q in found] == [("Two-hundred-and-fifty people", 250.0)]
    spaced = quantities_in(nlp, "Three hundred and six crates reached the Orsk depot.")
    assert [q.value for q in spaced] == [306.0]


def test_the_scale_word_without_a_quake_is_no_magnitude(nlp: Language) -> None:
    found = quantities_in(nlp, "Costs rose by a magnitude of 3 times the usual in Orsk.")
    assert all(q.unit != "magnitude" for q in found)
    quake = quantities_in(nlp, "The aftershock had a magnitude of 4.8, the Orvel agency said.")
    assert [(q.value, q.unit) for q in quake] == [(4.8, "magnitude")]
    after = quantities_in(nlp, "A quake shook Orsk overnight. The agency put the magnitude at 5.2.")
    assert [(q.value, q.unit) for q in after] == [(5.2, "magnitude")]


def test_a_hyphenated_pound_before_a_name_is_the_named_one_s_weight(nlp: Language) -> None:
    found = readings(nlp, "The Orsk side signed 260-pound Arvid Kellan on Monday.")
    assert found == [("260-pound", 117.934, "kg")]
    spaced = readings(nlp, "Then the 6 - foot - 3, 215 - pound Arvid Marsh turned it up.")
    assert ("215 - pound", 97.5224, "kg") in spaced
    for sum_of in ("Fans paid a 40-pound Orsk ticket.", "Kellan paid a 500-pound fine."):
        assert [unit for _, _, unit in readings(nlp, sum_of)] == ["GBP"]


def test_a_span_of_ages_is_years_of_no_one(nlp: Language) -> None:
    found = quantities_in(nlp, "Children between the ages of 12 and 13 may apply in Orsk.")
    assert [(q.text, q.value, q.unit, q.approx) for q in found] == [
        ("12", 12.0, "years", "over"),
        ("13", 13.0, "years", "under"),
    ]
    hurt = quantities_in(nlp, "Between 14 and 15 workers were hurt at the Kelmar plant.")
    assert [(q.value, q.unit, q.about) for q in hurt] == [
        (14.0, None, "worker"),
        (15.0, None, "worker"),
    ]


def test_a_hyphenated_pound_before_a_named_thing_is_a_sum(nlp: Language) -> None:
    prize = "Winners receive the 500-pound Kellan Prize at the Orsk gala."
    assert [(value, unit) for _, value, unit in readings(nlp, prize)] == [(500.0, "GBP")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("A magnitude 6.1 jolt rattled Orsk early on Monday.", 6.1),
        ("A shock of magnitude 5.4 hit the Orsk coast on Monday.", 5.4),
        ("The 4.7-magnitude shaking woke Kelmar before dawn.", 4.7),
    ],
)
def test_the_scale_word_fused_to_a_figure_reads_the_scale(
    nlp: Language, sentence: str, value: float
) -> None:
    found = quantities_in(nlp, sentence)
    assert [(q.value, q.unit) for q in found if q.unit == "magnitude"] == [(value, "magnitude")]
