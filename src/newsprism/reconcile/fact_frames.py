"""The time frame a figure is of: a career, a season or year, a span since some point.

Sports and running tallies give one counted noun over several frames in one story:
"31 goals" in a match, "412 career goals", "9 saves this year", "since Round 6, five
saves", "60 starts this season" against "two or three starts in May". Such figures are
two measures; grouped as one they make a false 'differ' (ECB+ monitor, s41: about a dozen
of the 30 number differs read were of this shape, finding a of stop 40). :func:`frame`
reads the frame the figure's own words name; two figures whose frames are both named and
not one are two measures, and a career total never joins a figure not said to be one (a
player's game or season figure is told without a frame far more often than a career
total is).

Only the figure's own words and those right after it ("412 career goals", "413 in her
career", "9 saves this year") and, for "since", its sentence before it ("Since Round 6,
Vell has five saves") are read: a frame further off belongs to another figure or clause
("saved 7 shots on Sunday to set a career mark").

A career is named only as the figure's noun ("412 career goals") or as its span ("in /
for / over her career"); "in a career night", "a career game" name one game measured
against a career, and "30 years of her career" is a part of a career, not its total: a
figure in time units is never read as a career total (review s41/3 S4). "Since" a month
with no year (or of this year) is this year's span: "up 12 percent this year" and "up 15
percent since January" are one measure told twice. It is never a season's: a club's season
starts in the autumn as often as in the spring, so "21 goals this season" and "9 goals
since January" are two measures (review s42/1 S3); a season and a year are named apart
("this season" / "this year") for the same reason.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # fact_items reads frames with this module's frame()
    from newsprism.reconcile.fact_items import Item

__all__ = ["CAREER", "THIS_YEAR", "TIME_UNITS", "frame", "item_frame", "of_unit", "other_frames"]

logger = logging.getLogger(__name__)

CAREER: Final = "career"
THIS_YEAR: Final = "this year"
# The analyser's duration units (reconcile/fact_items.py compares them in days).
TIME_UNITS: Final = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})

# Words that name one game or a record measured against a career ("career-high", "a
# career night", "career scoring record"), not a career's total.
_NOT_TOTAL: Final = (
    r"(?![-\s]+(?:high|best|low|worst|scoring|record|mark|night|game|day|year|season"
    r"|match|outing|performance|effort|moment)s?\b)"
)
# Up to two words after the figure (its counted noun: "career goals", "saves this
# season"), then the frame. Words of the figure's own noun, not a preposition or article
# starting another phrase: "3 grants from a career fund" count grants, no career total.
_FUNCTION: Final = r"(?:to|a|an|the|of|for|in|on|at|by|with|from|over|his|her|their|its|and)\b"
_NOUN: Final = r"(?:[^\S\n]+(?!" + _FUNCTION + r")[a-z][\w-]*){0,2}?"
# Words that may follow a career's span ("for his career at Marrow", "in her career, and"):
# another phrase, not the noun "career" qualifies ("in her career debut").
_ENDS: Final = (
    r"(?:at|with|and|as|in|for|on|to|by|from|so|while|when|but|before|after|since|than"
    r"|until|under|of|now|is|was|has|had)\b"
)
# The span of a career: "in/for/over his/her/their career", ending its phrase (not "in
# her career debut"), or "career" as the figure's noun ("412 career goals").
_CAREER_AFTER: Final = re.compile(
    _NOUN + r"[^\S\n]+(?:(?:(?:for|in|over)[^\S\n]+(?:his|her|their)[^\S\n]+career\b"
    r"(?!-)(?![^\S\n]+(?!" + _ENDS + r")\w))|career\b" + _NOT_TOTAL + ")",
    re.IGNORECASE,
)
# "career" inside the figure's own words, before its counted noun ("412 career goals").
_CAREER_IN: Final = re.compile(r"\bcareer\b" + _NOT_TOTAL, re.IGNORECASE)
_SEASON_AFTER: Final = re.compile(
    _NOUN + r"[^\S\n]+(?:(?:in|during|for|over)[^\S\n]+)?"
    r"(this|last|that)[^\S\n]+(?:past[^\S\n]+)?(season|year)\b",
    re.IGNORECASE,
)
_SINCE_AFTER: Final = re.compile(_NOUN + r"[^\S\n]+since\b", re.IGNORECASE)
# "Since Round 6, Vell has five saves": "since" opening the figure's sentence or clause,
# with no other clause's stop between it and the figure.
_SINCE_BEFORE: Final = re.compile(r"(?:^|[;:]\s*)since\b[^;:]*$", re.IGNORECASE)
# "since January", "since the start of March" with no year named, or "since March this
# year": the span of this year so far.
_MONTHS: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_SINCE_MONTH: Final = re.compile(
    r"[^\S\n]*(?:(?:the[^\S\n]+)?(?:start|beginning|end)[^\S\n]+of[^\S\n]+)?"
    + _MONTHS
    + r"(?![^\S\n]*(?:\d|last\b|of[^\S\n]+last\b))"
    r"|[^\S\n]*(?:the[^\S\n]+)?(?:start|beginning)[^\S\n]+of[^\S\n]+(?:the|this)[^\S\n]+year\b",
    re.IGNORECASE,
)


def frame(text: str, sentence_start: int, end: int, stop: int, start: int) -> str:
    """The frame the figure ``text[start:end]`` names ("" where none): "career", "this
    season" / "last season", "this year" / "last year", or "since". ``stop`` bounds the words
    read after it (the next figure or its sentence's end)."""
    if _CAREER_IN.search(text, start, end) or _CAREER_AFTER.match(text[:stop], end):
        return CAREER
    season = _SEASON_AFTER.match(text[:stop], end)
    if season is not None:
        which = season.group(1).casefold()
        return f"{'this' if which == 'this' else 'last'} {season.group(2).casefold()}"
    since = _SINCE_AFTER.match(text[:stop], end)
    if since is not None:
        return _since(text, since.end(), stop)
    before = _SINCE_BEFORE.search(text[sentence_start:start])
    if before is not None:
        at = sentence_start + before.start() + before.group(0).casefold().index("since") + 5
        return _since(text, at, start)
    return ""


def of_unit(named: str, unit: str | None) -> str:
    """The frame of a figure in ``unit`` whose words name ``named``: a figure in time units
    is never a career total ("served 30 years of her career" is part of a career), so its
    "career" is no frame."""
    return "" if named == CAREER and unit in TIME_UNITS else named


def item_frame(item: Item) -> str:
    """The frame of a fact item's figure, as :func:`of_unit` reads it for its unit."""
    return of_unit(item.frame, item.quantity.unit)


def _since(text: str, at: int, stop: int) -> str:
    """The frame of a span since what ``text[at:stop]`` names: this year's where it is a
    month of this year (never a season's), else "since"."""
    return THIS_YEAR if _SINCE_MONTH.match(text[:stop], at) else "since"


def other_frames(a: str, b: str) -> bool:
    """Whether figures of frames ``a`` and ``b`` are two measures: both named and not
    one, or one a career total and the other not said to be one."""
    if a == b:
        return False
    return bool(a and b) or CAREER in (a, b)
