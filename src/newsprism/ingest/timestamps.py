"""Timestamp lines of scraped news pages: recognising them and reading the time they give.

A timestamp line is one or more parts separated by "|", "•" or "·", each part one of:
    * an absolute stamp: an optional label ("Published", "Last updated on", "Posted at",
      "Date:"), an optional weekday ("Tuesday,", "Thu."), then a date: ISO
      ("2026-03-03", "2026-03-03T09:15:00Z", "2026-03-03 09:15+02:00"), numeric
      ("03/03/2026", "5.3.26"), or with a month name, English or German ("March 3, 2026",
      "3rd of March 2026", "5. März 2026"); then an optional time ("14:05", "4:12 p.m.",
      "9 AM", "10:00 Uhr") and an optional zone ("CET", "(ET)", "UTC+1", "+02:00");
    * a relative stamp ("2 hours ago", "just now", "Updated yesterday"): recognised, but it
      gives no datetime;
    * a reading time ("5 min read").

Numeric dates are day-first ("04/03/2026" is 4 March 2026) unless day-first is impossible
("03/13/2026" is 13 March 2026). A two-digit year is the latest year ending in its
digits that is at most one year after today ("12/31/99" read in 2026 is 1999, "5.3.26"
and "5.3.27" are 2026 and 2027, "5.3.28" is 1928): a page's stamp is from before it was
read, with a year's slack for pages dated ahead.

Zones: "ET", "CT", "MT" and "PT" are the real US zones (America/New_York, America/Chicago,
America/Denver, America/Los_Angeles), so they follow daylight saving; without tz data they
fall back to the standard offset. Every other known abbreviation ("UTC", "GMT", "CET",
"CEST", "BST", "EST", "EDT", "MEZ", ...) is a fixed offset, and numeric offsets ("+02:00",
"UTC-5", "GMT+1") are read as written, up to 14 hours. A part whose zone is unknown or out
of range is not a stamp.

Guarantee: every datetime :func:`parse_stamp` returns is timezone-aware: it carries the
stamp's own zone, else ``default_tz``.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newsprism.ingest.unicode import fold_case

__all__ = [
    "LINE_PARTS",
    "MONTH",
    "could_be_stamp_line",
    "is_stamp_line",
    "line_parts",
    "parse_stamp",
    "stamp_match",
]

logger = logging.getLogger(__name__)

# A month name, as a regex fragment (case-insensitive, optional trailing dot): English names
# and abbreviations, plus the German ones (translated outlets keep the original's dateline:
# "5. März 2026, 10:00 MEZ").
MONTH = (
    r"(?i:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|m(?:ä|ae)rz|mrz|apr(?:il)?|ma[yi]"
    r"|jun[ie]?|jul[yi]?|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?"
    r"|de[cz](?:ember)?)\.?"
)
_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "mär": 3, "mae": 3, "mrz": 3, "apr": 4, "may": 5, "mai": 5,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12,
    "dez": 12,
}  # fmt: skip

# The separator of the parts of a stamp line (the same one bylines are split on).
LINE_PARTS = re.compile(r"\s*[|•·]\s*")  # "Published X | Updated Y": one line, several parts
_PREFIX = (
    r"(?:(?P<prefix>(?:last |first )?(?:published|updated|posted|modified|edited|date)"
    r"(?: (?:on|at))?)\s*:?\s*)?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?"
_STAMP = re.compile(
    _PREFIX + _WEEKDAY + r"(?:(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)"
    r"|(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<ny>\d{4}|\d{2})"
    rf"|(?P<mon>{MONTH})\s*(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}})"
    rf"|(?P<dd>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<dmon>{MONTH}),?\s+(?P<dy>\d{{4}}))"
    rf"(?:\s*(?:,|at|@|-|–)?\s*(?P<time>{_TIME})(?:\s*uhr)?)?"
    r"(?:\s*\(?(?-i:(?P<tz>[A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))\)?)?",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    _PREFIX + r"(?:(?:\d+|an?|one|a few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|"
    r"days?|weeks?|months?)\s+ago|just now|moments ago)"
    r"|(?:published|updated|posted)\s*:?\s*(?:yesterday|today)|\d+\s*min(?:ute)?s?\s+read",
    re.IGNORECASE,
)
# What every stamp line holds somewhere: an absolute stamp has a digit; a relative one a
# digit or one of these words ("just now", "moments ago", "updated yesterday"). Cheap
# tests that rule out most body lines before the stamp patterns run on each part.
_DIGIT = re.compile(r"\d")
_RELATIVE_WORDS = ("ago", "now", "yesterday", "today")
# Fixed offsets in minutes for abbreviations that name one offset.
_FIXED_TZ = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 60, "CET": 60, "CEST": 120, "BST": 60,
    "EET": 120, "EEST": 180, "MSK": 180, "MEZ": 60, "MESZ": 120, "EST": -300, "EDT": -240,
    "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
}  # fmt: skip
# US "ET"/"PT" follow daylight saving: a zone, with its standard offset as a fallback
# for systems without tz data.
_ZONE_TZ = {
    "ET": ("America/New_York", -300),
    "CT": ("America/Chicago", -360),
    "MT": ("America/Denver", -420),
    "PT": ("America/Los_Angeles", -480),
}
_OFFSET_TZ = re.compile(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?")


def _tz(name: str) -> tzinfo | None:
    """The tzinfo for an abbreviation or offset ("CET", "ET", "+01:00", "UTC+1")."""
    if name in _FIXED_TZ:
        return timezone(timedelta(minutes=_FIXED_TZ[name]))
    if name in _ZONE_TZ:
        key, fallback = _ZONE_TZ[name]
        try:
            return ZoneInfo(key)
        except ZoneInfoNotFoundError:
            return timezone(timedelta(minutes=fallback))
    match = _OFFSET_TZ.fullmatch(name)
    if match is None or int(match[2]) > 14:
        return None
    minutes = int(match[2]) * 60 + int(match[3] or 0)
    return timezone(timedelta(minutes=-minutes if match[1] == "-" else minutes))


def stamp_match(text: str) -> re.Match[str] | None:
    """The match of ``text`` as one absolute timestamp, or None.

    ``text`` must be a stamp and nothing else (label, weekday, date, time and zone as the
    module docstring lists them). A stamp whose zone is unknown or out of range is no match;
    relative stamps and reading times are no match either (see :func:`is_stamp_line`).
    """
    match = _STAMP.fullmatch(text)
    return match if match and (match["tz"] is None or _tz(match["tz"])) else None


def line_parts(text: str) -> list[str]:
    """``LINE_PARTS.split(text)``, without running the regex over a line with no separator.

    Most lines have none, and a regex split costs a scan that tries every position.
    """
    if "|" in text or "•" in text or "·" in text:  # LINE_PARTS's separators
        return LINE_PARTS.split(text)
    return [text]


def could_be_stamp_line(text: str, folded: str | None = None) -> bool:
    """A cheap necessary condition of :func:`is_stamp_line`: ``text`` holds a digit or a
    relative-stamp word (``folded`` is ``fold_case(text)``, when the caller has it)."""
    if _DIGIT.search(text):
        return True
    folded = fold_case(text) if folded is None else folded
    return any(word in folded for word in _RELATIVE_WORDS)


def is_stamp_line(text: str) -> bool:
    """Whether ``text`` is a timestamp line.

    True when every part of ``text`` (split on "|", "•" or "·") is an absolute timestamp
    (:func:`stamp_match`), a relative stamp ("2 hours ago") or a reading time ("5 min read").
    """
    if not could_be_stamp_line(text):
        return False
    return all(stamp_match(p) or _RELATIVE.fullmatch(p) for p in line_parts(text))


def _month(name: str) -> int:
    return _MONTH_NUMBERS[name[:3].lower()]


# How far past today's year a two-digit year may lie (a page dated ahead: a scheduled
# post, a clock or zone a day off at New Year).
_YEARS_AHEAD = 1


def full_year(year: int, today: date) -> int:
    """``year`` as written: four digits as they are; two digits as the latest year ending
    in them no more than ``_YEARS_AHEAD`` after ``today``'s year ("99" in 2026: 1999)."""
    if year >= 100:
        return year
    latest = today.year + _YEARS_AHEAD
    century = latest - latest % 100
    return century + year if century + year <= latest else century - 100 + year


def _ymd(match: re.Match[str], today: date) -> tuple[int, int, int]:
    """Year, month, day; numeric dates are day-first unless that is impossible."""
    if match["n1"]:
        day, month, year = int(match["n1"]), int(match["n2"]), int(match["ny"])
        if month > 12 >= day:
            day, month = month, day
        return full_year(year, today) if len(match["ny"]) == 2 else year, month, day
    if match["mon"]:
        return int(match["my"]), _month(match["mon"]), int(match["md"])
    return int(match["dy"]), _month(match["dmon"]), int(match["dd"])


def _hms(time: str | None) -> tuple[int, int, int]:
    """Hour, minute, second of "4:12 p.m." / "14:05" / "9 AM" (midnight when absent)."""
    if not time:
        return 0, 0, 0
    numbers = [int(n) for n in re.findall(r"\d+", time)] + [0, 0]
    hour, meridiem = numbers[0], re.search(r"[ap]", time.lower())
    if meridiem and hour <= 12:
        hour = hour % 12 + (12 if meridiem[0] == "p" else 0)
    return hour, numbers[1], numbers[2]


def parse_stamp(text: str, default_tz: tzinfo, today: date | None = None) -> datetime | None:
    """The time an absolute timestamp gives.

    Args:
        text: one timestamp, not a whole line: a part of a stamp line, as
            :func:`stamp_match` takes it.
        default_tz: the zone of a stamp that names none.
        today: the day two-digit years are read against (:func:`full_year`); the
            current day in UTC when None.

    Returns:
        A timezone-aware datetime in the stamp's own zone, else in ``default_tz``; None when
        ``text`` is not an absolute stamp (relative stamps included) or names an impossible
        date or time ("31/02/2026", "25:00").
    """
    match = stamp_match(text)
    if match is None:
        return None
    zone = _tz(match["tz"]) if match["tz"] else None
    try:
        if match["iso"]:
            parsed = datetime.fromisoformat(match["iso"])
        else:
            parsed = datetime(*_ymd(match, today or datetime.now(UTC).date()), *_hms(match["time"]))
    except ValueError as error:
        logger.debug("stamp %r is not a valid date: %s", text, error)
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone or default_tz)
    return parsed
