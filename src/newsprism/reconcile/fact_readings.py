"""Two figures as readings of one measure: whether they agree, may be one measure's
readings, or are one article's one figure told twice.

Facts (:mod:`newsprism.reconcile.facts`) ask these of every pair of figures it places:
:func:`fits` for status (``figures.agree``), :func:`readings` for grouping
(``figures.near``), :func:`same_figure` for one article's repeated figure, which joins
its fact whatever the other sources say.

A ceiling ("up to", "as many as", "at most", "a maximum of", "no more than") is a limit,
not a rounding: beside its own article's figure of another value, exact or rough, it
limits something else (a ferry licensed to carry "as many as 240 passengers" beside
the "196 passengers" aboard on the night it sank; a drone "rated to climb up to 4,500
metres" beside the "4,200 metres" its operator logged; "up to 60 stalls" at a fair
beside "about 45 stalls" open on its first day). Read as one figure, the ceiling joined the
other's fact and showed as another outlet's reading of it (s42 facts audit: 2 of 60
drawn multi-outlet facts, the largest class of mixed facts). A floor and a ceiling of
one count ("more than 60 ... up to 100") stay one measure's readings.
"""

from __future__ import annotations

import logging
import math
import re
from typing import Final

from newsprism.reconcile.fact_items import Item
from newsprism.reconcile.figures import Figure, agree, near

__all__ = [
    "figure", "fits", "limits_another", "readings", "same_figure", "two_in_one_sentence",
]  # fmt: skip

logger = logging.getLogger(__name__)

#: The words opening a ceiling's figure as the analyser keeps it ("as many as 240 passengers").
_CEILING: Final = re.compile(
    r"(?:up\s+to|as\s+(?:many|much)\s+as|at\s+most|a\s+maximum\s+of|no\s+more\s+than)\s",
    re.IGNORECASE,
)


def fits(a: Item, b: Item) -> bool:
    """Whether two figures can both hold (``figures.agree``)."""
    return agree(figure(a), figure(b))


def readings(a: Item, b: Item) -> bool:
    """Whether two figures may be one measure's readings (``figures.near``)."""
    return near(figure(a), figure(b))


def figure(item: Item) -> Figure:
    """The item as ``figures`` compares it: value, interval, exact or not."""
    return item.quantity.value, item.lo, item.hi, item.quantity.approx is None


def same_figure(a: Item, b: Item) -> bool:
    """One article's two figures that can be one reading ("roughly $86 million" and
    "$86,412,933"; "twelve-point" and "Twelve points"). Two exact figures of different
    value in one sentence of one article are two things ("$3 million in fees and
    another $2.9 million from the sale"), however close."""
    if (a.lo, a.hi) == (b.lo, b.hi):
        return True
    if limits_another(a, b) or limits_another(b, a):
        return False
    return not two_in_one_sentence(a, b) and readings(a, b)


def limits_another(ceiling: Item, other: Item) -> bool:
    """Whether ``ceiling`` is a ceiling ("up to 4,500 metres") of another value than its own
    article's figure ``other``, which is no floor: a limit of something else, not a
    reading of that figure (module doc)."""
    return (
        ceiling.article == other.article
        and _CEILING.match(ceiling.quantity.text) is not None
        and other.quantity.approx != "over"
        and not math.isclose(ceiling.quantity.value, other.quantity.value, rel_tol=1e-9)
    )


def two_in_one_sentence(a: Item, b: Item) -> bool:
    """Whether two figures of different value stand side by side, neither hedged, in one
    sentence of one article (a hedged one restates the other: "$86,412,933, roughly
    $86 million")."""
    same_sentence = a.article == b.article and a.sentence == b.sentence
    return same_sentence and a.quantity.approx is None and b.quantity.approx is None
