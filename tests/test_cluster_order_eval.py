"""The order rows of eval/real_clustering.py: the other orders it feeds, and how it counts
articles placed differently (issue 10: the same stories in any order within the window)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsprism.cluster.stories import ArticleSignals

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from real_clustering import ORDERS, placed_differently, reordered


def _signals(article_id: str, day: float | None) -> ArticleSignals:
    published = None if day is None else datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=day)
    return ArticleSignals(article_id, published, None, "Made-up text.")


def test_every_order_feeds_the_same_articles() -> None:
    signals = [_signals(f"a{i}", float(i)) for i in range(30)] + [_signals("u", None)]
    for order in ORDERS:
        out = reordered(signals, order)
        assert sorted(s.article_id for s in out) == sorted(s.article_id for s in signals)
    assert reordered(signals, "reversed")[0].article_id == "u"
    assert reordered(signals, "shuffled") == reordered(signals, "shuffled")  # seeded


def test_the_window_shuffle_swaps_only_articles_under_the_window_apart() -> None:
    # Days 0, 20, 40, ...: further apart than the 7-day window, so nothing may swap;
    # undated ones come last.
    far = [_signals(f"a{i}", 20.0 * i) for i in range(10)] + [_signals("u", None)]
    assert reordered(far, "window-shuffled") == far
    # Articles of one day may swap (ten of them all staying put would be 1 in 10!).
    near = [_signals(f"b{i}", 0.1 * i) for i in range(10)]
    assert reordered(near, "window-shuffled") != near


def test_placed_differently_counts_articles_with_other_fellow_members() -> None:
    one = {"a": "s1", "b": "s1", "c": "s2", "d": "s3"}
    assert placed_differently(one, {"a": "x", "b": "x", "c": "y", "d": "z"}) == 0  # renamed
    # c joins d's story: both have another fellow member now; a and b keep theirs.
    assert placed_differently(one, {"a": "x", "b": "x", "c": "z", "d": "z"}) == 2
