"""The time frame a figure is of: a career, a season or year, a span since some point.

Sports and running tallies give one counted noun over several frames in one story:
"20 points" in a game, "2,301 career points", "11 touchdowns this year", "since Week 11,
eight touchdowns", "83 carries this season" against "10 to 12 carries on Saturday".
Such figures are two measures; grouped as one they make a false 'differ' (ECB+ monitor,
s41: about a dozen of the 30 number differs read were of this shape, finding a of
stop 40). :func:`frame` reads the frame the figure's own words name; two figures whose
frames are both named and not one are two measures, and a career total never joins a
figure not said to be one (a player's game or season figure is told without a frame
far more often than a career total is).

Only the figure's own words and those right after it ("2,301 career points", "2,302 for
his career",
"11 touchdowns this year") and, for "since", its sentence before it ("Since Week 11,
Thomas has eight touchdowns") are read: a frame further off belongs to another figure or
clause ("scored 20 points last night to break the career scoring record").
"""

from __future__ import annotations

import logging
import re
from typing import Final

__all__ = ["CAREER", "frame", "other_frames"]

logger = logging.getLogger(__name__)

CAREER: Final = "career"

# Up to two words after the figure (its counted noun: "career points", "points this
# season"), then the frame. "career-high", "career best", "career scoring record" name a
# game's figure measured against a career, not a career's total.
# Words of the figure's own noun, not a preposition or article starting another phrase:
# "$200 million to a career" is a sum offered, no career total (ECB+, s41).
_FUNCTION: Final = r"(?:to|a|an|the|of|for|in|on|at|by|with|from|over|his|her|their|its|and)\b"
_NOUN: Final = r"(?:[^\S\n]+(?!" + _FUNCTION + r")[a-z][\w-]*){0,2}?"
_CAREER_AFTER: Final = re.compile(
    _NOUN + r"[^\S\n]+(?:(?:for|in|of|over)[^\S\n]+(?:his|her|their|a)[^\S\n]+)?"
    r"career\b(?![-\s]+(?:high|best|low|worst|scoring|record|mark)\b)",
    re.IGNORECASE,
)
# "career" inside the figure's own words, before its counted noun ("2,301 career points").
_CAREER_IN: Final = re.compile(
    r"\bcareer\b(?![-\s]+(?:high|best|low|worst|scoring|record|mark)\b)", re.IGNORECASE
)
_SEASON_AFTER: Final = re.compile(
    _NOUN + r"[^\S\n]+(?:(?:in|during|for|over)[^\S\n]+)?"
    r"(this|last|that)[^\S\n]+(?:past[^\S\n]+)?(?:season|year)\b",
    re.IGNORECASE,
)
_SINCE_AFTER: Final = re.compile(_NOUN + r"[^\S\n]+since\b", re.IGNORECASE)
# "Since Week 11, Thomas has eight touchdowns": "since" opening the figure's sentence
# or clause, with no other clause's stop between it and the figure.
_SINCE_BEFORE: Final = re.compile(r"(?:^|[;:]\s*)since\b[^;:]*$", re.IGNORECASE)


def frame(text: str, sentence_start: int, end: int, stop: int, start: int) -> str:
    """The frame the figure ``text[start:end]`` names ("" where none): "career", "this
    season" / "last season" (a year is a season), or "since". ``stop`` bounds the words
    read after it (the next figure or its sentence's end)."""
    if _CAREER_IN.search(text, start, end) or _CAREER_AFTER.match(text[:stop], end):
        return CAREER
    season = _SEASON_AFTER.match(text[:stop], end)
    if season is not None:
        which = season.group(1).casefold()
        return f"{'this' if which == 'this' else 'last'} season"
    if _SINCE_AFTER.match(text[:stop], end) or _SINCE_BEFORE.search(text[sentence_start:start]):
        return "since"
    return ""


def other_frames(a: str, b: str) -> bool:
    """Whether figures of frames ``a`` and ``b`` are two measures: both named and not
    one, or one a career total and the other not said to be one."""
    if a == b:
        return False
    return bool(a and b) or CAREER in (a, b)
