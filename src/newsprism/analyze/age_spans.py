"""Spans of ages: "between the ages of 12 and 13", "from the ages of 5 to 12", "ages
18-25", "ranged in age from 18 to 25".

The figures of such a span are years of age, said of no one person (like "aged between
12 and 13", which :mod:`newsprism.analyze.ages` reads); read as bare counts they were a
count of nothing ("13"). :mod:`newsprism.analyze.numbers` joins the two ends into a
range (its "between" may stand before "the ages of"); :func:`in_ages_of` tells
:mod:`newsprism.analyze.quantities` that either end is an age.
"""

from __future__ import annotations

import logging
import re
from typing import Final

from newsprism.analyze.numbers import Amount
from newsprism.analyze.written_forms import SP

__all__ = ["in_ages_of"]

logger = logging.getLogger(__name__)

# What opens a span of ages before its first end: "between (or from) the ages of", a
# bare "ages" ("volunteers, ages 18-25"; "ages between 18 and 25"), "in age from" or
# "in age between" ("ranged in age from 18 to 25"), "ages ranging from". Then, before a
# later end, the ends before it: "12 and ", "six to ", "18-", "5, 7 and ".
_END: Final = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)"
_JOINT: Final = rf"(?:{SP}*[-–]{SP}*|{SP}+(?:and|to|or|through){SP}+|,{SP}*)"
_AGES_OF: Final = re.compile(
    rf"(?:\b(?:between|from){SP}+the{SP}+ages{SP}+of"
    rf"|\bages(?:{SP}+(?P<of>of)|{SP}+(?:between|from|rang(?:e|es|ed|ing){SP}+from))?"
    rf"|\bin{SP}+age{SP}+(?:from|between)){SP}+(?P<ends>(?:{_END}{_JOINT})*)$",
    re.IGNORECASE,
)
# After a bare "ages of" the first figure is an age only where a span goes on ("the ages
# of 12 and 13") or no counted noun follows it ("the ages of 12, 14"): in "gave the ages
# of 12 victims" the figure counts the victims.
_SPAN_GOES_ON: Final = re.compile(rf"{_JOINT}{_END}\b|{SP}*(?:[^\w\s]|$)|{SP}+years\b")
# The widest lead the pattern reads: "between the ages of 100 and " with spare spaces,
# or a short list of ends.
_WINDOW: Final = 48
# People's ages, as ages.py reads them (1 to 119, whole years), in figures or words.
_OLDEST: Final = 120


def in_ages_of(amount: Amount, text: str) -> bool:
    """Whether a bare number is an end of a span of ages ("between the ages of 12 and
    13", "between the ages of six and 10", "ages 18-25", "in age from 18 to 25"; stop
    39's finding: read as a range with no counted noun, such ends were no quantity)."""
    if amount.form not in {"digits", "words"} or not amount.value.is_integer():
        return False
    if not 0 < amount.value < _OLDEST or amount.start != amount.num_start:
        return False
    lead = _AGES_OF.search(text, max(0, amount.start - _WINDOW), amount.start)
    if lead is None:
        return False
    if lead["of"] is None or lead["ends"]:
        return True
    return _SPAN_GOES_ON.match(text, amount.end) is not None
