"""How the store's SQLite file is opened: for writing, read-only, or immutable.

A store on a read-only medium, or whose file or folder the user cannot write, can still
be read: SQLite's ``mode=ro`` reads it (making its ``-shm`` index beside it if the
folder allows), and ``immutable=1`` reads it when the folder is read-only too, so no
``-wal``/``-shm`` file can be made (SQLite then assumes nobody changes the file while it
is open: true of read-only media).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from newsprism.errors import BusyAt, ReadOnlyStore, StoreBusy, StoreError

logger = logging.getLogger(__name__)

IN_MEMORY = ":memory:"

# What a caller asks for (``auto``: write when possible, else read-only), and how the
# store is then opened.
Access = Literal["write", "read", "auto"]
OpenMode = Literal["write", "ro", "immutable"]


def _writable(path: Path) -> bool:
    # os.access, not the mode bits: it also says no on a read-only mount, even to root.
    return os.access(path, os.W_OK)


def open_mode(
    path: str, access: Access, writable: Callable[[Path], bool] | None = None
) -> OpenMode:
    """How to open the store at ``path`` for ``access``: ``write``, ``ro`` (read-only;
    SQLite may still make ``-shm``/``-wal`` files beside it) or ``immutable`` (its folder
    is read-only too). ``writable`` is the permission check (replaced in tests).

    Raises :class:`ReadOnlyStore` for ``write`` on a store that cannot be written, and
    :class:`StoreError` for reading a store that does not exist.
    """
    if path == IN_MEMORY:
        return "write"
    writable = writable or _writable
    file = Path(path)
    if file.is_dir():  # SQLite said "unable to open database file"
        example = file / "news.db"
        raise StoreError(f"{path}: a folder, not a store file (give a file in it: {example})")
    folder = _existing_parent(file)
    exists = file.exists()
    can_write = writable(folder) and (not exists or writable(file))
    if access == "write" or (access == "auto" and (can_write or not exists)):
        if not exists and not can_write:
            raise StoreError(f"{path}: cannot create the store (its folder is read-only)")
        if not can_write:
            raise ReadOnlyStore(
                f"{path}: the store is read-only (cannot write the file or its folder); "
                "commands that only read it still work"
            )
        return "write"
    if not exists:
        raise StoreError(f"{path}: no store there")
    return "ro" if writable(folder) else "immutable"


def _existing_parent(file: Path) -> Path:
    """The file's folder, or the nearest one above it that exists (where it is made)."""
    folder = file.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def connect(path: str, mode: OpenMode = "write") -> sqlite3.Connection:
    if mode == "write":
        if path != IN_MEMORY:
            _make_folder(path)
        return _open(path, uri=False, pragmas=_WRITE_PRAGMAS)
    uri = f"{Path(path).absolute().as_uri()}?mode=ro"
    if mode == "ro":
        try:
            conn = _open(uri, uri=True, pragmas=_READ_PRAGMAS, shown=path)
        except StoreError:
            logger.info("%s: cannot open read-only with a -shm file; opening immutable", path)
        else:
            if _readable(conn, path):
                return conn
    return _open(f"{uri}&immutable=1", uri=True, pragmas=_READ_PRAGMAS, shown=path)


def _readable(conn: sqlite3.Connection, path: str) -> bool:
    """Whether a store opened with ``mode=ro`` reads: a WAL store needs its -shm index,
    and when it cannot be made reading fails here (False: closed, to open immutable). A
    file that is no store was a bare ``sqlite3.DatabaseError`` traceback; it is one line
    naming the path, as a write open says it; a store held past the busy timeout says so."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.OperationalError as exc:
        conn.close()
        if busy := busy_error(path, exc, met="open"):
            raise busy from None
        logger.info("%s: cannot open read-only with a -shm file; opening immutable", path)
        return False
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: cannot open the store ({exc})") from None


def _make_folder(path: str) -> None:
    """Make the store's folder; StoreError when it cannot be made (a file stands where a
    folder of the path should: "--db notes.txt/news.db" was a FileExistsError traceback)."""
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        where = f": {exc.filename}" if exc.filename else ""
        raise StoreError(f"{path}: cannot make the store's folder ({reason}{where})") from None


BUSY_SECONDS = 5  # how long a command waits for a store another process is writing
_BUSY = re.compile(r"database (?:table )?is (?:locked|busy)")
_WRITE_PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    # 64 MiB of page cache (the default is 2 MiB), allocated only as pages are read: a
    # run's inserts land in B-trees keyed by random article ids, and past ~100k stored
    # articles the default cache misses on most of them (bench/dedup.py: saving 200
    # articles into a 1M store x1.37 the 10k time with the default, x0.79 with this).
    "PRAGMA cache_size = -65536",
)
_READ_PRAGMAS = (f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}", "PRAGMA query_only = ON")


def _open(
    target: str, uri: bool, pragmas: tuple[str, ...], shown: str | None = None
) -> sqlite3.Connection:
    """Connect to ``target`` (a path, or a ``file:`` URI when ``uri``); an error names
    ``shown``, the path the user gave, not the URI made of it ("file:///...?mode=ro")."""
    shown = shown or target
    try:
        conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, uri=uri)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{shown}: cannot open the store ({exc})") from None
    with closed_on_error(conn, shown, "cannot open the store"):
        conn.row_factory = sqlite3.Row
        for pragma in pragmas:
            _pragma(conn, pragma)
    return conn


# SQLite answers "database is locked" at once, without waiting out the busy timeout,
# where waiting could deadlock: switching a new store to WAL while another command opens
# it too is such a case (1 to 9 of 240 opens of new stores by 6 processes at once, here;
# none with the retry). A pragma is tried again for as long as the busy timeout waits.
LOCKED_RETRY_SECONDS = 5.0


def _pragma(conn: sqlite3.Connection, pragma: str) -> None:
    deadline = time.monotonic() + LOCKED_RETRY_SECONDS
    while True:
        try:
            conn.execute(pragma)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def write_error(path: str, exc: sqlite3.OperationalError) -> StoreError:
    if "readonly" in str(exc):
        return ReadOnlyStore(f"{path}: the store is read-only ({exc})")
    if busy := busy_error(path, exc):
        return busy
    return StoreError(f"{path}: cannot write the store ({exc})")


def busy_error(
    path: str, exc: sqlite3.DatabaseError, met: BusyAt = "write"
) -> StoreBusy | None:
    """The error for a store another process held past the busy timeout, or None
    (``met``: what met the lock, :class:`StoreBusy`). Said as "cannot write the store
    (database is locked)", a user running `analyze` in one terminal and `ingest` in
    another was not told why nor what to do."""
    if not isinstance(exc, sqlite3.OperationalError) or not _BUSY.search(str(exc)):
        return None
    return StoreBusy(path, str(exc), BUSY_SECONDS, met=met)


def unreadable(path: str, exc: sqlite3.DatabaseError, met: BusyAt = "read") -> StoreError:
    """The error for a store SQLite cannot read: a damaged file ("database disk image is
    malformed"), a lock held past the busy timeout (met reading, unless ``met`` says
    otherwise; writes go through :func:`write_error`), or a disk that failed."""
    if busy := busy_error(path, exc, met):
        return busy
    if isinstance(exc, sqlite3.OperationalError):
        if "readonly" in str(exc):
            return write_error(path, exc)
        return StoreError(f"{path}: cannot use the store ({exc})")
    if type(exc) is not sqlite3.DatabaseError:
        # A broken constraint or a bad parameter (IntegrityError, ProgrammingError) is
        # no damage to the file: sending the user to .recover would mislead.
        return StoreError(f"{path}: cannot use the store ({type(exc).__name__}: {exc})")
    return StoreError(
        f"{path}: the store is damaged ({exc}); `sqlite3 {path} .recover` may save what it holds"
    )


@contextmanager
def closed_on_error(conn: sqlite3.Connection, path: str, doing: str = "") -> Iterator[None]:
    """Close ``conn`` when opening the store fails (a store half opened holds its file);
    an SQLite error becomes one line: ``f"{path}: {doing} ({error})"``, or when ``doing``
    is empty :func:`unreadable`'s; a busy store says it was met opening, before the
    command read or wrote anything."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        conn.close()
        if doing and not busy_error(path, exc):
            raise StoreError(f"{path}: {doing} ({exc})") from None
        raise unreadable(path, exc, met="open") from None
    except BaseException:
        conn.close()
        raise
