"""Ages bounded after a word of people: "one woman under 40", "voters over 65",
"children under five", "those over 18 can vote".

A bound and a bare number right after a word of people, with nothing the number could
count after it, bound the people's age: "under 40" there is under 40 years of age, no
count of 40 people (stop 39's finding: such a bound was read as a count of under 40).
Such an age is of no one person, as "aged under 30" is
(:mod:`newsprism.analyze.ages`). A noun after the number makes it a count again ("people
over 30 countries"), and a unit or scale never reaches here ("under 30 percent").
"""

from __future__ import annotations

import logging
import re
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.non_quantities import ParsedText, word_set
from newsprism.analyze.numbers import Amount
from newsprism.analyze.person_nouns import names_person
from newsprism.analyze.written_forms import SP

__all__ = ["is_age_bound"]

logger = logging.getLogger(__name__)

_BOUND: Final = re.compile(rf"(?:under|over|above|below){SP}+", re.IGNORECASE)
# Words of people a bound on their age follows, besides the person nouns. Written from
# stop 39's finding (a bound after "person") and read on the readings over the 1,221
# shared English texts (BASIL, Multi-News, ECB+): 7 bounds, 1 of them a count.
_PEOPLE: Final = word_set(
    "people persons person adults adult kids kid children child youths youth teens "
    "teenagers men women boys girls those anyone anybody everyone everybody someone "
    "somebody nobody individuals individual residents citizens voters patients "
    "players applicants participants respondents"
)
# A word of people that "with" governs tells what a body has ("firms with employees
# under 20", "clubs with members over 50"), a count; the age reading needs people named
# for themselves ("drivers over 70 must renew", "workers over 60 may retire": ages; a
# list of headcount nouns refused everywhere lost those, stop 40 review 3).
_HAS: Final = word_set("with without")
# Parts of speech after the number that end the phrase: the number counts nothing.
_ENDS: Final = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "ADV", "PART", "PUNCT"})
_RELATIVES: Final = word_set("who that which")
_OLDEST: Final = 120  # ages as ages.py reads them: 1 to 119 whole years


def is_age_bound(amount: Amount, ctx: ParsedText) -> bool:
    """Whether ``amount`` ("under 30") bounds the age of the people named right before it
    ("one woman under 40 was hired")."""
    if amount.form not in {"digits", "words"} or amount.scale != 1.0:
        return False
    if not (amount.value.is_integer() and 0 < amount.value < _OLDEST):
        return False
    if not _BOUND.fullmatch(ctx.text, amount.start, amount.num_start):
        return False
    bound = ctx.token_at(amount.start)
    if bound is None or bound.i == 0 or not _names_people(bound.nbor(-1)):
        return False
    after = ctx.token_from(amount.num_end)
    if after is None or after.lower_ in _RELATIVES:
        return True
    return after.pos_ in _ENDS and after.lower_ != "of"


def _names_people(token: Token) -> bool:
    """A word of people: "people", "those", "voters", a person noun, or a plural
    nationality ("Americans")."""
    if token.dep_ == "pobj" and token.head.lower_ in _HAS:
        return False
    if token.lower_ in _PEOPLE:
        return True
    if token.ent_type_ == "NORP" and token.tag_ in {"NNS", "NNPS"}:
        return True
    return token.pos_ == "NOUN" and names_person(token)
