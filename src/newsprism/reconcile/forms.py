"""Inflected forms of English verbs, for the predicate tables that match raw text.

The tables of :mod:`newsprism.reconcile.antonyms` and :mod:`newsprism.reconcile.rivals`
match words before any parse (their prefilters read the raw sentence) and after it by
form (the parser's lemma of a participle varies), so each lemma needs its forms. They
are spelled here by the regular rules, once: "-s"/"-es"/"-ies", "-ed"/"-d"/"-ied",
"-ing" (a final "e" dropped, "ie" -> "ying"), a final consonant doubled after one short
vowel ("win" -> "winning"; ``double`` for stressed last syllables: "admit" ->
"admitted"), plus the irregular forms a table names ("rise": "rose", "risen").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

__all__ = ["form_table", "inflections"]

logger = logging.getLogger(__name__)

_VOWELS = "aeiou"
_ONE_SHORT_SYLLABLE = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def _doubles(lemma: str, double: bool) -> bool:
    return double or _ONE_SHORT_SYLLABLE.fullmatch(lemma) is not None


def _third_person(lemma: str) -> str:
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def _past(lemma: str, double: bool) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ied"
    return lemma + (lemma[-1] if _doubles(lemma, double) else "") + "ed"


def _gerund(lemma: str, double: bool) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    return lemma + (lemma[-1] if _doubles(lemma, double) else "") + "ing"


def inflections(
    lemma: str, irregular: Iterable[str] = (), *, double: bool = False
) -> tuple[str, ...]:
    """The lemma and its forms: the regular ones, and ``irregular`` (which also stand
    in for the regular past: "win" -> "won", not "winned")."""
    extra = tuple(irregular)
    forms = [lemma, _third_person(lemma), _gerund(lemma, double)]
    if not extra:
        forms.append(_past(lemma, double))
    return tuple(dict.fromkeys([*forms, *extra]))


def form_table(forms: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Each form of a ``lemma -> forms`` table mapped to its lemma."""
    return {form: lemma for lemma, found in forms.items() for form in found}
