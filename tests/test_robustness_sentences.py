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


def test_a_figure_closing_a_sentence_stays_there(analyzer: Analyzer) -> None:
    # Guard: only a figure after a full stop and before a lower-case word moves.
    text = "The vote was 2 to 0. 0 abstained. Rask won 3 of them."
    assert _sentences(analyzer, text) == [
        "The vote was 2 to 0.",
        "0 abstained.",
        "Rask won 3 of them.",
    ]
