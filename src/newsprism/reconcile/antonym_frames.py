"""The frame two antonym predicates must share to deny each other, and the time words
that keep a state's two sides apart (guards of the antonym path of
:mod:`newsprism.reconcile.discrepancies`, moved here to keep that module short).

"Passed" / "failed" deny each other only about one thing: both take an object sharing
a noun, or neither does (:func:`same_frame`). A state and its negative-prefixed
opposite told at two times ("was unaware of the leak on Monday" / "was aware of it by
Wednesday") is a state that changed (:func:`two_times`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Final

from spacy.tokens import Token

from newsprism.reconcile.clauses import Clause, is_reduced_relative, lemma_of

__all__ = ["same_frame", "two_times"]

logger = logging.getLogger(__name__)


# Words that anchor a state in time: a day, a month, a year, "by Wednesday", "until",
# "now", "since" (review, finding 11: "was unaware of the leak on Monday" / "was aware
# of it by Wednesday" is a state that changed, no contradiction).
_TIME_ANCHOR: Final = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|"
    r"(?:19|20)\d\d|[Yy]esterday|[Tt]oday|[Tt]onight|[Nn]ow|[Ss]ince|[Uu]ntil|till|"
    r"still|no longer|any more|anymore|[Ii]nitially|[Aa]t first|[Ll]ater|"
    r"[Bb]y (?:then|now|the time))\b"
)


def two_times(a: Clause, b: Clause) -> bool:
    """Whether two sentences anchor their states at different times (a state may
    change): their time words differ."""
    words = [{w.casefold() for w in _TIME_ANCHOR.findall(c.sentence.text)} for c in (a, b)]
    return words[0] != words[1]


def _complement(predicate: Token) -> tuple[set[str], bool]:
    """The lemmas of what the predicate takes (its object, or the clause it governs)
    and whether it takes an infinitive ("failed to keep pace")."""
    found: set[str] = set()
    infinitive = False
    if is_reduced_relative(predicate):
        # "the bill, vetoed by the governor": the noun is what was vetoed.
        noun = predicate.head
        found |= {lemma_of(t) for t in noun.children if t.dep_ == "compound"}
        found.add(lemma_of(noun))
    # "the bill was approved by the Senate": a passive with its doer named is the
    # active "the Senate approved the bill", its subject the object.
    passive = any(c.dep_ == "agent" for c in predicate.children)
    objects = ("dobj", "attr", "oprd", "ccomp", *(("nsubjpass",) if passive else ()))
    for child in predicate.children:
        if child.dep_ in objects:
            found |= {lemma_of(t) for t in child.subtree if t.pos_ in ("NOUN", "PROPN")}
            found.add(lemma_of(child))
        infinitive = infinitive or child.dep_ == "xcomp"
    return found, infinitive


def same_frame(a: Token, b: Token) -> bool:
    """Antonyms deny each other only about one thing: both take an object (or a clause)
    sharing a noun ("confirmed the meeting" / "denied there was a meeting"), or neither
    does ("the vote passed" / "the vote failed"); "she lost 43 votes" is no denial of
    "she won", nor "failed to reach port" of "passed"."""
    (left, a_to), (right, b_to) = _complement(a), _complement(b)
    if a_to != b_to:
        return False
    if bool(left) != bool(right):
        # "passed the Senate" / "failed in the Senate": the body one side takes as its
        # object is where the other side's deed happened, one thing all the same.
        return bool(left & _placed_in(b) or right & _placed_in(a))
    a_at, b_at = _named_settings(a), _named_settings(b)
    if a_at and b_at and not a_at & b_at:
        return False  # "gained seats in the House" / "lost seats in the Senate"
    if is_reduced_relative(a) or is_reduced_relative(b):
        # The noun a participle describes is its one thing; a whole object subtree
        # shares words with it too easily ("the levy, backed by the mayor" / "opposed the
        # cuts that ... kept in her budget": the kind of false pair a BASIL calibration
        # story gave the dense row).
        return bool(_object_heads(a) & _object_heads(b))
    return (not left or bool(left & right)) and _objects_agree(a, b)


def _objects_agree(a: Token, b: Token) -> bool:
    """Where both take a direct object: one head noun, and no preposition on it taking
    different nouns. "Endorsed the safety plan in Kelmar" and "opposed the budget
    deadline in Kelmar" share a noun, not a thing; nor do "endorsed night ferries on the
    Kelmar line" and "opposed night ferries on the Varna route"."""
    left = [c for c in a.children if c.dep_ == "dobj"]
    right = [c for c in b.children if c.dep_ == "dobj"]
    if not left or not right:
        return True
    if not {lemma_of(c) for c in left} & {lemma_of(c) for c in right}:
        return False
    mine, theirs = _object_preps(left), _object_preps(right)
    return all(mine[p] & theirs[p] for p in mine.keys() & theirs.keys())


def _object_preps(objects: Sequence[Token]) -> dict[str, set[str]]:
    """The nouns (head and compounds) after each preposition of the objects."""
    found: dict[str, set[str]] = {}
    for noun in objects:
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                words = {lemma_of(t) for t in pobj.children if t.dep_ == "compound"}
                found.setdefault(prep.lower_, set()).update(words | {lemma_of(pobj)})
    return found


def _placed_in(predicate: Token) -> set[str]:
    """The lemmas of the nouns the predicate is placed at by "in" / "at"."""
    return {
        lemma_of(o)
        for p in predicate.children
        if p.dep_ == "prep" and p.lower_ in ("in", "at")
        for o in p.children
        if o.dep_ == "pobj"
    }


def _named_settings(predicate: Token) -> set[str]:
    """Proper names the predicate or its object is placed at by "in" / "at" ("won in
    Ohio", "seats in the Senate"): two names, two things, as actors_of compares them."""
    holders = [predicate, *(c for c in predicate.children if c.dep_ in ("dobj", "attr"))]
    return {
        o.lower_
        for h in holders
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in ("in", "at")
        for o in p.children
        if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.text[:1].isupper())
    }


def _object_heads(predicate: Token) -> set[str]:
    """The head lemma of what the predicate takes: its object, or the noun a reduced
    relative describes."""
    if is_reduced_relative(predicate):
        return {lemma_of(predicate.head)}
    return {lemma_of(c) for c in predicate.children if c.dep_ in ("dobj", "attr", "oprd")}
