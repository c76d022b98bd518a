"""The held-out BASIL gold (eval/data/basil_gold_heldout.json): ten stories outside the
tuned-on gold, labelled blind. Its shape is checked without the shared data; its offsets,
hashes and the story selection rule where ``../shared/data/basil`` exists."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import basil  # noqa: E402
import basil_gold  # noqa: E402

HELDOUT = EVAL / "data" / "basil_gold_heldout.json"
STEP = 5  # the file's `about`: every 5th story of the sorted remainder


def test_heldout_gold_is_well_formed_and_apart_from_the_tuned_gold() -> None:
    held, tuned = basil_gold.load_gold(HELDOUT), basil_gold.load_gold()
    assert basil_gold.structure_problems(held) == []
    assert held["rules"] == tuned["rules"]
    assert "blind" in held["about"] and "held-out" in held["about"].lower()
    assert not {s["story"] for s in held["stories"]} & {s["story"] for s in tuned["stories"]}
    counts = basil_gold.gold_counts(held)
    assert counts["stories"] >= 8
    assert min(counts[p] for p in ("statements", "facts", "contradictions", "exclusives")) > 0


def _selected(all_stories: dict[str, list[basil.BasilArticle]], tuned: set[str]) -> list[str]:
    """Every STEP-th story of the sorted stories not in the tuned gold; a story lacking
    one of its three articles gives its place to the next one in order."""
    rest = sorted(k for k in all_stories if k not in tuned)
    chosen = []
    for position in range(0, len(rest), STEP):
        for story in rest[position:]:
            items = all_stories[story]
            if len(items) == 3 and all(a.text.strip() for a in items):
                chosen.append(story)
                break
    return chosen


@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_heldout_offsets_fit_the_texts_and_the_stories_follow_the_stated_rule() -> None:
    held = basil_gold.load_gold(HELDOUT)
    assert basil_gold.validate(held, basil.load_articles()) == []
    tuned = {s["story"] for s in basil_gold.load_gold()["stories"]}
    assert [s["story"] for s in held["stories"]] == _selected(basil.stories_as_drawn(), tuned)


@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_gold_option_validates_the_heldout_file_and_refuses_to_pin_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert basil_gold.main(["--gold", str(HELDOUT), "--validate"]) == 0
    assert "spans valid" in capsys.readouterr().out
    assert basil_gold.main(["--gold", str(HELDOUT), "--pin"]) == 2
    assert "only basil_gold.json is pinned" in capsys.readouterr().out
