"""A quoted question is no rendering of a quoted assertion (for
:func:`~newsprism.reconcile.statements.align_statements`).

Outlets quote the questions put to a speaker as well as the answers, and the analysis
often credits a question to the person asked ('"Is that your boat?" Kellan was asked
... "I never sold the boat," he said'). A question and an assertion about one thing
share its words ("your boat", "the boat") and, credited to one speaker, the pair model
weighed them as one claim told twice. But a question asserts nothing: quoted word for
word, "Is that your boat?" renders only that question, and "I never sold the boat"
only a claim. So two direct quotes of which exactly one is a question (one sentence
ending in a question mark, closing quote marks aside, that does not assert a clause of
its own before it asks: :func:`is_question`) never pair, unless one prints the other
word for word (content score 1.0: an outlet quoting "Is that your boat? I never sold
it." whole and another the question alone). Indirect units are left alone: a report
of a question ("asked him whether he backed the plan") drops the question mark and
its "whether" lies outside the unit's text, so it cannot be told from a claim there.

Measured (``--cache``, analysis 38, lexical, one change, same runs, statement pairs):
BASIL calibration P / R 0.971 / 0.785 -> 0.979 / 0.791 (judged right 136 / 140 -> 137
/ 140: a question put to a politician no longer joins his denial, which then joins
its rendering in a third outlet); development, Multi-News development and dev2
unchanged. Forbidding a direct question with indirect units too cost a wrong pair on
the calibration file (two reports of one question, "asked whether ...", forbidden with
the quoted question, joined each other as a claim).

A quote that asserts before it asks is no question (review s38): a passage of several
sentences ending on a question, and one sentence whose main clause is a claim ("The
pier was built to last, so why pull it down?", a tag: "It will stand, won't it?"),
since another outlet may quote the claim alone in other words. Measured (``--cache``,
analysis 39, lexical, statement pairs): no dev pair changed by the one-sentence rule
(BASIL calibration 136 / 172, development 68 / 96, Multi-News development 38 / 70,
dev2 as before).

Cost: one pass over the units, one n x n mask operation where a question occurs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from newsprism.reconcile.statement_units import Unit

logger = logging.getLogger(__name__)

__all__ = ["forbid_question_answers", "is_question"]

# Closing quote marks, brackets and space that may follow a question's mark.
_CLOSERS: Final = "\"'”’»)] \t\n"
# A sentence's end inside a text: a mark, closing quotes, space, then more text.
_SENTENCE_END: Final = re.compile(r"[.?!][\"'”’)]*\s+\S")
# Opening quote marks and brackets before a sentence's first word.
_OPENING: Final = "\"'“‘«([ \t\n"
# Words that open a question's clause: question words and the auxiliaries and modals
# that lead a yes-no question or a tag ("won't it?").
_OPENERS: Final = frozenset(
    {"who", "whom", "whose", "what", "which", "when", "where", "why", "how", "is", "are",
     "was", "were", "am", "do", "does", "did", "have", "has", "had", "can", "could", "will",
     "would", "shall", "should", "may", "might", "must", "isn't", "aren't", "wasn't",
     "weren't", "don't", "doesn't", "didn't", "haven't", "hasn't", "hadn't", "can't",
     "couldn't", "won't", "wouldn't", "shouldn't", "mustn't"}
)
# Words that open a subordinate clause, a lead that asserts nothing by itself.
_SUBORDINATORS: Final = frozenset(
    {"if", "when", "whenever", "once", "unless", "after", "before", "since", "as", "given",
     "while", "because", "although", "though", "whether"}
)
# A clause's first word: after a comma, semicolon, colon, dash or a coordinating word,
# an optional second coordinating word ("..., and why ...").
_CLAUSE_OPENING: Final = re.compile(
    r"(?:[,;:]|\s[-–—]+|\s(?:and|but|so|or))\s+(?:(?:and|but|so|or|then)\s+)?"
    r"(?P<word>[A-Za-z]+(?:['’][a-z]+)?)\b"
)
# Words a lead needs to be a clause of its own (a form of address is shorter).
_LEAD_WORDS: Final = 3
Mask = npt.NDArray[np.bool_]
Scores = npt.NDArray[np.float64]


def is_question(unit: Unit) -> bool:
    """Whether a unit is a quoted question: a direct quote of one sentence ending in a
    question mark whose main clause asks (:func:`_claim_before_question`). A passage of
    several sentences that ends on a question ("It is our job to find out. What
    difference does it make?") says more than it asks, and another outlet may quote its
    first sentences alone."""
    text = unit.text.rstrip(_CLOSERS)
    if not (unit.direct and text.endswith("?")) or _SENTENCE_END.search(text[:-1]):
        return False
    return not _claim_before_question(text)


def _claim_before_question(sentence: str) -> bool:
    """Whether a sentence asserts a clause of its own before its question ("The pier
    was built to last, so why would we pull it down?", "The pier will stand, won't
    it?"): the first question word or auxiliary that opens a clause (after a comma,
    semicolon, colon, dash or "and" / "but" / "so" / "or") follows a lead of three words
    or more with a lowercase word, which is no subordinate clause ("If they refuse, what
    then?") and no form of address ("Mr. Prime Minister, is it true?", "Tell me, is
    it true?"). A sentence that opens with its question word asks whatever clauses
    follow ("Is it true, as you say, that the pier will stand?"); one with no question
    word ("You sold the boat?") asks by its mark alone."""
    words = sentence.lstrip(_OPENING).split()
    if not words or _bare(words[0]) in _OPENERS:
        return False
    opener = next(
        (m for m in _CLAUSE_OPENING.finditer(sentence) if _bare(m["word"]) in _OPENERS), None
    )
    if opener is None:
        return False
    lead = sentence[: opener.start()].lstrip(_OPENING).split()
    clause = re.split(r"[,;:]", sentence[: opener.start()])[-1].split()
    if len(lead) < _LEAD_WORDS or not any(w[:1].islower() for w in lead):
        return False
    return not any(c and _bare(c[0]) in _SUBORDINATORS for c in (lead, clause))


def _bare(word: str) -> str:
    """A word folded, its quote marks and trailing punctuation dropped."""
    return word.strip(_OPENING + _CLOSERS + ",;:.!?").casefold().replace("’", "'")


def forbid_question_answers(units: Sequence[Unit], scores: Scores, forbid: Mask) -> None:
    """Forbid (in place) each pair of direct quotes of which exactly one is a question,
    unless one prints the other word for word (``scores`` 1.0); see the module doc."""
    asks = np.array([is_question(u) for u in units], dtype=bool)
    if not asks.any():
        return
    direct = np.array([u.direct for u in units], dtype=bool)
    mixed = (asks[:, None] != asks[None, :]) & direct[:, None] & direct[None, :]
    forbid |= mixed & (scores < 1.0)
    logger.debug("%d quoted questions kept apart from quoted claims", int(asks.sum()))
