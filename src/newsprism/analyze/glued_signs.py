"""Currencies written as a code or word glued before the figure: "$US2 million",
"$A3 million", "$NZ40", "euro70 billion" (wire copy's style, and ingest's form of "€").

The figures pattern reads no figure glued to letters ("G7", "v3"), so these lost their
figure: stop 40 found "$US2 million" and "euro70 billion" read as a bare "million" /
"billion" (1e6 / 1e9, no currency), a false value. The number reader lets a figure start
right after one of these signs (:data:`AFTER_GLUED_SIGN`) and reads the sign as the
figure's currency (:func:`glued_currency`). A space after the word is no glued sign:
"Euro 2024" is a tournament; "70 billion euros" was read already (the word after).
"""

from __future__ import annotations

import logging
import re
from types import MappingProxyType
from typing import Final

__all__ = ["AFTER_GLUED_SIGN", "glued_currency", "year_after_word"]

logger = logging.getLogger(__name__)

# The glued signs, lower-cased, to ISO 4217 codes.
_GLUED_SIGNS: Final = MappingProxyType(
    {"$us": "USD", "$a": "AUD", "$nz": "NZD", "$c": "CAD", "euro": "EUR"}
)
#: Lookbehind alternatives: a figure may start right after a glued sign (the candidate
#: pattern is case-insensitive; "euro" must open its word: not "neuro7").
AFTER_GLUED_SIGN: Final = r"(?<=\$US)|(?<=\$A)|(?<=\$NZ)|(?<=\$C)|(?<=(?<![A-Za-z])euro)"
_GLUED_BEFORE: Final = re.compile(r"(?<![A-Za-z])(?P<sign>\$US|\$A|\$NZ|\$C|euro)$", re.IGNORECASE)
# "Euro2024", "euro2016": a tournament's name, not a sum (a year-shaped figure, no scale).
_YEAR: Final = re.compile(r"(?:19|20)\d\d")


def glued_currency(text: str, start: int) -> tuple[int, str] | None:
    """The start and ISO code of a currency sign glued before the figure at ``start``."""
    m = _GLUED_BEFORE.search(text, max(0, start - 4), start)
    if m is None:
        return None
    return m.start(), _GLUED_SIGNS[m["sign"].lower()]


def year_after_word(text: str, start: int, end: int) -> bool:
    """Whether the figure ``text[start:end]`` is a year glued to a word ("Euro2024")."""
    glued = start > 0 and text[start - 1].isalpha()
    return glued and _YEAR.fullmatch(text, start, end) is not None
