"""One stem test and one causing-verb list for the negation rules (stop 43)."""

from __future__ import annotations

import pytest

from newsprism.reconcile import negation_bearers, negation_scope
from newsprism.reconcile.negation_words import CAUSING_VERBS, same_stem


@pytest.mark.parametrize(
    ("a", "b"),
    [("injure", "injury"), ("arrest", "arrests"), ("serious", "seriously"),
     ("mild", "mildly"), ("heavy", "heavily"), ("terrible", "terribly"),
     ("severe", "severely")],
)  # fmt: skip
def test_forms_of_one_word_share_a_stem(a: str, b: str) -> None:
    assert same_stem(a, b) and same_stem(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("station", "state"), ("ear", "early"), ("on", "only"), ("bad", "badly"),
     ("mild", "mildew"), ("heavy", "heaven"),
     # adverbs of another sense than their adjective (review s43/g MEDIUM)
     ("hard", "hardly"), ("near", "nearly"), ("short", "shortly"), ("large", "largely")],
)  # fmt: skip
def test_other_words_share_no_stem(a: str, b: str) -> None:
    assert not same_stem(a, b)


def test_the_two_negation_readings_share_one_stem_test_and_causing_list() -> None:
    assert negation_scope.same_stem is same_stem
    assert "produce" not in negation_bearers._BEFALLING
    assert CAUSING_VERBS <= negation_bearers._BEFALLING
    assert CAUSING_VERBS <= negation_scope._DENIED_OBJECT_VERBS
