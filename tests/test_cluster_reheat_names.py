"""Re-heated members keep their entity names after an analyser version bump: the store's
analyses of the previous version give them (names are stable across versions), so a late
article is not joined on text alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsprism.cluster.batch import cluster_stored
from newsprism.cluster.cold import StoredStories
from newsprism.model import Analysis, Article, Entity
from newsprism.store import Store

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
REPORT = Article(
    id="harbour-strike",
    source="in/harbour-strike.txt",
    outlet="Tessel Courier",
    language="en",
    title="Vennhaven crane drivers stop work",
    published=T0,
    text="Crane drivers at the Vennhaven terminal stopped work at dawn. Oskar Lindqvar, "
    "their shop steward, said the stoppage would last two days.",
)
NAMES = (Entity("Oskar Lindqvar", "PERSON", ()), Entity("Vennhaven", "GPE", ()))


def _stored(tmp_path: Path, version: str) -> Store:
    store = Store(tmp_path / "s.db")
    analysis = Analysis(article_id=REPORT.id, version=version, entities=NAMES)
    store.add_articles([REPORT])
    store.save_analyses([analysis], version=version)
    cluster_stored(store, [REPORT], {REPORT.id: analysis})
    return store


def _names(store: Store, version: str | None) -> set[str]:
    ((_, members),) = StoredStories(store, version).near(T0 - timedelta(1), T0 + timedelta(1))
    return set(members[0].entities)


def test_members_analysed_by_an_older_version_keep_their_names(tmp_path: Path) -> None:
    with _stored(tmp_path, "7") as store:
        assert _names(store, "8") == {"Oskar Lindqvar", "Vennhaven"}
        assert _names(store, "7") == {"Oskar Lindqvar", "Vennhaven"}


def test_no_version_asked_reads_no_analyses(tmp_path: Path) -> None:
    with _stored(tmp_path, "7") as store:
        assert _names(store, None) == set()


def test_newest_analyses_reads_many_ids_at_once(tmp_path: Path) -> None:
    with _stored(tmp_path, "7") as store:
        found = store.newest_analyses([REPORT.id, "unknown", *(f"x{i}" for i in range(600))])
        assert list(found) == [REPORT.id]
        assert found[REPORT.id].version == "7"
