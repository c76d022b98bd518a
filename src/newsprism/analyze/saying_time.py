"""When a modal speech verb's act is set: ahead of the writing (a possibility, nothing
said yet) or at a time the narration names (an act told as it happened).

``quote_modality`` asks these of a speech verb under "could" or "would" (review s42/1,
findings S2 and S8; examples invented):

* "The minister could announce next week that the service will end", "Holt could tell
  the council tomorrow that the levy is a tax": a time ahead on the verb makes "could" a
  possibility, not the past ability of "police could confirm that the road will reopen"
  or "could confirm the next day that the ferry had sunk" (a reported future, or a past
  time on the verb, says nothing of a possibility);
* "Rask would say later that the island dies if the ferry stops", "Holt would tell the
  inquiry in May that ...": a "would" whose act the narration dates (later, then, a
  month, a weekday, a year) is the future in the past: the "if" inside the reported
  clause is the words' own, no condition on the saying.

Only the verb's own modifiers are read (not the reported clause's, whose times are the
words' own: "said the port will reopen next week").
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.calendar_words import MONTHS, WEEKDAYS

__all__ = ["dated_in_narration", "looks_ahead"]

logger = logging.getLogger(__name__)

#: Words that set an act ahead of the writing ("tomorrow", "soon"); "next" unless it is a
#: bare "the next <time>" (below). Chosen from the readings of review s42/1 S2 and s42/4
#: S4 (invented sentences); no dev gold file holds a "could" over a speech verb with one.
_AHEAD: Final = frozenset({"tomorrow", "tonight", "soon", "coming", "upcoming"})
#: Words that date an act in the narration's own sequence ("would say later").
_SEQUENCE: Final = frozenset({"later", "then", "afterwards", "afterward", "subsequently"})
#: Words that put the verb's act in the past ("could confirm yesterday", "a week ago"):
#: a "could" so dated is past ability.
_PAST: Final = frozenset({"yesterday", "earlier", "ago", "last", "previously"})
#: Determiners that make "next"/"following" the narration's sequence ("the next day").
_SEQUENCE_DETS: Final = frozenset({"the", "that"})
#: Dependencies of a time phrase standing bare on the verb ("confirmed the next day").
_BARE_TIME_DEPS: Final = frozenset({"npadvmod", "tmod"})
#: Dependencies of the verb's own time modifiers.
_TIME_DEPS: Final = frozenset({"advmod", "npadvmod", "prep", "tmod"})


def _time_words(verb: Token) -> Iterator[Token]:
    """The tokens of the verb's own time modifiers (not of its reported clause)."""
    for child in verb.children:
        if child.dep_ in _TIME_DEPS:
            yield from child.subtree
        elif child.dep_ == "dobj":  # "tell the next meeting": whom, at a time ahead
            yield from (c for c in child.children if c.lower_ == "next")


def _determined(token: Token) -> bool:
    """Whether "next"/"following" with a determiner is the verb's own bare time phrase
    ("could confirm the next day that ..."): the narration's sequence. In a prepositional
    phrase ("in the next few days", "at the next hearing", "within the next week") it is
    a time ahead of the writing, as "next week" is (review s43/2 S2 on 061ef93). The
    parser takes some bare time phrases for the verb's object, so an object counts when
    it is a time noun ("the next day"); any other object is whom the act is aimed at
    ("could tell the next council meeting that ...": a possibility ahead, review s43/4 S6
    on ea901fa, which took any object)."""
    noun = token.head
    bare = noun.dep_ in _BARE_TIME_DEPS or (
        noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and _time_noun(noun)
    )
    return bare and any(c.dep_ == "det" and c.lower_ in _SEQUENCE_DETS for c in noun.children)


# Nouns of a bare time phrase the parser may take for an object ("the next day").
_TIME_NOUNS = frozenset(
    {
        "day", "morning", "afternoon", "evening", "night", "week", "weekend", "month",
        "year", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday",
    }
)  # fmt: skip


def _time_noun(noun: Token) -> bool:
    return noun.lemma_.lower() in _TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME")


def _ahead(token: Token) -> bool:
    lower = token.lower_
    if lower == "next":
        return not _determined(token)  # "next week", not "the next day"
    if lower == "early":  # "as early as Friday": the soonest the act may come
        return any(c.lower_ == "as" for c in token.children)
    return lower in _AHEAD


def _past(token: Token) -> bool:
    if token.lower_ in ("next", "following"):
        return _determined(token)  # "the next morning": the narration's sequence
    return token.lower_ in _PAST


def looks_ahead(verb: Token) -> bool:
    """Whether the speech verb's act lies ahead: a time ahead on the verb ("next week",
    "tomorrow", "as early as Friday") and none in the past ("the next day", "yesterday":
    past ability). A reported clause in the future says nothing of when the act was
    ("could confirm that the road will reopen on Monday": said; review s42/4 S4)."""
    words = list(_time_words(verb))
    return not any(_past(t) for t in words) and any(_ahead(t) for t in words)


def _a_date(token: Token) -> bool:
    lower = token.lower_
    if lower in WEEKDAYS or (lower in MONTHS and token.pos_ == "PROPN"):
        return True
    return token.like_num and len(token.text) == 4 and token.text.isdigit()


def dated_in_narration(verb: Token) -> bool:
    """Whether the narration dates the speech verb's act: "later", "then", or a weekday,
    month or year on the verb ("would tell the inquiry in May")."""
    return any(t.lower_ in _SEQUENCE or _a_date(t) for t in _time_words(verb))
