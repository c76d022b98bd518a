"""Interview transcripts (issue 12): after "She told us the following:", an
interview's question lines were read as one direct quote of hers, so the interviewer's
question was credited to her (and paired with other outlets' statements). The
questions are nobody's quote now; her answers are hers. Invented texts; names resolve
through the real resolver."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Quote
from tests.test_quotes import assert_offsets, nlp

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

LEAD = (
    "Mara Vell, a harbour pilot from Sarnow, spoke to the Gazette after the inquiry. "
    "She told us the following:"
)
QUESTION = "Did anyone warn you about the crane before the shift began?"
ANSWER = "Nobody said a word to us. We found out when the alarm went off."
QUESTION_2 = "Will you go back to work at the pier next week?"
ANSWER_2 = "Not until the port authority tells us what failed."


def resolved(nlp: Language, text: str) -> list[Quote]:
    doc: Doc = nlp(text)
    quotes = extract_quotes(doc, resolve_names(doc))
    assert_offsets(text, quotes)
    return quotes


def _assert_answers_only(quotes: list[Quote], speaker: str = "Mara Vell") -> None:
    assert not [q for q in quotes if "warn you" in q.text or "go back to work" in q.text]
    answers = [q for q in quotes if q.text in (ANSWER, ANSWER_2)]
    assert [q.text for q in answers] == [ANSWER, ANSWER_2]
    assert {q.speaker for q in answers} == {speaker}
    assert all(q.direct for q in answers)
    assert answers[0].group != answers[1].group  # two answers, two statements


def test_questions_and_answers_in_quote_marks(nlp: Language) -> None:
    text = f'{LEAD}\n"Q: {QUESTION}\nA: {ANSWER}\nQ: {QUESTION_2}\nA: {ANSWER_2}"'
    _assert_answers_only(resolved(nlp, text))


def test_questions_and_answers_as_paragraphs(nlp: Language) -> None:
    text = f"{LEAD}\n\nQ: {QUESTION}\n\nA: {ANSWER}\n\nQ: {QUESTION_2}\n\nA: {ANSWER_2}"
    _assert_answers_only(resolved(nlp, text))


def test_questions_and_answers_run_into_one_paragraph(nlp: Language) -> None:
    text = f"{LEAD} Q: {QUESTION} A: {ANSWER} Q: {QUESTION_2} A: {ANSWER_2}"
    _assert_answers_only(resolved(nlp, text))


def test_answers_to_a_lead_in_that_asks_are_the_one_asked(nlp: Language) -> None:
    text = (
        "Mara Vell has piloted ships into Sarnow for twenty years. The Gazette asked "
        f"her about the night of the accident:\n\nQuestion: {QUESTION}\n\nAnswer: {ANSWER}"
        f"\n\nQuestion: {QUESTION_2}\n\nAnswer: {ANSWER_2}"
    )
    _assert_answers_only(resolved(nlp, text))


def test_an_answer_over_two_paragraphs_is_one_statement(nlp: Language) -> None:
    more = "We had no lights on the crane that night, and nobody came to check them."
    after = "The port authority said on Friday that its engineers were still at work."
    text = (
        f"{LEAD}\n\nQ: {QUESTION}\n\nA: {ANSWER}\n\n{more}\n\nQ: {QUESTION_2}\n\n"
        f"A: {ANSWER_2}\n\n{after}"
    )
    quotes = resolved(nlp, text)
    first = next(q for q in quotes if q.text == ANSWER)
    carried = next(q for q in quotes if q.text == more)
    assert (carried.speaker, carried.group) == ("Mara Vell", first.group)
    # The paragraph after the last answer is the article again.
    assert next(q for q in quotes if "engineers" in q.text).speaker != "Mara Vell"


def test_a_report_inside_a_question_stays_its_speakers(nlp: Language) -> None:
    question = "Tomas Brenner says the crane was inspected in May. Do you believe him?"
    text = f"{LEAD}\n\nQ: {question}\n\nA: {ANSWER}\n\nQ: {QUESTION_2}\n\nA: {ANSWER_2}"
    quotes = resolved(nlp, text)
    report = next(q for q in quotes if "inspected in May" in q.text)
    assert (report.speaker, report.direct) == ("Tomas Brenner", False)
    assert not [q for q in quotes if "believe him" in q.text]


def test_named_turns_are_their_labels(nlp: Language) -> None:
    text = f"{LEAD}\n\nGazette: {QUESTION}\n\nVell: {ANSWER}"
    quotes = resolved(nlp, text)
    question = next(q for q in quotes if "warn you" in q.text)
    answer = next(q for q in quotes if q.text == ANSWER)
    assert question.speaker != "Mara Vell"
    assert question.speaker_mention == "Gazette"
    assert answer.speaker == "Mara Vell"


def test_a_question_with_no_one_introducing_it_is_nobodys_quote(nlp: Language) -> None:
    text = (
        "The interview below has been edited for length and clarity.\n\n"
        f'Q: "{QUESTION}"\n\nA: {ANSWER}'
    )
    assert not [q for q in resolved(nlp, text) if "warn you" in q.text]


def test_labels_that_are_no_exchange_change_nothing(nlp: Language) -> None:
    # One "Q:" line with no answer, and headings with a colon, are no transcript: the
    # quote after the lead-in keeps its speaker.
    text = (
        f'{LEAD}\n\n"Nobody warned us about the crane," Vell said.\n\n'
        "Correction: An earlier version misspelled the pier's name.\n\n"
        "Update: The port reopened on Monday."
    )
    quote = next(q for q in resolved(nlp, text) if "Nobody warned" in q.text)
    assert quote.speaker == "Mara Vell"


def test_a_reporters_paragraph_between_turns_is_no_answer(nlp: Language) -> None:
    # A paragraph holding its own attribution is the reporter's narration: its quote
    # keeps its speaker, and its sentences are nobody's quote.
    narration = 'The mayor, Tom Brandt, disagrees. "The crews were told twice," he said.'
    text = (
        f"{LEAD}\n\nQ: {QUESTION}\n\nA: {ANSWER}\n\n{narration}\n\nQ: {QUESTION_2}\n\nA: {ANSWER_2}"
    )
    quotes = resolved(nlp, text)
    assert next(q for q in quotes if "told twice" in q.text).speaker == "Tom Brandt"
    assert not [q for q in quotes if "disagrees" in q.text]
    _assert_answers_only(quotes)


def test_an_answer_to_a_question_addressing_someone_else_is_not_the_lead_ins(
    nlp: Language,
) -> None:
    text = (
        "Mara Vell and her colleague Jon Ekdahl spoke to the Gazette. Vell told us the "
        f"following:\n\nQ: {QUESTION}\n\nA: {ANSWER}\n\nQ: Mr Ekdahl, do you agree?\n\n"
        "A: I was warned, but I ignored it."
    )
    quotes = resolved(nlp, text)
    assert next(q for q in quotes if q.text == ANSWER).speaker == "Mara Vell"
    ekdahl = [q for q in quotes if "ignored it" in q.text]
    assert all(q.speaker in (None, "Jon Ekdahl") for q in ekdahl)


def test_a_lead_in_naming_the_interviewer_or_a_third_person_credits_no_one(
    nlp: Language,
) -> None:
    for lead in (
        "Gazette reporter Jon Ekdahl interviewed the pilot, Mara Vell, on Friday. He writes:",
        "In an interview, the pilot Mara Vell described what the mayor, Tom Brandt, told her:",
    ):
        quotes = resolved(nlp, f"{lead}\n\nQ: {QUESTION}\n\nA: {ANSWER}")
        answer = [q for q in quotes if ANSWER in q.text]
        assert all(q.speaker in (None, "Mara Vell") for q in answer), lead
