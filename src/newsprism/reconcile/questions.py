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

A quote's sentences are the analysis's (:attr:`~newsprism.model.Analysis.sentences`,
set on each direct unit by :func:`~newsprism.reconcile.statement_units.sentence_breaks`),
the same boundaries that cut a direct quote into pieces (``statements.sentence_units``):
the analysis's segmenter already reads "Mr.", "U.S.", "9 a.m." and initials as no
sentence end, where this module kept a regular expression and a list of abbreviations
of its own (stop 38 review). Same dev runs before and after (``--cache``, analysis 41):
every statement pair unchanged, lexical on the BASIL calibration and development and
both Multi-News files, dense on the two BASIL files.

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
from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from newsprism.reconcile.statement_units import Unit

logger = logging.getLogger(__name__)

__all__ = ["forbid_question_answers", "is_question"]

# Closing quote marks, brackets and space that may follow a question's mark.
_CLOSERS: Final = "\"'”’»)] \t\n"
Mask = npt.NDArray[np.bool_]
Scores = npt.NDArray[np.float64]


def is_question(unit: Unit) -> bool:
    """Whether a unit is a quoted question: a direct quote every sentence of which ends
    in a question mark ("Who sold the boat? Who signed for it?"). A passage with a
    sentence that does not ("It is our job to find out. What difference does it make?")
    says more than it asks, and another outlet may quote its first sentences alone."""
    if not unit.direct:
        return False
    return all(s.endswith("?") for s in sentences(unit))


def sentences(unit: Unit) -> list[str]:
    """A unit's sentences as the analysis cut them (``Unit.breaks`` inside its span),
    closing marks and space trimmed; the whole text where it holds no break."""
    cuts = [b - unit.start for b in unit.breaks if 0 < b - unit.start < len(unit.text)]
    parts = [unit.text[a:b] for a, b in zip([0, *cuts], [*cuts, len(unit.text)], strict=True)]
    return [p.rstrip(_CLOSERS) for p in parts if p.strip()]


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
