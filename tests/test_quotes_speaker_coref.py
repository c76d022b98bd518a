"""Speakers written as a role, a pronoun or a gerund's subject, found on real reporting
(the BASIL gold, issue 12: one outlet's statement got another speaker than the other
outlets') and rewritten here as invented sentences. Names resolve through the
:class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.quotes import extract_quotes
from newsprism.model import Entity
from tests.test_quotes import PEOPLE, FakeNames, direct, find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


class TypedNames(FakeNames):
    """The cast with entity types, as the real resolver gives them."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.entities = tuple(Entity(name, "PERSON", ()) for name in PEOPLE)


def test_a_capitalised_role_takes_up_the_person_named_before(nlp: Language) -> None:
    text = (
        "Kostanj carried the union ballot on Tuesday with room to spare.\n\n"
        "The Valdorian Democrat chatted with the press after the count, saying she "
        "feels “elated” at being returned."
    )
    quote = find(indirect(quotes_of(nlp, text)), "she feels")
    assert quote.speaker == "Mirela Kostanj"


def test_a_role_is_no_name_of_its_own(nlp: Language) -> None:
    text = (
        "Sheriff Edvin Rask backed the plan on Monday.\n\n"
        "The self-styled Sternest Sheriff said that Halvik has achieved more for the "
        "docks than any rival."
    )
    quote = find(indirect(quotes_of(nlp, text)), "Halvik has achieved more")
    assert quote.speaker == "Edvin Rask"


def test_a_description_naming_someone_else_is_not_the_last_speaker(nlp: Language) -> None:
    text = (
        "“We will cut the fares,” Halvik said on Monday.\n\n"
        "In response, the Rask campaign said that the plan would wreck the ferry service."
    )
    quotes = extract_quotes(nlp(text), TypedNames(text))
    quote = find(indirect(quotes), "the plan would wreck")
    assert quote.speaker != "Teodor Halvik"


def test_a_name_before_a_gerund_speaks(nlp: Language) -> None:
    text = (
        'The new spot "Tide" closes with Rask declaring, "hard work built this port. '
        'It can build her up once more."'
    )
    quote = find(direct(quotes_of(nlp, text)), "hard work built this port")
    assert quote.speaker == "Edvin Rask"


def test_him_before_a_gerund_is_the_pronouns_person(nlp: Language) -> None:
    text = (
        "Rask is running for the council. The clip spread quickly after video appeared "
        "of him warning that “a fisherman who never finished trade school” could chair the "
        "committee."
    )
    quote = find(quotes_of(nlp, text), "fisherman")
    assert quote.speaker == "Edvin Rask"


def test_a_participle_hung_on_the_paragraph_before_keeps_its_own_subject(
    nlp: Language,
) -> None:
    # "promising" is attached to the verb of the quote that closes the paragraph before.
    text = (
        "“It’s a plainly cynical ploy and I trust voters will soon see what lies behind "
        "Halvik,” he added. “It’s a foolish plan and I don’t see why it would last at "
        "all.”\n\n"
        "Last spring, Rask lashed out at Halvik in a profane tirade, "
        "vowing that the town would “never fund that bridge.”"
    )
    quote = find(indirect(quotes_of(nlp, text)), "never fund")
    assert quote.speaker == "Edvin Rask"


def test_a_name_read_as_a_noun_phrase_is_still_the_subject_for_he(nlp: Language) -> None:
    # The sentence is read as a noun phrase: "seized" a participle of "Rask".
    text = (
        "Halvik said nobody yet knew whether the pier was sabotaged.\n\n"
        "Within hours the collapse was a talking point in the race. Edvin Rask, "
        "the presumptive Harbour Party candidate, seized on the collapse as evidence of the "
        "town’s weakness in facing sabotage. He demanded that Marrow resign."
    )
    quote = find(indirect(quotes_of(nlp, text)), "Marrow resign")
    assert quote.speaker == "Edvin Rask"


def test_the_subject_of_a_that_clause_of_a_noun_is_not_he(nlp: Language) -> None:
    text = (
        "On Friday, Rask voiced astonishment that Minister Halvik would ask Marrow "
        "to the closed talks. He suggested that Marrow was only attending as one piece of a "
        "“desperate” plan."
    )
    quote = find(indirect(quotes_of(nlp, text)), "Marrow was only attending")
    assert quote.speaker == "Edvin Rask"


def test_a_titled_name_after_a_bodys_name_speaks(nlp: Language) -> None:
    # The parser makes "Association" the subject and the titled name its "for" object.
    text = (
        "The Harbour Association for Dockers President Mara O'Fallon said that the front "
        'page of the paper\'s weekend edition is "demeaning" and cited an old yardstick from '
        "the group's founder."
    )
    quote = find(indirect(quotes_of(nlp, text)), "the front page of the paper")
    assert quote.speaker_mention is not None
    assert "O'Fallon" in quote.speaker_mention and "Association" not in quote.speaker_mention


def test_an_apology_attributes_the_partial_quote_it_holds(nlp: Language) -> None:
    text = (
        "Mr. Rask apologized to Minister Halvik and “anyone I might have hurt” once "
        "the video emerged."
    )
    quote = find(direct(quotes_of(nlp, text)), "anyone I might have hurt")
    assert quote.speaker == "Edvin Rask"


def test_a_proposal_is_reported_speech(nlp: Language) -> None:
    text = "In December, Rask proposed that volunteers guard the piers at night."
    quote = find(indirect(quotes_of(nlp, text)), "volunteers guard the piers")
    assert quote.speaker == "Edvin Rask"


def test_he_after_a_sentence_read_as_his_report_is_that_sentences_subject(
    nlp: Language,
) -> None:
    # "appeared" is read as the clause "he said" reports: Rask is still the subject.
    text = (
        "Minister Halvik in May called for guards on every pier.\n\n"
        "Former Harbour Rep. Edvin Rask, who chaired the inquiry, appeared to back away "
        'a little from the demand -- he said it\'s "vital" for every pier to have one.'
    )
    quote = find(quotes_of(nlp, text), "vital")
    assert quote.speaker == "Edvin Rask"
