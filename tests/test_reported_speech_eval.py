"""The reported-speech measure of eval/quotes.py on hand-made units: which gold counts,
what precision and recall count, and the speaker rule over matched reported units."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from quotes import SPEECH_LEMMAS, Tally, Unit, score_reported


def _unit(chars: range, speech: bool = False, name: str | None = None, who: str = "") -> Unit:
    return Unit(frozenset(chars), "x", (who,) if who else (), gold_name=name, speech=speech)


def test_speech_lemmas_leave_out_beliefs() -> None:
    assert {"say", "tell", "according", "write"} <= SPEECH_LEMMAS
    assert not {"believe", "think", "hope", "fear", "worry", "estimate"} & SPEECH_LEMMAS


def test_precision_counts_any_gold_and_recall_only_speech() -> None:
    gold = [
        _unit(range(0, 10), speech=True, name="Rask"),
        _unit(range(20, 30)),  # a belief: no recall target, but no error to match
        _unit(range(40, 50), speech=True),
    ]
    predicted = [
        _unit(range(2, 8), who="Edvin Rask"),
        _unit(range(22, 28)),
        _unit(range(60, 70)),  # matches nothing
    ]
    tally = Tally.new()
    score_reported(tally, gold, predicted)
    scores = tally.report()["reported"]["overlap"]
    assert scores["precision"] == round(2 / 3, 4)
    assert scores["recall"] == 0.5
    assert tally.report()["speaker_accuracy"]["reported"]["correct"] == 1
    assert tally.report()["speaker_accuracy"]["reported"]["scored"] == 1


def test_wrong_speaker_is_counted_wrong() -> None:
    tally = Tally.new()
    score_reported(
        tally, [_unit(range(0, 5), speech=True, name="Lind")], [_unit(range(0, 5), who="Rask")]
    )
    assert tally.report()["speaker_accuracy"]["reported"]["accuracy"] == 0.0
