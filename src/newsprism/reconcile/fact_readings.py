"""Two figures as readings of one measure: whether they agree, may be one measure's
readings, or are one article's one figure told twice.

Facts (:mod:`newsprism.reconcile.facts`) ask these of every pair of figures it places:
:func:`fits` for status (``figures.agree``), :func:`readings` for grouping
(``figures.near``), :func:`same_figure` for one article's repeated figure, which joins
its fact whatever the other sources say.
"""

from __future__ import annotations

import logging

from newsprism.reconcile.fact_items import Item
from newsprism.reconcile.figures import Figure, agree, near

__all__ = ["figure", "fits", "readings", "same_figure", "two_in_one_sentence"]

logger = logging.getLogger(__name__)


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
    return not two_in_one_sentence(a, b) and readings(a, b)


def two_in_one_sentence(a: Item, b: Item) -> bool:
    """Whether two figures of different value stand side by side, neither hedged, in one
    sentence of one article (a hedged one restates the other: "$86,412,933, roughly
    $86 million")."""
    same_sentence = a.article == b.article and a.sentence == b.sentence
    return same_sentence and a.quantity.approx is None and b.quantity.approx is None
