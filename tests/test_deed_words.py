"""The shared deed and head words: one table read by facts' heads and by the negation
reader, so a word added for one reaches the other."""

from __future__ import annotations

from newsprism.reconcile.deed_words import DEEDS, HEADS
from newsprism.reconcile.fact_items import _head
from newsprism.reconcile.negation_scope import same_deed


def test_counts_of_the_hurt_share_one_head_whatever_the_word() -> None:
    # heads are the analyser's lemmas (nouns as "injury"), or participles as written
    heads = {_head(w) for w in ("wounded", "injured", "hurt", "injury", "wound")}
    assert heads == {"injure"}


def test_counts_of_the_dead_share_one_head_whatever_the_word() -> None:
    heads = {_head(w) for w in ("killed", "dead", "deaths", "fatality", "die")}
    assert heads == {"kill"}


def test_people_and_protesters_under_other_nouns_are_one_count() -> None:
    assert _head("persons") == _head("people") == "people"
    assert _head("demonstrators") == _head("protestors") == "protester"


def test_the_hurt_and_the_dead_stay_two_counts() -> None:
    assert _head("injured") != _head("killed")


def test_an_approval_is_a_deed_but_never_a_count_head() -> None:
    assert ("approve", "pass", "adopt") in DEEDS
    assert not {"approve", "pass", "adopt"} & HEADS.keys()
    assert _head("passes") == "passe"  # no count of passes becomes a count of approvals


def test_a_denial_meets_the_deed_told_in_another_word() -> None:
    assert same_deed("hurt", "injure")
    assert same_deed("die", "kill")
    assert same_deed("approve", "pass")


def test_a_denial_of_fatalities_meets_a_killing() -> None:
    # "there were no fatalities" / "two workers were killed": the facts' table had
    # "fatality" among the dead, the negation reader's copy lacked it (s41)
    assert same_deed("fatality", "kill")
    assert same_deed("fatality", "die")


def test_two_deeds_stay_apart() -> None:
    assert not same_deed("injure", "kill")
    assert not same_deed("kill", "pass")
    assert not same_deed("killer", "kill")
