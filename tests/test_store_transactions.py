"""A write that fails inside SQLite: the error the user sees is SQLite's own (a second
ROLLBACK after SQLite rolled back itself raised "no transaction is active" in its
place), and a failed COMMIT leaves no transaction open for the next write."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsprism.errors import StoreError
from newsprism.model import Article, article_id
from newsprism.store import Store
from tests.conftest import BODY


class _Failing:
    """The store's connection, with one statement failing as SQLite fails it."""

    def __init__(self, conn: sqlite3.Connection, statement: str, roll_back: bool) -> None:
        self.conn, self.statement, self.roll_back = conn, statement, roll_back

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.startswith(self.statement):
            self.statement = "\x00never"
            if self.roll_back:  # what SQLite does on SQLITE_FULL mid-statement
                self.conn.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.execute(sql, *args)


def _article(text: str) -> Article:
    return Article(
        id=article_id("Coast Radio", text), source="a.txt", text=text, outlet="Coast Radio"
    )


@pytest.mark.parametrize(("statement", "roll_back"), [("INSERT", True), ("COMMIT", False)])
def test_a_failed_write_says_why_and_the_next_one_works(
    tmp_path: Path, statement: str, roll_back: bool
) -> None:
    with Store(tmp_path / "x.db") as store:
        real = store._conn
        store._conn = _Failing(real, statement, roll_back)  # type: ignore[assignment]
        with pytest.raises((StoreError, sqlite3.OperationalError), match="disk is full"):
            store.add_articles([_article(BODY)])
        assert not real.in_transaction
        store._conn = real
        assert store.add_articles([_article(BODY + " More.")]).added
        assert store.count_articles() == 1
