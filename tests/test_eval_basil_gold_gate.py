"""The BASIL gold gate (as the PolNeAR one): the lexical cross-check on real reporting
never falls under the minimums pinned in eval/gate_basil_gold.json, measured on the
gold they were pinned with. Skipped where the BASIL data folder is absent."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import basil  # noqa: E402
import basil_gold  # noqa: E402


def test_a_shortfall_names_the_score_and_its_minimum() -> None:
    lines = basil_gold.shortfalls({"facts_f1": 0.8, "exclusives_recall": 0.9}, {"facts_f1": 0.91})
    assert lines == ["facts_f1: 0.8000 < minimum 0.9100"]


@pytest.mark.slow
@pytest.mark.timeout(1200)  # 66 real articles analysed and three briefs each, on a busy CI
@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_cross_check_scores_stay_above_their_minimums() -> None:
    gate = json.loads(basil_gold.GATE.read_text(encoding="utf-8"))
    gold = basil_gold.load_gold()
    assert basil_gold.sha256_of(basil_gold.GOLD) == gate["gold_sha256"]
    report = basil_gold.evaluate(gold, use_dense=False, cached=False, errors=0)
    scores = basil_gold.gated_scores(report["systems"]["newsprism lexical"])
    assert gate["minimum"] and basil_gold.shortfalls(scores, gate["minimum"]) == []
