"""Ages set off after a name where the sentence or a dashed aside ends, or a list of
people goes on (invented names and events)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.quantities import extract_quantities


def _ages(nlp: Language, text: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.about) for q in extract_quantities(nlp(text)) if q.unit == "years"]


def test_an_age_ending_the_sentence_after_a_person(nlp: Language) -> None:
    found = _ages(nlp, "Police named Kiro Dallan, 46, and his wife, Mira Dallan, 47.")
    assert found == [("46", 46, "dallan"), ("47", 47, "dallan")]


def test_an_age_in_a_dashed_aside(nlp: Language) -> None:
    found = _ages(nlp, "A gunman shot a worker -- Dorin Vask Telmar, 22 -- at the fence.")
    assert found == [("22", 22, "telmar")]


def test_an_age_before_a_list_of_people_goes_on(nlp: Language) -> None:
    found = _ages(nlp, "The others are the couple's son, Teo, 10, and housekeeper Lisa Brann, 57.")
    assert found == [("10", 10, "teo"), ("57", 57, "brann")]


@pytest.mark.parametrize(
    "text",
    ["The ferry sailed from Oslo to Paris, 12, and London.", "Tickets cost 10 in Paris, 12."],
)
def test_a_number_after_a_place_is_no_age(nlp: Language, text: str) -> None:
    assert _ages(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ward ballot ended: Pavo Ruskin, 58; Ilse Varnow, 27.",
        "Closing standings: Benno Hald, 14. Greta Solm, 8.",
        "The league's best passer was Ivo Krastel, 19.",
        "Assists so far: Ivo Krastel, 19 -- a team high.",
        "The first act was sung by Leon Abrey, 4; the rest by the choir.",
    ],
)
def test_a_tally_or_score_after_a_name_is_no_age(nlp: Language, text: str) -> None:
    """A number after a name where a sentence, a dash or a ";" item ends is an age only
    when a person is being introduced; tallies, scores and rankings are written so too
    (review s31/1, finding 2)."""
    assert _ages(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        (
            "Police identified the dead as Kiro Dallan, 46; Mira Holt, 31; and Teo Holt, 9.",
            [("46", 46, "dallan"), ("31", 31, "holt"), ("9", 9, "holt")],
        ),
        (
            "Police identified them as Kiro Dallan, 46; Mira Holt, 31; and Teo Holt, 9.",
            [("46", 46, "dallan"), ("31", 31, "holt"), ("9", 9, "holt")],
        ),
        (
            "The victims: Kiro Dallan, 46, and Mira Holt, 31.",
            [("46", 46, "dallan"), ("31", 31, "holt")],
        ),
        ("Police named the driver as Kiro Dallan, 46.", [("46", 46, "dallan")]),
        ("The school lost a teacher, Mira Holt, 31.", [("31", 31, "holt")]),
    ],
)
def test_people_named_or_listed_as_people_keep_their_ages(
    nlp: Language, text: str, ages: list[tuple[str, float, str]]
) -> None:
    """The tally guard dropped these: a ';' list after a verb of naming, a colon after
    "The victims", "named ... as", and a person noun before the name's comma (review
    s31/2, ages finding)."""
    assert _ages(nlp, text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "Final tally of the recount, councillor Kiro Dallan, 46; councillor Mira Holt, 31.",
        "The recount gave him 46 votes. Councillor Kiro Dallan, 46; councillor Mira Holt, 31.",
        "Votes cast for each: councillor Kiro Dallan, 46; councillor Mira Holt, 31.",
        "The council named the winners: councillor Kiro Dallan, 46; councillor Mira Holt, 31.",
    ],
)
def test_a_tally_of_role_words_and_names_is_no_age(nlp: Language, text: str) -> None:
    """A role word before each name ('councillor') made the tally's items read as titled
    people being introduced."""
    assert _ages(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The club named its top scorers as Kiro Dallan, 24; Mira Holt, 19.",
        "The committee identified the leading fundraisers as Kiro Dallan, 46; Mira Holt, 31.",
        "Points missing: Kiro Dallan, 12; Mira Holt, 9.",
    ],
)
def test_a_naming_of_no_people_is_no_age(nlp: Language, text: str) -> None:
    """Review s32 finding 5: "named/identified X as" made ages of any X's tallies, and a
    lead-in "missing" of any noun."""
    assert _ages(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        (
            "The missing were Kiro Dallan, 46; Mira Holt, 31.",
            [("46", 46, "dallan"), ("31", 31, "holt")],
        ),
        (
            "Police named the two men as Kiro Dallan, 46; and Mira Holt, 31.",
            [("46", 46, "dallan"), ("31", 31, "holt")],
        ),
        (
            "Police identified the drivers as Kiro Dallan, 46; Mira Holt, 31.",
            [("46", 46, "dallan"), ("31", 31, "holt")],
        ),
    ],
)
def test_a_naming_of_people_keeps_its_ages(
    nlp: Language, text: str, ages: list[tuple[str, float, str]]
) -> None:
    assert _ages(nlp, text) == ages


def test_a_name_beside_a_person_noun_is_a_person_whatever_its_label(nlp: Language) -> None:
    """The small model labels these names places (GPE); the person noun before each says
    they are people, so their ages stay (refusing the label lost a real fact group)."""
    text = (
        "Found inside were Ansel Brenna, 46, his wife, Cora Brenna, 47, their son, "
        "Philip, 10, and a housekeeper, Vera Lind, 57."
    )
    assert [(t, v) for t, v, _ in _ages(nlp, text)] == [
        ("46", 46),
        ("47", 47),
        ("10", 10),
        ("57", 57),
    ]
