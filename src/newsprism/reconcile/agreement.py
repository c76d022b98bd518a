"""Agreement: whether two outlets' sentences say the same thing, not just similar words.

A sentence backs another only when it agrees on the three things a fact-checker looks
at first (:func:`agreement`):

* **numbers** — every figure of one side that has a counterpart of the same kind on
  the other (same unit; for counts, any count the other side gives) fits it within the
  fact tolerances of :func:`newsprism.reconcile.facts.compatible`. "14 people were
  injured" and "Nineteen people were hurt" disagree; "about 40%" and "more than 39%"
  agree.
* **negation** — both sides negate, or neither does ("talks resumed" / "talks have not
  resumed"), and neither uses the antonym of a predicate of the other ("passed" /
  "failed", see :mod:`newsprism.reconcile.antonyms`). A side that negates disputes the
  other only when it denies a deed the other tells (:mod:`newsprism.reconcile.
  negation_scope`): "none of the passengers on board were injured" does not dispute
  "140 passengers were aboard"; such a pair tells two things ("other").
* **actors** — when both name people, they share one (after the analyser's canonical
  names): "Varga said ..." does not back "Lind said ...".

:func:`agreement` returns "agree", "differ" (numbers or negation clash: the sentences
report one thing differently) or "other" (different actors, or a negation of another
deed: not the same claim). Cheap: regexes and the stored analyses; a parse only for a
pair whose negation cues differ.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from newsprism.model import Passage, Quantity
from newsprism.reconcile.antonyms import lemmas_clash, table_lemmas
from newsprism.reconcile.facts import compatible
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.negation_scope import negation_meets

__all__ = ["Agreement", "agreement", "negated", "quantities_in"]

logger = logging.getLogger(__name__)

Agreement = Literal["agree", "differ", "other"]

# Negation cues; "not only" / "not just" add, they do not deny.
_NEGATION = re.compile(
    r"\b(?:not(?!\s+(?:only|just)\b)|never|no|nothing|nobody|none|neither|nor|without)\b"
    r"|n['’]t\b(?!\s+(?:only|just)\b)",
    re.IGNORECASE,
)
_PEOPLE = frozenset({"PERSON"})


def negated(text: str) -> bool:
    """Whether the text negates (an odd number of negation cues: "not unlike" is not)."""
    return len(_NEGATION.findall(text)) % 2 == 1


def quantities_in(material: StoryMaterial, passage: Passage) -> list[Quantity]:
    """The article's quantities inside the passage."""
    analysis = material.analysis(passage.article)
    if analysis is None:
        return []
    return [q for q in analysis.quantities if passage.start <= q.start and q.end <= passage.end]


def _people(material: StoryMaterial, passage: Passage) -> frozenset[str]:
    analysis = material.analysis(passage.article)
    if analysis is None:
        return frozenset()
    # Mentions within the passage (one starting at its very end can only be empty).
    inside = material.mentions_in(passage.article, passage.start, passage.end + 1)
    entities = analysis.entities
    return frozenset(
        entities[n].name.casefold()
        for _, end, n in inside
        if end <= passage.end and entities[n].type in _PEOPLE
    )


def _unmatched(mine: Sequence[Quantity], theirs: Sequence[Quantity]) -> list[Quantity]:
    """Figures of ``mine`` that have a same-kind counterpart in ``theirs`` and fit none."""
    found = []
    for q in mine:
        peers = [t for t in theirs if t.unit == q.unit]
        if peers and not any(compatible(q, t) for t in peers):
            found.append(q)
    return found


def numbers_clash(a: Sequence[Quantity], b: Sequence[Quantity]) -> bool:
    """Whether the two sides give one measure different figures: a figure of a unit
    both use fits none of the other side's (counts: both sides hold a count the other
    does not fit, so "14 injured and 3 ships" against "3 ships" is no clash)."""
    left, right = _unmatched(a, b), _unmatched(b, a)
    if any(q.unit is not None for q in left + right):
        return True
    return bool(left) and bool(right)


@dataclass(frozen=True, slots=True)
class _Side:
    """What :func:`agreement` reads of one passage, and ``kind``: a number shared by
    the passages it reads alike (the same figures as written, negation, lemmas and
    people), so a verdict is worked out once per pair of kinds."""

    quantities: list[Quantity]
    negated: bool
    lemmas: frozenset[str]
    people: frozenset[str]
    kind: int


def _side(material: StoryMaterial, passage: Passage) -> _Side:
    """The passage's figures, negation, antonym-table lemmas and people, derived once
    per story material: a summary compares each sentence with every similar one, and a
    story of one event holds the same sentence in a hundred articles (deriving them per
    pair was 90% of a 200-article summary)."""
    key = (passage.article, passage.start, passage.end, passage.text)
    memo = material.memo("agreement")
    found = memo.get(key)
    if found is None:
        quantities = quantities_in(material, passage)
        no = negated(passage.text)
        lemmas = frozenset(table_lemmas(passage.text))
        people = _people(material, passage)
        # What numbers_clash reads of a figure (compatible: value, unit, text, bound).
        figures = tuple((q.value, q.unit, q.text, q.approx) for q in quantities)
        kinds = material.memo("agreement kinds")
        kind = kinds.setdefault((figures, no, lemmas, people), len(kinds))
        found = memo[key] = _Side(quantities, no, lemmas, people, kind)
    return found


def agreement(material: StoryMaterial, a: Passage, b: Passage) -> Agreement:
    """How passage ``b`` stands to passage ``a`` (see the module docstring)."""
    left, right = _side(material, a), _side(material, b)
    verdicts = material.memo("agreement verdicts")
    pair = (left.kind, right.kind)
    verdict: Agreement | Literal["polarity"] | None = verdicts.get(pair)
    if verdict is None:
        verdict = verdicts[pair] = _verdict(left, right)
    if verdict == "polarity":
        return _polarity(material, a, b) if left.negated else _polarity(material, b, a)
    return verdict


def _verdict(left: _Side, right: _Side) -> Agreement | Literal["polarity"]:
    """The pair's verdict from what the sides read alike, "polarity" when only the
    negation cues differ (the verdict then depends on the words: :func:`_polarity`)."""
    if numbers_clash(left.quantities, right.quantities):
        return "differ"
    if lemmas_clash(left.lemmas, right.lemmas):
        return "differ"
    if left.negated != right.negated:
        return "polarity"
    if left.people and right.people and not left.people & right.people:
        return "other"
    return "agree"


def _polarity(material: StoryMaterial, negating: Passage, other: Passage) -> Agreement:
    """Verdict "differ" when the negating passage denies a deed the other tells, else "other":
    the two tell different things, and the one does not back the other either."""
    memo = material.memo("agreement polarity")
    key = (negating.text, other.text)
    found: Agreement | None = memo.get(key)
    if found is None:
        found = "differ" if negation_meets(material, negating, other) else "other"
        memo[key] = found
    return found
