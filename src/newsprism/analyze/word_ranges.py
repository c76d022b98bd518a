"""Ranges written in number words after "between": "between two hundred and three
thousand people" is 200 to 3,000, never the one number 203,000.

The number reader joins "hundred and three thousand" as one number, as it must in "two
hundred and three thousand people" standing alone (203,000). After "between" the "and"
is the range's: a second end must follow, and none does. As with figures ("between 200
and 3,000", which the reader already joins as a range), the words are cut at the "and"
whose second part is the larger: an ascending range, as ranges are written. Where no
such cut exists ("between one hundred and fifty and two hundred": the first "and" is the
number's own, and the range's "and" follows it) the words stay one number.
"""

from __future__ import annotations

import logging
import re
from typing import Final

from newsprism.analyze.number_words import parse_words
from newsprism.analyze.written_forms import SP

__all__ = ["BETWEEN_LEAD", "BETWEEN_WINDOW", "between_cut"]

logger = logging.getLogger(__name__)

# What opens a range before its first end: "between 2 and 3", "from 2 to 3", and a span
# of ages ("between the ages of 12 and 13": age_spans.py); the number reader's too.
BETWEEN_LEAD: Final = re.compile(
    rf"\b(?P<word>between|from)(?:{SP}+the{SP}+ages{SP}+of)?{SP}+$", re.IGNORECASE
)
BETWEEN_WINDOW: Final = 28  # "between the ages of " with spare spaces
_AND: Final = re.compile(rf"{SP}+and{SP}+|-and-", re.IGNORECASE)


def between_cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the number words at ``start``..``end`` split into the two ends of a range
    after "between": the end of the first end and the start of the second (offsets into
    ``text``); None where they are no range or one number."""
    lead = BETWEEN_LEAD.search(text, max(0, start - BETWEEN_WINDOW), start)
    if lead is None or lead["word"].lower() != "between":
        return None
    if _AND.match(text, end) is not None:
        return None  # the range's own "and" follows: "between two hundred and ten and 300"
    words = text[start:end]
    for joint in _AND.finditer(words):
        first, second = parse_words(words[: joint.start()]), parse_words(words[joint.end() :])
        if first is not None and second is not None and 0 < first < second:
            return start + joint.start(), start + joint.end()
    return None
