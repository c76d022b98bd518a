"""Vectors of a story's shorter texts pooled from its sentences' one model pass.

A brief compares the story's sentences and, besides them, texts cut from them: quote
parts (with contractions expanded, :func:`~newsprism.reconcile.comparable.comparable_text`),
timeline clauses with their date taken out, exclusive candidates. Embedding each of those
again costs as much as the sentences themselves (on BASIL, 440 more word pieces an
article beside the sentences' 700). Instead, :class:`StoryPieces` holds the contextual
vector of every word piece of the story's sentences (one forward pass), finds where a
text lies in them (its word pieces aligned with the sentences'), and gives the mean of
those pieces' vectors, normalised: the same mean pooling the model uses for a whole
sentence, over the part's pieces in their sentence's context.

Finding a text: every word-piece trigram of the story's sentences is indexed by its
position in the story's pieces laid end to end; a text's trigrams vote for where it
starts (position minus offset), and the best-voted place, widened by a margin, is
aligned with the text's pieces (:class:`difflib.SequenceMatcher`). The pieces pooled are
the aligned ones and the ones the text replaces (a contraction it expands), not the
ones it leaves out (a date taken out of a clause). A text is pooled only when at least
:data:`MIN_ALIGNED` of its pieces are found in place; otherwise the caller embeds it.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

import numpy as np
import numpy.typing as npt

from newsprism.cluster.vectors import TokenVectors

logger = logging.getLogger(__name__)

__all__ = ["MIN_ALIGNED", "StoryPieces"]

Vector = npt.NDArray[np.float32]

# Share of a text's word pieces that must be found, in order, in the story's sentences
# for it to be pooled. Quote parts differ from their sentence only where
# comparable_text rewrites a contraction or a back-shifted auxiliary (1-3 pieces of
# 20); a text mostly made of other words is not a part of these sentences.
MIN_ALIGNED = 0.8
# Texts shorter than this (in pieces) are embedded: too short to place by trigrams, and
# cheap to embed.
MIN_PIECES = 3
# A trigram seen more often than this in the story places nothing (a stock phrase).
MAX_TRIGRAM_HITS = 64


class StoryPieces:
    """The word pieces of a story's sentences, laid end to end, and their vectors."""

    def __init__(self, passes: Sequence[TokenVectors], word_pieces: Callable[[str], list[int]]):
        self._word_pieces = word_pieces
        kept = [p for p in passes if len(p.ids)]
        self._ids: npt.NDArray[np.int32] = (
            np.concatenate([p.ids for p in kept]) if kept else np.zeros(0, np.int32)
        )
        self._vectors: npt.NDArray[np.float16] = (
            np.concatenate([p.pieces for p in kept]) if kept else np.zeros((0, 1), np.float16)
        )
        self._trigrams: dict[tuple[int, int, int], list[int]] = defaultdict(list)
        ids = self._ids.tolist()
        for at in range(len(ids) - 2):
            self._trigrams[(ids[at], ids[at + 1], ids[at + 2])].append(at)
        self._list = ids

    def __len__(self) -> int:
        return len(self._list)

    def pooled(self, text: str) -> Vector | None:
        """The text's vector pooled from the sentences, or None where it is not found."""
        query = self._word_pieces(text)
        if len(query) < MIN_PIECES or not self._list:
            return None
        start = self._place(query)
        if start is None:
            return None
        positions = self._aligned(query, start)
        if not positions:
            return None
        mean = self._vectors[positions].astype(np.float32).mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return (mean / norm).astype(np.float32) if norm > 0 else None

    def _place(self, query: Sequence[int]) -> int | None:
        """Where the text most likely starts in the story's pieces (trigram votes)."""
        votes: Counter[int] = Counter()
        for offset in range(len(query) - 2):
            hits = self._trigrams.get((query[offset], query[offset + 1], query[offset + 2]))
            if hits and len(hits) <= MAX_TRIGRAM_HITS:
                votes.update(at - offset for at in hits)
        if not votes:
            return None
        return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def _aligned(self, query: Sequence[int], start: int) -> list[int]:
        """Positions of the story's pieces that the text covers around ``start``, or []
        when too few of its pieces are found in order."""
        margin = 8 + len(query) // 4  # room for a date left out, a shifted start
        low = max(0, start - margin)
        window = self._list[low : start + len(query) + margin]
        matcher = SequenceMatcher(None, query, window, autojunk=False)
        codes = matcher.get_opcodes()
        equal = [c for c in codes if c[0] == "equal"]
        if sum(c[2] - c[1] for c in equal) < MIN_ALIGNED * len(query):
            return []
        first, last = codes.index(equal[0]), codes.index(equal[-1])
        return [
            low + j
            for tag, _i1, _i2, j1, j2 in codes[first : last + 1]
            if tag in ("equal", "replace")
            for j in range(j1, j2)
        ]
