"""Discrepancies of kind ``actor`` for who one person is to another: "Mira Olsen's
husband, Ole Varga" against "her brother Ole Varga" cannot both be true of one Ole Varga
and one Mira Olsen.

A tie is read off the parse (:func:`ties_in`): a kinship noun (:data:`KIN`) with the
person it names beside it ("her husband Ole Varga", "Ole Varga, Olsen's husband", "Ole
Varga, the husband of Mira Olsen", "Varga is Olsen's husband") and the one it is told
of, as a possessor or after "of" ("his", "her" are the person the article named last:
:func:`~newsprism.reconcile.actors.resolve_pronoun`; unresolved, the tie is left out).
A tie with "ex-", "former", "late", "estranged", "future" or "then" on the noun tells of
another time and is left out too.

Two ties clash when they come from different sources, name one person (a name word in
common) and one anchor (a name word in common), and their kinds exclude each other: a
spouse, a partner ("girlfriend", "fiancé"), a child, a parent, a sibling, a
grandchild, a grandparent, a cousin, a niece or nephew, an aunt or uncle; or one kind of
another sex ("son" / "daughter"). "Partner" and "spouse" say no more than a couple:
they clash with no spouse or partner. No article of either source may give the person
both ties (a stepfather who is also an uncle).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.model import Discrepancy, Passage
from newsprism.reconcile.actors import resolve_pronoun
from newsprism.reconcile.clauses import Parsed, lemma_of
from newsprism.reconcile.discrepancy_groups import DiscrepancyOptions, in_order
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import TextSimilarity

__all__ = ["KIN", "Tie", "kin_discrepancies", "kinds_clash", "ties_in"]

logger = logging.getLogger(__name__)

#: Kinship nouns: (kind, sex: "f", "m" or "" for either).
KIN: Final = {
    "wife": ("spouse", "f"), "husband": ("spouse", "m"), "spouse": ("couple", ""),
    "widow": ("spouse", "f"), "widower": ("spouse", "m"), "partner": ("couple", ""),
    "girlfriend": ("partner", "f"), "boyfriend": ("partner", "m"),
    "fiancee": ("partner", "f"), "fiancée": ("partner", "f"),
    "fiance": ("partner", "m"), "fiancé": ("partner", "m"),
    "son": ("child", "m"), "daughter": ("child", "f"), "stepson": ("child", "m"),
    "stepdaughter": ("child", "f"),
    "mother": ("parent", "f"), "father": ("parent", "m"), "mom": ("parent", "f"),
    "dad": ("parent", "m"), "stepmother": ("parent", "f"), "stepfather": ("parent", "m"),
    "brother": ("sibling", "m"), "sister": ("sibling", "f"),
    "grandson": ("grandchild", "m"), "granddaughter": ("grandchild", "f"),
    "grandmother": ("grandparent", "f"), "grandfather": ("grandparent", "m"),
    "cousin": ("cousin", ""), "nephew": ("nibling", "m"), "niece": ("nibling", "f"),
    "uncle": ("pibling", "m"), "aunt": ("pibling", "f"),
}  # fmt: skip
_COUPLE: Final = frozenset({"spouse", "partner", "couple"})
_OTHER_TIME: Final = frozenset({"ex", "former", "late", "estranged", "future", "then", "onetime"})
_KIN_WORD: Final = re.compile(r"\b(?:" + "|".join(sorted(KIN, key=len, reverse=True)) + r")\b")


@dataclass(frozen=True, slots=True)
class Tie:
    """One person told as another's kin in one sentence: the person's and the
    anchor's name words (case-folded), and the kinship noun."""

    sentence: Passage
    source: str
    person: frozenset[str]
    anchor: frozenset[str]
    noun: str


def kinds_clash(a: str, b: str) -> bool:
    """Whether two kinship nouns cannot both tie one person to one anchor."""
    (kind_a, sex_a), (kind_b, sex_b) = KIN[a], KIN[b]
    if "couple" in (kind_a, kind_b):
        return not {kind_a, kind_b} <= _COUPLE
    if kind_a != kind_b:
        return True
    return bool(sex_a and sex_b and sex_a != sex_b)


def kin_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``actor`` for one person tied to one anchor by kinships that exclude each other
    (guards in the module docstring; ``similarity`` and ``opts`` unused)."""
    ties = _ties(material, sentences, parsed)
    found: list[Discrepancy] = []
    for i, a in enumerate(ties):
        for b in ties[i + 1 :]:
            if a.source == b.source or not _one_tie(a, b) or not kinds_clash(a.noun, b.noun):
                continue
            if _told_both(ties, a, b):
                continue
            about = f"{a.noun} / {b.noun}"
            found.append(Discrepancy(about, "actor", in_order(material, (a.sentence, b.sentence))))
    return found


def _one_tie(a: Tie, b: Tie) -> bool:
    return bool(a.person & b.person) and bool(a.anchor & b.anchor)


def _told_both(ties: Sequence[Tie], a: Tie, b: Tie) -> bool:
    """Whether a source of either side also gives the other side's tie (or one that
    does not clash with it): the person is both."""
    for tie in ties:
        if tie.source not in (a.source, b.source) or tie is a or tie is b:
            continue
        other = b if tie.source == a.source else a
        if _one_tie(tie, other) and not kinds_clash(tie.noun, other.noun):
            return True
    return False


def _ties(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[Tie]:
    """Every tie in the sentences with a kinship noun, parsed only when sentences of
    two sources hold one."""
    marked = [s for s in sentences if _KIN_WORD.search(s.text.casefold())]
    if len({material.source_of(s.article) for s in marked}) < 2:
        return []
    found = []
    for sentence, doc in zip(marked, parsed.docs(marked), strict=True):
        found += ties_in(material, sentence, doc)
    return found


def ties_in(material: StoryMaterial, sentence: Passage, doc: Doc) -> list[Tie]:
    """The ties a parsed sentence tells (shapes in the module docstring)."""
    source = material.source_of(sentence.article)
    found = []
    for token in doc:
        noun = token.lower_
        if noun not in KIN or token.pos_ != "NOUN" or _other_time(token):
            continue
        person = _person(token)
        anchor = _anchor(material, sentence, token)
        if person and anchor and not person & anchor:
            found.append(Tie(sentence, source, person, anchor, noun))
    return found


def _other_time(noun: Token) -> bool:
    words = {c.lower_.rstrip("-") for c in noun.children if c.dep_ in ("amod", "compound")}
    return bool(words & _OTHER_TIME) or noun.doc[
        max(0, noun.i - 2) : noun.i
    ].text.lower().startswith("ex")


def _person(noun: Token) -> frozenset[str]:
    """The name the kinship noun is told of: beside it ("her husband Ole Varga", "Ole
    Varga, her husband"), or the subject of a copula it completes ("Varga is her
    husband")."""
    for child in noun.children:
        if child.dep_ in ("appos", "compound", "npadvmod") and child.pos_ == "PROPN":
            return _name(child)
    head = noun.head
    if noun.dep_ == "appos" and head.pos_ == "PROPN":
        return _name(head)
    if noun.dep_ == "compound" and head.pos_ == "PROPN":
        return _name(head)
    if noun.dep_ == "attr" and lemma_of(head) == "be":
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        return _name(subjects[0]) if subjects else frozenset()
    return frozenset()


def _anchor(material: StoryMaterial, sentence: Passage, noun: Token) -> frozenset[str]:
    """Whose kin: the noun's possessor ("Olsen's", "her": the person the article named
    last) or what follows its "of"."""
    for child in noun.children:
        if child.dep_ == "poss":
            if child.pos_ == "PRON":
                person = resolve_pronoun(material, sentence, child)
                return frozenset(person.casefold().split()) if person else frozenset()
            return _name(child)
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [o for o in child.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            if objects:
                return _name(objects[0])
    return frozenset()


def _name(token: Token) -> frozenset[str]:
    """The words of the proper name a token heads (its compounds with it)."""
    words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return frozenset(t.lower_ for t in [*words, token] if t.is_alpha)
