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

A re-read whose *text* changed (a cleaning rule added or changed since the first read,
the page saved again after an edit) got a new id too, and the store kept both texts of
one page: one outlet counted twice in its story, the old copy's boilerplate in the brief.
:func:`retext_target` finds the page it re-reads (the one article stored from the same
source, or from the same source and URL), and the stored article takes the new text
under its id, its analysis and brief dropped as for a correction.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import sqlite3
from collections import Counter
from collections.abc import Container

from newsprism.model import Article, normalize_for_id

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
# What a re-read with a changed text also replaces.
TEXT_COLUMNS = ("text", "headings", "removed")
# A re-read is the same page when this share of the shorter text's word pairs is in the
# longer. A cleaning change drops or keeps whole lines (notes, credits, widgets), so the
# shorter stays almost all inside the longer (a fifth of a short article dropped: 1.0);
# two reports of one story by one outlet share well under half their word pairs (the
# tests' invented pair: 0.1). Not tuned on data: a guard, not a measure.
SAME_PAGE_SHARE = 0.8
# ... and this share of the longer's: an excerpt saved over a long article (two of its
# ten paragraphs: 0.2) is another article, not the page cleaned anew, and must not
# replace it; a cleaning change that drops half a page of widgets still matches.
SAME_PAGE_LONGER_SHARE = 0.5
# Standard input's source: every piped article has it, so it names no page.
_STDIN_SOURCE = "-"


def text_digest(text: str) -> bytes:
    """A short digest of ``text``: what a run remembers of each text it read."""
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


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
    row: sqlite3.Row | None = conn.execute(
        f"SELECT {_SELECTED} FROM articles WHERE id = ?", (article.id,)
    ).fetchone()
    if row is not None:
        return row if row["source"] == article.source and may_correct else None
    same: sqlite3.Row | None = conn.execute(
        f"SELECT {_SELECTED} FROM articles WHERE source = ? AND text = ? AND outlet IS ? "
        "ORDER BY rowid LIMIT 1",
        (article.source, article.text, article.outlet),
    ).fetchone()
    if same is not None or not may_correct:
        return same
    found: sqlite3.Row | None = conn.execute(
        f"SELECT {_SELECTED} FROM articles WHERE source = ? AND text = ? ORDER BY rowid LIMIT 1",
        (article.source, article.text),
    ).fetchone()
    return found


def retext_target(
    conn: sqlite3.Connection, article: Article, read_this_run: Container[tuple[str, bytes]]
) -> sqlite3.Row | None:
    """The stored page ``article`` re-reads with another text, or None: the only article
    stored from its source (else the only one from its source with its URL: a record of
    a crawl), with no other URL, not itself a text read this run (a file of records
    holding two versions of one page keeps both), and whose text shares most of its
    word pairs with the new one (:func:`same_page`). Never for standard input. Call it
    only for an article that may correct (the first read this run from its source with
    its text)."""
    if article.source == _STDIN_SOURCE:
        return None
    select = f"SELECT {_SELECTED}, {', '.join(TEXT_COLUMNS)} FROM articles WHERE source = ?"
    rows = conn.execute(f"{select} ORDER BY rowid LIMIT 2", (article.source,)).fetchall()
    if len(rows) != 1 and article.url is not None:
        rows = conn.execute(
            f"{select} AND url = ? ORDER BY rowid LIMIT 2", (article.source, article.url)
        ).fetchall()
    if len(rows) != 1:
        return None
    (row,) = rows
    if None not in (row["url"], article.url) and row["url"] != article.url:
        return None
    if (article.source, text_digest(row["text"])) in read_this_run:
        return None
    return row if same_page(row["text"], article.text) else None


def same_page(old: str, new: str) -> bool:
    """Whether the shorter of two texts has :data:`SAME_PAGE_SHARE` of its word pairs
    (case and spacing folded, counted with repeats) in the longer, and those are
    :data:`SAME_PAGE_LONGER_SHARE` of the longer's."""
    pairs = [_word_pairs(old), _word_pairs(new)]
    short, long = sorted(pairs, key=Counter.total)
    shared = (short & long).total()
    return (
        short.total() > 0
        and shared >= SAME_PAGE_SHARE * short.total()
        and shared >= SAME_PAGE_LONGER_SHARE * long.total()
    )


def _word_pairs(text: str) -> Counter[tuple[str, str]]:
    words = normalize_for_id(text).split()
    return Counter(itertools.pairwise(words))


def correct(
    conn: sqlite3.Connection,
    stored: sqlite3.Row,
    read: dict[str, object],
    tables: frozenset[str],
    guessed_outlet: bool = False,
    retext: bool = False,
) -> bool:
    """Give the stored article the metadata ``read`` (column to value) where it differs;
    True if it did. ``tables`` are the store's applied migrations (what can be dropped).

    A re-read never takes away what is stored: a value it lacks (None) keeps the stored
    one, and so does its outlet when that is only the file's name (``guessed_outlet``).
    Reading a folder again without its manifest (moved, renamed) or without the
    ``--outlet`` of the first run had set every article's URL and date to none and its
    outlet to its file's name, each counted as a correction. With ``retext`` (a ``stored``
    row of :func:`retext_target`), the text, headings and lines removed are replaced too."""
    columns = METADATA_COLUMNS + (TEXT_COLUMNS if retext else ())
    metadata = {c: stored[c] if read[c] is None else read[c] for c in columns}
    if guessed_outlet:
        metadata["outlet"] = stored["outlet"]
    if all(stored[column] == metadata[column] for column in columns):
        return False
    article_id = stored["id"]
    assignments = ", ".join(f"{column} = ?" for column in columns)
    values = [metadata[column] for column in columns]
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
    changed = [c for c in columns if stored[c] != metadata[c]]
    logger.info("%s: article %s corrected (%s)", stored["source"], article_id, ", ".join(changed))
    return True
