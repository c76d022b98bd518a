"""The dense path's story scope: sentences embedded once, texts cut from them pooled."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from newsprism.cluster.vectors import TokenVectors
from newsprism.model import Analysis, Article, Quote, Story, article_id
from newsprism.reconcile.brief import BriefOptions, Reconciler
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.pooled import StoryPieces
from newsprism.reconcile.similarity import DenseSimilarity

SENTENCES = [
    "The minister said the talks would resume in Geneva next week after a pause.",
    "Rescue teams reached the village on Tuesday after the bridge had collapsed.",
    "Prices of fuel rose by a third over the summer months across the region.",
]


def _vector(word: str, dim: int = 8) -> npt.NDArray[np.float32]:
    seed = int(hashlib.sha256(word.encode()).hexdigest()[:8], 16)
    return np.random.default_rng(seed).standard_normal(dim).astype(np.float32)


class _WordModel:
    """A stand-in vectorizer: one piece a lower-cased word, a piece's vector depends on
    the word only, a text's vector is the normalised mean of its words'."""

    dim = 8
    batch_size = 16

    def __init__(self) -> None:
        self.embedded: list[str] = []
        self.passed: list[str] = []
        self._ids: dict[str, int] = {}

    def word_pieces(self, text: str) -> list[int]:
        return [self._ids.setdefault(w, len(self._ids)) for w in text.lower().split()]

    def _words(self, text: str) -> npt.NDArray[np.float32]:
        return np.array([_vector(w) for w in text.lower().split()], np.float32)

    def vectors(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.embedded.extend(texts)
        rows = np.array([self._words(t).mean(axis=0) for t in texts], np.float32)
        unit: npt.NDArray[np.float32] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
        return unit

    def token_vectors(self, texts: Sequence[str]) -> list[TokenVectors]:
        self.passed.extend(texts)
        sentences = self.vectors(texts)
        self.embedded = self.embedded[: -len(texts)]
        return [
            TokenVectors(
                np.array(self.word_pieces(t), np.int32),
                self._words(t).astype(np.float16),
                sentences[n],
            )
            for n, t in enumerate(texts)
        ]


def _pieces(model: _WordModel) -> StoryPieces:
    return StoryPieces(model.token_vectors(SENTENCES), model.word_pieces)


def _cosine(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> float:
    return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))


def test_a_part_of_a_sentence_takes_the_mean_of_its_own_pieces() -> None:
    model = _WordModel()
    part = "the talks would resume in Geneva next week"
    pooled = _pieces(model).pooled(part)
    assert pooled is not None
    assert _cosine(pooled, model.vectors([part])[0]) == pytest.approx(1.0, abs=1e-3)


def test_a_clause_with_its_date_taken_out_pools_around_the_gap() -> None:
    model = _WordModel()
    clause = "Rescue teams reached the village after the bridge had collapsed."
    pooled = _pieces(model).pooled(clause)
    assert pooled is not None  # "on Tuesday" left out: not pooled in
    assert _cosine(pooled, model.vectors([clause])[0]) == pytest.approx(1.0, abs=1e-3)


def test_a_rewritten_word_pools_the_sentences_own_word() -> None:
    model = _WordModel()
    pooled = _pieces(model).pooled("the talks will resume in Geneva next week")
    original = model.vectors(["the talks would resume in Geneva next week"])[0]
    assert pooled is not None and _cosine(pooled, original) == pytest.approx(1.0, abs=1e-3)


def test_a_text_not_in_the_story_or_too_short_is_not_pooled() -> None:
    pieces = _pieces(_WordModel())
    assert pieces.pooled("Officials denied any plan to close the border crossing today.") is None
    assert pieces.pooled("talks would") is None


def test_inside_a_story_only_the_sentences_and_texts_not_found_are_embedded() -> None:
    model = _WordModel()
    similarity = DenseSimilarity(model)  # type: ignore[arg-type]
    part, other = "the talks would resume in Geneva", "a quote heard nowhere else in the story"
    with similarity.story(SENTENCES):
        matrix = similarity.matrix([part, other], SENTENCES)
    assert model.passed == SENTENCES  # one pass over the sentences
    assert model.embedded == [other]
    assert similarity.embedded == len(SENTENCES) + 1 and similarity.pooled == 1
    assert matrix[0].argmax() == 0  # the part is closest to its own sentence


def test_pooled_vectors_last_for_their_story_only() -> None:
    model = _WordModel()
    similarity = DenseSimilarity(model)  # type: ignore[arg-type]
    part = "the talks would resume in Geneva"
    with similarity.story(SENTENCES):
        similarity.matrix([part], [part])
    similarity.matrix([part], [part])  # outside a story: embedded on its own
    assert model.embedded == [part]


def test_a_story_that_grows_sends_the_model_its_new_sentences_only() -> None:
    model = _WordModel()
    similarity = DenseSimilarity(model, piece_budget=40)  # type: ignore[arg-type]
    with similarity.story(SENTENCES[:2]):
        pass
    with similarity.story(SENTENCES):
        pass
    assert model.passed == SENTENCES  # the third sentence in the second pass only
    with similarity.story(["Another story's one sentence about a new harbour."]):
        pass
    with similarity.story(SENTENCES[:1]):  # dropped: over the budget of 40 pieces
        pass
    assert model.passed[-1] == SENTENCES[0]


def _article(outlet: str, text: str, quote: str) -> tuple[Article, Analysis]:
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    ends = [
        n + 1 for n, c in enumerate(text) if c == "." and (n + 1 == len(text) or text[n + 1] == " ")
    ]
    starts = [0, *(e + 1 for e in ends[:-1])]
    at = text.index(quote)
    quotes = (Quote(quote, at, at + len(quote), True, None, group=0),)
    return article, Analysis(article.id, "test", tuple(zip(starts, ends, strict=True)), (), quotes)


def ferry_story(daily_lead: str) -> StoryMaterial:
    """Two outlets quote the ferry operator's promise, each in its own words; the Daily's
    article opens with ``daily_lead``."""
    wire = _article(
        "Wire",
        "Ferry fares stay frozen. 'Ticket prices on the island ferries will not go up "
        "this year,' the operator said on Monday. The new pier opens in May.",
        "Ticket prices on the island ferries will not go up this year",
    )
    daily = _article(
        "Daily",
        f"{daily_lead} 'Ticket prices on the island ferries will not rise "
        "this year,' it said. Crews were hired for the summer.",
        "Ticket prices on the island ferries will not rise this year",
    )
    articles = [wire[0], daily[0]]
    return StoryMaterial(
        Story("s", None, tuple(a.id for a in articles)),
        articles,
        {a.id: n for a, n in (wire, daily)},
    )


def test_a_dense_brief_sends_the_model_its_sentences_once_and_pools_the_quotes() -> None:
    material = ferry_story("The operator made a promise.")
    model = _WordModel()
    similarity = DenseSimilarity(model)  # type: ignore[arg-type]
    Reconciler(BriefOptions(embeddings="on"), similarity).brief(material)
    sentences = list(dict.fromkeys(p.text for p in material.story_pieces()))
    assert model.passed == sentences
    assert similarity.pooled >= 2  # both quote parts, from their sentences' pieces
    assert not set(model.embedded) & set(sentences)


def test_the_real_model_pools_a_quote_part_near_its_own_embedding(dense_similarity: Any) -> None:
    similarity: DenseSimilarity = dense_similarity
    sentence = "'We will not give up a single inch of our land,' the minister told reporters."
    part = "We will not give up a single inch of our land"
    paraphrase, unrelated = "We shall never surrender one metre of territory", "Fuel prices rose"
    others = [paraphrase, unrelated, sentence]
    before = similarity.embedded
    with similarity.story([sentence]):
        inside = similarity.matrix([part], others)[0]
    assert similarity.embedded - before == 3  # the sentence, the paraphrase, the unrelated
    alone = similarity.matrix([part], others)[0]  # outside the story: embedded alone
    assert inside[0] > inside[1] and alone[0] > alone[1]
    # Against other texts, the part in its sentence's context scores as it does alone
    # (measured: 0.61 / 0.66 the paraphrase, -0.01 / 0.04 the unrelated text); against
    # its own sentence, higher (0.95 / 0.85): its pieces carry the sentence's context.
    assert abs(inside[:2] - alone[:2]).max() < 0.1
    assert inside[2] >= alone[2]
