"""Semantic similarity of short texts (quotes, sentences) within one story.

Two implementations of :class:`TextSimilarity`:

- :class:`DenseSimilarity`: cosine of all-MiniLM-L6-v2 embeddings (the ``embed`` extra),
  which places paraphrases ("we won't surrender one inch of land" / "we will not give
  up a single metre") close together.
- :class:`LexicalSimilarity`: cosine of TF-IDF vectors over word stems and character
  4-grams inside word boundaries, fitted on the texts compared; no torch. It catches
  paraphrases that share stems ("return"/"returning", "prices"/"price") but not ones
  that share no words.

:func:`make_similarity` picks one the way story clustering does ("auto": dense when
installed).
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import normalize

from newsprism.cluster.vectors import (
    DenseVectorizer,
    TokenVectors,
    dense_available,
)
from newsprism.reconcile.pooled import StoryPieces

logger = logging.getLogger(__name__)

__all__ = [
    "BackgroundLexicalSimilarity",
    "DenseSimilarity",
    "LexicalSimilarity",
    "TextSimilarity",
    "make_similarity",
    "stem",
    "word_stems",
]

Matrix = npt.NDArray[np.float32]
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Suffixes stripped by the crude stemmer, longest first: enough to meet inflected forms
# of one word ("prices"/"price", "resumed"/"resume", "talks"/"talk").
_SUFFIXES = ("ingly", "edly", "ing", "ied", "ies", "ed", "es", "s", "ly")


def stem(word: str) -> str:
    """The word (already case-folded) less the first of :data:`_SUFFIXES` that leaves
    three letters or more. The lexical similarity's stemmer, and verify's
    (:func:`newsprism.reconcile.verify.content_stems`): one stemmer, so a word form the
    similarity meets is one verify's word coverage counts."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def word_stems(text: str) -> list[str]:
    """The lexical similarity's word terms of ``text``: its runs of letters, case-folded
    and stemmed (also :mod:`newsprism.reconcile.pair_lexical`'s, which must count the
    same terms)."""
    return [stem(w) for w in _WORD.findall(text.casefold())]


class TextSimilarity(Protocol):
    """Cosine similarities between two lists of texts."""

    dense: bool

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Matrix:
        """``len(first) x len(second)`` cosines in [-1, 1] (0 for an empty text). When
        both lists are the same texts, each is encoded once."""
        ...


class LexicalSimilarity:
    """TF-IDF cosine over stems (unigrams and bigrams) and character 4-grams, fitted on
    the union of the texts compared. Cost: linear in the texts, plus the product."""

    dense = False

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Matrix:
        if not first or not second:
            return np.zeros((len(first), len(second)), np.float32)
        same = first is second or list(first) == list(second)
        texts = list(first) if same else [*first, *second]
        try:
            rows = _vectorizer().fit_transform(texts)
        except ValueError:  # no usable token in any text
            return np.zeros((len(first), len(second)), np.float32)
        return _row_cosines(rows, len(first), same)


def _vectorizer() -> FeatureUnion:
    """TF-IDF over stems (unigrams) and character 4-grams inside word boundaries."""
    return FeatureUnion(
        [
            ("words", TfidfVectorizer(analyzer=word_stems, sublinear_tf=True)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 4), sublinear_tf=True)),
        ]
    )


def _row_cosines(rows: sparse.csr_matrix, first: int, same: bool) -> Matrix:
    """Cosines of the first ``first`` rows with the rest (with themselves if ``same``)."""
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    left, right = (rows, rows) if same else (rows[:first], rows[first:])
    right_norms = norms if same else norms[first:]
    return _cosines(left, right.T.tocsr(), norms[:first], right_norms)


class BackgroundLexicalSimilarity:
    """The lexical cosine of the texts compared, mixed with one whose TF-IDF weights
    count the story's sentences (``background``) as documents beside the texts: a word
    the story's narration uses throughout ("the United States" in a campaign story,
    "interested") weighs less than a word only one claim uses, where over a few dozen
    quotes alone both look rare. ``weight``: that cosine's share. The TF-IDF is
    :class:`LexicalSimilarity`'s (stems and character 4-grams, sublinear tf, smoothed
    idf, each part L2-normalised). Cost: the background's vocabulary and document
    frequencies once (linear in it), then per call a count of the texts, a look-up per
    feature of theirs and the product, as :class:`LexicalSimilarity`."""

    dense = False

    def __init__(
        self,
        background: Sequence[str],
        weight: float,
        base: TextSimilarity | None = None,
    ) -> None:
        self._background = list(background)
        self._weight = weight
        self._base = base or LexicalSimilarity()
        self._parts: list[tuple[CountVectorizer, npt.NDArray[np.float64]]] | None = None

    def _counted(self) -> list[tuple[CountVectorizer, npt.NDArray[np.float64]]]:
        """Per part (stems, character 4-grams): the counter fitted on the background and
        the background's document frequencies (empty when it has no usable token)."""
        if self._parts is None:
            self._parts = []
            for counter in _counters():
                try:
                    found = counter.fit_transform(self._background)
                except ValueError:  # no background, or no usable token in it
                    self._parts = []
                    break
                df = np.asarray((found > 0).sum(axis=0), dtype=np.float64).ravel()
                self._parts.append((counter, df))
        return self._parts

    def _rows(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The texts' TF-IDF rows over their own features, document frequencies counted
        over background and texts (a feature of the texts alone, such as a quote's last
        word with its closing mark, counts in the texts only)."""
        documents = len(self._background) + len(texts)
        blocks = []
        for (fitted, background_df), counter in zip(self._counted(), _counters(), strict=True):
            try:
                counts = counter.fit_transform(texts).astype(np.float64)
            except ValueError:  # no usable token in any text
                continue
            known = fitted.vocabulary_
            df = np.asarray((counts > 0).sum(axis=0), dtype=np.float64).ravel()
            for feature, column in counter.vocabulary_.items():
                row = known.get(feature)
                if row is not None:
                    df[column] += background_df[row]
            idf = np.log((1.0 + documents) / (1.0 + df)) + 1.0
            counts.data = 1.0 + np.log(counts.data)
            blocks.append(normalize(counts.multiply(idf[None, :]).tocsr()))
        if not blocks:
            return sparse.csr_matrix((len(texts), 0))
        return sparse.hstack(blocks).tocsr()

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Matrix:
        own = self._base.matrix(first, second)
        if not first or not second or self._weight <= 0 or not self._counted():
            return own
        same = first is second or list(first) == list(second)
        rows = self._rows(list(first) if same else [*first, *second])
        mixed = self._weight * _row_cosines(rows, len(first), same) + (1 - self._weight) * own
        return mixed.astype(np.float32)


def _counters() -> list[CountVectorizer]:
    """Counters of :func:`_vectorizer`'s two parts."""
    return [
        CountVectorizer(analyzer=word_stems),
        CountVectorizer(analyzer="char_wb", ngram_range=(4, 4)),
    ]


_BLOCK_ROWS = 512  # rows of the product made dense at once (memory, not speed)


def _cosines(
    left: sparse.csr_matrix,
    right_t: sparse.csr_matrix,
    left_norms: npt.NDArray[np.float64],
    right_norms: npt.NDArray[np.float64],
) -> Matrix:
    """``((left @ right_t).toarray() / np.outer(left_norms, right_norms))`` as float32, a
    block of rows at a time: each row of a sparse product is summed on its own, so the bits
    are those of the whole-matrix expression, and the peak is the float32 result plus one
    block where the whole product held about 20 bytes a pair (sparse with char 4-grams
    nearly full, then dense float64: 889 MiB for one 6,000 x 6,000 matrix)."""
    result: Matrix = np.empty((left.shape[0], right_t.shape[1]), np.float32)
    for start in range(0, left.shape[0], _BLOCK_ROWS):
        stop = start + _BLOCK_ROWS
        block = (left[start:stop] @ right_t).toarray()
        block /= np.outer(left_norms[start:stop], right_norms)
        result[start:stop] = block
    return result


class DenseSimilarity:
    """Cosine of all-MiniLM-L6-v2 sentence embeddings.

    Each distinct text is embedded once per instance (the cache holds at most
    ``cache_size`` texts, 1.5 KiB each); ``embedded`` counts the texts sent to the model.
    The word-piece vectors of the sentences of the stories seen last are kept too (at
    most ``piece_budget`` pieces, 0.75 KiB each: 100,000 pieces are ~140 news articles,
    73 MiB), so a story that grows by an article re-embeds that article only.
    Inside :meth:`story` (the Reconciler wraps a brief's steps in it), the story's
    sentences go through the model once, in one batch, and every other text the steps
    compare that lies inside them (a quote part, a timeline clause) takes its vector
    pooled from those sentences' word pieces (:mod:`newsprism.reconcile.pooled`) instead of
    a model call of its own; such vectors last for the story only, so a brief never
    depends on which stories were briefed before it.

    Cost: about 0.85 ms of CPU per word piece (a 25-word sentence is ~25 ms on one core
    of the 2-core development machine, measured: 21 MFLOP a word piece; padding is never
    computed, :mod:`newsprism.cluster.minilm`), plus loading the model once (~0.1 s after
    torch; sentence-transformers' import was 7 s); pooling a text is a dictionary look-up per
    trigram and an alignment of a few dozen pieces (well under 1 ms). The model runs
    batches of :data:`BATCH_PER_THREAD` texts; the vectorizer puts torch on one thread and
    runs as many batches at once as the load leaves cores for, read at each call
    (:class:`~newsprism.cluster.vectors.DenseVectorizer`), so a text's vector is the same
    bits whatever the load."""

    dense = True

    def __init__(
        self,
        vectorizer: DenseVectorizer | None = None,
        cache_size: int = 50_000,
        piece_budget: int = 100_000,
    ) -> None:
        self._vectorizer = vectorizer or DenseVectorizer()
        self._tokens: OrderedDict[str, TokenVectors] = OrderedDict()
        self._token_pieces = 0
        self._piece_budget = piece_budget
        self._cache: dict[str, Matrix] = {}
        self._cache_size = cache_size
        self._story: StoryPieces | None = None
        self._pooled: dict[str, Matrix] = {}
        self._sentences: set[str] = set()
        self._unpooled: set[str] = set()  # texts of this story not found in its sentences
        self.embedded = 0
        self.pooled = 0

    def prepare(self, texts: Iterable[str]) -> int:
        """Embed the texts not yet known, in one batched call; returns how many. Inside
        :meth:`story`, a text found in the story's sentences is pooled instead."""
        wanted = [t for t in dict.fromkeys(texts) if t not in self._pooled]
        if self._story is not None:
            wanted = [t for t in wanted if t in self._sentences or not self._pool(t)]
            self._unpooled.update(wanted)
        missing = [t for t in wanted if t not in self._cache]
        if not missing:
            return 0
        self._size_batches()
        self._remember(missing, self._vectorizer.vectors(missing))
        return len(missing)

    @contextmanager
    def story(self, sentences: Iterable[str]) -> Iterator[None]:
        """Within the block, texts inside ``sentences`` are pooled from one model pass
        over them (see the class docstring). A vectorizer without word-piece output
        (:meth:`~newsprism.cluster.vectors.DenseVectorizer.token_vectors`) embeds the
        sentences in one batch and every other text on its own."""
        texts = list(dict.fromkeys(sentences))
        if not hasattr(self._vectorizer, "token_vectors"):
            self.prepare(texts)
            yield
            return
        passes = self._passes(texts)
        self._story = StoryPieces(passes, self._vectorizer.word_pieces)
        self._sentences = set(texts)
        try:
            yield
        finally:
            self._story, self._pooled = None, {}
            self._sentences, self._unpooled = set(), set()

    def _passes(self, texts: Sequence[str]) -> list[TokenVectors]:
        """The sentences' word-piece vectors: kept ones reused (a story that grows
        re-embeds only its new sentences), the others from one batched model pass."""
        missing = [t for t in texts if t not in self._tokens]
        if missing:
            self._size_batches()
            fresh = self._vectorizer.token_vectors(missing)
            self._remember(missing, np.array([p.sentence for p in fresh], np.float32))
            for text, found in zip(missing, fresh, strict=True):
                self._tokens[text] = found
                self._token_pieces += len(found.ids)
        passes = [self._tokens[t] for t in texts]
        for text in texts:  # most recently used last
            self._tokens.move_to_end(text)
        while self._token_pieces > self._piece_budget and len(self._tokens) > len(texts):
            _, dropped = self._tokens.popitem(last=False)
            self._token_pieces -= len(dropped.ids)
        for text, found in zip(texts, passes, strict=True):
            self._cache.setdefault(text, found.sentence)
        return passes

    def _pool(self, text: str) -> bool:
        assert self._story is not None
        if text in self._unpooled:
            return False
        vector = self._story.pooled(text)
        if vector is None:
            return False
        self._pooled[text] = vector
        self.pooled += 1
        return True

    def _size_batches(self) -> None:
        # Only the batch size: the vectorizer itself puts torch on one thread and spreads
        # the batches over the cores the load leaves free, read at each call (setting its
        # ``workers`` here would pin that count for every later caller, the clusterer too).
        self._vectorizer.batch_size = BATCH_PER_THREAD

    def _remember(self, texts: Sequence[str], vectors: Matrix) -> None:
        if len(self._cache) + len(texts) > self._cache_size:
            self._cache.clear()
        self._cache.update(zip(texts, vectors, strict=True))
        self.embedded += len(texts)
        logger.debug("embedded %d texts", len(texts))

    def _rows(self, texts: Sequence[str]) -> Matrix:
        self.prepare(texts)
        rows = [self._pooled[t] if t in self._pooled else self._cache[t] for t in texts]
        return np.stack(rows).astype(np.float32)

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Matrix:
        if not first or not second:
            return np.zeros((len(first), len(second)), np.float32)
        same = first is second or list(first) == list(second)
        if not same:
            self.prepare([*first, *second])  # one batch for both sides
        left = self._rows(first)
        right = left if same else self._rows(second)
        result: Matrix = left @ right.T
        return result


# Texts a batch per thread. Measured on 400 BASIL sentences (1 thread, loaded 2-core
# machine) when batches were padded: 8, 32 and 128 a batch took 107, 117 and 195 ms a
# text. Padding is no longer computed: 16 and 64 a batch now cost the same (0.85 and 0.82
# ms a piece, 258 BASIL sentences, 2026-12-05) and give the same vectors.
BATCH_PER_THREAD = 16


def make_similarity(embeddings: Literal["auto", "off", "on"] = "auto") -> TextSimilarity:
    """Dense when asked ("on") or when installed ("auto"), else lexical."""
    if embeddings == "off" or (embeddings == "auto" and not dense_available()):
        return LexicalSimilarity()
    return DenseSimilarity()
