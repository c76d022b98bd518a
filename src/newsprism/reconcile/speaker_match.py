"""Whether two quotes' speakers may be one person: one rule, two keys.

The rule (:func:`same_speaker`): a quote whose speaker is unresolved (None) matches any
speaker, since its words decide; two resolved speakers match when their keys are equal.
The key depends on what the caller has:

* the story's roster: :meth:`StoryNames.key <newsprism.reconcile.roster.StoryNames.key>`
  (any name or alias -> its roster entry, accents folded: "Velicky" / "Anton Velický").
  Used by :mod:`newsprism.reconcile.verify`, which builds the roster anyway;
* no roster: :func:`last_name`, the speaker's last word case-folded ("Mayor Ilse Varga"
  / "Varga"). Used by :mod:`newsprism.reconcile.renderings`, which gets the story's
  material only (:func:`~newsprism.reconcile.renderings.negation_renderings`, called
  by :mod:`newsprism.reconcile.discrepancies` without names).

Why two keys and not one: they do not agree. The roster key leaves apart a title read
into the name that the roster did not merge ("Mayor Ilse Varga" keys as "mayor ilse
varga", "Varga" as "varga", in the story of
``tests/test_discrepancies_renderings.py``, whose negated rendering would be lost) and
a surname two people of the story share (a lone surname resolves only when one person
holds it); the last word joins both, and keeps "Březina" / "Brezina" apart. The
renderings guard only has to keep two people's look-alike wording apart (its word-run
rules do the rest), and a roster there would cost a merge per story and change which
renderings are compared.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

__all__ = ["last_name", "same_speaker"]

logger = logging.getLogger(__name__)


def last_name(name: str) -> str:
    """The name's last word, case-folded ("" for a blank name): a key without a roster."""
    words = name.casefold().split()
    return words[-1] if words else ""


def same_speaker(a: str | None, b: str | None, key: Callable[[str], str]) -> bool:
    """Unresolved speakers pass; resolved ones must have equal keys (see the module doc
    for the two keys in use)."""
    return a is None or b is None or key(a) == key(b)
