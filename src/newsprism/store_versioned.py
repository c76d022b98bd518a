"""The store's article versions: an article's texts as read over time, a diff between
two of them, and folding a re-read edit into the article it edits
(:class:`VersionedArticles`, a part of :class:`newsprism.store.Store`, kept apart to keep
that module short; the rules are :mod:`newsprism.store_versions`). Tables from migration
``0011_article_versions``."""

from __future__ import annotations

import sqlite3
from collections.abc import Container, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from newsprism import store_versions
from newsprism.store_versions import (
    ArticleVersion,
    Folded,
    fold,
    list_versions,
    revert,
    reverts,
)

__all__ = ["HeldRevert", "VersionedArticles", "Without"]

# A read held back from reverting (:meth:`VersionedArticles.revert_held`): the stored
# article it would revert, its columns as read (by column name), its file's identity.
HeldRevert = tuple[str, dict[str, Any], str | None]


class Without(Container[str]):
    """``ids`` less one: the run's other reads, without copying a large run's set."""

    def __init__(self, ids: Container[str], left_out: str) -> None:
        self._ids, self._left_out = ids, left_out

    def __contains__(self, item: object) -> bool:
        return item != self._left_out and item in self._ids


class VersionedArticles:
    """The article-version methods of :class:`newsprism.store.Store` (its connection, its
    write transaction and the migrations it has)."""

    _conn: sqlite3.Connection
    _applied: set[str]

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # the Store's

    def _revert(
        self,
        conn: sqlite3.Connection,
        edited: str | None,
        read: dict[str, Any],
        origin: str | None,
        batch_ids: Container[str],
    ) -> Folded | None:
        """An earlier version of ``edited`` read again made its text again (see
        :func:`newsprism.store_versions.revert`); None when it is not one."""
        if edited is None or not self._versions:
            return None
        return revert(conn, edited, {**read, "origin": origin}, origin, batch_ids)

    def _read_again(
        self,
        conn: sqlite3.Connection,
        edited: str | None,
        read: dict[str, Any],
        origin: str | None,
        others: Container[str],
        hold: bool,
    ) -> Folded | HeldRevert | None:
        """An earlier version of ``edited`` read again: made its text again (what was
        done), or with ``hold`` (a batch before the run's last) held for
        :meth:`revert_held` (what to revert with); None when it is not one."""
        if edited is None or not self._versions:
            return None
        if hold:
            return (edited, read, origin) if reverts(conn, edited, read, origin) else None
        return self._revert(conn, edited, read, origin, others)

    def revert_held(
        self, held: Sequence[HeldRevert], read_ids: Container[str]
    ) -> list[tuple[int, Folded]]:
        """Make each held read (an earlier version's text, read in a batch before the
        run's last) its article's text again, in run order, in one transaction, unless
        the run read the current text too (``read_ids``: every content id it read): the
        decision is the run's, whatever batches its records fell in. Returns each
        reverted one's place in ``held`` with what was done."""
        done: list[tuple[int, Folded]] = []
        with self.transaction() as conn:
            for n, (edited, read, origin) in enumerate(held):
                ids = Without(read_ids, str(read["id"]))
                if again := self._revert(conn, edited, read, origin, ids):
                    done.append((n, again))
        return done

    @property
    def _versions(self) -> bool:
        return "0011_article_versions" in self._applied

    def article_versions(self, article_id: str) -> list[ArticleVersion]:
        """The versions of the article with this exact id, first read first (see
        :mod:`newsprism.store_versions`); empty when there is no such article."""
        return list_versions(self._conn, article_id, self._versions)

    def version_diff(self, article_id: str, old: int, new: int) -> str | None:
        """A unified diff of the article's text from version ``old`` to ``new`` (None:
        either is not one of its versions)."""
        return store_versions.version_diff(self._conn, article_id, old, new, self._versions)

    def fold_version(self, earlier: str, later: str) -> Folded | None:
        """Make the stored article ``later`` a version of ``earlier`` (the same page read
        again, edited) in one transaction, when safe; None when not (nothing changed).
        See :func:`newsprism.store_versions.fold`."""
        with self.transaction() as conn:
            return fold(conn, earlier, later)

    def folded_into(self, ids: Iterable[str]) -> dict[str, str]:
        """Of these ids, those now a version of a stored article, each with its id."""
        wanted = list(dict.fromkeys(ids))
        return store_versions.folded_into(self._conn, wanted) if self._versions else {}
