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
# What the word after "times" must be followed by to open a multiplied amount, as the
# parse reads the next word: "ten times as costly / as many", not "12 times as a
# substitute", "four times as mayor" (occasions, and the office held); "five times more
# money / more than / more costly", not "called five times more before the line went dead".
_AFTER_AS: Final = frozenset({"ADJ", "ADV"})
_AFTER_MORE: Final = frozenset({"NOUN", "PROPN", "ADJ", "ADV", "NUM"})
_MORE: Final = frozenset({"more", "less", "fewer"})
# A "the" whose noun is a verb's subject opens a clause, no multiplied amount: "shot
# three times the officer told the court".
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})


def multiple_of(noun: Token, text: str) -> str | None:
    """ "time (multiple)" where the counted "times" multiplies what follows; else None."""
    if noun.lower_ != "times":
        return None
    if not _MULTIPLE_AFTER.match(text, noun.idx + len(noun)):
        return None
    return _MULTIPLE if _opens_amount(noun) else None


def _opens_amount(times: Token) -> bool:
    """Whether the parse lets the word after "times" open a multiplied amount (see
    :data:`_AFTER_AS`): the pattern has matched it."""
    doc = times.doc
    if times.i + 1 >= len(doc):
        return True
    word = doc[times.i + 1]
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if word.lower_ == "as":
        return after is not None and (after.pos_ in _AFTER_AS or after.lower_ in {"many", "much"})
    if word.lower_ in _MORE:
        return after is not None and (after.pos_ in _AFTER_MORE or after.lower_ == "than")
    if word.lower_ == "the":
        return word.head.dep_ not in _SUBJECTS
    return True
