"""One bad row of a manifest (a date that is no date, no path, a JSON item with an
unknown key) refused the whole manifest: every file beside it was read under an outlet
guessed from its name, the good rows unused. Now the good rows apply, each bad row is
one line naming the manifest, the row and the problem, and the file a bad row names is
not read (never stored under an outlet, date or URL nobody gave it)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Store
from tests.conftest import BODY

runner = CliRunner()
PIER = "Pier closes\n\n" + BODY
QUAY = "Quay opens\n\n" + BODY.replace("Tessel", "Varna")
FERRY = "Ferry returns\n\n" + BODY.replace("Tessel", "Ostrel")


def _folder(tmp_path: Path, manifest_name: str, manifest: str) -> Path:
    folder = tmp_path / "scraped"
    folder.mkdir(exist_ok=True)
    (folder / "pier.txt").write_text(PIER, encoding="utf-8")
    (folder / "quay.txt").write_text(QUAY, encoding="utf-8")
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / manifest_name).write_text(manifest, encoding="utf-8")
    return folder


def _ingest(folder: Path, db: Path) -> tuple[str, dict[str, str | None]]:
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    with Store(db) as store:
        stored = {Path(a.source).name: a.outlet for a in store.list_articles()}
    return result.stderr, stored


def test_good_rows_apply_and_a_bad_rows_file_is_not_read(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "newsprism.csv",
        "path,outlet,published\n"
        "pier.txt,Tessel Tidings,2026-03-03T09:15:00+01:00\n"
        "quay.txt,Quay Courier,next Tuesday\n",
    )
    stderr, stored = _ingest(folder, tmp_path / "x.db")
    manifest = folder / "newsprism.csv"
    assert stored == {"pier.txt": "Tessel Tidings", "ferry.txt": "ferry"}  # ferry: unlisted
    assert (
        f"{folder / 'quay.txt'}: {manifest} row 3: published 'next Tuesday' is not an ISO "
        "8601 date; not read until the row is fixed"
    ) in stderr


def test_a_row_without_a_path_is_one_line_and_the_others_apply(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path, "newsprism.csv", "path,outlet\n,Nameless Outlet\nquay.txt,Quay Courier\n"
    )
    stderr, stored = _ingest(folder, tmp_path / "x.db")
    assert stored["quay.txt"] == "Quay Courier"
    assert f"{folder / 'newsprism.csv'}: row 2: no path; row not used" in stderr
    assert "Nameless Outlet" not in stored.values()


def test_a_bad_pattern_row_keeps_its_files_unread(tmp_path: Path) -> None:
    """A later pattern does not stand in for the broken one; a file's own row wins."""
    folder = _folder(
        tmp_path,
        "newsprism.csv",
        "path,outlet,published\nq*.txt,Quay Courier,soon\n*.txt,Any Outlet,\n"
        "pier.txt,Tessel Tidings,\n",
    )
    stderr, stored = _ingest(folder, tmp_path / "x.db")
    assert stored == {"pier.txt": "Tessel Tidings", "ferry.txt": "Any Outlet"}
    assert "row 2: published 'soon' is not an ISO 8601 date; the files it decides" in stderr
    assert f"{folder / 'quay.txt'}: " in stderr


def test_a_json_item_with_an_unknown_key_is_its_own_line(tmp_path: Path) -> None:
    rows = [
        {"path": "pier.txt", "outlet": "Tessel Tidings"},
        {"path": "quay.txt", "outlet": "Quay Courier", "author": "M. Lind"},
        "ferry.txt",
    ]
    folder = _folder(tmp_path, "newsprism.json", json.dumps(rows))
    stderr, stored = _ingest(folder, tmp_path / "x.db")
    manifest = folder / "newsprism.json"
    assert stored == {"pier.txt": "Tessel Tidings", "ferry.txt": "ferry"}
    assert f"{manifest} item 1: unknown column 'author'; not read until" in stderr
    assert f"{manifest}: item 2: not an object with a path; row not used" in stderr


def test_a_row_broken_later_relabels_nothing_stored(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    folder = _folder(tmp_path, "newsprism.csv", "path,outlet\nquay.txt,Quay Courier\n")
    _ingest(folder, db)
    (folder / "newsprism.csv").write_text(
        "path,outlet,url\nquay.txt,Harbour Herald,https://herald.example/q,extra\n",
        encoding="utf-8",
    )
    stderr, stored = _ingest(folder, db)
    assert stored["quay.txt"] == "Quay Courier"
    assert "row 2: more values than columns" in stderr


def test_a_bad_header_still_refuses_the_whole_manifest(tmp_path: Path) -> None:
    """A column misspelt in the header is every row's mistake: one line, as before."""
    folder = _folder(tmp_path, "newsprism.csv", "path,outlet,publised\nquay.txt,Quay Courier,\n")
    stderr, stored = _ingest(folder, tmp_path / "x.db")
    assert "unknown manifest column 'publised'" in stderr
    assert stored["quay.txt"] == "quay"
