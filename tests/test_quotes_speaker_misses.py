"""Speakers given to the wrong person on real reporting (PolNeAR dev, the BASIL gold's
calibration and development stories, issue 12), rewritten here as invented sentences:
an object's infinitive, a pronoun answering a question, a pronoun a possessive name
binds, two people of one surname, a description resolved to a name only a quote
holds, a body's addressee, a dash or a clause of time read as the speaker's place.
Names resolve through the :class:`tests.test_quotes.FakeNames` cast, or through the
real resolver where the case is about it."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.analyze.aliases import AliasTable, DescribedPeople, Description
from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quote_subjects import name_part
from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Quote
from tests.test_quotes import assert_offsets, direct, find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def resolved(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, resolve_names(doc))


# --- whose act an infinitive is -------------------------------------------------------


def test_an_infinitive_after_a_person_object_is_the_objects_act(nlp: Language) -> None:
    text = (
        "The remarks prompted Halvik to ask Rask if he had staff on the pier. The "
        "committee also forced Rask, who was testifying under oath, to admit that no "
        "harbour managers had been dismissed."
    )
    quotes = indirect(quotes_of(nlp, text))
    assert find(quotes, "he had staff").speaker == "Teodor Halvik"
    assert find(quotes, "no harbour managers").speaker == "Edvin Rask"
    assert_offsets(text, quotes)


def test_an_infinitive_after_a_thing_is_still_the_subjects(nlp: Language) -> None:
    text = "Kostanj took the opportunity to say that the pier was safe."
    assert find(indirect(quotes_of(nlp, text)), "the pier was safe").speaker == "Mirela Kostanj"


# --- pronouns -----------------------------------------------------------------------------


def test_a_pronoun_after_a_question_is_the_one_asked(nlp: Language) -> None:
    text = (
        'Host Teodor Halvik asked Rask, "Have you read every ledger?" His answer: '
        '"Well, I have clerks who have been reading them."\n\n'
        "The reply led Halvik to ask Rask whether he kept clerks at the pier checking "
        'the tallies. He indicated he did, saying, "And they are stunned by every '
        'page."'
    )
    quotes = direct(quotes_of(nlp, text))
    assert find(quotes, "every ledger").speaker == "Teodor Halvik"
    assert find(quotes, "I have clerks").speaker == "Edvin Rask"
    assert find(quotes, "stunned by every").speaker == "Edvin Rask"


def test_a_pronoun_that_asks_goes_on_as_the_asker(nlp: Language) -> None:
    text = 'Halvik asked Rask about the pier. He then asked, "And what about the ferry?"'
    assert find(direct(quotes_of(nlp, text)), "the ferry").speaker == "Teodor Halvik"


def test_a_possessive_name_binds_the_subject_of_a_clause_of_time(nlp: Language) -> None:
    text = (
        '"She has done nothing wrong," Vell wrote to the committee.\n\n'
        "The hearing would have been Kostanj's first public appearance since she "
        "apologized for the agency's handling of the permits."
    )
    quote = find(indirect(quotes_of(nlp, text)), "handling of the permits")
    assert quote.speaker == "Mirela Kostanj"


def test_a_possessive_inside_a_fronted_clause_binds_nothing(nlp: Language) -> None:
    text = (
        "Marrow spoke to reporters on Monday. Asked about Kostanj's remarks, she said the "
        "committee had been unfair."
    )
    quote = find(indirect(quotes_of(nlp, text)), "had been unfair")
    assert quote.speaker == "Ana Marrow"


# --- names and descriptions --------------------------------------------------------------


def test_a_surname_means_the_person_the_namesakes_clause_describes(nlp: Language) -> None:
    text = (
        "Once she was done, Hill brought forward Mark Lindqvist, whose 9-year-old daughter, Elin "
        "Lindqvist, was injured in May with three classmates. Lindqvist thanked "
        'the council "for putting real effort and funds into a scheme like this."'
    )
    quote = find(direct(resolved(nlp, text)), "putting real effort")
    assert quote.speaker == "Mark Lindqvist"


def test_a_description_is_not_a_person_named_only_inside_a_quote(nlp: Language) -> None:
    text = (
        "“I cannot picture him at the desk of President Oslund and President Maren,” "
        "Mr. Castellano said.\n\n"
        "Before his trip, Mr. Brandt answered Mr. Castellano’s jibes, "
        "remarking online that the former Valdorian president had once proposed that "
        "he come to the country himself."
    )
    quotes = [q for q in indirect(resolved(nlp, text)) if q.text.startswith("he come")]
    quote = quotes[0]
    assert quote.speaker_mention == "the former Valdorian president"
    assert quote.speaker is not None and "Castellano" in quote.speaker


def test_a_description_naming_the_nation_beats_one_that_names_none() -> None:
    table = AliasTable.default()
    directory = DescribedPeople(
        {
            "Lena Sorvik": (Description("president", frozenset({"valdoria"})),),
            "Otto Brem": (Description("president"),),
        },
        {"Lena Sorvik": (0,), "Otto Brem": (50,)},
        table,
    )
    query = Description.parse("the Valdorian president")
    assert query is not None
    assert directory.resolve(query, 100) == "Lena Sorvik"
    # With no one tied to the nation, an unknown nationality still passes.
    assert directory.resolve(Description.parse("the Kelsan president") or query, 100) == "Otto Brem"


def test_a_bodys_addressee_does_not_speak(nlp: Language) -> None:
    text = "The letter to Senator Ana Marrow says the agency erred."
    quote = find(indirect(quotes_of(nlp, text)), "the agency erred")
    assert quote.speaker != "Ana Marrow"


# --- what the parser takes for the speaker's place -------------------------------------


def test_a_dash_read_as_a_subject_does_not_speak(nlp: Language) -> None:
    text = (
        "When Laura Hill pointed out that Tom Becker has at times owed nothing in mooring "
        "dues ― as was the case in the two winters his accounts were leaked ― Becker "
        'boasted, "That shows I\'m shrewd."'
    )
    quote = find(direct(quotes_of(nlp, text)), "shows I'm shrewd")
    assert quote.speaker_mention == "Becker"


def test_a_clause_of_time_after_a_quote_does_not_attribute_it(nlp: Language) -> None:
    text = (
        "The spot ends with footage of Rask saying at the forum last Tuesday, "
        '"That shows I\'m shrewd," when Kostanj criticised him for skipping dues.'
    )
    assert find(direct(quotes_of(nlp, text)), "shows I'm shrewd").speaker == "Edvin Rask"


def test_a_participle_after_a_reporting_relative_clause_is_the_sentences(
    nlp: Language,
) -> None:
    text = (
        "Rask grew testy when asked to explain not paying a painter who said he was "
        'shortchanged after he painted a barn at one of the estates, saying, "Perhaps his '
        'work was sloppy."'
    )
    assert find(direct(quotes_of(nlp, text)), "work was sloppy").speaker == "Edvin Rask"


def test_an_indefinite_apposition_is_no_name(nlp: Language) -> None:
    text = (
        "Rask said on Sunday that the pier would reopen.\n\n"
        "The governor, a Unionist, told the Harbour Star that he was surprised by the "
        "reaction."
    )
    quote = find(indirect(quotes_of(nlp, text)), "surprised by the reaction")
    assert quote.speaker_mention == "The governor"
    assert quote.speaker == "Edvin Rask"


def test_a_name_after_a_description_is_the_speakers_name(nlp: Language) -> None:
    text = (
        "Shipping magnate Donald Brandt said on Thursday that he had doubts about the "
        "harbour plan. Brandt later told reporters the council should resign."
    )
    quote = find(indirect(resolved(nlp, text)), "doubts about the harbour plan")
    assert quote.speaker_mention == "Shipping magnate Donald Brandt"
    assert quote.speaker == "Donald Brandt"


def test_a_description_that_replies_is_not_the_asker(nlp: Language) -> None:
    text = (
        'Rask walks up to the camera and asks, "Who are you?" He then grabs the '
        "boy's sleeve and asks for his name. The cameraman replies, "
        '"We only film the pier."'
    )
    quote = find(direct(quotes_of(nlp, text)), "only film the pier")
    assert quote.speaker_mention == "The cameraman"
    assert quote.speaker != "Edvin Rask"


def test_an_initial_tagged_as_a_noun_carries_a_dashed_name_on(nlp: Language) -> None:
    words = ["Julie", "A.", "Marsh", "and", "A.", "."]
    doc = Doc(nlp.vocab, words=words, pos=["PROPN", "NOUN", "PROPN", "CCONJ", "NOUN", "PUNCT"])
    assert name_part(doc[1])
    assert not name_part(doc[4])  # no name word after it


def test_a_title_ending_a_description_is_a_role_not_a_name(nlp: Language) -> None:
    text = (
        "Sheriff Joe Marlow, who calls himself Valdoria's Sternest Sheriff, endorsed Brandt "
        "on Monday.\n\nThe self-styled Sternest Sheriff said that Brandt has achieved more to "
        "guard the docks than any rival."
    )
    quote = find(indirect(resolved(nlp, text)), "Brandt has achieved more")
    assert quote.speaker == "Joe Marlow"


def test_a_thing_that_suggests_inside_a_report_is_not_the_source(nlp: Language) -> None:
    text = (
        "City Attorney Ana Marrow said in her notice that the poster "
        "“plainly and falsely” suggests that the harbour police back the plan.\n\n"
        "Halvik, opening the museum on Sunday, said the exhibit would tell a story of ''hope and "
        "loss, of fear and of courage, of leaving home and finding it.''"
    )
    quotes = direct(quotes_of(nlp, text))
    assert find(quotes, "plainly and falsely").speaker == "Ana Marrow"
    assert find(quotes, "hope and loss").speaker == "Teodor Halvik"


def test_according_to_a_speech_someone_delivered_is_that_persons(nlp: Language) -> None:
    text = (
        "The aim is to rein in ''predatory'' landlords, according to a speech Ms. Marrow "
        "delivered at the college in March. The plan will fail, according to a report "
        "that the council released."
    )
    quotes = quotes_of(nlp, text)
    assert find(indirect(quotes), "rein in").speaker == "Ana Marrow"
    assert find(indirect(quotes), "plan will fail").speaker_mention == "a report"
