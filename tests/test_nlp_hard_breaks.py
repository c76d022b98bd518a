"""Sentence boundaries at hard line breaks (analyze/nlp.py ``hard_breaks``): a single line
break left in an article's text was typed (ingest joins a paragraph's wrapped lines
with a space), so it ends a sentence; a blank line after a figure does too; a table
row is one sentence, and a line of its own (ingest keeps a feed table's rows a line
each). A break before a lower-case word, or after a comma, cuts nothing:
ingest turns a <br> inside a sentence into a paragraph break. Invented text throughout."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.analyzer import Analyzer
from newsprism.analyze.nlp import hard_breaks, load_english
from newsprism.ingest.clean import clean_scraped_text
from newsprism.ingest.feed import fragment_text
from newsprism.model import Article, article_id


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


def _sentences(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_each_table_row_is_a_sentence(nlp: Language) -> None:
    text = "Killed | 12\nHurt | 40\nMissing | 3"
    assert _sentences(nlp, text) == ["Killed | 12", "Hurt | 40", "Missing | 3"]


def test_a_row_framed_by_bars_is_one_sentence(nlp: Language) -> None:
    text = "| Killed | 12 |\n| Hurt | 40 |"
    assert _sentences(nlp, text) == ["| Killed | 12 |", "| Hurt | 40 |"]


def test_rows_a_paragraph_each_end_at_their_figures(nlp: Language) -> None:
    text = "Killed | 12\n\nHurt | 40\n\nThe storm reached the coast on Monday."
    assert _sentences(nlp, text) == [
        "Killed | 12",
        "Hurt | 40",
        "The storm reached the coast on Monday.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The toll rose to 12\n\nRescuers searched the coast on Monday.",
        "Turnout was 40%\n\nThe mayor said she was pleased.",
        "Harbour notice\nThe ferry to Vell sails at noon on Friday.",
    ],
)
def test_a_hard_break_ends_a_sentence(nlp: Language, text: str) -> None:
    assert len(_sentences(nlp, text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # A blank line after a word is left to the parser (a headline, a caption).
        "Ferry fares rise\n\nThe operator said fares would rise.",
        # A bar after a sentence's end joins nothing: a photo credit.
        "The port shut on Monday. | Photo by Ana Ruiz\n\nThe crew left.",
    ],
)
def test_no_new_boundary_elsewhere(nlp: Language, text: str) -> None:
    doc = hard_breaks(nlp.make_doc(text))
    assert not any(t.is_sent_start for t in doc[1:])


def test_soft_wrapped_prose_is_not_cut() -> None:
    """Ingest joins a hard-wrapped paragraph into one line, so the sentence the wrap cut
    reaches the parser whole and stays one sentence."""
    raw = (
        "Ferry service to Lorvik will stop in May, the harbour board said on\n"
        "Monday, after the operator lost its licence to run the northern route.\n"
        "The board said the route would be offered to other operators in June,\n"
        "and that no date had been set for the new service to start running.\n"
    )
    text = clean_scraped_text(raw).text
    assert "\n" not in text.strip()
    article = Article(article_id("t", text), "t.txt", text, outlet="Tessel Post", language="en")
    sentences = Analyzer().analyze(article).sentences
    assert len(sentences) == 2
    assert text[sentences[0][0] : sentences[0][1]].rstrip().endswith("northern route.")


def _analysed_sentences(text: str) -> list[str]:
    article = Article(article_id("t", text), "t.txt", text, outlet="Tessel Post", language="en")
    spans = Analyzer().analyze(article).sentences
    return [text[s:e].strip() for s, e in spans if text[s:e].strip()]


def _through_ingest(html: str) -> str:
    return clean_scraped_text(fragment_text(html)).text


@pytest.mark.parametrize(
    "html",
    [
        # A <br> inside a quote, after a figure: clean makes it a paragraph break.
        '<p>"We needed all 3<br>goals tonight and we scored them," coach Mira Dahl said'
        " after the game in Dunmere.</p>",
        # The same inside a reported clause.
        "<p>Coach Mira Dahl said the squad had lost 12<br>players to injury since the"
        " season began in March.</p>",
        # A <br> after a comma, the next line opening with a name.
        '<p>"We will reopen the harbour by summer,"<br>Mayor Tove Brand said on Monday.</p>',
    ],
)
def test_a_break_inside_a_sentence_through_ingest_does_not_cut_it(html: str) -> None:
    text = _through_ingest(html)
    assert len(_analysed_sentences(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Tove Brand said the flood had destroyed 40\nhouses and two bridges in Dunmere.",
        "Mayor Tove Brand said on Monday that the bridge\nwould reopen by the summer.",
        '"We will reopen the harbour by summer,"\nMayor Tove Brand said on Monday.',
    ],
)
def test_a_hard_wrapped_sentence_given_directly_stays_whole(text: str) -> None:
    assert len(_analysed_sentences(text)) == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Killed | 12\nhurt | 40\nmissing | 3", 3),  # rows with lower-case labels
        ("Ferry timetable\nBoats leave Dunmere at noon on Fridays.", 2),
        ("The toll rose to 12\n\n40 more were hurt on Monday.", 2),
    ],
)
def test_a_new_line_or_row_still_starts_a_sentence(text: str, count: int) -> None:
    assert len(_analysed_sentences(text)) == count


def test_a_feed_table_through_ingest_is_a_sentence_a_row() -> None:
    """Ingest's clean step keeps a feed table's rows a line each (ingest.clean): each row
    is a sentence of its own, neither the paragraph before nor the one after reads with
    a row."""
    html = (
        "<p>The flood toll, by district:</p><table><tr><td>Dunmere</td><td>12 dead</td></tr>"
        "<tr><td>Lorvik</td><td>three missing</td></tr></table>"
        "<p>Mayor Tove Brand said the town would rebuild.</p>"
    )
    sentences = _analysed_sentences(_through_ingest(html))
    assert sentences == [
        "The flood toll, by district:",
        "Dunmere | 12 dead",
        "Lorvik | three missing",
        "Mayor Tove Brand said the town would rebuild.",
    ]


def test_a_row_then_a_paragraph_given_directly() -> None:
    text = "Killed | 12\nmissing | three\n\nthe coastguard searched on Monday."
    assert _analysed_sentences(text) == [
        "Killed | 12",
        "missing | three",
        "the coastguard searched on Monday.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A line inside a quotation that ends no sentence (stop 39 finding: the analyzer,
        # given raw text, cut the sentence and the quote kept only its second half).
        '"We lost\nTwelve homes in one night," Mayor Tove Brand said on Monday.',
        'Mayor Tove Brand said: "Our crews worked through the night\nDunmere is safe now."',
        # A line ending on a word that ends no sentence: an article, a conjunction.
        '"We will rebuild the\nNorth Pier by May," Mayor Tove Brand said on Monday.',
        "Our crews worked through the night and\nDunmere is safe now, the fire chief said.",
        # A line ending on a word that asks for the figure the next line opens with.
        "The council vote on the levy was\n52 to 48 on Monday, the clerk said.",
        '"We needed all of\n3 points tonight," coach Mira Dahl said after the game.',
    ],
)
def test_a_single_break_inside_a_sentence_given_directly_cuts_nothing(text: str) -> None:
    assert _analysed_sentences(text) == [text]


def test_a_quote_broken_by_a_line_is_read_whole_with_its_speaker() -> None:
    text = '"We lost\nTwelve homes in one night," Mayor Tove Brand said on Monday.'
    article = Article(article_id("t", text), "t.txt", text, outlet="Tessel Post", language="en")
    (quote,) = Analyzer().analyze(article).quotes
    assert " ".join(quote.text.split()) == "We lost Twelve homes in one night"
