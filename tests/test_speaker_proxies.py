"""Speakers a fronted phrase or a proxy hides (issue 12): "After meeting X, a
spokeswoman for Y said" is the spokeswoman's, never X's; "the union's spokeswoman" is
not the person quoted before; "he"/"she" never stands for an organisation or a name
that only modifies a noun ("its Dunmore yard"). Invented sentences, resolved by the
real name resolver."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Quote
from tests.test_quotes import assert_offsets, find, nlp

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def _quotes(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    quotes = extract_quotes(doc, resolve_names(doc))
    assert_offsets(text, quotes)
    return quotes


def test_a_description_after_a_fronted_meeting_speaks(nlp: Language) -> None:
    text = (
        "Talks resumed in Sarnow on Tuesday. After meeting Foreign Minister Ilse "
        "Varga, a spokeswoman for the Valdorian delegation said the two sides had "
        "agreed on a timetable."
    )
    quote = find(_quotes(nlp, text), "the two sides had agreed")
    assert quote.speaker_mention.startswith("a spokeswoman")
    assert quote.speaker != "Ilse Varga"


def test_a_description_after_talks_with_a_name_speaks(nlp: Language) -> None:
    text = (
        "Talks resumed in Sarnow on Tuesday. After talks with Jordan Vale, a "
        "spokeswoman for the union told reporters that the strike would go on."
    )
    quote = find(_quotes(nlp, text), "the strike would go on")
    assert quote.speaker_mention.startswith("a spokeswoman")


def test_a_name_inside_the_subject_is_no_fronted_phrase(nlp: Language) -> None:
    text = (
        "Talks resumed in Sarnow on Tuesday. Supporters of Jordan Vale, the former "
        "mayor, said the strike would go on."
    )
    quote = find(_quotes(nlp, text), "the strike would go on")
    assert "spokes" not in quote.speaker_mention
    assert quote.speaker_mention != "the former mayor"


def test_a_spokeswoman_is_not_the_person_met(nlp: Language) -> None:
    text = (
        "Talks resumed in Sarnow on Tuesday. After meeting Foreign Minister Ilse "
        "Varga, the spokeswoman said the two sides had agreed on a timetable."
    )
    assert find(_quotes(nlp, text), "the two sides had agreed").speaker is None


def test_a_bodys_spokeswoman_is_not_the_person_before(nlp: Language) -> None:
    text = (
        "Jordan Vale met the union on Monday. After the meeting with Vale, the "
        "union's spokeswoman said the strike would go on."
    )
    assert find(_quotes(nlp, text), "the strike would go on").speaker is None


def test_a_spokeswoman_the_text_names_is_that_person(nlp: Language) -> None:
    text = (
        "Maria Keller, a spokeswoman for the union, said the strike would go on. "
        "Jordan Vale met the union on Monday. The spokeswoman said the talks had "
        "failed."
    )
    assert find(_quotes(nlp, text), "the talks had failed").speaker == "Maria Keller"


def test_a_pronoun_is_not_an_organisation_that_spoke(nlp: Language) -> None:
    text = (
        "Acme Shipping announced the closure of its Dunmore yard on Monday. “We had "
        "no choice,” she said."
    )
    assert find(_quotes(nlp, text), "We had no choice").speaker is None


def test_a_pronoun_is_the_person_before_the_organisation(nlp: Language) -> None:
    text = (
        "Sam Lorne thanked the staff. Acme Shipping announced the closure of its "
        "Dunmore yard on Monday. “We had no choice,” he said."
    )
    assert find(_quotes(nlp, text), "We had no choice").speaker == "Sam Lorne"


def test_a_name_that_modifies_a_noun_takes_no_pronoun(nlp: Language) -> None:
    text = (
        "Workers at the Dunmore yard learned of the closure from Acme Shipping on "
        "Monday. “We had no warning,” she said."
    )
    assert find(_quotes(nlp, text), "We had no warning").speaker is None


def test_a_pronoun_is_not_a_company_the_parser_took_for_a_person(nlp: Language) -> None:
    text = (
        "Halvorsen Freight said on Monday that it would cut 400 jobs. “We regret this "
        "decision,” she said."
    )
    assert find(_quotes(nlp, text), "We regret this decision").speaker is None
