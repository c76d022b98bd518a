"""The dense path embeds each text once a run, a text's vectors do not depend on its
batch, and the plain-torch model gives sentence-transformers' vectors (to float rounding)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from newsprism.cluster.vectors import dense_available
from newsprism.reconcile.brief import BriefOptions, Reconciler
from newsprism.reconcile.similarity import DenseSimilarity
from tests.test_reconcile_pooled import _WordModel, ferry_story

needs_model = pytest.mark.skipif(not dense_available(), reason="the 'embed' extra is not installed")


@pytest.fixture
def one_thread() -> Iterator[None]:
    """torch on one thread for the test: with several, the BLAS library splits a batch's
    rows among them by the batch's size, so the last bits of a vector (up to 2e-7,
    measured on a quiet 2-core machine) move with the texts batched beside it; on one
    thread they do not. The thread count a run uses follows the machine's load
    (cluster.vectors.embedding_threads), so without this the tests below passed or
    failed with the load."""
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


TEXTS = [
    "The minister said the talks would resume in Geneva next week after a pause.",
    "Rescue teams reached the village on Tuesday.",
    "'We won't give up a single inch,' she said — café owners agreed.",
    "Short.",
    "",
    " ".join(["The harbour authority published its yearly report on Monday."] * 40),
]


def test_a_dense_brief_sends_no_text_to_the_model_twice_and_a_rebrief_sends_none() -> None:
    model = _WordModel()
    similarity = DenseSimilarity(model)  # type: ignore[arg-type]
    reconciler = Reconciler(BriefOptions(embeddings="on"), similarity)
    material = ferry_story("Ferry fares stay frozen.")  # a sentence both outlets write
    reconciler.brief(material)
    sent = Counter([*model.passed, *model.embedded])
    assert sent and max(sent.values()) == 1  # a shared sentence ("Ferry fares ...") once
    before = (len(model.passed), len(model.embedded))
    reconciler.brief(material)
    assert (len(model.passed), len(model.embedded)) == before


@pytest.mark.slow
@needs_model
def test_the_dense_model_loads_without_sentence_transformers() -> None:
    code = (
        "import json, sys\n"
        "from newsprism.cluster.vectors import DenseVectorizer\n"
        "rows = DenseVectorizer().vectors(['Rescue teams reached the village.'])\n"
        "print(json.dumps([rows.shape[1], sorted(m for m in ('sentence_transformers', "
        "'transformers') if m in sys.modules)]))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(found.stdout.strip().splitlines()[-1]) == [384, []]


@needs_model
def test_a_texts_dense_vectors_do_not_depend_on_the_texts_batched_with_it(
    one_thread: None,
) -> None:
    import numpy as np

    from newsprism.cluster.vectors import DenseVectorizer

    """Within float rounding: on an AVX-512/AMX Xeon (a CI machine of 2026-12-05) the
    BLAS picks its kernels by the batch's shape and moves the last bits (2.2e-7 seen),
    where other CPUs gave the same bits; a float16 piece may then round one step apart."""
    model = DenseVectorizer(batch_size=2)
    small = (model.vectors(TEXTS), model.token_vectors(TEXTS))
    model.batch_size = len(TEXTS)
    large = (model.vectors(TEXTS), model.token_vectors(TEXTS[::-1])[::-1])
    assert np.abs(small[0] - large[0]).max() < 1e-6
    for one, other in zip(small[1], large[1], strict=True):
        assert np.array_equal(one.ids, other.ids)
        assert _within_float16_step(one.pieces, other.pieces)
        assert np.abs(one.sentence - other.sentence).max() < 1e-6


def _within_float16_step(found: Any, expected: Any) -> bool:
    """Two float16 arrays cast from float32 hidden states a rounding apart: at most one
    float16 step (2**-10 of the value) plus 2e-5 (float32 error on states up to about 3,
    where a value near zero has far finer float16 steps: 3e-6 apart seen) between each
    pair."""
    import numpy as np

    a, b = found.astype(np.float32), expected.astype(np.float32)
    return bool(np.all(np.abs(a - b) <= np.abs(b) * 2.0**-10 + 2e-5))


@pytest.mark.slow
@needs_model
def test_the_plain_torch_model_gives_sentence_transformers_vectors(one_thread: None) -> None:
    """The same word pieces; a text's piece vectors those transformers gives it alone;
    sentence vectors within float rounding of sentence-transformers' padded batches."""
    library = pytest.importorskip("sentence_transformers")
    import numpy as np
    import torch

    from newsprism.cluster.vectors import DenseVectorizer, _model_dir

    ours = DenseVectorizer(batch_size=4)
    theirs = library.SentenceTransformer(str(_model_dir()), device="cpu")
    expected = theirs.encode(TEXTS, batch_size=4, normalize_embeddings=True)
    assert np.abs(ours.vectors(TEXTS) - expected).max() < 1e-6
    for text in TEXTS:
        pieces = theirs.tokenizer(text, add_special_tokens=False, truncation=True, max_length=254)
        assert ours.word_pieces(text) == pieces["input_ids"]
    for text, found in zip(TEXTS[:4], ours.token_vectors(TEXTS[:4]), strict=True):
        encoded = theirs.tokenizer([text], truncation=True, max_length=256, return_tensors="pt")
        with torch.inference_mode():
            alone = theirs[0].auto_model(**encoded).last_hidden_state[0, 1:-1]
        assert _within_float16_step(found.pieces, alone.numpy().astype(np.float16))


@needs_model
def test_a_texts_dense_vectors_do_not_depend_on_how_many_batches_run_at_once(
    one_thread: None,
) -> None:
    """Two workers (two batches at once, on two threads) give the bits one gives, in the
    texts' order: the briefs do not depend on the thread count the load picks."""
    import numpy as np

    from newsprism.cluster.vectors import DenseVectorizer

    texts = TEXTS[:5]  # the 256-piece one adds seconds and nothing here
    model = DenseVectorizer(batch_size=1, workers=1)
    alone = (model.vectors(texts), model.token_vectors(texts))
    model.workers = 2
    together = (model.vectors(texts), model.token_vectors(texts))
    assert np.array_equal(alone[0], together[0])
    for one, other in zip(alone[1], together[1], strict=True):
        assert np.array_equal(one.ids, other.ids) and np.array_equal(one.pieces, other.pieces)
        assert np.array_equal(one.sentence, other.sentence)


@needs_model
def test_a_dense_similarity_embeds_on_one_torch_thread_spreading_batches_as_the_load_allows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A brief's vectors come from the vectorizer with torch on one thread; its batches run
    on as many threads as the load leaves free, read at each call (not pinned at the first),
    and the vectors are the same bits whether one thread or two ran them."""
    import threading

    import numpy as np
    import torch

    from newsprism.cluster import vectors
    from newsprism.reconcile.similarity import BATCH_PER_THREAD

    free = [1]  # the cores the load leaves, as embedding_threads would read them now
    monkeypatch.setattr(vectors, "embedding_threads", lambda: free[0])
    ran_on: list[str] = []
    forward = vectors.DenseVectorizer._forward

    def spied(self: vectors.DenseVectorizer, encoded: object) -> object:
        ran_on.append(threading.current_thread().name)
        return forward(self, encoded)  # type: ignore[arg-type]

    monkeypatch.setattr(vectors.DenseVectorizer, "_forward", spied)
    texts = [f"Rescue teams reached village {n} on Tuesday." for n in range(BATCH_PER_THREAD + 1)]
    model = vectors.DenseVectorizer()
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        alone = DenseSimilarity(model).matrix(texts, texts)
        assert torch.get_num_threads() == 1
        on_one, ran_on[:] = list(ran_on), []
        free[0] = 2  # the machine went quiet: the next brief's batches use both cores
        spread = DenseSimilarity(model).matrix(texts, texts)
    finally:
        torch.set_num_threads(before)
    assert on_one == [threading.current_thread().name] * 2  # two batches
    assert len(ran_on) == 2 and all(name.startswith("dense-model") for name in ran_on)
    assert (model.workers, model.batch_size) == (None, BATCH_PER_THREAD)
    assert np.array_equal(alone, spread)
