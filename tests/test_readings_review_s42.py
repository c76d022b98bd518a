"""Readings fixed after review s42/3 (M7-M9 on 25bd4b4): a news tag before a dash is no
designation ("AP - 3 people died": 3 people), a bare count beside a day's name is about
no day ("killed 12 today"), and every word that adds to a measure is one about-word
("an additional 3 years" and "5 more years" are two readings of one increment). The
designations stay unread as counts ("five AK - 47 rifles": rifles). Invented text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.quantities import extract_quantities


def readings(nlp: Language, text: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.about) for q in extract_quantities(nlp(text))]


TAGGED: list[tuple[str, tuple[str, float, str | None]]] = [
    ("The UN - 2 ships left Orsk.", ("2 ships", 2.0, "ship")),
    ("AP - 3 people died in Orsk.", ("3 people", 3.0, "people")),
    ("AFP - 40 boats sailed from Tulm.", ("40 boats", 40.0, "boat")),
    # any outlet's tag opening the line or sentence (review s43/2 M2)
    ("BBC - 3 people died in Orsk.", ("3 people", 3.0, "people")),
    ("Rain fell. NHK - 40 boats sailed from Tulm.", ("40 boats", 40.0, "boat")),
    # a plural head after one modifier is still the noun counted (review s43/4 S3)
    ("AP - 40 ferry passengers were rescued off Tulm.",
     ("40 ferry passengers", 40.0, "passenger")),
    ("DPA - 12 men were held in Orsk.", ("12 men", 12.0, "man")),
]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "The convoy drove north on US - 1 for 200 miles.",
        "Ministers of the EU - 27 met in Orsk.",
        "AK - 47 rifles were found in Orsk.",
        # a verb right after the figure, or equipment as the run's head (review s43/4 S3)
        "Ferry traffic resumed. MH - 17 was shot down over the border in July.",
        "Ferry traffic resumed. SR - 71 flew over Orsk in 1990.",
        "AK - 47 assault rifles were seized at the port.",
    ],
)
def test_a_tag_inside_a_sentence_or_before_equipment_is_a_designation(
    nlp: Language, sentence: str
) -> None:
    assert all(
        value not in (1.0, 17.0, 27.0, 47.0, 71.0) for _, value, _ in readings(nlp, sentence)
    )


def test_a_model_crashing_is_no_count_beside_the_dead(nlp: Language) -> None:
    found = readings(nlp, "TU - 154 crashed near Orsk on Monday, killing 12.")
    assert [value for _, value, _ in found] == [12.0]


@pytest.mark.parametrize(("sentence", "reading"), TAGGED)
def test_a_news_tag_before_a_dash_is_no_designation(
    nlp: Language, sentence: str, reading: tuple[str, float, str | None]
) -> None:
    assert reading in readings(nlp, sentence)


DESIGNATIONS: list[tuple[str, str]] = [
    ("Police seized five AK - 47 rifles in Orsk.", "rifle"),
    ("Three F - 16 jets flew over Tulm.", "jet"),
]


@pytest.mark.parametrize(("sentence", "about"), DESIGNATIONS)
def test_a_designation_is_still_part_of_the_counted_noun(
    nlp: Language, sentence: str, about: str
) -> None:
    found = readings(nlp, sentence)
    assert [a for _, _, a in found] == [about]
    assert all(value not in (47.0, 16.0) for _, value, _ in found)


@pytest.mark.parametrize("day", ["today", "yesterday"])
def test_a_bare_count_beside_a_day_is_about_no_day(nlp: Language, day: str) -> None:
    found = readings(nlp, f"The storm in Orsk killed 12 {day}.")
    assert ("12", 12.0) in [(t, v) for t, v, _ in found]
    assert all(about != day for _, _, about in found)


ADDING = [
    "Vesk must serve an additional 3 years.",
    "Vesk must serve another 3 years.",
    "Vesk must serve 3 more years.",
    "Vesk must serve 3 extra years.",
    "Vesk must serve 3 years more.",
]


@pytest.mark.parametrize("sentence", ADDING)
def test_every_word_that_adds_is_one_about_word(nlp: Language, sentence: str) -> None:
    assert [about for _, _, about in readings(nlp, sentence)] == ["more"]


def test_a_word_that_takes_away_stays_apart(nlp: Language) -> None:
    assert [about for _, _, about in readings(nlp, "The ferry takes 10 fewer minutes.")] == ["less"]
