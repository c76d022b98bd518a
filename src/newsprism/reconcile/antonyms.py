"""Antonym predicates: verbs and adjectives that deny each other without a "not".

"The ferry passed its last inspection" and "the ferry failed its last inspection" cannot
both be true of one inspection; neither sentence has a negation. The table holds pairs
that contradict whatever their arguments are, as long as the actors are the same (the
callers check that): a pair that is only sometimes opposed ("open"/"close": a shop
opens and closes every day) is left out. Each lemma lists its inflected forms, so the
table works both on parsed lemmas and on raw text.
"""

from __future__ import annotations

import logging
import re
from types import MappingProxyType
from typing import Final

__all__ = ["ANTONYMS", "antonym_clash", "antonym_of", "lemma_of_form", "table_lemmas"]

logger = logging.getLogger(__name__)

# lemma -> its inflected forms (the lemma included).
_FORMS: Final = MappingProxyType(
    {
        "pass": ("pass", "passes", "passed", "passing"),
        "fail": ("fail", "fails", "failed", "failing"),
        "confirm": ("confirm", "confirms", "confirmed", "confirming"),
        "deny": ("deny", "denies", "denied", "denying"),
        "accept": ("accept", "accepts", "accepted", "accepting"),
        "reject": ("reject", "rejects", "rejected", "rejecting"),
        "approve": ("approve", "approves", "approved", "approving"),
        "rise": ("rise", "rises", "rose", "risen", "rising"),
        "fall": ("fall", "falls", "fell", "fallen", "falling"),
        "increase": ("increase", "increases", "increased", "increasing"),
        "decrease": ("decrease", "decreases", "decreased", "decreasing"),
        "win": ("win", "wins", "won", "winning"),
        "lose": ("lose", "loses", "lost", "losing"),
        "acquit": ("acquit", "acquits", "acquitted", "acquitting"),
        "convict": ("convict", "convicts", "convicted", "convicting"),
        "survive": ("survive", "survives", "survived", "surviving"),
        "die": ("die", "dies", "died", "dying"),
        "lift": ("lift", "lifts", "lifted", "lifting"),
        "impose": ("impose", "imposes", "imposed", "imposing"),
        "grant": ("grant", "grants", "granted", "granting"),
        "refuse": ("refuse", "refuses", "refused", "refusing"),
        "admit": ("admit", "admits", "admitted", "admitting"),
        "guilty": ("guilty",),
        "innocent": ("innocent",),
        "support": ("support", "supports", "supported", "supporting"),
        "oppose": ("oppose", "opposes", "opposed", "opposing"),
    }
)

#: Lemma pairs that contradict each other (each listed once; the relation is symmetric).
ANTONYMS: Final = (
    ("pass", "fail"),
    ("confirm", "deny"),
    ("admit", "deny"),
    ("accept", "reject"),
    ("approve", "reject"),
    ("rise", "fall"),
    ("increase", "decrease"),
    ("increase", "fall"),
    ("rise", "decrease"),
    ("win", "lose"),
    ("acquit", "convict"),
    ("survive", "die"),
    ("lift", "impose"),
    ("grant", "refuse"),
    ("grant", "deny"),
    ("accept", "refuse"),
    ("guilty", "innocent"),
    ("support", "oppose"),
)

_OPPOSITE: Final[dict[str, frozenset[str]]] = {}
for _a, _b in ANTONYMS:
    _OPPOSITE[_a] = _OPPOSITE.get(_a, frozenset()) | {_b}
    _OPPOSITE[_b] = _OPPOSITE.get(_b, frozenset()) | {_a}
_LEMMA_OF: Final = {form: lemma for lemma, forms in _FORMS.items() for form in forms}
_WORD = re.compile(r"[^\W\d_]+")


def antonym_of(lemma: str) -> frozenset[str]:
    """The lemmas that contradict ``lemma`` (empty when it has none in the table)."""
    return _OPPOSITE.get(lemma.casefold(), frozenset())


def lemma_of_form(word: str) -> str | None:
    """The table's lemma of an inflected form ("rose" -> "rise"), or None."""
    return _LEMMA_OF.get(word.casefold())


def table_lemmas(text: str) -> set[str]:
    """The table's lemmas of the words in ``text`` ("prices rose" -> {"rise"})."""
    return {lemma for w in _WORD.findall(text) if (lemma := lemma_of_form(w)) is not None}


def antonym_clash(a: str, b: str) -> bool:
    """Whether one text uses a predicate whose antonym the other uses, and neither uses
    both ("prices rose, then fell" against "prices fell" is no clash)."""
    left, right = table_lemmas(a), table_lemmas(b)
    return any(antonym_of(lemma) & (right - left) for lemma in left - right)
