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


# "each" after an amount ("fined 500 euros each", "paid $200 each", "two each")
# distributes the amount over the people; the day after it is a date, not a habit
# (review s43/4 M1 on 7828d14: "fined 500 euros each Monday" lost its Monday).
_AMOUNT_EACH: Final = re.compile(
    r"(?:\d[\d,.]*|[$\u20ac\u00a3]\s?\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight"
    r"|nine|ten|twelve|twenty|fifty|hundred|thousand|million)\b)(?:\s+[a-z]+)?\s+each\s+$",
    re.IGNORECASE,
)
_AMOUNT_LOOK_BACK: Final = 60


def is_recurring(text: str, start: int) -> bool:
    """Whether the day named at ``start`` of ``text`` follows "every" or "each", and an
    "each" there is no amount's ("500 euros each")."""
    if _EVERY_BEFORE.search(text, max(0, start - _LOOK_BACK), start) is None:
        return False
    return _AMOUNT_EACH.search(text, max(0, start - _AMOUNT_LOOK_BACK), start) is None
