"""A dateline with a region or an agency's credit before its dash ("KESTOW, Norland
(Wirepress) -") is no speaker: the parser made the upper-case place the subject of the
reporting verb, and the place spoke instead of the name after the dash. After a header
line with no full stop the parse runs into the dateline's paragraph, and the name after
the dash speaks there too. Invented names and places; the cast is
:class:`tests.test_quotes.FakeNames`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


@pytest.mark.parametrize(
    "dateline",
    [
        "KESTOW (Wirepress) - ",
        "KESTOW, Norland (Wirepress) - ",
        "KESTOW (AP) — ",
        "KESTOW, Norland — ",
    ],
)
def test_the_name_after_a_credited_dateline_speaks(nlp: Language, dateline: str) -> None:
    text = f"{dateline}Finance Minister Edvin Rask said on Friday the port would reopen in May."
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "the port would reopen in May")
    assert quote.speaker == "Edvin Rask"
    assert "KESTOW" not in (quote.speaker_mention or "")
    assert_offsets(text, quotes)


def test_a_participle_after_a_dateline_under_a_header(nlp: Language) -> None:
    text = (
        "KESTOW, Norland |\n\n"
        "KESTOW, Norland (Wirepress) - Secretary of State Ana Marrow ruled out running "
        "for mayor on Friday, saying the city should be ready for a younger mayor.\n"
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "the city should be ready for a younger mayor")
    assert quote.speaker == "Ana Marrow"
    assert quote.cue == "saying"


def test_an_upper_case_body_with_a_bracket_still_speaks(nlp: Language) -> None:
    # Not a dateline: no dash after the bracket.
    text = "NORTRA (the port authority) said on Friday the port would reopen in May."
    quote = find(indirect(quotes_of(nlp, text)), "the port would reopen in May")
    assert quote.speaker_mention is not None and "NORTRA" in quote.speaker_mention


@pytest.mark.parametrize(
    "dateline", ["KESTOW (AP) - ", "KESTOW, Norland (Wirepress) - ", "KESTOW (Wirepress) — "]
)
def test_a_name_with_an_apposition_after_a_dateline_speaks(nlp: Language, dateline: str) -> None:
    # Review s35 r1 F10: the parser hangs the name on the place (or its region) as a
    # conjunct and the agency as an apposition; neither the place nor the agency speaks.
    text = f"{dateline}Ana Marrow, the mayor, said the bridge would reopen in May."
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "the bridge would reopen in May")
    assert quote.speaker == "Ana Marrow"
    assert quote.speaker_mention == "Ana Marrow"
    assert_offsets(text, quotes)


def test_a_spaced_hyphen_inside_a_name_is_no_dateline(nlp: Language) -> None:
    # Review s35 r1 F10: scraped text writes a double-barrelled name with a spaced
    # hyphen; cutting at it made the last part alone speak (and resolve to another
    # person of that surname).
    text = (
        "Governor Tomas Brandt toured the quay on Monday.\n\n"
        "Lina Sorvo - Brandt, the mayor, said the port would reopen in May."
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "the port would reopen in May")
    assert quote.speaker_mention == "Lina Sorvo - Brandt"
    assert_offsets(text, quotes)


def test_an_upper_case_header_before_a_dash_is_still_cut(nlp: Language) -> None:
    text = "BREAKING NEWS - Finance Minister Edvin Rask said the port would reopen in May."
    quote = find(indirect(quotes_of(nlp, text)), "the port would reopen in May")
    assert quote.speaker == "Edvin Rask"
    assert quote.speaker_mention == "Finance Minister Edvin Rask"


def test_a_dateline_before_a_direct_quote_makes_no_indirect_unit(nlp: Language) -> None:
    # Review s35 r1 F10 (pre-existing): the parser made the place the subject of the
    # quoted clause, and the dateline with half the quote became an indirect unit.
    text = "KESTOW, Norland (Wirepress) - “We will rebuild the quay,” Edvin Rask said on Friday."
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["We will rebuild the quay"]
    assert quotes[0].speaker == "Edvin Rask"
    assert_offsets(text, quotes)
