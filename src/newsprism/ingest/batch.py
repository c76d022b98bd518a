"""Ingest into the store: read inputs, write articles in atomic batches, report.

This is the one library function behind ``newsprism ingest`` and the first step of
``newsprism analyze``; the CLI only parses arguments and draws progress.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Literal

from newsprism.errors import StoreBusy
from newsprism.ingest.pipeline import (
    IngestOptions,
    read_inputs,
    unanalysed_warning,
    warnings_once,
)
from newsprism.ingest.reread_notes import Rereads, reverted_warning
from newsprism.ingest.sources import Input, InputKind, expand_inputs
from newsprism.model import Article, IngestFailure, IngestWarning
from newsprism.store import AddResult, Store
from newsprism.store_corrections import origin_of, stored_origins
from newsprism.store_open import IN_MEMORY
from newsprism.store_versioned import HeldRevert
from newsprism.store_versions import Folded

logger = logging.getLogger(__name__)

# Articles per transaction. 200 keeps a commit's fsync cost under 1% of the work while
# bounding what a crash can lose to a few seconds of reading (measured in bench/ingest.py).
BATCH_SIZE = 200


@dataclass
class IngestReport:
    """What an ingest run did. ``article_ids`` lists the stored id of every article read,
    in input order; ``corrected`` the stored articles a re-read gave new metadata (a
    manifest's corrected outlet, URL or date); ``warnings`` the inputs read only by
    repairing something (one line each, for stderr)."""

    inputs: int = 0
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    # Duplicates whose stored metadata differs from the re-read's: the columns kept as
    # stored (the re-read could not correct them), by stored id.
    kept: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Stored articles this run read with new text, kept as a new version (an edited
    # page, an edit reverted): before, such a run said "ingested 0, duplicate 0" and
    # only a warning told the edit. Not counted among ``duplicates``.
    edited: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def plan_inputs(values: Iterable[str]) -> list[Input | IngestFailure]:
    """Expand paths, folders, globs and URLs up front (names only), to count them."""
    return list(expand_inputs(values))


def ingest(
    store: Store,
    inputs: Iterable[Input | IngestFailure | str],
    options: IngestOptions | None = None,
    stdin: IO[bytes] | None = None,
    on_input_done: Callable[[Input | IngestFailure], None] | None = None,
    source_names: Mapping[str, str] | None = None,
    origins: Mapping[str, str] | None = None,
    named_by_file: dict[str, str] | None = None,
    tell_kept: bool = True,
) -> IngestReport:
    """Read every input and store its articles, ``BATCH_SIZE`` per transaction.
    ``source_names`` gives the source to store for articles read from a path, where the
    path is not what the user gave (the web app stores an upload under the name it was
    uploaded as, not the temporary file it was read from); ``origins`` such a path's
    identity (what a later re-read must match to correct its articles), none when it
    is not named: then its articles correct nothing. ``named_by_file`` carries what
    :func:`read_inputs` learnt of outlets named by file names from one call to the next
    of one run. ``tell_kept``: warn about a duplicate whose metadata differs from the
    stored copy's (see :meth:`ArticleBatch._kept_as_stored`).

    Guarantee: a failure in one input never stops the others, and what was stored
    before a crash stays stored (each batch commits on its own).
    """
    report = IngestReport()
    batch = ArticleBatch(tell_kept=tell_kept)
    inputs = without_store_files(inputs, store.path, on_input_done)
    count_input = _input_counter(report, on_input_done)
    warn = _warning_keeper(report, source_names)
    guessed = batch.guessed_outlets.add
    items = read_inputs(inputs, options, stdin, count_input, warn, guessed, named_by_file)
    _store_items(store, items, batch, report, source_names or {}, origins or {})
    return report


def _input_counter(
    report: IngestReport, on_input_done: Callable[[Input | IngestFailure], None] | None
) -> Callable[[Input | IngestFailure], None]:
    """Counts each input read into ``report``, and tells ``on_input_done``."""

    def count_input(found: Input | IngestFailure) -> None:
        report.inputs += 1
        if on_input_done is not None:
            on_input_done(found)

    return count_input


def _warning_keeper(
    report: IngestReport, source_names: Mapping[str, str] | None
) -> Callable[[IngestWarning], None]:
    """Keeps each warning in ``report``. A renamed path's warnings name it as its
    articles are stored (an upload's name, not its temporary file), so the store's own
    warnings know it said them."""

    def warn(warning: IngestWarning) -> None:
        renamed = (source_names or {}).get(warning.source)
        report.warnings.append(warning if renamed is None else replace(warning, source=renamed))

    return warn


def _store_items(
    store: Store,
    items: Iterable[Article | IngestFailure],
    batch: ArticleBatch,
    report: IngestReport,
    source_names: Mapping[str, str],
    origins: Mapping[str, str],
) -> None:
    """Store the articles read, ``BATCH_SIZE`` per transaction; failures go to ``report``.
    An article read from a renamed path is stored under its name, with its origin."""
    for item in items:
        if isinstance(item, IngestFailure):
            report.failures.append(item)
            continue
        if item.source in source_names:
            origin = origins.get(item.source)
            batch.add(dataclasses.replace(item, source=source_names[item.source]), origin)
        else:
            batch.add(item)
        if len(batch.articles) >= BATCH_SIZE:
            batch.flush(store, report, last=False)
    batch.flush(store, report)


# The files SQLite keeps a store in: the database and its journals.
_STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def without_store_files(
    inputs: Iterable[Input | IngestFailure | str],
    db_path: str,
    on_input_done: Callable[[Input | IngestFailure], None] | None,
) -> Iterator[Input | IngestFailure | str]:
    """``inputs`` less the files of the store being written: a store kept in the folder
    it reads (``ingest . --db news.db``) had its database, -wal and -shm files read as
    articles, each run, each a failure ("binary content"), and the run exited 1. The
    dask engine leaves them out of its inputs with this too."""
    if db_path == IN_MEMORY:
        yield from inputs
        return
    names = {Path(db_path).name + suffix for suffix in _STORE_SUFFIXES}
    real = {os.path.realpath(db_path + suffix) for suffix in _STORE_SUFFIXES}
    for found in _expanded(inputs):
        if (
            isinstance(found, Input)
            and found.kind is InputKind.FILE
            and found.source.rpartition(os.sep)[2] in names  # cheap: most names differ
            and os.path.realpath(found.source) in real
        ):
            logger.info("%s: the store itself, not read", found.source)
            if on_input_done is not None:
                on_input_done(found)
            continue
        yield found


def _expanded(
    inputs: Iterable[Input | IngestFailure | str],
) -> Iterator[Input | IngestFailure | str]:
    for found in inputs:
        if isinstance(found, str):
            yield from expand_inputs([found])
        else:
            yield found


@dataclass
class ArticleBatch:
    """The articles waiting to be stored, and which of them may correct a stored one:
    the first read this run from its source with its text. A later one is another record
    of a file holding many (a JSON Lines export may hold one wire text under two
    outlets: two articles, not a correction of the first). One per run: the dask
    engine's writer stores through one too (:mod:`newsprism.engine.dask`)."""

    articles: list[Article] = field(default_factory=list)
    may_correct: set[str] = field(default_factory=set)
    # Articles whose outlet is only their file's name: they correct no stored outlet.
    guessed_outlets: set[str] = field(default_factory=set)
    # Source -> the identity of the file read (store_corrections.origin_of).
    origins: dict[str, str | None] = field(default_factory=dict)
    # (source, digest of the text) of every article read this run.
    _read: set[tuple[str, bytes]] = field(default_factory=set)
    # Warn about duplicates whose metadata differs from the stored copy's (the web app
    # says it on the upload's line, with its own way to update them).
    tell_kept: bool = True
    _told_kept: set[str] = field(default_factory=set)  # sources warned about
    # Articles stored beside a text read before from their file (told at the last flush).
    _rereads: Rereads = field(default_factory=Rereads)
    # The content id of every article read this run, and the reads of earlier batches
    # that would revert a stored article (an earlier version's text), decided at the
    # last flush, once the run is known not to have read the current text too.
    _run_ids: set[str] = field(default_factory=set)
    _held: list[tuple[Article, HeldRevert]] = field(default_factory=list)

    def add(self, article: Article, origin: str | Literal[False] | None = False) -> None:
        """Queue ``article``; ``origin`` the identity of the file it was read from
        (False: its source names it, see :func:`origin_of`)."""
        if article.source not in self.origins:
            self.origins[article.source] = origin_of(article.source) if origin is False else origin
        key = (article.source, hashlib.blake2b(article.text.encode(), digest_size=16).digest())
        if key not in self._read:
            self._read.add(key)
            self.may_correct.add(article.id)
        self._run_ids.add(article.id)
        self.articles.append(article)

    def flush(self, store: Store, report: IngestReport, last: bool = True) -> None:
        """Store the queued articles in one transaction, adding what it did to ``report``;
        ``last``: no article of the run comes after them (reread warnings wait for it).
        A store another process holds says how many new articles this run stored before
        (its earlier batches stay stored; a rerun finds them stored and goes on)."""
        try:
            if last:
                self._revert_held(store, report)
            if not self.articles:
                if last:
                    self._rereads.settle(report)
                return
            self._store(store, report, last)
        except StoreBusy as exc:
            added = len(report.added)
            kept = f"this run's {added} new article{'s' * (added != 1)}" if added else ""
            raise exc.kept_too(kept) from None

    def _store(self, store: Store, report: IngestReport, last: bool) -> None:
        result = store.add_articles(
            self.articles,
            self.may_correct,
            self.guessed_outlets,
            self.origins,
            read_ids=self._run_ids,
            hold_reverts=not last,
        )
        report.added.extend(result.added)
        added = set(result.added)
        report.duplicates.extend(result.duplicates)
        self._held.extend((self.articles[n], held) for n, held in result.held)
        # "not analysed" only for the articles just stored: a duplicate was told when
        # first stored
        report.warnings.extend(warnings_once(self.articles, added, unanalysed_warning))
        report.warnings.extend(self._stored_from_another_file(store, result, report.warnings))
        report.corrected.extend(result.corrected)
        for n, folded in result.reverted:
            _reverted(report, self.articles[n], folded)
        report.kept.update((i, columns) for _, i, columns in result.kept)
        if self.tell_kept:
            report.warnings.extend(self._kept_as_stored(store, result))
        stored_ids = result.stored_ids or [a.id for a in self.articles]
        stored_now = [a for a in self.articles if a.id in added]
        self._rereads.note(store, stored_now, self.origins, stored_ids)
        report.article_ids.extend(stored_ids)
        if last:  # after the ids: a new version is named by the article it is one of
            self._rereads.settle(report)
        self.articles.clear()
        self.may_correct.clear()
        self.guessed_outlets.clear()

    def _revert_held(self, store: Store, report: IngestReport) -> None:
        """Revert what earlier batches held back (:meth:`Store.revert_held`), in run
        order and before the last batch's own reads, so that which read wins does not
        depend on where a batch ended."""
        if not self._held:
            return
        held, self._held = self._held, []
        done = store.revert_held([h for _, h in held], self._run_ids)
        for n, folded in done:
            _reverted(report, held[n][0], folded)

    def _stored_from_another_file(
        self, store: Store, result: AddResult, said: list[IngestWarning]
    ) -> list[IngestWarning]:
        """A warning for each article whose outlet is only its file's name and whose
        text is stored already from another file under that name: read in two runs
        ('ingest fox', then 'ingest cnn'), cnn/2026-03-03.txt, the same text as
        fox/2026-03-03.txt, was a duplicate without a word (the run's own warning only
        compares the files of one run, and says it already when it did)."""
        duplicates = set(result.duplicates)
        told = {w.source for w in said}
        found: list[IngestWarning] = []
        for article, stored_id in zip(self.articles, result.stored_ids, strict=False):
            if article.id not in self.guessed_outlets or stored_id not in duplicates:
                continue
            stored = store.get_article(stored_id)
            if stored is None or article.source in told or _one_file(stored, article):
                continue
            told.add(article.source)
            message = (
                f"no outlet found: named {article.outlet!r} by its file name, and its text "
                f"is stored already from {stored.source} under that name, so it was not "
                "stored again (name its outlet in a newsprism.csv beside it, or with --outlet)"
            )
            found.append(IngestWarning(article.source, message))
        return found

    def _kept_as_stored(self, store: Store, result: AddResult) -> list[IngestWarning]:
        """A warning, once per source, for each article stored already (same text and
        outlet) with another URL, date or title, which it did not update: a copy of a
        file in another folder whose manifest row gave a new URL was a duplicate without
        a word, and the user could not tell the new values were not taken."""
        found: list[IngestWarning] = []
        for n, stored_id, columns in result.kept:
            article = self.articles[n]
            if article.source in self._told_kept:
                continue
            stored = store.get_article(stored_id)
            if stored is None:
                continue
            self._told_kept.add(article.source)
            where = self._where_stored(store, article.source, stored)
            message = (
                f"its text is stored already under {stored.outlet!r} from {where} with "
                f"another {named_columns(columns)}: kept as stored, not updated from this copy"
            )
            found.append(IngestWarning(article.source, message))
        return found

    def _where_stored(self, store: Store, source: str, stored: Article) -> str:
        """'this file' when ``stored`` was read from the file this run read ``source``
        from (their origins); else the file it was (review s38/2 M5: 'feed.jsonl' typed
        in two folders is two files, and 'from this file' named the wrong one)."""
        with store.transaction() as conn:
            _, stored_origin = stored_origins(conn, [stored.id]).get(stored.id, ("", None))
        if stored_origin is not None and stored_origin == self.origins.get(source):
            return "this file"
        if stored.source != source or stored_origin is None:
            return stored.source
        # One spelling, two files: the stored one's real path (or URL) tells them apart.
        return stored.source if stored_origin.startswith("upload:") else stored_origin


def _reverted(report: IngestReport, article: Article, folded: Folded) -> None:
    """``article``'s text, an earlier version's, was made its stored article's text again:
    an edit, not a duplicate, and said."""
    if folded.article_id in report.duplicates:
        report.duplicates.remove(folded.article_id)
    report.edited.append(folded.article_id)
    report.warnings.append(IngestWarning(article.source, reverted_warning(folded)))


# How each stored metadata column is named to the user ("published_utc" is the date).
_SHOWN = {"url": "URL", "published": "date", "published_utc": "date"}


def named_columns(columns: Iterable[str]) -> str:
    """Stored metadata columns as the user knows them: 'URL', 'URL and date'."""
    names = list(dict.fromkeys(_SHOWN.get(c, c) for c in columns))
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _one_file(stored: Article, article: Article) -> bool:
    """Whether ``stored`` was read from ``article``'s file (a re-run of one folder)."""
    if stored.source == article.source:
        return True
    origin = origin_of(article.source)
    return origin is not None and origin == origin_of(stored.source)
