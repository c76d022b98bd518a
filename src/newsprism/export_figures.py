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
import re
from collections.abc import Sequence
from typing import Final

from newsprism.model import Variant

logger = logging.getLogger(__name__)

__all__ = ["figures_by_outlet"]

# A figure as written: digits (with thousands separators or a decimal part), or an
# English number word a wording may use for it instead ("five dead", "a dozen boats").
_NUMBER_WORDS: Final = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion dozen dozens hundreds thousands millions"
)
_FIGURE: Final = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])|\b(?:" + "|".join(_NUMBER_WORDS.split()) + r")\b",
    re.IGNORECASE,
)
# Number words compared by value, so "three" and "3" are one figure.
_VALUES: Final = {
    word: str(value) for value, word in enumerate(_NUMBER_WORDS.split()[:13])
}


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
    seen: set[frozenset[str]] = set()
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


def _figures(text: str) -> list[str]:
    return [m.group(0) for m in _FIGURE.finditer(text)]


def _value(figure: str) -> str:
    word = figure.casefold()
    return _VALUES.get(word, word.replace(",", ""))
