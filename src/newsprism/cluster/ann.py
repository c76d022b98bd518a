"""Candidate retrieval for story clustering: which recent stories a new article is scored
against, at a cost that does not grow with the store.

- :class:`CentroidIndex`: story centroids in a usearch HNSW index (cosine), keyed by an
  integer story key; a story's vector is replaced (removed and re-added) when it changes.
  Below :data:`EXACT_BELOW` vectors the search is exhaustive, so small runs, and state
  round trips of them, are exact; above it HNSW answers in roughly log(n).
- :class:`NameIndex`: an inverted index from a name key (entity or speaker, folded with
  :func:`~newsprism.analyze.aliases.fold_key`) to the recent stories that mention it. It
  nominates stories that share a rare name (an article in another language shares little
  text but all the names), weighs names by how few stories share them (IDF over recent
  stories), and finds known names in a text that the analyser could not read.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from usearch.index import Index

from newsprism.analyze.aliases import fold_key

logger = logging.getLogger(__name__)

__all__ = ["EXACT_BELOW", "NAME_CANDIDATES", "CentroidIndex", "NameIndex"]

# Up to this many stories a search compares against every one (about 0.1 ms at 512
# dimensions on one core, measured); beyond it HNSW's approximate search is cheaper.
EXACT_BELOW = 1024
# HNSW parameters: usearch's defaults for connectivity; a wider search beam than its
# default 64 costs ~20% more per query and kept recall@32 at 1.0 on 100k random
# centroids in a quick check (bench/cluster.py measures the real thing).
_CONNECTIVITY = 16
_EXPANSION_ADD = 128
_EXPANSION_SEARCH = 128
# A name shared by more recent stories than this is too common to nominate candidates
# ("Valdoria" in a Valdorian outlet); it still counts, weakly, in scoring.
NAME_POSTING_CAP = 32
# At most this many of an article's names (the rarest) nominate candidates.
NAME_QUERIES = 8
# At most this many stories are nominated by names (of up to NAME_QUERIES x
# NAME_POSTING_CAP = 256): those sharing the most IDF weight of the queried names, the
# newest on a tie. Scoring a candidate is most of an add's cost, so this bounds its tail
# (the 100k-article bench stream's p99 add was 6.5x its median before: 60 vs 9.3 ms).
# Twice the ANN's 32 neighbours; the sample corpus has 12 stories and no test story set
# comes near it, so it changes nothing there.
NAME_CANDIDATES = 64
# Names the gazetteer looks for are at most this many words long.
_MAX_NAME_WORDS = 6
# A word of a name: letters and digits, joined by inner hyphens or apostrophes
# ("Jean-Luc", "O'Neill"), so a hyphenated name folds to the analyser's key.
_WORD = re.compile(r"\w+(?:[-'’]\w+)*['’]?")


class CentroidIndex:
    """Unit vectors by story key; nearest by cosine similarity. Single-threaded, so
    the same sequence of calls gives the same answers.

    Cost: ``put`` about 0.1 ms (a removal and an HNSW insertion), ``nearest`` O(n) below
    :data:`EXACT_BELOW` vectors and about O(log n) above; memory: about
    ``4 * dim + 200`` bytes a vector.
    """

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._index = Index(
            ndim=dim,
            metric="cos",
            dtype="f32",
            connectivity=_CONNECTIVITY,
            expansion_add=_EXPANSION_ADD,
            expansion_search=_EXPANSION_SEARCH,
        )

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, key: int) -> bool:
        return bool(self._index.contains(key))

    def put(self, key: int, vector: npt.NDArray[np.float32]) -> None:
        """Add or replace ``key``'s vector; a zero vector just removes it."""
        self.discard(key)
        if np.any(vector):
            self._index.add(key, vector, threads=1)

    def discard(self, key: int) -> None:
        """Remove ``key`` if present."""
        if self._index.contains(key):
            self._index.remove(key)

    def nearest(self, vector: npt.NDArray[np.float32], count: int) -> list[tuple[int, float]]:
        """Up to ``count`` (key, cosine similarity) pairs, most similar first."""
        if not len(self._index) or not np.any(vector):
            return []
        exact = len(self._index) <= EXACT_BELOW
        found = self._index.search(vector, count, threads=1, exact=exact)
        return [(int(k), 1.0 - float(d)) for k, d in zip(found.keys, found.distances, strict=True)]


@dataclass(eq=False)
class NameIndex:
    """Name key -> keys of the recent stories that mention it.

    Cost: ``add``/``remove`` one dict operation a name; ``candidates`` looks at most
    :data:`NAME_QUERIES` x :data:`NAME_POSTING_CAP` keys and returns at most
    :data:`NAME_CANDIDATES`; ``find_in`` a few dict
    lookups a word. Memory: one entry per (name, recent story).
    """

    recent_stories: int = 0  # the IDF's n, kept up to date by the caller
    _postings: dict[str, set[int]] = field(default_factory=dict)
    _longest: int = 1
    # Names indexed per story: its length is how many stories hold any name, the most
    # holders a name can have (weight_floor).
    _held: dict[int, int] = field(default_factory=dict)

    def add(self, story: int, names: Iterable[str]) -> None:
        """Record that ``story`` mentions ``names`` (keys)."""
        for name in names:
            holders = self._postings.setdefault(name, set())
            if story not in holders:
                holders.add(story)
                self._held[story] = self._held.get(story, 0) + 1
            self._longest = max(self._longest, min(name.count(" ") + 1, _MAX_NAME_WORDS))

    def remove(self, story: int, names: Iterable[str]) -> None:
        """Forget that ``story`` mentions ``names``."""
        for name in names:
            holders = self._postings.get(name)
            if holders is not None and story in holders:
                holders.remove(story)
                if not holders:
                    del self._postings[name]
                left = self._held[story] - 1
                if left:
                    self._held[story] = left
                else:
                    del self._held[story]

    def weight(self, name: str) -> float:
        """IDF of a name over recent stories: ``ln((1 + n) / (1 + holders)) + 1``."""
        holders = len(self._postings.get(name, ()))
        return math.log((1.0 + self.recent_stories) / (1.0 + holders)) + 1.0

    def weight_floor(self) -> float:
        """A lower bound of :meth:`weight` for every name while the index is unchanged
        (no name has more holders than there are stories holding any name); 1 when the
        caller's ``recent_stories`` counts every indexed story, as the clusterer's does.
        Never below 0 (weights are meant positive; a negative floor would be no bound)."""
        return max(0.0, math.log((1.0 + self.recent_stories) / (1.0 + len(self._held))) + 1.0)

    def candidates(self, names: Iterable[str]) -> set[int]:
        """Stories sharing one of the rarest :data:`NAME_QUERIES` names, skipping names
        held by more than :data:`NAME_POSTING_CAP` stories; past
        :data:`NAME_CANDIDATES` of them, those sharing the most IDF weight of these names
        (the newest, highest key, on a tie). Independent of insertion order, so a
        rebuilt index nominates the same stories."""
        held = [(len(self._postings[n]), n) for n in names if n in self._postings]
        rare = sorted(h for h in held if h[0] <= NAME_POSTING_CAP)[:NAME_QUERIES]
        found = {story for _, name in rare for story in self._postings[name]}
        if len(found) <= NAME_CANDIDATES:
            return found
        shared: dict[int, float] = dict.fromkeys(found, 0.0)
        for _, name in rare:
            weight = self.weight(name)
            for story in self._postings[name]:
                shared[story] += weight
        ranked = sorted(found, key=lambda story: (-shared[story], -story))
        return set(ranked[:NAME_CANDIDATES])

    def find_in(self, text: str) -> frozenset[str]:
        """Keys of indexed names written in ``text`` (first word capitalised): how an
        article in a language the analyser does not read gets its entities. Cost: one
        fold per word and up to six lookups per word; nothing while no name is indexed (a
        run with no analysis)."""
        if not self._postings:
            return frozenset()
        words = [(m.group()[0].isupper(), fold_key(m.group())) for m in _WORD.finditer(text)]
        found: set[str] = set()
        for start, (capital, _) in enumerate(words):
            if not capital:
                continue
            for size in range(1, min(self._longest, len(words) - start) + 1):
                key = " ".join(w for _, w in words[start : start + size])
                if key in self._postings:
                    found.add(key)
        return frozenset(found)
