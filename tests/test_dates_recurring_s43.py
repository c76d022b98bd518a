"""A weekday after "every" or "each" names a habit, not a day of the story (stop 42's
readings audit: "every Sunday" was resolved to the Sunday before publication, a date
two outlets could be found to disagree on). Hard negatives: "on Sunday" after a word
that merely starts with "every", after "each" that belongs to another noun, and a
specific day named after a recurring one.

Every sentence here is invented for the test. The anchor is Wednesday 28 September 2016.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from spacy.language import Language

from newsprism.analyze.dates import extract_dates

PUBLISHED = datetime(2016, 9, 28, 9, 0, tzinfo=UTC)  # a Wednesday


def dates_of(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.date) for m in extract_dates(nlp(text), PUBLISHED)]


RECURRING = [
    "Vesk goes to the Orsk chapel every Sunday.",
    "The ferry board meets each Monday at noon.",
    "The market in Orsk opens every other Friday.",
    "Every Sunday, the Orsk market opens early.",
    "The crews meet every Sunday night.",
    # near shapes of the amount's "each" below: a habit still (review s43/4 M1)
    "The two ferries sail each Monday from Orsk.",
    "The guards were paid 200 euros every Friday.",
    # "each" after a clock figure or a count of things run is no sum shared out: still
    # the habit (review s43i S7)
    "The Orsk ferry sails at 10 each Monday, the line said.",
    "The Orsk market opens at 9 am each Saturday.",
    "The line runs two ferries each Monday from Orsk.",
    "Bins in Orsk are collected at 7 each Friday.",
]


@pytest.mark.parametrize("sentence", RECURRING)
def test_a_weekday_after_every_or_each_is_no_date(nlp: Language, sentence: str) -> None:
    assert dates_of(nlp, sentence) == []


ONE_DAY: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("Everyone in Orsk came on Sunday.", [("on Sunday", "2016-09-25")]),
    ("Each team played on Sunday.", [("on Sunday", "2016-09-25")]),
    ("Vesk has walked every day since Monday.", [("since Monday", "2016-09-26")]),
    ("Vesk said every Sunday would differ, and on Sunday he left.",
     [("on Sunday", "2016-09-25")]),
    # "each" after an amount distributes it; the day is a date (review s43/4 M1)
    ("The two ferry captains were fined 500 euros each Monday for sailing drunk.",
     [("Monday", "2016-09-26")]),
    ("The three guards were paid 200 euros each Friday, the court heard.",
     [("Friday", "2016-09-23")]),
    ("The two Orsk pilots were fined $300 each Monday, the court heard.",
     [("Monday", "2016-09-26")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "dates"), ONE_DAY)
def test_a_weekday_not_after_every_or_each_is_one_day(
    nlp: Language, sentence: str, dates: list[tuple[str, str | None]]
) -> None:
    assert dates_of(nlp, sentence) == dates


def test_a_month_with_its_own_day_after_it_leaves_the_figure_before_it(nlp: Language) -> None:
    # "the 12 May 4 strikers": 12 counts the strikers; the date is May 4
    found = dates_of(nlp, "Nine of the 12 May 4 strikers were sacked in Orsk.")
    assert found == [("May 4", "2016-05-04")]
    found = dates_of(nlp, "Two of the 8 Oct. 3 rioters were freed in Orsk.")
    assert found == [("Oct. 3", "2015-10-03")]


DAY_MONTHS: list[tuple[str, tuple[str, str | None]]] = [
    ("On 3 March 12 people were arrested in Orsk.", ("On 3 March", "2016-03-03")),
    ("The 19 September meeting in Orsk was cancelled.", ("The 19 September", "2016-09-19")),
    ("Vesk flew on the 19 Sept. 2011 flight.", ("on the 19 Sept. 2011", "2011-09-19")),
    # a clock hour or a score after the month is no day of it (review s43f S5)
    ("Orsk recalled the 14 July 9 am flight to Vesk.", ("the 14 July", "2017-07-14")),
    ("Orsk lost the 12 May 3-1 match to Vesk City.", ("the 12 May", "2016-05-12")),
    # near shapes of our own
    ("Vesk missed the 3 June 10 p.m. train.", ("the 3 June", "2016-06-03")),
    ("Orsk won the 5 April 2-0 final.", ("the 5 April", "2016-04-05")),
]


@pytest.mark.parametrize(("sentence", "reading"), DAY_MONTHS)
def test_a_day_month_with_no_day_after_it_is_unchanged(
    nlp: Language, sentence: str, reading: tuple[str, str | None]
) -> None:
    assert reading in dates_of(nlp, sentence)
