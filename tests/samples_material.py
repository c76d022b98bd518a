"""The sample corpus run through ingest, analysis and story clustering once per test
session, as :class:`~newsprism.reconcile.material.StoryMaterial` per gold story, with
the gold file beside it. Used by the reconcile tests (``sample_stories`` fixture)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsprism.analyze.batch import analyze_stored
from newsprism.cluster.batch import StoryOptions, cluster_stored
from newsprism.cluster.stories import ClusterOptions
from newsprism.ingest import read_inputs
from newsprism.model import Article, Story
from newsprism.reconcile.material import StoryMaterial
from newsprism.store import ClusteringUpdate, Store

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
    file, keyed by story slug.

    The stories stored (and handed to the reconcile and web tests) hold exactly each gold
    story's articles: the clusterer's story holding most of them keeps its id and takes
    the rest, so these tests exercise the brief and the pages on the gold grouping
    whatever the clusterer decided. Whether the clusterer recovers the gold stories by
    itself is tested in tests/test_cluster_batch.py.
    """
    articles = [a for a in read_inputs([str(SAMPLES / "stories")]) if isinstance(a, Article)]
    refs = {a.id: ref_of(a) for a in articles}
    with Store(db) as store:
        store.add_articles(articles)
        analyses = analyze_stored(store, [a.id for a in articles])
        options = StoryOptions(cluster=ClusterOptions(embeddings="off"))
        clustered = cluster_stored(store, articles, analyses, options)
        golds = [
            json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((SAMPLES / "gold").glob("*.json"))
        ]
        stories = [_gold_story(gold, clustered, refs) for gold in golds]
        kept = {s.id for s in stories}
        removed = [s.id for s in clustered if s.id not in kept]
        store.save_clustering(ClusteringUpdate([], stories, removed, {}))
    by_id = {a.id: a for a in articles}
    result = {}
    for gold, story in zip(golds, stories, strict=True):
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


def _gold_story(gold: dict[str, Any], clustered: list[Story], refs: dict[str, str]) -> Story:
    """The gold story's articles under the id of the clustered story holding most of them
    (its members first, in their order; the others after them, in corpus order)."""
    wanted = {a["ref"] for a in gold["articles"]}
    host = max(clustered, key=lambda s: len({refs[i] for i in s.articles} & wanted))
    inside = [i for i in host.articles if refs[i] in wanted]
    outside = [i for i, ref in refs.items() if ref in wanted and i not in inside]
    members = tuple(inside + outside)
    duplicates = tuple(g for g in host.duplicates if set(g) <= set(members))
    return replace(host, articles=members, duplicates=duplicates)
