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


@pytest.mark.xfail(
    strict=True,
    reason="the parser makes a lone '0' a sentence of its own, so the brief's passage "
    "reads 'people were hurt in the crush.' (a summary line of the invented CLI story "
    "lost its '0'): the count, and the negation it carries, drop out",
)
def test_sentence_opening_with_zero_keeps_it(analyzer: Analyzer) -> None:
    text = "Rask has been outspoken. 0 people were hurt in the crush."
    assert _sentences(analyzer, text)[-1] == "0 people were hurt in the crush."
