"""Discrepancies of kind ``date`` told by the clock: one deed given two times of day.

"Kristian left the dance at about 9:30 p.m." against "left the dance shortly before
midnight": a deed done once has one time. The analysis keeps no clock times, so they
are read here off the sentence (:func:`clock_times`: "9:30 p.m.", "9.30 p.m.", "11
a.m.", "noon", "midnight"), each with whether it is approximate ("about", "around",
"shortly after"...). A time that only bounds the deed ("after 9 p.m.", "by noon", "until",
"since", "between", the first end of "5 a.m. to 9 a.m.") is no time of it and is left
out, and so is every time of a sentence that names a time zone, "local time" or another
place's time ("Tokyo time": :data:`~newsprism.reconcile.day_names.ZONE`; two outlets'
zones turn one moment into two clock readings).

Two sides are paired under the guards of :mod:`newsprism.reconcile.day_names` (one
deed, asserted, the same participants, different sources, no article giving the deed
both times) when their times clash: at least :data:`EXACT_GAP` minutes apart when both
are exact, :data:`ROUGH_GAP` when either is approximate ("about 9:30" and "9:32" are one
time). A deed both sides also date by day is the day passes' when the days differ; two
times of one day still clash. No similarity guard (the deed, its participants and a
shared name are the guard).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc

from newsprism.model import Discrepancy, Passage
from newsprism.reconcile.clauses import Parsed
from newsprism.reconcile.date_discrepancies import one_deed
from newsprism.reconcile.day_names import ZONE, Deed, deed_at, one_time, same_participants
from newsprism.reconcile.discrepancy_groups import DiscrepancyOptions, claims_of, components
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import TextSimilarity

__all__ = ["EXACT_GAP", "ROUGH_GAP", "ClockTime", "clock_discrepancies", "clock_times"]

logger = logging.getLogger(__name__)

#: Minutes apart for two exact times of one deed to clash ("9:32" / "9:50"). Not fitted
#: (no gold contradiction is told by the clock): reporters give a time to the minute or
#: round it to a quarter hour, so a quarter hour is the smallest gap read as two times.
EXACT_GAP: Final = 15
#: Minutes apart when either time is approximate ("about 9:30 p.m." / "9:32 p.m." are
#: one time; "about 9:30" / "11 p.m." are two). Not fitted: an hour, a rounding to the
#: hour on both sides.
ROUGH_GAP: Final = 60

# Hours and minutes split by a colon or, as British style writes them, a full stop
# ("9.30 p.m."); a figure after a stop or a colon is no hour ("2.5 pm" is nothing).
_TIME: Final = re.compile(
    r"(?<![\d:.])(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s*"
    r"(?P<half>[ap])\.?\s?m\b\.?|\b(?P<word>noon|midnight)\b",
    re.IGNORECASE,
)
_ROUGH: Final = re.compile(
    r"\b(?:about|around|approximately|roughly|some|nearly|almost|shortly|just|"
    r"soon|sometime|circa)\s+(?:after\s+|before\s+)?$",
    re.IGNORECASE,
)
_BOUND: Final = re.compile(
    r"\b(?:after|before|by|until|till|since|from|between|and|to|past|through|or)\s+$|"
    r"[-\u2013\u2014]\s*$",
    re.IGNORECASE,
)
# "11 a.m. Eastern": a zone named by its region alone, in the sentence of the time.
_US_ZONE: Final = re.compile(r"\b(?:Eastern|Pacific|Central|Mountain)\b")
# The first end of a range ("5 a.m. to 9 a.m.", "5-9 a.m.") or of two alternatives
# ("10 p.m. or 11 p.m."): a bound or a guess, as the second is.
_RANGE: Final = re.compile(
    r"\s*(?:to|until|till|through|thru|or|and|-|\u2013|\u2014)\s*"
    r"(?:\d{1,2}(?:[:.][0-5]\d)?\s*(?:[ap]\.?\s?m\b)?|noon|midnight)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day in a sentence: minutes after midnight, whether approximate, and
    where it stands in the sentence (character offsets into the sentence's text)."""

    minutes: int
    rough: bool
    start: int
    end: int


def clock_times(text: str) -> list[ClockTime]:
    """The times of day a sentence gives as points ("at 9:30 p.m.", "about 11 a.m.",
    "noon"); none when it names a time zone."""
    if ZONE.search(text) or _US_ZONE.search(text):
        return []
    found = []
    for match in _TIME.finditer(text):
        before = text[max(0, match.start() - 24) : match.start()]
        rough = bool(_ROUGH.search(before))  # "shortly before midnight": about midnight
        if (not rough and _BOUND.search(before)) or _RANGE.match(text, match.end()):
            continue
        minutes = _minutes(match)
        if minutes is not None:
            found.append(ClockTime(minutes, rough, match.start(), match.end()))
    return found


def _minutes(match: re.Match[str]) -> int | None:
    word = match.group("word")
    if word:
        return 12 * 60 if word.casefold() == "noon" else 0
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if not 1 <= hour <= 12:
        return None
    hour %= 12
    if match.group("half").casefold() == "p":
        hour += 12
    return hour * 60 + minute


def times_clash(a: ClockTime, b: ClockTime) -> bool:
    """Whether two times of one deed cannot both hold (gaps: :data:`EXACT_GAP`,
    :data:`ROUGH_GAP`; measured round the clock, 11:50 p.m. and 12:10 a.m. are 20
    minutes apart)."""
    gap = abs(a.minutes - b.minutes)
    gap = min(gap, 24 * 60 - gap)
    return gap >= (ROUGH_GAP if a.rough or b.rough else EXACT_GAP)


@dataclass(frozen=True, slots=True)
class _Timed:
    deed: Deed
    time: ClockTime


def clock_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``date`` for one deed given two clashing times of day by two sources (guards in
    the module docstring; ``similarity`` and ``opts`` unused)."""
    sides = _sides(material, sentences, parsed)
    pairs = [
        (a.deed.clause, b.deed.clause)
        for i, a in enumerate(sides)
        for b in sides[i + 1 :]
        if a.deed.clause.source != b.deed.clause.source
        and one_time(a.deed, b.deed)
        and times_clash(a.time, b.time)
        and same_participants(a.deed, b.deed)
        and not _told_both(sides, material, a, b)
    ]
    return [
        Discrepancy(group[0].text, "date", claims_of(material, group))
        for group in components(pairs)
    ]


def _told_both(sides: Sequence[_Timed], material: StoryMaterial, a: _Timed, b: _Timed) -> bool:
    """An article of either side's source gives the deed a time that does not clash with
    the other side's (two goings, or the article telling both times)."""
    for side in sides:
        source = side.deed.clause.source
        if source not in (a.deed.clause.source, b.deed.clause.source):
            continue
        if not one_deed(side.deed.lemma, a.deed.lemma):
            continue
        other = b if source == a.deed.clause.source else a
        if not times_clash(side.time, other.time) and same_participants(side.deed, other.deed):
            return True
    return False


def _sides(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[_Timed]:
    """Every deed a time of day hangs on, in the sentences that give one, parsed only
    when sentences of two sources give times (parsing is the costly step)."""
    timed = [(s, clock_times(s.text)) for s in sentences]
    timed = [(s, t) for s, t in timed if t]
    if len({material.source_of(s.article) for s, _ in timed}) < 2:
        return []
    found = []
    docs = parsed.docs([s for s, _ in timed])
    for (sentence, times), doc in zip(timed, docs, strict=True):
        found += _timed_deeds(material, sentence, doc, times)
    return found


def _timed_deeds(
    material: StoryMaterial, sentence: Passage, doc: Doc, times: Sequence[ClockTime]
) -> list[_Timed]:
    found = []
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        deed = deed_at(material, sentence, span) if span is not None else None
        if deed is not None:
            found.append(_Timed(deed, time))
    return found
