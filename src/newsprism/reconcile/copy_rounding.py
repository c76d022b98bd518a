"""Whether one copy of a wire text only rounded another copy's figure.

A desk republishing a wire text often rounds its figures to a coarser precision: "2.46
metres" becomes "2 metres", "1,340 passengers" "1,300", "6.4 hours" "six hours". Both
copies are one source's one figure, so the rounding is no change of the figure (review
s41/3 M1: reconcile/facts.py read such a copy as 'differ', one source disagreeing with
itself). A figure is a rounding of another where the finer one, rounded to the coarser
one's written precision (its last written digit: "1,300" to hundreds, "2" to units,
"$5.2 million" to hundred thousands), is the coarser one's value, and the coarser one
still carries the finer one's leading digits: it keeps two significant digits or more
("1,300" of "1,340"), or the finer one has a fraction a desk drops ("2" of "2.46"), or its
one digit is the finer one's leading digit ("1,000" of "1,340"). A one-digit figure that
moved the leading digit ("200" of "150", "3,000" of "2,600") reads as a changed figure: a
toll updated to the next hundred looks just like it, and hiding a real update costs a
reader more than a rounding shown as a change (review s42/1 S4).
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from typing import Final

from newsprism.model import Quantity
from newsprism.reconcile.fact_items import Item
from newsprism.reconcile.fact_readings import fits

__all__ = ["copy_changed", "rounding_of"]

logger = logging.getLogger(__name__)

_NUMERAL: Final = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _written(q: Quantity) -> tuple[float | None, float, str] | None:
    """The figure ``q`` writes (None for a number word: "six hours"), the size of its last
    written digit in that figure's terms ("1,300": 100, "2.46": 0.01, a number word: 1)
    and the words of its unit ("hours"); None where its text holds two numerals (a
    range)."""
    numerals = list(_NUMERAL.finditer(q.text))
    if len(numerals) > 1:
        return None
    if not numerals:  # a number word ("six", "twelve") names a whole
        return None, 1.0, q.text.split(None, 1)[-1].casefold()
    found = numerals[0]
    written = found.group(0).replace(",", "")
    if found.group(1):
        step = 10.0 ** -len(found.group(1))
    else:
        # Two written zeros or more read as rounding ("1,300", "5,000"); one does not:
        # "20" or "40" is as often an exact count, and a toll updated from 18 to 20 a
        # change a reader must see.
        zeros = len(written) - len(written.rstrip("0"))
        step = 10.0**zeros if zeros >= 2 and zeros < len(written) else 1.0
    rest = (q.text[: found.start()] + q.text[found.end() :]).strip().casefold()
    return float(written), step, rest


def _precisions(a: Quantity, b: Quantity) -> tuple[float, float] | None:
    """The sizes of the last digits ``a`` and ``b`` were written to, in their values'
    unit (a duration's days, a length's km); a number word's in the unit the other
    figure wrote, where both name one unit ("six hours" / "6.4 hours")."""
    first, second = _written(a), _written(b)
    if first is None or second is None:
        return None
    ratios = [q.value / w[0] if w[0] else None for q, w in ((a, first), (b, second))]
    if ratios[0] is None and ratios[1] is None:
        return None
    if None in ratios:
        if first[2] != second[2]:
            return None
        known = ratios[0] or ratios[1]
        ratios = [known, known]
    return first[1] * (ratios[0] or 0.0), second[1] * (ratios[1] or 0.0)


def rounding_of(a: Quantity, b: Quantity) -> bool:
    """Whether one of two figures of one unit is the other rounded to its own written
    precision ("2 metres" of "2.46 metres", "1,300" of "1,340")."""
    if a.unit != b.unit or a.approx != b.approx:
        return False
    steps = _precisions(a, b)
    if steps is None or min(steps) <= 0:
        return False
    coarse, fine = (a, b) if steps[0] >= steps[1] else (b, a)
    step = max(steps)
    rounded = math.floor(fine.value / step + 0.5) * step
    if not math.isclose(rounded, coarse.value, rel_tol=1e-9):
        return False
    return _keeps_leading_digits(coarse, fine, step, min(steps))


def _keeps_leading_digits(coarse: Quantity, fine: Quantity, step: float, fine_step: float) -> bool:
    """Whether ``coarse`` (written to ``step``) still carries ``fine``'s leading digits:
    two significant digits kept, a fraction of ``fine`` dropped (``fine_step`` below its
    value's unit), or ``coarse``'s one digit is ``fine``'s leading digit ("1,000" of
    "1,340", never "2,000" of "1,500")."""
    if fine.value <= 0 or coarse.value <= 0:
        return False
    if round(coarse.value / step) >= 10:  # "1,300": two significant digits or more
        return True
    written = _written(fine)
    if written is not None and written[1] < 1.0:  # "2.46": a fraction dropped
        return True
    leading = 10.0 ** math.floor(math.log10(fine.value) + 1e-9)
    return math.floor(coarse.value / leading + 1e-9) == math.floor(fine.value / leading + 1e-9)


def copy_changed(items: Sequence[Item]) -> bool:
    """Whether copies of one text (one source: a wire text and its republications) give
    the measure figures that cannot both hold: an update of a toll, an outlet's own
    correction. Copies never agree with one another (one source, one voice), but a
    figure one of them changed is a disagreement a fact-checker must see (review s41/2
    S2: taking such a copy out of its copy group instead made every figure it kept
    'agree', two voices where there is one). A copy that only rounded the figure ("2
    metres" of "2.46 metres": :func:`rounding_of`) changed nothing (review s41/3
    M1)."""
    return any(
        a.article != b.article
        and not (a.vague or b.vague)
        and not fits(a, b)
        and not rounding_of(a.quantity, b.quantity)
        for n, a in enumerate(items)
        for b in items[n + 1 :]
    )
