"""The store: migrations, idempotency, atomic batches, search, and crash safety."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsprism.errors import SchemaError
from newsprism.model import Article, Heading, Removed, article_id
from newsprism.store import MIGRATIONS, ArticleQuery, Store, default_db_path
from tests.conftest import BODY


def make_article(n: int, outlet: str = "tessel-courier", day: int = 3, text: str = BODY) -> Article:
    body = text.replace("Tessel", f"Town{n}")
    return Article(
        id=article_id(outlet, body),
        source=f"in/{n}.txt",
        text=body,
        outlet=outlet,
        title=f"Story {n}",
        published=datetime(2026, 3, day, 9, tzinfo=timezone(timedelta(hours=1))),
        language="en",
        headings=(Heading("A subhead", 1),),
        removed=(Removed("12 comments", "comment-prompt", 7),),
    )


def test_migrations_are_named_recorded_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    with Store(path) as store:  # reopening applies nothing twice
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_store_from_a_newer_newsprism_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES ('9999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaError, match="9999_future") as refused:
        Store(path)
    # One line naming the file, as every other store error does.
    assert str(refused.value).startswith(f"{path}: the store was written by a newer")
    with pytest.raises(SchemaError, match=f"^{re.escape(str(path))}: "):
        Store(path, access="read")


def test_round_trip_keeps_every_field(store: Store) -> None:
    article = make_article(1)
    store.add_articles([article])
    loaded = store.get_article(article.id)
    assert loaded == article
    assert loaded is not None and loaded.published == article.published


def test_same_article_twice_is_stored_once(store: Store) -> None:
    first = store.add_articles([make_article(1), make_article(2)])
    second = store.add_articles([make_article(2), make_article(3), make_article(3)])
    assert len(first.added) == 2 and not first.duplicates
    assert second.added == (make_article(3).id,)
    assert second.duplicates == (make_article(2).id, make_article(3).id)
    assert store.count_articles() == 3


def test_a_failing_batch_stores_nothing_and_keeps_earlier_batches(store: Store) -> None:
    store.add_articles([make_article(1)])
    broken = replace(make_article(2), text=None)  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.add_articles([make_article(3), broken])
    assert store.count_articles() == 1
    assert store.get_article(make_article(3).id) is None
    assert store.integrity_problems() == []


def test_lookup_by_unique_prefix(store: Store) -> None:
    article = make_article(1)
    store.add_articles([article])
    assert store.get_article(article.id[:6]) == article
    assert store.get_article("%") is None


def test_list_filters_by_outlet_date_and_words(store: Store) -> None:
    store.add_articles(
        [make_article(1, day=2), make_article(2, outlet="ridge", day=4), make_article(3, day=6)]
    )
    assert [a.title for a in store.list_articles()] == ["Story 3", "Story 2", "Story 1"]
    assert [a.title for a in store.list_articles(ArticleQuery(outlet="RIDGE"))] == ["Story 2"]
    since = datetime(2026, 3, 3, tzinfo=UTC)
    until = datetime(2026, 3, 5, tzinfo=UTC)
    assert [a.title for a in store.list_articles(ArticleQuery(since=since, until=until))] == [
        "Story 2"
    ]
    assert [a.title for a in store.list_articles(ArticleQuery(search="town2 pier"))] == ["Story 2"]
    assert store.list_articles(ArticleQuery(search='AND OR "(')) == []  # any input is safe


def test_default_location_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    monkeypatch.delenv("NEWSPRISM_DB")
    assert default_db_path().name == "newsprism.db"


@pytest.mark.slow
def test_killing_an_ingest_mid_batch_leaves_a_consistent_store(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(1500):
        (corpus / f"{n:05d}.txt").write_text(
            f"Headline number {n}\n\n" + BODY.replace("Tessel", f"Town{n}")
        )
    db = tmp_path / "crash.db"
    command = [sys.executable, "-m", "newsprism", "ingest", str(corpus), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_first_batch(db, process)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    with Store(db) as store:
        stored = store.count_articles()
        assert 0 < stored < 1500
        assert store.integrity_problems() == []  # includes the FTS index against its rows
        assert all(a.text and a.title for a in store.list_articles(ArticleQuery(limit=2000)))
    finished = subprocess.run(command, check=False, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    with Store(db) as store:
        assert store.count_articles() == 1500


def _wait_for_first_batch(db: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "ingest ended before it could be killed"
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    if conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0:
                        return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    raise AssertionError("no batch was committed in time")
