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


# Occupations the title lexicon lacks (issue 12): "The nurse disagreed. '…,' she said"
# is the nurse, not the person named before.
def test_an_occupation_without_a_title_takes_the_pronoun(nlp: Language) -> None:
    for subject, pronoun in (
        ("The nurse", "she"),
        ("The firefighter", "he"),
        ("A paramedic who treated the workers", "he"),
        ("The shop owner", "he"),
        ("The pharmacist", "she"),
    ):
        text = _LEAD + (
            f"Sam Lorne said the plant had been unsafe for years. {subject} disagreed. "
            f"“The plant is safe,” {pronoun} said."
        )
        assert find(_quotes(nlp, text), "The plant is safe").speaker is None, subject


def test_an_agent_noun_that_disagrees_takes_the_pronoun(nlp: Language) -> None:
    text = _LEAD + (
        "Sam Lorne said the plant had been unsafe for years. The welder disagreed. "
        "“The plant is safe,” he said."
    )
    assert find(_quotes(nlp, text), "The plant is safe").speaker is None


def test_a_body_or_a_thing_is_no_person(nlp: Language) -> None:
    for subject in ("The government disagreed", "The station reported a fire",
                    "The computer failed twice", "The manufacturer disagreed",
                    "The checklist was never used"):  # fmt: skip
        text = _LEAD + (
            f"Sam Lorne said the plant had been unsafe for years. {subject}. "
            "“Nobody listened to us,” he said."
        )
        assert find(_quotes(nlp, text), "Nobody listened").speaker == "Sam Lorne", subject


def test_an_occupation_in_apposition_ties_the_description_to_the_name(nlp: Language) -> None:
    text = _LEAD + (
        "Sam Lorne said the plant had been unsafe for years. Maria Keller, a nurse at "
        "the clinic, treated two workers. The nurse disagreed with the company. “The "
        "plant is safe,” she said."
    )
    assert find(_quotes(nlp, text), "The plant is safe").speaker == "Maria Keller"


def test_a_description_speaking_is_the_person_apposed_to_it(nlp: Language) -> None:
    text = _LEAD + (
        "Sam Lorne, a machinist, said the plant had been unsafe for years. The "
        "machinist told reporters he had warned the company twice."
    )
    quote = find(_quotes(nlp, text), "he had warned")
    assert (quote.speaker_mention, quote.speaker) == ("The machinist", "Sam Lorne")
