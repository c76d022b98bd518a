"""The analysis stage end to end: the pure function, its promises, storage and the CLI."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.analyze import analyzer as analyzer_module
from newsprism.analyze.analyzer import ANALYZER_VERSION, AnalyzeOptions, Analyzer, analyze_in_pool
from newsprism.analyze.batch import analyze_stored
from newsprism.cli import app
from newsprism.ingest import read_inputs
from newsprism.model import Analysis, Article
from newsprism.store import Store
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def samples() -> list[Article]:
    return [a for a in read_inputs([str(SAMPLES / "stories")]) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def analyses(analyzer: Analyzer, samples: list[Article]) -> list[Analysis]:
    return list(analyzer.analyze_many(samples))


def spans(analysis: Analysis) -> Iterator[tuple[str, int, int, str]]:
    """Every (kind, start, end, text) an analysis claims, for the offset promise."""
    for quote in analysis.quotes:
        yield "quote", quote.start, quote.end, quote.text
        if quote.speaker_start is not None and quote.speaker_end is not None:
            yield "speaker", quote.speaker_start, quote.speaker_end, quote.speaker_mention or ""
        if quote.cue_start is not None and quote.cue_end is not None:
            yield "cue", quote.cue_start, quote.cue_end, quote.cue or ""
    for quantity in analysis.quantities:
        yield "quantity", quantity.start, quantity.end, quantity.text
    for mention in analysis.dates:
        yield "date", mention.start, mention.end, mention.text
    for entity in analysis.entities:
        for m in entity.mentions:
            yield "entity", m.start, m.end, m.text


def test_every_extracted_span_is_exact(samples: list[Article], analyses: list[Analysis]) -> None:
    for article, analysis in zip(samples, analyses, strict=True):
        assert analysis.article_id == article.id
        for kind, start, end, text in spans(analysis):
            assert article.text[start:end] == text, (kind, article.source)
        for start, end in analysis.sentences:
            assert 0 <= start < end <= len(article.text)


def test_batched_and_single_analysis_agree(analyzer: Analyzer, samples: list[Article]) -> None:
    assert analyzer.analyze(samples[0]) == next(analyzer.analyze_many(samples[:1]))


def test_worker_pool_gives_the_same_analyses(
    samples: list[Article], analyses: list[Analysis]
) -> None:
    pooled = list(analyze_in_pool(samples[:6], AnalyzeOptions(processes=2, batch_size=2)))
    assert pooled == analyses[:6]


def test_the_pool_shares_the_callers_pipeline_with_its_workers(
    analyzer: Analyzer, samples: list[Article], analyses: list[Analysis]
) -> None:
    options = AnalyzeOptions(processes=2, batch_size=4)
    pooled = list(analyze_in_pool(samples[:5], options, analyzer=analyzer))
    assert pooled == analyses[:5]
    if multiprocessing.get_start_method() == "fork":  # workers forked after the seeding
        assert analyzer_module._ANALYZERS[options] is analyzer


def _stream(sizes: list[int]) -> list[list[Article]]:
    made = iter(range(sum(sizes)))
    return [
        [Article(id=str(n), source=f"{n}.txt", text="x" * 10) for n in islice(made, size)]
        for size in sizes
    ]


def test_the_last_batches_are_cut_evenly_over_the_workers() -> None:
    batches = _stream([64, 64, 16])
    spread = list(analyzer_module._even_tail(batches, 2))
    assert [len(b) for b in spread] == [64, 40, 40]
    assert [a.id for b in spread for a in b] == [a.id for b in batches for a in b]
    assert [len(b) for b in analyzer_module._even_tail(_stream([3]), 4)] == [1, 1, 1]
    assert list(analyzer_module._even_tail([], 2)) == []


def test_sample_articles_yield_quotes_numbers_dates_and_names(
    samples: list[Article], analyses: list[Analysis]
) -> None:
    english = [a for s, a in zip(samples, analyses, strict=True) if s.language == "en"]
    assert sum(len(a.quotes) for a in english) > 3 * len(english)
    assert all(a.quantities for a in english)
    assert sum(len(a.dates) for a in english) > len(english)
    assert all(any(e.type == "PERSON" for e in a.entities) for a in english)


def test_articles_in_other_languages_get_an_empty_analysis(
    samples: list[Article], analyses: list[Analysis]
) -> None:
    german = [a for s, a in zip(samples, analyses, strict=True) if s.language == "de"]
    assert german and all(not (a.quotes or a.entities or a.sentences) for a in german)


def test_analyses_are_stored_and_not_redone(tmp_path: Path, samples: list[Article]) -> None:
    with Store(tmp_path / "a.db") as store:
        store.add_articles(samples[:3])
        ids = [a.id for a in samples[:3]]
        first = analyze_stored(store, ids)
        assert store.unanalyzed(ids, ANALYZER_VERSION) == []
        calls: list[int] = []
        again = analyze_stored(store, ids, on_done=calls.append)
        assert again == first
        assert calls == [3]  # all three reported done at once, none recomputed


def test_cli_article_shows_quotes_and_json_follows_the_contract(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    path = str(SAMPLES / "stories" / "cpa-wire" / "port-strike.txt")
    result = runner.invoke(app, ["analyze", path, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)["articles"][0]
    assert {"quotes", "quantities", "dates", "entities"} <= set(article)
    quote = article["quotes"][0]
    assert {"speaker", "speaker_mention", "text", "direct", "cue", "start", "end"} <= set(quote)
    assert article["text"][quote["start"] : quote["end"]] == quote["text"]
    shown = runner.invoke(app, ["article", article["id"], "--db", db])
    assert "Quotes" in shown.stdout and "Mirela Kostanj" in shown.stdout
