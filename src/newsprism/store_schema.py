"""The store's schema: named migrations, applied in order, each once, and checked.

A migration is a name and an SQL script (``store_migrations.MIGRATIONS``); the ``migrations``
table records those applied. A store with a migration this newsprism does not know
was written by a newer one and is refused.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from newsprism.errors import SchemaError, StoreError

logger = logging.getLogger(__name__)

Migrations = Sequence[tuple[str, str]]


def check_schema(conn: sqlite3.Connection, path: str, migrations: Migrations) -> set[str]:
    """The migrations a read-only store has; refused if it has one this newsprism does
    not know. Missing ones cannot be applied: what they add reads as empty."""
    try:
        applied = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a newsprism store ({exc})") from None
    _refuse_unknown(applied, migrations, path)
    missing = [name for name, _ in migrations if name not in applied]
    if missing:
        logger.info("%s is read-only and lacks migrations %s", path, missing)
    return applied


def migrate(conn: sqlite3.Connection, migrations: Migrations, path: str = "") -> list[str]:
    """Apply the migrations this store lacks, each in its own transaction; return them.
    ``path`` names the store in the error refusing one a newer newsprism wrote."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    applied = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    _refuse_unknown(applied, migrations, path)
    done = []
    for name, script in migrations:
        if name not in applied and apply_migration(conn, name, script):
            logger.info("applied migration %s", name)
            done.append(name)
    return done


def _refuse_unknown(applied: set[str], migrations: Migrations, path: str) -> None:
    """SchemaError when the store records a migration not in ``migrations`` (a newer
    newsprism wrote it); the message names the store's file (one line among others')."""
    unknown = applied - {name for name, _ in migrations}
    if unknown:
        where = f"{path}: " if path else ""
        raise SchemaError(
            f"{where}the store was written by a newer newsprism (migrations this one does "
            f"not know: {', '.join(sorted(unknown))}); upgrade newsprism to use it"
        )


def apply_migration(conn: sqlite3.Connection, name: str, script: str) -> bool:
    """Run one migration's ``script`` and record ``name`` in one write transaction;
    False when another process recorded it first.

    Two commands opening one new store at once both find it lacking every migration;
    the write lock (``BEGIN IMMEDIATE``, waiting up to the busy timeout) lets one apply
    each, and the other's insert of the same name then fails its primary key before
    the script runs twice ("table articles already exists").
    """
    stamp = datetime.now(UTC).isoformat()
    try:
        conn.executescript(
            f"BEGIN IMMEDIATE; INSERT INTO migrations VALUES ('{name}', '{stamp}'); "
            f"{script}; COMMIT;"
        )
    except sqlite3.IntegrityError:
        conn.execute("ROLLBACK")
        found = conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone()
        if found is None:
            raise
        return False
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True
