"""The larger held-out check of the second look (``eval/single_merge_kfold.py``): a story
goes whole to one fold by a fixed rule, a fold's articles are scored against the whole
set's clustering (a false merge with another fold's story still costs), and the SemEval
check counts only the labelled pairs."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import single_merge_kfold  # noqa: E402
from single_merge_cv import GRID, Runs  # noqa: E402
from single_merge_kfold import (  # noqa: E402
    K,
    all_folds,
    fold_of,
    fold_runs,
    item_b3,
    pair_counts,
    parse_value,
)

GOLD = {"a1": "flood", "a2": "flood", "b1": "strike", "b2": "strike"}


def test_a_story_goes_whole_to_one_fold_the_same_every_run() -> None:
    # Pinned: the SHA-256 of "<set>:<label>" modulo K, the same in every process (Python's
    # own str hash is salted per run and would move stories between folds).
    assert (fold_of("basil", "flood"), fold_of("basil", "strike")) == (3, 1)
    assert fold_of("multinews", "7") == 0
    assert [fold_of("multinews", str(n)) for n in range(10)] == [0, 4, 1, 0, 2, 4, 2, 0, 4, 1]
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


def fake_runs(option: str, grid: list[float | None]) -> dict[str, Runs]:
    """Runs of one set and order whose labels name the option and value they were run at."""
    return {"basil": {"arrival": {v: {"a1": f"{option}={v}"} for v in grid}}}


def test_runs_are_reused_only_at_the_option_and_grid_they_were_run_at(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[tuple[str, list[float | None]]] = []

    def computed(option: str, grid: list[float | None]) -> dict[str, Runs]:
        calls.append((option, list(grid)))
        return fake_runs(option, grid)

    monkeypatch.setattr(single_merge_kfold, "computed_runs", computed)
    path = str(tmp_path / "runs.json")
    first = fold_runs(path, "single_merge_probability", [None, 0.3, 0.4])
    assert fold_runs(path, "single_merge_probability", [None, 0.3, 0.4]) == first
    assert len(calls) == 1  # the same option and grid: read back, not rerun
    with caplog.at_level(logging.WARNING, logger="single_merge_kfold"):
        other = fold_runs(path, "join_probability", [0.3, 0.4])  # overlapping grid
    assert other["basil"]["arrival"][0.3] == {"a1": "join_probability=0.3"}
    assert "another option or grid" in caplog.text
    wider = fold_runs(path, "join_probability", [0.3, 0.4, 0.5])
    assert list(wider["basil"]["arrival"]) == [0.3, 0.4, 0.5]
    assert len(calls) == 3


def test_a_runs_file_without_its_option_and_grid_is_run_anew(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(single_merge_kfold, "computed_runs", fake_runs)
    path = tmp_path / "runs.json"
    # the layout written before the option and grid were kept: set -> order -> value
    path.write_text(json.dumps({"basil": {"arrival": {"off": {"a1": "old"}}}}), encoding="utf-8")
    runs = fold_runs(str(path), "single_merge_probability", [None])
    assert runs["basil"]["arrival"][None] == {"a1": "single_merge_probability=None"}
    assert json.loads(path.read_text(encoding="utf-8"))["option"] == "single_merge_probability"
