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
        "The audit of the Kelmar tolls began in May. The ministry said at the time that "
        "its auditors would try to learn whether the tolls were miscounted."
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "its auditors would try to learn")
    assert quote.speaker_mention == "The ministry"
    assert quote.text.endswith("tolls were miscounted")
    assert_offsets(text, quotes)


def test_a_real_relative_clause_after_said_is_no_statement(nlp: Language) -> None:
    text = "Edvin Rask said at a meeting that lasted three hours that the pier would close."
    quotes = quotes_of(nlp, text)
    assert not any("lasted three hours" in q.text for q in quotes)


def test_a_reporting_verb_tagged_as_a_noun_attributes_the_quote(nlp: Language) -> None:
    # "demands" is tagged as a plural noun with "the minister" as its subject.
    text = (
        "Halvik then seizes the microphone and will not release it.\n\n"
        '"Whose boat is this!" the four-term minister demands. "Give me your name."'
    )
    quotes = direct(quotes_of(nlp, text))
    assert find(quotes, "Whose boat is this").cue == "demands"
    assert find(quotes, "Give me your name").group == find(quotes, "Whose boat is this").group


def test_a_subject_with_a_long_relative_clause_still_speaks(nlp: Language) -> None:
    # The second half of the relative clause ("and has long been ...") is read as a
    # clause "said" reports, the subject taken into it.
    text = (
        "The self-styled Sternest Harbourmaster, who notoriously revived night patrols "
        "in 1987 and has long been a loud backer of his town's contested HB2040 "
        "dredging law, said that Rask has achieved more to guard the docks than any of "
        "the other contenders."
    )
    quotes = indirect(quotes_of(nlp, text))
    quote = find(quotes, "Rask has achieved more")
    assert quote.speaker_mention is not None and "Harbourmaster" in quote.speaker_mention
    assert not any("loud backer" in q.text for q in quotes)


def test_a_writer_with_a_long_relative_clause_still_writes(nlp: Language) -> None:
    text = (
        "On Friday, the aide, Lina Dors, 31, who counts over 9,000 readers on her feed "
        "and back then worked as a press officer for a junior mayor from Sarnow, wrote "
        "a public note to the council on her blog, saying they should “learn some "
        "manners.”"
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "they should")
    assert quote.speaker_mention == "Lina Dors"  # the name beside "the aide"
    assert find(direct(quotes), "learn some manners").group == quote.group
    assert not any("press officer" in q.text for q in quotes)


def test_a_sentence_read_as_a_noun_phrase_keeps_its_label(nlp: Language) -> None:
    # "called" is read as a participle modifying "ad", "ad" as the sentence's root.
    text = (
        "The union has bought air time in Kelmar. The group's opening spot called Halvik a "
        '"pampered fraud" for his free ferry pass.'
    )
    quote = find(direct(quotes_of(nlp, text)), "pampered fraud")
    assert quote.speaker_mention == "The group's opening spot"


def test_a_name_hung_on_the_paragraph_before_still_speaks(nlp: Language) -> None:
    # After a closing quote, "Marrow" is attached to a verb of the quoted paragraph.
    text = (
        "“Since our chiefs are soft, I warned this would come. We cannot keep being "
        "so lax.”\n\n"
        "Marrow, speaking at the harbour office on Sunday, said the collapse in which "
        "five people were hurt is being treated as an “act of negligence.”"
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "the collapse")
    assert quote.speaker == "Ana Marrow"
    assert find(direct(quotes), "act of negligence").speaker == "Ana Marrow"


def test_an_act_after_a_preposition_is_the_main_subjects(nlp: Language) -> None:
    text = (
        'Two days after telling journalists that he\'s "done discussing the ferry deal," '
        "Edvin Rask spoke again Wednesday on the ferry contract."
    )
    quote = find(quotes_of(nlp, text), "done discussing")
    assert quote.speaker == "Edvin Rask"


def test_criticised_for_saying_is_not_the_critics_statement(nlp: Language) -> None:
    text = "Dockers criticised Edvin Rask on Monday for saying that fares would rise."
    quotes = quotes_of(nlp, text)
    assert all(q.speaker_mention != "Dockers" for q in quotes)


def test_went_so_far_as_to_claim(nlp: Language) -> None:
    text = (
        "The transport minister went so far as to claim Rask should “step down” for "
        "ignoring the report."
    )
    quote = find(quotes_of(nlp, text), "step down")
    assert quote.speaker == "Teodor Halvik"


def test_reiterated_attributes_a_split_quote(nlp: Language) -> None:
    text = '"It was a joke," Rask reiterated. "Nobody on the ferry was ever in danger."'
    quotes = direct(quotes_of(nlp, text))
    assert find(quotes, "It was a joke").speaker == "Edvin Rask"
    assert find(quotes, "Nobody on the ferry").speaker == "Edvin Rask"


def test_what_someone_did_not_say_is_no_statement(nlp: Language) -> None:
    text = (
        "Marrow said the flood is being examined as sabotage, though she did not say "
        "whether the breach was tied to the strike."
    )
    quotes = quotes_of(nlp, text)
    assert find(indirect(quotes), "the flood is being examined").speaker == "Ana Marrow"
    # The clause "said" reports holds the whole rest of the sentence; what she did not
    # say is no statement of its own.
    assert not any(q.text.startswith("the breach was tied") for q in quotes)


def test_a_dateline_read_as_the_subject_gives_way_to_the_name(nlp: Language) -> None:
    text = (
        "BRNO — Minister Teodor Halvik, hoping to end an odd affair that is clouding "
        "his bid to become mayor of Kelmar, denied on Tuesday that he wrote the note."
    )
    quote = find(indirect(quotes_of(nlp, text)), "he wrote the note")
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
        'In an emailed statement, Rask stated, "the plan must stop. This is the newest '
        'sign of a council that despises the harbour. "Rask is referring to a memo in '
        'which Halvik asked agencies to "review and cut" ferry subsidies.'
    )
    quotes = quotes_of(nlp, text)
    quote = find(direct(quotes), "newest sign")
    assert quote.speaker == "Edvin Rask"
    assert "referring" not in quote.text
    assert_offsets(text, quotes)
