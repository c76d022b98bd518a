"""Discrepancies of kind ``date``: one event dated differently by two sources.

The same predicate (or two verbs of one deed: "released" / "published", "quit" /
"resigned": :data:`DEED_SYNONYMS`) and actors (as the ``negation`` guards of
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
(:mod:`newsprism.reconcile.votes`), its dates at most ``VOTE_DAYS`` apart. An
occasion named by a noun and dated on the noun ("the mayoral debate on Tuesday",
"Thursday's debate": the parser hangs the date on no verb;
:mod:`newsprism.reconcile.event_nouns` reads it) is one event when the noun and its
describing words are the same and both sides are definite
(:func:`event_date_discrepancies`). One utterance two outlets quote in
the same words, its telling dated apart by a few days, is one event too
(:func:`statement_date_discrepancies`).

The dates of a clause (:func:`clause_dates`) also serve the other passes' guard 6 (no
different occasions: :func:`one_occasion`).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from spacy.tokens import Doc, Span, Token

from newsprism.model import DateMention, Discrepancy, Passage, Quote
from newsprism.reconcile.actors import StateNames, same_actors
from newsprism.reconcile.clauses import (
    Clause,
    Parsed,
    content_word,
    is_asserted,
    is_negated,
    is_reduced_relative,
    lemma_of,
    usable,
)
from newsprism.reconcile.dated_roles import heads_apart, names_apart
from newsprism.reconcile.discrepancy_groups import (
    WORDS,
    DiscrepancyOptions,
    claims_of,
    clause_actors,
    components,
    prefixes,
    similar_pairs,
    threshold_for,
)
from newsprism.reconcile.event_nouns import (
    EVENT_NOUNS,
    EventKey,
    dated_occasion,
    event_key,
    names_event,
)
from newsprism.reconcile.material import ByStart, StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity
from newsprism.reconcile.votes import one_vote, votes

__all__ = [
    "DEED_SYNONYMS",
    "STATEMENT_DAYS",
    "VOTE_DAYS",
    "both_knowable",
    "clause_dates",
    "date_discrepancies",
    "dates_clash",
    "deed_kin",
    "event_date_discrepancies",
    "mention_span",
    "one_deed",
    "one_occasion",
    "statement_date_discrepancies",
    "vote_date_discrepancies",
]

logger = logging.getLogger(__name__)

_QUOTED = re.compile(r"[“\"«„][^“”\"«»„]*[”\"»“]")
_REPEATS = frozenset({"again", "second", "another", "once", "resume", "renew", "repeat"})


def clause_dates(
    clause: Clause, material: StoryMaterial, skip: Sequence[tuple[int, int]] = ()
) -> list[tuple[str, str]]:
    """Resolved (first day, last day) of the date mentions attached to the predicate
    (inside its subtree, with no other predicate between); mentions starting inside a
    ``skip`` span (article offsets) are left out."""
    analysis = material.analysis(clause.sentence.article)
    if analysis is None:
        return []
    doc = clause.predicate.doc
    length = len(doc.text)  # Doc.text joins every token: once, not per mention
    found: list[tuple[str, str]] = []
    for mention in _mentions_within(
        material, clause.sentence.article, clause.sentence.start, length
    ):
        if mention.date is None:  # never: _mentions_within keeps resolved ones
            continue
        if any(start <= mention.start < end for start, end in skip):
            continue
        span = mention_span(doc, length, clause.sentence.start, mention)
        if span is None:
            continue
        head = span.root
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if clause.predicate.i in (head.i, content_word(head).i):
            found.append(_day_range(mention.date))
    return _narrowest(found)


def _mentions_within(
    material: StoryMaterial, article_id: str, start: int, length: int
) -> list[DateMention]:
    """The article's resolved, unambiguous date mentions that start in [start, start +
    length), in the analysis' order: the ones :func:`mention_span` can place in a
    sentence of that span. A bisect of the article's mentions sorted by start, made once
    per story (per clause, every clause scanned all the article's dates: quadratic in a
    live blog, review s35 fuzz F2)."""
    memo = material.memo("resolved mentions by start")
    index = memo.get(article_id)
    if index is None:
        analysis = material.analysis(article_id)
        dates = [] if analysis is None else analysis.dates
        index = memo[article_id] = ByStart(
            [d for d in dates if d.date is not None and not d.ambiguous]
        )
    found: list[DateMention] = index.within(start, start + length)
    return found


def mention_span(doc: Doc, length: int, start: int, mention: DateMention) -> Span | None:
    """The tokens of a date mention in ``doc``, the parse of a sentence that starts at
    article offset ``start`` and is ``length`` characters long; None when the mention
    starts outside the sentence or on no token."""
    offset = mention.start - start
    if not 0 <= offset < length:
        return None
    return doc.char_span(offset, offset + len(mention.text), alignment_mode="expand")


def _day_range(resolved: str) -> tuple[str, str]:
    """(first day, last day) of a resolved date: "2024-03-04" or an interval
    "2024-03-04/2024-03-10"."""
    first, _, last = resolved.partition("/")
    return first, last or first


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
    """The sentence's resolved past dates (first day, last day), in the analysis'
    order: a look-up in the article's table (:func:`_date_table`), kept per sentence
    for the story (four passes ask it of every sentence)."""
    memo = material.memo("resolved dates")
    key = (sentence.article, sentence.start, sentence.end)
    found: list[tuple[str, str]] | None = memo.get(key)
    if found is None:
        starts, rows = _date_table(material, sentence.article)
        inside = rows[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        found = memo[key] = [dates for _, dates in sorted(inside)]
    return found


def _date_table(
    material: StoryMaterial, article_id: str
) -> tuple[list[int], list[tuple[int, tuple[str, str]]]]:
    """The article's resolved, unambiguous, past date mentions sorted by where they
    start: their starts, and (place in the analysis, (first day, last day)); made once
    per article and story (per sentence, every sentence scanned all the article's
    dates: a live blog's hundreds of dates times its hundreds of sentences)."""
    memo = material.memo("date table")
    table = memo.get(article_id)
    if table is None:
        analysis = material.analysis(article_id)
        mentions = (
            []
            if analysis is None
            else [
                (d.start, n, _day_range(d.date))
                for n, d in enumerate(analysis.dates)
                if d.date is not None and not d.ambiguous and not d.future
            ]
        )
        mentions.sort()
        table = memo[article_id] = ([m[0] for m in mentions], [(m[1], m[2]) for m in mentions])
    return table


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
    # Sentences with the same dates and words (syndicated copies, a live blog's
    # repeats) are one kind: the date and word tests run once per pair of kinds, not
    # per pair of sentences.
    kinds: dict[tuple[tuple[tuple[str, str], ...], frozenset[str]], list[Passage]] = {}
    for sentence, dates, words in dated:
        kinds.setdefault((tuple(dates), frozenset(words)), []).append(sentence)
    groups = list(kinds.items())
    keep: set[tuple[str, int]] = set()
    for x, ((a_dates, a_words), a_members) in enumerate(groups):
        for (b_dates, b_words), b_members in groups[x:]:
            if not any(dates_clash([p], [q]) for p in a_dates for q in b_dates):
                continue
            if len(a_words & b_words) >= overlap * len(a_words | b_words):
                _keep_pairs(material, a_members, b_members, a_members is b_members, keep)
    return [s for s, _, _ in dated if (s.article, s.start) in keep]


def _keep_pairs(
    material: StoryMaterial,
    first: Sequence[Passage],
    second: Sequence[Passage],
    same: bool,
    keep: set[tuple[str, int]],
) -> None:
    """Keep both sentences of each pair (one from each kind; two of the kind when
    ``same``) that are of one article or of two sources. Pairs of one article are kept
    too: the guard against an article that gives the predicate both dates (a
    recurring event) must see both sentences."""
    for i, a in enumerate(first):
        for b in second[i + 1 :] if same else second:
            if a.article == b.article or material.source_of(a.article) != material.source_of(
                b.article
            ):
                keep.update({(a.article, a.start), (b.article, b.start)})


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


#: Verbs that tell one deed in outlets' own words: a report "released" Tuesday is the
#: one "published" Wednesday, a minister who "quit" the one who "resigned". Not
#: "leave" / "depart": "left the meeting" and "departed for Oslo" are two goings.
DEED_SYNONYMS: Final = (
    frozenset({"release", "publish", "issue", "unveil", "post"}),
    frozenset({"announce", "unveil", "reveal", "disclose"}),
    frozenset({"resign", "quit"}),
    frozenset({"arrest", "detain"}),
    # Going missing: "vanished" / "disappeared" (and "went missing":
    # :mod:`newsprism.reconcile.day_names`).
    frozenset({"disappear", "vanish"}),
    # The start of one act, told by either verb: "the strike began Monday" / "the strike
    # started Tuesday" (its actors and similarity guards as for one verb).
    frozenset({"begin", "start"}),
)


def one_deed(a: str, b: str) -> bool:
    """Whether two predicate lemmas tell one deed: the same lemma, or one class of
    :data:`DEED_SYNONYMS`."""
    return b in deed_kin(a)


def deed_kin(lemma: str) -> set[str]:
    """The lemmas telling the same deed as ``lemma`` (itself and its synonym classes)."""
    return {lemma} | {x for c in DEED_SYNONYMS if lemma in c for x in c}


def _deed_pairs(clauses: Sequence[Clause]) -> Iterator[tuple[Clause, Clause]]:
    """The pairs (a, b), a before b, whose predicates tell one deed (:func:`one_deed`),
    in the order of every pair: from an index of the clauses by lemma, not every pair
    (a story of one event dates hundreds of clauses, most pairs of other verbs)."""
    by_lemma: dict[str, list[int]] = {}
    for n, clause in enumerate(clauses):
        by_lemma.setdefault(clause.lemma, []).append(n)
    for i, a in enumerate(clauses):
        for n in sorted(n for k in deed_kin(a.lemma) for n in by_lemma.get(k, ()) if n > i):
            yield a, clauses[n]


def both_knowable(
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
    if not same_actors(mine, theirs, kinds=True) or heads_apart(a.predicate, b.predicate):
        return False
    if names_apart(a.predicate, b.predicate):
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
    """``date`` for one predicate dated differently by two sources (the module
    docstring lists the guards)."""
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
        for a, b in _deed_pairs(clauses)
        if a.source != b.source
        and (a.sentence.article, a.lemma) not in recurring
        and (b.sentence.article, b.lemma) not in recurring
        and dates_clash(dates[id(a)], dates[id(b)])
        and both_knowable(material, a, dates[id(a)], b, dates[id(b)])
        and _same_event_actors(a, b, material, states)
    ]
    return _dated_apart(material, _similar_dated(pairs, similarity, opts))


def _dated_apart(
    material: StoryMaterial, pairs: Sequence[tuple[Clause, Clause]]
) -> list[Discrepancy]:
    """One ``date`` discrepancy per connected group of clashing pairs, about its first
    clause's sentence."""
    return [
        Discrepancy(group[0].text, "date", claims_of(material, group))
        for group in components(pairs)
    ]


def _similar_dated(
    pairs: Sequence[tuple[Clause, Clause]], similarity: TextSimilarity, opts: DiscrepancyOptions
) -> list[tuple[Clause, Clause]]:
    """Guard 7 for dated pairs: ``date_dense`` by the dense similarity, or
    ``date_lexical`` by word overlap whichever similarity the brief uses. Shared words
    are evidence of one event that a sentence embedding can miss: a clause with a long
    reduced relative ("Holt told The Courier in an interview printed Sunday" /
    "remarks to the Kelmar Courier printed Saturday", invented wording for a BASIL
    contradictions development item) scores 0.39 dense in the story's pooled vectors and 0.44
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
        and both_knowable(material, a.clause, a_dates, b.clause, b_dates)
        and not any(
            c.clause.sentence.article in (a.clause.sentence.article, b.clause.sentence.article)
            and one_vote(c, a)
            and dates_clash(c_dates, a_dates if c.clause.source == a.clause.source else b_dates)
            for c, c_dates in found
        )
    ]
    return _dated_apart(material, pairs)


@dataclass(frozen=True, slots=True)
class _DatedEvent:
    clause: Clause
    key: EventKey
    dates: tuple[tuple[str, str], ...]


def _dated_events(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed
) -> list[_DatedEvent]:
    """Definite event nouns that carry a resolved, past, unambiguous date."""
    found = []
    for sentence, doc in zip(sentences, parsed.docs(sentences), strict=True):
        analysis = material.analysis(sentence.article)
        if analysis is None:
            continue
        dated: dict[int, list[tuple[str, str]]] = {}
        nouns: dict[int, Token] = {}
        length = len(doc.text)
        for mention in _mentions_within(material, sentence.article, sentence.start, length):
            if mention.date is None or mention.future:
                continue
            span = mention_span(doc, length, sentence.start, mention)
            noun = dated_occasion(span) if span is not None else None
            if noun is None:
                continue
            dated.setdefault(noun.i, []).append(_day_range(mention.date))
            nouns[noun.i] = noun
        source = material.source_of(sentence.article)
        for i, dates in dated.items():
            clause = Clause(sentence, source, nouns[i], False)
            found.append(_DatedEvent(clause, event_key(nouns[i]), tuple(_narrowest(dates))))
    return found


def _one_event(a: _DatedEvent, b: _DatedEvent) -> bool:
    """One head noun described by the same words: "the vice presidential debate" and
    "his debate" (a BASIL story's president's debate of the week before) are two."""
    return a.key == b.key


class _ArticleDates:
    """Each sentence's words (case-folded) and resolved dates, read once, grouped by
    article; and whether an article dates an event both ways, worked out once per
    article, event and date (many mentions of one event asked it again for every
    clashing pair: look-ups the cube of the mentions)."""

    def __init__(self, material: StoryMaterial, sentences: Sequence[Passage]) -> None:
        self.read = [
            (set(WORDS.findall(s.text.casefold())), _resolved(material, s)) for s in sentences
        ]
        self.by_article: dict[str, list[tuple[set[str], list[tuple[str, str]]]]] = {}
        for sentence, words_and_dates in zip(sentences, self.read, strict=True):
            self.by_article.setdefault(sentence.article, []).append(words_and_dates)
        self._asked: dict[tuple[str, EventKey, tuple[tuple[str, str], ...]], bool] = {}

    def dated_both_ways(self, a: _DatedEvent, b: _DatedEvent) -> bool:
        """Whether ``b``'s article also gives ``a``'s date to a sentence naming the event
        (its noun and describing words, however the parser hangs the date there): a
        series of debates, or the article telling both dates itself."""
        key = (b.clause.sentence.article, a.key, a.dates)
        if key not in self._asked:
            self._asked[key] = any(
                names_event(words, a.key) and any(not dates_clash([x], a.dates) for x in dates)
                for words, dates in self.by_article.get(key[0], [])
            )
        return self._asked[key]


def event_date_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``date`` for one occasion named by a noun and dated differently: "the mayoral
    debate on Tuesday" / "Thursday's mayoral debate". The same
    event noun described alike (:func:`_one_event`), definite on both sides, each date
    knowable to the other article, and no article dating that event twice apart (a
    series: "last week's debate" and "Thursday's debate"). No similarity guard: the
    noun, its description and the definite article are the guard."""
    known = _ArticleDates(material, sentences)
    dated = [
        s
        for s, (words, dates) in zip(sentences, known.read, strict=True)
        if dates and any(w in EVENT_NOUNS for w in words)
    ]
    events = _dated_events(material, dated, parsed)
    pairs = [
        (a.clause, b.clause)
        for i, a in enumerate(events)
        for b in events[i + 1 :]
        if a.clause.source != b.clause.source
        and _one_event(a, b)
        and dates_clash(a.dates, b.dates)
        and both_knowable(material, a.clause, a.dates, b.clause, b.dates)
        and not known.dated_both_ways(a, b)
        and not known.dated_both_ways(b, a)
    ]
    return _dated_apart(material, pairs)


#: One utterance dated twice is a few days off at most ("said Tuesday" / "said
#: Wednesday"; the BASIL calibration, development and contradictions files date their
#: gold weekday contradictions 1-2 days apart); further apart, a speaker repeating a line
#: (a stump speech) or a year resolved wrongly ("March 2" of another year) is likelier.
#: 3: those gold pairs with a day to spare (was 7: a stump line said in two towns a
#: week apart paired).
STATEMENT_DAYS = 3
# Six words running in two outlets' direct quotes (three shared word 4-grams) make one
# utterance; a shared slogan or title ("In God We Trust") does not.
_SHARED_GRAMS = 3
_QUOTE_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True, slots=True)
class _DatedQuote:
    clause: Clause
    speaker: str
    grams: frozenset[tuple[str, ...]]
    dates: tuple[tuple[str, str], ...]
    places: frozenset[str] = frozenset()  # proper nouns after "in"/"at" on the cue


def _cue_places(verb: Token, start: int, quoted: Sequence[tuple[int, int]]) -> frozenset[str]:
    """Proper nouns the cue verb's own words place it at ("said at a rally in Kelmar",
    "told supporters in Sarnow" -> {kelmar} / {sarnow}), quoted words left out
    (``start``: the sentence's article offset)."""
    return frozenset(
        t.lower_
        for t in verb.subtree
        if t.pos_ == "PROPN"
        and t.dep_ in ("pobj", "compound")
        and _under_place_preposition(t)
        and not any(a <= start + t.idx < b for a, b in quoted)
    )


def _under_place_preposition(token: Token) -> bool:
    word = token.head if token.dep_ == "compound" else token
    return word.dep_ == "pobj" and word.head.lower_ in ("in", "at")


def _grams(text: str, n: int = 4) -> frozenset[tuple[str, ...]]:
    words = _QUOTE_WORDS.findall(text.casefold().replace("’", "'"))
    return frozenset(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


@dataclass(frozen=True, slots=True)
class _QuoteDraft:
    """A direct quote whose cue lies in a dated sentence, before the cue is parsed."""

    quote: Quote
    sentence: Passage
    speaker: str  # case-folded
    grams: frozenset[tuple[str, ...]]


def _dated_quotes(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed
) -> list[_DatedQuote]:
    """Direct quotes of a resolved speaker whose cue verb carries a resolved past date
    outside quotation marks ("'...,' Holt said Tuesday"). Only quotes another source
    gives in the same words are parsed (parsing is the costly step)."""
    drafts, quoted = _quote_drafts(material, sentences)
    drafts = _told_elsewhere(material, drafts)
    docs = parsed.docs([d.sentence for d in drafts])
    found = []
    for draft, doc in zip(drafts, docs, strict=True):
        dated = _dated_cue(material, draft, doc, quoted[draft.sentence.article])
        if dated is not None:
            found.append(dated)
    return found


def _quote_drafts(
    material: StoryMaterial, sentences: Sequence[Passage]
) -> tuple[list[_QuoteDraft], dict[str, list[tuple[int, int]]]]:
    """The direct quotes of a resolved speaker whose cue lies in one of ``sentences``
    with a resolved past date; and each article's direct quotes' spans (where a date is
    quoted, not the cue's)."""
    drafts: list[_QuoteDraft] = []
    quoted: dict[str, list[tuple[int, int]]] = {}
    dated: dict[str, list[Passage]] = {}
    for s in sentences:
        if _resolved(material, s):
            dated.setdefault(s.article, []).append(s)
    for article in material.articles:
        analysis = material.analysis(article.id)
        if analysis is None:
            continue
        quoted[article.id] = [(q.start, q.end) for q in analysis.quotes if q.direct]
        mine = dated.get(article.id, [])
        for quote in analysis.quotes:
            if not quote.direct or not quote.speaker or quote.cue_start is None:
                continue
            sentence = next((s for s in mine if s.start <= quote.cue_start < s.end), None)
            if sentence is not None:
                speaker = quote.speaker.casefold()
                drafts.append(_QuoteDraft(quote, sentence, speaker, _grams(quote.text)))
    return drafts, quoted


def _told_elsewhere(material: StoryMaterial, drafts: list[_QuoteDraft]) -> list[_QuoteDraft]:
    """The drafts whose speaker another source quotes in the same words."""
    return [
        d
        for d in drafts
        if any(
            material.source_of(o.sentence.article) != material.source_of(d.sentence.article)
            and o.speaker == d.speaker
            and len(o.grams & d.grams) >= _SHARED_GRAMS
            for o in drafts
        )
    ]


def _dated_cue(
    material: StoryMaterial, draft: _QuoteDraft, doc: Doc, quoted: Sequence[tuple[int, int]]
) -> _DatedQuote | None:
    """The quote with the dates of its cue verb (``doc``: the parse of its sentence),
    dates inside ``quoted`` spans left out; None when the cue is no asserted,
    un-negated verb or carries no date."""
    quote, sentence = draft.quote, draft.sentence
    if quote.cue_start is None:  # kept out of the drafts; narrows the type
        return None
    cue_end = quote.cue_end if quote.cue_end is not None else quote.cue_start + 1
    span = doc.char_span(
        quote.cue_start - sentence.start, cue_end - sentence.start, alignment_mode="expand"
    )
    if span is None:
        return None
    verb = span.root
    if verb.pos_ not in ("VERB", "AUX") or is_negated(verb) or not is_asserted(verb):
        return None
    clause = Clause(sentence, material.source_of(sentence.article), verb, False)
    dates = clause_dates(clause, material, quoted)
    if not dates:
        return None
    places = _cue_places(verb, sentence.start, quoted)
    return _DatedQuote(clause, draft.speaker, draft.grams, tuple(dates), places)


def _one_utterance(a: _DatedQuote, b: _DatedQuote) -> bool:
    return a.speaker == b.speaker and len(a.grams & b.grams) >= _SHARED_GRAMS


def _one_setting(a: _DatedQuote, b: _DatedQuote) -> bool:
    """No two places told: a line said "at a rally in Kelmar" and "in Sarnow" was
    said twice, on two occasions."""
    return not (a.places and b.places) or bool(a.places & b.places)


def _said_both_days(
    told: set[tuple[str, tuple[tuple[str, str], ...]]], a: _DatedQuote, b: _DatedQuote
) -> bool:
    """Whether ``a``'s or ``b``'s source also tells the utterance (``told``: its
    sources and dates) on the other's day: a line said twice."""
    return any(
        source in (a.clause.source, b.clause.source)
        and not dates_clash(dates, b.dates if source == a.clause.source else a.dates)
        for source, dates in told
    )


def statement_date_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``date`` for one utterance dated differently: two outlets quote the same speaker
    in the same words (:func:`_one_utterance`) and date the telling apart ("'...,' Holt
    said Tuesday" / "Holt said Wednesday: '...'"), at most :data:`STATEMENT_DAYS`
    apart, each date knowable to the other article, dates inside quotation marks left
    out ("'As I said yesterday, ...'"), no two places told on the cues
    (:func:`_one_setting`), and no article quoting those words on the other
    side's day too (a line said twice). No similarity guard: the speaker and the shared
    words are the guard."""
    quotes = _dated_quotes(material, sentences, parsed)
    # Each quote's utterance, as the (source, dates) it is told with: found once (per
    # clashing pair it cost the cube of the quotes).
    told = [{(c.clause.source, c.dates) for c in quotes if _one_utterance(c, a)} for a in quotes]
    pairs = [
        (a.clause, b.clause)
        for i, a in enumerate(quotes)
        for b in quotes[i + 1 :]
        if a.clause.source != b.clause.source
        and _one_utterance(a, b)
        and _one_setting(a, b)
        and dates_clash(a.dates, b.dates)
        and _days_apart(a.dates, b.dates) <= STATEMENT_DAYS
        and both_knowable(material, a.clause, a.dates, b.clause, b.dates)
        and not _said_both_days(told[i], a, b)
    ]
    return _dated_apart(material, pairs)
