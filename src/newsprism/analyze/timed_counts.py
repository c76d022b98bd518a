"""A bare count followed by the time of its deed: "killed 12 Monday", "freed 40 last week".

News drops "on" before a day ("the storm killed 12 Monday"); the parser then hangs the
figure on the day's name as if it counted days, and the count was lost (a label's capital
"Monday") or read as a count of weeks ("12 last week"). The time phrase counts nothing: the
figure counts what its verb did, as "killed 12 on Monday" is read. Stop 42's readings
audit left this shape; dates extraction reads the time phrase itself.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Span, Token

from newsprism.analyze.calendar_words import RELATIVE_DAYS, WEEKDAYS

__all__ = ["deed_of_timed", "timed_figure", "untimed"]

logger = logging.getLogger(__name__)

# Words that open a time phrase before a time noun ("last week", "this morning",
# "early Sunday"), and the time nouns they open.
_TIME_OPENERS: Final = frozenset({"last", "this", "next", "early", "late"})
_TIME_NOUNS: Final = (
    frozenset({"week", "weekend", "month", "year", "morning", "afternoon", "evening", "night"})
    | WEEKDAYS
)
_DAY_WORDS: Final = WEEKDAYS | RELATIVE_DAYS | {"overnight"}


def _opens_time(token: Token) -> bool:
    """Whether ``token`` opens a time phrase: a day's name ("Monday", "yesterday"), or an
    opener before a time noun ("last week", "early Sunday")."""
    word = token.lower_
    if word in _DAY_WORDS:
        return True
    if word not in _TIME_OPENERS or token.i + 1 >= len(token.doc):
        return False
    return token.nbor(1).lower_ in _TIME_NOUNS


def _after_verb_object(token: Token) -> bool:
    """Whether ``token`` opens a time phrase right after a figure a verb takes as its
    object ("killed 12 Monday"): after "at", "by" or "until" the figure is a clock time
    ("starts at 10 Monday"), after a noun it is no deed's count."""
    if not _opens_time(token):
        return False
    i = token.i - 1
    while i >= 0 and token.doc[i].like_num:
        i -= 1
    verb = token.doc[i] if i >= 0 else None
    return (
        verb is not None
        and i < token.i - 1
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in _CLOCK_VERBS
    )


# Verbs of schedule and motion: their bare figure before a day is a clock time ("leaves
# 10 Monday"), no deed's count (review s43/4 M2 on 7828d14). By hand, from the schedule
# verbs of the date tests.
_CLOCK_VERBS: Final = frozenset(
    {
        "leave", "depart", "arrive", "open", "close", "start", "begin", "resume", "end",
        "return", "sail",
    }
)  # fmt: skip


def untimed(token: Token | None) -> Token | None:
    """``token`` (the word after a bare count), or None where it opens the time of the
    deed: no counted noun starts there."""
    return None if token is not None and _after_verb_object(token) else token


def timed_figure(figure: Token) -> bool:
    """Whether a figure the entity recogniser put into a DATE or TIME is a verb's count
    before the time of its deed ("arrested 40 Friday" is one DATE entity to it)."""
    after = figure.i + 1
    return after < len(figure.doc) and _after_verb_object(figure.doc[after])


def deed_of_timed(span: Span | None) -> Token | None:
    """The verb a bare count before a time phrase counts the deed of ("killed" of "killed
    12 Monday"); None where no time phrase follows or no verb governs the figure or the
    time phrase."""
    if span is None or span.end >= len(span.doc) or untimed(span.doc[span.end]) is not None:
        return None
    head = span.root.head
    for _ in range(3):  # the figure or the day it was hung on, up to the verb
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if head.head is head:
            break
        head = head.head
    return None
