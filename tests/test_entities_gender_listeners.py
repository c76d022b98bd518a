"""A pronoun that speaks of the one spoken to is no vote for the speaker's gender
(analyze/entities.py, step 5): in "Rep. Edvin Holt asked her whether she would reply" the
"she" is the woman asked, so Holt is not made female (stop 42 quote audit, seed 42117).
A pronoun of the other gender, or a possessive "her", is still a vote. Invented text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.nlp import load_english


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


@pytest.mark.parametrize(
    "text",
    [
        "Rep. Edvin Holt asked her whether she would reply on the vote.",
        "Edvin Holt told her that she had lost the seat.",
        "Edvin Holt sent her a note saying she was welcome.",
    ],
)
def test_a_pronoun_of_the_one_spoken_to_is_no_vote(nlp: Language, text: str) -> None:
    assert resolve_names(nlp(text)).gender("Edvin Holt") is None


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        # no listener between: the subject pronoun is the speaker's
        ("Rep. Dara Holm told reporters she would run again.", "female"),
        # a listener of the other gender leaves the vote
        ("Rep. Dara Holm asked him if she could see the vote count.", "female"),
        # a possessive "her" is no listener
        ("Dara Holm asked her aide if she could see the vote count.", "female"),
        ("Edvin Holt asked her if he could see the vote count.", "male"),
    ],
)
def test_the_speakers_own_pronoun_is_still_a_vote(nlp: Language, text: str, gender: str) -> None:
    name = "Dara Holm" if "Holm" in text else "Edvin Holt"
    assert resolve_names(nlp(text)).gender(name) == gender


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        # an object pronoun in a clause with another subject is the one spoken of: the
        # name herself or himself, so the pronoun after it still votes (review s43f S1)
        ("Dara Holm said the council had told her she must leave her post.", "Dara Holm",
         "female"),
        ("Dara Holm said the council had asked her to leave and she refused.", "Dara Holm",
         "female"),
        ("Dara Holm said voters had told her she should run again.", "Dara Holm", "female"),
        ("Edvin Holt said the award meant a lot to him and he thanked the jury.", "Edvin Holt",
         "male"),
        # near shapes of our own
        ("Edvin Holt said the board had sent him a letter and he would reply.", "Edvin Holt",
         "male"),
        ("Dara Holm said her rivals had called her a liar but she would stay.", "Dara Holm",
         "female"),
    ],
)  # fmt: skip
def test_a_pronoun_spoken_of_in_another_subjects_clause_still_votes(
    nlp: Language, text: str, name: str, gender: str
) -> None:
    assert resolve_names(nlp(text)).gender(name) == gender


def test_a_woman_spoken_of_keeps_her_gender_and_not_the_mans_quote(nlp: Language) -> None:
    from newsprism.analyze.quotes import extract_quotes

    doc = nlp(
        "Edvin Holt chairs the Orsk council. Dara Holm said the council had told her she "
        'must leave her post. "This decision is final," he said.'
    )
    names = resolve_names(doc)
    assert names.gender("Dara Holm") == "female"
    quote = next(q for q in extract_quotes(doc, names) if q.text == "This decision is final")
    assert quote.speaker == "Edvin Holt"
