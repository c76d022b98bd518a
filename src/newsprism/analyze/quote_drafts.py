"""The records :mod:`newsprism.analyze.quotes` builds a quote from before its speaker is
resolved, shared with the block-quote pass (:mod:`newsprism.analyze.quote_blocks`).

Offsets are character offsets into the article text. Cost: none beyond the records.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final

logger = logging.getLogger(__name__)

__all__ = ["PARAGRAPH_QUOTE_WORDS", "Attribution", "Draft", "trim_end"]

#: A paragraph that is one quotation (or a block quote) with no attribution is a
#: statement from this many words: a sentence, not a slogan or a title set on a line
#: of its own.
PARAGRAPH_QUOTE_WORDS: Final = 6


@dataclass(slots=True)
class Attribution:
    """Where a statement's cue and speaker mention sit (character offsets)."""

    cue: tuple[int, int]
    speaker: tuple[int, int] | None


@dataclass(slots=True)
class Draft:
    """A quote before its speaker is resolved; ``leader`` is the part it continues."""

    start: int
    end: int
    direct: bool
    attribution: Attribution | None
    leader: Draft | None = None
    group: int = -1
    speaker: str | None = None


def trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing commas, semicolons, colons and spaces (attribution punctuation)."""
    while end > start and (text[end - 1] in ",;:" or text[end - 1].isspace()):
        end -= 1
    return end
