"""The figures each wording of a statement gives, for the statements export.

A statement's row in the ``statements`` table shows one wording (``text``, the first
variant's), so where outlets put one claim with different figures ("3 dead" in one,
"five dead" in another) the row carried one outlet's figure and an analyst filtering the
sheet never saw the other. ``figures_by_outlet`` lists each outlet's figures when two
wordings give figures the other does not ("3 (Tessel Courier); five (Brisk Daily)"), and
is empty when they agree, give none, or one only leaves figures out.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from typing import Final

from newsprism.analyze.number_words import (
    SCALES,
    SMALL,
    VAGUE,
    parse_digits,
    parse_vague,
    parse_words,
    scale_word,
)
from newsprism.model import Variant

logger = logging.getLogger(__name__)

__all__ = ["figures_by_outlet"]

# A figure as written: digits (with thousands separators or a decimal part) and the scale
# words after them ("2 million"), or a run of English number words ("twenty-five", "three
# hundred and six", "a dozen", "two million"), or a vague plural ("dozens", "hundreds").
# Values come from analyze/number_words, the reader the analysis uses, so "twenty" and
# "20", "a dozen" and "12", "2 million" and "2,000,000" are one figure (review s42/2 M7:
# a table of zero to twelve listed each such pair as two outlets' different figures).
_SCALE: Final = "|".join(SCALES)
_WORD: Final = "|".join([*SMALL, *SCALES, "dozen"])
_DIGITS: Final = rf"(?<![\w.,])\d+(?:[.,]\d+)*(?:[\s-]+(?:{_SCALE})\b)*(?!\w)"
# "and" joins number words only after a scale word ("three hundred and six", "two
# thousand and five"); between two counts it lists two figures ("two and three people":
# 2 and 3, not 5; review s42/4 M5).
_WORD_UNIT: Final = rf"(?:(?:{_SCALE})(?:[\s-]+and(?=[\s-]+(?:{_WORD})\b))?|{_WORD})"
_WORDS: Final = rf"\b(?:an?[\s-]+(?=(?:dozen|{_SCALE})\b))?{_WORD_UNIT}(?:[\s-]+{_WORD_UNIT})*\b"
_FIGURE: Final = re.compile(rf"{_DIGITS}|{_WORDS}|\b(?:{'|'.join(VAGUE)})\b", re.IGNORECASE)


def figures_by_outlet(variants: Sequence[Variant]) -> str | None:
    """Each outlet's figures as written ("3, 4"), outlets in the order of their first
    wording, when two wordings' figures differ (by value: "three" is 3; order aside),
    each giving one the other does not; None otherwise. A wording that gives fewer of
    the figures, or none, tells less, not another count: over the statements of two
    BASIL calibration stories read day by day, a longer wording's extra figure was most
    of what a plain "not the same figures" listed. "one" counts as 1 ("one-in-three" is
    "1 in 3"); where it is a pronoun ("one of the crew") the other wording's figures are
    then fewer, not others."""
    by_outlet: dict[str, list[str]] = {}
    seen: set[frozenset[float | str]] = set()
    for variant in variants:
        figures = _figures(variant.passage.text)
        seen.add(frozenset(_value(f) for f in figures))
        held = by_outlet.setdefault(variant.passage.outlet or "?", [])
        held.extend(f for f in figures if f not in held)
    if not any(a - b and b - a for a in seen for b in seen):
        return None
    return "; ".join(
        f"{', '.join(figures) or 'none'} ({outlet})" for outlet, figures in by_outlet.items()
    )


#: An "and" inside a run of number words, with the words either side of it.
_AND: Final = re.compile(r"[\s-]+and[\s-]+", re.IGNORECASE)


def _figures(text: str) -> list[str]:
    return [piece for m in _FIGURE.finditer(text) for piece in _own_scales(m.group(0))]


def _largest_scale(words: str) -> float:
    return max((scale_word(w) for w in re.split(r"[\s-]+", words)), default=1.0)


def _own_scales(figure: str) -> list[str]:
    """The run split at each "and" whose next words carry as their largest scale the
    one before it: "one hundred and two hundred" is two figures (100, 200), "two
    thousand and three thousand" too; no one number repeats a scale so. A smaller scale
    ends the number ("two million and three hundred thousand") and a larger one
    multiplies the whole ("one hundred and twenty thousand", 120,000): both stay one
    (review s43/1 M1)."""
    pieces, start = [], 0
    for joint in _AND.finditer(figure):
        before = figure[start : joint.start()].split()
        after = figure[joint.end() :]
        nxt = _AND.search(after)
        following = after[: nxt.start()] if nxt else after
        if before and _largest_scale(following) == scale_word(before[-1]) > 1.0:
            pieces.append(figure[start : joint.start()])
            start = joint.end()
    return [*pieces, figure[start:]]


def _value(figure: str) -> float | str:
    """The figure's value ("twenty-five" 25, "2 million" 2e6), its text where no reader
    gives one."""
    words = figure.casefold().split()
    if figure[0].isdigit():
        try:
            digits = parse_digits(words[0]) * math.prod(scale_word(w) for w in words[1:])
        except ValueError:
            return figure.casefold()
        return round(digits, 6)
    # "hundreds" is vague (at least 200); "two hundred" a number
    value = parse_vague(figure) if len(words) == 1 else None
    if value is None:
        value = parse_words(figure)
    return figure.casefold() if value is None else round(value, 6)
