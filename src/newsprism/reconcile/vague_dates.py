"""Which date mentions of a timeline may be one event though one of them is vague.

A vague span ("earlier this month", "last week") covers many days: its range holding
another mention's day tells nothing of whether it dates the same happening. The
timeline's clause similarity is a weak guard there: a lexical model scores two
unrelated clauses of one story above the merge bar on function words alone ("it was
... that ..."), and one vague mention then joins a dated event it does not tell
(:func:`apart`). A vague mention may share an event with a one-day mention only when
their clauses share a content word: the deed or an actor ("The Varn burst its banks
last week" / "The Varn burst its banks at Oslet on Thursday"), not only the story's
function and time words.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from newsprism.reconcile.similarity import stem

__all__ = ["apart", "content_stems"]

logger = logging.getLogger(__name__)

_WORD: Final = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Function words, verbs of telling and time words: none of them names a deed or an
#: actor (time words are the date expression's own, left in by a clause).
_STOP_WORDS: Final = """
    a an the and or but of to in on at by for with from as into about over after before
    is are was were be been being has have had do does did will would can could may might
    shall should must this that these those it its they them their he him his she her we
    our you your i me my who whom which what when where while also than then there here
    not no nor so such said says say told tell according added adds up out just only more
    most other some any all each both very one now time day days week weeks month months
    year years earlier later last next ago recently since until still yet again get got"""
_STOP: Final = frozenset(_STOP_WORDS.split())


def content_stems(text: str) -> frozenset[str]:
    """The stems of a clause's content words (:data:`_STOP` left out)."""
    words = (w.casefold() for w in _WORD.findall(text))
    return frozenset(stem(w) for w in words if w not in _STOP and len(w) > 1)


def apart(texts: Sequence[str], vague: Sequence[bool]) -> npt.NDArray[np.bool_]:
    """Pairs that may not share an event: a vague mention and a mention of one day whose
    clauses (``texts``, the date expressions cut out) share no content word. Two vague
    mentions are left to the similarity: in a group, each may tell the dated event in
    other words than the other ("the next leaders' meeting is pencilled in for early
    April" / "the first phase is to begin in April", both joining "the leaders meet
    again on April 7 to launch the first phase"), and the group's day is still set by
    its one-day mentions."""
    stems = [content_stems(t) for t in texts]
    n = len(texts)
    result = np.zeros((n, n), dtype=bool)
    for i in range(n):
        for j in range(i + 1, n):
            if vague[i] != vague[j] and not stems[i] & stems[j]:
                result[i, j] = result[j, i] = True
    logger.debug(
        "%d mention pairs kept apart as vague and telling other things", int(result.sum()) // 2
    )
    return result
