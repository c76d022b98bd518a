"""Stores that cannot be written: read commands still read them, writes fail in one line.

The suite runs as root in CI, and root ignores file modes, so the permission check
(``newsprism.store_open._writable``, ``os.access`` underneath: it does say no to root on a
read-only mount) is replaced to play a read-only file or folder; what it decides is then
real (SQLite ``mode=ro`` or ``immutable=1``). One test uses real modes, skipped as root.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism import store_open
from newsprism.cli import app
from newsprism.errors import ReadOnlyStore, StoreError
from newsprism.store import Store
from newsprism.store_open import Access, OpenMode, open_mode
from tests.conftest import BODY
from tests.test_store import make_article

runner = CliRunner()
Write = Callable[..., Path]


def _cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("exists", "file_ok", "folder_ok", "access", "expected"),
    [
        (True, True, True, "write", "write"),
        (True, True, True, "auto", "write"),
        (True, True, True, "read", "ro"),
        (True, False, True, "auto", "ro"),
        (True, False, True, "read", "ro"),
        (True, True, False, "auto", "immutable"),
        (True, False, False, "auto", "immutable"),
        (True, False, False, "read", "immutable"),
        (False, True, True, "auto", "write"),
        (False, True, True, "write", "write"),
    ],
)
def test_open_mode_follows_what_can_be_written(
    tmp_path: Path,
    exists: bool,
    file_ok: bool,
    folder_ok: bool,
    access: Access,
    expected: OpenMode,
) -> None:
    path = tmp_path / "s.db"
    if exists:
        path.write_bytes(b"")
    allowed = {path: file_ok, tmp_path: folder_ok}
    assert open_mode(str(path), access, lambda p: allowed[p]) == expected


@pytest.mark.parametrize(
    ("exists", "file_ok", "folder_ok", "access", "error", "says"),
    [
        (True, False, True, "write", ReadOnlyStore, "read-only"),
        (True, True, False, "write", ReadOnlyStore, "read-only"),
        (False, True, True, "read", StoreError, "no store there"),
        (False, True, False, "auto", StoreError, "cannot create"),
    ],
)
def test_open_mode_refuses_in_one_line(
    tmp_path: Path,
    exists: bool,
    file_ok: bool,
    folder_ok: bool,
    access: Access,
    error: type[Exception],
    says: str,
) -> None:
    path = tmp_path / "s.db"
    if exists:
        path.write_bytes(b"")
    allowed = {path: file_ok, tmp_path: folder_ok}
    with pytest.raises(error, match=says) as raised:
        open_mode(str(path), access, lambda p: allowed[p])
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "filled.db"
    with Store(path) as store:
        store.add_articles([make_article(n) for n in range(3)])
    return path


def test_a_read_only_store_reads_and_refuses_writes_untouched(filled: Path) -> None:
    before = _digest(filled)
    with Store(filled, "read") as store:
        assert store.read_only and store.count_articles() == 3
        with pytest.raises(ReadOnlyStore, match="read-only"):
            store.add_articles([make_article(9)])
    assert _digest(filled) == before


def test_a_store_in_a_read_only_folder_is_opened_immutable(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_open, "_writable", lambda _path: False)
    before = _digest(filled)
    with Store(filled, "auto") as store:
        assert store.read_only and len(store.list_articles()) == 3
        assert store.analysis_failures([a.id for a in store.list_articles()]) == []
    assert _digest(filled) == before
    assert not any(filled.parent.glob("filled.db-*"))  # no -wal or -shm made


@pytest.mark.parametrize("folder_too", [False, True])
def test_read_commands_work_and_writes_fail_in_one_line(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder_too: bool
) -> None:
    db = str(tmp_path / "cli.db")
    write("in/a.txt", "Pier closes\n\n" + BODY)
    write("in/b.txt", "Pier vote\n\n" + BODY.replace("Tessel", "Ridgemoor"))
    assert _cli("ingest", str(tmp_path / "in"), "--db", db)[0] == 0
    listed = json.loads(_cli("articles", "--db", db, "--json")[1])
    before = _digest(Path(db))
    read_only = (lambda _p: False) if folder_too else (lambda p: Path(p).is_dir())
    monkeypatch.setattr(store_open, "_writable", read_only)

    assert len(json.loads(_cli("articles", "--db", db, "--json")[1])) == 2
    code, stdout, _ = _cli("article", listed[0]["id"], "--db", db, "--json")
    assert code == 0 and json.loads(stdout)["quotes"]  # analysed on the fly, not stored
    assert _cli("stories", "--db", db)[0] == 0
    for command in (["ingest", str(tmp_path / "in")], ["analyze", str(tmp_path / "in")]):
        code, _, stderr = _cli(*command, "--db", db)
        assert code == 1 and "read-only" in stderr and len(stderr.strip().splitlines()) == 1
    monkeypatch.undo()
    assert _digest(Path(db)) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file modes")
def test_real_file_modes(write: Write, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    db = folder / "s.db"
    with Store(db) as store:
        store.add_articles([make_article(1)])
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        code, stdout, _ = _cli("articles", "--db", str(db), "--json")
        assert code == 0 and len(json.loads(stdout)) == 1
        code, _, stderr = _cli("ingest", str(write("x.txt", BODY)), "--db", str(db))
        assert code == 1 and "read-only" in stderr
    finally:
        folder.chmod(0o755)


def test_a_folder_given_as_the_store_is_named_a_folder(tmp_path: Path) -> None:
    from newsprism.errors import StoreError

    for access in ("write", "read", "auto"):
        with pytest.raises(StoreError, match=r"a folder, not a store file"):
            store_open.open_mode(str(tmp_path), access)  # type: ignore[arg-type]
