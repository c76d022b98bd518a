"""Stories end to end on the sample corpus: every gold story recovered exactly, syndicated
copies folded, stable across re-runs and across incremental ingests, and the CLI views."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.analyze.batch import analyze_stored
from newsprism.cli import app
from newsprism.cluster.batch import cluster_stored
from newsprism.ingest import read_inputs
from newsprism.model import Article, Story
from newsprism.store import Store
from tests.conftest import SAMPLES

GOLD = [
    json.loads(p.read_text(encoding="utf-8")) for p in sorted((SAMPLES / "gold").glob("*.json"))
]


def ref_of(article: Article) -> str:
    path = Path(article.source).resolve().relative_to(SAMPLES).as_posix()
    return article.url if path.endswith((".xml", ".jsonl")) and article.url else path


@pytest.fixture(scope="module")
def samples() -> list[Article]:
    return [a for a in read_inputs([str(SAMPLES / "stories")]) if isinstance(a, Article)]


def run_stories(store: Store, articles: list[Article]) -> list[Story]:
    store.add_articles(articles)
    analyses = analyze_stored(store, [a.id for a in articles])
    return cluster_stored(store, articles, analyses)


def as_refs(stories: list[Story], samples: list[Article]) -> set[frozenset[str]]:
    refs = {a.id: ref_of(a) for a in samples}
    return {frozenset(refs[i] for i in s.articles) for s in stories}


def gold_refs() -> set[frozenset[str]]:
    return {frozenset(a["ref"] for a in story["articles"]) for story in GOLD}


def test_every_sample_story_is_recovered_exactly(tmp_path: Path, samples: list[Article]) -> None:
    with Store(tmp_path / "s.db") as store:
        stories = run_stories(store, samples)
    assert as_refs(stories, samples) == gold_refs()


def test_syndicated_copies_are_folded(tmp_path: Path, samples: list[Article]) -> None:
    refs = {a.id: ref_of(a) for a in samples}
    with Store(tmp_path / "s.db") as store:
        stories = run_stories(store, samples)
    found = {frozenset(refs[i] for i in g) for s in stories for g in s.duplicates}
    expected = {frozenset(g) for story in GOLD for g in story["duplicates"]}
    assert found == expected


def test_rerun_and_incremental_ingest_give_the_same_stories(
    tmp_path: Path, samples: list[Article]
) -> None:
    with Store(tmp_path / "once.db") as store:
        once = run_stories(store, samples)
        again = cluster_stored(store, samples, analyze_stored(store, [a.id for a in samples]))
    assert again == once
    half = len(samples) // 2
    with Store(tmp_path / "twice.db") as store:
        run_stories(store, samples[:half])
        twice = run_stories(store, samples)
    assert as_refs(twice, samples) == as_refs(once, samples)


def test_cli_lists_stories_and_shows_one(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    result = runner.invoke(app, ["analyze", str(SAMPLES / "stories"), "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["stories"]) == len(GOLD)
    listed = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    assert {s["id"] for s in listed} == {s["id"] for s in report["stories"]}
    shown = runner.invoke(app, ["story", listed[0]["id"][:8], "--db", db])
    assert shown.exit_code == 0 and "syndicated group" in shown.stdout
    assert runner.invoke(app, ["story", "nope", "--db", db]).exit_code == 1
