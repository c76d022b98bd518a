"""The third held-out BASIL gold (eval/data/basil_gold_heldout3.json): a blind test set over
every BASIL story no other gold file covers, labelled blind and never tuned on. Its shape
and its distance from the other gold files are checked without the shared data; its
offsets, hashes and the story selection rule where ``../shared/data/basil`` exists."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import basil  # noqa: E402
import basil_gold  # noqa: E402

TEST_SET = EVAL / "data" / "basil_gold_heldout3.json"
OTHER_NAMES = (
    "basil_gold",
    "basil_gold_heldout",
    "basil_gold_heldout2",
    "basil_gold_contradictions",
)
OTHERS = [EVAL / "data" / f"{name}.json" for name in OTHER_NAMES]


def _other_stories() -> set[str]:
    return {s["story"] for path in OTHERS for s in basil_gold.load_gold(path)["stories"]}


def test_test_set_is_well_formed_blind_and_apart_from_the_other_gold_files() -> None:
    gold, tuned = basil_gold.load_gold(TEST_SET), basil_gold.load_gold()
    assert basil_gold.structure_problems(gold) == []
    assert gold["rules"] == tuned["rules"]
    assert "blind" in gold["about"] and "never tune" in gold["about"]
    stories = [s["story"] for s in gold["stories"]]
    assert len(stories) == len(set(stories)) >= 10
    assert not set(stories) & _other_stories()
    counts = basil_gold.gold_counts(gold)
    assert min(counts[p] for p in ("statements", "facts", "contradictions", "exclusives")) > 0


def _selected(all_stories: dict[str, list[basil.BasilArticle]], others: set[str]) -> list[str]:
    """The file's `about`: every story in no other gold file that has all three articles."""
    rest = sorted(k for k in all_stories if k not in others)
    return [
        k for k in rest if len(all_stories[k]) == 3 and all(a.text.strip() for a in all_stories[k])
    ]


@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_test_set_offsets_fit_the_texts_and_the_stories_follow_the_stated_rule() -> None:
    gold = basil_gold.load_gold(TEST_SET)
    assert basil_gold.validate(gold, basil.load_articles()) == []
    drawn = _selected(basil.stories_as_drawn(), _other_stories())
    assert [s["story"] for s in gold["stories"]] == drawn


@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_gold_option_validates_the_test_set_and_refuses_to_pin_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert basil_gold.main(["--gold", str(TEST_SET), "--validate"]) == 0
    assert "spans valid" in capsys.readouterr().out
    assert basil_gold.main(["--gold", str(TEST_SET), "--pin"]) == 2
    assert "only basil_gold.json is pinned" in capsys.readouterr().out
