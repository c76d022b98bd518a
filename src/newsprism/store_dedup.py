"""The store's tables for the windowed near-duplicate index (migration ``0007_dedup_window``).

Only *hot* articles (published within the dedup window of the latest date seen; see
:mod:`newsprism.cluster.dedup_window`) can be copies of a new one, so only they are
indexed: their LSH band keys live in ``dedup_bands`` (one row per band and article), their
publication day and insertion order in ``dedup_window``. A run queries the bands of each
new article with one indexed lookup and never loads the index, so its start-up cost does
not depend on how many articles the store holds. Copy groups, once decided, are kept for
good in ``copy_groups`` (an article's group outlives its time in the window).

``dedup_state`` holds ``next_seq`` (the next insertion number), ``latest`` (the latest
publication day seen) and, in a store that had signatures before this migration,
``rebuild``: the first clustering run then builds the tables once from every stored
signature (the old full rebuild, one last time) and removes the marker.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

__all__ = ["DEDUP_WINDOW_SQL", "DedupTables", "DedupUpdate"]

DEDUP_WINDOW_SQL = """
CREATE TABLE dedup_window (
    seq INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
    day REAL
);
CREATE INDEX dedup_window_day ON dedup_window (day);
CREATE TABLE dedup_bands (
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;
CREATE TABLE copy_groups (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    leader TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE INDEX copy_groups_leader ON copy_groups (leader, seq);
CREATE TABLE dedup_state (name TEXT PRIMARY KEY, value REAL NOT NULL);
INSERT INTO dedup_state SELECT 'rebuild', 1 WHERE EXISTS (SELECT 1 FROM signatures);
"""

# A candidate row: insertion number, article id, publication day, stored MinHash, leader.
Candidate = tuple[int, str, float | None, bytes, str | None]
# SQLite's limit on bound parameters is far above this; the chunk keeps statements short.
_CHUNK = 500


@dataclass(slots=True)
class DedupUpdate:
    """What one run changes in the dedup tables, written in the run's transaction.

    ``window``: (seq, article id, day) of the hot articles added; ``bands``: their
    (key, seq) rows; ``groups``: (article id, leader, seq) of copy-group members;
    ``expired``: band rows of articles leaving the window; ``horizon``: window rows dated
    before it are removed; ``state``: ``next_seq`` and ``latest``; ``rebuilt``: the
    one-off rebuild of an upgraded store is done.
    """

    window: list[tuple[int, str, float | None]] = field(default_factory=list)
    bands: list[tuple[int, int]] = field(default_factory=list)
    groups: list[tuple[str, str, int]] = field(default_factory=list)
    expired: list[tuple[int, int]] = field(default_factory=list)
    horizon: float | None = None
    state: dict[str, float] = field(default_factory=dict)
    rebuilt: bool = False


class DedupTables:
    """Reads and writes of the dedup tables over one connection (the store's).

    Cost: :meth:`candidates` one index range per band key; the others one indexed
    lookup per row asked for. Nothing reads a whole table.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def state(self) -> dict[str, float]:
        """``next_seq``, ``latest`` and ``rebuild``, where set."""
        return {str(n): float(v) for n, v in self._conn.execute("SELECT * FROM dedup_state")}

    def candidates(self, keys: Sequence[int]) -> list[Candidate]:
        """The hot articles sharing a band key with ``keys``, by insertion number."""
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        rows = self._conn.execute(
            "SELECT w.seq, w.article_id, w.day, s.minhash, g.leader FROM dedup_window w "
            "JOIN signatures s ON s.article_id = w.article_id "
            "LEFT JOIN copy_groups g ON g.article_id = w.article_id "
            f"WHERE w.seq IN (SELECT seq FROM dedup_bands WHERE key IN ({marks})) "
            "ORDER BY w.seq",
            list(keys),
        )
        return [(int(q), str(a), d, bytes(m), g) for q, a, d, m, g in rows]

    def expiring(self, horizon: float) -> list[tuple[int, bytes]]:
        """(seq, MinHash) of the hot articles dated before ``horizon``."""
        rows = self._conn.execute(
            "SELECT w.seq, s.minhash FROM dedup_window w "
            "JOIN signatures s ON s.article_id = w.article_id WHERE w.day < ?",
            (horizon,),
        )
        return [(int(q), bytes(m)) for q, m in rows]

    def groups_of(self, article_ids: Iterable[str]) -> list[tuple[str, ...]]:
        """The copy groups holding any of ``article_ids``, members in insertion order;
        groups in the order of their first member."""
        ids = list(dict.fromkeys(article_ids))
        leaders: set[str] = set()
        for chunk in (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT leader FROM copy_groups WHERE article_id IN ({marks})"
            leaders.update(r[0] for r in self._conn.execute(sql, chunk))
        groups: list[tuple[int, tuple[str, ...]]] = []
        for leader in leaders:
            rows = self._conn.execute(
                "SELECT article_id, seq FROM copy_groups WHERE leader = ? ORDER BY seq", (leader,)
            ).fetchall()
            groups.append((int(rows[0][1]), tuple(r[0] for r in rows)))
        return [members for _, members in sorted(groups)]

    def signatures_of(self, article_ids: Iterable[str]) -> dict[str, bytes]:
        """The stored MinHash bytes of those of ``article_ids`` that have one. Cost: one
        indexed query per 500 ids (signing them again from their text: 3 ms an article)."""
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, bytes] = {}
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ", ".join("?" * len(chunk))
            select = f"SELECT article_id, minhash FROM signatures WHERE article_id IN ({marks})"
            found.update((str(a), bytes(m)) for a, m in self._conn.execute(select, chunk))
        return found

    def signatures_with_dates(self) -> Iterable[tuple[str, bytes, str | None]]:
        """Every stored signature with its article's publication time (ISO), in the
        order articles were clustered: the input of the one-off rebuild."""
        rows = self._conn.execute(
            "SELECT s.article_id, s.minhash, a.published FROM signatures s "
            "JOIN articles a ON a.id = s.article_id ORDER BY s.rowid"
        )
        for article_id, minhash, published in rows:
            yield str(article_id), bytes(minhash), published

    def write(self, conn: sqlite3.Connection, update: DedupUpdate) -> None:
        """Apply ``update`` inside the caller's transaction."""
        conn.executemany("INSERT OR REPLACE INTO dedup_window VALUES (?, ?, ?)", update.window)
        conn.executemany("INSERT OR IGNORE INTO dedup_bands VALUES (?, ?)", update.bands)
        conn.executemany("INSERT OR IGNORE INTO copy_groups VALUES (?, ?, ?)", update.groups)
        latest = update.state.get("latest")
        if latest is not None:  # undated articles take the latest date seen
            conn.execute("UPDATE dedup_window SET day = ? WHERE day IS NULL", (latest,))
        conn.executemany("DELETE FROM dedup_bands WHERE key = ? AND seq = ?", update.expired)
        if update.horizon is not None:
            conn.execute("DELETE FROM dedup_window WHERE day < ?", (update.horizon,))
        conn.executemany(
            "INSERT OR REPLACE INTO dedup_state VALUES (?, ?)", sorted(update.state.items())
        )
        if update.rebuilt:
            conn.execute("DELETE FROM dedup_state WHERE name = 'rebuild'")
