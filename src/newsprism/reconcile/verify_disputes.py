"""Which sources dispute a summary passage's figures, and how a dispute is told: the
story's facts of the same measure that all deny a figure, and the note naming what the
most similar disputing source does. Split from :mod:`~newsprism.reconcile.verify`."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from newsprism.model import Conflict, Passage, Quantity
from newsprism.reconcile.facts import compatible
from newsprism.reconcile.verify_evidence import Context
from newsprism.reconcile.verify_missing import quantities_at, quantities_in

logger = logging.getLogger(__name__)


_CONFLICT_WORDS: dict[str, str] = {
    "number": "gives another figure",
    "negation": "says the opposite",
    "antonym": "says the opposite",
    "speaker": "attributes the words to someone else",
    "actor": "names someone else",
    "date": "gives another date",
}


def dispute_note(disputing: Sequence[tuple[Passage, float, Conflict]]) -> str:
    """What the most similar disputing source does ("a source gives another figure")."""
    best = max(disputing, key=lambda d: d[1])
    return f"a source {_CONFLICT_WORDS[best[2]]}"


def _head(about: str) -> str:
    return about.casefold().removesuffix("s")


def _same_measure(a: Quantity, about: str | None, unit: str | None) -> bool:
    if a.about is None or about is None or a.unit != unit:
        return False
    x, y = _head(a.about), _head(about)
    short, long = sorted((x, y), key=len)
    return x == y or (len(short) >= 4 and long.endswith(short))


def fact_disputes(ctx: Context, mine: Passage) -> list[tuple[Passage, float, Conflict]]:
    """Figures of the passage that the story's facts of the same measure all deny:
    the fact's passages, as disputing (a figure of another sentence of the story)."""
    found: list[tuple[Passage, float, Conflict]] = []
    for q in quantities_in(ctx.material, mine):
        for fact in ctx.facts:
            values = [
                t
                for v in fact.values
                for t in quantities_at(ctx.material, v.passage)
                if _same_measure(t, q.about, q.unit)
            ]
            if values and not any(compatible(q, t) for t in values):
                found.extend((v.passage, 0.0, "number") for v in fact.values)
    return found
