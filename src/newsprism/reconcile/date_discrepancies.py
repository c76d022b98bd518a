"""Discrepancies of kind ``date``: one event dated differently by two sources.

The same predicate and actors (as the ``negation`` guards of
:mod:`newsprism.reconcile.discrepancies` compare them), neither side negated or
hedged, each predicate carrying one resolved, unambiguous, past date that does not
overlap the other's and is no later than the other article's publication day (an
article cannot tell of a later occasion), clauses at least ``date_lexical`` similar by
word overlap or ``date_dense`` by the dense similarity (:func:`_similar_dated`), and no
sign of a repeated event ("again", "second", "another", "once more", "resumed"...) nor
an article that itself gives the predicate both dates.
When the parser hangs two dates on one predicate, the narrower one holds ("apologized
Saturday ... earlier this week": Saturday). A reduced relative clause dates its event
as a finite verb does ("tax returns released Friday": :func:`~newsprism.reconcile.
clauses.is_reduced_relative`, the noun its patient), provided the two sides share a
participant besides that noun. One vote
told in other words ("the Senate resolution on the levy passed Tuesday" / "on
Wednesday, the Senate voted on a bill that funds the levy") is one event when the
body is the same and the measures' descriptions share a word
(:mod:`newsprism.reconcile.votes`), its dates at most ``VOTE_DAYS`` apart.

The dates of a clause (:func:`clause_dates`) also serve the other passes' guard 6 (no
different occasions: :func:`one_occasion`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date

from newsprism.model import Discrepancy, Passage
from newsprism.reconcile.actors import StateNames, same_actors
from newsprism.reconcile.clauses import (
    Clause,
    Parsed,
    content_word,
    is_negated,
    is_reduced_relative,
    lemma_of,
    usable,
)
from newsprism.reconcile.discrepancy_groups import (
    DiscrepancyOptions,
    claims_of,
    clause_actors,
    components,
    prefixes,
    similar_pairs,
    threshold_for,
)
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity
from newsprism.reconcile.votes import one_vote, votes

__all__ = [
    "VOTE_DAYS",
    "clause_dates",
    "date_discrepancies",
    "dates_clash",
    "one_occasion",
    "vote_date_discrepancies",
]

logger = logging.getLogger(__name__)

_QUOTED = re.compile(r"[“\"«„][^“”\"«»„]*[”\"»“]")
_REPEATS = frozenset({"again", "second", "another", "once", "resume", "renew", "repeat"})


def clause_dates(clause: Clause, material: StoryMaterial) -> list[tuple[str, str]]:
    """Resolved (first day, last day) of the date mentions attached to the predicate
    (inside its subtree, with no other predicate between)."""
    analysis = material.analysis(clause.sentence.article)
    if analysis is None:
        return []
    doc = clause.predicate.doc
    found: list[tuple[str, str]] = []
    for mention in analysis.dates:
        offset = mention.start - clause.sentence.start
        if mention.date is None or mention.ambiguous or not 0 <= offset < len(doc.text):
            continue
        span = doc.char_span(offset, offset + len(mention.text), alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if clause.predicate.i in (head.i, content_word(head).i):
            first, _, last = mention.date.partition("/")
            found.append((first, last or first))
    return _narrowest(found)


def _narrowest(dates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The dates that hold no other date of the list: an event dated "Saturday" and
    "earlier this week" (the parser often hangs a neighbour's date on the verb) is on
    Saturday, the narrower date."""
    return [d for d in dates if not any(o != d and d[0] <= o[0] and o[1] <= d[1] for o in dates)]


def dates_clash(a: Sequence[tuple[str, str]], b: Sequence[tuple[str, str]]) -> bool:
    """Whether every date of one side misses every date of the other (ISO compare)."""
    return bool(a and b) and all(x[1] < y[0] or y[1] < x[0] for x in a for y in b)


def one_occasion(a: Clause, b: Clause, material: StoryMaterial) -> bool:
    """Whether the two clauses' dates leave them one occasion (no date clash)."""
    return not dates_clash(clause_dates(a, material), clause_dates(b, material))


def _resolved(material: StoryMaterial, sentence: Passage) -> list[tuple[str, str]]:
    analysis = material.analysis(sentence.article)
    if analysis is None:
        return []
    return [
        (d.date.partition("/")[0], d.date.partition("/")[2] or d.date)
        for d in analysis.dates
        if d.date is not None
        and not d.ambiguous
        and not d.future
        and sentence.start <= d.start < sentence.end
    ]


def _dated_sentences(
    material: StoryMaterial, sentences: Sequence[Passage], overlap: float
) -> list[Passage]:
    """Prefilter for ``date``: sentences with a resolved date that clashes with a date
    of a sentence of another source (or of its own article) sharing at least
    ``overlap`` of its word stems. Words inside quotation marks are left out: a quote
    is what someone said, the narration around it dates the event ("'I can't imagine
    ...,' she told the paper in an interview published Sunday"), and a long quote on
    one side only would sink the share (a BASIL story's interview dated Sunday and
    Saturday: 0.14 with the quote, 0.23 without)."""
    dated = [(s, _resolved(material, s), prefixes(_QUOTED.sub(" ", s.text))) for s in sentences]
    dated = [d for d in dated if d[1]]
    keep: set[tuple[str, int]] = set()
    for i, (a, a_dates, a_words) in enumerate(dated):
        for b, b_dates, b_words in dated[i + 1 :]:
            # Pairs of one article are kept too: the guard against an article that gives
            # the predicate both dates (a recurring event) must see both sentences.
            if a.article != b.article and material.source_of(a.article) == material.source_of(
                b.article
            ):
                continue
            if not any(dates_clash([x], [y]) for x in a_dates for y in b_dates):
                continue
            if len(a_words & b_words) >= overlap * len(a_words | b_words):
                keep.update({(a.article, a.start), (b.article, b.start)})
    return [s for s, _, _ in dated if (s.article, s.start) in keep]


def _dated_clauses(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed
) -> list[Clause]:
    """Asserted, un-negated predicates that carry a resolved past date (for ``date``)."""
    clauses = []
    for sentence, doc in zip(sentences, parsed.docs(sentences), strict=True):
        for token in doc:
            if token.pos_ not in ("VERB", "AUX") or is_negated(token):
                continue
            if not usable(token, participles=True):
                continue
            clause = Clause(sentence, material.source_of(sentence.article), token, False)
            words = {w.lower_ for w in token.subtree} | {lemma_of(w) for w in token.subtree}
            if clause_dates(clause, material) and not words & _REPEATS:
                clauses.append(clause)
    return clauses


def _both_knowable(
    material: StoryMaterial,
    a: Clause,
    a_dates: Sequence[tuple[str, str]],
    b: Clause,
    b_dates: Sequence[tuple[str, str]],
) -> bool:
    """Whether each side's date is on or before the other article's publication day: an
    article cannot tell of a meeting held after it was published, so "met on Sunday"
    (published Sunday) and "met on Thursday" (published Thursday) are two meetings, not
    one dated twice. Unknown publication dates keep the pair."""

    def day(clause: Clause) -> str | None:
        published = material.by_id[clause.sentence.article].published
        return published.date().isoformat() if published else None

    a_day, b_day = day(a), day(b)
    late_a = b_day is not None and all(first > b_day for first, _ in a_dates)
    late_b = a_day is not None and all(first > a_day for first, _ in b_dates)
    return not (late_a or late_b)


def _same_event_actors(a: Clause, b: Clause, material: StoryMaterial, states: StateNames) -> bool:
    """The same actors; a reduced relative ("an interview published Sunday") names its
    event by a common noun only, so the two sides must share a participant besides
    that noun, and name no different one: two papers' interviews, each "published" on
    its own day, are two events."""
    mine, theirs = clause_actors(a, material, states), clause_actors(b, material, states)
    if not same_actors(mine, theirs):
        return False
    nouns = {lemma_of(c.predicate.head) for c in (a, b) if is_reduced_relative(c.predicate)}
    if not nouns:
        return True
    shared = (mine.agents | mine.patients) & (theirs.agents | theirs.patients)
    # Past the common noun, the named patients must agree: an interview with one paper
    # is not an interview with another.
    left, right = mine.patients - nouns, theirs.patients - nouns
    return bool(shared - nouns) and not (left and right and not left & right)


def date_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    states = parsed.states
    dated = _dated_sentences(material, sentences, opts.date_overlap)
    clauses = _dated_clauses(material, dated, parsed)
    dates = {id(c): clause_dates(c, material) for c in clauses}
    by_article: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for c in clauses:
        by_article.setdefault((c.sentence.article, c.lemma), []).extend(dates[id(c)])
    recurring = {
        k for k, v in by_article.items() if any(dates_clash([x], [y]) for x in v for y in v)
    }
    pairs = [
        (a, b)
        for i, a in enumerate(clauses)
        for b in clauses[i + 1 :]
        if a.source != b.source
        and a.lemma == b.lemma
        and (a.sentence.article, a.lemma) not in recurring
        and (b.sentence.article, b.lemma) not in recurring
        and dates_clash(dates[id(a)], dates[id(b)])
        and _both_knowable(material, a, dates[id(a)], b, dates[id(b)])
        and _same_event_actors(a, b, material, states)
    ]
    kept = _similar_dated(pairs, similarity, opts)
    return [
        Discrepancy(group[0].text, "date", claims_of(material, group)) for group in components(kept)
    ]


def _similar_dated(
    pairs: Sequence[tuple[Clause, Clause]], similarity: TextSimilarity, opts: DiscrepancyOptions
) -> list[tuple[Clause, Clause]]:
    """Guard 7 for dated pairs: ``date_dense`` by the dense similarity, or
    ``date_lexical`` by word overlap whichever similarity the brief uses. Shared words
    are evidence of one event that a sentence embedding can miss: a clause with a long
    reduced relative ("Ginsburg told The Times in an interview published Sunday" /
    "comments to The New York Times published Saturday", a BASIL contradictions
    development item) scores 0.39 dense in the story's pooled vectors and 0.44
    lexical. The lexical gate alone finds no date pair that is no contradiction on the
    BASIL calibration, development and contradictions development files, so the dense
    row keeps every pair it passes."""
    threshold = threshold_for(similarity, opts.date_lexical, opts.date_dense)
    kept = similar_pairs(pairs, similarity, threshold)
    if not similarity.dense:
        return kept
    seen = {(id(a), id(b)) for a, b in kept}
    lexical = similar_pairs(pairs, LexicalSimilarity(), opts.date_lexical)
    return kept + [(a, b) for a, b in lexical if (id(a), id(b)) not in seen]


#: One vote dated twice is a day or two off ("Tuesday" / "Wednesday"); a body's votes
#: on one measure further apart are different votes (a first reading, a final one).
VOTE_DAYS = 3


def _days_apart(a: Sequence[tuple[str, str]], b: Sequence[tuple[str, str]]) -> int:
    def day(iso: str) -> date:
        return date.fromisoformat(iso[:10])

    return min(
        min(abs((day(y[0]) - day(x[1])).days), abs((day(x[0]) - day(y[1])).days))
        for x in a
        for y in b
    )


def vote_date_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``date`` for one vote told in different words (:mod:`newsprism.reconcile.votes`:
    the same body, measures described alike), its dates clashing by at most
    :data:`VOTE_DAYS`, each knowable to the other article, and no article giving one
    body two dates for a vote on the measure. No similarity guard: the body, the
    measure and the near date are the guard."""
    dated = [s for s in sentences if _resolved(material, s)]
    found = [(v, clause_dates(v.clause, material)) for v in votes(material, dated, parsed)]
    found = [(v, d) for v, d in found if d]
    pairs = [
        (a.clause, b.clause)
        for i, (a, a_dates) in enumerate(found)
        for b, b_dates in found[i + 1 :]
        if a.clause.source != b.clause.source
        and one_vote(a, b)
        and dates_clash(a_dates, b_dates)
        and _days_apart(a_dates, b_dates) <= VOTE_DAYS
        and _both_knowable(material, a.clause, a_dates, b.clause, b_dates)
        and not any(
            c.clause.sentence.article in (a.clause.sentence.article, b.clause.sentence.article)
            and one_vote(c, a)
            and dates_clash(c_dates, a_dates if c.clause.source == a.clause.source else b_dates)
            for c, c_dates in found
        )
    ]
    return [
        Discrepancy(group[0].text, "date", claims_of(material, group))
        for group in components(pairs)
    ]
