"""The dense-merge check of ``eval/split_signals.py``: the lexical run's stories merged by
average-linkage MiniLM cosine, closest pair first, never across the window; the rare
7-grams it counts as shared passages."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

from split_signals import WINDOW, Group, dense_merge, shingles  # noqa: E402


def unit(*values: float) -> np.ndarray:
    row = np.array(values, dtype=np.float32)
    return row / np.linalg.norm(row)


def group(rows: dict[str, np.ndarray], *members: str, day: float | None = None) -> Group:
    return Group(list(members), np.sum([rows[m] for m in members], axis=0),
                 [day] * len(members) if day is not None else [])


def together(labels: dict[str, str]) -> set[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for article, label in labels.items():
        out.setdefault(label, set()).add(article)
    return {frozenset(m) for m in out.values()}


ROWS = {"q1": unit(1, 0, 0), "q2": unit(0.9, 0.1, 0), "q3": unit(0.8, 0.2, 0),
        "v1": unit(0, 0, 1)}


def test_no_cut_leaves_the_lexical_stories() -> None:
    groups = [group(ROWS, "q1", "q2"), group(ROWS, "q3"), group(ROWS, "v1")]
    assert together(dense_merge(groups, None)) == {
        frozenset({"q1", "q2"}), frozenset({"q3"}), frozenset({"v1"})}


def test_stories_at_the_cut_merge_and_a_far_one_stays() -> None:
    groups = [group(ROWS, "q1", "q2"), group(ROWS, "q3"), group(ROWS, "v1")]
    assert together(dense_merge(groups, 0.9)) == {
        frozenset({"q1", "q2", "q3"}), frozenset({"v1"})}
    # The cut is on the mean over member pairs (average linkage), not the best pair.
    mixed = [group(ROWS, "q1", "v1"), group(ROWS, "q2")]
    assert together(dense_merge(mixed, 0.9)) == {frozenset({"q1", "v1"}), frozenset({"q2"})}


def test_the_merge_does_not_change_its_input() -> None:
    groups = [group(ROWS, "q1"), group(ROWS, "q2")]
    dense_merge(groups, 0.5)
    assert [g.members for g in groups] == [["q1"], ["q2"]]


def test_dated_stories_over_the_window_apart_never_merge() -> None:
    early = group(ROWS, "q1", day=100.0)
    late = group(ROWS, "q2", day=100.0 + WINDOW + 1)
    assert early.apart(late) and late.apart(early)
    assert together(dense_merge([early, late], 0.5)) == {frozenset({"q1"}), frozenset({"q2"})}
    near = group(ROWS, "q2", day=100.0 + WINDOW - 1)
    undated = group(ROWS, "q3")
    assert not early.apart(near) and not early.apart(undated)
    assert together(dense_merge([early, near], 0.5)) == {frozenset({"q1", "q2"})}


def test_a_shared_quote_of_eight_words_is_two_shared_shingles() -> None:
    one = shingles("The mayor of Tarnby said: Nobody leaves the harbour before Friday at noon.")
    two = shingles("'NOBODY leaves the harbour before Friday at noon,' Tarnby's mayor told us")
    assert len(one) == 13 - 7 + 1
    assert one & two == {"nobody leaves the harbour before friday at",
                         "leaves the harbour before friday at noon"}
    assert not shingles("six words are too few here")
