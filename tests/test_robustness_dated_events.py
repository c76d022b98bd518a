"""Dated events (date_discrepancies.event_date_discrepancies) on an awkward invented
story: two articles that name one dated occasion in every sentence."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile import date_discrepancies
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _texts(n: int) -> list[str]:
    tuesday = "The mayoral debate on Tuesday covered harbour topic {}."
    thursday = "Thursday's mayoral debate covered harbour topic {}."
    return [" ".join(t.format(i) for i in range(n)) for t in (tuesday, thursday)]


def test_one_debate_dated_apart_is_found(analyzer: Analyzer) -> None:
    found = find_discrepancies(invented(analyzer, _texts(2)), [], LexicalSimilarity())
    assert any(d.kind == "date" for d in found)


def test_sentence_dates_are_looked_up_a_few_times_per_sentence(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Counted in look-ups of a sentence's resolved dates, not seconds.
    calls = 0
    resolved = date_discrepancies._resolved

    def counted(*args: object, **kwargs: object) -> list[tuple[str, str]]:
        nonlocal calls
        calls += 1
        return resolved(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(date_discrepancies, "_resolved", counted)
    material = invented(analyzer, _texts(10))
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert any(d.kind == "date" for d in found)
    sentences = 20
    # Each date pass may look a sentence up once or twice; was 2,080 for 20 sentences.
    assert calls <= 10 * sentences


QUOTE = "“We will close the port of Sarnow before the winter storms arrive at the coast,”"


def test_one_line_quoted_many_times_is_compared_once_per_pair(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Invented: two outlets quote one line of one speaker at ten stops, Tuesday against
    # Wednesday. Counted in utterance tests, not seconds.
    calls = 0
    one_utterance = date_discrepancies._one_utterance

    def counted(*args: object) -> bool:
        nonlocal calls
        calls += 1
        return one_utterance(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(date_discrepancies, "_one_utterance", counted)
    n = 10
    texts = [
        " ".join(f"{QUOTE} Edvin Rask said {day} at stop {i}." for i in range(n))
        for day in ("Tuesday", "Wednesday")
    ]
    found = find_discrepancies(invented(analyzer, texts), [], LexicalSimilarity())
    assert any(d.kind == "date" for d in found)
    quotes = 2 * n
    # A couple of tests per pair of quotes; was 2,100.
    assert calls <= 2 * quotes * quotes
