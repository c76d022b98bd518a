"""Whose ages: whether two ages keyed by one surname are of two people of it.

Facts key a person's age by the surname (:mod:`newsprism.reconcile.fact_items`' ``person``
and ``kin``); two people of one surname, their full names given, must stay two facts, and
one person's equal age under two forms of a given name one fact
(:func:`~newsprism.reconcile.given_names.one_name`). Moved out of
:mod:`newsprism.reconcile.facts` (s39) to keep that module's size.
"""

from __future__ import annotations

import logging
import math

from newsprism.reconcile.fact_items import Item
from newsprism.reconcile.given_names import one_name

__all__ = ["given_words", "two_people"]

logger = logging.getLogger(__name__)


def two_people(a: Item, b: Item) -> bool:
    """Whether two ages are of two people of one surname: both full names given, each
    with a given name the other lacks (no initial: "Kristian Lund" / "Kristina Lund";
    not "Ana Holt" / "Ana M. Holt" nor "Ana Holt" / "Holt"). Equal ages are one
    person's where no article names both and the given names are one name's forms
    (:func:`~newsprism.reconcile.given_names.one_name`: "Chris" / "Christopher",
    "Bill" / "William", "Benedikt" / "Benedetto", "Karoline" / "Caroline"): s38 found the
    rule's every equal-age split on ECB+ to be one person so spelled, and the short
    forms it asked for before missed them. Siblings "Kristian Lund, 45" / "Kristina
    Lund, 45" or "Teodor" / "Teodora" (a name's male and female forms, whatever the
    nicknames table lists: "Justin" / "Justina", "Alex" / "Alexandra", s39 review) and
    two names unlike ("Katarzyna" / "Teodor") stay two (s37 review H6)."""
    x, y = a.person.split(), b.person.split()
    if len(x) < 2 or len(y) < 2 or x[-1] != y[-1]:
        return False
    mine, theirs = given_words(x) - set(y), given_words(y) - set(x)
    if not mine or not theirs:
        return False
    if not math.isclose(a.quantity.value, b.quantity.value, rel_tol=1e-9):
        return True
    if theirs & a.kin or mine & b.kin:
        return True  # an article names both
    return not any(one_name(m, t) for m in mine for t in theirs)


def given_words(name: list[str]) -> set[str]:
    """The words of a full name before its surname, initials left out."""
    return {w for w in name[:-1] if len(w.rstrip(".")) > 1}
