"""A local feed watched under the path as typed (stores written before feeds were kept
by their real path) keeps its seen entries after upgrading (review s36/2 L7: every entry
was announced once more as a new story). Invented feed."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import newsprism.ingest.watch as watch_module
from newsprism.store import FeedState, Store
from newsprism.store_feeds import typed_spellings
from tests.builders import rss_feed
from tests.test_watch import ENTRIES, watch

TYPED = str(Path("feeds") / "coastal.xml")


def _as_typed_before(db: str, real: str, typed: str) -> None:
    """Rewrite the store as an older newsprism kept it: the feed under ``typed``."""
    conn = sqlite3.connect(db)  # foreign keys off: both tables renamed by hand
    with conn:
        conn.execute("UPDATE feeds SET url = ? WHERE url = ?", (typed, real))
        conn.execute("UPDATE feed_entries SET feed_url = ? WHERE feed_url = ?", (typed, real))
    conn.close()


def test_a_feed_watched_as_typed_before_is_not_announced_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "feeds" / "coastal.xml"
    feed.parent.mkdir()
    feed.write_bytes(rss_feed(ENTRIES))
    db = str(tmp_path / "watch.db")
    code, stdout, stderr = watch(str(feed), "--once", "--db", db)
    assert code == 0 and stdout.count("new story") == 2, stderr
    real = os.path.realpath(feed)
    _as_typed_before(db, real, TYPED)

    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = watch(TYPED, "--once", "--db", db)
    assert code == 0, stderr
    assert stdout.strip() == ""
    with Store(db) as store:
        # The typed row stays: read from another folder it may name another file.
        assert store.feed_state(real) is not None
        assert len(store.seen_entries(real, [e["link"] for e in ENTRIES])) == 2
        assert store.count_articles() == 2


def test_a_relative_name_of_another_file_is_not_taken(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with Store(tmp_path / "s.db") as store:
        store.save_feed(FeedState(str(Path("a") / "feed.xml")), [("entry-1", None)])
        with store.transaction() as conn:
            assert str(tmp_path / "b" / "feed.xml") not in typed_spellings(conn)
        assert store.feed_state(str(Path("a") / "feed.xml")) is not None


_INLAND = [
    {**entry, "body": entry["body"].replace("Tessel", "Varna").replace("Ridge", "Holm")}
    for entry in ENTRIES
]


def test_another_folders_feed_of_that_name_keeps_its_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review s37/2 M1: folder a's feeds/coastal.xml watched by an older store, then
    folder b's own feeds/coastal.xml (another outlet, the same entry ids): b's entries
    were taken as seen (never stored) and a's announced again at its next poll."""
    for name, entries, channel in (("a", ENTRIES, "Coastal Wire Radio"), ("b", _INLAND, "Inland")):
        (tmp_path / name / "feeds").mkdir(parents=True)
        (tmp_path / name / TYPED).write_bytes(rss_feed(entries, channel))
    db = str(tmp_path / "watch.db")
    assert watch(str(tmp_path / "a" / TYPED), "--once", "--db", db)[0] == 0
    _as_typed_before(db, os.path.realpath(tmp_path / "a" / TYPED), TYPED)

    monkeypatch.chdir(tmp_path / "b")
    code, stdout, stderr = watch(TYPED, "--once", "--db", db)
    assert code == 0 and stdout.count("+1 article") == 2, stdout + stderr
    monkeypatch.chdir(tmp_path / "a")
    code, stdout, stderr = watch(TYPED, "--once", "--db", db)
    assert code == 0 and stdout.strip() == "", stdout
    with Store(db) as store:
        assert store.count_articles() == 4


def test_another_folders_failure_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review s37/2 M1: a's cut-off feed, stored as typed with its backoff, kept b's good
    feed of that relative name from being polled ("backing off after its last failure")."""
    (tmp_path / "b" / "feeds").mkdir(parents=True)
    (tmp_path / "b" / TYPED).write_bytes(rss_feed(ENTRIES))
    db = str(tmp_path / "watch.db")
    later = datetime.now(UTC) + timedelta(hours=1)
    with Store(db) as store:
        store.save_feed(replace(FeedState(TYPED), failures=3, retry_at=later, last_error="cut"))
    monkeypatch.chdir(tmp_path / "b")
    code, stdout, stderr = watch(TYPED, "--once", "--db", db)
    assert code == 0 and stdout.count("new story") == 2, stderr


def test_older_spellings_are_scanned_once_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review s37/2 M3: every stored local feed's path was resolved again at each new
    feed's first poll (quadratic: a 2,000-feed list took minutes holding the write lock)."""
    calls: list[int] = []
    scan = watch_module.typed_spellings

    def counted(conn: sqlite3.Connection) -> dict[str, list[str]]:
        calls.append(1)
        return scan(conn)

    monkeypatch.setattr(watch_module, "typed_spellings", counted)
    feeds = []
    for name, entries in (("a", ENTRIES), ("b", _INLAND)):
        feed = tmp_path / name / "coastal.xml"
        feed.parent.mkdir()
        feed.write_bytes(rss_feed(entries, name))
        feeds.append(str(feed))
    code, stdout, stderr = watch(*feeds, "--once", "--db", str(tmp_path / "watch.db"))
    assert code == 0 and stdout.count("+2 articles") == 2, stdout + stderr
    assert len(calls) == 1
