"""Day labels: what a date mention says of the day without a calendar (a weekday, a
month and day, the part of the day), and when two labels clash (guard 3 of
:mod:`newsprism.reconcile.day_names`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from spacy.tokens import Span

from newsprism.analyze.calendar_words import WEEKDAYS

__all__ = [
    "DayLabel",
    "apart_across_zones",
    "comparable",
    "day_label",
    "labels_clash",
    "neighbours",
    "one_day",
    "resolved_label",
    "widened",
]

_WEEKDAY_ORDER: Final = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
)  # fmt: skip
_MONTH_ORDER: Final = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
# Words, and day numbers of one or two digits ("15th" -> 15; a year's "2015" is none).
_WORD: Final = re.compile(r"[a-z]+|(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?![\d\w])")
# A day still to come, or every such day: no date of a deed done.
_NOT_ONE_DAY: Final = frozenset(
    {"next", "coming", "every", "each", "until", "till", "since", "between", "or"}
)
_LATE: Final = frozenset({"late", "night", "evening", "midnight"})
_EARLY: Final = frozenset({"early", "morning", "overnight", "dawn", "predawn", "midnight"})


@dataclass(frozen=True, slots=True)
class DayLabel:
    """What a date mention says of the day, without a calendar: its weekday (0 Monday)
    and its month and day, each None when not given; whether it names the late end of
    the day ("Friday night") or the early one ("early Saturday")."""

    weekday: int | None
    month_day: tuple[int, int] | None
    late: bool = False
    early: bool = False
    #: The part of the day named ("morning", "afternoon", "evening", "night"), or "".
    part: str = ""
    #: The small hours named: "early ... morning", "dawn", "predawn" (before 9 a.m.).
    dawn: bool = False


def day_label(text: str) -> DayLabel | None:
    """The label of a date mention's text ("last Saturday, April 15" -> Saturday, 4/15);
    None when it names no one day ("next Friday", "every Monday", "April", "Fridays")."""
    words = [w.rstrip("stndrh") if w[0].isdigit() else w for w in _WORD.findall(text.casefold())]
    if not words or set(words) & _NOT_ONE_DAY:
        return None
    if len({w for w in words if w.isdigit() and 1 <= int(w) <= 31}) > 1:
        return None  # "April 14 or 15", "April 14-15": two days, not one
    weekdays = {_WEEKDAY_ORDER.index(w) for w in words if w in WEEKDAYS}
    month_day = _month_day(words)
    if len(weekdays) > 1 or (not weekdays and month_day is None):
        return None
    weekday = next(iter(weekdays), None)
    found = set(words)
    part = _part(found)
    return DayLabel(
        weekday, month_day, bool(found & _LATE), bool(found & _EARLY), part, _dawn(found, part)
    )


#: Parts of the day, and the parts each cannot be told as of one moment of one day
#: ("found Monday morning" / "found Monday afternoon"). Not fitted: a morning ends at
#: noon; evening and night overlap, as do afternoon and evening; a night and a morning
#: may be one small hours ("overnight"), so never clash.
_PARTS: Final = ("morning", "afternoon", "evening", "night")
_PARTS_APART: Final = frozenset(
    {("morning", "afternoon"), ("morning", "evening"), ("afternoon", "night")}
)


def _part(words: set[str]) -> str:
    """The one part of the day the words name; "" for none or two ("tonight" is none)."""
    named = [p for p in _PARTS if p in words]
    return named[0] if len(named) == 1 else ""


def _dawn(words: set[str], part: str) -> bool:
    return bool(words & _DAWN) or (part == "morning" and "early" in words)


_DAWN: Final = frozenset({"dawn", "predawn"})


def _parts_apart(a: DayLabel, b: DayLabel) -> bool:
    return (a.part, b.part) in _PARTS_APART or (b.part, a.part) in _PARTS_APART


#: Parts of one day further apart than three hours, the widest shift between the
#: zones of the contiguous United States (Eastern to Pacific): one moment told in two
#: of them cannot be both. The small hours end by 9 a.m., a morning by noon, an
#: afternoon starts at noon and an evening by 5 p.m. (not fitted: everyday usage);
#: "morning" / "afternoon" may be 11 a.m. Pacific and 2 p.m. Eastern, so is none.
_APART_ACROSS_ZONES: Final = frozenset(
    {("dawn", "afternoon"), ("dawn", "evening"), ("morning", "evening")}
)


def apart_across_zones(a: DayLabel, b: DayLabel) -> bool:
    """Two parts of one day no shift between North American time zones makes one
    moment ("early Monday morning" ET / "Monday afternoon")."""
    first = [a.part] + (["dawn"] if a.dawn else [])
    second = [b.part] + (["dawn"] if b.dawn else [])
    return any(
        (x, y) in _APART_ACROSS_ZONES or (y, x) in _APART_ACROSS_ZONES
        for x in first
        for y in second
    )


def _month_day(words: Sequence[str]) -> tuple[int, int] | None:
    """(month, day) of "April 15", "15th of April", "Apr 15"; None when absent."""
    for n, word in enumerate(words):
        month = _month_of(word)
        if month is None:
            continue
        for near in (words[n + 1 : n + 2], words[max(0, n - 2) : n][::-1]):
            for other in near:
                if other.isdigit() and 1 <= int(other) <= 31:
                    return month, int(other)
                if other != "of":
                    break
    return None


def _month_of(word: str) -> int | None:
    for n, name in enumerate(_MONTH_ORDER, start=1):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return n
    return None


def labels_clash(a: DayLabel, b: DayLabel) -> bool:
    """Guard 3: a kind of label both give differs and none both give agrees; two
    neighbouring days told as the late end of one and the early end of the next
    ("late Friday" / "early Saturday") may be one night, no clash."""
    kinds = [
        (x, y)
        for x, y in ((a.weekday, b.weekday), (a.month_day, b.month_day))
        if x is not None and y is not None
    ]
    if not kinds:
        return False
    if one_day(a, b):
        return _parts_apart(a, b)  # one day, two parts of it
    if any(x == y for x, y in kinds):
        return False
    return not _one_night(a, b) and not _one_night(b, a)


def _one_night(before: DayLabel, after: DayLabel) -> bool:
    if not (before.late and after.early):
        return False
    if before.weekday is not None and after.weekday is not None:
        return (before.weekday + 1) % 7 == after.weekday
    if before.month_day is not None and after.month_day is not None:
        (m1, d1), (m2, d2) = before.month_day, after.month_day
        return (m1 == m2 and d2 == d1 + 1) or (m2 == m1 % 12 + 1 and d2 == 1)
    return False


def comparable(a: DayLabel, b: DayLabel) -> bool:
    return (a.weekday is not None and b.weekday is not None) or (
        a.month_day is not None and b.month_day is not None
    )


def one_day(a: DayLabel, b: DayLabel) -> bool:
    """Two labels of one day (they can clash by the part of it only)."""
    kinds = [
        (x, y)
        for x, y in ((a.weekday, b.weekday), (a.month_day, b.month_day))
        if x is not None and y is not None
    ]
    return bool(kinds) and all(x == y for x, y in kinds)


def neighbours(a: DayLabel, b: DayLabel) -> bool:
    if a.weekday is not None and b.weekday is not None:
        return (a.weekday - b.weekday) % 7 in (1, 6)
    if a.month_day is not None and b.month_day is not None:
        first, second = sorted((a.month_day, b.month_day))
        (m1, d1), (m2, d2) = first, second
        return (m1 == m2 and d2 == d1 + 1) or (m2 == m1 % 12 + 1 and d2 == 1 and d1 >= 28)
    return False


def resolved_label(resolved: str, text: str = "") -> DayLabel | None:
    """The label of a resolved date of one day (its weekday, month and day, and the part
    of the day its words name); None for a span of days ("last week")."""
    if "/" in resolved:
        return None
    try:
        day = date.fromisoformat(resolved[:10])
    except ValueError:
        return None
    words = set(_WORD.findall(text.casefold()))
    part = _part(words)
    return DayLabel(day.weekday(), (day.month, day.day), part=part, dawn=_dawn(words, part))


def widened(label: DayLabel, span: Span) -> DayLabel:
    """The label with the end of the day the words beside the mention name: the
    analysis gives "Tuesday" of "late Tuesday", "Friday" of "Friday evening"."""
    doc = span.doc
    near = {doc[i].lower_ for i in (span.start - 1, span.end) if 0 <= i < len(doc)}
    late, early = label.late or bool(near & _LATE), label.early or bool(near & _EARLY)
    words = near | {t.lower_ for t in span}
    part = label.part or _part(words)
    return DayLabel(
        label.weekday, label.month_day, late, early, part, label.dawn or _dawn(words, part)
    )
