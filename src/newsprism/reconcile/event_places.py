"""Places of one event: two sources that hold one occasion in different towns.

"Rask said he got his dates wrong at the Tresny event" against "Rask said he got
his dates wrong at a 2019 event in Varna": one occasion (the same deed, by the same person, at one
event), two places. A place counts as the event's when the text ties it to an event
noun (:data:`EVENT_NOUNS`) as a modifier ("the Tresny event") or after "in"/"at" ("a
rally in Varna"); a place elsewhere in the sentence is not the event's. The pass of
:mod:`newsprism.reconcile.discrepancies` reports them as ``actor`` (who did what where,
as :mod:`newsprism.reconcile.places` does for where a person is). Guards:

1. one occasion: the same event noun, hanging on the same predicate lemma ("misspeak
   ... at/during the event"), asserted and un-negated, the agents agreeing where both
   name them (:func:`~newsprism.reconcile.outcomes.agents_agree`), no resolved dates
   that clash, a year on both sides the same year;
2. a known occasion: the event is definite ("the event") or dated by its year ("a 2008
   event"); "a rally in Varna" and "a rally in Tresny" may be two stops of a tour;
3. only the narrowest places compared (states, countries and places the story writes
   after a comma behind another are dropped, as in :mod:`newsprism.reconcile.places`),
   two places one sentence names together never clash;
4. each article takes one side: an article that names the other side's place anywhere
   (a place tagged by the analysis) is no witness against it;
5. clauses similar, as the ``negation`` pairs (``DiscrepancyOptions.lexical``/``.dense``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.aliases import AliasTable, fold_key
from newsprism.model import Discrepancy, Passage
from newsprism.reconcile.clauses import Clause, Parsed, is_asserted, is_negated, lemma_of
from newsprism.reconcile.date_discrepancies import one_occasion
from newsprism.reconcile.discrepancy_groups import (
    DiscrepancyOptions,
    claims_of,
    components,
    similar_pairs,
    threshold_for,
)
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.outcomes import agents_agree
from newsprism.reconcile.places import mentions, place_holders, places_of
from newsprism.reconcile.similarity import TextSimilarity

__all__ = ["EVENT_NOUNS", "event_place_discrepancies"]

logger = logging.getLogger(__name__)

#: Nouns of one occasion held somewhere.
EVENT_NOUNS: Final = frozenset(
    {"event", "ceremony", "rally", "meeting", "speech", "gathering", "summit", "conference",
     "fundraiser", "parade", "debate", "vigil", "concert", "convention", "forum", "dinner",
     "luncheon", "banquet", "reception", "memorial", "commemoration", "celebration"}
)  # fmt: skip
_PLACE_TYPES: Final = frozenset({"GPE", "LOC"})
_AT: Final = frozenset({"in", "at"})
_UP: Final = 4  # heads climbed from the event noun to its predicate ("during" "service" "about")
_YEAR: Final = re.compile(r"(?:1[89]|20)\d\d")
_CUE: Final = re.compile(r"\b(?:" + "|".join(sorted(EVENT_NOUNS)) + ")", re.I)


@dataclass(frozen=True, slots=True)
class _Held:
    clause: Clause
    event: str  # the event noun's lemma
    year: str | None
    places: frozenset[str]  # fold keys
    shown: dict[str, str]  # fold key -> the place as the story names it


def _predicate(noun: Token) -> Token | None:
    token = noun
    for _ in range(_UP):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            return token
    return None


def _tied(noun: Token, places: dict[int, str]) -> set[str]:
    found = {places[c.i] for c in noun.children if c.dep_ == "compound" and c.i in places}
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _AT:
            found |= {places[o.i] for o in prep.children if o.dep_ == "pobj" and o.i in places}
    return found


def _year(noun: Token) -> str | None:
    years = [c.text for c in noun.children if c.dep_ in ("nummod", "compound", "amod")]
    return next((y for y in years if _YEAR.fullmatch(y)), None)


def _held(noun: Token, places: dict[int, str], sentence: Passage, source: str) -> _Held | None:
    if lemma_of(noun) not in EVENT_NOUNS or noun.pos_ != "NOUN":
        return None
    tied = _tied(noun, places)
    year = _year(noun)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    verb = _predicate(noun)
    if not tied or not (definite or year) or verb is None:
        return None
    if is_negated(verb) or not is_asserted(verb):
        return None
    shown = {fold_key(p): p for p in tied}
    clause = Clause(sentence, source, verb, False)
    return _Held(clause, lemma_of(noun), year, frozenset(shown), shown)


def _lexicon(material: StoryMaterial) -> dict[str, str]:
    """Fold key -> name of every place the story's analyses tag: a town tagged in one
    sentence is the same town where the tagger missed it ("the Tresny event")."""
    found: dict[str, str] = {}
    for article in material.articles:
        analysis = material.analysis(article.id)
        for entity in analysis.entities if analysis else ():
            if entity.type in _PLACE_TYPES:
                found[fold_key(entity.name)] = entity.name
                for m in entity.mentions:
                    found.setdefault(fold_key(article.text[m.start : m.end]), entity.name)
    return found


def _places(
    doc: Doc, sentence: Passage, material: StoryMaterial, lexicon: dict[str, str]
) -> dict[int, str]:
    """Token index -> place name: the sentence's tagged places, and proper nouns the
    story tags as places elsewhere."""
    places = places_of(doc, sentence.start, mentions(material, sentence, _PLACE_TYPES))
    for token in doc:
        name = lexicon.get(fold_key(token.text)) if token.pos_ == "PROPN" else None
        if name is not None:
            places.setdefault(token.i, name)
    return places


def _events(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[_Held]:
    lexicon = _lexicon(material)
    candidates = [s for s in sentences if _CUE.search(s.text)]
    found: list[_Held] = []
    for sentence, doc in zip(candidates, parsed.docs(candidates), strict=True):
        places = _places(doc, sentence, material, lexicon)
        source = material.source_of(sentence.article)
        found += [h for t in doc if (h := _held(t, places, sentence, source)) is not None]
    return found


def _names_place(material: StoryMaterial, article: str, held: _Held, keys: Iterable[str]) -> bool:
    """Whether the article names one of the places anywhere (tagged or not)."""
    text = material.by_id[article].text
    return any(re.search(rf"\b{re.escape(held.shown[k])}\b", text) for k in keys)


def _one_event(a: _Held, b: _Held) -> bool:
    return (
        a.clause.source != b.clause.source
        and a.event == b.event
        and a.clause.lemma == b.clause.lemma
        and (a.year is None or b.year is None or a.year == b.year)
    )


def _apart(a: _Held, b: _Held, material: StoryMaterial, holders: set[str]) -> bool:
    """Guards 3-4: one narrowest place each, different, neither article naming the
    other's place."""
    mine, theirs = a.places - holders, b.places - holders
    if len(mine) != 1 or len(theirs) != 1 or mine == theirs:
        return False
    return not (
        _names_place(material, a.clause.sentence.article, b, theirs)
        or _names_place(material, b.clause.sentence.article, a, mine)
    )


def event_place_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``actor`` for where one event was: two sources holding it in different places
    (the module's guards)."""
    found = _events(material, sentences, parsed)
    if len(found) < 2:
        return []
    holders = place_holders(material, AliasTable.default())
    pairs = [
        (a.clause, b.clause)
        for i, a in enumerate(found)
        for b in found[i + 1 :]
        if _one_event(a, b)
        and _apart(a, b, material, holders)
        and agents_agree(a.clause, b.clause, material, parsed)
        and one_occasion(a.clause, b.clause, material)
    ]
    kept = similar_pairs(pairs, similarity, threshold_for(similarity, opts.lexical, opts.dense))
    shown = {id(h.clause): h for h in found}
    result = []
    for group in components(kept):
        held = [shown[id(c)] for c in group]
        where = " / ".join(sorted({h.shown[k] for h in held for k in h.places - holders}))
        about = f"where the {held[0].event} was: {where}"
        result.append(Discrepancy(about, "actor", claims_of(material, group)))
    logger.debug("%d event places, %d discrepancies", len(found), len(result))
    return result
