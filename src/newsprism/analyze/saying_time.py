"""When a modal speech verb's act is set: ahead of the writing (a possibility, nothing
said yet) or at a time the narration names (an act told as it happened).

``quote_modality`` asks these of a speech verb under "could" or "would" (review s42/1,
findings S2 and S8; examples invented):

* "The minister could announce next week that the service will end", "Holt could tell
  the council tomorrow that the levy is a tax": a time ahead on the verb, or a reported
  clause in the future ("... that the port will reopen"), makes "could" a possibility,
  not the past ability of "police could only confirm that two people had died";
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

#: Words that set an act ahead of the writing ("next week", "tomorrow", "soon").
_AHEAD: Final = frozenset({"next", "tomorrow", "tonight", "soon", "coming", "upcoming"})
#: Words that date an act in the narration's own sequence ("would say later").
_SEQUENCE: Final = frozenset({"later", "then", "afterwards", "afterward", "subsequently"})
#: Modals of a reported clause told in the future ("... that the port will reopen").
_FUTURE_MODALS: Final = frozenset({"will", "shall"})
#: Dependencies of the verb's own time modifiers.
_TIME_DEPS: Final = frozenset({"advmod", "npadvmod", "prep", "tmod"})
#: Limiters that mark "could" as past ability ("police could only confirm that ...").
_PAST_LIMITERS: Final = frozenset({"only"})


def _time_words(verb: Token) -> Iterator[Token]:
    """The tokens of the verb's own time modifiers (not of its reported clause)."""
    for child in verb.children:
        if child.dep_ in _TIME_DEPS:
            yield from child.subtree


def _reports_future(verb: Token) -> bool:
    return any(
        aux.dep_ == "aux" and aux.tag_ == "MD" and aux.lemma_.lower() in _FUTURE_MODALS
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for aux in clause.children
    )


def looks_ahead(verb: Token) -> bool:
    """Whether the speech verb's act lies ahead: a time ahead on the verb ("next week",
    "tomorrow"), or a reported clause in the future unless a limiter marks past ability
    ("could only confirm that the road will stay shut": said)."""
    if any(t.lower_ in _AHEAD for t in _time_words(verb)):
        return True
    limited = any(c.dep_ == "advmod" and c.lower_ in _PAST_LIMITERS for c in verb.children)
    return _reports_future(verb) and not limited


def _a_date(token: Token) -> bool:
    lower = token.lower_
    if lower in WEEKDAYS or (lower in MONTHS and token.pos_ == "PROPN"):
        return True
    return token.like_num and len(token.text) == 4 and token.text.isdigit()


def dated_in_narration(verb: Token) -> bool:
    """Whether the narration dates the speech verb's act: "later", "then", or a weekday,
    month or year on the verb ("would tell the inquiry in May")."""
    return any(t.lower_ in _SEQUENCE or _a_date(t) for t in _time_words(verb))
