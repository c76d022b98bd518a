"""A page read again whose text changed: kept as a new version of the stored article.

A page re-read after its outlet edited it (a corrected figure, an added paragraph) has
other text, so another article id, and was stored beside the first: two copies of one
report in the listing, and the edit visible to no one. Where it is safely the same page,
the new read becomes a version of the stored article (:mod:`newsprism.store_versions`):
the article keeps its id and its story, its text is the new one, the old text is kept,
and the run says so. Overwriting in place is not safe (stop 35: another outlet's article
under the same file name, a file name reused for each day's article, a cut-short
re-download each overwrote a good article), so :func:`newsprism.store_versions.fold`
checks each of those; where it refuses, both are kept beside each other and the run says
that instead.

Only where one file (by its real path: ``origin``) gave both, under the same outlet and
the same URL, and the stored one is no longer in the file (not read again this run): a
JSON Lines file of one live page's updates holds many records under one URL, and a
record appended to it is no edit of those before it, which the file still holds (review
s39/2 M8: it was called "an edited page?"). Decided once the run has read every input:
newest first, the earlier record comes after the new one. A record with no URL cannot be
told from another report. Nor is anything folded when the run read another stored record
of the file under that URL: a live page's file that rotates its oldest record out and
appends a new one is no edit of the record gone (review rev1 S2): both kept, said.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Protocol

from newsprism.errors import StoreBusy
from newsprism.model import Article, IngestWarning
from newsprism.store import Store
from newsprism.store_versions import Folded

logger = logging.getLogger(__name__)


class RunReport(Protocol):
    """What :meth:`Rereads.settle` updates of a run's report (an ``IngestReport``)."""

    added: list[str]
    article_ids: list[str]
    warnings: list[IngestWarning]
    edited: list[str]


class Rereads:
    """The articles of one run stored beside a text read before from their file, under
    their outlet and URL, that the run did not read again: settled once the run has read
    on (:meth:`settle`), since a live page's file may hold the earlier record after the
    new one (newest first), a batch or more later."""

    def __init__(self) -> None:
        self._read: set[str] = set()  # the stored id of every article read this run
        # Source -> (new article, the ids stored from its file under its outlet and URL
        # that this run had not read when it was stored, newest first).
        self._suspects: dict[str, list[tuple[str, list[str]]]] = {}
        self._store: Store | None = None

    def note(
        self,
        store: Store,
        added: Iterable[Article],
        origins: Mapping[str, str | None],
        stored_ids: Iterable[str],
    ) -> None:
        """Note a batch just stored: ``stored_ids`` the stored id of each article it read,
        ``added`` the articles it stored new."""
        self._store = store
        self._read.update(stored_ids)
        for source, pairs in replaced(store, added, origins, self._read).items():
            self._suspects.setdefault(source, []).extend(pairs)

    def settle(self, report: RunReport) -> None:
        """Make each new article whose earlier text the run has still not read (gone from
        the file, replaced) a version of that one where safe, naming it in ``report``'s
        ids by the article kept; one warning per source says what was done."""
        for source, pairs in self._suspects.items():
            edits = _edits(pairs, self._read)
            # An earlier text two new ones would replace (two records of one URL, neither
            # the stored text) is kept beside both: which came later cannot be told.
            claimed = [old for _, old, _ in edits]
            several = [(new, old) for new, old, many in edits if many]
            done = [
                (new, old, self._fold(old, new) if claimed.count(old) == 1 else None)
                for new, old, many in edits
                if not many
            ]
            for new, _, folded in done:
                if folded is not None:
                    _renamed(report, new, folded.article_id)
                    report.edited.append(folded.article_id)
            if done:
                report.warnings.append(IngestWarning(source, _said(done)))
            if several:
                report.warnings.append(IngestWarning(source, _said_several(several)))
        self._suspects.clear()
        if self._store is not None:  # another process may have folded what this one read
            for new, kept in self._store.folded_into(report.article_ids).items():
                _renamed(report, new, kept)

    def _fold(self, earlier: str, later: str) -> Folded | None:
        if self._store is None:
            return None
        try:
            return self._store.fold_version(earlier, later)
        except StoreBusy:  # kept beside it, as before versions: a later edit folds again
            logger.warning("store busy: %s kept beside %s, not made a version", later, earlier)
            return None


def _edits(
    pairs: list[tuple[str, list[str]]], read: set[str]
) -> list[tuple[str, str, bool]]:
    """(new, earlier, several) for each new article whose newest earlier text is not
    read; ``several``: the run read another stored record of its file and URL (a file of
    one live page's updates rotating its oldest out: the record appended is no edit of
    the one gone, review rev1 S2), not to be folded."""
    found: list[tuple[str, str, bool]] = []
    for new, before in pairs:
        unread = [i for i in before if i not in read]
        if unread:
            found.append((new, unread[0], len(unread) < len(before)))
    return found


def _renamed(report: RunReport, new: str, kept: str) -> None:
    """The run read ``new``'s text as a version of ``kept``: it is stored under ``kept``."""
    report.article_ids[:] = [kept if i == new else i for i in report.article_ids]
    report.added[:] = [i for i in report.added if i != new]


def _said(done: list[tuple[str, str, Folded | None]]) -> str:
    """The warning of one source: its first edit, and how many more there were."""
    _, old, folded = done[0]
    more = f" (and {len(done) - 1} more of its records)" if len(done) > 1 else ""
    if folded is None:
        return _BESIDE.format(stored=old[:10]) + more
    if not folded.current:
        return _ASIDE.format(stored=old[:10], number=folded.number, note=folded.note) + more
    return _VERSION.format(stored=old[:10], number=folded.number) + more


def _said_several(kept: list[tuple[str, str]]) -> str:
    _, old = kept[0]
    more = f" (and {len(kept) - 1} more of its records)" if len(kept) > 1 else ""
    return _SEVERAL.format(stored=old[:10]) + more


def reverted_warning(folded: Folded) -> str:
    """What a run says of a page read again with an earlier version's text (an edit the
    outlet reverted), made the article's text again."""
    stored = folded.article_id[:10]
    return (
        f"read before with other text (stored as {stored}, same outlet and URL); read now "
        f"with {folded.note} (an edit reverted?): made its text again, as version "
        f"{folded.number} of {stored} (`newsprism versions {stored}`)"
    )


_SEVERAL = (
    "holds several records under one URL (a live page's updates?) and no longer holds one "
    "read before (stored as {stored}): a record appended is no edit of one gone, so it is "
    "stored as a new article beside it, both kept"
)
_BESIDE = (
    "read before with other text, no longer in it (stored as {stored}, same outlet and URL: "
    "an edited page?); stored as a new article beside it, both kept"
)
_VERSION = (
    "read before with other text, no longer in it (stored as {stored}, same outlet and URL): "
    "an edited page, kept as version {number} of {stored}, its earlier text kept too "
    "(`newsprism versions {stored}`)"
)
_ASIDE = (
    "read before with other text, no longer in it (stored as {stored}, same outlet and URL): "
    "kept as version {number} of {stored} but not made its text, {note}"
)


def replaced(
    store: Store,
    added: Iterable[Article],
    origins: Mapping[str, str | None],
    read: set[str],
) -> dict[str, list[tuple[str, list[str]]]]:
    """By source, each article of ``added`` (just stored) with the ids of the articles
    stored from its file under its outlet and URL, newest first, read this run (in
    ``read``, those it stored among them) or not; those with every one read left out
    (another record of a file holding them)."""
    found: dict[str, list[tuple[str, list[str]]]] = {}
    named = [a for a in added if a.url and origins.get(a.source) is not None]
    if not named:  # stdin, uploads without a manifest, records without a URL
        return found
    with store.transaction() as conn:  # one for the batch: a folder of pages is many
        for article in named:
            origin = origins.get(article.source)
            if origin is None:
                continue
            before = _siblings(conn, article, origin)
            if any(i not in read for i in before):
                found.setdefault(article.source, []).append((article.id, before))
    return found


def _siblings(conn: sqlite3.Connection, article: Article, origin: str) -> list[str]:
    """The ids of the other articles stored from ``origin`` under the article's outlet
    and URL, newest first (the origin column is indexed)."""
    rows = conn.execute(
        "SELECT id FROM articles WHERE origin = ? AND url = ? AND outlet IS ? AND id != ?"
        " ORDER BY rowid DESC",
        (origin, article.url, article.outlet, article.id),
    ).fetchall()
    return [str(row[0]) for row in rows]
