"""Heights in feet and inches ("5-foot-8", "5'8\\"", "6 feet 2 inches") as one length.

The number reader reads such a height as two numbers ("5-foot" and "8", or two bare
figures after a prime mark): "a 5-foot-8 guard" is 1.73 m, not 1.52 m and a count of 8.
Found in the s37 audit of the shared texts' readings (ECB+ and BASIL crime and sports
stories).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from newsprism.analyze.written_forms import SP

_FOOT_KM: Final = 3.048e-4
_INCH_KM: Final = 2.54e-5
_INCHES = r"(1[01]|[0-9](?:\.5)?)"  # under a foot: 0 to 11 (a half allowed)
# A hyphen, spaced or not: "5-foot-8-inch", "5 - feet - 8 inches" (tokenised text, ECB+).
_JOINT = rf"{SP}?-{SP}?"
# Feet and inches in words ("five feet ten inches": a police description, s39 audit).
_WORD_VALUES: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
}  # fmt: skip
_FEET_WORDS = "three|four|five|six|seven|eight"
_INCH_WORDS = "eleven|ten|nine|eight|seven|six|five|four|three|two|one"
_HEIGHT: Final = re.compile(
    r"(?<![\w.,'’])(?:(?P<feet>[3-8])(?:"
    rf"{_JOINT}(?:foot|feet){_JOINT}{_INCHES}(?:(?:{_JOINT}|{SP})inch(?:es)?)?"  # "5-foot-8"
    rf"|['’′]{SP}?{_INCHES}(?:\"|''|”|″)?"  # 5'8", 5'8 (the inch mark often left out)
    rf"|{SP}+(?:feet|foot|ft\.?),?{SP}+{_INCHES}{SP}*(?:inch(?:es)?|in\.)"  # 6 feet 2 inches
    rf")|(?P<wfeet>{_FEET_WORDS})(?:{_JOINT}|{SP}+)(?:feet|foot),?(?:{_JOINT}|{SP}+)"
    rf"(?P<winches>{_INCH_WORDS}|{_INCHES})(?:{_JOINT}|{SP}+)inch(?:es)?"  # five feet ten inches
    r")(?![\w-])",
    re.IGNORECASE,
)


class Height(NamedTuple):
    start: int
    end: int
    km: float


def find_heights(text: str) -> list[Height]:
    """Every feet-and-inches height in ``text``, in text order (feet 3 to 8: people)."""
    found = []
    for m in _HEIGHT.finditer(text):
        if m.group("wfeet") is not None:
            feet, inches = _WORD_VALUES[m["wfeet"].lower()], _inch_value(m["winches"])
        else:
            feet = int(m.group("feet"))
            inches = float(next(g for g in m.groups()[1:] if g is not None))
        km = feet * _FOOT_KM + inches * _INCH_KM
        found.append(Height(m.start(), m.end(), km))
    return found


def _inch_value(written: str) -> float:
    """Inches written in words ("ten") or figures ("10", "8.5")."""
    return float(_WORD_VALUES.get(written.lower(), 0) or written)


# What may stand between the height and the weight of one description ("6 - foot - 1,
# 205 pounds", "six feet two inches and 180 pounds", "5 feet 4 inches tall and 140").
_DESCRIPTION_GAP: Final = re.compile(rf"(?:{SP}*,)?{SP}*(?:tall,?{SP}+)?(?:and{SP}+)?$")
_LONGEST: Final = 48  # "eight feet eleven inches" and "tall and"


def height_ends_before(text: str, start: int) -> bool:
    """Whether a height in feet and inches ends just before ``start`` (a comma, "tall"
    or "and" between): the figure there belongs to the same person's description, so
    its pounds are a weight (s39 audits: a player's "(6 - foot - 1, 205 pounds)", a
    suspect "six feet 2 inches tall and 180 pounds")."""
    lo = max(0, start - _LONGEST)
    window = text[lo:start]
    return any(_DESCRIPTION_GAP.match(window, h.end) for h in find_heights(window))
