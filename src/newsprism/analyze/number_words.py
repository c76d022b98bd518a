"""Numbers as words and figures spell them: the values of "twenty-five", "three hundred
and six", "two-thirds", "tens of thousands" and "4,200".

The tables here also shape the number reader's patterns
(:mod:`newsprism.analyze.numbers`, which re-exports the parsers). Everything here is pure.
"""

from __future__ import annotations

import logging
import math
import re
from types import MappingProxyType
from typing import Final

__all__ = [
    "DENOMINATORS",
    "OF_ONLY",
    "SCALES",
    "SEPARATOR",
    "SMALL",
    "VAGUE",
    "fraction_percent",
    "glued_scale",
    "parse_digits",
    "parse_vague",
    "parse_words",
    "scale_word",
]

logger = logging.getLogger(__name__)

SMALL: Final = MappingProxyType(
    {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    }
)  # fmt: skip

# Scale words; "hundred" multiplies the group before it, the others close a group.
SCALES: Final = MappingProxyType(
    {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
)

# Glued abbreviations of scales as money and statistics write them ("2.3bn", "$40m",
# "£30k"). "m" is million only next to a currency; quantities.py reads it as metres
# otherwise. "b" alone is left out: "5b" is a street number far more often than a sum.
_GLUED_SCALES: Final = MappingProxyType({"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12})

# Denominators of fractions written in words, singular and plural.
DENOMINATORS: Final = MappingProxyType(
    {
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
        "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    }
)  # fmt: skip

# Vague plurals, read as the least they can mean ("hundreds" is at least two hundred);
# quantities.py marks them approx "over".
VAGUE: Final = MappingProxyType(
    {
        "dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2e3, "millions": 2e6,
        "billions": 2e9,
    }
)  # fmt: skip
# "scores" is vague only before "of" ("scores of others"; not "test scores", "scores 3").
OF_ONLY: Final = frozenset({"scores"})
_VAGUE_MULTIPLIERS: Final = MappingProxyType({"tens": 10.0, "hundreds": 100.0})
_VAGUE_BASES: Final = MappingProxyType({"thousands": 1e3, "millions": 1e6, "billions": 1e9})

SEPARATOR = re.compile(r"[\s\-]+")


_DECIMAL_COMMA: Final = re.compile(r"\d{1,3},\d{1,2}")
_POWER: Final = re.compile(r"10\^(\d{1,2})")


def parse_digits(text: str) -> float:
    """The value of figures: "4,200" -> 4200.0, "1.2" -> 1.2, "5 000" -> 5000.0, "4,5"
    (a decimal comma, read only before a scale word) -> 4.5, "١٢٫٥" -> 12.5, "10^6" ->
    1e6. Raises ValueError on anything else, as ``float`` does."""
    if power := _POWER.fullmatch(text):
        return 10.0 ** int(power[1])
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    cleaned = re.sub(r"[,٬\s]", "", text).replace("٫", ".")
    return float(cleaned)


def glued_scale(suffix: str) -> float:
    """The multiplier of a glued scale suffix ("bn" -> 1e9); 1.0 when unknown."""
    return _GLUED_SCALES.get(suffix.strip().lower(), 1.0)


def scale_word(word: str) -> float:
    """The multiplier of a scale word ("million" -> 1e6, "-million" of "$5-million" too);
    1.0 when unknown."""
    return SCALES.get(word.replace("-", " ").strip().lower(), 1.0)


def parse_words(text: str) -> float | None:
    """The value of a number in words, or None when the words do not form one.

    Reads "twenty-five" (25), "three hundred and six" (306), "two dozen" (24), "a
    thousand" (1000), "one million two hundred thousand" (1200000), "half a million"
    (500000). Sequences that no writer would use ("three two") read as their sum.
    """
    total, group = 0.0, 0.0
    for word in SEPARATOR.split(text.strip().lower()):
        if word in {"a", "an", "and", ""}:
            continue
        if word == "half":
            group = 0.5
        elif word in SMALL:
            group += SMALL[word]
        elif word == "dozen":
            group = (group or 1.0) * 12
        elif word == "hundred":
            group = (group or 1.0) * 100
        elif word in SCALES:
            total += (group or 1.0) * SCALES[word]
            group = 0.0
        else:
            return None
    return total + group


def fraction_percent(numerator: str | None, denominator: str) -> float | None:
    """A fraction in words as a percentage: ("two", "thirds") -> 66.66..., or None.

    Only "half" may stand without a numerator ("the third" is an ordinal). A plural
    denominator needs a numerator above one ("two-thirds"), a singular one a numerator of
    one ("a third"); other pairs ("one thirds", "two third") are not fractions: None.
    """
    if numerator is None and denominator.lower() != "half":
        return None
    den = DENOMINATORS.get(denominator.lower())
    num = (
        1 if numerator is None or numerator.lower() in {"a", "an"} else SMALL.get(numerator.lower())
    )
    if den is None or num is None or num == 0:
        return None
    plural = denominator.lower().endswith("s") and denominator.lower() != "halves"
    if plural != (num > 1) and denominator.lower() not in {"half", "halves"}:
        return None
    return 100.0 * num / den


def parse_vague(text: str) -> float | None:
    """The least a vague amount means: "hundreds" -> 200, "tens of thousands" -> 20000,
    "several hundred" -> 200, "several hundred thousand" -> 200000."""
    words = SEPARATOR.split(text.strip().lower())
    if len(words) == 1:
        return VAGUE.get(words[0])
    if words[-1] in SCALES:  # "several hundred", "a few thousand": at least two
        # A scale of scales ("several hundred thousand years") multiplies: read as the
        # last scale alone it gave two amounts, 200 and a false 1,000.
        return 2 * math.prod(SCALES[w] for w in words if w in SCALES)
    multiplier, base = _VAGUE_MULTIPLIERS.get(words[0]), _VAGUE_BASES.get(words[-1])
    if multiplier is None or base is None:
        return None
    return 2 * multiplier * base
