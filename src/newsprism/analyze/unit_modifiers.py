"""A unit read through the words between a figure and its unit noun: "three more years",
"120 rushing yards", "two full days", "3 additional weeks".

:func:`~newsprism.analyze.numbers.read_amounts` takes a unit only when it follows the
figure at once, so a modifier in between left a count of the unit noun ("3 more years":
a count of 3 about "year"), which no duration compares with: "served three more years"
never met "served 3 years". Here the parse decides: the counted noun is a unit of a
physical kind (a duration, length, mass, area or speed) and every word between is a
modifier that keeps the unit's meaning.

Kept out:

* a noun between, which makes another unit or no unit at all: "4 light years" (a
  distance), "50,000 air miles" and "frequent flier miles" (points), "200 man hours"
  (effort), "5 board feet"; a few adjectives do the same ("5 cubic feet" is a volume),
  listed in :data:`_CHANGES_THE_UNIT`;
* money ("30 Canadian dollars" is no US dollar sum) and shares: a word before their unit
  names the currency or the base;
* abbreviations a word could be ("m", "ha"), figures, punctuation and conjunctions
  between ("six or seven years" is two figures);
* a unit noun that does not agree with the figure ("two last week", "five working hour
  or so days": a singular after a figure above one is not what the figure measures),
  and a deictic word between ("last", "next": the noun is a time of its own).

A gerund between ("120 rushing yards", "300 passing yards") names which of a game's
measures the figure is: the quantity is about that word, so rushing and passing yards
are never one fact. An adjective in -ing ("26 grueling miles", "three exhausting days")
only colours the unit: the parse tags it an adjective, and the quantity is about what
the parse gives a plain unit (the verb or subject), as "3 years" is; so is it after a
degree word ("full", "straight").

A word of increment ("3 more years", "300 extra miles", "10 fewer minutes") makes the
figure a change on a total the text need not give: "must serve 3 more years" and
another outlet's "must serve 5 years" are no two readings of one figure. The unit
stays (two outlets' increments compare), but the quantity is about the increment word,
so it never joins a total. The other word orders ("another 3 years", "200 kilometres
more") are :mod:`newsprism.analyze.increments`'.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.increments import increment_about
from newsprism.analyze.non_quantities import word_set
from newsprism.analyze.numbers import Amount
from newsprism.analyze.units import UNITS, Unit

__all__ = ["ThroughModifiers", "unit_through_modifiers"]

logger = logging.getLogger(__name__)

#: The kinds a modifier may stand before: their unit word names the unit alone.
_KINDS: Final = frozenset({"time", "length", "mass", "area", "speed"})
#: Unit words that are also common short words or symbols ("ha"), never read here.
_TOO_SHORT: Final = 2
#: The most words read between a figure and its unit ("120 total rushing yards").
_MOST_MODIFIERS: Final = 3
#: Modifiers that turn the unit into another measure ("cubic feet": a volume; "light
#: years": a distance; "square" and "nautical" are read with their unit by numbers.py).
_CHANGES_THE_UNIT: Final = word_set("light cubic square nautical statute solar lunar dog")
#: Words that make the unit noun a time of its own ("two last week", "5 this year"): the
#: figure belongs to what comes before, not to the unit.
_DEICTIC: Final = word_set("last next past this that coming same")
#: Words that make the figure a change on a total ("3 more years", "10 fewer minutes").
_INCREMENT: Final = word_set("more additional extra another fewer less further")
_MODIFIER_POS: Final = frozenset({"ADJ", "ADV", "VERB"})
#: Tags of an -ing word that names a measure ("rushing", "passing"); an -ing word tagged
#: an adjective (ADJ, JJ: "grueling") only describes the unit.
_GERUND_TAGS: Final = frozenset({"VBG", "NN"})
_GERUND: Final = re.compile(r"[a-z]{3,}ing", re.IGNORECASE)
_UNIT_WORD: Final = [
    (re.compile(rf"(?:{u.pattern})", re.IGNORECASE), u) for u in UNITS if u.kind in _KINDS
]


@dataclass(frozen=True, slots=True)
class ThroughModifiers:
    """The amount with the unit read through its modifiers, and the word the quantity is
    about instead of the plain unit's: a word of increment ("more") or the gerund naming
    which measure it is ("rushing"), if one stands between."""

    amount: Amount
    named_by: Token | None

    @property
    def about(self) -> str | None:
        """The word the quantity is about: one word for every increment that adds
        (:func:`~newsprism.analyze.increments.increment_about`), else the gerund."""
        return None if self.named_by is None else increment_about(self.named_by.lower_)


def unit_through_modifiers(amount: Amount, first: Token | None) -> ThroughModifiers | None:
    """``amount`` (a bare count) measured in the unit the noun after it names, when only
    modifiers that keep the unit's meaning stand between them; None otherwise. ``first``
    is the first token starting at or after the amount's end."""
    if amount.kind != "count" or amount.unit is not None or amount.joined:
        return None
    if amount.noun_from is not None or amount.form not in {"digits", "words"}:
        return None
    between = _modifiers_after(first, amount.end)
    if not between or between[-1].i + 1 >= len(doc := between[-1].doc):
        return None
    unit = _unit_of(noun := doc[between[-1].i + 1])
    if unit is None or not (amount.value == 1 or _plural(noun)):
        return None  # "shooting follows two last week": the figure is not the unit's
    measured = replace(
        amount, end=noun.idx + len(noun), value=amount.value * unit.factor, kind=unit.kind,
        unit=unit.unit,
    )  # fmt: skip
    named_by = _named_by(between)
    logger.debug("unit %s read through %d modifiers", unit.unit, len(between))
    return ThroughModifiers(measured, named_by)


def _named_by(between: list[Token]) -> Token | None:
    """The word among ``between`` the figure is about: an increment first (a change is
    never a total, whatever it measures), else a gerund that names the measure."""
    increment = next((t for t in between if t.lower_ in _INCREMENT), None)
    return increment or next((t for t in between if _names_a_measure(t)), None)


def _names_a_measure(token: Token) -> bool:
    """Whether ``token`` is a gerund naming a measure ("rushing yards"), not an adjective
    in -ing describing the unit ("grueling miles")."""
    if not _GERUND.fullmatch(token.text) or token.pos_ == "ADJ":
        return False
    return token.tag_ in _GERUND_TAGS or token.pos_ == "NOUN"


def _modifiers_after(first: Token | None, end: int) -> list[Token]:
    """The modifiers (at most :data:`_MOST_MODIFIERS`) from ``first``, the token after a
    figure ending at ``end``; empty when a non-modifier comes first."""
    if first is None or first.idx == end:
        return []  # glued on ("12-point"): numbers.py's reading stands
    found: list[Token] = []
    for token in first.doc[first.i : first.i + _MOST_MODIFIERS + 1]:
        if not _keeps_the_unit(token) or _unit_of(token) is not None:
            break
        found.append(token)
    return found if len(found) <= _MOST_MODIFIERS else []


def _keeps_the_unit(token: Token) -> bool:
    """Whether ``token`` may stand between a figure and its unit: a degree word, an
    adjective or a gerund that leaves the unit what it is."""
    if token.lower_ in _CHANGES_THE_UNIT or token.lower_ in _DEICTIC:
        return False
    if _GERUND.fullmatch(token.text):
        return token.pos_ in _MODIFIER_POS | {"NOUN"}  # taggers call "rushing" either
    return token.pos_ in _MODIFIER_POS and token.text.isalpha()


def _plural(noun: Token) -> bool:
    """Whether the unit noun is plural ("years", "feet"), as a figure above one needs."""
    return noun.tag_ in {"NNS", "NNPS"} or noun.lower_ != noun.lemma_.lower()


def _unit_of(noun: Token) -> Unit | None:
    if len(noun.text) <= _TOO_SHORT and noun.lower_ != "km":
        return None
    return next((u for pattern, u in _UNIT_WORD if pattern.fullmatch(noun.text)), None)
