"""Opposed prepositions: two sources that place one thing in ways that exclude each
other, with the same predicate and no "not".

"Holt, looking straight into the camera" against "Holt looking over the camera";
"the council voted for the levy" against "the council voted against the levy". The
prepositions come from :data:`newsprism.reconcile.antonyms.OPPOSED_PREPOSITIONS`. A pair
of clauses (different sources) counts when:

1. both predicates have one lemma, both asserted and un-negated (no modal, hedge,
   condition, question, nor inside a denial), finite or a participle describing a
   scene ("a close-up of Holt looking over the camera"), never an infinitive ("were
   reluctant to vote for the levy");
2. each takes one of two opposed prepositions, and both prepositions take the same
   noun ("the camera" / "the camera");
3. the actors do not clash (no subject or object filled differently,
   :func:`compatible_roles`; prepositional phrases attach loosely here), and
   they are one: a subject both sides share, or, where a side's parse gives none
   ("a close-up of Holt looking over the camera"), a person both sentences name;
4. neither article itself puts both prepositions before the noun (that reports a
   change or a dispute: "voted for the levy in March, against the levy in May").

The caller (:mod:`newsprism.reconcile.discrepancies`) adds the date guard and the clause
similarity.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from spacy.tokens import Token

from newsprism.model import Passage
from newsprism.reconcile.actors import StateNames, actors_of, compatible_roles
from newsprism.reconcile.antonyms import OPPOSED_PREPOSITIONS, opposed_prepositions
from newsprism.reconcile.clauses import (
    Clause,
    Parsed,
    is_asserted,
    is_finite,
    is_negated,
    lemma_of,
)
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames, story_names

__all__ = ["opposed_pairs"]

logger = logging.getLogger(__name__)

_PREPS = frozenset(p for pair in OPPOSED_PREPOSITIONS for p in pair)
# A preposition of the table and the noun after it (an article or possessive between).
_PHRASE = re.compile(
    r"\b(" + "|".join(sorted(_PREPS)) + r")\s+(?:(?:the|a|an|his|her|its|their)\s+)?([^\W\d_]{3,})",
    re.I,
)


def _phrases(text: str) -> set[tuple[str, str]]:
    return {(p.casefold(), n.casefold()) for p, n in _PHRASE.findall(text)}


def _candidates(material: StoryMaterial, sentences: Sequence[Passage]) -> list[Passage]:
    """Prefilter: sentences with a preposition and noun whose opposed preposition a
    sentence of another source puts before the same noun."""
    marked = [(s, _phrases(s.text)) for s in sentences]
    marked = [m for m in marked if m[1]]
    keep: set[tuple[str, int]] = set()
    for i, (a, a_phrases) in enumerate(marked):
        wanted = {(q, n) for p, n in a_phrases for q in opposed_prepositions(p)}
        for b, b_phrases in marked[i + 1 :]:
            if material.source_of(a.article) != material.source_of(b.article) and (
                wanted & b_phrases
            ):
                keep.update({(a.article, a.start), (b.article, b.start)})
    return [s for s, _ in marked if (s.article, s.start) in keep]


def _told(token: Token) -> bool:
    """Guard 1: a finite verb, or a participle describing what a picture or a scene
    shows ("a close-up of Holt looking over the camera"); never an infinitive ("were
    reluctant to vote for the levy" tells of no vote)."""
    if token.dep_ == "xcomp" or any(c.tag_ == "TO" for c in token.children):
        return False
    described = token.dep_ in ("acl", "advcl", "relcl", "ccomp")
    return is_finite(token) or (token.tag_ in ("VBG", "VBN") and described)


def _disputed(material: StoryMaterial) -> set[tuple[str, str]]:
    """Guard 4: (article, noun) where the article itself puts opposed prepositions
    before the noun."""
    found: set[tuple[str, str]] = set()
    for article in material.articles:
        phrases = _phrases(article.text)
        found |= {
            (article.id, n)
            for p, n in phrases
            if any((q, n) in phrases for q in opposed_prepositions(p))
        }
    return found


def _placements(token: Token) -> set[tuple[str, str]]:
    """(preposition, noun lemma) of the table's prepositions on the predicate."""
    return {
        (prep.lower_, lemma_of(obj))
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in _PREPS
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN")
    }


def _people(material: StoryMaterial, sentence: Passage, names: StoryNames) -> set[str]:
    analysis = material.analysis(sentence.article)
    return {
        names.key(e.name)
        for e in (analysis.entities if analysis else ())
        if e.type == "PERSON"
        and any(sentence.start <= m.start and m.end <= sentence.end for m in e.mentions)
    }


def _one_actor(
    a: Clause, b: Clause, material: StoryMaterial, names: StoryNames, states: StateNames
) -> bool:
    """Guard 3."""
    left = actors_of(a.predicate, a.sentence, material, states)
    right = actors_of(b.predicate, b.sentence, material, states)
    if not compatible_roles(left, right, preps=False):
        return False
    if left.agents and right.agents:
        return bool(left.agents & right.agents)
    return bool(_people(material, a.sentence, names) & _people(material, b.sentence, names))


def _opposed(a: Clause, b: Clause, placed: dict[int, set[tuple[str, str]]]) -> bool:
    """Guard 2."""
    return any(
        q in opposed_prepositions(p) and n == m for p, n in placed[id(a)] for q, m in placed[id(b)]
    )


def opposed_pairs(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed
) -> list[tuple[Clause, Clause]]:
    """Pairs of clauses of different sources placing one thing by opposed prepositions
    (the module's guards 1-4), each pair once."""
    candidates = _candidates(material, sentences)
    clauses: list[Clause] = []
    placed: dict[int, set[tuple[str, str]]] = {}
    for sentence, doc in zip(candidates, parsed.docs(candidates), strict=True):
        for token in doc:
            found = _placements(token) if token.pos_ in ("VERB", "AUX") else set()
            if found and not is_negated(token) and is_asserted(token) and _told(token):
                clause = Clause(sentence, material.source_of(sentence.article), token, False)
                clauses.append(clause)
                placed[id(clause)] = found
    disputed = _disputed(material)
    names = story_names(material) if len(clauses) > 1 else None
    return [
        (a, b)
        for i, a in enumerate(clauses)
        for b in clauses[i + 1 :]
        if names is not None
        and a.source != b.source
        and a.lemma == b.lemma
        and _opposed(a, b, placed)
        and not any((c.sentence.article, n) in disputed for c in (a, b) for _, n in placed[id(c)])
        and _one_actor(a, b, material, names, parsed.states)
    ]
