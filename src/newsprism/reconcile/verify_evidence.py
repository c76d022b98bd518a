"""What the sources say of one summary passage: the source pieces weighed for it (the
window), how each stands to it (:func:`relation`), and the evidence sorted into backing,
disputing, related and nearby pieces. Split from :mod:`~newsprism.reconcile.verify`
(which judges the evidence and checks quotes); see its module docstring."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from newsprism.model import Conflict, Entity, Fact, Mention, Passage
from newsprism.reconcile.agreement import negated, numbers_clash
from newsprism.reconcile.antonyms import antonym_clash
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.negation_scope import denies, negation_meets
from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.statements import normalize_words
from newsprism.reconcile.verify_missing import inside, quantities_in

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class VerifyOptions:
    """Thresholds. Set from the brief's own calibration and checked, not fitted, on
    eval/verify.py (planted errors over the samples, BASIL and Multi-News; results in
    eval/results/verify.md).

    ``support_similarity`` / ``dense_support_similarity``: least similarity of a source
    piece to a summary sentence or clause for it to back or dispute it: a little below
    the brief summary's 0.40 / 0.70 (:class:`~newsprism.reconcile.summary.
    SummaryOptions`: outlets' sentences saying one thing), since a summary compresses
    and rewords; sentences sharing only a name or the topic reached 0.37 / 0.69 there,
    so the coverage and item checks below guard the lower bar.
    ``close_similarity`` / ``dense_close_similarity``: a piece this similar is the same
    claim: it backs a sentence whatever its word coverage, and only such a piece can
    contradict by a negation, an antonym or another actor (a figure contradicts at the
    support bar).
    ``min_coverage``: share of a sentence's content words its three best backing pieces
    must hold unless one is close (an added detail leaves words nobody wrote).
    ``min_clause_words``: a shorter piece of a sentence is not checked as a clause.
    ``candidates``: most source pieces weighed per sentence or clause.
    ``missing_share`` / ``max_missing``: share of a story's sources an item must have
    to count as left out, and how many are listed.
    """

    support_similarity: float = 0.35
    dense_support_similarity: float = 0.66
    close_similarity: float = 0.6
    dense_close_similarity: float = 0.82
    min_coverage: float = 0.6
    min_clause_words: int = 4
    candidates: int = 8
    missing_share: float = 0.5
    max_missing: int = 8


# Every check reads the items (names, figures, quotes) inside one passage by per-article
# tables (:func:`~newsprism.reconcile.verify_missing.inside`). Reading all of the summary's
# items for each of its sentences made a summary of n sentences cost n^2: a 1 MB summary
# (12,000 sentences) spent hours there (bench/verify.py --summary-chars).


def mentions_in(material: StoryMaterial, passage: Passage) -> list[tuple[Entity, Mention]]:
    """(entity, mention) of every entity mention inside the passage, entity by entity."""
    found = inside(
        material,
        passage,
        "mentions",
        lambda a: [(m.start, m.end, (e, m)) for e in a.entities for m in e.mentions],
    )
    return [x for x in found if isinstance(x, tuple)]


def _people(material: StoryMaterial, passage: Passage, names: StoryNames) -> frozenset[str]:
    return frozenset(
        names.key(e.name) for e, _ in mentions_in(material, passage) if e.type == "PERSON"
    )


def relation(
    material: StoryMaterial, mine: Passage, theirs: Passage, names: StoryNames
) -> tuple[str, Conflict | None]:
    """How a source piece stands to a summary passage: ("agree", None), ("differ",
    how) or ("other", "actor") for different people (names folded by ``names``)."""
    if numbers_clash(quantities_in(material, mine), quantities_in(material, theirs)):
        return "differ", "number"
    if negated(mine.text) != negated(theirs.text):
        # A negation disputes only the deed it denies ("none of the passengers were
        # hurt" tells nothing against "140 passengers were aboard"); of another deed,
        # the other checks decide.
        negating, other = (mine, theirs) if negated(mine.text) else (theirs, mine)
        if negation_meets(material, negating, other):
            return "differ", "negation"
    if antonym_clash(mine.text, theirs.text):
        return "differ", "antonym"
    people_a, people_b = _people(material, mine, names), _people(material, theirs, names)
    if people_a and people_b and not people_a & people_b:
        return "other", "actor"
    return "agree", None


# --- per-sentence evidence ---------------------------------------------------------------


@dataclass
class Evidence:
    """What the sources say of one summary passage (a sentence or a clause)."""

    backing: list[tuple[Passage, float]] = field(default_factory=list)
    disputing: list[tuple[Passage, float, Conflict]] = field(default_factory=list)
    related: list[tuple[Passage, float]] = field(default_factory=list)
    nearby: list[tuple[Passage, float]] = field(default_factory=list)

    @property
    def best_backing(self) -> float:
        return max((s for _, s in self.backing), default=0.0)

    @property
    def best_disputing(self) -> float:
        return max((s for _, s, _ in self.disputing), default=0.0)


@dataclass
class Context:
    material: StoryMaterial
    pieces: list[Passage]
    names: StoryNames
    options: VerifyOptions
    threshold: float
    close: float
    piece_stems: list[set[str]]
    facts: Sequence[Fact] = ()
    # relation() per (summary passage, source wording): syndicated copies repeat one
    # sentence word for word (up to ``candidates`` copies of each of ``candidates``
    # wordings are weighed), and the nearby pass asks again of the window's pieces.
    relations: dict[tuple[int, int, str], tuple[str, Conflict | None]] = field(default_factory=dict)


def related(ctx: Context, mine: Passage, piece: Passage) -> tuple[str, Conflict | None]:
    """:func:`relation` of a source piece to a summary passage, once per wording: a copy
    of a wording already weighed for the passage gets its result (same text, same
    figures, negation, antonyms and people)."""
    key = (mine.start, mine.end, piece.text)
    found = ctx.relations.get(key)
    if found is None:
        found = ctx.relations[key] = relation(ctx.material, mine, piece, ctx.names)
    return found


def gather_evidence(ctx: Context, mine: Passage, row: npt.NDArray[np.float64]) -> Evidence:
    found = Evidence()
    order = np.argsort(-row, kind="stable")
    for i in _window(ctx, order, row):
        piece, score = ctx.pieces[i], float(row[i])
        verdict, conflict = related(ctx, mine, piece)
        if verdict == "agree":
            found.backing.append((piece, score))
        elif conflict in ("negation", "antonym") and _repeats(piece, mine):
            found.backing.append((piece, score))  # its words verbatim, in a longer sentence
        elif conflict == "number" or (conflict is not None and score >= ctx.close):
            # A figure that differs is a clash at any support similarity; a "not", an
            # antonym or another actor only in a piece close enough to be the same
            # claim (a summary's own aside often negates what a source says nearby).
            found.disputing.append((piece, score, conflict))
    if not found.backing and not found.disputing:
        found.disputing = _denials(ctx, mine, row)
    for i in (int(i) for i in order[:3] if 0 < row[i] < ctx.threshold):
        found.related.append((ctx.pieces[i], float(row[i])))
    # Pieces half as similar may still hold a figure or name the sentence took from
    # them (a summary folds two source sentences into one).
    wider = np.argsort(-row, kind="stable")[: 3 * ctx.options.candidates]
    for i in (int(i) for i in wider if row[i] >= ctx.threshold / 2):
        if related(ctx, mine, ctx.pieces[i])[0] == "agree":
            found.nearby.append((ctx.pieces[i], float(row[i])))
    return found


def _window(ctx: Context, order: npt.NDArray[np.intp], row: npt.NDArray[np.float64]) -> list[int]:
    """The pieces weighed for a sentence, most similar first: those at the support bar
    holding the ``candidates`` most similar wordings, each wording with at most
    ``candidates`` of its copies. Syndicated copies repeat one sentence word for word;
    counted piece by piece, eight copies of one wire sentence filled the window and the
    one outlet giving another figure in nearly the same words was never weighed (the
    brief showed the dispute, verify said 'supported' with no other voice)."""
    limit = ctx.options.candidates
    copies: dict[str, int] = {}
    picked: list[int] = []
    for i in (int(i) for i in order):
        if row[i] < ctx.threshold:
            break
        wording = normalize_words(ctx.pieces[i].text)
        if wording not in copies and len(copies) >= limit:
            continue
        copies[wording] = copies.get(wording, 0) + 1
        if copies[wording] <= limit:
            picked.append(i)
    return picked


def _denials(
    ctx: Context, mine: Passage, row: npt.NDArray[np.float64]
) -> list[tuple[Passage, float, Conflict]]:
    """For a passage nothing backs or disputes: the related pieces (sharing a word, among
    the most similar) that deny a deed it tells as done. A short denial ("No arrests had
    been made.") shares too few words to reach the support bar, yet says the opposite."""
    if negated(mine.text):
        return []
    wider = np.argsort(-row, kind="stable")[: 3 * ctx.options.candidates]
    negation: Conflict = "negation"
    found = [
        (ctx.pieces[i], float(row[i]), negation)
        for i in (int(i) for i in wider if row[i] > 0)
        if negated(ctx.pieces[i].text) and denies(ctx.material, ctx.pieces[i], mine)
    ]
    if found:
        logger.debug("%r denied by %d short pieces", mine.text[:60], len(found))
    return found


def _repeats(piece: Passage, mine: Passage) -> bool:
    """Whether one of the two holds the other's words verbatim (then a "not" in the
    rest of the longer one does not deny the shorter)."""
    theirs, ours = normalize_words(piece.text), normalize_words(mine.text)
    shorter, longer = sorted((theirs, ours), key=len)
    return len(shorter.split()) >= 4 and shorter in longer
