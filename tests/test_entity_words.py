"""Spans the tagger takes for names that name nobody (analyze/entity_words.py): a
clitic of a curly-apostrophe contraction, punctuation, a pronoun; and the names that
look like one and stay ("US", "May"). Invented text throughout."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.entity_words import is_clitic, names_nothing
from newsprism.analyze.nlp import load_english


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


def _mentions(nlp: Language, text: str) -> set[str]:
    return {m.text for e in resolve_names(nlp(text)).entities for m in e.mentions}


def test_a_clitic_does_not_open_a_name(nlp: Language) -> None:
    # spaCy tags "n’t Lorvik" as one place here.
    text = "Dunmere isn’t Lorvik and Lorvik won’t be Dunmere."
    found = _mentions(nlp, text)
    assert "Lorvik" in found
    assert not any("n’t" in m for m in found)


def test_a_bracketed_pronoun_is_no_person(nlp: Language) -> None:
    text = "“[W]e will not sign the harbour deal,” Edvin Rask said in Lorvik."
    found = _mentions(nlp, text)
    assert "W]e" not in found
    assert "Edvin Rask" in found


def test_a_capitalised_pronoun_is_no_country(nlp: Language) -> None:
    index = resolve_names(nlp("Us and Them opened in Lorvik on Friday."))
    assert "United States" not in {e.name for e in index.entities}


def test_names_that_look_like_function_words_stay(nlp: Language) -> None:
    found = _mentions(nlp, "The US and the UK signed the accord, and Theresa May agreed.")
    assert {"US", "UK"} <= found
    assert any("May" in m for m in found)


@pytest.mark.parametrize(
    ("text", "nothing"),
    [
        ("n’t", True),
        ("n't", True),
        ("’s", True),
        ("--", True),
        ("us", True),
        ("of the", True),
        ("Them", True),
        ("[W]e", True),
        ("US", False),
        ("May", False),
        ("NOW", False),
        ("Lorvik", False),
        ("the Hague", False),
    ],
)
def test_names_nothing(nlp: Language, text: str, nothing: bool) -> None:
    assert names_nothing(list(nlp.make_doc(text))) is nothing


def test_is_clitic_reads_either_apostrophe(nlp: Language) -> None:
    assert [is_clitic(t) for t in nlp.make_doc("did n’t")] == [False, True]
    assert [is_clitic(t) for t in nlp.make_doc("did n't")] == [False, True]


def test_a_clitic_written_onto_a_name_stays_in_it(nlp: Language) -> None:
    # A Dutch-style place name opens with "’s-": the clitic is the name's, not a stray.
    found = _mentions(nlp, "The fair moved to ’s-Hertenveld in May, organiser Rika Maas said.")
    assert "’s-Hertenveld" in found
    assert "Hertenveld" not in found
