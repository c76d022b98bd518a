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
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "dates"), ONE_DAY)
def test_a_weekday_not_after_every_or_each_is_one_day(
    nlp: Language, sentence: str, dates: list[tuple[str, str | None]]
) -> None:
    assert dates_of(nlp, sentence) == dates
