"""The embedded store: SQLite in WAL mode, a named-migration schema, FTS5 search.

Guarantees:

* Idempotent: an article is keyed by its content id, so storing it twice stores it once.
* Atomic per batch: :meth:`Store.add_articles` writes a batch in one transaction; a
  crash mid-batch leaves every earlier batch intact and no half-written article (SQLite's
  WAL journal rolls the open transaction back on the next open).
* Versioned: each migration has a name and is recorded in ``migrations`` when applied;
  a store written by a newer newsprism (an unknown migration name) is refused.

Cost: an insert is one B-tree write plus the FTS5 index update (a trigger); a search is
an FTS5 MATCH ranked by bm25.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import unicodedata
from collections.abc import Container, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

import platformdirs

from newsprism.codec import analysis_from_record
from newsprism.copy_outlets import story_members
from newsprism.errors import AnalysisFailure, ReadOnlyStore, StateChanged, StoreError
from newsprism.model import Analysis, Article, Heading, Removed, Story
from newsprism.store_analyses import (
    EncodedAnalysis,
    analysed_other_text,
    encoded,
    newest_analyses,
)
from newsprism.store_briefs import BriefTable
from newsprism.store_corrections import (
    correct,
    correction_target,
    kept_columns,
    same_file,
    stored_source,
)
from newsprism.store_dedup import DedupTables, DedupUpdate
from newsprism.store_migrations import MIGRATIONS
from newsprism.store_open import IN_MEMORY, Access, closed_on_error, connect, open_mode, write_error
from newsprism.store_schema import check_schema, migrate
from newsprism.store_versioned import HeldRevert, VersionedArticles, Without
from newsprism.store_versions import Folded, version_owner
from newsprism.store_watched import FeedState, WatchedFeeds

logger = logging.getLogger(__name__)

__all__ = [
    "ENV_DB",
    "MAX_ROWS",
    "MIGRATIONS",
    "AddResult",
    "ArticleQuery",
    "ClusteringUpdate",
    "FeedState",
    "Store",
    "as_utc",
    "default_db_path",
    "fts_query",
    "query_moment",
]

ENV_DB = "NEWSPRISM_DB"

_ARTICLE_COLUMNS = (
    "id, source, url, outlet, title, byline, published, published_utc, language, credit, "
    "text, headings, removed, ingested_at"
)
_ARTICLE_COLUMN_NAMES = tuple(_ARTICLE_COLUMNS.split(", "))


def _insert_article(
    conn: sqlite3.Connection, row: tuple[Any, ...], origin: str | None
) -> bool:
    """Insert an article's row (its source the one stored from its file, when one is);
    False when its id is stored already."""
    row = (row[0], stored_source(conn, origin) or row[1], *row[2:])
    cursor = conn.execute(
        f"INSERT INTO articles ({_ARTICLE_COLUMNS}, origin) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        # Not INSERT OR IGNORE: that would also swallow NOT NULL violations.
        "ON CONFLICT (id) DO NOTHING",
        (*row, origin),
    )
    return bool(cursor.rowcount)


def default_db_path() -> Path:
    """``$NEWSPRISM_DB`` if set, else ``newsprism.db`` in the user's data directory."""
    from_env = os.environ.get(ENV_DB)
    if from_env:
        return Path(from_env)
    return Path(platformdirs.user_data_dir("newsprism")) / "newsprism.db"


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one batch did: ids newly stored, ids that were already there, stored ids
    whose metadata a re-read corrected (see :mod:`newsprism.store_corrections`), and
    the id each article of the batch is stored under, in batch order (a correction's
    is the stored article's, not the article's own)."""

    added: tuple[str, ...]
    duplicates: tuple[str, ...]
    corrected: tuple[str, ...] = ()
    stored_ids: tuple[str, ...] = ()
    # Duplicates whose stored metadata differs from the re-read's: the article's place
    # in the batch, the stored id and the columns that differ (kept as stored: the
    # re-read could not correct them).
    kept: tuple[tuple[int, str, tuple[str, ...]], ...] = ()
    # Re-reads whose text was an earlier version of a stored article and is its current
    # text again (an edit reverted): the article's place in the batch and what was done.
    reverted: tuple[tuple[int, Folded], ...] = ()
    # Re-reads that would revert a stored article, held (``hold_reverts``) until the run
    # has read every batch: the article's place in the batch and what to revert with.
    held: tuple[tuple[int, HeldRevert], ...] = ()


@dataclass(frozen=True, slots=True)
class ClusteringUpdate:
    """What one clustering run changes: new signatures, the stories it touched, the
    stories merged away, the clusterers' saved states by name, and the near-duplicate
    window's changes (None: left alone)."""

    signatures: list[tuple[str, bytes]]
    stories: list[Story]
    removed: list[str]
    state: dict[str, bytes]
    dedup: DedupUpdate | None = None


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Filters for :meth:`Store.list_articles`; ``search`` holds words that must all occur."""

    outlet: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    search: str | None = None
    limit: int = 50
    offset: int = 0


# The largest row count or offset SQLite takes (a 64-bit integer); "--limit 10**20"
# means every row, and was an OverflowError traceback.
MAX_ROWS = 2**63 - 1


def _rows(count: int) -> int:
    return min(count, MAX_ROWS)


def as_utc(moment: datetime) -> datetime:
    """An aware ``moment`` in UTC. A time UTC cannot hold (the first hours of year 1 east
    of Greenwich, the last of year 9999 west of it: "--since 0001-01-01T00:00+01:00") is
    the first or last time it can, which compares the same with every stored time; it
    was an OverflowError traceback."""
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        extreme = datetime.min if moment.year == 1 else datetime.max
        return extreme.replace(tzinfo=UTC)


def query_moment(value: object, name: str) -> datetime:
    """An :class:`ArticleQuery` bound (``since``/``until``, the CLI's ``--since``/
    ``--until``) as an aware datetime: an ISO string ("2026-03-01") or a date, a naive
    time read as UTC (the store compares UTC strings, and a naive time would otherwise
    be taken as the machine's local time). Raises ValueError (a string that is no ISO
    date) or TypeError (anything else), each naming ``name``."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{name}: expected an ISO date such as 2026-03-01, got {value!r}"
            ) from None
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if not isinstance(value, datetime):
        raise TypeError(f"{name}: expected a datetime, a date or an ISO string, got {value!r}")
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Store(WatchedFeeds, VersionedArticles):
    """One SQLite database of articles (and, later, analyses and stories)."""

    def __init__(self, path: str | Path = IN_MEMORY, access: Access = "write") -> None:
        """Open (creating if need be) the store at ``path``.

        ``access``: ``write`` (the default: refused with :class:`ReadOnlyStore` when the
        file or its folder cannot be written), ``read`` (read-only), or ``auto`` (write
        when possible, else read-only: what read commands use). A read-only store is
        opened with SQLite's ``mode=ro``, or ``immutable=1`` when its folder is read-only
        too (no ``-wal``/``-shm`` can be made there); it is not migrated.
        """
        self.path = str(path)
        mode = open_mode(self.path, access)
        self.read_only = mode != "write"
        self._conn = connect(self.path, mode)
        self._states_read: dict[str, bytes | None] = {}  # clusterer states read: digests
        with closed_on_error(self._conn, self.path):
            if self.read_only:
                self._applied = check_schema(self._conn, self.path, MIGRATIONS)
            else:
                migrate(self._conn, MIGRATIONS, self.path)
                self._applied = {name for name, _ in MIGRATIONS}

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back on error."""
        if self.read_only:
            raise ReadOnlyStore(f"{self.path}: the store is open read-only; nothing was written")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise write_error(self.path, exc) from None
        try:
            yield self._conn
        except BaseException:
            # SQLite may have rolled back already (a full disk, an I/O error): a second
            # ROLLBACK raised "no transaction is active" in place of the real error.
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            # A failed COMMIT can leave the transaction open, and every later write of
            # this connection (a watch's next poll) failed to begin one.
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise write_error(self.path, exc) from None

    def add_articles(
        self,
        articles: Iterable[Article],
        may_correct: Container[str] = (),
        guessed_outlets: Container[str] = (),
        origins: Mapping[str, str | None] | None = None,
        read_ids: Container[str] | None = None,
        hold_reverts: bool = False,
    ) -> AddResult:
        """Store a batch of articles in one transaction; already stored ids are skipped.
        An article whose id is in ``may_correct`` and that re-reads a stored one (same
        source, same text) updates that one's metadata instead of being stored beside it;
        any other that re-reads a stored one with its outlet is that one, a duplicate
        (:mod:`newsprism.store_corrections`), and so is a later article of the batch with
        the id of an earlier one (two records of one text and outlet: the first is kept;
        the second "corrected" it to its own URL or date, and back on the next run).
        A correction keeps the stored outlet for an article in ``guessed_outlets`` (its
        outlet only its file's name) and every stored value the article lacks.
        ``origins`` maps an article's source to the identity of the file it was read
        from (:func:`newsprism.store_corrections.origin_of`), stored with it: only a
        re-read of the same file corrects (a source without one corrects nothing).
        A duplicate whose metadata differs from the stored one's is listed in
        ``kept`` with the columns that differ (the caller tells the user).
        An earlier version's text read again reverts its article unless the run read the
        current text too: ``read_ids`` the content ids the run read (default: this
        batch's); ``hold_reverts`` (a batch before the run's last) lists such a read in
        ``held`` instead, stored as a duplicate, for :meth:`revert_held` at the end."""
        added: list[str] = []
        duplicates: list[str] = []
        corrected: list[str] = []
        stored_ids: list[str] = []
        kept: list[tuple[int, str, tuple[str, ...]]] = []
        again_read: list[tuple[int, Folded | HeldRevert]] = []  # reverted or held
        articles = list(articles)
        batch_ids = {a.id for a in articles}
        run_ids = batch_ids if read_ids is None else read_ids
        seen: set[str] = set()  # ids of this batch: a later copy of one corrects nothing
        now = datetime.now(UTC).isoformat()
        with self.transaction() as conn:
            for n, article in enumerate(articles):
                row = _article_row(article, now)
                corrects = article.id in may_correct and article.id not in seen
                seen.add(article.id)
                origin = (origins or {}).get(article.source)
                target = correction_target(conn, article, corrects, origin)
                metadata = dict(zip(_ARTICLE_COLUMN_NAMES, row, strict=True))
                guessed = article.id in guessed_outlets
                owner = version_owner(conn, article.id) if self._versions else None
                edited = target["id"] if target is not None else owner
                # An earlier version's text read again: before it corrects metadata
                # (review rev1 S1), it is made the article's text again.
                others = Without(run_ids, article.id)
                if again := self._read_again(conn, edited, metadata, origin, others, hold_reverts):
                    again_read.append((n, again))
                    duplicates.append(str(edited))
                    stored_ids.append(str(edited))
                    continue
                if target is not None:
                    corrects = corrects and same_file(target, origin)
                    tables = frozenset(self._applied)
                    if corrects and correct(conn, target, metadata, tables, guessed):
                        corrected.append(target["id"])
                    else:
                        duplicates.append(target["id"])
                        differ = kept_columns(conn, target, metadata, guessed)
                        kept.extend((n, i, columns) for i, columns in differ)
                    stored_ids.append(target["id"])
                    continue
                if owner is not None:  # a text kept as a version of a stored article
                    duplicates.append(owner)
                    stored_ids.append(owner)
                    continue
                if _insert_article(conn, row, origin):
                    added.append(article.id)
                else:  # stored already from another file (or not one to correct)
                    duplicates.append(article.id)
                    differ = kept_columns(conn, article.id, metadata, guessed)
                    kept.extend((n, i, columns) for i, columns in differ)
                stored_ids.append(article.id)
        return AddResult(
            tuple(added),
            tuple(duplicates),
            tuple(corrected),
            tuple(stored_ids),
            tuple(kept),
            tuple((n, r) for n, r in again_read if isinstance(r, Folded)),
            tuple((n, r) for n, r in again_read if not isinstance(r, Folded)),
        )

    def get_article(self, id_or_prefix: str) -> Article | None:
        """The article with this id, or with the only id starting with this prefix."""
        rows = self._conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles "
            "WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2",
            (id_or_prefix, _escape_like(id_or_prefix) + "%"),
        ).fetchall()
        exact = [r for r in rows if r["id"] == id_or_prefix]
        if exact or len(rows) == 1:
            return _row_article((exact or rows)[0])
        return None

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        """The articles with these exact ids, in the order given (unknown ids are left
        out). Cost: one primary-key lookup per id, 500 ids a query."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Article] = {}
        for chunk in (wanted[i : i + 500] for i in range(0, len(wanted), 500)):
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})"
            found.update((r["id"], _row_article(r)) for r in self._conn.execute(sql, chunk))
        return [found[i] for i in wanted if i in found]

    def list_articles(self, query: ArticleQuery | None = None) -> list[Article]:
        """Articles matching ``query``: newest first, or by relevance when searching."""
        sql, params = _list_sql(query or ArticleQuery())
        try:
            rows = self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query ({exc})") from None
        return [_row_article(row) for row in rows]

    def save_analyses(
        self,
        analyses: Iterable[Analysis | EncodedAnalysis],
        failures: Iterable[AnalysisFailure] = (),
        version: str = "",
        texts: Mapping[str, str] | None = None,
    ) -> int:
        """Store analyses (replacing older ones of the same articles) and the failures of
        analyser ``version`` in one transaction; an article analysed now loses its
        recorded failure. Analyses may come encoded already (the dask engine's workers).
        One of an article no longer stored is left out: another command made it a
        version of the article it edits while this one analysed it (its insert broke
        the foreign key, a traceback). ``texts``: the SHA-256 (:func:`text_hash`) of the
        text each article was analysed with, by id; one whose article's current text is
        another is left out too (logged): the article became another text's version, or
        its edit reverted, after the text was read (review rev1 5)."""
        now = datetime.now(UTC).isoformat()
        rows = [(e.article_id, e.version, e.data, now) for e in map(encoded, analyses)]
        failed = [(f.article, version, f.stage, f.error, now) for f in failures]
        with self.transaction() as conn:
            gone = _gone(conn, [r[0] for r in rows] + [f[0] for f in failed])
            if gone:
                logger.info("not saved, no longer stored (made versions): %s", sorted(gone))
            stale = analysed_other_text(conn, texts or {})
            if stale:
                logger.info("not saved, analysed with a text no longer theirs: %s", stale)
            skip = gone | set(stale)
            rows = [r for r in rows if r[0] not in skip]
            failed = [f for f in failed if f[0] not in skip]
            conn.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?)", rows)
            conn.executemany(
                "DELETE FROM analysis_failures WHERE article_id = ?", [(r[0],) for r in rows]
            )
            conn.executemany(
                "INSERT OR REPLACE INTO analysis_failures VALUES (?, ?, ?, ?, ?)", failed
            )
        return len(rows)

    def analysis_failures(self, article_ids: Iterable[str]) -> list[AnalysisFailure]:
        """The recorded analysis failures among these articles, in the order given."""
        if "0005_analysis_failures" not in self._applied:
            return []  # a read-only store from before failures were recorded
        ids = list(dict.fromkeys(article_ids))
        select = (
            "SELECT f.article_id, a.source, f.stage, f.error FROM analysis_failures f "
            "JOIN articles a ON a.id = f.article_id"
        )
        found = {row[0]: AnalysisFailure(*row) for row in self._in_chunks(select, ids)}
        return [found[i] for i in ids if i in found]

    def get_analysis(self, article_id: str, version: str) -> Analysis | None:
        """The stored analysis of an article by analyser ``version``, or None (absent or stale)."""
        row = self._conn.execute(
            "SELECT data FROM analyses WHERE article_id = ? AND version = ?", (article_id, version)
        ).fetchone()
        if row is None:
            return None
        try:
            return analysis_from_record(article_id, version, json.loads(row["data"]))
        except (KeyError, TypeError, ValueError):
            logger.warning("analysis of %s is unreadable; it will be redone", article_id)
            return None

    def newest_analyses(self, article_ids: Iterable[str]) -> dict[str, Analysis]:
        """Each article's stored analysis of any analyser version (names for re-heating
        a story stored before a version bump: :mod:`newsprism.cluster.cold`)."""
        return newest_analyses(self._conn, article_ids)

    def unanalyzed(self, article_ids: Iterable[str], version: str) -> list[str]:
        """The ids among ``article_ids`` with no analysis by analyser ``version``."""
        ids = list(dict.fromkeys(article_ids))
        rows = self._in_chunks("SELECT article_id, version FROM analyses", ids)
        done = {article_id for article_id, done_by in rows if done_by == version}
        return [i for i in ids if i not in done]

    # --- stories ----------------------------------------------------------------------

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """Every stored near-duplicate signature, in the order articles were clustered."""
        rows = self._conn.execute("SELECT article_id, minhash FROM signatures ORDER BY rowid")
        for row in rows:
            yield row[0], bytes(row[1])

    def unclustered(self, article_ids: Iterable[str]) -> list[str]:
        """The ids among ``article_ids`` that belong to no story yet, in the order given."""
        ids = list(dict.fromkeys(article_ids))
        done = {r[0] for r in self._in_chunks("SELECT article_id FROM story_articles", ids)}
        return [i for i in ids if i not in done]

    def clusterer_state(self, name: str) -> bytes | None:
        row = self._conn.execute("SELECT data FROM clusterer_state WHERE name = ?", (name,))
        found = row.fetchone()
        data = bytes(found[0]) if found else None
        self._states_read[name] = _digest(data)
        return data

    def save_clustering(self, update: ClusteringUpdate) -> None:
        """Store one clustering run atomically: signatures, stories, membership, state.

        Raises :class:`StateChanged` (nothing written) when a state this store read has
        since been saved by another command: two ``analyze`` runs at once each add their
        articles to the state they read, and the later save would drop the other's.
        """
        now = datetime.now(UTC).isoformat()
        with self.transaction() as conn:
            for name in update.state:
                row = conn.execute("SELECT data FROM clusterer_state WHERE name = ?", (name,))
                found = row.fetchone()
                read = self._states_read.get(name, _NOT_READ)
                if read is not _NOT_READ and read != _digest(found and bytes(found[0])):
                    raise StateChanged(f"{self.path}: story grouping saved by another command")
            conn.executemany("INSERT OR REPLACE INTO signatures VALUES (?, ?)", update.signatures)
            conn.executemany("DELETE FROM stories WHERE id = ?", [(i,) for i in update.removed])
            for story in update.stories:
                conn.execute(
                    "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?)",
                    _story_row(story, now),
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO story_articles VALUES (?, ?, ?)",
                    [(a, story.id, n) for n, a in enumerate(story.articles)],
                )
            for name, data in update.state.items():
                conn.execute(
                    "INSERT OR REPLACE INTO clusterer_state VALUES (?, ?, ?)", (name, data, now)
                )
            if update.dedup is not None:
                self.dedup.write(conn, update.dedup)
        self._states_read.update((n, _digest(d)) for n, d in update.state.items())

    @property
    def dedup(self) -> DedupTables:
        """The near-duplicate window's tables (see :mod:`newsprism.store_dedup`)."""
        return DedupTables(self._conn)

    @property
    def briefs(self) -> BriefTable:
        """The stored briefs (see :mod:`newsprism.store_briefs`)."""
        return BriefTable(self._conn, self.transaction, "0008_stored_briefs" in self._applied)

    def save_dedup(self, update: DedupUpdate) -> None:
        """Write a near-duplicate window update in its own transaction."""
        with self.transaction() as conn:
            self.dedup.write(conn, update)

    def get_story(self, id_or_prefix: str) -> Story | None:
        """The story with this id, or with the only id starting with this prefix."""
        rows = self._conn.execute(
            "SELECT * FROM stories WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2",
            (id_or_prefix, _escape_like(id_or_prefix) + "%"),
        ).fetchall()
        exact = [r for r in rows if r["id"] == id_or_prefix]
        if exact or len(rows) == 1:
            return self._story((exact or rows)[0])
        return None

    def story_stamp(self, story_id: str) -> str | None:
        """When the story was last stored or changed, a member's text edited included
        (:mod:`newsprism.store_versions`): a cached brief is kept under it."""
        row = self._conn.execute("SELECT updated_at FROM stories WHERE id = ?", (story_id,))
        found = row.fetchone()
        return None if found is None else str(found[0])

    def ids_starting(
        self, kind: Literal["stories", "articles"], prefix: str, limit: int = 6
    ) -> list[str]:
        """Up to ``limit`` story (or article) ids starting with ``prefix``, sorted: what
        an ambiguous prefix could mean."""
        table = {"stories": "stories", "articles": "articles"}[kind]
        rows = self._conn.execute(
            f"SELECT id FROM {table} WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
            (_escape_like(prefix) + "%", limit),
        )
        return [r[0] for r in rows]

    def list_stories(self, limit: int = 50, offset: int = 0) -> list[Story]:
        """Stories, most recently updated news first."""
        rows = self._conn.execute(
            "SELECT * FROM stories ORDER BY coalesce(last_published, updated_at) DESC, id "
            "LIMIT ? OFFSET ?",
            (_rows(limit), _rows(offset)),
        ).fetchall()
        return [self._story(row) for row in rows]

    def stories_updated_since(self, story_ids: Iterable[str], since: datetime) -> set[str]:
        """Which of these stories were stored or changed (gained articles, merged) after
        ``since``. Cost: one indexed lookup per id."""
        after = as_utc(since).isoformat()
        ids = list(dict.fromkeys(story_ids))
        return {
            i
            for i in ids
            if self._conn.execute(
                "SELECT 1 FROM stories WHERE id = ? AND updated_at > ?", (i, after)
            ).fetchone()
        }

    def stories_of(self, article_ids: Iterable[str]) -> list[Story]:
        """The stories these articles belong to, in order of their first article given."""
        ids = list(dict.fromkeys(article_ids))
        story_of = dict(self._in_chunks("SELECT article_id, story_id FROM story_articles", ids))
        wanted = dict.fromkeys(story_of[i] for i in ids if i in story_of)
        found = (self.get_story(s) for s in wanted)
        return [s for s in found if s is not None]

    def _story(self, row: sqlite3.Row) -> Story:
        members = self._conn.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position",
            (row["id"],),
        )
        column = "duplicates"
        try:
            duplicates = _groups(json.loads(row["duplicates"]))
            column = "first_published"
            first = _when(row["first_published"])
            column = "last_published"
            last = _when(row["last_published"])
        except (ValueError, TypeError) as exc:
            # As _row_article: a row edited by hand is one error naming it, not a traceback.
            raise StoreError(
                f"story {row['id']}: its {column} in the store cannot be read ({exc})"
            ) from None
        return Story(
            id=row["id"],
            title=row["title"],
            articles=tuple(r[0] for r in members),
            duplicates=duplicates,
            first_published=first,
            last_published=last,
        )

    def _in_chunks(self, select: str, ids: list[str]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``select ... WHERE article_id IN (ids)``, a few hundred ids at a time."""
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ", ".join("?" * len(chunk))
            yield from self._conn.execute(f"{select} WHERE article_id IN ({marks})", chunk)

    def count_articles(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def count_stories(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM stories").fetchone()[0])

    def outlets_by_story(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        """Each story's outlets, sorted ("?" for an article without one); a copy whose
        outlet is only its file's name adds none (:mod:`newsprism.copy_outlets`)."""
        found: dict[str, set[str]] = {}
        for story_id, members, uncounted in story_members(self._conn, story_ids):
            found[story_id] = {
                m.outlet or "?" for m in members.values() if m.id not in uncounted
            }
        return {i: sorted(o) for i, o in found.items()}

    def uncounted_copies(self, story_ids: Iterable[str]) -> frozenset[str]:
        """The articles of these stories that are copies adding no outlet: saved again
        under another file name (:func:`newsprism.copy_outlets.uncounted_copies`)."""
        return frozenset(i for _, _, left in story_members(self._conn, story_ids) for i in left)

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT name FROM migrations ORDER BY name")]

    def integrity_problems(self) -> list[str]:
        """Problems SQLite and the FTS index find in this store (empty when sound)."""
        problems = [r[0] for r in self._conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        try:
            self._conn.execute(
                "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
        indexed = self._conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        if indexed != self.count_articles():
            problems.append(
                f"full-text index holds {indexed} rows for {self.count_articles()} articles"
            )
        return problems


_NOT_READ = b"not read"


def _gone(conn: sqlite3.Connection, ids: list[str]) -> set[str]:
    """The ids among ``ids`` no article is stored under (one primary-key lookup each)."""
    found = (conn.execute("SELECT 1 FROM articles WHERE id = ?", (i,)).fetchone() for i in ids)
    return {i for i, row in zip(ids, found, strict=True) if row is None}


def _digest(data: bytes | None) -> bytes | None:
    return None if data is None else hashlib.blake2b(data, digest_size=16).digest()


def _article_row(article: Article, ingested_at: str) -> tuple[Any, ...]:
    published = article.published
    return (
        article.id,
        article.source,
        article.url,
        article.outlet,
        article.title,
        article.byline,
        published.isoformat() if published else None,
        published.astimezone(UTC).isoformat() if published else None,
        article.language,
        article.credit,
        article.text,
        json.dumps([[h.text, h.before_paragraph] for h in article.headings]),
        json.dumps([[r.line, r.reason, r.line_number] for r in article.removed]),
        ingested_at,
    )


def _row_article(row: sqlite3.Row) -> Article:
    """The article of one row. Raises StoreError naming the article and the column when
    a value cannot be read (a row edited by hand in sqlite3 or a browser of the store:
    it was a JSONDecodeError or ValueError traceback)."""
    column = "published"
    try:
        published = datetime.fromisoformat(row["published"]) if row["published"] else None
        column = "headings"
        headings = tuple(Heading(t, i) for t, i in json.loads(row["headings"]))
        column = "removed"
        removed = tuple(Removed(line, why, n) for line, why, n in json.loads(row["removed"]))
        column = "ingested_at"
        ingested_at = datetime.fromisoformat(row["ingested_at"])
    except (ValueError, TypeError) as exc:
        raise StoreError(
            f"article {row['id']}: its {column} in the store cannot be read ({exc})"
        ) from None
    return Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        byline=row["byline"],
        published=published,
        language=row["language"],
        credit=row["credit"],
        headings=headings,
        removed=removed,
        ingested_at=ingested_at,
    )


def _story_row(story: Story, updated_at: str) -> tuple[Any, ...]:
    return (
        story.id,
        story.title,
        story.first_published.isoformat() if story.first_published else None,
        story.last_published.isoformat() if story.last_published else None,
        json.dumps([list(g) for g in story.duplicates]),
        updated_at,
    )


def _groups(value: object) -> tuple[tuple[str, ...], ...]:
    """A story's near-duplicate groups as stored: a list of lists of article ids."""
    if not isinstance(value, list) or not all(
        isinstance(g, list) and all(isinstance(i, str) for i in g) for g in value
    ):
        raise ValueError("not a list of lists of article ids")
    return tuple(tuple(g) for g in value)


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _list_sql(query: ArticleQuery) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    source = "articles"
    order = "coalesce(published_utc, ingested_at) DESC, id"
    search = fts_query(query.search or "")
    if search:
        source = "articles JOIN articles_fts ON articles_fts.rowid = articles.rowid"
        where.append("articles_fts MATCH ?")
        params.append(search)
        order = "bm25(articles_fts), id"
    if query.outlet:
        where.append("outlet = ? COLLATE NOCASE")
        params.append(query.outlet)
    if query.since:
        where.append("published_utc >= ?")
        params.append(as_utc(query.since).isoformat())
    if query.until:
        where.append("published_utc < ?")
        params.append(as_utc(query.until).isoformat())
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    columns = ", ".join(f"articles.{c.strip()}" for c in _ARTICLE_COLUMNS.split(","))
    sql = f"SELECT {columns} FROM {source} {clause} ORDER BY {order} LIMIT ? OFFSET ?"
    return sql, [*params, _rows(query.limit), _rows(query.offset)]


def fts_query(words: str) -> str:
    """An FTS5 query matching articles holding every word, safe for any user input.

    Words with nothing the index tokenizes (only punctuation) are left out, and an
    empty result means no search at all: a blank search (``-q " "``, ``-q "..."``)
    lists every article, as a blank search box does in sqlite-utils and datasette,
    where FTS5 would refuse an empty query with a syntax error.
    """
    terms = [w.replace('"', '""') for w in words.split() if _has_token(w)]
    return " ".join(f'"{t}"' for t in terms)


def _has_token(word: str) -> bool:
    """Whether FTS5's unicode61 tokenizer finds a token in ``word``: it keeps letters,
    numbers and private-use characters and treats everything else as a separator."""
    return any(unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" for c in word)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
