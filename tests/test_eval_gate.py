"""The evaluation gate (as trafilatura keeps one): quote scores on PolNeAR never fall
under the minimums pinned in eval/gate.json, and the gold data is the data they were
measured on. Skipped where the data folder is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rich.console import Console

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

from gate import SPLIT, gold_sha256, load_gate, scores_of, shortfalls  # noqa: E402
from polnear import data_root, read_split  # noqa: E402
from quotes import evaluate  # noqa: E402

pytestmark = pytest.mark.skipif(not data_root().is_dir(), reason="PolNeAR data folder absent")


def test_gold_data_is_the_data_the_minimums_were_measured_on() -> None:
    assert gold_sha256(data_root()) == load_gate()["gold_sha256"], (
        "PolNeAR's test split changed: re-run `python eval/quotes.py --split test`, "
        "then `python eval/gate.py --pin`, and commit on purpose"
    )


def test_quote_scores_stay_above_their_minimums() -> None:
    articles = list(read_split(SPLIT))
    result = evaluate(articles, errors=0, console=Console(quiet=True), baseline=False)
    assert shortfalls(scores_of(result), load_gate()["minimum"]) == []
