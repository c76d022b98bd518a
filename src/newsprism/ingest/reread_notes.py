"""A warning for a page read again whose text changed: it is stored as a second article.

A page re-read after its outlet edited it (a corrected figure, an added paragraph) has
other text, so another article id, and is stored beside the first without a word: the
user saw "1 ingested" and two copies of one report in the listing. Overwriting the
stored text is not safe (stop 35: another outlet's article under the same file name, a
file name reused for each day's article, a cut-short re-download each overwrote a good
article), so both are kept and the run says so, naming the stored one.

Only where one file (by its real path: ``origin``) gave both, under the same outlet and
the same URL, and the stored one is no longer in the file (not read again this run): a
JSON Lines file of one live page's updates holds many records under one URL, and a
record appended to it is no edit of those before it, which the file still holds (review
s39/2 M8: it was called "an edited page?"). Told once the run has read on: newest first,
the earlier record comes after the new one. A record with no URL cannot be told from
another report.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Mapping

from newsprism.model import Article, IngestWarning
from newsprism.store import Store

logger = logging.getLogger(__name__)


class Rereads:
    """The articles of one run stored beside a text read before from their file, under
    their outlet and URL, that the run did not read again: told once the run has read on
    (:meth:`warnings`), since a live page's file may hold the earlier record after the
    new one (newest first), a batch or more later."""

    def __init__(self) -> None:
        self._read: set[str] = set()  # the stored id of every article read this run
        # Source -> the ids stored from its file under a new article's outlet and URL
        # that this run had not read when that article was stored (newest first).
        self._suspects: dict[str, list[str]] = {}

    def note(
        self,
        store: Store,
        added: Iterable[Article],
        origins: Mapping[str, str | None],
        stored_ids: Iterable[str],
    ) -> None:
        """Note a batch just stored: ``stored_ids`` the stored id of each article it read,
        ``added`` the articles it stored new."""
        self._read.update(stored_ids)
        for source, before in replaced(store, added, origins, self._read).items():
            self._suspects.setdefault(source, []).extend(before)

    def warnings(self) -> list[IngestWarning]:
        """One warning per source whose earlier text the run has still not read (gone
        from the file, replaced), naming the newest such; the suspects are then told."""
        found: list[IngestWarning] = []
        for source, before in self._suspects.items():
            gone = next((i for i in before if i not in self._read), None)
            if gone is not None:
                found.append(IngestWarning(source, _MESSAGE.format(stored=gone[:10])))
        self._suspects.clear()
        return found


_MESSAGE = (
    "read before with other text, no longer in it (stored as {stored}, same outlet and URL: "
    "an edited page?); stored as a new article beside it, both kept"
)


def replaced(
    store: Store,
    added: Iterable[Article],
    origins: Mapping[str, str | None],
    read: set[str],
) -> dict[str, list[str]]:
    """By source, the ids of the articles stored from its file under the outlet and URL
    of an article of ``added`` (just stored) that this run has not read (not in ``read``,
    those it stored among them), newest first."""
    found: dict[str, list[str]] = {}
    named = [a for a in added if a.url and origins.get(a.source) is not None]
    if not named:  # stdin, uploads without a manifest, records without a URL
        return found
    with store.transaction() as conn:  # one for the batch: a folder of pages is many
        for article in named:
            origin = origins.get(article.source)
            if origin is None:
                continue
            before = _unread(conn, article, origin, read)
            if before:
                found.setdefault(article.source, []).extend(before)
    return found


def _unread(conn: sqlite3.Connection, article: Article, origin: str, read: set[str]) -> list[str]:
    """The ids of the articles stored from ``origin`` under the article's outlet and URL
    that this run has not read (not in ``read``), newest first (the origin column is
    indexed)."""
    rows = conn.execute(
        "SELECT id FROM articles WHERE origin = ? AND url = ? AND outlet IS ? AND id != ?"
        " ORDER BY rowid DESC",
        (origin, article.url, article.outlet, article.id),
    ).fetchall()
    return [str(row[0]) for row in rows if str(row[0]) not in read]
