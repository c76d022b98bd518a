"""Watched local feeds kept under an older spelling of their path.

A local feed's polling state and seen entries are kept by its real path (one state
however the file is spelt). Stores written before that keep them under the path as it
was typed ("feeds/a.xml"): after upgrading, the first round found no state under the
real path and announced every entry once more as new (review s36/2 L7). At the first
poll by the real path, an entry read before under an older spelling is not read again
when the file still holds it with the same article id (outlet and text). Nothing else is
taken and nothing is moved: a relative spelling is read from the current folder, so it
may name another folder's feed of that name, whose failures, backoff and validators are
its own (review s37/2 M1: such a feed handed this one its backoff and its seen entries).
"""

from __future__ import annotations

import logging
import os
import sqlite3

logger = logging.getLogger(__name__)


def typed_spellings(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Real path -> the stored local feeds whose path, read from the working folder as it
    was typed, is that file, for every stored spelling that is not a real path itself.
    One scan, for a process to keep (review s37/2 M3: scanning every stored feed at each
    new feed's first poll was quadratic; 2,000 feeds took minutes). Rows written since
    are kept by real path and are never older spellings."""
    found: dict[str, list[str]] = {}
    for (url,) in conn.execute("SELECT url FROM feeds WHERE url NOT LIKE '%://%'"):
        real = _real(url)
        if real is not None and real != url:
            found.setdefault(real, []).append(url)
    return found


def earlier_entries(conn: sqlite3.Connection, spellings: list[str]) -> dict[str, str]:
    """Entry id -> article id of the entries read under the older ``spellings`` of a
    feed's path (entries read with no article, a failed one, are left out: read again)."""
    found: dict[str, str] = {}
    for url in spellings:
        rows = conn.execute(
            "SELECT entry_id, article_id FROM feed_entries "
            "WHERE feed_url = ? AND article_id IS NOT NULL",
            (url,),
        )
        for entry_id, article_id in rows:
            found.setdefault(str(entry_id), str(article_id))
    return found


def _real(path: str) -> str | None:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):  # a NUL in a stored name
        return None
