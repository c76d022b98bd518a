"""The store's watched feeds: each feed's polling state and the entries read from it
(:class:`WatchedFeeds`, a part of :class:`newsprism.store.Store`, kept apart to keep
that module short). Tables from migration ``0006_views_and_feeds``."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime

logger = logging.getLogger(__name__)

__all__ = ["FeedState", "WatchedFeeds"]


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the store remembers of one watched feed, for polite polling: the validators
    of its last answer (``etag``, ``last_modified``), when it was last checked and last
    changed, and the errors in a row that push ``retry_at`` back."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_at: datetime | None = None
    changed_at: datetime | None = None
    failures: int = 0
    retry_at: datetime | None = None
    last_error: str | None = None


class WatchedFeeds:
    """The watched-feed methods of :class:`newsprism.store.Store` (its connection, its
    write transaction and the migrations it has)."""

    _conn: sqlite3.Connection
    _applied: set[str]

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # the Store's

    def feed_state(self, url: str) -> FeedState | None:
        """What the store remembers of the feed at ``url`` (None: never polled)."""
        row = self._conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        return FeedState(
            url=row["url"],
            title=row["title"],
            etag=row["etag"],
            last_modified=row["last_modified"],
            checked_at=_when(row["checked_at"]),
            changed_at=_when(row["changed_at"]),
            failures=row["failures"],
            retry_at=_when(row["retry_at"]),
            last_error=row["last_error"],
        )

    def save_feed(self, state: FeedState, entries: Iterable[tuple[str, str | None]] = ()) -> None:
        """Store a feed's polling state and the entries (entry id, article id or None)
        read from it, in one transaction."""
        stamp = datetime.now(UTC).isoformat()
        with self.transaction() as conn:
            conn.execute(
                # An upsert, not INSERT OR REPLACE: a replace deletes the row first, and
                # the cascade would take the feed's seen entries with it.
                "INSERT INTO feeds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO "
                "UPDATE SET title = excluded.title, etag = excluded.etag, "
                "last_modified = excluded.last_modified, checked_at = excluded.checked_at, "
                "changed_at = excluded.changed_at, failures = excluded.failures, "
                "retry_at = excluded.retry_at, last_error = excluded.last_error",
                (
                    state.url,
                    state.title,
                    state.etag,
                    state.last_modified,
                    _iso(state.checked_at),
                    _iso(state.changed_at),
                    state.failures,
                    _iso(state.retry_at),
                    state.last_error,
                ),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO feed_entries VALUES (?, ?, ?, ?)",
                [(state.url, entry, article, stamp) for entry, article in entries],
            )

    def ungrouped_feed_articles(self) -> list[str]:
        """Articles read from watched feeds that are in no story and whose analysis has
        not failed: what a watch stopped between reading and grouping left behind (its
        entries are marked read, so no later round would take them up). Oldest first."""
        failures = (
            "AND NOT EXISTS (SELECT 1 FROM analysis_failures f WHERE f.article_id = fe.article_id)"
            if "0005_analysis_failures" in self._applied
            else ""
        )
        rows = self._conn.execute(
            "SELECT fe.article_id FROM feed_entries fe WHERE fe.article_id IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = fe.article_id) "
            f"{failures} ORDER BY fe.seen_at, fe.rowid"
        )
        return list(dict.fromkeys(r[0] for r in rows))

    def seen_entries(self, url: str, entry_ids: Iterable[str]) -> set[str]:
        """The ids among ``entry_ids`` already read from the feed at ``url``."""
        ids = list(dict.fromkeys(entry_ids))
        seen: set[str] = set()
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT entry_id FROM feed_entries WHERE feed_url = ? AND entry_id IN ({marks})",
                [url, *chunk],
            )
            seen.update(r[0] for r in rows)
        return seen


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
