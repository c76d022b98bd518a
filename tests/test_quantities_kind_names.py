"""Numbers that name a kind or a thing, not a count of it, and ranges of counts.

A number fused by a hyphen into an agent noun ("18-wheelers", "a two-seater", "a
3-pointer") names a kind of thing: the vehicle, the seat count or the shot is in the
name, and "two 18-wheelers" counts two trucks, not 18 wheels. A bare number after "a"
("a 767") is a model's name. A modifier keeps its count ("a 40-page report", "a
15-member panel", "a 12-year-old"). A year is no partitive whole ("3 of 2019 matches").
Ranges stay two ends, ``over`` the first and ``under`` the second, each about the noun.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quantities import quantities_in

NAMES_NOT_COUNTS: list[tuple[str, str]] = [
    ("Two 18-wheelers jackknifed near Kelmar.", "18-wheelers"),
    ("An 18-wheeler blocked the bridge.", "18-wheeler"),
    ("Halvorsen hit a 3-pointer at the buzzer.", "3-pointer"),
    ("The club bought a two-seater for the race.", "two-seater"),
    ("Lind is a six-footer from the coast.", "six-footer"),
    ("The pilot flew a 767 to Kelmar.", "767"),
    ("The crew boarded a 747 at dawn.", "747"),
    # names guarded before: a number glued to letters, in a name, a date
    ("Leaders of the G7 met in Kelmar.", "7"),
    ("Lind caught COVID-19 last winter.", "19"),
    ("The firm joined the Fortune 500 in March.", "500"),
    ("Before the 9/11 attacks, the agency grew.", "11"),
    ("It was a Catch-22 for the mayor.", "22"),
]


@pytest.mark.parametrize(
    ("sentence", "text"), NAMES_NOT_COUNTS, ids=[c[1] for c in NAMES_NOT_COUNTS]
)
def test_a_number_in_a_name_counts_nothing(nlp: Language, sentence: str, text: str) -> None:
    found = quantities_in(nlp, sentence)
    assert all(text not in q.text for q in found), [q.text for q in found]


COUNTS: list[tuple[str, str, float, str | None, str | None]] = [
    # (sentence, text, value, approx, about)
    ("Two 18-wheelers jackknifed near Kelmar.", "Two", 2, None, "truck"),
    ("Police saw three 16-wheelers on the ramp.", "three", 3, None, "truck"),
    ("Holt wrote a 40-page report.", "40-page", 40, None, "page"),
    ("A 15-member panel met on Monday.", "15-member", 15, None, "member"),
    ("The dock bought 12 cranes.", "12 cranes", 12, None, "crane"),
    ("Police said three to four trucks burned.", "three", 3, "over", "truck"),
    ("Police said three to four trucks burned.", "four trucks", 4, "under", "truck"),
    ("Between 20 and 30 people were hurt.", "30 people", 30, "under", "people"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "approx", "about"), COUNTS, ids=[c[1] for c in COUNTS]
)
def test_counts_beside_names_and_ranges(
    nlp: Language, sentence: str, text: str, value: float, approx: str | None, about: str | None
) -> None:
    found = quantities_in(nlp, sentence)
    match = [q for q in found if q.text == text]
    assert match, [q.text for q in found]
    q = match[0]
    assert (q.value, q.unit, q.approx, q.about) == (value, None, approx, about)


def test_an_age_stays_an_age(nlp: Language) -> None:
    found = quantities_in(nlp, "A 12-year-old boy was hurt.")
    assert [(q.text, q.value, q.unit) for q in found] == [("12-year-old", 12, "years")]


@pytest.mark.parametrize(
    "sentence", ["Varga scored 3 of 2019 matches.", "Only 2 of 2019 candidates won."]
)
def test_a_year_is_no_partitive_whole(nlp: Language, sentence: str) -> None:
    found = quantities_in(nlp, sentence)
    assert found and all("(part)" not in (q.about or "") for q in found), found


def test_a_counted_whole_keeps_its_part(nlp: Language) -> None:
    found = quantities_in(nlp, "Varga scored in 3 of the 12 matches.")
    assert found[0].about is not None and found[0].about.startswith("match (part)")


@pytest.mark.parametrize(
    "sentence",
    [
        "Grades 6 to 8 were sent home early at Kelmar Academy on Friday.",
        "Rooms 101-104 were flooded overnight at the Ardmoor inn.",
        "Pages 10 to 12 were missing from the Velmar file.",
        "Platforms 3 to 5 were closed after the crash at Kelmar.",
        "Sessions 1-3 were cancelled at the Ardmoor fair.",
        "Lanes 2 to 4 were closed on the Velmar bridge.",
        "Kelmar's 1-4 was their worst defeat of the season.",
        "In the second half 2-3 became 4-3 within minutes.",
    ],
)
def test_a_bare_range_before_a_verb_is_no_count(nlp: Language, sentence: str) -> None:
    """Labels and scores come in rising ranges too (review s34 F5): no count of the verb."""
    assert quantities_in(nlp, sentence) == []


@pytest.mark.parametrize(
    "sentence", ["Kelmar won 3-1 at home.", "Ardmoor lost 30 to 20 after the break."]
)
def test_a_falling_pair_before_a_verb_stays_a_score(nlp: Language, sentence: str) -> None:
    assert quantities_in(nlp, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Several boats capsized near Kelmar. Officials counted five.",  # an object: unsaid
        "Some boats capsized near Kelmar. There were five.",  # "some": no vague count
        "Several boats and several cars were hit. There were five.",  # which of two
        "Several boats were hurt in the blast. The death toll rose to 3.",  # review s34 F10
        "Several boats fled the harbour. One had a plate ending in 7.",
        "Several boats were fired on. Police said the gunman was one of 2.",
        "The pileup involved several boats. There were reports of three to four.",
    ],
)
def test_a_bare_figure_counts_no_vague_plural_before_it(nlp: Language, sentence: str) -> None:
    """A figure in the next sentence is left unread: a toll, a plate digit or a label
    as often as a count of the vague plural (review s34 F10)."""
    assert all(q.about != "boat" for q in quantities_in(nlp, sentence))
