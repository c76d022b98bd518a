"""Re-reading a file whose metadata the user corrected: the stored article is updated.

An article's id is a digest of its outlet and text, so a file read again after its
manifest row named another outlet got another id, and the store kept both: the same
text twice, once under the wrong outlet, in the story as two outlets agreeing. A new URL
or date in the manifest kept the id and was dropped as a duplicate, without a word.

A correction is a re-read of the same file (its real path, stored as the article's
``origin``; a URL as given) giving the same text: the stored article keeps its id
(stories, analyses and feed entries name it) and takes the new metadata. What was
derived from the old metadata is dropped, to be made again on the next use: the
article's analysis (relative dates resolve against the publication date) and the stored
brief of its story (it names the outlets). Only the caller knows which articles may
correct (see :func:`newsprism.ingest.batch.ingest`: two records of one JSON Lines file
may hold one wire text under two outlets, two articles).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from newsprism.model import Article

logger = logging.getLogger(__name__)

# The columns a correction replaces: the metadata, not the text (nor what cleaning found).
METADATA_COLUMNS = (
    "url",
    "outlet",
    "title",
    "byline",
    "published",
    "published_utc",
    "language",
    "credit",
)
_SELECTED = ", ".join(("id", "source", "origin", *METADATA_COLUMNS))


def correction_target(
    conn: sqlite3.Connection, article: Article, may_correct: bool, origin: str | None
) -> sqlite3.Row | None:
    """The stored article ``article`` re-reads: the one with its id read from the same
    file, else one stored from the same file (or, for a store written before origins
    were kept, the same source) with the same text and outlet (a corrected article
    keeps the id its first outlet gave it), else, when ``article`` ``may_correct``, the
    first stored from the same file with the same text. None if there is none (or the
    one with its id came from elsewhere: a copy of the file, whose metadata is its own).

    ``origin`` is the file's identity (:func:`origin_of`); None (stdin, an upload
    without a manifest) corrects nothing: the same text piped twice under two outlets is
    two articles. A stored row without one (an older store) is corrected by nothing
    either: its source as typed may name another folder's file.

    An article that may not correct (a later record of a file holding many) is still
    the stored one when file, text and outlet agree: it was stored again under its
    own id, a second copy of a corrected article."""
    row: sqlite3.Row | None = conn.execute(
        f"SELECT {_SELECTED} FROM articles WHERE id = ?", (article.id,)
    ).fetchone()
    if row is not None:
        return row if may_correct and same_file(row, origin) else None
    same: sqlite3.Row | None = None
    if origin is not None:
        same = conn.execute(
            f"SELECT {_SELECTED} FROM articles WHERE origin = ? AND text = ? "
            "AND outlet IS ? ORDER BY rowid LIMIT 1",
            (origin, article.text, article.outlet),
        ).fetchone()
    if same is None:
        # Same source as typed, text and outlet: the same article whichever file it is
        # (a duplicate; never corrected, see :func:`same_file`).
        sources = spellings(article.source)
        marks = ", ".join("?" * len(sources))
        same = conn.execute(
            f"SELECT {_SELECTED} FROM articles WHERE source IN ({marks}) AND text = ? "
            "AND outlet IS ? ORDER BY rowid LIMIT 1",
            (*sources, article.text, article.outlet),
        ).fetchone()
    if same is not None or not may_correct or origin is None:
        return same
    found: sqlite3.Row | None = conn.execute(
        f"SELECT {_SELECTED} FROM articles WHERE origin = ? AND text = ? ORDER BY rowid LIMIT 1",
        (origin, article.text),
    ).fetchone()
    return found


def same_file(stored: sqlite3.Row, origin: str | None) -> bool:
    """Whether ``stored`` was read from the file ``origin`` names: only then may a
    re-read correct it."""
    return origin is not None and stored["origin"] == origin


def stored_source(conn: sqlite3.Connection, origin: str | None) -> str | None:
    """The source the first article read from the file ``origin`` is stored under: a new
    article of that file (another record of a JSON Lines file) takes it, so one file is
    one source whichever spelling named it this time ("in/a.jsonl", then its absolute
    path, stored two sources for one file)."""
    if origin is None:
        return None
    row = conn.execute(
        "SELECT source FROM articles WHERE origin = ? ORDER BY rowid LIMIT 1", (origin,)
    ).fetchone()
    return None if row is None else str(row[0])


def origin_of(source: str) -> str | None:
    """The identity of the file or URL ``source`` names: a URL as given, a local path's
    real path (so "in", "./in/", "$PWD/in", a link to it and "in/../in" are one file,
    and "in" typed in two folders two files); None for stdin ("-")."""
    if source == "-":
        return None
    if "://" in source:
        return source
    return os.path.realpath(source)


def spellings(source: str) -> tuple[str, ...]:
    """``source`` and, for a relative path, the spelling versions before paths were
    tidied (:func:`newsprism.ingest.sources.tidy_path`) stored when its folder was given
    as "./in/" or "." ("./in/a.txt" for "in/a.txt"), so a re-read still finds it."""
    if "://" in source or source == "-" or source.startswith((os.sep, ".")):
        return (source,)
    return (source, f".{os.sep}{source}")


def correct(
    conn: sqlite3.Connection,
    stored: sqlite3.Row,
    read: dict[str, object],
    tables: frozenset[str],
    guessed_outlet: bool = False,
) -> bool:
    """Give the stored article the metadata ``read`` (column to value) where it differs;
    True if it did. ``tables`` are the store's applied migrations (what can be dropped).

    A re-read never takes away what is stored: a value it lacks (None) keeps the stored
    one, and so does its outlet when that is only the file's name (``guessed_outlet``).
    Reading a folder again without its manifest (moved, renamed) or without the
    ``--outlet`` of the first run had set every article's URL and date to none and its
    outlet to its file's name, each counted as a correction."""
    metadata = _corrected(stored, read, guessed_outlet)
    if all(stored[column] == metadata[column] for column in METADATA_COLUMNS):
        return False
    article_id = stored["id"]
    assignments = ", ".join(f"{column} = ?" for column in METADATA_COLUMNS)
    values = [metadata[column] for column in METADATA_COLUMNS]
    conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*values, article_id))
    conn.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
    if "0005_analysis_failures" in tables:
        conn.execute("DELETE FROM analysis_failures WHERE article_id = ?", (article_id,))
    if "0008_stored_briefs" in tables:
        conn.execute(
            "DELETE FROM briefs WHERE story_id IN "
            "(SELECT story_id FROM story_articles WHERE article_id = ?)",
            (article_id,),
        )
    # Its story changed (a title, a date, an outlet): a brief cached under the story's
    # stamp (Store.story_stamp, the web's cache key) is stale too (review rev1 4).
    conn.execute(
        "UPDATE stories SET updated_at = ? WHERE id IN "
        "(SELECT story_id FROM story_articles WHERE article_id = ?)",
        (datetime.now(UTC).isoformat(), article_id),
    )
    changed = [c for c in METADATA_COLUMNS if stored[c] != metadata[c]]
    logger.info("%s: article %s corrected (%s)", stored["source"], article_id, ", ".join(changed))
    return True


def kept_columns(
    conn: sqlite3.Connection,
    stored: sqlite3.Row | str,
    read: dict[str, object],
    guessed_outlet: bool = False,
) -> list[tuple[str, tuple[str, ...]]]:
    """``[(id, columns)]``: the metadata columns a correction by ``read`` would change
    on ``stored`` (a row, or the id of one; see :func:`correct`), none when it would
    change nothing. What a re-read that may not correct leaves as stored, for the user
    to be told (a web upload whose manifest gave a new URL or date was 'already in the
    store' without a word of the difference)."""
    if isinstance(stored, str):
        found = conn.execute(f"SELECT {_SELECTED} FROM articles WHERE id = ?", (stored,))
        row: sqlite3.Row | None = found.fetchone()
    else:
        row = stored
    if row is None:
        return []
    metadata = _corrected(row, read, guessed_outlet)
    columns = tuple(c for c in METADATA_COLUMNS if row[c] != metadata[c])
    return [(str(row["id"]), columns)] if columns else []


def _corrected(
    stored: sqlite3.Row, read: dict[str, object], guessed_outlet: bool
) -> dict[str, object]:
    """The metadata ``stored`` takes from a correction by ``read`` (see :func:`correct`)."""
    metadata = {c: stored[c] if read[c] is None else read[c] for c in METADATA_COLUMNS}
    if guessed_outlet:
        metadata["outlet"] = stored["outlet"]
    if _centuries_apart(stored["published"], metadata["published"]):
        metadata["published"] = stored["published"]
        metadata["published_utc"] = stored["published_utc"]
    return metadata


def _centuries_apart(stored: object, read: object) -> bool:
    """Whether two stored dates differ only by whole centuries: a two-digit year
    ('5.3.28') read against today's date, 1928 in one year and 2028 the next
    (:func:`newsprism.ingest.timestamps.full_year`), is no correction of the date."""
    if not isinstance(stored, str) or not isinstance(read, str) or stored == read:
        return False
    years = stored[:4], read[:4]
    if stored[4:] != read[4:] or not all(y.isdigit() for y in years):
        return False
    return (int(years[0]) - int(years[1])) % 100 == 0


def other_copies(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[str]:
    """The outlets, in order, of stored articles with the source and text of one of
    ``article_ids`` but another id: copies an earlier upload of that name stored under
    another outlet, which a later upload corrects only when asked (review s37/2 S2).
    One indexed query per article (``articles_source``)."""
    outlets: list[str] = []
    for article_id in article_ids:
        rows = conn.execute(
            "SELECT b.outlet FROM articles a JOIN articles b ON b.source = a.source "
            "AND b.text = a.text AND b.id != a.id WHERE a.id = ? ORDER BY b.rowid",
            (article_id,),
        ).fetchall()
        outlets.extend(str(row[0]) for row in rows if row[0] and str(row[0]) not in outlets)
    return outlets


def mark_origin(conn: sqlite3.Connection, article_ids: Sequence[str], origin: str) -> None:
    """Store ``origin`` on ``article_ids`` stored without one: an upload read without
    correcting (its name is no file's identity), so that a later upload asked to correct
    it finds it (review s37/2 S2)."""
    conn.executemany(
        "UPDATE articles SET origin = ? WHERE id = ? AND origin IS NULL",
        [(origin, article_id) for article_id in article_ids],
    )


def stored_origins(
    conn: sqlite3.Connection, article_ids: Sequence[str]
) -> dict[str, tuple[str, str | None]]:
    """The source and origin (None: none stored) of each of ``article_ids`` stored: what
    tells whether a re-read of a file could correct it (see :func:`same_file`)."""
    found: dict[str, tuple[str, str | None]] = {}
    for article_id in article_ids:
        row = conn.execute(
            "SELECT source, origin FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is not None:
            found[article_id] = (str(row[0]), None if row[1] is None else str(row[1]))
    return found
