"""A role ("the former governor") whose noun the article first gave a named person in
apposition ("Edvin Rask, a former governor of Vesland,"), and the pronoun after it.
Found on real reporting (the BASIL development file, issue 12: a candidate introduced
so in the first line, his later "the former governor ... calling it ..." and the "he"
after it both unresolved) and rewritten as invented sentences. The earlier "a governor"
had read as someone introduced unnamed ("a spokesman ... the spokesman"), which no
earlier speaker may be. Names resolve through the :class:`tests.test_quotes.FakeNames`
cast."""

from __future__ import annotations

from spacy.language import Language

from tests.test_quotes import find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

_PROFILE = (
    "Edvin Rask, a former governor of Vesland and a preacher, is running for the "
    "presidency.\n\n"
    "Rask said the port deal was a mistake.\n\n"
    "Rask opposes the new canal, which he calls a waste.\n\n"
    "Rask has focused his message on wages. But the former governor has opposed a "
    "higher minimum wage, calling it a burden on shops, and he has suggested that "
    "transfers hold wages down."
)


def test_a_role_first_given_to_a_name_in_apposition_is_that_person(nlp: Language) -> None:
    quote = find(indirect(quotes_of(nlp, _PROFILE)), "a burden on shops")
    assert quote.speaker == "Edvin Rask"


def test_the_pronoun_after_such_a_role_is_that_person(nlp: Language) -> None:
    quote = find(indirect(quotes_of(nlp, _PROFILE)), "transfers hold wages down")
    assert quote.speaker == "Edvin Rask"


def test_a_role_given_to_someone_else_is_not_the_last_speaker(nlp: Language) -> None:
    # The former governor is Kostanj, not Rask, who spoke last: unresolved is the safe
    # side, a wrong speaker is worse than none.
    text = (
        "Mirela Kostanj, a former governor of Vesland, opened the meeting on Monday.\n\n"
        "Edvin Rask said the port must stay open.\n\n"
        "The former governor said that the vote had been rigged."
    )
    quote = find(indirect(quotes_of(nlp, text)), "the vote had been rigged")
    assert quote.speaker != "Edvin Rask"


def test_a_role_introduced_unnamed_is_still_nobody_quoted_before(nlp: Language) -> None:
    text = (
        "A governor from the north spoke at the rally on Monday.\n\n"
        "Edvin Rask said the port must stay open.\n\n"
        "The governor said that the vote had been rigged."
    )
    quote = find(indirect(quotes_of(nlp, text)), "the vote had been rigged")
    assert quote.speaker is None


def test_a_pronoun_after_a_role_of_another_is_not_the_last_speaker(nlp: Language) -> None:
    text = (
        "Edvin Rask, a former senator, spoke first on Monday.\n\n"
        "Teodor Halvik said the deal was dead. The former senator disagreed, and he "
        "said that the talks would go on."
    )
    quote = find(indirect(quotes_of(nlp, text)), "the talks would go on")
    assert quote.speaker != "Teodor Halvik"


def test_an_apposition_inside_quote_marks_introduces_no_one(nlp: Language) -> None:
    text = (
        '"Ask Edvin Rask, a former governor, what he did," Teodor Halvik said on '
        "Monday.\n\n"
        "A governor from the north spoke next. The governor said that the vote had "
        "been rigged."
    )
    quote = find(indirect(quotes_of(nlp, text)), "the vote had been rigged")
    assert quote.speaker != "Edvin Rask"
