"""The larger held-out check of the second look (``eval/single_merge_kfold.py``): a story
goes whole to one fold by a fixed rule, a fold's articles are scored against the whole
set's clustering (a false merge with another fold's story still costs), and the SemEval
check counts only the labelled pairs."""

from __future__ import annotations

import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

from single_merge_cv import GRID  # noqa: E402
from single_merge_kfold import (  # noqa: E402
    K,
    all_folds,
    fold_of,
    item_b3,
    pair_counts,
    parse_value,
)

GOLD = {"a1": "flood", "a2": "flood", "b1": "strike", "b2": "strike"}


def test_a_story_goes_whole_to_one_fold_the_same_every_run() -> None:
    folds = {fold_of("basil", story) for story in ("flood", "flood")}
    assert len(folds) == 1 and 0 <= folds.pop() < K
    assert fold_of("basil", "flood") == fold_of("basil", "flood")
    spread = {fold_of("multinews", str(n)) for n in range(60)}
    assert spread == set(range(K))


def test_a_false_merge_with_another_folds_story_costs_the_kept_articles() -> None:
    merged = {"a1": "s", "a2": "s", "b1": "s", "b2": "t"}
    only_flood = item_b3(GOLD, merged, {"a1", "a2"})
    assert only_flood["recall"] == 1.0
    assert only_flood["precision"] < 1.0  # b1 shares their story, though in another fold
    right = {"a1": "s", "a2": "s", "b1": "t", "b2": "t"}
    assert item_b3(GOLD, right, {"a1", "a2"})["f1"] == 1.0


def test_all_folds_reads_each_articles_score_at_its_folds_value() -> None:
    members = {"basil": {k: set() for k in range(K)}}
    members["basil"][0] = {"a1", "a2"}
    members["basil"][1] = {"b1", "b2"}
    split = {"a1": "s", "a2": "u", "b1": "t", "b2": "t"}
    whole = {"a1": "s", "a2": "s", "b1": "t", "b2": "t"}
    runs = {"basil": {"arrival": {None: split, 0.4: whole}}}
    golds = {"basil": GOLD}
    picks = dict.fromkeys(range(K), None)
    picks[0] = 0.4
    # all_folds scores every value of the grid: give the grid's other values the split.
    for value in GRID:
        runs["basil"]["arrival"].setdefault(value, split)
    report = all_folds(golds, runs, members, picks, ["arrival"])
    assert report["basil"]["held_out"]["arrival"]["f1"] == 1.0
    assert report["basil"]["off"]["arrival"]["recall"] < 1.0


def test_only_labelled_pairs_count() -> None:
    labels = {"x": "s", "y": "s", "z": "t", "w": "s"}
    pairs = [("x", "y", True), ("x", "z", True), ("x", "w", False)]
    counts = pair_counts(labels, pairs)
    assert (counts["same_joined"], counts["different_joined"]) == (1, 1)
    assert counts["precision"] == 0.5 and counts["recall"] == 0.5


def test_values_read_off_as_none_and_numbers_as_floats() -> None:
    assert [parse_value(v) for v in ["off", "0.45", "0.5"]] == [None, 0.45, 0.5]
