"""Attribution cases found on real reporting (BASIL, see eval/basil_quotes.py), each on
invented text: who said a quote when the parse, the paragraphs or the wording make it
hard. Names resolve through the :class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.entities import resolve_names
from newsprism.analyze.quote_marks import find_quote_spans
from newsprism.analyze.quotes import extract_quotes
from newsprism.analyze.speaker_mentions import unbalanced_marks
from tests.test_quotes import direct, find, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


def test_description_takes_up_the_speaker_quoted_before(nlp: Language) -> None:
    text = (
        "“We will not sign anything under pressure,” Mirela Kostanj said.\n\n"
        "“The talks are over for now,” the veteran negotiator continued."
    )
    quote = find(direct(quotes_of(nlp, text)), "The talks are over")
    assert quote.speaker == "Mirela Kostanj"


def test_a_statement_continued_is_its_authors(nlp: Language) -> None:
    text = (
        "“The port stays open,” Edvin Rask said in a statement.\n\n"
        "“Every ship will be served,” the statement continued."
    )
    assert find(direct(quotes_of(nlp, text)), "Every ship").speaker == "Edvin Rask"


def test_description_of_someone_introduced_unnamed_stays_unresolved(nlp: Language) -> None:
    text = (
        "“We are ready,” Edvin Rask said. A spokesman for the dockers disagreed.\n\n"
        "“Nothing is ready,” the spokesman said."
    )
    assert find(direct(quotes_of(nlp, text)), "Nothing is ready").speaker is None


def test_a_plural_description_is_not_the_speaker_quoted_before(nlp: Language) -> None:
    text = (
        "“The pier has served us for ninety years, but it cannot serve us safely for another "
        "winter,” the board chair, Ilona Varga, said after the vote.\n\n"
        "The repairs will take eleven weeks and cost 2.4 million kroner, the board's "
        "engineers said."
    )
    doc = nlp(text)
    quote = find(extract_quotes(doc, resolve_names(doc)), "The repairs will take")
    assert quote.speaker != "Ilona Varga"


def test_pronoun_skips_the_subject_of_reported_speech(nlp: Language) -> None:
    text = (
        "Edvin Rask said Teodor Halvik “had no plan at all” for the port.\n\n"
        "“We are still waiting for one,” he said."
    )
    assert find(direct(quotes_of(nlp, text)), "still waiting").speaker == "Edvin Rask"


def test_quote_after_a_paragraph_ending_in_a_colon(nlp: Language) -> None:
    text = "Teodor Halvik responded on Friday in a post:\n\n“We have nothing to hide.”"
    assert find(direct(quotes_of(nlp, text)), "nothing to hide").speaker == "Teodor Halvik"


def test_attribution_after_a_full_stop_inside_the_quote(nlp: Language) -> None:
    text = "“Stay calm. Keep working.” added Kostanj, who leads the union."
    assert find(direct(quotes_of(nlp, text)), "Keep working").speaker == "Mirela Kostanj"


def test_according_to_does_not_take_a_quote_from_its_speaker(nlp: Language) -> None:
    text = "“We will strike on Monday,” Kostanj said at a rally, according to the Gazette."
    quotes = quotes_of(nlp, text)
    covering = [q for q in quotes if q.start <= text.index("strike") < q.end]
    assert {q.speaker for q in covering} == {"Mirela Kostanj"}


def test_paragraph_closing_a_carried_on_quote_is_part_of_it() -> None:
    text = "He wrote:\n\n“We did nothing wrong.\n\nNothing at all, we will prove it.” He left."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We did nothing wrong.",
        "Nothing at all, we will prove it.",
    ]
    assert spans[1].continues and spans[1].closed


def test_the_group_is_the_organisation_named_before(nlp: Language) -> None:
    text = (
        "The Lorvik Dockers' Union met the port authority on Friday.\n\n"
        "“We will strike on Monday,” the group said."
    )
    doc = nlp(text)
    quotes = extract_quotes(doc, resolve_names(doc))
    assert find(direct(quotes), "strike").speaker == "Lorvik Dockers' Union"


def test_speaker_mention_never_keeps_an_unbalanced_quote_mark(nlp: Language) -> None:
    text = (
        '"Harbour Lights" show host Ilona Varga asked Edvin Rask, "Will the pier close?"\n\n'
        '"Not this winter," Rask said.'
    )
    doc = nlp(text)
    found = extract_quotes(doc, resolve_names(doc))
    labels = [q.speaker_mention for q in found if q.speaker_mention]
    assert labels
    for quote in found:
        if quote.speaker_mention is not None:
            assert quote.speaker_mention.count('"') % 2 == 0
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_mention
        assert quote.speaker is None or '"' not in quote.speaker
    assert find(direct(found), "Will the pier close").speaker == "Ilona Varga"


def test_unbalanced_marks() -> None:
    assert unbalanced_marks('Lights" show host Ilona Varga')
    assert unbalanced_marks("“Lights show host")
    assert not unbalanced_marks('"Harbour Lights" show host Ilona Varga')
    assert not unbalanced_marks("“Harbour Lights” host")


def test_a_sentence_that_only_names_the_speaker_attributes_the_quote_before(
    nlp: Language,
) -> None:
    text = (
        '"We offered the minister a meeting with the dockers before the vote." Marrow said. '
        '"His refusal to meet is a disappointment to all of us who work on the pier."'
    )
    found = direct(quotes_of(nlp, text))
    assert find(found, "We offered").speaker == "Ana Marrow"
    assert find(found, "His refusal").speaker == "Ana Marrow"


def test_a_split_quote_carries_on_over_a_show_title(nlp: Language) -> None:
    text = (
        '"It is bad for the town," Mirela Kostanj said on the \u201cHarbour Lights\u201d show. '
        '\u201cIt has always been a shared cause. We mean to hold on to that."'
    )
    found = direct(quotes_of(nlp, text))
    assert find(found, "shared cause").speaker == "Mirela Kostanj"
    assert not [q for q in found if q.text == "Harbour Lights"]  # a title, not a quote


def test_went_on_carries_a_quote(nlp: Language) -> None:
    text = (
        '"The pier is safe," Edvin Rask said.\n\nHe went on, "You take ten of the wards, '
        'where we are not likely to do well, and those are pretty vulnerable."'
    )
    assert find(direct(quotes_of(nlp, text)), "You take ten").cue == "went"
