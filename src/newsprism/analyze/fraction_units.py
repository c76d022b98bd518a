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
from functools import cache
from typing import Final, NamedTuple

from newsprism.analyze.number_words import fraction_percent
from newsprism.analyze.written_forms import SP

__all__ = ["FractionOfUnit", "fractions_of_units"]

logger = logging.getLogger(__name__)

# The units a fraction of one is read before; their kind, common unit and factor are
# numbers.UNITS's (:func:`_conversion`).
_UNITS: Final = ("century", "decade", "year", "month", "week", "day", "hour", "minute", "mile")
_FRACTION_OF_UNIT: Final = re.compile(
    rf"(?<![\w\-])(?:(?P<num>an?|one|two|three)(?:{SP}+|{SP}?-{SP}?))?"
    rf"(?P<den>half|quarters?|thirds?)"
    rf"(?:{SP}?-{SP}?|{SP}+(?:of{SP}+)?(?:an?{SP}+)?)"
    rf"(?P<unit>{'|'.join(_UNITS)})\b(?!{SP}?-{SP}?(?:and|or)\b)",
    re.IGNORECASE,
)
# "a third" before a unit is mostly the ordinal: "entered a third week", "for a third day",
# "a third-year student"; only "a third of a mile" is the fraction.
_OF: Final = re.compile(rf"{SP}+of{SP}", re.IGNORECASE)
# "a three and a half-hour flight": the "half" ends a mixed number the number reader
# reads whole (3.5 hours), no half of one hour.
_AND_BEFORE: Final = re.compile(
    rf"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    rf"|\w+teen|\w+ty|hundred|thousand|dozen)){SP}+and{SP}+$",
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
        if _AND_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        if m["den"].lower().startswith("third") and not _OF.search(
            text, m.end("den"), m.start("unit")
        ):
            continue
        percent = fraction_percent(m["num"], m["den"])
        if percent is None:
            continue
        kind, unit, factor = _conversion(m["unit"].lower())
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


@cache
def _conversion(word: str) -> tuple[str, str, float]:
    """The kind, common unit and factor :data:`newsprism.analyze.numbers.UNITS` gives the
    unit ``word``, so a fraction of a mile converts as "3 miles" does. Imported here, not
    at the top: the number reader imports this module."""
    from newsprism.analyze.numbers import UNITS

    for unit in UNITS:
        if re.fullmatch(unit.pattern, word, re.IGNORECASE):
            return unit.kind, unit.unit, unit.factor
    raise KeyError(word)
