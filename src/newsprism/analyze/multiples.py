"""A multiple: "five times faster", "more than five times the usual dose", "ten times
as costly", "40 times the size of the old port".

The count of such "times" is a factor, no count of occasions ("fired three times"):
:mod:`newsprism.analyze.quantities` keys it "time (multiple)", so a multiple and a count
of occasions in one story never meet as one measure (a false "numbers differ").
"""

from __future__ import annotations

import logging
import re
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.written_forms import SP

__all__ = ["multiple_of"]

logger = logging.getLogger(__name__)

# "five times faster", "more than five times the usual dose", "ten times as costly": a
# multiple, no count of occasions ("fired three times"). Stop 40 audit: 20 of the 106
# readings about "time" over the shared texts (2 of 200 in the seed-40213 sample); one
# key for both let a multiple and a count of occasions of one story differ.
# "the" of a time ("five times the next day") opens no multiplied amount.
_WHEN_AFTER_THE: Final = (
    "night|day|week|month|year|following|next|last|same|previous|first|second|season"
    "|morning|evening|afternoon"
)
# Comparatives a multiple is told with, "than" written or not ("five times faster").
_COMPARATIVES: Final = (
    "faster|slower|higher|lower|larger|smaller|greater|bigger|longer|shorter|stronger"
    "|weaker|heavier|lighter|cheaper|costlier|deadlier|likelier|worse|better"
)
_MULTIPLE_AFTER: Final = re.compile(
    rf"{SP}+(?:more|less|fewer|as|the(?!{SP}+(?:{_WHEN_AFTER_THE})\b)|{_COMPARATIVES}"
    rf"|[a-z]+er{SP}+than)\b",
    re.IGNORECASE,
)
_MULTIPLE: Final = "time (multiple)"


def multiple_of(noun: Token, text: str) -> str | None:
    """ "time (multiple)" where the counted "times" multiplies what follows; else None."""
    if noun.lower_ != "times":
        return None
    return _MULTIPLE if _MULTIPLE_AFTER.match(text, noun.idx + len(noun)) else None
