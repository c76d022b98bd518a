"""The bundled sample corpus, ingested end to end and checked against its gold files.

Each gold article states what ingestion must recover: title, byline, publication time,
language, where the clean body starts, sentences that must survive cleaning, and
debris that must be removed (and listed in ``removed`` for a reviewer).
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsprism.ingest import read_inputs
from newsprism.model import Article
from tests.conftest import SAMPLES

GOLD = sorted((SAMPLES / "gold").glob("*.json"))


@cache
def sample_articles() -> dict[str, Article]:
    """Every sample article, keyed by its gold ref (path under samples/, or URL)."""
    found: dict[str, Article] = {}
    for item in read_inputs([str(SAMPLES / "stories")]):
        assert isinstance(item, Article), item
        path = Path(item.source).resolve().relative_to(SAMPLES).as_posix()
        found[item.url if path.endswith((".xml", ".jsonl")) and item.url else path] = item
    return found


def gold_articles() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in GOLD:
        for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            cases.append((f"{path.stem}:{article['ref']}", article))
    return cases


CASES = gold_articles()


def test_every_sample_file_reads_without_failure() -> None:
    assert len(sample_articles()) == len(CASES)


@pytest.mark.parametrize(("case", "gold"), CASES, ids=[c for c, _ in CASES])
def test_metadata_matches_gold(case: str, gold: dict[str, Any]) -> None:
    article = sample_articles()[gold["ref"]]
    assert article.title == gold["title"]
    assert article.byline == gold["byline"]
    expected = datetime.fromisoformat(gold["published"]) if gold["published"] else None
    assert article.published == expected
    assert article.language == gold["language"]


@pytest.mark.parametrize(("case", "gold"), CASES, ids=[c for c, _ in CASES])
def test_body_is_clean_and_complete(case: str, gold: dict[str, Any]) -> None:
    article = sample_articles()[gold["ref"]]
    assert article.text.startswith(gold["body_starts_with"])
    for sentence in gold.get("body_contains", []):
        assert sentence in article.text
    removed = "\n".join(r.line for r in article.removed)
    for debris in gold.get("removed_contains", []):
        assert debris not in article.text, f"left in the body: {debris!r}"
        if gold["format"] not in {"html", "rss", "jsonl"}:  # trafilatura drops page chrome itself
            assert debris in removed, f"not listed as removed: {debris!r}"


@pytest.mark.parametrize(("case", "gold"), CASES, ids=[c for c, _ in CASES])
def test_syndication_credit_is_recorded(case: str, gold: dict[str, Any]) -> None:
    if gold.get("credit"):
        assert sample_articles()[gold["ref"]].credit == gold["credit"]
