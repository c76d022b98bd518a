""" "Pounds" read as a weight where the sentence names no weight word but the shape does.

A "pound" without the "£" sign is money or a weight. The quantities module reads it as a
weight where its sentence speaks of weighing or it describes a person in the hyphened
"165-pound" form; these shapes were still read as sterling (stop 42's readings audit and
the GBP readings over the non-blind shared texts, 4 of 26 such weights):

* a singular "pound" after a figure with decimals, before a noun ("a 5.18 pound gold
  nugget"): a sum with pence is written "£5.18", never "5.18 pound <noun>";
* a singular "pound" before a word of a person, unhyphened as the hyphened form ("a
  160 pound teenager");
* "pounds of" a thing in a text that never counts money in sterling (no "£", "pence",
  "sterling": "100,000 pounds of cheese", "18,000 pounds of jet fuel"), unless that
  thing is money ("pounds of funding", "of taxpayers' money").
"""

from __future__ import annotations

import logging
import re
from typing import Final

from spacy.tokens import Doc

from newsprism.analyze.non_quantities import word_set
from newsprism.analyze.numbers import Amount

__all__ = ["weighed_pounds"]

logger = logging.getLogger(__name__)

_SP = r"[ \t\u00a0]"
# A singular "pound" written as a modifier: "5.18 pound gold nugget", "160 pound teenager".
_POUND_MODIFIER: Final = re.compile(rf"{_SP}+pound{_SP}+[a-z]", re.IGNORECASE)
_PERSON_AFTER: Final = re.compile(
    rf"{_SP}+(?:[a-z]+{_SP}+)?(?:man|men|male|woman|women|female|suspect|person|boy|girl|"
    r"teen|teenager|child|baby|player|lineman|linebacker|boxer|fighter|wrestler|athlete)\b",
    re.IGNORECASE,
)
_POUNDS_OF: Final = re.compile(rf"{_SP}+pounds{_SP}+of{_SP}+(\w+)", re.IGNORECASE)
# Things "pounds of" counts as money ("pounds of funding", "of taxpayers' money").
_MONEY_NOUNS: Final = word_set(
    "money cash funding funds investment investments aid spending debt debts revenue "
    "revenues sales profit profits losses savings cuts assets damage damages taxpayers "
    "public sterling bonuses income wages benefits"
)
# A text counts money in sterling: a "£" sign, "pence" or "sterling" anywhere.
_STERLING: Final = re.compile(r"£|\bpence\b|\bsterling\b|\bGBP\b", re.IGNORECASE)


def weighed_pounds(amount: Amount, doc: Doc) -> bool:
    """Whether a "pound(s)" figure with no "£" sign is a weight by its shape (module doc)."""
    text = doc.text
    if "£" in text[amount.start : amount.num_start]:
        return False
    figures = text[amount.num_start : amount.num_end]
    if _POUND_MODIFIER.match(text, amount.num_end):
        return "." in figures or _PERSON_AFTER.match(text, amount.end) is not None
    of = _POUNDS_OF.match(text, amount.num_end)
    if of is None or of.group(1).lower() in _MONEY_NOUNS:
        return False
    return _STERLING.search(text) is None
