"""Occasions named by a noun: which nouns name one, and the one a date mention dates.

"The mayoral debate on Tuesday", "Thursday's debate", "the rally was held Tuesday": the
parser hangs the date on no verb, so the date passes of
:mod:`newsprism.reconcile.date_discrepancies` read the occasion off the noun. A dated
occasion is a noun of :data:`EVENT_NOUNS` the date hangs on (:func:`dated_occasion`),
definite ("the", "this", a possessor), and not one of :data:`SPANNING_EVENTS`; it is
known by its head lemma and its describing words (:func:`event_key`), which a sentence
names when it holds each of them (:func:`names_event`).
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Span, Token

from newsprism.reconcile.actors import DAY_WORDS
from newsprism.reconcile.clauses import lemma_of

__all__ = [
    "EVENT_NOUNS",
    "SPANNING_EVENTS",
    "EventKey",
    "date_anchor",
    "date_root",
    "dated_occasion",
    "event_key",
    "is_definite",
    "names_event",
]

logger = logging.getLogger(__name__)

#: An occasion's head lemma and its describing words ("the vice presidential debate":
#: ("debate", {"vice", "presidential"})).
EventKey = tuple[str, frozenset[str]]

#: Nouns that name one occasion: a date on one of them dates that occasion ("the
#: debate on Tuesday", "Wednesday's vote", "the hearing Thursday morning").
EVENT_NOUNS: Final = frozenset(
    {"debate", "vote", "hearing", "meeting", "speech", "interview", "rally", "election",
     "primary", "caucus", "summit", "ruling", "verdict", "announcement", "attack",
     "shooting", "crash", "explosion", "protest", "ceremony", "funeral", "trial", "arrest",
     "raid", "visit", "trip", "address", "conference", "session", "briefing", "appearance",
     "forum", "convention", "signing", "veto", "resignation", "apology",
     "showdown", "testimony", "deposition", "sentencing", "indictment", "launch", "opening",
     "inauguration", "parade", "vigil", "march", "strike", "walkout"}
)  # fmt: skip
# Determiners that make a dated noun one known occasion ("the debate"); a possessor
# ("Tuesday's debate", "his speech") does too (:func:`is_definite`).
_DEFINITE: Final = frozenset({"the", "this", "that"})
#: Occasions that run over days or recur under one name: "the trial" began Monday and
#: heard a witness Wednesday, "the hearing" of Monday is not Tuesday's; a date on one of
#: them dates a day of it, not the occasion, so they make no dated event.
SPANNING_EVENTS: Final = frozenset(
    {"trial", "hearing", "summit", "convention", "session", "strike", "protest",
     "conference", "campaign"}
)  # fmt: skip


def dated_occasion(span: Span) -> Token | None:
    """The definite event noun a date mention (``span``) dates, unless the occasion
    spans days (:data:`SPANNING_EVENTS`); else None."""
    noun = _dated_noun(date_root(span))
    if noun is None or not is_definite(noun) or lemma_of(noun) in SPANNING_EVENTS:
        return None
    return noun


def _dated_noun(root: Token) -> Token | None:
    """The noun a date mention hangs on, when it hangs on a noun before any verb: "the
    debate on Tuesday" (pobj of a preposition of the noun), "Tuesday's vote" (its
    possessor), "the face-off Thursday night" (a bare noun phrase beside it)."""
    token = date_anchor(root)
    if token is None:
        return None
    head = token.head
    if head.pos_ in ("VERB", "AUX") and lemma_of(head) in _HAPPENING and head.i != token.i:
        # "The rally was held Tuesday", "the vote took place on Wednesday": the date
        # is the event's, told by a verb that only says it happened.
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        head = subjects[0] if subjects else head
    if head.i == token.i or head.pos_ != "NOUN" or lemma_of(head) not in EVENT_NOUNS:
        return None
    return head


# Verbs that say only that their subject happened ("was held", "took place").
_HAPPENING: Final = frozenset({"hold", "take", "happen", "occur", "stage", "air", "begin"})


def date_anchor(root: Token) -> Token | None:
    """The token by which a date mention's head (``root``) hangs on the word it dates:
    its preposition ("the debate on Tuesday"), or the mention itself as a possessor, a
    compound or a bare noun phrase ("Tuesday's vote", "the face-off Thursday night");
    None when it hangs otherwise (a subject, an object). The dated word is its head."""
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head
    if root.dep_ in ("prep", "poss", "compound", "npadvmod", "nmod", "appos"):
        return root
    return None


def date_root(span: Span) -> Token:
    """The head word of a date mention without its preposition: the analysis may give
    "in Thursday" for "in Thursday's debate", where "in" hangs on the verb and
    "Thursday" on the debate."""
    start = span.start
    while start + 1 < span.end and span.doc[start].pos_ == "ADP":
        start += 1
    if start == span.start:
        return span.root
    return span.doc[start : span.end].root


def is_definite(noun: Token) -> bool:
    """ "the debate", "Tuesday's debate", "Holt's speech": one known occasion; "a
    meeting on Thursday" may be another meeting than the one another outlet dates."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children
    )


def event_key(noun: Token) -> EventKey:
    """The event's head lemma and its describing words: compounds, adjectives, the
    possessor and the objects of its prepositions ("vice presidential debate" -> debate,
    {vice, presidential}; "his debate" -> debate, {his}; "the vote on the amendment" ->
    vote, {amendment}). Left out: cardinal numbers and the day words of a possessor or
    prepositional object (the date itself: "Tuesday's debate", "the debate on
    Tuesday"). Kept: ordinals ("the first debate" is not "the second debate") and a day
    word compounded into the name ("the Monday hearing" names one of a series)."""
    words = frozenset(
        lemma_of(t) if t.pos_ != "PRON" else t.lower_
        for c in [*noun.children, *_prep_objects(noun)]
        if c.dep_ in ("compound", "amod", "nmod", "poss", "pobj")
        for t in (c.subtree if c.dep_ != "pobj" else _described(c))
        if t.pos_ in ("NOUN", "PROPN", "ADJ", "PRON", "NUM")
        and (c.dep_ == "compound" or t.lower_.rstrip(".") not in _DAY_WORDS)
        and t.tag_ != "CD"
    )
    return lemma_of(noun), words


def _prep_objects(noun: Token) -> list[Token]:
    """The objects of the noun's own prepositions ("visit to Kelmar" -> Kelmar)."""
    return [o for p in noun.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]


def _described(word: Token) -> list[Token]:
    """A noun and its own describing words, not the clauses or phrases hung on it
    ("the final bill" -> final, bill; "Tuesday, where Holt stumbled" -> Tuesday)."""
    return [
        t
        for c in word.children
        if c.dep_ in ("compound", "amod", "nmod", "poss")
        for t in c.subtree
    ] + [word]


_DAY_WORDS: Final = DAY_WORDS | frozenset(
    {"may", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov",
     "dec", "last", "next", "early", "late"}
)  # fmt: skip


def names_event(words: set[str], key: EventKey) -> bool:
    """Whether a sentence's case-folded ``words`` name the occasion ``key``: its head and
    each describing word open one of them (first four letters: "debates", "debated")."""
    return all(any(w.startswith(x[:4]) for w in words) for x in {key[0], *key[1]})
