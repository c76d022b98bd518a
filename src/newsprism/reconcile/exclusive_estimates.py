"""Two outlets' rough counts of one deed: the figures a claim is cut free of, as of a figure
other sources give (:mod:`newsprism.reconcile.exclusives`).

A rough count (a ceiling, a rough figure or a vague plural: "up to 70 vans", "about 300",
"hundreds of villagers") of plain things (no unit) is another source's news too when that
source tells a rough count of the same order as the subject or object of the same verb, and
the two sentences anchor it alike (:func:`estimated_figures`). Two outlets' rough counts of one
thing disagree, and neither is one source's detail; before, the fact was dropped
(``exclusives._estimated_elsewhere``) but its sentence came back whole as a claim.

Earlier forms of this cut were reverted (s34 F4, s35 F4): the same counted word and any
shared word joined two counts of two things ("Up to 300 workers could lose their jobs at
the plant" / "As many as 200 workers protested outside the plant"; two crowds "gathered"
in two towns). Here the figure's own verb must be the same (the parse, not a word nearby),
two sentences that both name people, organisations or places must share one of them, two
counted words ("villagers" / "protesters") must share one, and two sentences that each name
a place the other does not, or tell two days, are two deeds (:func:`_apart`). A day is no
anchor: two crowds dispersed on one Tuesday in two towns are two deeds (s38 review: 509d468
joined them on the weekday alone). Measured on the four development golds (exclusives,
lexical, analysis 39): Multi-News dev2 P 0.814 -> 0.838 at 509d468, 0.822 since the s38 fix
(R 0.847 throughout: two crowds told on one weekday without a shared name are claims again,
wrongly there; one pileup's ceilings of cars stay cut); BASIL calibration, development and
Multi-News dev unchanged (no figure cut there).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.numbers import parse_vague
from newsprism.model import Passage, Quantity
from newsprism.reconcile.clauses import english_parser
from newsprism.reconcile.material import StoryMaterial

__all__ = ["estimated_figures", "figure_verb"]

logger = logging.getLogger(__name__)

# The bounds of a rough count: a ceiling or a rough figure (a floor is most often a tally of
# known cases, see exclusives._ESTIMATES); a vague plural is read as a floor ("over") whose
# value is the plural's least reading.
_ROUGH: Final = frozenset({"under", "about"})
# How far up the parse a figure's verb is looked for, in arcs from the figure's last word
# ("disperse hundreds of villagers": hundreds -> disperse; "Up to 70 vans were involved":
# vans -> involved; "a crowd of about 300 gathered": 300 -> of -> crowd -> gathered).
_VERB_STEPS: Final = 3
_VERB_POS: Final = frozenset({"VERB"})
# The named entities that anchor a count (people, organisations, places); a group's name
# ("villagers from the valley", NORP) or a day is no anchor: one story's crowds share them.
_NAMES: Final = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_PLACES: Final = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that put a name where a deed happened ("in Brenn", "off Osterholm", "near the
# Brenn quarry"): a name they govern is a place whatever type the tagger gave it (a small
# town's name is often tagged PERSON or ORG).
_AT: Final = frozenset(
    {"in", "at", "near", "off", "outside", "inside", "around", "along", "across"}
)


@dataclass(frozen=True, slots=True)
class _Rough:
    """A rough count of the story: where it stands, its source, value, counted word,
    the lemma of its verb and what its sentence names: people, organisations and places
    (``names``, folded canonical names), the places among them and the calendar dates it
    tells (``days``, resolved ISO dates)."""

    passage: Passage
    source: str
    value: float
    head: str
    verb: str
    names: frozenset[str]
    places: frozenset[str]
    days: frozenset[str]


def _rough(q: Quantity) -> bool:
    """A ceiling, a rough figure or a vague plural ("up to 40", "about 300", "thousands")."""
    return q.approx in _ROUGH or (q.approx == "over" and parse_vague(q.text) == q.value)


def _head(about: str | None) -> str | None:
    """The counted word (the last word of ``about``), None for a part of a whole or a word
    under three letters (as exclusives._estimate_head)."""
    words = (about or "").split()
    if not words or any(w.startswith("(part)") for w in words) or len(words[-1]) < 3:
        return None
    return words[-1]


def figure_verb(doc: Doc, start: int, end: int) -> str | None:
    """The lemma of the verb a figure at characters ``start``-``end`` of ``doc`` is the
    subject or object of: from the figure's last word up the parse, at most
    :data:`_VERB_STEPS` arcs, to the first verb; None where no verb governs it that
    closely (a figure in a noun phrase of its own, a heading)."""
    words = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not words:
        return None
    token: Token = words[-1]
    for _ in range(_VERB_STEPS + 1):
        if token.pos_ in _VERB_POS:
            return token.lemma_.casefold()
        if token.head is token:
            return None
        token = token.head
    return None


def _located(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at characters ``start``-``end`` of ``doc`` is where something
    happens: the object of a preposition of place, itself or the noun it names ("near the
    Brenn quarry")."""
    words = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not words:
        return False
    token: Token = words[-1]
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _AT


def _anchors(
    material: StoryMaterial, sentence: Passage, doc: Doc
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The names, places and resolved dates a sentence (parsed as ``doc``) tells, from its
    article's analysis: the named entities with a mention in it (a place by its type or by
    :func:`_located`), the dates mentioned in it."""
    analysis = material.analysis(sentence.article)
    if analysis is None:
        return frozenset(), frozenset(), frozenset()
    names: set[str] = set()
    places: set[str] = set()
    for entity in analysis.entities:
        if entity.type not in _NAMES:
            continue
        for m in entity.mentions:
            if sentence.start <= m.start < sentence.end:
                names.add(entity.name.casefold())
                start, end = m.start - sentence.start, m.end - sentence.start
                if entity.type in _PLACES or _located(doc, start, end):
                    places.add(entity.name.casefold())
    days = {d.date for d in analysis.dates if d.date and sentence.start <= d.start < sentence.end}
    return frozenset(names), frozenset(places), frozenset(days)


def _candidates(material: StoryMaterial) -> list[tuple[Passage, Quantity, str, str]]:
    """Every rough count with a counted word: its sentence, the quantity, its source and
    counted word."""
    found = []
    for article in material.articles:
        analysis = material.analysis(article.id)
        source = material.source_of(article.id)
        for q in analysis.quantities if analysis is not None else ():
            head = _head(q.about)
            sentence = material.sentence_at(article.id, q.start)
            if head is not None and sentence is not None and _rough(q):
                found.append((sentence, q, source, head))
    return found


def _same_order(a: float, b: float, ratio: float) -> bool:
    low, high = sorted((abs(a), abs(b)))
    return low > 0 and high <= ratio * low


def _pairable(a: tuple[Passage, Quantity, str, str], b: tuple[Passage, Quantity, str, str]) -> bool:
    """Whether two rough counts could count one thing before the parse is asked: plain
    counts (no unit) of two sources with two figures."""
    (_, qa, sa, _), (_, qb, sb, _) = a, b
    return sa != sb and qa.value != qb.value and qa.unit is None and qb.unit is None


def _parsed(
    material: StoryMaterial, found: Sequence[tuple[Passage, Quantity, str, str]]
) -> list[_Rough]:
    texts = list(dict.fromkeys(s.text for s, _, _, _ in found))
    docs = dict(zip(texts, english_parser().pipe(texts), strict=True))
    result = []
    for sentence, q, source, head in found:
        start = q.start - sentence.start
        verb = figure_verb(docs[sentence.text], start, start + (q.end - q.start))
        if verb is None:
            continue
        passage = material.passage(sentence.article, q.start, q.end)
        names, places, days = _anchors(material, sentence, docs[sentence.text])
        result.append(_Rough(passage, source, q.value, head, verb, names, places, days))
    return result


def _apart(a: _Rough, b: _Rough) -> bool:
    """Whether two sentences tell two deeds whatever else they share: each names a place
    the other does not ("in Brenn" / "in Osterholm"), or both tell dates and none is the
    same (a day parts two counts, it never joins them)."""
    each_elsewhere = bool(a.places - b.names) and bool(b.places - a.names)
    return each_elsewhere or bool(a.days and b.days and not a.days & b.days)


def _one_deed(a: _Rough, b: _Rough, ratio: float) -> bool:
    """Whether two rough counts of two sources count one thing: the same verb, values of
    one order, not :func:`_apart`, and a shared name where both sentences name any; told
    with two counted words ("villagers" / "protesters"), a shared name in any case ("dozens
    of lorries" and "up to 70 vans" both "involved" in one crash are two counts)."""
    if a.verb != b.verb or not _same_order(a.value, b.value, ratio) or _apart(a, b):
        return False
    shared = bool(a.names & b.names)
    if a.head != b.head:
        return shared
    return not (a.names and b.names) or shared


def estimated_figures(material: StoryMaterial, ratio: float) -> list[Passage]:
    """The rough plain counts of the story (no unit: a sum of money or a measure is a
    rounded amount, and one story's fees, taxes and earnings are told with one verb, as
    "earned nearly $7 million" / "earned roughly $52 million": seen on BASIL calibration)
    that another source tells as a rough count of the same deed (see the module doc), within
    ``ratio`` of each other. Cost: one parse of each sentence holding a rough count that
    another source's rough count could pair with (few per story), and a pass over their
    pairs."""
    found = _candidates(material)
    pairable = [x for x in found if any(_pairable(x, y) for y in found)]
    if not pairable:
        return []
    rough = _parsed(material, pairable)
    result = [
        a.passage
        for a in rough
        if any(
            a.source != b.source and a.value != b.value and _one_deed(a, b, ratio) for b in rough
        )
    ]
    logger.debug("story %s: %d rough counts told elsewhere", material.story.id, len(result))
    return result
