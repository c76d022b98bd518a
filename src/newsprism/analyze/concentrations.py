"""Concentrations written as a unit over a unit: "5 ng/ml", "126 mg/dL", "40 µg/m3".

:func:`~newsprism.analyze.numbers.read_amounts` reads no unit glued to a slash, so the
parse made "5 ng/ml" a count of "ng", which any other count of "ng" in the story met
("2 ng" against "5 ng" differ, whatever each measures). Here the figure is a measure in
the unit as written, lowercased ("ng/ml", "mg/dl"): facts compare it only with figures
written in the same unit. Speeds ("km/h") are units of :mod:`newsprism.analyze.units`
and never reach here.
"""

from __future__ import annotations

import re
from typing import Final

from newsprism.analyze.measured import lemma_of, measure_of
from newsprism.analyze.non_quantities import ParsedText
from newsprism.analyze.numbers import Amount
from newsprism.analyze.written_forms import SP
from newsprism.model import Quantity

__all__ = ["concentration", "concentration_after"]

#: Amounts of a substance over a volume, a mass or an air volume, as labs and health
#: agencies write them.
_CONCENTRATION: Final = re.compile(
    rf"{SP}?(?P<unit>(?:[nµμup]g|mcg|mg|g|mmol|µmol|μmol|mol|iu|meq)"
    rf"{SP}?/{SP}?(?:[dmµμ]?l|kg|m3|m³))(?![\w/])",
    re.IGNORECASE,
)


def concentration_after(text: str, end: int) -> tuple[str, int] | None:
    """The concentration unit written right after a figure ending at ``end`` (lowercased,
    spaces dropped) and where it ends; None when none follows."""
    m = _CONCENTRATION.match(text, end)
    if m is None:
        return None
    return re.sub(r"\s", "", m["unit"]).lower().replace("μ", "µ"), m.end()


def concentration(amount: Amount, ctx: ParsedText) -> Quantity | None:
    """``amount`` (a figure read with no unit) as a concentration, about what the parse
    says it measures ("the cutoff level is 2 ng/ml": level); None when no concentration
    unit follows it."""
    first_end = amount.noun_from is not None  # "100 to 200 ng/ml": the unit after both
    found = concentration_after(ctx.text, amount.noun_from or amount.end)
    if found is None:
        return None
    unit, end = found[0], amount.end if first_end else found[1]
    span = ctx.span(amount.start, end)
    about = None if span is None else measure_of(span)
    return Quantity(
        value=amount.value, unit=unit, text=ctx.text[amount.start : end], start=amount.start,
        end=end, approx=amount.approx, about=lemma_of(about),
    )  # fmt: skip
