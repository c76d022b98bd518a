"""A "he"/"she" after a person described but not named ("The shift foreman
disagreed.") is that person, not the person or organisation named before: a false
attribution is the worst error for readers. Invented sentences, resolved by the real
name resolver."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Quote
from tests.test_quotes import find, nlp

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

_LEAD = (
    "Acme announced on Monday that the plant in Dunmore would close, and its chief "
    "executive, Jordan Vale, thanked the staff.\n\n"
)


def _quotes(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, resolve_names(doc))


def test_a_pronoun_after_an_unnamed_description_is_nobody_named(nlp: Language) -> None:
    text = _LEAD + (
        "Sam Lorne, a machinist, said the plant had been unsafe for years. The shift "
        "foreman disagreed. “The plant is safe,” he said."
    )
    quote = find(_quotes(nlp, text), "The plant is safe")
    assert quote.speaker_mention == "he"
    assert quote.speaker is None


def test_a_pronoun_after_an_indefinite_description_is_nobody_named(nlp: Language) -> None:
    text = _LEAD + (
        "Sam Lorne, a machinist, said the plant had been unsafe for years. A "
        "spokeswoman for the union disagreed. “The plant is safe,” she said."
    )
    assert find(_quotes(nlp, text), "The plant is safe").speaker is None


def test_a_thing_subject_leaves_the_pronoun_to_the_person_named(nlp: Language) -> None:
    text = _LEAD + (
        "Sam Lorne, a machinist, said the plant had been unsafe for years. The plant "
        "closed in May. “Nobody listened to us,” he said."
    )
    assert find(_quotes(nlp, text), "Nobody listened").speaker == "Sam Lorne"


def test_a_description_in_a_reported_clause_is_not_the_pronoun(nlp: Language) -> None:
    text = _LEAD + ("Sam Lorne said the shift foreman was wrong. “Nobody listened to us,” he said.")
    assert find(_quotes(nlp, text), "Nobody listened").speaker == "Sam Lorne"


def test_a_description_with_its_name_beside_it_is_that_person(nlp: Language) -> None:
    text = _LEAD + (
        "The shift foreman, Sam Lorne, disagreed with the union. “The plant is safe,” he said."
    )
    assert find(_quotes(nlp, text), "The plant is safe").speaker == "Sam Lorne"


def test_a_description_the_text_ties_to_a_name_is_that_person(nlp: Language) -> None:
    text = _LEAD + (
        "Labour Minister Ilse Varga visited the plant on Tuesday. Sam Lorne, a "
        "machinist, said it had been unsafe for years. The minister disagreed. “The "
        "plant is safe,” she said."
    )
    assert find(_quotes(nlp, text), "The plant is safe").speaker == "Ilse Varga"


def test_a_description_of_the_person_the_story_is_about_is_that_person(nlp: Language) -> None:
    text = (
        "Jordan Vale, the Republican nominee, spoke in Ohio on Monday. He said the "
        "plan would pay for more ships.\n\n"
        "The GOP nominee did not give a cost estimate, though he said “the savings "
        "will come from waste.”"
    )
    assert find(_quotes(nlp, text), "the savings").speaker == "Jordan Vale"
