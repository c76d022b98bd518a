"""Text vectors for story clustering: the lexical (hashed TF-IDF) vectorizer's determinism,
normalisation, batching and IDF checkpoints, its persisted state, the choice of vectorizer,
and (when installed) the dense model. All texts are invented."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.cluster import vectors
from newsprism.cluster.stories import ClusterOptions
from newsprism.cluster.vectors import (
    DenseVectorizer,
    EmbeddingsUnavailable,
    LexicalVectorizer,
    OnlineVectorizer,
    dense_available,
    make_vectorizer,
)

TEXTS = [
    "Dockworkers in Lorvik walked off the job on Monday, demanding higher wages.",
    "Port labourers at Lorvik went on strike at the start of the week over pay.",
    "A late frost blackened the apple blossom across the orchards of the Ostvale valley.",
    "The Kessmark chess federation announced a junior tournament for the spring.",
    "Mirela Kostanj, who leads the dockers' union, said the cranes would stay idle.",
]


@pytest.fixture(scope="module")
def lexical() -> LexicalVectorizer:
    """A fresh lexical vectorizer, shared by tests that only call ``vectors`` (pure)."""
    return LexicalVectorizer()


def _fill(count: int, prefix: str = "filler") -> list[str]:
    return [f"{prefix} number{i} harbour" for i in range(count)]


# --- the lexical vectorizer -------------------------------------------------------------


def test_two_lexical_vectorizers_give_identical_vectors() -> None:
    assert np.array_equal(LexicalVectorizer().vectors(TEXTS), LexicalVectorizer().vectors(TEXTS))


def test_lexical_vectors_are_the_same_in_a_new_process(lexical: LexicalVectorizer) -> None:
    script = (
        "import hashlib, json, sys\n"
        "from newsprism.cluster.vectors import LexicalVectorizer\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(hashlib.sha256(LexicalVectorizer().vectors(texts).tobytes()).hexdigest())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(TEXTS),
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == hashlib.sha256(lexical.vectors(TEXTS).tobytes()).hexdigest()


def test_lexical_rows_are_float32_of_width_dim() -> None:
    rows = LexicalVectorizer(dim=64).vectors(TEXTS)
    assert rows.dtype == np.float32
    assert rows.shape == (len(TEXTS), 64)


def test_lexical_dim_must_be_positive() -> None:
    with pytest.raises(ValueError):
        LexicalVectorizer(dim=0)


@pytest.mark.parametrize("text", ["", "   ", "the and of it", "!!! ... ---"])
def test_a_text_without_usable_words_gives_a_zero_row(
    lexical: LexicalVectorizer, text: str
) -> None:
    assert not np.any(lexical.vectors([text]))


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(max_size=80), min_size=1, max_size=5))
def test_lexical_rows_are_unit_norm_or_zero(lexical: LexicalVectorizer, texts: list[str]) -> None:
    norms = np.linalg.norm(lexical.vectors(texts), axis=1)
    assert np.all((np.abs(norms - 1.0) < 1e-5) | (norms == 0.0))


@settings(max_examples=30, deadline=None)
@given(texts=st.lists(st.sampled_from(TEXTS) | st.text(max_size=60), min_size=1, max_size=6))
def test_a_batch_gives_the_same_rows_as_one_text_at_a_time(
    lexical: LexicalVectorizer, texts: list[str]
) -> None:
    one_by_one = np.concatenate([lexical.vectors([t]) for t in texts])
    assert np.array_equal(lexical.vectors(texts), one_by_one)


_EMPTY_BATCH_BUG = (
    "LexicalVectorizer.vectors([]) and observe([]) raise StopIteration from sklearn's "
    "HashingVectorizer.transform (vectors.py lines 168 and 196) instead of giving a (0, dim) "
    "array / doing nothing; DenseVectorizer handles the empty batch"
)


def test_an_empty_batch_gives_no_rows(lexical: LexicalVectorizer) -> None:
    assert lexical.vectors([]).shape == (0, lexical.dim)


def test_observing_no_texts_changes_nothing() -> None:
    vectorizer = LexicalVectorizer()
    vectorizer.observe([])
    assert vectorizer.until_refresh() == 8


def test_case_and_accents_do_not_change_a_lexical_vector(lexical: LexicalVectorizer) -> None:
    first, second = lexical.vectors(["Café Ørsund strike", "cafe ørsund STRIKE"])
    assert np.array_equal(first, second)


def test_same_topic_texts_are_closer_than_unrelated_ones(lexical: LexicalVectorizer) -> None:
    strike, follow_up, frost = lexical.vectors(
        [
            "Lorvik dockworkers strike over wages; cranes idle at Lorvik port.",
            "The strike at Lorvik port entered a second day as dockworkers kept cranes idle.",
            "A late frost blackened apple blossom in the Ostvale orchards.",
        ]
    )
    assert float(strike @ follow_up) > float(strike @ frost) + 0.3


def test_lexical_vectorizer_is_an_online_vectorizer() -> None:
    assert isinstance(LexicalVectorizer(), OnlineVectorizer)


# --- IDF checkpoints ---------------------------------------------------------------------


def test_vectors_stay_fixed_until_the_first_checkpoint() -> None:
    vectorizer = LexicalVectorizer()
    before = vectorizer.vectors(TEXTS)
    assert vectorizer.until_refresh() == 8
    vectorizer.observe(_fill(3))
    assert vectorizer.until_refresh() == 5
    vectorizer.observe(_fill(4))
    assert vectorizer.until_refresh() == 1
    assert np.array_equal(vectorizer.vectors(TEXTS), before)
    vectorizer.observe(_fill(1))
    assert not np.array_equal(vectorizer.vectors(TEXTS), before)


def test_checkpoints_double_then_come_every_1024_documents() -> None:
    vectorizer = LexicalVectorizer()
    seen = 0
    gaps = []
    while seen < 3072:
        step = vectorizer.until_refresh()
        gaps.append(step)
        vectorizer.observe(["x"] * step)
        seen += step
    assert gaps == [8, 8, 16, 32, 64, 128, 256, 512, 1024, 1024]


def test_observing_past_several_checkpoints_at_once_lands_on_the_next_one() -> None:
    vectorizer = LexicalVectorizer()
    vectorizer.observe(_fill(40))  # past 8, 16 and 32: the next checkpoint is 64
    assert vectorizer.until_refresh() == 24


def test_a_word_in_every_document_weighs_less_after_a_checkpoint() -> None:
    vectorizer = LexicalVectorizer()
    vectorizer.observe(["harbour dredger"] + ["harbour town"] * 7)
    mixed, common, rare = vectorizer.vectors(["harbour dredger", "harbour", "dredger"])
    assert float(mixed @ rare) > float(mixed @ common) + 0.2


def test_vectors_do_not_depend_on_how_observations_are_split() -> None:
    whole, parts = LexicalVectorizer(), LexicalVectorizer()
    texts = _fill(12, "kelp") + TEXTS
    whole.observe(texts[:8])
    whole.observe(texts[8:])
    for start in range(0, 8, 3):
        parts.observe(texts[start : min(start + 3, 8)])
    parts.observe(texts[8:])
    assert np.array_equal(whole.vectors(TEXTS), parts.vectors(TEXTS))


# --- state -------------------------------------------------------------------------------


def test_state_round_trip_gives_the_same_vectors_and_continues_identically() -> None:
    first = LexicalVectorizer()
    first.observe(TEXTS + _fill(6))  # past the first checkpoint, 5 short of the next
    second = LexicalVectorizer()
    second.load_state(first.state())
    assert np.array_equal(second.vectors(TEXTS), first.vectors(TEXTS))
    assert second.until_refresh() == first.until_refresh() == 5
    for vectorizer in (first, second):
        vectorizer.observe(_fill(9, "gull"))
    assert np.array_equal(second.vectors(TEXTS), first.vectors(TEXTS))
    assert second.until_refresh() == first.until_refresh()


def test_state_of_a_fresh_vectorizer_round_trips() -> None:
    loaded = LexicalVectorizer()
    loaded.observe(_fill(10))
    loaded.load_state(LexicalVectorizer().state())  # replaces what it had seen
    assert np.array_equal(loaded.vectors(TEXTS), LexicalVectorizer().vectors(TEXTS))
    assert loaded.until_refresh() == 8


def test_a_state_from_before_the_prior_keeps_its_idf_until_the_next_checkpoint() -> None:
    import io

    first = LexicalVectorizer()
    first.observe(TEXTS + _fill(6))
    with np.load(io.BytesIO(first.state())) as saved:
        arrays = {k: saved[k] for k in saved.files}
    # The old layout: three counters and the IDF wherever it was not 1.
    idf = np.ones(vectors.LEXICAL_FEATURES, np.float32)
    idf[arrays["idf_at"]] = arrays["idf"]
    idf[0] = 0.5  # a value only the saved table holds
    at = np.flatnonzero(idf != 1.0)
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        counters=arrays["counters"][:3],
        df_at=arrays["df_at"],
        df=arrays["df"],
        idf_at=at,
        idf=idf[at],
    )
    old = LexicalVectorizer()
    old.load_state(buffer.getvalue())
    assert np.array_equal(old._idf, idf)
    old.observe(_fill(old.until_refresh(), "tern"))
    first.observe(_fill(first.until_refresh(), "tern"))
    assert np.array_equal(old.vectors(TEXTS), first.vectors(TEXTS))


def test_a_state_saved_under_another_prior_recomputes_its_idf(monkeypatch: Any) -> None:
    # A store reloaded under another wordfreq release must not mix the saved IDF (the
    # old prior's, where it departs) with the new prior's elsewhere.
    first = LexicalVectorizer()
    first.observe(TEXTS + _fill(6))
    saved = first.state()
    other = vectors.background_presence() * np.float32(0.5)
    monkeypatch.setattr(vectors, "background_presence", lambda: other)
    loaded = LexicalVectorizer()
    loaded.load_state(saved)
    assert np.allclose(loaded._idf, vectors._idf(first._seen, first._df))
    assert not np.allclose(loaded._idf, first._idf)
    assert loaded.until_refresh() == first.until_refresh()


def test_common_words_weigh_less_than_names_before_any_checkpoint() -> None:
    # No document seen: the background prior alone ranks "said" and "Tuesday" (general
    # English) under the invented names; before it every word weighed the same.
    vectorizer = LexicalVectorizer()
    both, common, names = vectorizer.vectors(
        ["Kostanj Lorvik said Tuesday", "said Tuesday", "Kostanj Lorvik"]
    )
    assert float(both @ names) > float(both @ common) + 0.3


def test_loading_a_state_of_another_dim_raises() -> None:
    with pytest.raises(ValueError):
        LexicalVectorizer(dim=64).load_state(LexicalVectorizer().state())


# --- choosing a vectorizer ---------------------------------------------------------------


def test_embeddings_off_gives_the_lexical_vectorizer() -> None:
    assert isinstance(make_vectorizer(ClusterOptions(embeddings="off")), LexicalVectorizer)


def test_embeddings_auto_without_the_model_gives_the_lexical_vectorizer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(vectors, "dense_available", lambda: False)
    assert isinstance(make_vectorizer(ClusterOptions(embeddings="auto")), LexicalVectorizer)


def test_embeddings_on_without_the_model_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vectors, "dense_available", lambda: False)
    with pytest.raises(EmbeddingsUnavailable):
        make_vectorizer(ClusterOptions(embeddings="on"))


def test_embeddings_auto_with_the_model_installed_gives_the_dense_vectorizer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = object()
    monkeypatch.setattr(vectors, "dense_available", lambda: True)
    monkeypatch.setattr(vectors, "fitted", lambda kind: True)
    monkeypatch.setattr(vectors, "DenseVectorizer", lambda: made)
    assert make_vectorizer(ClusterOptions(embeddings="auto")) is made


def test_embeddings_auto_stays_lexical_while_the_dense_join_model_is_provisional(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(vectors, "dense_available", lambda: True)
    monkeypatch.setattr(vectors, "fitted", lambda kind: kind != "dense")
    monkeypatch.setattr(vectors, "DenseVectorizer", object)
    assert isinstance(make_vectorizer(ClusterOptions(embeddings="auto")), LexicalVectorizer)


# --- the dense vectorizer ----------------------------------------------------------------

needs_dense = pytest.mark.skipif(not dense_available(), reason="the 'embed' extra is not installed")


@pytest.fixture(scope="module")
def dense() -> Iterator[DenseVectorizer]:
    yield DenseVectorizer()


@needs_dense
def test_dense_rows_are_unit_norm_float32_of_width_dim(dense: DenseVectorizer) -> None:
    rows = dense.vectors(TEXTS)
    assert rows.dtype == np.float32
    assert rows.shape == (len(TEXTS), dense.dim)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)


@needs_dense
def test_dense_empty_batch_gives_no_rows(dense: DenseVectorizer) -> None:
    assert dense.vectors([]).shape == (0, dense.dim)


@needs_dense
def test_dense_paraphrases_are_closer_than_unrelated_texts(dense: DenseVectorizer) -> None:
    strike, paraphrase, frost, chess = dense.vectors(TEXTS[:4])
    assert float(strike @ paraphrase) > max(float(strike @ frost), float(strike @ chess)) + 0.2
    assert float(paraphrase @ strike) > float(paraphrase @ frost) + 0.2


@needs_dense
def test_dense_batch_matches_one_at_a_time_closely(dense: DenseVectorizer) -> None:
    one_by_one = np.concatenate([dense.vectors([t]) for t in TEXTS])
    assert np.allclose(dense.vectors(TEXTS), one_by_one, atol=1e-5)
