"""``--out`` naming the store (or its -wal/-shm/-journal file) is refused before any
work: ``export --all -o news.db`` wrote its CSV over the store, every article gone."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.cli_base import refuse_out_on_store, writable_out
from newsprism.store import Store
from tests.conftest import BODY


@pytest.fixture
def db(tmp_path: Path) -> Path:
    article = tmp_path / "pier.txt"
    article.write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    path = tmp_path / "news.db"
    result = CliRunner().invoke(app, ["ingest", str(article), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--all"],
        ["export", "--all", "--format", "jsonl"],
        ["brief", "s0000"],
        ["analyze", "{input}", "--format", "md"],
    ],
)
@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_out_on_the_store_is_a_usage_error(db: Path, command: list[str], suffix: str) -> None:
    before = db.read_bytes()
    out = Path(f"{db}{suffix}")
    args = [c.replace("{input}", str(db.parent / "pier.txt")) for c in command]
    result = CliRunner().invoke(app, [*args, "--db", str(db), "--out", str(out)])
    assert result.exit_code == 2, result.output
    what = "the store" if not suffix else "the store's wal file"
    assert result.stderr == f"error: --out {out} is {what} ({db.resolve()}); write elsewhere\n"
    assert db.read_bytes() == before
    with Store(db) as store:
        assert store.count_articles() == 1


def test_the_default_store_is_protected_too(
    db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSPRISM_DB", str(db))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["export", "--all", "--out", "news.db"])
    assert result.exit_code == 2, result.output
    with Store(db) as store:
        assert store.count_articles() == 1


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose entries stat refuses with EACCES, as for a user without search
    permission on it (made so here: the tests may run as root)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    real_stat = Path.stat

    def stat(path: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if path.parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    return folder


def test_an_out_we_may_not_look_at_is_a_usage_error(db: Path, locked: Path) -> None:
    # It came out as "unexpected PermissionError ...: a bug, or a damaged store".
    out = locked / "all.csv"
    result = CliRunner().invoke(app, ["export", "--all", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "unexpected" not in result.stderr
    with pytest.raises(typer.BadParameter) as refused:
        writable_out(out)
    assert str(refused.value) == f"{out}: cannot write there (Permission denied)"


def test_an_out_we_may_not_look_at_is_no_store(db: Path, locked: Path) -> None:
    # A target we cannot stat is not the store: no PermissionError, no refusal.
    refuse_out_on_store(locked / "all.csv", db)
