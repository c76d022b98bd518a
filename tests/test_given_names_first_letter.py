"""Given names differing in their first letter only (s41): one name where the two
letters spell one sound or a short nickname rhymes on it; else two names, though the
nicknames table lists some such pairs as one another's nicknames."""

from __future__ import annotations

import pytest

from newsprism.reconcile.given_names import one_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("karoline", "caroline"),  # c/k: one sound
        ("cathy", "kathy"),
        ("carl", "karl"),
        ("gerry", "jerry"),  # a soft g is a j
        ("erwin", "irwin"),  # e/i before a consonant
        ("emmanuel", "immanuel"),
        ("bob", "rob"),  # short rhyming nicknames the table gives
        ("bill", "will"),
        ("dick", "rick"),
    ],
)
def test_one_name_spelt_or_rhymed_on_its_first_letter(a: str, b: str) -> None:
    assert one_name(a, b) and one_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("casper", "jasper"),  # the table lists each as the other's nickname
        ("jasper", "kasper"),
        ("floyd", "lloyd"),
        ("albert", "elbert"),
        ("barrett", "garrett"),
        ("mandel", "randel"),  # invented: six letters one apart, other first letters
    ],
)
def test_two_full_names_that_rhyme_are_two_names(a: str, b: str) -> None:
    assert not one_name(a, b) and not one_name(b, a)


def test_nicknames_and_spellings_of_other_shapes_stay_one_name() -> None:
    for a, b in (("bill", "william"), ("chris", "christopher"), ("peggy", "margaret"),
                 ("catherine", "katherine")):  # fmt: skip
        assert one_name(a, b), (a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ivan", "evan"),  # e/i is no one sound: two names (s41 review 3)
        ("imre", "emre"),
        ("ilse", "else"),
        ("ines", "enes"),
        ("gordan", "jordan"),  # a hard g is no j
        ("cedric", "kedric"),  # invented: a soft c is no k
    ],
)
def test_first_letters_of_one_sound_only_where_they_sound_alike(a: str, b: str) -> None:
    assert not one_name(a, b) and not one_name(b, a)


def test_two_men_whose_names_differ_in_e_and_i_keep_two_ages() -> None:
    # Invented: one outlet gives Ivan's age, another Evan's, one surname: two facts,
    # neither "agree" (two outlets backing one figure).
    from newsprism.analyze.analyzer import Analyzer
    from tests.test_facts_real_shapes import facts_of

    tail = " Rask, 41, was rescued after the Dunmere barge ran aground."
    facts = facts_of(Analyzer(), [("Kestrel Times", "Ivan" + tail), ("Orwell Post", "Evan" + tail)])
    assert [f.status for f in facts] == ["single", "single"]
