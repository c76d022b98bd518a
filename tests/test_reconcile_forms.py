"""Verb forms spelled once for the predicate tables (antonyms, rival actors)."""

from __future__ import annotations

from newsprism.reconcile.antonyms import lemma_of_form, table_lemmas
from newsprism.reconcile.forms import form_table, inflections
from newsprism.reconcile.rivals import ONE_AGENT


def test_regular_spelling_rules() -> None:
    assert set(inflections("pass")) == {"pass", "passes", "passed", "passing"}
    assert set(inflections("deny")) == {"deny", "denies", "denied", "denying"}
    assert set(inflections("approve")) == {"approve", "approves", "approved", "approving"}
    assert set(inflections("die")) == {"die", "dies", "died", "dying"}
    assert "winning" in inflections("win", ("won",))


def test_irregular_forms_replace_the_regular_past() -> None:
    forms = inflections("rise", ("rose", "risen"))
    assert {"rose", "risen", "rising", "rises"} <= set(forms)
    assert "rised" not in forms
    assert "winned" not in inflections("win", ("won",))


def test_a_stressed_last_syllable_doubles_when_told() -> None:
    assert "admitted" in inflections("admit", double=True)
    assert "acquitting" in inflections("acquit", double=True)
    assert "visited" in inflections("visit")


def test_the_tables_read_every_form() -> None:
    assert lemma_of_form("Acquitted") == "acquit"
    assert table_lemmas("prices fell while wages rose") == {"fall", "rise"}
    assert form_table(ONE_AGENT)["beaten"] == "beat"
    assert form_table(ONE_AGENT)["won"] == "win"
