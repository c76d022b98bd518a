"""Statements the parser hides from quote extraction, found on real reporting (the
BASIL gold, issue 12) and rewritten here as invented sentences: each one's parse shows
the misreading :mod:`newsprism.analyze.quote_subjects` repairs. Names resolve through
the :class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

from spacy.language import Language

from tests.test_quotes import assert_offsets, direct, find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def test_said_at_the_time_that_reports_the_clause(nlp: Language) -> None:
    # "that" after "the time" is read as a relative pronoun of "time".
    text = (
        "The inquiry was confirmed this month. The ministry said at the time that it "
        "would seek to determine whether any laws were broken."
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "it would seek to determine")
    assert quote.speaker_mention == "The ministry"
    assert quote.text.endswith("laws were broken")
    assert_offsets(text, quotes)


def test_a_real_relative_clause_after_said_is_no_statement(nlp: Language) -> None:
    text = "Edvin Rask said at a meeting that lasted three hours that the pier would close."
    quotes = quotes_of(nlp, text)
    assert not any("lasted three hours" in q.text for q in quotes)


def test_a_reporting_verb_tagged_as_a_noun_attributes_the_quote(nlp: Language) -> None:
    # "demands" is tagged as a plural noun with "the minister" as its subject.
    text = (
        "Halvik then grabs the camera and refuses to let go.\n\n"
        '"Who are you!" the seven-term minister demands. "Tell me who you are."'
    )
    quotes = direct(quotes_of(nlp, text))
    assert find(quotes, "Who are you").cue == "demands"
    assert find(quotes, "Tell me who you are").group == find(quotes, "Who are you").group


def test_a_subject_with_a_long_relative_clause_still_speaks(nlp: Language) -> None:
    # The second half of the relative clause ("and has also been ...") is read as a
    # clause "said" reports, the subject taken into it.
    text = (
        "The self-titled Toughest Harbourmaster, who famously re-instituted night patrols "
        "in 1995 and has also been a major supporter of his town's controversial HB2040 "
        "dredging law, said that Rask has done more to protect the harbour than any of "
        "the other candidates."
    )
    quotes = indirect(quotes_of(nlp, text))
    quote = find(quotes, "Rask has done more")
    assert quote.speaker_mention is not None and "Harbourmaster" in quote.speaker_mention
    assert not any("major supporter" in q.text for q in quotes)


def test_a_writer_with_a_long_relative_clause_still_writes(nlp: Language) -> None:
    text = (
        "On Friday, the aide, Lina Dors, 31, who has more than 9,000 followers on Twitter "
        "and at the time was a spokeswoman for a little-known mayor from Ostrava, wrote "
        "an open letter to the council on her page, saying they should “try showing a "
        "little respect.”"
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "they should")
    assert quote.speaker_mention == "Lina Dors"  # the name beside "the aide"
    assert find(direct(quotes), "try showing").group == quote.group
    assert not any("spokeswoman" in q.text for q in quotes)


def test_a_sentence_read_as_a_noun_phrase_keeps_its_label(nlp: Language) -> None:
    # "called" is read as a participle modifying "ad", "ad" as the sentence's root.
    text = (
        "The union also plans a large campaign. The group's first ad called Halvik an "
        '"elitist hypocrite" for his free ferry pass.'
    )
    quote = find(direct(quotes_of(nlp, text)), "elitist hypocrite")
    assert quote.speaker_mention == "The group's first ad"


def test_a_name_hung_on_the_paragraph_before_still_speaks(nlp: Language) -> None:
    # After a closing quote, "Marrow" is attached to a verb of the quoted paragraph.
    text = (
        "“Because our leaders are weak, this was going to happen. We can't afford to be "
        "careless anymore.”\n\n"
        "Marrow, speaking from the harbour office on Sunday, said the collapse in which "
        "five people were hurt is being investigated as an “act of negligence.”"
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "the collapse")
    assert quote.speaker == "Ana Marrow"
    assert find(direct(quotes), "act of negligence").speaker == "Ana Marrow"


def test_an_act_after_a_preposition_is_the_main_subjects(nlp: Language) -> None:
    text = (
        'A day after telling reporters that he\'s "not going to talk about this anymore," '
        "Edvin Rask broke his silence Wednesday about the ferry contract."
    )
    quote = find(quotes_of(nlp, text), "not going to talk")
    assert quote.speaker == "Edvin Rask"


def test_criticised_for_saying_is_not_the_critics_statement(nlp: Language) -> None:
    text = "Dockers criticised Edvin Rask on Monday for saying that fares would rise."
    quotes = quotes_of(nlp, text)
    assert all(q.speaker_mention != "Dockers" for q in quotes)


def test_went_so_far_as_to_say(nlp: Language) -> None:
    text = (
        "The transport minister went so far as to say Rask should “step down” for "
        "ignoring the report."
    )
    quote = find(quotes_of(nlp, text), "step down")
    assert quote.speaker == "Teodor Halvik"


def test_reiterated_attributes_a_split_quote(nlp: Language) -> None:
    text = '"It was a prank," Rask reiterated. "This is not a national security matter."'
    quotes = direct(quotes_of(nlp, text))
    assert find(quotes, "It was a prank").speaker == "Edvin Rask"
    assert find(quotes, "not a national security").speaker == "Edvin Rask"


def test_what_someone_did_not_say_is_no_statement(nlp: Language) -> None:
    text = (
        "Marrow said the fire is being investigated as arson, though she did not say "
        "whether it was tied to the strike."
    )
    quotes = quotes_of(nlp, text)
    assert find(indirect(quotes), "the fire is being investigated").speaker == "Ana Marrow"
    # The clause "said" reports holds the whole rest of the sentence; what she did not
    # say is no statement of its own.
    assert not any(q.text.startswith("it was tied") for q in quotes)


def test_a_dateline_read_as_the_subject_gives_way_to_the_name(nlp: Language) -> None:
    text = (
        "BRNO — Minister Teodor Halvik, trying to put to rest a bizarre episode that is "
        "threatening his dream of becoming mayor, denied on Wednesday that he had sent "
        "the letter."
    )
    quote = find(indirect(quotes_of(nlp, text)), "he had sent the letter")
    assert quote.speaker == "Teodor Halvik"
    assert quote.speaker_mention is not None and "BRNO" not in quote.speaker_mention


def test_a_description_with_a_name_beside_it_speaks_by_name(nlp: Language) -> None:
    text = "The minister's aide, Jonas Vell, said on Monday that the ferry would run."
    quote = find(indirect(quotes_of(nlp, text)), "the ferry would run")
    assert quote.speaker == "Jonas Vell"


def test_a_closing_mark_typed_after_the_space_still_closes(nlp: Language) -> None:
    # The closing straight mark has the space before it, not after: it reads as an
    # opener, and the quote would run on into the next sentence.
    text = (
        'In an emailed statement, Rask stated, "the plan must stop. This is the latest '
        'example of a council at war with the harbour. "Rask is referring to a memo in '
        'which Halvik asked agencies to "review and cut" ferry subsidies.'
    )
    quotes = quotes_of(nlp, text)
    quote = find(direct(quotes), "latest example")
    assert quote.speaker == "Edvin Rask"
    assert "referring" not in quote.text
    assert_offsets(text, quotes)
