"""Ordinals that count: "a ninth term", "her 14th album", "a fourth straight win".

An ordinal after "a", "an" or a possessive tells how many of a thing there have been
("elected to a ninth term": nine terms), which outlets report and may disagree on
("an eighth term" / "a ninth term"). :func:`extract_ordinals` reads them as
:class:`~newsprism.model.Quantity` records: the ordinal's value, no unit, about the noun
lemma with " (ordinal)" (a rank is another measure than a count: "a ninth term" is
no "nine terms" said otherwise, and facts compare it only with other ranks).

Left out, as they count nothing an outlet reports: "first" and "second" (idiom more
often than count: "a second look"), ordinals after "the" ("the third day of"), of
time nouns ("her sixth day"), of names ("his Sixth Amendment right": the noun is a
proper noun, capitalised, or a compound's modifier), and "a third" where it is a
fraction (read before this).
"""

from __future__ import annotations

import logging
import re
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.non_quantities import SP, ParsedText, word_set
from newsprism.model import Quantity

__all__ = ["extract_ordinals"]

logger = logging.getLogger(__name__)

_ORDINAL_WORDS: Final = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20,
}  # fmt: skip
_ORDINAL: Final = re.compile(
    rf"\b(?P<det>an?|his|her|its|their|our|my|your){SP}+"
    rf"(?P<ord>{'|'.join(_ORDINAL_WORDS)}|(?P<num>\d{{1,3}})(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
# Words between the ordinal and its noun that keep the count: "a fourth straight win".
_BETWEEN: Final = word_set("straight consecutive successive full")
# Nouns of time an ordinal dates rather than counts ("her sixth day", "a 10th year").
_TIME_NOUNS: Final = word_set(
    "second minute hour day night week weekend month year decade century quarter half "
    "season round time"
)
_RANK: Final = " (ordinal)"


def extract_ordinals(ctx: ParsedText) -> list[Quantity]:
    """Every counting ordinal of the parsed text (see the module docstring), in order."""
    found = []
    for m in _ORDINAL.finditer(ctx.text):
        word = m["ord"]
        if word[:1].isupper() and not word[:1].isdigit():
            continue  # "his Sixth Amendment right": a name
        value = int(m["num"]) if m["num"] else _ORDINAL_WORDS[word.lower()]
        if value < 3:
            continue
        noun = _counted(ctx, m.end("ord"))
        if noun is None:
            continue
        start = m.start("ord")
        end = noun.idx + len(noun)
        about = noun.lemma_.lower() + _RANK
        found.append(Quantity(float(value), None, ctx.text[start:end], start, end, None, about))
    return found


def _counted(ctx: ParsedText, after: int) -> Token | None:
    """The common noun the ordinal ranks, past "straight" and the like; else None."""
    token = ctx.token_from(after)
    while token is not None and token.lower_ in _BETWEEN and token.i + 1 < len(ctx.doc):
        token = ctx.doc[token.i + 1]
    if token is None or token.pos_ != "NOUN" or not token.text.isalpha():
        return None
    if token.text[:1].isupper() or token.lemma_.lower() in _TIME_NOUNS:
        return None
    # A noun that modifies another names something: "his 6th amendment right".
    return None if token.dep_ == "compound" else token
