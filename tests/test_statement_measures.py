"""A measurement written in two notations is one rendering's words (invented
sentences, after a miss on the Multi-News development gold, issue 12)."""

from __future__ import annotations

from newsprism.reconcile.measures import spell_units
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statement_units import Unit
from newsprism.reconcile.statements import pair_features


def test_units_after_a_number_are_spelled_out() -> None:
    assert spell_units("struck at about 2,350ft over the lake") == (
        "struck at about 2,350 feet over the lake"
    )
    assert spell_units("a 5 km walk at 4 km/h") == "a 5 kilometres walk at 4 kilometres per hour"
    assert spell_units("a 40-meters wall, 40 meters high") == "a 40-meters wall, 40 metres high"
    assert spell_units("90 MPH") == "90 miles per hour"


def test_millions_and_words_are_left_alone() -> None:
    for text in ("a $5m grant", "580m", "the FT reported", "5 ftp servers", "in 2015 kgb files"):
        assert spell_units(text) == text, text


def _unit(article: str, text: str) -> Unit:
    return Unit(article, 0, 0, len(text), False, text, "Harbour Police", "police", (), (0, 0))


def test_two_notations_of_one_height_raise_the_pair() -> None:
    glued = [_unit("a0", "the ferry's mast was struck at 2,350ft by the drone"),
             _unit("a1", "the mast was 2,350 feet up when the drone hit it")]  # fmt: skip
    apart = [_unit("a0", "the ferry's mast was struck at 2,350 yards by the drone"),
             _unit("a1", "the mast was 2,350 feet up when the drone hit it")]  # fmt: skip
    similarity = LexicalSimilarity()
    assert (
        pair_features(glued, similarity).scores[0, 1]
        > pair_features(apart, similarity).scores[0, 1]
    )
