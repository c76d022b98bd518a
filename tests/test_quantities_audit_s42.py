"""Readings the s41 audit left and the s42 audit (seed 42071, 200 readings over the
shared English texts) found wrong, each fixed in general form: a model's designation
read as a count ("12 AK - 47 rifles" as 47 rifles) or as the counted noun ("five AK-47
rifles" about "ak"); a spaced hyphen in tokenised text ("90 - catch seasons") read
unlike the glued one; a day named from today counted ("two men yesterday"); and an
increment written before the figure or after the unit ("another 3 years", "200
kilometres more") joining totals.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quantities import quantities_in

DESIGNATIONS: list[tuple[str, list[tuple[str, float, str | None]]]] = [
    ("Police seized five AK-47 rifles in Orsk.", [("five AK-47 rifles", 5.0, "rifle")]),
    ("Police seized 12 AK - 47 rifles in Orsk.", [("12 AK - 47 rifles", 12.0, "rifle")]),
    ("Tarrow bought four F-35 fighters.", [("four F-35 fighters", 4.0, "fighter")]),
    ("Tarrow bought three F - 16 jets.", [("three F - 16 jets", 3.0, "jet")]),
    ("Tarrow bought two MiG-29 jets.", [("two MiG-29 jets", 2.0, "jet")]),
]


@pytest.mark.parametrize(("sentence", "reading"), DESIGNATIONS)
def test_a_model_s_designation_is_part_of_the_counted_noun(
    nlp: Language, sentence: str, reading: list[tuple[str, float, str | None]]
) -> None:
    assert [(q.text, q.value, q.about) for q in quantities_in(nlp, sentence)] == reading


def test_a_code_s_second_group_is_no_count(nlp: Language) -> None:
    found = quantities_in(nlp, "The flaw CVE - 2031 - 4417 let attackers in.")
    assert found == []


def test_a_lower_case_word_before_a_spaced_hyphen_is_no_designation(nlp: Language) -> None:
    found = quantities_in(nlp, "He made 3 - of - 4 attempts and lost - 2 yards on the run.")
    assert ("4 attempts", 4.0) in [(q.text, q.value) for q in found]
    assert any(q.text == "2 yards" and q.unit == "km" for q in found)


def test_a_dateline_city_before_a_spaced_hyphen_keeps_the_count(nlp: Language) -> None:
    found = quantities_in(nlp, "OSLO - 300 people marched through Orsk on Sunday.")
    assert [(q.text, q.about) for q in found] == [("300 people", "people")]


def test_a_lower_case_noun_before_a_dash_does_not_join_the_next_count(nlp: Language) -> None:
    found = quantities_in(nlp, "Vesk scored 20 points - 12 rebounds came later.")
    assert ("20 points", "point") in [(q.text, q.about) for q in found]


SPACED_HYPHENS: list[tuple[str, str]] = [
    ("Vesk had three 90-catch seasons for Orsk.", "90-catch"),
    ("Vesk had three 90 - catch seasons for Orsk.", "90 - catch"),
]


@pytest.mark.parametrize(("sentence", "text"), SPACED_HYPHENS)
def test_a_spaced_hyphen_counts_the_word_it_joins_as_a_glued_one_does(
    nlp: Language, sentence: str, text: str
) -> None:
    found = {q.text: q for q in quantities_in(nlp, sentence)}
    assert (found[text].value, found[text].about) == (90.0, "catch")
    assert found["three"].about == "season"


def test_a_spaced_kind_name_is_no_count_as_the_glued_one_is_not(nlp: Language) -> None:
    assert quantities_in(nlp, "Orsk patched the 32 - bit versions.") == []
    assert quantities_in(nlp, "Orsk patched the 32-bit versions.") == []


def test_a_spaced_hyphen_used_as_a_dash_joins_no_word(nlp: Language) -> None:
    found = quantities_in(nlp, "The storm killed 12 - officials said - in Orsk.")
    assert [q.value for q in found] == [12.0]
    assert "said" not in found[0].text


RELATIVE_DAYS: list[tuple[str, tuple[str, str | None]]] = [
    ("Police in Orsk arrested two men yesterday.", ("two men", "man")),
    ("The blast hurt at least three people today in Orsk.",
     ("at least three people", "people")),
    ("There will be hundreds tomorrow in Orsk.", ("hundreds", None)),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "reading"), RELATIVE_DAYS)
def test_a_day_named_from_today_is_never_counted(
    nlp: Language, sentence: str, reading: tuple[str, str | None]
) -> None:
    assert [(q.text, q.about) for q in quantities_in(nlp, sentence)] == [reading]


INCREMENTS: list[tuple[str, tuple[str, str | None, str]]] = [
    ("Vesk will serve another 3 years in Orsk.", ("3 years", "years", "more")),
    ("The pilots flew an additional 40 miles.", ("40 miles", "km", "more")),
    ("Orsk set aside a further $2 million, the mayor said.",
     ("$2 million", "USD", "more")),
    ("The convoy drove 200 kilometres more before dark.", ("200 kilometres", "km", "more")),
    ("The ferry needs two years more of repairs.", ("two years", "years", "more")),
    ("Orsk paid $5 million more, officials said.", ("$5 million", "USD", "more")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "reading"), INCREMENTS)
def test_an_increment_on_either_side_of_a_measure_is_about_its_word(
    nlp: Language, sentence: str, reading: tuple[str, str | None, str]
) -> None:
    assert [(q.text, q.unit, q.about) for q in quantities_in(nlp, sentence)] == [reading]


NOT_INCREMENTS: list[tuple[str, str]] = [
    ("The works in Orsk took 3 years more or less.", "3 years"),
    ("They chose a 3 km more scenic route to Orsk.", "3 km"),
    ("In 5 years more people will live in Orsk.", "5 years"),
    ("Vesk will serve 5 years in Orsk.", "5 years"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_INCREMENTS)
def test_more_qualifying_what_follows_or_no_word_at_all_is_no_increment(
    nlp: Language, sentence: str, text: str
) -> None:
    found = {q.text: q for q in quantities_in(nlp, sentence)}
    assert found[text].about not in {"more", "another", "additional", "further", "extra"}


def test_a_measure_hyphenated_to_a_noun_is_the_noun_s_not_an_increment(
    nlp: Language,
) -> None:
    found = quantities_in(nlp, "Vesk won another three-year term. Another 12-year-old was hurt.")
    assert [(q.text, q.about) for q in found] == [("three-year", "term"), ("12-year-old", None)]


def test_a_sum_s_purpose_after_it_names_it_before_its_increment_word(nlp: Language) -> None:
    found = quantities_in(nlp, "Orsk spent $3 million on roads and another $2 million on piers.")
    assert [(q.text, q.about) for q in found] == [("$3 million", "road"), ("$2 million", "pier")]


def test_a_count_after_another_keeps_its_counted_noun(nlp: Language) -> None:
    found = quantities_in(nlp, "Another 300 people left Orsk.")
    assert [(q.text, q.about) for q in found] == [("300 people", "people")]


SUFFIXED_AGES: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("Anthony Vesk III, 38, was arrested in Orsk.", [("38", "vesk")]),
    ("Tomas Vesk Jr., 44, said the pier was safe.", [("44", "vesk")]),
    ("Tomas Vesk, 44, and Pavel Tarrow III, 51, were hurt.", [("44", "vesk"), ("51", "tarrow")]),
]


@pytest.mark.parametrize(("sentence", "ages"), SUFFIXED_AGES)
def test_an_age_after_a_name_s_suffix_is_the_surname_s(
    nlp: Language, sentence: str, ages: list[tuple[str, str | None]]
) -> None:
    assert [(q.text, q.about) for q in quantities_in(nlp, sentence)] == ages
