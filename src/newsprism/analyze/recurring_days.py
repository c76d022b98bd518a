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


def is_recurring(text: str, start: int) -> bool:
    """Whether the day named at ``start`` of ``text`` follows "every" or "each"."""
    return _EVERY_BEFORE.search(text, max(0, start - _LOOK_BACK), start) is not None
