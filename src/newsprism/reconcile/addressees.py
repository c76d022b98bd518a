"""Who was told: one speaker's interview credited to two different outlets.

"Rask told a Northwave affiliate in Kelmar" against "Rask told Kelmar Lumen affiliate
KLMN-TV": the same speaker telling the same kind of outlet in the same place, the
outlet named differently. A fact-checker reads it as one local interview credited to
two stations, and asks which it was. The pass of
:mod:`newsprism.reconcile.discrepancies` reports it as ``actor`` (who was told, as
:mod:`newsprism.reconcile.rivals` reports who did). "Told" is a speech verb, which the
``negation`` guards leave out (whether someone spoke is not the claim); here the
addressee is the claim. Guards, all required:

1. one telling: a speech verb with one addressee ("told a Northwave affiliate", "spoke to
   a Northwave affiliate", "said in an interview with a Northwave affiliate"), asserted and
   un-negated, the speakers named on both sides and sharing a name
   (:func:`~newsprism.reconcile.actors.actors_of`: "he" is the person named before);
2. one kind of outlet: the addressee is described by a media noun (:data:`OUTLET_KINDS`:
   an affiliate, a station, a paper) that both sides use; "told Lumen News host Mara
   Lind" and "told Ivo Brandt" are two hosts, perhaps two interviews, and are
   never compared;
3. one place: both descriptions name a place (a town the story's analyses tag), the
   same one; "a station in Kelmar" and "a station in Sarnow" are two stops of a tour;
4. two outlets: each description names the outlet by other proper nouns than the
   place, and the two share none ("Northwave" / "Lumen", "KLMN");
5. each article takes one side: an article that writes the other side's outlet name
   anywhere is no witness against it (it may report both interviews);
6. one occasion: no resolved dates that clash (guard 6 of the ``negation`` pairs).

No similarity guard: the speaker, the kind of outlet and the place are the guard (the
quotes told may differ: two outlets quote different lines of one interview).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.aliases import fold_key
from newsprism.model import Discrepancy, Passage
from newsprism.reconcile.actors import StateNames, actors_of
from newsprism.reconcile.clauses import Clause, Parsed, is_asserted, is_finite, is_negated, lemma_of
from newsprism.reconcile.date_discrepancies import one_occasion
from newsprism.reconcile.discrepancy_groups import DiscrepancyOptions, claims_of, components
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import TextSimilarity

__all__ = ["OUTLET_KINDS", "addressee_discrepancies"]

logger = logging.getLogger(__name__)

#: Nouns that describe a news outlet by its kind; a proper noun beside one names it
#: ("a Northwave affiliate", "the Sarnow Courier newspaper").
OUTLET_KINDS: Final = frozenset(
    {"affiliate", "station", "network", "channel", "newspaper", "paper", "broadcaster",
     "magazine", "tabloid", "daily", "weekly", "website", "outlet"}
)  # fmt: skip
_PLACE_TYPES: Final = frozenset({"GPE", "LOC"})
# Dependents inside the addressee's noun phrase; a relative clause or apposition opens
# another claim.
_PHRASE: Final = frozenset({"compound", "amod", "nmod", "prep", "pobj", "det", "punct", "poss"})
_CUE: Final = re.compile(r"\b(?:told|tells?|telling|interview|spoke|speak|talk)", re.I)
# A word that can carry an OUTLET_KINDS lemma ("stations", "dailies"): a sentence
# without one names no outlet kind, so it is not parsed.
_KIND_WORD: Final = re.compile(
    r"\b(?:" + "|".join(sorted(k.removesuffix("y") for k in OUTLET_KINDS)) + ")", re.I
)
# Verbs whose speaker spoke to someone; "to" names whom after the talking ones.
_TALK: Final = frozenset({"speak", "talk"})
_SPOKE: Final = _TALK | {"tell", "say"}
# Prepositions that set a telling in an interview ("said in an interview with ...").
_SETTINGS: Final = frozenset({"in", "during"})


@dataclass(frozen=True, slots=True)
class _Told:
    clause: Clause
    speakers: frozenset[str]
    kinds: frozenset[str]  # media nouns of the addressee
    places: frozenset[str]  # fold keys
    names: frozenset[str]  # the outlet's other proper nouns, as written
    shown: str  # the addressee as the article writes it


def _phrase(token: Token) -> list[Token]:
    tokens = [token]
    for child in token.children:
        if child.dep_ in _PHRASE:
            tokens.extend(_phrase(child))
    return sorted(tokens, key=lambda t: t.i)


def _place_words(material: StoryMaterial) -> frozenset[str]:
    """Fold keys of every word of every place the story's analyses tag ("Kelmar" tagged
    in one sentence is a place where the tagger missed it, or folded it into "Kelmar
    Lumen")."""
    found: set[str] = set()
    for article in material.articles:
        analysis = material.analysis(article.id)
        for entity in analysis.entities if analysis else ():
            if entity.type in _PLACE_TYPES:
                found |= {fold_key(w) for w in entity.name.split()}
    return frozenset(found)


def _addressee(verb: Token) -> Token | None:
    """The head of whom the verb's speaker spoke to: "told a Northwave affiliate", "spoke to a
    Northwave affiliate", "said in an interview with a Northwave affiliate" (an interview set on the
    verb, :data:`_SETTINGS`); None when there is none or more than one."""
    lemma = lemma_of(verb)
    found = [c for c in verb.children if lemma == "tell" and c.dep_ in ("dobj", "dative")]
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if lemma in _TALK and prep.lower_ == "to":
            found += objects
        elif prep.lower_ in _SETTINGS:
            found += [
                o
                for noun in objects
                if lemma_of(noun) == "interview"
                for inner in noun.children
                if inner.dep_ == "prep" and inner.lower_ in ("with", "to")
                for o in inner.children
                if o.dep_ == "pobj"
            ]
    return found[0] if len(found) == 1 else None


def _told(
    token: Token, sentence: Passage, source: str, material: StoryMaterial, states: StateNames,
    places: frozenset[str],
) -> _Told | None:  # fmt: skip
    if lemma_of(token) not in _SPOKE or token.pos_ != "VERB":
        return None
    if is_negated(token) or not is_finite(token) or not is_asserted(token):
        return None
    addressee = _addressee(token)
    if addressee is None:
        return None
    phrase = _phrase(addressee)
    kinds = frozenset(lemma_of(t) for t in phrase if t.pos_ == "NOUN") & OUTLET_KINDS
    proper = [t for t in phrase if t.pos_ == "PROPN"]
    where = frozenset(fold_key(t.text) for t in proper if fold_key(t.text) in places)
    names = frozenset(t.text for t in proper if fold_key(t.text) not in places)
    clause = Clause(sentence, source, token, False)
    speakers = actors_of(token, sentence, material, states).agents
    if not (kinds and where and names and speakers):
        return None
    shown = sentence.text[phrase[0].idx : phrase[-1].idx + len(phrase[-1])]
    return _Told(clause, speakers, kinds, where, names, shown)


def _tellings(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[_Told]:
    places = _place_words(material)
    candidates = [s for s in sentences if _CUE.search(s.text) and _KIND_WORD.search(s.text)]
    found: list[_Told] = []
    for sentence, doc in zip(candidates, parsed.docs(candidates), strict=True):
        source = material.source_of(sentence.article)
        for token in doc:
            told = _told(token, sentence, source, material, parsed.states, places)
            if told is not None:
                found.append(told)
    return found


def _writes(material: StoryMaterial, article: str, names: frozenset[str]) -> bool:
    text = material.by_id[article].text
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names)


def _apart(a: _Told, b: _Told, material: StoryMaterial) -> bool:
    """Guards 1-5 on one pair."""
    if a.clause.source == b.clause.source or not a.speakers & b.speakers:
        return False
    if not a.kinds & b.kinds or a.places != b.places or a.names & b.names:
        return False
    return not (
        _writes(material, a.clause.sentence.article, b.names)
        or _writes(material, b.clause.sentence.article, a.names)
    )


def addressee_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``actor`` for who was told: one speaker's telling credited to two outlets of one
    kind and place (the module's guards; ``similarity`` and ``opts`` are taken for a
    uniform pass signature)."""
    del similarity, opts
    found = _tellings(material, sentences, parsed)
    pairs = [
        (a.clause, b.clause)
        for i, a in enumerate(found)
        for b in found[i + 1 :]
        if _apart(a, b, material) and one_occasion(a.clause, b.clause, material)
    ]
    shown = {id(t.clause): t for t in found}
    result = []
    for group in components(pairs):
        told = " / ".join(dict.fromkeys(shown[id(c)].shown for c in group))
        result.append(Discrepancy(f"who was told: {told}", "actor", claims_of(material, group)))
    logger.debug("%d tellings, %d discrepancies", len(found), len(result))
    return result
