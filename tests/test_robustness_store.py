"""A damaged store: SQLite's "database disk image is malformed" met while opening or in
a later query is one error line naming the store (exit 1), never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import StoreError
from newsprism.model import Article, article_id
from newsprism.store import Store
from newsprism.store_open import connect

PAGE = 4096


def _store_with_articles(path: Path, count: int = 60) -> None:
    with Store(path) as store:
        texts = [f"Story {n}: the harbour board met on Monday. " * 20 for n in range(count)]
        store.add_articles(Article(article_id("A", t), "a.txt", t, outlet="A") for t in texts)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _damage(path: Path, *tables: str) -> None:
    """Overwrite the pages of ``tables`` (from SQLite's dbstat table) with garbage."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name, pageno FROM dbstat").fetchall()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    for page in (page for name, page in rows if name in tables):
        data[(page - 1) * PAGE : page * PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(data))


def test_a_store_damaged_where_migrations_are_read_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    _store_with_articles(path)
    _damage(path, "migrations", "sqlite_autoindex_migrations_1")
    with pytest.raises(StoreError, match=r"news\.db: the store is damaged"):
        Store(path)
    path.unlink()  # the failed open closed its connection: nothing holds the file


def test_the_cli_reports_a_store_damaged_past_its_first_pages_in_one_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "news.db"
    _store_with_articles(path)
    _damage(path, "articles")  # the schema and the migrations stay readable
    result = CliRunner().invoke(app, ["articles", "--db", str(path)])
    assert result.exit_code == 1, result.output
    assert "the store is damaged (database disk image is malformed)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not isinstance(result.exception, sqlite3.DatabaseError)


def test_a_migration_another_process_applied_first_is_passed_over(tmp_path: Path) -> None:
    from newsprism.store import MIGRATIONS
    from newsprism.store_schema import apply_migration, migrate

    path = str(tmp_path / "new.db")
    first, second = connect(path), connect(path)
    try:
        # Both found the new store lacking everything; the first applied it all.
        migrate(first, MIGRATIONS)
        for name, script in MIGRATIONS:
            assert apply_migration(second, name, script) is False
        assert not second.in_transaction
    finally:
        first.close()
        second.close()


def _open_store(path: str) -> str:
    try:
        Store(path).close()
    except Exception as exc:  # reported to the parent, which fails on it
        return f"{type(exc).__name__}: {exc}"
    return "ok"


def test_commands_opening_one_new_store_at_once_all_open_it(tmp_path: Path) -> None:
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(4) as pool:
        for round_ in range(3):
            path = str(tmp_path / f"new{round_}.db")
            assert pool.map(_open_store, [path] * 4) == ["ok"] * 4
