"""The windowed, store-backed near-duplicate index: the same copy groups as the in-memory
index when copies lie in the window, nothing found outside it, copies of stored hot
articles found after a restart, and stores from before migration 0007 upgraded. All
generated texts are invented word salad."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsprism.cluster.batch import arrival_order, cluster_stored
from newsprism.cluster.dedup import DedupOptions, DuplicateIndex, signature, signature_bytes
from newsprism.cluster.dedup_window import WindowedDuplicates, band_keys
from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.store import MIGRATIONS, ClusteringUpdate, Store
from tests.conftest import SAMPLES

KEEP = 30.0
START = datetime(2026, 3, 1, 8, tzinfo=UTC)
_VOCAB = [f"w{n}" for n in range(3000)]


def text(rng: random.Random, words: int = 160) -> str:
    return " ".join(rng.choice(_VOCAB) for _ in range(words))


def edited(rng: random.Random, original: str) -> str:
    """A copy: a few words changed, the last tenth cut, a credit line added."""
    words = original.split()
    for _ in range(4):
        words[rng.randrange(len(words))] = rng.choice(_VOCAB)
    return " ".join(words[: len(words) * 9 // 10]) + " distributed by the wire"


def article(ident: str, body: str, day: float | None) -> Article:
    published = None if day is None else START + timedelta(days=day)
    return Article(id=ident, source="generated", text=body, published=published)


def stream(seed: int, originals: int = 120, days: float = 20.0) -> list[Article]:
    """Originals spread over ``days``; a third with a copy within a day, some of those
    with a copy of the copy, some undated copies; arrival order."""
    rng = random.Random(seed)
    made: list[Article] = []
    for n in range(originals):
        day = rng.uniform(0, days)
        body = text(rng)
        made.append(article(f"a{n:04d}", body, day))
        if n % 3 == 0:
            copy = edited(rng, body)
            made.append(article(f"a{n:04d}c", copy, day + rng.uniform(0, 1)))
            if n % 6 == 0:
                made.append(article(f"a{n:04d}cc", edited(rng, copy), day + 1.5))
        if n % 10 == 1:
            made.append(article(f"a{n:04d}u", edited(rng, body), None))
    return arrival_order(made)


def run_windowed(store: Store, articles: list[Article], runs: int) -> list[tuple[str, ...]]:
    """The articles through the windowed index in ``runs`` saved runs; the final groups."""
    store.add_articles(articles)
    size = -(-len(articles) // runs)
    for start in range(0, len(articles), size):
        index = WindowedDuplicates(store, KEEP)
        sigs = []
        for item in articles[start : start + size]:
            sig = signature(item.text)
            sigs.append((item.id, signature_bytes(sig)))
            index.add(item.id, sig, item.published)
        store.save_clustering(ClusteringUpdate(sigs, [], [], {}, index.update()))
    return sorted(WindowedDuplicates(store, KEEP).groups_of(a.id for a in articles))


def in_memory_groups(articles: list[Article]) -> list[tuple[str, ...]]:
    index = DuplicateIndex.from_signatures((a.id, signature(a.text)) for a in articles)
    return sorted(index.groups())


@pytest.mark.parametrize("runs", [1, 3])
def test_groups_match_the_in_memory_index_on_a_generated_stream(store: Store, runs: int) -> None:
    articles = stream(seed=7)
    expected = in_memory_groups(articles)
    assert len(expected) >= 30  # the stream does hold copies
    assert run_windowed(store, articles, runs) == expected


def test_groups_match_the_in_memory_index_on_the_samples(store: Store) -> None:
    samples = arrival_order(
        [a for a in read_inputs([str(SAMPLES / "stories")]) if isinstance(a, Article)]
    )
    expected = in_memory_groups(samples)
    assert expected  # the samples hold wire copies
    assert run_windowed(store, samples, 2) == expected


def test_a_copy_outside_the_window_is_not_a_candidate(store: Store) -> None:
    rng = random.Random(3)
    wire = text(rng)
    early, late = article("early", wire, 0.0), article("late", edited(rng, wire), KEEP + 5)
    assert run_windowed(store, [early, late], 1) == []
    assert run_windowed(store, [article("near", edited(rng, wire), KEEP + 6)], 1) == [
        ("late", "near")
    ]


def test_an_article_leaves_the_window_once_the_latest_date_passes_its_keep_days(
    store: Store,
) -> None:
    rng = random.Random(4)
    wire = text(rng)
    run_windowed(store, [article("old", wire, 0.0), article("other", text(rng), KEEP + 1)], 1)
    assert store.dedup.candidates(_keys_of(wire)) == []
    # a late-arriving copy dated next to the evicted original finds nothing
    assert run_windowed(store, [article("backfill", edited(rng, wire), 1.0)], 1) == []


def _keys_of(body: str) -> tuple[int, ...]:
    return band_keys(signature(body), DedupOptions())


def test_a_rerun_after_a_restart_finds_a_copy_of_a_stored_hot_article(tmp_path: Path) -> None:
    rng = random.Random(5)
    wire = text(rng)
    with Store(tmp_path / "s.db") as store:
        run_windowed(store, [article("first", wire, 0.0), article("lone", text(rng), 0.2)], 1)
    with Store(tmp_path / "s.db") as store:
        copy = article("second", edited(rng, wire), 0.5)
        store.add_articles([copy])
        index = WindowedDuplicates(store, KEEP)
        assert index.add(copy.id, signature(copy.text), copy.published) == "first"
        assert index.groups_of(["second"]) == [("first", "second")]


def test_stored_copy_groups_are_kept_after_their_articles_leave_the_window(store: Store) -> None:
    rng = random.Random(6)
    wire = text(rng)
    pair = [article("one", wire, 0.0), article("two", edited(rng, wire), 0.1)]
    run_windowed(store, pair, 1)
    run_windowed(store, [article("much-later", text(rng), 3 * KEEP)], 1)
    assert WindowedDuplicates(store, KEEP).groups_of(["two"]) == [("one", "two")]


def test_copies_fold_into_one_story_across_cluster_runs(store: Store) -> None:
    rng = random.Random(8)
    wire = text(rng, 220)
    first = [article("orig", wire, 0.0), article("unrelated", text(rng, 220), 0.1)]
    store.add_articles(first)
    cluster_stored(store, first, {})
    copy = article("copy", edited(rng, wire), 0.3)
    store.add_articles([copy])
    (story,) = cluster_stored(store, [copy], {})
    assert set(story.articles) >= {"orig", "copy"}
    assert ("orig", "copy") in story.duplicates


def test_the_migration_upgrades_a_store_with_signatures(tmp_path: Path) -> None:
    articles = stream(seed=11, originals=30)
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, script in MIGRATIONS[: [n for n, _ in MIGRATIONS].index("0007_dedup_window")]:
        conn.executescript(
            f"BEGIN; {script}; INSERT INTO migrations VALUES ('{name}', 'x'); COMMIT;"
        )
    conn.close()
    with Store(path) as store:  # applies 0007; undone below once the old rows are in
        store.add_articles(articles)
        with store.transaction() as write:
            write.executemany(
                "INSERT INTO signatures VALUES (?, ?)",
                [(a.id, signature_bytes(signature(a.text))) for a in articles],
            )
            write.execute("DELETE FROM migrations WHERE name = '0007_dedup_window'")
            for table in ("dedup_state", "copy_groups", "dedup_bands", "dedup_window"):
                write.execute(f"DROP TABLE {table}")
    with Store(path) as store:
        assert "0007_dedup_window" in store.applied_migrations()
        assert store.dedup.state() == {"rebuild": 1.0}
        index = WindowedDuplicates(store, KEEP)
        assert "rebuild" not in store.dedup.state()
        assert sorted(index.groups_of(a.id for a in articles)) == in_memory_groups(articles)
        rng = random.Random(12)
        copy = article("new-copy", edited(rng, articles[-1].text), 20.5)
        store.add_articles([copy])
        assert index.add(copy.id, signature(copy.text), copy.published) is not None
