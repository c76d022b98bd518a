"""A folder read again with ``--engine dask`` and without the ``--outlet`` of the first
run keeps the stored outlet: the shards did not say which articles' outlets were only
their file's name, so the writer 'corrected' each stored outlet to the file's name (the
user's metadata lost, analyses and briefs dropped), as the local path no longer does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.analyze.analyzer import AnalyzeOptions
from newsprism.engine.dask import ShardResult, _Writer, run_shard
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import ingest, plan_inputs
from newsprism.ingest.shards import split_input
from newsprism.model import Article
from newsprism.store import Store

TEXT = (
    "The harbour board of Tessel voted on Tuesday to close the old ferry pier for repairs, "
    "moving about 400 daily passengers to the north quay, the chair Ilona Varga said.\n"
)


class _NoAnalysis:
    def outcomes(self, articles: Any, policy: str) -> list[Any]:
        return []


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    scraped = tmp_path / "scraped"
    scraped.mkdir()
    (scraped / "a.txt").write_text(TEXT, encoding="utf-8")
    return scraped


def test_a_shard_names_the_articles_whose_outlet_is_a_guess(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsprism.engine.dask._analyzer", lambda options: _NoAnalysis())
    pieces = [p for found in plan_inputs([str(folder)]) for p in split_input(found, 1 << 20)]
    guessed = run_shard(0, pieces, IngestOptions(), AnalyzeOptions())
    (article,) = guessed.items
    assert isinstance(article, Article) and guessed.guessed_outlets == [article.id]
    given = run_shard(0, pieces, IngestOptions(outlet="Harbour Herald"), AnalyzeOptions())
    assert given.guessed_outlets == []


def test_the_writer_keeps_the_stored_outlet_for_them(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsprism.engine.dask._analyzer", lambda options: _NoAnalysis())
    with Store(tmp_path / "news.db") as store:
        (first,) = ingest(store, [str(folder)], IngestOptions(outlet="Harbour Herald")).article_ids
        pieces = [p for found in plan_inputs([str(folder)]) for p in split_input(found, 1 << 20)]
        result: ShardResult = run_shard(0, pieces, IngestOptions(), AnalyzeOptions())
        writer = _Writer(store)
        writer.add(result, pieces)
        assert writer.report.article_ids == [first] and not writer.report.corrected
        article = store.get_article(first)
        assert article is not None and article.outlet == "Harbour Herald"
