"""Spans of ages: "between the ages of 12 and 13", "from the ages of 5 to 12".

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

# "between the ages of " before the first end, and "12 and " or "six to " before the
# second.
_AGES_OF: Final = re.compile(
    rf"\b(?:between|from){SP}+the{SP}+ages{SP}+of{SP}+"
    rf"(?:(?:\d{{1,3}}|[a-z]+(?:-[a-z]+)?){SP}+(?:and|to){SP}+)?$",
    re.IGNORECASE,
)
# The widest lead the pattern reads: "between the ages of 100 and " with spare spaces.
_WINDOW: Final = 40
# People's ages, as ages.py reads them (1 to 119, whole years), in figures or words.
_OLDEST: Final = 120


def in_ages_of(amount: Amount, text: str) -> bool:
    """Whether a bare number is an end of a span of ages ("between the ages of 12 and
    13", "between the ages of six and 10")."""
    if amount.form not in {"digits", "words"} or not amount.value.is_integer():
        return False
    if not 0 < amount.value < _OLDEST or amount.start != amount.num_start:
        return False
    return _AGES_OF.search(text, max(0, amount.start - _WINDOW), amount.start) is not None
