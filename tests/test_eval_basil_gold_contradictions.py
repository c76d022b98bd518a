"""The contradictions-only BASIL gold (eval/data/basil_gold_contradictions.json): a development
set of contradictions and hard negatives, labelled blind. Its shape, its distance from the
other gold files and the skipping of the parts it does not label are checked without the
shared data; its offsets, hashes and the story selection rule where ``../shared/data/basil``
exists."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import basil  # noqa: E402
import basil_gold  # noqa: E402
import basil_gold_score as score  # noqa: E402

CONTRADICTIONS = EVAL / "data" / "basil_gold_contradictions.json"
OTHER_NAMES = ("basil_gold", "basil_gold_heldout", "basil_gold_heldout2")
OTHERS = [EVAL / "data" / f"{name}.json" for name in OTHER_NAMES]
FIRST, STEP = 0, 2  # the file's `rules.selection`: every 2nd story of the sorted remainder


def _other_stories() -> set[str]:
    return {s["story"] for path in OTHERS for s in basil_gold.load_gold(path)["stories"]}


def test_file_is_well_formed_blind_labels_contradictions_only_and_keeps_apart() -> None:
    gold = basil_gold.load_gold(CONTRADICTIONS)
    assert basil_gold.structure_problems(gold) == []
    assert basil_gold.parts_of(gold) == ("contradictions",)
    assert {"contradictions", "hard_negatives", "selection"} <= set(gold["rules"])
    assert "blind" in gold["about"]
    stories = [s["story"] for s in gold["stories"]]
    assert len(stories) == len(set(stories)) == 15
    assert not set(stories) & _other_stories()
    for story in gold["stories"]:
        assert story["statements"] == story["facts"] == story["exclusives"] == []
        for span in basil_gold.spans_of(story):
            assert set(span) == {"article", "start", "end", "sha1"}
    counts = basil_gold.gold_counts(gold)
    assert counts["contradictions"] >= 4 and counts["hard_negatives"] >= 10
    assert counts["statements"] == counts["facts"] == counts["exclusives"] == 0


def _selected(all_stories: dict[str, list[basil.BasilArticle]], others: set[str]) -> list[str]:
    """Every STEP-th story of the sorted stories in no other gold file, from FIRST."""
    return sorted(k for k in all_stories if k not in others)[FIRST::STEP]


@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_offsets_fit_the_texts_and_the_stories_follow_the_stated_rule() -> None:
    gold = basil_gold.load_gold(CONTRADICTIONS)
    assert basil_gold.validate(gold, basil.load_articles()) == []
    drawn = _selected(basil.stories_as_drawn(), _other_stories())
    assert [s["story"] for s in gold["stories"]] == drawn


@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_gold_option_validates_the_file_and_refuses_to_pin_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert basil_gold.main(["--gold", str(CONTRADICTIONS), "--validate"]) == 0
    assert "spans valid" in capsys.readouterr().out
    assert basil_gold.main(["--gold", str(CONTRADICTIONS), "--pin"]) == 2


# --- parts not labelled, hard negatives: invented spans ---------------------------------

TEXTS = {
    "a": "The debate was held on Tuesday. The mayor said the bridge will reopen.",
    "b": "The debate was held on Thursday. The mayor met the council on Monday.",
}


def _span(article: str, words: str) -> dict[str, Any]:
    start = TEXTS[article].index(words)
    return {"article": article, "start": start, "end": start + len(words), "sha1": "0"}


def _story(statements: list[dict[str, Any]]) -> dict[str, Any]:
    day_a, day_b = _span("a", "held on Tuesday"), _span("b", "held on Thursday")
    return {
        "story": "0123456789",
        "statements": statements,
        "facts": [],
        "contradictions": [{"id": "c1", "claims": [day_a, day_b]}],
        "hard_negatives": [
            {"id": "n1", "claims": [_span("a", "The mayor said"), _span("b", "The mayor met")]}
        ],
        "exclusives": [],
    }


def _scored(labelled: tuple[str, ...], predicted: list[score.Group]) -> dict[str, Any]:
    scored = basil_gold.Scored(labelled)
    got = basil_gold.Predicted(statements=[[("a", 0, 5), ("b", 0, 5)]], contradictions=predicted)
    scored.add_story(TEXTS, basil_gold.GoldStory.of(_story([])), got)
    return scored.report(True)


def test_parts_not_labelled_are_neither_required_nor_scored() -> None:
    gold = {"parts": ["contradictions"], "stories": [_story([])]}
    assert basil_gold.structure_problems(gold) == []
    assert basil_gold.structure_problems({"stories": [_story([])]}) == [
        "01234567: a statement without variants"
    ]
    filled = {"parts": ["contradictions"], "stories": [_story([{"id": "s1", "variants": []}])]}
    assert basil_gold.structure_problems(filled) == [
        "01234567: statements not labelled but not empty"
    ]
    assert basil_gold.structure_problems({"parts": ["quotes"], "stories": []}) != []
    report = _scored(("contradictions",), [])
    assert set(report) == {"contradictions", "summary_support"}
    assert list(_scored(basil_gold.PARTS, [])) == [*basil_gold.PARTS, "summary_support"]


def test_a_discrepancy_on_a_hard_negative_is_counted_as_flagged() -> None:
    day = [("a", 23, 30), ("b", 23, 31)]  # Tuesday / Thursday
    mayor = [("a", 36, 41), ("b", 37, 42)]  # "mayor" in both
    report = _scored(("contradictions",), [day, mayor])["contradictions"]
    assert (report["recalled"], report["right"], report["predicted"]) == (1, 1, 2)
    assert (report["hard_negatives_flagged"], report["hard_negatives"]) == (1, 1)
    assert score.hard_negatives(TEXTS, [mayor], [day]) == 0
    goals = basil_gold._goals_met(_scored(("contradictions",), [day]))
    assert list(goals) == [
        "contradictions recall >= 0.8 at precision >= 0.9",
        "no summary supporter differs on a number or a negation",
    ]


def test_markdown_of_a_partial_file_shows_only_its_parts_and_the_hard_negatives() -> None:
    scored = {n: basil_gold.Scored(("contradictions",)) for n in (basil_gold.BASELINE, "lexical")}
    texts_story = basil_gold.GoldStory.of(_story([]))
    for s in scored.values():
        s.add_story(TEXTS, texts_story, basil_gold.Predicted())
    gold = {"parts": ["contradictions"], "stories": [_story([])]}
    report = {
        "when": "2026-12-05",
        "parts": ["contradictions"],
        "gold": basil_gold.gold_counts(gold),
        "systems": {n: s.report(n != basil_gold.BASELINE) for n, s in scored.items()},
        "goals": basil_gold.goals(scored),
        "seconds": 1.0,
    }
    text = basil_gold.markdown(report)
    assert "1 contradictions, 1 hard negatives." in text
    assert "- lexical: hard negatives flagged 0 / 1" in text
    assert "| contradictions | lexical |" in text and "| statements |" not in text
