"""Two commands on one store: a command that finds the store held by another process
past the busy timeout says so, and what to do, in one line, and nothing stored is lost.
It said "cannot write the store (database is locked)" and nothing more."""

from __future__ import annotations

import pickle
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from typer.testing import CliRunner

from newsprism import cli_base, store_open
from newsprism.analyze import batch as analyze_batch
from newsprism.analyze.analyzer import ANALYZER_VERSION, AnalyzeOptions, Analyzer
from newsprism.analyze.batch import analyze_run
from newsprism.cli import app
from newsprism.errors import StoreBusy, StoreError
from newsprism.ingest import batch as ingest_batch
from newsprism.store import Store
from newsprism.store_open import Access, unreadable, write_error
from tests.conftest import BODY

runner = CliRunner()
Holder = sqlite3.Connection


def test_a_locked_store_is_called_busy_with_what_to_do() -> None:
    for exc in (
        sqlite3.OperationalError("database is locked"),
        sqlite3.OperationalError("database table is locked"),
    ):
        made = write_error("news.db", exc)
        assert str(made).startswith("news.db: the store is busy (")
        assert "try again once" in str(made)
        # True whatever the caller stored before: the one write undone, the rest kept.
        assert "the write that met it stored nothing, all stored before it is kept" in str(made)
        # A read wrote nothing: it said "the write that met it stored nothing" too.
        read = unreadable("news.db", exc)
        assert isinstance(read, StoreBusy) and str(read).startswith("news.db: the store is busy")
        assert "reading it changed nothing in it: try again once" in str(read)
        assert "write" not in str(read)
    other = write_error("news.db", sqlite3.OperationalError("disk I/O error"))
    assert isinstance(other, StoreError) and "busy" not in str(other)


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait a fifth of a second, not five, for the other process."""
    # From the constant: a literal '= 5000' matched nothing once BUSY_SECONDS changed,
    # and the tests waited the whole timeout without a word.
    waited = f"PRAGMA busy_timeout = {store_open.BUSY_SECONDS * 1000}"
    for name in ("_WRITE_PRAGMAS", "_READ_PRAGMAS"):
        pragmas = getattr(store_open, name)
        assert waited in pragmas
        quicker = tuple("PRAGMA busy_timeout = 200" if p == waited else p for p in pragmas)
        monkeypatch.setattr(store_open, name, quicker)
    monkeypatch.setattr(store_open, "LOCKED_RETRY_SECONDS", 0.2)


@pytest.fixture
def held(tmp_path: Path, quick: None) -> Iterator[tuple[Path, Holder]]:
    """A store with one article, held by another connection's write transaction."""
    db = tmp_path / "news.db"
    first = tmp_path / "first.txt"
    first.write_text(BODY, encoding="utf-8")
    assert runner.invoke(app, ["ingest", "--db", str(db), str(first)]).exit_code == 0
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


def test_the_busy_error_says_what_the_run_stored_and_crosses_processes_whole() -> None:
    busy = write_error("news.db", sqlite3.OperationalError("database is locked"))
    assert isinstance(busy, StoreBusy)
    told = busy.kept_too("this run's 2 new articles")
    assert "all stored before it is kept (this run's 2 new articles too): try again" in str(told)
    assert busy.kept_too("") is busy
    back = pickle.loads(pickle.dumps(told))
    assert isinstance(back, StoreBusy) and str(back) == str(told)


def _three_files(tmp_path: Path) -> list[str]:
    files = []
    for n, town in enumerate(["Tessel", "Varna", "Oskel"]):
        path = tmp_path / f"a{n}.txt"
        path.write_text(BODY.replace("Tessel", town), encoding="utf-8")
        files.append(str(path))
    return files


def _taken_after_first(monkeypatch: pytest.MonkeyPatch, method: str, db: Path) -> Holder:
    """Another connection takes the store's write lock once ``Store.<method>`` has
    committed its first batch: a second command starting between two batches."""
    other = sqlite3.connect(db, isolation_level=None)
    original = getattr(Store, method)

    def then_taken(self: Store, *args: Any, **kwargs: Any) -> Any:
        done = original(self, *args, **kwargs)
        if not other.in_transaction:
            other.execute("BEGIN EXCLUSIVE")
        return done

    monkeypatch.setattr(Store, method, then_taken)
    return other


def test_ingest_held_between_batches_says_its_earlier_batches_are_stored(
    tmp_path: Path, quick: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It said "this step stored nothing" when the first batch of the run was stored."""
    db = tmp_path / "news.db"
    files = _three_files(tmp_path)
    with Store(db):
        pass  # made before the other connection opens it
    monkeypatch.setattr(ingest_batch, "BATCH_SIZE", 1)
    other = _taken_after_first(monkeypatch, "add_articles", db)
    result = runner.invoke(app, ["ingest", "--db", str(db), *files])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert "the write that met it stored nothing" in line
    assert "(this run's 1 new article too)" in line
    other.execute("ROLLBACK")
    other.close()
    monkeypatch.undo()
    with Store(db, access="read") as store:
        assert store.count_articles() == 1
    # The rerun stores the other two, and the first once.
    again = runner.invoke(app, ["ingest", "--db", str(db), *files])
    assert again.exit_code == 0, again.stderr
    (counts,) = [line for line in again.stdout.splitlines() if re.search(r"\d", line)]
    # inputs, ingested, duplicate, failed
    assert [int(n) for n in re.findall(r"\d+", counts)] == [3, 2, 1, 0]
    with Store(db, access="read") as store:
        assert store.count_articles() == 3


def test_analyze_held_between_batches_says_how_many_analyses_are_stored(
    tmp_path: Path, quick: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "news.db"
    assert runner.invoke(app, ["ingest", "--db", str(db), *_three_files(tmp_path)]).exit_code == 0
    with Store(db) as store:
        ids = [a.id for a in store.list_articles()]
    assert len(ids) == 3
    analyzer = Analyzer(AnalyzeOptions())
    monkeypatch.setattr(analyze_batch, "SAVE_BATCH", 1)
    other = _taken_after_first(monkeypatch, "save_analyses", db)
    with Store(db) as store, pytest.raises(StoreBusy) as busy:
        analyze_run(store, ids, analyzer=analyzer)
    assert "(this run's 1 of 3 analyses too)" in str(busy.value)
    other.execute("ROLLBACK")
    other.close()
    monkeypatch.undo()
    analysed: list[str] = []
    with Store(db) as store:
        assert len(store.unanalyzed(ids, ANALYZER_VERSION)) == 2
        # The rerun analyses the two left, not the one stored.
        run = analyze_run(store, ids, analyzer=analyzer, on_done=analysed.append)
        assert sorted(run.analyses) == sorted(ids)
        assert store.unanalyzed(ids, ANALYZER_VERSION) == []
    assert analysed[0] == 1  # the stored one, counted done up front


@pytest.mark.parametrize("command", ["stories", "articles"])
def test_a_read_command_on_a_held_store_says_it_changed_nothing(
    held: tuple[Path, Holder], command: str
) -> None:
    db, other = held
    # A holder in exclusive locking mode keeps readers out even of a WAL store.
    other.execute("ROLLBACK")
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("SELECT count(*) FROM sqlite_master").fetchone()
    result = runner.invoke(app, [command, "--db", str(db)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {db}: the store is busy (database is locked)")
    assert "nothing was read or changed: try again once that one is done" in line
    assert "the write that met it" not in line
    other.execute("ROLLBACK")


def test_the_busy_wording_of_a_read_crosses_processes_whole() -> None:
    read = unreadable("news.db", sqlite3.OperationalError("database is locked"))
    assert isinstance(read, StoreBusy)
    back = pickle.loads(pickle.dumps(read))
    assert isinstance(back, StoreBusy) and str(back) == str(read) and back.met == "read"


@pytest.mark.parametrize(
    ("access", "said"), [("write", "the write that met it"), ("auto", "reading")]
)
def test_a_raw_lock_error_in_a_command_says_what_met_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, access: Access, said: str
) -> None:
    # A write command's body meeting a raw 'database is locked' was told "reading it
    # changed nothing in it" (open_store judged every raw SQLite error a read's).
    lines: list[str] = []

    def failed(message: str, code: int = 1) -> NoReturn:
        lines.append(message)
        raise SystemExit(code)

    monkeypatch.setattr(cli_base, "fail", failed)
    with pytest.raises(SystemExit), cli_base.open_store(tmp_path / "news.db", access):
        raise sqlite3.OperationalError("database is locked")
    (line,) = lines
    assert "the store is busy (database is locked)" in line and said in line
    assert ("reading" in line) == (access != "write")
