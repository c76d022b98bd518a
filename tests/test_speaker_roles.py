"""Roles and bodies that take up a person named earlier, found on real reporting (the
BASIL gold, issue 12: "The California Democrat" read as the Ohio challenger named just
before, "The office" as another agency) and rewritten as invented sentences. Names
resolve through the :class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.speaker_places import same_place
from tests.test_quotes import find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def test_a_role_with_a_place_is_the_person_tied_to_that_place(nlp: Language) -> None:
    text = (
        "WASHINGTON - Mirela Kostanj (D-Calif.) kept her post on Wednesday, defeating "
        "Edvin Rask (Ohio) by 134 votes to 63.\n\n"
        "Her backers said she knows how to count votes.\n\n"
        "She is also the only woman in the leadership. If Rask had unseated her, the "
        "team would be all men.\n\n"
        "The California Democrat talked shortly with journalists after the count, saying she "
        "feels thrilled at being returned."
    )
    quote = find(indirect(quotes_of(nlp, text)), "she feels")
    assert quote.speaker == "Mirela Kostanj"


def test_a_role_never_takes_up_someone_tied_to_another_place(nlp: Language) -> None:
    text = (
        "Edvin Rask (Ohio) lost the vote on Wednesday.\n\n"
        "If Rask had won, the leadership would have changed.\n\n"
        "The California Democrat said that the caucus had spoken."
    )
    quote = find(indirect(quotes_of(nlp, text)), "the caucus had spoken")
    assert quote.speaker != "Edvin Rask"


def test_the_office_is_the_person_whose_office_was_named_before(nlp: Language) -> None:
    text = (
        "Agents of the federal bureau have begun their own inquiry.\n\n"
        "The ferry review being run by Mr. Rask's office was announced this "
        "spring. The office said then that it would try to establish whether any "
        "harbour rules had been bent."
    )
    quote = find(indirect(quotes_of(nlp, text)), "it would try to establish")
    assert quote.speaker == "Edvin Rask"


def test_an_abbreviation_is_the_same_place_as_its_full_name() -> None:
    assert same_place("Calif.", "California")
    assert same_place("N.Y.", "New York")
    assert same_place("Ga.", "Georgia")
    assert not same_place("Ohio", "California")
    assert not same_place("Ga.", "Alabama")
