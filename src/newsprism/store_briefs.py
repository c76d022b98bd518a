"""The store's table of computed briefs (migration ``0008_stored_briefs``).

One row per story: the brief's JSON and the two keys it was made under, ``members`` (a
digest of the story's membership) and ``version`` (analyser, brief and code versions,
similarity kind); :mod:`newsprism.reconcile.stored` decides both. A lookup names both
keys, so a brief of another membership or version is never returned; saving a story's
brief replaces its old one, and deleting a story (a merge) deletes its brief.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime

logger = logging.getLogger(__name__)

__all__ = ["STORED_BRIEFS_SQL", "BriefTable"]

STORED_BRIEFS_SQL = """
CREATE TABLE briefs (
    story_id TEXT PRIMARY KEY,
    members TEXT NOT NULL,
    version TEXT NOT NULL,
    data TEXT NOT NULL,
    made_at TEXT NOT NULL
);
CREATE TRIGGER briefs_story_removed AFTER DELETE ON stories BEGIN
    DELETE FROM briefs WHERE story_id = old.id;
END;
"""

Transaction = Callable[[], AbstractContextManager[sqlite3.Connection]]


class BriefTable:
    """Reads and writes of ``briefs`` over the store's connection. ``present`` is False
    for a read-only store from before the migration: it reads as empty."""

    def __init__(self, conn: sqlite3.Connection, transaction: Transaction, present: bool) -> None:
        self._conn = conn
        self._transaction = transaction
        self._present = present

    def get(self, story_id: str, members: str, version: str) -> str | None:
        """The JSON of the story's brief stored under these keys, or None. Cost: one
        primary-key lookup."""
        if not self._present:
            return None
        row = self._conn.execute(
            "SELECT data FROM briefs WHERE story_id = ? AND members = ? AND version = ?",
            (story_id, members, version),
        ).fetchone()
        return None if row is None else str(row[0])

    def put(self, story_id: str, members: str, version: str, data: str) -> None:
        """Store the story's brief, replacing the one stored before (one transaction;
        raises ReadOnlyStore or StoreError when the store cannot be written)."""
        now = datetime.now(UTC).isoformat()
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO briefs VALUES (?, ?, ?, ?, ?)",
                (story_id, members, version, data, now),
            )

    def count(self) -> int:
        """How many briefs are stored."""
        if not self._present:
            return 0
        return int(self._conn.execute("SELECT count(*) FROM briefs").fetchone()[0])
