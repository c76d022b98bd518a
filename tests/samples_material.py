"""The sample corpus run through ingest, analysis and story clustering once per test
session, as :class:`~newsprism.reconcile.material.StoryMaterial` per gold story, with
the gold file beside it. Used by the reconcile tests (``sample_stories`` fixture)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.analyze.batch import analyze_stored
from newsprism.cluster.batch import StoryOptions, cluster_stored
from newsprism.cluster.stories import ClusterOptions
from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.reconcile.material import StoryMaterial
from newsprism.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def ref_of(article: Article) -> str:
    """The gold file's reference of an article: its path under samples/, or the URL of
    an entry of a feed or a JSONL file."""
    path = Path(article.source).resolve().relative_to(SAMPLES).as_posix()
    return article.url if path.endswith((".xml", ".jsonl")) and article.url else path


@dataclass(frozen=True)
class SampleStory:
    """One gold story: the material newsprism built for it, the gold file, and the
    article id of each gold ref (and back)."""

    name: str
    material: StoryMaterial
    gold: dict[str, Any]
    id_of: dict[str, str]
    ref_of: dict[str, str]


def build_sample_stories(db: Path) -> dict[str, SampleStory]:
    """Ingest, analyse and cluster samples/stories into ``db``; one SampleStory per gold
    file, keyed by story slug. Raises AssertionError if a story is not recovered."""
    articles = [a for a in read_inputs([str(SAMPLES / "stories")]) if isinstance(a, Article)]
    refs = {a.id: ref_of(a) for a in articles}
    with Store(db) as store:
        store.add_articles(articles)
        analyses = analyze_stored(store, [a.id for a in articles])
        options = StoryOptions(cluster=ClusterOptions(embeddings="off"))
        stories = cluster_stored(store, articles, analyses, options)
    by_id = {a.id: a for a in articles}
    result = {}
    for path in sorted((SAMPLES / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        wanted = {a["ref"] for a in gold["articles"]}
        story = next(s for s in stories if {refs[i] for i in s.articles} == wanted)
        members = [by_id[i] for i in story.articles]
        material = StoryMaterial(story, members, {i: analyses[i] for i in story.articles})
        result[gold["story"]] = SampleStory(
            gold["story"],
            material,
            gold,
            {refs[i]: i for i in story.articles},
            {i: refs[i] for i in story.articles},
        )
    return result
