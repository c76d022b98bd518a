"""A quoted question is no rendering of a quoted assertion (for
:func:`~newsprism.reconcile.statements.align_statements`).

Outlets quote the questions put to a speaker as well as the answers, and the analysis
often credits a question to the person asked ('"Is that your boat?" Kellan was asked
... "I never sold the boat," he said'). A question and an assertion about one thing
share its words ("your boat", "the boat") and, credited to one speaker, the pair model
weighed them as one claim told twice. But a question asserts nothing: quoted word for
word, "Is that your boat?" renders only that question, and "I never sold the boat"
only a claim. So two direct quotes of which exactly one is a question (each sentence ending
in a question mark, closing quote marks aside) never pair, unless one prints the other
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
# A sentence's end inside a text: a mark, closing quotes, then space before more text.
_SENTENCE_END: Final = re.compile(r"([.?!])[\"'”’)]*\s+(?=\S)")
# Words a '.' abbreviates rather than ends a sentence after ("Did Mr. Brek sell it?"):
# titles, ranks, name suffixes, "No." and "vs."; compared lower-cased, dot dropped.
_ABBREVIATIONS: Final = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "lt", "col", "capt"}
    | {"prof", "jr", "sr", "no", "vs"}
)
# A single capital initial ("J. Brek"; not the pronoun "I") or a dotted abbreviation
# ("U.S.", "a.m.").
_INITIALS: Final = re.compile(r"(?:^|[\s(\"'“‘])(?:[A-HJ-Z]|(?:[A-Za-z]\.)+[A-Za-z])$")
Mask = npt.NDArray[np.bool_]
Scores = npt.NDArray[np.float64]


def is_question(unit: Unit) -> bool:
    """Whether a unit is a quoted question: a direct quote every sentence of which ends
    in a question mark ("Who sold the boat? Who signed for it?"). A passage with a
    sentence that does not ("It is our job to find out. What difference does it make?")
    says more than it asks, and another outlet may quote its first sentences alone."""
    if not unit.direct:
        return False
    return all(s.endswith("?") for s in sentences(unit.text.rstrip(_CLOSERS)))


def sentences(text: str) -> list[str]:
    """A text's sentences, closing marks aside. A '.' after a title or abbreviation
    ("Mr.", "U.S.", "p.m.", an initial) ends none: "Did Mr. Brek sell it?" is one."""
    parts: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        mark = end.start(1)
        if text[mark] == "." and _abbreviated(text[start:mark]):
            continue
        parts.append(text[start : mark + 1])
        start = end.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _abbreviated(before: str) -> bool:
    """Whether the word before a '.' is an abbreviation (see ``_ABBREVIATIONS``)."""
    words = before.split()
    if not words:
        return False
    word = words[-1].lstrip("\"'“‘(").lower()
    return word in _ABBREVIATIONS or _INITIALS.search(before) is not None


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
