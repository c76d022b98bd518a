"""The BASIL quote-speaker scorer's reading of BASIL's labels (eval/basil_quotes.py):
group labels apart, labels cut at a non-ASCII letter completed, spokespeople of a body.
No data needed: labels and article words are invented."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

from basil_quotes import affiliated, half, named, right  # noqa: E402
from newsprism.model import Entity, Mention  # noqa: E402


def test_named_speakers_and_group_labels() -> None:
    assert named("Mirela_Kostanj") and named("LDU") and named("Lorvik_Dockers_Union")
    assert not named("other_anti") and not named("Republican_Lawmakers")
    assert not named("Dockers") and not named("senate_Democrats")


def test_cut_label_is_completed_from_the_article() -> None:
    text = "Anton Velický said so. Velický left."
    assert right("Anton_Velick", ["Anton Velický"], text)
    assert right("Anton_Velick", ["Anton Velicky"], text)  # accents folded
    assert not right("Anton_Velick", ["Teodor Halvik"], text)


def test_spokesperson_of_the_labelled_body() -> None:
    text = "LDU President Mirela Kostanj said the port would close. Edvin Rask disagreed."
    union = Entity("LDU", "ORG", (Mention("LDU", 0, 3),))
    kostanj = Entity("Mirela Kostanj", "PERSON", (Mention("Mirela Kostanj", 14, 28),))
    rask = Entity("Edvin Rask", "PERSON", (Mention("Edvin Rask", 56, 66),))
    analysis = SimpleNamespace(entities=(union, kostanj, rask), sentences=((0, 55), (56, 76)))
    assert text[14:28] == "Mirela Kostanj" and text[56:66] == "Edvin Rask"
    assert affiliated("LDU", "Mirela Kostanj", analysis)
    assert not affiliated("LDU", "Edvin Rask", analysis)  # another sentence
    assert not affiliated("Port_Authority", "Mirela Kostanj", analysis)


def test_halves_are_stable() -> None:
    assert half("a") == half("a") and {half(str(n)) for n in range(20)} == {"dev", "test"}
