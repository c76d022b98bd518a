"""Near-duplicates: fold syndicated and lightly edited copies of one text into a group.

A wire story reaches many outlets as copies: a different headline, a few words changed,
a paragraph cut for length, a syndication line added or dropped, the lines re-wrapped,
curly quotes where the wire had straight ones. Such copies are one source, not many.
Different outlets' own reports of the same story are *not* copies: they share names,
numbers and quotes, but not the running text. This module tells the two apart by the
Jaccard similarity of the texts' word shingles (runs of ``shingle_words`` consecutive
words), estimated with MinHash, and finds candidates with MinHash LSH, both from
`datasketch <https://ekzhu.com/datasketch/>`_.

Pieces:

* :func:`shingles` — word shingles of the normalised text (NFKC, case-folded, every run
  of punctuation and whitespace folded to one word boundary).
* :func:`signature` — the MinHash of those shingles: ``num_perm`` uint64 hash values,
  the same in every process and run (SHA-1 of each shingle, permutations drawn from
  ``seed``), so a signature can be stored once per article and reused.
* :class:`DuplicateIndex` — incremental grouping over signatures held in memory; a
  store's runs use :class:`~newsprism.cluster.dedup_window.WindowedDuplicates`, the same
  rule over the hot window's articles, with their LSH bands kept in the store.
* :func:`signature_bytes` / :func:`signature_from_bytes` — the storage form
  (datasketch's :class:`~datasketch.LeanMinHash` serialisation, little-endian).

Grouping rule (transitive by first match): an article joins the group of the most
similar earlier article whose estimated Jaccard similarity is at least ``threshold``
(ties go to the earlier article); otherwise it starts its own group. Groups never merge
afterwards, so a later article that resembles two groups joins only the closer one.
Groups are therefore a function of the insertion order, and the same order always gives
the same groups.

Calibration (``eval/dedup.py``, results in ``eval/results/dedup.md``): pairwise
precision, recall and F1 of duplicate detection for thresholds 0.25-0.9 and shingles of
3 to 7 words, on the sample corpus (3 wire/syndicated pairs among 26 articles) and on
two generated sets of 1,800 articles (600 wire texts, each with an edited copy: 1-3
words changed in every paragraph, one paragraph cut, a syndication line, re-wrapped
lines, curly quotes; half with a copy of that copy), against hard negatives (other
articles of the same outlet and topic, the same story in fresh prose, the same story
sharing one quoted paragraph verbatim). The pick is the best mean F1 among settings
with no false positive on any set at the threshold and at both neighbouring ones:
3-word shingles at 0.5, precision 1.000 on every set, recall 1.000 on the samples and
0.992 / 0.982 on the generated sets (F1 0.996 / 0.991). Longer shingles separate
unrelated text better but push edited copies down (at 5 words and 0.5 recall falls to
0.905 / 0.892; a copy edited in every paragraph loses every shingle that spans an
edit); lower thresholds with longer shingles meet the one-shared-paragraph negatives.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH  # type: ignore[import-untyped]

__all__ = [
    "DedupOptions",
    "DuplicateIndex",
    "is_empty",
    "shingles",
    "signature",
    "signature_bytes",
    "signature_from_bytes",
]

logger = logging.getLogger(__name__)

# datasketch's 64-bit affine permutation scheme: uint64 hash values, collision-free
# permutations (the 2.0 default "affine32" would store uint32 values).
SCHEME: Final = "affine64"
# The value of every slot of an empty MinHash (no shingles at all).
_EMPTY: Final = np.uint64(2**64 - 1)
# Portable byte order for stored signatures.
_BYTEORDER: Final = "<"
_WORD: Final = re.compile(r"[^\W_]+")
# (false positive, false negative) weights for datasketch's choice of bands and rows. A
# missed candidate is a missed copy, while a spurious one costs a single O(num_perm)
# check, so recall is weighted up: at threshold 0.5 this gives 32 bands of 4 rows, which
# proposes a pair of true similarity 0.5 / 0.6 / 0.7 with probability 0.87 / 0.99 / 1.00
# (datasketch's default (0.5, 0.5) gives 25 x 5 rows: 0.55 / 0.87 / 0.99).
LSH_WEIGHTS: Final = (0.1, 0.9)


@dataclass(frozen=True, slots=True)
class DedupOptions:
    """How near-duplicates are detected.

    Attributes:
        threshold: Least estimated Jaccard similarity of two texts' shingle sets for
            them to be copies of one text. Chosen by measurement (see the module
            docstring).
        num_perm: MinHash permutations per signature; the standard error of the
            Jaccard estimate is about ``sqrt(J * (1 - J) / num_perm)`` (0.044 at
            J = 0.5 with 128).
        shingle_words: Words per shingle.
        seed: Seed of the MinHash permutations. Signatures made with different seeds
            or ``num_perm`` cannot be compared.
    """

    threshold: float = 0.5
    num_perm: int = 128
    shingle_words: int = 3
    seed: int = 1

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold}")
        if self.num_perm < 2:
            raise ValueError(f"num_perm must be at least 2, got {self.num_perm}")
        if self.shingle_words < 1:
            raise ValueError(f"shingle_words must be at least 1, got {self.shingle_words}")


def _words(text: str) -> list[str]:
    """Words of ``text`` after NFKC and case folding; punctuation and spaces dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int) -> set[bytes]:
    """Word shingles of the normalised text: every run of ``size`` consecutive words.

    Normalisation is NFKC, case folding, and folding every run of punctuation and
    whitespace into one word boundary, so copies that differ only in quote style
    (curly or straight), dashes, line breaks or spacing have the same shingles.
    A text of fewer than ``size`` words (but at least one) is one shingle.

    Args:
        text: Any text; typically an article's clean body.
        size: Words per shingle, at least 1.

    Returns:
        The shingles as UTF-8 bytes (words joined by one space); empty for a text
        without words.

    Cost: O(len(text)) time and memory.
    """
    if size < 1:
        raise ValueError(f"size must be at least 1, got {size}")
    words = _words(text)
    last = max(1, len(words) - size + 1) if words else 0
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(last)}


def signature(text: str, options: DedupOptions | None = None) -> np.ndarray:
    """MinHash signature of ``text``'s word shingles.

    Uses :class:`datasketch.MinHash` (scheme ``"affine64"``, default SHA-1 based
    64-bit hash) fed with :meth:`~datasketch.MinHash.update_batch`.

    Args:
        text: The article's clean body (the headline is not part of it, so copies
            under different headlines still match).
        options: Shingle size, ``num_perm`` and ``seed``; defaults if None.

    Returns:
        ``num_perm`` uint64 hash values. Guarantee: a pure function of ``text`` and the
        options, equal across processes, platforms and runs (no salted hashes). A text
        without words gives the empty signature (every slot 2**64 - 1), which
        :class:`DuplicateIndex` never groups.

    Cost: one SHA-1 per distinct shingle plus O(shingles * num_perm) vector
    arithmetic; about 1 ms for a 600-word article with 128 permutations.
    """
    options = options or DedupOptions()
    minhash = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=SCHEME)
    minhash.update_batch(shingles(text, options.shingle_words))
    return np.asarray(minhash.digest(), dtype=np.uint64)


def signature_bytes(sig: np.ndarray, options: DedupOptions | None = None) -> bytes:
    """The storage form of a signature: a little-endian :class:`~datasketch.LeanMinHash`.

    Args:
        sig: A signature from :func:`signature`.
        options: The options it was made with (its ``seed`` is recorded).

    Returns:
        ``13 + 8 * num_perm`` bytes (seed, count, scheme code, hash values).
    """
    lean = _lean(sig, options or DedupOptions())
    buffer = bytearray(lean.bytesize(byteorder=_BYTEORDER))
    lean.serialize(buffer, byteorder=_BYTEORDER)
    return bytes(buffer)


def signature_from_bytes(data: bytes, options: DedupOptions | None = None) -> np.ndarray:
    """The signature that :func:`signature_bytes` stored.

    Args:
        data: Bytes from :func:`signature_bytes`.
        options: The options the reader works with; the stored seed, scheme and
            length must match them.

    Returns:
        The uint64 hash values, equal to the ones stored.

    Raises:
        ValueError: The bytes were made with another seed, scheme or ``num_perm``
            (such signatures cannot be compared with this reader's).
    """
    options = options or DedupOptions()
    lean = LeanMinHash.deserialize(data, byteorder=_BYTEORDER)
    if (lean.scheme, lean.seed, len(lean)) != (SCHEME, options.seed, options.num_perm):
        raise ValueError(
            f"stored signature has scheme {lean.scheme}, seed {lean.seed}, {len(lean)} "
            f"values; expected {SCHEME}, seed {options.seed}, {options.num_perm}"
        )
    return np.asarray(lean.hashvalues, dtype=np.uint64)


def is_empty(sig: np.ndarray) -> bool:
    """Whether ``sig`` is the signature of a text without words (never grouped)."""
    return not bool((sig != _EMPTY).any())


def _lean(sig: np.ndarray, options: DedupOptions) -> LeanMinHash:
    """``sig`` as a frozen datasketch sketch, after checking its shape and type."""
    if sig.shape != (options.num_perm,) or sig.dtype != np.uint64:
        raise ValueError(
            f"expected a uint64 signature of {options.num_perm} values, "
            f"got {sig.dtype} of shape {sig.shape}"
        )
    return LeanMinHash(seed=options.seed, hashvalues=sig, scheme=SCHEME)


class DuplicateIndex:
    """Incremental near-duplicate groups over MinHash signatures.

    Each :meth:`add` queries a :class:`datasketch.MinHashLSH` (tuned by datasketch
    for ``options.threshold`` and ``num_perm``) for earlier articles that share a
    band, keeps those whose estimated Jaccard similarity
    (:meth:`datasketch.LeanMinHash.jaccard`) is at least the threshold, and joins the
    group of the most similar one (earliest on ties); see the module docstring.

    Guarantee: the groups are a deterministic function of the sequence of
    ``(article_id, signature)`` added; :meth:`from_signatures` over the same
    sequence rebuilds the same groups.

    Cost: :meth:`add` is O(bands) LSH bucket lookups plus one O(num_perm) comparison
    per candidate (candidates are the article's copies plus rare band collisions), so
    it stays flat as the index grows. Memory per article: the signature
    (``num_perm * 8`` bytes, 1 KiB at 128) plus its band keys, stored twice by the
    LSH (about 2 KiB more at 128), plus the id.

    Args:
        options: Threshold, ``num_perm`` and ``seed``; signatures added must have been
            made with the same options.
    """

    def __init__(self, options: DedupOptions | None = None) -> None:
        self.options = options or DedupOptions()
        self._lsh = MinHashLSH(
            threshold=self.options.threshold, num_perm=self.options.num_perm, weights=LSH_WEIGHTS
        )
        self._sketches: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}
        self._leader: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        logger.debug("LSH with %d bands of %d rows", self._lsh.b, self._lsh.r)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._order

    def add(self, article_id: str, sig: np.ndarray) -> str | None:
        """Add an article; return the group it joins if it copies an earlier article.

        Args:
            article_id: The article's id; adding an id again changes nothing.
            sig: Its :func:`signature`, made with this index's options.

        Returns:
            The id of the group's first member when the article near-duplicates an
            earlier one, else None (it starts its own group). For an id already
            present, what its first addition returned.

        Raises:
            ValueError: ``sig`` is not a uint64 array of ``num_perm`` values.

        Cost: O(bands) LSH lookups plus O(num_perm) per candidate.
        """
        if article_id in self._order:
            return self._joined(article_id)
        sketch = _lean(sig, self.options)
        empty = is_empty(sig)
        match = None if empty else self._best_match(sketch)
        self._order[article_id] = len(self._order)
        self._sketches[article_id] = sketch
        if not empty:  # empty texts would all share every bucket
            self._lsh.insert(article_id, sketch, check_duplication=False)
        return None if match is None else self._join(article_id, match)

    def group_of(self, article_id: str) -> str:
        """The id of the first member of the article's group (its own id when alone).

        Raises:
            KeyError: The article was never added.
        """
        if article_id not in self._order:
            raise KeyError(article_id)
        return self._leader.get(article_id, article_id)

    def groups(self) -> list[tuple[str, ...]]:
        """Groups of two or more articles.

        Returns:
            Each group's ids in insertion order; groups ordered by the insertion of
            their first member. Cost: O(g log g) for g groups.
        """
        leaders = sorted(self._members, key=self._order.__getitem__)
        return [tuple(self._members[leader]) for leader in leaders]

    @classmethod
    def from_signatures(
        cls, items: Iterable[tuple[str, np.ndarray]], options: DedupOptions | None = None
    ) -> DuplicateIndex:
        """Rebuild an index from stored signatures, in the order they were first added.

        Args:
            items: ``(article_id, signature)`` pairs, e.g. read back from the store
                with :func:`signature_from_bytes`.
            options: The options the signatures were made with.

        Returns:
            An index with the same groups as the one the items were first added to;
            later :meth:`add` calls continue incrementally.

        Cost: one :meth:`add` per item.
        """
        index = cls(options)
        for article_id, sig in items:
            index.add(article_id, sig)
        return index

    def _best_match(self, sketch: LeanMinHash) -> str | None:
        """The most similar earlier article at or above the threshold (earliest on ties)."""
        best: tuple[float, int, str] | None = None
        for candidate in self._lsh.query(sketch):
            similarity = float(sketch.jaccard(self._sketches[candidate]))
            if similarity < self.options.threshold:
                continue
            key = (-similarity, self._order[candidate], candidate)
            if best is None or key < best:
                best = key
        return None if best is None else best[2]

    def _join(self, article_id: str, match: str) -> str:
        """Put ``article_id`` into ``match``'s group and return the group's first member."""
        leader = self._leader.get(match, match)
        self._leader.setdefault(leader, leader)
        self._leader[article_id] = leader
        self._members.setdefault(leader, [leader]).append(article_id)
        return leader

    def _joined(self, article_id: str) -> str | None:
        """What :meth:`add` returned for an article already present."""
        leader = self.group_of(article_id)
        return None if leader == article_id else leader
