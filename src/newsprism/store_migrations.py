"""The store's schema as named migrations (``MIGRATIONS``), applied in order by
:mod:`newsprism.store_schema`: articles and their full-text index, analyses, stories,
analysis failures, the browsing views and watched feeds, the near-duplicate window,
stored briefs, and articles' versions. A migration once released is never edited: a
change is a new one.
"""

from __future__ import annotations

from newsprism.store_briefs import STORED_BRIEFS_SQL
from newsprism.store_dedup import DEDUP_WINDOW_SQL
from newsprism.store_versions import ARTICLE_VERSIONS_SQL

__all__ = ["MIGRATIONS"]

_STORY_OF = (
    "LEFT JOIN story_articles sa ON sa.article_id = a.id LEFT JOIN stories s ON s.id = sa.story_id"
)
_ANALYSED = f"FROM analyses an JOIN articles a ON a.id = an.article_id {_STORY_OF}"
_VIEWS_AND_FEEDS = f"""
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT,
    changed_at TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    retry_at TEXT,
    last_error TEXT
);
CREATE TABLE feed_entries (
    feed_url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
    entry_id TEXT NOT NULL,
    article_id TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_id)
);
CREATE VIEW story_list AS
SELECT s.id AS story_id, s.title AS story, count(sa.article_id) AS articles,
       count(DISTINCT a.outlet) AS outlet_count, group_concat(DISTINCT a.outlet) AS outlets,
       s.first_published, s.last_published, s.updated_at
FROM stories s LEFT JOIN story_articles sa ON sa.story_id = s.id
LEFT JOIN articles a ON a.id = sa.article_id
GROUP BY s.id;
CREATE VIEW article_list AS
SELECT a.id AS article_id, a.outlet, a.title, a.published, a.byline, a.language, a.url,
       s.id AS story_id, s.title AS story, a.credit, a.source,
       substr(a.text, 1, 300) AS opening, length(a.text) AS characters, a.ingested_at
FROM articles a {_STORY_OF};
CREATE VIEW quote_list AS
SELECT json_extract(q.value, '$.speaker') AS speaker, json_extract(q.value, '$.text') AS quote,
       CASE json_extract(q.value, '$.direct') WHEN 1 THEN 'direct' ELSE 'indirect' END AS kind,
       json_extract(q.value, '$.cue') AS cue, json_extract(q.value, '$.speaker_mention')
       AS speaker_as_written, a.outlet, a.title AS article, a.published, s.title AS story,
       a.id AS article_id, s.id AS story_id,
       json_extract(q.value, '$.start') AS start, json_extract(q.value, '$.end') AS "end"
{_ANALYSED}, json_each(an.data, '$.quotes') q;
CREATE VIEW quantity_list AS
SELECT json_extract(q.value, '$.about') AS about, json_extract(q.value, '$.value') AS value,
       json_extract(q.value, '$.unit') AS unit, json_extract(q.value, '$.approx') AS approx,
       json_extract(q.value, '$.text') AS text, a.outlet, a.title AS article,
       s.title AS story, a.id AS article_id, s.id AS story_id,
       json_extract(q.value, '$.start') AS start, json_extract(q.value, '$.end') AS "end"
{_ANALYSED}, json_each(an.data, '$.quantities') q;
CREATE VIEW date_list AS
SELECT json_extract(d.value, '$.date') AS date, json_extract(d.value, '$.text') AS text,
       json_extract(d.value, '$.anchor') AS anchor, a.outlet, a.title AS article,
       a.published, s.title AS story, a.id AS article_id, s.id AS story_id,
       json_extract(d.value, '$.start') AS start, json_extract(d.value, '$.end') AS "end"
{_ANALYSED}, json_each(an.data, '$.dates') d;
CREATE VIEW entity_list AS
SELECT json_extract(e.value, '$.name') AS name, json_extract(e.value, '$.type') AS type,
       json_array_length(e.value, '$.mentions') AS mentions, a.outlet, a.title AS article,
       s.title AS story, a.id AS article_id, s.id AS story_id
{_ANALYSED}, json_each(an.data, '$.entities') e;
CREATE VIEW feed_list AS
SELECT f.url, f.title, count(fe.entry_id) AS entries_seen, f.checked_at, f.changed_at,
       f.failures, f.last_error, f.retry_at, f.etag, f.last_modified
FROM feeds f LEFT JOIN feed_entries fe ON fe.feed_url = f.url
GROUP BY f.url;
"""

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_articles",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            title TEXT,
            byline TEXT,
            published TEXT,
            published_utc TEXT,
            language TEXT,
            credit TEXT,
            text TEXT NOT NULL,
            headings TEXT NOT NULL DEFAULT '[]',
            removed TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_outlet ON articles (outlet);
        CREATE INDEX articles_published ON articles (published_utc);
        """,
    ),
    (
        "0002_articles_fts",
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, text, content='articles', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text)
            VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text)
            VALUES (new.rowid, new.title, new.text);
        END;
        """,
    ),
    (
        "0003_analyses",
        """
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            data TEXT NOT NULL,
            analyzed_at TEXT NOT NULL
        );
        """,
    ),
    (
        "0004_stories",
        """
        CREATE TABLE signatures (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            minhash BLOB NOT NULL
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            first_published TEXT,
            last_published TEXT,
            duplicates TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        );
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            story_id TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE INDEX story_articles_story ON story_articles (story_id, position);
        CREATE TABLE clusterer_state (
            name TEXT PRIMARY KEY,
            data BLOB NOT NULL,
            saved_at TEXT NOT NULL
        );
        """,
    ),
    # Articles whose last analysis raised (one row each, gone once an analysis succeeds):
    # the step that failed and the error in one line, for `article ID` and the report.
    (
        "0005_analysis_failures",
        """
        CREATE TABLE analysis_failures (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            stage TEXT NOT NULL,
            error TEXT NOT NULL,
            failed_at TEXT NOT NULL
        );
        """,
    ),
    # Readable views for browsing the store (Datasette, sqlite3, pandas.read_sql), and the
    # state of watched feeds. The views read the analyses' JSON with SQLite's JSON1
    # functions, so they never go stale; see the README's "Browse the store" section.
    ("0006_views_and_feeds", _VIEWS_AND_FEEDS),
    # The windowed near-duplicate index: hot articles' LSH bands, kept copy groups
    # (newsprism.store_dedup); a store with signatures is marked for a one-off rebuild.
    ("0007_dedup_window", DEDUP_WINDOW_SQL),
    # Computed briefs keyed by story membership and version (newsprism.store_briefs).
    ("0008_stored_briefs", STORED_BRIEFS_SQL),
    # Articles by source: a re-read of a file finds the article it stored before, to
    # correct its metadata (newsprism.store_corrections) rather than store a copy.
    ("0009_articles_source", "CREATE INDEX articles_source ON articles (source);"),
    # The file an article was read from, by its real path (newsprism.store_corrections):
    # only a re-read of the same file corrects it. A relative path as typed named another
    # folder's file of the same name, and "-" or an upload's name any text at all.
    (
        "0010_article_origin",
        "ALTER TABLE articles ADD COLUMN origin TEXT; "
        "CREATE INDEX articles_origin ON articles (origin);",
    ),
    # Every text an article was read with, where a page read again had been edited
    # (newsprism.store_versions): the old text kept, the article's id unchanged.
    ("0011_article_versions", ARTICLE_VERSIONS_SQL),
)
