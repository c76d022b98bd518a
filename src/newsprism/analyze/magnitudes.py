"""Earthquake magnitudes: a figure on the moment-magnitude or Richter scale is a
reading of the scale, not a count of quakes.

The number reader takes "a magnitude 6.1 quake", "a 6.1-magnitude quake", "a magnitude
of 5.9" and "measuring 6.4 on the Richter scale" for bare counts ("6.1 quakes"); the
s38 audit of the shared texts' readings found three such in 200 (ECB+ quake reports).
:func:`as_magnitude` gives them the unit ``"magnitude"``, about ``"magnitude"``, so two
outlets' magnitudes of one quake meet as one fact (and differ where the agencies do).
The scale word fused to the figure ("magnitude 6.1 jolt", "6.1-magnitude shock") reads
the scale wherever it stands; the prose forms ("a magnitude of 5.9", "the magnitude at
6.4") only in or just after a sentence about a quake: "a magnitude of 3 times the usual"
is a size, no reading of the scale (review s38/1).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc

from newsprism.analyze.written_forms import SP
from newsprism.model import Quantity

__all__ = ["MAGNITUDE", "as_magnitude"]

logger = logging.getLogger(__name__)

MAGNITUDE: Final = "magnitude"
# Written before the figure: "magnitude 6.1", "magnitude-6.1", "a magnitude of 6.1",
# "the magnitude at 6.1", "measured magnitude 5.9".
_BEFORE: Final = re.compile(
    rf"\bmagnitude(?:{SP}*-{SP}*|{SP}+(?P<prose>of|at|was|is){SP}+|{SP}+)"
    rf"(?:(?:about|around|some|nearly|almost|at{SP}+least){SP}+)?$",
    re.IGNORECASE,
)
# Written after it: "6.1-magnitude", "6.1 magnitude", "6.4 on the Richter scale".
_AFTER: Final = re.compile(
    rf"{SP}*-?{SP}*magnitude\b|{SP}+(?:degrees?{SP}+)?on{SP}+the{SP}+Richter\b",
    re.IGNORECASE,
)
# A count of plural things the scale word names ("6 magnitude readings"): one quake has
# one magnitude.
_PLURAL_END: Final = re.compile(r"[a-z][^s]s$", re.IGNORECASE)
_FIGURE: Final = re.compile(r"\d\.\d|\d(?!\d)")
# Words that say the sentence is about a quake ("Seismologists put the magnitude at 6.4"),
# or name who measures one ("the Geological Survey put the magnitude at 6.1").
_QUAKE: Final = re.compile(
    r"\b(?:(?:earth)?quake|tremor|temblor|aftershock|seism|richter|geolog|jolt|shock\b"
    r"|shaking)",
    re.IGNORECASE,
)
# An organisation's name is never the quake word ("the Geological Society of Orsk put the
# magnitude of the debt at 3": a body named for its field, not a quake; review s38/3),
# save the bodies that measure quakes, whose naming the magnitude is the point.
_MEASURERS: Final = re.compile(r"\b(?:geological\s+survey|seismolog)", re.IGNORECASE)
_BODIES: Final = frozenset({"ORG", "FAC", "NORP"})
# The scale's readings in news: felt quakes to the largest recorded (9.5).
_LOWEST, _HIGHEST = 1.0, 10.0


def as_magnitude(q: Quantity, doc: Doc) -> Quantity:
    """``q`` as a magnitude where it is a bare figure the scale word qualifies: fused to
    it, or in prose within or just after a sentence about a quake; else ``q`` unchanged."""
    text = doc.text
    if q.unit is not None or not _LOWEST <= q.value < _HIGHEST:
        return q
    figure = _FIGURE.search(text, q.start, q.end)
    if figure is None:
        return q
    before = _BEFORE.search(text, max(0, figure.start() - 24), figure.start())
    after = _AFTER.match(text, figure.end()) is not None and not _PLURAL_END.search(q.text)
    if before is None and not after:
        return q
    prose = before is not None and before.group("prose") is not None and not after
    if prose and not _names_a_quake(doc, *_sentence(doc, q.start, q.end)):
        return q
    return replace(q, unit=MAGNITUDE, about=MAGNITUDE)


def _names_a_quake(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` has a quake word outside an organisation's name
    (or in the name of a body that measures quakes)."""
    for m in _QUAKE.finditer(doc.text, start, end):
        body = next((e for e in doc.ents if e.start_char <= m.start() < e.end_char), None)
        if body is None or body.label_ not in _BODIES or _MEASURERS.search(body.text):
            return True
    return False


def _sentence(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The character span of the sentence holding start..end and the one before it (the
    quake is often named first: "A quake hit Orsk. The agency put the magnitude at
    6.1."); the whole text where the pipeline marks no sentences."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return 0, len(doc.text)
    sent = span.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return doc[first].idx, sent.end_char
