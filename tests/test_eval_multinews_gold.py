"""The Multi-News gold (eval/data/multinews_gold.json and multinews_gold_dev2.json,
development, and eval/data/multinews_gold_blind.json and multinews_gold_blind2.json, blind;
scored by eval/multinews_gold.py). Its shape
is checked without the shared data (ids and offsets only, no text); its offsets and span
hashes against the texts only where ``../shared/data/multinews-sample`` exists."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import basil_gold  # noqa: E402
import multinews_gold  # noqa: E402

BLIND2 = EVAL / "data" / "multinews_gold_blind2.json"
DEV2 = EVAL / "data" / "multinews_gold_dev2.json"
DEVELOPMENT = (multinews_gold.GOLD, DEV2)
BLIND = (multinews_gold.BLIND, BLIND2)
FILES = DEVELOPMENT + BLIND
NO_DATA = "../shared/data/multinews-sample absent (a clone without ../shared): offsets unchecked"
_SPAN_KEYS = {"article", "start", "end", "sha1"}


def test_every_file_is_well_formed_and_holds_ids_and_offsets_only() -> None:
    for path in FILES:
        gold = multinews_gold.load_gold(path)
        assert multinews_gold.structure_problems(gold) == [], path.name
        assert gold["rules"] == basil_gold.load_gold()["rules"]
        for story in gold["stories"]:
            for span in basil_gold.spans_of(story):
                assert set(span) == _SPAN_KEYS
                assert 0 <= span["start"] < span["end"]
                assert len(span["sha1"]) == 12
        counts = basil_gold.gold_counts(gold)
        assert counts["stories"] >= 10
        assert min(counts[p] for p in ("statements", "facts", "contradictions", "exclusives")) > 0


def test_development_and_blind_files_are_apart() -> None:
    clusters = [{s["story"] for s in multinews_gold.load_gold(p)["stories"]} for p in FILES]
    assert sum(len(c) for c in clusters) == len(set().union(*clusters))
    assert all(multinews_gold.load_gold(p).get("blind") is True for p in BLIND)
    assert not any(multinews_gold.load_gold(p).get("blind") for p in DEVELOPMENT)


def test_structure_check_flags_a_span_outside_the_story_and_a_foreign_article() -> None:
    gold = copy.deepcopy(multinews_gold.load_gold())
    story = gold["stories"][0]
    story["exclusives"].append({"article": "999-0", "start": 0, "end": 5, "sha1": "0" * 12})
    story["articles"].append("999-1")
    problems = multinews_gold.structure_problems(gold)
    assert any("not a story article" in p for p in problems)
    assert any("not a document of the cluster" in p for p in problems)


@pytest.mark.skipif(not multinews_gold.available(), reason=NO_DATA)
def test_offsets_and_hashes_fit_the_shared_texts() -> None:
    texts = multinews_gold.load_texts()
    for path in FILES:
        assert multinews_gold.validate(multinews_gold.load_gold(path), texts) == [], path.name
    gold = copy.deepcopy(multinews_gold.load_gold())
    span = gold["stories"][0]["statements"][0]["variants"][0]
    span["start"] += 1
    assert any("changed" in p for p in multinews_gold.validate(gold, texts))


@pytest.mark.skipif(not multinews_gold.available(), reason=NO_DATA)
def test_validate_option_checks_every_file(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--validate"] + [arg for p in FILES for arg in ("--gold", str(p))]
    assert multinews_gold.main(argv) == 0
    assert capsys.readouterr().out.count("spans valid") == len(FILES)


def test_text_of_keeps_paragraphs_and_folds_whitespace() -> None:
    assert multinews_gold.text_of("a  b\nc\n\n\n  d\te \n") == "a b c\n\nd e"
