"""A year that names the price level sums are given in: "$76 million (in 2006 dollars)",
"measured in constant 1990 euros". The year is the base of the conversion, never a sum
of 2,006 dollars, which :func:`~newsprism.analyze.numbers.read_amounts` reads from the
figure and the currency word after it.

A year-shaped figure (:data:`_YEARS`) with a currency word after it and "in" (with
"constant", "real" or "inflation-adjusted" between, or none) before it is a price base:
no quantity. A sum with a sign ("in $2006"), a scale ("in 2006 million dollars" does not
occur) or another preposition ("paid 2006 dollars") is read as before.
"""

from __future__ import annotations

import logging
import re
from typing import Final

from newsprism.analyze.numbers import Amount
from newsprism.analyze.written_forms import SP

__all__ = ["names_a_price_base"]

logger = logging.getLogger(__name__)

#: The years a price base is given in: the modern statistics news quotes.
_YEARS: Final = range(1900, 2100)
_BASE_BEFORE: Final = re.compile(
    rf"\bin{SP}+(?:(?:constant|real|inflation{SP}?-?{SP}?adjusted|today's){SP}+)?$",
    re.IGNORECASE,
)
_LOOK_BACK: Final = 40


def names_a_price_base(amount: Amount, text: str) -> bool:
    """Whether ``amount`` is the year of "in 2006 dollars": a price base, no sum."""
    if amount.kind != "money" or amount.form != "digits" or amount.scale != 1.0:
        return False
    written = text[amount.num_start : amount.num_end]
    if not written.isdigit() or int(written) not in _YEARS or amount.start != amount.num_start:
        return False  # a sign before it ("$2006") makes it a sum
    base = _BASE_BEFORE.search(text, max(0, amount.start - _LOOK_BACK), amount.start)
    if base is not None:
        logger.debug("price base year %s", written)
    return base is not None
