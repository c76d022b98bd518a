"""The held-out choice of the second look's cut (``eval/single_merge_cv.py``): folds keep a
gold story whole, the pick prefers F1, then precision, then the more cautious value, and
"both folds" scores each fold's labels at its own pick without joining stories across
the fold line."""

from __future__ import annotations

import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

from newsprism.model import Article  # noqa: E402
from real_sets import LabelledSet  # noqa: E402
from single_merge_cv import both_folds, chosen, fold, name  # noqa: E402

IDS = ["mn-3-0", "mn-3-1", "mn-4-0", "mn-4-2", "mn-11-0", "mn-12-5"]
DATA = LabelledSet(
    "multinews",
    [Article(id=a, source=a, text="An invented report.", language="en") for a in IDS],
    {a: a.split("-")[1] for a in IDS},
    (),
)


def test_folds_split_by_cluster_number_parity_and_keep_each_story_whole() -> None:
    odd, even = fold(DATA, "odd"), fold(DATA, "even")
    assert sorted(odd.gold) == ["mn-11-0", "mn-3-0", "mn-3-1"]
    assert sorted(even.gold) == ["mn-12-5", "mn-4-0", "mn-4-2"]
    assert set(odd.gold.values()).isdisjoint(even.gold.values())


def score(f1: float, precision: float) -> dict[str, float]:
    return {"f1": f1, "precision": precision, "recall": 0.0}


def test_the_pick_takes_f1_then_precision_then_the_cautious_value() -> None:
    assert chosen({None: score(0.90, 0.99), 0.4: score(0.92, 0.95)}) == 0.4
    assert chosen({0.3: score(0.92, 0.95), 0.4: score(0.92, 0.97)}) == 0.4
    # Equal scores: off before any cut, and a higher cut (fewer merges) before a lower.
    tied = {0.3: score(0.9, 0.9), None: score(0.9, 0.9), 0.45: score(0.9, 0.9)}
    assert chosen(tied) is None
    assert chosen({0.3: score(0.9, 0.9), 0.45: score(0.9, 0.9)}) == 0.45
    assert [name(v) for v in (None, 0.45)] == ["off", "0.45"]


def test_both_folds_reads_each_fold_at_its_own_pick() -> None:
    # Odd fold: the cut 0.4 joins its story 3; off leaves it split. Even fold: both
    # values give the same (right) labels. Story ids repeat across the folds ("s1") and
    # must not join across the fold line.
    labels = {
        "odd": {
            "arrival": {
                None: {"mn-3-0": "s1", "mn-3-1": "s2", "mn-11-0": "s3"},
                0.4: {"mn-3-0": "s1", "mn-3-1": "s1", "mn-11-0": "s3"},
            }
        },
        "even": {
            "arrival": {v: {"mn-4-0": "s1", "mn-4-2": "s1", "mn-12-5": "s2"} for v in (None, 0.4)}
        },
    }
    picked = both_folds(DATA, labels, ["arrival"], {"odd": 0.4, "even": None})
    assert picked["held_out"]["arrival"]["f1"] == 1.0
    off = picked["off on both"]["arrival"]
    assert off["precision"] == 1.0 and off["recall"] < 1.0
