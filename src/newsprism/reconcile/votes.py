"""Votes of a body on a measure: one vote told with different words by two outlets.

"The Senate resolution on the ferry levy passed Tuesday" and "On Wednesday, the Senate
voted 41-9 on a bill that funds the ferry levy" tell of one vote with different verbs
and nouns, so the date check of :mod:`newsprism.reconcile.discrepancies` (one predicate
lemma, similar clauses) never pairs them. A vote is read as:

* a past, asserted, un-negated verb of :data:`VOTE_VERBS` ("passed", "approved",
  "adopted", "voted", and a measure's other fates: "rejected", "defeated", "confirmed",
  "ratified", "overrode"), with no infinitive ("voted to delay the bill" is another motion)
  and no sign of a repeat ("again", "second", "another");
* its body: a noun of :data:`BODIES` as the subject, or as a modifier of the subject
  ("the House resolution ... passed");
* its measure: a noun of :data:`MEASURES` as the object, the subject, or after "on" /
  "for"; the measure's description is the content words of its phrase (other than
  bodies and measure nouns): "a bill that funds the ferry levy" -> ferry, levy, fund.

Two votes are one when the body is the same, the descriptions share a word and the
fates agree (:data:`FATES`: a rejection and a passage are two votes; the neutral
"voted" pairs with either); the dates are compared by the caller. A measure nested in
another ("an amendment to the spending bill") describes no vote on the outer one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.calendar_words import MONTHS, WEEKDAYS
from newsprism.model import Passage
from newsprism.reconcile.clauses import Clause, Parsed, is_asserted, is_negated, lemma_of
from newsprism.reconcile.material import StoryMaterial

__all__ = ["BODIES", "FATES", "MEASURES", "VOTE_VERBS", "Vote", "one_vote", "votes"]

logger = logging.getLogger(__name__)

VOTE_VERBS: Final = frozenset(
    {"pass", "approve", "adopt", "vote", "reject", "defeat", "confirm", "ratify", "override"}
)  # fmt: skip
#: A measure's fate told by each vote verb: one that passed and one that failed are two
#: votes, not one dated twice; "vote" (no fate told) is absent and pairs with either.
FATES: Final = {
    **dict.fromkeys(("pass", "approve", "adopt", "confirm", "ratify", "override"), "pass"),
    **dict.fromkeys(("reject", "defeat"), "fail"),
}
BODIES: Final = frozenset(
    {"house", "senate", "congress", "parliament", "assembly", "council", "legislature",
     "chamber", "committee", "board", "commission"}
)  # fmt: skip
MEASURES: Final = frozenset(
    {"bill", "resolution", "measure", "legislation", "act", "amendment", "motion", "budget",
     "law", "package", "ordinance", "proposal", "treaty", "levy", "nomination", "nominee",
     "veto", "agreement", "deal"}
)  # fmt: skip
_REPEATS: Final = frozenset({"again", "second", "another", "once", "revote", "repeat"})
_PREPS: Final = frozenset({"on", "for"})
_CALENDAR: Final = (
    WEEKDAYS | MONTHS | frozenset({"week", "day", "month", "year", "today", "yesterday"})
)
_CUE: Final = re.compile(
    r"\b(?:pass|vot|approv|adopt|reject|defeat|confirm|ratif|overr(?:id|od))", re.I
)


@dataclass(frozen=True, slots=True)
class Vote:
    clause: Clause
    body: str
    measure: frozenset[str]  # the description's content lemmas
    fate: str | None = None  # FATES of the verb; None for "voted"


def _subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        found.append(verb.head)  # "the resolution passed Tuesday"
    return found


def _body(verb: Token) -> str | None:
    for subject in _subjects(verb):
        for token in (subject, *(c for c in subject.children if c.dep_ == "compound")):
            if lemma_of(token) in BODIES:
                return lemma_of(token)
    return None


def _measures(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    found += _subjects(verb)
    found += [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in _PREPS for g in c.children
    ]
    return [t for t in found if lemma_of(t) in MEASURES]


def _description(measure: Token, verb: Token) -> frozenset[str]:
    """Content lemmas of the measure's phrase, less the vote's own words (when the
    measure is the noun the verb hangs on) and day or month names."""
    own = {t.i for t in verb.subtree} if verb.head.i == measure.i else set()
    # A measure nested in this one ("an amendment to the spending bill") is another
    # measure: its words describe it, not this one.
    own |= {
        t.i
        for m in measure.subtree
        if m.i != measure.i
        and lemma_of(m) in MEASURES
        and m.dep_ == "pobj"
        and m.head.lower_ == "to"  # "on the ferry levy" tells the measure's subject
        for t in m.subtree
    }
    return frozenset(
        lemma_of(t)
        for t in measure.subtree
        if t.pos_ in ("NOUN", "PROPN", "VERB")
        and t.i not in own
        and lemma_of(t) not in BODIES | MEASURES | VOTE_VERBS | _CALENDAR
        and len(t.text) > 2
    )


def _vote_verb(verb: Token) -> bool:
    """A past, asserted, un-negated vote verb with no infinitive and no repeat."""
    return (
        lemma_of(verb) in VOTE_VERBS
        and verb.pos_ == "VERB"
        and verb.tag_ in ("VBD", "VBN")
        and not is_negated(verb)
        and is_asserted(verb)
        and not any(c.dep_ == "xcomp" for c in verb.children)
        and not {t.lower_ for t in verb.subtree} & _REPEATS
    )


def _vote_of(verb: Token, sentence: Passage, source: str) -> Vote | None:
    if not _vote_verb(verb):
        return None
    body = _body(verb)
    measures = _measures(verb)
    if body is None or not measures:
        return None
    described = frozenset().union(*(_description(m, verb) for m in measures))
    if not described:
        return None
    fate = FATES.get(lemma_of(verb))
    return Vote(Clause(sentence, source, verb, False), body, described, fate)


def votes(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[Vote]:
    """The votes of the given (dated) sentences (rules in the module docstring)."""
    candidates = [s for s in sentences if _CUE.search(s.text)]
    found = []
    for sentence, doc in zip(candidates, parsed.docs(candidates), strict=True):
        source = material.source_of(sentence.article)
        found += [v for t in doc if (v := _vote_of(t, sentence, source)) is not None]
    logger.debug("%d votes", len(found))
    return found


def one_vote(a: Vote, b: Vote) -> bool:
    """Whether two votes are one: the same body, descriptions sharing a word, and no
    two fates told ("rejected" / "approved": two votes)."""
    fates_agree = a.fate is None or b.fate is None or a.fate == b.fate
    return a.body == b.body and bool(a.measure & b.measure) and fates_agree
