"""Rule 7 of the roster read on name pairs (reconcile/roster_people.py): invented names."""

from __future__ import annotations

import pytest

from newsprism.reconcile.roster_people import FullName, fitting_groups, full_name, names_fit


def _name(key: str) -> FullName:
    name = full_name(key)
    assert name is not None
    return name


def test_a_full_name_drops_its_title_and_reads_a_suffix() -> None:
    assert _name("senator christopher j holt") == FullName(("christopher", "j"), "holt", "")
    assert _name("ivo brandt jr.") == FullName(("ivo",), "brandt", "jr")
    assert full_name("president holm") is None
    assert full_name("holm") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("chris holt", "christopher j holt"),
        ("ted holt", "edward r holt"),
        ("bill ostrem", "william ostrem"),
        ("tina lune", "christine lune"),  # a woman's own short form
        ("christopher j holt", "christopher james holt"),
        ("ivo brandt", "ivo k brandt"),
    ],
)
def test_forms_of_one_persons_name_fit(a: str, b: str) -> None:
    assert names_fit(_name(a), _name(b))
    assert names_fit(_name(b), _name(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("dan orlow", "daniela orlow"),  # a man's and a woman's name
        ("julia senn", "emma senn"),  # two given names
        ("ivo brandt", "ivo brandt jr."),  # father and son
        ("edvin h m rask", "edvin m rask"),  # two middle names against one
        ("j holt", "jon holt"),  # an initial alone says too little
        ("sedan talbor", "omid rafi sedan talbor"),  # a father's name among middles
        ("chris holt", "chris hale"),  # two surnames
        # A couple or siblings: given names sharing first letters or one letter apart
        # are no short form of one another.
        ("charles holt", "charlotte holt"),
        ("chris holt", "christine holt"),  # a man's short form of a woman's name's start
        ("julian marrow", "juliet marrow"),
        ("mario varga", "marion varga"),
        ("emil rask", "emily rask"),  # a longer name the table lists under a shorter
        ("sam holt", "samantha holt"),
        ("robert holt", "james robert holt"),  # a father's name as his son's middle
        ("todd varga", "alden todd varga"),
        ("karoline vik", "caroline vik"),  # spelt alike: no short form either way
    ],
)
def test_other_people_do_not_fit(a: str, b: str) -> None:
    assert not names_fit(_name(a), _name(b))


def test_a_bare_form_another_name_of_the_surname_may_be_joins_nobody() -> None:
    # "Chuck" is Charles's, but beside a Charlotte of one surname the story may mean
    # either: no join, as none for "Chris" beside Christopher and Christine.
    keys = ["chuck vesk", "charles vesk", "charlotte vesk", "jim orlow", "james e orlow"]
    groups = fitting_groups({k: _name(k) for k in keys})
    assert groups == [["james e orlow", "jim orlow"]]


def test_groups_join_only_where_every_two_fit() -> None:
    keys = ["chris lune", "christopher lune", "christine lune", "ted marrow", "edward marrow"]
    groups = fitting_groups({k: _name(k) for k in keys})
    assert groups == [["edward marrow", "ted marrow"]]
