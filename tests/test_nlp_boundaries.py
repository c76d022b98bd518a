"""Sentence boundaries after a clock time: "6 p.m." ends a sentence when a new one starts,
so the next speaker's quote does not run into it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.analyzer import Analyzer
from newsprism.analyze.nlp import load_english
from newsprism.model import Article, article_id


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("The port closed at 6 p.m. The union met later.", 2),
        ('The strike began at 6 p.m. "We will not back down," Lind said.', 2),
        ("Talks ended at 9 a.m. Monday and resumed at noon.", 1),
        ("The ferry left at 7 a.m. GMT with forty passengers.", 1),
        ("The vote was held at 6 p.m. in the town hall.", 1),
    ],
)
def test_clock_time_ends_a_sentence_only_before_a_new_one(
    nlp: Language, text: str, sentences: int
) -> None:
    assert len(list(nlp(text).sents)) == sentences


def test_the_quote_after_a_clock_time_is_its_own_speakers() -> None:
    text = (
        "Dockworkers walked out at 6 p.m. on Tuesday, the port authority said at 6 p.m. "
        '"We will not back down," said Mara Lind, the union leader.'
    )
    article = Article(article_id("t", text), "t.txt", text, outlet="Tessel Post", language="en")
    analysis = Analyzer().analyze(article)
    quote = next(q for q in analysis.quotes if "back down" in q.text)
    assert quote.speaker == "Mara Lind"
    sentence = next((s, e) for s, e in analysis.sentences if s <= quote.start < e)
    assert text[sentence[0] : sentence[1]].lstrip().startswith('"We will not')


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("The two cooks came from Glen Park, Md.\n\nPolice have said the fire was set.", 2),
        ("The ferry sailed for the U.S.\n\nThe union met later.", 2),
        ("The ferry sailed at noon.\n\nThe union met later.", 2),
        ("The director, Dr. Ana Veldt, spoke first.", 1),
        # A blank line after an abbreviation before a word in lower case is a break
        # inside the sentence (a <br> that clean turned into a paragraph break): the
        # lower-case guard the other break rules keep (stop 39 finding).
        ("Ferry firms in the U.S.\n\nand their crews said the route was safe.", 1),
        ("The ferry sailed at 9 a.m.\n\nbut turned back at noon.", 1),
    ],
)
def test_a_paragraph_ending_in_an_abbreviation_ends_its_sentence(
    nlp: Language, text: str, sentences: int
) -> None:
    assert len([s for s in nlp(text).sents if s.text.strip()]) == sentences
