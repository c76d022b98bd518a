"""Increments written around a measure: "another 3 years", "an additional 40 miles", "a
further $2 million", "200 kilometres more", "two years more".

:mod:`newsprism.analyze.unit_modifiers` reads a word of increment standing between a
figure and its unit ("3 more years"): the quantity keeps its unit but is about that
word, so a change never joins a total ("must serve another 3 years" and another
outlet's "must serve 5 years" are no two readings of one figure; before this module
they were one fact, 'differ' 3/5). English puts the same word on either side of the
measure too; here those word orders get the same reading:

* before the figure: "another", "an additional", "an extra", "a further", "additional",
  "extra" ("one another" is no increment; a bare "further" is too often an adverb of
  distance, "further 10 km north", and is left);
* after the unit: "more", "less", "extra", when nothing the word could qualify follows
  it ("3 km more scenic" and "in 5 years more people" are no increments: an adjective,
  adverb, noun or figure after the word takes it), and not in "more or less" (about).

A sum followed by what it is for or from ("another $2 million on piers", "a further
$2.8 million from his stake") keeps that: it tells two sums of one sentence apart and
meets another outlet's plain "$2.8 million from his stake".

Only measures (a quantity with a unit: durations, lengths, sums, shares, ...) are read
here, as in unit_modifiers; a count ("another 300 people") keeps its counted noun. A
measure hyphenated to a noun describes that noun ("another three-year term", "another
12-year-old"): the word before counts terms or people, not years, and is left.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.written_forms import SP
from newsprism.model import Quantity

__all__ = ["as_increment", "increment_about"]

logger = logging.getLogger(__name__)

_BEFORE: Final = re.compile(
    rf"(?<![\w-])(?<!\bone{SP})(?P<word>another|(?:an?{SP}+)?(?:additional|extra)"
    rf"|an?{SP}+further){SP}+$",
    re.IGNORECASE,
)
_AFTER: Final = re.compile(rf"{SP}+(?P<word>more|less|extra)\b(?!{SP}+or\b)", re.IGNORECASE)
#: Parts of speech of a word after "more" that leave it an increment of the measure
#: before it: punctuation, a preposition, a verb, a conjunction ("200 km more to the
#: border", "two years more, officials said", "an hour more than planned").
_ENDS_IT: Final = frozenset({"PUNCT", "ADP", "VERB", "AUX", "SCONJ", "CCONJ", "PART"})
#: A sum's unit (an ISO 4217 code) and the prepositions after it that say what the sum
#: is for or from: they name it better than the increment word does ("a further $2.8
#: million from his stake" meets another outlet's "$2.8 million from his stake"), as
#: quantities.py reads them.
_CURRENCY: Final = re.compile(r"[A-Z]{3}")
_SUM_FOR: Final = re.compile(rf"{SP}+(?:in|on|for|to|from)\b", re.IGNORECASE)
#: One about-word for every word that adds: "an additional 3 years" and another
#: outlet's "5 more years" are two readings of one increment; "less"/"fewer" take away,
#: apart from them.
_INCREMENT_ABOUT: Final = {
    **dict.fromkeys(("another", "additional", "extra", "further"), "more"),
    "fewer": "less",
}
#: Units that are no measure an increment can add to.
_NOT_MEASURES: Final = frozenset({"magnitude"})


def as_increment(quantity: Quantity, doc: Doc) -> Quantity:
    """``quantity`` about its word of increment when one stands just before its figure or
    just after its unit; else unchanged."""
    if quantity.unit is None or quantity.unit in _NOT_MEASURES or "-" in quantity.text:
        return quantity  # "another three-year term", "another 12-year-old": the noun's
    text = doc.text
    if _CURRENCY.fullmatch(quantity.unit) and _SUM_FOR.match(text, quantity.end):
        return quantity  # "a further $2.8 million from his stake": about the stake
    before = _BEFORE.search(text, max(0, quantity.start - 20), quantity.start)
    word = before["word"].split()[-1] if before is not None else _word_after(quantity, doc)
    if word is None:
        return quantity
    logger.debug("increment %r on %r", word, quantity.text)
    return replace(quantity, about=increment_about(word))


def increment_about(word: str) -> str:
    """The about-word of a word of increment, whichever side of the measure: "more" for a
    word that adds ("another", "an additional", "extra", "further"), "less" for one that
    takes away ("fewer")."""
    lowered = word.lower()
    return _INCREMENT_ABOUT.get(lowered, lowered)


def _word_after(quantity: Quantity, doc: Doc) -> str | None:
    """The increment word just after the quantity's unit, if nothing it qualifies follows."""
    after = _AFTER.match(doc.text, quantity.end)
    if after is None:
        return None
    word = doc.char_span(after.start("word"), after.end("word"))
    if word is None:
        return None
    nxt = _next(word.root)
    return after["word"] if nxt is None or nxt.pos_ in _ENDS_IT else None


def _next(token: Token) -> Token | None:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
