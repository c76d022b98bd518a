"""The BASIL gold and its scoring units (eval/basil_gold.py, eval/basil_gold_score.py).

The gold file is checked without the shared data (shape, ids and offsets only, the
pinned hash, so a change to it is deliberate); its offsets against the texts only where
``../shared/data/basil`` exists. The scoring rules run on invented spans."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import basil  # noqa: E402
import basil_gold  # noqa: E402
import basil_gold_score as score  # noqa: E402

# An invented story: three articles with one quote rendered in each.
TEXTS = {
    "a": 'The mayor said: "We will rebuild the bridge by May." Traffic resumed.',
    "b": "Mayor Ruiz promised the bridge would be rebuilt by May, aides said.",
    "c": '"We will rebuild it by May," Ruiz said. Rain fell all day.',
}


def _whole(article: str, words: str) -> score.Span:
    start = TEXTS[article].index(words)
    return (article, start, start + len(words))


GOLD_QUOTE = [
    _whole("a", 'The mayor said: "We will rebuild the bridge by May."'),
    _whole("b", "Mayor Ruiz promised the bridge would be rebuilt by May"),
    _whole("c", '"We will rebuild it by May," Ruiz said.'),
]


def test_spans_overlap_only_on_a_shared_letter_or_digit() -> None:
    quote_mark = TEXTS["a"].index('"')
    assert score.overlaps(TEXTS, ("a", 0, 10), ("a", 5, 20))
    assert not score.overlaps(TEXTS, ("a", quote_mark, quote_mark + 1), ("a", 0, quote_mark + 1))
    assert not score.overlaps(TEXTS, ("a", 0, 10), ("b", 0, 10))
    assert not score.overlaps(TEXTS, ("a", 0, 10), ("a", 10, 20))


def test_quote_parts_inside_gold_sentences_recall_every_pair() -> None:
    parts = [
        _whole("a", "We will rebuild the bridge by May."),
        _whole("b", "the bridge would be rebuilt by May"),
        _whole("c", "We will rebuild it by May,"),
    ]
    counted = score.group_pairs(TEXTS, [GOLD_QUOTE], [parts])
    assert (counted.recalled, counted.gold, counted.right, counted.judged) == (3, 3, 3, 3)
    assert counted.scores()["f1"] == 1.0


def test_joining_a_labelled_variant_to_an_unlabelled_span_is_an_error() -> None:
    gold = [GOLD_QUOTE[:2]]  # the statement is labelled as carried by a and b only
    wrong = [[GOLD_QUOTE[0], _whole("c", "Rain fell all day.")]]
    counted = score.group_pairs(TEXTS, gold, wrong)
    assert (counted.right, counted.judged, counted.recalled) == (0, 1, 0)


def test_a_predicted_pair_touching_no_gold_span_is_not_judged() -> None:
    unlabelled = [[_whole("a", "Traffic resumed."), _whole("c", "Rain fell all day.")]]
    counted = score.group_pairs(TEXTS, [GOLD_QUOTE], unlabelled)
    assert (counted.predicted, counted.judged) == (1, 0)
    assert counted.scores()["precision"] == 1.0


def test_a_contradiction_is_hit_only_across_two_articles() -> None:
    gold = [[_whole("a", "by May"), _whole("b", "by May")]]
    both_sides = [[_whole("a", "May."), _whole("b", "by May")]]
    assert score.contradictions(TEXTS, gold, both_sides).right == 1
    one_side = [[_whole("a", "May."), _whole("c", "Rain")]]
    counted = score.contradictions(TEXTS, gold, one_side)
    assert (counted.right, counted.judged, counted.recalled) == (0, 1, 0)


def test_exclusives_are_judged_by_gold_exclusives_and_shared_spans() -> None:
    gold = [_whole("c", "Rain fell all day.")]
    predicted = [
        _whole("c", "Rain fell"),  # right
        _whole("a", "We will rebuild"),  # inside a shared statement: wrong
        _whole("a", "Traffic resumed."),  # not labelled: not judged
    ]
    counted = score.exclusives(TEXTS, gold, GOLD_QUOTE, predicted)
    assert (counted.recalled, counted.right, counted.judged, counted.predicted) == (1, 1, 2, 3)


def test_best_group_is_the_one_recalling_most_pairs() -> None:
    partial = [GOLD_QUOTE[0], GOLD_QUOTE[1]]
    assert score.best_group(TEXTS, GOLD_QUOTE, [partial, GOLD_QUOTE]) == 1
    assert score.best_group(TEXTS, GOLD_QUOTE, [[GOLD_QUOTE[0]]]) is None


def test_statement_misses_name_the_unit_the_linkage_and_the_boundary() -> None:
    bridge_c = _whole("c", "We will rebuild it by May,")
    rain = _whole("c", "Rain fell all day.")
    gold = [GOLD_QUOTE, [_whole("a", "Traffic resumed."), rain]]
    # a and b linked; c a unit of its own; "Traffic" never a unit
    apart = [[GOLD_QUOTE[0], GOLD_QUOTE[1]], [bridge_c]]
    assert score.statement_misses(TEXTS, gold, apart) == {
        "unit": 1, "speaker": 0, "linkage": 2, "other": 0, "cross": 0, "half": 0
    }  # fmt: skip
    # the two statements have different resolved speakers: the attribution forbade it
    by_speaker = score.statement_misses(TEXTS, gold, apart, ["Ruiz", "Diaz"])
    assert (by_speaker["speaker"], by_speaker["linkage"]) == (2, 0)
    unresolved = score.statement_misses(TEXTS, gold, apart, ["Ruiz", None])
    assert (unresolved["speaker"], unresolved["linkage"]) == (0, 2)
    # c's only unit spans both gold statements of c: a boundary miss, not linkage
    whole_c = ("c", 0, len(TEXTS["c"]))
    merged = [[GOLD_QUOTE[0], GOLD_QUOTE[1]], [whole_c]]
    causes = score.statement_misses(TEXTS, gold, merged)
    assert (causes["linkage"], causes["other"], causes["unit"]) == (0, 2, 1)


def test_statement_misses_sort_wrong_pairs_into_cross_and_half() -> None:
    rain = _whole("c", "Rain fell all day.")
    gold = [GOLD_QUOTE[:2], [_whole("a", "Traffic resumed."), rain]]
    wrong = [[GOLD_QUOTE[0], rain], [GOLD_QUOTE[1], _whole("c", "Ruiz said.")]]
    causes = score.statement_misses(TEXTS, gold, wrong)
    assert (causes["cross"], causes["half"]) == (1, 1)
    assert score.statement_misses(TEXTS, gold, [GOLD_QUOTE[:2]])["cross"] == 0


# --- the gold file ------------------------------------------------------------------------


def test_gold_file_is_well_formed_and_holds_no_text() -> None:
    gold = basil_gold.load_gold()
    assert basil_gold.structure_problems(gold) == []
    assert set(gold["rules"]) == {"statements", "facts", "contradictions", "exclusives"}
    for story in gold["stories"]:
        for span in basil_gold.spans_of(story):
            assert set(span) == {"article", "start", "end", "sha1"}
    counts = basil_gold.gold_counts(gold)
    assert counts["stories"] >= 15
    assert min(counts[p] for p in ("statements", "facts", "contradictions", "exclusives")) > 0


def test_gold_file_is_the_one_pinned_in_the_gate() -> None:
    gate = json.loads(basil_gold.GATE.read_text(encoding="utf-8"))
    assert basil_gold.sha256_of(basil_gold.GOLD) == gate["gold_sha256"], (
        "eval/data/basil_gold.json changed: re-run `python eval/basil_gold.py`, then "
        "`python eval/basil_gold.py --pin`, and commit on purpose"
    )


def test_structure_problems_name_the_story_and_the_fault() -> None:
    story = {
        "story": "0123456789",
        "statements": [{"id": "s1", "variants": []}],
        "facts": [{"id": "s1", "status": "same", "values": []}],
        "contradictions": [],
        "exclusives": [{"article": "x", "start": 5, "end": 2, "sha1": "0"}],
    }
    problems = basil_gold.structure_problems({"stories": [story]})
    assert len(problems) == 4 and all(p.startswith("01234567:") for p in problems)


def test_markdown_puts_the_baseline_beside_every_part() -> None:
    scored = {name: basil_gold.Scored() for name in (basil_gold.BASELINE, "newsprism lexical")}
    report = {
        "when": "2026-12-04",
        "gold": basil_gold.gold_counts(basil_gold.load_gold()),
        "systems": {n: s.report(n != basil_gold.BASELINE) for n, s in scored.items()},
        "goals": basil_gold.goals(scored),
        "seconds": 1.0,
    }
    text = basil_gold.markdown(report)
    assert "| newsprism lexical | 0 | 0 | 0 | 0 | 0 | 0 |" in text  # misses by cause
    for part in basil_gold.PARTS:
        assert f"| {part} | {basil_gold.BASELINE} |" in text
        assert f"| {part} | newsprism lexical |" in text


def test_markdown_shows_statement_pairs_and_exclusives_per_half_with_the_baseline() -> None:
    """Statement pairing was calibrated on the even stories, the odd ones held out (the
    dense exclusives rule is now calibrated on this gold and the development gold
    together), so both halves are reported, the baseline beside each."""
    assert [basil_gold.half_of(k) for k in range(4)] == ["even", "odd", "even", "odd"]
    counts = score.Counts(right=3, judged=4, recalled=2, gold=5)
    halves = {
        name: {h: counts.scores() for h in basil_gold.HALVES}
        for name in (basil_gold.BASELINE, "newsprism lexical")
    }
    scored = {name: basil_gold.Scored() for name in halves}
    report = {
        "when": "2026-12-05",
        "gold": basil_gold.gold_counts(basil_gold.load_gold()),
        "systems": {n: s.report(n != basil_gold.BASELINE) for n, s in scored.items()},
        "goals": basil_gold.goals(scored),
        "statement_halves": halves,
        "exclusive_halves": halves,
        "seconds": 1.0,
    }
    text = basil_gold.markdown(report)
    for what in ("Statement pairs per half", "Exclusives per half"):
        table = text.split(what, 1)[1]
        for name in halves:
            for half in basil_gold.HALVES:
                assert f"| {name} | {half} | 0.750 | 0.400 | 3 / 4 | 2 / 5 |" in table


@pytest.mark.skipif(not basil.available(), reason="BASIL data folder absent")
def test_gold_offsets_fit_the_shared_texts() -> None:
    assert basil_gold.validate(basil_gold.load_gold(), basil.load_articles()) == []
    gate = json.loads(basil_gold.GATE.read_text(encoding="utf-8"))
    assert basil_gold.sha256_of(basil.DATA / "articles.jsonl") == gate["data_sha256"]
