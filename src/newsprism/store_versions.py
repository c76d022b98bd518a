"""Versions of an article: a page read again whose cleaned text changed (a stealth edit).

An article is keyed by its content id, so an edited page read again has another id. Where
the reread is safely the same page (:func:`fold`: the same file by its real path, the same
outlet and URL, most of its words shared, the earlier text no longer in the file), the
new text becomes a *version* of the stored article: the article keeps its id (its story,
its briefs' keys, links to it), its current text is the newest version's, and every text
read is kept in ``article_versions``, never overwritten. A text read again later is a
duplicate of the article it is a version of (:func:`version_owner`).

An earlier version read again (the outlet reverted its edit) is made current again by
:func:`revert`, recorded as a new version: a re-read never writes one text's metadata
over another's text.

What is not made current: a much shorter text most of whose words the current one holds
(a download cut short, :data:`CUT_SHORT`); it is kept as a version with a note saying why.
What is not a version at all: a text sharing little with the stored one (:data:`SHARED`:
another day's article under a reused file name), one published a day later (:data:`APART`:
another issue of a daily page; an undated page needs much stronger evidence,
:data:`UNDATED_SHARED`), another file, another outlet or URL.

The analysis of an article whose current text changed is dropped in the same transaction
(``analyses`` is keyed by article id and analyser version only, so a stale one would be
served), and so are the stored briefs of its story (keyed by membership, unchanged); the
story is marked updated.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import sqlite3
from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from newsprism.store_day_words import day_words, names_another_day
from newsprism.store_signatures import renew_signature
from newsprism.store_text_share import changed_words, shared_share

logger = logging.getLogger(__name__)

# A stored row or a row's columns as read now (an article's, by column name).
_Columns = sqlite3.Row | Mapping[str, Any]

__all__ = [
    "ARTICLE_VERSIONS_SQL",
    "ArticleVersion",
    "Folded",
    "fold",
    "folded_into",
    "list_versions",
    "revert",
    "reverts",
    "text_hash",
    "version_diff",
    "version_owner",
]

ARTICLE_VERSIONS_SQL = """
CREATE TABLE article_versions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    version_id TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    headings TEXT NOT NULL DEFAULT '[]',
    removed TEXT NOT NULL DEFAULT '[]',
    text_hash TEXT NOT NULL,
    read_at TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (article_id, number)
);
CREATE UNIQUE INDEX article_versions_version_id ON article_versions (version_id);
"""

# A reread is a version only when at least this share of the shorter text's words stand
# in the longer one in order (difflib's matching blocks over words). An edit that fixes a
# figure or adds a paragraph keeps well above 0.9 of them. Different reports of one story
# share far less: over the 210 same-story pairs of three outlets in BASIL the median is
# 0.12 and the highest 0.49; over 2167 same-topic ECB+ pairs the median is 0.14, and the
# 50 at 0.6 or more are one wire report as two outlets ran it (a rewrite, which under one
# outlet, URL and file is an edit). 0.6 sits above every different report measured.
SHARED = 0.6
# Two texts published this far apart are two issues of a page reused for each day's
# report, however much they share; an edit keeps its date or moves it by hours (an
# "updated" stamp). A correction whose page moved its date further is kept beside the
# stored article, as before versions: the safe side.
APART = timedelta(hours=12)
# A new text under this share of the current one's length, most of whose words the
# current one holds, reads as a download cut short: kept as a version, not made current.
# An edit removing two-fifths of a report is rare; a broken transfer is not.
CUT_SHORT = 0.6
# A page with no publication date (either read) cannot be told from another day's issue
# by its date, and a daily bulletin's fixed sentences make up most of its words (an
# invented one with two daily figures shares 0.96). Undated, a reread is a version only
# on much stronger evidence: at least this share of words shared, at most
# :data:`UNDATED_CHANGED` words of the stored text replaced or removed, no day or month
# name replaced by another and no date put in (another issue says "Tuesday" where the
# stored one said "Monday"; an edit adding a paragraph or mending words keeps its day:
# :func:`newsprism.store_day_words.names_another_day`, names in the page's language),
# and not all of them figures;
# a bulletin whose next issue changes only its daily figures ("41 ships"
# -> "37 ships") names no day at all, and an undated page cannot tell that from a
# corrected figure, so both texts stay, as articles of their own (stop 40 review 3).
UNDATED_SHARED = 0.9
UNDATED_CHANGED = 12


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    """One text an article was read with: its number (1 = the first read), the content
    id it was read under, its SHA-256, its length in characters, when it was read,
    whether it is the article's current text, and why not when it was kept aside."""

    number: int
    version_id: str
    title: str | None
    text_hash: str
    characters: int
    read_at: datetime
    current: bool
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """As ``newsprism versions --json`` and ``/api/articles/{id}/versions`` give it."""
        return {
            "number": self.number,
            "version_id": self.version_id,
            "title": self.title,
            "read_at": self.read_at.isoformat(),
            "characters": self.characters,
            "sha256": self.text_hash,
            "current": self.current,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Folded:
    """What :func:`fold` did: the article kept, the new version's number, and whether it
    became the current text (False: kept aside, ``note`` says why)."""

    article_id: str
    number: int
    current: bool
    note: str | None = None


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def version_owner(conn: sqlite3.Connection, content_id: str) -> str | None:
    """The article a text with this content id is a version of (None: none)."""
    row = conn.execute(
        "SELECT article_id FROM article_versions WHERE version_id = ?", (content_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def folded_into(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """Of these ids, those read as a later version of a stored article (another process
    may have folded one this run stored), each with that article's id."""
    found: dict[str, str] = {}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT version_id, article_id FROM article_versions "
            f"WHERE version_id IN ({marks}) AND version_id != article_id",
            chunk,
        )
        found.update((str(v), str(a)) for v, a in rows)
    return found


def list_versions(
    conn: sqlite3.Connection, article_id: str, table: bool = True
) -> list[ArticleVersion]:
    """The versions of a stored article, first read first; an article never read with
    other text has one, its stored text. Empty: no such article. ``table``: the store
    has ``article_versions`` (a read-only store from before it has not: one each)."""
    article = conn.execute(
        "SELECT id, title, text, ingested_at FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if article is None:
        return []
    current = text_hash(article["text"])
    rows = (
        conn.execute(
            "SELECT number, version_id, title, text_hash, length(text) AS characters, "
            "read_at, note FROM article_versions WHERE article_id = ? ORDER BY number",
            (article_id,),
        ).fetchall()
        if table
        else []
    )
    if not rows:
        read_at = datetime.fromisoformat(article["ingested_at"])
        only = ArticleVersion(
            1, article["id"], article["title"], current, len(article["text"]), read_at, True
        )
        return [only]
    return [
        ArticleVersion(
            r["number"],
            r["version_id"],
            r["title"],
            r["text_hash"],
            r["characters"],
            datetime.fromisoformat(r["read_at"]),
            r["text_hash"] == current,
            r["note"],
        )
        for r in rows
    ]


def version_text(
    conn: sqlite3.Connection, article_id: str, number: int, table: bool = True
) -> str | None:
    """The text of one version (None: no such version)."""
    if table:
        row = conn.execute(
            "SELECT text FROM article_versions WHERE article_id = ? AND number = ?",
            (article_id, number),
        ).fetchone()
        if row is not None:
            return str(row[0])
    # An article read with one text keeps it in its own row only.
    if number == 1 and not (table and _has_versions(conn, article_id)):
        stored = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if stored is None else str(stored[0])
    return None


def _has_versions(conn: sqlite3.Connection, article_id: str) -> bool:
    found = conn.execute("SELECT 1 FROM article_versions WHERE article_id = ?", (article_id,))
    return found.fetchone() is not None


def version_diff(
    conn: sqlite3.Connection, article_id: str, old: int, new: int, table: bool = True
) -> str | None:
    """A unified diff (by line: paragraphs) from version ``old`` to version ``new``; None
    when either is not a version of the article."""
    before = version_text(conn, article_id, old, table)
    after = version_text(conn, article_id, new, table)
    if before is None or after is None:
        return None
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        f"{article_id[:10]} version {old}",
        f"{article_id[:10]} version {new}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def fold(conn: sqlite3.Connection, earlier: str, later: str) -> Folded | None:
    """Make the stored article ``later`` (just read) a version of ``earlier``, inside the
    caller's write transaction; None (nothing changed) when that is not safe: either is
    gone (another process folded it), they differ in file, outlet or URL, they were
    published :data:`APART` or more apart, ``later`` is grouped already, or the texts
    share too little (:data:`SHARED`)."""
    old, new = _row(conn, earlier), _row(conn, later)
    if old is None or new is None or not _same_page(old, new) or _another_issue(old, new):
        return None
    if conn.execute("SELECT 1 FROM story_articles WHERE article_id = ?", (later,)).fetchone():
        return None  # grouped in a story already: its id is in use
    share = shared_share(old["text"], new["text"])
    if share < SHARED:
        logger.info("%s: shares %.2f of its words with %s: not a version", later, share, earlier)
        return None
    undated = not _tells_days(old["published"]) or not _tells_days(new["published"])
    if undated and not _surely_an_edit(old["text"], new["text"], share, _day_words(old, new)):
        logger.info("%s: undated, maybe another issue of %s's page: not a version", later, earlier)
        return None
    number = _first_version(conn, old)
    cut = len(new["text"]) < CUT_SHORT * len(old["text"])
    shown = _current_number(conn, old) or number
    note = (
        f"much shorter than version {shown} ({len(new['text'])} of {len(old['text'])} "
        "characters): a download cut short? kept, not made current"
        if cut
        else None
    )
    _insert_version(conn, earlier, number + 1, new, note)
    if not cut:
        _make_current(conn, old, new)
    _move_references(conn, earlier, later)
    conn.execute("DELETE FROM articles WHERE id = ?", (later,))
    return Folded(earlier, number + 1, not cut, note)


def _surely_an_edit(before: str, after: str, share: float, days: frozenset[str]) -> bool:
    """Whether two undated texts of one page are surely one report edited (see
    :data:`UNDATED_SHARED`): few of the stored words changed, no day or month named
    anew, not all of them figures."""
    if share < UNDATED_SHARED:
        return False
    words = changed_words(before, after)
    if words is None:  # too long to tell which words changed: not surely an edit
        return False
    gone, put = words
    if names_another_day(gone, put, days) or _only_figures(gone, put):
        return False
    return len(gone) <= UNDATED_CHANGED


def _only_figures(gone: list[str], put: list[str]) -> bool:
    """Whether the words changed are all figures: those replaced or removed, or, when the
    edit only put words in, those put in. An edit that only adds words replaces none, and
    "all of none are figures" held: a sentence added to an undated page was kept as a
    second article, never a version (stop 41's finding)."""
    changed = gone or put
    return bool(changed) and all(_is_figure(w) for w in changed)


def _is_figure(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _tells_days(published: str | None) -> bool:
    """Whether a stored date can tell one day's issue from the next: not missing, and not
    midnight of January 1 (what a year alone reads as: a page's "(c) 2026" footer)."""
    return bool(published) and str(published)[5:19] != "01-01T00:00:00"


def _day_words(old: sqlite3.Row, new: sqlite3.Row) -> frozenset[str]:
    """The words naming a day or a month in either text's language (and English)."""
    return day_words(old["language"]) | day_words(new["language"])


def _current_number(conn: sqlite3.Connection, old: sqlite3.Row) -> int | None:
    """The number of the version whose text is the article's current one (the newest)."""
    row = conn.execute(
        "SELECT max(number) FROM article_versions WHERE article_id = ? AND text_hash = ?",
        (old["id"], text_hash(old["text"])),
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def revert(
    conn: sqlite3.Connection,
    article_id: str,
    read: _Columns,
    origin: str | None,
    batch_ids: Container[str],
) -> Folded | None:
    """Make the text ``read`` (an article's columns, as read now) current again when it is
    an earlier version of the stored article ``article_id`` whose current text is another
    (an edit the outlet reverted), inside the caller's write transaction: recorded as a
    new version, the analysis and the story's briefs dropped as for any fold (review rev1
    S1: a correction wrote version 1's title over version 2's text). None (nothing
    changed) when it is the current text, no version once current (a cut-short download
    kept aside stays aside), read from another file, outlet or URL, or when the run read
    the current text too (``batch_ids``: the content ids the run read, in any of its
    batches: two records of one file, neither later; deciding per batch flipped such a
    file's article back and forth with how its records fell into batches)."""
    old = _row(conn, article_id)
    if old is None:
        return None
    earlier = _earlier_version(conn, old, read, origin)
    if earlier is None:
        return None
    current = conn.execute(
        "SELECT version_id FROM article_versions WHERE article_id = ? AND text_hash = ?",
        (article_id, text_hash(old["text"])),
    ).fetchall()
    if any(str(row[0]).split("#")[0] in batch_ids for row in current):
        return None
    number = _first_version(conn, old) + 1
    # version_id is unique: the text's own content id names its first version already.
    again = {**read, "id": f"{earlier['version_id'].split('#')[0]}#{number}"}
    _insert_version(conn, article_id, number, again, None)
    _make_current(conn, old, {**again, "id": article_id, "published": old["published"]})
    logger.info("%s: version %d made current again as %d", article_id, earlier[0], number)
    return Folded(article_id, number, True, f"the text of version {earlier[0]} again")


def reverts(
    conn: sqlite3.Connection, article_id: str, read: _Columns, origin: str | None
) -> bool:
    """Whether the text ``read`` would make an earlier version of ``article_id`` current
    again, were its current text read nowhere else in the run (see :func:`revert`)."""
    old = _row(conn, article_id)
    return old is not None and _earlier_version(conn, old, read, origin) is not None


def _earlier_version(
    conn: sqlite3.Connection, old: sqlite3.Row, read: _Columns, origin: str | None
) -> sqlite3.Row | None:
    """The newest version once current (no note) whose text ``read`` has, when ``read``
    is not the current text and was read from the same file, outlet and URL."""
    if old["text"] == read["text"] or origin is None:
        return None
    if not _same_page(old, {**read, "origin": origin}):
        return None
    found: sqlite3.Row | None = conn.execute(
        "SELECT number, version_id FROM article_versions WHERE article_id = ? "
        "AND text_hash = ? AND note IS NULL ORDER BY number DESC LIMIT 1",
        (old["id"], text_hash(read["text"])),
    ).fetchone()
    return found


_COLUMNS = (
    "id, url, outlet, origin, title, text, headings, removed, published, published_utc, "
    "ingested_at, language"
)


def _row(conn: sqlite3.Connection, article_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return row


def _same_page(old: _Columns, new: _Columns) -> bool:
    """One file (by its real path), one outlet, one URL: what stop 35 agreed is safe."""
    return (
        old["origin"] is not None
        and old["origin"] == new["origin"]
        and old["url"] is not None
        and old["url"] == new["url"]
        and old["outlet"] == new["outlet"]
    )


def _another_issue(old: sqlite3.Row, new: sqlite3.Row) -> bool:
    """Whether the two were published :data:`APART` or more apart: a page reused for each
    day's report (a daily briefing's fixed sentences may make up most of its words)."""
    if not old["published_utc"] or not new["published_utc"]:
        return False
    try:
        gap = datetime.fromisoformat(new["published_utc"]) - datetime.fromisoformat(
            old["published_utc"]
        )
    except ValueError:  # a date edited by hand: not to be trusted either way
        return True
    return abs(gap) >= APART


def _first_version(conn: sqlite3.Connection, old: sqlite3.Row) -> int:
    """The number of the article's newest version, recording its stored text as version
    1 first when it has none yet (every article begins with one, in its own row)."""
    row = conn.execute(
        "SELECT max(number) FROM article_versions WHERE article_id = ?", (old["id"],)
    ).fetchone()
    if row[0] is not None:
        return int(row[0])
    _insert_version(conn, old["id"], 1, old, None)
    return 1


def _insert_version(
    conn: sqlite3.Connection,
    article_id: str,
    number: int,
    row: _Columns,
    note: str | None,
) -> None:
    conn.execute(
        "INSERT INTO article_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            number,
            row["id"],
            row["title"],
            row["text"],
            row["headings"],
            row["removed"],
            text_hash(row["text"]),
            row["ingested_at"],
            note,
        ),
    )


def _make_current(
    conn: sqlite3.Connection, old: _Columns, new: _Columns
) -> None:
    """The new text (with its title, headings and what cleaning removed, whose offsets are
    the text's) becomes the article's; its first publication date stays. Its analysis and
    its story's briefs go (stale); the new read's analysis, when one was made and under
    the same date (dates are read against it), is the article's now."""
    article = old["id"]
    conn.execute(
        "UPDATE articles SET title = ?, text = ?, headings = ?, removed = ? WHERE id = ?",
        (new["title"], new["text"], new["headings"], new["removed"], article),
    )
    conn.execute("DELETE FROM analyses WHERE article_id = ?", (article,))
    conn.execute("DELETE FROM analysis_failures WHERE article_id = ?", (article,))
    if new["published"] == old["published"]:
        moved = (article, new["id"])
        conn.execute("UPDATE analyses SET article_id = ? WHERE article_id = ?", moved)
    # A later copy of the new text is matched against the new text's signature.
    renew_signature(conn, article, new["text"])
    story = "(SELECT story_id FROM story_articles WHERE article_id = ?)"
    conn.execute(f"DELETE FROM briefs WHERE story_id IN {story}", (article,))
    # Its story changed: listed as updated ("new since your last visit") like one that
    # gained an article.
    now = datetime.now(UTC).isoformat()
    conn.execute(f"UPDATE stories SET updated_at = ? WHERE id IN {story}", (now, article))


def _move_references(conn: sqlite3.Connection, earlier: str, later: str) -> None:
    """A watched feed's entry that read the new text names the article it is a version of."""
    conn.execute("UPDATE feed_entries SET article_id = ? WHERE article_id = ?", (earlier, later))
