"""One undergoer of a once-only deed: the tie :func:`newsprism.reconcile.places.deed_places`
takes when no doer is named on both sides.

"Police arrested Ivo Bel in Tresny" against "Ivo Bel was arrested in Varna": the police
of one side and the unnamed doer of the other are no shared agent, yet one person is
arrested once on one occasion, so the two places clash. The tie holds only:

1. for a deed that befalls its undergoer once on one occasion (:data:`ONCE`: arrested,
   found, killed, kidnapped, buried; "welcomed", "visited" or "questioned" may be done
   to one person in many places);
2. through an undergoer both sides name: a person or a thing named (an entity name of
   the analysis, or a proper noun; a surname alone is the story's one full name of it:
   :class:`~newsprism.reconcile.roster.StoryNames`), which a common noun alone is not ("the man was
   arrested in Tresny" / "the man was arrested in Varna" may be two men of one story);
   the undergoer is a known one on both sides (named, definite, or "he"/"she" resolved
   to the person named before: "a body was found" is one of many); the shared name
   stands in one place of both phrases (:func:`_positions`): the undergoer itself (its
   head, an apposition or a conjunct of it), or under the same nouns by the same
   words ("the body of Ivo Bel" / "Ivo Bel's body"), never under a noun of one side
   only ("the body of Ivo Bel's wife" / "the body of Ivo Bel": two bodies);
3. with the same years written in both sentences ("arrested in Varna in 2019" may be
   an earlier arrest of an undated "Monday"'s suspect);
4. with no role filled differently (two named doers, two undergoers) and no unresolved
   pronoun against a named subject (:func:`~newsprism.reconcile.actors.compatible_roles`).

The caller's other guards (the places, the articles' sides, dates, similarity) hold as
for a shared doer.
"""

from __future__ import annotations

import logging
import re
from typing import Final

from spacy.tokens import Token

from newsprism.reconcile.actors import StateNames, actors_of, compatible_roles, resolve_pronoun
from newsprism.reconcile.clauses import Clause, lemma_of
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames, story_names

__all__ = ["ONCE", "one_undergoer"]

logger = logging.getLogger(__name__)

#: Deeds that befall one undergoer once on one occasion, by lemma (a closed list of the
#: deeds news reports place: arrests, finds, killings, abductions, burials), each placed
#: where it is done. Hand-made, not fitted: the pass pairs nothing on the dev files
#: (BASIL calibration and development, the contradictions file and its 44 hard
#: negatives, both Multi-News files) with or without any of them. Left out: deeds whose
#: place may be where the undergoer is kept or brought rather than where it befell him:
#: "hospitalize" (a patient is moved between hospitals), "detain" (held in one town,
#: then in another), "rescue" (picked up at sea, brought ashore in a port); nor "die"
#: against "kill" (one may be shot in one town and die in another).
ONCE: Final = frozenset(
    {"arrest", "apprehend", "capture", "find", "discover", "locate", "recover",
     "kill", "shoot", "stab", "murder", "slay", "abduct", "kidnap", "bury", "abandon"}
)  # fmt: skip
# A year written out (guard 3).
_YEAR: Final = re.compile(r"\b(?:1[89]|20)\d\d\b")
#: Pronouns of one person: "He was arrested in Varna" tells of the person named before
#: (:func:`~newsprism.reconcile.actors.resolve_pronoun`; unresolved, it shares no name).
_PERSONAL: Final = frozenset({"he", "she", "him", "her"})
#: Determiners of one known thing ("the car", "this car"); a possessor counts too.
_DEFINITE: Final = frozenset({"the", "this", "that"})


def _undergoer(verb: Token) -> Token | None:
    """The one who undergoes the deed: its passive subject or its object; None when it
    has none or more than one."""
    found = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    return found[0] if len(found) == 1 else None


def _known(token: Token) -> bool:
    """Guard 2b: a named or definite undergoer ("Ivo Bel", "the stolen car", "his car",
    "the body of Ivo Bel", "he")."""
    if token.pos_ == "PROPN" or token.lower_ in _PERSONAL:
        return True
    return token.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in token.children
    )


def _common_words(token: Token) -> frozenset[str]:
    """The common nouns' lemmas of an undergoer's phrase: shared, they tie nothing."""
    return frozenset(lemma_of(t) for t in token.subtree if t.pos_ == "NOUN")


def one_undergoer(a: Clause, b: Clause, material: StoryMaterial, states: StateNames) -> bool:
    """Whether two clauses tell one once-only deed done to one named undergoer (guards in
    the module docstring)."""
    if lemma_of(a.predicate) not in ONCE or lemma_of(a.predicate) != lemma_of(b.predicate):
        return False
    if set(_YEAR.findall(a.sentence.text)) != set(_YEAR.findall(b.sentence.text)):
        return False
    mine_head, their_head = _undergoer(a.predicate), _undergoer(b.predicate)
    if mine_head is None or their_head is None or not (_known(mine_head) and _known(their_head)):
        return False
    mine, theirs = (actors_of(c.predicate, c.sentence, material, states) for c in (a, b))
    common = _common_words(mine_head) | _common_words(their_head)
    names = _story_names(material)
    placed = [
        {
            (where, names.key(n))
            for where, found in _positions(head, clause, material)
            for n in found
            if n not in common
        }
        for head, clause in ((mine_head, a), (their_head, b))
    ]
    return bool(placed[0] & placed[1]) and compatible_roles(mine, theirs, preps=False)


#: A name's place in the undergoer's phrase (:func:`_place`) and its written forms.
_Placed = tuple[tuple[str, ...], frozenset[str]]
#: Dependents that are parts of one name ("Ivo" of "Ivo Bel").
_NAME_PARTS: Final = frozenset({"compound", "flat"})


def _positions(head: Token, clause: Clause, material: StoryMaterial) -> list[_Placed]:
    """Each name of an undergoer's phrase with its place in the phrase (guard 2): the
    nouns above it and the words that hang it on them ("the body of Ivo Bel" and "Ivo
    Bel's body": ("body", "of")); the undergoer itself, its apposition or a conjunct
    of it, stands at (). A name hung otherwise (a compound of a common noun, a clause)
    has no place, and ties nothing."""
    found: list[_Placed] = []
    if head.lower_ in _PERSONAL:
        person = resolve_pronoun(material, clause.sentence, head)
        found.append(((), frozenset({person.casefold()} if person else ())))
    for token in head.subtree:
        if token.pos_ != "PROPN" or (token.dep_ in _NAME_PARTS and token.head.pos_ == "PROPN"):
            continue
        where = _place(token, head)
        if where is not None:
            found.append((where, _name_of(token, clause, material)))
    return found


def _place(name: Token, head: Token) -> tuple[str, ...] | None:
    """The nouns and linking words from the undergoer's head down to a name, or None
    when the name hangs on something else than "of"/a preposition or a possessive."""
    steps: list[str] = []
    token = name
    while token != head:
        if token.dep_ in ("appos", "conj"):
            token = token.head  # the noun it names, or one of the undergoers
            continue
        if token.dep_ == "poss":
            noun, word = token.head, "of"  # "Ivo Bel's body" is "the body of Ivo Bel"
        elif token.dep_ == "pobj" and token.head.dep_ == "prep":
            noun, word = token.head.head, lemma_of(token.head)
        else:
            return None
        steps[:0] = [lemma_of(noun), word]
        token = noun
    return tuple(steps)


def _name_of(name: Token, clause: Clause, material: StoryMaterial) -> frozenset[str]:
    """The written name of a proper noun and its parts ("Ivo Bel"), with the names of the
    analysis's entities mentioned within it."""
    parts = [name, *(t for t in name.subtree if t.dep_ in _NAME_PARTS and t.pos_ == "PROPN")]
    first, last = min(t.i for t in parts), max(t.i for t in parts)
    doc = name.doc
    written = doc[first : last + 1].text
    start = clause.sentence.start + doc[first].idx
    end = clause.sentence.start + doc[last].idx + len(doc[last])
    analysis = material.analysis(clause.sentence.article)
    entities = analysis.entities if analysis is not None else ()
    return frozenset(
        {written.casefold()}
        | {
            e.name.casefold()
            for e in entities
            if any(start <= m.start and m.end <= end for m in e.mentions)
        }
    )


def _story_names(material: StoryMaterial) -> StoryNames:
    """The story's name index, built once per story: a surname one article writes alone
    ("Moreno's body") is the one full name the story gives it ("the body of Daniel
    Moreno"); a surname two people share resolves to neither."""
    memo = material.memo(__name__)
    if "names" not in memo:
        memo["names"] = story_names(material)
    names: StoryNames = memo["names"]
    return names
