"""The story-clustering evaluation: B-cubed and pairwise scores on hand-made clusterings
with known answers, and the generated stream's determinism and label structure."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

from clustering import Scores, bcubed, pairwise  # noqa: E402
from stream import (  # noqa: E402
    DAYS,
    MAX_STORY,
    Stream,
    generate_stream,
    iter_light_articles,
    truth_analysis,
)

GOLD = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2, "f": 3}


def close(scores: Scores, precision: float, recall: float) -> bool:
    return scores.precision == pytest.approx(precision) and scores.recall == pytest.approx(recall)


# --- scores -------------------------------------------------------------------------------


def test_a_perfect_clustering_scores_one_whatever_its_cluster_names() -> None:
    renamed = {item: f"story-{label * 7}" for item, label in GOLD.items()}
    for score in (bcubed(GOLD, renamed), pairwise(GOLD, renamed)):
        assert close(score, 1.0, 1.0)
        assert score.f1 == pytest.approx(1.0)


def test_all_in_one_cluster_has_full_recall_and_the_class_size_precision() -> None:
    one = dict.fromkeys(GOLD, "all")
    # B-cubed precision: sum of squared class sizes over N squared = (4 + 9 + 1) / 36.
    assert close(bcubed(GOLD, one), 14 / 36, 1.0)
    # Pairwise: 1 + 3 + 0 gold pairs of C(6, 2) = 15 predicted pairs.
    assert close(pairwise(GOLD, one), 4 / 15, 1.0)


def test_all_singletons_have_full_precision_and_recall_of_one_per_class_member() -> None:
    alone = {item: item for item in GOLD}
    # B-cubed recall: each item finds 1 of its class's n members: (2 * 1/2 + 3 * 1/3 + 1) / 6.
    assert close(bcubed(GOLD, alone), 1.0, 3 / 6)
    # Pairwise: no pair claimed, so precision is 1 by convention; no gold pair found.
    score = pairwise(GOLD, alone)
    assert close(score, 1.0, 0.0)
    assert score.f1 == 0.0


def textbook() -> tuple[dict[str, str], dict[str, int]]:
    """Manning, Raghavan & Schütze, Introduction to IR, Fig. 16.4: 17 items, 3 clusters.

    Cluster 1: 5 x, 1 o; cluster 2: 1 x, 4 o, 1 d; cluster 3: 2 x, 3 d.
    """
    layout = {1: "xxxxxo", 2: "xooood", 3: "xxddd"}
    gold: dict[str, str] = {}
    predicted: dict[str, int] = {}
    for cluster, classes in layout.items():
        for n, label in enumerate(classes):
            item = f"{cluster}-{n}"
            gold[item] = label
            predicted[item] = cluster
    return gold, predicted


def test_the_textbook_example_gives_the_book_pair_counts() -> None:
    gold, predicted = textbook()
    # The book: TP 20, FP 20, FN 24 -> P 0.5, R 20/44, F1 40/84 (about 0.48).
    score = pairwise(gold, predicted)
    assert close(score, 0.5, 20 / 44)
    assert score.f1 == pytest.approx(40 / 84)


def test_the_textbook_example_gives_the_hand_computed_bcubed() -> None:
    gold, predicted = textbook()
    precision = (Fraction(26, 6) + Fraction(18, 6) + Fraction(13, 5)) / 17
    recall = (Fraction(30, 8) + Fraction(17, 5) + Fraction(10, 4)) / 17
    score = bcubed(gold, predicted)
    assert close(score, float(precision), float(recall))
    assert score.f1 == pytest.approx(float(2 * precision * recall / (precision + recall)))


def test_swapping_gold_and_prediction_swaps_precision_and_recall() -> None:
    gold, predicted = textbook()
    for measure in (bcubed, pairwise):
        forward, backward = measure(gold, predicted), measure(predicted, gold)  # type: ignore[arg-type]
        assert forward.precision == pytest.approx(backward.recall)
        assert forward.recall == pytest.approx(backward.precision)


def test_a_clustering_of_other_items_is_refused() -> None:
    with pytest.raises(ValueError, match="different items"):
        bcubed(GOLD, {"a": 1})
    with pytest.raises(ValueError, match="different items"):
        pairwise(GOLD, {**GOLD, "z": 9})


# --- the stream ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stream() -> Stream:
    return generate_stream(5_000)


def _digest(items: Iterable[Any]) -> str:
    found = hashlib.sha256()
    for i in items:
        found.update(f"{i.article.id}|{i.story}|{i.article.published}|{i.article.text}".encode())
    return found.hexdigest()[:16]


def test_the_stream_is_the_same_on_every_run_and_differs_by_seed(stream: Stream) -> None:
    # Pinned, not compared with a second call in this process: a generator drawing on
    # Python's per-process salted hash would pass that comparison. Change the pin only
    # when the generator changes on purpose (eval results on it move then too).
    assert _digest(stream.articles) == "f35ac2921e9452fc"
    other = generate_stream(5_000, seed=stream.seed + 1)
    assert {i.article.id for i in other.articles}.isdisjoint(i.article.id for i in stream.articles)


def test_the_stream_has_hundreds_of_long_tailed_stories(stream: Stream) -> None:
    sizes = Counter(i.story for i in stream.articles)
    assert len(stream.articles) >= 5_000
    assert len(sizes) == len(stream.stories) >= 300
    assert min(sizes.values()) >= 3
    assert max(sizes.values()) == MAX_STORY
    assert sorted(sizes.values())[len(sizes) // 2] <= 8  # most stories are small
    assert len({i.article.id for i in stream.articles}) == len(stream.articles)


def test_articles_come_in_publication_order_over_ninety_days(stream: Stream) -> None:
    times = [i.article.published for i in stream.articles]
    assert all(t is not None for t in times)
    assert times == sorted(times)  # type: ignore[type-var]
    assert times[-1] - times[0] <= timedelta(days=DAYS)  # type: ignore[operator]
    assert len({i.article.outlet for i in stream.articles}) >= 20


def test_german_and_french_articles_tell_a_few_stories_also_told_in_english(
    stream: Stream,
) -> None:
    languages = Counter(i.language for i in stream.articles)
    assert set(languages) == {"en", "de", "fr"}
    assert 0.02 <= (languages["de"] + languages["fr"]) / len(stream.articles) <= 0.08
    foreign = {i.story for i in stream.articles if i.language != "en"}
    english = {i.story for i in stream.articles if i.language == "en"}
    assert foreign <= english
    assert 5 <= len(foreign) <= len(stream.stories) // 5


def test_follow_ups_are_separate_stories_in_the_same_place_days_later(stream: Stream) -> None:
    follow_ups = [p for p in stream.stories if p.parent is not None]
    assert len(follow_ups) >= 20
    for plan in follow_ups:
        parent = stream.stories[plan.parent]  # type: ignore[index]
        assert plan.place == parent.place
        assert plan.figures == parent.figures
        assert plan.start - parent.start >= timedelta(days=3)


def test_public_figures_recur_across_unrelated_stories(stream: Stream) -> None:
    appearances = Counter(f.name for p in stream.stories if p.parent is None for f in p.figures)
    assert appearances.most_common(1)[0][1] >= 10


def test_wire_copies_are_one_story_at_several_outlets(stream: Stream) -> None:
    groups = stream.duplicate_groups()
    assert len(groups) >= 50
    by_id = {i.article.id: i for i in stream.articles}
    for group in groups:
        members = [by_id[a] for a in group]
        assert len(members) >= 2
        assert len({m.story for m in members}) == 1
        assert len({m.article.outlet for m in members}) == len(members)
        assert all(m.article.credit for m in members)


def test_the_truth_analysis_points_at_the_text(stream: Stream) -> None:
    for item in stream.articles[:400]:
        analysis = truth_analysis(item)
        text = item.article.text
        if item.language != "en":
            assert analysis.entities == () and analysis.quotes == ()
            continue
        assert analysis.entities
        for entity in analysis.entities:
            assert all(text[m.start : m.end] == m.text for m in entity.mentions)
        for quote in analysis.quotes:
            assert text[quote.start : quote.end] == quote.text
            assert quote.speaker in {e.name for e in analysis.entities}


def test_the_light_stream_keeps_its_rate_and_order() -> None:
    items = list(iter_light_articles(3_000, per_day=1_000))
    assert len(items) == 3_000
    times = [i.article.published for i in items]
    assert times == sorted(times)  # type: ignore[type-var]
    days = (times[-1] - times[0]).total_seconds() / 86_400  # type: ignore[operator]
    assert 2.0 <= days <= 4.5
    assert all(len(i.article.text.split(". ")) <= 6 for i in items)
    assert _digest(items) == "40fc88d83e252ff4"  # pinned, as the stream above
