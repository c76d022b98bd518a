"""Watched local feeds kept under an older spelling of their path.

A local feed's polling state and seen entries are kept by its real path (one state
however the file is spelt). Stores written before that keep them under the path as it
was typed ("feeds/a.xml"): after upgrading, the first round found no state under the
real path and announced every entry once more as new (review s36/2 L7). Such rows are
moved to the real path the first time it is polled.
"""

from __future__ import annotations

import logging
import os
import sqlite3

logger = logging.getLogger(__name__)


def older_spellings(conn: sqlite3.Connection, real: str) -> list[str]:
    """The stored local feeds other than ``real`` whose path, read from the working
    folder as it was typed, is the file ``real`` names."""
    rows = conn.execute("SELECT url FROM feeds WHERE url <> ? AND url NOT LIKE '%://%'", (real,))
    return [url for (url,) in rows if _real(url) == real]


def adopt_spellings(conn: sqlite3.Connection, real: str) -> list[str]:
    """Move the state and seen entries of ``real``'s older spellings to ``real`` (the
    first spelling's state when ``real`` has none; the entries of all); return them."""
    older = older_spellings(conn, real)
    for url in older:
        conn.execute(
            "INSERT OR IGNORE INTO feeds SELECT ?, title, etag, last_modified, checked_at, "
            "changed_at, failures, retry_at, last_error FROM feeds WHERE url = ?",
            (real, url),
        )
        conn.execute(
            "UPDATE OR IGNORE feed_entries SET feed_url = ? WHERE feed_url = ?", (real, url)
        )
        conn.execute("DELETE FROM feed_entries WHERE feed_url = ?", (url,))
        conn.execute("DELETE FROM feeds WHERE url = ?", (url,))
        logger.info("%s: watched before as %s; its state and seen entries kept", real, url)
    return older


def _real(path: str) -> str | None:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):  # a NUL in a stored name
        return None
