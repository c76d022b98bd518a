"""Two commands on one store: a command that finds the store held by another process
past the busy timeout says so, and what to do, in one line, and nothing stored is lost.
It said "cannot write the store (database is locked)" and nothing more."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism import store_open
from newsprism.cli import app
from newsprism.errors import StoreError
from newsprism.store import Store
from newsprism.store_open import unreadable, write_error
from tests.conftest import BODY

runner = CliRunner()
Holder = sqlite3.Connection


def test_a_locked_store_is_called_busy_with_what_to_do() -> None:
    for exc in (
        sqlite3.OperationalError("database is locked"),
        sqlite3.OperationalError("database table is locked"),
    ):
        for made in (write_error("news.db", exc), unreadable("news.db", exc)):
            assert str(made).startswith("news.db: the store is busy (")
            assert "try again once" in str(made)
    other = write_error("news.db", sqlite3.OperationalError("disk I/O error"))
    assert isinstance(other, StoreError) and "busy" not in str(other)


@pytest.fixture
def held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Holder]]:
    """A store with one article, held by another connection's write transaction."""
    db = tmp_path / "news.db"
    first = tmp_path / "first.txt"
    first.write_text(BODY, encoding="utf-8")
    assert runner.invoke(app, ["ingest", "--db", str(db), str(first)]).exit_code == 0
    # Wait a fifth of a second, not five, for the other process.
    pragmas = tuple(p.replace("= 5000", "= 200") for p in store_open._WRITE_PRAGMAS)
    monkeypatch.setattr(store_open, "_WRITE_PRAGMAS", pragmas)
    monkeypatch.setattr(store_open, "LOCKED_RETRY_SECONDS", 0.2)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield db, other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_ingest_into_a_held_store_is_one_line_and_keeps_what_was_stored(
    held: tuple[Path, Holder], tmp_path: Path
) -> None:
    db, other = held
    second = tmp_path / "second.txt"
    second.write_text(BODY.replace("Tessel", "Varna"), encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--db", str(db), str(second)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {db}: the store is busy (database is locked)")
    assert "try again once" in line
    other.execute("ROLLBACK")
    with Store(db, access="read") as store:
        assert store.count_articles() == 1
    # Run again once the other process is done: it is stored.
    assert runner.invoke(app, ["ingest", "--db", str(db), str(second)]).exit_code == 0
    with Store(db, access="read") as store:
        assert store.count_articles() == 2
