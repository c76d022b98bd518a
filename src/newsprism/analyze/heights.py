"""Heights in feet and inches ("5-foot-8", "5'8\\"", "6 feet 2 inches") as one length.

The number reader reads such a height as two numbers ("5-foot" and "8", or two bare
figures after a prime mark): "a 5-foot-8 guard" is 1.73 m, not 1.52 m and a count of 8.
Found in the s37 audit of the shared texts' readings (ECB+ and BASIL crime and sports
stories).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

_SP = r"[^\S\n]"
_FOOT_KM: Final = 3.048e-4
_INCH_KM: Final = 2.54e-5
_INCHES = r"(1[01]|[0-9](?:\.5)?)"  # under a foot: 0 to 11 (a half allowed)
# A hyphen, spaced or not: "5-foot-8-inch", "5 - feet - 8 inches" (tokenised text, ECB+).
_JOINT = rf"{_SP}?-{_SP}?"
_HEIGHT: Final = re.compile(
    r"(?<![\w.,'’])(?P<feet>[3-8])(?:"
    rf"{_JOINT}(?:foot|feet){_JOINT}{_INCHES}(?:(?:{_JOINT}|{_SP})inch(?:es)?)?"  # "5-foot-8"
    rf"|['’′]{_SP}?{_INCHES}(?:\"|''|”|″)?"  # 5'8", 5'8 (the inch mark often left out)
    rf"|{_SP}+(?:feet|foot|ft\.?),?{_SP}+{_INCHES}{_SP}*(?:inch(?:es)?|in\.)"  # 6 feet 2 inches
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
        inches = next(g for g in m.groups()[1:] if g is not None)
        km = int(m.group("feet")) * _FOOT_KM + float(inches) * _INCH_KM
        found.append(Height(m.start(), m.end(), km))
    return found
