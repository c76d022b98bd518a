"""A warning for a page read again whose text changed: it is stored as a second article.

A page re-read after its outlet edited it (a corrected figure, an added paragraph) has
other text, so another article id, and is stored beside the first without a word: the
user saw "1 ingested" and two copies of one report in the listing. Overwriting the
stored text is not safe (stop 35: another outlet's article under the same file name, a
file name reused for each day's article, a cut-short re-download each overwrote a good
article), so both are kept and the run says so, naming the stored one.

Only where one file (by its real path: ``origin``) gave both, under the same outlet and
the same URL: a JSON Lines file holds many records, each with its own URL, and a record
with no URL cannot be told from another report.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Mapping

from newsprism.model import Article, IngestWarning
from newsprism.store import Store

logger = logging.getLogger(__name__)


def changed_rereads(
    store: Store,
    added: Iterable[Article],
    origins: Mapping[str, str | None],
    this_run: set[str],
) -> list[IngestWarning]:
    """One warning per source for each article of ``added`` (just stored) whose file,
    outlet and URL an article stored before this run (ids not in ``this_run``) shares."""
    found: list[IngestWarning] = []
    told: set[str] = set()
    named = [a for a in added if a.url and origins.get(a.source) is not None]
    if not named:  # stdin, uploads without a manifest, records without a URL
        return found
    with store.transaction() as conn:  # one for the batch: a folder of pages is many
        for article in named:
            origin = origins.get(article.source)
            if origin is None or article.source in told:
                continue
            before = _stored_before(conn, article, origin, this_run)
            if before is None:
                continue
            told.add(article.source)
            message = (
                f"read before with other text (stored as {before[:10]}, same outlet and URL: "
                "an edited page?); stored as a new article beside it, both kept"
            )
            found.append(IngestWarning(article.source, message))
    return found


def _stored_before(
    conn: sqlite3.Connection, article: Article, origin: str, this_run: set[str]
) -> str | None:
    """The id of the newest article stored before this run from ``origin`` under the
    article's outlet and URL, or None (the origin column is indexed)."""
    rows = conn.execute(
        "SELECT id FROM articles WHERE origin = ? AND url = ? AND outlet IS ? AND id != ?"
        " ORDER BY rowid DESC",
        (origin, article.url, article.outlet, article.id),
    ).fetchall()
    for row in rows:
        if str(row[0]) not in this_run:
            return str(row[0])
    return None
