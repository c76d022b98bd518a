"""Facts: what a figure's own clause says of the span it counts over.

Two outlets' figures of one head may count over different spans, and then their
difference is no disagreement:

* **Rates.** A figure per unit ("55 yards per game", "$40,000 a year", "12 per
  capita") is another measure than a total of the same head ("793 yards" in a
  season): :func:`per_unit`. A rate and a total never join one fact.
* **Spans named only by reference.** A figure tied to an event or a period by "that"
  or "those" ("two people were killed in that unrest", "three were killed in those
  protests", "over those three decades") counts over whatever the sentences before it
  named, which another outlet's figure may not share (one day's protest, a weekend's
  protests): :func:`by_reference`. Such a figure joins a fact only where it agrees
  with every other source's figure there; it never makes a fact differ.

Both read the figure's clause (the words between the figures before and after it in its
sentence), as the actors' rule of :mod:`newsprism.reconcile.facts` does.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["by_reference", "per_unit"]

# A unit a rate is counted per, right after the figure and its counted noun: "per game",
# "a season", "each night" (read on the sports and tax stories of ECB+ and BASIL,
# where per-game and per-year figures sat beside season and multi-year totals).
_PER_UNIT: Final = re.compile(
    r"\s*(?:per|a|an|each|every)\s+(?:game|match|contest|start|outing|season|year|month|"
    r"week|day|night|hour|minute|capita|head|person|resident|household|carry|attempt)\b",
    re.IGNORECASE,
)
# A span or event named by "that"/"those" (the words before it named it): "in that
# unrest", "during those protests", "over those three decades". "this"/"these" are left
# out: they mostly point at the present ("this week", "these days").
_BY_REFERENCE: Final = re.compile(
    r"\b(?:in|during|at|from|since|over|amid|after|before|throughout|across)\s+"
    r"(?:that|those)\s+(?!(?:he|she|it|they|we|you|i|is|was|are|were|the|a|an)\b)[a-z]",
    re.IGNORECASE,
)


def per_unit(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` (its counted noun included) is a rate."""
    return _PER_UNIT.match(text, end) is not None


def by_reference(text: str, start: int, end: int) -> bool:
    """Whether the clause ``text[start:end]`` ties its figure to a span named before it."""
    return _BY_REFERENCE.search(text, start, end) is not None
