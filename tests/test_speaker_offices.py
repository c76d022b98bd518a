"""A person's office or spokesperson as the teller of an unresolved unit (invented
names and claims, after a miss on the Multi-News dev2 gold, issue 12): the title
before the name and a given name spelled another way no longer keep the office apart
from the person; another person of the surname, family and lawyers still do."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.speaker_offices import office_alike, office_owner
from newsprism.reconcile.statement_units import Unit
from newsprism.reconcile.statements import pair_features

CLAIMS = (
    "the shelling of the harbour was a grave incident that would not go unanswered",
    "the harbour shelling was a very grave incident and it will not go unanswered",
)


def _units(tellers: Sequence[tuple[str | None, str | None]]) -> list[Unit]:
    """One unit per (resolved speaker, mention), each in its own article, the claims in
    turn."""
    found = []
    for k, (speaker, mention) in enumerate(tellers):
        text = CLAIMS[k % 2]
        found.append(Unit(f"a{k}", 0, 0, len(text), False, text, speaker, mention, (), (k, 0)))
    return found


def test_the_owner_of_an_office_is_read_off_the_possessive() -> None:
    assert office_owner("Norlan Premier Arvid Kellan's office") == (
        "norlan", "premier", "arvid", "kellan",
    )  # fmt: skip
    assert office_owner("Kellan’s spokeswoman") == ("kellan",)
    assert office_owner("a Kellan press spokesman") is None  # no possessive
    for mention in ("Kellan's family", "Kellan's lawyer", "Kellan's campaign", "the office", None):
        assert office_owner(mention) is None, mention


def test_a_press_secretary_speaks_for_the_owner_a_bare_secretary_not() -> None:
    assert office_owner("Arvid Kellan's press secretary") == ("arvid", "kellan")
    assert office_owner("Kellan's press office") == ("kellan",)
    assert office_owner("Kellan's secretary") is None


def test_an_office_named_with_a_title_and_another_spelling_pairs_with_its_person() -> None:
    units = _units([(None, "Norlan Premier Arvid Kellan's office"), ("Arvind Kellan", "Kellan"),
                    ("Mara Holt", "Holt")])  # fmt: skip
    alike = office_alike(units)
    assert alike[0, 1] and alike[1, 0]
    assert not alike[0, 2] and not alike[1, 2]


def test_another_given_name_with_the_same_consonants_does_not_pair() -> None:
    # Review s38/3: "Brendan" / "Brandon" are two people, not one name spelled twice.
    pairs = (("Brendan", "Brandon"), ("Martin", "Morton"), ("Dina", "Dan"), ("Mirko", "Mark"))
    for given, other in pairs:
        units = _units([(None, f"{given} Kellan's office"), (f"{other} Kellan", "Kellan")])
        assert not office_alike(units).any(), given


def test_a_title_alone_before_the_surname_is_no_given_name() -> None:
    units = _units([(None, "Premier Kellan's spokesman"), ("Arvid Kellan", "Kellan")])
    assert office_alike(units)[0, 1]


def test_another_given_name_or_two_people_of_the_surname_do_not_pair() -> None:
    other = _units([(None, "Ola Kellan's office"), ("Arvid Kellan", "Kellan")])
    assert not office_alike(other).any()
    # A relative's office, her given name opening with the leader's letter: her words.
    relative = _units([(None, "Anna Kellan's office"), ("Arvid Kellan", "Kellan")])
    assert not office_alike(relative).any()
    assert not pair_features(relative, LexicalSimilarity()).resolved[0, 1]
    two = _units([(None, "Kellan's office"), ("Arvid Kellan", "Kellan"),
                  ("Ola Kellan", "Ola Kellan")])  # fmt: skip
    assert not office_alike(two).any()


def test_a_one_word_body_is_no_owner() -> None:
    units = _units([(None, "Harbourmaster's office"), ("Harbourmaster", "Harbourmaster")])
    assert not office_alike(units).any()


def test_the_pair_model_weighs_the_office_as_its_person_and_forbids_nothing() -> None:
    units = _units([(None, "Norlan Premier Arvid Kellan's office"), ("Arvind Kellan", "Kellan")])
    evidence = pair_features(units, LexicalSimilarity())
    assert evidence.resolved[0, 1]
    assert not evidence.forbid[0, 1]
    family = _units([(None, "Arvid Kellan's family"), ("Arvind Kellan", "Kellan")])
    assert not pair_features(family, LexicalSimilarity()).resolved[0, 1]


def test_one_title_held_by_both_joins_a_given_name_spelled_two_ways() -> None:
    # A transliteration ("Kazimir" / "Kasymir", letters inside the name) under the
    # office the person's own mention gives them (a leader's office and the leader).
    units = _units([(None, "Norlan Harbour Premier Kazimir Kellan's office"),
                    ("Kasymir Kellan", "Harbour Premier Kasymir Kellan")])  # fmt: skip
    assert office_alike(units)[0, 1]
    brandon = _units([(None, "Senator Brendan Kellan's office"),
                      ("Brandon Kellan", "Senator Brandon Kellan")])  # fmt: skip
    assert office_alike(brandon)[0, 1]  # one senator of one surname, spelled two ways


def test_a_spelling_needs_the_same_title_on_both_sides() -> None:
    # Hard negatives: no title, a title the person's mentions never give, another
    # port's premier, a name of another first letter or too far, short names.
    for owner, speaker, mention in [
        ("Brendan Kellan's office", "Brandon Kellan", "Senator Brandon Kellan"),
        ("Senator Brendan Kellan's office", "Brandon Kellan", "Brandon Kellan"),
        ("Governor Brendan Kellan's office", "Brandon Kellan", "Senator Brandon Kellan"),
        ("Port Premier Kazimir Kellan's office", "Kasymir Kellan",
         "Harbour Premier Kasymir Kellan"),
        ("Senator Anna Kellan's office", "Arvid Kellan", "Senator Arvid Kellan"),
        ("Senator Martina Kellan's office", "Marlene Kellan", "Senator Marlene Kellan"),
        ("Senator Kazimir Kellan's office", "Gazimir Kellan", "Senator Gazimir Kellan"),
    ]:  # fmt: skip
        units = _units([(None, owner), (speaker, mention)])
        assert not office_alike(units).any(), owner


def test_a_gendered_form_of_the_name_is_a_relative() -> None:
    # Review s43c S4: an ending apart is a spouse, a sibling, a successor under one title.
    for owner, speaker, mention in [
        ("Senator Carla Kellan's office", "Carlos Kellan", "Senator Carlos Kellan"),
        ("Judge Maria Kellan's office", "Mario Kellan", "Judge Mario Kellan"),
        ("Mayor Daniela Kellan's office", "Daniel Kellan", "former Mayor Daniel Kellan"),
    ]:  # fmt: skip
        units = _units([(None, owner), (speaker, mention)])
        assert not office_alike(units).any(), owner


def test_the_exact_holder_keeps_the_office_beside_a_relative() -> None:
    units = _units([(None, "Senator Carlos Kellan's office"),
                    ("Carlos Kellan", "Senator Carlos Kellan"),
                    ("Carla Kellan", "Senator Carla Kellan")])  # fmt: skip
    alike = office_alike(units)
    assert alike[0, 1] and not alike[0, 2]
