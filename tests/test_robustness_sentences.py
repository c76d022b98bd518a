"""Sentences on awkward invented text: a sentence that opens with the numeral 0."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, article_id


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _sentences(analyzer: Analyzer, text: str) -> list[str]:
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    return [text[start:end] for start, end in analyzer.analyze(article).sentences]


def test_sentence_opening_with_a_numeral_keeps_it(analyzer: Analyzer) -> None:
    text = "Rask has been outspoken. 12 people were hurt in the crush."
    assert _sentences(analyzer, text)[-1] == "12 people were hurt in the crush."


def test_sentence_opening_with_zero_keeps_it(analyzer: Analyzer) -> None:
    text = "Rask has been outspoken. 0 people were hurt in the crush."
    assert _sentences(analyzer, text)[-1] == "0 people were hurt in the crush."


def test_a_figure_after_an_abbreviation_stays_in_its_sentence(analyzer: Analyzer) -> None:
    # Guard: the figure is kept with its words, never made a sentence start itself.
    for text in (
        "Under Sec. 5 of the charter, the mayor may veto the levy.",
        "See Fig. 3 for the route of the ferry.",
    ):
        assert _sentences(analyzer, text) == [text]
