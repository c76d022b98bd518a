"""Quantities in the shapes real multi-outlet reporting showed missing or misread (the
Multi-News development gold, eval/data/multinews_gold.json, and the BASIL calibration
gold's ordinal): ages after "at" and as a predicate, durations no calendar date
resolves, one side of a vote written out, what a counting noun counts, where a sum came
from, "as much as", and ordinals that count ("a ninth term"). Only the shapes are
taken: every sentence has its own words, names and figures.

Every sentence here is invented for the test. A case's gold is (sentence, text as
extracted, value in the common unit, unit, bound, about).
"""

from __future__ import annotations

import math

import pytest
from spacy.language import Language

from tests.test_quantities import quantities_in

Gold = tuple[str, str, float, str | None, str | None, str | None]

CASES: list[Gold] = [
    # ages: after "at" in a life event, "at (the) age (of)", ", age N,", a predicate
    ("Varga was found dead at 41 Sunday in his flat.", "41", 41, "years", None, "varga"),
    ("She died at 37 after a long illness.", "37", 37, "years", None, None),
    ("Halvorsen retired at 60.", "60", 60, "years", None, "halvorsen"),
    ("He was elected mayor at the age of 34.", "34", 34, "years", None, None),
    ("Lind moved to Kelmar at age 13.", "13", 13, "years", None, "lind"),
    ("Petra Lind, age 52, was arrested.", "52", 52, "years", None, "lind"),
    ("The victim was 19.", "19", 19, "years", None, "victim"),
    ("Holt was 37 when she left the port.", "37", 37, "years", None, "holt"),
    # a name that reads as a month is no date when set off by commas
    ("May, 62, won the vote.", "62", 62, "years", None, "may"),
    # durations past any calendar date, and a comparison of two times
    ("The reef formed some 48 million years ago.", "some 48 million years", 48e6, "years",
     "about", None),
    ("The ancestor appeared more than 23 million years later than thought.",
     "more than 23 million years", 23e6, "years", "over", None),
    # a side of a vote written out, and what "the number of" counts
    ("The council voted 30 in support of the plan, and 17 against.", "17", 17, None, None,
     "vote"),
    ("The number of strikers at 212 is high.", "212", 212, None, None, "striker"),
    # where a sum came from; "as much as" and "as few as" bound it
    ("He drew $3 million in salary and a further $2.8 million from his stake in the firm.",
     "$2.8 million", 2.8e6, "USD", None, "stake"),
    ("He drew $3 million in salary and a further $2.8 million from his stake in the firm.",
     "$3 million", 3e6, "USD", None, "salary"),
    ("A stake in the club is worth as much as $7 million.", "as much as $7 million", 7e6,
     "USD", "under", "stake"),
    ("As few as 40 workers stayed.", "As few as 40 workers", 40, None, "over", "worker"),
    # not where the sum came from: a payment of it, a cut out of something, a date
    ("He listed a payment of $240,000 from the same company.", "$240,000", 2.4e5, "USD", None,
     "payment"),
    ("The plan would cut $2.6 trillion from farm programs.", "$2.6 trillion", 2.6e12, "USD",
     None, "cut"),
    ("Revenue fell $6 million from last year.", "$6 million", 6e6, "USD", None, "revenue"),
    # ordinals that count: a rank, another measure than a count
    ("Holt was elected to a ninth term as mayor.", "ninth term", 9, None, None,
     "term (ordinal)"),
    ("It was his 12th novel.", "12th novel", 12, None, None, "novel (ordinal)"),
    ("He served a third term in office.", "third term", 3, None, None, "term (ordinal)"),
    ("The club won a third straight title.", "third straight title", 3, None, None,
     "title (ordinal)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "approx", "about"),
    CASES,
    ids=[f"{c[1]}:{c[0][:30]}" for c in CASES],
)
def test_shapes_from_real_reporting(
    nlp: Language,
    sentence: str,
    text: str,
    value: float,
    unit: str | None,
    approx: str | None,
    about: str | None,
) -> None:
    found = quantities_in(nlp, sentence)
    matches = [q for q in found if q.text == text]
    assert matches, f"{text!r} not in {[q.text for q in found]}"
    q = matches[0]
    assert math.isclose(q.value, value, rel_tol=1e-3), (q.value, value)
    assert (q.unit, q.approx, q.about) == (unit, approx, about)


# Numbers that are no age, no undated duration and no vote (sentence, the number's text).
NOT_THESE: list[tuple[str, str]] = [
    ("The ferry left at 10 on Monday.", "10"),  # a clock time: leaving is no life event
    ("He arrived at 37 Main Street.", "37"),  # an address
    ("The driver was killed at 23 Elm Street.", "23"),  # an address the model tags DATE
    ("She died at 9 a.m. on Sunday.", "9"),  # a clock time
    ("The score was 37 at halftime.", "37"),  # the subject is no person
    ("The index was 12 lower.", "12"),  # the clause goes on
    ("Holt was 3 under par after the round.", "3"),  # a margin
    ("The bridge opened two years ago.", "two years"),  # a date's
    ("The team played 12 against a weaker side.", "12"),  # no vote near
]


@pytest.mark.parametrize(("sentence", "text"), NOT_THESE, ids=[c[0][:30] for c in NOT_THESE])
def test_not_an_age_duration_or_vote(nlp: Language, sentence: str, text: str) -> None:
    for q in quantities_in(nlp, sentence):
        if q.text == text:
            assert q.unit != "years" and q.about != "vote", q


# Ordinals that count nothing an outlet reports (sentence).
NOT_RANKS: list[str] = [
    "She took a second look at the plan.",  # "first" and "second" are idiom
    "By the end of his sixth day, he was out.",  # a time noun: a date
    "She invoked her Sixth Amendment right.",  # a name
    "The third day of talks ended.",  # after "the"
    "It was the 30th anniversary of the flood.",
]


@pytest.mark.parametrize("sentence", NOT_RANKS, ids=[c[:30] for c in NOT_RANKS])
def test_ordinals_that_count_nothing(nlp: Language, sentence: str) -> None:
    assert not [q for q in quantities_in(nlp, sentence) if (q.about or "").endswith("(ordinal)")]
