"""Re-reading a file whose metadata the user corrected: the stored article is updated.

An article's id is a digest of its outlet and text, so a file read again after its
manifest row named another outlet got another id, and the store kept both: the same
text twice, once under the wrong outlet, in the story as two outlets agreeing. A new URL
or date in the manifest kept the id and was dropped as a duplicate, without a word.

A correction is a re-read of the same source (the path or URL as given) giving the same
text: the stored article keeps its id (stories, analyses and feed entries name it) and
takes the new metadata. What was derived from the old metadata is dropped, to be made
again on the next use: the article's analysis (relative dates resolve against the
publication date) and the stored brief of its story (it names the outlets). Only the
caller knows which articles may correct (see :func:`newsprism.ingest.batch.ingest`: two
records of one JSON Lines file may hold one wire text under two outlets, two articles).
"""

from __future__ import annotations

import logging
import os
import sqlite3

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
_SELECTED = ", ".join(("id", "source", *METADATA_COLUMNS))


def correction_target(
    conn: sqlite3.Connection, article: Article, may_correct: bool = True
) -> sqlite3.Row | None:
    """The stored article ``article`` re-reads: the one with its id read from the same
    source, else one stored from the same source with the same text and outlet (a
    corrected article keeps the id its first outlet gave it), else, when ``article``
    ``may_correct``, the first stored from the same source with the same text. None if
    there is none (or the one with its id came from elsewhere: a copy of the file, whose
    metadata is its own).

    An article that may not correct (a later record of a file holding many) is still
    the stored one when source, text and outlet agree: it was stored again under its
    own id, a second copy of a corrected article."""
    sources = spellings(article.source)
    marks = ", ".join("?" * len(sources))
    row: sqlite3.Row | None = conn.execute(
        f"SELECT {_SELECTED} FROM articles WHERE id = ?", (article.id,)
    ).fetchone()
    if row is not None:
        return row if row["source"] in sources and may_correct else None
    same: sqlite3.Row | None = conn.execute(
        f"SELECT {_SELECTED} FROM articles WHERE source IN ({marks}) AND text = ? "
        "AND outlet IS ? ORDER BY rowid LIMIT 1",
        (*sources, article.text, article.outlet),
    ).fetchone()
    if same is not None or not may_correct:
        return same
    found: sqlite3.Row | None = conn.execute(
        f"SELECT {_SELECTED} FROM articles WHERE source IN ({marks}) AND text = ? "
        "ORDER BY rowid LIMIT 1",
        (*sources, article.text),
    ).fetchone()
    return found


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
    metadata = {c: stored[c] if read[c] is None else read[c] for c in METADATA_COLUMNS}
    if guessed_outlet:
        metadata["outlet"] = stored["outlet"]
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
    changed = [c for c in METADATA_COLUMNS if stored[c] != metadata[c]]
    logger.info("%s: article %s corrected (%s)", stored["source"], article_id, ", ".join(changed))
    return True
