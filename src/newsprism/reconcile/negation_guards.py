"""Guards of the negation pass (:mod:`newsprism.reconcile.discrepancies`, guards 5 and 6)
read off false pairs seen on ECB+ (real multi-outlet news with no gold, read for
precision): a denial of telling why is no denial of telling that, an earlier state is
another occasion, and a denial "not yet" at writing time does not deny a later day."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from newsprism.analyze.calendar_words import MONTHS, WEEKDAYS
from newsprism.reconcile.clauses import Clause, lemma_of
from newsprism.reconcile.date_discrepancies import clause_dates
from newsprism.reconcile.material import StoryMaterial

__all__ = ["asked", "earlier", "not_yet"]

#: Words opening a clause that asks rather than tells ("why he leaked it", "whether").
_ASKING: Final = frozenset({"why", "how", "what", "whether", "when", "where", "who", "which", "if"})


def asked(predicate: Token) -> frozenset[str]:
    """The words opening the predicate's clausal complements that ask ("never revealed
    why he leaked the ledger" tells nothing of "revealed that he was the source", seen
    on ECB+): a denial and an assertion must tell or ask the same thing."""
    return frozenset(
        first.lower_
        for c in predicate.children
        if c.dep_ in ("ccomp", "xcomp", "dobj")
        for first in [min(c.subtree, key=lambda t: t.i)]
        if first.lower_ in _ASKING and first.i > predicate.i
    )


#: Adverbs that set a claim before the story's time ("Previously, agencies were
#: required to consult scientists" against "the regulations don't require agencies to
#: consult": a rule changed, seen on ECB+). Not "once" (also a count), nor "earlier"
#: ("earlier Thursday" dates one day's claim).
_EARLIER: Final = frozenset({"previously", "formerly"})


def earlier(predicate: Token) -> bool:
    """Whether the predicate is told of an earlier time than the story's (guard 6: an
    earlier state and the present one are two occasions)."""
    return any(c.lower_ in _EARLIER for c in predicate.children if c.dep_ == "advmod")


def not_yet(denial: Clause, assertion: Clause, material: StoryMaterial) -> bool:
    """Guard 5f: a denial in the present perfect ("results have not been released")
    tells the state when its article was written; an assertion dated on its predicate
    ("were released Wednesday") may tell a later day (seen on ECB+). They clash only
    when the assertion's resolved days all fall by the denial's publication day."""
    if not _present_perfect(denial.predicate) or not _dated(assertion.predicate):
        return False
    published = material.by_id[denial.sentence.article].published
    days = clause_dates(assertion, material)
    if published is None or not days:
        return True
    return any(last > published.date().isoformat() for _, last in days)


def _present_perfect(predicate: Token) -> bool:
    return any(
        c.dep_ == "aux" and lemma_of(c) == "have" and c.tag_ in ("VBP", "VBZ")
        for c in predicate.children
    )


def _dated(predicate: Token) -> bool:
    """Whether a day or date hangs on the predicate ("released Wednesday", "on May 4";
    the reconcile parser has no entity tagger)."""
    return any(
        t.lower_.rstrip(".") in WEEKDAYS or t.lower_.rstrip(".") in MONTHS
        for c in predicate.children
        if c.dep_ in ("npadvmod", "prep", "tmod")
        for t in c.subtree
    )
