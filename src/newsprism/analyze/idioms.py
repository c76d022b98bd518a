"""Fixed expressions whose number is no quantity: "the 800-pound gorilla", "with a
ten-foot pole", "my two cents", "the million-dollar question".

The number reader takes the figure of such a phrase at its word ("800-pound" as 800
pounds sterling or a weight, "ten-foot" as a length, "two cents" as a sum), so an outlet
calling a firm "the 800-pound gorilla" of its market would carry a weight or a sum that
no other outlet gives and that means nothing. :func:`in_an_idiom` tells
:func:`newsprism.analyze.quantities.extract_quantities` to read none there.

The list is small and closed on purpose: each entry is a whole fixed phrase, so its
literal twin stays a quantity ("an 800-pound bear", "a ten-foot wall", "prices rose two
cents", "the fire claimed nine lives"). It began with the one the stop-38 review met
in the shared texts ("800-pound gorilla", ECB+); the others are the English fixed
phrases of the same shape (a figure in a figurative noun phrase) that the reader would
otherwise take as a sum, a length, a weight or a count. A statistic's confidence level
("95% CI") is such a fixed phrase too: the reader would take it for a share; and so is a
place on a football field ("at the 38-yard line"), which it would take for a length.
"""

from __future__ import annotations

import logging
import re
from typing import Final

from newsprism.analyze.written_forms import SP

__all__ = ["in_an_idiom"]

logger = logging.getLogger(__name__)

_J = rf"(?:{SP}*-{SP}*|{SP}+)"  # a hyphen (spaced or not) or a space joins the parts
_IDIOMS: Final = re.compile(
    "|".join(
        (
            # the biggest, unavoidable player ("500-", "800-" or "900-pound")
            rf"\b(?:[589]00|(?:five|eight|nine){_J}hundred){_J}pounds?{_J}gorillas?\b",
            # "wouldn't touch it with a ten-foot pole" (a "ten-foot pole" alone is a pole)
            rf"\bwith{SP}+an?{SP}+(?:ten|10){_J}(?:foot|feet){_J}(?:pole|barge{SP}*pole)\b",
            # one's opinion: "my two cents", "her two cents' worth"
            rf"\b(?:my|his|her|their|our|your){SP}+two{SP}+cents\b",
            rf"\btwo{SP}+cents['’]?{SP}+worth\b",
            # the question everything turns on
            rf"(?:\bmillion|\$64,000|\b64,000){_J}dollars?{_J}questions?\b",
            rf"\$64,000{SP}+questions?\b",
            # a thing too common to count
            rf"\ba{SP}+dime{SP}+a{SP}+dozen\b",
            rf"\bcloud{SP}+(?:nine|9)\b",
            rf"\bworth{SP}+a{SP}+thousand{SP}+words\b",
            # a rare thing or person ("a one-in-a-million chance", "she is one in a million").
            # Stated odds ("the odds are one in a million") are a genuine ratio, 1 in
            # 1,000,000, and the idiom drops them too: the reader's ratio rule does not
            # join "a million" (it would give a count of one and a count of a million, both
            # wrong), so nothing read right is lost (s39 review 2: none in the shared texts).
            rf"\bone{_J}in{_J}a{_J}million\b",
            # a relation that runs both ways; a crude word
            rf"\ba{SP}+two{_J}way{SP}+street\b",
            rf"\bfour{_J}letter{SP}+words?\b",
            # a survivor's luck ("he has nine lives"; "the fire claimed nine lives" counts)
            rf"\b(?:has|have|had|with){SP}+(?:nine|9){SP}+lives\b",
            # a place on a football field ("stopped at the 38-yard line", "from the Orsk
            # 20-yard line"): a position, no distance run (s39 audits: 2 in 300 readings).
            # Up to three words of any case between, as the pattern ignores case: a team's
            # name or a side's word ("the opposing 20-yard line", "the visitors' own 30").
            # "yard line" after the figure is a position however it is introduced.
            rf"\bthe{SP}+(?:[\w.'’]+{SP}+){{0,3}}\d{{1,2}}{_J}yard{_J}line\b",
            # a statistic's confidence level ("95% CI 1.1-1.4"): how sure, not a share of
            # anything the story reports (s39 audit: six in the shared science reports)
            rf"\b\d{{2}}(?:\.\d+)?{SP}*(?:%|per{SP}?cent)"
            rf"{SP}*(?:CI|confidence{SP}+(?:intervals?|levels?|limits?))\b",
        )
    ),
    re.IGNORECASE,
)
# How far an idiom may reach before or after the number in it.
_REACH: Final = 40


def in_an_idiom(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start..end`` of ``text`` is part of a fixed figurative
    phrase (:data:`_IDIOMS`): no quantity."""
    lo = max(0, start - _REACH)
    window = text[lo : end + _REACH]
    for m in _IDIOMS.finditer(window):
        if m.start() + lo < end and start < m.end() + lo:
            logger.debug("idiom %r holds no quantity", m.group())
            return True
    return False
