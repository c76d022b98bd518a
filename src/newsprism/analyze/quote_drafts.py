"""The records :mod:`newsprism.analyze.quotes` builds a quote from before its speaker is
resolved, shared with the block-quote pass (:mod:`newsprism.analyze.quote_blocks`).

Offsets are character offsets into the article text. Cost: none beyond the records.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
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


# Reports nested in a report, deepest chain kept beneath a clause: news prose nests
# three levels at most ("the minister said the mayor had said the union had agreed");
# a scraped page repeating "X said that" with no full stop nests hundreds, and each
# outer clause runs to the chain's end (quoted text the square of the page).
MAX_NESTED_REPORTS = 3


def within_nesting(drafts: Sequence[Draft], depth: int = MAX_NESTED_REPORTS) -> list[Draft]:
    """The drafts less those holding a chain of more than ``depth`` drafts nested one in
    another (the innermost ``depth + 1`` of a chain stay). Spans are subtrees of one
    parse, so nested or apart; cost O(n log n) for n drafts."""
    order = sorted(range(len(drafts)), key=lambda k: (drafts[k].start, -drafts[k].end))
    parent: dict[int, int] = {}
    open_spans: list[int] = []
    for k in order:
        while open_spans and drafts[open_spans[-1]].end <= drafts[k].start:
            open_spans.pop()
        if open_spans and drafts[open_spans[-1]].end >= drafts[k].end:
            parent[k] = open_spans[-1]
        open_spans.append(k)
    height = [0] * len(drafts)
    for k in reversed(order):  # a clause comes after every clause it holds
        if k in parent:
            height[parent[k]] = max(height[parent[k]], height[k] + 1)
    return [d for k, d in enumerate(drafts) if height[k] <= depth]
