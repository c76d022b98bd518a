"""Days a text names as recurring, not as one day: "every Sunday", "each Monday".

A weekday after "every" or "each" ("goes to church every Sunday", "every other Friday")
names a habit, no day of the story; read as one day it was resolved to the Sunday nearest
the publication (stop 42's readings audit), a date two outlets could then disagree on.
"""

from __future__ import annotations

import logging
import re
from typing import Final

__all__ = ["is_recurring"]

logger = logging.getLogger(__name__)

# "every", "each", "every other", "every single" right before the day's name.
_EVERY_BEFORE: Final = re.compile(
    r"\b(?:every|each)(?:\s+(?:other|single|second))?\s+$", re.IGNORECASE
)
_LOOK_BACK: Final = 24


# "each" after a sum of money ("fined 500 euros each", "paid $200 each") shares the sum
# out over the people; the day after it is a date, not a habit (review s43/4 M1 on
# 7828d14: "fined 500 euros each Monday" lost its Monday). Only money: after a clock
# figure ("sails at 10 each Monday") or a count of things run or collected ("runs two
# ferries each Monday") "each" still names the habit (review s43i S7 on 3f0394c).
_AMOUNT_EACH: Final = re.compile(
    r"(?:[$\u20ac\u00a3]\s?\d[\d,.]*(?:\s+(?:million|billion|thousand|m|bn|k))?"
    r"|\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty"
    r"|fifty|hundred|thousand|million)(?:\s+(?:million|billion|thousand))?\s+"
    r"(?:euros?|dollars?|pounds?|pence|cents?|francs?|yen|yuan|rupees?|crowns?|kronor"
    r"|kroner|rubles?|roubles?|pesos?|lira|lire))\s+each\s+$",
    re.IGNORECASE,
)
_AMOUNT_LOOK_BACK: Final = 60


def is_recurring(text: str, start: int) -> bool:
    """Whether the day named at ``start`` of ``text`` follows "every" or "each", and an
    "each" there is no amount's ("500 euros each")."""
    if _EVERY_BEFORE.search(text, max(0, start - _LOOK_BACK), start) is None:
        return False
    return _AMOUNT_EACH.search(text, max(0, start - _AMOUNT_LOOK_BACK), start) is None
