"""Facts: whose own figure a figure is, read off the parse of its sentence.

A person owns a figure only as the subject of the verb that governs the figure ("Quill
scored 20 points", "Brand led the Rams with 14 points", "Brand, who scored 14 points")
or as its possessor ("Quill's 20 points"), and so does the person the verb gives it to
("Voters handed Kross 52 percent", "52 percent was won by Kross"): :func:`owner_tokens`.
A person who is the subject of another verb of the clause owns nothing of it: in "Governor
Ada Kross declared an emergency after the floods killed 12 people" the 12 dead are the
floods' count, and a
second outlet's "Mayor Ola Brek ordered an evacuation after the floods killed 14 people"
is the same count told otherwise (s38 review 1: any person named earlier in the clause was
taken as the owner, hiding that true 'differ').

:func:`fact_scope.own_people` names the candidates (people named before the figure, no
verb of saying between); :func:`owners` keeps those the parse makes owners, and
:func:`pronoun_owns` lets :func:`fact_scope.holder` give a figure to the person named
before only where its "he"/"she" owns it. The parse is asked only for a sentence whose
figure has a candidate or a holder, through the story's :class:`Parses` (each distinct
sentence text parsed once per story; no state kept across stories): a caller that parses
the story's sentences already (the contradictions stage) may hand its own parses in.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import Final, Protocol

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsprism.reconcile.clauses import english_parser

__all__ = ["Parses", "SentenceParser", "owner_tokens", "owners", "pronoun_owns"]

logger = logging.getLogger(__name__)

# How far up the parse the figure's verb is looked for, in arcs from the figure's head
# word: "Brand led the Rams with 14 points" is points -> with -> led (2 arcs); "had 40
# yards receiving on four catches" catches -> on -> receiving -> yards -> had (4); two
# more for a figure in a conjoined noun or a clause's complement. Read on the invented
# cases of tests/test_facts_ranges_holders.py and test_facts_scope.py.
_VERB_STEPS: Final = 6
_VERBS: Final = frozenset({"VERB", "AUX"})
# The arcs of a word used as a noun: a counted noun the tagger took for a verb.
_NOMINAL: Final = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"})
# The arcs of a verb with no subject of its own that passes a figure up: a participle or
# clause modifying a word ("40 yards receiving on four catches"), a verb's complement
# ("went on to score 20 points"), an adverbial clause ("after scoring 20 points").
_PASSING: Final = frozenset({"acl", "xcomp", "advcl", "pcomp"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
# The arcs within one name or a list of names: "Mara Quill", "Quill and Brand",
# "Tessa Brand, the guard,".
_NAME_ARCS: Final = frozenset({"compound", "flat", "appos", "conj"})
_RELATIVE: Final = frozenset({"who", "that", "which"})
# The person a verb gives its figure to owns it too (s38 review): the dative ("handed
# Kross 52 percent", "awarded 3 million dollars to Kross"), a "to"/"for" phrase, the
# passive agent ("52 percent was won by Kross").
_RECEIVING: Final = frozenset({"dative", "agent"})
_RECEIVING_PREPS: Final = frozenset({"to", "for"})
# The arcs by which a figure is a verb's second object: the parser reads "handed Kross 52
# percent" as Kross the object and the figure an adverbial noun, so the object is the one
# handed it.
_SECOND_OBJECT: Final = frozenset({"npadvmod", "dobj"})
# A name the parser hangs on the counted noun ("awarded Kross 3 million dollars": Kross
# an nmod of dollars), owner like a possessor.
_POSSESSING: Final = frozenset({"poss", "nmod"})
_PRONOUNS: Final = frozenset({"he", "she"})


class SentenceParser(Protocol):
    """What the owner rules need of a story's parses: the parse of one sentence's text."""

    def doc(self, text: str) -> Doc: ...


class Parses:
    """A story's sentences parsed on demand, each distinct text once (syndicated copies
    repeat sentences word for word); made per story and dropped with it, so nothing of
    one story's parses outlives its brief."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        self._by_text: dict[str, Doc] = {}

    def doc(self, text: str) -> Doc:
        found = self._by_text.get(text)
        if found is None:
            if self._nlp is None:
                self._nlp = english_parser()
            found = self._by_text[text] = self._nlp(text)
        return found


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The word of the figure at characters ``start``-``end`` whose head lies outside it
    (the counted noun of "20 points", the figure itself where the noun is not in it)."""
    words = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    inside = {t.i for t in words}
    return next((t for t in words if t.head.i not in inside or t.head is t), None)


def _name_words(token: Token) -> Iterator[Token]:
    """The word and the words of the names joined to it (:data:`_NAME_ARCS`)."""
    yield token
    for child in token.children:
        if child.dep_ in _NAME_ARCS:
            yield from _name_words(child)


def _subjects(verb: Token) -> Iterator[Token]:
    """The subject words of ``verb``; a verb conjoined with no subject of its own takes
    its first verb's ("Quill scored 20 points and grabbed 14 rebounds"); a relative
    pronoun stands for the noun its clause hangs on ("Brand, who scored 14 points")."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects or verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    for subject in subjects:
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            yield from _name_words(verb.head)
        else:
            yield from _name_words(subject)


def _receivers(verb: Token, below: Token | None) -> Iterator[Token]:
    """The names a verb gives its figure to (:data:`_RECEIVING`): ``below`` is the word
    the figure came up by; a person object beside a figure that is a second object."""
    for child in verb.children:
        if child.dep_ in _RECEIVING or (child.dep_ == "prep" and child.lower_ in _RECEIVING_PREPS):
            targets = [c for c in child.children if c.dep_ == "pobj"] or [child]
            for target in targets:
                if target.pos_ == "PROPN":
                    yield from _name_words(target)
        elif (
            child.dep_ == "dobj"
            and below is not None
            and child is not below
            and below.dep_ in _SECOND_OBJECT
            and child.pos_ == "PROPN"
        ):
            yield from _name_words(child)


def _verb(token: Token) -> bool:
    """A verb as the parse uses it: not a counted noun the tagger took for a verb ("9
    passes" as the object of "caught")."""
    return token.pos_ in _VERBS and token.dep_ not in _NOMINAL


def owner_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """The words that own the figure at characters ``start``-``end`` of ``doc``: the
    possessors of the nouns on its way up the parse, and the subject of the first verb
    that has one (within :data:`_VERB_STEPS` arcs; a verb with none of its own that
    modifies or completes a word above it passes the figure up: "had 40 yards receiving
    on four catches", "went on to score 20 points"); none where no verb governs it that
    closely."""
    token = _span_root(doc, start, end)
    below: Token | None = None
    found: list[Token] = []
    for _ in range(_VERB_STEPS + 1):
        if token is None:
            break
        if _verb(token):
            subjects = list(_subjects(token))
            if subjects or token.dep_ not in _PASSING:
                return [*found, *subjects, *_receivers(token, below)]
        else:
            found += (w for c in token.children if c.dep_ in _POSSESSING for w in _name_words(c))
        below, token = token, (None if token.head is token else token.head)
    return found


def owners(
    parses: SentenceParser,
    sentence: str,
    offset: int,
    figure: tuple[int, int],
    candidates: frozenset[str],
    persons: Sequence[tuple[str, int, int]],
) -> frozenset[str]:
    """The ``candidates`` (keys of ``persons``: (key, start, end) of mentions, article
    offsets) whose mention holds a word owning the figure at article offsets ``figure``
    in ``sentence``, which starts at ``offset`` of the article (parsed by ``parses``)."""
    if not candidates:
        return candidates
    doc = parses.doc(sentence)
    words = owner_tokens(doc, figure[0] - offset, figure[1] - offset)
    starts = [offset + w.idx for w in words]
    found = frozenset(
        k for k, s, e in persons if k in candidates and any(s <= x < e for x in starts)
    )
    logger.debug("figure at %d: owners %s of %s", figure[0], sorted(found), sorted(candidates))
    return found


def pronoun_owns(
    parses: SentenceParser, sentence: str, offset: int, figure: tuple[int, int]
) -> bool:
    """Whether a "he"/"she" owns the figure at article offsets ``figure`` of ``sentence``
    (starting at ``offset``): "He had 612 yards", not "She declared an emergency after
    the floods killed 12 people" (:func:`fact_scope.holder` gives such a figure to the
    person named before; the same review found it)."""
    words = owner_tokens(parses.doc(sentence), figure[0] - offset, figure[1] - offset)
    return any(w.lower_ in _PRONOUNS for w in words)
