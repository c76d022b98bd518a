"""Dates as details of exclusives (:mod:`newsprism.reconcile.exclusive_details`): the days
a date mention means, compared as days, not as written.

Compared as folded text, one date written two ways was two details ("on Wednesday" /
"Wednesday", "June 19" / "June 19th"), and a day inside a week another source names
("Tuesday" / "last week") was news of its own, so a retelling of one deed kept a "new"
date and stayed an exclusive. A mention is read as:

* a calendar span when the analysis resolved it (``DateMention.date``) or the story
  stage can (a deferred mention read from its article's story anchor:
  :func:`~newsprism.reconcile.timeline.story_anchors`). Another passage carries it when
  one of its spans lies inside it and it spans a week at most (:data:`CONTAINING_DAYS`):
  "last week" is carried by "on Tuesday" of that week, "on Tuesday" is not carried by
  "last week". A longer span ("in May", "this year") is carried by an equal span
  (:func:`day_carried`); a day inside it (:func:`day_within`) carries it only where the
  passage giving the day tells the same deed (the caller's test: any day of a story falls
  in its month and year, so the day alone names nothing);
* in a story with no dated article (no anchor at all), the span the text means read from
  one stand-in day (:data:`STAND_IN`), the same for every article: only an equal span
  carries it ("Wednesday" / "on Wednesday", "in May" / "May"): read from a day nobody
  wrote, containment means nothing;
* otherwise (the expression names no day the resolver reads) its folded text less a
  leading preposition ("on", "in", "at", "by").
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from newsprism.analyze.aliases import fold_key
from newsprism.analyze.dates import resolve_expression
from newsprism.model import DateMention
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.timeline import story_anchors

__all__ = ["CONTAINING_DAYS", "STAND_IN", "DayDetail", "day_carried", "day_detail", "day_within"]

logger = logging.getLogger(__name__)

# The day an undated story's relative dates are read from: any day serves, as long as it
# is the same for every article (two readings of one expression are then equal).
STAND_IN: Final = date(2001, 1, 17)
_PREPOSITIONS: Final = ("on ", "in ", "at ", "by ")
# The longest span (in days) a day inside it carries by itself: a week ("last week", "the
# weekend"). A story's dates nearly all fall in its month and year, so "this year" or
# "in May" carried by any day of them named no detail at all: a longer span needs an equal
# one, or a day inside it given for the same deed (:func:`day_within`). Read on the BASIL
# development gold (dense): a gold exclusive about a bill to be passed "this year" was
# hidden once a day of that year, given for another deed, carried its "this year".
CONTAINING_DAYS: Final = 7

Reading = Literal["day", "stand-in", "text"]


@dataclass(frozen=True, slots=True)
class DayDetail:
    """A date mention as a detail: its first and last day and how they were read
    (``day``: a real calendar span; ``stand-in``: read from :data:`STAND_IN`; ``text``:
    not read, ``first`` and ``last`` None), and its folded text (the fallback key)."""

    reading: Reading
    first: date | None
    last: date | None
    key: str


def _key(text: str) -> str:
    folded = fold_key(text)
    for word in _PREPOSITIONS:
        if folded.startswith(word):
            return folded[len(word) :]
    return folded


def _span(value: str | None) -> tuple[date, date] | None:
    if value is None:
        return None
    first, _, last = value.partition("/")
    try:
        return date.fromisoformat(first), date.fromisoformat(last or first)
    except ValueError:
        return None


def _anchors(material: StoryMaterial) -> dict[str, date | None]:
    memo = material.memo("exclusive_dates")
    if "anchors" not in memo:
        memo["anchors"] = story_anchors(material)
    found: dict[str, date | None] = memo["anchors"]
    return found


def day_detail(material: StoryMaterial, article_id: str, mention: DateMention) -> DayDetail:
    """The mention read as days (see the module doc)."""
    key = _key(mention.text)
    span = _span(mention.date)
    if span is not None:
        return DayDetail("day", span[0], span[1], key)
    anchor = _anchors(material).get(article_id)
    reading: Reading = "day" if anchor is not None else "stand-in"
    found = _span(resolve_expression(mention.text, anchor or STAND_IN, future=mention.future))
    if found is None:
        return DayDetail("text", None, None, key)
    return DayDetail(reading, found[0], found[1], key)


def _carries(mine: DayDetail, theirs: DayDetail) -> bool:
    if mine.reading != theirs.reading or mine.reading == "text":
        return mine.key == theirs.key
    if mine.first is None or mine.last is None or theirs.first is None or theirs.last is None:
        return mine.key == theirs.key  # not reached: "day" and "stand-in" hold both days
    if mine.reading == "stand-in" or (mine.last - mine.first).days >= CONTAINING_DAYS:
        return (mine.first, mine.last) == (theirs.first, theirs.last)
    return mine.first <= theirs.first and theirs.last <= mine.last


def day_carried(mine: DayDetail, theirs: Sequence[DayDetail]) -> bool:
    """Whether one of ``theirs`` carries the date ``mine`` (see the module doc)."""
    return any(_carries(mine, other) for other in theirs)


def day_within(mine: DayDetail, theirs: Sequence[DayDetail]) -> bool:
    """Whether one of ``theirs`` lies inside ``mine``, both calendar spans: "on May 6"
    inside "in May" or "this month". Not by itself a carried date (see the module doc)."""
    if mine.reading != "day" or mine.first is None or mine.last is None:
        return False
    return any(
        o.reading == "day"
        and o.first is not None
        and o.last is not None
        and mine.first <= o.first
        and o.last <= mine.last
        for o in theirs
    )
