"""Which sources dispute a summary passage's figures, and how a dispute is told: the
story's facts of the same measure that all deny a figure, which rival figures a backed
sentence shows, and the note naming what the most similar disputing source does. Split
from :mod:`~newsprism.reconcile.verify`."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from newsprism.model import Conflict, DateMention, Passage, Quantity
from newsprism.reconcile.facts import compatible
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.verify_evidence import Context, Evidence
from newsprism.reconcile.verify_missing import inside, quantities_at, quantities_in

logger = logging.getLogger(__name__)

Disputing = tuple[Passage, float, Conflict]


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


# --- a backed sentence's rival figures -----------------------------------------------------


def rival_figures(ctx: Context, mine: Passage, found: Evidence) -> list[Disputing]:
    """The sources giving another figure than a sentence other sources back, as shown
    beside it ("backed, but a source gives another figure"). A figure that differs in a
    similar sentence is a rival count only when it is about the backed event:

    * not in an article that itself backs the sentence (an article does not dispute
      itself: its other figure is of something else, a background sentence). Another
      article of a backing outlet may: a morning report's "3 dead" and the same outlet's
      evening update's "5 dead" are two counts of the event (af61028 left out every
      backing outlet, so an update never showed as a rival figure);
    * not in a sentence naming another date than the sentence and its backing pieces
      ("... injured 3 workers in 2019" beside "... on Sunday": another event).

    No similarity margin below the best backing piece: checking an outlet's own
    sentence, the backing is the sentence itself (1.0), and the rivals the brief lists
    as disputing it sat 0.47 to 0.61 below (eval/verify.py's stories, their briefs'
    summaries verified), as far as the background sentences did.
    """
    backers = {piece.article for piece, _ in found.backing}
    told = [d for piece, _ in found.backing for d in _dates_in(ctx.material, piece)]
    told += _dates_in(ctx.material, mine)
    rivals = [
        d
        for d in found.disputing
        if d[2] == "number"
        and d[0].article not in backers
        and not _another_date(_dates_in(ctx.material, d[0]), told)
    ]
    if len(rivals) < sum(d[2] == "number" for d in found.disputing):
        logger.debug("%r: %d of its figure disputes kept", mine.text[:60], len(rivals))
    return rivals


def _dates_in(material: StoryMaterial, passage: Passage) -> list[DateMention]:
    found = inside(material, passage, "dates", lambda a: [(d.start, d.end, d) for d in a.dates])
    return [d for d in found if isinstance(d, DateMention)]


def _another_date(theirs: Sequence[DateMention], told: Sequence[DateMention]) -> bool:
    """Whether a piece names dates and none of them is one the backed side names: the
    same calendar days where both are resolved, else the same words ("Sunday")."""
    if not theirs or not told:
        return False
    return not any(_same_time(a, b) for a in theirs for b in told)


def _same_time(a: DateMention, b: DateMention) -> bool:
    if a.date is not None and b.date is not None:
        first_a, _, last_a = a.date.partition("/")
        first_b, _, last_b = b.date.partition("/")
        return first_a <= (last_b or first_b) and first_b <= (last_a or first_a)
    return " ".join(a.text.casefold().split()) == " ".join(b.text.casefold().split())
