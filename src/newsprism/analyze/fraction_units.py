"""A fraction of one unit of time or distance: "a quarter-century", "a quarter - century"
(tokenised text), "a half-hour", "a half hour", "half an hour", "a quarter of a
century", "a half-mile".

Each is a measure of the unit (25 years, half an hour, 0.8 km), no share: the fraction
reader refuses a fraction fused to a word by a hyphen ("a half-brother"), and
"a quarter of a century" is no share (:func:`newsprism.analyze.non_quantities.
is_fraction`), so such measures went unread (stop 39 finding: "a quarter - century").
The first, second or last half-hour of something is a part of it, no duration, and is
left alone, as "the second half" is.
"""

from __future__ import annotations

import logging
import re
from typing import Final, NamedTuple

from newsprism.analyze.number_words import fraction_percent
from newsprism.analyze.written_forms import SP

__all__ = ["FractionOfUnit", "fractions_of_units"]

logger = logging.getLogger(__name__)

# The unit, its kind, the common unit and the factor to it (as numbers.UNITS converts).
_UNITS: Final = {
    "century": ("time", "years", 100.0),
    "decade": ("time", "years", 10.0),
    "year": ("time", "years", 1.0),
    "month": ("time", "months", 1.0),
    "week": ("time", "weeks", 1.0),
    "day": ("time", "days", 1.0),
    "hour": ("time", "hours", 1.0),
    "minute": ("time", "minutes", 1.0),
    "mile": ("length", "km", 1.609344),
}
_FRACTION_OF_UNIT: Final = re.compile(
    rf"(?<![\w\-])(?:(?P<num>an?|one|two|three)(?:{SP}+|{SP}?-{SP}?))?"
    rf"(?P<den>half|quarters?|thirds?)"
    rf"(?:{SP}?-{SP}?|{SP}+(?:of{SP}+)?(?:an?{SP}+)?)"
    rf"(?P<unit>{'|'.join(_UNITS)})\b(?!{SP}?-{SP}?(?:and|or)\b)",
    re.IGNORECASE,
)
# Words before the phrase that make it a part of something, not a measure.
_PART_BEFORE: Final = re.compile(
    rf"\b(?:first|second|third|fourth|last|final|other|latter|former|next|past|previous"
    rf"|opening|closing){SP}+$",
    re.IGNORECASE,
)


class FractionOfUnit(NamedTuple):
    """One measure found: its span, the span of its number, value in ``unit``."""

    start: int
    end: int
    num_end: int
    value: float
    fraction: float
    kind: str
    unit: str
    joined: bool  # fused by a hyphen ("a half-hour"): a modifier, as "a three-day" is


def fractions_of_units(text: str) -> list[FractionOfUnit]:
    """Every fraction of one unit in ``text`` (see the module docstring), in text order."""
    found = []
    for m in _FRACTION_OF_UNIT.finditer(text):
        if _PART_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        percent = fraction_percent(m["num"], m["den"])
        if percent is None:
            continue
        kind, unit, factor = _UNITS[m["unit"].lower()]
        fraction = percent / 100.0
        found.append(
            FractionOfUnit(
                m.start(),
                m.end(),
                m.end("den"),
                fraction * factor,
                fraction,
                kind,
                unit,
                "-" in text[m.end("den") : m.start("unit")],
            )
        )
    return found
