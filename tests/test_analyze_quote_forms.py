"""Quote forms of real reporting the extractor dropped or misattributed, on invented
text: a dateline read as a second subject, a headline joined to the speaker, a name
before a bracketed clause, mistyped quote marks, a cue set inside the clause it
reports. Each was read off the BASIL calibration and development golds' misses
(``eval/basil_gold.py --errors``). And the limits of two of those readings a review
found: an inverted cue ("Her comments, said Jonas Vell, are …") is no licence for the
addressee or the reported clause's subject to speak, and a block quote's lead-in that
names another source passes no speaker on.
"""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.quote_marks import find_quote_spans
from tests.test_quotes import assert_offsets, direct, find, indirect, nlp, quotes_of

__all__ = ["nlp"]


def test_a_dateline_beside_the_subject_does_not_speak(nlp: Language) -> None:
    # The parser hangs both "BRNO" and "Rask" on "said" as subjects.
    text = (
        "BRNO -- Harbour magnate Edvin Rask said Friday he is unsure whether "
        "the ferry was built in Kelmar and has dispatched inspectors to the port to "
        "find out."
    )
    quote = find(indirect(quotes_of(nlp, text)), "he is unsure")
    assert quote.speaker == "Edvin Rask"
    assert quote.speaker_mention is not None and "BRNO" not in quote.speaker_mention


def test_a_headline_is_no_part_of_the_speaker(nlp: Language) -> None:
    text = (
        "Councillors challenge Halvik claims on budget cuts, ferry cable\n\n"
        "Councillors are disputing a string of remarks made by Minister Teodor "
        "Halvik during Wednesday's long hearing -- claiming that warnings about "
        "a shortage of dredgers are overblown."
    )
    quotes = quotes_of(nlp, text)
    quote = find(indirect(quotes), "warnings about a shortage of dredgers")
    assert quote.speaker_mention is not None and "\n" not in quote.speaker_mention
    assert quote.speaker_mention == "Councillors"
    assert_offsets(text, quotes)


def test_a_name_before_a_relative_clause_speaks(nlp: Language) -> None:
    # The parser reads "Halvik" as the attribute of the fronted "how serious his
    # bid for mayor is" and leaves "said" without a subject.
    text = (
        "Asked on the radio how serious his bid for mayor is, Halvik, who "
        "would have to give up his stake in the Ardmoor shipyard to lead "
        "Kelmar, said, \"I treat every race with care, but I've never cared "
        "this much. I'd rather not have to run.\""
    )
    quote = find(direct(quotes_of(nlp, text)), "I treat every race with care")
    assert quote.speaker == "Teodor Halvik"
    assert quote.cue == "said"


def test_a_name_before_a_participle_phrase_speaks(nlp: Language) -> None:
    text = (
        "At the May 9 rally, which anyone can watch online, Kostanj, "
        'speaking for dockers back from the strike, plainly says, "We found '
        'out a great deal in the years I spent on the Sarnow quays."'
    )
    quote = find(direct(quotes_of(nlp, text)), "We found out")
    assert quote.speaker == "Mirela Kostanj"


def test_a_doubled_opening_mark_opens_once() -> None:
    text = (
        '""The strike taught us one thing above all," Ms. Kostanj said to '
        'the crowd assembled in Lorvik in March. "You are proof of it."'
    )
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The strike taught us one thing above all,",
        "You are proof of it.",
    ]


def test_a_doubled_opening_mark_keeps_the_speaker(nlp: Language) -> None:
    text = (
        "Here is an excerpt from the report:\n\n"
        '""The strike taught us one thing above all," Ms. Kostanj said to '
        'the crowd assembled in Lorvik in March. "You are proof of it. We owe the '
        'dockers our support."'
    )
    quotes = direct(quotes_of(nlp, text))
    first = find(quotes, "The strike taught us")
    assert first.speaker == "Mirela Kostanj"
    assert '"' not in first.text
    assert find(quotes, "We owe the dockers").speaker == "Mirela Kostanj"


def test_a_single_opener_closed_by_a_double_mark() -> None:
    text = (
        "\"The east bank wants a bridge,\" he added later on. 'The west bank won't "
        'pay for one. Neither side will give way."'
    )
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The east bank wants a bridge,",
        "The west bank won't pay for one. Neither side will give way.",
    ]


def test_an_apostrophe_inside_a_sentence_opens_no_quote() -> None:
    # A stray closing mark after an apostrophe-led word is no mistyped quote.
    text = "The harbour of the '90s was busier, Rask said.\" The ferry runs daily."
    assert find_quote_spans(text) == []


def test_a_quote_ending_a_sentence_keeps_its_own_cue(nlp: Language) -> None:
    # '"…." He later apologized' would hand the quote to the next sentence's verb.
    text = (
        "Last spring, Rask lashed out at Halvik in a heated tirade, promising "
        'that the town would "never fund that silly bridge." He then said sorry, '
        "and even asked Halvik to visit the port."
    )
    quote = find(direct(quotes_of(nlp, text)), "never fund that silly bridge")
    assert quote.cue == "promising"
    assert quote.speaker == "Edvin Rask"


def test_a_quote_opening_its_sentence_still_takes_the_next(nlp: Language) -> None:
    text = (
        'Halvik spoke first. "We will not back down on the bridge." Rask said. '
        '"The town deserves better."'
    )
    quote = find(direct(quotes_of(nlp, text)), "We will not back down")
    assert quote.speaker == "Edvin Rask"


def test_a_cue_set_inside_the_clause_it_reports(nlp: Language) -> None:
    text = (
        "Edvin Rask spoke to the dockers on Saturday. The chief worry, he said, is the "
        "harbour tax, which the council must end."
    )
    quote = find(indirect(quotes_of(nlp, text)), "The chief worry")
    assert quote.speaker == "Edvin Rask"
    assert "harbour tax" in quote.text


def test_a_subject_written_before_the_cue(nlp: Language) -> None:
    text = (
        "Edvin Rask spoke to the dockers on Saturday. Favouritism, he told the "
        "Harbour Workers Conference, is a rot that must be rooted out of the port."
    )
    quote = find(indirect(quotes_of(nlp, text)), "is a rot")
    assert quote.text.startswith("Favouritism")
    assert quote.speaker == "Edvin Rask"


def test_a_block_after_a_lead_in_without_a_speaker(nlp: Language) -> None:
    # "Read the entire rant:" names no speaker; the rant is the one just reported.
    text = (
        'Mirela Kostanj, the union leader, wrote that the two ministers should "learn '
        'some manners" and, above everything, "stop yawning" at harbour '
        "events.\n\nRead the entire rant in the Kelmar Courier:\n\nDear ministers, "
        "you may both be fresh in office, but you serve the public now, so mind your "
        "manners. If nothing else, try to stay awake.\n\nThe ministers join the "
        "ceremony every year."
    )
    quotes = quotes_of(nlp, text)
    block = find(direct(quotes), "Dear ministers")
    assert block.speaker == "Mirela Kostanj"
    assert block.group != find(indirect(quotes), "the two ministers should").group
    assert_offsets(text, quotes)


def test_a_block_after_an_unrelated_paragraph_has_no_speaker(nlp: Language) -> None:
    text = (
        'Mirela Kostanj said the strike "will go on."\n\nThe port closed early on '
        "Friday.\n\nRead the full notice:\n\nAll berths stay shut until the strike ends "
        "and ships must wait at anchor."
    )
    block = find(direct(quotes_of(nlp, text)), "All berths stay shut")
    assert block.speaker is None


def test_a_name_apposed_to_the_descriptions_object_speaks(nlp: Language) -> None:
    # The parser hangs "Jonas Vell" on "Mr. Halvik", not on "A lawyer".
    text = (
        "A lawyer for Mr. Halvik, Jonas Vell of Brandt Kessel, confirmed in a statement "
        "that the port authority meant to sue his client over the ferry."
    )
    quote = find(indirect(quotes_of(nlp, text)), "the port authority meant")
    assert quote.speaker == "Jonas Vell"
    assert quote.speaker_mention == "Jonas Vell"


def test_a_clause_of_time_after_said_reports_nothing(nlp: Language) -> None:
    # "before he died" is read as the complement of "said": when, not what, he said.
    text = (
        'She held a banner bearing the words "Keep the ferry running," as Edvin Rask, lying '
        "hurt on the quay in Lorvik, said before he died."
    )
    assert not [q for q in indirect(quotes_of(nlp, text)) if "died" in q.text]


def test_a_split_quote_around_its_cue_is_no_indirect_clause(nlp: Language) -> None:
    text = (
        'Edvin Rask spoke at the port. "My wish," he said, "is that as a retired '
        'captain I might get some say over the harbour."'
    )
    quotes = quotes_of(nlp, text)
    assert not indirect(quotes)
    assert find(direct(quotes), "is that as a retired captain").speaker == "Edvin Rask"


def test_an_inverted_cue_between_commas_is_the_named_persons(nlp: Language) -> None:
    # "His comments" is read as the subject of "said", the name as the subject of "are".
    text = (
        'His comments, said Jonas Vell, the council spokesman, are "fully in line '
        'with what the mayor has told us before."'
    )
    quotes = quotes_of(nlp, text)
    assert find(direct(quotes), "fully in line").speaker == "Jonas Vell"
    assert find(indirect(quotes), "are").text.startswith("His comments")


def test_a_statement_from_someone_speaks_as_its_author(nlp: Language) -> None:
    text = (
        '"We regret the council\'s ruling, though it comes as no shock," said '
        "the statement from Halvik's attorney, Jonas Vell. \"Since day one, the "
        'council has pursued a vendetta against Mr. Halvik."'
    )
    quotes = direct(quotes_of(nlp, text))
    assert find(quotes, "We regret the council").speaker == "Jonas Vell"
    assert find(quotes, "Since day one").speaker == "Jonas Vell"


def test_a_day_between_the_request_and_its_for(nlp: Language) -> None:
    text = "Edvin Rask called Tuesday for a ban on night crossings."
    quote = find(indirect(quotes_of(nlp, text)), "a ban on night crossings")
    assert quote.speaker == "Edvin Rask"
    assert quote.cue == "called"


def test_an_inverted_cue_clause_holds_its_cue_as_one_statement(nlp: Language) -> None:
    # One span cannot leave the cue out of "Her remarks ... are ...": as with "The chief
    # worry, he said, is ...", the cue stays inside, and the partial quote in it is
    # the same statement (one group).
    text = (
        'His comments, said Jonas Vell, the council spokesman, are "fully in line '
        'with what the mayor has told us before."'
    )
    quotes = quotes_of(nlp, text)
    clause = find(indirect(quotes), "His comments")
    partial = find(direct(quotes), "fully in line")
    assert clause.speaker == "Jonas Vell"
    assert clause.group == partial.group
    assert clause.start < partial.start and partial.end <= clause.end + 1


def test_an_inverted_cue_without_quote_marks(nlp: Language) -> None:
    text = (
        "Her remarks, said Jonas Vell, the council spokesman, are a mistake the town will regret."
    )
    quote = find(indirect(quotes_of(nlp, text)), "a mistake")
    assert quote.speaker == "Jonas Vell"
    assert quote.text.startswith("Her remarks")


def test_the_addressee_after_the_cue_does_not_speak(nlp: Language) -> None:
    # The parser reads "Edvin Rask" as a second subject of "told".
    text = '"We will not move," Kostanj, 44, told Edvin Rask, the mayor.'
    quote = find(direct(quotes_of(nlp, text)), "We will not move")
    assert quote.speaker == "Mirela Kostanj"


def test_the_object_of_the_cue_does_not_speak(nlp: Language) -> None:
    text = (
        "Mirela Kostanj spoke at the port. She, however, told Edvin Rask, the mayor, "
        "that the strike would go on."
    )
    quote = find(indirect(quotes_of(nlp, text)), "the strike would go on")
    assert quote.speaker == "Mirela Kostanj"
    assert quote.text == "the strike would go on"


def test_a_name_after_a_named_subjects_cue_opens_the_clause(nlp: Language) -> None:
    text = "Smith, a Democrat, said Jones, the incumbent, would lose the race."
    quote = find(indirect(quotes_of(nlp, text)), "would lose the race")
    assert quote.speaker == "Smith"
    assert quote.text == "Jones, the incumbent, would lose the race"


def test_a_name_after_a_bodys_cue_opens_the_clause(nlp: Language) -> None:
    # "however" between the subject and its comma: the subject is the verb's own.
    text = (
        "The harbour police, however, said Edvin Rask, the commander, was not at the "
        "port that night."
    )
    quote = find(indirect(quotes_of(nlp, text)), "was not at the port")
    assert quote.speaker_mention == "The harbour police"
    assert quote.text.startswith("Edvin Rask")


def test_a_named_clause_after_a_described_speaker_is_no_fronted_topic(
    nlp: Language,
) -> None:
    texts = (
        "Mirela Kostanj, co-chair of the harbour board, told Harbourline Edvin Rask was "
        "chosen for his record.",
        "Teodor Halvik (D-Lv.), who has endorsed Mirela Kostanj, said Edvin Rask has no chance.",
        "The harbour police, however, said Edvin Rask was not at the port.",
    )
    for text in texts:
        quote = find(indirect(quotes_of(nlp, text)), "Rask")
        assert quote.speaker_mention is not None
        assert quote.speaker_mention not in quote.text, text


def _block_after(lead: str) -> str:
    return (
        'Edvin Rask attacked the council. "It is a scandal," he said.\n\n'
        f"{lead}\n\nThe council regrets the decision of the harbour board and will "
        "appeal it in the courts."
    )


def test_a_lead_in_naming_another_source_passes_no_speaker_on(nlp: Language) -> None:
    for lead in (
        "Read the council's full statement:",
        "Here is the response from the council:",
        "Read Halvik's full statement:",
    ):
        text = _block_after(lead)
        quotes = quotes_of(nlp, text)
        assert find(direct(quotes), "It is a scandal").speaker == "Edvin Rask"
        assert find(direct(quotes), "The council regrets").speaker is None, lead
        assert_offsets(text, quotes)


def test_a_lead_in_naming_the_same_speaker_passes_him_on(nlp: Language) -> None:
    for lead in (
        "Read Rask's full statement:",
        "Read the full statement from Rask:",
        "Read the full text of his remarks:",
        "Read the rest of the statement on Facebook:",
    ):
        block = find(direct(quotes_of(nlp, _block_after(lead))), "The council regrets")
        assert block.speaker == "Edvin Rask", lead
