"""Broadcast transcripts (issue 12): turns labelled with a speaker's name in capitals
("HALVORSEN: …", "SEN. VARGA: …") are each their label's words, the host's questions
included; a list of items in capitals and an editor's note are no transcript.
Invented texts; names resolve through the real resolver."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Quote
from tests.test_quotes import assert_offsets, nlp

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

LEAD = (
    "On Sunday's edition of the Harbour Hour, Senator Ilse Varga was asked about the ferry strike."
)
HOST_1 = "Senator, will the ferries run again before the holidays?"
GUEST_1 = "They will, if the port board pays the crews what it promised them in May."
HOST_2 = "And if the board refuses to pay?"
GUEST_2 = "Then I will bring the matter to the full chamber next week."


def _quotes(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    quotes = extract_quotes(doc, resolve_names(doc))
    assert_offsets(text, quotes)
    return quotes


def _turns(quotes: list[Quote]) -> dict[str, tuple[str | None, str | None]]:
    return {
        q.text: (q.speaker, q.speaker_mention)
        for q in quotes
        if q.text in (HOST_1, GUEST_1, HOST_2, GUEST_2)
    }


def test_turns_in_capitals_are_their_labels(nlp: Language) -> None:
    text = (
        f"{LEAD}\n\nPartial transcript as follows:\n\nHALVORSEN: {HOST_1}\n\n"
        f"VARGA: {GUEST_1}\n\nHALVORSEN: {HOST_2}\n\nVARGA: {GUEST_2}"
    )
    turns = _turns(_quotes(nlp, text))
    assert turns[GUEST_1][0] == turns[GUEST_2][0] == "Ilse Varga"
    assert turns[HOST_1][1] == turns[HOST_2][1] == "HALVORSEN"
    assert turns[HOST_1][0] != "Ilse Varga"


def test_turns_in_capitals_with_titles_and_no_lead_in(nlp: Language) -> None:
    text = (
        f"{LEAD}\n\nHALVORSEN: {HOST_1}\n\nSEN. VARGA: {GUEST_1}\n\n"
        f"HALVORSEN: {HOST_2}\n\nSEN. VARGA: {GUEST_2}"
    )
    turns = _turns(_quotes(nlp, text))
    assert turns[GUEST_1][0] == turns[GUEST_2][0] == "Ilse Varga"
    assert turns[HOST_2][1] == "HALVORSEN"


def test_turns_in_quote_marks_opening_each_paragraph(nlp: Language) -> None:
    text = (
        f"{LEAD}\n\nPartial transcript as follows:\n\n“HALVORSEN: {HOST_1}\n\n"
        f"“VARGA: {GUEST_1}\n\n“HALVORSEN: {HOST_2}\n\n“VARGA: {GUEST_2}”"
    )
    turns = _turns(_quotes(nlp, text))
    assert turns[GUEST_2][0] == "Ilse Varga"
    assert turns[HOST_1][1] == "HALVORSEN"


def test_a_list_of_items_in_capitals_is_no_transcript(nlp: Language) -> None:
    text = (
        f"{LEAD}\n\nThe board's offer, port by port:\n\nSARNOW: A rise of four percent "
        "for every crew.\n\nKELMAR: A rise of two percent and a bonus in June.\n\n"
        "DUNMORE: No rise until the accounts are audited."
    )
    assert not [q for q in _quotes(nlp, text) if q.cue == ":"]


def test_notes_in_capitals_are_no_transcript(nlp: Language) -> None:
    text = (
        f"{LEAD}\n\nUPDATE: The strike ended on Monday.\n\nCORRECTION: An earlier "
        "version misspelled the port's name.\n\nUPDATE: The ferries ran on Tuesday."
    )
    assert not [q for q in _quotes(nlp, text) if q.cue == ":"]


def test_labels_of_no_person_are_no_transcript(nlp: Language) -> None:
    # Formats news uses every day (review s30/1, F1): the reporter's own words after a
    # repeated label in capitals are nobody's quote.
    for body in (
        'TRUMP: "We built the best economy in history."\n\nTHE FACTS: Not true. Growth '
        'was faster under earlier presidents.\n\nBIDEN: "We created more jobs than '
        'anyone."\n\nTHE FACTS: That is misleading. Most jobs came back after the '
        "pandemic.",
        "PROS: Lower taxes for small firms.\n\nCONS: Fewer police officers.\n\nPROS: "
        "More money for parks.\n\nCONS: Higher fees for parking.",
        "WINNER: Tom Berg, who took 60 percent.\n\nLOSER: Ana Holt, who took 30 "
        "percent.\n\nWINNER: Jo Lind, who won by ten votes.\n\nLOSER: Sam Roe, who "
        "conceded at midnight.",
        "ARSENAL: 2 goals, Saka and Rice.\n\nCHELSEA: 1 goal, Palmer.\n\nARSENAL: Top "
        "of the table again.\n\nCHELSEA: Fourth.",
        "GOAL: Saka scores from the edge of the box.\n\nYELLOW CARD: Rice is booked for "
        "a late tackle.\n\nGOAL: Palmer equalises with a header.",
    ):
        quotes = _quotes(nlp, f"{LEAD}\n\n{body}")
        # The candidates' own words, in quote marks, stay theirs; nothing else is quoted.
        assert all(q.speaker_mention in ("TRUMP", "BIDEN") for q in quotes if q.cue == ":")
        assert all('"' + q.text in body for q in quotes if q.cue == ":"), body


def test_a_label_the_text_writes_as_a_common_word_is_no_speaker(nlp: Language) -> None:
    text = (
        f"{LEAD}\n\nThe winner of the vote will chair the board.\n\nVARGA: {GUEST_1}\n\n"
        f"WINNER: {HOST_1}\n\nVARGA: {GUEST_2}\n\nWINNER: {HOST_2}"
    )
    assert not [q for q in _quotes(nlp, text) if q.cue == ":"]


def test_a_role_label_keeps_the_debate_a_transcript(nlp: Language) -> None:
    # Review s30/3 F2: one "MODERATOR:" threw away every turn of the debate.
    text = (
        "Senator Ilse Varga and Governor Mark Rehn met on Monday in Denver for the only "
        "debate of the race.\n\n"
        "MODERATOR: Senator, your answer?\n\nVARGA: We will raise the crews' wages.\n\n"
        "REHN: They will raise the port fees.\n\nMODERATOR: Mr Rehn, thirty seconds.\n\n"
        "REHN: Fees will go up under her plan."
    )
    turns = {q.text: q.speaker for q in _quotes(nlp, text) if q.cue == ":"}
    assert turns["We will raise the crews' wages."] == "Ilse Varga"
    assert turns["They will raise the port fees."] == "Mark Rehn"
    assert turns["Fees will go up under her plan."] == "Mark Rehn"
    # The moderator's turns are quotes of nobody the text names.
    assert turns["Senator, your answer?"] is None
    assert turns["Mr Rehn, thirty seconds."] is None


def test_an_unidentified_speaker_keeps_the_cable_transcript(nlp: Language) -> None:
    text = (
        f"{LEAD} The host, Anja Halvorsen, pressed her.\n\nHALVORSEN: {HOST_1}\n\n"
        f"UNIDENTIFIED MALE: Never, I think.\n\nVARGA: {GUEST_1}\n\n"
        f"HALVORSEN: {HOST_2}\n\nVARGA: {GUEST_2}"
    )
    quotes = _quotes(nlp, text)
    turns = _turns(quotes)
    assert turns[GUEST_1][0] == turns[GUEST_2][0] == "Ilse Varga"
    assert turns[HOST_1][0] == turns[HOST_2][0] == "Anja Halvorsen"
    assert [q.speaker for q in quotes if q.text == "Never, I think."] == [None]


def test_a_role_label_among_labels_of_no_person_is_no_transcript(nlp: Language) -> None:
    text = (
        f"{LEAD}\n\nMODERATOR: Here are the results.\n\nWINNER: {GUEST_1}\n\n"
        f"MODERATOR: And the other side.\n\nLOSER: {GUEST_2}\n\nWINNER: {HOST_2}"
    )
    assert not [q for q in _quotes(nlp, text) if q.cue == ":"]
