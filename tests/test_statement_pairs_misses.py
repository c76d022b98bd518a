"""eval/statement_pairs_fit.py --misses: the gold pairs an alignment run does not
recall, each with the unit pair that came closest (invented units and spans)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from newsprism.reconcile.pair_model import MODEL_LEXICAL, PairEvidence
from newsprism.reconcile.statements import Unit

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import basil_gold  # noqa: E402
import statement_pairs_fit as fit  # noqa: E402

TEXTS = {
    "a": "Ruiz said the bridge opens in May. He said tolls will stay. Ruiz said fares rise.",
    "b": "The bridge opens in May, Ruiz said. Tolls stay, he added. Rain fell.",
}


def _span(article: str, words: str) -> tuple[str, int, int]:
    start = TEXTS[article].index(words)
    return (article, start, start + len(words))


def _unit(article: str, words: str, group: int) -> Unit:
    _, start, end = _span(article, words)
    return Unit(article, group, start, end, False, words, "Ruiz", "Ruiz", (), (0, start))


def _story() -> fit.StoryRun:
    units = [
        _unit("a", "the bridge opens in May", 1),
        _unit("a", "tolls will stay", 2),
        _unit("b", "The bridge opens in May", 1),
        _unit("b", "Tolls stay", 2),
    ]
    gold = basil_gold.GoldStory(
        [
            [_span("a", "the bridge opens in May"), _span("b", "The bridge opens in May")],
            [_span("a", "tolls will stay"), _span("b", "Tolls stay")],
            [_span("a", "fares rise"), _span("b", "Rain fell")],
        ],
        ["s0", "s1", "s2"], [], [], [], [],
    )  # fmt: skip
    articles = np.array([u.article for u in units])
    forbid = articles[:, None] == articles[None, :]
    scores = np.full((4, 4), 0.1)
    scores[0, 2] = scores[2, 0] = 0.9
    scores[1, 3] = scores[3, 1] = 0.3
    evidence = PairEvidence(scores, scores.copy(), ~forbid, ~forbid, forbid)
    predicted = [[_span("a", "the bridge opens in May"), _span("b", "The bridge opens in May")],
                 [_span("a", "tolls will stay")], [_span("b", "Tolls stay")]]  # fmt: skip
    return fit.StoryRun(gold, TEXTS, units, evidence, predicted, ["Ruiz"] * 3)


def test_misses_name_each_pair_not_recalled_with_its_closest_units() -> None:
    lines = list(fit.misses([_story()], MODEL_LEXICAL))
    heads = [line for line in lines if not line.startswith(" ")]
    assert [h.split(":")[0] for h in heads] == ["s1 a ~ b", "s2 a ~ b"]
    assert "score 0.300" in heads[0]
    assert any("'tolls will stay'" in line for line in lines)
    assert heads[1] == "s2 a ~ b: no unit in a"


def test_band_pairs_label_the_pairs_in_the_band_with_the_second_score() -> None:
    story = _story()
    # Probabilities under the lexical weights: the 0.9 pair far above the band, the 0.3
    # pair (s1, the best pair of its gold pair) and the 0.1 pairs under it.
    cosine = np.full((4, 4), 0.2)
    cosine[1, 3] = cosine[3, 1] = 0.75
    probability = MODEL_LEXICAL.probability(story.evidence)
    low, high = float(probability[1, 3]) - 0.01, float(probability[0, 2]) - 0.01
    found = fit.band_pairs([story], MODEL_LEXICAL, [cosine], low, high)
    assert [p.label for p in found] == ["pos"]
    assert found[0].cosine == 0.75
    # Its rivals (the other quote group of each article) are at 0.2.
    assert abs(found[0].margin - 0.55) < 1e-9


def test_band_table_counts_labels_at_each_floor() -> None:
    pairs = [fit.BandPair("pos", 0.7, 0.1), fit.BandPair("neg", 0.5, -0.1),
             fit.BandPair("half", 0.65, 0.0)]  # fmt: skip
    lines = list(fit.band_table(pairs, [0.0, 0.6], [-2.0, 0.05]))
    assert lines == [
        "cosine >= 0.00, margin >= -2.00: pos 1, neg 1, half 1",
        "cosine >= 0.00, margin >= +0.05: pos 1, neg 0, half 0",
        "cosine >= 0.60, margin >= -2.00: pos 1, neg 0, half 1",
        "cosine >= 0.60, margin >= +0.05: pos 1, neg 0, half 0",
    ]
