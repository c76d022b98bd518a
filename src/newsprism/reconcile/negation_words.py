"""Word tests the negation rules share: one stem test for deeds and the words that say a
deed's kind, and the verbs of causing whose "no" object is the deed denied.

:mod:`~newsprism.reconcile.negation_scope` (which deed a denial denies) and
:mod:`~newsprism.reconcile.negation_bearers` (whom and where it denies it of) once kept a
stem test each ("injure" / "injury" met only in the first, "mild" / "mildly" only in the
second) and a causing-verb list each ("produce" left in one after the other dropped it,
review s42/2 M9). One list and one test here keep the two readings of a denial alike.
"""

from __future__ import annotations

import logging
from typing import Final

__all__ = ["CAUSING_VERBS", "same_stem"]

logger = logging.getLogger(__name__)

#: Verbs of causing whose object names the deed they bring about ("caused no damage",
#: "inflicted no casualties"). Not "produce": its object is a product or a change of
#: state ("produced no change at the plant"), no deed (review s42/2 M9).
CAUSING_VERBS: Final = frozenset({"cause", "inflict"})
#: Shortest stem two related words must share (calibrated on invented pairs:
#: "injur-e/-y", "arrest", "resum-e/-ption"; four letters joined "stat-ion/-e").
_MIN_STEM: Final = 5
#: Shortest adjective whose "-ly" adverb is read as its form ("mild" / "mildly",
#: "heavy" / "heavily"): below four letters a word and "+ly" are often two words
#: ("ear" / "early", "on" / "only").
_MIN_ADJECTIVE: Final = 4
#: "-ly" adverbs whose sense is not their adjective's ("hard" / "hardly", "near" /
#: "nearly", "short" / "shortly"): the stem and "-ly" tests would read them as one word,
#: and a denial narrowed to "hard" work would meet a deed told "hardly" (review s43/g
#: MEDIUM on d367121). A short list of the common ones, from invented pairs; not tuned on
#: any eval file. Left: "extreme" / "extremist" (one letter past a six-letter stem).
_OTHER_ADVERBS: Final = frozenset(
    {"hardly", "nearly", "lately", "shortly", "highly", "largely", "barely", "fairly",
     "scarcely"}
)  # fmt: skip


def same_stem(a: str, b: str) -> bool:
    """Whether two lemmas are one word's forms: equal, sharing a stem of at least
    :data:`_MIN_STEM` letters that leaves at most one letter of the shorter word
    ("injure" / "injury", "arrest" / "arrests", "serious" / "seriously"; not "station" /
    "state"), or an adjective and its "-ly" adverb ("mild" / "mildly", "heavy" /
    "heavily", "terrible" / "terribly"); never an adverb of another sense
    (:data:`_OTHER_ADVERBS`: "hard" / "hardly")."""
    if a == b:
        return True
    if a in _OTHER_ADVERBS or b in _OTHER_ADVERBS:
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return (n >= _MIN_STEM and n >= min(len(a), len(b)) - 1) or _adverb_of(a, b)


def _adverb_of(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    if len(short) < _MIN_ADJECTIVE:
        return False
    forms = {short + "ly"}
    if short.endswith("y"):
        forms.add(short[:-1] + "ily")
    if short.endswith("le"):
        forms.add(short[:-1] + "y")
    return long in forms
