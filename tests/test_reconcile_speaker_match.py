"""The speaker rule shared by quote renderings and summary verification
(reconcile/speaker_match.py)."""

from __future__ import annotations

from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.speaker_match import last_name, same_speaker


def test_last_name_is_the_case_folded_last_word() -> None:
    assert last_name("Mayor Ilse Varga") == "varga"
    assert last_name("VARGA") == "varga"
    assert last_name("  ") == ""


def test_an_unresolved_speaker_matches_anyone() -> None:
    assert same_speaker(None, "Tomas Brill", last_name)
    assert same_speaker("Tomas Brill", None, last_name)
    assert same_speaker(None, None, last_name)


def test_resolved_speakers_match_by_key() -> None:
    assert same_speaker("Mayor Ilse Varga", "Varga", last_name)
    assert not same_speaker("Ilse Varga", "Tomas Brill", last_name)
    assert not same_speaker("Ilse Varga", "", last_name)


def test_the_roster_key_differs_from_the_last_name() -> None:
    names = StoryNames({"varga": "Ilse Varga", "ilse varga": "Ilse Varga"}, {})
    assert same_speaker("Varga", "Ilse Varga", names.key)
    # A title the roster did not merge keeps the names apart; the last name joins them.
    assert not same_speaker("Mayor Ilse Varga", "Varga", names.key)
    assert same_speaker("Mayor Ilse Varga", "Varga", last_name)
