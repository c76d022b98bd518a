"""Batched reads of what a late article needs from earlier runs: the stored analyses of
the members it re-heats, of whatever analyser version stored them, and the stored
near-duplicate signatures of the articles of its dates.

Why any version: re-heating (:mod:`newsprism.cluster.reheat`) needs a member's entity
names only, and a store analysed before an analyser version bump holds analyses of the
old version until each article is analysed again. Asking for the running version only
gave every re-heated member no names after a bump, so a late article joined on text
alone. Entity names are what every version finds in the same text (a bump changes
figures, quotes and their readings), and the store keeps one analysis per article (its
newest), so that one serves.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from newsprism.codec import analysis_from_record
from newsprism.model import Analysis
from newsprism.store import Store

logger = logging.getLogger(__name__)

__all__ = ["newest_analyses", "stored_signatures"]

# Ids a query: SQLite's bound-parameter limit is far above it (as the store's own reads).
_CHUNK = 500


def newest_analyses(store: Store, article_ids: Iterable[str]) -> dict[str, Analysis]:
    """Each article's stored analysis, of any version (unreadable ones left out).
    Cost: one indexed query per 500 ids."""
    found: dict[str, Analysis] = {}
    rows = _rows(store, "article_id, version, data", "analyses", article_ids)
    for article_id, version, data in rows:
        try:
            found[article_id] = analysis_from_record(article_id, version, json.loads(data))
        except (KeyError, TypeError, ValueError):
            logger.warning("analysis of %s is unreadable; its names are left out", article_id)
    return found


def stored_signatures(store: Store, article_ids: Iterable[str]) -> dict[str, bytes]:
    """The stored MinHash bytes of the articles that have one. Cost: one indexed query
    per 500 ids (signing them again from their text cost 3 ms an article)."""
    rows = _rows(store, "article_id, minhash", "signatures", article_ids)
    return {article_id: bytes(minhash) for article_id, minhash in rows}


def _rows(
    store: Store, columns: str, table: str, article_ids: Iterable[str]
) -> Iterator[tuple[Any, ...]]:
    """Rows of ``table`` for these ids, 500 ids a query."""
    ids = list(dict.fromkeys(article_ids))
    # The store has no public read of these by id (of any analysis version); this is the
    # read it would do (the store's owner may move it into Store).
    conn: sqlite3.Connection = store._conn
    for chunk in (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
        marks = ", ".join("?" * len(chunk))
        yield from conn.execute(
            f"SELECT {columns} FROM {table} WHERE article_id IN ({marks})", chunk
        )
