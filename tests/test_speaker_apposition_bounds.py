"""A description is the name an earlier apposition gave it ("Maria Keller, a nurse, …
The nurse said") only when it is that same description: none of its own modifiers
("the other driver", "the lawyer for the city", "the witness who called police"), near
enough, and no other such person introduced in between. Unresolved is the safe side
(review s30/1, F2). Invented sentences, resolved by the real name resolver."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Quote
from tests.test_quotes import find, nlp

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def _quotes(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, resolve_names(doc))


@pytest.mark.parametrize(
    ("text", "words", "wrong"),
    [
        (
            "Jack Turner, a driver for Acme, died in the crash. The other driver said "
            "the road was icy.",
            "the road was icy",
            "Jack Turner",
        ),
        (
            "Jo Doe, a lawyer for the family, said the officers had lied. The lawyer "
            "for the city said the officers had followed the rules.",
            "the officers had followed the rules",
            "Jo Doe",
        ),
        (
            "Jack Turner, a victim of the shooting, died in hospital. The victim who "
            "survived said the gunman fired from a car.",
            "the gunman fired from a car",
            "Jack Turner",
        ),
        (
            "Anna Kim, a witness, said she heard three shots. The witness who called "
            "police said she heard two.",
            "she heard two",
            "Anna Kim",
        ),
        (
            "Jack Turner, a driver, died in the crash. A second driver was hurt. The "
            "driver told police the road was icy.",
            "the road was icy",
            "Jack Turner",
        ),
        (
            "Sam Lorne, a nurse, treated the first victims on Friday.\n\nThe clinic "
            "stayed open all night.\n\nTwo other nurses arrived at midnight.\n\nThe "
            "nurse told reporters the clinic had run out of blood.",
            "the clinic had run out of blood",
            "Sam Lorne",
        ),
        (
            "Sam Lorne, a nurse, treated the first victims on Friday.\n\nThe clinic "
            "stayed open all night.\n\nThe mayor visited on Saturday.\n\nAnother woman "
            "was treated on Sunday.\n\nThe nurse told reporters the clinic had run out "
            "of blood.",
            "the clinic had run out of blood",
            "Sam Lorne",
        ),
    ],
)
def test_a_different_description_is_not_the_apposed_name(
    nlp: Language, text: str, words: str, wrong: str
) -> None:
    assert find(_quotes(nlp, text), words).speaker != wrong


def test_the_same_description_nearby_is_the_apposed_name(nlp: Language) -> None:
    text = (
        "Sam Lorne, a nurse at the clinic, treated the first victims on Friday.\n\n"
        "The nurse told reporters the clinic had run out of blood."
    )
    quote = find(_quotes(nlp, text), "the clinic had run out of blood")
    assert quote.speaker == "Sam Lorne"


def test_a_repeated_modifier_of_the_apposition_still_ties(nlp: Language) -> None:
    text = (
        "Sam Lorne, a night nurse, treated the first victims on Friday. The night "
        "nurse told reporters the clinic had run out of blood."
    )
    quote = find(_quotes(nlp, text), "the clinic had run out of blood")
    assert quote.speaker == "Sam Lorne"
