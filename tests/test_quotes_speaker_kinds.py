"""Speakers of a kind the quote cannot have (issue 12, found on real reporting): "she"
resolved to a man when the article gives no gender to the candidates but a "he"
already stood for him, and a body ("the gun lobby", "the station") given the person
quoted before it. Invented texts; names resolve through the real resolver."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Quote
from tests.test_quotes import assert_offsets, find, nlp

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def resolved(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    quotes = extract_quotes(doc, resolve_names(doc))
    assert_offsets(text, quotes)
    return quotes


# --- a pronoun against the gender the text gave ------------------------------------------


def test_she_is_not_the_man_an_earlier_he_stood_for(nlp: Language) -> None:
    text = (
        "Tomas Brenner, the harbour master, and Dana Ruiz, the council's planner, "
        'visited the pier on Tuesday.\n\n"The pier will reopen in May," he said.\n\n'
        '"We have waited long enough for this," she said.'
    )
    quotes = resolved(nlp, text)
    assert find(quotes, "reopen in May").speaker == "Tomas Brenner"
    assert find(quotes, "waited long enough").speaker == "Dana Ruiz"


def test_she_with_only_a_man_before_her_stays_unresolved(nlp: Language) -> None:
    text = (
        "Tomas Brenner visited the pier on Tuesday with the council's planners.\n\n"
        '"It will reopen in May," he said.\n\n'
        '"We have waited long enough for this," she said.'
    )
    quotes = resolved(nlp, text)
    assert find(quotes, "reopen in May").speaker == "Tomas Brenner"
    she = find(quotes, "waited long enough")
    assert (she.speaker, she.speaker_mention) == (None, "she")


def test_an_honorific_still_decides(nlp: Language) -> None:
    text = (
        "Ms. Ruiz and Mr. Brenner visited the pier on Tuesday.\n\n"
        '"We have waited long enough for this," she said.'
    )
    assert find(resolved(nlp, text), "waited long enough").speaker == "Ruiz"


# --- a body that speaks ------------------------------------------------------------------


def test_a_body_is_not_the_person_quoted_before_it(nlp: Language) -> None:
    text = (
        '"We will keep the pier open all winter," Tomas Brenner said on Tuesday.\n\n'
        '"The ferry will not stop at the pier after dark," the station said.\n\n'
        '"Hunters are being punished for nothing," the gun lobby said.'
    )
    quotes = resolved(nlp, text)
    assert find(quotes, "open all winter").speaker == "Tomas Brenner"
    for fragment, mention in (("after dark", "the station"), ("Hunters", "the gun lobby")):
        quote = find(quotes, fragment)
        assert (quote.speaker, quote.speaker_mention) == (None, mention)


def test_a_description_of_a_person_still_takes_up_the_speaker(nlp: Language) -> None:
    text = (
        '"We will keep the pier open all winter," Tomas Brenner said on Tuesday.\n\n'
        '"Nobody has to worry about the ferry," the Sarnow businessman added.\n\n'
        '"The timetable will not change," the presumptive harbour nominee said.'
    )
    quotes = resolved(nlp, text)
    assert find(quotes, "worry about the ferry").speaker == "Tomas Brenner"
    assert find(quotes, "timetable").speaker == "Tomas Brenner"


def test_a_country_speaks_through_its_leader(nlp: Language) -> None:
    text = (
        "Valdorian Prime Minister Ana Marrow said on Monday that the country would "
        "announce next week that it was leaving the fishing pact."
    )
    assert find(resolved(nlp, text), "leaving the fishing pact").speaker == "Ana Marrow"


def test_a_country_speaks_only_through_a_leader_of_that_country(nlp: Language) -> None:
    # The leader the resolver knows leads another country: the country stays as written.
    text = (
        "Valdorian Prime Minister Ana Marrow met Kelsan officials in Lorvik on Monday.\n\n"
        "Japan rejected the offer on Tuesday. \"We will not sign an agreement under these "
        'terms," the country said in a statement.'
    )
    assert find(resolved(nlp, text), "under these terms").speaker != "Ana Marrow"
