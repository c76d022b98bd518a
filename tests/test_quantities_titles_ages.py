"""Number words inside names and titles are no quantities; ages with a bound or given
as alternatives after "age" are ages.

A capitalised number word inside running text after a word of its line is part of a
name ("Page Six", "the Big Ten", "Ocean's Eleven"); a capital after a quote mark or a
colon, and a Title Case heading, say nothing. "at about age 14", "about age 14",
"aged about 14" and "at age 14 or 15" are ages; "died at about 10" (a time as often)
is none.

Every sentence here is invented for the test (the names of works, teams and columns
are made up too, but shaped like real ones).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quantities import quantities_in

TITLES: list[tuple[str, str]] = [
    ("The gossip column Page Six reported that Holt had left Kelmar.", "Six"),
    ("The story ran in Page Six on Tuesday.", "Six"),
    ("Holt starred in Harbour's Eleven last year.", "Eleven"),
    ("The Marvellous Four opened to poor reviews in Kelmar.", "Four"),
    ("Kelmar State joined the Big Twelve in 2011.", "Twelve"),
    ("The Kelmar Five played at the harbour festival.", "Five"),
    ("The Gang of Nine met in Kelmar.", "Nine"),
    ("The Three Mile Quarry plant closed last spring.", "Three"),
    ("Holt watched Twelve Winters a Sailor again.", "Twelve"),
    ("Lind drove in Formula Seven for years.", "Seven"),
    # figures in names were guarded before (labels, a name before the figures)
    ("The show aired on Channel 9 last night.", "9"),
    ("The Orion 11 crew landed in Kelmar.", "11"),
]


@pytest.mark.parametrize(
    ("sentence", "word"), TITLES, ids=[t[1] + str(i) for i, t in enumerate(TITLES)]
)
def test_a_number_word_in_a_title_is_no_quantity(nlp: Language, sentence: str, word: str) -> None:
    found = quantities_in(nlp, sentence)
    assert all(word not in q.text for q in found), [(q.text, q.value) for q in found]


COUNTS: list[tuple[str, str, float]] = [
    # a capital at the sentence's start, after a colon or a quote mark: a count
    ("Six people died in the Kelmar fire.", "Six people", 6),
    ('Holt said: "Nine workers were hurt in the blast."', "Nine workers", 9),
    ("The toll was grim: Seven sailors were lost.", "Seven sailors", 7),
    # a Title Case heading capitalises every word
    ("Harbour Fire In Kelmar Kills Nine\nThe fire started at dawn.", "Nine", 9),
    # after a lowercase word a capital starts a sentence whose break a page lost
    ("Crews set the car ablaze Four men fled on foot.", "Four men", 4),
    # lowercase counts after names stay counts
    ("The Kelmar Five signed four players.", "four players", 4),
    # a dateline or a headline run into the body: a plural noun after it is counted
    ("ORVEL Six people died in the mill fire, police said.", "Six people", 6),
    ("Blaze Hits Orvel Mill Seven workers died at dawn, police said.", "Seven workers", 7),
]


@pytest.mark.parametrize(("sentence", "text", "value"), COUNTS, ids=[c[1] for c in COUNTS])
def test_a_capitalised_count_where_capitals_say_nothing(
    nlp: Language, sentence: str, text: str, value: float
) -> None:
    found = quantities_in(nlp, sentence)
    assert [(q.text, q.value) for q in found if q.text == text] == [(text, value)]


AGES: list[tuple[str, str, float, str | None, str | None]] = [
    # (sentence, text, value, approx, about)
    ("Mira Holt began working at about age 14.", "14", 14, "about", "holt"),
    ("Mira Holt began working about age 14.", "14", 14, "about", "holt"),
    ("Mira Holt left school at around age 16 and moved to Kelmar.", "16", 16, "about", "holt"),
    ("Mira Holt quit racing at nearly the age of 80.", "80", 80, "under", "holt"),
    ("The boy, aged about 14, was hurt in Kelmar.", "about 14", 14, "about", None),
    ("Ivo Brandt started sailing at age 14 or 15.", "14", 14, None, "brandt"),
    ("Ivo Brandt started sailing at age 14 or 15.", "15", 15, None, "brandt"),
    ("Ivo Brandt learned to ride at ages 9 and 10.", "10", 10, None, "brandt"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "approx", "about"),
    AGES,
    ids=[f"{a[1]}-{i}" for i, a in enumerate(AGES)],
)
def test_an_age_with_a_bound_or_an_alternative(
    nlp: Language, sentence: str, text: str, value: float, approx: str | None, about: str | None
) -> None:
    found = [q for q in quantities_in(nlp, sentence) if q.text == text]
    assert [(q.value, q.unit, q.approx, q.about) for q in found] == [
        (value, "years", approx, about)
    ]


NOT_AGES: list[tuple[str, str]] = [
    # "about age" before a word it could count is no age
    ("They debated a law about age 16 voting.", "16"),
    # a bound after a name with commas is not read as an age (not asked here)
    ("The port paid about 14 dockers.", "about 14 dockers"),
    # a bound after a bare "at" is a clock time as often (s37 review H10)
    ("Ivo Brandt died at about 10, his family said.", "10"),
    ("Ivo Brandt died at about 80 in Kelmar.", "80"),
    # "about age" with no person and no life event names no one's age (H3)
    ("The new rules are about age 16.", "16"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_AGES, ids=[n[1] for n in NOT_AGES])
def test_no_age_without_an_age_phrase(nlp: Language, sentence: str, text: str) -> None:
    found = quantities_in(nlp, sentence)
    assert all(q.unit != "years" for q in found if text in q.text), [
        (q.text, q.unit) for q in found
    ]


CODES: list[tuple[str, str]] = [
    # a rate's denominator
    ("The rate rose to 2.5 per 100,000 children in Kelmar.", "100,000"),
    ("The rate fell from 1.3 per one million to 0.9 per one million.", "one million"),
    # a group of zeros after a comma and a space, after four figures: neither part counts
    ("Kelmar, home to 1200, 000 people, shook at dawn.", "1200"),
    ("Kelmar, home to 1200, 000 people, shook at dawn.", "000"),
    # emergency numbers dialled or naming their service
    ("Holt called 911 after the crash in Kelmar.", "911"),
    ("The jury heard the 999 call from the harbour.", "999"),
    # a fraction of a scale word: neither a share nor a count of the scale (s37 review)
    ("Floods drove a quarter of a million people from Orvel.", "quarter"),
    ("Floods drove a quarter of a million people from Orvel.", "million"),
    ("Three quarters of a million people voted in Orvel.", "million"),
    # an address's block
    ("The van was found in the 400 block of North Elm Street.", "400"),
]


@pytest.mark.parametrize(
    ("sentence", "text"), CODES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CODES)]
)
def test_a_denominator_a_code_or_a_piece_is_no_count(
    nlp: Language, sentence: str, text: str
) -> None:
    found = quantities_in(nlp, sentence)
    assert all(text not in q.text for q in found), [(q.text, q.value) for q in found]


KEPT: list[tuple[str, str, float]] = [
    ("The firm hired 911 workers in Kelmar.", "911 workers", 911),
    # a noun after a dialled emergency number is counted (s37 review H2)
    ("The clinic called 999 staff back to work.", "999 staff", 999),
    ("The clinic called 112 staff back to work.", "112 staff", 112),
    ("Of the 120, 400 were hurt in Kelmar.", "400", 400),
    # a thousands group of zeros after a comma and a space is read with its figures (s38)
    ("Kelmar, home to 120, 000 people, shook at dawn.", "120, 000 people", 120000),
    ("Crews cleared 40 blocks of debris.", "40 blocks", 40),
    ("A quarter of the 400 workers left Orvel.", "400 workers", 400),
    ("Floods drove half a million people from Orvel.", "half a million people", 500000),
    ("The rate rose to 2.5 per 100,000 children in Kelmar.", "2.5", 2.5),
]


@pytest.mark.parametrize(("sentence", "text", "value"), KEPT, ids=[k[1] for k in KEPT])
def test_counts_beside_codes_stay(nlp: Language, sentence: str, text: str, value: float) -> None:
    found = quantities_in(nlp, sentence)
    assert [(q.text, q.value) for q in found if q.text == text] == [(text, value)]
