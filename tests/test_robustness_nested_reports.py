"""Quotes on awkward text: a chain of nested reports ("X said that X said that ...")."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.analyze.quote_drafts import Draft, within_nesting
from newsprism.model import Article, article_id


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _quoted_characters(analyzer: Analyzer, text: str) -> int:
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    return sum(len(q.text) for q in analyzer.analyze(article).quotes)


def test_chain_of_nested_reports_quotes_text_linear_in_its_length(analyzer: Analyzer) -> None:
    # Invented: a scraped page repeating one reporting phrase, no full stop. Each
    # "Rask said that" opens a clause holding every later one, so 200 links give 200
    # clauses of ~1,500 characters on average. Measured in characters, not seconds.
    text = "Rask said that " * 200 + "the port will close."
    quoted = _quoted_characters(analyzer, text)
    # A few readings of each character at most (nesting a report in a report is real,
    # three levels deep at most in news prose); was 302,300 characters for 3,020.
    assert quoted <= 10 * len(text)


def test_short_nested_report_keeps_both_clauses(analyzer: Analyzer) -> None:
    # Guard for the fix: real nesting (two levels) still gives the outer and inner clauses.
    text = "Ana Holt said that Edvin Rask said that the port will close in May."
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    quotes = analyzer.analyze(article).quotes
    clauses = {q.text for q in quotes if not q.direct}
    assert "the port will close in May" in clauses
    assert all(text[q.start : q.end] == q.text for q in quotes)


def _draft(start: int, end: int) -> Draft:
    return Draft(start, end, False, None)


def test_within_nesting_keeps_sibling_reports_and_cuts_deep_chains() -> None:
    # One clause holding three reports side by side is one level deep: all stay.
    siblings = [_draft(0, 100), _draft(10, 20), _draft(30, 40), _draft(50, 60)]
    assert within_nesting(siblings) == siblings
    # A chain of six clauses, each inside the last: the innermost four stay.
    chain = [_draft(k, 100) for k in range(0, 60, 10)]
    assert within_nesting(chain) == chain[2:]
    assert within_nesting(chain, depth=0) == chain[5:]
