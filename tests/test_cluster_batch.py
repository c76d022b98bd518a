"""Stories end to end on the sample corpus: every gold story recovered exactly, syndicated
copies folded, stable across re-runs and across incremental ingests, and the CLI views."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsprism.analyze.batch import analyze_stored
from newsprism.cli import app
from newsprism.cluster.batch import STATE_NAME, StoryOptions, cluster_stored
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.stories import ArticleSignals
from newsprism.ingest import read_inputs
from newsprism.model import Article, Story
from newsprism.store import ClusteringUpdate, Store
from tests.conftest import SAMPLES
from tests.test_cluster_stories import (
    BAKERIES,
    FROST,
    STRIKE_COURIER,
    STRIKE_GAZETTE,
    T0,
    art,
)

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


# --- the saved state holds the hot window; frozen stories are read from the store ----


def as_article(signals: ArticleSignals) -> Article:
    return Article(
        id=signals.article_id,
        source=f"in/{signals.article_id}.txt",
        text=signals.text,
        outlet="tessel-courier",
        title=signals.title,
        published=signals.published,
        language=signals.language,
    )


def saved_stories(store: Store) -> list[str]:
    state = store.clusterer_state(STATE_NAME)
    assert state is not None
    meta = json.loads(np.load(io.BytesIO(state))["meta"].tobytes())
    assert meta["format"] == 4
    return [entry["id"] for entry in meta["stories"]]


LATER = timedelta(days=45)  # past keep_days: the strike story freezes


def test_a_frozen_story_is_read_from_the_store_and_left_out_of_the_state(
    tmp_path: Path,
) -> None:
    strike = [as_article(STRIKE_COURIER), as_article(STRIKE_GAZETTE)]
    frost = as_article(replace(FROST, published=T0 + LATER))
    with Store(tmp_path / "s.db") as store:
        store.add_articles([*strike, frost])
        (first,) = cluster_stored(store, strike, {})
        assert saved_stories(store) == [first.id]
        (later,) = cluster_stored(store, [frost], {})
        assert saved_stories(store) == [later.id]
        kept = store.get_story(first.id)
        assert kept is not None and kept.articles == ("courier-strike", "gazette-strike")
        assert cluster_stored(store, strike, {}) == [kept]  # added again: unchanged


def test_an_old_full_state_is_migrated_without_losing_a_story(tmp_path: Path) -> None:
    # A store from before: its state (format 1) holds every story; here the frozen
    # strike story's rows are missing too, so only the state knows it.
    legacy = (Path(__file__).parent / "data" / "cluster_state_format1.npz").read_bytes()
    frost = as_article(replace(FROST, published=T0 + LATER))
    follow_up = as_article(replace(FROST, article_id="frost-2", published=T0 + LATER))
    with Store(tmp_path / "s.db") as store:
        store.add_articles([as_article(STRIKE_COURIER), as_article(STRIKE_GAZETTE), frost])
        frost_story = Story("svalley-frost", FROST.title, (frost.id,))
        store.save_clustering(ClusteringUpdate([], [frost_story], [], {STATE_NAME: legacy}))
        store.add_articles([follow_up])
        (story,) = cluster_stored(store, [follow_up], {})
        assert story.articles == ("valley-frost", "frost-2")
        kept = store.get_story("scourier-stri")
        assert kept is not None and kept.articles == ("courier-strike", "gazette-strike")
        assert saved_stories(store) == ["svalley-frost"]


# A second report of the frost (its own words, another outlet).
FROST_OTHER = art(
    "valley-frost-2",
    "Frost blackens Ostvale orchards",
    "A late frost has blackened apple blossom across the Ostvale valley, and growers above "
    "Kell fear the harvest will be a fraction of normal. Tobias Renner said the upper slopes "
    "were worst hit. The farming office will assess the damage.",
    day=0.3,
    entities={"Ostvale", "Tobias Renner", "Kell"},
    speakers={"Tobias Renner"},
)


def test_a_stored_story_split_in_a_later_run_is_saved_split(tmp_path: Path) -> None:
    # A first run grouped the strike and the frost into one story (options that join
    # anything and never split: what an older model or IDF may have done). A later run
    # brings only an unrelated article a month and a half on: the mixed story freezes,
    # split before freezing, gaining no member. Both halves must reach the store, or
    # every brief keeps cross-checking the frost against the strike.
    loose = ClusterOptions(
        embeddings="off",
        join_probability=1e-6,
        split_probability=1e-9,
        graph_cut=0.0,
        named_graph_cut=0.0,
        clean_graph_cut=0.0,
        eject_logit=None,
        replace_margin=None,
    )
    reports = [STRIKE_COURIER, FROST, STRIKE_GAZETTE, FROST_OTHER]
    first = [replace(as_article(s), outlet=f"outlet-{n}") for n, s in enumerate(reports)]
    late = replace(as_article(BAKERIES), outlet="outlet-9", published=T0 + LATER)
    with Store(tmp_path / "s.db") as store:
        store.add_articles([*first, late])
        (mixed,) = cluster_stored(store, first, {}, StoryOptions(cluster=loose))
        assert len(mixed.articles) == 4
        cluster_stored(store, [late], {}, StoryOptions(cluster=ClusterOptions(embeddings="off")))
        stored = {s.articles for s in store.stories_of(a.id for a in first)}
        assert stored == {("courier-strike", "gazette-strike"), ("valley-frost", "valley-frost-2")}
