""" "Pounds" read as a weight where the sentence names no weight word but the shape does.

A "pound" without the "£" sign is money or a weight. The quantities module reads it as a
weight where its sentence speaks of weighing or it describes a person in the hyphened
"165-pound" form; these shapes were still read as sterling (stop 42's readings audit and
the GBP readings over the non-blind shared texts, 4 of 26 such weights):

* a singular "pound" after a figure with decimals and no scale word, before a noun ("a
  3.27 pound silver coin"): a sum with pence is written "£3.27", never "3.27 pound
  <noun>"; "a 1.5 billion pound deal" is money;
* a singular "pound" right before the word of a person it describes, unhyphened as the
  hyphened form ("a 150 pound boxer"), not before a person word that modifies another
  noun ("a 5 pound child ticket");
* "pounds of" a thing, with a figure that has no scale word, in a text that never counts
  money in sterling (no "£", "pence", "sterling": "6,000 pounds of salt"), unless a word
  of that thing's phrase is money ("pounds of new investment", "of lottery funding",
  "of contracts"). A scaled "N million pounds of X" is money in practice (review s43f S3).
"""

from __future__ import annotations

import logging
import re
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.non_quantities import word_set
from newsprism.analyze.numbers import Amount

__all__ = ["weighed_pounds"]

logger = logging.getLogger(__name__)

_SP = r"[ \t\u00a0]"
# A singular "pound" written as a modifier: "3.27 pound silver coin", "150 pound boxer".
_POUND_MODIFIER: Final = re.compile(rf"{_SP}+pound{_SP}+[a-z]", re.IGNORECASE)
_PERSON_AFTER: Final = re.compile(
    rf"{_SP}+(?:man|men|male|woman|women|female|suspect|person|boy|girl|"
    r"teen|teenager|child|baby|player|lineman|linebacker|boxer|fighter|wrestler|athlete)\b",
    re.IGNORECASE,
)
_POUNDS_OF: Final = re.compile(rf"{_SP}+pounds{_SP}+of{_SP}+", re.IGNORECASE)
# Words of a "pounds of" phrase that make it money ("pounds of funding", "of taxpayers'
# money", "of government grants"); read by lemma on the head, its compounds and modifiers.
_MONEY_NOUNS: Final = word_set(
    "money cash funding fund funds investment aid spending debt revenue sale sales profit "
    "loss savings cut asset damage damages taxpayer public sterling bonus income wage "
    "benefit contract tax grant loan fine subsidy donation compensation payment fee "
    "budget capital credit cost pay salary rent bill prize award deal"
)
# A text counts money in sterling: a "£" sign, "pence" or "sterling" anywhere.
_STERLING: Final = re.compile(r"£|\bpence\b|\bsterling\b|\bGBP\b", re.IGNORECASE)


def weighed_pounds(amount: Amount, doc: Doc) -> bool:
    """Whether a "pound(s)" figure with no "£" sign is a weight by its shape (module doc)."""
    text = doc.text
    if "£" in text[amount.start : amount.num_start]:
        return False
    if amount.scale != 1.0:  # "a 1.5 billion pound deal", "40 million pounds of X": money
        return False
    figures = text[amount.num_start : amount.num_end]
    if _POUND_MODIFIER.match(text, amount.num_end):
        return "." in figures or _person_described(amount, doc)
    of = _POUNDS_OF.match(text, amount.num_end)
    if of is None or _money_phrase(doc, of.end()):
        return False
    return _STERLING.search(text) is None


def _person_described(amount: Amount, doc: Doc) -> bool:
    """Whether the word right after "pound" is a person word that heads its phrase ("a 150
    pound boxer"), not one that modifies a later noun ("a 5 pound child ticket")."""
    person = _PERSON_AFTER.match(doc.text, amount.end)
    if person is None:
        return False
    word = doc.char_span(person.end() - len(person.group().strip()), person.end())
    if word is None:
        return False
    token = word[0]
    return token.dep_ not in ("compound", "amod", "nmod") or token.head.i <= token.i


def _money_phrase(doc: Doc, start: int) -> bool:
    """Whether the phrase "of" governs from char ``start`` is money by its head noun or a
    word that builds it ("of new investment", "of government money", "of contracts")."""
    span = doc.char_span(start, len(doc.text), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = _phrase_head(span[0])
    words = [head, *(t for t in head.children if t.i < head.i)]
    return any(_lemma(t) in _MONEY_NOUNS or t.lower_ in _MONEY_NOUNS for t in words)


def _phrase_head(first: Token) -> Token:
    """The noun the phrase opened by ``first`` builds up to: ``first`` climbed through its
    compound and modifier arcs ("new" -> "investment", "government" -> "money")."""
    token = first
    while token.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod", "case") and (
        token.head.i > token.i
    ):
        token = token.head
    return token


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
