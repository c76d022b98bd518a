"""The statement pair model (newsprism.reconcile.pair_model) and the labelling of its
real-data check (eval/statement_pairs_fit.py), on invented units and spans."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from newsprism.reconcile.pair_model import MODEL_DENSE, MODEL_LEXICAL, PairEvidence, PairModel
from newsprism.reconcile.statements import StatementOptions, Unit

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import basil_gold  # noqa: E402
import statement_pairs_fit as fit  # noqa: E402

MODELS = [MODEL_LEXICAL, MODEL_DENSE]


def _evidence(scores: list[list[float]], margins: list[list[float]]) -> PairEvidence:
    n = len(scores)
    ones = np.ones((n, n), dtype=bool)
    return PairEvidence(
        np.array(scores), np.array(margins), ones.copy(), ones.copy(), np.eye(n, dtype=bool)
    )


@pytest.mark.parametrize("model", MODELS)
def test_rows_and_matrices_give_one_probability(model: PairModel) -> None:
    evidence = _evidence([[0.0, 0.4], [0.4, 0.0]], [[0.0, -0.1], [0.2, 0.0]])
    matrix = model.probability(evidence)
    rows = model.features(evidence).reshape(4, -1).T
    assert np.allclose(model.probability_of_rows(rows), matrix.ravel())
    assert model.with_weights(model.weights()) == model


@pytest.mark.parametrize("model", MODELS)
def test_in_place_probability_has_the_bits_of_the_plain_sum(model: PairModel) -> None:
    rng = np.random.default_rng(7)
    n = 40
    evidence = PairEvidence(
        rng.random((n, n)),
        rng.normal(size=(n, n)),
        rng.random((n, n)) < 0.3,
        rng.random((n, n)) < 0.5,
        np.eye(n, dtype=bool),
    )
    plain = model.intercept
    for weight, feature in zip(model.weights()[1:], model.features(evidence), strict=True):
        plain = plain + weight * feature
    assert np.array_equal(model.probability(evidence), 1.0 / (1.0 + np.exp(-plain)))
    single = replace(evidence, scores=evidence.scores.astype(np.float32))
    plain = model.intercept
    for weight, feature in zip(model.weights()[1:], model.features(single), strict=True):
        plain = plain + weight * np.asarray(feature, np.float64)
    assert np.array_equal(model.probability(single), 1.0 / (1.0 + np.exp(-plain)))


@pytest.mark.parametrize("model", MODELS)
def test_probability_grows_with_similarity_and_margin(model: PairModel) -> None:
    low = model.probability(_evidence([[0.0, 0.2], [0.2, 0.0]], [[0.0, 0.0], [0.0, 0.0]]))
    high = model.probability(_evidence([[0.0, 0.6], [0.6, 0.0]], [[0.0, 0.0], [0.0, 0.0]]))
    wide = model.probability(_evidence([[0.0, 0.6], [0.6, 0.0]], [[0.0, 0.3], [0.3, 0.0]]))
    assert low[0, 1] < high[0, 1] < wide[0, 1]


def test_verbatim_links_and_unrelated_does_not() -> None:
    options = StatementOptions()
    verbatim = _evidence([[0.0, 1.0], [1.0, 0.0]], [[0.0, 0.5], [0.5, 0.0]])
    unrelated = _evidence([[0.0, 0.05], [0.05, 0.0]], [[0.0, -0.3], [-0.3, 0.0]])
    for model, link in ((MODEL_LEXICAL, options.link_lexical), (MODEL_DENSE, options.link_dense)):
        assert model.probability(verbatim)[0, 1] >= link
        assert model.probability(unrelated)[0, 1] < link


# --- the fit's labels ----------------------------------------------------------------------

TEXTS = {
    "a": "Ruiz said the bridge opens in May. He said tolls will stay. Rain fell.",
    "b": "The bridge opens in May, Ruiz said. Tolls stay, he added. Rain fell.",
}


def _unit(article: str, words: str, group: int) -> Unit:
    start = TEXTS[article].index(words)
    return Unit(article, group, start, start + len(words), False, words, "Ruiz", "Ruiz",
                (), (0, start))  # fmt: skip


def _span(article: str, words: str) -> tuple[str, int, int]:
    start = TEXTS[article].index(words)
    return (article, start, start + len(words))


def _story() -> fit.StoryRun:
    units = [
        _unit("a", "the bridge opens in May", 1),  # statement 0
        _unit("a", "tolls will stay", 2),  # statement 1
        _unit("a", "Rain fell", 3),  # no gold statement
        _unit("b", "The bridge opens in May", 1),  # statement 0
        _unit("b", "Tolls stay", 2),  # statement 1
    ]
    gold = basil_gold.GoldStory(
        [
            [_span("a", "the bridge opens in May"), _span("b", "The bridge opens in May")],
            [_span("a", "tolls will stay"), _span("b", "Tolls stay")],
        ],
        ["s0", "s1"], [], [], [], [],
    )  # fmt: skip
    n = len(units)
    articles = np.array([u.article for u in units])
    forbid = articles[:, None] == articles[None, :]
    scores = np.full((n, n), 0.1)
    scores[0, 3] = scores[3, 0] = 0.9
    scores[1, 4] = scores[4, 1] = 0.3
    evidence = PairEvidence(scores, scores.copy(), ~forbid, ~forbid, forbid)
    return fit.StoryRun(gold, TEXTS, units, evidence, [], [])


def test_pairs_are_labelled_by_the_gold_statements_they_overlap() -> None:
    story = _story()
    assert fit.unit_statements(story) == [{0}, {1}, set(), {0}, {1}]
    pairs = fit.pair_set([story], MODEL_LEXICAL)
    # Cross-article pairs: (0,3) +, (1,4) +, (0,4) (1,3) hard negatives, (2,3) (2,4)
    # half negatives; same-article pairs are forbidden.
    assert sorted(pairs.labels.tolist()) == [False] * 4 + [True] * 2
    assert int(pairs.half.sum()) == 2
    assert fit.recall_at(MODEL_LEXICAL.probability_of_rows(pairs.rows), pairs.labels, 0.95) > 0


def test_best_labels_keep_one_positive_per_gold_pair() -> None:
    story = _story()
    # A second unit of statement 0 in article b (another sentence of its passage).
    extra = _unit("b", "Ruiz said", 1)
    story.gold.statements[0].append(_span("b", "Ruiz said"))
    story.units.append(extra)
    n = len(story.units)
    articles = np.array([u.article for u in story.units])
    forbid = articles[:, None] == articles[None, :]
    scores = np.full((n, n), 0.1)
    scores[0, 3] = scores[3, 0] = 0.9
    story.evidence = PairEvidence(scores, scores.copy(), ~forbid, ~forbid, forbid)
    gold = fit.unit_statements(story)
    assert fit.renderings(story, gold) == {(0, 3), (1, 4)}
    every = fit.pair_set([story], MODEL_LEXICAL, best=False)
    best = fit.pair_set([story], MODEL_LEXICAL, best=True)
    assert int(every.labels.sum()) == 3 and int(best.labels.sum()) == 2
