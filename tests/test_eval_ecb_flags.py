"""The ECB+ false-flag monitor (``eval/ecb_flags.py``): each event briefed as one story,
its flags kept as ids and offsets, and a rerun tells which flags are new or gone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

from ecb_flags import changes, flags_of, markdown, report  # noqa: E402
from newsprism.model import Article  # noqa: E402
from real_sets import LabelledSet  # noqa: E402

FIRE = "Five people died in the fire at the Oskel warehouse on Monday, the fire chief said."
FIRE_TOO = "Seven people died in the fire at the Oskel warehouse on Monday, the fire chief said."
VOTE = "The Tarnby council approved the new harbour budget on Tuesday evening."


def _set() -> LabelledSet:
    articles = [
        Article(id="e1-a", source="a", text=FIRE, language="en"),
        Article(id="e1-b", source="b", text=FIRE_TOO, language="en"),
        Article(id="e2-a", source="c", text=VOTE, language="en"),
    ]
    gold = {"e1-a": "fire", "e1-b": "fire", "e2-a": "vote"}
    return LabelledSet("invented", articles, gold, ())


@pytest.mark.slow
def test_an_event_whose_reports_differ_on_a_count_is_flagged_by_offsets(tmp_path: Path) -> None:
    labelled = _set()
    flags = flags_of(labelled, tmp_path)
    numbers = [f for f in flags if f["kind"] == "number"]
    assert [f["event"] for f in numbers] == ["fire"]
    texts = {a.id: a.text for a in labelled.articles}
    shown = {texts[a][s:e] for a, s, e in numbers[0]["claims"]}
    assert any("Five" in t for t in shown) and any("Seven" in t for t in shown)
    result = report(flags, labelled)
    assert result["events"] == 1 and result["number_flags"] == 1
    assert "**0**" in markdown(result)


def test_a_rerun_names_the_flags_it_added_and_the_ones_it_lost() -> None:
    kept = {"event": "fire", "kind": "date", "claims": [["a", 0, 9], ["b", 3, 12]]}
    lost = {"event": "fire", "kind": "negation", "claims": [["a", 20, 30], ["b", 1, 8]]}
    new = {"event": "vote", "kind": "actor", "claims": [["c", 0, 5], ["d", 0, 5]]}
    # The same flag with its claims listed in the other order is the same flag.
    reordered = kept | {"claims": list(reversed(kept["claims"]))}
    added, gone = changes([kept, lost], [reordered, new])
    assert added == [new] and gone == [lost]
