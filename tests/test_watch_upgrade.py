"""A local feed watched under the path as typed (stores written before feeds were kept
by their real path) keeps its seen entries after upgrading (review s36/2 L7: every entry
was announced once more as a new story). Invented feed."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from newsprism.store import FeedState, Store
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
        assert store.feed_state(TYPED) is None
        assert store.feed_state(real) is not None
        assert len(store.seen_entries(real, [e["link"] for e in ENTRIES])) == 2
        assert store.count_articles() == 2


def test_a_relative_name_of_another_file_is_not_taken(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with Store(tmp_path / "s.db") as store:
        store.save_feed(FeedState(str(Path("a") / "feed.xml")), [("entry-1", None)])
        assert store.adopt_feed_spellings(str(tmp_path / "b" / "feed.xml")) == []
        assert store.feed_state(str(Path("a") / "feed.xml")) is not None
