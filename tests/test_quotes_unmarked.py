"""Statements written without the usual quote-and-verb frame, found missing on real
reporting (the BASIL gold, issue 12) and rewritten here as invented sentences: a request
or apology whose content is a phrase, a name the parser reads as a time phrase, a
paragraph that is one quotation with no speaker, a block quote without marks after a
lead-in colon, and a quote under a negated verb. Each is also checked against its near
miss that must stay no statement. Names resolve through the
:class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

from spacy.language import Language

from tests.test_quotes import assert_offsets, direct, find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def test_called_for_gives_what_was_called_for(nlp: Language) -> None:
    # "for" is read as the mark of an infinitive clause, not as a preposition.
    text = "Edvin Rask in April called for trained pilots to be posted at every harbour."
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "trained pilots")
    assert quote.speaker == "Edvin Rask"
    assert quote.cue == "called"
    assert quote.text == "trained pilots to be posted at every harbour"
    assert_offsets(text, quotes)


def test_apologized_for_and_urged_give_their_phrase(nlp: Language) -> None:
    text = (
        "Mirela Kostanj apologized for the union's practice of blocking the ferries. "
        "Ana Marrow urged Congress to pass the harbour bill quickly."
    )
    quotes = indirect(quotes_of(nlp, text))
    apology = find(quotes, "practice of blocking")
    assert (apology.speaker, apology.cue) == ("Mirela Kostanj", "apologized")
    urged = find(quotes, "pass the harbour bill")
    assert urged.speaker == "Ana Marrow"
    assert urged.text.startswith("Congress to pass")
    assert_offsets(text, quotes)


def test_short_or_other_requests_are_no_statement(nlp: Language) -> None:
    # Under three words asks for nothing another outlet could render; "called him a
    # liar" names, it does not request (its judgement is read as one, see
    # tests/test_quotes_namings.py); a negated apology apologised for nothing.
    text = (
        "Edvin Rask called for calm. Ana Marrow called him a liar on the radio. "
        "Mirela Kostanj did not apologize for the strike at the northern terminal."
    )
    found = [(q.speaker, q.text) for q in indirect(quotes_of(nlp, text))]
    assert found == [("Ana Marrow", "him a liar on the radio")]


def test_a_name_read_as_a_time_phrase_speaks(nlp: Language) -> None:
    # "Port Watch On Call" is read as an adverbial noun phrase of "says".
    text = (
        "Port Watch On Call says the timing of the deal is a well kept mystery "
        "among the union chiefs."
    )
    quote = find(indirect(quotes_of(nlp, text)), "timing of the deal")
    assert quote.speaker_mention is not None
    assert "Port Watch" in quote.speaker_mention


def test_a_paragraph_that_is_one_quotation_is_a_statement_without_speaker(
    nlp: Language,
) -> None:
    text = (
        "Rask left the hall without a word.\n\n"
        '"Such behaviour is a disgrace to the office of harbour master."\n\n'
        'The crowd chanted "no more cuts" outside.'
    )
    quotes = quotes_of(nlp, text)
    quote = find(direct(quotes), "disgrace to the office")
    assert quote.speaker is None and quote.cue is None
    assert quote.text == "Such behaviour is a disgrace to the office of harbour master."
    # A slogan inside a sentence, with nobody said to say it, stays no statement.
    assert not any("no more cuts" in q.text for q in quotes)
    assert_offsets(text, quotes)


def test_a_paragraph_quotation_after_a_quote_goes_on_with_its_speaker(nlp: Language) -> None:
    # The news convention: a new quoted paragraph with no attribution is the speaker
    # of the quote in the paragraph before.
    text = (
        '"It is flatly false. It is groundless," Edvin Rask said.\n\n'
        '"I will not even debate the substance because that lends it weight."'
    )
    quotes = direct(quotes_of(nlp, text))
    first, second = find(quotes, "flatly false"), find(quotes, "debate the substance")
    assert second.speaker == "Edvin Rask"
    assert second.group == first.group


def test_a_paragraph_quotation_before_an_attributed_quote_takes_its_speaker(
    nlp: Language,
) -> None:
    text = (
        "The talks broke down on Friday.\n\n"
        '"At the end of the talks, the public is told we have an agreement of two '
        'thousand pages."\n\n'
        '"It cannot work this way," Ana Marrow said.'
    )
    quotes = direct(quotes_of(nlp, text))
    first, second = find(quotes, "two thousand pages"), find(quotes, "cannot work")
    assert first.speaker == second.speaker == "Ana Marrow"
    assert first.group == second.group


def test_a_short_paragraph_quotation_is_no_statement(nlp: Language) -> None:
    text = 'The ferry was renamed last spring.\n\n"Harbour Lights"\n\nIt sails at noon.'
    assert quotes_of(nlp, text) == []


def test_a_block_quote_after_a_lead_in_colon_is_a_statement(nlp: Language) -> None:
    text = (
        "Mirela Kostanj wrote on the union's page:\n\n"
        "We will not sign anything under pressure. Our members kept this port running "
        "for thirty years.\n\n"
        "The talks resume on Monday."
    )
    quotes = quotes_of(nlp, text)
    quote = find(direct(quotes), "We will not sign")
    assert quote.speaker == "Mirela Kostanj"
    assert quote.text.endswith("for thirty years.")
    assert not any("talks resume" in q.text for q in quotes)
    assert_offsets(text, quotes)


def test_a_block_after_a_lead_in_without_speech_is_no_statement(nlp: Language) -> None:
    text = (
        "The new fleet includes:\n\n"
        "Seven cranes, four tugs and a ferry that carries two hundred cars."
    )
    assert quotes_of(nlp, text) == []


def test_a_block_with_quotations_inside_is_left_to_its_marks(nlp: Language) -> None:
    # Excerpts introduced in the reporter's words: the quotations are the statements.
    text = (
        "Below are more excerpts of her speeches, as the bureau presented them:\n\n"
        'When asked about the port, Ana Marrow joked "You are the sharpest crowd" '
        "and moved on to the budget."
    )
    quotes = quotes_of(nlp, text)
    assert not any(q.text.startswith("When asked") for q in quotes)


def test_a_block_after_a_speech_noun_lead_in_has_no_speaker_written(nlp: Language) -> None:
    text = (
        "Read the full statement via the harbour board:\n\n"
        "Dear members, the port will stay open through the winter and no jobs will go."
    )
    quote = find(direct(quotes_of(nlp, text)), "the port will stay open")
    assert quote.speaker is None


def test_a_quote_under_a_negated_verb_belongs_to_the_verb_above(nlp: Language) -> None:
    # "hasn't apologized" reports nothing: the quote is what Kostanj told reporters.
    text = (
        "Mirela Kostanj told reporters that she hasn't apologized to the dockers "
        'because "I do not know who they are."'
    )
    quotes = quotes_of(nlp, text)
    quote = find(direct(quotes), "I do not know who they are")
    assert quote.cue == "told reporters"
    assert quote.speaker == "Mirela Kostanj"
    clause = find(indirect(quotes), "hasn't apologized")
    assert clause.group == quote.group


def test_a_reported_clause_stays_in_its_verbs_paragraph(nlp: Language) -> None:
    # The parser runs the first paragraph's sentence on into the quote of the second
    # and gives "added" the first paragraph's clause, quotes and all.
    text = (
        "Edvin Rask, a councillor, appears in a phone clip shoving the shoulder of a student "
        'when the student walked up to him and asked if he backed the "harbour plan."\n'
        '"However long the week had been, I had no right to react like that," he added.'
    )
    quotes = quotes_of(nlp, text)
    assert not any("\n" in q.text for q in quotes)
    assert not any("appears in a phone clip" in q.text for q in indirect(quotes))
    quote = find(direct(quotes), "no right to react like that")
    assert quote.speaker == "Edvin Rask"


def test_asked_if_gives_the_question(nlp: Language) -> None:
    # The "if" clause is read as an adverbial clause of "asked", not its complement.
    text = (
        "Halvik shoved a student after Edvin Rask asked the minister if he "
        '"fully supported the harbour plan."\n\n'
        "Mirela Kostanj said she would resign if asked."
    )
    quotes = quotes_of(nlp, text)
    question = find(indirect(quotes), "fully supported the harbour plan")
    assert question.cue == "asked"
    assert question.speaker == "Edvin Rask"
    partial = find(direct(quotes), "fully supported")
    assert partial.group == question.group
    # After a verb of saying, "if" opens a condition: the clause is what she said.
    assert find(indirect(quotes), "she would resign").text == "she would resign if asked"


def test_a_quote_in_the_complement_of_a_negated_verb_stays_with_it(nlp: Language) -> None:
    # Reached through what the verb reports, the negated verb still attributes it.
    text = (
        "There is new evidence, Edvin Rask said, though officials have not said the "
        'ministry is actually "reopening" its inquiry.'
    )
    quote = find(direct(quotes_of(nlp, text)), "reopening")
    assert quote.cue == "said"
    assert quote.speaker_mention == "officials"
