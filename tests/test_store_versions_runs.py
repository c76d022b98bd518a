"""An edit reverted is decided once per run: a file holding both the current text and an
earlier version's reverts nothing however its records fall into batches, and an earlier
version read alone reverts whichever batch it falls in. A run counts each edit it read
as ``edited``, not as a duplicate. Invented records of an invented ferry pier."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, batch
from newsprism.ingest.batch import IngestReport, ingest
from newsprism.store import ArticleQuery, Store
from newsprism.store_migrations import MIGRATIONS
from newsprism.store_schema import migrate
from tests.builders import html_page
from tests.conftest import BODY

Write = Callable[..., Path]

EDITED = BODY.replace("eleven weeks", "twelve weeks")
URL = "https://coast.example/pier"


def _record(text: str, url: str = URL) -> str:
    return json.dumps({"text": text, "outlet": "Coast Radio", "url": url})


def _ingest(db: Path, path: Path) -> IngestReport:
    with Store(db) as store:
        return ingest(store, [str(path)], IngestOptions())


def _edited_once(write: Write, db: Path) -> tuple[Path, str]:
    """The page read, then read edited: the article with two versions, the edit current."""
    feed = write("pier.jsonl", _record(BODY))
    kept = _ingest(db, feed).added[0]
    second = _ingest(db, write("pier.jsonl", _record(EDITED)))
    assert second.edited == [kept] and second.added == [] and second.duplicates == []
    return feed, kept


def _state(db: Path, kept: str) -> tuple[str, int]:
    with Store(db, access="read") as store:
        article = store.get_article(kept)
        assert article is not None
        return article.text, len(store.article_versions(kept))


@pytest.mark.parametrize("batch_size", [1, 200])
@pytest.mark.parametrize("old_first", [True, False], ids=["old-first", "current-first"])
def test_a_run_reading_the_current_text_too_reverts_nothing_whatever_its_batches(
    write: Write,
    tmp_path: Path,
    batch_size: int,
    old_first: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Before, a record of the earlier text in another batch than the current text's
    # made the earlier text current again (and the next batch flipped it back).
    monkeypatch.setattr(batch, "BATCH_SIZE", batch_size)
    db = tmp_path / "news.db"
    feed, kept = _edited_once(write, db)
    lines = [_record(BODY), _record(EDITED)]
    write("pier.jsonl", "\n".join(lines if old_first else lines[::-1]))
    third = _ingest(db, feed)
    assert third.edited == [] and third.added == []
    assert not any("again" in w.message for w in third.warnings)
    assert _state(db, kept) == (EDITED, 2)


@pytest.mark.parametrize("batch_size", [1, 200])
def test_an_earlier_version_read_without_the_current_one_reverts_in_any_batch(
    write: Write, tmp_path: Path, batch_size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "BATCH_SIZE", batch_size)
    db = tmp_path / "news.db"
    feed, kept = _edited_once(write, db)
    other = BODY.replace("ferry", "cargo ferry")
    write("pier.jsonl", "\n".join([_record(BODY), _record(other, URL + "/cargo")]))
    third = _ingest(db, feed)
    assert third.edited == [kept] and kept not in third.duplicates
    assert len(third.added) == 1 and third.article_ids[0] == kept
    (said,) = [w.message for w in third.warnings if "again" in w.message]
    assert "version 1 again" in said and "version 3 of" in said
    assert _state(db, kept) == (BODY, 3)


def test_search_finds_an_edited_article_by_its_current_text_only(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    _, kept = _edited_once(write, db)
    with Store(db, access="read") as store:
        assert [a.id for a in store.list_articles(ArticleQuery(search="twelve weeks"))] == [kept]
        assert store.list_articles(ArticleQuery(search="eleven weeks")) == []


@pytest.mark.parametrize("body", ["", "Read more"])
def test_an_edit_that_empties_the_page_is_one_failure_and_the_stored_text_stays(
    write: Write, tmp_path: Path, body: str
) -> None:
    db = tmp_path / "news.db"
    page = write("pier.html", html_page(subhead=None))
    kept = _ingest(db, page).added[0]
    write("pier.html", html_page(body=body, subhead=None))
    again = _ingest(db, page)
    (failure,) = again.failures
    assert failure.source == str(page) and "no article text" in failure.reason
    assert again.added == [] and again.edited == []
    assert _state(db, kept) == (BODY, 1)


def test_a_store_of_the_previous_schema_migrates_while_another_process_reads_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")  # as every store newsprism wrote
    migrate(conn, MIGRATIONS[:-1])  # before versions
    conn.execute(
        "INSERT INTO articles (id, source, url, outlet, text, ingested_at) VALUES "
        "('a1', 'pier.html', ?, 'Courier', ?, '2026-03-03T10:00:00+00:00')",
        (URL, BODY),
    )
    conn.commit()
    conn.close()
    with Store(db, access="read") as reader:
        reading = reader._conn  # a read in progress: its snapshot held open
        reading.execute("BEGIN")
        rows = reading.execute("SELECT id, text FROM articles")
        assert rows.fetchone()["id"] == "a1"
        with Store(db) as store:
            assert "0011_article_versions" in store.applied_migrations()
            assert [v.number for v in store.article_versions("a1")] == [1]
        assert rows.fetchall() == []
        reading.execute("COMMIT")
        assert [v.current for v in reader.article_versions("a1")] == [True]
