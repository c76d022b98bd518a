"""Names with a middle initial stay whole ("Representative Linda T. Sanchez" is not
"Representative Linda"): entity handling, invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.entities import EntityIndex, resolve_names
from newsprism.analyze.nlp import load_english


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


def people(nlp: Language, text: str) -> EntityIndex:
    return resolve_names(nlp(text))


def names(index: EntityIndex) -> set[str]:
    return {e.name for e in index.entities if e.type == "PERSON"}


def test_a_titled_name_runs_over_its_middle_initial(nlp: Language) -> None:
    text = "In a close vote, Representative Marta Q. Ferrand defeated Representative Ana Holt."
    index = people(nlp, text)
    assert "Marta Q. Ferrand" in names(index)
    assert "Marta" not in names(index)
    assert index.canonical("Ferrand") == "Marta Q. Ferrand"


def test_the_mention_spans_the_whole_name(nlp: Language) -> None:
    text = "Governor Ilse B. Marrow signed the order on Tuesday. Marrow said it was overdue."
    index = people(nlp, text)
    person = next(e for e in index.entities if e.name == "Ilse B. Marrow")
    assert "Governor Ilse B. Marrow" in {m.text for m in person.mentions}
    assert {m.text for m in person.mentions} >= {"Marrow"}


def test_two_people_with_one_first_name_stay_apart(nlp: Language) -> None:
    text = (
        "Senator Linda T. Ferrand and Senator Linda Holt met on Monday. "
        "Ferrand said the bill would pass; Holt said it would not."
    )
    assert {"Linda T. Ferrand", "Linda Holt"} <= names(people(nlp, text))
