"""The second held-out BASIL gold (eval/data/basil_gold_heldout2.json): the blind test set,
labelled blind and never tuned on. Its shape and its distance from the other gold files
are checked without the shared data; its offsets, hashes and the story selection rule
where ``../shared/data/basil`` exists."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import basil  # noqa: E402
import basil_gold  # noqa: E402

TEST_SET = EVAL / "data" / "basil_gold_heldout2.json"
HELDOUT = EVAL / "data" / "basil_gold_heldout.json"
FIRST, STEP = 2, 4  # the file's `about`: every 4th story of the sorted remainder from position 2


def _earlier_stories() -> set[str]:
    return {
        s["story"]
        for gold in (basil_gold.load_gold(), basil_gold.load_gold(HELDOUT))
        for s in gold["stories"]
    }


def test_test_set_is_well_formed_blind_and_apart_from_the_other_gold_files() -> None:
    gold, tuned = basil_gold.load_gold(TEST_SET), basil_gold.load_gold()
    assert basil_gold.structure_problems(gold) == []
    assert gold["rules"] == tuned["rules"]
    assert "blind" in gold["about"] and "never tune" in gold["about"]
    assert not {s["story"] for s in gold["stories"]} & _earlier_stories()
    counts = basil_gold.gold_counts(gold)
    assert counts["stories"] >= 8
    assert min(counts[p] for p in ("statements", "facts", "contradictions", "exclusives")) > 0


def _selected(all_stories: dict[str, list[basil.BasilArticle]], earlier: set[str]) -> list[str]:
    """Every STEP-th story of the sorted stories in no earlier gold file, from FIRST; a story
    lacking one of its three articles gives its place to the next one in order."""
    rest = sorted(k for k in all_stories if k not in earlier)
    chosen = []
    for position in range(FIRST, len(rest), STEP):
        for story in rest[position:]:
            items = all_stories[story]
            if len(items) == 3 and all(a.text.strip() for a in items):
                chosen.append(story)
                break
    return chosen[:10]


@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_test_set_offsets_fit_the_texts_and_the_stories_follow_the_stated_rule() -> None:
    gold = basil_gold.load_gold(TEST_SET)
    assert basil_gold.validate(gold, basil.load_articles()) == []
    drawn = _selected(basil.stories_as_drawn(), _earlier_stories())
    assert [s["story"] for s in gold["stories"]] == drawn


@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_gold_option_validates_the_test_set_and_refuses_to_pin_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert basil_gold.main(["--gold", str(TEST_SET), "--validate"]) == 0
    assert "spans valid" in capsys.readouterr().out
    assert basil_gold.main(["--gold", str(TEST_SET), "--pin"]) == 2
    assert "only basil_gold.json is pinned" in capsys.readouterr().out
